"""Generated visits with the campaign's question, as the kiosk logs them (shared by the report
tests and tests/bench/bench_pulse.py).

Each visit: ``session_started``, the question's screen (events with [pulse]) and then a face,
a skip or walking away; with the group question a group or nothing; home; maybe the game to
its result or a clip to its end card, where the after-question is answered, skipped or left;
``session_ended``. One event of the three never asks (no ``pulse`` screen). The answers lean
a little upwards after the visit, so the change has a sign to find.
"""
from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

from kiosk.config import DEFAULT
from kiosk.storage.db import EVENT_COLUMNS, connect, open_database

EVENTS = ("techniekmarkt-2026", "open-dag-2026", "zonder-vraag")  # the last one never asks
KIOSKS = ("k1a2b3c", "k4d5e6f", "k7a8b9c")
GROUPS = ("girl", "boy", "other", "private")
ASKS_GROUP = {"techniekmarkt-2026"}


def visits(n_visits: int, seed: int = 1, filler: int = 0) -> list[list[Any]]:
    """Rows in ``EVENT_COLUMNS`` order for ``n_visits`` visits. ``filler``: that many extra
    events per visit (episode progress) so a bench log reaches a million events."""
    rnd = random.Random(seed)
    index = {c: i for i, c in enumerate(EVENT_COLUMNS)}
    rows: list[list[Any]] = []
    day0 = time.mktime((2026, 3, 12, 9, 0, 0, 0, 0, -1))
    for n in range(n_visits):
        day_no = n * 3 // max(1, n_visits)  # three days
        t = day0 + day_no * 86400 + (n % max(1, n_visits // 3)) * 25.0
        kiosk = KIOSKS[rnd.randrange(3)]
        event = EVENTS[rnd.randrange(3)]
        sid = f"{rnd.getrandbits(64):016x}"
        day = time.strftime("%Y-%m-%d", time.localtime(t))

        def add(kind: str, gap: float, kiosk: str = kiosk, day: str = day, event: str = event,
                sid: str = sid, **fields: Any) -> None:
            nonlocal t
            t += gap
            row: list[Any] = [None] * len(EVENT_COLUMNS)
            row[:6] = [kiosk, t, day, event, sid, kind]
            for name, value in fields.items():
                row[index[name]] = value
            rows.append(row)

        add("session_started", 0)
        asks = event != "zonder-vraag"
        lean = rnd.choice([0, 0, 1])  # how much a visit moves the answer up
        before: int | None = None
        if asks:
            add("screen_shown", 0.1, screen="pulse")
            add("pulse_asked", 0, phase="before")
            pick = rnd.random()
            if pick < 0.08:  # walks away at the question: the idle rules end the visit
                add("session_ended", 55, reason="idle")
                continue
            if pick < 0.25:
                add("pulse_skipped", 3, phase="before")
            else:
                before = rnd.choices((1, 2, 3, 4, 5), weights=(2, 3, 4, 3, 2))[0]
                add("pulse_answered", 3, phase="before", value=before)
                if event in ASKS_GROUP:
                    if rnd.random() < 0.85:
                        add("pulse_group", 2, answer=rnd.choices(GROUPS, (45, 45, 2, 6))[0])
        add("screen_shown", 0.1, screen="home")
        route = rnd.random()
        card = None
        if route < 0.45:
            add("screen_shown", 2, screen="game")
            add("game_started", 1, mode="solo")
            if rnd.random() < 0.8:
                add("game_finished", 60, jobs="lasser,elektromonteur", duration=60.0, mode="solo")
                add("screen_shown", 0.1, screen="result")
                card = "result"
            else:
                add("game_abandoned", 30, at_card=4)
        elif route < 0.8:
            add("screen_shown", 2, screen="episodes")
            add("screen_shown", 2, screen="player")
            add("episode_started", 0.1, episode_id="ads-s1e1", via="tile")
            for _ in range(filler):
                add("episode_progress", 0.5, episode_id="ads-s1e1", pct=50)
            if rnd.random() < 0.7:
                add("episode_finished", 12, episode_id="ads-s1e1", fraction=1.0)
                add("screen_shown", 0.1, screen="next_up")
                card = "next_up"
            else:
                add("episode_finished", 5, episode_id="ads-s1e1", fraction=0.4)
        if asks and card is not None:
            add("pulse_asked", 0, phase="after")
            pick = rnd.random()
            if pick < 0.6:
                base = before if before is not None else 3
                value = max(1, min(5, base + lean + rnd.choice((-1, 0, 0, 0, 1))))
                add("pulse_answered", 4, phase="after", value=value)
            elif pick < 0.75:
                add("pulse_skipped", 4, phase="after")
        add("session_ended", rnd.choice((5, 60)), reason=rnd.choice(("home", "idle")))
    return rows


def write(path: Path, rows: list[list[Any]]) -> Path:
    """A kiosk database at ``path`` holding ``rows``."""
    open_database(path, DEFAULT.store).close()
    conn = connect(path, DEFAULT.store)
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})", rows)
    conn.execute("COMMIT")
    conn.close()
    return path
