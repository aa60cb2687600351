"""In portrait, a vertical clip fills the screen as on a phone (cropped, never stretched, no
bands); a square clip and every clip on a landscape screen still play whole, fitted.

Real clips decoded by Qt's FFmpeg backend; what the screen shows is read back from a grab.
Each clip is one colour with a red strip down its left and right edges: a crop cuts the strips
off, a stretch or a fitted picture would show them."""
from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.config import DEFAULT, Config
from kiosk.pack.new_pack import write_new_pack
from kiosk.media.add_videos import run_add_videos
from tests.cliptools import make_clip
from tests.conftest import tree_state
from tests.uitools import colour_close, find_item, open_from_home

CFG = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False)
GREEN = QColor(40, 190, 70)
RED = QColor(220, 30, 30)
TOLERANCE = 16   # per channel: h264's rounding and the YUV round trip


def _green_with_red_edges(strip: float) -> str:
    """Green all over, a red strip ``strip`` of the width along the left and the right edge."""
    return (f"drawbox=x=0:y=0:w=iw:h=ih:color=0x{GREEN.name()[1:]}:t=fill,"
            f"drawbox=x=0:y=0:w=iw*{strip}:h=ih:color=0x{RED.name()[1:]}:t=fill,"
            f"drawbox=x=iw-iw*{strip}:y=0:w=iw*{strip}:h=ih:color=0x{RED.name()[1:]}:t=fill")


@pytest.fixture(scope="module")
def pack(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A phone clip (3:4), a social clip (4:5), a square one; strips a crop to 9:16 cuts off."""
    root = tmp_path_factory.mktemp("vertical")
    write_new_pack(root / "pack", DEFAULT)
    folder = root / "in"
    # 3:4 cropped to 9:16 keeps the middle 75 %: 8 % strips are cut off; likewise 4:5 (70 %)
    make_clip(folder / "telefoon.mp4", size="240x320", seconds=2.0, vf=_green_with_red_edges(0.08))
    make_clip(folder / "sociaal.mp4", size="256x320", seconds=2.0, vf=_green_with_red_edges(0.1))
    make_clip(folder / "vierkant.mp4", size="320x320", seconds=2.0, vf=_green_with_red_edges(0.1))
    assert run_add_videos(root / "pack", [folder], "eigen", None, False, io.StringIO(), DEFAULT) == 0
    before = tree_state(root / "pack")
    yield root / "pack"
    assert tree_state(root / "pack") == before, "a test changed the shared pack"



def _play(app, qtbot, episode: str, shape: float):
    """Play ``episode`` and wait until its own picture (of aspect ``shape``) is shown."""
    open_from_home(app, qtbot, "homeEpisodes", "episodes")
    app.controller.playEpisode(episode, "tile")
    qtbot.waitUntil(lambda: app.player.state == "playing", timeout=15_000)
    video = find_item(app.window, "playerVideo")

    def its_shape() -> bool:
        rect = video.property("contentRect")
        return rect.height() > 0 and abs(rect.width() / rect.height() - shape) < 0.02

    qtbot.waitUntil(its_shape, timeout=10_000)
    qtbot.waitUntil(lambda: app.player.position > 600, timeout=10_000)  # past the fade-in
    return video


def _edges(shot: QImage) -> list[tuple[int, int]]:
    """Points a hair inside each edge of the screen, along its length, clear of the QR code
    (top right) and the right rail's buttons (bottom right)."""
    w, h = shot.width(), shot.height()
    return ([(3, int(h * i / 10)) for i in range(1, 10)]                 # left
            + [(w - 4, int(h * i / 10)) for i in range(4, 6)]            # right, between
            + [(int(w * i / 10), 3) for i in range(1, 6)]                # top
            + [(int(w * i / 10), h - 4) for i in range(1, 7)])           # bottom


@pytest.mark.parametrize("size, episode, shape", [
    ("720x1280", "telefoon", 3 / 4),
    ("1080x1920", "sociaal", 4 / 5),
    ("768x1366", "telefoon", 3 / 4),
])
def test_a_vertical_clip_fills_a_portrait_screen_in_lean_mode(make_kiosk, qtbot, pack: Path,
                                                              size: str, episode: str,
                                                              shape: float) -> None:
    app = make_kiosk(size, content=pack, config=CFG, real_player=True)
    assert app.screens.render.choice.mode == "lean"
    video = _play(app, qtbot, episode, shape)
    picture = video.property("picture")
    drawn = picture.property("framesDrawn")
    qtbot.waitUntil(lambda: picture.property("framesDrawn") > drawn + 2, timeout=10_000)
    shot = app.window.grabWindow()
    off = [(x, y, shot.pixelColor(x, y).name()) for x, y in _edges(shot)
           if not colour_close(shot.pixelColor(x, y), GREEN, TOLERANCE)]
    assert not off, off   # green to every edge: no black band, no blurred band, no red strip
    w, h = app.window.width(), app.window.height()
    rect = video.property("contentRect")
    assert video.property("crop")
    assert rect.height() == pytest.approx(h, abs=1) and rect.width() > w   # cut at the sides
    assert not picture.property("sidesFilled")   # nothing to fill: no band, no blur


def test_a_vertical_clip_fills_a_portrait_screen_in_full_mode(make_kiosk, qtbot,
                                                              pack: Path) -> None:
    """Qt's VideoOutput (GPU scene graph) crops the same clip the same way; on the offscreen
    test platform its pixels are not read back, so its geometry is checked."""
    app = make_kiosk("720x1280", content=pack, config=CFG, real_player=True,
                     args=("--render", "full"))
    video = _play(app, qtbot, "telefoon", 3 / 4)
    output = video.property("picture")
    assert type(output).__name__ != "LeanVideo"
    assert video.property("crop")
    # PreserveAspectCrop: the VideoOutput places the picture past two of its sides
    qtbot.waitUntil(lambda: output.property("contentRect").width() > 720)
    rect = video.property("contentRect")
    assert rect.height() == pytest.approx(1280, abs=1) and rect.width() > 720
    assert find_item(app.window, "playerSideFill") is None   # no blurred sides: no sides


@pytest.mark.parametrize("size, episode, shape", [
    ("720x1280", "vierkant", 1.0),    # a square clip would lose 44 %: whole, with the blur
    ("1280x720", "telefoon", 3 / 4),  # a landscape screen: every clip whole
])
def test_other_shapes_still_play_whole(make_kiosk, qtbot, pack: Path, size: str, episode: str,
                                       shape: float) -> None:
    app = make_kiosk(size, content=pack, config=CFG, real_player=True)
    video = _play(app, qtbot, episode, shape)
    picture = video.property("picture")
    drawn = picture.property("framesDrawn")
    qtbot.waitUntil(lambda: picture.property("framesDrawn") > drawn + 2, timeout=10_000)
    assert not video.property("crop")
    rect = video.property("contentRect")
    w, h = app.window.width(), app.window.height()
    assert rect.width() <= w + 1 and rect.height() <= h + 1
    shot = app.window.grabWindow()
    # the red strips stay in the picture: nothing is cut off
    left = shot.pixelColor(int(rect.left() + rect.width() * 0.03), int(rect.center().y()))
    assert colour_close(left, RED, TOLERANCE), left.name()
    assert picture.property("sidesFilled")   # and the rest of the screen has the blurred fill
