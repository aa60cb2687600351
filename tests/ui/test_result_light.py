"""The result, light to read and with faces: at most ~90 words on the landscape solo result (in
both languages), every job card with a picture (the role model's face where the job has an
episode), "Kijk hoe <naam> het doet", and the route and companies one tap away."""
from __future__ import annotations

from kiosk.config import Config
from tests.uitools import find_item, is_shown, touch_tap
from tools.layout_check import answer_cards, settle, wait_for
from tools.word_count import words_on_screen

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False)
MAX_WORDS = 90


def play(app, pattern) -> None:
    c = app.controller
    c.openSection("game")
    app.game.start("solo")
    player = app.game.playerA
    answer_cards(player, pattern)
    assert wait_for(lambda: c.state == "result")


def test_the_landscape_result_stays_under_90_words_with_a_picture_on_every_card(make_kiosk, qtbot):
    app = make_kiosk("1920x1080", config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    faces = 0
    for pattern in (lambda i: i % 3 != 2, lambda i: i % 2 == 0, lambda i: i % 4 == 0,
                    lambda i: True):
        play(app, pattern)
        qtbot.waitUntil(lambda: is_shown(app.window, "resultJob_1"))
        for lang in ("nl", "en"):
            app.controller.setLanguage(lang)
            settle(app.window)
            assert words_on_screen(app.window) <= MAX_WORDS, lang
        for job in app.game.result["jobs"]:
            rank = "surprise" if job["surprise"] else job["rank"]
            picture = find_item(app.window, f"resultPicture_{rank}")
            assert picture is not None and picture.width() > 100
            if job["episode"]:
                faces += 1
                assert picture.property("image") == job["face"] != ""
                watch = find_item(app.window, f"resultWatch_{rank}")
                assert job["roleModel"] and job["roleModel"] in watch.property("text")
            else:
                assert not is_shown(app.window, f"resultWatch_{rank}")
        app.controller.goHome()
        assert wait_for(lambda: app.controller.state == "home")
    assert faces > 0, "no run showed a job with a role model"


def test_route_and_companies_are_one_tap_away(make_kiosk, qtbot):
    app = make_kiosk("1920x1080", config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    play(app, lambda i: i % 3 != 2)
    qtbot.waitUntil(lambda: is_shown(app.window, "resultMore_1"))
    assert not is_shown(app.window, "resultRoute_1_1")
    touch_tap(app.window, "resultMore_1")
    qtbot.waitUntil(lambda: is_shown(app.window, "resultRoute_1_1"))
    route = app.game.result["jobs"][0]["routeSteps"]
    assert find_item(app.window, "resultRoute_1_1").property("text") == route[0]
    # the profile's code comes with its name ("vmbo PIE (Produceren, installeren en energie)")
    assert route[0].startswith("vmbo ") and "(" in route[0], route[0]
    touch_tap(app.window, "resultMore_1")
    qtbot.waitUntil(lambda: not is_shown(app.window, "resultRoute_1_1"))
