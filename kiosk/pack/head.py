"""What the first attract frame needs of a pack, read without pydantic: the pack's head.

The kiosk draws attract before it loads the whole pack (``kiosk.app``: first frame first).
Attract shows the running event's name, welcome, place and logo, and its controller needs the
event's idle times and admin PIN hash; which event runs is decided by its dates
(``kiosk.core.event_choice``, the one rule). That is read here from ``pack.toml`` and
``events/*.toml`` with the loader's own file rules (``kiosk.pack.files``: safe paths, size
limits, TOML errors, image sniffing) and nothing of pydantic, which alone costs a kiosk start
about 0.3 s of CPU.

The full, validated load (``kiosk.pack.loader.load_pack``) follows right after the first frame
and has the last word: the composition root compares what it found with this read
(:func:`attract_facts`) and, when they differ, makes the screens again from the full pack,
exactly as a start without this read would have shown them. So this read never reports a
problem and never judges a field the models judge: anything it is not sure of (a file it cannot
read, a value of an unexpected type) makes it give up (``None``), and the kiosk then loads the
whole pack before its first frame, as it always did (a broken pack.toml gets the loader's own
message).
"""
from __future__ import annotations

import datetime
from dataclasses import field
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.pack.files import Listings, read_toml, safe_file, sniff_image
from kiosk.pack.text import PackText
from kiosk.records import record


@record(frozen=True)
class EventHead:
    """What the controller and attract read of an event (the names of ``models.Event``)."""

    id: str
    name: PackText
    admin_pin_hash: str
    date: datetime.date | None = None
    dates: tuple[datetime.date, ...] = ()
    welcome: PackText | None = None
    place: str | None = None
    logo: Path | None = None
    idle_timeout: float | None = None
    idle_countdown: float | None = None


@record(frozen=True)
class PackHead:
    """The pack as attract's first frame sees it (the names of ``models.Pack``)."""

    root: Path
    id: str
    version: int
    title: PackText
    default_event: str | None
    events: dict[str, EventHead] = field(default_factory=dict)
    problems: tuple[()] = ()   # the full load lists them; admin shows them from then on


class _Unsure(Exception):
    """A value this read does not vouch for: the full load decides, before the first frame."""


def read_head(root: Path, config: Config) -> PackHead | None:
    """The head of the pack at ``root``, or None when the full load must decide first."""
    try:
        return _read(Path(root), config)
    except (_Unsure, OSError):
        return None


def _toml(root: Path, rel: str, config: Config, listings: Listings) -> dict[str, Any]:
    full, issue = safe_file(root, rel, "toml", config, listings)
    if full is None or issue is not None:
        raise _Unsure(rel)
    data, issue = read_toml(full)
    if data is None or issue is not None:
        raise _Unsure(rel)
    return data


def _str(value: Any, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _Unsure(value)
    return value


def _text(value: Any, *, optional: bool = False) -> PackText | None:
    if value is None and optional:
        return None
    if not isinstance(value, dict):
        raise _Unsure(value)
    return PackText(_str(value.get("nl")), _str(value.get("en"), optional=True))


def _date(value: Any) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise _Unsure(value)
    return value


def _seconds(idle: Any, key: str) -> float | None:
    if idle is None:
        return None
    value = idle.get(key) if isinstance(idle, dict) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Unsure(idle)
    return float(value)


def _read(root: Path, config: Config) -> PackHead:
    listings: Listings = {}
    head = _toml(root, "pack.toml", config, listings)
    version = head.get("version", 0)
    if isinstance(version, bool) or not isinstance(version, int):
        raise _Unsure(version)
    pack = PackHead(root=root.resolve(), id=_str(head.get("id")), version=version,
                    title=_text(head.get("title")) or PackText(""),
                    default_event=_str(head.get("default_event"), optional=True))
    folder = root / "events"
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        rel = f"events/{path.name}"
        data = _toml(root, rel, config, listings)
        event = _event(root, rel, data, config, listings)
        if event.id in pack.events:
            raise _Unsure(event.id)   # a duplicate: the loader says which one it keeps
        pack.events[event.id] = event
    if not pack.events:
        raise _Unsure("no events")   # the loader's message says what to add
    return pack


def _event(root: Path, rel: str, data: dict[str, Any], config: Config,
           listings: Listings) -> EventHead:
    logo = None
    if data.get("logo") is not None:
        logo, issue = safe_file(root, _str(data["logo"]), "image", config, listings)
        if logo is None or issue is not None or sniff_image(logo, data["logo"]) is not None:
            raise _Unsure(rel)  # the loader shows the placeholder and says why
    dates = data.get("dates", [])
    if not isinstance(dates, list):
        raise _Unsure(rel)
    idle = data.get("idle")
    return EventHead(
        id=_str(data.get("id")), name=_text(data.get("name")) or PackText(""),
        admin_pin_hash=_str(data.get("admin_pin_hash")),
        date=_date(data["date"]) if data.get("date") is not None else None,
        dates=tuple(_date(d) for d in dates),
        welcome=_text(data.get("welcome"), optional=True),
        place=_str(data.get("place"), optional=True), logo=logo,
        idle_timeout=_seconds(idle, "timeout"), idle_countdown=_seconds(idle, "countdown"))


def attract_facts(pack: Any, event: Any) -> tuple[Any, ...]:
    """Everything the screens made from the head show or decide with, of a pack and its
    running event: a ``PackHead`` and the loaded ``Pack`` agree when these are equal."""
    def text(t: Any) -> tuple[str, str | None] | None:
        return None if t is None else (t.nl, t.en)

    return (pack.id, pack.version, text(pack.title), None if event is None else (
        event.id, text(event.name), text(event.welcome), event.place,
        None if event.logo is None else Path(event.logo), event.idle_timeout,
        event.idle_countdown, event.admin_pin_hash))
