"""WebVTT parser and caption lookup (no Qt)."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.pack.subtitles import Cue, cue_at, load_vtt, parse_time, parse_vtt

SIMPLE = """WEBVTT

1
00:00:01.000 --> 00:00:03.500
Hallo, ik ben Sanne.

2
00:04.000 --> 00:06.250 align:start line:90%
Ik ben <i>elektromonteur</i>
&amp; ik werk buiten.
"""


def test_timestamps_both_forms() -> None:
    assert parse_time("00:00:01.000") == 1.0
    assert parse_time("01:02:03.450") == 3723.45  # 3600 + 120 + 3 + 0.45
    assert parse_time("02:05.010") == 125.01
    assert parse_time("100:00:00.000") == 360000.0  # more than two hour digits is allowed
    assert parse_time("00:61.000") is None
    assert parse_time("1:2.3") is None
    assert parse_time("") is None


def test_simple_file_with_ids_settings_tags_and_entities() -> None:
    subs = parse_vtt(SIMPLE)
    assert subs.problems == []
    assert subs.cues == [
        Cue(1.0, 3.5, "Hallo, ik ben Sanne."),
        Cue(4.0, 6.25, "Ik ben elektromonteur\n& ik werk buiten."),
    ]


def test_bom_crlf_note_and_style_blocks() -> None:
    text = (
        "\ufeffWEBVTT - Aan de slag\r\nKind: captions\r\n\r\n"
        "STYLE\r\n::cue { color: yellow }\r\n\r\n"
        "NOTE dit is een opmerking\r\nover twee regels\r\n\r\n"
        "00:00.500 --> 00:01.500\r\nEen\r\n\r\n"
        "NOTE\r\nnog een\r\n\r\n"
        "00:02.000 --> 00:03.000\r\nTwee\r\n"
    )
    subs = parse_vtt(text)
    assert subs.problems == []
    assert [(c.start, c.end, c.text) for c in subs.cues] == [(0.5, 1.5, "Een"), (2.0, 3.0, "Twee")]


def test_bad_cues_are_reported_with_line_numbers_and_skipped() -> None:
    text = "\n".join([
        "WEBVTT",                      # 1
        "",                            # 2
        "00:00:01.000 --> 00:00:02.000",  # 3
        "goed",                        # 4
        "",                            # 5
        "00:00:xx.000 --> 00:00:04.000",  # 6: bad start
        "kapot",                       # 7
        "",                            # 8
        "00:00:05.000 --> 00:00:04.000",  # 9: ends before it starts
        "achterstevoren",              # 10
        "",                            # 11
        "losse tekst zonder tijd",     # 12
        "",                            # 13
        "00:00:07.000 --> 00:00:08.000",  # 14
        "ook goed",                    # 15
    ])
    subs = parse_vtt(text)
    assert [c.text for c in subs.cues] == ["goed", "ook goed"]
    assert [p.line for p in subs.problems] == [6, 9, 12]
    assert "00:00:xx.000" in str(subs.problems[0])
    assert str(subs.problems[0]).startswith("line 6: ")


def test_missing_header_is_a_problem_but_cues_still_load() -> None:
    subs = parse_vtt("00:01.000 --> 00:02.000\nhoi\n")
    assert [p.line for p in subs.problems] == [1]
    assert "WEBVTT" in subs.problems[0].message
    assert subs.cues == [Cue(1.0, 2.0, "hoi")]


def test_missing_blank_line_between_cues_splits_them() -> None:
    subs = parse_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\neen\n00:03.000 --> 00:04.000\ntwee\n")
    assert subs.cues == [Cue(1.0, 2.0, "een"), Cue(3.0, 4.0, "twee")]


def test_multiline_text_and_unsorted_cues_are_sorted() -> None:
    subs = parse_vtt("WEBVTT\n\n00:05.000 --> 00:06.000\nlater\n\n"
                     "00:01.000 --> 00:02.000\nregel 1\nregel 2\n")
    assert [c.text for c in subs.cues] == ["regel 1\nregel 2", "later"]


def test_cue_at_boundaries_gaps_and_overlap() -> None:
    cues = [Cue(1.0, 3.5, "a"), Cue(3.5, 4.0, "b"), Cue(5.0, 9.0, "c"), Cue(6.0, 7.0, "d")]
    assert cue_at(cues, 0.0) == ""
    assert cue_at(cues, 1.0) == "a"          # start is inclusive
    assert cue_at(cues, 3.499) == "a"
    assert cue_at(cues, 3.5) == "b"          # end is exclusive
    assert cue_at(cues, 4.5) == ""           # gap between cues
    assert cue_at(cues, 6.5) == "c\nd"       # overlapping cues both show
    assert cue_at(cues, 9.0) == ""
    assert cue_at([], 1.0) == ""


def test_load_vtt_file_problems(tmp_path: Path) -> None:
    missing = load_vtt(tmp_path / "weg.vtt", max_bytes=1000)
    assert missing.cues == [] and "cannot read" in missing.problems[0].message

    big = tmp_path / "groot.vtt"
    big.write_text("WEBVTT\n\n" + "x" * 2000, encoding="utf-8")
    assert "at most 1000" in load_vtt(big, max_bytes=1000).problems[0].message

    latin = tmp_path / "latin.vtt"
    latin.write_bytes(b"WEBVTT\n\n00:01.000 --> 00:02.000\nCaf\xe9\n")
    bad = load_vtt(latin, max_bytes=1000)
    assert bad.problems[0].line == 4 and "UTF-8" in bad.problems[0].message

    good = tmp_path / "goed.vtt"
    good.write_bytes(b"\xef\xbb\xbfWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nCaf\xc3\xa9\r\n")
    assert load_vtt(good, max_bytes=1000).cues == [Cue(1.0, 2.0, "Café")]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parser_never_crashes(text: str) -> None:
    subs = parse_vtt(text)
    assert all(c.end > c.start for c in subs.cues)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2000), st.integers(1, 3000)), max_size=40),
       st.integers(0, 200_000))
def test_cue_at_matches_a_linear_scan(gaps_and_lengths: list[tuple[int, int]], t_ms: int) -> None:
    # Captions follow each other (gap, then a cue); the lookup must agree with a plain scan.
    cues, at = [], 0
    for i, (gap, length) in enumerate(gaps_and_lengths):
        cues.append(Cue((at + gap) / 1000, (at + gap + length) / 1000, f"c{i}"))
        at += gap + length
    t = t_ms / 1000
    assert cue_at(cues, t) == "\n".join(c.text for c in cues if c.start <= t < c.end)
