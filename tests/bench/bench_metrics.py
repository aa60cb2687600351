"""Insights benchmark: ``kiosk stats``, the dashboard, ``kiosk export`` and ``kiosk merge`` of
30 snapshots on a million events.

Run: ``python tests/bench/bench_metrics.py [--events 1000000] [--keep DIR] [--screenshot PNG]
[--parts cli,dashboard,merge] [--snapshots 30]``
(not part of the test run; figures go into the insights note). Aims: stats < 2 s, dashboard < 1 s,
the merge of 30 snapshots (a million events) ≤ 5 s of CPU.
``--screenshot`` also saves the dashboard on the busiest day of the generated log. With
``--keep DIR`` the merge part keeps its snapshots in DIR/merge and merges the same ones again
the next time (so a change is measured on the very same files).
"""
from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.config import DEFAULT  # noqa: E402
from kiosk.storage.db import EVENT_COLUMNS, connect, open_database  # noqa: E402

EPISODES = {  # id → chance a play reaches the end (so the chart has a shape)
    "ads-s1e1": 0.72, "ads-s1e2": 0.61, "ads-s1e3": 0.55, "ads-s1e4": 0.48, "ads-s1e5": 0.44,
    "ouders-s1e1": 0.35, "ouders-s1e2": 0.30, "toh-s1e1": 0.80, "toh-s1e2": 0.66,
    "toh-s1e3": 0.58, "toh-s1e4": 0.52,
}
CARDS = ["boomhut", "laadpaal", "fietsremmen", "lassen", "scooter-start", "verwarming-koud",
         "wifi", "scheepsmotor", "zolderkamer", "game-level", "bus-wrap", "metalen-lamp"]
JOBS = ["elektromonteur", "game-developer", "automonteur", "lasser", "monteur-zonnepanelen",
        "timmerman", "mediavormgever", "software-developer", "matroos", "installatiemonteur",
        "cnc-operator", "fietstechnicus"]
EVENTS = ["techniekmarkt-2026", "open-dag-2026"]
KIOSKS = ["k1a2b3c", "k4d5e6f", "k7a8b9c"]


def generate(path: Path, n_events: int, seed: int = 1) -> int:
    """Write ``n_events`` plausible events (open days 09–16 h local) into a new kiosk database."""
    open_database(path, DEFAULT.store).close()
    def midnight(day_no: int) -> float:  # local, so days keep 09–16 h across summer time
        return time.mktime((2026, 3, 12 + day_no, 0, 0, 0, 0, 0, -1))

    start = midnight(0)
    rnd = random.Random(seed)
    index = {c: i for i, c in enumerate(EVENT_COLUMNS)}
    days: dict[int, str] = {}
    rows: list[list[Any]] = []
    ts = start + 9 * 3600  # 09:00 on the first day
    day_no = 0
    while len(rows) < n_events:
        ts += rnd.expovariate(1 / 70)  # a new visitor about every 70 s
        if ts - midnight(day_no) > 16 * 3600:  # after 16:00: next day at 09:00
            day_no += 1
            ts = midnight(day_no) + 9 * 3600
        kiosk, event, sid = rnd.choice(KIOSKS), EVENTS[day_no % 2], f"{rnd.getrandbits(64):016x}"
        t = ts

        def add(kind: str, gap: float, kiosk: str = kiosk, event: str = event, sid: str = sid,
                **fields: Any) -> None:
            nonlocal t
            t += gap
            key = int(t // 3600)
            if key not in days:
                days[key] = time.strftime("%Y-%m-%d", time.localtime(t))
            row: list[Any] = [None] * len(EVENT_COLUMNS)
            row[:6] = [kiosk, t, days[key], event, sid, kind]
            for name, value in fields.items():
                row[index[name]] = value
            rows.append(row)

        add("session_started", 0)
        add("screen_shown", 1, screen="home")
        if rnd.random() < 0.15:
            add("language_changed", 2, lang="en")
        for n in range(rnd.choice([0, 0, 1, 1, 2, 3, 4])):
            ep = rnd.choice(list(EPISODES))
            add("episode_started", 3, episode_id=ep, via="autoplay" if n else "tile")
            full = rnd.random() < EPISODES[ep]
            fraction = rnd.uniform(0.9, 1.0) if full else rnd.uniform(0.05, 0.89)
            for pct in (25, 50, 75):
                if fraction * 100 >= pct:
                    add("episode_progress", 15, episode_id=ep, pct=pct)
            add("episode_finished", 10, episode_id=ep, fraction=fraction)
        if rnd.random() < 0.55:
            add("game_started", 5, mode=rnd.choice(["solo", "solo", "duo"]))
            for card in rnd.sample(CARDS, 10):
                add("card_swiped", rnd.uniform(2, 6), card_id=card,
                    liked=rnd.random() < 0.3 + 0.05 * CARDS.index(card) % 0.6, via="swipe")
            if rnd.random() < 0.75:
                jobs = rnd.choices(JOBS, weights=range(len(JOBS), 0, -1), k=3)
                add("game_finished", 5, jobs=",".join(dict.fromkeys(jobs)),
                    duration=rnd.uniform(40, 150), mode="solo")
                add("qr_shown", 2, purpose="result", target=jobs[0])
            else:
                add("game_abandoned", 5, at_card=10)
        add("session_ended", rnd.choice([60, 3]), reason=rnd.choice(["idle", "idle", "home"]))
    rows = rows[:n_events]
    conn = connect(path, DEFAULT.store)
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})", rows)
    conn.execute("COMMIT")
    conn.close()
    return len(rows)


def timed(label: str, fn: Callable[[], Any], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    best, median = min(times), statistics.median(times)
    print(f"{label:<52} best {best * 1000:7.0f} ms   median {median * 1000:7.0f} ms")
    return median


def busiest_day(db: Path) -> str:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT day FROM events WHERE kind = 'session_started' "
                            "GROUP BY day ORDER BY count(*) DESC LIMIT 1").fetchone()[0]


def bench_cli(data: Path, out_dir: Path) -> None:
    from kiosk.cli import run_tool

    day = busiest_day(data / "kiosk.db")
    timed("kiosk stats (all, in process)", lambda: run_tool(["stats", "--data", str(data)],
                                                            io.StringIO()))
    timed(f"kiosk stats --event {EVENTS[0]}",
          lambda: run_tool(["stats", "--data", str(data), "--event", EVENTS[0]], io.StringIO()))
    timed(f"kiosk stats --day {day}",
          lambda: run_tool(["stats", "--data", str(data), "--day", day], io.StringIO()))
    timed("python -m kiosk stats (all, new process)", lambda: subprocess.run(
        [sys.executable, "-m", "kiosk", "stats", "--data", str(data)], cwd=ROOT, check=True,
        stdout=subprocess.DEVNULL), runs=2)
    timed("kiosk export (events.csv, meta.csv, summary.csv)", lambda: run_tool(
        ["export", "--data", str(data), "--out", str(out_dir)], io.StringIO()), runs=1)
    size = sum(p.stat().st_size for p in out_dir.iterdir())
    print(f"{'  export size':<52} {size / 1e6:.0f} MB")
    merged = out_dir / "merged.db"
    timed("kiosk merge (1 input into a new file)", lambda: run_tool(
        ["merge", str(merged), str(data / "kiosk.db")], io.StringIO()), runs=1)
    timed("kiosk merge again (idempotent, adds 0)", lambda: run_tool(
        ["merge", str(merged), str(data / "kiosk.db")], io.StringIO()), runs=1)


def bench_dashboard(data: Path, screenshot: Path | None) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QUrl
    from PySide6.QtQuick import QQuickView
    from PySide6.QtGui import QGuiApplication

    from kiosk import paths
    from kiosk.config import DEFAULT
    from kiosk.pack.loader import load_pack
    from kiosk.ui.chart_images import ChartImages
    from kiosk.ui.dashboard import Dashboard
    from kiosk.ui.kiosk_singleton import Kiosk, expose

    app = QGuiApplication.instance() or QGuiApplication([])
    pack = load_pack(paths.sample_pack(), DEFAULT)
    db = data / "kiosk.db"
    day = busiest_day(db)
    noon = time.mktime(time.strptime(day, "%Y-%m-%d")) + 12 * 3600
    dash = Dashboard(db, DEFAULT, pack=pack, event_id=EVENTS[0], clock=lambda: noon)
    for label, event, d in (("all events, all days", "", ""),
                            ("one event, all days", EVENTS[0], ""),
                            ("one event, busiest day", EVENTS[0], day)):
        dash._event, dash._day = event, d  # same as setFilter, without starting a thread
        timed(f"dashboard figures: {label}", dash.compute_now)

    def open_view() -> QQuickView:
        view = QQuickView()
        view.setColor("#0E1633")
        expose(view.engine(), Kiosk(dashboard=dash))
        view.engine().addImageProvider("charts", ChartImages(dash))
        view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
        view.setSource(QUrl.fromLocalFile(str(paths.qml_dir() / "components" / "Dashboard.qml")))
        view.resize(1920, 1080)
        view.show()
        dash.refresh()
        while dash.busy:
            app.processEvents()
        view.grabWindow()  # the first frame with the figures
        return view

    views: list[QQuickView] = []
    dash._event, dash._day = "", ""
    timed("dashboard open (QML + figures + first frame), all", lambda: views.append(open_view()))
    dash._event, dash._day = EVENTS[0], day
    timed("dashboard open, one event, busiest day", lambda: views.append(open_view()))
    if screenshot is not None:
        views[-1].grabWindow().save(str(screenshot))
        print(f"screenshot of {day}: {screenshot}")
    for view in views:
        view.setSource(QUrl())


def bench_merge(tmp: Path, snapshots: int, events: int) -> None:
    """``kiosk merge`` of ``snapshots`` outbox snapshots holding ``events`` in all (new file, then
    again: adds nothing), wall and CPU time; and a ``kiosk report`` on the file while a merge
    into it runs (it must finish with its page or one line, never a traceback)."""
    import resource
    import threading

    from kiosk.insights.export import run_merge
    from kiosk.storage.snapshot import snapshot
    from tests.bench.bench_campaign import fill_events

    folder = tmp / f"outboxes-{snapshots}x{events}"
    per = events // snapshots
    if not folder.is_dir():  # kept with --keep: the next run merges the very same snapshots
        for i in range(snapshots):
            src = tmp / f"k{i}" / "kiosk.db"
            src.parent.mkdir(parents=True, exist_ok=True)
            src.unlink(missing_ok=True)
            fill_events(src, per, kiosk=f"kbench{i:02d}")
            snapshot(src, folder.with_name(f".{folder.name}") / f"kiosk-{i:02d}", DEFAULT.store)
            src.unlink()
        folder.with_name(f".{folder.name}").rename(folder)
    merged = tmp / "campaign.db"
    for old in tmp.glob("*campaign.db*"):  # from an earlier run with --keep
        old.unlink()

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    for label in ("merge into a new file", "merge again (adds nothing)"):
        wall, used = time.perf_counter(), cpu()
        assert run_merge(merged, [folder], io.StringIO(), sys.stderr, DEFAULT) == 0
        print(f"{label} ({snapshots} snapshots, {per * snapshots} events): "
              f"{time.perf_counter() - wall:.2f} s wall, {cpu() - used:.2f} s CPU, "
              f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    # A report while more is merged into the same file.
    more = tmp / "more"
    shutil.rmtree(more, ignore_errors=True)
    for i in range(3):
        src = tmp / f"m{i}" / "kiosk.db"
        src.parent.mkdir(parents=True, exist_ok=True)
        src.unlink(missing_ok=True)
        fill_events(src, per, kiosk=f"kmore{i:02d}", offset=10 * per)
        snapshot(src, more / f"kiosk-{i:02d}", DEFAULT.store)
    merging = threading.Thread(target=run_merge, args=(merged, [more], io.StringIO(),
                                                       io.StringIO(), DEFAULT))
    merging.start()
    done = subprocess.run([sys.executable, "-m", "kiosk", "report", str(merged), "--out",
                           str(tmp / "during.html")], cwd=ROOT, capture_output=True, text=True)
    merging.join()
    print(f"report during a merge: exit {done.returncode}, "
          f"{(done.stdout or done.stderr).strip().splitlines()[-1]}")
    assert "Traceback" not in done.stderr


def seeded_db(data: Path, n_events: int) -> Path:
    """``data/kiosk.db`` with ``n_events`` generated events (an existing one is reused)."""
    db = data / "kiosk.db"
    if not db.exists():
        started = time.perf_counter()
        n = generate(db, n_events)
        print(f"generated {n} events in {time.perf_counter() - started:.1f} s, "
              f"{db.stat().st_size / 1e6:.0f} MB")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="reuse/keep the data dir here")
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--parts", default="cli,dashboard,merge")
    parser.add_argument("--snapshots", type=int, default=30)
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    os.environ.setdefault("TZ", "Europe/Amsterdam")
    time.tzset()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.keep or Path(tmp) / "data"
        data.mkdir(parents=True, exist_ok=True)
        if parts & {"cli", "dashboard"}:
            seeded_db(data, args.events)
        if "cli" in parts:
            bench_cli(data, Path(tmp) / "export")
        if "dashboard" in parts:
            bench_dashboard(data, args.screenshot)
        if "merge" in parts:
            bench_merge((args.keep or Path(tmp)) / "merge", args.snapshots, args.events)


if __name__ == "__main__":
    main()
