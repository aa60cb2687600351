"""Facts are measured, not typed: duration from the clip; role model and jobs optional."""
from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.config import DEFAULT
from kiosk.pack.check import run_check
from kiosk.pack.loader import load_pack
from kiosk.pack.media_facts import read_facts
from tests.packs.broken_cases import BASE

EPISODE_1 = '''duration = 1.0
thumbnail = "media/thumb.jpg"'''


def _pack(tmp_path: Path, old: str, new: str) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(BASE, pack)
    rel = pack / "series" / "aan-de-slag.toml"
    text = rel.read_text(encoding="utf-8")
    assert old in text
    rel.write_text(text.replace(old, new, 1), encoding="utf-8")
    return pack


def test_duration_is_measured_when_not_typed(tmp_path: Path) -> None:
    pack = load_pack(_pack(tmp_path, EPISODE_1, 'thumbnail = "media/thumb.jpg"'), DEFAULT)
    measured = read_facts(BASE / "media" / "clip.mp4").duration_s
    assert measured > 0
    episode = pack.episodes["ads-s1e1"]
    assert episode.duration == measured and episode.declared_duration is None
    assert not [p for p in pack.problems if "duration" in p.field]


def test_a_wrong_typed_duration_is_a_warning_naming_both_and_the_measured_one_wins(
        tmp_path: Path) -> None:
    pack_dir = _pack(tmp_path, EPISODE_1, 'duration = 30\nthumbnail = "media/thumb.jpg"')
    pack = load_pack(pack_dir, DEFAULT)
    measured = read_facts(BASE / "media" / "clip.mp4").duration_s
    assert pack.episodes["ads-s1e1"].duration == measured
    [problem] = [p for p in pack.problems if p.field.endswith("duration")]
    assert problem.severity == "warning"
    assert "30 s" in problem.message and f"{measured:.1f} s" in problem.message
    out = _Out()
    assert run_check(pack_dir, False, out, DEFAULT) == 0  # a warning, not an error
    assert "says 30 s" in out.text


def test_a_duration_within_a_second_is_fine(tmp_path: Path) -> None:
    pack = load_pack(_pack(tmp_path, EPISODE_1, 'duration = 1.8\nthumbnail = "media/thumb.jpg"'), DEFAULT)
    assert not [p for p in pack.problems if p.field.endswith("duration")]


def test_no_role_model_and_no_jobs_is_a_note_and_the_game_never_suggests_it(
        tmp_path: Path) -> None:
    old = '''jobs = ["elektromonteur"]
role_model = { name = "Sanne", age = 19, job = { nl = "Elektromonteur", en = "Electrician" } }'''
    pack_dir = _pack(tmp_path, old, "")
    pack = load_pack(pack_dir, DEFAULT)
    episode = pack.episodes["ads-s1e1"]
    assert episode.role_model is None and episode.jobs == []
    notes = [p for p in pack.problems if p.severity == "note"]
    assert len(notes) == 1 and "ads-s1e1" in notes[0].message and not pack.errors
    # the game's result picks a job's role-model episode among episodes listing that job
    for job in pack.jobs.values():
        assert "ads-s1e1" not in [e.id for e in pack.episodes.values() if job.id in e.jobs]
    out = _Out()
    assert run_check(pack_dir, False, out, DEFAULT) == 0
    assert "notitie/note" in out.text


class _Out:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> int:
        self.text += s
        return len(s)
