"""Episodes through the real window: tiles, real decoding, autoplay, a broken clip, captions, touch."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kiosk.app import build
from kiosk.config import Config
from tests.uitools import (centre, find_item, is_shown, next_frame, open_from_home, touch_press,
                           touch_release, touch_tap)

# The end card's countdown is shrunk, but kept long enough that a busy CI machine still draws
# the card and taps cancel before it runs out.
CFG = Config().with_(idle_timeout_s=600, idle_from_event=False, next_up_countdown_s=4.0,
             player_controls_hide_s=30)
SERIES = ["ads-s1e1", "ads-s1e2", "ads-s1e3", "ads-s1e4", "ads-s1e5"]


def start_kiosk(pack: Path, data: Path, size: str = "1920x1080"):
    return build(["--windowed", "--size", size, "--data", str(data), "--content", str(pack)],
                 config=CFG)


@pytest.fixture
def kiosk_options():
    return {"config": CFG, "real_player": True}   # playback itself: real decoding


def events(app, sql: str) -> list[tuple]:
    app.store.flush()
    with sqlite3.connect(app.db_path) as con:
        return con.execute(sql).fetchall()


def open_episodes(app, qtbot) -> None:
    open_from_home(app, qtbot, "homeEpisodes", "episodes")
    qtbot.waitUntil(lambda: find_item(app.window, f"episodeTile_{SERIES[0]}") is not None)


def player(app):
    return app.player


def skip_to_end(app, qtbot) -> None:
    """Seek close to the end of the playing clip so the test need not watch it all."""
    p = player(app)
    qtbot.waitUntil(lambda: p.state == "playing" and p.duration > 0, timeout=20_000)
    p.seek(p.duration - 400)


def test_a_second_tap_where_stop_was_starts_nothing(kiosk, qtbot):
    """A finger that taps Stop twice (a slow screen, an eager hand) lands on no other button:
    nothing on the end card slides into the place Stop leaves."""
    open_episodes(kiosk, qtbot)
    touch_tap(kiosk.window, f"episodeTile_{SERIES[0]}")
    skip_to_end(kiosk, qtbot)
    qtbot.waitUntil(lambda: kiosk.playback.countingDown, timeout=20_000)
    next_frame(qtbot, kiosk.window)    # the finger taps Stop where a frame showed it
    spot = centre(find_item(kiosk.window, "nextUpCancel"))
    for _ in range(2):
        touch_press(kiosk.window, spot)
        touch_release(kiosk.window, spot)
        next_frame(qtbot, kiosk.window)
    qtbot.wait(300)
    assert kiosk.controller.state == "next_up" and not kiosk.playback.countingDown
    assert player(kiosk).episodeId == SERIES[0]


def test_tapping_a_tile_plays_that_episode_with_real_frames(kiosk, qtbot):
    open_episodes(kiosk, qtbot)
    touch_tap(kiosk.window, f"episodeTile_{SERIES[1]}")
    qtbot.waitUntil(lambda: kiosk.controller.state == "player")
    p = player(kiosk)
    qtbot.waitUntil(lambda: p.state == "playing", timeout=20_000)
    assert p.episodeId == SERIES[1]
    sink = find_item(kiosk.window, "playerVideo").property("videoSink")
    frames = []
    sink.videoFrameChanged.connect(lambda f: frames.append(f.isValid()))
    qtbot.waitUntil(lambda: len(frames) >= 10, timeout=20_000)
    assert all(frames)
    start = p.position
    qtbot.waitUntil(lambda: p.position > start + 300, timeout=5_000)  # time moves on
    assert events(kiosk, "select episode_id, via from events where kind='episode_started'") == [
        (SERIES[1], "tile")]


def test_autoplay_runs_three_in_a_row_then_cancel_stops_it(kiosk, qtbot):
    open_episodes(kiosk, qtbot)
    touch_tap(kiosk.window, f"episodeTile_{SERIES[0]}")
    p = player(kiosk)
    for expected in SERIES[:3]:
        qtbot.waitUntil(lambda expected=expected: p.episodeId == expected and p.state == "playing",
                        timeout=15_000)
        skip_to_end(kiosk, qtbot)
        qtbot.waitUntil(lambda: kiosk.controller.state == "next_up", timeout=20_000)
        assert is_shown(kiosk.window, "nextUpCountdown")
    # the end card of the third: cancel, and nothing starts any more
    next_frame(qtbot, kiosk.window)
    touch_tap(kiosk.window, "nextUpCancel")
    qtbot.wait(round(CFG.flow.next_up_countdown_s * 1000) + 500)  # autoplay must not fire
    assert kiosk.controller.state == "next_up" and p.episodeId == SERIES[2]
    started = events(kiosk, "select episode_id, via from events where kind='episode_started'")
    assert started == [(SERIES[0], "tile"), (SERIES[1], "autoplay"), (SERIES[2], "autoplay")]
    finished = events(kiosk, "select episode_id from events where kind='episode_finished'")
    assert [f[0] for f in finished] == SERIES[:3]


@pytest.mark.qt_log_ignore(".*Could not open media.*")  # FFmpeg says so about the broken clip
def test_a_broken_clip_mid_series_is_skipped_and_the_next_plays(qapp, qtbot, tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(Path(__file__).resolve().parents[2] / "episodes", pack)
    app = start_kiosk(pack, tmp_path / "data")
    try:
        # The file goes bad after the morning check (a USB stick pulled, a bad copy).
        bad = app.pack.episodes[SERIES[1]].video
        bad.write_bytes(bad.read_bytes()[:2048])
        open_episodes(app, qtbot)
        touch_tap(app.window, f"episodeTile_{SERIES[0]}")
        p = player(app)
        skip_to_end(app, qtbot)
        qtbot.waitUntil(lambda: app.controller.state == "next_up", timeout=20_000)
        qtbot.waitUntil(lambda: p.errorText != "", timeout=20_000)
        assert is_shown(app.window, "playerError")
        qtbot.waitUntil(lambda: p.episodeId == SERIES[2] and p.state == "playing", timeout=15_000)
        assert not is_shown(app.window, "playerError")
        assert events(app, "select episode_id from events where kind='episode_error'") == [
            (SERIES[1],)]
        app.controller.flow.enter_admin(app.controller.now())  # what the organiser sees later
        listed = app.controller.property("contentProblems")
        assert any(p.startswith("media/aan-de-slag/s1e2.mp4: video: ") for p in listed), listed
    finally:
        app.close()


def test_captions_show_the_cue_and_follow_the_language(kiosk, qtbot):
    open_episodes(kiosk, qtbot)
    touch_tap(kiosk.window, f"episodeTile_{SERIES[1]}")
    p = player(kiosk)
    qtbot.waitUntil(lambda: p.state == "playing", timeout=20_000)
    p.seek(4_000)  # episodes/media/aan-de-slag/s1e2.nl.vtt: cue 2 runs 3.5–6.3 s
    caption = lambda: find_item(kiosk.window, "captionText")  # noqa: E731
    qtbot.waitUntil(lambda: caption() is not None and caption().property("text")
                    == "Wij bouwen huizen van hout, stuk voor stuk.", timeout=5_000)
    kiosk.controller.setLanguage("en")
    qtbot.waitUntil(lambda: caption().property("text")
                    == "We build houses out of wood, piece by piece.", timeout=5_000)


def test_touch_shows_controls_that_pause_and_go_back(kiosk, qtbot):
    open_episodes(kiosk, qtbot)
    touch_tap(kiosk.window, f"episodeTile_{SERIES[0]}")
    p = player(kiosk)
    qtbot.waitUntil(lambda: p.state == "playing", timeout=20_000)
    assert not is_shown(kiosk.window, "playerPause")
    touch_tap(kiosk.window, "playerView")
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "playerPause"))
    touch_tap(kiosk.window, "playerPause")
    qtbot.waitUntil(lambda: p.state == "paused")
    assert not kiosk.controller.flow.playing  # paused: the idle rules apply again
    touch_tap(kiosk.window, "playerPause")
    qtbot.waitUntil(lambda: p.state == "playing")
    touch_tap(kiosk.window, "playerBack")
    qtbot.waitUntil(lambda: kiosk.controller.state == "episodes")
    qtbot.waitUntil(lambda: p.state == "idle")


def test_attract_loops_the_featured_clips_muted(kiosk, qtbot):
    p = player(kiosk)
    qtbot.waitUntil(lambda: p.state == "playing", timeout=20_000)
    assert p.muted
    featured = kiosk.pack.events["open-dag-2026"].featured_series
    assert kiosk.pack.episodes[p.episodeId].series_id in featured
    assert events(kiosk, "select count(*) from events where kind like 'episode_%'") == [(0,)]


def test_events_carry_the_right_fractions(make_kiosk, qtbot):
    """A clip watched to the end: 25/50/75 % marks and fraction 1.0. A clip left early:
    the share of it actually seen (slices of 0.1 s, config.media.watch_bucket_s)."""
    from tests.packs.broken_cases import BASE

    app = make_kiosk(content=BASE, real_player=True, config=CFG.with_(watch_bucket_s=0.1,
                                                    next_up_countdown_s=600))
    open_episodes(app, qtbot)
    app.controller.playEpisode("ads-s1e1", "tile")  # a 1-second clip, watched whole
    qtbot.waitUntil(lambda: app.controller.state == "next_up", timeout=20_000)
    assert events(app, "select pct from events where kind='episode_progress' order by id") == [
        (25,), (50,), (75,)]
    assert events(app, "select episode_id, fraction from events where kind='episode_finished'"
                  ) == [("ads-s1e1", 1.0)]


def test_leaving_early_records_the_share_seen(kiosk, qtbot):
    open_episodes(kiosk, qtbot)
    touch_tap(kiosk.window, f"episodeTile_{SERIES[1]}")
    p = player(kiosk)
    qtbot.waitUntil(lambda: p.state == "playing", timeout=20_000)
    qtbot.waitUntil(lambda: p.position >= 4_000, timeout=20_000)  # past 25 % of a 13 s clip
    seen_ms = p.position
    kiosk.playback.back()
    qtbot.waitUntil(lambda: kiosk.controller.state == "episodes")
    (episode, fraction), = events(kiosk, "select episode_id, fraction from events "
                                         "where kind='episode_finished'")
    slices = round(p.property("duration") / 1000) or round(
        kiosk.pack.episodes[SERIES[1]].duration)
    # whole-second slices (config.media.watch_bucket_s = 1 s) from 0 to where the visitor left
    assert episode == SERIES[1]
    assert abs(fraction - (seen_ms // 1000 + 1) / slices) <= 1 / slices + 1e-6
    assert events(kiosk, "select pct from events where kind='episode_progress'") == [(25,)]


def test_the_attract_loop_never_counts_as_viewing(kiosk, qtbot):
    p = player(kiosk)
    qtbot.waitUntil(lambda: p.state == "playing", timeout=20_000)  # attract loop runs
    open_episodes(kiosk, qtbot)  # leaving attract stops the loop
    touch_tap(kiosk.window, "homeButton")
    kiosk.controller.endSession()
    qtbot.waitUntil(lambda: p.state == "playing", timeout=20_000)  # the loop again
    assert events(kiosk, "select count(*) from events where kind like 'episode_%'") == [(0,)]


def test_the_end_of_a_series_suggests_a_featured_series(kiosk, qtbot):
    open_episodes(kiosk, qtbot)
    last = "toh-s1e4"  # the last episode of "Techniek om je heen"
    kiosk.controller.playEpisode(last, "tile")
    skip_to_end(kiosk, qtbot)
    qtbot.waitUntil(lambda: kiosk.controller.state == "next_up", timeout=20_000)
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "nextUpSuggestion"))
    assert not is_shown(kiosk.window, "nextUpCountdown")  # no autoplay past a series' end
    featured = kiosk.pack.events["open-dag-2026"].featured_series
    student_series = [s for s in featured if any(
        e.series_id == s and "students" in e.audience for e in kiosk.pack.episodes.values())]
    suggestion = kiosk.playback.suggestion
    assert kiosk.pack.episodes[suggestion["id"]].series_id == student_series[0]
    next_frame(qtbot, kiosk.window)    # the finger taps what a frame showed
    touch_tap(kiosk.window, "nextUpSuggestion")
    p = player(kiosk)
    qtbot.waitUntil(lambda: p.episodeId == suggestion["id"] and p.state == "playing",
                    timeout=20_000)
