"""The campaign's question as a visitor meets it: its own screen after "Tik om te beginnen", once
more inline on the result or the end card, and what reaches the event log (real SQLite)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from kiosk.config import Config
from tests.conftest import SAMPLE_PACK
from tests.uitools import centre, find_item, is_shown, touch_device, touch_tap
from tools.layout_check import answer_all, check_app, check_window, settle

CFG = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False,
             next_up_countdown_s=600.0)


def pulse_pack(folder: Path, table: str) -> Path:
    """The sample pack with ``[pulse]`` (``table`` is its body) in every event file."""
    pack = folder / "pack"
    shutil.copytree(SAMPLE_PACK, pack)
    for event in (pack / "events").glob("*.toml"):
        with event.open("a", encoding="utf-8") as f:
            f.write(f"\n[pulse]\n{table}\n")
    return pack


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    return pulse_pack(tmp_path_factory.mktemp("plain"), "")


@pytest.fixture(scope="module")
def with_group(tmp_path_factory) -> Path:
    return pulse_pack(tmp_path_factory.mktemp("group"), "ask_group = true")


def pulse_rows(app) -> list[tuple]:
    app.store.flush()
    with sqlite3.connect(app.db_path) as con:
        return con.execute("SELECT session_id, kind, phase, value, answer FROM events "
                           "WHERE kind LIKE 'pulse%' ORDER BY id").fetchall()


def answers(app) -> list[tuple]:
    """The rows that hold what the visitor tapped (not when the question was shown)."""
    return [r for r in pulse_rows(app) if r[1] != "pulse_asked"]


def start(app, qtbot) -> None:
    qtbot.waitUntil(app.window.isExposed)
    touch_tap(app.window, "startButton")


def play_game_to_result(app, qtbot) -> None:
    qtbot.waitUntil(lambda: is_shown(app.window, "homeGame"))
    touch_tap(app.window, "homeGame")
    qtbot.waitUntil(lambda: is_shown(app.window, "gameStart"))
    touch_tap(app.window, "gameStart")
    qtbot.waitUntil(lambda: app.controller.state == "game" and bool(app.game.playerA.card))
    answer_all(app)
    qtbot.waitUntil(lambda: app.controller.state == "result")


def watch_a_clip_to_the_end(app, qtbot) -> None:
    qtbot.waitUntil(lambda: is_shown(app.window, "homeEpisodes"))
    touch_tap(app.window, "homeEpisodes")
    qtbot.waitUntil(lambda: app.controller.state == "episodes")
    app.controller.playEpisode("ads-s1e1", "tile")
    qtbot.waitUntil(lambda: app.player.state == "playing")
    app.player.finish()
    qtbot.waitUntil(lambda: app.controller.state == "next_up")


def test_a_visit_answering_2_then_4_records_both(make_kiosk, qtbot, plain):
    app = make_kiosk(content=plain, config=CFG)
    start(app, qtbot)
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseAnswer_2"))
    assert app.controller.state == "pulse"
    assert not is_shown(app.window, "homeButton")  # the question's skip is its way on
    touch_tap(app.window, "pulseAnswer_2")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    play_game_to_result(app, qtbot)
    # inline on the result, where "Nog een keer" stood; the jobs and the QR code stay usable
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseAnswer_4"))
    settle(app.window)
    assert not is_shown(app.window, "resultAgain")
    assert is_shown(app.window, "resultJob_1") and is_shown(app.window, "qr_result")
    touch_tap(app.window, "pulseAnswer_4")
    qtbot.waitUntil(lambda: is_shown(app.window, "resultAgain"))
    assert not is_shown(app.window, "pulseAnswer_4")
    sid = app.controller.session_id
    assert pulse_rows(app) == [(sid, "pulse_asked", "before", None, None),
                               (sid, "pulse_answered", "before", 2.0, None),
                               (sid, "pulse_asked", "after", None, None),
                               (sid, "pulse_answered", "after", 4.0, None)]
    # at most once per visit: a clip watched to the end afterwards does not ask again
    app.controller.goHome()
    watch_a_clip_to_the_end(app, qtbot)
    settle(app.window)
    assert find_item(app.window, "pulseAnswer_1") is None
    assert len(pulse_rows(app)) == 4


def test_skip_records_the_skip_before_and_on_the_end_card(make_kiosk, qtbot, plain):
    app = make_kiosk(content=plain, config=CFG)
    start(app, qtbot)
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseSkip"))
    touch_tap(app.window, "pulseSkip")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    watch_a_clip_to_the_end(app, qtbot)
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseSkip"))
    settle(app.window)  # the card has laid itself out around the question: tap where it is
    assert is_shown(app.window, "nextUpBack")  # inline: the end card's buttons stay
    touch_tap(app.window, "pulseSkip")
    qtbot.waitUntil(lambda: not is_shown(app.window, "pulseSkip"))
    assert app.controller.state == "next_up"
    sid = app.controller.session_id
    assert pulse_rows(app) == [(sid, "pulse_asked", "before", None, None),
                               (sid, "pulse_skipped", "before", None, None),
                               (sid, "pulse_asked", "after", None, None),
                               (sid, "pulse_skipped", "after", None, None)]


def test_an_event_without_pulse_never_asks(make_kiosk, qtbot):
    app = make_kiosk(config=CFG)  # the sample pack's events have no [pulse]
    start(app, qtbot)
    qtbot.waitUntil(lambda: app.controller.state == "home")
    play_game_to_result(app, qtbot)
    settle(app.window)
    assert find_item(app.window, "pulseAnswer_3") is None and is_shown(app.window, "resultAgain")
    app.controller.goHome()
    watch_a_clip_to_the_end(app, qtbot)
    settle(app.window)
    assert find_item(app.window, "pulseSkip") is None
    assert pulse_rows(app) == []
    app.store.flush()
    with sqlite3.connect(app.db_path) as con:
        screens = {s for (s,) in con.execute("SELECT screen FROM events WHERE screen IS NOT NULL")}
    assert "pulse" not in screens


def test_two_faces_tapped_at_once_the_first_counts(make_kiosk, qtbot, plain):
    app = make_kiosk(content=plain, config=CFG)
    start(app, qtbot)
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseAnswer_1"))
    one, five = centre(find_item(app.window, "pulseAnswer_1")), centre(find_item(app.window,
                                                                                 "pulseAnswer_5"))
    device = touch_device()
    QTest.touchEvent(app.window, device).press(0, one, app.window).press(1, five, app.window).commit()
    QTest.touchEvent(app.window, device).release(0, one, app.window).release(1, five,
                                                                             app.window).commit()
    qtbot.waitUntil(lambda: app.controller.state == "home")
    rows = answers(app)
    assert len(rows) == 1 and rows[0][1:3] == ("pulse_answered", "before")
    assert rows[0][3] == app.pulse.visit.before  # the one that counted is the one stored


def test_walking_away_from_the_question_records_no_answer(make_kiosk, qtbot, plain):
    app = make_kiosk(content=plain, config=Config().with_(idle_timeout_s=0.3, still_there_countdown_s=0.3,
                                                  idle_from_event=False))
    start(app, qtbot)
    qtbot.waitUntil(lambda: app.controller.state == "pulse")
    qtbot.waitUntil(lambda: app.controller.stillThere)  # the idle rules as everywhere
    qtbot.waitUntil(lambda: app.controller.state == "attract", timeout=5000)
    assert answers(app) == []  # asked, and nothing else
    assert [r[1:3] for r in pulse_rows(app)] == [("pulse_asked", "before")]
    app.store.flush()
    with sqlite3.connect(app.db_path) as con:
        ended = con.execute("SELECT reason FROM events WHERE kind = 'session_ended'").fetchall()
    assert ended == [("idle",)]
    assert app.pulse.visit is None  # the next visitor starts with nothing of this one


def test_the_group_question_follows_the_face_and_stores_only_the_group(make_kiosk, qtbot,
                                                                       with_group):
    app = make_kiosk(content=with_group, config=CFG)
    start(app, qtbot)
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseAnswer_3"))
    assert not is_shown(app.window, "pulseGroup_girl")
    touch_tap(app.window, "pulseAnswer_3")
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseGroup_girl"))
    assert app.controller.state == "pulse"
    for name in ("pulseGroup_boy", "pulseGroup_other", "pulseGroup_private", "pulseSkip"):
        assert is_shown(app.window, name)
    touch_tap(app.window, "pulseGroup_girl")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    sid = app.controller.session_id
    assert answers(app) == [(sid, "pulse_answered", "before", 3.0, None),
                            (sid, "pulse_group", None, None, "girl")]


def test_skipping_the_group_question_goes_home_and_records_nothing_more(make_kiosk, qtbot,
                                                                        with_group):
    app = make_kiosk(content=with_group, config=CFG)
    start(app, qtbot)
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseAnswer_5"))
    touch_tap(app.window, "pulseAnswer_5")
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseGroup_private"))
    touch_tap(app.window, "pulseSkip")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    assert [r[1:4] for r in answers(app)] == [("pulse_answered", "before", 5.0)]


def test_an_events_own_question_in_both_languages(make_kiosk, qtbot, tmp_path):
    pack = pulse_pack(tmp_path, 'question = { nl = "Zie jij jezelf in de techniek?", '
                                'en = "Can you see yourself in tech?" }')
    app = make_kiosk(content=pack, config=CFG)
    start(app, qtbot)
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseAnswer_1"))

    def texts() -> set[str]:
        from tests.uitools import walk
        return {i.property("text") for i in walk(app.window.contentItem())
                if i.isVisible() and isinstance(i.property("text"), str)}

    assert "Zie jij jezelf in de techniek?" in texts()
    app.controller.setLanguage("en")
    settle(app.window)
    assert "Can you see yourself in tech?" in texts() and "Skip" in texts()


# An event's own question at the limit the event file allows (kiosk.config), in both languages.
LONGEST = ("Hoe goed past een baan in de techniek bij jou, na alles wat je vandaag zag hier?",
           "How well does a job in technology suit you, after everything you saw here today?")


@pytest.fixture(scope="module")
def longest(tmp_path_factory) -> Path:
    assert {len(q) for q in LONGEST} == {Config().pack.pulse_question_max_chars}
    return pulse_pack(tmp_path_factory.mktemp("longest"),
                      f'question = {{ nl = "{LONGEST[0]}", en = "{LONGEST[1]}" }}\n'
                      "ask_group = true")


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920", "720x1280"])
def test_the_question_is_readable_and_within_reach(make_kiosk, qtbot, longest, size):
    """The layout check (tools/screenshots.py --check) over the question's screen, its group
    step and the result with the question inline; then the end card, in both languages; with
    the longest question an event may ask (a cut-off text is a problem the check reports)."""
    app = make_kiosk(size, content=longest, config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    assert check_app(app, size) == []
    start(app, qtbot)
    qtbot.waitUntil(lambda: app.controller.state == "pulse")
    app.pulse.skip("before")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    watch_a_clip_to_the_end(app, qtbot)
    for lang in ("nl", "en"):
        app.controller.setLanguage(lang)
        qtbot.waitUntil(lambda: is_shown(app.window, "pulseAnswer_5"))
        settle(app.window)
        # the end card's own countdown tile sits above the reach zone in portrait with or
        # without the question (not the question's doing): only the question's items count here
        found = check_window(app.window, f"{size} {lang} end card")
        assert [p for p in found if "pulse" in p] == []


def test_the_admin_dashboard_shows_the_question_with_the_reports_small_group_rule(qtbot,
                                                                                  tmp_path):
    from kiosk.ui.dashboard import Dashboard
    from tests.unit.test_pulse_report import small_groups_log

    db = small_groups_log(tmp_path / "k.db")  # 15 visits, each 2 before and 4 after
    dash = Dashboard(db, Config(), None)
    dash.setFilter("", "")  # every day (it opens on today)
    qtbot.waitUntil(lambda: not dash.property("busy"))
    assert dash.property("pulseAsked") is True
    assert dash.property("pulseText") == "voor 2,0 · na 4,0 · +2,0 (n 15)"
    # the same log cut down to fewer than ten visits: no figure, as in the report
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM events WHERE session_id > ?", (f"{8:016x}",))
    dash.compute_now()
    assert dash.property("pulseAsked") is True
    assert dash.property("pulseText") == "te weinig antwoorden"
    # a log where nobody was asked hides the figure
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM events WHERE kind LIKE 'pulse%'")
    dash.compute_now()
    assert dash.property("pulseAsked") is False


def test_the_end_cards_autoplay_waits_for_the_question(make_kiosk, qtbot, plain):
    """The next clip would take the question away mid-thought: the end card's countdown holds
    while the question asks on it and runs from the top once it is answered."""
    app = make_kiosk(content=plain, config=Config().with_(
        idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False,
        next_up_countdown_s=0.5))
    start(app, qtbot)
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseSkip"))
    touch_tap(app.window, "pulseSkip")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    watch_a_clip_to_the_end(app, qtbot)
    qtbot.waitUntil(lambda: is_shown(app.window, "pulseAnswer_3"))
    assert app.playback.nextUp  # the series goes on: without the question this counts down
    assert not app.playback.countingDown and app.playback.countdownRemaining == 0
    settle(app.window)
    touch_tap(app.window, "pulseAnswer_3")
    qtbot.waitUntil(lambda: app.playback.countingDown)
    qtbot.waitUntil(lambda: app.controller.state == "player")
    assert [r[1:4] for r in answers(app)][-1] == ("pulse_answered", "after", 3.0)
