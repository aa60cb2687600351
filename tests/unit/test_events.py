"""The anonymous event store: validation, batching, flush/close, retention, a full disk."""
from __future__ import annotations

import logging
import math
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import DEFAULT, Config
from kiosk.storage.events import EVENT_KINDS, EventStore

DAY = 86400.0
# 2025-12-31 23:30 UTC = 2026-01-01 00:30 in Amsterdam (UTC+1 in winter): the local day differs.
NEW_YEAR_NIGHT = 1767223800.0


class Clock:
    """A settable clock so timestamps and retention are worked out by hand."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NEW_YEAR_NIGHT)


@pytest.fixture
def store(data_dir: Path, clock: Clock) -> Iterator[EventStore]:
    s = EventStore(data_dir / "kiosk.db", "kiosk-a", DEFAULT.store, clock=clock)
    yield s
    s.close()


def rows(path: Path, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Read through a separate connection, as `kiosk stats` would."""
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_an_event_is_stored_with_its_fields(store: EventStore, amsterdam: None) -> None:
    store.event_id = "open-dag-2026"
    assert store.record("episode_started", "s1", episode_id="ads-s1e1", via="tile")
    assert store.flush()
    got = rows(store.db_path, "SELECT kiosk_id, ts, day, event_id, session_id, kind, episode_id, "
                              "via, screen FROM events")
    assert got == [("kiosk-a", NEW_YEAR_NIGHT, "2026-01-01", "open-dag-2026", "s1",
                    "episode_started", "ads-s1e1", "tile", None)]


def test_typed_fields_are_converted(store: EventStore) -> None:
    assert store.record("card_swiped", "s1", card_id="laadpaal", liked=True, via="swipe")
    assert store.record("game_finished", "s1", jobs=["lasser", "cnc-operator"], duration=93,
                        mode="duo")
    assert store.record("episode_progress", "s1", episode_id="e1", pct=50)
    store.flush()
    assert rows(store.db_path, "SELECT liked, jobs, duration, pct FROM events ORDER BY id") == [
        (1, None, None, None), (None, "lasser,cnc-operator", 93.0, None), (None, None, None, 50.0)]


@pytest.mark.parametrize("kind, fields", [
    ("screen_shown", {"screen": "Hallo ik ben Sanne"}),        # free text
    ("screen_shown", {"screen": "x" * 65}),                   # too long for an id
    ("screen_shown", {"screen": "Home"}),                     # ids are lower case
    ("screen_shown", {}),                                     # missing field
    ("session_ended", {"reason": "bored"}),                   # not in the enum
    ("episode_progress", {"episode_id": "e1", "pct": math.nan}),
    ("episode_progress", {"episode_id": "e1", "pct": 101}),
    ("episode_finished", {"episode_id": "e1", "fraction": "0.5"}),  # a string is not a number
    ("card_swiped", {"card_id": "c1", "liked": "yes", "via": "swipe"}),
    ("game_finished", {"jobs": ["lasser", "Sanne de Vries"], "duration": 1.0, "mode": "solo"}),
    ("game_finished", {"jobs": [], "duration": 1.0, "mode": "solo"}),
    ("game_abandoned", {"at_card": -1}),
    ("game_abandoned", {"at_card": True}),
    ("language_changed", {"lang": "Nederlands"}),
    ("qr_shown", {"purpose": "channel", "target": object()}),  # odd types never raise
    ("visitor_name", {}),                                     # unknown kind
])
def test_anything_but_ids_enums_and_numbers_is_rejected(store: EventStore, kind: str,
                                                        fields: dict[str, Any]) -> None:
    assert store.record(kind, "s1", **fields) is False
    assert store.count() == 0


def test_a_session_id_with_free_text_is_rejected(store: EventStore) -> None:
    assert store.record("session_started", "Sanne, 14 jaar") is False
    assert store.count() == 0


def test_unknown_fields_are_dropped_and_the_event_kept(store: EventStore,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.storage"):
        assert store.record("screen_shown", "s1", screen="home", name="Sanne")
        assert store.record("screen_shown", "s1", screen="game", name="Sanne")
    store.flush()
    assert rows(store.db_path, "SELECT screen FROM events ORDER BY id") == [("home",), ("game",)]
    assert "name" not in {r[1] for r in rows(store.db_path, "PRAGMA table_info(events)")}
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "name" in warnings[0].getMessage()  # once, not per event


def test_every_kind_field_has_a_column(data_dir: Path) -> None:
    with EventStore(data_dir / "kiosk.db", "kiosk-a", DEFAULT.store) as s:
        columns = {r[1] for r in rows(s.db_path, "PRAGMA table_info(events)")}
    fields = {name for spec in EVENT_KINDS.values() for name in spec}
    assert fields - columns == set()
    # the storage brief's 17, counted by hand, plus card_undone, pack_installed, pack_refused,
    # episode_liked and the campaign's question: pulse_asked, pulse_answered, pulse_skipped,
    # pulse_group; read_aloud
    assert len(EVENT_KINDS) == 26


def test_invalid_event_id_is_not_stamped(store: EventStore) -> None:
    store.event_id = "Open Dag!"
    assert store.event_id is None
    store.record("kiosk_started")
    store.flush()
    assert rows(store.db_path, "SELECT event_id FROM events") == [(None,)]


def test_bad_kiosk_id_is_refused(data_dir: Path) -> None:
    with pytest.raises(ValueError, match="id"):
        EventStore(data_dir / "kiosk.db", "Kiosk van Jan", DEFAULT.store)


def test_kiosk_id_is_kept_in_meta(store: EventStore) -> None:
    assert rows(store.db_path, "SELECT value FROM meta WHERE key = 'kiosk_id'") == [("kiosk-a",)]


def test_batching_commits_many_events_per_transaction(data_dir: Path) -> None:
    commits: list[str] = []

    def trace(conn: sqlite3.Connection) -> None:
        conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)

    with EventStore(data_dir / "kiosk.db", "kiosk-a", DEFAULT.store, on_connect=trace) as s:
        for n in range(1000):
            assert s.record("game_abandoned", "s1", at_card=n)
        assert s.flush()
        assert s.count("game_abandoned") == 1000
    # One commit per event would be 1000; the writer wakes every 0.25 s.
    assert 1 <= len(commits) < 50
    assert rows(s.db_path, "SELECT min(at_card), max(at_card), count(DISTINCT uid) FROM events") \
        == [(0, 999, 1000)]


def test_records_from_several_threads_all_arrive(store: EventStore) -> None:
    def work(t: int) -> None:
        for n in range(250):
            store.record("game_abandoned", f"thread-{t}", at_card=n)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.count() == 1000
    assert rows(store.db_path, "SELECT count(DISTINCT session_id) FROM events") == [(4,)]


def test_close_writes_what_is_queued_and_is_idempotent(data_dir: Path) -> None:
    s = EventStore(data_dir / "kiosk.db", "kiosk-a", DEFAULT.store)
    for _ in range(3):
        s.record("admin_pin_failed")
    s.close()
    s.close()
    assert s.record("admin_opened") is False  # after close: dropped, never raised
    assert rows(s.db_path, "SELECT kind, count(*) FROM events GROUP BY kind") == \
        [("admin_pin_failed", 3)]


def test_counts(store: EventStore) -> None:
    for sid in ("s1", "s2", "s3"):
        store.record("session_started", sid)
        store.record("screen_shown", sid, screen="home")
    store.record("session_ended", "s1", reason="idle")
    assert (store.count(), store.count("screen_shown"), store.sessions_count()) == (7, 3, 3)


def test_retention_deletes_old_events(data_dir: Path, clock: Clock) -> None:
    t = clock.now
    with EventStore(data_dir / "kiosk.db", "kiosk-a", DEFAULT.store, clock=clock) as s:
        for age_days, card in ((10, 1), (5, 2), (1, 3)):
            clock.now = t - age_days * DAY
            s.record("game_abandoned", "s1", at_card=card)
        clock.now = t
        s.flush()
        assert s.retention(3) == 2   # 10 and 5 days old go, 1 day old stays
        assert rows(s.db_path, "SELECT at_card FROM events") == [(3,)]


def test_retention_runs_on_start(data_dir: Path, clock: Clock) -> None:
    t = clock.now
    with EventStore(data_dir / "kiosk.db", "kiosk-a", DEFAULT.store, clock=clock) as s:
        clock.now = t - 30 * DAY
        s.record("kiosk_started")
        clock.now = t
        s.record("kiosk_started")
    with EventStore(data_dir / "kiosk.db", "kiosk-a", DEFAULT.with_(retention_days=7).store, clock=clock) as s:
        assert s.count() == 1


def test_a_clock_years_ahead_does_not_wipe_the_log(data_dir: Path, clock: Clock) -> None:
    t = clock.now
    with EventStore(data_dir / "kiosk.db", "kiosk-a", DEFAULT.store, clock=clock) as s:
        for age_days in (2, 1):
            clock.now = t - age_days * DAY
            s.record("kiosk_started")
        s.flush()
        clock.now = t + 1000 * DAY  # the RTC battery died and the clock jumped
        # Measured from the newest event (t - 1 day), nothing is older than 3 days.
        assert s.retention(3) == 0
        assert s.count() == 2


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for a condition set by the writer thread (like qtbot.waitUntil)."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        pause.wait(0.005)


def disk_limit() -> tuple[dict[str, int], Any]:
    """A writer hook that caps the file at ``limit["pages"]`` pages (SQLITE_FULL beyond)."""
    limit = {"pages": 0}

    def cap(conn: sqlite3.Connection) -> None:
        pages = limit["pages"] or conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")

    return limit, cap


def small_disk_config(**changes: Any) -> Config:
    return DEFAULT.with_(event_retry_s=0.05, event_flush_timeout_s=2.0, **changes)


def test_full_disk_keeps_events_queued_and_writes_them_later(
        data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    limit, cap = disk_limit()
    with caplog.at_level(logging.DEBUG, logger="kiosk.storage"):
        with EventStore(data_dir / "kiosk.db", "kiosk-a", small_disk_config().store, on_connect=cap) as s:
            for n in range(500):  # far more than the few free rows of the current pages
                assert s.record("game_abandoned", "s1", at_card=n)
            assert s.flush(timeout=0.0) is False  # wakes the writer, which hits the limit
            wait_until(lambda: not s.writing_ok)
            assert rows(s.db_path, "SELECT count(*) FROM events") == [(0,)]
            assert s.record("game_abandoned", "s1", at_card=500)  # the UI keeps recording
            limit["pages"] = 1_000_000  # space again: the writer reconnects on its retry
            assert s.flush()
            assert s.writing_ok is True
            assert rows(s.db_path, "SELECT count(*), min(at_card), max(at_card) FROM events") \
                == [(501, 0, 500)]
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "full" in errors[0].getMessage()  # logged once, not per retry


def test_full_disk_for_long_drops_the_oldest_beyond_the_bound(data_dir: Path) -> None:
    limit, cap = disk_limit()
    config = small_disk_config(event_queue_max=100)
    with EventStore(data_dir / "kiosk.db", "kiosk-a", config.store, on_connect=cap) as s:
        for n in range(250):
            s.record("game_abandoned", "s1", at_card=n)
        s.flush(timeout=0.0)
        wait_until(lambda: not s.writing_ok)
        limit["pages"] = 1_000_000
        assert s.flush()
        assert s.dropped == 150
    # The newest 100 (150…249) are kept: the session in progress stays whole.
    assert rows(s.db_path, "SELECT count(*), min(at_card), max(at_card) FROM events") == \
        [(100, 150, 249)]


def test_a_corrupt_database_is_replaced_and_reported(data_dir: Path) -> None:
    path = data_dir / "kiosk.db"
    path.write_bytes(b"\x00garbage" * 512)
    with EventStore(path, "kiosk-a", DEFAULT.store) as s:
        assert s.moved_aside is not None and s.moved_aside.exists()
        assert s.record("kiosk_started")
        assert s.count() == 1


def test_a_phone_number_is_never_stored_as_an_id(tmp_path):
    store = EventStore(tmp_path / "k.db", "kiosk1", DEFAULT.store)
    try:
        assert store.record("qr_shown", "s1", purpose="company", target="0612345678") is False
        assert store.record("qr_shown", "s1", purpose="company", target="voltwerk") is True
        store.flush()
        assert store.count("qr_shown") == 1
    finally:
        store.close()


def test_random_kiosk_and_session_ids_may_hold_digit_runs(tmp_path):
    """They are random hex (k + 12 hex, 16 hex): seven digits in a row happen by chance."""
    store = EventStore(tmp_path / "k.db", "k1234567890ab", DEFAULT.store)
    try:
        assert store.record("session_started", "0123456789abcdef") is True
    finally:
        store.close()
