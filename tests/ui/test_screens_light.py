"""Attract, home, game intro and companies, light to read: few words on each (counted as a
visitor sees them, in both languages, landscape and portrait), a hook question and a large clip
on attract, a swipe demo instead of a paragraph on the game's intro (and no stale card count).
(Companies' way back to a result is tests/ui/test_no_dead_ends_ui.py's.)"""
from __future__ import annotations

import re

import pytest

from kiosk.config import Config
from tests.uitools import find_item, find_items, is_shown, touch_tap
from tools.layout_check import scene_rect, settle, wait_for, walk
from tools.word_count import words_on_screen

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False)
# Before this round (1920x1080 nl): attract 49, home 54, game intro 55, companies 96 words.
MAX_WORDS = {"attract": 32, "home": 30, "game": 25, "companies": 65}
SIZES = ("1920x1080", "1080x1920")
# "Je ziet 20 dingen", "Jij en 20 kaarten": the adaptive game asks a varying number of cards
CARD_COUNT = re.compile(r"\b\d+\s+(dingen|kaarten|vragen|things|cards|questions)\b", re.I)


def texts(app) -> list[str]:
    from tools.layout_check import is_text
    return [str(i.property("text")) for i in walk(app.window.contentItem())
            if is_text(i) and i.property("text")]


def words(app, lang: str) -> int:
    app.controller.setLanguage(lang)
    settle(app.window)
    return words_on_screen(app.window)


@pytest.mark.parametrize("size", SIZES)
def test_attract_home_intro_and_companies_stay_light(make_kiosk, qtbot, size):
    app = make_kiosk(size, config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    c = app.controller
    found: dict[str, dict[str, int]] = {}
    for state in ("attract", "home", "companies", "game"):
        if state == "home":
            c.start()
        elif state != "attract":
            c.goHome()
            assert wait_for(lambda: c.state == "home")
            c.openSection(state)
        assert wait_for(lambda state=state: c.state == state)
        for lang in ("nl", "en"):
            found.setdefault(state, {})[lang] = words(app, lang)
            if state == "game":
                assert not [t for t in texts(app) if CARD_COUNT.search(t)], lang
    for state, limit in MAX_WORDS.items():
        for lang, count in found[state].items():
            assert count <= limit, f"{size} {lang} {state}: {count} words"
    assert found["attract"]["nl"] > 10   # the counter sees the screen at all


@pytest.mark.parametrize("size", SIZES)
def test_attract_asks_a_hook_question_beside_a_large_clip(make_kiosk, qtbot, size):
    app = make_kiosk(size, config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    qtbot.waitUntil(lambda: is_shown(app.window, "attractHeadline"))
    settle(app.window)
    hook = find_item(app.window, "attractHeadline")
    for lang in ("nl", "en"):
        app.controller.setLanguage(lang)
        qtbot.waitUntil(lambda: hook.property("text").endswith("?"))
        assert len(hook.property("text").split()) <= 6
    frame = scene_rect(find_item(app.window, "attractFrame"))
    width = app.window.width()
    if width > app.window.height():
        assert frame.width() >= 0.6 * width        # it was 54 % of the width
    else:
        assert frame.width() == width              # edge to edge (it had margins)
    # the clip's own titles never run into the kiosk's words
    for name in ("attractEvent", "attractHeadline", "startButton"):
        r = scene_rect(find_item(app.window, name))
        assert not r.intersects(frame), name


@pytest.mark.parametrize("size", ("1920x1080", "720x1280"))
def test_the_intro_shows_a_card_swiped_right_then_left(make_kiosk, qtbot, size):
    app = make_kiosk(size, config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    app.controller.openSection("game")
    qtbot.waitUntil(lambda: is_shown(app.window, "swipeDemo"))
    demo = find_item(app.window, "swipeDemo")
    card = find_item(app.window, "swipeDemoCard")
    [like] = find_items(app.window, "swipeDemoLike")     # the stamps hide while see-through
    [nope] = find_items(app.window, "swipeDemoNope")
    middle = scene_rect(demo).center().x()

    def at(side: int, stamp) -> bool:
        x = scene_rect(card).center().x()
        return stamp.property("opacity") > 0.9 and (x - middle) * side > card.width() * 0.3

    qtbot.waitUntil(lambda: at(1, like), timeout=4000)     # "Vet!" to the right
    assert nope.property("opacity") == 0
    qtbot.waitUntil(lambda: at(-1, nope), timeout=4000)    # "Niks" to the left
    assert like.property("opacity") == 0
    # the demo sits clear of the two choices, which stay the way in
    for name in ("gameStart", "gameStartDuo"):
        assert not scene_rect(demo).intersects(scene_rect(find_item(app.window, name))), name
    touch_tap(app.window, "gameStart")
    qtbot.waitUntil(lambda: app.game.phase == "playing")
    assert not is_shown(app.window, "swipeDemo")
    qtbot.waitUntil(lambda: demo.property("lean") == 0)   # stopped, not running unseen

