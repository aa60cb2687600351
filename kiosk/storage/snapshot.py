"""Consistent copies of the live database for the outbox (never a raw copy of ``kiosk.db``).

A live kiosk database is in WAL mode: its newest events live in ``kiosk.db-wal`` until a
checkpoint, so copying ``kiosk.db`` alone silently loses them. A snapshot is made with SQLite's
online backup API, which reads through the WAL, in one step (one read transaction: a backup in
steps would restart each time the writer commits). The copy is switched to rollback-journal mode
so it is one self-contained file, written under a temporary name, fsynced and renamed, so a sync
engine or a person copying the outbox never sees half a file.
"""
from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import sqlite3
import time
from pathlib import Path

from kiosk.config import StoreConfig
from kiosk.storage.db import connect

log = logging.getLogger("kiosk.storage")

SNAPSHOT_NAME = re.compile(r"\d{8}-\d{6}(-\d+)?\.db\Z")


class SnapshotError(Exception):
    """A snapshot could not be written; one line naming the file."""


def snapshot(db_path: Path, out_dir: Path, config: StoreConfig, keep: int | None = None,
             now: float | None = None) -> Path:
    """Write ``out_dir/<YYYYMMDD>-<HHMMSS>.db`` from the live database; keep the newest ``keep``."""
    if not db_path.is_file():
        raise SnapshotError(f"{db_path}: no database to snapshot")
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(time.time() if now is None else now))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{stamp}.db"
        n = 1
        while target.exists():
            n += 1
            target = out_dir / f"{stamp}-{n}.db"
        tmp = out_dir / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            _backup(db_path, tmp, config)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
            Path(f"{tmp}-journal").unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as e:
        raise SnapshotError(f"snapshot of {db_path} into {out_dir} failed: {e}") from None
    if keep:
        prune(out_dir, keep)
    return target


def _backup(source: Path, tmp: Path, config: StoreConfig) -> None:
    src = connect(source, config)
    try:
        dst = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            src.backup(dst)  # pages=-1: everything in one step (see the module docstring)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    with tmp.open("rb") as f:
        os.fsync(f.fileno())


def snapshots(out_dir: Path) -> list[Path]:
    """Finished snapshots in ``out_dir``, oldest first."""
    try:
        return sorted(p for p in out_dir.iterdir() if SNAPSHOT_NAME.match(p.name))
    except OSError:
        return []


def prune(out_dir: Path, keep: int) -> None:
    for old in snapshots(out_dir)[:-keep]:
        old.unlink(missing_ok=True)


def copy_to(snapshot_path: Path, folder: Path) -> Path:
    """Copy a finished snapshot into ``folder`` via a temporary name (a stick may be pulled)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / snapshot_path.name
    tmp = folder / f".{snapshot_path.name}.{secrets.token_hex(4)}.tmp"
    try:
        shutil.copyfile(snapshot_path, tmp)
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
