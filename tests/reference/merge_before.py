"""``kiosk merge`` as it was before the bulk load (main at 4863fcf), kept to compare against.

tests/unit/test_merge_same.py merges the same generated snapshots with this copy and with
``kiosk.insights.export.merge`` and compares the two files row for row: a faster merge must
produce the same database. Only the parts that decide what the file holds are copied (the
merge marks for readers and the CLI's printing are not).
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import Config
from kiosk.core.files import connect_read_only
from kiosk.insights.export import ExportError, check_source
from kiosk.storage.db import KIOSK_COLUMNS, open_database


@dataclass(frozen=True)
class Merged:
    source: Path
    added: int
    already_there: int


def merge(out: Path, sources: list[Path], config: Config,
          skipped: list[str] | None = None) -> list[Merged]:
    usable: list[Path] = []
    for source in sources:
        try:
            check_source(source)
            if out.exists() and source.resolve() == out.resolve():
                raise ExportError(f"{source}: is the output file itself; give another OUT.db")
        except ExportError as e:
            if skipped is None:
                raise
            skipped.append(str(e))
            continue
        usable.append(source)
    if not usable:
        return []
    if out.exists():
        return _merge_into(out, usable, config, skipped, new=False)
    building = out.with_name(f".{out.name}.{os.getpid()}.merging")
    _remove_database(building)
    try:
        results = _merge_into(building, usable, config, skipped, new=True)
        os.replace(building, out)
    finally:
        _remove_database(building)
    return results


def _remove_database(path: Path) -> None:
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        name.unlink(missing_ok=True)

def _merge_into(out: Path, usable: list[Path], config: Config, skipped: list[str] | None,
                new: bool) -> list[Merged]:
    conn = open_database(out, config.store)
    # The uid index takes random inserts: a large page cache keeps it in memory (merge runs
    # on the campaign laptop, not on a kiosk).
    conn.execute(f"PRAGMA cache_size = {-config.campaign.merge_cache_kib}")
    if new:
        # Nobody else has the file and a crash throws it away: no WAL (every page written
        # twice), no fsync. The journal stays, in memory, for a batch that fails and rolls
        # back (a new file's pages past its start are not even journalled).
        conn.execute("PRAGMA journal_mode = MEMORY")
        conn.execute("PRAGMA synchronous = OFF")
    else:
        # A merge that stops half-way is merged again (uids make that safe), so the per-commit
        # fsync of FULL buys nothing here; NORMAL still survives the process being killed.
        conn.execute("PRAGMA synchronous = NORMAL")
    results: list[Merged] = []
    try:
        _restore_indexes(conn)  # after a merge that was killed while they were dropped
        ours = [row[1] for row in conn.execute("PRAGMA main.table_info(events)") if row[1] != "id"]
        if _mostly_new(conn, usable):
            # Building an index from sorted rows once is far cheaper than inserting into it row by
            # row (30 snapshots of a million events: 12 s of CPU → 4 s); rebuilt in `finally`.
            for name in _BULK_INDEXES:
                conn.execute(f"DROP INDEX IF EXISTS {name}")
        # Up to SQLite's ten attached files per transaction: each commit writes every page of
        # the uid index it touched, and random uids touch most of them (one commit per source
        # wrote the index thirty times over for thirty snapshots).
        for start in range(0, len(usable), _ATTACH_MAX):
            batch = usable[start:start + _ATTACH_MAX]
            try:
                results += _merge_batch(conn, batch, ours)
            except sqlite3.Error:
                for source in batch:  # again one by one, to leave out only the one that fails
                    try:
                        results += _merge_batch(conn, [source], ours)
                    except sqlite3.Error as e:
                        _skip(f"{source}: cannot merge it ({e})", skipped)
    finally:
        try:
            _restore_indexes(conn)
            if new:  # the same mode as every kiosk database (open_database's)
                conn.execute("PRAGMA journal_mode = WAL")
            # Fold the WAL into the file: the merged .db is then one file to copy or browse.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    return results


_BULK_INDEXES = {
    "idx_events_kind": "CREATE INDEX IF NOT EXISTS idx_events_kind ON events (kind)",
    "idx_events_session_id": "CREATE INDEX IF NOT EXISTS idx_events_session_id "
                             "ON events (session_id)",
    "idx_events_ts": "CREATE INDEX IF NOT EXISTS idx_events_ts ON events (ts)",
}
"""The event indexes a merge may drop and build again (the schema's own; a test compares them
with a fresh database's). Not the figure indexes: each holds one kind's rows, which arrive
together, so keeping them up to date is cheaper than reading the whole table once for each."""


def _restore_indexes(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for sql in _BULK_INDEXES.values():
            conn.execute(sql)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _mostly_new(conn: sqlite3.Connection, sources: list[Path]) -> bool:
    """Whether the sources hold at least as many events as the merged file: then dropping the
    indexes and building them again after is cheaper than keeping them up to date."""
    have = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    incoming = -have  # more than twice as many: a folder merged again holds the old ones too
    for source in sources:
        src = connect_read_only(source)
        try:
            incoming += src.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
        except sqlite3.Error:
            pass  # counted as nothing; the merge itself says what is wrong with it
        finally:
            src.close()
        if incoming >= have:
            return True
    return False


_ATTACH_MAX = 10  # SQLite's default limit of attached databases


def _skip(message: str, skipped: list[str] | None) -> None:
    if skipped is None:
        raise ExportError(message)
    skipped.append(message)


def _merge_batch(conn: sqlite3.Connection, batch: list[Path], ours: list[str]) -> list[Merged]:
    """Merge ``batch`` in one transaction: all of it, or (raising ``sqlite3.Error``) none."""
    attached: list[str] = []
    try:
        for source in batch:
            conn.execute(f"ATTACH DATABASE ? AS src{len(attached)}", (str(source),))
            attached.append(f"src{len(attached)}")
        conn.execute("BEGIN IMMEDIATE")
        results = [_merge_one(conn, source, name, ours) for source, name in zip(batch, attached)]
        conn.execute("COMMIT")
        return results
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        for name in attached:
            conn.execute(f"DETACH DATABASE {name}")


def _merge_one(conn: sqlite3.Connection, source: Path, name: str, ours: list[str]) -> Merged:
    """Add the events and kiosk rows of the source attached as ``name``."""
    theirs = {row[1] for row in conn.execute(f"PRAGMA {name}.table_info(events)")}
    columns = ", ".join(c for c in ours if c in theirs)
    total = conn.execute(f"SELECT count(*) FROM {name}.events").fetchone()[0]
    # A snapshot merged before (a folder merged again, an outbox's older copies) adds nothing:
    # looking its uids up costs a third of offering every row (stops at the first new one).
    anything_new = conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM {name}.events s WHERE NOT EXISTS "
        "(SELECT 1 FROM main.events m WHERE m.uid = s.uid))").fetchone()[0]
    # In id order: a session's rows stay in the order the kiosk wrote them.
    added = conn.execute(f"INSERT OR IGNORE INTO main.events ({columns}) "
                         f"SELECT {columns} FROM {name}.events ORDER BY id").rowcount \
        if anything_new else 0
    _merge_kiosks(conn, name)
    return Merged(source, added, total - added)


def _merge_kiosks(conn: sqlite3.Connection, name: str = "src") -> None:
    """Upsert the source's kiosk rows (name, region, health); the newest ``updated_ts`` wins."""
    if not conn.execute(f"SELECT count(*) FROM {name}.sqlite_master WHERE type = 'table' "
                        "AND name = 'kiosks'").fetchone()[0]:
        return
    cols = ", ".join(KIOSK_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in KIOSK_COLUMNS[1:])
    # "WHERE true" lets SQLite parse the ON CONFLICT clause after a SELECT.
    conn.execute(f"INSERT INTO main.kiosks ({cols}) SELECT {cols} FROM {name}.kiosks WHERE true "
                 f"ON CONFLICT (kiosk_id) DO UPDATE SET {updates} "
                 "WHERE coalesce(excluded.updated_ts, 0) > coalesce(kiosks.updated_ts, 0)")


