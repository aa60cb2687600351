"""A full visit at a visitor's pace, timed. Not part of the test run.

    QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_visit_time [--card-s 2-3] [--size 1920x1080]

Drives the real window with touches and waits as a student at a fair would: a tap to start,
two seconds to choose on home, the game with ``--card-s`` per card (a range such as 2-3: each
card's pause drawn from it with a fixed seed; read, think, swipe), ten seconds on the result,
one role model's clip to its end (FakePlayer-free: the real player decodes it), the end card
into the next clip (its countdown, or a tap on the suggested series), a swipe up after a few
seconds (the swipe's latency to the next clip's start is printed too), Home, "Klaar".
Prints each step's time and the whole visit's, the render mode and the machine's load
average, so a change that adds a screen or a wait shows.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--card-s", default="2-3", help="seconds per card, or a range: 2-3")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--seed", type=int, default=30)
    args = parser.parse_args()
    low, _, high = args.card_s.partition("-")
    card_s = (float(low), float(high or low))
    rng = random.Random(args.seed)
    load_before = os.getloadavg()

    from PySide6.QtCore import QEventLoop, QPoint, QTimer

    from kiosk.app import build
    from kiosk.config import Config
    from tests.uitools import is_shown, touch_drag, touch_tap

    app = build(["--windowed", "--size", args.size, "--data", tempfile.mkdtemp(),
                 "--content", str(ROOT / "episodes")],
                config=Config().with_(idle_timeout_s=3600.0, idle_from_event=False))
    window, c = app.window, app.controller

    def wait(cond, timeout_s: float = 60.0) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if cond() else None)
        timer.start(5)
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        loop.exec()
        if not cond():
            raise SystemExit("the visit got stuck")

    def pause(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    steps: list[tuple[str, float]] = []
    begin = last = time.perf_counter()

    def mark(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        steps.append((name, now - last))
        last = now

    wait(window.isExposed)
    begin = last = time.perf_counter()
    touch_tap(window, "startButton")
    wait(lambda: is_shown(window, "homeGame"))
    pause(2.0)
    touch_tap(window, "homeGame")
    wait(lambda: is_shown(window, "gameStart"))
    pause(3.0)                                   # the swipe demo / intro
    touch_tap(window, "gameStart")
    wait(lambda: is_shown(window, "swipeCard"))
    mark("start → first card")
    cards = 0
    paused = 0.0
    while c.state == "game":
        paused += (think := rng.uniform(*card_s))
        pause(think)
        if is_shown(window, "duelA"):
            touch_tap(window, "duelA")
        elif is_shown(window, "likeButton"):
            touch_tap(window, "likeButton" if cards % 2 == 0 else "nopeButton")
        cards += 1
        wait(lambda: True, 0.2)
        if cards > 80:
            raise SystemExit("the game did not end")
    wait(lambda: c.state == "result")
    mark(f"game: {cards} answers, {paused / max(1, cards):.1f} s each")
    pause(10.0)                                  # reading the result, scanning the code
    watch = next((f"resultWatch_{r}" for r in ("1", "2", "3", "surprise")
                  if is_shown(window, f"resultWatch_{r}")), None)
    mark("result (10 s)")
    if watch is not None:
        touch_tap(window, watch)
        wait(lambda: c.state == "player" and app.player.state == "playing")
        wait(lambda: c.state == "next_up", 120.0)
        mark("a role model's clip to its end")
        before = app.player.episodeId
        wait(lambda: c.state == "player" or (c.state == "next_up"
                                               and not app.playback.countingDown), 30.0)
        if c.state == "next_up" and is_shown(window, "nextUpSuggestion"):
            pause(2.0)                       # another series is suggested: the visitor taps it
            touch_tap(window, "nextUpSuggestion")
        wait(lambda: c.state == "player" and app.player.state == "playing"
             and app.player.episodeId != before, 30.0)
        pause(4.0)
        h, w = window.height(), window.width()
        shown = app.player.episodeId
        touch_drag(window, QPoint(w // 3, h * 2 // 3), QPoint(w // 3, h // 3))
        released = time.perf_counter()
        wait(lambda: app.player.episodeId != shown and app.player.state == "playing")
        swipe_ms = (time.perf_counter() - released) * 1000
        pause(6.0)
        mark("end card, next clip, a swipe up")
    c.goHome()
    wait(lambda: is_shown(window, "endSession"))
    pause(1.5)
    touch_tap(window, "endSession")
    wait(lambda: c.state == "attract")
    mark("home, Klaar")
    for name, seconds in steps:
        print(f"{name:<40} {seconds:6.1f} s")
    print(f"{'whole visit':<40} {time.perf_counter() - begin:6.1f} s")
    if watch is not None:
        print(f"the swipe up: its next clip playing {swipe_ms:.0f} ms after the finger lifted")
    print(f"render mode {app.screens.render.choice.mode}, platform "
          f"{os.environ['QT_QPA_PLATFORM']}, {args.size}; load average before "
          f"{load_before[0]:.1f}, after {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
