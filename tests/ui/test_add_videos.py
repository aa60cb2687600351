"""``kiosk add-videos`` end to end: real clips decoded by Qt's FFmpeg backend, a real pack."""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import tomllib
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.config import DEFAULT
from kiosk.pack.loader import load_pack
from kiosk.pack.new_pack import write_new_pack
from kiosk.media.add_videos import run_add_videos
from kiosk.media.frames import score
from tests.cliptools import add_rotation, make_clip, make_mixed_folder

CONFIG = DEFAULT.with_(first_frame_timeout_s=2.0)  # the AV1 refusal waits this long


def _run(pack: Path, *paths: Path, **kw) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_add_videos(pack, list(paths), kw.get("series"), kw.get("season"),
                          kw.get("convert", False), out, CONFIG)
    return code, out.getvalue().splitlines()


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    write_new_pack(tmp_path / "pack", DEFAULT)
    return tmp_path / "pack"


def _line(lines: list[str], name: str) -> str:
    [line] = [x for x in lines if x[2:].startswith(name + ":") or x[2:].startswith(name + " →")]
    return line


def test_mixed_folder(qapp, pack: Path, tmp_path: Path) -> None:
    folder = make_mixed_folder(tmp_path / "Open dag 2026")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    code, lines = _run(pack, folder)
    text = "\n".join(lines)
    assert code == 1  # some were refused …
    assert "Traceback" not in text
    # … and the rest went in, one line per file
    assert len(lines) == len(before) - 3 + 1  # captions ride along with their clip; a summary
    assert _line(lines, "IMG_2041 werkplaats.mov").startswith("✔")
    assert "→ werkplaats (season 1" in text and "HEVC (H.265) + AAC" in text
    assert "captions en+nl" in _line(lines, "IMG_2041 werkplaats.mov")
    assert "180x320 portrait" in _line(lines, "VID_20240612_101500 lassen.mp4")
    assert "turned 90°" in _line(lines, "VID_20240612_101500 lassen.mp4")
    assert "no sound track" in _line(lines, "stille clip.mp4")
    assert "still to fill in: title.en, jobs, role_model" in _line(lines, "stille clip.mp4")
    assert "VP9 + Opus" in _line(lines, "Zonnepanelen op het dak.webm")
    assert "→ con-clip" in _line(lines, "CON.mp4")
    assert "→ cafe-olie-robot" in _line(lines, "Café «Ölie» 🚀 robot.mp4")
    for name, words in {
        "av1 proef.mp4": ("MP4, AV1", "does not decode", "HandBrake preset 'Fast 1080p30'",
                          "ffmpeg -y -i \"av1 proef.mp4\"", "+faststart", "--convert"),
        "oud filmpje.avi": ("AVI, MPEG-4 part 2", "HandBrake", "libx264"),
        "presentatie.wmv": ("WMV/ASF, Windows Media Video (WMV2)", "HandBrake"),
        "notities.mp4": ("not a video file",),
        "afgebroken.mp4": ("truncated", "copy it again"),
        "leeg.mp4": ("empty (0 bytes)",),
    }.items():
        line = _line(lines, name)
        assert line.startswith("✘") and "not imported" in line
        assert all(w in line for w in words), line
    assert "already in the pack as media/open-dag-2026/werkplaats.mov" in \
        _line(lines, "kopie van werkplaats.mov")
    for junk in (".DS_Store", "Thumbs.db", "foto.jpg"):
        assert _line(lines, junk).startswith("·")
    assert lines[-1].startswith("7 imported, 6 not imported, 4 skipped")

    # the originals are untouched
    assert before == {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                      for p in folder.iterdir()}
    # the organiser's own series file is unchanged; the new series loads with every clip
    data = tomllib.loads((pack / "series" / "open-dag-2026.toml").read_text(encoding="utf-8"))
    episodes = data["seasons"][0]["episodes"]
    assert [e["number"] for e in episodes] == list(range(1, 8))
    assert "duration" not in episodes[0] and "role_model" not in episodes[0]
    werk = next(e for e in episodes if e["id"] == "werkplaats")
    assert werk["title"] == {"nl": "Werkplaats"}
    assert werk["subtitles"] == {"nl": "media/open-dag-2026/werkplaats.nl.vtt",
                                 "en": "media/open-dag-2026/werkplaats.en.srt"}
    loaded = load_pack(pack, DEFAULT)
    assert {"werkplaats", "lassen", "social-verticaal", "zonnepanelen-op-het-dak"} \
        <= set(loaded.episodes)
    assert loaded.episodes["werkplaats"].subtitles["en"].suffix == ".srt"
    assert not loaded.errors
    assert loaded.episodes["lassen"].duration == pytest.approx(1.5, abs=0.1)
    # thumbnails: JPEGs of a lively frame (the clips fade in from black), upright
    for episode in episodes:
        thumb = QImage(str(pack / episode["thumbnail"]))
        assert not thumb.isNull() and score(thumb).usable_for(DEFAULT.media), episode["id"]
    lassen = QImage(str(pack / "media/open-dag-2026/lassen.jpg"))
    assert lassen.height() > lassen.width()  # the phone's rotation is applied
    assert not list(pack.rglob("*.tmp")) and not list(pack.rglob("*.converting*"))


def test_second_run_continues_numbers_and_skips_what_is_in(qapp, pack: Path,
                                                           tmp_path: Path) -> None:
    one = make_clip(tmp_path / "in" / "boren.mp4", size="160x90")
    code, _ = _run(pack, one, series="werk")
    assert code == 0
    two = make_clip(tmp_path / "in2" / "boren.mp4", size="192x108")
    code, lines = _run(pack, one, two, series="werk")
    assert code == 0
    assert lines[0].startswith("= boren.mp4: already in the pack as media/werk/boren.mp4")
    assert "→ boren-2 (season 1, episode 2" in lines[1]
    code, lines = _run(pack, make_clip(tmp_path / "s2.mp4", size="160x90", seconds=1.0),
                       series="werk", season=2)
    assert "(season 2, episode 1" in lines[0]
    series = (pack / "series" / "werk.toml").read_text(encoding="utf-8")
    assert [s["number"] for s in tomllib.loads(series)["seasons"]] == [1, 2]


def test_existing_series_keeps_the_organisers_text(qapp, pack: Path, tmp_path: Path) -> None:
    series = pack / "series" / "mijn-serie.toml"
    original = series.read_text(encoding="utf-8")
    code, lines = _run(pack, make_clip(tmp_path / "Lassen.mp4", size="160x90"),
                       series="mijn-serie")
    assert code == 0 and "(season 1, episode 2" in lines[0]
    after = series.read_text(encoding="utf-8")
    assert after.startswith(original)
    pack_loaded = load_pack(pack, DEFAULT)
    assert pack_loaded.episodes["lassen"].season == 1
    assert pack_loaded.episodes["mijn-serie-s1e1"].role_model is not None


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="root ignores file permissions")
def test_read_only_pack(qapp, pack: Path, tmp_path: Path) -> None:  # pragma: no cover - root CI
    clip = make_clip(tmp_path / "a.mp4", size="160x90")
    for p in (pack, pack / "series", pack / "media"):
        p.chmod(0o555)
    try:
        code, lines = _run(pack, clip)
    finally:
        for p in (pack, pack / "series", pack / "media"):
            p.chmod(0o755)
    assert code == 1 and "read-only" in lines[0] and "nothing imported" in lines[0]


def test_read_only_pack_even_as_root(qapp, pack: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Root can write anywhere, so the refusal of the file system is simulated here."""
    clip = make_clip(tmp_path / "a.mp4", size="160x90")
    real = Path.write_bytes

    def refuse(self: Path, data: bytes) -> int:
        if self.is_relative_to(pack):
            raise PermissionError(13, "Read-only file system")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", refuse)
    before = {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()}
    code, lines = _run(pack, clip)
    assert code == 1 and lines == [f"✘ {pack}: cannot write here (Read-only file system; "
                                   "read-only pack folder or USB stick?): nothing imported"]
    assert {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()} == before


def test_convert_turns_refused_clips_into_h264(qapp, pack: Path, tmp_path: Path) -> None:
    folder = tmp_path / "oud"
    make_clip(folder / "oud filmpje.avi", codec="mpeg4", size="160x90")
    make_clip(folder / "av1.mp4", codec="av1", size="160x90", audio=False)
    code, lines = _run(pack, folder, convert=True)
    assert code == 0, lines
    assert any("converted (the kiosk does not play AVI files)" in x for x in lines)
    # AV1 looks playable, but this machine's decoder has no AV1: converted after the try
    assert any(x.startswith("✔ av1.mp4") and "converted (does not decode" in x for x in lines)
    # a second run knows the originals, although the pack holds converted copies
    code, again = _run(pack, folder, convert=True)
    assert code == 0 and again[0].startswith("= av1.mp4: already in the pack as ")
    assert again[1].startswith("= oud filmpje.avi: already in the pack as ")
    episode = load_pack(pack, DEFAULT).episodes["oud-filmpje"]
    assert episode.video.suffix == ".mp4"
    from kiosk.pack.media_facts import read_facts

    facts = read_facts(episode.video)
    assert (facts.container, facts.video_codec, facts.audio_codec) == ("MP4", "H.264", "AAC")
    raw = episode.video.read_bytes()
    assert raw.find(b"moov") < raw.find(b"mdat")  # +faststart


def test_convert_also_makes_big_clips_lighter(qapp, pack: Path, tmp_path: Path) -> None:
    """Above the short-side limit a clip is scaled down (the limit shrunk, as tests do)."""
    clip = make_clip(tmp_path / "groot.mp4", size="320x180")
    small = CONFIG.with_(max_clip_pixels_short_side=120)
    out = io.StringIO()
    assert run_add_videos(pack, [clip], None, None, False, out, small) == 0
    assert "320x180 is above 120p: may stutter on a small PC; --convert makes it lighter" \
        in out.getvalue()
    vertical = make_clip(tmp_path / "staand.mp4", size="180x320")
    out = io.StringIO()
    assert run_add_videos(pack, [vertical], None, None, True, out, small) == 0
    from kiosk.pack.media_facts import read_facts

    facts = read_facts(load_pack(pack, DEFAULT).episodes["staand"].video)
    assert facts.display_size == (120, 214) and facts.video_codec == "H.264"
    assert "converted (180x320 is above 120p)" in out.getvalue()


def test_bad_command_lines_are_one_line(qapp, pack: Path, tmp_path: Path) -> None:
    code, lines = _run(pack, tmp_path / "nope", series="Niet Goed")
    assert code == 1 and lines == ["✘ --series 'Niet Goed' is not a valid id (lowercase "
                                   "letters, digits and '-', e.g. open-dag-2026)"]
    code, lines = _run(tmp_path / "geen-pakket", tmp_path)
    assert code == 1 and "not a folder" in lines[0]
    shutil.rmtree(pack / "series")
    (pack / "pack.toml").write_text("format = [", encoding="utf-8")
    code, lines = _run(pack, tmp_path)
    assert code == 1 and "pack.toml: cannot be read" in lines[0]


def test_rotation_metadata_reaches_the_player(qapp, tmp_path: Path) -> None:
    """A phone clip filmed upright is stored sideways with a rotation; Qt turns it back."""
    from kiosk.media.frames import _Session, upright

    clip = add_rotation(make_clip(tmp_path / "p.mp4", size="320x180"), tmp_path / "r.mp4", -90)
    session = _Session(clip, CONFIG.media)
    try:
        frame = session.deck.first_frame
        assert frame is not None and frame.size().width() == 320
        image = upright(frame)
        assert (image.width(), image.height()) == (180, 320)
    finally:
        session.close()


def test_the_still_skips_black_parts(qapp, tmp_path: Path) -> None:
    """Black until 0.95 s of 1.5 s: the first frames tried are black, a later one is taken."""
    from kiosk.media.frames import representative_frame

    clip = make_clip(tmp_path / "laat.mp4", size="160x90", vf="fade=in:st=0.95:d=0.05")
    image, error = representative_frame(clip, CONFIG.media)
    assert error == "" and image is not None and score(image).usable_for(DEFAULT.media)
    black = make_clip(tmp_path / "zwart.mp4", size="160x90", vf="lutrgb=r=0:g=0:b=0")
    image, error = representative_frame(black, CONFIG.media)
    assert error == "" and image is not None and not score(image).usable_for(DEFAULT.media)  # best there is


def test_progress_lines_say_how_far_each_clip_is(pack: Path, tmp_path: Path) -> None:
    """For BLIQ Studio: '% FILE PERCENT' lines, rising, before the clip's own line; a
    conversion counts on from 10 to 70 as FFmpeg goes; without --progress there are none."""
    folder = tmp_path / "clips"
    make_clip(folder / "rondleiding.mp4", size="160x90")
    # MPEG-4 part 2 in MP4: converted, and its length is known, so FFmpeg's time counts
    make_clip(folder / "oud filmpje.mp4", codec="mpeg4", size="640x360", seconds=4)
    out = io.StringIO()
    code = run_add_videos(pack, [folder], None, None, True, out, CONFIG, progress=True)
    lines = out.getvalue().splitlines()
    assert code == 0, lines
    for name in ("oud filmpje.mp4", "rondleiding.mp4"):
        steps = [int(x.rsplit(" ", 1)[1]) for x in lines if x.startswith(f"% {name} ")]
        assert steps[0] == 10 and steps[-1] == 90 and 70 in steps, steps
        assert steps == sorted(set(steps)), steps
        last = max(i for i, x in enumerate(lines) if x.startswith(f"% {name} "))
        assert lines[last + 1].startswith(f"✔ {name} → "), lines
    old = [int(x.rsplit(" ", 1)[1]) for x in lines if x.startswith("% oud filmpje.mp4 ")]
    assert any(10 < p < 70 for p in old), old  # FFmpeg's own steps while it converts
    quiet = io.StringIO()
    make_clip(tmp_path / "meer" / "nog een.mp4", size="160x90", fade=False)
    run_add_videos(pack, [tmp_path / "meer"], None, None, False, quiet, CONFIG)
    assert not [x for x in quiet.getvalue().splitlines() if x.startswith("%")]
