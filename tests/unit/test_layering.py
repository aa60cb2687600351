"""The layers of ``kiosk`` (docs/ARCHITECTURE.md), checked on every import —
also those inside functions:

- core imports no Qt and nothing of the app: only core, ``kiosk.config`` and ``kiosk.paths``;
- game (the swipe game's rules) is Qt-free like core and may import only core, ``config`` and
  ``paths``; core never imports game;
- site (the take-home pages) is Qt-free too and may import only core, ``config`` and ``paths``;
- storage and media never import ui (nor the app, the CLI or the watchdog);
- ui never imports the app, the CLI or the watchdog (``app.py`` wires ui, not the other way).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import import_graph  # noqa: E402  (tools/ is not a package)
CORE = ROOT / "kiosk" / "core"
# Layers that must run without Qt: the tests, tools and the simulation use them on their own.
QT_FREE = ("core", "game", "site")
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


# The same reading of a file's imports as the graph tool's (tools/import_graph.py), so the
# test and the printed graph never disagree: ``from kiosk import app`` imports kiosk.app.
imported_modules = import_graph.imports


def kiosk_layer(module: str) -> str | None:
    """``kiosk.ui.qr`` → ``ui``, ``kiosk.app`` → ``app``; None outside kiosk (or for kiosk)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "kiosk" and len(parts) > 1 else None


def layer_offenders(layer: str, allowed: set[str] | None = None,
                    forbidden: set[str] | None = None) -> dict[str, list[str]]:
    """Files of ``kiosk/<layer>`` importing a kiosk layer outside ``allowed`` or in
    ``forbidden``."""
    offenders = {}
    for path in sorted((ROOT / "kiosk" / layer).rglob("*.py")):
        bad = set()
        for module in imported_modules(path):
            dst = kiosk_layer(module)
            if dst is None or dst == layer or not is_kiosk_module(dst):
                continue
            if (allowed is not None and dst not in allowed) or dst in (forbidden or set()):
                bad.add(module)
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    return offenders


def is_kiosk_module(name: str) -> bool:
    """A package or module directly under kiosk/ (not a name imported from kiosk/__init__)."""
    return (ROOT / "kiosk" / name).is_dir() or (ROOT / "kiosk" / f"{name}.py").exists()


APP_ONLY = {"app", "cli", "watchdog", "heartbeat", "__main__"}


def test_qt_free_sources_name_no_qt_and_no_ui():
    offenders = {}
    for layer in QT_FREE:
        for path in sorted((ROOT / "kiosk" / layer).rglob("*.py")):
            bad = {m for m in imported_modules(path)
                   if m.split(".")[0] in QT or m.startswith(("kiosk.ui", "kiosk.media"))}
            if bad:
                offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_core_imports_nothing_of_the_app():
    assert layer_offenders("core", allowed={"config", "paths"}) == {}


def test_game_imports_only_core():
    assert layer_offenders("game", allowed={"core", "config", "paths"}) == {}


def test_site_imports_only_core():
    assert layer_offenders("site", allowed={"core", "config", "paths"}) == {}


def test_storage_and_media_never_import_ui_or_the_app():
    assert layer_offenders("storage", forbidden={"ui", "media"} | APP_ONLY) == {}
    assert layer_offenders("media", forbidden={"ui"} | APP_ONLY) == {}


def test_ui_never_imports_the_app_or_the_watchdog():
    assert layer_offenders("ui", forbidden=APP_ONLY) == {}


def test_importing_all_of_core_and_game_loads_no_qt():
    modules = [f"kiosk.{layer}.{p.stem}".removesuffix(".__init__") for layer in QT_FREE
               for p in sorted((ROOT / "kiosk" / layer).glob("*.py"))]
    code = ("import sys, importlib\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            f"print(sorted(k for k in sys.modules if k.split('.')[0] in {QT!r}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
    assert len(modules) >= 8  # the check really imported the core
    assert "kiosk.game" in modules and "kiosk.game.session" in modules
    assert "kiosk.site.build" in modules


def test_the_checker_would_notice_a_qt_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport json\n")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_the_checker_would_notice_a_layer_import_inside_a_function(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from kiosk import app\n    from kiosk.ui.qr import x\n")
    found = {kiosk_layer(m) for m in imported_modules(sample)}
    assert {"app", "ui"} <= found
