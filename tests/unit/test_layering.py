"""kiosk/core never imports Qt; ui and media depend on core, never the reverse (DESIGN.md §3)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "kiosk" / "core"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_sources_name_no_qt_and_no_ui():
    offenders = {}
    for path in sorted(CORE.rglob("*.py")):
        bad = {m for m in imported_modules(path)
               if m.split(".")[0] in QT or m.startswith(("kiosk.ui", "kiosk.media"))}
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_importing_all_of_core_loads_no_qt():
    modules = [f"kiosk.core.{p.stem}" for p in sorted(CORE.glob("*.py")) if p.stem != "__init__"]
    code = ("import sys, importlib\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            f"print(sorted(k for k in sys.modules if k.split('.')[0] in {QT!r}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
    assert len(modules) >= 8  # the check really imported the core


def test_the_checker_would_notice_a_qt_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport json\n")
    assert "PySide6.QtCore" in imported_modules(sample)
