"""The hand-written log of ``eventlog.py`` with the sample pack's ids (so titles show), plus
the ``kiosks`` table that ``kiosk merge`` fills from snapshots, and helpers that read a report.

The expected figures in the report tests are counted here from these rows, not by
``kiosk.insights.metrics``.
"""
from __future__ import annotations

import html
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

from kiosk.config import DEFAULT
from kiosk.storage.db import EVENT_COLUMNS, connect, open_database
from tests.unit.eventlog import rows as hand_rows

EPISODES = {"ep1": "ads-s1e1", "ep2": "ads-s1e2", "ep3": "toh-s1e1"}
TITLES_NL = {"ads-s1e1": "Sanne zet de stroom erop", "ads-s1e2": "Daan bouwt een huis van hout",
             "toh-s1e1": "Noor bouwt een game"}
TITLES_EN = {"ads-s1e1": "Sanne powers up", "ads-s1e2": "Daan builds a wooden house",
             "toh-s1e1": "Noor builds a game"}
COL = {c: i for i, c in enumerate(EVENT_COLUMNS)}

# The shape the kiosks-table migration gives the table (the report only reads it); a database made
# by this kiosk version has it already (schema v2), empty.
KIOSKS_TABLE = ("CREATE TABLE IF NOT EXISTS kiosks (kiosk_id TEXT PRIMARY KEY, name TEXT, region TEXT, "
                "pack_id TEXT, pack_version INTEGER, health TEXT, updated_ts REAL)")
KIOSKS = [
    ("k1", "Aula links", "Zwolle", "bliq-sample", 3,
     {"pack_id": "bliq-sample", "pack_version": 3, "uptime_s": 18_000, "restarts": 1,
      "restart_reasons": {"watchdog": 1}, "errors": 0, "free_disk_mb": 12_345,
      "render_mode": "lean"}),
    ("k2", "Hal B", "Kampen", "bliq-sample", 4, {"restarts": 0, "clips_skipped": 2}),
]


def rows() -> list[list[Any]]:
    """The log's rows with sample-pack episode ids (QR targets too)."""
    out = []
    for row in hand_rows():
        r = list(row)
        if r[COL["episode_id"]] in EPISODES:
            r[COL["episode_id"]] = EPISODES[r[COL["episode_id"]]]
        if r[COL["kind"]] == "qr_shown" and r[COL["target"]] in EPISODES:
            r[COL["target"]] = EPISODES[r[COL["target"]]]
        out.append(r)
    return out


def seed(path: Path, kiosks: list[tuple[Any, ...]] | None = KIOSKS,
         log: list[list[Any]] | None = None) -> Path:
    """A real kiosk database with the log (and kiosk rows unless ``kiosks`` is None)."""
    open_database(path, DEFAULT.store).close()
    conn = connect(path, DEFAULT.store)
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
                     rows() if log is None else log)
    if kiosks is not None:
        conn.execute(KIOSKS_TABLE)
        conn.executemany("INSERT INTO kiosks VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [(k, n, r, p, v, json.dumps(h), 1_773_400_000.0)
                          for k, n, r, p, v, h in kiosks])
    conn.execute("COMMIT")
    conn.close()
    return path


# --- figures counted from the rows -----------------------------------------------------------

def counted(log: list[list[Any]], event: str | None = None) -> dict[str, Any]:
    """Visits, plays and games of the log (one event or all), counted row by row."""
    mine = [r for r in log if event is None or r[COL["event_id"]] == event]
    kinds = Counter(r[COL["kind"]] for r in mine)
    started = Counter(r[COL["episode_id"]] for r in mine if r[COL["kind"]] == "episode_started")
    watched = Counter(r[COL["episode_id"]] for r in mine if r[COL["kind"]] == "episode_finished"
                      and r[COL["fraction"]] >= 0.9)
    best = Counter(r[COL["jobs"]].split(",")[0] for r in mine
                   if r[COL["kind"]] == "game_finished")
    per_session = Counter(r[COL["session_id"]] for r in mine
                          if r[COL["kind"]] == "episode_started")
    return {
        "visits": kinds["session_started"],
        "started": started, "watched": watched,
        "games_started": kinds["game_started"], "games_finished": kinds["game_finished"],
        "best_jobs": best,
        "videos_per_watching_visit": sum(per_session.values()) / len(per_session)
        if per_session else None,
        "watch_all": sum(watched.values()) / sum(started.values()) if started else None,
    }


# --- reading a report -----------------------------------------------------------------------

SVG = re.compile(r"<svg\b.*?</svg>", re.S)
NS = "{http://www.w3.org/2000/svg}"


def svgs(page: str) -> list[ET.Element]:
    """Every inline SVG, parsed as XML (raises on an invalid one)."""
    return [ET.fromstring(s) for s in SVG.findall(page)]


def chart(page: str, label: str) -> ET.Element:
    """The first chart whose aria-label is ``label``."""
    found = [s for s in svgs(page) if s.get("aria-label") == label]
    assert found, f"no chart {label!r}"
    return found[0]


def bars(svg: ET.Element) -> list[str]:
    """The ``label: value`` tooltip of each bar, in order."""
    return [t.text or "" for g in svg.iter(f"{NS}g") for t in g.findall(f"{NS}title")]


def sections(page: str) -> dict[str, str]:
    """Page sections by id (``summary``, ``event-<id>``)."""
    return dict(re.findall(r'<section class="page" id="([^"]+)">(.*?)</section>', page, re.S))


def tiles(section: str) -> dict[str, str]:
    """Key figures: label → value."""
    return {html.unescape(label): html.unescape(value) for value, label in re.findall(
        r'<div class="v">([^<]*)</div><div class="l">([^<]*)</div>', section)}


def db_version(path: Path, version: int) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {version}")
