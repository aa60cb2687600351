"""Vertical clips on a landscape screen (and the other way round) fill the sides with a blur."""
from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from kiosk.config import DEFAULT, Config
from kiosk.pack.new_pack import write_new_pack
from kiosk.media.add_videos import run_add_videos
from tests.cliptools import add_rotation, make_clip
from tests.conftest import tree_state
from tests.uitools import find_item, open_from_home

CFG = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False)


@pytest.fixture(scope="module")
def pack(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The new pack's 16:9 clip plus a vertical one and a phone clip with rotation metadata.

    Made once for the module (three clips and an import): the tests only read it."""
    root = tmp_path_factory.mktemp("fill")
    write_new_pack(root / "pack", DEFAULT)
    folder = root / "in"
    make_clip(folder / "verticaal.mp4", size="180x320", seconds=2.0)
    add_rotation(make_clip(root / "plat.mp4", size="320x180", seconds=2.0),
                 folder / "telefoon.mp4", -90)
    assert run_add_videos(root / "pack", [folder], "eigen", None, False, io.StringIO(), DEFAULT) == 0
    before = tree_state(root / "pack")
    yield root / "pack"
    assert tree_state(root / "pack") == before, "a test changed the shared pack"


def _playing(app, qtbot, episode: str):
    open_from_home(app, qtbot, "homeEpisodes", "episodes")
    app.controller.playEpisode(episode, "tile")
    player = app.player
    qtbot.waitUntil(lambda: player.state == "playing", timeout=15_000)
    video = find_item(app.window, "playerVideo")
    qtbot.waitUntil(lambda: video.property("contentRect").width() > 0, timeout=10_000)
    return find_item(app.window, "playerSideFill"), video


@pytest.mark.parametrize("size, episode, filled", [
    ("1280x720", "verticaal", True),
    ("1280x720", "telefoon", True),        # stored 320x180, shown upright 180x320
    ("1280x720", "mijn-serie-s1e1", False),
    ("720x1280", "mijn-serie-s1e1", True),
    ("720x1280", "verticaal", False),
])
def test_side_fill_only_where_the_shapes_differ(make_kiosk, qtbot, pack: Path, size: str,
                                               episode: str, filled: bool) -> None:
    """Full mode: a ShaderEffectSource shows the middle of the picture on the sides."""
    app = make_kiosk(size, content=pack, config=CFG, real_player=True, args=("--render", "full"))
    _fill, video = _playing(app, qtbot, episode)
    portrait_clip = episode in ("verticaal", "telefoon")

    def shown_shape_is_the_clips() -> bool:  # the frame of this clip, not the one before
        rect = video.property("contentRect")
        return rect.width() > 0 and (rect.height() > rect.width()) == portrait_clip

    qtbot.waitUntil(shown_shape_is_the_clips, timeout=10_000)
    qtbot.waitUntil(lambda: (find_item(app.window, "playerSideFill") is not None) == filled)
    fill = find_item(app.window, "playerSideFill")
    rect = video.property("contentRect")
    if filled:
        assert fill is not None and fill.property("live")
        assert fill.width() == app.window.width() and fill.height() == app.window.height()
        # the copy shows the middle of the picture cut to the screen's shape
        source = fill.property("sourceRect")
        aspect = app.window.width() / app.window.height()
        assert source.width() / source.height() == pytest.approx(aspect, rel=0.02)
        assert rect.contains(source.center())
    else:
        assert fill is None  # hidden: nothing drawn, nothing rendered twice


@pytest.mark.parametrize("size, episode, filled", [
    ("1280x720", "verticaal", True),
    ("1280x720", "telefoon", True),
    ("1280x720", "mijn-serie-s1e1", False),
    ("720x1280", "mijn-serie-s1e1", True),
])
def test_lean_video_paints_the_sides_itself(make_kiosk, qtbot, pack: Path, size: str,
                                            episode: str, filled: bool) -> None:
    """Lean mode (the software backend draws no ShaderEffectSource): the video item paints
    the blurred, darkened copy on the sides; read back from a grab of the window."""
    app = make_kiosk(size, content=pack, config=CFG, real_player=True)
    _fill, video = _playing(app, qtbot, episode)
    qtbot.waitUntil(lambda: app.player.position > 600, timeout=10_000)  # past the fade-in
    picture = video.property("picture")
    portrait_clip = episode in ("verticaal", "telefoon")
    qtbot.waitUntil(lambda: (video.property("contentRect").height()
                             > video.property("contentRect").width()) == portrait_clip,
                    timeout=10_000)
    drawn = picture.property("framesDrawn")
    qtbot.waitUntil(lambda: picture.property("framesDrawn") > drawn + 2, timeout=10_000)
    assert find_item(app.window, "playerSideFill") is None  # the full mode's copy stays off
    assert picture.property("sidesFilled") == filled
    if not filled:
        return
    rect = video.property("contentRect")
    shot = app.window.grabWindow()
    # points on a side (landscape: the left one; portrait: the bottom one, clear of the QR
    # code), halfway between the picture and the edge, along its length; and in the picture
    h = app.window.height()
    if rect.left() > 10:
        side = [(rect.left() / 2, rect.top() + rect.height() * i / 10) for i in range(1, 10)]
    else:
        side = [(rect.width() * i / 10, (rect.bottom() + h) / 2) for i in range(1, 10)]
    inside = [(rect.left() + rect.width() * i / 10, rect.top() + rect.height() * j / 4)
              for i in range(1, 10) for j in range(1, 4)]
    beside = [shot.pixelColor(int(x), int(y)).lightness() for x, y in side]
    within = [shot.pixelColor(int(x), int(y)).lightness() for x, y in inside]
    assert max(beside) > 12, beside                         # the copy, not black bars
    assert sum(beside) / len(beside) < sum(within) / len(within)  # darkened: the clip stars


def test_side_fill_can_be_switched_off(make_kiosk, qtbot, pack: Path) -> None:
    app = make_kiosk("1280x720", content=pack, config=CFG.with_(player_side_fill=False),
                     real_player=True)
    _fill, video = _playing(app, qtbot, "verticaal")
    qtbot.waitUntil(lambda: video.property("contentRect").height()
                    > video.property("contentRect").width(), timeout=10_000)
    assert find_item(app.window, "playerSideFill") is None
    picture = video.property("picture")
    drawn = picture.property("framesDrawn")
    qtbot.waitUntil(lambda: picture.property("framesDrawn") > drawn + 1, timeout=10_000)
    assert not picture.property("sidesFilled")
    rect = video.property("contentRect")
    shot = app.window.grabWindow()
    assert shot.pixelColor(int(rect.left() / 2), int(rect.center().y())) == QColor("black")


def test_a_tile_without_role_model_shows_the_title_only(make_kiosk, qtbot, pack: Path) -> None:
    app = make_kiosk("1280x720", content=pack, config=CFG)
    open_from_home(app, qtbot, "homeEpisodes", "episodes")
    qtbot.waitUntil(lambda: find_item(app.window, "episodeTile_verticaal") is not None)
    texts = [t for t in _texts(find_item(app.window, "episodeTile_verticaal")) if t]
    assert "Verticaal" in texts and not any("·" in t for t in texts)
    others = _texts(find_item(app.window, "episodeTile_mijn-serie-s1e1"))
    assert "Sam · Elektromonteur" in others  # an episode with a role model keeps its line


def _texts(item) -> list[str]:
    """The visible texts of an item and its children."""
    out = []
    for child in item.childItems():
        if child.isVisible():
            text = child.property("text")
            if isinstance(text, str):
                out.append(text)
            out += _texts(child)
    return out
