"""Resident memory of the kiosk once admin's dashboard is on screen. Not part of the test run.

    QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_admin_memory [--runs 5]

Each run is a fresh kiosk process: attract, then admin (PIN), the dashboard's figures computed
and its charts drawn; 1.5 s later the process reports its resident memory (VmRSS), its peak
(VmHWM), its Qt application class and whether Qt Widgets or QtCharts are loaded.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from kiosk.app import build
from PySide6.QtCore import QTimer
app = build(["--windowed", "--size", "1920x1080", "--data", sys.argv[2]])
def admin():
    app.controller.adminGesture()
    app.controller.submitPin("2468")
    QTimer.singleShot(50, settled)
def settled():
    if app.controller.state != "admin" or app.screens.dashboard.busy:
        QTimer.singleShot(50, settled)
        return
    QTimer.singleShot(1500, report)   # the charts drawn, a few frames shown
def report():
    status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
    libs = {line.rsplit("/", 1)[-1].strip() for line in open("/proc/self/maps") if ".so" in line}
    print(json.dumps({
        "rss_mb": int(status["VmRSS"].split()[0]) / 1024,
        "peak_mb": int(status["VmHWM"].split()[0]) / 1024,
        "app": type(app.qapp).__name__,
        "widgets": any(lib.startswith("libQt6Widgets") for lib in libs),
        "charts": any(lib.startswith("libQt6Charts") for lib in libs)}), flush=True)
    app.close()
    app.qapp.quit()
QTimer.singleShot(1000, admin)
app.qapp.exec()
"""


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    runs = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), tmp], env=env,
                                 capture_output=True, text=True, timeout=180, check=True).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
    for key in ("rss_mb", "peak_mb"):
        values = [r[key] for r in runs]
        print(f"{key:8s} median {statistics.median(values):7.1f}  min {min(values):7.1f}  "
              f"max {max(values):7.1f}  (n={len(values)}, admin open)")
    print(f"application {runs[0]['app']}, Qt Widgets loaded: {runs[0]['widgets']}, "
          f"QtCharts loaded: {runs[0]['charts']}")


if __name__ == "__main__":
    main()
