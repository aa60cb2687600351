"""Smoke check of the frozen bundle: it holds what it needs, starts, shows attract, and quits.

    python packaging/smoke.py [--bundle dist/bliq-kiosk] [--runs 3] [--source]

1. Contents: the kiosk's QML, translations, fonts and sample pack; QtMultimedia's FFmpeg plugin
   and Qt SVG (admin's charts); no WebEngine, no QtCharts; every library a bundled library
   links is in the bundle or one the bundle takes from the system (glibc, OpenGL/EGL, DRM,
   Wayland, xcb). Prints the bundle size; on Linux more than SIZE_BUDGET_MB is a failure.
2. Tools: ``bliq-kiosk check`` validates the bundled sample pack (pydantic, tomllib in the
   bundle) and ``bliq-kiosk supervise`` rejects a bad option with one line (the watchdog entry);
   ``bliq-kiosk preflight`` on the sample pack decodes every clip, loads every picture and
   reads every QR code back; ``bliq-kiosk bundle-check`` (packaging/bundle_check.py) formats
   and sorts Dutch through ICU, decodes a clip's sound, reads JPEG, GIF, WebP and SVG and
   imports every kiosk module;
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
# Issue 33's ceiling for the Linux bundle (MB of files, as printed below)
SIZE_BUDGET_MB = 200
# Libraries the bundle takes from the machine it runs on (PyInstaller leaves them out on
# purpose: glibc's parts, and the graphics stack that must match the machine's drivers).
SYSTEM_LIBS = ("libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "libresolv.so",
               "ld-linux", "libGL.so", "libEGL.so", "libdrm.so", "libwayland-", "libxcb.so")


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
    from strip_libs import misaligned_segments, needed_libraries

    libs = [lib for lib in sorted(internal.rglob("*.so*")) if lib.is_file()]
    names = {lib.name for lib in libs}
    for lib in libs:
        data = lib.read_bytes()
        if not lib.is_symlink() and misaligned_segments(data):
            problems.append(f"{lib}: a segment is not page-aligned; the loader refuses it")
        # a library left out that a kept one still links: that one would fail to load
        missing = [n for n in needed_libraries(data)
                   if n not in names and not n.startswith(SYSTEM_LIBS)]
        if missing:
            problems.append(f"{lib.relative_to(bundle)} links {', '.join(missing)}, "
                            "which the bundle does not hold")
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
    with tempfile.TemporaryDirectory(prefix="preflight-smoke-") as tmp:
        done = subprocess.run([exe, "preflight", str(pack), "--json", "--data", tmp],
                              capture_output=True, text=True, timeout=START_TIMEOUT_S,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        checks = json.loads(done.stdout)["checks"]
    except (ValueError, KeyError):
        checks = []
        problems.append(f"'{NAME} preflight' gave no report (exit {done.returncode}): "
                        f"{done.stderr.strip()[-300:]}")
    for c in checks:  # (the machine's own checks, disk and screen, are not the bundle's)
        if c["status"] == "error" and c["group"] != "machine":
            problems.append(f"preflight in the bundle: {c['group']} {c['item']}: {c['message']}")
    clips = len(list(pack.glob("media/*/*.mp4")))
    decoded = sum(1 for c in checks if c["group"] == "videos" and c["status"] == "ok")
    if checks and (decoded != clips or not any(c["group"] == "images" and c["status"] == "ok"
                                               for c in checks)
                   or not any(c["group"] == "qr" and c["status"] == "ok" for c in checks)):
        problems.append(f"preflight in the bundle: {decoded} of {clips} clips decoded; pictures "
                        "and QR codes must pass too")
    done = subprocess.run([exe, "bundle-check"], capture_output=True, text=True,
                          timeout=START_TIMEOUT_S,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        found = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        found = {"problems": [f"no answer (exit {done.returncode}): "
                              f"{done.stderr.strip()[-300:]}"], "seen": {}}
    problems += [f"bundle-check: {x}" for x in found["problems"]]
    # every module of the source tree's kiosk package was imported in the bundle
    modules = sum(1 for py in (ROOT / "kiosk").rglob("*.py")
                  if py.name != "__main__.py" and py != ROOT / "kiosk" / "__init__.py")
    if found["seen"] and found["seen"].get("kiosk modules") != modules:
        problems.append(f"bundle-check imported {found['seen'].get('kiosk modules')} kiosk "
                        f"modules; the source tree has {modules}")
    if not found["problems"]:
        seen = found["seen"]
        print(f"inside   preflight: {decoded} clips decode, pictures load, QR codes read back; "
              f"ICU {seen.get('icu')}: {seen.get('date nl_NL')!r}, {seen.get('number nl_NL')}, "
              f"Dutch sorts; sound {seen.get('sound')}")
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
    print(f"bundle   {args.bundle}: {size / 2**20:.1f} MB "
          f"({sum(1 for _ in args.bundle.rglob('*'))} files)")
    if sys.platform.startswith("linux") and size > SIZE_BUDGET_MB * 2**20:
        problems.append(f"the bundle is {size / 2**20:.1f} MB; the budget is {SIZE_BUDGET_MB} MB "
                        "(packaging/kiosk.spec leaves out what the kiosk never uses)")
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
