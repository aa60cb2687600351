"""WebVTT captions: a forgiving parser and a fast "which caption now" lookup (no Qt).

Packs are written by hand, so a bad cue is reported with its line number and skipped; the
parser never raises on content. Cue text is returned as plain text (tags stripped, entities
decoded) because the player shows it in a plain-text caption box.
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

# (hh:)mm:ss.ttt — hours may have more than two digits; a comma is accepted (SRT habit).
_TIME = re.compile(r"^(?:(\d+):)?(\d{2}):(\d{2})[.,](\d{3})$")
_TAG = re.compile(r"<[^>]*>")
# Blocks that carry no cue; WebVTT puts them between cues or in the header.
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")
# Overlapping cues are rare in captions; look back this many cues for ones still showing.
_OVERLAP_LOOKBACK = 8


@dataclass(frozen=True)
class Cue:
    """One caption: shown from ``start`` (inclusive) to ``end`` (exclusive), in seconds."""

    start: float
    end: float
    text: str


@dataclass(frozen=True)
class VttProblem:
    """Something wrong in a subtitle file, with the 1-based line it was found on."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Subtitles:
    """The cues of one file (sorted by start) and what was wrong with it."""

    cues: list[Cue] = field(default_factory=list)
    problems: list[VttProblem] = field(default_factory=list)


def parse_time(text: str) -> float | None:
    """Seconds for a WebVTT timestamp, or None when it is not one."""
    m = _TIME.match(text.strip())
    if not m:
        return None
    hours, minutes, seconds, millis = m.groups()
    if int(minutes) > 59 or int(seconds) > 59:
        return None
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _clean_text(lines: list[str]) -> str:
    """Plain text for display: markup tags removed, entities such as &amp; decoded."""
    return "\n".join(html.unescape(_TAG.sub("", ln)).strip() for ln in lines).strip()


def _parse_timing(line: str, lineno: int, problems: list[VttProblem]) -> tuple[float, float] | None:
    left, _, right = line.partition("-->")
    start_text = left.strip()
    # Cue settings ("align:start line:90%") follow the end time; the player ignores them.
    end_text = right.strip().split(maxsplit=1)[0] if right.strip() else ""
    start, end = parse_time(start_text), parse_time(end_text)
    if start is None or end is None:
        bad = start_text if start is None else end_text
        problems.append(VttProblem(lineno,
                                   f"bad time {bad!r} (expected mm:ss.mmm or hh:mm:ss.mmm)"))
        return None
    if end <= start:
        problems.append(VttProblem(lineno,
                                   f"cue ends before it starts ({start_text} --> {end_text})"))
        return None
    return start, end


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Split into blank-line separated blocks, each with the line number of its first line."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for i, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                first = i
            current.append(line)
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


def _parse_cue_block(first: int, block: list[str], subs: Subtitles) -> None:
    timing_at = [i for i, ln in enumerate(block) if "-->" in ln]
    if not timing_at:
        subs.problems.append(VttProblem(
            first, "text without a cue timing line (expected 'start --> end')"))
        return
    if timing_at[0] > 1:
        subs.problems.append(VttProblem(first, "more than one line before the cue timing"))
    # A timing line inside the text means a blank line was forgotten: split there.
    bounds = timing_at + [len(block)]
    for k, at in enumerate(timing_at):
        timing = _parse_timing(block[at], first + at, subs.problems)
        if timing is not None:
            subs.cues.append(Cue(timing[0], timing[1], _clean_text(block[at + 1 : bounds[k + 1]])))


def parse_vtt(text: str) -> Subtitles:
    """Parse WebVTT text; bad cues are skipped and listed in ``problems``."""
    subs = Subtitles()
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines[0].startswith("WEBVTT") or (len(lines[0]) > 6 and lines[0][6] not in " \t"):
        subs.problems.append(VttProblem(1, "missing 'WEBVTT' header on the first line"))
    for first, block in _blocks(lines):
        head = block[0].strip()
        if first == 1 and head.startswith("WEBVTT"):
            # Header block (may carry metadata lines); a cue glued to it is still used.
            timed = [i for i, ln in enumerate(block) if "-->" in ln]
            if timed:
                subs.problems.append(VttProblem(first + timed[0],
                                                "no blank line after the WEBVTT header"))
                _parse_cue_block(first + timed[0], block[timed[0] :], subs)
            continue
        if head.split(maxsplit=1)[0] in _SKIPPED_BLOCKS and "-->" not in head:
            continue
        _parse_cue_block(first, block, subs)
    subs.cues.sort(key=lambda c: c.start)  # stable: equal starts keep file order
    return subs


def load_vtt(path: Path, max_bytes: int) -> Subtitles:
    """Read and parse a subtitle file; unreadable, too big or non-UTF-8 files become problems."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            message = f"file is {size} bytes (expected at most {max_bytes})"
            return Subtitles(problems=[VttProblem(0, message)])
        data = path.read_bytes()
    except OSError as exc:
        return Subtitles(problems=[VttProblem(0, f"cannot read file ({exc.strerror or exc})")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = "not UTF-8 text (expected a UTF-8 WebVTT file)"
        return Subtitles(problems=[VttProblem(line, message)])
    return parse_vtt(text)


def cue_at(cues: list[Cue], t: float) -> str:
    """The caption showing at ``t`` seconds ("" when none); ``cues`` sorted by start."""
    i = bisect_right(cues, t, key=lambda c: c.start)
    showing = [c.text for c in cues[max(0, i - _OVERLAP_LOOKBACK) : i] if c.end > t]
    return "\n".join(showing)
