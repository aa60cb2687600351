"""SIGKILL a process while it records events: the database stays whole, at most ~1 s is lost."""
from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RUN_FOR_S = 2.5          # how long the child records before we kill it
LOSS_ALLOWED_S = 1.0     # docs/design.md §5: a crash loses at most the last second
START_TIMEOUT_S = 60.0   # a loaded 2-core CI machine can be slow to import

# The child records one event every ~5 ms and prints "<n> <time>" after each record() returned,
# so the test knows exactly what had been handed to the store, and when.
CHILD = """
import sys, threading, time
from pathlib import Path
from kiosk.config import DEFAULT
from kiosk.storage.events import EventStore
store = EventStore(Path(sys.argv[1]), "kiosk-kill", DEFAULT.store)
print("started", time.time(), flush=True)
pause = threading.Event()
n = 0
while True:
    store.record("game_abandoned", "kill-test", at_card=n)
    print(n, time.time(), flush=True)
    n += 1
    pause.wait(0.005)
"""


def _pump(stream: object, lines: queue.Queue[str | None]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line)
    lines.put(None)


@pytest.mark.slow
def test_sigkill_while_recording_keeps_the_database_and_older_events(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "kiosk.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    recorded: dict[int, float] = {}
    with subprocess.Popen([sys.executable, "-c", CHILD, str(db_path)], cwd=REPO, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        lines: queue.Queue[str | None] = queue.Queue()
        reader = threading.Thread(target=_pump, args=(child.stdout, lines), daemon=True)
        reader.start()
        try:
            first = lines.get(timeout=START_TIMEOUT_S)
            assert first is not None and first.startswith("started"), child.stderr.read()
            started = float(first.split()[1])
            while True:  # wait on the child's own reports, not a blind sleep
                line = lines.get(timeout=START_TIMEOUT_S)
                assert line is not None, child.stderr.read()
                n, at = line.split()
                recorded[int(n)] = float(at)
                if float(at) >= started + RUN_FOR_S:
                    break
            killed_at = time.time()
            child.send_signal(signal.SIGKILL)
        finally:
            if child.poll() is None:
                child.kill()
            child.wait(timeout=START_TIMEOUT_S)
        reader.join(timeout=START_TIMEOUT_S)
    assert child.returncode == -signal.SIGKILL
    while (line := lines.get_nowait()) is not None:
        parts = line.split()
        if len(parts) == 2:  # the kill may cut the very last line short
            recorded[int(parts[0])] = float(parts[1])

    conn = sqlite3.connect(str(db_path))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in conn.execute(
            "SELECT at_card FROM events WHERE kind = 'game_abandoned'")}
    finally:
        conn.close()

    old_enough = {n for n, at in recorded.items() if at < killed_at - LOSS_ALLOWED_S}
    assert len(old_enough) > 100  # ~1.5 s at one event per ~5 ms: the child really ran
    missing = sorted(old_enough - stored)
    assert missing == [], f"{len(missing)} events older than 1 s lost, first {missing[:5]}"
    assert stored <= set(recorded)  # nothing invented
