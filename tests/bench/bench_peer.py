"""Side by side under one Xvfb: the kiosk against a Chromium kiosk page doing the same job.

    nice python -m tests.bench.bench_peer [--runs 3] [--seconds 10] [--screens]

1. attract: Chromium ``--kiosk`` on ``peer/attract.html`` (the sample clip looping muted, a
   headline, a QR image) against the kiosk's attract screen;
2. player: the same 25 fps 720p clip in a ``<video>`` element against the kiosk's player.

For each: CPU of the whole process tree over a steady window (``--seconds``, after a warm-up),
PSS of the tree (``/proc/PID/smaps_rollup``), the kiosk's RSS, and for the kiosk the frames
it swapped per second (``QQuickWindow.frameSwapped``). Medians of ``--runs``, then ratios.
``--screens`` adds fps/CPU of every visitor screen of the kiosk. ``--render lean|full|auto``
is passed to the kiosk. Set-up: ``apt-get install chromium xvfb`` (done when missing).
Not part of the test run; run it with ``nice`` on a quiet machine.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PEER = Path(__file__).resolve().parent / "peer"
CLIP = ROOT / "episodes" / "media" / "aan-de-slag" / "s1e1.mp4"
TICKS = os.sysconf("SC_CLK_TCK")
WARM_KIOSK_S = 3.0
WARM_CHROMIUM_S = 8.0

# The kiosk in a child process: go to a screen, warm up, then count swapped frames for the
# window the parent measures CPU over. It prints one JSON line per step.
CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from kiosk.app import build
from PySide6.QtCore import QTimer
data, screen, warm, seconds, render = sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
size = sys.argv[7] if len(sys.argv) > 7 else "1920x1080"
stride = int(sys.argv[8]) if len(sys.argv) > 8 else 0
argv = ["--windowed", "--size", size, "--data", data]
if render:
    argv += ["--render", render]
from kiosk.config import DEFAULT
app = build(argv, DEFAULT.with_(lean_attract_frame_stride=stride) if stride else DEFAULT)
frames = [0]
app.window.frameSwapped.connect(lambda: frames.__setitem__(0, frames[0] + 1))
def say(**kw):
    print(json.dumps(kw), flush=True)
def measure():
    start, t0, c0 = frames[0], time.perf_counter(), time.thread_time()
    say(step="measure", state=app.controller.state)
    def done():
        t = time.perf_counter() - t0
        say(step="done", fps=(frames[0] - start) / t, state=app.controller.state,
            ui_cpu_pct=100 * (time.thread_time() - c0) / t)
    QTimer.singleShot(int(seconds * 1000), done)
def go():
    c = app.controller
    if screen == "attract":
        QTimer.singleShot(int(warm * 1000), measure)
        return
    c.start()
    if screen == "player":
        ep = next(iter(app.pack.episodes))
        player = app.player
        def started(_id):
            player.episodeStarted.disconnect(started)
            QTimer.singleShot(int(warm * 1000), measure)
        player.episodeStarted.connect(started)
        c.openSection("episodes")
        c.playEpisode(ep, "tile")
        return
    if screen != "home":
        c.openSection(screen)
    QTimer.singleShot(int(warm * 1000), measure)
first = []
def on_first():
    if not first:
        first.append(1)
        QTimer.singleShot(0, go)
app.window.frameSwapped.connect(on_first)
app.qapp.exec()
"""


# ---- /proc ------------------------------------------------------------------------------
def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        kids.setdefault(int(fields[1]), []).append(int(entry))
    return kids


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    kids, out, todo = _children(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += kids.get(p, [])
    return out


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except OSError:
            pass
    return total / TICKS


def _rollup(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_mb(pids: list[int]) -> float:
    return sum(_rollup(p, "Pss") for p in pids) / 1024


def rss_mb(pids: list[int]) -> float:
    return sum(_rollup(p, "Rss") for p in pids) / 1024


def thread_seconds(pid: int) -> dict[str, float]:
    """CPU seconds of each thread of ``pid``, summed by thread name (Qt names its threads:
    the decoder's, the audio's, the render loop's; the GUI thread has the program's name)."""
    out: dict[str, float] = {}
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                text = f.read()
        except OSError:
            continue
        name = "main" if task == str(pid) else text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / TICKS
    return out


def measure_tree(pid: int, seconds: float) -> dict[str, float]:
    pids = tree(pid)
    c0, t0, th0 = cpu_seconds(pids), time.monotonic(), thread_seconds(pid)
    time.sleep(seconds)
    pids = tree(pid)
    c1, t1, th1 = cpu_seconds(pids), time.monotonic(), thread_seconds(pid)
    result = {"cpu_pct": 100 * (c1 - c0) / (t1 - t0), "pss_mb": pss_mb(pids),
              "rss_mb": rss_mb(pids), "procs": len(pids)}
    for name, used in th1.items():
        share = 100 * (used - th0.get(name, 0.0)) / (t1 - t0)
        if share >= 0.5:
            result[f"thread {name}"] = share
    return result


def stop(proc: subprocess.Popen) -> None:
    for p in reversed(tree(proc.pid)):
        try:
            os.kill(p, signal.SIGTERM)
        except OSError:
            pass
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        for p in reversed(tree(proc.pid)):
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        proc.wait(10)


# ---- set-up -----------------------------------------------------------------------------
def ensure_packages() -> None:
    """chromium and Xvfb from the distribution, installed when missing (Debian/Ubuntu)."""
    missing = [pkg for pkg, exe in (("chromium", "chromium"), ("xvfb", "Xvfb"))
               if shutil.which(exe) is None]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", *missing], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def start_xvfb(screen: str = "1920x1080") -> tuple[subprocess.Popen, str]:
    r, w = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", f"{screen}x24",
                             "-nolisten", "tcp"], pass_fds=(w,), stderr=subprocess.DEVNULL)
    os.close(w)
    with os.fdopen(r) as f:
        display = ":" + f.readline().strip()
    return proc, display


def page_dir(tmp: Path) -> Path:
    """The peer pages with the clip and a QR image next to them."""
    import qrcode

    site = tmp / "site"
    site.mkdir()
    for page in PEER.glob("*.html"):
        shutil.copy(page, site / page.name)
    shutil.copy(CLIP, site / "clip.mp4")
    qrcode.make("https://nxtv.example/bliq", box_size=10, border=4).save(site / "qr.png")
    return site


# ---- scenarios --------------------------------------------------------------------------
def _page_frames(log: Path) -> tuple[int, float]:
    """The last (video frames presented, page time in ms) the page logged on its console."""
    found = re.findall(r"bench-frames (\d+) (\d+)", log.read_text(errors="replace"))
    return (int(found[-1][0]), float(found[-1][1])) if found else (0, 0.0)


def run_chromium(display: str, page: Path, seconds: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as profile:
        log = Path(profile) / "console.log"
        cmd = ["chromium", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-features=Translate,MediaRouter", "--autoplay-policy=no-user-gesture-required",
               "--window-position=0,0", "--window-size=1920,1080",
               "--enable-logging=stderr", "--v=0",
               f"--user-data-dir={profile}", "--kiosk", page.as_uri()]
        with open(log, "w") as err:
            proc = subprocess.Popen(cmd, env=dict(os.environ, DISPLAY=display),
                                    stdout=subprocess.DEVNULL, stderr=err)
        try:
            time.sleep(WARM_CHROMIUM_S)
            if proc.poll() is not None:
                raise RuntimeError("chromium exited early")
            f0, ms0 = _page_frames(log)
            result = measure_tree(proc.pid, seconds)
            f1, ms1 = _page_frames(log)
            result["fps"] = (f1 - f0) * 1000 / (ms1 - ms0) if ms1 > ms0 else 0.0
            return result
        finally:
            stop(proc)


def run_kiosk(display: str, screen: str, seconds: float, render: str,
              size: str = "1920x1080", stride: int = 0) -> dict[str, float]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    with tempfile.TemporaryDirectory() as data:
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), data, screen,
                                 str(WARM_KIOSK_S), str(seconds), render, size, str(stride)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True)
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError(f"kiosk child exited ({screen})")
            result = measure_tree(proc.pid, seconds)
            done = json.loads(proc.stdout.readline())
            result["fps"] = done["fps"]
            result["state"] = done["state"]
            result["ui_cpu_pct"] = done["ui_cpu_pct"]
            return result
        finally:
            stop(proc)


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--screens", action="store_true", help="also every visitor screen's fps/CPU")
    p.add_argument("--render", default="", help="passed to the kiosk as --render")
    p.add_argument("--stride", type=int, default=0,
                   help="lean attract shows every n-th frame (default: the kiosk's own)")
    p.add_argument("--only", choices=("attract", "player"), help="one scenario, not both")
    p.add_argument("--json", type=Path, help="write all runs here")
    args = p.parse_args()
    ensure_packages()
    xvfb, display = start_xvfb()
    results: dict[str, list[dict[str, float]]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            site = page_dir(Path(tmp))
            for _ in range(args.runs):
                if args.only != "player":
                    results.setdefault("chromium attract", []).append(
                        run_chromium(display, site / "attract.html", args.seconds))
                    results.setdefault("kiosk attract", []).append(
                        run_kiosk(display, "attract", args.seconds, args.render,
                                  stride=args.stride))
                if args.only != "attract":
                    results.setdefault("chromium <video>", []).append(
                        run_chromium(display, site / "player.html", args.seconds))
                    results.setdefault("kiosk player", []).append(
                        run_kiosk(display, "player", args.seconds, args.render))
                if args.screens:
                    for screen in ("home", "episodes", "game", "companies"):
                        results.setdefault(f"kiosk {screen}", []).append(
                            run_kiosk(display, screen, args.seconds, args.render))
    finally:
        xvfb.terminate()
        xvfb.wait()
    print(f"medians of {args.runs} run(s), {args.seconds:g} s steady state each, one Xvfb "
          f"1920x1080, render={args.render or 'default'}")
    # fps: frames the kiosk window swapped; for Chromium the video frames the page presented.
    # CPU/frame (CPU % per frame per second) stays comparable when a loaded machine starves one.
    print(f"{'':20} {'CPU %':>7} {'PSS MB':>7} {'RSS MB':>7} {'fps':>6} {'CPU/frame':>9}")
    for name, runs in results.items():
        per = [r["cpu_pct"] / r["fps"] for r in runs if r.get("fps", 0) > 0.5]
        per_s = f"{statistics.median(per):9.2f}" if per else f"{'-':>9}"
        print(f"{name:20} {median(runs, 'cpu_pct'):7.1f} {median(runs, 'pss_mb'):7.0f} "
              f"{median(runs, 'rss_mb'):7.0f} {median(runs, 'fps'):6.1f} {per_s}")
    for ours, theirs in (("kiosk attract", "chromium attract"), ("kiosk player", "chromium <video>")):
        if ours not in results:
            continue
        cpu = median(results[ours], "cpu_pct") / max(0.1, median(results[theirs], "cpu_pct"))
        mem = median(results[ours], "pss_mb") / max(0.1, median(results[theirs], "pss_mb"))
        print(f"ratio {ours} / {theirs}: CPU {cpu:.2f}x, PSS {mem:.2f}x")
    for name, runs in results.items():
        if name.startswith("kiosk"):
            threads = sorted({k for r in runs for k in r if k.startswith("thread ")},
                             key=lambda k: -statistics.median(r.get(k, 0.0) for r in runs))
            print(f"{name} per thread (CPU %, median): " + ", ".join(
                f"{k[7:]} {statistics.median(r.get(k, 0.0) for r in runs):.1f}"
                for k in threads))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
