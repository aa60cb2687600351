"""Episodes without a thumbnail get one made from the clip (cached in the data dir)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.config import DEFAULT, Config
from kiosk.pack.new_pack import write_new_pack
from kiosk.media.frames import score
from kiosk.media.thumbcache import cache_path
from tests.fakeplayer import FakePlayer
from tests.uitools import find_item, open_from_home

CFG = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False)
EPISODE = "mijn-serie-s1e1"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A new pack: its one episode has no thumbnail line."""
    write_new_pack(tmp_path / "pack", DEFAULT)
    return tmp_path / "pack"


def test_a_still_is_made_off_the_ui_thread_and_cached(make_kiosk, qtbot, pack: Path) -> None:
    app = make_kiosk(content=pack, config=CFG)
    episode = app.pack.episodes[EPISODE]
    thumbs = app.thumbs
    qtbot.waitUntil(lambda: episode.thumbnail is not None, timeout=60_000)
    cache = app.data_dir / CFG.media.thumb_cache_dirname
    assert episode.thumbnail == cache_path(episode.video, cache)
    image = QImage(str(episode.thumbnail))
    assert not image.isNull() and score(image).usable_for(DEFAULT.media)  # not the black first frame
    assert app.catalog.episode(EPISODE)["thumbnail"].endswith(episode.thumbnail.name)
    open_from_home(app, qtbot, "homeEpisodes", "episodes")
    qtbot.waitUntil(lambda: find_item(app.window, f"tileThumb_{EPISODE}") is not None
                    and find_item(app.window, f"tileThumb_{EPISODE}").property("implicitWidth") > 0)
    assert find_item(app.window, f"episodePlaceholder_{EPISODE}") is None  # hidden: a still is there
    assert thumbs.pending == 0


def test_a_cached_still_is_used_at_once(make_kiosk, qtbot, pack: Path, tmp_path: Path) -> None:
    first = make_kiosk(content=pack, config=CFG)
    episode = first.pack.episodes[EPISODE]
    qtbot.waitUntil(lambda: episode.thumbnail is not None, timeout=60_000)
    made = episode.thumbnail
    first.close()
    from kiosk.app import build

    again = build(["--windowed", "--size", "1280x720", "--data", str(first.data_dir),
                   "--content", str(pack)], config=CFG, player_factory=FakePlayer)
    try:
        assert again.pack.episodes[EPISODE].thumbnail == made  # no decoding needed
        assert again.thumbs.pending == 0
    finally:
        again.close()
    # a changed clip (size/mtime) gets a new key
    clip = Path(episode.video)
    clip.write_bytes(clip.read_bytes())
    import os
    os.utime(clip, ns=(1, 1))
    assert cache_path(clip, made.parent) != made


def test_until_then_the_tile_shows_the_title_on_a_colour(make_kiosk, qtbot, pack: Path) -> None:
    # a cache folder that cannot be made (a file is in the way): no still ever comes
    app = make_kiosk(content=pack, config=CFG.with_(thumb_cache_dirname="kiosk-id"))
    assert app.pack.episodes[EPISODE].thumbnail is None
    open_from_home(app, qtbot, "homeEpisodes", "episodes")
    qtbot.waitUntil(lambda: find_item(app.window, f"episodePlaceholder_{EPISODE}") is not None)
    placeholder = find_item(app.window, f"episodePlaceholder_{EPISODE}")
    assert placeholder.isVisible()
    texts = _texts(placeholder)
    assert "Eerste aflevering" in texts


def _texts(item) -> list[str]:
    out = []
    for child in item.childItems():
        text = child.property("text")
        if isinstance(text, str):
            out.append(text)
        out += _texts(child)
    return out
