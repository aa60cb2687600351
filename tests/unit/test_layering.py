"""The layers of ``kiosk`` (docs/ARCHITECTURE.md), checked on every import — also those inside
functions — for every module under kiosk/: a module outside the declared layers fails.

A layer is a package under kiosk/ (a feature such as ``pack`` or ``visit``, or a Qt shell such as
``ui``) or one of the few top-level modules (``app``, ``config``, ``paths`` …). ``MAY_IMPORT``
says which other layers (or single modules, ``ops.supervisor_files``) each may import; the
Qt-free layers and modules import no Qt, neither directly nor through anything they load.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import import_graph  # noqa: E402  (tools/ is not a package)
KIOSK = ROOT / "kiosk"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")

BASE = {"config", "paths", "records"}
# layer -> what it may import besides itself. Qt-free features first, then the Qt side.
MAY_IMPORT: dict[str, set[str]] = {
    "config": {"records"},
    "paths": set(),
    "records": set(),
    "core": BASE,                                   # the words every feature shares
    "pack": BASE | {"core"},
    "visit": BASE | {"core", "pack"},
    "game": BASE | {"core", "pack"},
    "site": BASE | {"core", "pack"},
    "storage": BASE | {"core"},
    "insights": BASE | {"core", "pack", "storage"},
    "campaign": BASE | {"core", "pack", "storage", "ops.supervisor_files"},
    "media": BASE | {"core", "pack", "visit"},
    "ui": BASE | {"core", "pack", "visit", "game", "campaign", "insights", "storage", "media",
                  "ops.supervisor_files"},
    "studio": BASE | {"core", "pack", "campaign", "media", "site"},
    # the watchdog parses the run options like the kiosk does; process names KioskApp as a type
    "ops": BASE | {"core", "visit", "cli", "app"},
    "cli": BASE | {"core", "pack", "visit", "campaign", "insights", "storage", "media", "site",
                   "studio"},
    "app": {"*"},
    "__main__": {"app"},
    "__init__": set(),
}
QT_FREE_LAYERS = ("core", "pack", "visit", "game", "site", "storage", "insights", "campaign",
                  "config", "paths", "records")
# ops is mixed (the heartbeat is a Qt timer); the supervisor's side must outlive a broken Qt
QT_FREE_MODULES = ("kiosk.ops.watchdog", "kiosk.ops.supervisor_files", "kiosk.ops.memory")

# The same reading of a file's imports as the graph tool's (tools/import_graph.py), so the
# test and the printed graph never disagree: ``from kiosk import app`` imports kiosk.app.
imported_modules = import_graph.imports


def module_name(path: Path) -> str:
    return ".".join(("kiosk", *path.relative_to(KIOSK).with_suffix("").parts)) \
        .removesuffix(".__init__")


def layer_of_path(path: Path) -> str:
    rel = path.relative_to(KIOSK)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def kiosk_target(module: str) -> str | None:
    """The kiosk module an import names, without ``kiosk.``: ``kiosk.pack.models.Pack`` →
    ``pack.models``; ``from kiosk import app`` → ``app``; None outside kiosk (or a name that
    is no module, like ``kiosk.__version__``)."""
    parts = module.split(".")
    if parts[0] != "kiosk":
        return None
    for end in range(len(parts), 1, -1):
        rel = Path(*parts[1:end])
        if (KIOSK / rel).with_suffix(".py").is_file() or (KIOSK / rel / "__init__.py").is_file():
            return ".".join(parts[1:end])
    return None


def allowed(layer: str, target: str) -> bool:
    rules = MAY_IMPORT[layer]
    top = target.split(".")[0]
    return "*" in rules or top == layer or top in rules or any(
        target == r or target.startswith(r + ".") for r in rules)


def kiosk_sources() -> list[Path]:
    return sorted(KIOSK.rglob("*.py"))


def test_every_module_belongs_to_a_declared_layer():
    strays = sorted(str(p.relative_to(ROOT)) for p in kiosk_sources()
                    if layer_of_path(p) not in MAY_IMPORT)
    assert strays == []
    assert len(kiosk_sources()) > 100  # the walk really saw the package


def layer_offenders() -> dict[str, list[str]]:
    offenders = {}
    for path in kiosk_sources():
        layer = layer_of_path(path)
        bad = sorted({t for m in imported_modules(path)
                      if (t := kiosk_target(m)) is not None and not allowed(layer, t)})
        if bad:
            offenders[str(path.relative_to(ROOT))] = bad
    return offenders


def test_every_import_stays_inside_what_its_layer_may_import():
    assert layer_offenders() == {}


def qt_free_modules() -> list[str]:
    mods = [module_name(p) for p in kiosk_sources() if layer_of_path(p) in QT_FREE_LAYERS]
    return mods + list(QT_FREE_MODULES)


def test_qt_free_sources_name_no_qt_ui_or_media():
    offenders = {}
    for path in kiosk_sources():
        if module_name(path) not in qt_free_modules():
            continue
        bad = {m for m in imported_modules(path)
               if m.split(".")[0] in QT or m.startswith(("kiosk.ui", "kiosk.media"))}
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_importing_every_qt_free_module_loads_no_qt():
    modules = qt_free_modules()
    code = ("import sys, importlib\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            f"print(sorted(k for k in sys.modules if k.split('.')[0] in {QT!r}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
    # the check really imported the features and the supervisor
    for name in ("kiosk.core.taxonomy", "kiosk.pack.loader", "kiosk.visit.flow",
                 "kiosk.game.session", "kiosk.site.build", "kiosk.insights.report",
                 "kiosk.campaign.updates", "kiosk.storage.events", "kiosk.ops.watchdog"):
        assert name in modules


def test_the_checker_would_notice_a_qt_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport json\n")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_the_checker_would_notice_a_layer_import_inside_a_function(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from kiosk import app\n    from kiosk.ui.catalog import x\n")
    found = {kiosk_target(m) for m in imported_modules(sample)} - {None}
    assert found == {"app", "ui.catalog"}
    assert not allowed("pack", "ui.catalog") and not allowed("core", "app")
    assert allowed("ui", "ops.supervisor_files") and not allowed("ui", "ops.watchdog")


def test_a_stray_module_would_have_no_layer():
    assert layer_of_path(KIOSK / "loose_helper.py") not in MAY_IMPORT
    assert layer_of_path(KIOSK / "newfeature" / "rules.py") not in MAY_IMPORT
