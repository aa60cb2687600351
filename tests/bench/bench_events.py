"""Event store benchmark: record() cost, write throughput, file size, open time on a big log.

Run: ``python tests/bench/bench_events.py [--events 100000] [--open-events 1000000]``
(not part of the test run; figures go into the storage note).
"""
from __future__ import annotations

import argparse
import itertools
import secrets
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.config import DEFAULT
from kiosk.storage.db import connect, open_or_recover
from kiosk.storage.events import EventStore


def visit(session: str) -> list[tuple[str, dict[str, Any]]]:
    """One plausible visit: about a dozen events of the common kinds."""
    return [
        ("session_started", {}),
        ("screen_shown", {"screen": "home"}),
        ("episode_started", {"episode_id": "ads-s1e1", "via": "tile"}),
        ("episode_progress", {"episode_id": "ads-s1e1", "pct": 50.0}),
        ("episode_finished", {"episode_id": "ads-s1e1", "fraction": 0.93}),
        ("screen_shown", {"screen": "game"}),
        ("game_started", {"mode": "solo"}),
        ("card_swiped", {"card_id": "laadpaal", "liked": True, "via": "swipe"}),
        ("card_swiped", {"card_id": "lasrobot", "liked": False, "via": "swipe"}),
        ("game_finished", {"jobs": ["elektromonteur", "lasser", "cnc-operator"],
                           "duration": 74.2, "mode": "solo"}),
        ("qr_shown", {"purpose": "result", "target": "elektromonteur"}),
        ("session_ended", {"reason": "idle"}),
    ]


def events(n: int) -> list[tuple[str, str, dict[str, Any]]]:
    out: list[tuple[str, str, dict[str, Any]]] = []
    for _ in itertools.count():
        session = secrets.token_hex(8)
        out.extend((kind, session, fields) for kind, fields in visit(session))
        if len(out) >= n:
            return out[:n]
    raise AssertionError("unreachable")


def bench_record(folder: Path, n: int) -> None:
    """Per-call cost with the writer running, as in the app."""
    batch = events(n)
    store = EventStore(folder / "record.db", "bench-kiosk", DEFAULT.store)
    store.event_id = "open-dag-2026"
    costs: list[int] = []
    t0 = time.perf_counter()
    for kind, session, fields in batch:
        start = time.perf_counter_ns()
        store.record(kind, session, **fields)
        costs.append(time.perf_counter_ns() - start)
    store.flush(timeout=600)
    total = time.perf_counter() - t0
    store.close()
    costs.sort()
    print(f"record(): mean {statistics.fmean(costs) / 1000:.1f} µs, "
          f"p50 {costs[len(costs) // 2] / 1000:.1f} µs, p99 {costs[int(len(costs) * 0.99)] / 1000:.1f} µs, "
          f"max {costs[-1] / 1000:.0f} µs  ({n} calls, writer running)")
    print(f"end to end: {n} events recorded and committed in {total:.2f} s")


def bench_paced(folder: Path, n: int, every_s: float) -> None:
    """Per-call cost at a busy-kiosk rate (one event per ``every_s``), small batches."""
    batch = events(n)
    store = EventStore(folder / "paced.db", "bench-kiosk", DEFAULT.store)
    pause = threading.Event()
    costs: list[int] = []
    for kind, session, fields in batch:
        start = time.perf_counter_ns()
        store.record(kind, session, **fields)
        costs.append(time.perf_counter_ns() - start)
        pause.wait(every_s)
    store.close()
    costs.sort()
    print(f"record() paced (1 per {every_s * 1000:g} ms): mean {statistics.fmean(costs) / 1000:.1f} µs, "
          f"p99 {costs[int(len(costs) * 0.99)] / 1000:.1f} µs, max {costs[-1] / 1000:.0f} µs ({n} calls)")


def bench_write(folder: Path, n: int) -> None:
    """Writer throughput: queue n events while the writer sleeps, then time one flush."""
    batch = events(n)
    store = EventStore(folder / "write.db", "bench-kiosk",
                       DEFAULT.with_(event_flush_interval_s=3600, event_flush_timeout_s=600).store)
    for kind, session, fields in batch:
        store.record(kind, session, **fields)
    t0 = time.perf_counter()
    store.flush()
    took = time.perf_counter() - t0
    store.close()
    size = (folder / "write.db").stat().st_size
    print(f"write throughput: {n / took:,.0f} events/s ({n} in one batch, {took:.2f} s)")
    print(f"database size: {size / n * 100_000 / 1e6:.1f} MB per 100k events "
          f"({size / n:.0f} bytes/event incl. indexes)")
    conn = connect(folder / "write.db", DEFAULT.store)
    try:
        parts = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name "
                             "ORDER BY 2 DESC").fetchall()
        print("  by table/index: " + ", ".join(f"{name} {b / size:.0%}" for name, b in parts))
    except Exception as e:  # noqa: BLE001 - dbstat is an optional SQLite build option
        print(f"  (no size breakdown: {e})")
    finally:
        conn.close()


def bench_open(folder: Path, n: int) -> None:
    """Start-up cost of opening (header, quick_check, migrations) a big log."""
    path = folder / "open.db"
    store = EventStore(path, "bench-kiosk", DEFAULT.with_(event_flush_interval_s=3600,
                                                          event_flush_timeout_s=3600).store)
    one = events(12_000)
    for start in range(0, n, len(one)):
        for kind, session, fields in one[: n - start]:
            store.record(kind, session, **fields)
        store.flush()
    store.close()
    timings = []
    for _ in range(3):
        t0 = time.perf_counter()
        result = open_or_recover(path, DEFAULT.store)
        timings.append(time.perf_counter() - t0)
        result.conn.close()
    conn = connect(path, DEFAULT.store)
    t0 = time.perf_counter()
    conn.execute("PRAGMA integrity_check").fetchall()
    full = time.perf_counter() - t0
    conn.close()
    print(f"open_or_recover on {n:,} events ({path.stat().st_size / 1e6:.0f} MB): "
          f"median {statistics.median(timings) * 1000:.0f} ms (quick_check); "
          f"a full integrity_check would take {full * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--paced-events", type=int, default=1000)
    parser.add_argument("--open-events", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_paced(folder, args.paced_events, 0.005)
        bench_record(folder, args.events)
        bench_write(folder, args.events)
        if args.open_events:
            bench_open(folder, args.open_events)


if __name__ == "__main__":
    main()
