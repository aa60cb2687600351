"""The committed sample-pack media are what the pack files promise (pure Python, no ffmpeg).

Paths come from the pack's own TOML files, so a renamed or missing file shows up here.
The MP4 checks read the ISO box structure directly: CI machines have no ffmpeg.
"""
from __future__ import annotations

import re
import struct
import tomllib
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kiosk.core.pin import verify_pin

PACK = Path(__file__).resolve().parents[2] / "episodes"
MAX_CLIP_BYTES = 600 * 1024          # the sample pack's clips stay small: "≤ 600 KB each"
TIMESTAMP = re.compile(r"^(\d{2}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2}):(\d{2}):(\d{2})\.(\d{3})")


def _toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def _episodes() -> list[dict[str, Any]]:
    episodes = []
    for series_file in sorted((PACK / "series").glob("*.toml")):
        for season in _toml(series_file)["seasons"]:
            episodes += season["episodes"]
    return episodes


EPISODES = _episodes()
EPISODE_IDS = [e["id"] for e in EPISODES]


def _boxes(data: bytes, start: int = 0, end: int | None = None) -> list[tuple[bytes, int, int]]:
    """(type, payload start, box end) for the ISO-BMFF boxes in data[start:end]."""
    end = len(data) if end is None else end
    boxes, pos = [], start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data[pos + 8:pos + 16])[0], 16
        assert size >= header, f"bad box size at {pos}"
        boxes.append((kind, pos + header, pos + size))
        pos += size
    return boxes


def _child(data: bytes, parent: tuple[bytes, int, int], kind: bytes) -> list[tuple[bytes, int, int]]:
    return [b for b in _boxes(data, parent[1], parent[2]) if b[0] == kind]


def test_the_pack_has_enough_series_and_episodes() -> None:
    assert len(list((PACK / "series").glob("*.toml"))) >= 2
    assert len(EPISODES) >= 8


@pytest.mark.parametrize("episode", EPISODES, ids=EPISODE_IDS)
def test_clip_is_a_small_faststart_mp4_with_h264_and_aac(episode: dict[str, Any]) -> None:
    clip = PACK / episode["video"]
    data = clip.read_bytes()
    assert 0 < len(data) <= MAX_CLIP_BYTES, f"{clip.name}: {len(data)} bytes"
    top = _boxes(data)
    kinds = [b[0] for b in top]
    assert kinds[0] == b"ftyp"
    assert kinds.index(b"moov") < kinds.index(b"mdat"), "moov after mdat: not faststart"
    moov = top[kinds.index(b"moov")]
    # mvhd version 0: timescale at +12, duration at +16 (both 32-bit)
    mvhd = _child(data, moov, b"mvhd")[0]
    timescale, duration = struct.unpack(">II", data[mvhd[1] + 12:mvhd[1] + 20])
    seconds = duration / timescale
    assert 10.0 <= seconds <= 20.0
    assert seconds == pytest.approx(episode["duration"], abs=0.2)
    entries = []
    for trak in _child(data, moov, b"trak"):
        mdia = _child(data, trak, b"mdia")[0]
        stbl = _child(data, _child(data, mdia, b"minf")[0], b"stbl")[0]
        stsd = _child(data, stbl, b"stsd")[0]
        # stsd: version/flags (4) + entry count (4), then the sample entries
        entries += _boxes(data, stsd[1] + 8, stsd[2])
    kinds = {e[0] for e in entries}
    assert kinds == {b"avc1", b"mp4a"}
    avc1 = next(e for e in entries if e[0] == b"avc1")
    # VisualSampleEntry: 6 reserved + 2 ref index + 16 pre-defined/reserved, then width, height
    width, height = struct.unpack(">HH", data[avc1[1] + 24:avc1[1] + 28])
    assert (width, height) == (1280, 720)


def _cues(path: Path) -> list[tuple[float, float, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "WEBVTT", f"{path.name} does not start with WEBVTT"
    cues = []
    for i, line in enumerate(lines):
        m = TIMESTAMP.match(line)
        if m:
            n = [int(x) for x in m.groups()]
            start = n[0] * 3600 + n[1] * 60 + n[2] + n[3] / 1000
            end = n[4] * 3600 + n[5] * 60 + n[6] + n[7] / 1000
            cues.append((start, end, lines[i + 1]))
    return cues


@pytest.mark.parametrize("episode", EPISODES, ids=EPISODE_IDS)
def test_captions_in_dutch_and_english_fit_the_clip(episode: dict[str, Any]) -> None:
    assert set(episode["subtitles"]) == {"nl", "en"}
    per_lang = {lang: _cues(PACK / rel) for lang, rel in episode["subtitles"].items()}
    assert 3 <= len(per_lang["nl"]) <= 5
    assert len(per_lang["en"]) == len(per_lang["nl"])
    for cues in per_lang.values():
        for start, end, text in cues:
            assert 0 <= start < end <= episode["duration"]
            assert 0 < len(text) <= 60, f"cue too long to read at a glance: {text!r}"
        starts = [c[0] for c in cues]
        assert starts == sorted(starts)
    assert per_lang["nl"] != per_lang["en"]


@pytest.mark.parametrize("episode", EPISODES, ids=EPISODE_IDS)
def test_thumbnail_is_a_480x270_jpeg(episode: dict[str, Any]) -> None:
    with Image.open(PACK / episode["thumbnail"]) as img:
        assert img.format == "JPEG"
        assert img.size == (480, 270)


def test_role_models_are_young_and_at_least_half_are_girls_or_women() -> None:
    ages = [e["role_model"]["age"] for e in EPISODES]
    assert all(16 <= a <= 24 for a in ages)
    # Names chosen for the sample: these are the girls and women among them.
    girls = {"Sanne", "Fatima", "Lotte", "Noor", "Eva", "Yara"}
    names = [e["role_model"]["name"] for e in EPISODES]
    assert sum(n in girls for n in names) * 2 >= len(names)


def test_series_posters_and_company_logos_exist_and_open() -> None:
    images = [PACK / _toml(p)["thumbnail"] for p in sorted((PACK / "series").glob("*.toml"))]
    companies = _toml(PACK / "companies.toml")["companies"]
    assert len(companies) >= 6
    images += [PACK / c["logo"] for c in companies]
    for path in images:
        with Image.open(path) as img:
            img.verify()


def test_every_event_lists_known_companies_and_series() -> None:
    company_ids = {c["id"] for c in _toml(PACK / "companies.toml")["companies"]}
    series_ids = {_toml(p)["id"] for p in (PACK / "series").glob("*.toml")}
    kinds = set()
    for path in sorted((PACK / "events").glob("*.toml")):
        event = _toml(path)
        kinds.add(event["kind"])
        assert set(event["companies"]) <= company_ids
        assert set(event["featured_series"]) <= series_ids
        assert set(event.get("stands", {})) <= set(event["companies"])
        assert verify_pin("2468", event["admin_pin_hash"])  # the demo PIN the README gives
        assert not verify_pin("1234", event["admin_pin_hash"])
    assert kinds == {"open_day", "career_fair"}
