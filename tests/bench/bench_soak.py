"""Soak: thousands of visits through the real window in one process; memory must stay flat.

    python -m tests.bench.bench_soak [--visits 2000]

Each visit: start, home, episodes, play a clip (first frame), end card skipped, game with a
few swipes, companies, back home, idle-style end. RSS is sampled every 100 visits.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    from PySide6.QtCore import QTimer

    from kiosk.app import build
    from kiosk.config import Config
    from kiosk.core.flow import EndReason

    p = argparse.ArgumentParser()
    p.add_argument("--visits", type=int, default=2000)
    args = p.parse_args()
    app = build(["--windowed", "--size", "1920x1080", "--data", tempfile.mkdtemp()],
                config=Config(idle_from_event=False, idle_timeout_s=3600))
    c, player, game = app.controller, app.window._playback.player, app.window._game

    episodes = [e for e in app.pack.episodes if "students" in app.pack.episodes[e].audience]
    samples: list[tuple[int, float]] = []
    began = time.monotonic()

    # The visits run as steps inside the real event loop (qapp.exec), as at a fair: a manual
    # processEvents() loop never runs Qt's deferred deletes and would fake a leak.
    def visit_steps(visit: int):
        c.start()
        c.openSection("episodes")
        yield 10
        c.playEpisode(episodes[visit % len(episodes)], "tile")
        for _ in range(200):  # up to ~2 s for the first frame
            if player.state == "playing":
                break
            yield 10
        c.goHome()
        c.openSection("game")
        game.start("solo")
        for _ in range(3):
            card = game.playerA.card
            if card:
                game.playerA.swipe(card["id"], visit % 2 == 0, "button")
            yield 1
        c.goHome()
        c.openSection("companies")
        yield 10
        c.flow.end_session(EndReason.IDLE, c.now())
        yield 10

    def visits():
        for visit in range(args.visits):
            yield from visit_steps(visit)
            if visit % 100 == 0 or visit == args.visits - 1:
                samples.append((visit, rss_mb()))
                print(f"visit {visit:5d}  rss {samples[-1][1]:7.1f} MB  "
                      f"{time.monotonic() - began:6.0f} s", flush=True)

    steps = visits()

    def step() -> None:
        try:
            QTimer.singleShot(next(steps), step)
        except StopIteration:
            app.qapp.quit()

    QTimer.singleShot(0, step)
    app.qapp.exec()
    app.store.flush()
    first = samples[min(2, len(samples) - 1)][1]  # after warm-up
    last = samples[-1][1]
    print(f"\n{args.visits} visits in {time.monotonic() - began:.0f} s; RSS after warm-up "
          f"{first:.1f} MB → end {last:.1f} MB ({last - first:+.1f} MB); "
          f"sessions stored: {app.store.sessions_count()}")
    app.close()


if __name__ == "__main__":
    main()
