"""The player's rail words ("Vet!", "Geluid uit") stay readable over any clip: they were white
text straight on the video, hard to read over a bright frame or a clip's burned-in timecode
(round-5 screenshots at 1920x1080 and 1366x768). The test lays a white sheet over the video,
the worst frame a clip can show, grabs the screen and measures the contrast between the words'
white and what is behind them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, QUrl
from PySide6.QtQml import QQmlComponent

from kiosk.config import Config
from tests.uitools import find_item, is_shown
from tools.layout_check import settle

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False, read_aloud_engine="none")


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def lin(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920"])
def test_the_rail_words_are_readable_over_a_white_frame(make_kiosk, qtbot, size):
    app = make_kiosk(size, config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    app.controller.openSection("episodes")
    app.controller.playEpisode("ads-s1e1", "tile")
    qtbot.waitUntil(lambda: is_shown(app.window, "playerLike") and is_shown(app.window, "playerSound"),
                    timeout=10_000)
    video = find_item(app.window, "playerVideo")
    sheet_component = QQmlComponent(app.engine)
    sheet_component.setData(b'import QtQuick\nRectangle { color: "white"; z: 1000 }', QUrl())
    sheet = sheet_component.create()
    assert sheet is not None, sheet_component.errorString()
    sheet.setParentItem(video)
    sheet.setWidth(video.width())
    sheet.setHeight(video.height())
    for controls in (False, True):
        find_item(app.window, "playerView").setProperty("controlsShown", controls)
        settle(app.window)
        shot = app.window.grabWindow()
        for name in ("playerLike", "playerSound"):
            button = find_item(app.window, name)
            word = next(c for c in button.childItems() if c.property("text"))
            # the box the word's letters take (the Text item is as wide as the button)
            ink_w = word.property("contentWidth")
            ink_h = word.property("contentHeight")
            box = word.mapRectToScene(QRectF((word.width() - ink_w) / 2, 0, ink_w, ink_h)).toRect()
            assert box.width() > 10 and box.height() > 10, (size, name, box)
            # what is behind the word: its box's pixels that are not the word's own white ink
            behind = []
            samples = 0
            for y in range(box.top(), box.bottom()):
                for x in range(box.left(), box.right()):
                    samples += 1
                    c = shot.pixelColor(x, y)
                    rgb = (c.red(), c.green(), c.blue())
                    if luminance(rgb) < 0.6:
                        behind.append(luminance(rgb))
            # a white sheet with no backing leaves nothing dark behind the word
            assert len(behind) > samples / 4, (size, controls, name, len(behind))
            behind.sort()
            typical = behind[len(behind) // 2]
            contrast = 1.05 / (typical + 0.05)
            assert contrast >= 4.5, (size, controls, name, contrast)
