"""Frames to on-screen pictures (kiosk.media.scaler): libswscale's colours and sizes, and the
slow path through Qt when it cannot be used."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QMediaFormat, QtVideo, QVideoFrame, QVideoFrameFormat

from kiosk.media import scaler
from kiosk.media.scaler import FrameScaler

# Studio-range BT.601 YUV of pure red (what an untagged SD clip stores for it)
RED_YUV = (81, 90, 240)


@pytest.fixture(autouse=True)
def ffmpeg_backend(qapp) -> None:
    QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)  # loads FFmpeg


@pytest.fixture
def fresh_check() -> Iterator[None]:
    """The library check runs once per process: a test that changes what it finds starts and
    leaves it unanswered."""
    clears = (scaler.checked_library.cache_clear, scaler.ffmpeg_library.cache_clear)
    for clear in clears:
        clear()
    yield
    for clear in clears:   # the real functions' caches, whatever a test put in their place
        clear()


def _yuv420p(width: int, height: int, yuv: tuple[int, int, int]) -> QVideoFrame:
    frame = QVideoFrame(QVideoFrameFormat(QSize(width, height),
                                          QVideoFrameFormat.PixelFormat.Format_YUV420P))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    for plane, value in enumerate(yuv):
        bits = frame.bits(plane)
        bits[:] = bytes([value]) * len(bits)
    frame.unmap()
    return frame


def _near(pixel: QColor, rgb: tuple[int, int, int], tolerance: int = 6) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip((pixel.red(), pixel.green(),
                                                        pixel.blue()), rgb))


@pytest.mark.parametrize("size", [QSize(100, 50), QSize(333, 187), QSize(1920, 1080)])
def test_a_yuv_frame_becomes_an_rgb_picture_of_the_size_asked(size: QSize) -> None:
    conv = FrameScaler()
    picture = conv.image(_yuv420p(64, 32, RED_YUV), size)
    assert conv.uses_swscale and conv.fallbacks == 0
    assert picture.format() == QImage.Format.Format_RGB32
    assert picture.height() == size.height() and picture.width() >= size.width()
    for x, y in ((0, 0), (size.width() - 1, size.height() - 1), (size.width() // 2, 3)):
        assert _near(picture.pixelColor(x, y), (255, 0, 0)), picture.pixelColor(x, y).name()


def _nv12(width: int, height: int, yuv: tuple[int, int, int]) -> QVideoFrame:
    """Y, then U and V interleaved: what hardware decoders give."""
    frame = QVideoFrame(QVideoFrameFormat(QSize(width, height),
                                          QVideoFrameFormat.PixelFormat.Format_NV12))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    luma, chroma = frame.bits(0), frame.bits(1)
    luma[:] = bytes([yuv[0]]) * len(luma)
    chroma[:] = bytes(yuv[1:]) * (len(chroma) // 2)
    frame.unmap()
    return frame


@pytest.mark.parametrize("size", [QSize(97, 41), QSize(64, 32), QSize(1280, 720)])
def test_an_nv12_frame_is_scaled_and_converted_too(size: QSize) -> None:
    """Scaled (two passes: planar YUV first) or at its own size (one pass), the same red."""
    conv = FrameScaler()
    picture = conv.image(_nv12(64, 32, RED_YUV), size)
    assert conv.uses_swscale and conv.fallbacks == 0
    for x, y in ((0, 0), (size.width() - 1, size.height() - 1), (size.width() // 2, 3)):
        assert _near(picture.pixelColor(x, y), (255, 0, 0)), picture.pixelColor(x, y).name()


def test_a_clip_of_two_colours_keeps_its_halves_when_scaled() -> None:
    """Left half red, right half blue: scaling moves no colour across the middle (a plane
    scaled with another plane's size or stride would)."""
    width, height = 64, 32
    frame = QVideoFrame(QVideoFrameFormat(QSize(width, height),
                                          QVideoFrameFormat.PixelFormat.Format_YUV420P))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    blue = (41, 240, 110)   # studio-range BT.601 pure blue
    for plane, scale in ((0, 1), (1, 2), (2, 2)):
        bits, stride = frame.bits(plane), frame.bytesPerLine(plane)
        for y in range(height // scale):
            row = bytes([RED_YUV[plane]]) * (width // scale // 2) \
                + bytes([blue[plane]]) * (width // scale // 2)
            bits[y * stride:y * stride + len(row)] = row
    frame.unmap()
    picture = FrameScaler().image(frame, QSize(300, 150))
    assert _near(picture.pixelColor(20, 75), (255, 0, 0), 8), picture.pixelColor(20, 75).name()
    assert _near(picture.pixelColor(280, 75), (0, 0, 255), 8), picture.pixelColor(280, 75).name()


def test_hd_frames_without_a_colour_tag_are_read_as_bt709() -> None:
    conv = FrameScaler()
    small = conv.image(_yuv420p(64, 32, RED_YUV), QSize(8, 8)).pixelColor(1, 1)
    hd = conv.image(_yuv420p(1280, 720, RED_YUV), QSize(8, 8)).pixelColor(1, 1)
    assert _near(small, (255, 0, 0))
    # the same numbers through BT.709's matrix: less green in red's neighbourhood is lost
    assert hd.green() > small.green() + 15, (small.name(), hd.name())


def test_a_format_swscale_is_not_given_goes_through_qt(caplog) -> None:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor(10, 200, 30))
    conv = FrameScaler()
    with caplog.at_level(logging.INFO, logger="kiosk.media"):
        picture = conv.image(QVideoFrame(image), QSize(80, 40))
    assert conv.fallbacks == 1
    assert picture.size() == QSize(80, 40)
    assert _near(picture.pixelColor(40, 20), (10, 200, 30), 2)
    assert "converted by Qt" in caplog.text


def test_without_libswscale_frames_still_show(monkeypatch, caplog, fresh_check) -> None:
    def cannot_load() -> None:
        raise OSError("libswscale.so.8: cannot open shared object file")

    monkeypatch.setattr(scaler, "_load", cannot_load)
    conv = FrameScaler()
    with caplog.at_level(logging.WARNING, logger="kiosk.media"):
        picture = conv.image(_yuv420p(64, 32, RED_YUV), QSize(32, 16))
    assert not conv.uses_swscale and conv.fallbacks == 1
    assert _near(picture.pixelColor(16, 8), (255, 0, 0), 12)
    assert "libswscale not loaded" in caplog.text


def test_nothing_to_draw_is_a_null_picture() -> None:
    conv = FrameScaler()
    assert conv.image(QVideoFrame(), QSize(10, 10)).isNull()
    assert conv.image(_yuv420p(16, 16, RED_YUV), QSize(0, 10)).isNull()


def test_the_slow_path_leaves_turning_to_the_painter_as_the_fast_one_does() -> None:
    """Qt's toImage turns a phone clip upright; the scaler gives the frame as stored (the
    lean item turns it once, when it paints)."""
    fmt = QVideoFrameFormat(QSize(40, 20), QVideoFrameFormat.PixelFormat.Format_BGRA8888)
    fmt.setRotation(QtVideo.Rotation.Clockwise90)
    frame = QVideoFrame(fmt)
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    bits, stride = frame.bits(0), frame.bytesPerLine(0)
    for y in range(20):
        for x in range(40):
            at = y * stride + 4 * x
            bits[at:at + 4] = bytes((0, 0, 255, 255) if x < 20 else (255, 0, 0, 255))  # B,G,R,A
    frame.unmap()
    conv = FrameScaler()
    picture = conv.image(frame, QSize(40, 20))
    assert conv.fallbacks == 1 and picture.size() == QSize(40, 20)
    assert _near(picture.pixelColor(5, 10), (255, 0, 0), 2)     # red on the left, as stored
    assert _near(picture.pixelColor(35, 10), (0, 0, 255), 2)    # blue on the right


def test_frames_are_written_over_two_pictures_in_turn() -> None:
    """The screen holds the last picture while the next is written into the other one; the
    one after the next goes into the first again, not into a copy."""
    conv = FrameScaler()
    colours = [(RED_YUV, (255, 0, 0)), ((145, 54, 34), (0, 255, 0))] * 2   # BT.601 red, green
    serials, held = [], None
    for yuv, rgb in colours:
        picture = conv.image(_yuv420p(64, 32, yuv), QSize(48, 24))
        assert _near(picture.pixelColor(10, 10), rgb, 8), picture.pixelColor(10, 10).name()
        if held is not None:   # the last picture is untouched by writing this one
            assert _near(held[0].pixelColor(10, 10), held[1], 8)
        serials.append(picture.cacheKey() >> 32)   # the pixels' serial: a copy gets a new one
        held = (picture, rgb)
        del picture
    assert serials[0] == serials[2] and serials[1] == serials[3] and serials[0] != serials[1]


def test_the_library_is_checked_by_version_and_a_self_test_once(fresh_check, caplog) -> None:
    with caplog.at_level(logging.INFO, logger="kiosk.media"):
        lib, problem = scaler.checked_library()
    assert lib is not None and problem == ""
    assert "self-test passed" in caplog.text
    assert Path(scaler.ffmpeg_library("swscale")).name in (
        "libswscale.so.8", "swscale-8.dll", "libswscale.8.dylib")
    assert scaler.checked_library()[0] is lib       # asked once per process


def test_another_major_version_is_not_used_and_frames_go_through_qt(monkeypatch, caplog,
                                                                  fresh_check) -> None:
    """The library next to PySide6 is FFmpeg 7's; a kiosk written for another one must not
    call it (the C signatures may differ) but convert through Qt, and say why."""
    monkeypatch.setitem(scaler.WRITTEN_FOR, "swscale", 9)
    conv = FrameScaler()
    with caplog.at_level(logging.WARNING, logger="kiosk.media"):
        picture = conv.image(_yuv420p(64, 32, RED_YUV), QSize(32, 16))
    assert not conv.uses_swscale and conv.fallbacks == 1
    assert _near(picture.pixelColor(16, 8), (255, 0, 0), 12)
    assert "libswscale.so.8" in caplog.text and "written for 9" in caplog.text


def test_a_library_whose_own_version_differs_is_refused(fresh_check, monkeypatch) -> None:
    """A file named like version 8 that says it is something else (a renamed copy)."""
    real = scaler.ffmpeg_library("avutil")
    monkeypatch.setitem(scaler.WRITTEN_FOR, "avutil", 58)
    monkeypatch.setattr(scaler, "ffmpeg_library", lambda name, base=None: real)
    with pytest.raises(OSError, match=r"libavutil says it is version 59\.\d+\.\d+; this kiosk "
                                      r"was written for 58"):
        scaler.open_library("avutil")


def test_a_failed_self_test_falls_back_to_qt(monkeypatch, caplog, fresh_check) -> None:
    """libswscale loads but does not turn the self-test's red into red: it is not used."""
    monkeypatch.setattr(scaler, "SELF_TEST_RGB", (0, 0, 255))   # what it would have to say
    conv = FrameScaler()
    with caplog.at_level(logging.WARNING, logger="kiosk.media"):
        picture = conv.image(_yuv420p(64, 32, RED_YUV), QSize(32, 16))
    assert not conv.uses_swscale and conv.fallbacks == 1
    assert _near(picture.pixelColor(16, 8), (255, 0, 0), 12)
    # what came out is named (red, give or take libswscale's rounding: #fd0000 in two passes)
    assert re.search(r"failed its self-test \(red came out #f[a-f0-9]0{4}\)", caplog.text)


def test_a_missing_version_names_what_is_there(tmp_path) -> None:
    lib = tmp_path / "Qt" / "lib"
    lib.mkdir(parents=True)
    (lib / "libswscale.so.9").write_bytes(b"")
    (lib / "libswscale.so.7").write_bytes(b"")
    with pytest.raises(OSError, match=r"no libswscale 8 next to PySide6 .*found libswscale\.so\.7, "
                                      r"libswscale\.so\.9; this kiosk was written for 8"):
        scaler.ffmpeg_library("swscale", tmp_path)
    (lib / "libswscale.so.8").write_bytes(b"")
    assert scaler.ffmpeg_library("swscale", tmp_path) == str(lib / "libswscale.so.8")
