"""The anonymous event log: ``record()`` from any thread, a writer thread commits in batches.

Privacy by construction: an event is a known kind plus a few fields, each an id, an enum value,
a number or a flag, checked here before it is queued. Anything else (free text, unknown fields,
NaN) never reaches the disk. ``EVENT_KINDS`` is the one list of kinds and fields; metrics import it.
"""
from __future__ import annotations

import atexit
import logging
import math
import re
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.config import StoreConfig
from kiosk.core.pulse import VALUES as PULSE_VALUES, Group, Phase
from kiosk.core.refusal import RefusalReason
from kiosk.core.taxonomy import CardVia, EpisodeVia
from kiosk.storage.db import EVENT_COLUMNS, UPSERT_KIOSK, connect, open_or_recover

log = logging.getLogger("kiosk.storage")

Check = Callable[[Any], Any]
"""Returns the value to store, or raises ``ValueError`` saying what was expected."""

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
_LANG = re.compile(r"[a-z]{2,3}\Z")
MAX_ID_CHARS = 64
MAX_JOBS = 10  # a game result lists a handful of jobs; more means a bug


_PHONE_LIKE = re.compile(r"\d{7,}")  # a phone number fits the id pattern; no id of ours has one


def _check_random_id(value: Any) -> str:
    """Session and kiosk ids are random hex, so a long run of digits may occur in them."""
    if isinstance(value, str) and len(value) <= MAX_ID_CHARS and _ID.match(value):
        return value
    raise ValueError(f"expected an id ([a-z0-9][a-z0-9_-]*, ≤ {MAX_ID_CHARS} chars)")


def check_id(value: Any) -> str:
    """An id from the pack or the code: pattern, length, and no phone-number-like digit run."""
    checked = _check_random_id(value)
    if _PHONE_LIKE.search(checked):
        raise ValueError("expected an id, got a long run of digits (a phone number?)")
    return checked


def _lang(value: Any) -> str:
    if isinstance(value, str) and _LANG.match(value):
        return value
    raise ValueError("expected a language code such as 'nl'")


def _enum(*allowed: str) -> Check:
    def check(value: Any) -> str:
        if value in allowed and isinstance(value, str):
            return value
        raise ValueError(f"expected one of {', '.join(allowed)}")
    check.allowed = frozenset(allowed)  # type: ignore[attr-defined]  # metrics may read it
    return check


def _number(low: float, high: float) -> Check:
    def check(value: Any) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
            if math.isfinite(number) and low <= number <= high:
                return number
        raise ValueError(f"expected a finite number from {low:g} to {high:g}")
    return check


def _count(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ValueError("expected a whole number ≥ 0")


def _flag(value: Any) -> int:
    if isinstance(value, bool) or value in (0, 1):
        return int(value)
    raise ValueError("expected true/false")


def _jobs(value: Any) -> str:
    items = value.split(",") if isinstance(value, str) else value
    if isinstance(items, (list, tuple)) and 0 < len(items) <= MAX_JOBS:
        return ",".join(check_id(item) for item in items)
    raise ValueError(f"expected 1 to {MAX_JOBS} job ids")


SESSION_END_REASONS = _enum("idle", "home", "admin", "error", "shutdown")
EPISODE_VIA = _enum(*(v.value for v in EpisodeVia))   # the one list: core.taxonomy
SWIPE_VIA = _enum(*(v.value for v in CardVia))
GAME_MODES = _enum("solo", "duo")
RESTART_REASONS = _enum("crash", "watchdog", "admin", "error")
PACK_REFUSAL_REASONS = _enum(*(r.value for r in RefusalReason))
PULSE_PHASES = _enum(*(p.value for p in Phase))
PULSE_GROUPS = _enum(*(g.value for g in Group))
# What a speaker button reads: a game card, a result's job card, a job's details, the parents'
# page (kiosk.ui.read_aloud).
READ_KINDS = ("card", "job", "details", "parents")


def _pulse_value(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value in PULSE_VALUES:
        return value
    raise ValueError(f"expected a whole number from {PULSE_VALUES[0]} to {PULSE_VALUES[-1]}")


def _version(value: Any) -> int | None:
    """A pack version; None when the archive was too damaged to say."""
    return None if value is None else _count(value)

EVENT_KINDS: dict[str, dict[str, Check]] = {
    "session_started": {},
    "session_ended": {"reason": SESSION_END_REASONS},
    "screen_shown": {"screen": check_id},
    "language_changed": {"lang": _lang},
    "episode_started": {"episode_id": check_id, "via": EPISODE_VIA},
    "episode_progress": {"episode_id": check_id, "pct": _number(0, 100)},   # percent
    "episode_finished": {"episode_id": check_id, "fraction": _number(0, 1)},  # share watched
    "episode_error": {"episode_id": check_id},
    "episode_liked": {"episode_id": check_id},   # "Vet!" on the player, once per clip and visit
    "card_swiped": {"card_id": check_id, "liked": _flag, "via": SWIPE_VIA},
    "card_undone": {"card_id": check_id},   # the visitor took back their last answer to it
    "game_started": {"mode": GAME_MODES},
    "game_finished": {"jobs": _jobs, "duration": _number(0, math.inf), "mode": GAME_MODES},
    "game_abandoned": {"at_card": _count},
    "qr_shown": {"purpose": check_id, "target": check_id},
    "admin_opened": {},
    "admin_pin_failed": {},
    "kiosk_started": {},
    "kiosk_restarted": {"reason": RESTART_REASONS},
    # Pack updates: the version goes in ``value``, the refusal reason (an enum) in ``reason``.
    "pack_installed": {"value": _count},
    "pack_refused": {"value": _version, "reason": PACK_REFUSAL_REASONS},
    # The campaign's question (kiosk.core.pulse): asked, a face 1–5, a skip, the optional group.
    "pulse_asked": {"phase": PULSE_PHASES},
    "pulse_answered": {"phase": PULSE_PHASES, "value": _pulse_value},
    "pulse_skipped": {"phase": PULSE_PHASES},
    "pulse_group": {"answer": PULSE_GROUPS},
    # A speaker button was tapped: which kind of text, in which language (never the text).
    "read_aloud": {"purpose": _enum(*READ_KINDS), "lang": _lang},
}
"""Every event kind and its fields (all required). Values are stored in same-named columns."""

KINDS = frozenset(EVENT_KINDS)
_FIELD_COLUMNS = EVENT_COLUMNS[6:]  # after kiosk_id, ts, day, event_id, session_id, kind
_INSERT = (f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})")

_Queued = tuple[float, str | None, str | None, str, dict[str, Any]]


class SteadyWallClock:
    """Wall-clock time that moves with the monotonic clock during a visit.

    NTP catching up at the fair can jump the wall clock by an hour; a visit's first and last
    event times give its dwell time, so a jump inside a visit must not reach them. Time is
    the wall clock read at the last ``resync()`` plus monotonic time since; the store resyncs
    whenever no visit is in progress, so a corrected clock is picked up before the next one.
    """

    def __init__(self, wall: Callable[[], float] | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._wall = wall or (lambda: time.time())  # looked up per call: tests move the clock
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self.resync()

    def resync(self) -> None:
        with self._lock:
            self._anchor = (self._wall(), self._monotonic())

    def __call__(self) -> float:
        with self._lock:
            wall, mono = self._anchor
        return wall + (self._monotonic() - mono)


class EventStore:
    """Append-only anonymous event log backed by one SQLite file.

    ``record()`` validates and queues (a few µs); a daemon thread commits whatever is queued
    every ``config.event_flush_interval_s``, so a killed process loses at most that much. When
    the disk refuses writes, events stay queued (up to ``config.event_queue_max``, oldest
    dropped first) and the writer retries every ``config.event_retry_s``.
    """

    def __init__(self, db_path: Path, kiosk_id: str, config: StoreConfig,
                 clock: Callable[[], float] | None = None,
                 on_connect: Callable[[sqlite3.Connection], None] | None = None) -> None:
        """Open (create, recover, migrate) the database and start the writer.

        Raises ``ValueError`` for a malformed ``kiosk_id`` and the ``kiosk.storage.db`` errors
        for an unusable data dir or database. ``on_connect`` is called with every connection
        the writer opens (tests use it to cap the file size).
        """
        self.kiosk_id = _check_random_id(kiosk_id)
        self.db_path = Path(db_path)
        self.config = config
        # default: wall time that a clock jump cannot move inside a visit (SteadyWallClock)
        self._steady = SteadyWallClock() if clock is None else None
        self._clock: Callable[[], float] = clock or self._steady  # type: ignore[assignment]
        self._on_connect = on_connect
        opened = open_or_recover(self.db_path, config)
        self.moved_aside: Path | None = opened.moved_aside
        self._db = opened.conn
        self._read_lock = threading.Lock()
        self._event_id: str | None = None
        self._queue: deque[_Queued] = deque()
        self._cond = threading.Condition()
        self._enqueued = 0        # events queued so far; guarded by _cond
        self._done = 0            # events written or dropped so far; guarded by _cond
        self.dropped = 0          # events lost because the disk refused them for too long
        self.writing_ok = True    # False while the disk refuses writes (admin may show it)
        self._warned: set[tuple[str, str]] = set()
        self._wake = threading.Event()
        self._stopping = False
        self._closed = False
        self._remember_kiosk_id()
        self.retention(config.retention_days)
        self._thread = threading.Thread(target=self._writer, name="kiosk-events", daemon=True)
        self._thread.start()
        atexit.register(self.close)  # a forgotten close() must not lose the last batch

    # --- recording (any thread, never raises) ---------------------------------------------

    @property
    def event_id(self) -> str | None:
        """The pack's current event (``None`` outside an event); stamped on each record."""
        return self._event_id

    @event_id.setter
    def event_id(self, value: str | None) -> None:
        try:
            self._event_id = None if value is None else check_id(value)
        except ValueError as e:
            log.warning("Event id %r not used for events: %s", value, e)
            self._event_id = None

    def record(self, kind: str, session_id: str | None = None, **fields: Any) -> bool:
        """Queue one event; returns False (and logs why) when it was rejected or dropped."""
        try:
            spec = EVENT_KINDS.get(kind)
            if spec is None:
                return self._reject(kind, "kind", f"unknown event kind {kind!r}")
            if session_id is not None:
                try:
                    _check_random_id(session_id)
                except ValueError as e:
                    return self._reject(kind, "session_id", str(e))
            clean: dict[str, Any] = {}
            for name, check in spec.items():
                if name not in fields:
                    return self._reject(kind, name, "missing")
                try:
                    clean[name] = check(fields[name])
                except ValueError as e:
                    return self._reject(kind, name, str(e))
            for name in fields.keys() - spec.keys():
                self._warn(kind, name, "unknown field dropped")
            if self._steady is not None and (session_id is None or kind == "session_started"):
                self._steady.resync()  # between visits: take up a corrected wall clock
            item = (self._clock(), self._event_id, session_id, kind, clean)
            with self._cond:
                if self._closed:
                    log.debug("Event %s after close() dropped", kind)
                    return False
                self._enqueued += 1
                self._queue.append(item)
            return True
        except Exception:  # a bug here must never reach the UI thread
            log.exception("Event %r not recorded", kind)
            return False

    def _reject(self, kind: str, field: str, message: str) -> bool:
        self._warn(kind, field, f"{message}; event not recorded")
        return False

    def _warn(self, kind: str, field: str, message: str) -> None:
        # Once per (kind, field) at WARNING: a bad call in a loop must not flood the log.
        level = logging.DEBUG if (kind, field) in self._warned else logging.WARNING
        self._warned.add((kind, field))
        log.log(level, "Event %s: field %s: %s", kind, field, message)

    # --- flushing and closing ---------------------------------------------------------------

    def flush(self, timeout: float | None = None) -> bool:
        """Write everything queued so far now; True when done within ``timeout``.

        ``timeout`` defaults to ``config.event_flush_timeout_s`` so a full disk never hangs
        the caller; the events stay queued either way.
        """
        limit = self.config.event_flush_timeout_s if timeout is None else timeout
        with self._cond:
            target = self._enqueued
            if self._done >= target:
                return True
        self._wake.set()
        with self._cond:
            return self._cond.wait_for(lambda: self._done >= target, limit)

    def close(self) -> None:
        """Flush, stop the writer and close the database. Safe to call twice."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
        atexit.unregister(self.close)
        self.flush()
        self._stopping = True
        self._wake.set()
        self._thread.join()
        with self._read_lock:
            self._db.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ----------------------------------------------------------------------------

    def count(self, kind: str | None = None, flush_timeout: float | None = None) -> int:
        """Number of stored events (of one kind); flushes first unless the disk is failing.

        ``flush_timeout``: wait at most this long for the flush (the UI thread passes a short
        one: a database held by another program must not freeze the screen)."""
        if self.writing_ok:
            self.flush(flush_timeout)
        sql = "SELECT count(*) FROM events"
        args: tuple[str, ...] = ()
        if kind is not None:
            sql, args = sql + " WHERE kind = ?", (kind,)
        with self._read_lock:
            return int(self._db.execute(sql, args).fetchone()[0])

    def unwritten(self) -> int:
        """Events recorded but not on disk yet (queued, or kept while the disk refuses them)."""
        with self._cond:
            return self._enqueued - self._done

    def sessions_count(self, flush_timeout: float | None = None) -> int:
        """Number of visitor sessions started (all days, all events)."""
        return self.count("session_started", flush_timeout)

    def retention(self, days: int) -> int:
        """Delete events older than ``days`` days; returns how many went.

        Age is measured from the newest stored event when the clock is ahead of it: an offline
        kiosk's clock can be years off, and a wrong clock must not wipe the log.
        """
        with self._read_lock:
            newest = self._db.execute("SELECT max(ts) FROM events").fetchone()[0]
            if newest is None:
                return 0
            cutoff = min(self._clock(), newest) - days * 86400.0
            cursor = self._db.execute("DELETE FROM events WHERE ts < ?", (cutoff,))
            deleted = cursor.rowcount
        if deleted:
            log.info("Retention: deleted %d events older than %d days", deleted, days)
        return deleted

    def update_kiosk(self, *, name: str, region: str, pack_id: str, pack_version: int,
                     health: dict[str, Any] | None = None) -> None:
        """Keep this kiosk's row in ``kiosks`` up to date (merge and reports read it).

        ``health`` None keeps the stored health summary."""
        import json

        with self._read_lock:
            if health is None:
                row = self._db.execute("SELECT health FROM kiosks WHERE kiosk_id = ?",
                                       (self.kiosk_id,)).fetchone()
                health_text = row[0] if row else None
            else:
                health_text = json.dumps(health, sort_keys=True)
            self._db.execute(UPSERT_KIOSK, (self.kiosk_id, name, region, pack_id, pack_version,
                                            health_text, self._clock()))

    def _remember_kiosk_id(self) -> None:
        with self._read_lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'kiosk_id'").fetchone()
            if row and row[0] != self.kiosk_id:
                log.info("Database %s had kiosk id %s, now %s", self.db_path, row[0], self.kiosk_id)
            self._db.execute("INSERT INTO meta (key, value) VALUES ('kiosk_id', ?) ON CONFLICT"
                             "(key) DO UPDATE SET value = excluded.value", (self.kiosk_id,))

    # --- writer thread ----------------------------------------------------------------------

    def _writer(self) -> None:
        pending: list[_Queued] = []
        conn: sqlite3.Connection | None = None
        while True:
            wait = (self.config.event_flush_interval_s if self.writing_ok
                    else self.config.event_retry_s)
            self._wake.wait(wait)
            self._wake.clear()
            stopping = self._stopping
            while self._queue:
                pending.append(self._queue.popleft())
            self._trim(pending)
            if pending:
                try:
                    if conn is None:
                        conn = connect(self.db_path, self.config)
                        if self._on_connect:
                            self._on_connect(conn)
                    self._insert(conn, pending)
                except Exception as e:  # noqa: BLE001 - disk full, I/O error, or a bug: keep going
                    self._failed(conn, e, len(pending))
                    conn = None
                else:
                    if not self.writing_ok:
                        log.warning("Writing events again (%d caught up)", len(pending))
                        self.writing_ok = True
                    self._mark_done(len(pending))
                    pending.clear()
            if stopping:
                break
        if pending:
            log.error("Closing with %d events that could not be written", len(pending))
        if conn is not None:
            conn.close()

    def _insert(self, conn: sqlite3.Connection, batch: list[_Queued]) -> None:
        rows = []
        for ts, event_id, session_id, kind, fields in batch:
            day = time.strftime("%Y-%m-%d", time.localtime(ts))
            rows.append((self.kiosk_id, ts, day, event_id, session_id, kind,
                         *(fields.get(column) for column in _FIELD_COLUMNS)))
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(_INSERT, rows)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _failed(self, conn: sqlite3.Connection | None, error: Exception, queued: int) -> None:
        """Log a write failure (once per bad spell) and drop the connection to reopen later."""
        if self.writing_ok:
            log.error("Cannot write events to %s (%s); keeping %d in memory, retrying every %g s",
                      self.db_path, error, queued, self.config.event_retry_s)
            self.writing_ok = False
        else:
            log.debug("Event write still failing: %s", error)
        if conn is not None:
            try:
                conn.close()
            except sqlite3.Error:
                pass
        return None

    def _trim(self, pending: list[_Queued]) -> None:
        excess = len(pending) - self.config.event_queue_max
        if excess > 0:
            del pending[:excess]  # keep the newest: the session in progress stays whole
            self.dropped += excess
            log.error("Dropped %d oldest unwritten events (%d dropped in all)", excess,
                      self.dropped)
            self._mark_done(excess)

    def _mark_done(self, n: int) -> None:
        with self._cond:
            self._done += n
            self._cond.notify_all()
