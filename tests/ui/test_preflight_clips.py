"""preflight on organisers' clips: displayed size, orientation, decode headroom."""
from __future__ import annotations

import io
from collections.abc import Iterator
import json
from pathlib import Path

import pytest

from kiosk.config import DEFAULT
from kiosk.pack.new_pack import write_new_pack
from kiosk.media.add_videos import run_add_videos
from kiosk.media.frames import _headroom
from kiosk.media.preflight import run_preflight
from tests.cliptools import add_rotation, make_clip
from tests.conftest import tree_state


@pytest.fixture(scope="module")
def pack(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Made once for the module (four clips and an import): preflight only reads it."""
    root = tmp_path_factory.mktemp("clips")
    write_new_pack(root / "pack", DEFAULT)
    folder = root / "in"
    make_clip(folder / "verticaal.mp4", size="180x320")
    add_rotation(make_clip(root / "plat.mp4", size="320x180"), folder / "telefoon.mp4", -90)
    make_clip(folder / "breed.webm", size="320x180", codec="vp9")
    assert run_add_videos(root / "pack", [folder], "eigen", None, False, io.StringIO(), DEFAULT) == 0
    before = tree_state(root / "pack")
    yield root / "pack"
    assert tree_state(root / "pack") == before, "a test changed the shared pack"


def _videos(pack: Path, config=DEFAULT) -> dict[str, dict]:
    out = io.StringIO()
    run_preflight(pack, None, True, out, config)
    return {c["item"]: c for c in json.loads(out.getvalue())["checks"] if c["group"] == "videos"}


def test_displayed_size_and_orientation_against_the_screen(pack: Path) -> None:
    videos = _videos(pack)  # offscreen: the default 1920x1080 screen is assumed
    phone = videos["media/eigen/telefoon.mp4"]
    assert "180x320 (turned 90°)" in phone["message"]
    assert phone["status"] == "warning" and "portrait clip on a landscape" in phone["message"]
    assert "portrait clip" in videos["media/eigen/verticaal.mp4"]["message"]
    wide = videos["media/eigen/breed.webm"]
    assert "320x180," in wide["message"] and "clip on a" not in wide["message"]
    assert "real time" in wide["message"]
    portrait = _videos(pack, DEFAULT.with_(default_size=(1080, 1920)))
    assert "landscape clip on a portrait" in portrait["media/eigen/breed.webm"]["message"]
    assert "clip on a" not in portrait["media/eigen/telefoon.mp4"]["message"]


def test_slow_decoding_is_a_warning_with_advice(pack: Path) -> None:
    # a threshold no machine reaches: every clip decodes "too slowly"
    videos = _videos(pack, DEFAULT.with_(headroom_warn=1000.0))
    for check in videos.values():
        assert check["status"] == "warning"
        assert "slower than 1000× real time" in check["message"]
        assert "--convert" in check["message"] and "HandBrake" in check["message"]


def test_headroom_from_frame_times() -> None:
    """25 fps: all frames of 2 s in 0.5 s is 4×; every other frame dropped is half that."""
    every = [i * 40_000 for i in range(50)]
    full = _headroom(every, 0.5, 8.0, 0.6)
    assert full.factor == pytest.approx(4.0, rel=0.05) and not full.capped
    half = _headroom(every[::2], 0.5, 8.0, 0.6, interval=40_000)  # the container says 25 fps
    assert half.factor == pytest.approx(2.0, rel=0.05)
    fast = _headroom(every, 0.25, 8.0, 0.3)
    assert fast.capped and fast.factor == 8.0 and fast.describe().startswith("decodes ≥ 8.0×")
    assert _headroom([0, 40_000], 1.0, 8.0, 1.0).error
