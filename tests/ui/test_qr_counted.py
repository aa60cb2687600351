"""qr_shown is recorded by Python for exactly the codes a screen shows: for each screen with codes,
the events recorded on entering it equal the codes decoded from the window's pixels."""
from __future__ import annotations

import sqlite3
from urllib.parse import parse_qs, urlsplit

import pytest

from kiosk.config import Config
from tests.qrtools import decode_qr_codes, grab
from tests.ui.test_game_ui import open_game
from tests.uitools import find_item, is_shown, open_from_home, touch_tap, walk

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False, next_up_countdown_s=600)
EPISODE = "ads-s1e2"


@pytest.fixture(params=["1920x1080", "720x1280"])
def kiosk_options(request):
    return {"size": request.param, "config": CFG, "args": ("--event", "open-dag-2026")}


def recorded(app) -> list[tuple[str, str]]:
    app.store.flush()
    with sqlite3.connect(app.db_path) as con:
        return con.execute("select purpose, target from events where kind='qr_shown' "
                           "order by rowid").fetchall()


def purposes(app) -> dict[str, str]:
    """payload → purpose, from the items that draw a code (named qr_<purpose>[_<id>])."""
    return {item.property("payload"): item.objectName().split("_")[1]
            for item in walk(app.window.contentItem())
            if item.objectName().startswith("qr_") and item.property("payload")}


def settle(app, qtbot) -> None:
    """Let the event loop take in what changed (a code counts once it can be drawn)."""
    qtbot.waitUntil(lambda: not app.screens.codes.pending)


def visible(app, qtbot, scroll: str = "") -> set[tuple[str, str]]:
    """(purpose, target) of every code decoded from the window, scrolling ``scroll`` through."""
    payloads: set[str] = set()
    grid = find_item(app.window, scroll) if scroll else None
    while True:
        settle(app, qtbot)
        payloads.update(decode_qr_codes(grab(app.window)))
        if grid is None or grid.property("atYEnd"):
            break
        grid.setProperty("contentY", grid.property("contentY") + grid.height() / 2)
    names = purposes(app)
    found = set()
    for payload in payloads:
        target = parse_qs(urlsplit(payload).query)["utm_content"][0].removesuffix("_share")
        found.add((names[payload], target))
    return found


def check_screen(app, qtbot, before: int, scroll: str = "") -> set[tuple[str, str]]:
    """The codes this screen shows are exactly the qr_shown events since ``before``, once each."""
    shown = visible(app, qtbot, scroll)
    new = recorded(app)[before:]
    assert shown, "this screen should show codes"
    assert set(new) == shown
    assert len(new) == len(set(new))  # once per appearance
    return shown


def test_each_screen_records_the_codes_it_shows(kiosk, qtbot):
    open_from_home(kiosk, qtbot, "homeEpisodes", "episodes")
    assert recorded(kiosk) == []
    assert visible(kiosk, qtbot) == set()

    # the player: the code in the corner
    before = len(recorded(kiosk))
    kiosk.controller.playEpisode(EPISODE, "tile")
    qtbot.waitUntil(lambda: kiosk.player.state == "playing")
    assert check_screen(kiosk, qtbot, before) == {("episode", EPISODE)}

    # the end card: watch and share, for the episode that ended
    before = len(recorded(kiosk))
    kiosk.player.finish()
    qtbot.waitUntil(lambda: kiosk.controller.state == "next_up")
    assert check_screen(kiosk, qtbot, before) == {("watch", EPISODE), ("share", EPISODE)}

    # the next episode: its own code, a new appearance
    before = len(recorded(kiosk))
    kiosk.playback.playNextNow()
    nxt = kiosk.player.episodeId
    qtbot.waitUntil(lambda: kiosk.player.state == "playing")
    assert nxt != EPISODE
    assert check_screen(kiosk, qtbot, before) == {("episode", nxt)}

    # the game's result: the take-home code
    kiosk.controller.goHome()
    qtbot.waitUntil(lambda: kiosk.controller.state == "home")
    kiosk.controller.endSession()
    qtbot.waitUntil(lambda: kiosk.controller.state == "attract")
    open_game(kiosk, qtbot)
    before = len(recorded(kiosk))
    while kiosk.controller.state != "result":   # the game decides how many cards and duels
        answered = kiosk.game.playerA.answered
        if kiosk.game.playerA.duel:
            qtbot.waitUntil(lambda: is_shown(kiosk.window, "duelA"))
            touch_tap(kiosk.window, "duelA")
        else:
            touch_tap(kiosk.window, "likeButton" if answered % 3 else "nopeButton")
        qtbot.waitUntil(lambda a=answered: kiosk.controller.state == "result"
                        or kiosk.game.playerA.answered == a + 1)
    qtbot.waitUntil(lambda: kiosk.controller.state == "result")
    assert check_screen(kiosk, qtbot, before) == {("result", "result")}

    # today's companies, scrolled through
    before = len(recorded(kiosk))
    kiosk.controller.openSection("companies")
    qtbot.waitUntil(lambda: find_item(kiosk.window, "companiesGrid") is not None)
    shown = check_screen(kiosk, qtbot, before, scroll="companiesGrid")
    assert shown == {("company", c) for c in kiosk.pack.events["open-dag-2026"].companies}


def test_a_code_still_on_screen_is_not_counted_again(kiosk, qtbot):
    open_from_home(kiosk, qtbot, "homeCompanies", "companies")
    settle(kiosk, qtbot)
    first = recorded(kiosk)
    assert first
    kiosk.controller.toggleLanguage()   # text and the links' lang= change: the same codes
    kiosk.companies.showJob(next(iter(kiosk.pack.jobs)))
    settle(kiosk, qtbot)
    assert recorded(kiosk) == first
    assert {"lang=en" in code.payload for code in kiosk.screens.codes.on_screen} == {True}
    kiosk.controller.goHome()
    settle(kiosk, qtbot)
    assert not kiosk.screens.codes.on_screen
    kiosk.controller.openSection("companies")   # on screen again: counted again
    settle(kiosk, qtbot)
    assert sorted(recorded(kiosk)) == sorted(first * 2)
