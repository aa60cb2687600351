"""Property tests: arbitrary values in pack files are accepted or reported, never a crash."""
from __future__ import annotations

import datetime
import math
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import DEFAULT
from kiosk.pack.loader import Pack, PackError, load_pack
from tests.packs.broken_cases import BASE

FILES = ["pack.toml", "jobs.toml", "cards.toml", "companies.toml", "series/aan-de-slag.toml",
         "events/open-dag.toml"]
PARSED = {rel: tomllib.loads((BASE / rel).read_text(encoding="utf-8")) for rel in FILES}


def _toml_str(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_value(value: Any) -> str:
    """A minimal TOML writer (inline forms only), enough for generated values."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return _toml_str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_str(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def toml_doc(data: dict[str, Any]) -> str:
    return "".join(f"{_toml_str(k)} = {toml_value(v)}\n" for k, v in data.items())


def leaf_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key/index path in a parsed file, tables and lists included."""
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaf_paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaf_paths(item, path + (i,))


PATHS = [(rel, p) for rel in FILES for p in leaf_paths(PARSED[rel])]

text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30)
scalars = st.one_of(
    text, st.integers(min_value=-(2**63), max_value=2**63 - 1), st.floats(), st.booleans(),
    st.dates(), st.sampled_from(["", "..", "/etc/passwd", "media/clip.mp4", "nl", "R", "bouw",
                                 "https://evil.test/", "http://nxtv.example/", "kaart-01",
                                 "ads-s1e1", "a" * 400, "media/../../x"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)), max_leaves=10)


def _set(data: Any, path: tuple[Any, ...], value: Any, delete: bool) -> None:
    for key in path[:-1]:
        data = data[key]
    if delete and isinstance(data, dict):
        del data[path[-1]]
    else:
        data[path[-1]] = value


def _load_ok(pack_dir: Path) -> None:
    try:
        pack = load_pack(pack_dir, DEFAULT)
    except PackError as exc:
        problems = exc.problems
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(pack, Pack) and pack.episodes
        problems = pack.problems
        for episode in pack.episodes.values():  # whatever was accepted stays inside the pack
            assert episode.video.is_relative_to(pack.root)
            assert all(job in pack.jobs for job in episode.jobs)
    for problem in problems:
        assert problem.file and problem.field and str(problem)
        assert "internal error" not in problem.message, str(problem)


@pytest.fixture(scope="module")
def work_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pack = tmp_path_factory.mktemp("props") / "pack"
    shutil.copytree(BASE, pack)
    return pack


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(PATHS), value=values, delete=st.booleans())
def test_any_value_in_any_field(work_pack: Path, target: tuple[str, tuple[Any, ...]],
                                value: Any, delete: bool) -> None:
    rel, path = target
    data = tomllib.loads((BASE / rel).read_text(encoding="utf-8"))
    _set(data, path, value, delete)
    (work_pack / rel).write_text(toml_doc(data), encoding="utf-8")
    try:
        _load_ok(work_pack)
    finally:
        shutil.copy(BASE / rel, work_pack / rel)


@settings(max_examples=100, deadline=None)
@given(rel=st.sampled_from(FILES), raw=st.binary(max_size=200))
def test_any_bytes_in_any_file(work_pack: Path, rel: str, raw: bytes) -> None:
    (work_pack / rel).write_bytes(raw)
    try:
        _load_ok(work_pack)
    finally:
        shutil.copy(BASE / rel, work_pack / rel)


def test_writer_round_trips() -> None:
    """The test's own TOML writer must write what tomllib reads back, or the above proves little."""
    for rel in FILES:
        assert tomllib.loads(toml_doc(PARSED[rel])) == PARSED[rel]
    odd = {"k": ["\x00\x7f\"\\é", 1.5, -3, True, datetime.date(2026, 1, 2), {"": []}]}
    assert tomllib.loads(toml_doc(odd)) == odd
