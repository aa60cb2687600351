"""Bugs a visitor saw, fixed and kept fixed: Dutch quotes in English text, the "Nieuw" badge
over a thumbnail's own label, and the player's code over the clip's top-right corner."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from kiosk.config import Config
from tests.uitools import find_item, is_shown, walk
from tools.layout_check import answer_all, settle, wait_for

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False)


def scene_rect(item) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def test_the_reason_line_has_the_quotes_of_the_visitors_language(make_kiosk, qtbot):
    app = make_kiosk(config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    app.controller.openSection("game")
    app.game.start("solo")
    answer_all(app)
    assert wait_for(lambda: app.controller.state == "result")
    qtbot.waitUntil(lambda: is_shown(app.window, "resultBecause_1"))
    dutch = find_item(app.window, "resultBecause_1").property("text")
    assert "„" in dutch and "”" in dutch
    app.controller.setLanguage("en")
    qtbot.waitUntil(lambda: "“" in find_item(app.window, "resultBecause_1").property("text"))
    english = find_item(app.window, "resultBecause_1").property("text")
    assert "„" not in english and english.startswith("“")


def test_nieuw_is_under_the_picture_not_on_it(make_kiosk, qtbot):
    app = make_kiosk(config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    app.controller.openSection("episodes")
    qtbot.waitUntil(lambda: is_shown(app.window, "episodeTile_toh-s1e4"))
    tile = find_item(app.window, "episodeTile_toh-s1e4")
    thumb = scene_rect(find_item(app.window, "tileThumb_toh-s1e4"))
    texts = [i for i in walk(tile) if i.isVisible() and "Nieuw" in str(i.property("text") or "")]
    assert texts, "the new episode says so"
    for text in texts:
        assert not scene_rect(text).intersects(thumb), "a label on the picture hides its own"
    old = find_item(app.window, "episodeTile_ads-s1e1")
    assert not any("Nieuw" in str(i.property("text") or "") for i in walk(old))


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920"])
def test_the_players_code_leaves_the_clips_top_corner_free(make_kiosk, qtbot, size):
    app = make_kiosk(size, config=CFG, real_player=True)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    app.controller.openSection("episodes")
    app.controller.playEpisode("ads-s1e1", "tile")
    video = None

    def picture() -> QRectF:
        nonlocal video
        video = video or find_item(app.window, "playerVideo")
        rect = video.property("contentRect") if video is not None else None
        return QRectF(rect) if rect is not None else QRectF()

    qtbot.waitUntil(lambda: app.player.state == "playing" and picture().width() > 0, timeout=15_000)
    settle(app.window)
    clip = picture().translated(scene_rect(video).topLeft())
    corner = QRectF(clip.right() - clip.width() * 0.3, clip.top(), clip.width() * 0.3,
                    clip.height() * 0.2)                  # where clips carry their own label
    code = scene_rect(find_item(app.window, "qr_episode"))
    assert not code.intersects(corner), (code, corner)
    assert QRectF(0, 0, app.window.width(), app.window.height()).contains(code)
