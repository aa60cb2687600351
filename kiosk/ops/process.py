"""The kiosk process around the window: its log file, and stopping cleanly on a signal.

``kiosk.app`` uses both; they know nothing of the screens beyond what ``KioskApp`` offers.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import Config

if TYPE_CHECKING:
    from kiosk.app import KioskApp

log = logging.getLogger("kiosk")


class SturdyLogHandler(logging.FileHandler):
    """The kiosk's log file, for a disk that fills up or turns read-only mid-day.

    A record that cannot be written is kept (the newest ``backlog`` of them) instead of
    printing a traceback to stderr, and written before the next record once the disk takes
    writes again: the lines that say what went wrong reach the log after all.

    The file is rotated by size as ``logging.handlers.RotatingFileHandler`` rotates it (the
    same rule and the same names: ``kiosk.log.1`` … ``.<backupCount>``), written out here
    because importing ``logging.handlers`` imports ``socket`` and ``pickle`` with it: about
    7 ms of CPU before attract's first frame, where the log is set up."""

    def __init__(self, filename: str | os.PathLike[str], *, maxBytes: int, backupCount: int,
                 encoding: str, backlog: int) -> None:
        super().__init__(filename, mode="a", encoding=encoding)
        self.maxBytes = maxBytes
        self.backupCount = backupCount
        from collections import deque

        self._backlog: deque[logging.LogRecord] = deque(maxlen=backlog)
        self.lost = 0  # records that fell out of the backlog

    def emit(self, record: logging.LogRecord) -> None:
        if self._backlog:
            waiting = list(self._backlog)
            self._backlog.clear()
            for i, old in enumerate(waiting):
                self._write(old)
                if self._backlog:  # still failing (handleError kept it): keep the rest too
                    self._backlog.extend(waiting[i + 1:])
                    self._keep(record)
                    return
        self._write(record)

    def _write(self, record: logging.LogRecord) -> None:
        try:
            if self._should_rotate(record):
                self._rotate()
            super().emit(record)
        except Exception:  # noqa: BLE001 - logging's rule: a handler never raises
            self.handleError(record)

    def _should_rotate(self, record: logging.LogRecord) -> bool:
        """The record would take the file to ``maxBytes`` or past it (only a regular file:
        a log pointed at a device or a pipe is never renamed)."""
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes <= 0:
            return False
        self.stream.seek(0, 2)   # the end, where Windows does not always leave it
        return self.stream.tell() + len(f"{self.format(record)}\n") >= self.maxBytes

    def _rotate(self) -> None:
        """kiosk.log.<n> becomes .<n+1> (the oldest is dropped), kiosk.log becomes .1, and a
        new kiosk.log is opened."""
        if self.stream:
            self.stream.close()
            self.stream = None  # reopened below
        if self.backupCount > 0:
            for i in range(self.backupCount - 1, 0, -1):
                older, newer = f"{self.baseFilename}.{i}", f"{self.baseFilename}.{i + 1}"
                if os.path.exists(older):
                    if os.path.exists(newer):
                        os.remove(newer)
                    os.rename(older, newer)
            first = f"{self.baseFilename}.1"
            if os.path.exists(first):
                os.remove(first)
            if os.path.exists(self.baseFilename):
                os.rename(self.baseFilename, first)
        self.stream = self._open()

    def _keep(self, record: logging.LogRecord) -> None:
        if len(self._backlog) == self._backlog.maxlen:
            self.lost += 1
        self._backlog.append(record)

    def handleError(self, record: logging.LogRecord) -> None:  # logging's name
        stream, self.stream = self.stream, None  # reopened by the next emit
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass
        self._keep(record)


def setup_logging(data_dir: Path, config: Config) -> None:
    root = logging.getLogger("kiosk")
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    handler = SturdyLogHandler(
        data_dir / config.store.log_filename, maxBytes=config.store.log_max_bytes,
        backupCount=config.store.log_backups, encoding="utf-8",
        backlog=config.store.log_backlog_records)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


STOP_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK")
"""Signals that stop the kiosk cleanly (systemd, a shutdown, Ctrl-C, a closed terminal;
SIGBREAK is Windows' Ctrl-Break). Whichever exist on this platform are handled."""


class SignalCatcher:
    """Stop signals noted from the first moment of ``main()``: each writes its number to a
    pipe (a socket on Windows; Python's wakeup fd) instead of killing the process mid-build;
    the event loop reads them once it runs (:meth:`GracefulStop.install`). A SIGTERM right
    after start (a shutdown, a supervisor's restart) so still ends with the visit closed and
    exit 0."""

    def __init__(self) -> None:
        import signal

        self.read: Any
        self.write: Any
        if os.name == "nt":   # Windows wakes the loop only through a socket
            import socket

            self.read, self.write = socket.socketpair()
            for end in (self.read, self.write):
                end.setblocking(False)
        else:
            # a pipe does the same on POSIX without importing socket (about 6 ms of CPU before
            # attract's first frame)
            self.read, self.write = (_PipeEnd(fd) for fd in os.pipe())
        signal.set_wakeup_fd(self.write.fileno(), warn_on_full_buffer=False)
        for name in STOP_SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                # The wakeup byte does the work; the handler only replaces the default
                # (terminate at once / KeyboardInterrupt in some unrelated frame).
                signal.signal(number, lambda *_: None)


class _PipeEnd:
    """One end of a non-blocking pipe, read as the socket's end is (``recv``)."""

    def __init__(self, fd: int) -> None:
        os.set_blocking(fd, False)
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    def recv(self, size: int) -> bytes:
        return os.read(self._fd, size)


class GracefulStop:
    """Turns a stop request from outside into a clean stop on the UI thread.

    A Python signal handler only runs when the interpreter gets control, which inside Qt's
    event loop may be never; ``signal.set_wakeup_fd`` writes each signal to a pipe (a socket
    on Windows) that a ``QSocketNotifier`` watches, so the loop wakes at once. The stop ends
    the visit (``session_ended`` reason ``shutdown``) and quits the loop; ``main`` then
    flushes the event writer and closes the database. Session end (the X11 session manager, Windows'
    log-off/shut-down message) arrives as ``commitDataRequest``; on Windows a console's close,
    log-off and shut-down events come through ``SetConsoleCtrlHandler``.
    """

    def __init__(self, app: KioskApp) -> None:
        self._app = app
        self._reason: str | None = None
        self.stopped = False
        self.closed = threading.Event()  # set by main() when all is flushed

    def install(self, caught: SignalCatcher | None = None) -> None:
        """Act on stop signals from now on: those ``caught`` since start-up (a SIGTERM while
        the window was being built) are acted on as soon as the event loop runs."""
        from PySide6.QtCore import QSocketNotifier

        caught = caught or SignalCatcher()
        self._read, self._write = caught.read, caught.write
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._drain)
        self._app.qapp.commitDataRequest.connect(lambda _manager: self.stop("session end"))
        if os.name == "nt":
            self._install_console_handler()

    def _drain(self) -> None:
        import signal

        try:
            data = self._read.recv(64)
        except OSError:
            return
        names = []
        for number in data:
            try:
                names.append(signal.Signals(number).name)
            except ValueError:
                names.append(self._reason or "stop request")
        stops = [n for n in names if n in STOP_SIGNALS] or ([self._reason] if self._reason else [])
        if stops:
            self.stop(stops[0])

    def stop(self, why: str) -> None:
        """End the visit and leave the event loop; a second request changes nothing."""
        if self.stopped:
            return
        self.stopped = True
        log.info("stopping: %s", why)
        deadline = self._app.config.watchdog.shutdown_deadline_s
        if deadline > 0:
            timer = threading.Timer(deadline, self._overdue)
            timer.daemon = True
            timer.start()
        from kiosk.visit.flow import EndReason

        try:
            self._app.controller.shutdown(EndReason.SHUTDOWN)
        except Exception:  # stopping must go on
            log.exception("ending the visit on stop failed")
        self._app.qapp.quit()

    def _overdue(self) -> None:
        """Flushing hangs (a full disk, a database held by someone else): go anyway."""
        if self.closed.is_set():
            return
        log.error("stop took longer than %.1f s; exiting without waiting for the event writer",
                  self._app.config.watchdog.shutdown_deadline_s)
        logging.shutdown()
        os._exit(0)

    def _install_console_handler(self) -> None:
        """Windows: a console closed, log-off or shut-down; we have a few seconds to finish."""
        import ctypes
        from ctypes import wintypes

        names = {0: "Ctrl-C", 1: "Ctrl-Break", 2: "console closed", 5: "log-off", 6: "shut-down"}

        @ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)  # type: ignore[attr-defined, untyped-decorator, unused-ignore]  # Windows only
        def handler(event: int) -> bool:
            self._reason = names.get(event, f"console event {event}")
            try:
                self._write.send(b"\xff")  # not a signal number: _drain uses _reason
            except OSError:
                pass
            # Windows ends the process when this returns (for close/log-off/shut-down)
            self.closed.wait(self._app.config.watchdog.shutdown_deadline_s)
            return True

        self._console_handler = handler  # keep the callback alive
        ctypes.windll.kernel32.SetConsoleCtrlHandler(handler, True)  # type: ignore[attr-defined]
