"""Full or lean rendering: what this machine's graphics can afford.

On a software rasteriser (Mesa llvmpipe/softpipe, SwiftShader, Qt Quick's software backend)
every full-screen translucent layer and every animation frame costs CPU that the video decoder
needs. The lean mode drops those effects and keeps the look (same colours, type and layout).
``--render auto`` (the default) chooses lean exactly when the renderer is a software one.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from kiosk.records import record

MODES = ("auto", "lean", "full")
SOFTWARE_RENDERERS = ("llvmpipe", "softpipe", "swiftshader", "software rasterizer", "swrast",
                      "microsoft basic render", "warp", "gdi generic", "no gpu")
NO_GPU = "no GPU (no render node in /dev/dri)"
_GL_RENDERER = 0x1F01


@record(frozen=True)
class RenderChoice:
    """The mode chosen (``lean``/``full``), the renderer seen and why, for the log and admin."""

    mode: str
    renderer: str
    reason: str

    @property
    def summary(self) -> str:
        return f"{self.mode} ({self.reason})"


def is_software(renderer: str) -> bool:
    """True for a renderer string of a software rasteriser."""
    lowered = renderer.lower()
    return any(name in lowered for name in SOFTWARE_RENDERERS)


def gpu_devices(dev: Path = Path("/dev")) -> list[Path]:
    """The GPU device files a Linux process could render with: DRM render nodes
    (``/dev/dri/renderD*``) and NVIDIA's own (``/dev/nvidia0`` …)."""
    found = sorted(dev.glob("dri/renderD*")) + sorted(dev.glob("nvidia[0-9]*"))
    return [path for path in found if os.access(path, os.R_OK | os.W_OK)]


def probe_renderer(dev: Path = Path("/dev")) -> str:
    """The renderer Qt Quick will draw with: the OpenGL renderer string, or the backend's name.

    Needs a ``QGuiApplication``. Creating a throw-away OpenGL context here loads the same driver
    the window loads a moment later, so the probe costs little of the start-up time. On Linux
    without a GPU device (no render node: a VM, a PC without its driver, Xvfb) OpenGL can only
    be a software rasteriser, and the probe is skipped: loading Mesa's llvmpipe (libLLVM) for a
    look at its name would cost 58 MB of memory that the lean mode then never uses.
    """
    from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext
    from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

    backend = os.environ.get("QT_QUICK_BACKEND", "") or QQuickWindow.sceneGraphBackend()
    if backend.lower() == "software":
        return "Qt Quick software backend"
    api = QQuickWindow.graphicsApi()
    if api == QSGRendererInterface.GraphicsApi.Software:
        return "Qt Quick software backend"
    if api not in (QSGRendererInterface.GraphicsApi.OpenGL,
                   QSGRendererInterface.GraphicsApi.Unknown):
        return f"{api.name} (not probed)"
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        # No OpenGL here: Qt Quick falls back to its software backend.
        return "Qt Quick software backend (no screen)"
    if sys.platform.startswith("linux") and not gpu_devices(dev):
        return NO_GPU
    context = QOpenGLContext()
    if not context.create():
        return "Qt Quick software backend (no OpenGL)"
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    try:
        if not context.makeCurrent(surface):
            return "Qt Quick software backend (no OpenGL)"
        renderer = context.functions().glGetString(_GL_RENDERER) or "OpenGL (unknown renderer)"
        context.doneCurrent()
        return f"OpenGL: {renderer}"
    finally:
        surface.destroy()


def choose(requested: str, renderer: str) -> RenderChoice:
    """Lean or full for a ``--render`` value and the renderer :func:`probe_renderer` saw."""
    if requested == "lean":
        return RenderChoice("lean", renderer, f"forced with --render lean; {renderer}")
    if requested == "full":
        return RenderChoice("full", renderer, f"forced with --render full; {renderer}")
    if is_software(renderer) or "software backend" in renderer.lower():
        return RenderChoice("lean", renderer, f"software rendering: {renderer}")
    return RenderChoice("full", renderer, f"graphics hardware: {renderer}")
