"""Swipe game UI benchmark. Not part of the test run.

    QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_swipe_ui [--runs 3] [--size 1920x1080]

Drives the real window with scripted touch drags (half of them) and button taps (the other
half) through the 24-card deck, and reports per swipe:

- release → next card ready: from the moment the finger's release is handed to Qt until the
  top card shows the next card id (QML handler, Python ``swipe``, event queued, bindings);
- release → next frame: until the window has swapped the next frame showing it;

the last card's release until the run is scored (it has no next card), and the full 24-card
run from the start to the result screen.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QPoint, QTimer
    from PySide6.QtTest import QTest

    from kiosk.app import build
    from kiosk.config import Config
    from tests.uitools import centre, find_item, touch_device

    app = build(["--windowed", "--size", args.size, "--data", tempfile.mkdtemp(),
                 "--content", str(ROOT / "episodes")],
                config=Config().with_(idle_timeout_s=3600.0, idle_from_event=False))
    window, game = app.window, app.game
    frames = {"n": 0}
    window.frameSwapped.connect(lambda: frames.__setitem__("n", frames["n"] + 1))

    def wait_frame(after: int, timeout_ms: int = 2000) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if frames["n"] > after else None)
        timer.start(0)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        timer.stop()

    def settle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    ready: list[float] = []
    finish: list[float] = []
    framed: list[float] = []
    runs: list[float] = []
    app.controller.start()
    for _ in range(args.runs):
        app.controller.openSection("game")
        settle(200)
        run_start = time.perf_counter()
        game.start("solo")
        wait_frame(frames["n"])
        i = -1
        # The game picks each next card from the answers and may end with duels; a duel is
        # chosen straight away (its tap is not what this bench measures).
        while app.controller.state == "game" and not game.playerA.done:
            if game.playerA.duel:
                game.playerA.choose(game.playerA.duel["a"]["id"])
                settle(5)
                continue
            i += 1
            card = find_item(window, "swipeCard")
            liked = i % 3 != 2
            if i % 2 == 0:   # a drag: press, moves (one per frame, as a screen reports them)
                start = centre(card)
                shift = round(card.width() * 0.6)
                end = QPoint(start.x() + (shift if liked else -shift), start.y())
                QTest.touchEvent(window, touch_device()).press(0, start, window).commit()
                for step in range(1, 7):
                    p = QPoint(start.x() + (end.x() - start.x()) * step // 6, start.y())
                    QTest.touchEvent(window, touch_device()).move(0, p, window).commit()
                    wait_frame(frames["n"])
                before = frames["n"]
                t0 = time.perf_counter()
                QTest.touchEvent(window, touch_device()).release(0, end, window).commit()
            else:            # a button tap
                button = find_item(window, "likeButton" if liked else "nopeButton")
                pos = centre(button)
                QTest.touchEvent(window, touch_device()).press(0, pos, window).commit()
                before = frames["n"]
                t0 = time.perf_counter()
                QTest.touchEvent(window, touch_device()).release(0, pos, window).commit()
            t1 = time.perf_counter()
            session = game.playerA.session
            more = session is not None and session.current_card() is not None
            if more:
                assert card.property("cardId") == session.current_card().id, \
                    "card not ready after release"
            # The answer that ends the run scores it (reported apart); one before a duel too.
            (ready if more or (session and session.current_duel()) else finish).append(
                (t1 - t0) * 1000)
            wait_frame(before)
            if more:
                framed.append((time.perf_counter() - t0) * 1000)
        while app.controller.state != "result":
            settle(5)
        wait_frame(frames["n"])
        runs.append(time.perf_counter() - run_start)
        settle(300)

    print(f"platform {os.environ['QT_QPA_PLATFORM']}, {args.size}, {args.runs} runs "
          "(the game's own number of cards: half drags, half buttons; duels chosen directly)")
    print(f"release → next card ready: median {statistics.median(ready):.2f} ms, "
          f"p95 {pct(ready, 0.95):.2f} ms, max {max(ready):.2f} ms")
    print(f"release → next frame:      median {statistics.median(framed):.2f} ms, "
          f"p95 {pct(framed, 0.95):.2f} ms, max {max(framed):.2f} ms")
    print(f"last card → result scored (3 jobs + verrassing + reasons): median "
          f"{statistics.median(finish):.2f} ms, max {max(finish):.2f} ms")
    print(f"full run (scripted, incl. one frame per drag step): "
          f"{', '.join(f'{r:.2f} s' for r in runs)}")
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
