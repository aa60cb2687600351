"""No dead ends, in the real window: Companies from a result leads back to it, Home in an
unfinished game asks (solo and duo), Home and "Klaar, tot ziens!" are never a double tap apart,
and while codes are on screen the visit waits at least the code time and "Ben je er nog?"
covers none of them. Four screen sizes where the layout matters."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from kiosk.config import Config
from tests.uitools import find_item, is_shown, touch_tap, walk
from tools.layout_check import answer_cards

SIZES = ["1920x1080", "1080x1920", "1366x768", "768x1366"]
SLOW_IDLE = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False)


def scene_rect(item) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def finish_game(app, qtbot, mode: str = "solo") -> None:
    """Start the game from home and answer every card through the game's own intents."""
    app.controller.openSection("game")
    app.game.start(mode)
    players = (app.game.playerA, app.game.playerB) if mode == "duo" else (app.game.playerA,)
    for player in players:
        answer_cards(player, lambda i: i % 3 != 2)
    qtbot.waitUntil(lambda: app.controller.state == "result" and is_shown(app.window, "qr_result"))


def test_companies_from_the_result_leads_back_to_the_same_result(make_kiosk, qtbot):
    app = make_kiosk(config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    finish_game(app, qtbot)
    jobs = [find_item(app.window, f"resultJob_{r}").property("job")["id"] for r in (1, 2, 3)]
    link = find_item(app.window, "qr_result").property("payload")
    touch_tap(app.window, "resultCompanies")
    qtbot.waitUntil(lambda: app.controller.state == "companies"
                    and is_shown(app.window, "companiesBack"))
    touch_tap(app.window, "companiesBack")
    qtbot.waitUntil(lambda: app.controller.state == "result" and is_shown(app.window, "resultJob_1"))
    assert [find_item(app.window, f"resultJob_{r}").property("job")["id"] for r in (1, 2, 3)] == jobs
    assert find_item(app.window, "qr_result").property("payload") == link
    # Companies from home has no result behind it: no back button, Home is the way out.
    app.controller.goHome()
    qtbot.waitUntil(lambda: app.controller.state == "home")
    touch_tap(app.window, "homeCompanies")
    qtbot.waitUntil(lambda: app.controller.state == "companies" and is_shown(app.window, "homeButton"))
    assert not is_shown(app.window, "companiesBack")


@pytest.mark.parametrize("mode", ["solo", "duo"])
def test_home_mid_game_asks_first(make_kiosk, qtbot, mode):
    app = make_kiosk(config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    app.controller.openSection("game")
    touch_tap(app.window, "homeButton")              # at the intro nothing is lost: it goes
    qtbot.waitUntil(lambda: app.controller.state == "home")
    app.controller.openSection("game")
    app.game.start(mode)
    player = app.game.playerB if mode == "duo" else app.game.playerA
    player.swipe(player.card["id"], True, "button")  # one answer that would be lost
    card = app.game.playerA.card["id"]
    qtbot.waitUntil(lambda: is_shown(app.window, "homeButton"))
    touch_tap(app.window, "homeButton")
    qtbot.waitUntil(lambda: is_shown(app.window, "leaveCancel") and is_shown(app.window, "leaveConfirm"))
    assert app.controller.state == "game"
    touch_tap(app.window, "leaveCancel")
    qtbot.waitUntil(lambda: not is_shown(app.window, "leaveConfirm"))
    assert app.controller.state == "game" and app.game.playerA.card["id"] == card
    assert app.game.phase == "playing"
    touch_tap(app.window, "homeButton")
    qtbot.waitUntil(lambda: is_shown(app.window, "leaveConfirm"))
    touch_tap(app.window, "leaveConfirm")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    assert app.game.playerA.session is None and not is_shown(app.window, "leaveConfirm")


@pytest.mark.parametrize("size", SIZES)
def test_home_and_the_end_of_visit_are_never_a_double_tap_apart(make_kiosk, qtbot, size):
    app = make_kiosk(size, config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    homes = []
    for section in ("episodes", "companies", "parents"):
        app.controller.openSection(section)
        qtbot.waitUntil(lambda: is_shown(app.window, "homeButton"))
        homes.append(scene_rect(find_item(app.window, "homeButton")))
        app.controller.goHome()
    qtbot.waitUntil(lambda: is_shown(app.window, "endSession"))
    end = scene_rect(find_item(app.window, "endSession"))
    w, h = (int(v) for v in size.split("x"))
    thumb = 110 * min(w, h) / 1080          # ~15 mm: where a second, hasty tap lands
    for home in homes:
        assert not home.intersects(end)
        gap_x = max(end.left() - home.right(), home.left() - end.right(), 0)
        gap_y = max(end.top() - home.bottom(), home.top() - end.bottom(), 0)
        assert (gap_x ** 2 + gap_y ** 2) ** 0.5 >= thumb, (size, home, end)


def codes_on_screen(app) -> list[QRectF]:
    window = QRectF(0, 0, app.window.width(), app.window.height())
    return [scene_rect(i) for i in walk(app.window.contentItem())
            if i.objectName().startswith("qr_") and i.isVisible() and i.width() > 0
            and scene_rect(i).intersects(window)]


def wait_for_overlay(app, qtbot, before: float) -> float:
    """Seconds the visit waited untouched before "Ben je er nog?" came up, on the controller's
    clock; nothing restarted the wait since ``before`` (when the screen was asked for)."""
    qtbot.waitUntil(lambda: is_shown(app.window, "stillThereOverlay"), timeout=10_000)
    since = app.controller.flow.idle_since
    assert since >= before
    return app.controller.now() - since


@pytest.mark.parametrize("size", SIZES)
def test_codes_keep_the_visit_longer_and_the_overlay_leaves_them_free(make_kiosk, qtbot, size):
    # the event asks after 0.2 s; with a code up the kiosk waits at least 1.5 s (45 s for real)
    app = make_kiosk(size, config=Config().with_(idle_timeout_s=0.2, still_there_countdown_s=60.0,
                                         idle_from_event=False, code_idle_min_s=1.5))
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    before = app.controller.now()
    finish_game(app, qtbot)
    assert wait_for_overlay(app, qtbot, before) >= 1.5
    assert app.controller.state == "result"
    card = find_item(app.window, "stillThereCard")
    assert card is not None and card.property("scale") > 0
    codes = codes_on_screen(app)
    assert codes
    box = scene_rect(card)
    assert all(not box.intersects(code) for code in codes), (size, box, codes)

    touch_tap(app.window, "stillThereCard")          # a touch: still here
    qtbot.waitUntil(lambda: not is_shown(app.window, "stillThereOverlay"))
    before = app.controller.now()
    app.controller.openSection("companies")
    qtbot.waitUntil(lambda: app.controller.state == "companies"
                    and is_shown(app.window, "companiesBack"))
    assert wait_for_overlay(app, qtbot, before) >= 1.5
    box = scene_rect(find_item(app.window, "stillThereCard"))
    codes = codes_on_screen(app)
    assert len(codes) >= 2
    assert all(not box.intersects(code) for code in codes), (size, box, codes)


def test_without_codes_the_events_short_idle_time_holds(make_kiosk, qtbot):
    app = make_kiosk(config=Config().with_(idle_timeout_s=0.2, still_there_countdown_s=60.0,
                                   idle_from_event=False, code_idle_min_s=30.0))
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    before = app.controller.now()
    app.controller.openSection("episodes")
    assert wait_for_overlay(app, qtbot, before) < 30.0
    assert find_item(app.window, "stillThereCard") is None   # the full overlay: no code to spare
