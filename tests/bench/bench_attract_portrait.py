"""Attract's CPU in portrait, lean mode (Qt Quick's software backend), one Xvfb per size.

    nice python -m tests.bench.bench_attract_portrait [--runs 5] [--seconds 10]
        [--sizes 1080x1920,720x1280,1920x1080] [--render lean] [--interleaved]

The kiosk's attract screen loops the sample clip; for each size, the CPU of the whole process
tree and of the UI thread alone (which draws the frames in lean mode: the clip, and in portrait
its blurred copy above and below it) over a steady window, the frames swapped per second, and
the X server's CPU over the whole run (it takes the pixels each frame changed).
Medians of ``--runs`` runs, with the load average before and after: other work on the machine
takes CPU from the kiosk (fewer frames) more than it adds to the kiosk's own figures, so
CPU per frame is printed too. Not part of the test run.

``--interleaved``: one lean kiosk per size switches the blurred copy (``fillSides``) on and off
every second for ``--seconds`` and takes the UI thread's CPU of every frame (from
``beforeSynchronizing`` to ``frameSwapped``: the frame scaled, the copy made, drawn and handed
to the X server), the median with and without: a load that drifts over the run touches both
alike.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from tests.bench.bench_peer import ROOT, cpu_seconds, ensure_packages, run_kiosk, start_xvfb

INTERLEAVED = r"""
import os, statistics, sys, tempfile, time
sys.path.insert(0, sys.argv[1])
from kiosk.app import build
from kiosk.config import Config
from PySide6.QtCore import QTimer
from tests.uitools import find_item
size, seconds = sys.argv[2], float(sys.argv[3])
app = build(["--windowed", "--size", size, "--data", tempfile.mkdtemp(), "--render", "lean"],
            config=Config().with_(idle_timeout_s=600, idle_from_event=False))
window, began, on = app.window, [0.0], [True]
cost = {True: [], False: []}
def begin():
    began[0] = time.thread_time()
def end():
    if began[0]:
        cost[on[0]].append(time.thread_time() - began[0])
    began[0] = 0.0
window.beforeSynchronizing.connect(begin)
window.frameSwapped.connect(end)
def flip():
    video = find_item(window, "attractVideo")
    if video is not None:
        on[0], began[0] = not on[0], 0.0
        video.setProperty("fillSides", on[0])
timer = QTimer()
timer.timeout.connect(flip)
def done():
    for sides in (True, False):
        print(f"{size:10} {'with' if sides else 'without':8} {len(cost[sides]):6} "
              f"{1000 * statistics.median(cost[sides]):13.2f}", flush=True)
    os._exit(0)   # measured: the kiosk's own clean stop is not what this bench is about
QTimer.singleShot(3000, lambda: (timer.start(1000), QTimer.singleShot(int(seconds * 1000), done)))
app.qapp.exec()
"""


def interleaved(sizes: list[str], seconds: float) -> None:
    print(f"attract, lean, the blurred copy on and off every second for {seconds:g} s; "
          f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores")
    print(f"{'size':10} {'copy':8} {'frames':>6} {'UI ms/frame':>13}")
    for size in sizes:
        w, h = (int(v) for v in size.split("x"))
        xvfb, display = start_xvfb(f"{max(w, 1920)}x{max(h, 1080)}")
        try:
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
            out = subprocess.run([sys.executable, "-c", INTERLEAVED, str(ROOT), size,
                                  str(seconds)], env=env, capture_output=True, text=True,
                                 timeout=seconds + 120)
            print(out.stdout, end="")
        finally:
            xvfb.terminate()
            xvfb.wait()
    print(f"load average {os.getloadavg()[0]:.1f} after")


def run(display: str, xvfb: int, seconds: float, render: str, size: str) -> dict[str, float]:
    """One kiosk run, and the X server's CPU over it (start-up included: an upper bound), as
    it takes each frame's changed pixels: a compositor pays the same on a kiosk."""
    c0, t0 = cpu_seconds([xvfb]), time.monotonic()
    result = run_kiosk(display, "attract", seconds, render, size)
    result["x_cpu_pct"] = 100 * (cpu_seconds([xvfb]) - c0) / (time.monotonic() - t0)
    return result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--sizes", default="1080x1920,720x1280")
    p.add_argument("--render", default="lean")
    p.add_argument("--interleaved", action="store_true",
                   help="the blurred copy on and off in one kiosk, UI CPU per frame")
    args = p.parse_args()
    ensure_packages()
    if args.interleaved:
        interleaved(args.sizes.split(","), args.seconds)
        return
    load0 = os.getloadavg()
    rows = []
    for size in args.sizes.split(","):
        w, h = (int(v) for v in size.split("x"))
        xvfb, display = start_xvfb(f"{max(w, 1920)}x{max(h, 1080)}")
        try:
            runs = [run(display, xvfb.pid, args.seconds, args.render, size)
                    for _ in range(args.runs)]
        finally:
            xvfb.terminate()
            xvfb.wait()
        med = {k: statistics.median(r[k] for r in runs) for k in ("cpu_pct", "ui_cpu_pct", "x_cpu_pct", "fps")}
        per = statistics.median(r["ui_cpu_pct"] / r["fps"] for r in runs if r["fps"] > 0.5)
        rows.append((size, med, per, [round(r["cpu_pct"]) for r in runs]))
    load1 = os.getloadavg()
    print(f"attract, render={args.render}, medians of {args.runs} run(s) of {args.seconds:g} s; "
          f"load average {load0[0]:.1f} before, {load1[0]:.1f} after, {os.cpu_count()} cores")
    print(f"{'size':10} {'CPU %':>6} {'UI %':>6} {'X %':>5} {'fps':>5} {'UI ms/frame':>11}"
          "  runs' CPU %")
    for size, med, per, each in rows:
        print(f"{size:10} {med['cpu_pct']:6.1f} {med['ui_cpu_pct']:6.1f} {med['x_cpu_pct']:5.1f} "
              f"{med['fps']:5.1f} {per * 10:11.2f}  {each}")


if __name__ == "__main__":
    main()
