"""Take screenshots of the kiosk's screens, for people to look at.

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \\
        python tools/screenshots.py --size 1920x1080 --out screenshots/

Offscreen works too (QT_QPA_PLATFORM=offscreen) but shows no video pixels.
Each step is `name:action[:arg]`, run in order: start, home, open:<section>, tap:<objectName>,
play:<episode id>, seek:<ms>, game:<solo|duo>, answer, one (card), idle, swipe:<up|down>, admin, lang:<nl|en>, wait:<ms>;
a screenshot is taken after each.

    python tools/screenshots.py --check [--out DIR]

renders every visitor screen at 1280x720, 1920x1080, 720x1280 and 1080x1920 in Dutch and
English (offscreen is fine) and exits 1 when a text is cut off, controls overlap, are too
small or out of reach (tools/layout_check.py says what is checked); with --out it also saves
each screen as a PNG.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_STEPS = ["attract:wait:800", "home:start", "episodes:open:episodes", "parents:home",
                 "parents:open:parents"]


def main() -> int:
    if "--check" in sys.argv and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"     # the checks need no screen
        os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtCore import QCoreApplication, QElapsedTimer

    from kiosk.app import build
    from tests.uitools import find_item, touch_tap

    p = argparse.ArgumentParser()
    p.add_argument("--size", default="1920x1080")
    p.add_argument("--out", type=Path, default=Path("screenshots"))
    p.add_argument("--content", default=None)
    p.add_argument("--lang", default="nl")
    p.add_argument("--check", action="store_true",
                   help="check every screen in the four sizes and both languages")
    p.add_argument("--sizes", default=None, help="with --check: comma-separated WxH list")
    p.add_argument("--render", choices=("lean", "full", "auto"), default=None)
    p.add_argument("steps", nargs="*", default=DEFAULT_STEPS)
    args = p.parse_args()
    if args.check:
        return check(args)
    args.out.mkdir(parents=True, exist_ok=True)
    argv = ["--windowed", "--size", args.size, "--data", tempfile.mkdtemp(), "--lang", args.lang]
    if args.content:
        argv += ["--content", args.content]
    if args.render:
        argv += ["--render", args.render]
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
            app.player.seek(int(arg))
        elif action == "game":  # game:solo or game:duo — the intro's start button
            app.game.start(arg or "solo")
        elif action == "answer":  # answer every card (liking two in three) up to the result
            game = app.game
            for player in (game.playerA, game.playerB) if game.mode == "duo" else (game.playerA,):
                for i in range(60):
                    if player.done:
                        break
                    if player.duel:
                        player.choose(player.duel["a"]["id"])
                    elif player.card:
                        player.swipe(player.card["id"], i % 3 != 2, "button")
        elif action == "one":  # answer one card (Home then asks before leaving the game)
            card = app.game.playerA.card
            if card:
                app.game.playerA.swipe(card["id"], True, "button")
        elif action == "swipe":  # swipe:up (next clip) or swipe:down (the one before)
            (app.playback.swipeNext if arg == "up" else app.playback.swipePrevious)()
        elif action == "idle":  # as if nobody touched the screen: "Ben je er nog?"
            flow = app.controller.flow
            flow.tick(app.controller.now() + flow.effective_idle_timeout())
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


def check(args: argparse.Namespace) -> int:
    """The --check mode: one kiosk per size, every screen in both languages."""
    from tools.layout_check import SIZES, check_app

    from kiosk.app import build

    out: Path | None = args.out if "--out" in sys.argv else None
    sizes = args.sizes.split(",") if args.sizes else list(SIZES)
    problems: list[str] = []
    for size in sizes:
        argv = ["--windowed", "--size", size, "--data", tempfile.mkdtemp()]
        if args.content:
            argv += ["--content", args.content]
        app = build(argv)

        def shot(screen: str, lang: str, app: object = app, size: str = size) -> None:
            if out is not None:
                out.mkdir(parents=True, exist_ok=True)
                app.window.grabWindow().save(str(out / f"{screen}-{size}-{lang}.png"))  # type: ignore[attr-defined]

        found = check_app(app, size, shot=shot)
        app.close()
        print(f"{size}: {len(found)} problem(s)")
        problems += found
    for line in problems:
        print(line)
    print("layout check:", "OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
