"""Soak: thousands of visits through the real window in one process; memory must stay flat.

    python -m tests.bench.bench_soak [--visits 2000]     (the issue's figure: --visits 10000)

The bar: RSS growth from visit 1,000 to the last visit ≤ 5 MB; the database size per 10,000
visits is printed (measured, or extrapolated from a shorter run and said so).

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
    from kiosk.visit.flow import EndReason

    p = argparse.ArgumentParser()
    p.add_argument("--visits", type=int, default=2000)
    args = p.parse_args()
    app = build(["--windowed", "--size", "1920x1080", "--data", tempfile.mkdtemp()],
                config=Config().with_(idle_from_event=False, idle_timeout_s=3600))
    c, player, game = app.controller, app.player, app.game

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
            app.qapp.exit(0)  # quit() asks the windows, and the kiosk window refuses to close

    QTimer.singleShot(0, step)
    app.qapp.exec()
    app.store.flush()
    first = samples[min(2, len(samples) - 1)][1]  # after warm-up
    last = samples[-1][1]
    took = time.monotonic() - began
    print(f"\n{args.visits} visits in {took:.0f} s; RSS after warm-up "
          f"{first:.1f} MB → end {last:.1f} MB ({last - first:+.1f} MB); "
          f"sessions stored: {app.store.sessions_count()}")
    at_1000 = [rss for visit, rss in samples if visit >= 1000]
    if at_1000:
        growth = last - at_1000[0]
        print(f"RSS visit 1,000 → {args.visits:,}: {at_1000[0]:.1f} → {last:.1f} MB "
              f"({growth:+.1f} MB; bar ≤ +5 MB: {'ok' if growth <= 5 else 'OVER'})")
    db_bytes = sum(p.stat().st_size for p in app.db_path.parent.glob(app.db_path.name + "*"))
    per_10k = db_bytes / args.visits * 10_000
    print(f"database {db_bytes / 2**20:.1f} MB for {args.visits:,} visits → "
          f"{per_10k / 2**20:.1f} MB per 10,000 visits"
          + ("" if args.visits >= 10_000 else " (extrapolated)")
          + f"; {took / args.visits * 10_000 / 3600:.1f} h per 10,000 visits at this pace")
    app.close()


if __name__ == "__main__":
    main()
