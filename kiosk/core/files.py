"""Files on disk: small files written so that a reader, a crash or a pulled stick never sees
half of one; proving a folder writable before relying on it; opening a database read-only."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # the kiosk proves its data dir writable before its first frame: no SQLite
    import sqlite3


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write via a temporary name in the same folder, fsync, then rename over ``target``.

    The random part of the temporary name keeps two writers (two threads, two processes) off
    each other's temporary file; the rename is atomic on one file system."""
    tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    try:
        with tmp.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write_text(target: Path, text: str) -> None:
    """``atomic_write_bytes`` of UTF-8 text, written as given (``\\n`` stays ``\\n`` on Windows)."""
    atomic_write_bytes(target, text.encode("utf-8"))


def prove_writable(folder: Path) -> None:
    """Create ``folder`` (and its parents) and create and remove an empty file in it.

    Raises the ``OSError`` that says why not; each caller turns it into its own one-line
    message naming the folder. The file stays empty so that a full disk does not fail the
    check: what to do about free space is the caller's decision (the database keeps events in
    memory, the morning check reports it on its own line)."""
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f".write-test-{os.getpid()}-{os.urandom(4).hex()}"
    probe.write_bytes(b"")
    probe.unlink()


def connect_read_only(path: Path, timeout_s: float = 5.0) -> sqlite3.Connection:
    """A connection that can never change the database file, nor create one where none is
    (SQLite's ``mode=ro`` URI). ``timeout_s``: how long to wait for a writer's lock."""
    import sqlite3

    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True,
                           timeout=timeout_s)
