"""Attract soak: the kiosk left in its attract loop (real clips, real decoding, a real window
under Xvfb); RSS sampled every 10 s; the trend after the first 10 minutes as a least-squares
slope in MB per hour. The bar: ≤ 5 MB/hour.

    python -m tests.bench.bench_attract_soak                 (short: 15 min, for this folder)
    python -m tests.bench.bench_attract_soak --minutes 120   (the long run)
        [--visits]              also play an episode every few minutes (the player)
        [--bad-clip-at MIN]     damage one attract clip on disk then (it fails to decode
                                mid-loop; the loop must go on)
        [--switch-pack-at MIN]  switch to a copy of the pack then (as an installed update does)
        [--csv FILE]            keep the samples
        [--stride N]            lean attract shows every N-th frame (default: the kiosk's)

Without a display it runs itself again under ``xvfb-run`` (1920x1080x24, QT_QPA_PLATFORM=xcb),
so the software renderer picks lean mode as on a school PC without graphics hardware. The
pack is a copy of the sample pack, so damaging a clip leaves the repository alone.
"""
from __future__ import annotations

import argparse
import csv
import gc
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def slope_mb_per_hour(samples: list[tuple[float, float]], after_s: float) -> tuple[float, int]:
    """Least-squares slope of RSS over time for the samples after ``after_s``; and their count."""
    points = [(t, r) for t, r in samples if t >= after_s]
    n = len(points)
    if n < 3:
        return float("nan"), n
    mt = sum(t for t, _ in points) / n
    mr = sum(r for _, r in points) / n
    var = sum((t - mt) ** 2 for t, _ in points)
    cov = sum((t - mt) * (r - mr) for t, r in points)
    return cov / var * 3600, n


def under_xvfb() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", BENCH_UNDER_XVFB="1")
    return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable,
                            "-m", "tests.bench.bench_attract_soak", *sys.argv[1:]], env=env,
                           cwd=ROOT)


def smaps() -> str:
    """Resident memory by kind: the malloc heap, other anonymous maps, files (libraries)."""
    sizes = {"heap": 0, "anon": 0, "file": 0}
    name = ""
    with open("/proc/self/smaps") as f:
        for line in f:
            head = line.split()
            if "-" in head[0] and len(head) >= 5:
                name = head[5] if len(head) > 5 else ""
            elif head[0] == "Rss:":
                kind = "heap" if name == "[heap]" else "anon" if not name or name.startswith(
                    "[") else "file"
                sizes[kind] += int(head[1])
    return ", ".join(f"{k} {v / 1024:.0f} MB" for k, v in sizes.items())


def damage(clip: Path) -> None:
    """Keep the file's start (its header still opens) and overwrite the rest with noise, so the
    decoder fails part-way through instead of refusing the file at once."""
    data = bytearray(clip.read_bytes())
    keep = min(len(data) // 3, 64 * 1024)
    data[keep:] = os.urandom(len(data) - keep)
    clip.write_bytes(bytes(data))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--minutes", type=float, default=15.0)
    p.add_argument("--interval", type=float, default=10.0)
    p.add_argument("--warmup", type=float, default=10.0, help="minutes left out of the fit")
    p.add_argument("--visits", action="store_true")
    p.add_argument("--bad-clip-at", type=float)
    p.add_argument("--switch-pack-at", type=float)
    p.add_argument("--csv", type=Path)
    p.add_argument("--stride", type=int, default=0,
                   help="lean attract shows every n-th frame (default: the kiosk's own)")
    p.add_argument("--trace", action="store_true",
                   help="tracemalloc: print where Python memory grew, every 5 minutes")
    args = p.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("BENCH_UNDER_XVFB"):
        return under_xvfb()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

    if args.trace:
        import tracemalloc

        tracemalloc.start(8)
    from PySide6.QtCore import QTimer

    from kiosk import paths
    from kiosk.app import build
    from kiosk.config import Config
    from kiosk.visit.flow import EndReason

    tmp = Path(tempfile.mkdtemp(prefix="attract-soak-"))
    pack = tmp / "pack"
    shutil.copytree(paths.sample_pack(), pack)
    app = build(["--windowed", "--size", "1920x1080", "--data", str(tmp / "data"),
                 "--content", str(pack)], config=Config().with_(idle_from_event=False,
                                       **({"lean_attract_frame_stride": args.stride}
                                          if args.stride else {})))
    began = time.monotonic()
    samples: list[tuple[float, float]] = []
    done: list[str] = []
    screens = app.screens
    assert screens is not None
    print(f"render mode {screens.render.choice.mode}, attract frame stride "
          f"{screens.playback.attract_frame_stride}; pack {pack}", flush=True)

    snapshots: list[object] = []

    def traced(t: float) -> None:
        import tracemalloc

        gc.collect()
        snap = tracemalloc.take_snapshot()
        print(f"  {t / 60:6.1f} min: traced {tracemalloc.get_traced_memory()[0] / 2**20:.1f} MB, "
              f"{smaps()}", flush=True)
        if snapshots:
            for stat in snap.compare_to(snapshots[-1], "traceback")[:5]:  # type: ignore[arg-type]
                print(f"    {stat.size_diff / 1024:+8.0f} kB {stat.count_diff:+6d} "
                      f"{stat.traceback.format()[-1].strip()}", flush=True)
        snapshots[:] = [snap]

    def sample() -> None:
        t = time.monotonic() - began
        samples.append((t, rss_mb()))
        minute = t / 60
        if args.bad_clip_at is not None and minute >= args.bad_clip_at and "bad" not in done:
            clips = sorted((pack / "media").rglob("*.mp4"))
            damage(clips[len(clips) // 2])
            done.append("bad")
            print(f"  {minute:6.1f} min: damaged {clips[len(clips) // 2].name}", flush=True)
        if (args.switch_pack_at is not None and minute >= args.switch_pack_at
                and "switch" not in done):
            other = tmp / "pack-2"
            shutil.copytree(pack, other)
            ok = app.switch_pack(other)
            done.append("switch")
            print(f"  {minute:6.1f} min: switched pack ({'ok' if ok else 'refused'})", flush=True)
        if args.trace and len(samples) % 30 == 0:
            traced(samples[-1][0])
        if len(samples) % 6 == 0:
            print(f"  {minute:6.1f} min  rss {samples[-1][1]:7.1f} MB  "
                  f"gc objects {len(gc.get_objects())}  state {screens.controller.state}",
                  flush=True)
        if t >= args.minutes * 60:
            app.qapp.exit(0)  # quit() asks the windows, and the kiosk window refuses to close

    timer = QTimer()
    timer.timeout.connect(sample)
    timer.start(int(args.interval * 1000))
    if args.visits:
        def visit() -> None:  # an episode played for a while, then back to attract
            c = app.controller
            c.start()
            c.openSection("episodes")
            eps = list(app.pack.episodes)
            c.playEpisode(eps[len(samples) % len(eps)], "tile")
            QTimer.singleShot(40_000, lambda: c.flow.end_session(EndReason.IDLE, c.now()))

        visits = QTimer()
        visits.timeout.connect(visit)
        visits.start(180_000)
    app.qapp.exec()
    # the kiosk's own teardown, as main() does after its loop: left to the interpreter's exit,
    # the objects QML binds to went before the window and QML logged TypeErrors
    app.close()
    slope, n = slope_mb_per_hour(samples, args.warmup * 60)
    first = [r for t, r in samples if t >= args.warmup * 60]
    print(f"\n{len(samples)} samples over {samples[-1][0] / 60:.1f} min; after "
          f"{args.warmup:.0f} min: {n} samples, RSS {first[0] if first else 0:.1f} → "
          f"{samples[-1][1]:.1f} MB, least-squares slope {slope:+.2f} MB/hour "
          f"(bar ≤ 5 MB/hour); load {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if args.csv:
        with args.csv.open("w", newline="") as f:
            out = csv.writer(f)
            out.writerow(["seconds", "rss_mb"])
            out.writerows(samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
