"""The file-system helpers every layer shares (kiosk/core/files.py): the write check before a
folder is relied on, and the read-only database connection."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.config import DEFAULT
from kiosk.core.files import connect_read_only, prove_writable


def _blocked(tmp_path: Path) -> Path:
    """A folder that cannot be made: its parent is a regular file (root ignores chmod)."""
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    return blocker / "data"


def test_prove_writable_makes_the_folder_and_leaves_nothing_in_it(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    prove_writable(folder)
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_prove_writable_raises_the_reason(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        prove_writable(_blocked(tmp_path))


def test_every_caller_of_the_write_check_names_the_folder(tmp_path: Path) -> None:
    from kiosk.app import StartupError, _prepare_data_dir
    from kiosk.media.machine import _data_dir_checks
    from kiosk.storage.db import DataDirError, open_or_recover

    folder = _blocked(tmp_path)
    with pytest.raises(StartupError, match="cannot write to data dir") as started:
        _prepare_data_dir(folder)
    with pytest.raises(DataDirError) as opened:
        open_or_recover(folder / "kiosk.db", DEFAULT.store)
    [check] = list(_data_dir_checks(folder, DEFAULT, lambda *fields: fields))
    for message in (str(started.value), str(opened.value)):
        assert str(folder) in message and "\n" not in message
    assert check[1] == str(folder) and check[2] == "error" and "not writable" in check[3]


def _database_with_table_t(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()


def test_a_read_only_connection_cannot_write_nor_create(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    _database_with_table_t(path)
    ro = connect_read_only(path)
    try:
        assert ro.execute("SELECT count(*) FROM t").fetchone() == (0,)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.execute("INSERT INTO t VALUES (1)")
    finally:
        ro.close()
    missing = tmp_path / "missing.db"
    with pytest.raises(sqlite3.OperationalError):
        connect_read_only(missing)
    assert not missing.exists()


def test_a_read_only_path_with_uri_characters_is_the_file_itself(tmp_path: Path) -> None:
    folder = tmp_path / "data #1 ?x"   # '#' and '?' would end a hand-built URI's path
    folder.mkdir()
    path = folder / "kiosk.db"
    _database_with_table_t(path)
    ro = connect_read_only(path)
    try:
        assert ro.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    finally:
        ro.close()
