"""A pack switch replaces the window; the screen the next window opens on must survive it."""
from __future__ import annotations

import gc

from PySide6.QtGui import QGuiApplication

from tests.conftest import SAMPLE_PACK
from tests.uitools import next_frame


def test_the_screen_outlives_replaced_windows(make_kiosk, qtbot) -> None:
    # window.screen() used to tie the QScreen's wrapper to the window's: once the replaced
    # windows' wrappers were collected, shiboken deleted the real QScreen, and the next window
    # crashed the whole process in QWindow's connectToScreen (found under gdb).
    kiosk = make_kiosk("1280x720")
    next_frame(qtbot, kiosk.window)  # the first frame is logged
    assert kiosk.switch_pack(SAMPLE_PACK)
    next_frame(qtbot, kiosk.window)
    kiosk.close()
    gc.collect()
    screen = QGuiApplication.primaryScreen()
    assert screen is not None and not screen.geometry().isEmpty()
    after = make_kiosk("720x1280")  # a new window on that same screen
    next_frame(qtbot, after.window)
    assert after.window.width() == 720
