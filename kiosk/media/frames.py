"""Frames out of a clip through the kiosk's own decoder (QtMultimedia's FFmpeg backend).

- ``representative_frame``: a still for a thumbnail: a few frames from the middle part of the
  clip, the liveliest one that is not black (so never the first fade-in frame);
- ``save_jpeg``: write it small, atomically (temp file + rename);
- ``decode_headroom``: how many times faster than real time this machine decodes a clip,
  from a few seconds of fast playback.

All of it blocks in a local event loop and needs a Q(Gui)Application; callers that must not
block the UI run it in a thread of their own or a child process.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer, Qt
from PySide6.QtGui import QImage, QTransform
from PySide6.QtMultimedia import QVideoFrame

from kiosk.config import MediaConfig
from kiosk.media.deck import Clip, Deck


@dataclass(frozen=True)
class FrameScore:
    """How usable a frame is as a still: mean brightness and contrast, both 0–255."""

    mean: float
    spread: float

    def usable_for(self, config: MediaConfig) -> bool:
        """Not black, not flat (a fade, a blank wall)."""
        return self.mean >= config.thumb_min_mean and self.spread >= config.thumb_min_spread

    def value(self, config: MediaConfig) -> float:
        """Higher is better: any usable frame beats every unusable one."""
        return self.spread + (1000.0 if self.usable_for(config) else 0.0)


def score(image: QImage) -> FrameScore:
    """Brightness and contrast of a frame, measured on a 32x18 grey copy (cheap)."""
    small = image.scaled(32, 18, Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.FastTransformation)
    small = small.convertToFormat(QImage.Format.Format_Grayscale8)
    values = [small.pixelColor(x, y).value() for y in range(small.height())
              for x in range(small.width())]
    mean = sum(values) / len(values)
    spread = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    return FrameScore(mean, spread)


def upright(frame: QVideoFrame) -> QImage:
    """The frame as shown: rotation metadata applied (a phone clip is not shown sideways)."""
    image = frame.toImage()
    angle = _rotation_degrees(frame)
    if angle:
        image = image.transformed(QTransform().rotate(angle))
    if frame.mirrored():
        image = image.mirrored(True, False)
    return image


def _rotation_degrees(frame: QVideoFrame) -> int:
    rotation: Any = frame.rotation() if hasattr(frame, "rotation") else frame.rotationAngle()
    return int(getattr(rotation, "value", rotation)) % 360


class _Session:
    """One clip on a muted deck, with blocking helpers."""

    def __init__(self, path: Path, config: MediaConfig) -> None:
        self.config = config
        self.deck = Deck(config, audio=False)
        self.loop = QEventLoop()
        self.deck.ready.connect(self.loop.quit)
        self.deck.failed.connect(self.loop.quit)
        self.deck.load(Clip(path.stem, path))
        if not self.deck.is_ready and not self.deck.has_failed:
            self.loop.exec()

    @property
    def error(self) -> str:
        return self.deck.error if self.deck.has_failed else ""

    def frame_at(self, ms: int) -> QVideoFrame | None:
        """The first frame decoded at or after ``ms`` (None when none came in time)."""
        got: list[QVideoFrame] = []
        target_us = ms * 1000 - 50_000  # a frame starting just before the target is fine

        def on_frame(frame: QVideoFrame) -> None:
            if frame.startTime() >= target_us and not got:
                got.append(QVideoFrame(frame))
                self.loop.quit()

        guard = QTimer(singleShot=True,
                       interval=int(self.config.first_frame_timeout_s * 1000))
        guard.timeout.connect(self.loop.quit)
        self.deck.frame.connect(on_frame)
        self.deck.ended.connect(self.loop.quit)
        self.deck.start()
        self.deck.seek(ms)
        guard.start()
        self.loop.exec()
        guard.stop()
        self.deck.frame.disconnect(on_frame)
        self.deck.ended.disconnect(self.loop.quit)
        self.deck.pause()
        return got[0] if got else None

    def close(self) -> None:
        self.deck.unload()
        self.deck.deleteLater()


def representative_frame(path: Path, config: MediaConfig) -> tuple[QImage | None, str]:
    """(the liveliest non-black frame of a few from the middle part, "") or (None, reason)."""
    session = _Session(path, config)
    try:
        if session.error:
            return None, session.error
        duration = session.deck.duration_ms
        best: tuple[float, QImage] | None = None
        first = session.deck.first_frame
        if first is not None:  # only a fallback: it is often black or a fade-in
            best = (-1.0, upright(first))
        for fraction in config.thumb_positions:
            frame = session.frame_at(int(duration * fraction)) if duration > 0 else None
            if frame is None:
                continue
            image = upright(frame)
            s = score(image)
            if best is None or s.value(config) > best[0]:
                best = (s.value(config), image)
            if s.usable_for(config) and s.spread >= config.thumb_good_spread:
                break  # lively enough: no need to decode more
        if best is None:
            return None, "no frame could be decoded"
        return best[1], ""
    finally:
        session.close()


def save_jpeg(image: QImage, dest: Path, width: int) -> None:
    """Write ``image`` as a JPEG at most ``width`` wide; atomically (temp file + rename)."""
    if image.width() > width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    # PySide6 wants the format as str here although its stub says bytes
    if not image.save(str(tmp), "JPG", 85):  # type: ignore[call-overload]
        tmp.unlink(missing_ok=True)
        raise OSError(f"cannot write {dest}")
    os.replace(tmp, dest)


@dataclass(frozen=True)
class Headroom:
    """Decoding speed: ``factor`` × real time (a lower bound when ``capped``)."""

    factor: float
    capped: bool
    seconds: float
    error: str = ""

    def describe(self) -> str:
        if self.error:
            return self.error
        return f"decodes {'≥ ' if self.capped else ''}{self.factor:.1f}× real time"


def decode_headroom(path: Path, config: MediaConfig, fps: float = 0.0) -> Headroom:
    """Play ``path`` muted at ``headroom_rate``× for at most ``headroom_seconds`` of wall time.

    Frames the decoder cannot deliver in time are dropped or the clock slows; either way
    (media time covered / wall time) × (frames delivered / frames in that time) is how fast
    this machine decodes the clip, capped at the rate asked for.
    """
    began = time.monotonic()
    session = _Session(path, config)
    try:
        if session.error:
            return Headroom(0.0, False, time.monotonic() - began, session.error)
        stamps: list[int] = []
        session.deck.frame.connect(lambda f: stamps.append(f.startTime()))
        guard = QTimer(singleShot=True, interval=int(config.headroom_seconds * 1000))
        guard.timeout.connect(session.loop.quit)
        session.deck.ended.connect(session.loop.quit)
        session.deck.set_rate(config.headroom_rate)
        session.deck.seek(0)
        start = time.monotonic()
        session.deck.start()
        guard.start()
        session.loop.exec()
        wall = time.monotonic() - start
        guard.stop()
        session.deck.pause()
        interval = int(1e6 / fps) if fps > 0 else None
        return _headroom(stamps, wall, config.headroom_rate, time.monotonic() - began,
                         interval)
    finally:
        session.close()


def _headroom(stamps: list[int], wall: float, rate: float, took: float,
              interval: int | None = None) -> Headroom:
    """``interval``: microseconds between frames from the container (else the smallest gap)."""
    frames = sorted(set(s for s in stamps if s >= 0))
    if len(frames) < 3 or wall <= 0:
        return Headroom(0.0, False, took, "too few frames decoded to measure")
    if not interval:
        gaps = [b - a for a, b in zip(frames, frames[1:]) if b > a]
        interval = min(gaps) if gaps else 0
    covered = (frames[-1] - frames[0] + interval) / 1e6
    expected = covered * 1e6 / interval if interval else len(frames)
    factor = covered / wall * min(1.0, len(frames) / expected)
    capped = factor >= rate * 0.9
    return Headroom(min(factor, rate), capped, took)
