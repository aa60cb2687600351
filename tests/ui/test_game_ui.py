"""The swipe game driven through the real window with real touch drags and taps.

The game starts with two cards of every interest in turn (pack order within one): boomhut,
scooter-start, zolderkamer, warmtepomp-uitleggen, bouwplaats-leiden, nameten, …; what comes after
depends on the answers (docs/game.md), so the runs below answer whatever the game shows.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from kiosk.config import Config
from kiosk.game import Game
from tests.result_links import parse_result_link
from tests.qrtools import crop, decode_qr_codes, grab
from tests.uitools import centre, find_item, is_shown, touch_drag, touch_tap

# Long idle times: no "Ben je er nog?" during a test.
SLOW_IDLE = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False)
FIRST, SECOND, THIRD = "boomhut", "scooter-start", "zolderkamer"


@pytest.fixture
def kiosk_options():
    return {"config": SLOW_IDLE}


def rows(app, sql: str) -> list[tuple]:
    app.store.flush()
    with sqlite3.connect(app.db_path) as con:
        return con.execute(sql).fetchall()


def open_game(app, qtbot, mode: str = "solo") -> None:
    touch_tap(app.window, "startButton")
    qtbot.waitUntil(lambda: is_shown(app.window, "homeGame"))
    touch_tap(app.window, "homeGame")
    qtbot.waitUntil(lambda: is_shown(app.window, "gameStart"))
    touch_tap(app.window, "gameStartDuo" if mode == "duo" else "gameStart")
    qtbot.waitUntil(lambda: app.controller.state == "game" and is_shown(
        app.window, "swipeCard" if mode == "solo" else "swipeCard_1"))


def card_id(app, name: str = "swipeCard") -> str:
    return find_item(app.window, name).property("cardId")


def answer_until_result(app, qtbot, likes, pick_left=lambda n: n % 2 == 0,
                        drag_every: int = 0) -> list[tuple[str, bool]]:
    """Answer what the game shows until the result screen: a card with the buttons (or a drag,
    every ``drag_every``-th answer) as ``likes(card id)`` says, a duel by tapping duelA or duelB
    as ``pick_left(n-th duel)`` says. Returns (card id, liked) per card and ("duel", chosen id)
    per duel, in order."""
    player = app.game.playerA
    answers: list[tuple[str, bool]] = []
    duels = 0
    while app.controller.state != "result":
        n = player.answered
        if player.duel:
            side = "duelA" if pick_left(duels) else "duelB"
            qtbot.waitUntil(lambda side=side: is_shown(app.window, side))
            chosen = find_item(app.window, side).property("cardId")
            touch_tap(app.window, side)
            answers.append(("duel", chosen))
            duels += 1
        else:
            cid = card_id(app)
            liked = likes(cid)
            if drag_every and n % drag_every == 0:
                drag_card(app, 0.6 if liked else -0.6)
            else:
                touch_tap(app.window, "likeButton" if liked else "nopeButton")
            answers.append((cid, liked))
        qtbot.waitUntil(lambda n=n: app.controller.state == "result" or player.answered == n + 1)
    return answers


def drag_card(app, share: float, name: str = "swipeCard", release: bool = True) -> None:
    """Drag the card sideways by ``share`` of its width (negative: to the left)."""
    card = find_item(app.window, name)
    start = centre(card)
    end = QPoint(start.x() + round(card.width() * share), start.y() + 10)
    touch_drag(app.window, start, end, steps=10, release=release)


def test_drag_right_is_a_like_left_a_nope_short_springs_back(kiosk, qtbot):
    open_game(kiosk, qtbot)
    assert card_id(kiosk) == FIRST
    drag_card(kiosk, 0.6)                      # past the threshold, to the right
    qtbot.waitUntil(lambda: card_id(kiosk) == SECOND)
    drag_card(kiosk, -0.6)                     # to the left
    qtbot.waitUntil(lambda: card_id(kiosk) == THIRD)
    drag_card(kiosk, 0.06)                     # a short nudge: not a swipe, not a flick
    card = find_item(kiosk.window, "swipeCard")
    qtbot.waitUntil(lambda: card.property("dx") == 0 and card.rotation() == 0)
    assert card_id(kiosk) == THIRD
    swipes = rows(kiosk, "select card_id, liked, via from events where kind='card_swiped'"
                         " order by id")
    assert swipes == [(FIRST, 1, "swipe"), (SECOND, 0, "swipe")]


def test_card_follows_the_finger_tilts_and_shows_the_stamp(kiosk, qtbot):
    open_game(kiosk, qtbot)
    card = find_item(kiosk.window, "swipeCard")
    rest_x = card.x()
    drag_card(kiosk, 0.25, release=False)      # finger still down
    qtbot.waitUntil(lambda: card.property("dx") > 0)
    assert card.x() > rest_x and card.rotation() > 0
    assert card.property("lean") > 0           # the "Vet!" stamp fades in with the lean
    # The finger goes back to where it started and lets go: the card stays, nothing recorded.
    touch_drag(kiosk.window, centre(card), QPoint(round(rest_x + card.width() / 2),
                                                  round(card.y() + card.height() / 2)),
               steps=1, release=True)
    qtbot.waitUntil(lambda: card.property("dx") == 0)
    assert card_id(kiosk) == FIRST
    assert rows(kiosk, "select count(*) from events where kind='card_swiped'") == [(0,)]


def test_buttons_and_undo(kiosk, qtbot):
    open_game(kiosk, qtbot)
    assert not find_item(kiosk.window, "undoButton").isEnabled()   # nothing to undo yet
    touch_tap(kiosk.window, "likeButton")
    qtbot.waitUntil(lambda: card_id(kiosk) == SECOND)
    touch_tap(kiosk.window, "nopeButton")
    qtbot.waitUntil(lambda: card_id(kiosk) == THIRD)
    progress = find_item(kiosk.window, "gameProgress")
    # at most game_max_cards cards (the game may stop earlier, or add duels when unsure)
    assert progress.property("answered") == 2 and progress.property("total") == 20
    touch_tap(kiosk.window, "undoButton")
    qtbot.waitUntil(lambda: card_id(kiosk) == SECOND)
    assert progress.property("answered") == 1
    touch_tap(kiosk.window, "likeButton")       # answered again, differently
    qtbot.waitUntil(lambda: card_id(kiosk) == THIRD)
    assert kiosk.game.playerA.session.swipes[1].liked is True
    swipes = rows(kiosk, "select card_id, liked, via from events where kind='card_swiped'"
                         " order by id")
    assert swipes == [(FIRST, 1, "button"), (SECOND, 0, "button"), (SECOND, 1, "button")]
    undone = rows(kiosk, "select card_id from events where kind='card_undone'")
    assert undone == [(SECOND,)]  # metrics count only the answer that stood
    started = rows(kiosk, "select mode from events where kind='game_started'")
    assert started == [("solo",)]


def test_full_run_reaches_the_result_the_core_computes(kiosk, qtbot):
    open_game(kiosk, qtbot)
    # A fixed pattern: "Niks voor mij" on every 4th card of the pack, the rest "Vet!".
    index = {c.id: i for i, c in enumerate(kiosk.pack.cards)}
    answers = answer_until_result(kiosk, qtbot, lambda cid: index[cid] % 4 != 3, drag_every=2)
    cards = [a for a in answers if a[0] != "duel"]
    assert 16 <= len(answers) <= 31 and len(cards) <= 20

    # The same answers given to the core directly give the same result.
    expected = Game.from_pack(kiosk.pack, kiosk.config.game).new_session()
    for cid, liked in answers:
        if cid == "duel":
            assert expected.choose(liked, "button")
        else:
            assert expected.current_card().id == cid
            expected.swipe(cid, liked, "swipe")
    assert expected.finished
    want = expected.result().jobs
    names = ["resultJob_1", "resultJob_2", "resultJob_3", "resultJobSurprise"]
    qtbot.waitUntil(lambda: all(is_shown(kiosk.window, n) for n in names))
    shown = [find_item(kiosk.window, n).property("job")["id"] for n in names]
    assert shown == [js.job_id for js in want]
    assert want[3].surprise
    finished = rows(kiosk, "select jobs, mode from events where kind='game_finished'")
    assert finished == [(",".join(shown), "solo")]
    assert rows(kiosk, "select count(*) from events where kind='card_swiped'") == [
        (len(answers),)]
    # A job with a role-model episode has a watch button; one without has none.
    with_episode = [any(js.job_id in e.jobs for e in kiosk.pack.episodes.values()) for js in want]
    assert any(with_episode[:3])
    for name, js, has_episode in zip(names, want, with_episode):
        rank = "surprise" if js.surprise else name.rsplit("_", 1)[1]
        assert is_shown(kiosk.window, f"resultWatch_{rank}") == has_episode
    # The take-home code on screen decodes to a link with exactly these jobs.
    qr = find_item(kiosk.window, "qr_result")
    qtbot.waitUntil(lambda: bool(decode_qr_codes(crop(grab(kiosk.window), qr))))
    decoded = decode_qr_codes(crop(grab(kiosk.window), qr))
    assert decoded == [qr.property("payload")]
    summary = parse_result_link(decoded[0])
    assert list(summary.jobs) + [summary.extra] == shown
    # Watching a job's video and coming back keeps the result.
    rank = next(str(i) for i, has in enumerate(with_episode[:3], 1) if has)
    touch_tap(kiosk.window, f"resultWatch_{rank}")
    qtbot.waitUntil(lambda: kiosk.controller.state == "player")
    qtbot.waitUntil(lambda: rows(kiosk, "select via from events where kind='episode_started'")
                    == [("game",)], timeout=10000)   # recorded on the clip's first frame
    touch_tap(kiosk.window, "playerView")       # a tap shows the player's controls
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "playerBack"))
    touch_tap(kiosk.window, "playerBack")
    qtbot.waitUntil(lambda: kiosk.controller.state == "result"
                    and is_shown(kiosk.window, "resultJob_1"))
    assert find_item(kiosk.window, "resultJob_1").property("job")["id"] == shown[0]


def test_cards_and_result_follow_the_language(kiosk, qtbot):
    open_game(kiosk, qtbot)
    card = find_item(kiosk.window, "swipeCard")
    assert card.property("card")["text"] == "Een boomhut bouwen"
    touch_tap(kiosk.window, "languageToggle")
    qtbot.waitUntil(lambda: card.property("card")["text"] == "Build a tree house")
    assert find_item(kiosk.window, "likeButton").property("text") == "Cool!"


def test_close_interests_get_duel_cards(kiosk, qtbot):
    open_game(kiosk, qtbot)
    # Everything "Vet!": every interest is as strong as the others, so after the cards the game
    # asks "Wat vind je leuker?" between the closest ones.
    for _ in range(kiosk.config.game.game_max_cards):
        if kiosk.game.playerA.duel:
            break
        before = kiosk.game.playerA.answered
        touch_tap(kiosk.window, "likeButton")
        qtbot.waitUntil(lambda b=before: kiosk.game.playerA.answered == b + 1)
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "duelA"))
    # the game decides how many duels it needs: no "21 van 21", a word instead
    assert find_item(kiosk.window, "gameProgress").property("note") == "Bijna klaar!"
    answers = answer_until_result(kiosk, qtbot, lambda cid: True, pick_left=lambda n: True)
    duels = [a for a in answers if a[0] == "duel"]
    assert 1 <= len(duels) <= kiosk.config.game.game_max_duels and answers[0][0] == "duel"
    recorded = rows(kiosk, "select card_id, liked from events where kind='card_swiped' and "
                           "via='duel' order by id")
    assert recorded == [(chosen, 1) for _, chosen in duels]


def test_duo_reaches_jullie_match_and_the_guess(kiosk, qtbot):
    open_game(kiosk, qtbot, "duo")
    game = kiosk.game
    index = {c.id: i for i, c in enumerate(kiosk.pack.cards)}
    # Player 1 likes the even cards of the pack, player 2 the odd ones; they play at the same
    # time, player 1 by dragging, player 2 with the buttons; duels go to the left card.
    while kiosk.controller.state != "result":
        for n, player in ((1, game.playerA), (2, game.playerB)):
            if player.done or kiosk.controller.state == "result":
                continue
            before = player.answered
            if player.duel:
                qtbot.waitUntil(lambda n=n: is_shown(kiosk.window, f"duelA_{n}"))
                touch_tap(kiosk.window, f"duelA_{n}")
            else:
                liked = index[card_id(kiosk, f"swipeCard_{n}")] % 2 == n - 1
                if n == 1:
                    drag_card(kiosk, 0.6 if liked else -0.6, name="swipeCard_1")
                else:
                    touch_tap(kiosk.window, "likeButton_2" if liked else "nopeButton_2")
            qtbot.waitUntil(lambda p=player, b=before: kiosk.controller.state == "result"
                            or p.answered == b + 1)
    qtbot.waitUntil(lambda: kiosk.controller.state == "result")
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "resultDuoTitle"))
    assert find_item(kiosk.window, "resultDuoTitle").property("text") == "Jullie match"
    assert all(is_shown(kiosk.window, f"resultJob_{r}") for r in (1, 2, 3))
    # The guess card is the first one they answered differently: boomhut (1 liked, 2 did not).
    assert game.result["guess"]["card"]["id"] == FIRST
    touch_tap(kiosk.window, "guessLike_1")      # player 1 guesses 2 liked it: wrong
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "guessReveal_1"))
    assert find_item(kiosk.window, "guessReveal_1").property("text").startswith("Net niet!")
    touch_tap(kiosk.window, "guessLike_2")      # player 2 guesses 1 liked it: right
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "guessReveal_2"))
    assert find_item(kiosk.window, "guessReveal_2").property("text").startswith("Goed geraden!")
    assert rows(kiosk, "select mode from events where kind in ('game_started', 'game_finished')"
                       " order by id") == [("duo",), ("duo",)]
    answered = game.playerA.session.progress[0] + game.playerB.session.progress[0]
    assert rows(kiosk, "select count(*) from events where kind='card_swiped'") == [(answered,)]


def test_leaving_mid_game_records_where_and_wipes_answers(kiosk, qtbot):
    open_game(kiosk, qtbot)
    for expected in (SECOND, THIRD):
        touch_tap(kiosk.window, "likeButton")
        qtbot.waitUntil(lambda e=expected: card_id(kiosk) == e)
    touch_tap(kiosk.window, "homeButton")       # two answers would go: it asks first
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "leaveConfirm"))
    touch_tap(kiosk.window, "leaveConfirm")
    qtbot.waitUntil(lambda: kiosk.controller.state == "home")
    assert rows(kiosk, "select at_card from events where kind='game_abandoned'") == [(2,)]
    assert kiosk.game.playerA.session is None
    touch_tap(kiosk.window, "homeGame")         # a new visit to the game starts at the intro
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "gameStart"))
    touch_tap(kiosk.window, "gameStart")
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "swipeCard"))
    assert card_id(kiosk) == FIRST
    kiosk.controller.endSession()               # "Klaar" / a reset mid-game also counts
    qtbot.waitUntil(lambda: kiosk.controller.state == "attract")
    assert rows(kiosk, "select at_card from events where kind='game_abandoned' order by id") \
        == [(2,), (0,)]
    sessions = rows(kiosk, "select count(distinct session_id) from events "
                           "where kind='game_abandoned'")
    assert sessions == [(1,)]


def test_take_home_code_reads_back_on_a_small_portrait_screen(make_kiosk, qtbot):
    app = make_kiosk("720x1280", config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    open_game(app, qtbot)
    answer_until_result(app, qtbot, lambda cid: len(cid) % 3 != 0)
    qr = find_item(app.window, "qr_result")
    qtbot.waitUntil(lambda: qr is not None and bool(decode_qr_codes(crop(grab(app.window), qr))))
    assert decode_qr_codes(crop(grab(app.window), qr)) == [qr.property("payload")]
    top = qr.mapToScene(qr.boundingRect().topLeft())
    bottom = qr.mapToScene(qr.boundingRect().bottomRight())
    assert 0 <= top.y() and bottom.y() <= 1280 and bottom.x() <= 720  # fully on screen


def test_an_unbalanced_deck_hides_the_game_and_admin_says_why(make_kiosk, qtbot, tmp_path):
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(Path(__file__).resolve().parents[2] / "episodes", pack)
    cards = pack / "cards.toml"
    text = cards.read_text(encoding="utf-8")
    cut = text.index("[[cards]]", text.index("[[cards]]") + 1)  # keep only the first card
    nxt = text.find("[[cards]]", cut + 1)
    cards.write_text(text[:nxt] if nxt > 0 else text, encoding="utf-8")
    app = make_kiosk(content=pack)
    assert not app.pack.deck_ok
    qtbot.waitUntil(app.window.isExposed)
    touch_tap(app.window, "startButton")
    qtbot.waitUntil(lambda: is_shown(app.window, "homeEpisodes"))
    assert not is_shown(app.window, "homeGame")
    assert "game" not in app.controller.sections
    app.controller.flow.enter_admin(app.controller.now())
    assert any(p.startswith("cards.toml: ") for p in app.controller.property("contentProblems"))


def test_the_direction_chips_say_pythons_words_in_the_visitors_language(kiosk, qtbot):
    """The result's direction is shown in the words of kiosk.core.direction_words (the same as
    the take-home page's), Dutch first and English after the toggle; QML holds no word list."""
    from kiosk.core.direction_words import DOMAIN_WORDS, TYPE_WORDS
    from tests.uitools import walk

    open_game(kiosk, qtbot)
    player = kiosk.game.playerA
    index = {c.id: i for i, c in enumerate(kiosk.pack.cards)}
    while not player.done:                          # likes every other card: not flat
        if player.duel:
            player.choose(player.duel["a"]["id"])
        else:
            player.swipe(player.card["id"], index[player.card["id"]] % 2 == 0, "button")
    qtbot.waitUntil(lambda: kiosk.controller.state == "result")
    direction = kiosk.game.result["direction"]
    everything = {w for pair in (*TYPE_WORDS.values(), *DOMAIN_WORDS.values()) for w in pair}

    def chips() -> list[str]:
        return [item.property("text") for item in walk(kiosk.window.contentItem())
                if item.property("text") in everything and item.isVisible()]

    dutch = [TYPE_WORDS[t][0] for t in direction["types"]] + \
        [DOMAIN_WORDS[d][0] for d in direction["domains"]]
    assert len(dutch) >= 2
    qtbot.waitUntil(lambda: chips() == dutch)
    touch_tap(kiosk.window, "languageToggle")
    english = [TYPE_WORDS[t][1] for t in direction["types"]] + \
        [DOMAIN_WORDS[d][1] for d in direction["domains"]]
    qtbot.waitUntil(lambda: chips() == english)
    source = (Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "qml" / "components"
              / "DirectionChips.qml").read_text(encoding="utf-8")
    assert not [w for w in everything if w in source]
