"""TOML syntax errors in plain language (nl / en), with the line, a caret and a fix (no Qt).

``tomllib`` says "Invalid value" or "Unclosed array"; an organiser who typed the file in Word
needs "curly quotes: use straight quotes", the line, and where on it. The usual causes are
recognised from the offending line; anything else keeps tomllib's own words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_CURLY = "“”„‟‘’‚‛«»"
_DECIMAL_COMMA = re.compile(r"=\s*[+-]?\d+,\d+\s*(#.*)?$")
_TWO_VALUES = re.compile(r"(\"[^\"]*\"|\d+(?:\.\d+)?|true|false)\s+(?=\"|\d|true|false)")
_BARE_VALUE = re.compile(r"^\s*[A-Za-z0-9_.-]+\s*=\s*[A-Za-z]")
_ID_LINE = re.compile(r"^\s*id\s*=\s*[\"'“”‘’]?([^\"'“”‘’\s#,}]+)")
_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_CONTEXT_CHARS = 100  # a shown line is cut to this many characters around the caret


@dataclass(frozen=True)
class TomlSyntax:
    """One syntax error: where, what (nl / en), the fix, and the line with a caret."""

    line: int
    column: int
    message: str
    expected: str
    context: str


def explain(text: str, error: str) -> TomlSyntax:
    """Turn tomllib's message for ``text`` into a plain-language error."""
    pos = _POS.search(error)
    line_no, column = (int(pos.group(1)), int(pos.group(2))) if pos else (1, 1)
    raw = _POS.sub("", error).strip()
    lines = text.split("\n")
    line = lines[line_no - 1].rstrip("\r") if 0 < line_no <= len(lines) else ""
    if raw.startswith("Unclosed array") and column == 1 and line_no > 1:
        # tomllib notices the missing ']' only on the next line; show the line with the list
        prev = next((i for i in range(line_no - 2, -1, -1) if lines[i].strip()), line_no - 2)
        line_no, line = prev + 1, lines[prev].rstrip("\r")
        column = len(line) + 1
        return _make(line_no, column, line, "de lijst is niet gesloten / the list is not closed",
                     "] aan het eind, komma's tussen de items / ']' at the end, commas between "
                     'items: ["a", "b"]')
    curly = _curly_outside_strings(line)
    if curly >= 0:
        fixed = line.translate({ord(c): '"' for c in "“”„‟«»"} | {ord(c): "'" for c in "‘’‚‛"})
        return _make(line_no, curly + 1, line, "krulquotes (uit Word) / curly quotes (from Word)",
                     f"rechte quotes / straight quotes: {_cut(fixed.strip())}")
    if "\\" in line and ("Unescaped" in raw or "escape" in raw.lower()):
        at = line.index("\\")
        fixed = line.replace("\\", "/")
        return _make(line_no, at + 1, line, "een \\ in een pad / a backslash in a path",
                     f"/ tussen mappen / '/' between folders: {_cut(fixed.strip())}")
    if _DECIMAL_COMMA.search(line):
        at = line.index(",")
        fixed = re.sub(r"(\d),(\d)", r"\1.\2", line, count=1)
        return _make(line_no, at + 1, line, "komma in een getal / a decimal comma",
                     f"een punt / a point: {_cut(fixed.strip())}")
    if _unbalanced_quotes(line):
        at = line.find('"')
        if "Illegal character" in raw:  # the closing quote is missing
            at, fixed = column - 1, line.rstrip() + '"'
        else:  # the opening one: put it after '='
            key, _, value = line.partition("=")
            fixed = f'{key.rstrip()} = "{value.strip()}'
            at = len(key) + (len(value) - len(value.lstrip())) + 1
        return _make(line_no, at + 1, line, "er ontbreekt een \" / a quote is missing",
                     'tekst begint en eindigt met " / a text starts and ends with ": '
                     + _cut(fixed.strip()))
    if raw.startswith(("Unclosed array", "Unclosed inline table")) or "',' or" in raw:
        two = _TWO_VALUES.search(line)
        if two:
            end = two.start(1) + len(two.group(1))
            fixed = _cut((line[:end] + "," + line[end:]).strip())
            return _make(line_no, two.end() + 1, line, "er ontbreekt een komma / a comma is "
                         "missing", f"komma's tussen de items / commas between items: {fixed}")
        return _make(line_no, column, line, "er ontbreekt een komma of een haakje / a comma or "
                     "a bracket is missing", 'komma\'s tussen de items / commas between items: '
                     '["a", "b"], { nl = "…", en = "…" }')
    if raw.startswith("Invalid value") and _BARE_VALUE.match(line):
        key, _, value = line.partition("=")
        return _make(line_no, column, line, "tekst zonder quotes / text without quotes",
                     f'tekst tussen " / text in quotes: {key.strip()} = "{_cut(value.strip())}"')
    if raw.startswith("Cannot overwrite") or raw.startswith("Cannot declare"):
        return _make(line_no, column, line, "deze sleutel staat er twee keer / this key is "
                     "there twice", "each key once per table")
    return _make(line_no, column, line, f"TOML-fout / TOML syntax error: {raw}",
                 'geldige TOML / valid TOML, e.g. key = "value"; see docs/content-packs.md')


def _curly_outside_strings(line: str) -> int:
    """Index of the first curly quote used as a quote (not inside a "…" text), or -1."""
    inside, i = False, 0
    while i < len(line):
        ch = line[i]
        if inside and ch == "\\":
            i += 2
            continue
        if ch == '"':
            inside = not inside
        elif ch == "#" and not inside:
            return -1
        elif ch in _CURLY and not inside:
            return i
        i += 1
    return -1


def _unbalanced_quotes(line: str) -> bool:
    code = line.split("#", 1)[0] if line.count('"') % 2 == 0 else line
    return code.replace('\\"', "").count('"') % 2 == 1


def _cut(text: str) -> str:
    return text if len(text) <= _CONTEXT_CHARS else text[: _CONTEXT_CHARS - 1] + "…"


def _make(line_no: int, column: int, line: str, message: str, expected: str) -> TomlSyntax:
    """The error with the line shown and a caret under ``column`` (1-based)."""
    column = max(1, min(column, len(line) + 1))
    start = max(0, column - 1 - _CONTEXT_CHARS // 2)
    shown = line[start : start + _CONTEXT_CHARS].replace("\t", " ")
    gutter = f"{line_no:>5} | "
    context = f"{gutter}{shown}\n{' ' * (len(gutter) - 2)}| {' ' * (column - 1 - start)}^"
    return TomlSyntax(line_no, column, message, expected, context)


def scan_ids(text: str, top_kind: str) -> list[tuple[str, str]]:
    """(kind, id) of the items a broken file meant to define, read line by line.

    Used only when the file does not parse: references to these ids are then not reported
    one by one (the syntax error is the one thing to fix).
    """
    kinds = {"seasons.episodes": "episode", "jobs": "job", "cards": "card",
             "companies": "company", "seasons": "season"}
    found: list[tuple[str, str]] = []
    kind = top_kind
    for line in text.split("\n"):
        header = _HEADER.match(line)
        if header:
            kind = kinds.get(header.group(1), header.group(1))
            continue
        m = _ID_LINE.match(line)
        if m:
            found.append((kind, m.group(1)))
    return found
