"""``kiosk check``: problem lines, summary, exit codes, --json, and never a traceback."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from kiosk.config import DEFAULT
from kiosk.pack import check
from kiosk.pack.check import run_check
from kiosk.pack.new_pack import NewPackError, write_new_pack
from tests.conftest import SAMPLE_PACK
from tests.packs.broken_cases import BASE, CASES, build


def _run(pack: Path, as_json: bool = False) -> tuple[int, str]:
    out = io.StringIO()
    code = run_check(pack, as_json, out, DEFAULT)
    return code, out.getvalue()


def test_clean_pack_exits_zero_with_a_summary() -> None:
    code, text = _run(BASE)
    assert code == 0
    lines = text.splitlines()
    # nothing wrong: only the game's notes (a small deck) and the summary
    assert all(line.startswith("notitie/note  ") for line in lines[:-1])
    assert lines[-1].startswith("OK: 0 fout(en)/error(s), 0 waarschuwing(en)/warning(s)")
    assert "3 afleveringen/episodes" in lines[-1] and "24 kaarten/cards (deck ok)" in lines[-1]


def test_a_small_deck_and_one_sided_jobs_get_advice_on_what_to_add() -> None:
    # The base pack: 4 cards per type (the game needs 4, asks better with 6) and three jobs all
    # led by R (elektromonteur RC, timmerman RC, automonteur RI).
    code, text = _run(BASE)
    notes = [line for line in text.splitlines() if line.startswith("notitie/note")]
    assert code == 0
    assert ("notitie/note  cards.toml: cards: only 4 cards of type 'S': the game runs out of "
            "'S' cards when it needs to ask more (expected add 2 more 'S' card(s), each in a "
            "domain that type has few cards in)") in notes
    assert ("notitie/note  jobs.toml: jobs: no job is led by type 'S' (0 carry it lower "
            "down): players whose strongest interest is 'S' get jobs that lead with another "
            "(expected a technical job whose riasec rates 'S' highest, e.g. advising, teaching "
            "or serving customers)") in notes
    led = [n for n in notes if "no job is led by type" in n]
    assert [n.split("type '")[1][0] for n in led] == list("IASEC")   # R leads all three
    assert sum("cards of type" in n for n in notes) == 6


def test_near_duplicate_jobs_in_one_domain_are_named(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(BASE, pack)
    jobs = (pack / "jobs.toml").read_text(encoding="utf-8")
    twin = jobs.split("[[jobs]]")[2].replace('id = "timmerman"', 'id = "metselaar"')
    (pack / "jobs.toml").write_text(jobs + "\n[[jobs]]" + twin, encoding="utf-8")
    code, text = _run(pack)
    assert code == 0
    assert ("notitie/note  jobs.toml: jobs 'metselaar': 'timmerman' and 'metselaar' look the "
            "same to the game (interests r = 1.00, domain weights alike 1.00): it cannot tell "
            "which fits better (expected a riasec or domains that say how the work differs, or "
            "one job for both)") in text.splitlines()
    # another domain with the same interests is not a duplicate: the domains tell them apart
    (pack / "jobs.toml").write_text(jobs + "\n[[jobs]]" + twin.replace(
        "domains = { bouw = 1.0 }", "domains = { maritiem = 1.0 }"), encoding="utf-8")
    assert "look the same" not in _run(pack)[1]


def test_problem_lines_name_file_field_and_expectation(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "duplicate_card_id")
    code, text = _run(build(case, tmp_path))
    assert code == 1
    assert ("FOUT/ERROR  cards.toml: card \"kaart-01\" (cards[1]): id: "
            "duplicate card id 'kaart-01' "
            "(expected a unique id (first used in cards.toml: cards[0]))") in text.splitlines()
    assert ("FOUT/ERROR  cards.toml: cards: only 3 card(s) of type 'I'; the game is hidden "
            "(expected at least 4 cards per type)") in text.splitlines()
    assert text.splitlines()[-1].startswith("NIET OK / NOT OK: 2 fout(en)/error(s), 0 waarschuw")


def test_warnings_alone_exit_zero(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "missing_english")
    code, text = _run(build(case, tmp_path))
    assert code == 0
    assert ("let op/warning  cards.toml: card \"kaart-01\" (cards[0]): text.en: "
            "English text is missing "
            "(expected an English text; Dutch is shown instead)") in text
    assert text.splitlines()[-1].startswith("OK: 0 fout(en)/error(s), 1 waarschuwing")


def test_fatal_pack_lists_problems_and_the_reason(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "nothing_playable")
    code, text = _run(build(case, tmp_path))
    assert code == 1
    assert ("series/op-de-werf.toml: episode \"odw-s1e1\" (seasons[0].episodes[0]): video: "
            "'media/clip.mp4' not found"
            in text)
    assert "Pakket niet bruikbaar / pack unusable:" in text and "no playable episode" in text


def test_json_output(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "host_not_allowed")
    code, text = _run(build(case, tmp_path), as_json=True)
    assert code == 1
    data = json.loads(text)
    assert data["ok"] is False and data["fatal"] is None
    # the bad company is skipped; the event drops it with a warning pointing at the cause
    assert data["counts"]["errors"] == 1 and data["counts"]["companies"] == 1
    assert data["counts"]["warnings"] == 1
    assert data["problems"][1]["text"] == (
        "events/open-dag.toml: companies[1]: company 'bouwbaas' was skipped (see its own error), "
        "ignored here (expected a valid company)")
    first = data["problems"][0]
    assert (first["file"], first["field"], first["severity"]) == (
        "companies.toml", "companies[1].contact_url", "error")
    assert first["text"].startswith("companies.toml: company \"bouwbaas\" (companies[1]): "
                                    "contact_url: host 'evil.test'")
    assert first["item"] == 'company "bouwbaas"'


def test_json_for_a_clean_pack() -> None:
    code, text = _run(BASE, as_json=True)
    data = json.loads(text)
    assert code == 0 and data["ok"] is True
    assert {p["severity"] for p in data["problems"]} == {"note"}   # the game's advice only
    assert data["counts"]["warnings"] == 0 and data["counts"]["errors"] == 0
    assert data["counts"]["episodes"] == 3 and data["counts"]["deck_ok"] is True


def _garbage_pack_toml(tmp_path: Path, content: bytes | None) -> Path:
    pack = tmp_path / "p"
    shutil.copytree(BASE, pack)
    (pack / "pack.toml").unlink()
    if content is None:
        (pack / "pack.toml").mkdir()  # a folder where a file should be
    else:
        (pack / "pack.toml").write_bytes(content)
    return pack


@pytest.mark.parametrize("content", [None, b"", b"\x00\xff\xfe binary", b"[[[", b"a = 1\n" * 3,
                                     b"format = 1\nid = 'x'\ntitle = 5\n"])
def test_garbage_pack_toml_is_reported_not_raised(tmp_path: Path, content: bytes | None) -> None:
    code, text = _run(_garbage_pack_toml(tmp_path, content))
    assert code == 1
    assert "pack.toml" in text and "Traceback" not in text
    assert "pack unusable" in text


def test_path_that_is_a_file_or_missing(tmp_path: Path) -> None:
    a_file = tmp_path / "pack.zip"
    a_file.write_bytes(b"PK\x03\x04")
    for target in (a_file, tmp_path / "nope"):
        code, text = _run(target)
        assert code == 1 and f"{target}: (pack): is not a folder" in text


def test_unexpected_errors_become_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(check, "load_pack", explode)
    code, text = _run(BASE)
    assert code == 1
    assert f"{BASE}: (pack): internal error: RuntimeError: disk on fire" in text


@pytest.mark.skipif(not (SAMPLE_PACK / "pack.toml").is_file(), reason="sample pack not built yet")
def test_sample_pack_passes_check() -> None:
    code, text = _run(SAMPLE_PACK, as_json=True)
    data = json.loads(text)
    errors = [p["text"] for p in data["problems"] if p["severity"] == "error"]
    assert errors == [] and code == 0
    assert data["counts"]["episodes"] >= 8 and data["counts"]["series"] >= 2
    assert data["counts"]["jobs"] == 38 and data["counts"]["deck_ok"] is True
    assert data["counts"]["companies"] >= 6 and data["counts"]["events"] >= 2


# -- kiosk new-pack ----------------------------------------------------------------------------


def test_new_pack_passes_check(tmp_path: Path) -> None:
    target = tmp_path / "nieuw"
    write_new_pack(target, DEFAULT, sample=BASE)
    code, text = _run(target)
    assert code == 0, text
    assert "1 afleveringen/episodes" in text and "(deck ok)" in text
    series = (target / "series" / "mijn-serie.toml").read_text(encoding="utf-8")
    assert "# Eén bestand per serie / one file per series" in series
    assert "duration = 1.0" in series  # read from the clip's own header (the base clip is 1 s)
    assert 'job = { nl = "Elektromonteur", en = "Electrician" }' in series
    # sample references (episodes, images) are stripped, the deck is the sample's
    assert "ads-s1e1" not in (target / "jobs.toml").read_text(encoding="utf-8")
    assert (target / "cards.toml").read_text(encoding="utf-8") == (BASE / "cards.toml").read_text(
        encoding="utf-8")


def test_new_pack_without_a_sample_deck_writes_placeholders(tmp_path: Path) -> None:
    sample = tmp_path / "sample"
    (sample / "media").mkdir(parents=True)
    shutil.copy(BASE / "media" / "clip.mp4", sample / "media" / "x.mp4")
    write_new_pack(tmp_path / "nieuw", DEFAULT, sample=sample)
    code, text = _run(tmp_path / "nieuw")
    assert code == 0, text
    assert "plaatshouders" in (tmp_path / "nieuw" / "cards.toml").read_text(encoding="utf-8")


def test_new_pack_needs_a_clip_and_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(NewPackError, match="no sample clip"):
        write_new_pack(tmp_path / "a", DEFAULT, sample=tmp_path / "empty-sample")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(NewPackError, match="not empty"):
        write_new_pack(tmp_path / "b", DEFAULT, sample=BASE)
    assert (tmp_path / "b" / "keep.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.skipif(not (SAMPLE_PACK / "cards.toml").is_file(), reason="sample pack not built yet")
def test_new_pack_from_the_real_sample_passes_check(tmp_path: Path) -> None:
    write_new_pack(tmp_path / "nieuw", DEFAULT)
    code, text = _run(tmp_path / "nieuw")
    assert code == 0, text
    assert "38 beroepen/jobs" in text
