"""Pack mistakes as new organisers really make them, and what ``kiosk check`` says (no Qt).

One row per mistake: the edit to the test pack, then the file, the location, and words the
message must hold (nl / en text, the hint, the fix). Syntax rows also check the shown line and
that the caret stands under the mistake; every row checks that nothing else is reported as an
error (follow-on errors of a file that did not parse are said once, as a warning).
"""
from __future__ import annotations

import io
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.config import DEFAULT
from kiosk.pack.check import run_check
from kiosk.pack.loader import PackError, Problem, load_pack
from kiosk.pack.toml_errors import explain
from kiosk.pack.new_pack import write_new_pack
from tests.packs.broken_cases import ADS, Case, build

COMPANIES = "companies.toml"
E0 = "seasons[0].episodes[0]"


@dataclass(frozen=True)
class Mistake:
    name: str
    replace: dict[str, list[tuple[str, str]]]
    file: str
    where: str                      # the field path, or "line L, column C" for syntax errors
    words: tuple[str, ...]
    caret_under: str = ""           # syntax rows: the character the caret points at
    severity: str = "error"
    write: dict[str, str | bytes] = field(default_factory=dict)


MISTAKES = [
    Mistake("curly_quotes_from_word", {COMPANIES: [('name = "Bouwbaas"', "name = “Bouwbaas”")]},
            COMPANIES, "line 12, column 8", ("curly quotes", "krulquotes",
                                             'straight quotes: name = "Bouwbaas"'),
            caret_under="“"),
    Mistake("windows_backslash_path", {ADS: [('video = "media/clip.mp4"',
                                              'video = "media\\IMG_2041.mp4"')]},
            ADS, "line 15, column 15", ("backslash", "'/' between folders",
                                        'video = "media/IMG_2041.mp4"'), caret_under="\\"),
    Mistake("dutch_decimal_comma", {ADS: [("duration = 1.0", "duration = 1,0")]},
            ADS, "line 16, column 13", ("decimal comma", "komma", "duration = 1.0"),
            caret_under=","),
    Mistake("missing_closing_quote", {COMPANIES: [('name = "Bouwbaas"', 'name = "Bouwbaas')]},
            COMPANIES, "line 12, column 17", ("a quote is missing",
                                              'a text starts and ends with ": name = "Bouwbaas"')),
    Mistake("missing_opening_quote", {COMPANIES: [('name = "Bouwbaas"', 'name = Bouwbaas"')]},
            COMPANIES, "line 12, column 8", ("a quote is missing", 'name = "Bouwbaas"'),
            caret_under="B"),
    Mistake("missing_comma_in_a_list", {ADS: [('audience = ["students", "parents"]',
                                               'audience = ["students" "parents"]')]},
            ADS, "line 34, column 24", ("a comma is missing",
                                        'audience = ["students", "parents"]'), caret_under='"'),
    Mistake("typo_in_a_job_id", {ADS: [('jobs = ["elektromonteur"]', 'jobs = ["elektromonter"]')]},
            ADS, f"{E0}.jobs[0]", ("unknown job 'elektromonter'",
                                   "did you mean 'elektromonteur'?")),
    Mistake("file_name_case", {ADS: [('video = "media/clip.mp4"', 'video = "media/CLIP.mp4"')]},
            ADS, f"{E0}.video", ("differs in upper/lower case", "exactly 'media/clip.mp4'")),
    Mistake("file_name_extension", {ADS: [('video = "media/clip.mp4"',
                                           'video = "media/clip.mov"')]},
            ADS, f"{E0}.video", ("'media/clip.mov' not found", "did you mean 'media/clip.mp4'?")),
    Mistake("typo_in_a_field_name", {ADS: [('video = "media/clip.mp4"',
                                            'vidoe = "media/clip.mp4"')]},
            ADS, f"{E0}.video", ("is missing", "'vidoe'", "did you mean 'video'")),
    Mistake("typo_in_an_optional_field", {ADS: [('new = true', 'nieuw = true')]},
            ADS, f"{E0}.nieuw", ("unknown field", "did you mean 'new'?"), severity="warning"),
    Mistake("link_without_https", {COMPANIES: [('"https://bouwbaas.bedrijf.example/contact"',
                                                '"bouwbaas.bedrijf.example/contact"')]},
            COMPANIES, "companies[1].contact_url",
            ("add https:// in front", "'https://bouwbaas.bedrijf.example/contact'")),
]


def _problems(pack: Path) -> list[Problem]:
    try:
        return load_pack(pack, DEFAULT).problems
    except PackError as exc:
        return exc.problems


@pytest.mark.parametrize("m", MISTAKES, ids=[m.name for m in MISTAKES])
def test_mistake_gets_a_plain_message(m: Mistake, tmp_path: Path) -> None:
    pack = build(Case(m.name, [], replace=m.replace, write=m.write), tmp_path)
    problems = _problems(pack)
    hits = [p for p in problems if p.file == m.file and p.field == m.where]
    assert hits, "\n".join(str(p) for p in problems)
    text = " | ".join(f"{p.message} (expected {p.expected})" for p in hits)
    for word in m.words:
        assert word in text, f"{word!r} not in {text!r}"
    assert hits[0].severity == m.severity
    # the mistake is the only error: no follow-on "unknown series", "unknown company" …
    others = [str(p) for p in problems if p.severity == "error" and p not in hits]
    assert others == []
    if m.caret_under:
        shown, caret = hits[0].context.splitlines()
        column = int(m.where.split("column ")[1])
        assert shown.endswith(pack.joinpath(m.file).read_text("utf-8").splitlines()[
            int(m.where.split()[1].rstrip(",")) - 1])
        assert shown[caret.index("^")] == m.caret_under
        assert caret.index("^") - caret.index("|") == column + 1


def test_follow_on_errors_of_a_broken_file_are_said_once(tmp_path: Path) -> None:
    pack = build(Case("x", [], replace=MISTAKES[0].replace), tmp_path)
    out = io.StringIO()
    assert run_check(pack, False, out, DEFAULT) == 1
    text = out.getvalue()
    assert "unknown company" not in text and "not in this event's companies" not in text
    assert "2 item(s) in companies.toml were skipped because the file has a syntax error" in text
    assert "3 reference(s) to them ignored" in text
    # the offending line, and a caret under the curly quote, under the error line
    lines = text.splitlines()
    at = next(i for i, ln in enumerate(lines) if "curly quotes" in ln)
    assert lines[at + 1] == "       12 | name = “Bouwbaas”"
    assert lines[at + 2] == "          |        ^"


def test_a_broken_series_file_skips_its_episodes_quietly(tmp_path: Path) -> None:
    pack = build(Case("x", [], replace=MISTAKES[1].replace), tmp_path)
    problems = load_pack(pack, DEFAULT).problems
    assert [p.field for p in problems if p.severity == "error"] == ["line 15, column 15"]
    summary = [p.message for p in problems if p.file == ADS and p.severity == "warning"]
    assert summary == ["3 item(s) in series/aan-de-slag.toml overgeslagen door de syntaxfout / "
                       "3 item(s) in series/aan-de-slag.toml were skipped because the file has "
                       "a syntax error; 2 verwijzing(en) ernaar genegeerd / 2 reference(s) to "
                       "them ignored"]


def test_locations_name_the_item(tmp_path: Path) -> None:
    pack = build(Case("x", [], replace={ADS: [("age = 21", 'age = "21"')]}), tmp_path)
    out = io.StringIO()
    run_check(pack, False, out, DEFAULT)
    assert ('FOUT/ERROR  series/aan-de-slag.toml: episode "ads-s1e2" (seasons[0].episodes[1]): '
            "role_model.age: is not a whole number: '21'") in out.getvalue()


def test_internal_fields_are_never_suggested(tmp_path: Path) -> None:
    pack = build(Case("x", [], replace={ADS: [('new = true', 'serie = "x"')]}), tmp_path)
    warning = next(p for p in load_pack(pack, DEFAULT).problems if p.field.endswith(".serie"))
    assert "series_id" not in warning.expected and "season" not in warning.expected
    assert "role_model" in warning.expected  # the real fields are listed


def test_new_pack_placeholders_pass_check_but_not_strict(tmp_path: Path) -> None:
    target = tmp_path / "nieuw"
    write_new_pack(target, DEFAULT)
    out = io.StringIO()
    assert run_check(target, False, out, DEFAULT) == 0 and "not ready" not in out.getvalue()
    strict = io.StringIO()
    assert run_check(target, False, strict, DEFAULT, strict=True) == 1
    text = strict.getvalue()
    assert "pack.toml: channel_url: niet klaar voor een echt event / not ready for a real " \
           "event: 2 link(s) to placeholder host(s) bliq.example, nxtv.example; also " \
           "site_url" in text
    assert "companies.toml: companies[0].name: niet klaar voor een echt event / not ready " \
           "for a real event: 3 placeholder text(s) from 'kiosk new-pack': 'Voorbeeldbedrijf', " \
           "'Wat doet het bedrijf?', 'What does the company do?'" in text
    assert "6 placeholder text(s) from 'kiosk new-pack': 'Mijn serie'" in text


def test_demo_pin_and_example_hosts_are_not_ready(tmp_path: Path) -> None:
    # the test pack uses PIN 2468 and .example hosts, like the sample pack
    pack = build(Case("x", []), tmp_path)
    out = io.StringIO()
    assert run_check(pack, False, out, DEFAULT, strict=True) == 1
    assert "admin_pin_hash: niet klaar voor een echt event / not ready for a real event: " \
           "the admin PIN is the demo PIN 2468" in out.getvalue()


def test_a_real_looking_pack_is_ready(tmp_path: Path) -> None:
    pack = build(Case("x", []), tmp_path)
    for toml in pack.rglob("*.toml"):
        text = toml.read_text("utf-8").replace(".example", ".nl")
        toml.write_text(text, "utf-8")
    event = pack / "events" / "open-dag.toml"
    from kiosk.core.pin import hash_pin

    lines = [f'admin_pin_hash = "{hash_pin("7391", iterations=1000)}"'
             if ln.startswith("admin_pin_hash") else ln
             for ln in event.read_text("utf-8").splitlines()]
    event.write_text("\n".join(lines) + "\n", "utf-8")
    out = io.StringIO()
    assert run_check(pack, False, out, DEFAULT, strict=True) == 0, out.getvalue()


def test_srt_captions_are_accepted_in_a_pack(tmp_path: Path) -> None:
    srt = "1\r\n00:00:00,000 --> 00:00:01,000\r\n{\\an8}<i>Hoi</i>\r\n"
    pack = build(Case("x", [], replace={ADS: [('nl = "media/clip.nl.vtt"',
                                               'nl = "media/clip.nl.srt"')]},
                      write={"media/clip.nl.srt": srt}), tmp_path)
    loaded = load_pack(pack, DEFAULT)
    assert loaded.problems == []
    assert loaded.episodes["ads-s1e1"].subtitles["nl"].name == "clip.nl.srt"
    shutil.rmtree(pack)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(
    ['name = ', '"', "“", "”", "\\", ",", "[", "]", "{", "}", "=", "\n", " ", "6,0", "id",
     "[[jobs]]", "#", "'", "x"]), max_size=40).map("".join)))
def test_syntax_explanations_never_raise(text: str) -> None:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        syntax = explain(text, str(exc))
        assert syntax.message and syntax.expected and syntax.line >= 1
        shown, caret = syntax.context.split("\n")
        assert caret.rstrip().endswith("^") and "|" in shown


def test_curly_quotes_inside_a_text_are_not_blamed() -> None:
    text = 'title = { nl = "Zeg “hoi”", en = "Say hi"\nx = 1\n'
    with pytest.raises(tomllib.TOMLDecodeError) as exc:
        tomllib.loads(text)
    assert "curly" not in explain(text, str(exc.value)).message


def test_a_file_that_is_not_utf8_also_silences_its_follow_on_errors(tmp_path: Path) -> None:
    pack = build(Case("x", [], replace={COMPANIES: [("Bouwbedrijf", "Bouwbedrijf caf\udce9")]}),
                 tmp_path)
    problems = load_pack(pack, DEFAULT).problems
    assert [p.message for p in problems if p.severity == "error"] == ["is not UTF-8 text"]
    assert not [p for p in problems if "unknown company" in p.message or "stands" in p.field]
