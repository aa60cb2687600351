"""Video frames to pictures of the size they are shown at, on the CPU.

Qt Quick's software backend (the lean render mode) cannot draw a ``VideoOutput``. The lean
video item (:mod:`kiosk.ui.leanvideo`) draws each frame itself, and this module makes the
picture: FFmpeg's libswscale (the copy Qt's FFmpeg backend ships next to it, loaded through
ctypes, no extra dependency) scales the decoded YUV planes to the on-screen size and converts
them to 32-bit RGB, both in its SIMD code: 1.5 ms for 720p → 1080p on one core (``_TWO_PASS``),
where ``QVideoFrame.toImage`` converts at the clip's size (and through OpenGL on an X display,
17 ms) and leaves the scaling to the painter (4 ms of CPU for a smooth one).

Talking to a C library through ctypes has no safety net, so the library must prove itself
first: it is found by the major version this code was written for (``WRITTEN_FOR``: FFmpeg 7,
as PySide6 6.8–6.11 ship it), its own version functions must say the same, and once per process
it converts one known frame (red) before any real frame is given to it. Buffers reach it through
ctypes' own ``from_buffer`` (the picture's memory is writable; a frame plane is read only).
When anything does not match, or for formats libswscale does not get, frames go through Qt's
own conversion (``toImage`` plus a smooth scale), so a frame is never lost; the reason is
logged once.
"""
from __future__ import annotations

import ctypes
import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QTransform
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

log = logging.getLogger("kiosk.media")

_PF = QVideoFrameFormat.PixelFormat
# Qt pixel format → (FFmpeg pixel format name, plane order): YV12 is YUV420P with V before U.
_FORMATS: dict[Any, tuple[str, tuple[int, ...]]] = {
    _PF.Format_YUV420P: ("yuv420p", (0, 1, 2)),
    _PF.Format_YV12: ("yuv420p", (0, 2, 1)),
    _PF.Format_YUV422P: ("yuv422p", (0, 1, 2)),
    _PF.Format_YUV420P10: ("yuv420p10le", (0, 1, 2)),
    _PF.Format_NV12: ("nv12", (0, 1)),
    _PF.Format_NV21: ("nv21", (0, 1)),
    _PF.Format_P010: ("p010le", (0, 1)),
    _PF.Format_P016: ("p016le", (0, 1)),
    _PF.Format_UYVY: ("uyvy422", (0,)),
    _PF.Format_YUYV: ("yuyv422", (0,)),
    _PF.Format_Y8: ("gray", (0,)),
}
# The major versions the calls below were written and checked against (their C signatures).
WRITTEN_FOR: dict[str, int] = {"swscale": 8, "avutil": 59}
# libswscale's fast bilinear: its horizontal pass runs the SIMD code, where plain bilinear runs
# a generic filter; 20 % less CPU per frame on the attract loop and the player (per-thread CPU
# under Xvfb, lean mode, 3 runs each), and a downscaled clip looks the same
_SWS_FAST_BILINEAR = 1
_SWS_CS_ITU709, _SWS_CS_ITU601, _SWS_CS_BT2020 = 1, 5, 9
_ALIGN_PX = 16  # rows of the picture start 64-byte aligned: libswscale's SIMD paths need 16+
_ALIGN_BYTES = 64
# 8-bit 4:2:0 clips (nearly every clip) are scaled in two passes: first as planar YUV to the
# on-screen size (libswscale's SIMD scalers), then converted to RGB without scaling (its SIMD
# YUV-to-RGB tables). One pass that scales straight to RGB runs a generic C filter for the RGB
# side: 2.3 ms against 1.45 ms for a 720p frame shown at 1080p, on one core.
_TWO_PASS = frozenset({"yuv420p", "nv12", "nv21"})


def _round_up(n: int, step: int) -> int:
    """``n`` rounded up to a multiple of ``step`` (a padded width, an aligned address)."""
    return -(-n // step) * step


def _address(buffer: Any) -> int:
    """Where a buffer's bytes are (ctypes' own way: ``from_buffer`` needs a writable buffer,
    which PySide6's ``bits()`` give). The owner keeps the bytes alive while we use them."""
    return ctypes.addressof(ctypes.c_char.from_buffer(buffer))


def _degrees(rotation: Any) -> int:
    return int(getattr(rotation, "value", rotation))


def rotation_degrees(frame: QVideoFrame) -> int:
    """How far the frame turns clockwise to be shown upright: the stream's rotation (a phone
    clip's metadata, on the surface format) plus the frame's own, as Qt's VideoOutput does."""
    return (_degrees(frame.surfaceFormat().rotation()) + _degrees(frame.rotation())) % 360


def is_mirrored(frame: QVideoFrame) -> bool:
    """Shown mirrored: the stream's flag and the frame's own, each flipping once."""
    return frame.surfaceFormat().isMirrored() != frame.mirrored()


@dataclass(frozen=True)
class _Lib:
    sws: Any
    avutil: Any


def _file_names(name: str, major: int) -> tuple[str, ...]:
    return (f"lib{name}.so.{major}", f"{name}-{major}.dll", f"lib{name}.{major}.dylib")


@functools.cache
def ffmpeg_library(name: str, base: Path | None = None) -> str:
    """The FFmpeg library ``name`` (swscale, avutil) of the major version in ``WRITTEN_FOR``
    that ships with PySide6 (``base``: PySide6's folder): Linux keeps it in PySide6/Qt/lib
    (libswscale.so.8), Windows next to the Qt DLLs (swscale-8.dll), macOS in Qt/lib
    (libswscale.8.dylib). Another version is not used: OSError says what is there."""
    if base is None:
        import PySide6

        base = Path(PySide6.__file__).resolve().parent
    major = WRITTEN_FOR[name]
    folders = (base / "Qt" / "lib", base)
    for folder in folders:
        for file_name in _file_names(name, major):
            if (folder / file_name).is_file():
                return str(folder / file_name)
    others = sorted({p.name for folder in folders if folder.is_dir()
                     for pattern in (f"lib{name}.so.*", f"{name}-*.dll", f"lib{name}.*.dylib")
                     for p in folder.glob(pattern)})
    raise OSError(f"no lib{name} {major} next to PySide6 in {base}"
                  + (f" (found {', '.join(others)}; this kiosk was written for {major})"
                     if others else ""))


def open_library(name: str) -> Any:
    """``ffmpeg_library(name)`` loaded, after its own version function agrees (call once Qt's
    FFmpeg backend is loaded: FFmpeg resolves symbols from the libraries it loaded)."""
    library = ctypes.CDLL(ffmpeg_library(name))
    version = getattr(library, f"{name}_version")
    version.restype = ctypes.c_uint
    version.argtypes = []
    found = int(version())
    if found >> 16 != WRITTEN_FOR[name]:
        raise OSError(f"lib{name} says it is version {found >> 16}.{(found >> 8) & 255}."
                      f"{found & 255}; this kiosk was written for {WRITTEN_FOR[name]}")
    return library


def _load() -> _Lib:
    """libswscale and libavutil as Qt's FFmpeg backend loaded them, checked by version (call
    after the first frame: FFmpeg's own libraries resolve symbols from Qt Multimedia's)."""
    avutil = open_library("avutil")
    sws = open_library("swscale")
    vp, i = ctypes.c_void_p, ctypes.c_int
    sws.sws_getCachedContext.restype = vp
    sws.sws_getCachedContext.argtypes = [vp, i, i, i, i, i, i, i, vp, vp, vp]
    sws.sws_scale.restype = i
    sws.sws_scale.argtypes = [vp, ctypes.POINTER(vp), ctypes.POINTER(i), i, i,
                              ctypes.POINTER(vp), ctypes.POINTER(i)]
    sws.sws_freeContext.restype = None
    sws.sws_freeContext.argtypes = [vp]
    sws.sws_getCoefficients.restype = ctypes.POINTER(i)
    sws.sws_getCoefficients.argtypes = [i]
    sws.sws_setColorspaceDetails.restype = i
    sws.sws_setColorspaceDetails.argtypes = [vp, ctypes.POINTER(i), i, ctypes.POINTER(i), i,
                                             i, i, i]
    avutil.av_get_pix_fmt.restype = i
    avutil.av_get_pix_fmt.argtypes = [ctypes.c_char_p]
    return _Lib(sws, avutil)


# The self-test: studio-range BT.601 YUV of pure red must come out red.
SELF_TEST_YUV = (81, 90, 240)
SELF_TEST_RGB = (255, 0, 0)


def self_test_frame(yuv: tuple[int, int, int] = SELF_TEST_YUV) -> QVideoFrame:
    """A 32x16 YUV 4:2:0 frame of one colour."""
    frame = QVideoFrame(QVideoFrameFormat(QSize(32, 16), _PF.Format_YUV420P))
    if frame.map(QVideoFrame.MapMode.WriteOnly):
        for plane, value in enumerate(yuv):
            bits = memoryview(frame.bits(plane))
            bits[:] = bytes([value]) * len(bits)
        frame.unmap()
    return frame


@functools.cache
def checked_library() -> tuple[_Lib | None, str]:
    """libswscale once per process: (the library, "") when it loads, is the version this code
    was written for and converts the self-test frame right; else (None, why not)."""
    try:
        lib = _load()
    except (OSError, AttributeError) as exc:
        return None, f"libswscale not loaded: {exc}"
    probe = FrameScaler(lib)
    try:
        picture = probe.image(self_test_frame(), QSize(8, 8))
        got = picture.pixelColor(4, 4) if not picture.isNull() else None
    finally:
        probe.close()
    if (got is None or probe.fallbacks
            or any(abs(a - b) > 8 for a, b in zip((got.red(), got.green(), got.blue()),
                                                  SELF_TEST_RGB))):
        seen = got.name() if got is not None else "no picture"
        return None, f"libswscale failed its self-test (red came out {seen})"
    log.info("video frames are converted by libswscale (self-test passed)")
    return lib, ""


class FrameScaler:
    """Turns frames into ``QImage.Format_RGB32`` pictures of a given size (one context reused
    while the clip's size, format and the target size stay the same)."""

    def __init__(self, lib: _Lib | None = None) -> None:
        """``lib``: a library already loaded (the self-test); by default the checked one."""
        self._lib = lib
        self._tried = lib is not None
        self._ctx: int | None = None
        self._pre: int | None = None        # the first pass (two-pass scaling), else None
        self._key: tuple[Any, ...] | None = None
        self._mid: Any = None               # the first pass's planar YUV picture
        self._mid_planes: tuple[tuple[int, int], ...] = ()   # (address, bytes per row) each
        self._ff_formats: dict[str, int] = {}
        self.fallbacks = 0  # frames converted the slow way (for tests and the log)
        # Two pictures, written over in turn frame after frame: no 8 MB allocation (and page
        # faults) per frame. The screen holds the last picture while the next is written into
        # the other one; a caller that still holds a picture two frames old makes bits() copy
        # it, so callers drop each picture before asking for the one after the next.
        self._buffer = QImage()
        self._spare = QImage()

    def close(self) -> None:
        """Free the context and the picture buffer (a later frame makes new ones)."""
        if self._lib is not None:
            for ctx in (self._ctx, self._pre):
                if ctx:
                    self._lib.sws.sws_freeContext(ctx)
        self._ctx = self._pre = None
        self._key = None
        self._buffer = self._spare = QImage()
        self._mid, self._mid_planes = None, ()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown: nothing left to free with
            pass

    @property
    def uses_swscale(self) -> bool:
        return self._lib is not None

    def _library(self) -> _Lib | None:
        if not self._tried:
            self._tried = True
            self._lib, problem = checked_library()
            if problem:
                log.warning("video frames are converted by Qt (%s)", problem)
        return self._lib

    def _ff_format(self, lib: _Lib, name: str) -> int:
        if name not in self._ff_formats:
            self._ff_formats[name] = int(lib.avutil.av_get_pix_fmt(name.encode()))
        return self._ff_formats[name]

    def image(self, frame: QVideoFrame, size: QSize) -> QImage:
        """The frame as an RGB picture of ``size`` in its top-left corner (rows are padded to a
        multiple of 16 pixels, so the picture may be wider: draw ``QRect(QPoint(), size)`` of
        it). The same picture is written again for the frame after the next: drop it by then.
        The frame's own orientation: rotation and mirroring are the painter's job. A null
        image for an invalid frame or an empty size."""
        width, height = size.width(), size.height()
        if not frame.isValid() or width <= 0 or height <= 0:
            return QImage()
        fmt = frame.surfaceFormat()
        known = _FORMATS.get(fmt.pixelFormat())
        lib = self._library() if known is not None else None
        if lib is not None and known is not None:
            picture = self._swscale(lib, frame, fmt, known, width, height)
            if picture is not None:
                return picture
        return self._fallback(frame, width, height)

    def _fallback(self, frame: QVideoFrame, width: int, height: int) -> QImage:
        if not self.fallbacks:
            log.info("video frames of format %s are converted by Qt",
                     frame.surfaceFormat().pixelFormat().name)
        self.fallbacks += 1
        picture = frame.toImage()
        if picture.isNull():
            return picture
        # toImage shows the stream's rotation and mirroring; the painter applies them here
        stream = frame.surfaceFormat()
        if stream.isMirrored():
            picture = picture.mirrored(True, False)
        if _degrees(stream.rotation()) % 360:
            picture = picture.transformed(QTransform().rotate(-_degrees(stream.rotation())))
        # not at the module's top: the first attract frame imports this module and needs
        # nothing of Qt's namespace (its ~100 enums cost about 25 ms of CPU to make)
        from PySide6.QtCore import Qt

        return picture.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                              Qt.TransformationMode.SmoothTransformation
                              ).convertToFormat(QImage.Format.Format_RGB32)

    def _swscale(self, lib: _Lib, frame: QVideoFrame, fmt: QVideoFrameFormat,
                 known: tuple[str, tuple[int, ...]], width: int, height: int) -> QImage | None:
        name, order = known
        source_format = self._ff_format(lib, name)
        target_format = self._ff_format(lib, "bgra")  # QImage RGB32 in memory: B, G, R, 0xFF
        planar = self._ff_format(lib, "yuv420p")
        if source_format < 0 or target_format < 0 or planar < 0:
            return None
        fw, fh = frame.width(), frame.height()
        key = (fw, fh, source_format, width, height, fmt.colorSpace(), fmt.colorRange())
        if key != self._key and not self._contexts(lib, key, name, planar, target_format, fmt):
            return None
        if not frame.map(QVideoFrame.MapMode.ReadOnly):
            return None
        try:
            planes = len(order)
            if frame.planeCount() < planes:
                return None
            source = (ctypes.c_void_p * 4)(*[_address(frame.bits(p)) for p in order],
                                           *([None] * (4 - planes)))
            strides = (ctypes.c_int * 4)(*[frame.bytesPerLine(p) for p in order],
                                         *([0] * (4 - planes)))
            if self._pre:   # first pass: planar YUV at the on-screen size
                mid = (ctypes.c_void_p * 4)(*[a for a, _ in self._mid_planes], None)
                mid_strides = (ctypes.c_int * 4)(*[n for _, n in self._mid_planes], 0)
                lib.sws.sws_scale(self._pre, source, strides, 0, fh, mid, mid_strides)
                source, strides, fh = mid, mid_strides, height
            padded = _round_up(width, _ALIGN_PX)
            self._buffer, self._spare = self._spare, self._buffer
            picture = self._buffer
            if picture.width() != padded or picture.height() != height:
                picture = self._buffer = QImage(padded, height, QImage.Format.Format_RGB32)
            target = (ctypes.c_void_p * 4)(_address(picture.bits()), None, None, None)
            target_strides = (ctypes.c_int * 4)(picture.bytesPerLine(), 0, 0, 0)
            lib.sws.sws_scale(self._ctx, source, strides, 0, fh, target, target_strides)
        finally:
            frame.unmap()
        return picture

    def _contexts(self, lib: _Lib, key: tuple[Any, ...], name: str, planar: int,
                  target_format: int, fmt: QVideoFrameFormat) -> bool:
        """libswscale's contexts for ``key`` (clip size and format, on-screen size, colours):
        one pass, or two for a scaled 8-bit 4:2:0 clip (``_TWO_PASS``)."""
        fw, fh, source_format, width, height = key[:5]
        two = name in _TWO_PASS and (fw, fh) != (width, height)
        if two:
            self._pre = lib.sws.sws_getCachedContext(self._pre, fw, fh, source_format, width,
                                                     height, planar, _SWS_FAST_BILINEAR,
                                                     None, None, None)
            if not self._pre:
                return False
            self._mid_buffer(width, height)
        else:
            if self._pre:
                lib.sws.sws_freeContext(self._pre)
            self._pre, self._mid, self._mid_planes = None, None, ()
        size = (width, height) if two else (fw, fh)
        self._ctx = lib.sws.sws_getCachedContext(self._ctx, *size, planar if two else source_format,
                                                 width, height, target_format,
                                                 _SWS_FAST_BILINEAR, None, None, None)
        if not self._ctx:
            return False
        self._colours(lib, fmt, fh)
        self._key = key
        return True

    def _mid_buffer(self, width: int, height: int) -> None:
        """The first pass's picture: three planes (Y, then U and V at half size), each row
        64-byte aligned, in one buffer kept while the sizes stay."""
        cw, ch = (width + 1) // 2, (height + 1) // 2
        rows = [(_round_up(w, _ALIGN_BYTES), h) for w, h in ((width, height), (cw, ch), (cw, ch))]
        self._mid = ctypes.create_string_buffer(sum(n * h for n, h in rows) + _ALIGN_BYTES)
        at = _round_up(ctypes.addressof(self._mid), _ALIGN_BYTES)
        planes = []
        for n, h in rows:
            planes.append((at, n))
            at += n * h
        self._mid_planes = tuple(planes)

    def _colours(self, lib: _Lib, fmt: QVideoFrameFormat, frame_height: int) -> None:
        """The clip's YUV matrix and range (unknown: BT.709 for HD, BT.601 below, as players
        do; limited 'video' range unless the clip says full)."""
        space = fmt.colorSpace()
        cs = QVideoFrameFormat.ColorSpace
        if space == cs.ColorSpace_BT2020:
            matrix = _SWS_CS_BT2020
        elif space == cs.ColorSpace_BT601 or (space != cs.ColorSpace_BT709 and frame_height < 720):
            matrix = _SWS_CS_ITU601
        else:
            matrix = _SWS_CS_ITU709
        full = 1 if fmt.colorRange() == QVideoFrameFormat.ColorRange.ColorRange_Full else 0
        coefficients = lib.sws.sws_getCoefficients(matrix)
        if self._pre:   # the first pass only scales: the same matrix and range out as in
            lib.sws.sws_setColorspaceDetails(self._pre, coefficients, full, coefficients, full,
                                             0, 1 << 16, 1 << 16)
        lib.sws.sws_setColorspaceDetails(self._ctx, coefficients, full,
                                         lib.sws.sws_getCoefficients(_SWS_CS_ITU601), 1,
                                         0, 1 << 16, 1 << 16)
