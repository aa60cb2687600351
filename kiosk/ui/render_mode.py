"""``Kiosk.renderMode`` for QML: lean or full (chosen by :mod:`kiosk.media.rendering`) and the pace
of the attract screen's few animations."""
from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QQmlEngine
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

from kiosk.config import Config
from kiosk.media.rendering import RenderChoice, choose, probe_renderer

if TYPE_CHECKING:   # QtMultimedia: made with the first video, after attract's first frame
    from kiosk.ui.leanvideo import LeanVideo

log = logging.getLogger("kiosk.ui")


class RenderMode(QObject):
    """What QML binds to: ``Kiosk.renderMode.lean`` and the attract screen's animation pace."""

    changed = Signal()  # never emitted: the mode is fixed for a run (QML needs a notifier)

    def __init__(self, choice: RenderChoice, config: Config,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        self._config = config
        self._video: LeanVideo | None = None

    @Property(QObject, constant=True)
    def video(self) -> LeanVideo | None:
        """Lean mode: the window's one video item, made on first use and kept for the whole
        run. The screen that shows video takes it over (``KioskVideo.qml``) once there is a
        player. One item, never deleted by QML: PySide keeps the Python side of every item QML
        makes and deletes (a leak of ~27 KB a visit, measured with bench_soak), and a kept
        item keeps no decoder. Declared QObject (to QML a Python class is a QObject* anyway):
        importing this module must not load QtMultimedia, which the first attract frame does
        without (tools/qmllint.py reads the class from the return type)."""
        if self._video is None and self.choice.mode == "lean":
            from kiosk.ui.leanvideo import LeanVideo

            self._video = LeanVideo()
            QQmlEngine.setObjectOwnership(self._video, QQmlEngine.ObjectOwnership.CppOwnership)
        return self._video

    def close(self) -> None:
        """Drop the video item (after the window and its engine are gone)."""
        if self._video is not None:
            self._video.release()
            self._video.setParentItem(None)  # type: ignore[arg-type]  # Qt takes nullptr
            self._video = None

    mode = Property(str, lambda self: self.choice.mode, constant=True)
    lean = Property(bool, lambda self: self.choice.mode == "lean", constant=True)
    summary = Property(str, lambda self: self.choice.summary, constant=True)
    def _pulse_every_ms(self) -> int:
        lean = self.choice.mode == "lean"
        render = self._config.render
        every = render.lean_pulse_every_s if lean else render.attract_pulse_every_s
        return int(every * 1000)

    def _pulse_ms(self) -> int:
        lean = self.choice.mode == "lean"
        return self._config.render.lean_pulse_ms if lean else self._config.render.attract_pulse_ms

    pulseEveryMs = Property(int, _pulse_every_ms, constant=True)
    pulseMs = Property(int, _pulse_ms, constant=True)
    # one bounce is a quarter of pulseMs up and down; full mode bounces twice
    pulseLoops = Property(int, lambda self: 1 if self.choice.mode == "lean" else 2, constant=True)
    driftEveryMs = Property(int, lambda self: int(self._config.render.attract_drift_every_s * 1000),
                            constant=True)
    driftMs = Property(int, lambda self: self._config.render.attract_drift_ms, constant=True)


def _software_already() -> bool:
    """The software backend is already set (QT_QUICK_BACKEND, or an earlier kiosk in this
    process): setting it again once a window exists only earns a warning."""
    return (os.environ.get("QT_QUICK_BACKEND", "").lower() == "software"
            or QQuickWindow.sceneGraphBackend().lower() == "software"
            or QQuickWindow.graphicsApi() == QSGRendererInterface.GraphicsApi.Software)


def render_mode(requested: str, config: Config) -> RenderMode:
    """Probe, choose, log; the object QML gets as ``Kiosk.renderMode``.

    Lean draws with Qt Quick's software backend: on a software rasteriser it paints only what
    changed, where OpenGL through llvmpipe shades every pixel of every frame (the video's
    YUV-to-RGB shader alone was four fifths of the player's CPU). Set before the window exists.
    """
    # forced: no probe (it would load an OpenGL driver that lean mode never uses)
    renderer = probe_renderer() if requested == "auto" else "not probed"
    choice = choose(requested, renderer)
    if choice.mode == "lean" and not _software_already():
        QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
    log.info("render mode %s", choice.summary)
    return RenderMode(choice, config)
