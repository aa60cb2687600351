"""The campaign's question: what it costs the report and what it adds to a visit.

Run: ``python tests/bench/bench_pulse.py [--events 1000000] [--visits 30]`` (not part of the
test run; figures go into docs/insights.md).

1. The report: ``pulse_table`` (the one pass ``kiosk report`` adds; every event and region is
   a sum of its rows) over a generated log of about a million events (tests/pulsegen.py: two of
   three events ask the question, one also the group question), the whole report on that log
   for comparison, and the pass on bench_metrics.py's million-event log in which nobody was
   asked. Medians of 3 runs.
2. A visit: a scripted visitor taps "Tik om te beginnen" and, when asked, a face (and a group),
   until Home shows, in an offscreen kiosk; taps and the kiosk's own time from the first tap to
   Home drawn, median over ``--visits`` visits, with and without ``[pulse]``. A person's
   reading and reaching time is not in it: add about 2 s per tap (the fair's own figure is
   unknown; measure it there).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.config import DEFAULT  # noqa: E402
from kiosk.insights.metrics import Filter  # noqa: E402
from kiosk.insights.pulse_report import pulse_table  # noqa: E402
from tests import pulsegen  # noqa: E402


def median_s(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench_report(n_events: int, folder: Path) -> None:
    db = folder / "pulse.db"
    started = time.perf_counter()
    visits = max(1, n_events * 1500 // len(pulsegen.visits(1500, seed=9)))
    rows = pulsegen.visits(visits)[:n_events]
    pulsegen.write(db, rows)
    print(f"generated {len(rows)} events ({visits} visits) in "
          f"{time.perf_counter() - started:.1f} s, {db.stat().st_size / 1e6:.0f} MB")
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        seconds = median_s(lambda: pulse_table(conn, Filter(), DEFAULT.report))
        table = pulse_table(conn, Filter(), DEFAULT.report)
        print(f"  pulse_table, one pass (what kiosk report adds)   {seconds * 1000:7.0f} ms  "
              f"({table.figures().all.asked} visits asked)")
        started = time.perf_counter()
        for e in pulsegen.EVENTS:
            table.figures(event_id=e)
        for k in pulsegen.KIOSKS:
            table.figures(kiosks=(k,))
        print(f"  every event and kiosk from it                  "
              f"{(time.perf_counter() - started) * 1000:7.1f} ms")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kiosk", "report", str(db), "--out",
                    str(folder / "r.html")], cwd=ROOT, check=True, capture_output=True)
    print(f"  the whole kiosk report on this log             "
          f"{(time.perf_counter() - started) * 1000:7.0f} ms (process start included)")
    from tests.bench.bench_metrics import generate

    plain = folder / "plain.db"
    generate(plain, n_events)
    with sqlite3.connect(f"file:{plain}?mode=ro", uri=True) as conn:
        seconds = median_s(lambda: pulse_table(conn, Filter(), DEFAULT.report))
    print(f"  pulse_table on bench_metrics' log (nobody asked)   {seconds * 1000:7.0f} ms")


def bench_visit(n_visits: int, folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from kiosk.app import build
    from kiosk.config import Config
    from tests.fakeplayer import FakePlayer
    from tests.uitools import find_item, is_shown, touch_tap

    QGuiApplication.instance() or QGuiApplication([])
    config = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False)

    for label, table in (("no [pulse]", None), ("[pulse]", ""),
                         ("[pulse] ask_group = true", "ask_group = true")):
        pack = folder / f"pack-{len(label)}"
        shutil.copytree(ROOT / "episodes", pack)
        if table is not None:
            for event in (pack / "events").glob("*.toml"):
                with event.open("a", encoding="utf-8") as f:
                    f.write(f"\n[pulse]\n{table}\n")
        app = build(["--windowed", "--size", "1920x1080", "--data", str(folder / f"d{len(label)}"),
                     "--content", str(pack)], config=config, player_factory=FakePlayer)
        taps, seconds = run_visits(app, n_visits, QCoreApplication, find_item, is_shown,
                                   touch_tap)
        app.close()
        print(f"  {label:<26} taps to Home {statistics.median(taps):.0f}   kiosk time to Home "
              f"{statistics.median(seconds) * 1000:6.0f} ms median "
              f"(max {max(seconds) * 1000:.0f} ms, {n_visits} visits)")


def run_visits(app, n_visits, QCoreApplication, find_item, is_shown, touch_tap):
    """Each visit: start, then the question's taps (face 4, group 'private') until Home."""
    window = app.window

    def wait(condition) -> None:
        deadline = time.perf_counter() + 10
        while not condition():
            QCoreApplication.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError
        window.grabWindow()  # Home is drawn, not just chosen

    wait(window.isExposed)
    taps, seconds = [], []
    for _ in range(n_visits):
        wait(lambda: is_shown(window, "startButton"))
        started, n = time.perf_counter(), 1
        touch_tap(window, "startButton")
        wait(lambda: app.controller.state in ("home", "pulse"))
        if app.controller.state == "pulse":
            wait(lambda: is_shown(window, "pulseAnswer_4"))
            touch_tap(window, "pulseAnswer_4")
            n += 1
            wait(lambda: app.controller.state == "home"
                 or is_shown(window, "pulseGroup_private"))
            if find_item(window, "pulseGroup_private") is not None:
                touch_tap(window, "pulseGroup_private")
                n += 1
        wait(lambda: app.controller.state == "home" and is_shown(window, "homeGame"))
        seconds.append(time.perf_counter() - started)
        taps.append(n)
        app.controller.endSession()
    return taps, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--visits", type=int, default=30)
    parser.add_argument("--skip-report", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("TZ", "Europe/Amsterdam")
    time.tzset()
    print(f"load: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_report:
            print("report figures:")
            bench_report(args.events, Path(tmp))
        print("a visit's start:")
        bench_visit(args.visits, Path(tmp))


if __name__ == "__main__":
    main()
