"""Turn pydantic validation errors and model walks into ``Problem`` values (no Qt).

Organisers read these: each names the file, the field as a dotted path
(``seasons[0].episodes[2].video``), what is wrong and what was expected.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk.pack.models import Problem, Text, public_fields

# What a missing field should hold, by field name (for "is missing" messages).
FIELD_HINTS: dict[str, str] = {
    "id": "an id such as 'aan-de-slag' (lowercase letters, digits, '-')",
    "title": 'a text: { nl = "…", en = "…" }',
    "name": 'a name (a text { nl = "…", en = "…" } for events)',
    "description": 'a text: { nl = "…", en = "…" }',
    "day": 'a text: { nl = "…", en = "…" }',
    "route": 'a text: { nl = "vmbo PIE → mbo …", en = "…" }',
    "text": 'a text: { nl = "…", en = "…" }',
    "job": 'a text: { nl = "…", en = "…" }',
    "nl": "the Dutch text",
    "video": "a path to the clip inside the pack, e.g. 'media/s1e1.mp4'",
    "duration": "the clip length in seconds, e.g. 14.0",
    "number": "a whole number from 1",
    "jobs": 'a list of job ids, e.g. ["elektromonteur"]',
    "role_model": '{ name = "…", age = 19, job = { nl = "…", en = "…" } }',
    "age": "a whole number, e.g. 19",
    "channel_url": "an https:// link",
    "result_url": "an https:// link",
    "site_url": "an https:// link to the folder of the take-home pages",
    "contact_url": "an https:// link",
    "profile": '"BWI", "PIE", "M&T", "MVI" or "MaT" (or a list of them)',
    "riasec": "{ R = 7, I = 4, A = 2, S = 3, E = 2, C = 5 } (1–7 each)",
    "domains": "{ energie = 1.0 } (weights 0–1)",
    "type": "one of R, I, A, S, E, C",
    "domain": "one of bouw, energie, installatie, metaal, voertuigen, media, maritiem",
    "kind": '"open_day" or "career_fair"',
    "admin_pin_hash": "a hash from 'python -m kiosk hash-pin 1234'",
    "format": "1",
    "languages": '["nl", "en"]',
    "allowed_hosts": '["nxtv.example", "bedrijf.example"]',
    "timeout": "seconds, e.g. 45",
    "countdown": "seconds, e.g. 10",
}

_TYPE_WORDS: dict[str, tuple[str, str]] = {
    "string_type": ("is not text", 'text in quotes, e.g. "…"'),
    "int_type": ("is not a whole number", "a whole number, e.g. 3"),
    "float_type": ("is not a number", "a number, e.g. 14.0"),
    "bool_type": ("is not true or false", "true or false (no quotes)"),
    "list_type": ("is not a list", 'a list in [ ], e.g. ["a", "b"]'),
    "dict_type": ("is not a table", "a table, e.g. { key = value }"),
    "model_type": ("is not a table", "a table, e.g. { key = value }"),
    "model_attributes_type": ("is not a table", "a table, e.g. { key = value }"),
    "date_type": ("is not a date", "a TOML date without quotes, e.g. 2026-11-28"),
    "is_instance_of": ("is not a path", "a path in quotes"),
}


def field_path(loc: tuple[Any, ...] | list[Any], prefix: str = "") -> str:
    """``("seasons", 0, "episodes", 2, "video")`` → ``seasons[0].episodes[2].video``."""
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "[key]":
            out += " (key)"
        elif isinstance(part, str) and (part.startswith("function-") or part in ("str", "list")):
            continue  # pydantic's internal validator names, not TOML keys
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"


def _value(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _parent(data: Any, loc: tuple[Any, ...]) -> dict[str, Any]:
    """The table in the raw TOML data that holds the field at ``loc`` ({} when not found)."""
    for part in loc[:-1]:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return {}
    return data if isinstance(data, dict) else {}


def _typo_of(missing: str, err: Any, data: Any, cutoff: float) -> str:
    """``vidoe`` next to a missing ``video``: the key the organiser probably meant."""
    keys = [k for k in _parent(data, tuple(err["loc"])) if isinstance(k, str) and k != missing]
    close = difflib.get_close_matches(missing, keys, n=1, cutoff=cutoff)
    return close[0] if close else ""


def _words(err: Any, data: Any, cutoff: float) -> tuple[str, str]:
    kind, ctx = err["type"], err.get("ctx") or {}
    last = next((p for p in reversed(err["loc"]) if isinstance(p, str) and p != "[key]"), "")
    if kind == "pack":
        return str(ctx.get("message", err["msg"])), str(ctx.get("expected", ""))
    if kind == "missing":
        typo = _typo_of(last, err, data, cutoff)
        if typo:
            return (f"is missing; '{typo}' is er wel: een tikfout? / there is a field '{typo}': "
                    f"a typo?", f"bedoel je / did you mean '{last}'? rename '{typo}' to '{last}'")
        return "is missing", FIELD_HINTS.get(last, "a value (see docs/PACK-FORMAT.md)")
    if kind in _TYPE_WORDS:
        message, expected = _TYPE_WORDS[kind]
        return f"{message}: {_value(err.get('input'))}", expected
    if kind == "literal_error":
        return f"{_value(err.get('input'))} is not allowed", f"one of {ctx.get('expected', '?')}"
    bounds = {"greater_than": ">", "greater_than_equal": "≥", "less_than": "<",
              "less_than_equal": "≤"}
    if kind in bounds:
        limit = next(iter(ctx.values()), "?")
        return f"{_value(err.get('input'))} is out of range", f"{bounds[kind]} {limit}"
    if kind == "too_short":
        return "has too few items", f"at least {ctx.get('min_length', 1)}"
    if kind == "too_long":
        return "has too many items", f"at most {ctx.get('max_length', '?')}"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, "), "see docs/PACK-FORMAT.md"
    return str(err["msg"]), "see docs/PACK-FORMAT.md"


def from_validation(exc: ValidationError, file: str, prefix: str, data: Any,
                    cutoff: float) -> list[Problem]:
    """One error Problem per pydantic error, with the field as a dotted path.

    ``data`` (the raw table) lets a missing field point at a misspelt key next to it, one at
    least ``cutoff`` alike (``PackConfig.did_you_mean_cutoff``)."""
    problems = []
    for err in exc.errors(include_url=False):
        message, expected = _words(err, data, cutoff)
        problems.append(Problem(file, field_path(err["loc"], prefix), message, expected, "error"))
    return problems


def _walk(value: Any, path: str) -> Iterator[tuple[str, BaseModel]]:
    if isinstance(value, BaseModel):
        yield path, value
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}" if path else str(key))


def model_warnings(model: BaseModel, file: str, prefix: str, languages: Sequence[str],
                   cutoff: float, skip: tuple[str, ...] = ()) -> list[Problem]:
    """Warnings for unknown keys (typos are otherwise silent) and missing English texts."""
    out: list[Problem] = []
    for path, item in _walk(model, prefix):
        if any(path == f"{prefix}.{s}" or path.startswith(f"{prefix}.{s}[") for s in skip):
            continue  # nested items (seasons, episodes) are checked on their own
        fields = public_fields(type(item))
        known = ", ".join(fields) or "none"
        for key in item.model_extra or {}:
            where = f"{path}.{key}" if path else key
            close = difflib.get_close_matches(key, fields, n=1, cutoff=cutoff)
            expected = f"bedoel je / did you mean '{close[0]}'?" if close else f"one of {known}"
            out.append(Problem(file, where, "unknown field, ignored", expected, "warning"))
        if isinstance(item, Text) and "en" in languages and item.en is None:
            out.append(Problem(file, f"{path}.en" if path else "en", "English text is missing",
                               "an English text; Dutch is shown instead", "warning"))
    return out
