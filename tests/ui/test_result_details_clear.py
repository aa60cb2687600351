"""The result's "+" details never cover the job's title: on a narrow landscape card the route
with its profile's name ("vmbo BWI (Building, living and interiors)", "mbo Advanced furniture
maker/(ship) interior builder (level 3)") and "Here today: …" ran taller than the picture they
open over, and hid the title's first line (seen in the 1920x1080 and 1366x768 screenshots)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from kiosk.config import Config
from tests.uitools import find_item, is_shown, touch_tap
from tools.layout_check import answer_all, settle

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False, read_aloud_engine="none")


def scene_rect(item) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


@pytest.mark.parametrize("size", ["1920x1080", "1366x768", "1080x1920"])
def test_open_details_leave_the_title_readable(make_kiosk, qtbot, size):
    app = make_kiosk(size, config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.setLanguage("en")       # the longer route lines
    app.controller.start()
    app.controller.openSection("game")
    app.game.start("solo")
    qtbot.waitUntil(lambda: bool(app.game.playerA.card))
    # the answers of the screenshots that showed it: the tree house liked first, then two in
    # three liked; furniture maker / interior builder (long route, a company here) ranks first
    app.game.playerA.swipe(app.game.playerA.card["id"], True, "button")
    answer_all(app)
    qtbot.waitUntil(lambda: app.controller.state == "result" and is_shown(app.window, "resultMore_1"))
    assert "furniture" in find_item(app.window, "resultJobTitle_1").property("text").lower()
    ranks = [r for r in ("1", "2", "3") if is_shown(app.window, f"resultMore_{r}")]
    for rank in ranks:
        touch_tap(app.window, f"resultMore_{rank}")
        qtbot.waitUntil(lambda rank=rank: is_shown(app.window, f"resultRoute_{rank}_1"))
        settle(app.window)
        details = scene_rect(find_item(app.window, f"resultDetails_{rank}"))
        title = scene_rect(find_item(app.window, f"resultJobTitle_{rank}"))
        assert details.height() > 0
        assert details.bottom() <= title.top(), (size, rank, details, title)
        # the card grows for it, but stays on the screen with its buttons
        card = scene_rect(find_item(app.window, f"resultJob_{rank}"))
        assert card.bottom() <= app.window.height(), (size, rank, card)
        assert scene_rect(find_item(app.window, f"resultMore_{rank}")).bottom() <= card.bottom()
        touch_tap(app.window, f"resultMore_{rank}")
        qtbot.waitUntil(lambda rank=rank: not is_shown(app.window, f"resultRoute_{rank}_1"))
    assert ranks
