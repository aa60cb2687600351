"""The supervisor with real child processes: a hung kiosk comes back, a healthy one is left alone.

The kiosk children are the real kiosk, built as ``main()`` builds it, offscreen. Waiting is on
conditions (files the processes write), never a fixed sleep.
"""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.ops.supervisor_files import Beat, read_beat, read_restarts
from kiosk.config import DEFAULT, Config
from kiosk.ops.watchdog import Supervisor

REPO = Path(__file__).resolve().parents[2]
DEADLINE_S = 45.0  # generous: two cold kiosk starts on a busy 2-core machine

# The real kiosk as main() runs it (build() starts the heartbeat), never looking at this
# machine's USB sticks. With CHILD_HANG_AFTER_S the first kiosk blocks its UI thread that many
# seconds after start (the fault under test); a restarted one must stay up.
KIOSK_CHILD = """
import logging, os, sys, time
from PySide6.QtCore import QTimer
from kiosk.app import build
from kiosk.config import DEFAULT
app = build(sys.argv[1:], config=DEFAULT.with_(removable_media_globs=()))
assert app.heartbeat is not None

def hang():
    logging.getLogger("kiosk").warning("test: blocking the UI thread")
    time.sleep(600)

if os.environ.get("CHILD_HANG_AFTER_S") and not os.environ.get("KIOSK_RESTARTED_BECAUSE"):
    QTimer.singleShot(int(float(os.environ["CHILD_HANG_AFTER_S"]) * 1000), hang)
code = app.qapp.exec()
app.close()
sys.exit(code)
"""

# A fake kiosk for the frozen-video rule: heartbeats keep coming (the UI is fine) and it says it
# plays, but its frame never changes. Started again, it quits cleanly (admin quit: exit 0).
FROZEN_CHILD = """
import os, sys, time
from pathlib import Path
from kiosk.ops.supervisor_files import Beat, write_beat
if os.environ.get("KIOSK_RESTARTED_BECAUSE"):
    sys.exit(0)
path = Path(sys.argv[1])
for seq in range(1, 600):
    write_beat(path, Beat(pid=os.getpid(), seq=seq, wall_time=time.time(), state="player",
                          playing=True, frames=seq, frame="same"))
    time.sleep(0.05)
"""

# Shrunk supervisor timings; the kiosk child keeps the default 1 s heartbeat interval, so
# 4 s of silence is four missed beats.
FAST = DEFAULT.with_(heartbeat_stale_s=4.0, watchdog_poll_s=0.1, watchdog_restart_delay_s=0.1,
                     watchdog_start_grace_s=DEADLINE_S, watchdog_stop_grace_s=2.0,
                     video_frozen_restart_s=1.0)


def wait_until(condition: Callable[[], object], timeout: float = DEADLINE_S) -> None:
    """Poll a condition (like qtbot.waitUntil, for plain processes)."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


class Running:
    """A Supervisor on a thread; stopped (and its child ended) when the test leaves."""

    def __init__(self, command: list[str], data: Path, config: Config) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen",
               "QT_QUICK_BACKEND": "software"}
        env.pop("KIOSK_RESTARTED_BECAUSE", None)
        self.env = env
        self.data = data
        self.command = command
        self.config = config
        self.stop = threading.Event()
        self.result: list[int] = []

    def start(self, **extra_env: str) -> Supervisor:
        self.supervisor = Supervisor(self.command, self.data, self.config.watchdog,
                                     env={**self.env, **extra_env}, output=subprocess.DEVNULL)
        self.thread = threading.Thread(
            target=lambda: self.result.append(self.supervisor.run(self.stop)), daemon=True)
        self.thread.start()
        return self.supervisor

    def close(self) -> None:
        self.stop.set()
        self.thread.join(DEADLINE_S)

    def beat(self) -> Beat | None:
        return read_beat(self.data / self.config.watchdog.heartbeat_filename)


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Callable[..., Running]]:
    made: list[Running] = []

    def make(command: list[str], config: Config = FAST) -> Running:
        data = tmp_path / "data"
        data.mkdir(exist_ok=True)
        made.append(Running(command, data, config))
        return made[-1]

    yield make
    for r in made:
        r.close()


def kiosk_command(data: Path) -> list[str]:
    return [sys.executable, "-c", KIOSK_CHILD, "--windowed", "--size", "800x600",
            "--data", str(data)]


def _log_time(log: Path, message: str) -> float:
    """Wall time of the first kiosk.log line containing ``message``."""
    for line in log.read_text(encoding="utf-8").splitlines():
        if message in line:
            stamp = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3})", line)
            assert stamp, line
            second = datetime.strptime(stamp[1], "%Y-%m-%d %H:%M:%S").timestamp()
            return second + int(stamp[2]) / 1000
    raise AssertionError(f"no '{message}' in {log}")


@pytest.mark.slow
def test_a_hung_kiosk_is_restarted_into_attract(running: Callable[..., Running],
                                                tmp_path: Path) -> None:
    r = running(kiosk_command(tmp_path / "data"))
    sup = r.start(CHILD_HANG_AFTER_S="1")

    wait_until(lambda: r.beat() is not None)
    first = r.beat()
    assert first is not None
    wait_until(lambda: read_restarts(sup.restarts_path))
    restarts = read_restarts(sup.restarts_path)
    assert [x.reason for x in restarts] == ["hung"]

    def back_in_attract() -> bool:
        beat = r.beat()
        return (beat is not None and beat.state == "attract" and beat.first_frame_at is not None
                and sup.starts == 2)

    wait_until(back_in_attract)
    beat = r.beat()
    assert beat is not None and beat.pid != first.pid
    hang_began = _log_time(r.data / "kiosk.log", "test: blocking the UI thread")
    print(f"\nhang → back in attract: {beat.first_frame_at - hang_began:.1f} s "
          f"(stale after {FAST.watchdog.heartbeat_stale_s:g} s)")
    # The restarted kiosk knows why it was started: one kiosk_restarted event, reason watchdog
    # (the event log's coarse reason; the restarts log has the precise one).
    def restarted_events() -> list[tuple[str]]:
        con = sqlite3.connect(r.data / "kiosk.db")
        try:
            return con.execute("select reason from events where kind='kiosk_restarted'").fetchall()
        finally:
            con.close()

    wait_until(restarted_events)
    assert restarted_events() == [("watchdog",)]
    assert sup.starts == 2


@pytest.mark.slow
def test_a_healthy_kiosk_is_never_restarted(running: Callable[..., Running],
                                            tmp_path: Path) -> None:
    r = running(kiosk_command(tmp_path / "data"))
    sup = r.start()
    # Five heartbeats after start, then five more: well past the 4 s staleness limit.
    wait_until(lambda: (b := r.beat()) is not None and b.seq >= 5 and b.first_frame_at)
    first = r.beat()
    assert first is not None
    wait_until(lambda: (b := r.beat()) is not None and b.seq >= first.seq + 5)
    last = r.beat()
    assert last is not None and last.pid == first.pid and last.state == "attract"
    assert sup.starts == 1
    assert read_restarts(sup.restarts_path) == []


def test_a_frozen_video_is_restarted_and_exit_0_ends_the_watchdog(
        running: Callable[..., Running], tmp_path: Path) -> None:
    data = tmp_path / "data"
    r = running([sys.executable, "-c", FROZEN_CHILD, str(data / FAST.watchdog.heartbeat_filename)])
    sup = r.start()
    r.thread.join(DEADLINE_S)
    assert r.result == [0], "the watchdog should end when the kiosk exits 0"
    assert [(x.reason, x.detail) for x in read_restarts(sup.restarts_path)] == [
        ("frozen-video", "last state player")]
    assert sup.starts == 2


def test_a_crashing_kiosk_is_restarted_with_its_exit_code(
        running: Callable[..., Running]) -> None:
    # exits 3 at first; started again (the env says why), it exits 0 (admin quit)
    crash = ("import os, sys; "
             "sys.exit(0 if os.environ.get('KIOSK_RESTARTED_BECAUSE') == 'crash' else 3)")
    r = running([sys.executable, "-c", crash])
    sup = r.start()
    r.thread.join(DEADLINE_S)
    assert r.result == [0]
    assert [(x.reason, x.detail) for x in read_restarts(sup.restarts_path)] == [("crash", "exit 3")]
    assert sup.starts == 2
