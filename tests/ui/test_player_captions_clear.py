"""Captions stay clear of the player's "Vet!"/sound rail: on a portrait screen a long caption
line ran under the sound button (seen in the 1080x1920 screenshots), its words hidden behind
the button while the clip plays and the controls are away."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from kiosk.config import Config
from tests.uitools import find_item, is_shown
from tools.layout_check import settle

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False, read_aloud_engine="none")


def scene_rect(item) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


@pytest.mark.parametrize("size", ["1080x1920", "720x1280", "1920x1080"])
def test_a_caption_never_runs_under_the_like_and_sound_buttons(make_kiosk, qtbot, size):
    app = make_kiosk(size, config=CFG, real_player=True)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    app.controller.openSection("episodes")
    app.controller.playEpisode("ads-s1e1", "tile")   # its first line is long in Dutch
    caption = None

    def captioned() -> bool:
        nonlocal caption
        caption = caption or find_item(app.window, "captionText")
        return (app.player.state == "playing" and caption is not None
                and bool(caption.property("text")) and is_shown(app.window, "captionBox")
                and is_shown(app.window, "playerSound"))

    qtbot.waitUntil(captioned, timeout=15_000)
    view = find_item(app.window, "playerView")
    for controls in (False, True):
        view.setProperty("controlsShown", controls)
        settle(app.window)
        box = scene_rect(find_item(app.window, "captionBox"))
        assert box.width() > 0
        for name in ("playerLike", "playerSound"):
            button = scene_rect(find_item(app.window, name))
            assert not box.intersects(button), (size, controls, name, box, button)
        # the text still fits its backdrop: narrower, it wraps instead of spilling out
        assert box.contains(scene_rect(caption)), (size, controls, box, scene_rect(caption))
