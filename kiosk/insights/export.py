"""CSV export (and reading it back) and merging the databases of several kiosks.

CSV format, chosen to open with a double-click in Excel with Dutch regional settings *and* in
LibreOffice Calc:

- ``;`` between fields: Excel splits a .csv on the system's list separator, which is ``;`` in
  nl-NL (``,`` would put every row in one cell). LibreOffice asks in its import dialog and
  recognises ``;``. No ``sep=;`` first line: Excel then ignores the BOM (mangling é, ë) and
  LibreOffice shows it as a data row.
- UTF-8 with a BOM: without it Excel reads the file as Windows-1252; LibreOffice honours it too.
- Decimal comma (``0,75``): nl-NL Excel reads ``0.75`` as text or as 75 (``.`` groups
  thousands there); LibreOffice with a Dutch locale reads the comma. Numbers never use thousand
  separators or exponents, so reading back is exact.
- CRLF line ends (the csv module's default), which both read; fields are quoted only when needed.
- Beside ``ts`` (epoch seconds, exact, for re-import) the events file has a ``time`` column with
  the local date and time (``2026-03-12 09:00:00``) that both programs show as a date.
"""
from __future__ import annotations

import csv
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from kiosk.config import Config
from kiosk.core.files import connect_read_only
from kiosk.core.pulse import EVENT_KINDS as PULSE_KINDS
from kiosk.storage.db import (
    KIOSK_COLUMNS, DatabaseError, UnreadableDatabaseError, connect, open_database,
    open_kiosk_db_read_only,
)

DELIMITER = ";"
ENCODING = "utf-8-sig"  # writes the BOM; strips it when reading


class ExportError(Exception):
    """A file cannot be read or written; the message names it and says what to do."""


# --- CSV ------------------------------------------------------------------------------------

def format_value(value: Any) -> str:
    """One cell: empty for NULL, decimal comma for reals, never an exponent."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)  # shortest text that reads back to the same float
        if "e" in text or "E" in text:
            text = f"{value:.20f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return str(value)


def _writer(f: Any) -> Any:
    return csv.writer(f, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")


def tables(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]


def write_table(conn: sqlite3.Connection, table: str, path: Path) -> int:
    """Write one table to ``path``; returns the number of rows."""
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    with_time = table == "events" and "ts" in columns
    header = list(columns)
    if with_time:
        header.insert(columns.index("ts") + 1, "time")
    order = " ORDER BY id" if "id" in columns else ""
    # The campaign's question leaves only as sums (summary.csv, the report), never per visit.
    only = (f" WHERE kind NOT IN ({', '.join(repr(k) for k in PULSE_KINDS)})"
            if table == "events" and "kind" in columns else "")
    cursor = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}"{only}{order}')
    n = 0
    with path.open("w", encoding=ENCODING, newline="") as f:
        out = _writer(f)
        out.writerow(header)
        ts_at = columns.index("ts") if with_time else -1
        for row in cursor:
            cells = [format_value(v) for v in row]
            if with_time:
                cells.insert(ts_at + 1, time.strftime("%Y-%m-%d %H:%M:%S",
                                                      time.localtime(row[ts_at])))
            out.writerow(cells)
            n += 1
    return n


def write_rows(path: Path, header: list[str], rows: Iterable[Iterable[Any]]) -> None:
    with path.open("w", encoding=ENCODING, newline="") as f:
        out = _writer(f)
        out.writerow(header)
        for row in rows:
            out.writerow([format_value(v) for v in row])


# --- merge ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Merged:
    """What one input added to the merged file."""

    source: Path
    added: int
    already_there: int
    kiosk_counts: tuple[str, int, int] | None = None
    """For an input of one kiosk whose rows all went into a new file: (kiosk id, events,
    sessions), what ``per_kiosk`` would count for it there (it need not read the file)."""


def check_source(path: Path) -> None:
    """Raise ``ExportError`` unless ``path`` is a kiosk database we can read."""
    if not path.is_file():
        raise ExportError(f"{path}: no such file (give the kiosk.db of each kiosk)")
    try:
        open_kiosk_db_read_only(path).close()
    except UnreadableDatabaseError as e:
        raise ExportError(str(e)) from None


def expand_inputs(inputs: list[Path]) -> tuple[list[Path], list[str]]:
    """Files as given and every ``*.db`` under a folder (an outbox, a stick), recursively.

    Returns (files, one line per input that yields nothing)."""
    files: list[Path] = []
    problems: list[str] = []
    for item in inputs:
        if item.is_dir():
            found = sorted(p for p in item.rglob("*.db")
                           if p.is_file() and not p.name.startswith("."))
            if not found:
                problems.append(f"{item}: no .db files in this folder")
            files += found
        elif item.is_file():
            files.append(item)
        else:
            problems.append(f"{item}: no such file or folder")
    unique: dict[Path, Path] = {}
    for f in files:
        unique.setdefault(f.resolve(), f)
    return list(unique.values()), problems


def merge(out: Path, sources: list[Path], config: Config,
          skipped: list[str] | None = None) -> list[Merged]:
    """Add the events (and kiosk rows) of every source to ``out`` (created if needed).

    Events are matched on their random ``uid``, so merging a file twice adds nothing and each
    kiosk's rows keep their ``kiosk_id``: per-kiosk totals survive. A kiosk row is replaced only
    by a newer one. A source that is not a readable kiosk database (corrupt, another program's,
    a newer schema) is left out with one line in ``skipped``; with ``skipped`` None the first
    such source raises ``ExportError`` before anything is written.
    """
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
        marks = merges_marked(out)
        _mark_merges(out, marks[0] + 1, marks[1])  # under way: readers watch every commit
        try:
            return _merge_into(out, usable, config, skipped, new=False)
        finally:
            _mark_merges(out, marks[0] + 1, marks[0] + 1)
    # A new file is built under another name and renamed into place once it is complete: a
    # reader (a report) finds no file or the whole merge, never half of it, and a merge that
    # is killed leaves no half file behind under the name.
    building = out.with_name(f".{out.name}.{os.getpid()}.merging")
    _remove_database(building)
    said = len(skipped) if skipped is not None else 0
    try:
        try:
            results = _merge_into(building, usable, config, skipped, new=True)
        except _StartOver:  # the uid index could not be built after the rows
            _remove_database(building)
            if skipped is not None:
                del skipped[said:]  # the second try says them again
            results = _merge_into(building, usable, config, skipped, new=True, uid_after=False)
        # Written without fsync (a killed merge leaves only the hidden file, and the system
        # keeps what a killed process wrote); one fsync before the rename, so that after a
        # power cut the name holds the whole file or none, as with every file we rename.
        with building.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(building, out)
    finally:
        _remove_database(building)
    return results


def merge_marker(db: Path) -> Path:
    """The small file beside ``db`` counting the merges into it begun and finished.

    A report reads the figures on several connections, one query after another; it compares
    this file before and after (a merge began or ended meanwhile), and while a merge is under
    way every commit, to tell a merge from a kiosk writing its own events (which never mixes
    two states of the campaign and must not hold up ``kiosk stats`` on a running kiosk)."""
    return db.with_name(f".{db.name}.merges")


def merges_marked(db: Path) -> tuple[int, int]:
    """(merges begun, merges finished) into ``db``; (0, 0) when none was ever marked."""
    try:
        begun, finished = merge_marker(db).read_text(encoding="ascii").split()
        return int(begun), int(finished)
    except (OSError, ValueError):
        return 0, 0


def _mark_merges(db: Path, begun: int, finished: int) -> None:
    marker = merge_marker(db)
    partial = marker.with_name(f"{marker.name}.{os.getpid()}")
    try:
        partial.write_text(f"{begun} {finished}\n", encoding="ascii")
        os.replace(partial, marker)  # read whole or not at all
    except OSError:  # a read-only folder: the merge itself will say what is wrong
        partial.unlink(missing_ok=True)


def _remove_database(path: Path) -> None:
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        name.unlink(missing_ok=True)


def _merge_into(out: Path, usable: list[Path], config: Config, skipped: list[str] | None,
                new: bool, uid_after: bool = True) -> list[Merged]:
    # A new file from inputs that cannot share an event (see _apart) gets its uid index built
    # once after the rows instead of taking a million random inserts (see _drop_uid_unique).
    kiosks_of = _apart(usable) if uid_after and new else None
    if kiosks_of is not None:
        _start_file(out, _BULK_PAGE_SIZE)
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
    table_sql: str | None = None
    done = False
    try:
        _restore_indexes(conn)  # after a merge that was killed while they were dropped
        if kiosks_of is not None:
            table_sql = _drop_uid_unique(conn)
        if table_sql is None:
            kiosks_of = None  # rows are looked up as they go in
        ours = [row[1] for row in conn.execute("PRAGMA main.table_info(events)") if row[1] != "id"]
        if table_sql is not None or _mostly_new(conn, usable):
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
                results += _merge_batch(conn, batch, ours, kiosks_of)
            except sqlite3.Error as e:
                _start_over_if_full(e, table_sql)
                for source in batch:  # again one by one, to leave out only the one that fails
                    try:
                        results += _merge_batch(conn, [source], ours, kiosks_of)
                    except sqlite3.Error as e:
                        _start_over_if_full(e, table_sql)
                        _skip(f"{source}: cannot merge it ({e})", skipped)
        if table_sql is not None:
            try:
                _restore_indexes(conn)  # before the uid index: the schema edit comes last
                _add_uid_unique(conn, table_sql)
            except sqlite3.Error as e:
                _start_over_if_full(e, table_sql)
                raise
            conn.close()  # a new connection reads the edited schema
            conn = connect(out, config.store)
            conn.execute("PRAGMA synchronous = OFF")  # as above: a new file nobody has yet
        done = True
    finally:
        try:
            if done or not new:  # a new file that failed is thrown away: nothing to tidy
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


_BULK_PAGE_SIZE = 16384
"""The page size of a new merged file built the bulk way (a kiosk's own file has SQLite's 4 kB).
A quarter of the pages to fill, split and write: about 0.5 s less CPU for a million events, and
``kiosk report`` and ``kiosk stats`` read such a file as fast (the same 1 M events both ways:
report 2.90 vs 2.88 s CPU, median of 10, with random session ids; a little faster with sequential
ones; a scan of the events table about 10 % faster). When the merge starts over row by row it
makes the file as before, with 4 kB pages, so a full disk still leaves out the same inputs."""


def _start_file(path: Path, page_size: int) -> None:
    """Create ``path`` as an empty SQLite file with ``page_size`` (fixed by the first write;
    ``open_database`` then builds the schema in it as in any new file)."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA page_size = {page_size}")
        conn.execute("PRAGMA user_version = 0")  # writes the header, with that page size
    finally:
        conn.close()


_SORT_RUN_KIB = 2048
"""SQLite's sort memory while it builds an index whose keys arrive in no order (the uid, the
session id) or with few values (the kind). SQLite's sorter takes the page cache size as its
memory: one list of 40 MB (a million events) misses the CPU's cache at every step; sorted in
runs of 2 MB, kept in SQLite's temporary file and merged, the same index costs less CPU
(a million events: uid 1.3 → 0.8 s, session id 0.64 → 0.51 s, kind 0.65 → 0.42 s; 256 kB runs
are slower again). Not the time index: each kiosk's events arrive in time order, long sorted
runs that the one list merges cheaply (small runs cost it 0.05–0.08 s more)."""

_SORTED_IN_RUNS = {"idx_events_kind", "idx_events_session_id"}
"""The ``_BULK_INDEXES`` built with ``_SORT_RUN_KIB`` of sort memory (and the uid index)."""


def _create_index(conn: sqlite3.Connection, sql: str, in_runs: bool) -> None:
    """Run ``sql``, a CREATE INDEX, sorting in runs of ``_SORT_RUN_KIB`` when ``in_runs``.

    The runs go to SQLite's temporary file. Should that fail (its folder full or not writable,
    while the merged file is on another disk), the index is sorted in memory, as without runs."""
    if in_runs:
        size = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = {-_SORT_RUN_KIB}")
        try:
            conn.execute(sql)
            return
        except sqlite3.OperationalError:
            if not conn.in_transaction:  # SQLite gave up the transaction: nothing to retry
                raise
        finally:
            conn.execute(f"PRAGMA cache_size = {size}")
    conn.execute(sql)


_UID_UNIQUE = "uid TEXT NOT NULL UNIQUE DEFAULT"
_UID_PLAIN = "uid TEXT NOT NULL DEFAULT"
_UID_INDEX = "sqlite_autoindex_events_1"
"""The events table's uid column (its UNIQUE is what makes SQLite build ``_UID_INDEX``)."""


class _StartOver(Exception):
    """The uid index cannot be built after the rows: two inputs share an event after all, or
    the disk filled up (without the uid index the rows take other pages than row by row, so
    what fits would differ). The merge starts again row by row, which handles both as ever."""


_SQLITE_FULL = 13  # "database or disk is full"


def _start_over_if_full(error: sqlite3.Error, table_sql: str | None) -> None:
    if table_sql is not None and getattr(error, "sqlite_errorcode", 0) & 0xFF == _SQLITE_FULL:
        raise _StartOver() from None


def _apart(sources: list[Path]) -> dict[Path, frozenset[str]] | None:
    """The kiosk ids in each source when no kiosk's events are in two of them (then no event
    is in two of them), else None.

    An event is written once, by one kiosk, and keeps its ``kiosk_id`` in every copy (snapshot,
    merged file); the uid is random. So inputs of different kiosks cannot share a uid, while
    snapshots of one kiosk (an outbox) share most of theirs. A file that cannot be read
    counts as apart: the merge leaves it out."""
    seen: set[str] = set()
    kiosks_of: dict[Path, frozenset[str]] = {}
    for source in sources:
        try:
            src = connect_read_only(source)
            try:
                kiosks = frozenset(k for (k,) in src.execute(
                    "SELECT DISTINCT kiosk_id FROM events"))
            finally:
                src.close()
        except sqlite3.Error:
            continue
        if kiosks & seen:
            return None
        seen |= kiosks
        kiosks_of[source] = kiosks
    return kiosks_of


def _drop_uid_unique(conn: sqlite3.Connection) -> str | None:
    """Recreate the (empty) events table of a new file without its uid UNIQUE; return the
    table's SQL to put back (``_add_uid_unique``), or None when the schema is not the one
    this knows (then the merge keeps the constraint and is only slower).

    Random 128-bit uids land all over the uid index: a million rows are a million inserts
    at random places (about 3 s of CPU); building it once from the sorted uids costs a third
    of that. SQLite builds the index of a UNIQUE column only with the table, so the rows go
    into a table without it, and the same index, built after, is then made the column's own.
    Only for inputs that cannot share an event (``_apart``): nothing needs looking up."""
    table_sql: str = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' "
                                  "AND name = 'events'").fetchone()[0]
    implicit = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                            "AND tbl_name = 'events' AND sql IS NULL").fetchall()
    columns = [row[2] for row in conn.execute(f"PRAGMA index_info({_UID_INDEX})")]
    if table_sql.count(_UID_UNIQUE) != 1 or implicit != [(_UID_INDEX,)] or columns != ["uid"]:
        return None
    indexes = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
        "AND sql IS NOT NULL")]
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DROP TABLE events")
        conn.execute(table_sql.replace(_UID_UNIQUE, _UID_PLAIN))
        for sql in indexes:
            conn.execute(sql)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return table_sql


def _add_uid_unique(conn: sqlite3.Connection, table_sql: str) -> None:
    """Build the uid index from the sorted uids and make it the uid column's UNIQUE again.

    SQLite's own CREATE UNIQUE INDEX builds the b-tree, in the very format of the index a
    UNIQUE column gets (the uid, then the rowid); the schema edit only gives it that index's
    name and puts the table's own SQL back, so the file ends up as a merge row by row leaves
    it. Raises ``_StartOver`` (nothing changed) when two rows share a uid after all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        try:
            _create_index(conn, "CREATE UNIQUE INDEX merge_uid ON events (uid)", in_runs=True)
        except sqlite3.IntegrityError:
            raise _StartOver() from None
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'events'",
                     (table_sql,))
        conn.execute("UPDATE sqlite_master SET name = ?, sql = NULL "
                     "WHERE type = 'index' AND name = 'merge_uid'", (_UID_INDEX,))
        conn.execute(f"PRAGMA schema_version = {version + 1}")  # every reader reloads it
        conn.execute("PRAGMA writable_schema = OFF")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _restore_indexes(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for name, sql in _BULK_INDEXES.items():
            _create_index(conn, sql, in_runs=name in _SORTED_IN_RUNS)
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


def _merge_batch(conn: sqlite3.Connection, batch: list[Path], ours: list[str],
                 kiosks_of: dict[Path, frozenset[str]] | None = None) -> list[Merged]:
    """Merge ``batch`` in one transaction: all of it, or (raising ``sqlite3.Error``) none.
    ``kiosks_of``: the kiosks of each source when no row of theirs is in the file yet."""
    attached: list[str] = []
    try:
        for source in batch:
            conn.execute(f"ATTACH DATABASE ? AS src{len(attached)}", (str(source),))
            attached.append(f"src{len(attached)}")
        conn.execute("BEGIN IMMEDIATE")
        results = [_merge_one(conn, source, name, ours,
                              None if kiosks_of is None else kiosks_of.get(source, frozenset()))
                   for source, name in zip(batch, attached)]
        conn.execute("COMMIT")
        return results
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        for name in attached:
            conn.execute(f"DETACH DATABASE {name}")


def _merge_one(conn: sqlite3.Connection, source: Path, name: str, ours: list[str],
               kiosks: frozenset[str] | None = None) -> Merged:
    """Add the events and kiosk rows of the source attached as ``name``. ``kiosks``: the
    source's kiosk ids, when none of its rows can be in the file yet."""
    theirs = {row[1] for row in conn.execute(f"PRAGMA {name}.table_info(events)")}
    columns = ", ".join(c for c in ours if c in theirs)
    total = conn.execute(f"SELECT count(*) FROM {name}.events").fetchone()[0]
    # A snapshot merged before (a folder merged again, an outbox's older copies) adds nothing:
    # looking its uids up costs a third of offering every row (stops at the first new one).
    anything_new = kiosks is not None or conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM {name}.events s WHERE NOT EXISTS "
        "(SELECT 1 FROM main.events m WHERE m.uid = s.uid))").fetchone()[0]
    # In id order: a session's rows stay in the order the kiosk wrote them.
    added = conn.execute(f"INSERT OR IGNORE INTO main.events ({columns}) "
                         f"SELECT {columns} FROM {name}.events ORDER BY id").rowcount \
        if anything_new else 0
    _merge_kiosks(conn, name)
    counts = None
    if kiosks is not None and len(kiosks) == 1 and added == total:
        # per_kiosk of the new file, for this kiosk; through the kind index, not the rows
        sessions = conn.execute(f"SELECT count(*) FROM {name}.events "
                                "WHERE kind = 'session_started'").fetchone()[0]
        counts = (next(iter(kiosks)), added, sessions)
    return Merged(source, added, total - added, counts)


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


def per_kiosk(conn: sqlite3.Connection, counts: list[tuple[str, int, int]] | None = None
              ) -> list[tuple[str, str, str, int, int]]:
    """(kiosk id, name, region, events, sessions) per kiosk of a merged database.

    ``counts``: (kiosk id, events, sessions) of every input of a new file, when each held one
    kiosk and went in whole (``Merged.kiosk_counts``): then they are added up here instead of
    grouping the file's rows (a sort of every event: 0.6 s a million). Fed in kiosk id order,
    like the grouping's output, so kiosks with the same region and name come out alike."""
    if counts:
        totals: dict[str, tuple[int, int]] = {}
        for kiosk, events, sessions in counts:
            had = totals.get(kiosk, (0, 0))
            totals[kiosk] = (had[0] + events, had[1] + sessions)
        values = ", ".join("(?, ?, ?)" for _ in totals)
        return conn.execute(
            f"WITH e (kiosk_id, events, sessions) AS (VALUES {values}) "
            "SELECT e.kiosk_id, coalesce(k.name, e.kiosk_id), coalesce(k.region, ''), e.events, "
            "e.sessions FROM e LEFT JOIN kiosks k USING (kiosk_id) "
            "ORDER BY coalesce(k.region, ''), coalesce(k.name, e.kiosk_id)",
            [v for kiosk in sorted(totals) for v in (kiosk, *totals[kiosk])]).fetchall()
    return conn.execute(
        "SELECT e.kiosk_id, coalesce(k.name, e.kiosk_id), coalesce(k.region, ''), count(*), "
        "sum(e.kind = 'session_started') FROM events e LEFT JOIN kiosks k USING (kiosk_id) "
        "GROUP BY e.kiosk_id ORDER BY coalesce(k.region, ''), coalesce(k.name, e.kiosk_id)"
    ).fetchall()


def run_merge(out_db: Path, inputs: list[Path], out: TextIO, err: TextIO,
              config: Config) -> int:
    """``kiosk merge OUT.db IN...``: 0 when at least one input was merged."""
    sources, problems = expand_inputs(inputs)
    new = not out_db.exists()
    try:
        results = merge(out_db, sources, config, skipped=problems)
    except (ExportError, DatabaseError) as e:
        print(f"kiosk merge: {e}", file=err)
        return 1
    except sqlite3.Error as e:  # writing the merged file failed (a full disk): nothing is left
        print(f"kiosk merge: {out_db}: cannot write it ({e})", file=err)
        return 1
    for line in problems:
        print(f"kiosk merge: skipped {line}", file=err)
    if not results:
        print(f"kiosk merge: nothing to merge into {out_db} (no usable kiosk database given)",
              file=err)
        return 1
    for r in results:
        print(f"{r.source}: +{r.added} (al aanwezig/already there: {r.already_there})", file=out)
    counts = [r.kiosk_counts for r in results]
    conn = connect_read_only(out_db)
    try:
        rows = per_kiosk(conn, [c for c in counts if c is not None]
                         if new and None not in counts else None)
    finally:
        conn.close()
    for _kid, name, region, events, sessions in rows:
        where = f" ({region})" if region else ""
        print(f"  {name}{where}: {events} events, {sessions} bezoeken/sessions", file=out)
    print(f"{out_db}: bekijk met/browse with: datasette {out_db}", file=out)
    return 0 if results else 1
