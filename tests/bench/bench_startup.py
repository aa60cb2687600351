"""Start-up and first-tap benchmark. Not part of the test run.

    python -m tests.bench.bench_startup [--runs 7] [--platform offscreen|xcb]

Each run is a fresh process started as ``main()`` starts the kiosk (its stop-signal catcher,
``build(first_frame_first=True)`` and the stop handler; ``first_frame_first``: attract
is drawn from the pack's head, the rest is made right after that frame): time from process spawn
to the first attract frame swapped to the screen, the process's CPU time (user + system) by then
(less sensitive than the wall time to other work on a shared machine), peak RSS, and the time
from a touch on "Tik om te beginnen" to the first frame of home.
The kiosk's modules are compiled to bytecode first, as an installed kiosk has them (setup.sh
compiles them; a machine with PYTHONDONTWRITEBYTECODE would otherwise compile ~60 modules
from source at every start, 0.1 s).
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from kiosk.app import build
from kiosk.ops.process import GracefulStop, SignalCatcher
# main()'s steps up to its event loop. The kiosk's own start imports no Qt before build(): the
# harness's Qt imports come after it, or every module the kiosk imports would pay PySide's
# import hook; and the harness's own test tools come after the first frame, which they are
# not part of (they build Qt's namespace and load QtTest: ~30 ms of CPU).
caught = SignalCatcher()
app = build(["--windowed", "--size", "1920x1080", "--data", sys.argv[2]], first_frame_first=True)
GracefulStop(app).install(caught)
from PySide6.QtCore import QTimer
marks = {}
def on_frame():
    now = time.perf_counter()
    if "first_frame" not in marks:
        marks["first_frame"] = now
        usage = resource.getrusage(resource.RUSAGE_SELF)
        marks["cpu_first_frame"] = usage.ru_utime + usage.ru_stime
        QTimer.singleShot(300, tap)
    elif "tap" in marks and "home_frame" not in marks and app.controller.state == "home":
        marks["home_frame"] = now
        QTimer.singleShot(50, finish)
def tap():
    from tests.uitools import touch_tap
    marks["tap"] = time.perf_counter()
    touch_tap(app.window, "startButton")
def finish():
    marks["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    marks["wall_first_frame"] = time.time() - (time.perf_counter() - marks["first_frame"])
    print(json.dumps(marks), flush=True)
    app.close()
    app.qapp.quit()
app.window.frameSwapped.connect(on_frame)
app.qapp.exec()
"""


def one_run(platform: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    with tempfile.TemporaryDirectory() as data:
        spawned = time.time()
        out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), data], env=env,
                             capture_output=True, text=True, timeout=120, check=True).stdout
    marks = json.loads(out.strip().splitlines()[-1])
    return {
        "start_s": marks["wall_first_frame"] - spawned,
        "start_cpu_s": marks["cpu_first_frame"],
        "tap_to_home_ms": (marks["home_frame"] - marks["tap"]) * 1000,
        "rss_mb": marks["rss_mb"],
    }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = p.parse_args()
    compileall.compile_dir(str(ROOT / "kiosk"), quiet=1)
    runs = [one_run(args.platform) for _ in range(args.runs)]
    for key in ("start_s", "start_cpu_s", "tap_to_home_ms", "rss_mb"):
        values = [r[key] for r in runs]
        print(f"{key:16} median {statistics.median(values):8.3f}  min {min(values):8.3f}  "
              f"max {max(values):8.3f}  (n={len(values)}, {args.platform})")


def test_startup_benchmark_runs() -> None:
    """Smoke: one run completes (pytest tests/bench -s -n 0)."""
    result = one_run("offscreen")
    print(result)
    assert result["start_s"] > 0 and result["start_cpu_s"] > 0 and result["tap_to_home_ms"] > 0


if __name__ == "__main__":
    main()
