"""A hand-written event log (six visits, two kiosks, two days, two events) shared by the
metrics and report tests. The expected figures are worked out by hand in those tests.

Times are local (Europe/Amsterdam, CET = UTC+1 in March 2026); the ``amsterdam`` fixture
(tests/conftest.py) pins the zone.
"""
from __future__ import annotations

import calendar
import time
from pathlib import Path
from typing import Any


from kiosk.config import DEFAULT
from kiosk.storage.db import EVENT_COLUMNS, connect, open_database

T = "techniekmarkt-2026"
OD = "open-dag-2026"


def local(day: int, hh: int, mm: int) -> float:
    """Epoch seconds of 2026-03-<day> hh:mm in Amsterdam (CET, UTC+1)."""
    return float(calendar.timegm((2026, 3, day, hh - 1, mm, 0)))


# (kiosk, day, event, session, seconds after the session start, kind, fields)
Visit = list[tuple[float, str, dict[str, Any]]]

A: Visit = [
    (0, "session_started", {}),
    (2, "screen_shown", {"screen": "home"}),
    (5, "language_changed", {"lang": "en"}),
    (10, "episode_started", {"episode_id": "ep1", "via": "tile"}),
    (40, "episode_progress", {"episode_id": "ep1", "pct": 25}),
    (100, "episode_finished", {"episode_id": "ep1", "fraction": 0.95}),
    (101, "episode_started", {"episode_id": "ep2", "via": "autoplay"}),
    (130, "episode_finished", {"episode_id": "ep2", "fraction": 0.5}),
    (140, "qr_shown", {"purpose": "channel", "target": "ep2"}),
    (200, "session_ended", {"reason": "home"}),
]
B: Visit = [
    (0, "session_started", {}),
    (3, "game_started", {"mode": "solo"}),
    (5, "card_swiped", {"card_id": "laadpaal", "liked": 1, "via": "swipe"}),
    (8, "card_swiped", {"card_id": "lassen", "liked": 0, "via": "swipe"}),
    (12, "card_swiped", {"card_id": "wifi", "liked": 1, "via": "button"}),
    (13, "card_undone", {"card_id": "wifi"}),  # takes the like back …
    (14, "card_swiped", {"card_id": "wifi", "liked": 0, "via": "button"}),  # … and says no
    (63, "game_finished", {"jobs": "elektromonteur,lasser,cnc-operator", "duration": 60.0,
                           "mode": "solo"}),
    (70, "qr_shown", {"purpose": "result", "target": "elektromonteur"}),
    (80, "episode_started", {"episode_id": "ep1", "via": "game"}),
    (90, "episode_finished", {"episode_id": "ep1", "fraction": 0.9}),
    (145, "session_ended", {"reason": "idle"}),
]
C: Visit = [
    (0, "session_started", {}),
    (4, "language_changed", {"lang": "en"}),
    (6, "language_changed", {"lang": "nl"}),
    (10, "game_started", {"mode": "duo"}),
    (12, "card_swiped", {"card_id": "laadpaal", "liked": 1, "via": "duel"}),
    (14, "card_swiped", {"card_id": "lassen", "liked": 1, "via": "swipe"}),
    (20, "game_abandoned", {"at_card": 2}),
    (75, "session_ended", {"reason": "idle"}),
]
D: Visit = [
    (0, "session_started", {}),
    (5, "game_started", {"mode": "solo"}),
    (8, "card_swiped", {"card_id": "wifi", "liked": 0, "via": "swipe"}),
    (125, "game_finished", {"jobs": "lasser,elektromonteur,timmerman", "duration": 120.0,
                            "mode": "solo"}),
    (126, "episode_started", {"episode_id": "ep3", "via": "tile"}),
    (127, "episode_error", {"episode_id": "ep3"}),
    (130, "episode_started", {"episode_id": "ep1", "via": "tile"}),
    (140, "episode_finished", {"episode_id": "ep1", "fraction": 0.2}),
    (150, "episode_started", {"episode_id": "ep2", "via": "tile"}),
    (200, "episode_finished", {"episode_id": "ep2", "fraction": 1.0}),
    (230, "session_ended", {"reason": "admin"}),
]
E: Visit = [
    (0, "session_started", {}),
    (30, "episode_started", {"episode_id": "ep1", "via": "attract"}),
    (90, "episode_finished", {"episode_id": "ep1", "fraction": 0.99}),
    (95, "qr_shown", {"purpose": "channel", "target": "ep2"}),
    (100, "session_ended", {"reason": "home"}),
]
F: Visit = [
    (0, "session_started", {}),
    (10, "language_changed", {"lang": "en"}),
    (15, "game_started", {"mode": "solo"}),
    (20, "card_swiped", {"card_id": "boomhut", "liked": 1, "via": "swipe"}),
    (100, "game_finished", {"jobs": "lasser,timmerman,metselaar", "duration": 80.0,
                            "mode": "solo"}),
    (160, "session_ended", {"reason": "idle"}),
]

# (kiosk, event, session id, start, visit)
VISITS = [
    ("k1", T, "sa", local(12, 9, 0), A),
    ("k1", T, "sb", local(12, 9, 30), B),
    ("k2", T, "sc", local(12, 10, 15), C),
    ("k2", T, "sd", local(12, 10, 40), D),
    ("k1", T, "se", local(13, 14, 5), E),
    ("k1", OD, "sf", local(13, 14, 20), F),
]
# Events outside any session: they must not count anywhere.
LOOSE = [
    ("k1", T, local(12, 8, 55), "kiosk_started", {}),
    ("k1", T, local(12, 8, 56), "screen_shown", {"screen": "attract"}),
    ("k2", T, local(12, 12, 0), "admin_pin_failed", {}),
    ("k2", T, local(12, 12, 1), "admin_opened", {}),
]


def rows() -> list[tuple[Any, ...]]:
    """The log as ``EVENT_COLUMNS`` rows, in time order like a kiosk writes them."""
    out: list[tuple[float, tuple[Any, ...]]] = []

    def row(kiosk: str, ts: float, event: str, session: str | None, kind: str,
            fields: dict[str, Any]) -> None:
        day = time.strftime("%Y-%m-%d", time.localtime(ts))
        values = {"kiosk_id": kiosk, "ts": ts, "day": day, "event_id": event,
                  "session_id": session, "kind": kind, **fields}
        out.append((ts, tuple(values.get(c) for c in EVENT_COLUMNS)))

    for kiosk, event, sid, start, visit in VISITS:
        for offset, kind, fields in visit:
            row(kiosk, start + offset, event, sid, kind, fields)
    for kiosk, event, ts, kind, fields in LOOSE:
        row(kiosk, ts, event, None, kind, fields)
    return [r for _ts, r in sorted(out, key=lambda pair: pair[0])]


def seed(path: Path) -> Path:
    """Write the log into a real kiosk database at ``path``."""
    open_database(path, DEFAULT.store).close()
    conn = connect(path, DEFAULT.store)
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})", rows())
    conn.execute("COMMIT")
    conn.close()
    return path

