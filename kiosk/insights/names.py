"""Titles and names for the organisers' figures: pack items by title, kiosks by name and region.

The event log stores ids only (privacy by construction); titles come from a content pack and
kiosk names from the ``kiosks`` table that ``kiosk merge`` fills from the kiosks' snapshots
(when that table is there). An id the pack does not know is shown as the id and remembered in
``Names.missing`` so the output can say why.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import Config
from kiosk.core.direction_words import DOMAIN_WORDS

if TYPE_CHECKING:
    from kiosk.pack.titles import PackTitles

log = logging.getLogger("kiosk.storage")

DOMAINS = DOMAIN_WORDS   # the game's words for its domains, as the result screen shows them

QR_PURPOSES: dict[str, tuple[str, str]] = {  # what a QR code on screen was for
    "episode": ("Aflevering", "Episode"),
    "watch": ("Verder kijken", "Watch on"),
    "share": ("Delen", "Share"),
    "channel": ("Kanaal", "Channel"),
    "company": ("Bedrijf", "Company"),
    "result": ("Uitslag spel", "Game result"),
}

KIOSK_COLUMNS = ("kiosk_id", "name", "region", "pack_id", "pack_version", "health", "updated_ts")


@dataclass(frozen=True)
class KioskInfo:
    """One row of the ``kiosks`` table; ``health`` is its JSON object (``{}`` when unreadable)."""

    kiosk_id: str
    name: str | None = None
    region: str | None = None
    pack_id: str | None = None
    pack_version: int | None = None
    health: dict[str, Any] = field(default_factory=dict)
    updated_ts: float | None = None


def read_kiosks(conn: sqlite3.Connection) -> dict[str, KioskInfo]:
    """kiosk id → its name, region, pack and health; ``{}`` when the database has no such table.

    Older databases (and single kiosks before snapshots) lack the table; columns that a newer
    writer added are ignored and missing ones read as ``None``.
    """
    has = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                       "AND name = 'kiosks'").fetchone()[0]
    if not has:
        return {}
    present = {row[1] for row in conn.execute("PRAGMA table_info(kiosks)")}
    if "kiosk_id" not in present:
        return {}
    select = ", ".join(c if c in present else "NULL" for c in KIOSK_COLUMNS)
    out: dict[str, KioskInfo] = {}
    for kiosk_id, name, region, pack_id, version, health, updated in conn.execute(
            f"SELECT {select} FROM kiosks ORDER BY kiosk_id"):
        out[str(kiosk_id)] = KioskInfo(
            str(kiosk_id), _text(name), _text(region), _text(pack_id), _int(version),
            _health(health, kiosk_id), updated if isinstance(updated, (int, float)) else None)
    return out


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _health(text: Any, kiosk_id: Any) -> dict[str, Any]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        log.warning("kiosks table: health of %s is not JSON; left out", kiosk_id)
        return {}
    return data if isinstance(data, dict) else {}


def load_titles_pack(pack: Path | None, config: Config) -> tuple[PackTitles | None, str | None]:
    """The titles of the pack (default: the sample pack) and, when it cannot be read, why not;
    remembered in the user's cache folder until the pack changes (``kiosk.pack.titles``)."""
    from kiosk import paths
    from kiosk.pack.titles import cache_folder, pack_titles

    return pack_titles(pack or paths.sample_pack(), config, cache_folder(config))


class Names:
    """Titles in one language (``nl``/``en``) from a loaded pack (or ``None``: ids only)."""

    def __init__(self, pack: Any | None, lang: str = "nl") -> None:
        self.pack = pack
        self.lang = lang
        self.missing: set[tuple[str, str]] = set()  # (kind, id) shown as the id

    @property
    def pack_id(self) -> str | None:
        return getattr(self.pack, "id", None)

    def _text(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if self.lang != "nl":
            other = getattr(value, self.lang, None)
            if other:
                return str(other)
        return str(getattr(value, "nl", "") or "") or None

    def _lookup(self, kind: str, key: str, item: Any, attr: str) -> str:
        title = self._text(getattr(item, attr, None)) if item is not None else None
        if title:
            return title
        if key:
            self.missing.add((kind, key))
        return key

    def episode(self, key: str) -> str:
        eps = getattr(self.pack, "episodes", {}) or {}
        return self._lookup("episode", key, eps.get(key), "title")

    def job(self, key: str) -> str:
        jobs = getattr(self.pack, "jobs", {}) or {}
        return self._lookup("job", key, jobs.get(key), "title")

    def card(self, key: str) -> str:
        cards = {c.id: c for c in getattr(self.pack, "cards", []) or []}
        return self._lookup("card", key, cards.get(key), "text")

    def company(self, key: str) -> str:
        companies = getattr(self.pack, "companies", {}) or {}
        return self._lookup("company", key, companies.get(key), "name")

    def event(self, key: str) -> str:
        events = getattr(self.pack, "events", {}) or {}
        return self._lookup("event", key, events.get(key), "name")

    def domain(self, key: str) -> str:
        words = DOMAINS.get(key)
        return (words[1] if self.lang == "en" else words[0]) if words else key

    def qr(self, purpose: str, target: str) -> str:
        """What a QR code led to: "Bedrijf · Voltwerk", "Aflevering · Sanne zet …"."""
        words = QR_PURPOSES.get(purpose)
        label = (words[1] if self.lang == "en" else words[0]) if words else purpose
        if purpose == "company":
            what = self.company(target)
        elif purpose == "result":
            what = self.job(target) if target and target != "result" else ""
        elif target and target != purpose:
            what = self.episode(target)
        else:
            what = ""
        return f"{label} · {what}" if what else label

    def kiosk(self, key: str, kiosks: dict[str, KioskInfo]) -> str:
        """The kiosk's name when it has one (with its id, since two may share a name)."""
        info = kiosks.get(key)
        return f"{info.name} ({key})" if info is not None and info.name else key

    def missing_note(self) -> str:
        """One line saying which ids had no title, or ``""``."""
        if not self.missing or self.pack is None:  # no pack: the caller says why, once
            return ""
        ids = ", ".join(sorted(k for _kind, k in self.missing)[:12])
        more = len(self.missing) - 12
        where = self.pack_id or "-"
        if self.lang == "en":
            return (f"Shown as ids (not in pack {where}): {ids}"
                    + (f" and {more} more" if more > 0 else ""))
        return (f"Als id getoond (niet in pakket {where}): {ids}"
                + (f" en nog {more}" if more > 0 else ""))
