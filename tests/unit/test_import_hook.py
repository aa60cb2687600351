"""The kiosk puts Python's own import back once Qt is loaded (kiosk.app._drop_qt_import_hook):
safe only while no kiosk module selects one of PySide's __feature__ options."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_kiosk_module_selects_a_pyside_feature() -> None:
    selecting = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "kiosk").rglob("*.py"))
                 if "__feature__" in p.read_text(encoding="utf-8")
                 and p.name not in ("__init__.py", "app.py")]
    assert selecting == []
    for name in ("__init__.py", "app.py"):   # they only name it, in the words above
        text = (ROOT / "kiosk" / name).read_text(encoding="utf-8")
        assert "from __feature__" not in text and "import __feature__" not in text


START = r"""
import builtins, json, sys, tempfile
before = builtins.__import__
from kiosk.app import build
import PySide6.QtCore   # what the kiosk loads anyway; its hook replaces __import__
hooked = builtins.__import__ is not before
app = build(["--windowed", "--size", "800x600", "--data", tempfile.mkdtemp()])
print(json.dumps({"hooked_by_qt": hooked, "own_import_back": builtins.__import__ is before,
                  "state": app.controller.state}))
app.close()
"""


def test_a_kiosk_started_as_main_does_runs_on_pythons_own_import(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", START], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    heard = done.stdout.strip().splitlines()[-1]
    assert heard == '{"hooked_by_qt": true, "own_import_back": true, "state": "attract"}'
