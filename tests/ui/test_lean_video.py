"""The lean render mode draws video itself: Qt Quick's software backend cannot draw a
``VideoOutput``, so ``LeanVideo`` paints each decoded frame (converted by libswscale).

These tests run on the software backend (the suite's offscreen default), so what the window
shows is read back from a real grab: real clips decoded by Qt's FFmpeg backend, real pixels.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.config import DEFAULT, Config
from kiosk.visit.flow import EndReason
from kiosk.pack.new_pack import write_new_pack
from kiosk.media.add_videos import run_add_videos
from tests.cliptools import add_rotation, make_clip
from tests.conftest import tree_state
from tests.uitools import colour_close, find_item, open_from_home

CFG = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False)
GREEN = QColor(40, 190, 70)   # BT.601 and BT.709 decode this green visibly apart
TOLERANCE = 14                # per channel: h264's rounding and the YUV round trip


def _solid(colour: QColor) -> str:
    return f"drawbox=x=0:y=0:w=iw:h=ih:color=0x{colour.name()[1:]}:t=fill"


@pytest.fixture(scope="module")
def pack(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A pack with a green clip (16:9) and a green phone clip stored sideways (rotation tag)."""
    root = tmp_path_factory.mktemp("lean")
    write_new_pack(root / "pack", DEFAULT)
    folder = root / "in"
    make_clip(folder / "groen.mp4", size="320x180", seconds=2.0, vf=_solid(GREEN))
    add_rotation(make_clip(root / "plat.mp4", size="320x180", seconds=2.0, vf=_solid(GREEN)),
                 folder / "staand.mp4", -90)
    assert run_add_videos(root / "pack", [folder], "eigen", None, False, io.StringIO(), DEFAULT) == 0
    before = tree_state(root / "pack")
    yield root / "pack"
    assert tree_state(root / "pack") == before, "a test changed the shared pack"



def _play(app, qtbot, episode: str):
    open_from_home(app, qtbot, "homeEpisodes", "episodes")
    app.controller.playEpisode(episode, "tile")
    qtbot.waitUntil(lambda: app.player.state == "playing", timeout=15_000)
    video = find_item(app.window, "playerVideo")
    picture = video.property("picture")
    assert type(picture).__name__ == "LeanVideo"   # lean mode on the software backend
    drawn = picture.property("framesDrawn")   # one item for the whole run: count from here
    qtbot.waitUntil(lambda: picture.property("framesDrawn") >= drawn + 5, timeout=10_000)
    return video, picture


@pytest.mark.parametrize("size", ["1280x720", "720x1280"])
def test_lean_player_shows_the_clips_colours_fitted(make_kiosk, qtbot, pack: Path,
                                                    size: str) -> None:
    app = make_kiosk(size, content=pack, config=CFG.with_(player_side_fill=False), real_player=True)
    assert app.screens.render.choice.mode == "lean"
    video, _picture = _play(app, qtbot, "groen")
    rect = video.property("contentRect")
    w, h = app.window.width(), app.window.height()
    assert rect.width() / rect.height() == pytest.approx(16 / 9, rel=0.02)
    assert rect.width() == pytest.approx(w, abs=1)  # fitted: as wide as the screen
    shot: QImage = app.window.grabWindow()
    centre = shot.pixelColor(int(rect.center().x()), int(rect.center().y()))
    assert colour_close(centre, GREEN, TOLERANCE), centre.name()
    if h > rect.height() + 40:  # portrait: black bars above and below the picture
        assert shot.pixelColor(w // 2, int(rect.top()) // 2) == QColor("black")


def test_lean_player_turns_a_phone_clip_upright(make_kiosk, qtbot, pack: Path) -> None:
    app = make_kiosk("1280x720", content=pack, config=CFG.with_(player_side_fill=False),
                     real_player=True)
    video, _picture = _play(app, qtbot, "staand")
    rect = video.property("contentRect")
    assert rect.height() == pytest.approx(720, abs=1)
    assert rect.width() / rect.height() == pytest.approx(9 / 16, rel=0.02)  # stored 320x180
    shot = app.window.grabWindow()
    assert colour_close(shot.pixelColor(int(rect.center().x()), int(rect.center().y())), GREEN,
                        TOLERANCE)
    # beside the upright picture: black, not a sideways picture spilling over
    assert shot.pixelColor(int(rect.left()) // 2, 360) == QColor("black")


def test_lean_player_draws_each_video_frame_once(make_kiosk, qtbot, pack: Path) -> None:
    """One frame in, one picture drawn: each scene-graph sync that follows a new video frame
    draws it once, and a sync with no new frame draws nothing. A busy machine may sync once
    for two frames (the older one is never drawn): that is counted as one, not as a loss."""
    app = make_kiosk("1280x720", content=pack, config=CFG, real_player=True)
    _video, picture = _play(app, qtbot, "groen")
    presented, syncs_with_news = [0], [0]
    news = [False]
    drawn_before = picture.property("framesDrawn")

    def on_video(_start: int) -> None:
        presented[0] += 1
        news[0] = True

    def on_sync() -> None:   # the software render loop syncs on this (the GUI) thread
        if news[0]:
            syncs_with_news[0] += 1
            news[0] = False

    app.player.framePresented.connect(on_video)
    app.window.afterSynchronizing.connect(on_sync)
    try:
        qtbot.waitUntil(lambda: syncs_with_news[0] >= 20, timeout=30_000)
    finally:
        app.player.framePresented.disconnect(on_video)
        app.window.afterSynchronizing.disconnect(on_sync)
    drawn = picture.property("framesDrawn") - drawn_before
    assert abs(drawn - syncs_with_news[0]) <= 2, (drawn, syncs_with_news[0], presented[0])


def test_one_video_item_serves_every_visit(make_kiosk, qtbot, pack: Path) -> None:
    """Attract and player take turns with one LeanVideo: PySide keeps the Python side of an
    item QML makes and deletes, so a new item per screen would leak a little every visit (and
    with its last frame, a decoder's buffers)."""
    import gc

    from kiosk.ui.leanvideo import LeanVideo

    def items() -> int:
        gc.collect()
        return len([o for o in gc.get_objects() if isinstance(o, LeanVideo)])

    before = items()   # other kiosks of this test process, if any are still open
    app = make_kiosk("1280x720", content=pack, config=CFG, real_player=True)
    qtbot.waitUntil(lambda: app.player.state == "playing", timeout=15_000)  # the attract loop
    first = find_item(app.window, "attractVideo").property("picture")
    seen = []
    for _ in range(3):
        _video, picture = _play(app, qtbot, "groen")
        seen.append(picture)
        app.controller.goHome()
        app.controller.flow.end_session(EndReason.IDLE, app.controller.now())
        qtbot.waitUntil(lambda: app.controller.state == "attract")
        qtbot.waitUntil(lambda: find_item(app.window, "attractVideo") is not None)
        seen.append(find_item(app.window, "attractVideo").property("picture"))
    assert all(p is first for p in seen)
    assert items() == before + 1
    assert first.parentItem() is find_item(app.window, "attractVideo")


def test_lean_player_writes_frames_over_two_buffers(make_kiosk, qtbot, pack: Path) -> None:
    """The scene graph's texture shares the scaler's picture, and lets go of it when the next
    picture replaces it: the scaler writes its two buffers in turn and never copies one (a
    copy would be a new 8 MB buffer per frame at full HD). The high half of ``cacheKey`` is
    the pixels' serial number: a copy gets a new one (the low half counts write accesses)."""
    app = make_kiosk("1280x720", content=pack, config=CFG.with_(player_side_fill=False),
                     real_player=True)
    _video, picture = _play(app, qtbot, "groen")
    keys = []

    def key() -> None:
        keys.append(picture._scaler._buffer.cacheKey() >> 32)   # the scaler's own buffer

    picture.framesDrawnChanged.connect(key)
    try:
        qtbot.waitUntil(lambda: len(keys) >= 10, timeout=10_000)
    finally:
        picture.framesDrawnChanged.disconnect(key)
    assert len(set(keys)) == 2, keys
    assert all(a != b for a, b in zip(keys, keys[1:])), keys   # in turn
    shot = app.window.grabWindow()   # and that one buffer is what the screen shows
    rect = picture.property("contentRect")
    assert colour_close(shot.pixelColor(int(rect.center().x()), int(rect.center().y())), GREEN,
                        TOLERANCE)


def test_a_held_frame_shows_again_when_the_item_comes_back(qtbot) -> None:
    """The item leaves the window (its nodes and texture go with it) and comes back while the
    clip is paused: the frame it holds is shown again, not a black box until the next frame."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtMultimedia import QVideoFrame
    from PySide6.QtQuick import QQuickWindow

    from kiosk.ui.leanvideo import LeanVideo

    window = QQuickWindow()
    window.resize(160, 90)
    video = LeanVideo(window.contentItem())
    video.setSize(QSizeF(160, 90))
    window.show()
    qtbot.waitExposed(window)
    green = QImage(160, 90, QImage.Format.Format_RGB32)
    green.fill(GREEN)
    video.videoSink.setVideoFrame(QVideoFrame(green))
    qtbot.waitUntil(lambda: video.property("framesDrawn") >= 1, timeout=5_000)
    assert colour_close(window.grabWindow().pixelColor(80, 45), GREEN, TOLERANCE)
    video.setParentItem(None)
    assert window.grabWindow().pixelColor(80, 45) != GREEN   # gone from the window
    video.setParentItem(window.contentItem())
    assert colour_close(window.grabWindow().pixelColor(80, 45), GREEN, TOLERANCE)
    video.setParentItem(None)
    window.close()
    window.deleteLater()


def test_frames_shown_leave_no_texture_wrappers_behind(qtbot) -> None:
    """Every frame is a new scene-graph texture; PySide tied each one's Python wrapper to the
    window's for good (the attract loop grew ~40 MB an hour that way). Two hundred frames of
    two colours, with the sides filled (a second layer): the pictures are right and no
    wrapper is left; the window closes cleanly (the textures are deleted once, by their
    nodes)."""
    import gc

    from PySide6.QtCore import QSizeF
    from PySide6.QtMultimedia import QVideoFrame
    from PySide6.QtQuick import QQuickWindow, QSGTexture

    from kiosk.ui.leanvideo import LeanVideo

    def wrappers() -> int:
        gc.collect()
        return len([o for o in gc.get_objects() if isinstance(o, QSGTexture)])

    before = wrappers()
    window = QQuickWindow()
    window.resize(320, 90)
    video = LeanVideo(window.contentItem())
    video.setSize(QSizeF(320, 90))
    video.setProperty("fillSides", True)
    window.show()
    qtbot.waitExposed(window)
    colours = [QImage(160, 90, QImage.Format.Format_RGB32) for _ in range(2)]
    colours[0].fill(GREEN)
    colours[1].fill(QColor("#2040ff"))
    for n in range(200):
        video.videoSink.setVideoFrame(QVideoFrame(colours[n % 2]))
        qtbot.waitUntil(lambda n=n: video.property("framesDrawn") >= n + 1, timeout=5_000)
    assert colour_close(window.grabWindow().pixelColor(160, 45), QColor("#2040ff"), TOLERANCE)
    assert video.property("sidesFilled")
    assert wrappers() - before <= 4   # at most the ones on screen now; 400+ before the fix
    video.setParentItem(None)
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: wrappers() <= before + 4)
