"""What only this machine can tell on the morning of the event: screen, sound, disk, data dir."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.core.files import prove_writable


def machine_checks(data_dir: Path, config: Config, make_check: Any) -> Iterator[Any]:
    """Yield preflight checks (built with ``make_check(group, item, status, message)``)."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtMultimedia import QMediaDevices

    app = QGuiApplication.instance()
    screen = QGuiApplication.primaryScreen() if app is not None else None
    if app is None or screen is None or QGuiApplication.platformName() in ("offscreen",
                                                                            "minimal"):
        yield make_check("machine", "screen", "warning",
                         "no screen found (run preflight on the kiosk's own display)")
    else:
        size = screen.size()
        w, h = size.width(), size.height()
        shape = "portrait" if h > w else "landscape"
        small = min(w, h) < config.preflight.preflight_min_screen_px
        yield make_check("machine", "screen", "warning" if small else "ok",
                         f"{w}x{h}, {shape}"
                         + (f"; smaller than {config.preflight.preflight_min_screen_px} px "
                            "on the short "
                            "side: QR codes get small" if small else ""))
    yield _render_check(config, make_check)
    outputs = QMediaDevices.audioOutputs()
    if outputs:
        yield make_check("machine", "sound", "ok", outputs[0].description())
    else:
        yield make_check("machine", "sound", "warning",
                         "no sound device: videos play silent, captions stay on")
    yield from _data_dir_checks(data_dir, config, make_check)


def _data_dir_checks(data_dir: Path, config: Config, make_check: Any) -> Iterator[Any]:
    try:
        prove_writable(data_dir)
    except OSError as exc:
        yield make_check("machine", str(data_dir), "error",
                         f"data dir not writable: {exc.strerror or exc} (use --data DIR)")
        return
    yield make_check("machine", str(data_dir), "ok", "data dir writable")
    free = shutil.disk_usage(data_dir).free
    free_mb = free / 2**20
    if free < config.preflight.preflight_disk_error_bytes:
        status = "error"
    elif free < config.preflight.preflight_disk_warn_bytes:
        status = "warning"
    else:
        status = "ok"
    yield make_check("machine", "disk", status,
                     f"{free_mb:,.0f} MB free for the database "
                     f"(a busy day writes about "
                     f"{config.preflight.preflight_day_bytes / 2**20:.0f} MB)")


def _render_check(config: Config, make_check: Any) -> Any:
    """Which render mode ``--render auto`` picks here, and why."""
    from kiosk.media.rendering import choose, probe_renderer

    choice = choose(config.render.render_mode, probe_renderer())
    status = "ok" if choice.mode == "full" else "warning"
    extra = "" if choice.mode == "full" else (
        "; Qt's software renderer draws only what changes and the kiosk draws the video itself:"
        " the same look for a fraction of the processor")
    return make_check("machine", "rendering", status, choice.summary + extra)
