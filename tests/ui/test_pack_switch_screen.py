"""A pack switch replaces the window; the screen the next window opens on must survive it."""
from __future__ import annotations

import gc

from PySide6.QtGui import QGuiApplication

from tests.conftest import SAMPLE_PACK


def test_the_screen_outlives_replaced_windows(make_kiosk, qtbot) -> None:
    # window.screen() used to tie the QScreen's wrapper to the window's: once the replaced
    # windows' wrappers were collected, shiboken deleted the real QScreen, and the next window
    # crashed the whole process in QWindow's connectToScreen (found under gdb).
    kiosk = make_kiosk("1280x720")
    with qtbot.waitSignal(kiosk.window.frameSwapped, timeout=10_000):  # the first frame is logged
        kiosk.window.update()
    assert kiosk.switch_pack(SAMPLE_PACK)
    with qtbot.waitSignal(kiosk.window.frameSwapped, timeout=10_000):
        kiosk.window.update()
    kiosk.close()
    gc.collect()
    screen = QGuiApplication.primaryScreen()
    assert screen is not None and not screen.geometry().isEmpty()
    after = make_kiosk("720x1280")  # a new window on that same screen
    with qtbot.waitSignal(after.window.frameSwapped, timeout=10_000):
        after.window.update()
    assert after.window.width() == 720
