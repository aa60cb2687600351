"""Words a visitor has to read on every visitor screen, landscape and portrait, Dutch and English.
Not part of the test run.

    QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_words [--sizes 1920x1080,1080x1920]
        [--json OUT.json] [--before BEFORE.json]

Walks the real kiosk through every screen (tools/layout_check.screens: attract, home,
episodes, parents, companies, game intro, game solo, result, "Ben je er nog?" beside the codes,
game duo, duo result, player, end card, "Ben je er nog?") and counts the words of every visible
text on it (tools/word_count.words_on_screen: a word is a run of letters or digits; a text a list
scrolled out of view or a full-screen overlay covers does not count). Prints one table, a row per
screen and a column per size and language; with --before (an earlier run's --json) each cell
reads "before → now". Reading load is the point: at a fair a 14-year-old reads a line, not a
paragraph.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

LANGS = ("nl", "en")
SKIP = {"admin", "pin-pad"}


def count(size: str) -> dict[str, dict[str, int]]:
    """{screen: {lang: words}} for one window size."""
    from kiosk.app import build
    from kiosk.config import Config
    from tools.layout_check import pump, screens, settle
    from tools.word_count import words_on_screen

    def stable_count() -> int:
        # a screen's lists and pictures may still be laying out a frame or two after it shows
        # (the episodes rows did: 115 then 90): count until two counts 300 ms apart agree
        last = -1
        for _ in range(10):
            settle(app.window)
            words = words_on_screen(app.window)
            if words == last:
                break
            last = words
            pump(300)
        return words

    app = build(["--windowed", "--size", size, "--data", tempfile.mkdtemp(),
                 "--content", str(ROOT / "episodes")],
                config=Config().with_(idle_timeout_s=3600, idle_from_event=False,
                               read_aloud_engine="none"))  # speakers are icons, no words
    found: dict[str, dict[str, int]] = {}
    for lang in LANGS:
        for name in screens(app):
            if app.controller.language != lang:
                app.controller.setLanguage(lang)
            if name not in SKIP:
                found.setdefault(name, {})[lang] = stable_count()
    app.close()
    return found


def table(now: dict[str, dict[str, dict[str, int]]],
          before: dict[str, dict[str, dict[str, int]]] | None) -> str:
    sizes = list(now)
    names: list[str] = []
    for size in sizes:
        names += [n for n in now[size] if n not in names]
    head = "| screen | " + " | ".join(f"{s} {lang}" for s in sizes for lang in LANGS) + " |"
    lines = [head, "|---" * (1 + len(sizes) * len(LANGS)) + "|"]
    for name in names:
        cells = []
        for size in sizes:
            for lang in LANGS:
                value = now[size].get(name, {}).get(lang)
                old = (before or {}).get(size, {}).get(name, {}).get(lang)
                text = "–" if value is None else str(value)
                if old is not None and old != value:
                    text = f"{old} → {text}"
                cells.append(text)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1920x1080,1080x1920")
    parser.add_argument("--json", type=Path, default=None, help="save the figures here")
    parser.add_argument("--before", type=Path, default=None, help="an earlier run's --json")
    args = parser.parse_args()
    now = {size: count(size) for size in args.sizes.split(",")}
    before = json.loads(args.before.read_text()) if args.before else None
    print(table(now, before))
    if args.json:
        args.json.write_text(json.dumps(now, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
