"""Campaign benchmark: pack install, snapshot and merge, and what a visitor feels meanwhile.

    QT_QPA_PLATFORM=offscreen nice python -m tests.bench.bench_campaign [--pack-mb 200]
        [--events 1000000] [--snapshots 30]

1. Install of a signed pack of ``--pack-mb`` MB (the sample pack plus one large file): verify,
   unpack (hash while writing) and ``check``, timed one by one without a UI; then the same
   install in the background of a running kiosk (a visit in progress, so it is not switched to),
   while a script taps the language toggle: tap → the frame that shows the new language, and the
   intervals between frames.
   A 10 ms timer on the UI thread measures event-loop stalls (offscreen, frames come only when
   something changes, so frame intervals alone would not show stutter).
2. Snapshot of a database with ``--events`` events (backup API), alone and in the background of
   a running kiosk with the same taps.
3. ``kiosk merge`` of ``--snapshots`` snapshots (``--events`` spread over them), run twice
   (the second run adds nothing).

Figures are wall-clock on this machine; offscreen software rendering, so frame intervals follow
the attract/home screen's own redraws rather than a display's vsync.
"""
from __future__ import annotations
from kiosk.config import DEFAULT

import argparse
import io
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    os.environ.setdefault("QT_QUICK_BACKEND", "software")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0


def summary(label: str, values_ms: list[float], missed: int = 0) -> str:
    if not values_ms:
        return f"{label}: no samples"
    extra = f", {missed} taps without a visible change in 2 s" if missed else ""
    return (f"{label}: n={len(values_ms)} median {statistics.median(values_ms):.1f} ms, "
            f"p95 {pct(values_ms, 0.95):.1f} ms, max {max(values_ms):.1f} ms{extra}")


def make_big_pack(root: Path, megabytes: int, version: int) -> Path:
    from tests.packtools import pack_copy

    pack = pack_copy(root / f"pack-{version}", version)
    chunk = os.urandom(1 << 20)
    with (pack / "media" / "extra-footage.bin").open("wb") as f:
        for _ in range(megabytes):
            f.write(chunk)
    return pack


def fill_events(path: Path, n: int, kiosk: str = "kbench01", start: float = 1_773_000_000.0,
                offset: int = 0) -> None:
    """A kiosk database with ``n`` realistic events (written directly, in one transaction)."""
    from kiosk.storage.db import EVENT_COLUMNS, open_database

    conn = open_database(path, DEFAULT.store)
    kinds = ["session_started", "screen_shown", "episode_started", "episode_progress",
             "card_swiped", "qr_shown", "session_ended"]
    rows = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        ts = start + (offset + i) * 0.5
        sid = f"{kiosk}s{(offset + i) // 7:08x}"
        values: dict[str, Any] = {"kiosk_id": kiosk, "ts": ts, "day": "2026-03-12",
                                  "event_id": "techniekmarkt-2026", "session_id": sid,
                                  "kind": kind}
        if kind == "screen_shown":
            values["screen"] = "home"
        elif kind in ("episode_started", "episode_progress"):
            values.update(episode_id="ads-s1e1", via="tile", pct=50.0)
        elif kind == "card_swiped":
            values.update(card_id="c-solderen", liked=1, via="swipe")
        elif kind == "qr_shown":
            values.update(purpose="result", target="lasser")
        elif kind == "session_ended":
            values["reason"] = "home"
        rows.append(tuple(values.get(c) for c in EVENT_COLUMNS))
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                     f"({', '.join('?' * len(EVENT_COLUMNS))})", rows)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


class Taps:
    """Taps the language toggle and measures tap → the frame that shows the change."""

    def __init__(self, app: Any) -> None:
        from PySide6.QtCore import QElapsedTimer

        self.app = app
        self.frames: list[float] = []
        self.clock = QElapsedTimer()
        self.clock.start()
        self._last = 0.0
        self.intervals: list[float] = []
        self.latencies: list[float] = []
        self.missed = 0
        self._connect()

    def _connect(self) -> None:
        from PySide6.QtCore import QTimer

        self.app.window.frameSwapped.connect(self._on_frame)
        # Offscreen, frames come only when something changes; a 10 ms timer on the UI thread
        # shows every stall of the event loop (what a visitor would see as stutter).
        self._tick = QTimer()
        self._tick.setInterval(10)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()

    def _on_frame(self) -> None:
        self.frames.append(self.clock.nsecsElapsed() / 1e6)

    def _on_tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        if self._last:
            self.intervals.append(now - self._last)
        self._last = now

    def run_while(self, busy: Any, gap_ms: int = 150, max_s: float = 600.0) -> None:
        """Tap every ``gap_ms`` while ``busy()`` is true."""
        from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

        from tests.uitools import touch_tap

        deadline = time.monotonic() + max_s
        self.intervals.clear()
        self._last = 0.0
        while busy() and time.monotonic() < deadline:
            before = self.app.controller.language
            t0 = self.clock.nsecsElapsed() / 1e6
            touch_tap(self.app.window, "languageToggle")
            give_up = time.monotonic() + 2.0  # a tap that changed nothing is counted, not waited on
            while self.app.controller.language == before and time.monotonic() < give_up:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            n = len(self.frames)
            while len(self.frames) == n and time.monotonic() < give_up:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if time.monotonic() >= give_up:
                self.missed += 1
            else:
                self.latencies.append(self.frames[-1] - t0)
            loop = QEventLoop()
            QTimer.singleShot(gap_ms, loop.quit)
            loop.exec()


def kiosk(data: Path, inbox: Path, content: Path) -> Any:
    from kiosk.app import build
    from kiosk.config import Config

    cfg = Config().with_(idle_timeout_s=3600.0, idle_from_event=False, inbox_poll_s=0.2,
                 inbox_settle_s=0.5, snapshot_interval_s=3600.0, pack_max_bytes=2 * 2**30)
    app = build(["--windowed", "--size", "1920x1080", "--data", str(data), "--inbox", str(inbox),
                 "--content", str(content)], config=cfg)
    from PySide6.QtCore import QCoreApplication, QEventLoop

    settle = time.monotonic() + 2.0  # first frames, attract clip loaded
    while time.monotonic() < settle or not app.window.isExposed():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    app.controller.start()  # a visit is in progress: a new pack must wait for it
    return app


def bench_install(tmp: Path, megabytes: int) -> None:
    from kiosk.pack import bliqpack
    from kiosk.campaign.updates import check_errors
    from tests.packtools import build, keypair

    private, public = keypair(tmp / "keys")
    pack = make_big_pack(tmp, megabytes, 2)
    t = time.perf_counter()
    archive = build(pack, private, tmp / "big-2.bliqpack")
    print(f"pack build ({archive.stat().st_size / 2**20:.0f} MB archive): "
          f"{time.perf_counter() - t:.2f} s")

    data = tmp / "plain"
    bliqpack.trust(public, data)
    t0 = time.perf_counter()
    manifest = bliqpack.verify(archive, bliqpack.trusted_keys(data), DEFAULT.campaign)
    t1 = time.perf_counter()
    folder = bliqpack.unpack(archive, manifest, data / "packs", DEFAULT.campaign)
    t2 = time.perf_counter()
    error = check_errors(folder, DEFAULT)
    t3 = time.perf_counter()
    assert error is None, error
    print(f"install without UI: verify {1000 * (t1 - t0):.0f} ms, unpack+hash "
          f"{t2 - t1:.2f} s ({megabytes / (t2 - t1):.0f} MB/s), check {1000 * (t3 - t2):.0f} ms, "
          f"total {t3 - t0:.2f} s")

    from PySide6.QtCore import QCoreApplication, QEventLoop

    kdata = tmp / "kiosk"
    bliqpack.trust(public, kdata)
    app = kiosk(kdata, tmp / "inbox", ROOT / "episodes")
    try:
        taps = Taps(app)
        idle_until = time.monotonic() + 3
        taps.run_while(lambda: time.monotonic() < idle_until)
        print(summary("  idle kiosk, tap → frame", taps.latencies))
        print(summary("  idle kiosk, UI-thread 10 ms tick interval", taps.intervals))
        taps.latencies.clear()
        shutil.copyfile(archive, tmp / "inbox" / ".copy.tmp")
        (tmp / "inbox" / ".copy.tmp").rename(tmp / "inbox" / archive.name)
        t = time.perf_counter()
        taps.run_while(lambda: app.campaign.pending is None)
        took = time.perf_counter() - t
        print(f"install in a running kiosk (settle 0.5 s + verify + unpack + check): {took:.2f} s")
        print(summary("  during install, tap → frame", taps.latencies, taps.missed))
        print(summary("  during install, UI-thread 10 ms tick interval", taps.intervals))
        for _ in range(10):
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    finally:
        app.close()


def bench_snapshot(tmp: Path, events: int) -> None:
    from kiosk.storage.snapshot import snapshot

    data = tmp / "snapdata"
    data.mkdir()
    t = time.perf_counter()
    fill_events(data / "kiosk.db", events)
    size = (data / "kiosk.db").stat().st_size
    print(f"\n{events} events written ({size / 2**20:.0f} MB) in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    snap = snapshot(data / "kiosk.db", tmp / "snaps", DEFAULT.store, keep=3)
    print(f"snapshot alone: {time.perf_counter() - t:.2f} s ({snap.stat().st_size / 2**20:.0f} MB)")
    app = kiosk(data, tmp / "inbox2", ROOT / "episodes")
    try:
        taps = Taps(app)
        before = len(list((data / "outbox").rglob("*.db"))) if (data / "outbox").exists() else 0
        t = time.perf_counter()
        app.campaign.snapshotNow()

        def busy() -> bool:
            return len(list((data / "outbox").rglob("*.db"))) <= before

        taps.run_while(busy)
        print(f"snapshot in a running kiosk: {time.perf_counter() - t:.2f} s")
        print(summary("  during snapshot, tap → frame", taps.latencies, taps.missed))
        print(summary("  during snapshot, UI-thread 10 ms tick interval", taps.intervals))
    finally:
        app.close()


def bench_merge(tmp: Path, snapshots: int, events: int) -> None:
    from kiosk.insights.export import run_merge
    from kiosk.storage.snapshot import snapshot

    per = events // snapshots
    folder = tmp / "outboxes"
    t = time.perf_counter()
    for i in range(snapshots):
        src = tmp / f"k{i}" / "kiosk.db"
        src.parent.mkdir()
        fill_events(src, per, kiosk=f"kbench{i:02d}")
        snapshot(src, folder / f"kiosk-{i:02d}", DEFAULT.store)
    print(f"\n{snapshots} snapshots of {per} events made in {time.perf_counter() - t:.1f} s")
    for label in ("merge", "merge again (adds nothing)"):
        t = time.perf_counter()
        code = run_merge(tmp / "campaign.db", [folder], io.StringIO(), sys.stderr, DEFAULT)
        assert code == 0
        print(f"{label} of {snapshots} snapshots ({per * snapshots} events): "
              f"{time.perf_counter() - t:.2f} s")
    with sqlite3.connect(tmp / "campaign.db") as conn:
        print("  merged events:", conn.execute("SELECT count(*) FROM events").fetchone()[0])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pack-mb", type=int, default=200)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--snapshots", type=int, default=30)
    parser.add_argument("--parts", default="install,snapshot,merge")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        (tmp / "inbox").mkdir()
        if "install" in parts:
            bench_install(tmp, args.pack_mb)
        if "snapshot" in parts:
            bench_snapshot(tmp, args.events)
        if "merge" in parts:
            bench_merge(tmp, args.snapshots, args.events)
    return 0


if __name__ == "__main__":
    sys.exit(main())
