"""The kiosk's heartbeat: a timer on the UI thread writes ``heartbeat.json`` for the supervisor.

If the UI thread hangs, the timer stops and the file goes stale; the supervisor
(``kiosk.ops.watchdog``) then restarts the kiosk. The player reports frames so the supervisor can
also see a video that froze while it should play. The same timer applies the memory policy.
With ``quit_after_first_frame`` (the run option ``--quit-after-start``, for checking an
installation) it quits with exit code 0 once the first attract frame is on screen.
"""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, Slot

from kiosk.ops.supervisor_files import (
    CRASH,
    FROZEN_VIDEO,
    HUNG,
    MEMORY,
    NO_HEARTBEAT,
    RESTART_EXIT_CODE,
    RESTARTED_BECAUSE_ENV,
    Beat,
    write_beat,
)
from kiosk.config import Config
from kiosk.ops.memory import ATTRACT, rss_bytes, should_restart

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickWindow

    from kiosk.core.event_sink import EventSink

log = logging.getLogger("kiosk.heartbeat")


class ShowsState(Protocol):
    """Whatever says which screen the kiosk shows now (the flow state's value)."""

    @property
    def state(self) -> str: ...

# The event log's coarser reasons (kiosk.storage.events.RESTART_REASONS) for the watchdog's ids.
EVENT_REASONS = {CRASH: "crash", HUNG: "watchdog", FROZEN_VIDEO: "watchdog",
                 NO_HEARTBEAT: "watchdog", MEMORY: "watchdog"}

class Heartbeat(QObject):
    """Writes a ``Beat`` every ``config.watchdog.heartbeat_interval_s`` from the UI thread."""

    def __init__(self, path: Path, config: Config, state: Callable[[], str], *,
                 quit_app: Callable[[int], Any], quit_after_first_frame: bool = False,
                 clock: Callable[[], float] = time.time,
                 rss: Callable[[], int | None] = rss_bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._config = config
        self._state = state
        self._quit_app = quit_app
        self._clock = clock
        self._rss = rss
        self._seq = 0
        self._playing = False
        self._frames = 0
        self._frame = ""
        self._first_frame_at: float | None = None
        self._write_failed = False
        self._restart_requested = False
        self._quit_after_first_frame = quit_after_first_frame
        self._timer = QTimer(self)
        self._timer.setInterval(int(config.watchdog.heartbeat_interval_s * 1000))
        self._timer.timeout.connect(self.beat)

    @property
    def path(self) -> Path:
        return self._path

    def start(self) -> None:
        """Write the first beat now and then every interval."""
        self._timer.start()
        self.beat()

    def stop(self) -> None:
        self._timer.stop()

    def watch_window(self, window: QQuickWindow) -> None:
        """Note the first frame the window puts on screen (start-up figure, smoke check)."""
        window.frameSwapped.connect(self._on_frame_swapped)
        self._window = window

    @Slot()
    def _on_frame_swapped(self) -> None:
        if self._first_frame_at is not None:
            return
        self._first_frame_at = self._clock()
        self._window.frameSwapped.disconnect(self._on_frame_swapped)
        self.beat()
        if self._quit_after_first_frame and self._state() == ATTRACT:
            log.info("--quit-after-start: first attract frame on screen; quitting")
            self._quit_app(0)

    @Slot(bool)
    def set_playing(self, playing: bool) -> None:
        """The player says whether an episode should be playing now (paused: False)."""
        self._playing = bool(playing)

    def note_frame(self, key: object) -> None:
        """The player shows a new frame; ``key`` differs between frames (start time or hash).

        May be called from the video thread: it only assigns two attributes."""
        self._frames += 1
        self._frame = str(key)

    @Slot()
    def beat(self) -> None:
        """Write one heartbeat and apply the memory policy."""
        self._seq += 1
        state = self._state()
        rss = self._rss()
        beat = Beat(pid=os.getpid(), seq=self._seq, wall_time=self._clock(), state=state,
                    playing=self._playing, frames=self._frames, frame=self._frame,
                    first_frame_at=self._first_frame_at, rss_bytes=rss)
        try:
            write_beat(self._path, beat)
            self._write_failed = False
        except OSError as exc:
            if not self._write_failed:  # once per failure spell, not every second
                log.error("cannot write heartbeat %s: %s", self._path, exc)
            self._write_failed = True
        limit = self._config.watchdog.memory_limit_bytes
        if not self._restart_requested and should_restart(rss, limit, state):
            self._restart_requested = True
            log.warning("memory %d MB is over the limit of %d MB; restarting while in attract",
                        rss // 2**20 if rss else 0, limit // 2**20)
            self._quit_app(RESTART_EXIT_CODE)


def start_heartbeat(*, data_dir: Path, config: Config, controller: ShowsState,
                    window: QQuickWindow, qapp: QGuiApplication, store: EventSink,
                    quit_after_first_frame: bool = False,
                    env: Mapping[str, str] = os.environ) -> Heartbeat:
    """Make, wire and start the kiosk's heartbeat; records ``kiosk_restarted`` when the
    supervisor says this start is a restart (its ``env``). The caller stops it on close."""
    heartbeat = Heartbeat(data_dir / config.watchdog.heartbeat_filename, config,
                          state=lambda: str(controller.state), quit_app=qapp.exit,
                          quit_after_first_frame=quit_after_first_frame)
    heartbeat.watch_window(window)
    reason = env.get(RESTARTED_BECAUSE_ENV)
    if reason:
        log.warning("started again by the watchdog: %s", reason[:64])
        store.record("kiosk_restarted", reason=EVENT_REASONS.get(reason, "watchdog"))
    heartbeat.start()
    return heartbeat
