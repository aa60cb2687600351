"""BLIQ Studio: the organisers' desktop app (``python -m kiosk studio [PACK]``).

``model`` (her copy of a pack, her event and companies), ``problems`` and ``stick`` are plain
Python; ``window`` is the Qt Widgets window on top of them. ``build(argv)`` makes the window
without entering the event loop, as ``kiosk.app.build`` does for the kiosk.
"""
from __future__ import annotations

from typing import Any


def build(argv: list[str], **kwargs: Any) -> Any:
    from kiosk.studio.window import build as build_window

    return build_window(argv, **kwargs)


def main(argv: list[str] | None = None) -> int:
    from kiosk.studio.window import main as run

    return run(argv)
