"""Faults of a real event hall, on the real app object (``kiosk.app.build``): the disk filling up
or turning read-only, the database held by a reader, the pack's folder vanishing, the wall clock
jumping, the screen changing size."""
from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from kiosk.app import build
from kiosk.config import Config
from tests.conftest import SAMPLE_PACK
from tests.uitools import is_shown

CFG = Config(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False,
             event_retry_s=0.2, admin_storage_poll_s=0.1)


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 4 MB tmpfs: a disk that really fills up (ENOSPC)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root; chmod cannot make "
                    "an open SQLite file fail, so there is no honest unprivileged stand-in)")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError as e:
            assert e.errno == errno.ENOSPC
    return filler


def _rows(db: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _visit(app) -> str:
    c = app.controller
    c.start()
    sid = c.flow.session_id
    c.openSection("episodes")
    c.goHome()
    c.openSection("companies")
    c.endSession()
    return sid


# Only "disk full": Linux refuses to remount a filesystem read-only while files on it are open
# for writing (the kernel alone does that, after I/O errors), and a root test process ignores
# file modes. SQLite reports both as a failed write, which takes the same path in the writer.
def test_a_full_disk_keeps_events_in_memory_and_writes_them_later(
        qapp, qtbot, small_disk: Path) -> None:
    fault = "disk full"
    data = small_disk / "data"
    app = build(["--windowed", "--size", "1280x800", "--data", str(data), "--content",
                 str(SAMPLE_PACK)], config=CFG)
    try:
        qtbot.waitUntil(app.window.isExposed)
        assert app.store.flush()
        filler = None
        if fault == "disk full":
            filler = _fill(small_disk)
        else:
            subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
        visits = [_visit(app) for _ in range(3)]   # visitors carry on as if nothing happened
        assert app.controller.state == "attract"
        qtbot.waitUntil(lambda: not app.store.writing_ok, timeout=10_000)
        # the heartbeat goes on (in place on a full disk), so a watchdog would not restart
        # the kiosk and throw away what it keeps in memory
        beat = data / "heartbeat.json"
        if fault == "disk full":
            seq = json.loads(beat.read_text())["seq"]
            qtbot.waitUntil(lambda: json.loads(beat.read_text())["seq"] > seq, timeout=10_000)
        # admin says so
        app.controller.adminGesture()
        app.controller.submitPin("2468")
        qtbot.waitUntil(lambda: app.controller.state == "admin")
        admin = app.window._admin
        qtbot.waitUntil(lambda: not admin.storageOk and admin.eventsWaiting > 0)
        qtbot.waitUntil(lambda: is_shown(app.window, "adminStorage"))
        waiting = admin.eventsWaiting
        # space comes back
        if filler is not None:
            filler.unlink()
        else:
            subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
        qtbot.waitUntil(lambda: app.store.writing_ok and admin.storageOk, timeout=10_000)
        assert app.store.flush() and app.store.unwritten() == 0
        assert not is_shown(app.window, "adminStorage")
        assert waiting >= 3 * 5
    finally:
        app.close()
    db = data / "kiosk.db"
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    for sid in visits:
        kinds = [k for (k,) in _rows(db, "SELECT kind FROM events WHERE session_id = ? "
                                         "ORDER BY id", sid)]
        assert kinds[0] == "session_started" and kinds[-1] == "session_ended", kinds
        assert kinds.count("screen_shown") >= 4, kinds
    log = (data / "kiosk.log").read_text(encoding="utf-8")
    # the line written while the disk refused it reached the log once it could
    assert "Cannot write events" in log and "Writing events again" in log
    assert log.index("Cannot write events") < log.index("Writing events again")
    assert "Traceback" not in log
