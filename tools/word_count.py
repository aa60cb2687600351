"""Count the words a visitor has to read on each screen (every visible text, in both languages).

    QT_QPA_PLATFORM=offscreen python tools/word_count.py [--size 1920x1080]

A text counts when it is visible, inside the window and not covered by a full-screen overlay;
a word is a run of letters or digits ("Kijk", "2", "mbo"). Used to keep the result screen light
(tests/ui/test_result_light.py) and to measure screens before and after a change.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORD = re.compile(r"[^\W_]+", re.UNICODE)
TAG = re.compile(r"<[^>]+>")


def words_on_screen(window: Any) -> int:
    """The words of every visible text item in the window."""
    from PySide6.QtCore import QRectF

    from tools.layout_check import MODALS, is_text, shown_rect, walk

    screen = QRectF(0, 0, window.width(), window.height())
    root = window.contentItem()
    # "Ben je er nog?" full screen (not the card beside the codes) or the PIN pad: only what is
    # on it can be read
    modal = next((i for i in walk(root) if i.objectName() in MODALS), None)
    if modal is not None and not modal.property("beside"):
        root = modal
    total = 0
    for item in walk(root):
        if not is_text(item):
            continue
        rect = shown_rect(item)      # a list clips what scrolled out of its view
        if rect.isEmpty() or not rect.intersects(screen):
            continue
        total += len(WORD.findall(TAG.sub("", str(item.property("text") or ""))))
    return total


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    p = argparse.ArgumentParser()
    p.add_argument("--size", default="1920x1080")
    args = p.parse_args()
    from kiosk.app import build
    from kiosk.config import Config
    from tools.layout_check import screens, settle

    app = build(["--windowed", "--size", args.size, "--data", tempfile.mkdtemp()],
                config=Config().with_(idle_timeout_s=3600, idle_from_event=False))
    for lang in ("nl", "en"):
        for name in screens(app):
            if app.controller.language != lang:
                app.controller.setLanguage(lang)
            settle(app.window)
            if name not in ("admin", "pin-pad"):
                print(f"{args.size} {lang} {name}: {words_on_screen(app.window)} words")
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
