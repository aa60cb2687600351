"""Lean or full rendering from the renderer string, and --render on the command line."""
from __future__ import annotations

import pytest

from kiosk.cli import UsageError, parse_run_args
from kiosk.media.rendering import choose, is_software


@pytest.mark.parametrize("renderer", [
    "OpenGL: llvmpipe (LLVM 15.0.6, 256 bits)",
    "OpenGL: softpipe",
    "OpenGL: Google SwiftShader",
    "OpenGL: Software Rasterizer",
    "D3D11: Microsoft Basic Render Driver",
])
def test_software_rasterisers_are_recognised(renderer):
    assert is_software(renderer)
    assert choose("auto", renderer).mode == "lean"


@pytest.mark.parametrize("renderer", [
    "OpenGL: Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
    "OpenGL: AMD Radeon Vega 8 Graphics (radeonsi, raven, LLVM 15.0.6, DRM 3.49)",
    "OpenGL: NVIDIA GeForce GTX 1050/PCIe/SSE2",
])
def test_graphics_hardware_gets_the_full_look(renderer):
    assert not is_software(renderer)
    choice = choose("auto", renderer)
    assert choice.mode == "full"
    assert renderer in choice.summary  # the log and admin say what was seen


def test_qt_quick_software_backend_is_lean():
    assert choose("auto", "Qt Quick software backend (no screen)").mode == "lean"


def test_forcing_wins_over_what_was_seen():
    assert choose("full", "OpenGL: llvmpipe").mode == "full"
    assert choose("lean", "OpenGL: NVIDIA GeForce").mode == "lean"
    assert "--render lean" in choose("lean", "OpenGL: NVIDIA GeForce").summary


def test_render_option_on_the_command_line():
    assert parse_run_args(["--render", "lean"]).render == "lean"
    assert parse_run_args([]).render is None  # the config's default (auto) applies
    with pytest.raises(UsageError, match="--render"):
        parse_run_args(["--render", "fast"])


def test_gpu_devices_are_render_nodes_and_nvidia_devices(tmp_path):
    from kiosk.media.rendering import gpu_devices

    assert gpu_devices(tmp_path) == []
    (tmp_path / "dri").mkdir()
    (tmp_path / "dri" / "card0").touch()  # a display without a render node (simpledrm)
    assert gpu_devices(tmp_path) == []
    (tmp_path / "dri" / "renderD128").touch()
    (tmp_path / "nvidia0").touch()
    (tmp_path / "nvidiactl").touch()
    assert gpu_devices(tmp_path) == [tmp_path / "dri" / "renderD128", tmp_path / "nvidia0"]


def test_no_gpu_device_means_lean_and_says_why():
    from kiosk.media.rendering import NO_GPU

    choice = choose("auto", NO_GPU)
    assert choice.mode == "lean"
    assert "/dev/dri" in choice.summary
