"""Smoke check of the frozen bundle: it holds what it needs, starts, shows attract, and quits.

    python packaging/smoke.py [--bundle dist/bliq-kiosk] [--runs 3] [--source]

1. Contents: the kiosk's QML, translations, fonts and sample pack; QtMultimedia's FFmpeg plugin
   and Qt SVG (admin's charts); no WebEngine, no QtCharts. Prints the bundle size.
2. Tools: ``bliq-kiosk check`` validates the bundled sample pack (pydantic, tomllib in the
   bundle) and ``bliq-kiosk supervise`` rejects a bad option with one line (the watchdog entry);
   ``bliq-studio`` opens its window on a copy of the sample pack and quits.
3. Start: runs the bundle offscreen with a temporary ``--data`` and ``--quit-after-start`` (the
   heartbeat quits with exit 0 after the first attract frame), then reads the heartbeat file.
   Prints the time from process start to the first attract frame; with ``--source`` also for
   ``python main.py`` on the same machine.

Exit code 0 when everything passed; each failure is one line naming what is wrong.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "bliq-kiosk"
START_TIMEOUT_S = 120.0  # a cold start of the bundle on a slow 2-core machine takes a few seconds
TOOL_TIMEOUT_S = 60.0

# (what, glob below _internal): each must match at least one file
REQUIRED = [
    ("kiosk QML", "kiosk/ui/qml/Main.qml"),
    ("translations", "kiosk/i18n/*.qm"),
    ("fonts", "assets/fonts/*.otf"),
    ("sample pack", "episodes/pack.toml"),
    ("sample clips", "episodes/media/*/*.mp4"),
    ("QtMultimedia FFmpeg plugin", "PySide6/**/plugins/multimedia/*ffmpegmediaplugin*"),
    ("QtMultimedia QML", "PySide6/**/qml/QtMultimedia/qmldir"),
    ("Qt SVG library (admin's charts)", "PySide6/**/*Qt6Svg.*"),
    ("offscreen platform plugin", "PySide6/**/plugins/platforms/*offscreen*"),
]
FORBIDDEN = [("WebEngine", "**/*WebEngine*"), ("Qt 3D", "**/*Qt63D*"),
             ("Qt Designer", "**/*Qt6Designer*"), ("QtCharts", "**/*Qt6Charts*")]


def executable(bundle: Path) -> Path:
    return bundle / (NAME + (".exe" if sys.platform == "win32" else ""))


def bundle_size(bundle: Path) -> int:
    return sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())


def check_contents(bundle: Path) -> list[str]:
    """Problems with the bundle's files (empty when all is there)."""
    internal = bundle / "_internal"
    problems = []
    if not executable(bundle).is_file():
        return [f"{executable(bundle)}: missing (build with: bash packaging/build.sh)"]
    for what, pattern in REQUIRED:
        if next(internal.glob(pattern), None) is None:
            problems.append(f"{what}: nothing matches {internal / pattern}")
    for what, pattern in FORBIDDEN:
        found = next(internal.glob(pattern), None)
        if found is not None:
            problems.append(f"{what} should be left out but is bundled: {found}")
    # a library the loader would refuse (what GNU strip did to PySide6's FFmpeg libraries)
    from strip_libs import misaligned_segments

    for lib in sorted(internal.rglob("*.so*")):
        if lib.is_file() and not lib.is_symlink() and misaligned_segments(lib.read_bytes()):
            problems.append(f"{lib}: a segment is not page-aligned; the loader refuses it")
    return problems


def check_tools(bundle: Path) -> list[str]:
    problems = []
    exe = str(executable(bundle))
    pack = bundle / "_internal" / "episodes"
    done = subprocess.run([exe, "check", str(pack)], capture_output=True, text=True,
                          timeout=TOOL_TIMEOUT_S)
    if done.returncode != 0:
        problems.append(f"'{NAME} check' on the bundled sample pack exited {done.returncode}: "
                        f"{(done.stdout + done.stderr).strip()[-300:]}")
    done = subprocess.run([exe, "supervise", "--no-such-option"], capture_output=True, text=True,
                          timeout=TOOL_TIMEOUT_S)
    if done.returncode != 2 or "no-such-option" not in done.stderr:
        problems.append(f"'{NAME} supervise' with a bad option should exit 2 naming it; got "
                        f"{done.returncode}: {done.stderr.strip()[-300:]}")
    return problems


def check_studio(bundle: Path) -> list[str]:
    """The organisers' program in the same bundle (``bliq-studio``) opens its window on a pack
    of her own (a copy of the bundled sample) and quits with 0."""
    exe = bundle / ("bliq-studio" + (".exe" if sys.platform == "win32" else ""))
    if not exe.is_file():
        return [f"{exe}: missing (the spec builds it beside {NAME})"]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="studio-smoke-") as tmp:
        env["BLIQ_STUDIO_HOME"] = str(Path(tmp) / "home")  # her drafts and key: thrown away
        pack = Path(tmp) / "mijn-open-dag"
        shutil.copytree(bundle / "_internal" / "episodes", pack)
        try:
            done = subprocess.run([str(exe), str(pack), "--quit-after-start"], env=env,
                                  capture_output=True, text=True, timeout=START_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return [f"bliq-studio showed no window within {START_TIMEOUT_S:.0f} s"]
    if done.returncode != 0 or "Traceback" in done.stderr:
        return [f"bliq-studio exited {done.returncode}: {done.stderr.strip()[-500:]}"]
    print("studio   bliq-studio opened its window on a copy of the sample pack")
    return []


def start_once(command: list[str], cwd: Path) -> tuple[float | None, str]:
    """Start the kiosk in smoke mode; (seconds to the first attract frame, problem or '')."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="kiosk-smoke-") as tmp:
        data = Path(tmp) / "data"
        spawned = time.time()
        try:
            done = subprocess.run([*command, "--windowed", "--size", "1280x720", "--data",
                                   str(data), "--quit-after-start"], cwd=cwd, env=env,
                                  capture_output=True, text=True, timeout=START_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return None, (f"no attract frame within {START_TIMEOUT_S:.0f} s "
                          "(is the heartbeat wired into build()?)")
        if done.returncode != 0:
            return None, f"exited {done.returncode}: {done.stderr.strip()[-500:]}"
        try:
            beat = json.loads((data / "heartbeat.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            return None, f"no readable heartbeat file in the data dir: {exc}"
        if beat.get("state") != "attract" or not beat.get("first_frame_at"):
            return None, f"the heartbeat does not show an attract frame: {beat}"
        log = (data / "kiosk.log").read_text(encoding="utf-8", errors="replace")
        if " ERROR " in log or "Traceback" in log:
            return None, "the kiosk log has errors:\n" + log[-1000:]
        return beat["first_frame_at"] - spawned, ""


def measure(label: str, command: list[str], cwd: Path, runs: int) -> tuple[list[str], float]:
    times, problems = [], []
    for _ in range(runs):
        seconds, problem = start_once(command, cwd)
        if problem:
            problems.append(f"{label}: {problem}")
            break
        times.append(seconds)
    median = statistics.median(times) if times else float("nan")
    if times:
        print(f"{label:8} start → first attract frame: median {median:.2f} s "
              f"(min {min(times):.2f}, max {max(times):.2f}, n={len(times)})")
    return problems, median


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bundle", type=Path, default=ROOT / "dist" / NAME)
    p.add_argument("--runs", type=int, default=1, help="start-ups to time (median)")
    p.add_argument("--source", action="store_true", help="also time python main.py")
    args = p.parse_args(argv)
    args.bundle = args.bundle.resolve()

    problems = check_contents(args.bundle)
    if problems:
        print("\n".join(f"FAIL {x}" for x in problems))
        return 1
    size = bundle_size(args.bundle)
    print(f"bundle   {args.bundle}: {size / 2**20:.0f} MB "
          f"({sum(1 for _ in args.bundle.rglob('*'))} files)")
    problems += check_tools(args.bundle)
    problems += check_studio(args.bundle)
    found, _ = measure("frozen", [str(executable(args.bundle))], args.bundle, args.runs)
    problems += found
    if args.source:
        found, _ = measure("source", [sys.executable, str(ROOT / "main.py")], ROOT,
                                args.runs)
        problems += found
    print("\n".join(f"FAIL {x}" for x in problems) or "smoke check passed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
