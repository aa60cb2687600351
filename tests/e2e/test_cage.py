"""The kiosk under ``cage`` (the Wayland kiosk compositor that install.sh sets up by default):
it comes up on the Wayland platform, filling the screen, and reaches its first attract frame.

cage refuses to run as root, so a root test run drops to ``nobody`` with ``setpriv``; that user
needs a Python it may run and this checkout and virtualenv readable (a fresh Debian machine's
/usr/bin/python3 and a checkout under /work or /home with default permissions are)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TIMEOUT_S = 120.0


def _as_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv (util-linux) is missing: cage refuses root")
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def _python_for(user: list[str], env: dict[str, str]) -> str:
    """A Python of this version that the (dropped) user can run and import PySide6 with."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (sys.executable, f"/usr/bin/python{version}", "/usr/bin/python3"):
        if not Path(candidate).exists():
            continue
        done = subprocess.run([*user, "env", "-i", *(f"{k}={v}" for k, v in env.items()),
                               candidate, "-c", "import sys, PySide6, kiosk; "
                               f"assert sys.version_info[:2] == ({version.replace('.', ', ')})"],
                              capture_output=True, text=True, check=False, timeout=60)
        if done.returncode == 0:
            return candidate
    pytest.skip(f"no Python {version} that user {'nobody' if user else 'I'} can run with this "
                "virtualenv and checkout readable (check their permissions)")


@pytest.mark.slow
def test_the_kiosk_comes_up_full_screen_under_cage_on_wayland() -> None:
    if shutil.which("cage") is None:
        pytest.skip("cage is not installed (tools/setup.sh --test installs it)")
    user = _as_user()
    runtime = Path(tempfile.mkdtemp(prefix="kiosk-cage-rt-", dir="/tmp"))
    data = Path(tempfile.mkdtemp(prefix="kiosk-cage-data-", dir="/tmp"))
    try:
        if user:
            for d in (runtime, data):
                shutil.chown(d, "nobody", "nogroup")
        runtime.chmod(0o700)  # Wayland insists on a private runtime dir
        env = {
            "PATH": "/usr/bin:/bin", "HOME": str(runtime), "XDG_RUNTIME_DIR": str(runtime),
            "PYTHONPATH": os.pathsep.join([str(REPO), sysconfig.get_paths()["purelib"]]),
            "WLR_BACKENDS": "headless", "WLR_LIBINPUT_NO_DEVICES": "1",
            "QT_QPA_PLATFORM": "wayland",
        }
        python = _python_for(user, env)
        done = subprocess.run([*user, "env", "-i", *(f"{k}={v}" for k, v in env.items()),
                               "cage", "--", python, "-m", "kiosk", "--data", str(data),
                               "--quit-after-start"],  # quit with 0 after the first frame
                              capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        log = (data / "kiosk.log").read_text(encoding="utf-8") if (data / "kiosk.log").exists() \
            else ""
        assert done.returncode == 0, f"{done.stderr[-3000:]}\n{log}"
        first = [line for line in log.splitlines() if "first frame:" in line]
        assert first, log
        # "first frame: platform wayland, window 1280x720, screen 1280x720, FullScreen"
        words = first[0].split("first frame: ", 1)[1].replace(",", "").split()
        assert words[1] == "wayland", first[0]
        window, screen = words[3], words[5]
        assert window == screen, f"the window does not fill the screen: {first[0]}"
        assert "--quit-after-start: first attract frame on screen" in log
        assert "Traceback" not in done.stderr + log
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)
