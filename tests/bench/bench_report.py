"""Campaign report benchmark: ``kiosk report`` on a million events (time, peak memory, size).

Run: ``python tests/bench/bench_report.py [--events 1000000] [--keep DIR] [--out FILE.html]``
(not part of the test run; figures go into the note). The log is bench_metrics.py's generator
(three kiosks, two events, open days 09–16 h); a ``kiosks`` table with names and regions is
added so the region comparison runs too. Each run is a new process that reports its own peak
memory (``VmHWM``, Linux).
"""
from __future__ import annotations

import argparse
import json
import os
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
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, "report", str(db), "--out", str(out),
                           *options], cwd=ROOT, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    return seconds, int(done.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="reuse/keep the data dir here")
    parser.add_argument("--out", type=Path, help="keep the nl report here")
    args = parser.parse_args()
    os.environ.setdefault("TZ", "Europe/Amsterdam")
    time.tzset()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.keep or Path(tmp) / "data"
        data.mkdir(parents=True, exist_ok=True)
        db = seeded_db(data, args.events)
        add_kiosks(db)
        out = args.out or Path(tmp) / "report.html"
        for label, options in (("report, all events (nl)", ()),
                               ("report, all events (en)", ("--lang", "en")),
                               ("report --event techniekmarkt-2026", ("--event",
                                                                      "techniekmarkt-2026"))):
            target = out if not options else Path(tmp) / "other.html"
            seconds, peak = run_report(db, target, *options)
            print(f"{label:<40} {seconds:6.1f} s   peak RSS {peak:5.0f} MB   "
                  f"{target.stat().st_size / 1024:6.0f} kB")


if __name__ == "__main__":
    main()
