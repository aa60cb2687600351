"""The kiosk process around the window: its log file, and stopping cleanly on a signal.

``kiosk.app`` uses both; they know nothing of the screens beyond what ``KioskApp`` offers.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import Config

if TYPE_CHECKING:
    from kiosk.app import KioskApp

log = logging.getLogger("kiosk")


class SturdyLogHandler(logging.handlers.RotatingFileHandler):
    """The kiosk's log file, for a disk that fills up or turns read-only mid-day.

    A record that cannot be written is kept (the newest ``backlog`` of them) instead of
    printing a traceback to stderr, and written before the next record once the disk takes
    writes again: the lines that say what went wrong reach the log after all."""

    def __init__(self, *args: Any, backlog: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from collections import deque

        self._backlog: deque[logging.LogRecord] = deque(maxlen=backlog)
        self.lost = 0  # records that fell out of the backlog

    def emit(self, record: logging.LogRecord) -> None:
        if self._backlog:
            waiting = list(self._backlog)
            self._backlog.clear()
            for i, old in enumerate(waiting):
                super().emit(old)
                if self._backlog:  # still failing (handleError kept it): keep the rest too
                    self._backlog.extend(waiting[i + 1:])
                    self._keep(record)
                    return
        super().emit(record)

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
    socket (Python's wakeup fd) instead of killing the process mid-build; the event loop reads
    them once it runs (:meth:`GracefulStop.install`). A SIGTERM right after start (a shutdown,
    a supervisor's restart) so still ends with the visit closed and exit 0."""

    def __init__(self) -> None:
        import signal
        import socket

        self.read, self.write = socket.socketpair()
        for end in (self.read, self.write):
            end.setblocking(False)
        signal.set_wakeup_fd(self.write.fileno(), warn_on_full_buffer=False)
        for name in STOP_SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                # The wakeup byte does the work; the handler only replaces the default
                # (terminate at once / KeyboardInterrupt in some unrelated frame).
                signal.signal(number, lambda *_: None)


class GracefulStop:
    """Turns a stop request from outside into a clean stop on the UI thread.

    A Python signal handler only runs when the interpreter gets control, which inside Qt's
    event loop may be never; ``signal.set_wakeup_fd`` writes each signal to a socket that a
    ``QSocketNotifier`` watches, so the loop wakes at once. The stop ends the visit
    (``session_ended`` reason ``shutdown``) and quits the loop; ``main`` then flushes the
    event writer and closes the database. Session end (the X11 session manager, Windows'
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
