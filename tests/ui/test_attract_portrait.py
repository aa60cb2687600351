"""Portrait attract in lean mode (Qt Quick's software backend, as these tests run): the clip
large across the width, and the height between the event's name and the hook filled with the
clip's blurred, darkened copy (as the GPU path's ShaderEffectSource does), never empty bands of
background around a 16:9 clip. Real clip, decoded by Qt's FFmpeg backend, read back from a grab
of the window."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from kiosk.config import Config
from tests.uitools import find_item
from tools.layout_check import scene_rect

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False)


def _lightness(shot: QImage, x: float, y: float) -> int:
    return shot.pixelColor(int(x), int(y)).lightness()


def _is_background(shot: QImage, x: float, y: float, background: QColor) -> bool:
    c = shot.pixelColor(int(x), int(y))
    return max(abs(c.red() - background.red()), abs(c.green() - background.green()),
               abs(c.blue() - background.blue())) <= 6


@pytest.mark.parametrize("size", ("1080x1920", "720x1280"))
def test_portrait_attract_fills_the_room_around_the_clip_with_its_blur(make_kiosk, qtbot,
                                                                       size: str) -> None:
    app = make_kiosk(size, config=CFG, real_player=True)
    assert app.screens.render.choice.mode == "lean"
    qtbot.waitUntil(lambda: app.player.state == "playing", timeout=15_000)  # the attract loop
    qtbot.waitUntil(lambda: app.player.position > 1500, timeout=15_000)     # past the fade-in
    video = find_item(app.window, "attractVideo")
    picture = video.property("picture")
    drawn = picture.property("framesDrawn")
    qtbot.waitUntil(lambda: picture.property("framesDrawn") > drawn + 2, timeout=10_000)
    shot = app.window.grabWindow()
    w, h = app.window.width(), app.window.height()

    frame = scene_rect(find_item(app.window, "attractFrame"))
    c = video.property("contentRect")
    clip = QRectF(frame.x() + c.x(), frame.y() + c.y(), c.width(), c.height())
    assert clip.width() == pytest.approx(w, abs=1)                  # the clip is large: edge to edge
    assert clip.height() == pytest.approx(w * 9 / 16, abs=2)       # and whole (the 16:9 sample clip)

    # the room between the event's name and the hook, above and below the clip
    top = max(scene_rect(find_item(app.window, n)).bottom()
              for n in ("attractEvent", "attractWelcome"))
    hook = scene_rect(find_item(app.window, "attractHeadline"))
    above = (top + 0.25 * (clip.top() - top), top + 0.75 * (clip.top() - top))
    below = (clip.bottom() + 0.25 * (hook.top() - clip.bottom()),
             clip.bottom() + 0.75 * (hook.top() - clip.bottom()))
    assert min(clip.top() - top, hook.top() - clip.bottom()) > 0.05 * h   # real room to fill
    background = shot.pixelColor(w // 2, 4)   # above the event's name: the screen's own colour
    bands = [(w * i / 10, y) for y in (*above, *below) for i in range(1, 10)]
    empty = [(x, y) for x, y in bands if _is_background(shot, x, y, background)
             or _lightness(shot, x, y) < 8]
    assert not empty, f"{size}: background or black above/below the clip at {empty}"
    # the bands are the clip's darkened copy: the clip stays the brightest thing there
    inside = [(clip.left() + clip.width() * i / 10, clip.top() + clip.height() * j / 4)
              for i in range(1, 10) for j in range(1, 4)]
    band_light = sum(_lightness(shot, x, y) for x, y in bands) / len(bands)
    clip_light = sum(_lightness(shot, x, y) for x, y in inside) / len(inside)
    assert band_light < clip_light

    # the kiosk's words stay on their own calm background, clear of the clip and its copy
    for name in ("attractEvent", "attractHeadline", "startButton"):
        assert not scene_rect(find_item(app.window, name)).intersects(frame), name
    assert _is_background(shot, hook.left() - 1 if hook.left() > 1 else 1, hook.center().y(),
                          background)
