"""packaging/bundle_check.py, the checks the frozen bundle runs on itself ('bliq-kiosk
bundle-check'), run here from the source tree: with all of ICU, Qt's plug-ins and the sample
pack they pass, and a pack without clips is named."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHECK = REPO / "packaging" / "bundle_check.py"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="ICU through ctypes: PySide6 ships it on Linux")


def run_check(*args: str) -> tuple[int, dict]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(CHECK), *args], capture_output=True, text=True,
                          env=env, timeout=120)
    return done.returncode, json.loads(done.stdout.strip().splitlines()[-1])


def test_the_checks_pass_on_the_source_tree() -> None:
    code, found = run_check()
    assert code == 0 and found["problems"] == [], found["problems"]
    seen = found["seen"]
    assert seen["date nl_NL"] == "dinsdag 8 december 2026"
    assert seen["QCollator sorts"][:3] == ["Ábc", "appel", "Éclair"]
    assert seen["sound"]["seconds"] > 1 and seen["sound"]["peak"] > 0.01
    # every module and subpackage of kiosk imported (not kiosk itself, not its __main__)
    top = {REPO / "kiosk" / "__init__.py", REPO / "kiosk" / "__main__.py"}
    assert seen["kiosk modules"] == sum(1 for py in (REPO / "kiosk").rglob("*.py")
                                        if py not in top)


def test_a_pack_without_clips_is_named(tmp_path: Path) -> None:
    code, found = run_check("--pack", str(tmp_path))
    assert code == 1
    assert found["problems"] == [f"no clip in {tmp_path}/media to decode the sound of"]
