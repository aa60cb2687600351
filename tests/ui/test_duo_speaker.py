"""The duo's result reads each matched job aloud, as the solo result does: a speaker on every
job card (speaker_job_<rank>), hidden without a voice for the visitor's language. Its cards are
narrow (three in a row, in portrait too): a card with a role model's video gives the video a row
of its own above "+" and the speaker, and the layout check finds nothing on the screen."""
from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from kiosk.config import Config
from tests.uitools import is_shown, touch_tap
from tools.layout_check import answer_cards, check_window, settle, wait_for

CFG = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False,
             read_aloud_engine="mock")   # Qt's mock engine: English voices, no Dutch one


def play_duo(app: Any) -> list[dict[str, Any]]:
    """Both players like every other card: with the sample pack the match is three jobs that
    each have a role model's video (the fullest cards)."""
    c = app.controller
    c.openSection("game")
    app.game.start("duo")
    for player in (app.game.playerA, app.game.playerB):
        answer_cards(player, lambda i: i % 2 == 0)
    assert wait_for(lambda: c.state == "result")
    return list(app.game.result["match"])


@pytest.mark.parametrize("size", ["1080x1920", "768x1366", "1920x1080", "1366x768"])
def test_every_duo_job_card_has_a_speaker_that_fits(make_kiosk: Any, qtbot: Any,
                                                    size: str) -> None:
    app = make_kiosk(size, config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    qtbot.waitUntil(lambda: app.read_aloud.settled, timeout=30_000)
    app.controller.start()
    match = play_duo(app)
    assert len(match) == 3 and all(job["episode"] for job in match)
    ranks = [job["rank"] for job in match]
    settle(app.window)
    # Dutch: the mock engine has no Dutch voice, so no speaker (never a button that does nothing)
    assert not any(is_shown(app.window, f"speaker_job_{r}") for r in ranks)
    assert check_window(app.window, f"{size} nl duo") == []
    app.controller.setLanguage("en")
    qtbot.waitUntil(lambda: all(is_shown(app.window, f"speaker_job_{r}") for r in ranks))
    settle(app.window)
    assert all(is_shown(app.window, f"resultWatch_{r}") for r in ranks)
    assert check_window(app.window, f"{size} en duo") == []


def test_a_duo_speaker_reads_its_job(make_kiosk: Any, qtbot: Any) -> None:
    app = make_kiosk("1080x1920", config=CFG, args=("--lang", "en"))
    qtbot.waitUntil(app.window.isExposed)
    qtbot.waitUntil(lambda: app.read_aloud.available, timeout=30_000)
    app.controller.start()
    match = play_duo(app)
    second = match[1]
    qtbot.waitUntil(lambda: is_shown(app.window, "speaker_job_2"))
    touch_tap(app.window, "speaker_job_2")
    qtbot.waitUntil(lambda: app.read_aloud.reading == "job\n" + second["speech"])
    assert second["title"] in second["speech"]
    app.controller.goHome()
    qtbot.waitUntil(lambda: app.read_aloud.reading == "")
    app.store.flush()
    rows = sqlite3.connect(app.db_path).execute(
        "SELECT purpose, lang FROM events WHERE kind = 'read_aloud'").fetchall()
    assert rows == [("job", "en")]


@pytest.mark.parametrize("size", ["1920x1080", "1280x720"])
def test_solo_cards_with_a_video_and_a_speaker_fit_too(make_kiosk: Any, qtbot: Any,
                                                       size: str) -> None:
    """Four solo cards in a landscape row are narrow too: with a role model's video, "+" and a
    speaker, "Watch Bram work" ran out of its card (1920x1080, English) before the video got a
    row of its own."""
    from tests.ui.test_result_light import play

    app = make_kiosk(size, config=CFG, args=("--lang", "en"))
    qtbot.waitUntil(app.window.isExposed)
    qtbot.waitUntil(lambda: app.read_aloud.available, timeout=30_000)
    app.controller.start()
    play(app, lambda i: i % 2 == 0)   # with the sample pack: every card has a role model
    jobs = app.game.result["jobs"]
    assert all(job["episode"] for job in jobs)
    ranks = ["surprise" if job["surprise"] else job["rank"] for job in jobs]
    qtbot.waitUntil(lambda: all(is_shown(app.window, f"speaker_job_{r}") for r in ranks))
    settle(app.window)
    assert check_window(app.window, f"{size} en solo") == []
