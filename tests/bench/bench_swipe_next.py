"""Reels-style player benchmark: how long from a swipe up to the next clip on screen. Not part
of the test run.

    QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_swipe_next [--swipes 8] [--size 1920x1080]

Plays the sample pack with the real player (Qt's FFmpeg backend) and swipes up with scripted
touch drags, each once the clip on screen has played for a moment. Per swipe it reports:

- release → next clip started: from the release handed to Qt until the player says the new
  clip runs (its first frame decoded: ``episodeStarted``);
- the UI thread's own CPU time over that wait (``time.thread_time``): what the kiosk itself
  spends, much less bent by other programs' load than the wall-clock figures;
- release → its first frame on screen: until the window swapped the frame that shows it (lean
  mode: the first frame the video item drew after the switch, then the swap after it; full
  mode: the first swap after the switch).

Under xcb (Xvfb) the window shows the frames as a visitor sees them; offscreen draws the same.
The machine's load average is printed before and after: the figures are only as good as it.
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--swipes", type=int, default=8)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--lead-s", type=float, default=None,
                        help="Config.media.standby_lead_s for this run (how early the next clip loads)")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QPoint, QTimer
    from PySide6.QtTest import QTest

    from kiosk.app import build
    from kiosk.config import Config
    from tests.uitools import touch_device

    load_before = os.getloadavg()
    app = build(["--windowed", "--size", args.size, "--data", tempfile.mkdtemp(),
                 "--content", str(ROOT / "episodes")],
                config=Config().with_(idle_timeout_s=3600.0, idle_from_event=False).with_(
                    **({} if args.lead_s is None else {"standby_lead_s": args.lead_s})))
    window, player = app.window, app.player
    frames = {"n": 0}
    window.frameSwapped.connect(lambda: frames.__setitem__("n", frames["n"] + 1))
    lean = app.screens.render.choice.mode == "lean"
    picture = app.screens.render.video if lean else None   # the one LeanVideo of the run

    def drawn() -> int:
        return picture.property("framesDrawn") if picture is not None else 0
    started: list[tuple[str, float]] = []
    player.episodeStarted.connect(lambda e: started.append((e, time.perf_counter())))

    def wait(cond, timeout_ms: int = 10_000) -> bool:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if cond() else None)
        timer.start(1)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        return cond()

    def pause(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    wait(window.isExposed)
    app.controller.start()
    app.controller.openSection("episodes")
    app.controller.playEpisode("ads-s1e1", "tile")
    wait(lambda: len(started) == 1)
    w, h = window.width(), window.height()
    to_start, to_frame, ui_cpu = [], [], []
    for i in range(args.swipes):
        pause(1500)                       # the visitor watches a moment before swiping on
        n = len(started)
        dev = touch_device()
        a, b = QPoint(w // 3, h * 2 // 3), QPoint(w // 3, h // 3)
        QTest.touchEvent(window, dev).press(0, a, window).commit()
        for s in range(1, 9):
            QTest.touchEvent(window, dev).move(0, QPoint(a.x(), a.y() + (b.y() - a.y()) * s // 8),
                                               window).commit()
        released, cpu = time.perf_counter(), time.thread_time()
        QTest.touchEvent(window, dev).release(0, b, window).commit()
        if not wait(lambda n=n: len(started) > n):
            print(f"swipe {i + 1}: no next clip within 10 s")
            continue
        to_start.append((started[-1][1] - released) * 1000)
        ui_cpu.append((time.thread_time() - cpu) * 1000)
        if picture is not None:   # the new clip's frame drawn by the video item …
            before = drawn()
            wait(lambda before=before: drawn() > before, 2000)
        shown = frames["n"]       # … and the window's next swap puts it on screen
        wait(lambda shown=shown: frames["n"] > shown, 2000)
        to_frame.append((time.perf_counter() - released) * 1000)
        print(f"swipe {i + 1}: {started[-1][0]:<14} started {to_start[-1]:6.0f} ms, "
              f"on screen {to_frame[-1]:6.0f} ms, UI thread CPU {ui_cpu[-1]:5.0f} ms")
    if to_start:
        print(f"release → next clip started: median {statistics.median(to_start):.0f} ms, "
              f"max {max(to_start):.0f} ms ({len(to_start)} swipes)")
        print(f"release → first frame on screen: median {statistics.median(to_frame):.0f} ms, "
              f"max {max(to_frame):.0f} ms")
        print(f"UI thread CPU, release → started: median {statistics.median(ui_cpu):.0f} ms, "
              f"max {max(ui_cpu):.0f} ms")
    print(f"clips: {' → '.join(e for e, _ in started)}")
    print(f"render mode {app.screens.render.choice.mode}, platform {os.environ['QT_QPA_PLATFORM']}, "
          f"{args.size}; load average before {load_before[0]:.1f}, after "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
