"""Caption parsing written from the WebVTT specification's parsing rules, and SRT (no Qt).

Each WebVTT test names the rule of the W3C WebVTT "file parsing" / "collect a WebVTT block" /
"collect a WebVTT timestamp" / "cue text tokenizer" steps it checks. The defects come from real
files: YouTube auto-captions, hand-edited files, subtitle-tool exports.
"""
from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.pack.subtitles import (Cue, CueList, cue_at, load_vtt, looks_like_srt, parse_srt,
                                  parse_time, parse_vtt)


def _texts(text: str) -> list[str]:
    return [c.text for c in parse_vtt(text).cues]


# -- blocks ----------------------------------------------------------------------------------
def test_a_line_with_a_space_is_text_not_a_block_end() -> None:
    """Spec: a block ends at an empty line only. YouTube cues start with a line " "."""
    text = ("WEBVTT\nKind: captions\nLanguage: nl\n\n"
            "00:00:00.000 --> 00:00:02.000 align:start position:0%\n \nwelkom bij<00:00:00.500>"
            "<c> de</c><00:00:01.000><c> werkplaats</c>\n\n"
            "00:00:02.000 --> 00:00:04.000 align:start position:0%\nwelkom bij de werkplaats\n"
            " \nhier maak je\n")
    subs = parse_vtt(text)
    assert subs.problems == []
    assert [c.text for c in subs.cues] == ["welkom bij de werkplaats",
                                           "welkom bij de werkplaats\nhier maak je"]


def test_cue_glued_under_a_note_line_is_a_cue_and_reported() -> None:
    """Spec: "-->" on the second line of a block makes a cue (the first line is its id)."""
    text = "WEBVTT\n\nNOTE vertaling volgt\n00:01.000 --> 00:02.000\nHallo\n"
    subs = parse_vtt(text)
    assert subs.cues == [Cue(1.0, 2.0, "Hallo")]
    assert [p.line for p in subs.problems] == [3] and "NOTE" in subs.problems[0].message


def test_note_over_several_lines_then_a_cue_without_a_blank_line() -> None:
    """Spec: "-->" on line 3+ of a block ends the block; that line starts the next one."""
    text = "WEBVTT\n\nNOTE een\ntwee\n00:01.000 --> 00:02.000\nHallo\n"
    subs = parse_vtt(text)
    assert subs.cues == [Cue(1.0, 2.0, "Hallo")] and subs.problems == []


def test_a_cue_text_line_with_an_arrow_starts_a_new_cue() -> None:
    """Spec: cue text cannot contain "-->"; such a line begins the next block."""
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\neen\n00:03.000 --> 00:04.000\ntwee\n"
    assert _texts(text) == ["een", "twee"]


def test_id_line_and_cue_glued_to_the_header() -> None:
    """Spec: a header block ends at a line with "-->"; that line starts a cue."""
    subs = parse_vtt("WEBVTT\n00:01.000 --> 00:02.000\nHoi\n\n"
                     "intro\n00:03.000 --> 00:04.000\nDag\n")
    assert [c.text for c in subs.cues] == ["Hoi", "Dag"]
    assert [p.line for p in subs.problems] == [2]


def test_header_must_be_webvtt_then_space_tab_or_end() -> None:
    assert parse_vtt("WEBVTTX\n\n00:01.000 --> 00:02.000\na\n").problems[0].line == 1
    assert parse_vtt("WEBVTT\tTitel\n\n00:01.000 --> 00:02.000\na\n").problems == []


# -- timestamps and timings ------------------------------------------------------------------
def test_settings_glued_to_the_end_time() -> None:
    """Spec: the end time is collected from the start of the text after "-->"; the rest is
    cue settings, even without a space."""
    subs = parse_vtt("WEBVTT\n\n00:01.000 --> 00:02.000line:40%\nglued\n")
    assert subs.cues == [Cue(1.0, 2.0, "glued")] and subs.problems == []


def test_timestamp_rules() -> None:
    """Spec: two-digit minutes/seconds ≤ 59, exactly three fraction digits, hours when the
    first number is not two digits or above 59, ASCII digits only."""
    assert parse_time("01:02.003") == 62.003
    assert parse_time("1:02:03.004") == 3723.004
    assert parse_time("75:02:03.004") == 75 * 3600 + 123.004
    assert parse_time("75:02.000") is None          # 75 forces hours, then seconds are missing
    assert parse_time("00:02.00") is None
    assert parse_time("00:02.0000") is None
    assert parse_time("٠٠:٠٢.٠٠٠") is None          # Arabic-Indic digits are not ASCII digits
    assert parse_time("00:02:60.000") is None


def test_a_5000_digit_hour_is_a_problem_not_an_exception() -> None:
    subs = parse_vtt("WEBVTT\n\n" + "9" * 5000 + ":00:00.000 --> 9:00:00.001\nx\n")
    assert subs.cues == [] and subs.problems[0].line == 3
    assert "bad start time" in subs.problems[0].message
    assert len(str(subs.problems[0])) < 200  # the message quotes a short piece, not 5000 digits


def test_vertical_tab_is_not_whitespace() -> None:
    """Spec: WebVTT whitespace is space, tab, LF, FF and CR; a line "\\v" is not empty."""
    subs = parse_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\n\v\nnog steeds deze cue\n")
    assert subs.cues == [Cue(1.0, 2.0, "nog steeds deze cue")]
    bad = parse_vtt("WEBVTT\n\n00:01.000\v--> 00:02.000\nx\n")
    assert bad.cues == [] and bad.problems[0].line == 3


def test_form_feed_and_tab_are_whitespace_in_a_timing_line() -> None:
    subs = parse_vtt("WEBVTT\n\n00:01.000\t-->\f00:02.000\nx\n")
    assert subs.cues == [Cue(1.0, 2.0, "x")]


def test_nul_becomes_the_replacement_character() -> None:
    """Spec: U+0000 NULL is replaced by U+FFFD before parsing."""
    assert _texts("WEBVTT\n\n00:01.000 --> 00:02.000\na\x00b\n") == ["a\ufffdb"]


def test_line_breaks_crlf_cr_lf_and_a_bom() -> None:
    text = ("\ufeffWEBVTT\r\rNOTE x\r\n\r\n00:01.000 --> 00:02.000\rCR\r\n\n"
            "00:03.000 --> 00:04.000\nLF")
    assert _texts(text) == ["CR", "LF"]


# -- cue text --------------------------------------------------------------------------------
def test_tags_entities_voices_and_timestamp_tags() -> None:
    text = ("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anna>Ik <b>las</b> &amp; <i.loud>zaag</i>"
            "<00:01.500> &lt;3 &nbsp;</v>\n")
    assert _texts(text) == ["Ik las & zaag <3 \u00a0".strip()]


def test_unclosed_tag_shows_no_raw_bracket_and_hides_no_words() -> None:
    subs = parse_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anna It's mooi werk\n")
    assert [c.text for c in subs.cues] == ["Anna It's mooi werk"]
    assert subs.problems[0].line == 3 and "'>'" in subs.problems[0].message
    assert _texts("WEBVTT\n\n00:01.000 --> 00:02.000\nWacht even <\n") == ["Wacht even"]


# -- lookup ----------------------------------------------------------------------------------
def test_a_long_cue_stays_while_many_short_ones_overlap_it() -> None:
    """A 20-second sound description under 30 short dialogue cues (no fixed look-back)."""
    cues = [Cue(0.0, 20.0, "[Werkplaatsgeluid]")]
    cues += [Cue(0.5 + i * 0.5, 0.9 + i * 0.5, f"zin {i}") for i in range(30)]
    ordered = CueList(cues)
    assert cue_at(ordered, 14.7) == "[Werkplaatsgeluid]\nzin 28"
    assert cue_at(ordered, 19.9) == "[Werkplaatsgeluid]"
    assert cue_at(list(ordered), 14.7) == "[Werkplaatsgeluid]\nzin 28"  # a plain list too
    assert cue_at(ordered, 20.0) == ""


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50_000), st.integers(1, 30_000)), max_size=60),
       st.integers(0, 90_000))
def test_cue_at_with_any_overlap_matches_a_linear_scan(spans: list[tuple[int, int]],
                                                       t_ms: int) -> None:
    cues = CueList([Cue(s / 1000, (s + d) / 1000, f"c{i}") for i, (s, d) in enumerate(spans)])
    t = t_ms / 1000
    assert cue_at(cues, t) == "\n".join(c.text for c in cues if c.start <= t < c.end)


# -- never raises, linear --------------------------------------------------------------------
_ALPHABET = st.sampled_from(list("<>-:.,;&{}\\/0123456789 \t\v\f\r\n\x00aAv") +
                            ["WEBVTT", "-->", "NOTE", "\n\n", "00:01.000", "00:00:01,000",
                             "{\\an8}", "<i>", "</i>", "&amp;", "\ufeff", "99999999"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_ALPHABET, max_size=80).map("".join)))
def test_parsers_never_raise(text: str) -> None:
    srt = parse_srt(text)
    assert not any("<" in c.text for c in srt.cues)  # no raw tag bracket is ever shown
    for subs in (parse_vtt(text), srt, parse_vtt("WEBVTT\n\n" + text)):
        assert all(c.end > c.start for c in subs.cues)
        assert all(p.line >= 1 for p in subs.problems)


def _parse_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        parse_vtt(text)
        parse_srt(text)
        best = min(best, time.perf_counter() - began)
    return best


def test_long_lines_parse_in_linear_time() -> None:
    """Many '<' without '>' on one line: 8× the text may cost ~8× the time, never ~64×.

    Compares the scaling of two sizes (a generous bound), not a wall-clock limit.
    """
    def line(n: int) -> str:
        return "WEBVTT\n\n00:01.000 --> 00:02.000\n" + "<a{\\b" * n + "\n"

    small, large = _parse_seconds(line(20_000)), _parse_seconds(line(160_000))
    assert large < small * 24, (small, large)


# -- SRT -------------------------------------------------------------------------------------
SRT = ("\ufeff1\r\n00:00:01,000 --> 00:00:02,500\r\n{\\an8}<i>Hallo</i>, ik ben <b>Sanne</b>.\r\n"
       "\r\n2\r\n00:00:03,000 --> 00:00:04,000  X1:100 X2:200 Y1:10 Y2:20\r\n"
       "<font color=\"#ffff00\">Ik werk</font>\r\nbuiten & binnen\r\n\r\n")


def test_srt_counters_commas_codes_and_tags() -> None:
    subs = parse_srt(SRT)
    assert subs.problems == []
    assert subs.cues == [Cue(1.0, 2.5, "Hallo, ik ben Sanne."),
                         Cue(3.0, 4.0, "Ik werk\nbuiten & binnen")]


def test_srt_without_counters_with_a_blank_line_in_the_text_and_short_fields() -> None:
    text = "0:00:01.5 --> 0:00:02,25\neen\n\ntwee\n\n7\n00:00:05,000 --> 00:00:06,000\ndrie\n"
    subs = parse_srt(text)
    assert subs.cues == [Cue(1.5, 2.25, "een\ntwee"), Cue(5.0, 6.0, "drie")]


def test_srt_bad_timing_is_reported_and_skipped() -> None:
    text = "1\n00:00:01,000 --> 00:00:xx,000\nweg\n\n2\n00:00:03,000 --> 00:00:04,000\nblijft\n"
    subs = parse_srt(text)
    assert [c.text for c in subs.cues] == ["blijft"]
    assert subs.problems[0].line == 2 and "00:00:xx,000" in subs.problems[0].message


def test_srt_files_load_in_windows_1252_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "ondertitels.srt"
    path.write_bytes("1\r\n00:00:01,000 --> 00:00:02,000\r\nCafé – “koffie”\r\n".encode("cp1252"))
    subs = load_vtt(path, max_bytes=10_000)
    assert subs.cues == [Cue(1.0, 2.0, "Café – “koffie”")]
    assert subs.problems[0].line == 3 and "Windows-1252" in subs.problems[0].message
    utf8 = tmp_path / "goed.srt"
    utf8.write_bytes(SRT.encode("utf-8"))
    assert load_vtt(utf8, max_bytes=10_000).problems == []


def test_looks_like_srt() -> None:
    assert looks_like_srt(SRT)
    assert not looks_like_srt("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n")
