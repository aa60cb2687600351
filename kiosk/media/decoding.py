"""Does this machine decode clips in hardware (VA-API, D3D11, …) or in software?

Qt's API has no flag for it, so we ask the FFmpeg backend itself: while one clip is opened,
its debug categories ``qt.multimedia.ffmpeg.hwaccel`` and ``qt.multimedia.playbackengine.codec``
say which hardware contexts it tried and whether one was used. Those lines are read here and
not shown; every other Qt message goes on as usual.
"""
from __future__ import annotations

import ctypes
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config import Config

CATEGORIES = ("qt.multimedia.ffmpeg.hwaccel", "qt.multimedia.playbackengine.codec")
_RULES = "\n".join(f"{c}*.debug=true" for c in CATEGORIES)
_CHECKING = re.compile(r"Checking HW context:\s*(\S+)")
_NO_DRIVER = re.compile(r"Drivers for hw device (\S+) is not installed")

log = logging.getLogger("kiosk.media")
_threads_set: int | None = None


@dataclass(frozen=True)
class Decoding:
    """``mode`` is "hardware", "software" or "unknown"; ``detail`` says what FFmpeg found."""

    mode: str
    detail: str


def read_backend_log(lines: list[str]) -> Decoding:
    """What the FFmpeg backend's hwaccel/codec debug lines say about one opened clip."""
    tried: list[str] = []
    failed: dict[str, str] = {}
    last = ""
    for line in lines:
        if m := _CHECKING.search(line):
            last = m.group(1)
            tried.append(last)
        elif "Using above hw context" in line and last:
            return Decoding("hardware", f"decoded in hardware ({last})")
        elif "Could not create hw context" in line and last:
            failed[last] = "no usable device or driver"
        elif m := _NO_DRIVER.search(line):
            failed.setdefault(m.group(1), "driver not installed")
    if any("No HW decoder found" in line or "No hw acceleration found" in line
           for line in lines):
        why = "; ".join(f"{name}: {reason}" for name, reason in failed.items())
        return Decoding("software", "decoded in software"
                        + (f" (tried {why})" if why else " (no hardware decoder offered)"))
    if not lines:
        return Decoding("unknown", "the video backend said nothing about hardware decoding")
    return Decoding("unknown", "could not tell hardware from software decoding")


def probe_decoding(video: Path, config: Config) -> Decoding:
    """Open ``video`` once and report how it was decoded (needs a Qt application)."""
    from PySide6.QtCore import QLoggingCategory, QtMsgType, qFormatLogMessage, \
        qInstallMessageHandler

    from kiosk.media.deck import probe_clip

    heard: list[str] = []
    previous: Any = None

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        category = getattr(context, "category", "") or ""
        if kind == QtMsgType.QtDebugMsg and category.startswith(CATEGORIES):
            heard.append(message)
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(qFormatLogMessage(kind, context, message), file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    QLoggingCategory.setFilterRules(_RULES)
    try:
        probe_clip(Path(video), config.media)
    finally:
        QLoggingCategory.setFilterRules("")
        qInstallMessageHandler(previous)
    return read_backend_log(heard)


def limit_decode_threads(threads: int) -> None:
    """Make FFmpeg's software decoders use ``threads`` threads each (0: FFmpeg's own choice).

    Qt opens every decoder with FFmpeg's "threads=auto", which means one thread per core plus
    one, each holding frames of its own. FFmpeg reads the core count from ``av_cpu_count``;
    ``av_cpu_force_count`` sets what it says, for this process. Call after Qt's FFmpeg backend
    is loaded (a ``QMediaPlayer`` exists): Qt's libavutil resolves symbols from it. Every deck
    calls this; only a new count reaches FFmpeg. When its library cannot be reached, decoding
    goes on with FFmpeg's default (said once in the log). The count is process-wide: FFmpeg
    has no per-decoder setting Qt lets through, and every decoder of the kiosk wants the same."""
    global _threads_set
    if threads == _threads_set:
        return
    _threads_set = threads
    try:
        from kiosk.media.scaler import open_library

        avutil = open_library("avutil")   # found and checked by version, as the scaler's
        avutil.av_cpu_force_count.argtypes = [ctypes.c_int]
        avutil.av_cpu_force_count.restype = None
        avutil.av_cpu_force_count(max(0, int(threads)))
    except (OSError, AttributeError) as exc:
        log.warning("video: could not set decode threads (%s); FFmpeg chooses", exc)
        return
    log.info("video: %s", f"{threads} decode thread(s) per clip" if threads > 0
             else "FFmpeg chooses the decode threads")
