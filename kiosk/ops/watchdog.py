"""The supervisor: runs the kiosk as a child process and starts it again when it fails.

    python -m kiosk.ops.watchdog [kiosk options]   (frozen bundle: bliq-kiosk supervise [options])

It restarts the kiosk when the heartbeat goes stale (UI thread hung), when the video shows the
same frame too long while it should play, when the child exits with an error or asks for a
restart (memory), or when a new child never writes a heartbeat. Each restart is logged and
appended to the restarts log that admin counts. Exit code 0 from the kiosk (admin quit) ends
the supervisor too. No Qt here: the supervisor must outlive whatever broke Qt.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk import paths
from kiosk.ops.supervisor_files import (
    CRASH,
    FROZEN_VIDEO,
    HUNG,
    MEMORY,
    NO_HEARTBEAT,
    RESTART_EXIT_CODE,
    RESTARTED_BECAUSE_ENV,
    Beat,
    append_restart,
    read_beat,
)
from kiosk.config import DEFAULT, Config, WatchdogConfig
from kiosk.paths import kiosk_command

log = logging.getLogger("kiosk.watchdog")


@dataclass
class Watch:
    """What the supervisor has seen of one child, judged on the supervisor's monotonic clock."""

    started: float
    seq: int | None = None
    seq_changed: float = 0.0
    playing: bool = False
    frame: str | None = None
    frame_changed: float = 0.0
    beats_since_frame: int = 0   # heartbeats that came while the picture stood still

    def observe(self, beat: Beat | None, now: float) -> None:
        """Take in the latest heartbeat (None: none yet, or unreadable this time)."""
        if beat is None:
            return
        if beat.seq != self.seq:
            self.seq, self.seq_changed = beat.seq, now
            self.beats_since_frame += 1
        if beat.playing and (not self.playing or beat.frame != self.frame):
            self.frame_changed = now  # a new frame, or playing just began: the clock restarts
            self.beats_since_frame = 0
        self.playing, self.frame = beat.playing, beat.frame

    def verdict(self, config: WatchdogConfig, now: float, can_beat: bool = True) -> str | None:
        """Why the child must be restarted now (a reason id from kiosk.supervisor_files), or None.

        ``can_beat`` False: the data dir turned read-only, so no heartbeat can change; a
        stale one then proves nothing, and a restart would lose the events the kiosk keeps
        in memory (and the new kiosk could not even start there)."""
        if self.seq is None:
            late = now - self.started > config.watchdog_start_grace_s
            return NO_HEARTBEAT if late else None
        if now - self.seq_changed > config.heartbeat_stale_s:
            return HUNG if can_beat else None
        # A frozen picture only counts while the UI kept beating all along: when the beats stop
        # too, the whole UI hangs (the picture with it), which HUNG reports once the beat is stale.
        frozen_for = now - self.frame_changed
        kept_beating = self.beats_since_frame >= max(
            # half the beats due: polls may merge
            2, frozen_for / config.heartbeat_interval_s / 2)
        if self.playing and kept_beating and frozen_for > config.video_frozen_restart_s:
            return FROZEN_VIDEO
        return None


def read_only(folder: Path) -> bool:
    """True when ``folder``'s file system is mounted read-only (it went so mid-day)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # Windows has no statvfs: assume writable
        return False


def exit_reason(code: int) -> tuple[str, str] | None:
    """(reason id, detail) for a child that exited with ``code``; None for a wanted stop (0)."""
    if code == 0:
        return None
    if code == RESTART_EXIT_CODE:
        return MEMORY, f"exit {code}"
    if code < 0:
        return CRASH, f"signal {-code}"
    return CRASH, f"exit {code}"


class Supervisor:
    """Starts ``command`` and keeps it running; see the module docstring for when it restarts."""

    def __init__(self, command: Sequence[str], data_dir: Path, config: WatchdogConfig, *,
                 env: Mapping[str, str] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 output: int | None = None) -> None:
        """``output``: where the child's stdout/stderr go (None: the supervisor's own, which
        systemd puts in the journal)."""
        self._command = list(command)
        self._output = output
        self._config = config
        self._env = dict(os.environ if env is None else env)
        self._clock = clock
        self.heartbeat_path = data_dir / config.heartbeat_filename
        self.restarts_path = data_dir / config.restarts_filename
        self.starts = 0
        self._recent: deque[float] = deque(
            maxlen=max(1, config.watchdog_crash_loop_restarts))

    def run(self, stop: threading.Event) -> int:
        """Supervise until the kiosk exits 0 or ``stop`` is set; returns the exit code (0)."""
        reason: str | None = None
        while not stop.is_set():
            if stop.wait(self._delay(reason)):
                break
            child = self._spawn(reason)
            outcome = self._watch(child, stop)
            if outcome is None or stop.is_set():  # a stop kills the child: not a restart
                break
            reason, detail = outcome
            self._recent.append(self._clock())
            append_restart(self.restarts_path, reason, detail)
            log.warning("restarting the kiosk (pid %d): %s %s", child.pid, reason, detail)
        return 0

    def _delay(self, reason: str | None) -> float:
        if reason is None:
            return 0.0
        cfg = self._config
        full = len(self._recent) == self._recent.maxlen
        if full and self._clock() - self._recent[0] < cfg.watchdog_crash_loop_window_s:
            log.error("%d restarts within %.0f s; waiting %.0f s before the next start",
                      len(self._recent), cfg.watchdog_crash_loop_window_s,
                      cfg.watchdog_crash_loop_delay_s)
            return cfg.watchdog_crash_loop_delay_s
        return cfg.watchdog_restart_delay_s

    def _spawn(self, reason: str | None) -> subprocess.Popen[bytes]:
        env = dict(self._env)
        env.pop(RESTARTED_BECAUSE_ENV, None)
        if reason is not None:
            env[RESTARTED_BECAUSE_ENV] = reason
        try:  # a beat left by the previous child must not count for the new one
            self.heartbeat_path.unlink()
        except OSError:
            pass
        child = subprocess.Popen(self._command, env=env, stdin=subprocess.DEVNULL,
                                 stdout=self._output, stderr=self._output)
        self.starts += 1
        log.info("started the kiosk (pid %d)%s", child.pid,
                 f" after: {reason}" if reason else "")
        return child

    def _watch(self, child: subprocess.Popen[bytes],
               stop: threading.Event) -> tuple[str, str] | None:
        """Wait until the child must be restarted ((reason, detail)) or is done (None)."""
        watch = Watch(started=self._clock())
        warned_read_only = False
        while True:
            if stop.is_set():  # first: systemd may have sent the child SIGTERM too
                self._stop_child(child)
                log.info("the watchdog was asked to stop; the kiosk is stopped")
                return None
            code = child.poll()
            if code is not None:
                outcome = exit_reason(code)
                if outcome is None:
                    log.info("the kiosk stopped (exit 0); the watchdog stops too")
                return outcome
            beat = read_beat(self.heartbeat_path)
            if beat is not None and beat.pid != child.pid:
                beat = None  # not this child's (cannot happen after the unlink; cheap to check)
            watch.observe(beat, self._clock())
            can_beat = not read_only(self.heartbeat_path.parent)
            if not can_beat and not warned_read_only:
                log.error("the data dir %s is read-only: the kiosk cannot write its heartbeat; "
                          "not restarting it for that", self.heartbeat_path.parent)
            warned_read_only = not can_beat
            verdict = watch.verdict(self._config, self._clock(), can_beat)
            if verdict is not None:
                self._stop_child(child)
                last = read_beat(self.heartbeat_path)
                return verdict, f"last state {last.state}" if last is not None else ""
            stop.wait(self._config.watchdog_poll_s)

    def _stop_child(self, child: subprocess.Popen[bytes]) -> None:
        child.terminate()
        try:
            child.wait(self._config.watchdog_stop_grace_s)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _setup_logging(data_dir: Path, config: Config) -> None:
    handler = logging.handlers.RotatingFileHandler(
        data_dir / config.watchdog.watchdog_log_filename, maxBytes=config.store.log_max_bytes,
        backupCount=config.store.log_backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    if sys.stderr is not None:  # None in the windowed Windows bundle
        log.addHandler(logging.StreamHandler(sys.stderr))
    log.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None, config: Config = DEFAULT) -> int:
    """``python -m kiosk.ops.watchdog [kiosk options]``: supervise the kiosk until admin quits."""
    from kiosk.cli import UsageError, parse_run_args  # argparse only, no Qt

    kiosk_args = list(sys.argv[1:] if argv is None else argv)
    try:
        # Check the options once here: a typo would otherwise become a restart loop.
        options = parse_run_args(kiosk_args)
        data_dir = options.data or paths.default_data_dir()
        data_dir.mkdir(parents=True, exist_ok=True)
    except UsageError as exc:
        print(f"kiosk supervise: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"kiosk supervise: cannot use data dir: {exc} (choose another with --data DIR)",
              file=sys.stderr)
        return 2
    if options.data is None:  # the child must use the same data dir as its supervisor
        kiosk_args += ["--data", str(data_dir)]
    _setup_logging(data_dir, config)
    stop = threading.Event()
    for name in ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda *_: stop.set())
    supervisor = Supervisor(kiosk_command(kiosk_args), data_dir, config.watchdog)
    return supervisor.run(stop)


if __name__ == "__main__":
    sys.exit(main())
