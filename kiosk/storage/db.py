"""The kiosk's SQLite file: opening, recovery, WAL and ``PRAGMA user_version`` migrations.

Durability: WAL with ``synchronous=FULL``. With NORMAL, a killed *process* would lose nothing
committed, but a *power cut* could lose every transaction since the last checkpoint (the WAL is
only fsynced then: up to ~1000 pages, i.e. hours of a quiet kiosk), which breaks the "at most the
last second" rule. FULL fsyncs the WAL at each commit; the writer commits at most every 0.25 s,
off the UI thread, and a commit measured 0.2 ms median / 2 ms p99 on the dev VM. Neither mode
corrupts the database on a crash or power cut.

A merged database (``kiosk merge``) needs a key that stays unique across kiosks and across a
kiosk's own database being moved aside and recreated: every event gets a random 128-bit ``uid``
(a column default, so writers never have to remember it). A ``(kiosk_id, seq)`` key would
collide after a corrupt file is replaced, because ``seq`` would restart at 1.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import StoreConfig
from kiosk.storage import figure_indexes
from kiosk.storage.figure_indexes import FIGURE_INDEXES
from kiosk.core.files import connect_read_only, prove_writable

log = logging.getLogger("kiosk.storage")

# SQLite primary result codes that mean "this file is damaged", not "busy" or "no permission".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file


class DatabaseError(Exception):
    """Base of the storage errors the app turns into one line for the operator."""


class DataDirError(DatabaseError):
    """The data dir cannot be created or written."""


class DatabaseVersionError(DatabaseError):
    """The file was written by a newer kiosk; we leave it untouched."""


class ForeignDatabaseError(DatabaseError):
    """A SQLite file of another program whose tables clash with ours."""


@dataclass(frozen=True)
class OpenResult:
    """An open database plus what happened on the way (for the app's log and admin screen)."""

    conn: sqlite3.Connection
    moved_aside: Path | None     # where a corrupt file was moved to, if it was
    backup: Path | None          # copy made before migrating a non-empty file
    from_version: int            # schema version found on disk (0 for a new file)


# --- schema -------------------------------------------------------------------------------

EVENT_COLUMNS: tuple[str, ...] = (
    "kiosk_id", "ts", "day", "event_id", "session_id", "kind",
    "screen", "reason", "lang", "episode_id", "via", "pct", "fraction", "card_id", "liked",
    "mode", "jobs", "duration", "purpose", "target", "at_card", "value", "phase", "answer",
)
"""Columns a writer fills (``id`` and ``uid`` fill themselves), in insert order."""


def _run(conn: sqlite3.Connection, *statements: str) -> None:
    # One execute per statement: executescript() would COMMIT our migration transaction.
    for sql in statements:
        conn.execute(sql)


def _v1_events(conn: sqlite3.Connection) -> None:
    """Version 1: the anonymous event log and a key/value table (kiosk_id)."""
    _run(
        conn,
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
            kiosk_id TEXT NOT NULL,
            ts REAL NOT NULL,
            day TEXT NOT NULL,
            event_id TEXT,
            session_id TEXT,
            kind TEXT NOT NULL,
            screen TEXT, reason TEXT, lang TEXT, episode_id TEXT, via TEXT,
            pct REAL, fraction REAL, card_id TEXT, liked INTEGER, mode TEXT, jobs TEXT,
            duration REAL, purpose TEXT, target TEXT, at_card INTEGER, value REAL
        )""",
        "CREATE INDEX idx_events_kind ON events (kind)",
        "CREATE INDEX idx_events_session_id ON events (session_id)",
        "CREATE INDEX idx_events_ts ON events (ts)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    )


def _v2_kiosks(conn: sqlite3.Connection) -> None:
    """Version 2: one row per kiosk (name, region, pack, health) so merged files say who is who.

    ``health`` is a JSON object; ``updated_ts`` decides which row wins when merging."""
    _run(
        conn,
        """CREATE TABLE kiosks (
            kiosk_id TEXT PRIMARY KEY,
            name TEXT,
            region TEXT,
            pack_id TEXT,
            pack_version INTEGER,
            health TEXT,
            updated_ts REAL
        )""",
    )


KIOSK_COLUMNS: tuple[str, ...] = ("kiosk_id", "name", "region", "pack_id", "pack_version",
                                  "health", "updated_ts")

UPSERT_KIOSK = (
    f"INSERT INTO kiosks ({', '.join(KIOSK_COLUMNS)}) VALUES ({', '.join('?' * 7)}) "
    "ON CONFLICT (kiosk_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in KIOSK_COLUMNS[1:])
    + " WHERE excluded.updated_ts >= coalesce(kiosks.updated_ts, 0)"
)
"""Insert or update one kiosk row; an older row never replaces a newer one."""


def _v3_pulse(conn: sqlite3.Connection) -> None:
    """Version 3: the campaign's question: ``phase`` (before/after) and the group ``answer``.

    Adding a column with no default rewrites nothing: a big log migrates in an instant."""
    _run(conn, "ALTER TABLE events ADD COLUMN phase TEXT",
         "ALTER TABLE events ADD COLUMN answer TEXT")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1_events, _v2_kiosks, _v3_pulse]
"""Migration N (index N-1) brings a database from version N-1 to N. Append only."""

LATEST_VERSION = len(MIGRATIONS)


# --- opening ------------------------------------------------------------------------------

def connect(path: Path, config: StoreConfig, *,
            any_thread: bool = False) -> sqlite3.Connection:
    """A connection with our per-connection settings; transactions are explicit (autocommit)."""
    conn = sqlite3.connect(
        str(path), timeout=config.db_busy_timeout_s, isolation_level=None,
        check_same_thread=not any_thread,
    )
    conn.execute(f"PRAGMA busy_timeout = {int(config.db_busy_timeout_s * 1000)}")
    conn.execute("PRAGMA synchronous = FULL")  # see the module docstring
    return conn


def open_database(path: Path, config: StoreConfig) -> sqlite3.Connection:
    """Open (create, recover, migrate) the database and return it; a recovery is logged."""
    return open_or_recover(path, config).conn


def open_or_recover(path: Path, config: StoreConfig) -> OpenResult:
    """Open the kiosk database at ``path``, ready for writing at ``LATEST_VERSION``.

    A corrupt file is moved aside (with its -wal/-shm) and a fresh one started. Raises
    ``DataDirError`` (dir unusable), ``DatabaseVersionError`` (file from a newer kiosk; left
    untouched) or ``ForeignDatabaseError`` (another program's tables are in the way).
    """
    path = Path(path)
    _ensure_writable_dir(path.parent)
    moved: Path | None = None
    try:
        version = _inspect(path, config)
    except _Corrupt as e:
        moved = _move_aside(path)
        log.warning("Database %s was damaged (%s); moved it to %s and started a fresh one",
                    path, e, moved)
        version = 0
    if version > LATEST_VERSION:
        raise DatabaseVersionError(
            f"{path}: database version {version} is newer than this kiosk knows "
            f"({LATEST_VERSION}); update the kiosk software or use another --data dir"
        )
    conn = connect(path, config, any_thread=True)
    try:
        backup = _backup_if_needed(conn, path, version)
        _migrate(conn, path, version)  # before WAL: a failed migration leaves the file as it was
        _add_figure_indexes(conn)
        conn.execute("PRAGMA journal_mode = WAL")  # persistent: stored in the file
    except BaseException:
        conn.close()
        raise
    return OpenResult(conn, moved, backup, version)


class _Corrupt(Exception):
    pass


def _ensure_writable_dir(folder: Path) -> None:
    """Create ``folder`` and prove we can write there, or raise a one-line ``DataDirError``."""
    try:
        prove_writable(folder)
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise DataDirError(
            f"Cannot write to the data dir {folder} ({reason}); choose another with --data DIR"
        ) from None


def _inspect(path: Path, config: StoreConfig) -> int:
    """The file's schema version; raises ``_Corrupt`` when SQLite says the file is damaged."""
    if not path.exists() or (path.stat().st_size == 0 and not Path(f"{path}-wal").exists()):
        return 0
    try:
        with path.open("rb") as f:
            header = f.read(len(_HEADER))
    except OSError as e:
        raise DataDirError(f"Cannot read the database {path} ({e.strerror}); "
                           "check the --data dir") from None
    if header and header != _HEADER:
        # Not SQLite at all: say so before SQLite opens it, which could discard its -wal.
        raise _Corrupt("file is not a database")
    try:
        conn = sqlite3.connect(str(path), timeout=config.db_busy_timeout_s,
                               isolation_level=None)
    except sqlite3.Error as e:
        raise DataDirError(f"Cannot open the database {path} ({e}); check the --data dir") from None
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version <= LATEST_VERSION:  # a newer file is not ours to judge (or move)
            # quick_check: the same page/record checks as integrity_check minus the
            # index-vs-table cross-check, which would slow the start on a big log.
            result = [row[0] for row in conn.execute("PRAGMA quick_check")]
            if result != ["ok"]:
                raise _Corrupt(result[0])
        return version
    except sqlite3.DatabaseError as e:
        if (getattr(e, "sqlite_errorcode", 0) & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise _Corrupt(str(e)) from None
        raise DataDirError(
            f"Cannot open the database {path} ({e}); is another kiosk using this --data dir?"
        ) from None
    finally:
        conn.close()


def _stamp() -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())


def _free_name(base: Path) -> Path:
    """``base`` or ``base-2``, ``base-3`` … whichever does not exist yet (never overwrite)."""
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


def _move_aside(path: Path) -> Path:
    """Rename a damaged file (and its -wal/-shm) to ``<name>.corrupt-<UTC time>``; keep it."""
    target = _free_name(path.with_name(f"{path.name}.corrupt-{_stamp()}"))
    try:
        os.replace(path, target)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{target}{suffix}"))
    except OSError as e:
        raise DataDirError(f"Cannot move the damaged database {path} aside "
                           f"({e.strerror})") from None
    return target


def _backup_if_needed(conn: sqlite3.Connection, path: Path, version: int) -> Path | None:
    """Copy a non-empty file before migrating it, with SQLite's consistent online backup."""
    if version >= LATEST_VERSION:
        return None
    if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
        return None
    target = _free_name(path.with_name(f"{path.name}.v{version}-backup-{_stamp()}"))
    copy = sqlite3.connect(str(target))
    try:
        conn.backup(copy)
    finally:
        copy.close()
    log.info("Backed up %s to %s before migrating from version %d", path, target, version)
    return target


def _migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Run migrations ``version+1 … LATEST_VERSION``, each in its own transaction."""
    for number in range(version + 1, LATEST_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            conn.execute("ROLLBACK")
            raise ForeignDatabaseError(
                f"{path}: cannot bring the database to version {number} ({e}); "
                "it may belong to another program; use another --data dir"
            ) from None
        log.info("Migrated %s to database version %d", path, number)


def _add_figure_indexes(conn: sqlite3.Connection) -> None:
    """The indexes the figures read through (``kiosk.storage.figure_indexes``), where missing.

    Not a migration: a file with or without them is the same file to every reader, so older
    software keeps reading (and merging) it. On a file that has them this is a look at the
    schema; on a big log from before them, a one-off build (about 2 s a million events)."""
    missing = [name for name in FIGURE_INDEXES if name not in figure_indexes.present(conn)]
    if not missing:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for name in missing:
            conn.execute(figure_indexes.create_sql(name))
        conn.execute("COMMIT")
    except sqlite3.Error as e:  # only the figures get slower: the kiosk goes on
        conn.execute("ROLLBACK")
        log.warning("Could not add the figure indexes to the database (%s)", e)
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class UnreadableDatabaseError(DatabaseError):
    """A file that is not a kiosk database this software can read; the message names the file."""


def open_kiosk_db_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a kiosk database (reports, merges), or an
    ``UnreadableDatabaseError`` saying why not: unreadable, from a newer kiosk, or no events."""
    try:
        conn = connect_read_only(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_events = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                      "AND name = 'events'").fetchone()[0]
        except sqlite3.Error:
            conn.close()
            raise
    except sqlite3.Error as e:
        raise UnreadableDatabaseError(f"{path}: cannot read it as a kiosk database ({e})") from None
    problem = ""
    if version > LATEST_VERSION:
        problem = (f"{path}: written by a newer kiosk (database version {version}); "
                   "update this kiosk software first")
    elif not has_events:
        problem = f"{path}: not a kiosk database (it has no events table)"
    if problem:
        conn.close()
        raise UnreadableDatabaseError(problem)
    return conn
