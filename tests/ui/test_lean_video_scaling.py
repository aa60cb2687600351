"""LeanVideo on a scaled screen (Windows laptops run at 125–150 %): the picture is made at the
screen's own pixels, so fine detail stays sharp instead of being stretched from one picture
pixel per item unit. Runs in a child process: the scale factor is fixed when Qt starts."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtMultimedia import QVideoFrame
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface
QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
app = QGuiApplication([])
from kiosk.ui.leanvideo import LeanVideo
window = QQuickWindow()
window.resize(320, 180)
video = LeanVideo(window.contentItem())
video.setSize(QSizeF(320, 180))
window.show()
# a frame of 640x360 with 1-pixel stripes: black and white columns
stripes = QImage(640, 360, QImage.Format.Format_RGB32)
stripes.fill(QColor("black"))
p = QPainter(stripes)
for x in range(0, 640, 2):
    p.fillRect(x, 0, 1, 360, QColor("white"))
p.end()
video.videoSink.setVideoFrame(QVideoFrame(stripes))
deadline = time.monotonic() + 10
while video.property("framesDrawn") < 1 and time.monotonic() < deadline:
    app.processEvents()
shot = window.grabWindow()
row = [shot.pixelColor(x, shot.height() // 2).lightness() for x in range(200, 260)]
print(json.dumps({"ratio": window.effectiveDevicePixelRatio(), "width": shot.width(),
                  "drawn": video.property("framesDrawn"), "row": row}))
"""


@pytest.mark.parametrize("scale", ["1", "2"])
def test_lean_video_draws_at_the_screens_own_pixels(scale: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
    out = subprocess.run([sys.executable, "-c", CHILD, str(REPO)], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["drawn"] >= 1 and found["ratio"] == float(scale)
    assert found["width"] == 320 * int(scale)   # the grab has the screen's pixels
    row = found["row"]
    if scale == "2":
        # 640 stripes on 640 screen pixels: each column black or white, side by side
        assert all(abs(a - b) > 150 for a, b in zip(row, row[1:])), row
    else:
        # 640 stripes on 320 pixels: shrunk smoothly to an even grey (no moiré of lone stripes)
        assert max(row) - min(row) < 60, row
