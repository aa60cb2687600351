"""The player's "Vet!" button keeps a clear gap to the episode's code card: with the controls
shown in landscape the "Vet!"/sound rail moves up and the heart met the card ("Op je
telefoon") at 1920x1080 and 1366x768 (seen in the round-5 screenshots). A code is not a
control, so tools/layout_check.py does not see it; this test measures the two items."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from kiosk.config import Config
from tests.uitools import find_item, is_shown
from tools.layout_check import settle

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False, read_aloud_engine="none")
GAP_AT_1080 = 16   # px at 1080 high: a visible strip of video between the card and the heart


def scene_rect(item) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


@pytest.mark.parametrize("size", ["1920x1080", "1366x768", "1080x1920", "720x1280"])
def test_the_like_button_keeps_clear_of_the_episode_code(make_kiosk, qtbot, size):
    app = make_kiosk(size, config=CFG, real_player=True)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    app.controller.openSection("episodes")
    app.controller.playEpisode("ads-s1e1", "tile")
    qtbot.waitUntil(lambda: app.player.state == "playing" and is_shown(app.window, "qr_episode")
                    and is_shown(app.window, "playerLike"),
                    timeout=10_000)
    view = find_item(app.window, "playerView")
    gap = GAP_AT_1080 * min(app.window.width(), app.window.height()) / 1080
    for controls in (False, True):
        view.setProperty("controlsShown", controls)
        settle(app.window)
        code = scene_rect(find_item(app.window, "qr_episode"))
        like = scene_rect(find_item(app.window, "playerLike"))
        assert code.height() > 0 and like.height() > 0
        # one below the other on the right: the gap is between the card's bottom and the heart
        apart = max(like.top() - code.bottom(), code.top() - like.bottom(),
                    like.left() - code.right(), code.left() - like.right())
        assert apart >= gap, (size, controls, code, like, apart)
