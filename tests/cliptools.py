"""Tiny real test clips made with the ffmpeg binary of the ``imageio-ffmpeg`` test extra.

Every clip is 1–2 s and at most 640x360, so making one takes a fraction of a second. The
picture fades in from black and then shows a bright test pattern, so a thumbnail taken from
the first frame would be black and one from the middle is not.
"""
from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path

import pytest


@lru_cache(maxsize=1)
def ffmpeg() -> str:
    """The ffmpeg executable shipped in the imageio-ffmpeg wheel (skips when it is missing)."""
    try:
        import imageio_ffmpeg
    except ImportError:  # pragma: no cover - the test extra installs it
        pytest.skip("imageio-ffmpeg not installed (pip install -e '.[test]')")
    return imageio_ffmpeg.get_ffmpeg_exe()


VIDEO = {
    "h264": ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"],
    "hevc": ["-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
             "-x265-params", "log-level=error", "-tag:v", "hvc1"],
    "vp9": ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k"],
    "av1": ["-c:v", "libaom-av1", "-cpu-used", "8", "-b:v", "200k", "-row-mt", "1"],
    "mpeg4": ["-c:v", "mpeg4", "-q:v", "5"],
    "wmv2": ["-c:v", "wmv2"],
}
AUDIO = {".webm": ["-c:a", "libopus", "-b:a", "32k"], ".wmv": ["-c:a", "wmav1"]}


def make_clip(path: Path, size: str = "320x180", seconds: float = 1.5, codec: str = "h264",
              audio: bool = True, rotate: int | None = None, fade: bool = True,
              rate: int = 25, vf: str | None = None) -> Path:
    """Write a clip; ``rotate`` sets MP4 display-rotation metadata (degrees)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    vf = vf or ("fade=in:st=0:d=0.4" if fade else "null")
    cmd = [ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i",
           f"testsrc2=size={size}:rate={rate}:duration={seconds}"]
    if audio:
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    if rotate is not None:
        cmd = cmd[:5] + ["-display_rotation", str(rotate)] + cmd[5:]
    cmd += ["-vf", vf, *VIDEO[codec]]
    if audio:
        cmd += AUDIO.get(path.suffix.lower(), ["-c:a", "aac", "-b:a", "64k"])
    if path.suffix.lower() in (".mp4", ".mov"):
        cmd += ["-movflags", "+faststart"]
    cmd += ["-shortest", str(path)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    return path


def add_rotation(src: Path, dst: Path, degrees: int) -> Path:
    """Copy ``src`` into ``dst`` with display-rotation metadata, as a phone writes it."""
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-display_rotation", str(degrees), "-i",
                    str(src), "-c", "copy", str(dst)], check=True, capture_output=True,
                   timeout=60)
    return dst


def make_mixed_folder(folder: Path, big: bool = False) -> Path:
    """An organiser's folder as it arrives: good clips, refusals, junk and captions.

    ``big``: the vertical clip is a real 1080x1920 (for the note's demo); tests keep it tiny."""
    folder.mkdir(parents=True, exist_ok=True)
    make_clip(folder / "IMG_2041 werkplaats.mov", codec="hevc", size="320x180")
    make_clip(folder / "social_verticaal.mp4", size="1080x1920" if big else "180x320")
    rotated = make_clip(folder.parent / "_plain.mp4", size="320x180")
    add_rotation(rotated, folder / "VID_20240612_101500 lassen.mp4", -90)
    rotated.unlink()
    make_clip(folder / "Zonnepanelen op het dak.webm", codec="vp9", size="320x180")
    make_clip(folder / "stille clip.mp4", audio=False, size="240x136")
    make_clip(folder / "av1 proef.mp4", codec="av1", size="160x90", audio=False)
    make_clip(folder / "oud filmpje.avi", codec="mpeg4", size="160x90")
    make_clip(folder / "presentatie.wmv", codec="wmv2", size="160x90", audio=False)
    (folder / "notities.mp4").write_text("dit is geen video\n", encoding="utf-8")
    good = (folder / "IMG_2041 werkplaats.mov").read_bytes()
    (folder / "afgebroken.mp4").write_bytes((folder / "social_verticaal.mp4").read_bytes()[:4000])
    (folder / "kopie van werkplaats.mov").write_bytes(good)
    (folder / "leeg.mp4").write_bytes(b"")
    make_clip(folder / "Café «Ölie» 🚀 robot.mp4", size="200x200")
    make_clip(folder / "CON.mp4", size="160x90")  # a name Windows cannot store
    (folder / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "IMG_2041 werkplaats.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nIn de werkplaats\n", encoding="utf-8")
    (folder / "IMG_2041 werkplaats.en.srt").write_text(
        "1\n00:00:00,000 --> 00:00:01,000\nIn the workshop\n", encoding="utf-8")
    (folder / "Zonnepanelen op het dak.nl.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nOp het dak\n", encoding="utf-8")
    return folder
