"""``kiosk stats`` names its figures from titles remembered per pack (``kiosk.pack.titles``): the
output must be the same as with the whole pack loaded, on the sample pack and on broken packs,
and the remembered titles must follow every change to the pack.

The reference is ``full_load`` below: the loader's own ``Pack``, loaded every time (or the
loader's message when it refuses the pack), handed to the figures' names as it is.
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import run_tool
from kiosk.config import DEFAULT, Config
from kiosk.insights import report
from kiosk.pack.loader import load_pack
from kiosk.pack.models import PackError
from tests.bench.bench_metrics import generate
from tests.conftest import SAMPLE_PACK

ROOT = Path(__file__).resolve().parents[2]


def full_load(pack: Path | None, config: Config) -> tuple[Any, str | None]:
    """The whole pack, as ``kiosk stats`` loaded it before its titles were remembered."""
    where = pack or SAMPLE_PACK
    try:
        return load_pack(where, config), None
    except PackError as e:  # the loader's first line names the folder, the file and the field
        return None, str(e).splitlines()[0]


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A generated log over the sample pack's episodes, cards, jobs and events."""
    mp = pytest.MonkeyPatch()
    mp.setenv("TZ", "Europe/Amsterdam")
    import time

    time.tzset()
    path = tmp_path_factory.mktemp("log") / "kiosk.db"
    generate(path, 4000, seed=3)
    yield path
    mp.undo()
    time.tzset()


def stats(log: Path, pack: Path, *options: str) -> str:
    out = io.StringIO()
    assert run_tool(["stats", "--data", str(log), "--content", str(pack), *options], out) == 0
    return out.getvalue()


def both(log: Path, pack: Path) -> tuple[str, str]:
    return stats(log, pack), stats(log, pack, "--json")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _lasser_title(pack: Path) -> None:
    edit(pack / "jobs.toml", 'title = { nl = "Lasser / constructiewerker", en = "Welder / metal '
         'fabricator" }', "title = 42")


def _lasser_riasec(pack: Path) -> None:  # a field the titles never read: the job goes all the same
    edit(pack / "jobs.toml", "riasec = { R = 7, I = 2, A = 3, S = 2, E = 2, C = 5 }",
         "riasec = { R = 9, I = 2, A = 3, S = 2, E = 2, C = 5 }")


def _clip_gone(pack: Path) -> None:  # the episode goes: its clip is missing
    (pack / "media" / "aan-de-slag" / "s1e2.mp4").unlink()


def _cards_syntax(pack: Path) -> None:
    edit(pack / "cards.toml", "[[cards]]", "[[cards]\n")


def _pack_id(pack: Path) -> None:  # the whole pack is refused: ids, and the loader's line
    edit(pack / "pack.toml", 'id = "bliq-sample"', 'id = "BLIQ Sample"')


BROKEN = {"job-title": _lasser_title, "job-riasec": _lasser_riasec, "clip-missing": _clip_gone,
          "cards-syntax": _cards_syntax, "pack-id": _pack_id}


@pytest.mark.parametrize("broken", [None, *BROKEN], ids=["sample", *BROKEN])
def test_stats_names_the_figures_as_the_whole_pack_does(
        broken: str | None, log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        own_cache: Path) -> None:
    pack = SAMPLE_PACK
    if broken is not None:
        pack = tmp_path / "pack"
        shutil.copytree(SAMPLE_PACK, pack)
        BROKEN[broken](pack)
    first = both(log, pack)  # loads the pack and remembers its titles
    assert list(own_cache.rglob("*.json")), "nothing remembered"
    again = both(log, pack)  # from what was remembered
    with monkeypatch.context() as m:
        m.setattr(report, "load_titles_pack", full_load)
        before = both(log, pack)
    assert first == before
    assert again == before
    text, data = before
    figures = json.loads(data)
    assert figures["sessions"] > 0 and "Bezoeken / sessions" in text
    if broken in (None, "cards-syntax", "clip-missing"):
        assert "Lasser / constructiewerker" in text
        assert any(d["key"] == "metaal" for d in figures["top_domains"])
    notes = [ln for ln in text.splitlines() if ln.startswith("* ")]
    if broken is None:
        assert not any("fout" in n for n in notes), notes
    if broken in ("job-title", "job-riasec"):  # the loader drops lasser: its id, no metaal from it
        assert "Lasser / constructiewerker" not in text and "  lasser " in text
        field = "title" if broken == "job-title" else "riasec"
        assert any(f'1 fout(en), de eerste: jobs.toml: job "lasser" (jobs[12]): {field}: ' in n
                   for n in notes), notes
    if broken == "clip-missing":
        assert "Daan bouwt een huis van hout" not in text and "ads-s1e2" in text
        assert any("series/aan-de-slag.toml: episode \"ads-s1e2\"" in n and "video" in n
                   for n in notes), notes
    if broken == "cards-syntax":
        assert any("de eerste: cards.toml: line 11, column " in n for n in notes), notes
    if broken == "pack-id":  # one clear line: which file, which field; the figures all the same
        [note] = [n for n in notes if "pack.toml" in n]
        assert note.startswith(f"* Geen pakket voor titels ({pack}: pack.toml: id: 'BLIQ Sample' "
                               "is not a valid id (expected ")
        assert note.endswith("); ids getoond.") and note.count(str(pack)) == 1
        assert "Lasser / constructiewerker" not in text


def test_the_report_in_english_names_them_as_the_whole_pack_does(
        log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``kiosk report`` reads the same remembered titles, in English too (the ``en`` texts)."""
    def page(name: str) -> str:
        out = tmp_path / name
        assert run_tool(["report", str(log), "--out", str(out), "--lang", "en"],
                        io.StringIO()) == 0
        # chart patterns are numbered per process (p1-1, p2-1, …): the same page, other ids
        return re.sub(r"\bp\d+-(\d+)", r"p-\1", out.read_text(encoding="utf-8"))

    first, again = page("first.html"), page("again.html")
    with monkeypatch.context() as m:
        m.setattr(report, "load_titles_pack", full_load)
        before = page("before.html")
    assert "Welder / metal fabricator" in before
    assert first == before and again == before


def test_a_change_to_the_pack_is_seen_the_next_time(log: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(SAMPLE_PACK, pack)
    assert "Lasser / constructiewerker" in stats(log, pack)
    edit(pack / "jobs.toml", '"Lasser / constructiewerker"', '"Lasser"')
    assert "Lasser / constructiewerker" not in stats(log, pack)
    assert "  Lasser " in stats(log, pack)
    _clip_gone(pack)  # not a TOML file: the loader's verdict on the episode changes all the same
    assert "Daan bouwt een huis van hout" not in stats(log, pack)
    shutil.copy(SAMPLE_PACK / "media" / "aan-de-slag" / "s1e2.mp4",
                pack / "media" / "aan-de-slag" / "s1e2.mp4")
    assert "Daan bouwt een huis van hout" in stats(log, pack)


def test_a_cache_that_cannot_be_written_or_read_only_costs_time(
        log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk import paths

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(paths, "cache_dir", lambda: blocked)  # mkdir under a file fails
    reference = stats(log, SAMPLE_PACK)
    assert "Lasser / constructiewerker" in reference
    garbled = tmp_path / "cache"
    monkeypatch.setattr(paths, "cache_dir", lambda: garbled)
    assert stats(log, SAMPLE_PACK) == reference
    for file in garbled.rglob("*.json"):
        file.write_text("{not json", encoding="utf-8")
    assert stats(log, SAMPLE_PACK) == reference


_CHILD = """
import runpy, sys
sys.argv = ["kiosk", *sys.argv[1:]]
try:
    runpy.run_module("kiosk", run_name="__main__")
except SystemExit as e:
    code = e.code
print("MODULES", sorted({m.split(".")[0] for m in sys.modules}), file=sys.stderr)
sys.exit(code)
"""


def test_stats_as_a_new_process_stays_lean(log: Path, tmp_path: Path) -> None:
    """``python -m kiosk stats`` imports no Qt, and once the pack's titles are remembered no
    pydantic either (the pack is not validated again): the fixed cost of every run."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    runs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", _CHILD, "stats", "--data", str(log)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES "))
        runs.append((done.stdout, set(json.loads(line[len("MODULES "):].replace("'", '"')))))
    (first, cold), (second, warm) = runs
    assert first == second and "Lasser / constructiewerker" in first
    assert not cold & {"PySide6", "shiboken6"}
    assert "pydantic" in cold  # the first run loads the pack in full …
    assert not warm & {"PySide6", "shiboken6", "pydantic", "pydantic_core"}  # … the next does not


def test_default_config_is_what_the_cache_key_reads() -> None:
    """The key reads the settings through ``repr``: it must be the same in every process (a
    set in the settings would make it differ between runs, and nothing would be remembered)."""
    code = "from kiosk.config import DEFAULT; print(repr(DEFAULT))"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    seen = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(env, PYTHONHASHSEED=s),
                           capture_output=True, text=True, check=True).stdout for s in "12"}
    assert seen == {repr(DEFAULT) + "\n"}


@pytest.mark.parametrize("broken", [None, "job-title", "pack-id"], ids=["sample", "job-title",
                                                                        "pack-id"])
def test_after_kiosk_check_the_first_stats_is_lean_and_the_same(
        broken: str | None, log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``kiosk check`` loads the pack in full anyway and remembers its titles (or the loader's
    refusal): the first ``kiosk stats`` after a checked change then imports no pydantic, and
    names the figures as the whole pack does."""
    pack = tmp_path / "pack"
    shutil.copytree(SAMPLE_PACK, pack)
    if broken is not None:
        BROKEN[broken](pack)
    with monkeypatch.context() as m:
        m.setattr(report, "load_titles_pack", full_load)
        reference = stats(log, pack)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "kiosk", "check", str(pack)], cwd=ROOT, env=env,
                   capture_output=True, timeout=120)  # its verdict (1 when broken) is not ours
    assert list((tmp_path / "cache").rglob("*.json")), "kiosk check remembered nothing"
    done = subprocess.run([sys.executable, "-c", _CHILD, "stats", "--data", str(log),
                           "--content", str(pack)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES "))
    modules = set(json.loads(line[len("MODULES "):].replace("'", '"')))
    assert not modules & {"PySide6", "shiboken6", "pydantic", "pydantic_core"}
    assert done.stdout == reference
    assert ("Lasser / constructiewerker" in reference) == (broken is None)
