"""Captions: forgiving WebVTT and SRT parsers and a fast "which caption now" lookup (no Qt).

Packs are written by hand and caption files come from many tools, so a bad cue is reported
with its line number and skipped; the parsers never raise on content and take time linear in
the input. Cue text is returned as plain text (tags stripped, entities decoded) because the
player shows it in a plain-text caption box.

The WebVTT parser follows the parsing rules of the W3C WebVTT specification: a block ends only
at an empty line (a line holding a space is text), a line with ``-->`` on the first or second
line of a block is a cue timing line (so a cue glued under a ``NOTE`` line is a cue), the end
time is read from the start of the text after ``-->`` (settings may follow without a space),
timestamps are ASCII digits, whitespace is space, tab and form feed (not vertical tab), and
NUL becomes U+FFFD. Where the specification drops text (an unclosed tag swallows the rest of
the cue), the parser keeps the text and reports it: a lost caption line is a lost message.
"""
from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


_WS = " \t\f"  # WebVTT whitespace inside a line (line breaks are already split off)
_DIGITS = "0123456789"
# Blocks that carry no cue; WebVTT puts them between cues or in the header.
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


@dataclass(frozen=True)
class Cue:
    """One caption: shown from ``start`` (inclusive) to ``end`` (exclusive), in seconds."""

    start: float
    end: float
    text: str


class CueList(list[Cue]):
    """Cues sorted by start, with the running maximum of end times for ``cue_at``.

    Built once by the parsers; ``cue_at`` scans back from ``t`` only while some earlier cue
    may still be showing, so a long cue is never lost behind many short ones.
    """

    def __init__(self, cues: list[Cue] | tuple[Cue, ...] = ()) -> None:
        super().__init__(sorted(cues, key=lambda c: c.start))  # stable: file order on ties
        self.max_end: list[float] = []
        high = float("-inf")
        for cue in self:
            high = max(high, cue.end)
            self.max_end.append(high)


@dataclass(frozen=True)
class VttProblem:
    """Something wrong in a caption file, with the 1-based line it was found on."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Subtitles:
    """The cues of one file (sorted by start) and what was wrong with it."""

    cues: CueList = field(default_factory=CueList)
    problems: list[VttProblem] = field(default_factory=list)


# -- timestamps ------------------------------------------------------------------------------
# A caption timestamp's hours: 9999 h is plenty. A property of the caption formats this parser
# accepts, not a setting of a kiosk (so not in kiosk.config).
MAX_HOUR_DIGITS = 4


def _digits(s: str, i: int) -> int:
    """Index after the run of ASCII digits starting at ``i``."""
    n = len(s)
    while i < n and s[i] in _DIGITS:
        i += 1
    return i


def _collect_time(s: str, i: int, max_hour_digits: int,
                  comma: bool = True) -> tuple[float | None, int]:
    """The WebVTT "collect a timestamp" steps from ``s[i]``: (seconds or None, next index).

    ``comma`` also accepts ``,`` before the milliseconds (an SRT habit, seen in .vtt files).
    """
    j = _digits(s, i)
    first = s[i:j]
    if not first or len(first) > max_hour_digits:
        return None, j
    hours_first = len(first) != 2 or int(first) > 59
    if j >= len(s) or s[j] != ":":
        return None, j
    k = _digits(s, j + 1)
    second = s[j + 1 : k]
    if len(second) != 2:
        return None, k
    third = ""
    if hours_first or (k < len(s) and s[k] == ":"):
        if k >= len(s) or s[k] != ":":
            return None, k
        m = _digits(s, k + 1)
        third = s[k + 1 : m]
        if len(third) != 2:
            return None, m
        k = m
    if k >= len(s) or not (s[k] == "." or (comma and s[k] == ",")):
        return None, k
    m = _digits(s, k + 1)
    millis = s[k + 1 : m]
    if len(millis) != 3:
        return None, m
    if third:
        hours, minutes, seconds = int(first), int(second), int(third)
    else:
        hours, minutes, seconds = 0, int(first), int(second)
    if minutes > 59 or seconds > 59:
        return None, m
    return hours * 3600 + minutes * 60 + seconds + int(millis) / 1000, m


def _skip_ws(s: str, i: int) -> int:
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def parse_time(text: str, max_hour_digits: int = MAX_HOUR_DIGITS) -> float | None:
    """Seconds for a WebVTT timestamp (``mm:ss.ttt`` or ``hh:mm:ss.ttt``), or None."""
    start = _skip_ws(text, 0)
    end = len(text.rstrip(_WS))
    value, at = _collect_time(text[:end], start, max_hour_digits)
    return value if at == end else None


TimeReader = Callable[[str, int, int], tuple[float | None, int]]  # (text, at, hour digits)


def _timing(line: str, lineno: int, problems: list[VttProblem], max_hour_digits: int,
            read_time: TimeReader, expected: str) -> tuple[float, float] | None:
    """Start and end of a cue timing line, times read by ``read_time`` (WebVTT or SRT); the
    rest of the line (cue settings, SRT coordinates) is ignored."""
    i = _skip_ws(line, 0)
    start, j = read_time(line, i, max_hour_digits)
    if start is None:
        problems.append(VttProblem(lineno, f"bad start time {_word(line, i)} {expected}"))
        return None
    j = _skip_ws(line, j)
    if not line.startswith("-->", j):
        problems.append(VttProblem(lineno, "expected ' --> ' between the two times"))
        return None
    k = _skip_ws(line, j + 3)
    end, m = read_time(line, k, max_hour_digits)
    if end is None:
        problems.append(VttProblem(lineno, f"bad end time {_word(line, k)} {expected}"))
        return None
    if end <= start:
        problems.append(VttProblem(lineno, f"cue ends before it starts "
                                           f"({_shown(line[i:m], 60)})"))
        return None
    return start, end


def _parse_timing(line: str, lineno: int, problems: list[VttProblem],
                  max_hour_digits: int) -> tuple[float, float] | None:
    """A WebVTT cue timing line."""
    return _timing(line, lineno, problems, max_hour_digits, _collect_time,
                   "(expected mm:ss.mmm or hh:mm:ss.mmm)")


def _shown(text: str, limit: int = 30) -> str:
    """A piece of a line for a message: quoted, and cut when long (lines may be megabytes)."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _word(line: str, i: int, limit: int = 30) -> str:
    """The word at ``line[i]`` (up to whitespace or ``-->``), quoted and cut, for a message."""
    j = i
    while j < len(line) and line[j] not in _WS and j - i <= limit and not line.startswith("-->", j):
        j += 1
    return _shown(line[i:j], limit)


# -- cue text --------------------------------------------------------------------------------
def _strip_tags(text: str) -> tuple[str, bool]:
    """Text without ``<…>`` tags in one linear pass; (text, an unclosed tag was found).

    An unclosed tag (``<v Anna It's …`` with no ``>``) loses only its ``<`` and tag name, so
    no raw ``<`` is shown and no words are hidden.
    """
    out: list[str] = []
    i, unclosed = 0, False
    while True:
        j = text.find("<", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        k = text.find(">", j + 1)
        if k < 0:
            unclosed = True
            name_end = j + 1
            while name_end < len(text) and text[name_end] not in " \t\f\n":
                name_end += 1
            out.append(text[name_end:].lstrip(" \t\f").replace("<", ""))
            break
        i = k + 1
    return "".join(out), unclosed


def _strip_ass_codes(text: str) -> str:
    """Remove ``{\\an8}``-style position and style codes (ASS, in many SRT files), linearly."""
    out: list[str] = []
    i = 0
    while True:
        j = text.find("{\\", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        k = text.find("}", j + 2)
        if k < 0:
            out.append(text[j:])
            break
        i = k + 1
    return "".join(out)


def _display(text: str) -> str:
    """Lines stripped, empty ones dropped (a YouTube cue starts with a line holding a space)."""
    return "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())


def _vtt_text(lines: list[str], lineno: int, problems: list[VttProblem]) -> str:
    text, unclosed = _strip_tags("\n".join(lines))
    if unclosed:
        problems.append(VttProblem(lineno, "a tag in the cue text has no closing '>' "
                                           "(shown without the tag)"))
    return _display(html.unescape(text))


# -- WebVTT ----------------------------------------------------------------------------------
def _is_keyword_line(line: str, words: tuple[str, ...]) -> bool:
    """``NOTE``, ``STYLE`` or ``REGION`` alone or followed by whitespace (WebVTT)."""
    return any(line == w or (line.startswith(w) and line[len(w)] in _WS + "\n") for w in words)


def _prepare(text: str) -> list[str]:
    """Lines as WebVTT defines them: BOM dropped, NUL → U+FFFD, CRLF / CR / LF breaks."""
    text = text.removeprefix("\ufeff").replace("\x00", "\ufffd")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def parse_vtt(text: str, max_hour_digits: int = MAX_HOUR_DIGITS) -> Subtitles:
    """Parse WebVTT text; bad cues are skipped and listed in ``problems``. Never raises."""
    problems: list[VttProblem] = []
    cues: list[Cue] = []
    lines = _prepare(text)
    first = lines[0]
    n = len(lines)
    i = 0
    if first.startswith("WEBVTT") and (len(first) == 6 or first[6] in " \t"):
        i = 1
        while i < n and lines[i] != "":  # header lines (metadata) up to the first empty line
            if "-->" in lines[i]:
                problems.append(VttProblem(i + 1, "no blank line after the WEBVTT header"))
                break
            i += 1
    else:
        problems.append(VttProblem(1, "missing 'WEBVTT' header on the first line"))
    while i < n:
        if lines[i] == "":
            i += 1
            continue
        i = _vtt_block(lines, i, cues, problems, max_hour_digits)
    return Subtitles(CueList(cues), problems)


def _vtt_block(lines: list[str], i: int, cues: list[Cue], problems: list[VttProblem],
               max_hour_digits: int) -> int:
    """Collect one block from ``lines[i]`` (the WebVTT "collect a block" steps); next index."""
    first_line = i
    count, seen_arrow = 0, False
    timing: tuple[float, float] | None = None
    timing_line = 0
    before: list[str] = []
    text: list[str] = []
    n = len(lines)
    while i < n:
        line = lines[i]
        count += 1
        if "-->" in line:
            if not seen_arrow and count <= 2:
                seen_arrow, timing_line = True, i + 1
                timing = _parse_timing(line, i + 1, problems, max_hour_digits)
                i += 1
                continue
            break  # a timing line further down starts the next block (a blank line forgotten)
        if line == "":
            break
        (text if seen_arrow else before).append(line)
        i += 1
    if seen_arrow:
        if before and _is_keyword_line(before[0], ("NOTE",)):
            problems.append(VttProblem(first_line + 1, "a NOTE line directly above a cue "
                                       "(the cue is shown; put a blank line after the NOTE)"))
        if timing is not None:
            cues.append(Cue(timing[0], timing[1], _vtt_text(text, timing_line, problems)))
    elif before and not _is_keyword_line(before[0], _SKIPPED_BLOCKS):
        problems.append(VttProblem(first_line + 1,
                                   "text without a cue timing line (expected 'start --> end')"))
    return i


# -- SRT -------------------------------------------------------------------------------------
def _srt_time(s: str, i: int, max_hour_digits: int) -> tuple[float | None, int]:
    """``hh:mm:ss,mmm`` from ``s[i]`` (also one-digit fields, a dot, fewer millisecond digits)."""
    parts: list[str] = []
    j = i
    for sep in (":", ":", None):
        k = _digits(s, j)
        parts.append(s[j:k])
        j = k
        if sep is not None:
            if j >= len(s) or s[j] != sep:
                return None, j
            j += 1
    hours, minutes, seconds = parts
    if not hours or len(hours) > max_hour_digits or not 1 <= len(minutes) <= 2 \
            or not 1 <= len(seconds) <= 2:
        return None, j
    millis = "0"
    if j < len(s) and s[j] in ",.":
        k = _digits(s, j + 1)
        millis, j = s[j + 1 : k], k
        if not 1 <= len(millis) <= 3:
            return None, j
    if int(minutes) > 59 or int(seconds) > 59:
        return None, j
    fraction = int(millis) / 10 ** len(millis)
    return int(hours) * 3600 + int(minutes) * 60 + int(seconds) + fraction, j


def _srt_timing(line: str, lineno: int, problems: list[VttProblem],
                max_hour_digits: int) -> tuple[float, float] | None:
    """An SRT timing line (comma or dot before the milliseconds)."""
    return _timing(line, lineno, problems, max_hour_digits, _srt_time, "(expected hh:mm:ss,mmm)")


def _is_counter(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and all(c in _DIGITS for c in stripped)


def parse_srt(text: str, max_hour_digits: int = MAX_HOUR_DIGITS) -> Subtitles:
    """Parse SubRip (.srt) text: counters, comma times, ``<i>``/``<b>``/``<font>``, ``{\\an8}``.

    Forgiving like the WebVTT parser: a missing counter or a blank line inside a cue's text is
    fine; a bad timing line is reported and its cue skipped. Never raises.
    """
    problems: list[VttProblem] = []
    cues: list[Cue] = []
    lines = _prepare(text)
    current: tuple[float, float, int] | None = None
    body: list[str] = []
    stray_at = 0  # first line of text outside any cue, reported once per run of such lines

    def flush() -> None:
        if current is not None:
            start, end, at = current
            raw, unclosed = _strip_tags(_strip_ass_codes("\n".join(body)))
            if unclosed:
                problems.append(VttProblem(at, "a tag in the cue text has no closing '>' "
                                               "(shown without the tag)"))
            cues.append(Cue(start, end, _display(raw)))

    skipping = False
    for lineno, line in enumerate(lines, start=1):
        if "-->" in line:
            if body and _is_counter(body[-1]) and (len(body) == 1 or not body[-2].strip()):
                body.pop()  # the next cue's counter, not this cue's text
            flush()
            body, current, stray_at = [], None, 0
            timing = _srt_timing(line, lineno, problems, max_hour_digits)
            skipping = timing is None
            if timing is not None:
                current = (timing[0], timing[1], lineno)
            continue
        if current is not None or skipping:
            body.append(line)
        elif line.strip() and not _is_counter(line) and not stray_at:
            stray_at = lineno
            problems.append(VttProblem(lineno, "text without a cue timing line "
                                               "(expected 'start --> end')"))
        elif not line.strip():
            stray_at = 0
    flush()
    return Subtitles(CueList(cues), problems)


# -- files -----------------------------------------------------------------------------------
def decode_caption_bytes(data: bytes) -> tuple[str, VttProblem | None]:
    """UTF-8 (with or without BOM); otherwise Windows-1252, the usual other case, with a note."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        return text, VttProblem(line, "not UTF-8 text: read as Windows-1252 "
                                      "(save the file as UTF-8 to be sure accents show right)")


def looks_like_srt(text: str) -> bool:
    """True when the first block is an SRT counter and a comma timing line."""
    lines = [ln.strip() for ln in text.removeprefix("\ufeff").splitlines()[:4] if ln.strip()]
    return (len(lines) >= 2 and _is_counter(lines[0]) and "-->" in lines[1]
            and "," in lines[1].split("-->")[0])


def parse_captions(text: str, suffix: str,
                   max_hour_digits: int = MAX_HOUR_DIGITS) -> Subtitles:
    """Parse by file type: ``.srt`` is SubRip, anything else WebVTT."""
    if suffix.lower() == ".srt":
        return parse_srt(text, max_hour_digits)
    return parse_vtt(text, max_hour_digits)


def load_vtt(path: Path, max_bytes: int) -> Subtitles:
    """Read and parse a caption file (.vtt or .srt); file trouble becomes problems, not errors.

    The name stays for its callers; SRT files are read too.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            message = f"file is {size} bytes (expected at most {max_bytes})"
            return Subtitles(problems=[VttProblem(0, message)])
        data = path.read_bytes()
    except OSError as exc:
        return Subtitles(problems=[VttProblem(0, f"cannot read file ({exc.strerror or exc})")])
    text, note = decode_caption_bytes(data)
    subs = parse_captions(text, path.suffix)
    if note is not None:
        subs.problems.insert(0, note)
    return subs


load_captions = load_vtt


def cue_at(cues: list[Cue], t: float) -> str:
    """The captions showing at ``t`` seconds ("" when none); ``cues`` sorted by start.

    With a ``CueList`` the scan back stops as soon as no earlier cue can still be showing;
    a plain list is scanned back to its start.
    """
    i = bisect_right(cues, t, key=lambda c: c.start)
    max_end = getattr(cues, "max_end", None)
    showing: list[str] = []
    j = i - 1
    while j >= 0:
        if max_end is not None and max_end[j] <= t:
            break
        if cues[j].end > t:
            showing.append(cues[j].text)
        j -= 1
    showing.reverse()
    return "\n".join(showing)
