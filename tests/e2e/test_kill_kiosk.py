"""SIGKILL the whole kiosk (QML window, event writer thread) while visitors' events flow in."""
from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LOSS_ALLOWED_S = 1.0   # docs/design.md §5
TIMEOUT_S = 90.0
ENOUGH = 50           # events older than the loss allowed, to judge what was kept

# The real kiosk, built as main() builds it; a timer plays a visitor who starts, toggles the
# language and goes home again, so events keep coming. After each intent it prints how many
# language_changed events it has caused and when.
CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from kiosk.app import build
app = build(["--windowed", "--size", "800x600", "--data", sys.argv[1]])
count = 0
def visitor():
    global count
    if app.controller.state == "attract":
        app.controller.start()
    app.controller.toggleLanguage()
    count += 1
    print(count, time.time(), flush=True)
timer = QTimer()
timer.timeout.connect(visitor)
timer.start(10)
print("started", time.time(), flush=True)
app.qapp.exec()
"""


def _older_than(caused: dict[int, float], moment: float) -> int:
    """How many events the kiosk had caused by ``moment`` (the counts are cumulative)."""
    return max((n for n, at in caused.items() if at <= moment), default=0)


def _pump(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


@pytest.mark.slow
def test_kill_9_keeps_the_database_and_all_but_the_last_second(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    caused: dict[int, float] = {}
    with subprocess.Popen([sys.executable, "-c", CHILD, str(data)], cwd=REPO, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as child:
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_pump, args=(child.stdout, lines), daemon=True).start()
        try:
            first = lines.get(timeout=TIMEOUT_S)
            assert first is not None and first.startswith("started")
            started = float(first.split()[1])
            last = started
            # let it run 2.5 s by its own clock, and on a busy machine on until more than
            # ENOUGH events are older than the loss allowed, then kill
            while last - started < 2.5 or _older_than(caused, last - LOSS_ALLOWED_S) <= ENOUGH:
                line = lines.get(timeout=TIMEOUT_S)
                assert line is not None, "the kiosk stopped by itself"
                n, at = line.split()
                caused[int(n)] = last = float(at)
            child.send_signal(signal.SIGKILL)
            killed_at = last
        finally:
            child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL

    con = sqlite3.connect(data / "kiosk.db")
    try:
        assert con.execute("pragma integrity_check").fetchone() == ("ok",)
        stored = con.execute("select count(*) from events where kind='language_changed'").fetchone()[0]
    finally:
        con.close()
    older = _older_than(caused, killed_at - LOSS_ALLOWED_S)
    assert older > ENOUGH, "the kiosk made too few events to judge"
    # Events are written in order, so "everything older than 1 s" means at least that many.
    assert stored >= older, f"lost events older than {LOSS_ALLOWED_S} s: {stored} < {older}"
