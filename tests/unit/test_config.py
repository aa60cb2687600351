"""Config is made of typed sections; tests change single settings by their own names."""
from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import DEFAULT, SECTION_OF, SECTIONS, Config, FlowConfig


def test_with_changes_the_named_settings_in_their_sections_and_nothing_else() -> None:
    changed = DEFAULT.with_(idle_timeout_s=3.0, qr_min_px=99, removable_media_globs=())
    assert (changed.flow.idle_timeout_s, changed.qr.qr_min_px,
            changed.campaign.removable_media_globs) == (3.0, 99, ())
    for section in SECTIONS:
        for setting in dataclasses.fields(getattr(DEFAULT, section)):
            if setting.name in ("idle_timeout_s", "qr_min_px", "removable_media_globs"):
                continue
            assert (getattr(getattr(changed, section), setting.name)
                    == getattr(getattr(DEFAULT, section), setting.name)), setting.name
    # the original is frozen and untouched
    assert DEFAULT.flow.idle_timeout_s != 3.0 and DEFAULT.qr.qr_min_px != 99
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT.flow.idle_timeout_s = 1.0  # type: ignore[misc]


def test_a_whole_section_can_be_given_and_then_refined_by_name() -> None:
    flow = FlowConfig(idle_timeout_s=7.0, still_there_countdown_s=2.0)
    changed = Config().with_(flow=flow, still_there_countdown_s=1.0)
    assert changed.flow.idle_timeout_s == 7.0
    assert changed.flow.still_there_countdown_s == 1.0


def test_an_unknown_setting_is_refused_naming_it_and_the_closest_one() -> None:
    with pytest.raises(TypeError) as caught:
        DEFAULT.with_(idle_timout_s=1.0)
    assert str(caught.value) == ("Config has no setting 'idle_timout_s' "
                                 "(did you mean flow.idle_timeout_s?)")
    with pytest.raises(TypeError, match="no setting 'zzz'$"):
        DEFAULT.with_(zzz=1)


def test_every_setting_is_found_in_exactly_the_section_that_declares_it() -> None:
    declared = [(section, f.name) for section in SECTIONS
                for f in dataclasses.fields(getattr(DEFAULT, section))]
    assert len({name for _, name in declared}) == len(declared)
    assert {name: section for section, name in declared} == SECTION_OF
    assert len(SECTIONS) >= 10


# The composition roots: the kiosk (kiosk.app.build), the tools (kiosk.cli.run_tool), the
# watchdog (kiosk.ops.watchdog.main) and the studio (kiosk.studio.window.build). Only they may
# fall back to the default Config; everything below them is handed its Config or section.
ROOTS = {("kiosk.app", "build"), ("kiosk.cli", "run_tool"), ("kiosk.ops.watchdog", "main"),
         ("kiosk.studio.window", "build")}
REPO = Path(__file__).resolve().parents[2]


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted((REPO / "kiosk").rglob("*.py")):
        name = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        if name != "kiosk.config":
            yield name, ast.parse(path.read_text(encoding="utf-8"))


def _config_annotation(node: ast.expr | None) -> bool:
    text = ast.unparse(node) if node is not None else ""
    return any(part.strip().endswith("Config") for part in text.split("|"))


def test_no_default_config_below_the_composition_roots() -> None:
    found = []
    for module, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            args = node.args
            positional = [*args.posonlyargs, *args.args]
            pairs = [*zip(positional[len(positional) - len(args.defaults):], args.defaults),
                     *zip(args.kwonlyargs, args.kw_defaults)]
            for arg, default in pairs:
                if default is None or (module, node.name) in ROOTS:
                    continue
                uses_default = any(isinstance(n, ast.Name) and n.id == "DEFAULT"
                                   for n in ast.walk(default))
                if _config_annotation(arg.annotation) or uses_default:
                    found.append(f"{module}.{node.name}({arg.arg}={ast.unparse(default)})")
        roots = {name for mod, name in ROOTS if mod == module}
        allowed = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                   and f.name in roots for n in ast.walk(f)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "DEFAULT" and id(node) not in allowed:
                found.append(f"{module}:{node.lineno} reads DEFAULT")
            if isinstance(node, ast.ImportFrom) and node.module == "kiosk.config" and any(
                    a.name == "DEFAULT" for a in node.names) and not roots:
                found.append(f"{module}:{node.lineno} imports DEFAULT")
    assert found == []

