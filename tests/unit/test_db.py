"""Opening the kiosk database: migrations, newer versions, corrupt files, unusable data dirs."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from kiosk.config import DEFAULT
from kiosk.storage import db as dbmod
from kiosk.storage.db import (
    DatabaseVersionError, DataDirError, ForeignDatabaseError, open_database, open_or_recover,
)

# The events columns the campaign relies on, written out by hand.
EXPECTED_EVENT_COLUMNS = {
    "id", "uid", "kiosk_id", "ts", "day", "event_id", "session_id", "kind", "screen", "reason",
    "lang", "episode_id", "via", "pct", "fraction", "card_id", "liked", "mode", "jobs",
    "duration", "purpose", "target", "at_card", "value", "phase", "answer",
}


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), isolation_level=None)


def user_version(path: Path) -> int:
    conn = raw(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def insert_event(conn: sqlite3.Connection, kind: str = "kiosk_started") -> None:
    conn.execute("INSERT INTO events (kiosk_id, ts, day, kind) VALUES ('k1', 1.0, '2026-01-01', ?)",
                 (kind,))


def test_new_file_gets_the_latest_schema_in_wal_mode(data_dir: Path) -> None:
    result = open_or_recover(data_dir / "kiosk.db", DEFAULT.store)
    db = result.conn
    assert (result.moved_aside, result.backup, result.from_version) == (None, None, 0)
    assert db.execute("PRAGMA user_version").fetchone()[0] == dbmod.LATEST_VERSION == 3
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # FULL (2): each commit reaches the disk, so a power cut loses at most the last batch.
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2

    def columns(table: str) -> set[str]:
        return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}

    assert columns("events") == EXPECTED_EVENT_COLUMNS
    assert columns("meta") == {"key", "value"}
    assert columns("kiosks") == {"kiosk_id", "name", "region", "pack_id", "pack_version",
                                 "health", "updated_ts"}
    indexed = {tuple(row[2] for row in db.execute(f"PRAGMA index_info('{name}')"))
               for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                         "AND tbl_name = 'events'")}
    assert {("kind",), ("session_id",), ("ts",), ("uid",)} <= indexed
    db.close()


def test_uid_is_filled_and_unique(data_dir: Path) -> None:
    db = open_database(data_dir / "kiosk.db", DEFAULT.store)
    insert_event(db)
    insert_event(db)
    uids = [row[0] for row in db.execute("SELECT uid FROM events")]
    assert len(set(uids)) == 2 and all(re.fullmatch(r"[0-9a-f]{32}", u) for u in uids)
    with pytest.raises(sqlite3.IntegrityError):  # what makes `kiosk merge` idempotent
        db.execute("INSERT INTO events (uid, kiosk_id, ts, day, kind) "
                   "VALUES (?, 'k2', 2.0, '2026-01-01', 'kiosk_started')", (uids[0],))
    db.close()


def test_empty_file_at_version_0_is_upgraded(data_dir: Path) -> None:
    path = data_dir / "kiosk.db"
    path.write_bytes(b"")
    result = open_or_recover(path, DEFAULT.store)
    assert result.backup is None and result.moved_aside is None
    insert_event(result.conn)
    result.conn.close()
    assert user_version(path) == dbmod.LATEST_VERSION


def test_foreign_v0_file_is_backed_up_then_upgraded(data_dir: Path) -> None:
    path = data_dir / "kiosk.db"
    conn = raw(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.execute("INSERT INTO notes VALUES ('kept')")
    conn.close()
    result = open_or_recover(path, DEFAULT.store)
    assert result.from_version == 0
    assert result.backup is not None and result.backup.parent == data_dir
    assert result.backup.name.startswith("kiosk.db.v0-backup-")
    assert result.conn.execute("SELECT x FROM notes").fetchall() == [("kept",)]
    insert_event(result.conn)
    result.conn.close()
    backup = raw(result.backup)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 0
    assert backup.execute("SELECT x FROM notes").fetchall() == [("kept",)]
    assert backup.execute("SELECT count(*) FROM sqlite_master WHERE name = 'events'").fetchone() == (0,)
    backup.close()


def test_newer_version_is_a_clear_error_and_the_file_is_untouched(data_dir: Path) -> None:
    path = data_dir / "kiosk.db"
    conn = raw(path)
    conn.execute("CREATE TABLE events (anything)")
    conn.execute("INSERT INTO events VALUES ('future data')")
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseVersionError) as info:
        open_or_recover(path, DEFAULT.store)
    message = str(info.value)
    assert str(path) in message and "7" in message and "newer" in message and "\n" not in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["kiosk.db"]  # no backup, nothing moved


def test_clashing_foreign_table_is_refused_and_left_as_it_was(data_dir: Path) -> None:
    path = data_dir / "kiosk.db"
    conn = raw(path)
    conn.execute("CREATE TABLE meta (k, v)")  # another program's "meta": our CREATE must fail
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError, match="another program"):
        open_or_recover(path, DEFAULT.store)
    assert path.read_bytes() == before
    assert user_version(path) == 0


def test_migrations_run_in_order_with_a_backup(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data_dir / "kiosk.db"
    first = open_database(path, DEFAULT.store)
    insert_event(first)
    first.close()

    def v2(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE events ADD COLUMN extra INTEGER")
        conn.execute("UPDATE events SET extra = 42")

    latest = dbmod.LATEST_VERSION
    monkeypatch.setattr(dbmod, "MIGRATIONS", [*dbmod.MIGRATIONS, v2])
    monkeypatch.setattr(dbmod, "LATEST_VERSION", latest + 1)
    result = open_or_recover(path, DEFAULT.store)
    assert result.from_version == latest
    assert result.conn.execute("PRAGMA user_version").fetchone()[0] == latest + 1
    assert result.conn.execute("SELECT kind, extra FROM events").fetchall() == [("kiosk_started", 42)]
    result.conn.close()
    assert result.backup is not None and result.backup.name.startswith(f"kiosk.db.v{latest}-backup-")
    assert user_version(result.backup) == latest


def test_failed_migration_keeps_the_old_version(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data_dir / "kiosk.db"
    open_database(path, DEFAULT.store).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE events ADD COLUMN half_done INTEGER")
        conn.execute("ALTER TABLE no_such_table ADD COLUMN x")

    latest = dbmod.LATEST_VERSION
    monkeypatch.setattr(dbmod, "MIGRATIONS", [*dbmod.MIGRATIONS, broken])
    monkeypatch.setattr(dbmod, "LATEST_VERSION", latest + 1)
    with pytest.raises(ForeignDatabaseError, match=f"version {latest + 1}"):
        open_or_recover(path, DEFAULT.store)
    conn = raw(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest
    assert "half_done" not in {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    conn.close()


def test_garbage_file_is_moved_aside_and_a_fresh_db_works(data_dir: Path) -> None:
    path = data_dir / "kiosk.db"
    garbage = b"this is not a database " * 200
    path.write_bytes(garbage)
    Path(f"{path}-wal").write_bytes(b"wal bytes")
    Path(f"{path}-shm").write_bytes(b"shm bytes")
    result = open_or_recover(path, DEFAULT.store)
    moved = result.moved_aside
    assert moved is not None and moved.parent == data_dir
    assert re.fullmatch(r"kiosk\.db\.corrupt-\d{8}T\d{6}Z", moved.name)
    assert moved.read_bytes() == garbage
    assert Path(f"{moved}-wal").read_bytes() == b"wal bytes"
    assert Path(f"{moved}-shm").read_bytes() == b"shm bytes"
    insert_event(result.conn)
    assert result.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    result.conn.close()


def test_damaged_pages_fail_the_check_and_are_moved_aside(data_dir: Path) -> None:
    path = data_dir / "kiosk.db"
    conn = raw(path)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("CREATE TABLE t (x TEXT)")
    with conn:  # one transaction
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO t VALUES (?)", [(f"row {i}",) for i in range(3000)])
    conn.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 6 * 4096
    data[3 * 4096:5 * 4096] = b"\xff" * (2 * 4096)  # wipe two table pages (header page intact)
    path.write_bytes(bytes(data))
    result = open_or_recover(path, DEFAULT.store)
    assert result.moved_aside is not None and result.moved_aside.read_bytes() == bytes(data)
    assert result.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    result.conn.close()


def test_two_corrupt_files_in_the_same_second_are_both_kept(data_dir: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbmod, "_stamp", lambda: "20260101T000000Z")
    path = data_dir / "kiosk.db"
    moved = []
    for content in (b"first garbage" * 100, b"second garbage" * 100):
        path.write_bytes(content)
        result = open_or_recover(path, DEFAULT.store)
        result.conn.close()
        path.unlink()
        moved.append(result.moved_aside)
    assert [p.name for p in moved] == ["kiosk.db.corrupt-20260101T000000Z",
                                       "kiosk.db.corrupt-20260101T000000Z-2"]
    assert moved[0].read_bytes() == b"first garbage" * 100


def test_a_locked_database_is_not_mistaken_for_corrupt(data_dir: Path) -> None:
    path = data_dir / "kiosk.db"
    open_database(path, DEFAULT.store).close()
    holder = raw(path)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DataDirError, match="another kiosk"):
            open_or_recover(path, DEFAULT.with_(db_busy_timeout_s=0.05).store)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert sorted(p.name for p in data_dir.iterdir() if "corrupt" in p.name) == []


def test_unwritable_data_dir_is_one_line_naming_the_dir(tmp_path: Path) -> None:
    # We run as root, so chmod does not stop us: make the data dir's parent a regular file.
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    data = blocker / "data"
    with pytest.raises(DataDirError) as info:
        open_or_recover(data / "kiosk.db", DEFAULT.store)
    message = str(info.value)
    assert str(data) in message and "--data" in message and "\n" not in message


def test_data_dir_is_created_when_missing(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "kiosk.db"
    open_database(path, DEFAULT.store).close()
    assert user_version(path) == dbmod.LATEST_VERSION
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".write-test")) == []


def test_a_folder_where_the_file_should_be_is_one_clear_line(data_dir: Path) -> None:
    (data_dir / "kiosk.db").mkdir()
    with pytest.raises(DataDirError) as info:
        open_or_recover(data_dir / "kiosk.db", DEFAULT.store)
    assert str(data_dir / "kiosk.db") in str(info.value) and "\n" not in str(info.value)
