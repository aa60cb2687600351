"""Admin's tools besides the figures: the last lines of the log and the morning checklist.

The morning checklist decodes every clip and reads back every QR code: seconds of work. It runs
as a child process (``kiosk preflight --json-lines``) read as it streams, so the kiosk keeps
rendering and answering taps meanwhile, and a check that hangs is killed, not the kiosk.
"""
from __future__ import annotations

import io
import json
import logging
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QProcess, QTimer, Signal, Slot

from kiosk.config import Config

if TYPE_CHECKING:
    from kiosk.storage.events import EventStore

log = logging.getLogger("kiosk.ui")


class AdminPanel(QObject):
    """Log tail and preflight for the admin screen (only behind the PIN)."""

    changed = Signal()

    def __init__(self, config: Config, pack_root: Path, event_id: str | None,
                 data_dir: Path, store: EventStore | None = None) -> None:
        super().__init__()
        self._store = store
        self._storage = (True, 0, 0)  # writing ok, events waiting in memory, events dropped
        self._storage_timer = QTimer(self)  # a full disk is found by the writer thread
        self._storage_timer.setInterval(int(config.admin.admin_storage_poll_s * 1000))
        self._storage_timer.timeout.connect(self._poll_storage)
        if store is not None:
            self._storage_timer.start()
        self._config = config
        self._pack_root = pack_root
        self._event_id = event_id
        self._data_dir = data_dir
        self._log_tail = ""
        self._preflight = ""
        self._preflight_ok = True
        self._process: QProcess | None = None
        self._partial = b""
        self._checks: list[dict[str, Any]] = []
        self._summary: dict[str, Any] | None = None
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(int(config.admin.admin_preflight_timeout_s * 1000))
        self._deadline.timeout.connect(self._overdue)

    @Property(str, notify=changed)
    def logTail(self) -> str:
        return self._log_tail

    @Property(str, notify=changed)
    def preflightText(self) -> str:
        return self._preflight

    @Property(bool, notify=changed)
    def preflightOk(self) -> bool:
        return self._preflight_ok

    @Property(bool, notify=changed)
    def preflightRunning(self) -> bool:
        return self._process is not None

    @Property(bool, notify=changed)
    def storageOk(self) -> bool:
        """False while the disk refuses the event log's writes (full, read-only)."""
        return self._storage[0]

    @Property(int, notify=changed)
    def eventsWaiting(self) -> int:
        return self._storage[1]

    @Property(int, notify=changed)
    def eventsDropped(self) -> int:
        return self._storage[2]

    def _poll_storage(self) -> None:
        store = self._store
        if store is None:   # the timer runs only with a store; said here for the type checker
            return
        ok = bool(store.writing_ok)
        now = (ok, 0 if ok else store.unwritten(), int(store.dropped))
        if now != self._storage:
            self._storage = now
            self.changed.emit()

    @Slot()
    def refresh(self) -> None:
        """Read the last lines of the kiosk log (admin just opened)."""
        path = self._data_dir / self._config.store.log_filename
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                lines = deque(handle, maxlen=self._config.admin.admin_log_lines)
            self._log_tail = "".join(lines).rstrip()
        except OSError as exc:
            self._log_tail = f"{path}: {exc.strerror or exc}"
        self.changed.emit()

    @Slot()
    def runPreflight(self) -> None:
        """Start the morning checklist in a child process; lines appear as checks finish."""
        if self._process is not None:
            return  # one at a time: a second tap while it runs changes nothing
        from kiosk.paths import kiosk_command

        args = ["preflight", str(self._pack_root), "--data", str(self._data_dir), "--json-lines"]
        if self._event_id:
            args += ["--event", self._event_id]
        command = kiosk_command(args)
        process = QProcess(self)
        process.setProgram(command[0])
        process.setArguments(command[1:])
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self._process, self._partial, self._checks, self._summary = process, b"", [], None
        self._preflight, self._preflight_ok = "", True
        log.info("morning check started: %s", " ".join(command))
        process.start()
        self._deadline.start()
        self.changed.emit()

    def stop(self) -> None:
        """The kiosk closes: a running check is ended, never left behind."""
        self._deadline.stop()
        self._storage_timer.stop()
        process, self._process = self._process, None
        if process is not None:
            for signal in (process.finished, process.errorOccurred,
                           process.readyReadStandardOutput):
                signal.disconnect()
            process.kill()
            process.waitForFinished(1000)

    def _read(self) -> None:
        if self._process is None:
            return
        self._partial += bytes(self._process.readAllStandardOutput().data())
        *lines, self._partial = self._partial.split(b"\n")
        for line in lines:
            try:
                item = json.loads(line)
            except ValueError:
                log.info("morning check said: %s", line.decode("utf-8", "replace")[:200])
                continue
            if item.get("done"):
                self._summary = item
            else:
                self._checks.append(item)
        self._preflight = self._text()
        self.changed.emit()

    def _text(self) -> str:
        from kiosk.media.preflight import MARKS, Check, _print

        if self._summary is None:  # still running: the lines so far
            return "\n".join(f"{MARKS.get(str(c.get('status')), '?')} {c.get('item')}: "
                             f"{c.get('message')}" for c in self._checks)
        out = io.StringIO()
        checks = [Check(**c) for c in self._checks]
        _print(checks, 0 if self._summary.get("ok") else 1, float(self._summary["seconds"]), out)
        return out.getvalue().strip()

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        self._read()
        self._deadline.stop()
        errors = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        self._process = None
        process.deleteLater()
        ok = (status == QProcess.ExitStatus.NormalExit and self._summary is not None)
        if not ok:
            log.error("morning check ended without a result (exit %s): %s", code,
                      errors.strip()[-500:])
            self._preflight = (self._text() + "\n\npreflight failed; see the log").strip()
            self._preflight_ok = False
        else:
            log.info("morning check done: %s", "ok" if code == 0 else "NOT OK")
            self._preflight_ok = code == 0
        self.changed.emit()

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            log.error("morning check could not start: %s", self._process.errorString())
            self._process.deleteLater()
            self._process = None
            self._deadline.stop()
            self._preflight = "preflight could not start; see the log"
            self._preflight_ok = False
            self.changed.emit()

    def _overdue(self) -> None:
        if self._process is not None:
            log.error("morning check took longer than %g s; stopped it",
                      self._config.admin.admin_preflight_timeout_s)
            self._process.kill()  # finished() follows and reports it
