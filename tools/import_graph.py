"""Print which layer of ``kiosk`` imports which (every import, also those inside functions).

Layers: the packages under kiosk/ (core, pack, visit, game, …, ui) and the top-level modules
(app, config, paths) by name; tests/unit/test_layering.py declares what each may import.
Usage: ``python tools/import_graph.py`` — one line per layer: ``ui -> core, media, storage``.
"""
from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kiosk"
LAYERS = ("core", "pack", "visit", "game", "site", "storage", "insights", "campaign", "media",
          "ui", "studio", "ops", "cli")


def layer_of_module(module: str) -> str | None:
    """``kiosk.ui.qr_provider`` → ``ui``; ``kiosk.config`` → ``config``; anything outside kiosk → None."""
    parts = module.split(".")
    if parts[0] != "kiosk" or len(parts) < 2:
        return None
    return parts[1]


def layer_of_path(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def imports(path: Path) -> set[str]:
    """Every absolute module name imported anywhere in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def graph() -> dict[str, dict[str, set[str]]]:
    """layer → imported layer → the files (relative to the repo) that import it."""
    edges: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in sorted(PACKAGE.rglob("*.py")):
        src = layer_of_path(path)
        for module in imports(path):
            dst = layer_of_module(module)
            known = dst is not None and ((PACKAGE / dst).is_dir()
                                         or (PACKAGE / f"{dst}.py").exists())
            if known and dst != src:
                edges[src][dst].add(str(path.relative_to(ROOT)))
    return edges


def main(argv: list[str]) -> int:
    edges = graph()
    verbose = "-v" in argv
    for src in sorted(edges, key=lambda s: (s not in LAYERS, LAYERS.index(s) if s in LAYERS
                                            else 0, s)):
        print(f"{src} -> {', '.join(sorted(edges[src]))}")
        if verbose:
            for dst in sorted(edges[src]):
                print(f"    {dst}: {', '.join(sorted(edges[src][dst]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
