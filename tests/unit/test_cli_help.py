"""``kiosk --help``: the run options, then every tool on a line of its own, each with its own
``--help``; the run options parse as before."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import INTERNAL_COMMANDS, parse_run_args, run_tool, tools_parser

ROOT = Path(__file__).resolve().parents[2]


def tool_names() -> list[str]:
    sub = next(a for a in tools_parser()._actions if a.dest == "command")
    return [name for name in sub.choices if name not in INTERNAL_COMMANDS]


def test_kiosk_help_lists_each_tool_on_its_own_line() -> None:
    out = subprocess.run([sys.executable, "-m", "kiosk", "--help"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    lines = out.splitlines()
    assert "--windowed" in out and "--render {lean,full,auto}" in out
    tools = tool_names() + ["supervise"]
    assert len(tools) >= 15
    for name in tools:
        own = [line for line in lines if line.split()[:2] == ["kiosk", name]]
        assert len(own) == 1, (name, out)
        assert len(own[0].split()) > 2, f"{name} has no description: {own[0]!r}"
    # argparse's wrapping once broke "hash-pin" over two lines
    assert not [line for line in lines if line.rstrip().endswith("-")]
    assert "make-thumbnails" not in out


@pytest.mark.parametrize("name", tool_names())
def test_each_tool_has_its_own_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        run_tool([name, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: kiosk {name}")


def test_run_options_parse_as_before() -> None:
    args = parse_run_args(["run", "--windowed", "--size", "1080x1920", "--lang", "en",
                           "--idle-timeout", "30", "--render", "lean", "--event", "x"])
    assert (args.windowed, args.size, args.lang, args.idle_timeout, args.render, args.event) \
        == (True, (1080, 1920), "en", 30.0, "lean", "x")
