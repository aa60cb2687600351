"""The test crowd for a long time: waves of chaos visitors, each followed by an empty hall.

    python -m tests.bench.bench_chaos [--minutes 30] [--wave 200] [--seed 1]

After each wave the kiosk must return to attract by itself; at the end every visit that
started has ended and no ERROR line or exception was logged. Prints actions, the states
reached and the errors found.
"""
from __future__ import annotations

import argparse
import logging
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> None:
    from PySide6.QtTest import QTest

    from kiosk.app import build
    from kiosk.config import Config
    from tests.chaos import ChaosReport, ErrorCatcher, run_crowd

    p = argparse.ArgumentParser()
    p.add_argument("--minutes", type=float, default=30.0)
    p.add_argument("--wave", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    cfg = Config().with_(idle_from_event=False, idle_timeout_s=2.0, still_there_countdown_s=2.0,
                 admin_idle_timeout_s=5.0, next_up_countdown_s=1.0)
    app = build(["--windowed", "--size", "1280x800", "--data", tempfile.mkdtemp()], config=cfg)
    catcher = ErrorCatcher()
    logging.getLogger("kiosk").addHandler(catcher)
    rng = random.Random(args.seed)
    report = ChaosReport()
    returns: list[float] = []
    stuck = 0
    began = time.monotonic()

    def wait(ms: int) -> None:
        QTest.qWait(ms)

    while time.monotonic() - began < args.minutes * 60:
        run_crowd(app, rng, args.wave, wait, report)
        left = time.monotonic()
        while app.controller.state != "attract" and time.monotonic() - left < 240:
            QTest.qWait(50)  # the real event loop runs meanwhile; nobody touches the screen
        if app.controller.state != "attract":
            stuck += 1
        returns.append(time.monotonic() - left)
        print(f"{(time.monotonic() - began) / 60:5.1f} min: {sum(report.actions.values())} "
              f"actions, back to attract in {returns[-1]:.1f} s, errors {len(catcher.lines)}",
              flush=True)
    app.store.flush()
    with sqlite3.connect(app.db_path) as con:
        started = {s for (s,) in con.execute(
            "SELECT session_id FROM events WHERE kind = 'session_started'")}
        ended = {s for (s,) in con.execute(
            "SELECT session_id FROM events WHERE kind = 'session_ended'")}
        reasons = Counter(r for (r,) in con.execute(
            "SELECT reason FROM events WHERE kind = 'session_ended'"))
    print(f"\n{(time.monotonic() - began) / 60:.1f} min, seed {args.seed}: {report.summary()}")
    print(f"visits {len(started)}, not ended {len(started - ended)}, end reasons "
          f"{dict(reasons)}; waves {len(returns)}, back to attract max {max(returns):.1f} s, "
          f"stuck {stuck}")
    print(f"most tapped named items: {report.named.most_common(15)}")
    for line in catcher.lines[:20]:
        print("ERROR:", line)
    app.close()
    sys.exit(1 if catcher.lines or stuck or started - ended else 0)


if __name__ == "__main__":
    main()
