"""The player, Reels-style, through the real window: a swipe up plays what plays next (the
autoplay rule, never a clip this visit already started), a swipe down the clip before, tiles
mark what was watched, "Vet!" is recorded once per clip, and the sound toggle shows only for a
clip with sound. A swipe while a clip is still loading is safe (real decoding)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import QPoint

from kiosk.config import Config
from tests.conftest import REPO, SAMPLE_PACK
from tests.uitools import find_item, is_shown, touch_drag, touch_tap

SLOW_IDLE = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False)


def rows(app, sql: str) -> list[tuple]:
    app.store.flush()
    with sqlite3.connect(app.db_path) as con:
        return con.execute(sql).fetchall()


def started(app) -> list[tuple[str, str]]:
    return rows(app, "select episode_id, via from events where kind='episode_started' order by id")


def swipe(app, up: bool) -> None:
    """A finger drags a third of the screen up (or down) over the playing clip."""
    h, w = app.window.height(), app.window.width()
    a, b = QPoint(w // 3, h * 2 // 3), QPoint(w // 3, h // 3)
    touch_drag(app.window, a if up else b, b if up else a, steps=8)


def open_player(app, qtbot, episode: str) -> None:
    app.controller.start()
    app.controller.openSection("episodes")
    qtbot.waitUntil(lambda: is_shown(app.window, f"episodeTile_{episode}"))
    touch_tap(app.window, f"episodeTile_{episode}")
    qtbot.waitUntil(lambda: len(started(app)) == 1)


def test_five_swipes_up_never_show_a_clip_twice_and_down_goes_back(make_kiosk, qtbot):
    app = make_kiosk(config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    open_player(app, qtbot, "ads-s1e2")
    for n in range(2, 7):
        swipe(app, up=True)
        qtbot.waitUntil(lambda n=n: len(started(app)) == n)
    seen = started(app)
    ids = [e for e, _ in seen]
    assert len(set(ids)) == 6, ids
    assert [v for _, v in seen] == ["tile"] + ["swipe"] * 5
    assert ids[:4] == ["ads-s1e2", "ads-s1e3", "ads-s1e4", "ads-s1e5"]   # the series first
    assert "ads-s1e1" not in ids[:4]
    swipe(app, up=False)                                 # down: the clip before
    qtbot.waitUntil(lambda: len(started(app)) == 7)
    assert started(app)[-1] == (ids[-2], "swipe")
    # the visit's watched clips are marked on their tiles; the others are not
    app.playback.back()
    qtbot.waitUntil(lambda: app.controller.state == "episodes")
    qtbot.waitUntil(lambda: is_shown(app.window, "watchedMark_ads-s1e2"))
    for episode in app.pack.episodes:
        assert is_shown(app.window, f"watchedMark_{episode}") == (episode in ids), episode
    # a new visitor starts with nothing watched
    app.controller.endSession()
    qtbot.waitUntil(lambda: app.controller.state == "attract")
    assert app.playback.watched == []


def test_a_short_drag_or_a_tap_is_not_a_swipe(make_kiosk, qtbot):
    app = make_kiosk(config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    open_player(app, qtbot, "ads-s1e1")
    h = app.window.height()
    touch_drag(app.window, QPoint(300, h // 2), QPoint(300, h // 2 - h // 20), steps=4)
    touch_tap(app.window, "playerView")                  # a tap shows the controls
    qtbot.waitUntil(lambda: is_shown(app.window, "playerPause"))
    swipe(app, up=False)                                 # down at the first clip: nothing before
    qtbot.waitUntil(lambda: not app.playback.canGoBack)
    assert [e for e, _ in started(app)] == ["ads-s1e1"]


def test_vet_is_recorded_once_per_clip(make_kiosk, qtbot):
    app = make_kiosk(config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    open_player(app, qtbot, "ads-s1e1")
    touch_tap(app.window, "playerLike")
    qtbot.waitUntil(lambda: app.playback.liked)
    touch_tap(app.window, "playerLike")
    swipe(app, up=True)
    qtbot.waitUntil(lambda: len(started(app)) == 2 and not app.playback.liked)
    touch_tap(app.window, "playerLike")
    qtbot.waitUntil(lambda: app.playback.liked)
    assert rows(app, "select episode_id from events where kind='episode_liked' order by id") \
        == [("ads-s1e1",), ("ads-s1e2",)]


def test_sound_toggle_and_a_clip_without_sound(make_kiosk, qtbot, tmp_path: Path):
    pack = tmp_path / "pack"
    shutil.copytree(SAMPLE_PACK, pack)
    shutil.copy(REPO / "tests" / "data" / "no-audio.mp4", pack / "media" / "aan-de-slag" / "s1e2.mp4")
    app = make_kiosk(content=pack, config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    open_player(app, qtbot, "ads-s1e1")
    qtbot.waitUntil(lambda: is_shown(app.window, "playerSound"))
    assert not app.player.muted
    touch_tap(app.window, "playerSound")
    qtbot.waitUntil(lambda: app.player.muted)
    swipe(app, up=True)                                  # the muted choice stays for the next
    qtbot.waitUntil(lambda: app.player.episodeId == "ads-s1e2")
    assert app.player.muted
    qtbot.waitUntil(lambda: find_item(app.window, "playerSound") is None)   # no sound track
    assert is_shown(app.window, "playerLike")


def test_swipes_while_a_clip_is_still_loading_are_safe(make_kiosk, qtbot):
    app = make_kiosk(config=SLOW_IDLE, real_player=True)
    qtbot.waitUntil(app.window.isExposed)
    open_player(app, qtbot, "ads-s1e1")
    swipe(app, up=True)                                  # s1e2 starts loading …
    swipe(app, up=True)                                  # … and before its first frame: s1e3
    swipe(app, up=False)                                 # … and back
    qtbot.waitUntil(lambda: app.player.state == "playing" and app.player.episodeId != "",
                    timeout=15_000)
    final = app.player.episodeId
    qtbot.waitUntil(lambda: started(app)[-1][0] == final, timeout=15_000)
    assert app.controller.state == "player"
    assert rows(app, "select count(*) from events where kind='episode_error'") == [(0,)]
    swipe(app, up=True)                                  # and it goes on from there
    qtbot.waitUntil(lambda: app.player.episodeId != final and app.player.state == "playing",
                    timeout=15_000)


def test_each_swipe_while_loading_moves_exactly_one_clip(make_kiosk, qtbot):
    """No double skip and no lost swipe while the real player is still opening a clip: up, up,
    down from s1e1 ends on s1e2 (a swipe down went back to the first clip when the second had
    not shown a frame yet), and nothing beyond s1e3 ever starts."""
    app = make_kiosk(config=SLOW_IDLE, real_player=True)
    qtbot.waitUntil(app.window.isExposed)
    open_player(app, qtbot, "ads-s1e1")
    loading = [app.player.state != "playing"]
    swipe(app, up=True)                                  # one step: s1e2, not s1e3
    loading.append(app.player.state != "playing")
    swipe(app, up=True)
    swipe(app, up=False)
    qtbot.waitUntil(lambda: app.player.episodeId == "ads-s1e2"
                    and app.player.state == "playing", timeout=15_000)
    qtbot.waitUntil(lambda: started(app)[-1] == ("ads-s1e2", "swipe"), timeout=15_000)
    # a clip swiped past before its first frame is never counted as started; none skipped over
    assert {e for e, _via in started(app)} <= {"ads-s1e1", "ads-s1e2", "ads-s1e3"}
    assert rows(app, "select count(*) from events where kind='episode_error'") == [(0,)]
    assert any(loading), "every swipe came after the clip had loaded: nothing was tested"


def test_the_next_clips_code_is_worked_out_before_the_swipe(make_kiosk, qtbot):
    """The QR code of the clip a swipe up (or autoplay) shows next is worked out on a helper
    thread while this clip plays, so the swipe's new clip no longer waits for qrcode's mask
    search (0.1-0.4 s of pure Python on the UI thread, most of the swipe's latency)."""
    from kiosk.core.qr_image import qr_modules_ready

    app = make_kiosk(config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    open_player(app, qtbot, "ads-s1e1")
    nxt = app.pack.episodes["ads-s1e2"]
    upcoming = app.playback._links.episode(nxt.id, nxt.channel_url).url   # its own page
    share = app.playback.current["shareLink"]
    qtbot.waitUntil(lambda: qr_modules_ready(upcoming, app.config.qr)
                    and qr_modules_ready(share, app.config.qr), timeout=10_000)
    swipe(app, up=True)
    qtbot.waitUntil(lambda: app.player.episodeId == "ads-s1e2")
    code = find_item(app.window, "qr_episode")
    assert code.property("payload") == upcoming == app.playback.current["link"]
