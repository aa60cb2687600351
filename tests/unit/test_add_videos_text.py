"""The no-Qt half of add-videos: titles, ids, captions by name, junk, TOML text blocks."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kiosk.pack.add_videos import (
    SeriesFile, classify, read_pack_state, readable_title, slug, unique_id,
)
from kiosk.core.files import atomic_write_text


@pytest.mark.parametrize("name, title", [
    ("IMG_2041 werkplaats.mov", "Werkplaats"),
    ("VID_20240612_101500 lassen.mp4", "Lassen"),
    ("PXL_20231101_091233456.mp4", ""),
    ("zonnepanelen_op_het-dak.mp4", "Zonnepanelen op het dak"),
    ("Café «Ölie» 🚀 robot.mp4", "Café «Ölie» robot"),
    ("03 heftruck rijden (1).mp4", "Heftruck rijden"),
    ("IMG_0001.MOV", ""),
])
def test_readable_dutch_titles(name: str, title: str) -> None:
    assert readable_title(Path(name)) == title


def test_ids_are_unique_slugs_windows_can_store() -> None:
    taken = {"werkplaats"}
    assert slug("Café «Ölie» robot") == "cafe-olie-robot"
    assert unique_id(slug("Werkplaats"), taken) == "werkplaats-2"
    assert unique_id(slug("Werkplaats"), taken) == "werkplaats-3"
    assert unique_id(slug("CON"), taken) == "con-clip"
    assert unique_id(slug("lpt1"), taken) == "lpt1-clip"
    assert slug("🚀🚀") == ""


def test_classify_junk_photos_and_captions(tmp_path: Path) -> None:
    for name in ("a.mp4", "a.vtt", "a.en.srt", "a.de.vtt", "b.MOV", "b.nl.VTT", "foto.JPG",
                 ".DS_Store", "Thumbs.db", "._a.mp4", "los.srt", "lees mij.txt"):
        (tmp_path / name).write_bytes(b"x")
    sources, missing = classify([tmp_path, tmp_path / "weg.mp4"])
    by_name = {s.path.name: s for s in sources}
    assert missing and "weg.mp4" in missing[0]
    assert by_name["a.mp4"].kind == "video"
    assert by_name["a.mp4"].captions == {"nl": tmp_path / "a.vtt", "en": tmp_path / "a.en.srt"}
    assert by_name["b.MOV"].captions == {"nl": tmp_path / "b.nl.VTT"}
    for junk in (".DS_Store", "Thumbs.db", "._a.mp4"):
        assert by_name[junk].kind == "skip" and "system file" in by_name[junk].note
    assert "photo" in by_name["foto.JPG"].note
    assert "without a clip" in by_name["los.srt"].note
    assert "without a clip" in by_name["a.de.vtt"].note  # neither nl nor en: not taken
    assert "not a video" in by_name["lees mij.txt"].note


ORGANISER = '''\
# Onze eigen serie — niet aanraken!
id = "eigen"   # mijn id
title = { nl = "Eigen" }
description = { nl = "Eigen werk" }
channel_url = "https://nxtv.example/"

[[seasons]]
number = 1
title = { nl = "Seizoen 1" }

[[seasons.episodes]]
id = "oud"     # de eerste
number = 4
title = { nl = "Oud" }
video = "media/oud.mp4"

# tweede seizoen
[[seasons]]
number = 2
title = { nl = "Seizoen 2" }
'''


def test_blocks_go_into_the_right_season_and_keep_every_line(tmp_path: Path) -> None:
    path = tmp_path / "eigen.toml"
    path.write_text(ORGANISER, encoding="utf-8")
    series = SeriesFile(path, "eigen", "Eigen", "https://nxtv.example/")
    assert series.last_season() == 2 and series.next_number(1) == 5
    block = '\n[[seasons.episodes]]\nid = "nieuw"\nnumber = 5\n'
    series.add(1, block)
    series.add(3, block.replace("nieuw", "derde"))
    series.save()
    text = path.read_text(encoding="utf-8")
    for line in ORGANISER.splitlines():
        assert line in text.splitlines()
    data = tomllib.loads(text)
    assert [e["id"] for e in data["seasons"][0]["episodes"]] == ["oud", "nieuw"]
    assert "episodes" not in data["seasons"][1]
    assert data["seasons"][2]["number"] == 3
    assert data["seasons"][2]["episodes"][0]["id"] == "derde"
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_block_that_would_break_the_file_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "eigen.toml"
    path.write_text(ORGANISER, encoding="utf-8")
    series = SeriesFile(path, "eigen", "Eigen", "https://nxtv.example/")
    with pytest.raises(ValueError):
        series.add(1, "\n[[seasons.episodes]]\nid = \n")
    assert path.read_text(encoding="utf-8") == ORGANISER


def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "x.toml"
    atomic_write_text(target, "a = 1\n")
    assert target.read_text() == "a = 1\n" and [p.name for p in tmp_path.iterdir()] == ["x.toml"]


def test_a_new_series_links_to_the_packs_channel_not_to_the_last_series(tmp_path: Path) -> None:
    """pack.toml's channel_url, even when series files (read after it) have their own."""
    (tmp_path / "pack.toml").write_text('id = "p"\nchannel_url = "https://kanaal.example/"\n',
                                        encoding="utf-8")
    (tmp_path / "series").mkdir()
    for sid in ("aan-de-slag", "zorg"):
        (tmp_path / "series" / f"{sid}.toml").write_text(
            f'id = "{sid}"\nchannel_url = "https://kanaal.example/series/{sid}"\n',
            encoding="utf-8")
    state = read_pack_state(tmp_path)
    assert state.channel_url == "https://kanaal.example/"
    new = SeriesFile(tmp_path / "series" / "eigen.toml", "eigen", "Eigen", state.channel_url)
    assert tomllib.loads(new.text)["channel_url"] == "https://kanaal.example/"
