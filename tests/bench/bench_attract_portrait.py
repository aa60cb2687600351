"""Attract's CPU in portrait, lean mode (Qt Quick's software backend), one Xvfb per size.

    nice python -m tests.bench.bench_attract_portrait [--runs 5] [--seconds 10]
        [--sizes 1080x1920,720x1280,1920x1080] [--render lean]

The kiosk's attract screen loops the sample clip; for each size, the CPU of the whole process
tree and of the UI thread alone (which draws the frames in lean mode: the clip, and in portrait
its blurred copy above and below it) over a steady window, the frames swapped per second, and
the X server's CPU over the whole run (it takes the pixels each frame changed).
Medians of ``--runs`` runs, with the load average before and after: other work on the machine
takes CPU from the kiosk (fewer frames) more than it adds to the kiosk's own figures, so
CPU per frame is printed too. Not part of the test run.
"""
from __future__ import annotations

import argparse
import os
import statistics

import time

from tests.bench.bench_peer import cpu_seconds, ensure_packages, run_kiosk, start_xvfb


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
    args = p.parse_args()
    ensure_packages()
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
