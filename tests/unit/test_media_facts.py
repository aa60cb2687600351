"""Clip facts from container headers: real clips made by ffmpeg, fabricated broken ones."""
from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.pack.media_facts import read_facts
from tests.cliptools import add_rotation, make_clip


@pytest.mark.parametrize("name, codec, size, container, video, audio", [
    ("a.mp4", "h264", "320x180", "MP4", "H.264", "AAC"),
    ("b.mov", "hevc", "320x180", "MOV", "HEVC (H.265)", "AAC"),
    ("c.webm", "vp9", "256x144", "WebM", "VP9", "Opus"),
    ("d.mp4", "av1", "160x90", "MP4", "AV1", "AAC"),
    ("e.mkv", "h264", "160x90", "Matroska", "H.264", "AAC"),
])
def test_codecs_containers_sizes_and_duration(tmp_path: Path, name: str, codec: str, size: str,
                                              container: str, video: str, audio: str) -> None:
    facts = read_facts(make_clip(tmp_path / name, size=size, seconds=1.2, codec=codec))
    assert (facts.container, facts.video_codec, facts.audio_codec) == (container, video, audio)
    assert f"{facts.width}x{facts.height}" == size
    assert facts.duration_s == pytest.approx(1.2, abs=0.1)
    assert facts.problem == "" and facts.has_audio
    assert facts.fps == pytest.approx(25, rel=0.05)


def test_no_audio_and_vertical(tmp_path: Path) -> None:
    facts = read_facts(make_clip(tmp_path / "v.mp4", size="180x320", audio=False))
    assert not facts.has_audio and facts.describe() == "MP4, H.264, no audio"
    assert facts.orientation == "portrait" and facts.display_size == (180, 320)


@pytest.mark.parametrize("degrees, rotation", [(-90, 90), (90, 270), (180, 180)])
def test_rotation_metadata_gives_the_displayed_size(tmp_path: Path, degrees: int,
                                                    rotation: int) -> None:
    plain = make_clip(tmp_path / "plain.mp4", size="320x180")
    facts = read_facts(add_rotation(plain, tmp_path / "turned.mp4", degrees))
    assert facts.rotation == rotation
    assert facts.display_size == ((320, 180) if rotation == 180 else (180, 320))


def test_avi_and_wmv_are_named_with_their_codec(tmp_path: Path) -> None:
    avi = read_facts(make_clip(tmp_path / "old.avi", size="160x90", codec="mpeg4"))
    assert avi.container == "AVI" and avi.video_codec.startswith("MPEG-4 part 2")
    assert not avi.playable
    wmv = read_facts(make_clip(tmp_path / "x.wmv", size="160x90", codec="wmv2", audio=False))
    assert wmv.container == "WMV/ASF" and "WMV2" in wmv.video_codec and not wmv.playable


def test_broken_files_say_what_is_wrong(tmp_path: Path) -> None:
    good = make_clip(tmp_path / "good.mp4", size="160x90")
    data = good.read_bytes()
    (tmp_path / "cut.mp4").write_bytes(data[: len(data) // 2])
    (tmp_path / "tail.mp4").write_bytes(data + b"\0\0\0")
    (tmp_path / "text.mp4").write_text("geen video", encoding="utf-8")
    (tmp_path / "empty.mp4").write_bytes(b"")
    assert "truncated" in read_facts(tmp_path / "cut.mp4").problem
    assert "truncated" in read_facts(tmp_path / "tail.mp4").problem
    assert "not a video" in read_facts(tmp_path / "text.mp4").problem
    assert "empty" in read_facts(tmp_path / "empty.mp4").problem
    assert "cannot be read" in read_facts(tmp_path / "missing.mp4").problem
    assert read_facts(good).playable


def test_moov_at_the_end_is_read_too(tmp_path: Path) -> None:
    """Phones write the movie header after the media data; no faststart needed to measure."""
    import subprocess

    from tests.cliptools import ffmpeg

    clip = make_clip(tmp_path / "fast.mp4", size="160x90", seconds=1.0)
    late = tmp_path / "late.mp4"
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-i", str(clip), "-c", "copy", str(late)],
                   check=True, timeout=60)
    raw = late.read_bytes()
    assert raw.find(b"moov") > raw.find(b"mdat")  # really at the end
    assert read_facts(late).duration_s == pytest.approx(1.0, abs=0.1)


def test_garbage_never_raises(tmp_path: Path) -> None:
    """Any bytes behind a real header: a problem line at worst, never an exception."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    good = make_clip(tmp_path / "g.mp4", size="160x90").read_bytes()
    webm = make_clip(tmp_path / "g.webm", size="160x90", codec="vp9").read_bytes()
    target = tmp_path / "x.bin"

    @settings(max_examples=300, deadline=None)
    @given(st.sampled_from([good, webm, b"RIFF\0\0\0\0AVI LIST", b""]),
           st.integers(0, 4000), st.binary(max_size=64), st.integers(0, 3000))
    def check(base: bytes, cut: int, noise: bytes, at: int) -> None:
        data = bytearray(base[: max(cut, 12)] if cut < len(base) else base)
        data[at:at + len(noise)] = noise
        target.write_bytes(bytes(data))
        facts = read_facts(target)  # returns, whatever the bytes
        assert 0 <= facts.duration_s <= 7 * 86_400 and 0 <= facts.fps <= 1000

    check()
