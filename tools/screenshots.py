"""Take screenshots of the kiosk's screens, for people to look at.

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \\
        python tools/screenshots.py --size 1920x1080 --out screenshots/

Offscreen works too (QT_QPA_PLATFORM=offscreen) but shows no video pixels.
Each step is `name:action[:arg]`, run in order: start, home, open:<section>, tap:<objectName>,
play:<episode id>, seek:<ms>, game:<solo|duo>, answer, admin, lang:<nl|en>, wait:<ms>;
a screenshot is taken after each.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_STEPS = ["attract:wait:800", "home:start", "episodes:open:episodes", "parents:home",
                 "parents:open:parents"]


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QElapsedTimer

    from kiosk.app import build
    from tests.uitools import find_item, touch_tap  # noqa: E402

    p = argparse.ArgumentParser()
    p.add_argument("--size", default="1920x1080")
    p.add_argument("--out", type=Path, default=Path("screenshots"))
    p.add_argument("--content", default=None)
    p.add_argument("--lang", default="nl")
    p.add_argument("steps", nargs="*", default=DEFAULT_STEPS)
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    argv = ["--windowed", "--size", args.size, "--data", tempfile.mkdtemp(), "--lang", args.lang]
    if args.content:
        argv += ["--content", args.content]
    app = build(argv)

    def pump(ms: int) -> None:
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < ms:
            QCoreApplication.processEvents()

    pump(500)
    for step in args.steps:
        name, action, *rest = step.split(":")
        arg = rest[0] if rest else ""
        if action == "start":
            app.controller.start()
        elif action == "home":
            app.controller.goHome()
        elif action == "open":
            app.controller.openSection(arg)
        elif action == "tap":
            item = find_item(app.window, arg)
            if item is None:
                print(f"{name}: no item {arg}", file=sys.stderr)
            else:
                touch_tap(app.window, item)
        elif action == "play":
            app.controller.playEpisode(arg, "tile")
        elif action == "seek":
            app.window._playback.player.seek(int(arg))
        elif action == "game":  # game:solo or game:duo — the intro's start button
            app.window._game.start(arg or "solo")
        elif action == "answer":  # answer every card (liking two in three) up to the result
            game = app.window._game
            for player in (game.playerA, game.playerB) if game.mode == "duo" else (game.playerA,):
                for i in range(60):
                    if player.done:
                        break
                    if player.duel:
                        player.choose(player.duel["a"]["id"])
                    elif player.card:
                        player.swipe(player.card["id"], i % 3 != 2, "button")
        elif action == "admin":
            app.controller.flow.enter_admin(app.controller.now())
        elif action == "lang":
            app.controller.setLanguage(arg)
        elif action == "call":
            getattr(app.controller, arg)()
        pump(int(arg) if action == "wait" else 700)
        file = args.out / f"{name}-{args.size}-{args.lang}.png"
        app.window.grabWindow().save(str(file))
        print(file)
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
