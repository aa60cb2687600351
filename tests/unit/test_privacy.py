"""Privacy: after a scripted day of visits, the database holds only ids, enums, numbers and
timestamps. Every column of every table must match a rule written here by hand; a new column
without a rule fails the test, so nobody adds a free-text field by accident.
"""
from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.storage.events import EventStore

ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}\Z")
Rule = Callable[[Any], bool]


def ident(v: Any) -> bool:
    return isinstance(v, str) and bool(ID.match(v))


def one_of(*allowed: str) -> Rule:
    return lambda v: v in allowed


def number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def pattern(regex: str) -> Rule:
    compiled = re.compile(regex + r"\Z")
    return lambda v: isinstance(v, str) and bool(compiled.match(v))


def job_list(v: Any) -> bool:
    return isinstance(v, str) and all(ID.match(j) for j in v.split(","))


KINDS = one_of("session_started", "session_ended", "screen_shown", "language_changed",
               "episode_started", "episode_progress", "episode_finished", "episode_error",
               "card_swiped", "card_undone", "game_started", "game_finished", "game_abandoned",
               "qr_shown",
               "admin_opened", "admin_pin_failed", "kiosk_started", "kiosk_restarted",
               "pack_installed", "pack_refused", "pulse_asked", "pulse_answered",
               "pulse_skipped", "pulse_group", "read_aloud")
PACK_REASONS = ("incomplete", "unsigned", "unknown_key", "bad_signature", "bad_manifest",
                "tampered", "missing_file", "extra_file", "unsafe_path", "too_big", "not_newer",
                "check_failed", "disk_full", "read_error")


def organiser_label(v: Any) -> bool:
    """Kiosk name and region: typed by the organiser ("Aula links"), short, one line."""
    return isinstance(v, str) and len(v) <= 60 and "\n" not in v


HEALTH_KEYS = {"pack_id", "pack_version", "uptime_s", "restarts", "restart_reasons",
               "errors_logged", "clips_skipped", "free_disk_bytes", "render_mode"}


def health(v: Any) -> bool:
    import json

    data = json.loads(v)
    return (set(data) == HEALTH_KEYS and all(ident(k) for k in data["restart_reasons"])
            and all(number(data[k]) for k in ("uptime_s", "restarts", "errors_logged",
                                               "clips_skipped")))
RULES: dict[str, dict[str, Rule]] = {
    "events": {
        "id": number, "uid": pattern(r"[0-9a-f]{32}"), "kiosk_id": ident, "ts": number,
        "day": pattern(r"\d{4}-\d{2}-\d{2}"), "event_id": ident, "session_id": ident,
        "kind": KINDS, "screen": ident, "lang": pattern(r"[a-z]{2,3}"),
        "reason": one_of("idle", "home", "admin", "error", "crash", "watchdog", *PACK_REASONS),
        "episode_id": ident, "via": one_of("tile", "autoplay", "game", "attract", "featured",
                                           "swipe", "button", "duel"),
        "pct": number, "fraction": number, "card_id": ident, "liked": one_of(0, 1),
        "mode": one_of("solo", "duo"), "jobs": job_list, "duration": number, "purpose": ident,
        "target": ident, "at_card": number, "value": number,
        # the campaign's question: a phase and one of four fixed groups, never anything typed
        "phase": one_of("before", "after"), "answer": one_of("girl", "boy", "other", "private"),
    },
    "meta": {"key": one_of("kiosk_id"), "value": ident},
    "kiosks": {"kiosk_id": ident, "name": organiser_label, "region": organiser_label,
               "pack_id": ident, "pack_version": number, "health": health, "updated_ts": number},
}

# What a careless caller might try to store; none of it may reach the file.
# (A bare "0612345678" would pass as an id: the id rule cannot tell; callers only pass pack ids.)
PERSONAL = ["Jan de Vries", "anouk@example.nl", "+31 6 12345678", "Hoi ik ben Sam", "Sam"]


def visit(store: EventStore, rnd: random.Random, now: list[float], n: int) -> None:
    """One visitor: a few screens, maybe a video, maybe the game, a QR, an end."""
    sid = f"{n:016x}"

    def rec(kind: str, **fields: Any) -> None:
        now[0] += rnd.uniform(1, 30)
        assert store.record(kind, sid, **fields), kind

    rec("session_started")
    rec("pulse_asked", phase="before")
    if rnd.random() < 0.7:
        rec("pulse_answered", phase="before", value=rnd.randint(1, 5))
        rec("pulse_group", answer=rnd.choice(["girl", "boy", "other", "private"]))
    else:
        rec("pulse_skipped", phase="before")
    rec("screen_shown", screen="home")
    if rnd.random() < 0.3:
        rec("language_changed", lang="en")
    if rnd.random() < 0.3:
        rec("read_aloud", purpose=rnd.choice(["card", "job", "details", "parents"]),
            lang=rnd.choice(["nl", "en"]))
    for _ in range(rnd.randint(0, 3)):
        ep = rnd.choice(["ads-s1e1", "toh-s1e2", "ouders-s1e1"])
        rec("episode_started", episode_id=ep, via=rnd.choice(["tile", "autoplay", "featured"]))
        rec("episode_progress", episode_id=ep, pct=50)
        if rnd.random() < 0.1:
            rec("episode_error", episode_id=ep)
        rec("episode_finished", episode_id=ep, fraction=rnd.random())
    if rnd.random() < 0.6:
        rec("game_started", mode=rnd.choice(["solo", "duo"]))
        for card in rnd.sample(["laadpaal", "lassen", "wifi", "boomhut", "game-level"], 4):
            rec("card_swiped", card_id=card, liked=rnd.random() < 0.5,
                via=rnd.choice(["swipe", "button", "duel"]))
        if rnd.random() < 0.2:
            rec("card_undone", card_id=card)
        if rnd.random() < 0.8:
            rec("game_finished", jobs=["lasser", "elektromonteur", "matroos"],
                duration=rnd.uniform(30, 200), mode="solo")
            rec("qr_shown", purpose="result", target="lasser")
        else:
            rec("game_abandoned", at_card=4)
    # A careless caller: every one of these must be refused or stripped.
    text = rnd.choice(PERSONAL)
    store.record("qr_shown", sid, purpose="company", target=text)
    store.record("screen_shown", sid, screen=text)
    store.record("language_changed", sid, lang=text)
    store.record("episode_started", sid, episode_id="ads-s1e1", via="tile", name=text)
    store.record("note", sid, text=text)
    store.record("session_started", text)
    store.record("pulse_group", sid, answer=text)  # a typed answer is never a group
    store.record("read_aloud", sid, purpose=text, lang="nl")  # the text read is never stored
    store.record("read_aloud", sid, purpose="job", lang="nl", text=text)
    store.record("pulse_answered", sid, phase="after", value=6)  # five faces, no sixth
    rec("session_ended", reason=rnd.choice(["idle", "home"]))


def test_a_day_of_visits_stores_nothing_personal(tmp_path: Path) -> None:
    rnd = random.Random(7)
    now = [1_773_302_400.0]  # 2026-03-12 08:00 UTC
    db = tmp_path / "kiosk.db"
    store = EventStore(db, "k0a1b2c3", Config().store, clock=lambda: now[0])
    store.event_id = "open-dag-2026"
    store.record("kiosk_started")
    for n in range(120):
        visit(store, rnd, now, n)
        if n % 40 == 0:
            store.record("admin_pin_failed")
            store.record("admin_opened")
    store.record("kiosk_restarted", reason="watchdog")
    store.record("pack_refused", value=4, reason="unknown_key")
    store.record("pack_installed", value=5)
    from kiosk.campaign.identity import health as health_summary

    store.update_kiosk(name="Aula links", region="Zwolle", pack_id="bliq-zwolle", pack_version=5,
                       health=health_summary(tmp_path, pack_id="bliq-zwolle", pack_version=5,
                                             uptime_s=3600.0, clips_skipped=1,
                                             render_mode="full", config=Config()))
    store.close()

    conn = sqlite3.connect(db)
    found = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    assert found == set(RULES), "a table without privacy rules"
    checked = 0
    for table, rules in RULES.items():
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        assert set(columns) == set(rules), f"{table}: columns without privacy rules"
        for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table}"):
            for column, value in zip(columns, row, strict=True):
                if value is not None:
                    assert rules[column](value), f"{table}.{column} holds {value!r}"
                    checked += 1
    assert conn.execute("SELECT count(DISTINCT session_id) FROM events").fetchone()[0] == 120
    assert checked > 10_000
    conn.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("kiosk.db"))
    for text in PERSONAL:
        assert text.encode() not in raw
