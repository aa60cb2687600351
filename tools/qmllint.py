"""Lint every QML file of the kiosk with pyside6-qmllint, knowing the Python types QML sees.

    python tools/qmllint.py          # prints each warning; exit 1 if there is any

QML reaches Python through the ``Kiosk`` singleton (kiosk/ui/kiosk_singleton.py). For qmllint to check
``Kiosk.game.playerA.card`` it needs a .qmltypes file describing ``Kiosk`` and every type its
properties lead to. This tool writes one into a temporary directory:

1. the Python classes are found by walking from ``Kiosk`` through its object properties;
2. their properties, signals and slots are read from the live meta-object (what QML really
   gets at run time). PySide registers a Python QObject subclass as its nearest Qt class
   (``QObject*``, ``QQuickPaintedItem*`` …), so the declared class of an object property is
   read from the source (``Property(Controller, …)``, with ``ast``);
3. ``pyside6-qmltyperegistrar`` turns that (moc's JSON format) into ``Kiosk/kiosk.qmltypes``;
4. ``pyside6-qmllint -I <that directory>`` checks every .qml file under kiosk/ui/qml.
"""
from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QML_DIR = ROOT / "kiosk" / "ui" / "qml"
MODULE = "Kiosk"


def tool(name: str) -> Path | None:
    """A PySide6 tool next to this Python (the project's .venv/bin), or None."""
    path = Path(sys.executable).parent / name
    return path if path.exists() else None


def missing_tools() -> list[str]:
    names = ("pyside6-qmltyperegistrar", "pyside6-qmllint")
    return [name for name in names if tool(name) is None]


def declared_types(source: Path) -> dict[tuple[str, str], str]:
    """(class, property) → the type a property is declared with in ``source``: the first
    argument of ``Property(...)``, as an assignment (``video = Property(LeanVideo, …)``) or a
    decorator (``@Property(Controller, constant=True)``). Read with ``ast``: the source is not
    run, and getters written as lambdas are fine (pyside6-metaobjectdump stops at those)."""
    tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
    declared: dict[tuple[str, str], str] = {}

    def property_type(call: ast.expr) -> str | None:
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                and call.func.id == "Property" and call.args):
            return ast.unparse(call.args[0])
        return None

    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for node in cls.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                    and isinstance(node.targets[0], ast.Name):
                kind = property_type(node.value)
                if kind is not None:
                    declared[(cls.name, node.targets[0].id)] = kind
            elif isinstance(node, ast.FunctionDef):
                for decorator in node.decorator_list:
                    kind = property_type(decorator)
                    if kind == "QObject" and node.returns is not None:
                        # a part the module imports only for type checking (the Kiosk seam's
                        # parts made after the first frame): its getter's return type names it
                        kind = ast.unparse(node.returns).split("|")[0].strip()
                    if kind is not None:
                        declared[(cls.name, node.name)] = kind
    return declared


def imported_names(source: Path) -> dict[str, str]:
    """name → the module ``source`` imports it from (``from m import name``), also under
    ``if TYPE_CHECKING:``."""
    tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
    return {alias.asname or alias.name: node.module for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module for alias in node.names}


def _method(method: Any) -> dict[str, Any]:
    name = bytes(method.name()).decode()
    types = [bytes(t).decode() for t in method.parameterTypes()]
    return {"access": "public", "name": name, "returnType": _qml_type(method.typeName()),
            "arguments": [{"name": f"a{i + 1}", "type": _qml_type(t)} for i, t in enumerate(types)]}


def _qml_type(type_name: str) -> str:
    # A Python object in a signal (worker → UI thread) is opaque to QML.
    return "QVariant" if type_name == "PyObject" else type_name


def metatypes() -> list[dict[str, Any]]:
    """The classes QML reaches from ``Kiosk``, in moc's JSON format (what the registrar reads)."""
    from PySide6.QtCore import QMetaMethod, QObject

    from kiosk.ui.kiosk_singleton import Kiosk

    sources: dict[Path, dict[tuple[str, str], str]] = {}

    def declared_class(cls: type, prop: str, required: bool = True) -> type | None:
        """The Python class a property is declared with; ``required``: a QObject* property
        must say it (else None when it is not a class of ours)."""
        source = Path(inspect.getfile(cls))
        if source not in sources:
            sources[source] = declared_types(source)
        decl = sources[source].get((cls.__name__, prop), "")
        target = getattr(sys.modules[cls.__module__], decl, None)
        if target is None and decl:
            module = imported_names(source).get(decl)
            target = getattr(importlib.import_module(module), decl, None) if module else None
        if not (isinstance(target, type) and issubclass(target, QObject)):
            if not required:
                return None
            raise SystemExit(f"{cls.__name__}.{prop}: declare its class in @Property"
                             f" (read {decl!r})")
        return target

    out: list[dict[str, Any]] = []
    seen: set[type] = set()
    queue: list[type] = [Kiosk]
    while queue:  # Kiosk and every class its object properties lead to
        cls = queue.pop(0)
        if cls in seen or cls is QObject:
            continue
        seen.add(cls)
        base = cls.__mro__[1]
        if base.__module__.startswith("kiosk"):
            queue.append(base)  # Qt's own classes (QQuickPaintedItem …) come with QtQuick
        meta = cls.staticMetaObject  # type: ignore[attr-defined]
        props = []
        for i in range(meta.propertyOffset(), meta.propertyCount()):
            prop = meta.property(i)
            entry: dict[str, Any] = {"name": prop.name(), "type": _qml_type(prop.typeName()),
                                     "index": i - meta.propertyOffset(), "read": prop.name()}
            if prop.typeName().endswith("*"):
                # QObject*, or the Qt base of a class of ours (LeanVideo is a
                # QQuickPaintedItem* to the meta-object): the declared class is the type
                target = declared_class(cls, prop.name(), required=prop.typeName() == "QObject*")
                if target is not None and target.__module__.startswith("kiosk"):
                    entry["type"] = f"{target.__name__}*"
                    queue.append(target)
            if prop.isWritable():  # the name only tells qmllint it is writable
                entry["write"] = f"set{prop.name()[:1].upper()}{prop.name()[1:]}"
            if prop.hasNotifySignal():
                entry["notify"] = bytes(prop.notifySignal().name()).decode()
            if prop.isConstant():
                entry["constant"] = True
            props.append(entry)
        signals, slots = [], []
        for i in range(meta.methodOffset(), meta.methodCount()):
            method = meta.method(i)
            if method.methodType() == QMetaMethod.MethodType.Signal:
                signals.append(_method(method))
            elif method.methodType() == QMetaMethod.MethodType.Slot:
                slots.append(_method(method))
        info = [{"name": "QML.Element", "value": "auto"},
                {"name": "QML.Singleton", "value": "true"}] if cls is Kiosk else [
            # Reached through Kiosk only: QML can neither name nor create them.
            {"name": "QML.Element", "value": "anonymous"}]
        out.append({"className": cls.__name__, "qualifiedClassName": cls.__name__,
                    "object": True, "superClasses": [{"access": "public", "name": base.__name__}],
                    "classInfos": info, "properties": props, "signals": signals,
                    "slots": slots, "inputFile": inspect.getfile(cls)})
    return [{"classes": out, "outputRevision": 68, "inputFile": "kiosk/ui/kiosk_singleton.py"}]


def write_module(folder: Path) -> Path:
    """``folder/Kiosk`` with a qmldir and kiosk.qmltypes; returns ``folder``."""
    module = folder / MODULE
    module.mkdir(parents=True, exist_ok=True)
    types_json = folder / "kiosk_metatypes.json"
    types_json.write_text(json.dumps(metatypes(), indent=1), encoding="utf-8")
    done = subprocess.run(
        [str(tool("pyside6-qmltyperegistrar")), "--import-name", MODULE, "--major-version", "1",
         "--generate-qmltypes", str(module / "kiosk.qmltypes"), "-o", str(folder / "reg.cpp"),
         str(types_json)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"qmltyperegistrar failed:\n{done.stdout}{done.stderr}")
    (module / "qmldir").write_text(f"module {MODULE}\ntypeinfo kiosk.qmltypes\n"
                                   "depends QtQuick\n", encoding="utf-8")
    return folder


def qml_files() -> list[Path]:
    return sorted(QML_DIR.rglob("*.qml"))


def lint(files: list[Path] | None = None) -> list[str]:
    """Every qmllint warning over ``files`` (all of kiosk/ui/qml), one string each
    (file:line:column: text [category])."""
    with tempfile.TemporaryDirectory(prefix="kiosk-qmltypes-") as tmp:
        folder = write_module(Path(tmp))
        report = Path(tmp) / "qmllint.json"
        done = subprocess.run([str(tool("pyside6-qmllint")), "--ignore-settings", "-I",
                               str(folder), "--json", str(report),
                               *map(str, files or qml_files())],
                              capture_output=True, text=True, cwd=ROOT)
        if not report.exists():
            raise SystemExit(f"qmllint wrote no report:\n{done.stdout}{done.stderr}")
        data = json.loads(report.read_text(encoding="utf-8"))
    found = []
    for file in data.get("files", []):
        name = os.path.relpath(file.get("filename", "?"), ROOT)
        if not file.get("success", True) and not file.get("warnings"):
            found.append(f"{name}: qmllint could not check it")
        for w in file.get("warnings", []):
            if w.get("type") == "info":  # a suggestion that comes with a warning
                continue
            where = f"{name}:{w.get('line', 0)}:{w.get('column', 0)}"
            found.append(f"{where}: {w.get('message', '').strip()} [{w.get('id', '?')}]")
    return found


def main() -> int:
    missing = missing_tools()
    if missing:
        print("qmllint: missing " + ", ".join(missing) + " (install PySide6 in this venv)",
              file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    found = lint()
    for line in found:
        print(line)
    print(f"qmllint: {len(qml_files())} files, {len(found)} warning(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
