"""100 SIGKILLs at random moments of scripted visits, on one data dir like a kiosk that keeps
being unplugged: after every kill ``integrity_check`` is ok and nothing older than 1 s is lost.

    python -m tests.bench.bench_kill100 [--kills 100] [--seed 1]

The child is the real kiosk (``kiosk.app.build``, offscreen); a timer plays visitors who start,
walk the sections, flip the language and end the visit. After each language flip it prints
how many it caused and when, so the parent knows exactly what had been handed to the store.
"""
from __future__ import annotations

import argparse
import os
import queue
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LOSS_ALLOWED_S = 1.0
TIMEOUT_S = 120.0

CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from kiosk.app import build
app = build(["--windowed", "--size", "800x600", "--data", sys.argv[1]])
c = app.controller
steps = ["start", "episodes", "lang", "home", "game", "lang", "home", "companies", "lang", "end"]
state = {"i": 0, "n": 0}
def visitor():
    step = steps[state["i"] % len(steps)]
    state["i"] += 1
    if step == "start" and c.state == "attract":
        c.start()
    elif step in ("episodes", "game", "companies"):
        c.openSection(step)
    elif step == "home":
        c.goHome()
    elif step == "end":
        c.endSession()
    elif step == "lang" and c.state != "attract":
        c.toggleLanguage()
        state["n"] += 1
        print(state["n"], time.time(), flush=True)
timer = QTimer()
timer.timeout.connect(visitor)
timer.start(5)
print("started", time.time(), flush=True)
app.qapp.exec()
"""


def _pump(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def one_kill(data: Path, rng: random.Random, env: dict[str, str]) -> tuple[int, int, float, str]:
    """Run the kiosk, kill it at a random moment; (caused older than 1 s, stored, startup s,
    integrity)."""
    db = data / "kiosk.db"
    before = 0
    if db.exists():
        with sqlite3.connect(db) as con:
            before = con.execute("select count(*) from events where kind='language_changed'"
                                 ).fetchone()[0]
    t0 = time.monotonic()
    caused: dict[int, float] = {}
    with subprocess.Popen([sys.executable, "-c", CHILD, str(data)], cwd=REPO, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as child:
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_pump, args=(child.stdout, lines), daemon=True).start()
        first = lines.get(timeout=TIMEOUT_S)
        assert first is not None and first.startswith("started")
        startup = time.monotonic() - t0
        started = float(first.split()[1])
        run_for = rng.uniform(0.05, 3.0)  # from right after start to a few seconds in
        last = started
        while last - started < run_for:
            line = lines.get(timeout=TIMEOUT_S)
            assert line is not None, "the kiosk stopped by itself"
            parts = line.split()
            if len(parts) == 2:
                caused[int(parts[0])] = last = float(parts[1])
        child.send_signal(signal.SIGKILL)
        child.wait()
    con = sqlite3.connect(db)
    try:
        integrity = con.execute("pragma integrity_check").fetchone()[0]
        stored = con.execute("select count(*) from events where kind='language_changed'"
                             ).fetchone()[0] - before
    finally:
        con.close()
    older = max((n for n, at in caused.items() if at <= last - LOSS_ALLOWED_S), default=0)
    return older, stored, startup, integrity


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--kills", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    rng = random.Random(args.seed)
    data = Path(tempfile.mkdtemp(prefix="kill100-")) / "data"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    began = time.monotonic()
    bad: list[str] = []
    margins: list[int] = []
    for i in range(args.kills):
        older, stored, startup, integrity = one_kill(data, rng, env)
        margins.append(stored - older)
        if integrity != "ok" or stored < older:
            bad.append(f"kill {i}: integrity {integrity}, stored {stored} < older {older}")
        print(f"kill {i + 1:3d}: integrity {integrity}, older than 1 s {older:4d}, stored "
              f"{stored:4d}, start {startup:.1f} s", flush=True)
    with sqlite3.connect(data / "kiosk.db") as con:
        total = con.execute("select count(*) from events").fetchone()[0]
    print(f"\n{args.kills} kills in {time.monotonic() - began:.0f} s: {len(bad)} bad; "
          f"events stored in all {total}; stored minus 'older than 1 s' median "
          f"{statistics.median(margins)} (min {min(margins)})")
    for line in bad:
        print(line)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
