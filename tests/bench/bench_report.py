"""Campaign report benchmark: ``kiosk report`` and ``kiosk stats`` against SQLite's own pace.

Run: ``python tests/bench/bench_report.py [--events 1000000,3000000,10000000] [--keep DIR]
[--db FILE] [--rounds 3] [--out FILE.html]`` (not part of the test run; figures go into the note).

Per size, in one run on the same database, each round times: one full scan of the events table
grouped by event and kind (``NOT INDEXED``: the table itself, whatever indexes exist), ``kiosk
stats`` (in this process, and as a new process: ``python -m kiosk stats``, as a user runs it),
and ``kiosk report`` (a new process, start-up and page included). A new ``kiosk stats`` process
reads the pack's titles remembered in the cache folder (``kiosk.pack.titles``; the benchmark's
own, warmed once before the rounds); ``stats, first run`` is one with an empty cache folder,
which loads the pack in full as every run did before; ``stats, after check`` is the first run
after ``kiosk check`` of the pack (not timed: the organiser's own step after changing a pack,
which remembers the titles as it loads the pack anyway). ``--stats-only`` leaves out the report and
the in-process run (quicker rounds at 10 M). The ratios to the scan of the same round are the figures: on a shared
machine the absolute times swing with the load (printed with every round). The log is bench_metrics.py's generator
(three kiosks, two events, open days 09–16 h); a ``kiosks`` table with names and regions is
added so the region comparison runs too. Each run is a new process that reports its own peak
memory (``VmHWM``, Linux).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_metrics import KIOSKS, seeded_db  # noqa: E402

NAMES = {KIOSKS[0]: ("Aula links", "Zwolle"), KIOSKS[1]: ("Hal B", "Kampen"),
         KIOSKS[2]: ("Ingang", "Zwolle")}


def add_kiosks(db: Path) -> None:
    """The table the merge fills from snapshots (the report only reads it)."""
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS kiosks (kiosk_id TEXT PRIMARY KEY, name TEXT, "
                     "region TEXT, pack_id TEXT, pack_version INTEGER, health TEXT, "
                     "updated_ts REAL)")
        for i, (kiosk, (name, region)) in enumerate(NAMES.items()):
            health = {"uptime_s": 28_800 - 600 * i, "restarts": i, "free_disk_mb": 20_000 - i}
            conn.execute("INSERT OR REPLACE INTO kiosks VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (kiosk, name, region, "bliq-sample", 3 + (i == 2), json.dumps(health),
                          time.time()))


# VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child of this process (which
# held the generated rows) would report this process's peak instead of its own.
_CHILD = ("import io, re, sys; from kiosk.cli import run_tool; "
          "code = run_tool(sys.argv[1:], io.StringIO()); "
          "status = open('/proc/self/status').read(); "
          "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)); sys.exit(code)")


def run_report(db: Path, out: Path, *options: str) -> tuple[float, float]:
    """Seconds (process start included) and peak RSS in MB of one ``kiosk report`` process."""
    clock, peak = report_clock(db, out, *options)
    return clock.wall, peak


def report_clock(db: Path, out: Path, *options: str) -> tuple[Clock, float]:
    with Clock(children=True) as clock:
        done = subprocess.run([sys.executable, "-c", _CHILD, "report", str(db), "--out",
                               str(out), *options], cwd=ROOT, check=True, capture_output=True,
                              text=True)
    return clock, int(done.stdout.split()[-1]) / 1024


SCAN = "SELECT event_id, kind, count(*) FROM events NOT INDEXED GROUP BY event_id, kind"


class Clock:
    """Wall time and CPU time (this process's threads, or its finished children's) of a block.

    On a machine shared with other work the wall time mostly measures the queue for the CPU;
    the CPU time is what the work itself costs."""

    def __init__(self, children: bool = False) -> None:
        self.children = children

    def _cpu(self) -> float:
        if not self.children:
            return time.process_time()
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, self._cpu() - self.cpu


def scan_s(db: Path) -> Clock:
    """One full scan of the events table grouped by event and kind, on a new connection."""
    conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        with Clock() as clock:
            conn.execute(SCAN).fetchall()
        return clock
    finally:
        conn.close()


def stats_in_process_s(db: Path) -> Clock:
    from kiosk.cli import run_tool

    with Clock() as clock:
        assert run_tool(["stats", "--data", str(db)], io.StringIO()) == 0
    return clock


def stats_process_s(db: Path, cache: Path, first: bool = False) -> Clock:
    """``python -m kiosk stats`` as a new process, its titles remembered in ``cache``.

    ``first``: the run before the rounds, which also writes Python's bytecode caches (an
    installed kiosk has them; without, every run compiles the modules it imports again)."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    if first:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    with Clock(children=True) as clock:
        subprocess.run([sys.executable, "-m", "kiosk", "stats", "--data", str(db)], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL, env=env)
    return clock


def stats_first_run_s(db: Path, checked: bool = False) -> Clock:
    """The same with nothing remembered: the pack is loaded in full. ``checked``: ``kiosk
    check`` of the (sample) pack ran first, in that empty cache folder."""
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as empty:
        if checked:
            from kiosk import paths

            subprocess.run([sys.executable, "-m", "kiosk", "check", str(paths.sample_pack())],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                           env=dict(os.environ, XDG_CACHE_HOME=empty))
        return stats_process_s(db, Path(empty))


def load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def against_scan(db: Path, out: Path, rounds: int, cache: Path, stats_only: bool = False
                 ) -> None:
    """Scan, stats and report in turns, ``rounds`` times; ratios per round and their median,
    of the wall time and of the CPU time."""
    with sqlite3.connect(db) as conn:
        n = conn.execute("SELECT max(id) FROM events").fetchone()[0]
    print(f"\n{db} ({n / 1e6:.1f} M events, {db.stat().st_size / 1e6:.0f} MB)")
    names = ("stats, new process", "stats, first run", "stats, after check") + (
        () if stats_only else ("stats", "report"))
    wall: dict[str, list[float]] = {k: [] for k in names}
    cpu: dict[str, list[float]] = {k: [] for k in names}
    stats_process_s(db, cache, first=True)  # as after any earlier run: titles, bytecode
    for r in range(rounds):
        scan = scan_s(db)
        clocks = {"stats, new process": stats_process_s(db, cache),
                  "stats, first run": stats_first_run_s(db),
                  "stats, after check": stats_first_run_s(db, checked=True)}
        peak = None
        if not stats_only:
            clocks["stats"] = stats_in_process_s(db)
            clocks["report"], peak = report_clock(db, out)
        parts = [f"scan {scan.wall:6.2f} s wall {scan.cpu:6.2f} s CPU"]
        for name, c in clocks.items():
            wall[name].append(c.wall / scan.wall)
            cpu[name].append(c.cpu / scan.cpu)
            parts.append(f"{name} {c.wall:6.2f} s ({c.wall / scan.wall:4.2f}×) "
                         f"CPU {c.cpu:6.2f} s ({c.cpu / scan.cpu:4.2f}×)")
        memory = f" | report peak RSS {peak:.0f} MB" if peak is not None else ""
        print(f"  round {r + 1}: " + " | ".join(parts) + memory + f" | {load()}", flush=True)
    for label, ratios in (("wall", wall), ("CPU", cpu)):
        print(f"  median ratio to the scan, {label}: " + ", ".join(
            f"{k} {statistics.median(v):.2f}×" for k, v in ratios.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", default="1000000",
                        help="sizes to run, comma-separated (1000000,3000000,10000000)")
    parser.add_argument("--keep", type=Path, help="reuse/keep the data dirs here (one per size)")
    parser.add_argument("--db", type=Path, action="append", default=[],
                        help="also (or only, with --events 0) run on this database")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, help="keep the nl report here")
    parser.add_argument("--languages", action="store_true",
                        help="also time the nl/en/--event reports of the first size")
    parser.add_argument("--stats-only", action="store_true",
                        help="only the scan and the stats processes (no report)")
    args = parser.parse_args()
    os.environ.setdefault("TZ", "Europe/Amsterdam")
    time.tzset()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # in-process runs too: not ~/.cache
        out = args.out or Path(tmp) / "report.html"
        sizes = [int(x) for x in args.events.split(",") if int(x) > 0]
        dbs = []
        for size in sizes:
            data = (args.keep or Path(tmp)) / f"events-{size}"
            data.mkdir(parents=True, exist_ok=True)
            dbs.append(seeded_db(data, size))
            add_kiosks(dbs[-1])
        for db in dbs + args.db:
            against_scan(db, out, args.rounds, Path(tmp) / "cache", args.stats_only)
        if args.languages and dbs:
            languages(dbs[0], out, Path(tmp))


def languages(db: Path, out: Path, tmp: Path) -> None:
    """The report in both languages and for one event: time, peak memory and page size."""
    for label, options in (("report, all events (nl)", ()),
                           ("report, all events (en)", ("--lang", "en")),
                           ("report --event techniekmarkt-2026", ("--event",
                                                                  "techniekmarkt-2026"))):
        target = out if not options else tmp / "other.html"
        seconds, peak = run_report(db, target, *options)
        print(f"{label:<40} {seconds:6.1f} s   peak RSS {peak:5.0f} MB   "
              f"{target.stat().st_size / 1024:6.0f} kB")


if __name__ == "__main__":
    main()
