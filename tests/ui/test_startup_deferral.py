"""What the attract screen does not need is not loaded before its first frame: the admin's
charts (Qt's SVG renderer; QtCharts and Qt Widgets never), pack signing (cryptography), QR
drawing (qrcode, Pillow). Each costs start-up time and memory on every kiosk, every morning,
and only some visitors ever need one."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from kiosk.app import build
from PySide6.QtCore import QTimer
app = build(["--windowed", "--size", "1280x720", "--data", sys.argv[2]])
def first():
    app.window.frameSwapped.disconnect(first)
    libs = sorted({line.rsplit("/", 1)[-1].strip() for line in open("/proc/self/maps")
                   if ".so" in line})
    print(json.dumps({"modules": sorted(sys.modules), "libs": libs}), flush=True)
    QTimer.singleShot(0, stop)  # not from inside the frame being swapped
def stop():
    app.close()
    app.qapp.quit()
app.window.frameSwapped.connect(first)
app.qapp.exec()
"""


def test_first_attract_frame_loads_no_charts_signing_or_qr_drawing(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(tmp_path)], env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    loaded = json.loads(out.strip().splitlines()[-1])
    tops = {name.split(".")[0] for name in loaded["modules"]}
    assert "kiosk" in tops and "PySide6" in tops  # the kiosk really started
    assert {"cryptography", "qrcode", "PIL", "ssl"} & tops == set()
    assert "kiosk.insights.charts" not in loaded["modules"]   # admin's chart code (and xml.sax)
    assert "PySide6.QtCharts" not in loaded["modules"]
    assert not [lib for lib in loaded["libs"]
                if lib.startswith(("libQt6Charts", "libQt6Svg.", "libQt6Widgets"))]
    assert [lib for lib in loaded["libs"] if lib.startswith("libQt6Quick.")]  # maps were read


ADMIN_CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from kiosk.app import build
from PySide6.QtCore import QTimer
app = build(["--windowed", "--size", "1280x720", "--data", sys.argv[2]])
dash = app.screens.dashboard
def check():
    if app.controller.state != "admin" or dash.busy or dash.chartsVersion == 0:
        QTimer.singleShot(50, check)
        return
    app.window.frameSwapped.connect(drawn)
    app.window.update()
def drawn():
    app.window.frameSwapped.disconnect(drawn)
    libs = sorted({line.rsplit("/", 1)[-1].strip() for line in open("/proc/self/maps")
                   if ".so" in line})
    print(json.dumps({"modules": sorted(sys.modules), "libs": libs,
                      "app": type(app.qapp).__name__}), flush=True)
    QTimer.singleShot(0, stop)
def stop():
    app.close()
    app.qapp.quit()
app.controller.adminGesture()
app.controller.submitPin("2468")
QTimer.singleShot(0, check)
app.qapp.exec()
"""


def test_admin_with_its_charts_runs_without_qt_widgets_or_qtcharts(tmp_path):
    """The kiosk is a QGuiApplication: admin's charts are SVG pictures, not QtCharts (which needs
    a widgets application and loads its libraries into every kiosk process)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    out = subprocess.run([sys.executable, "-c", ADMIN_CHILD, str(ROOT), str(tmp_path)], env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    loaded = json.loads(out.strip().splitlines()[-1])
    assert loaded["app"] == "QGuiApplication"
    assert "kiosk.ui.chart_images" in loaded["modules"]   # the charts were drawn
    assert [lib for lib in loaded["libs"] if lib.startswith("libQt6Svg.")]
    assert not {"PySide6.QtWidgets", "PySide6.QtCharts"} & set(loaded["modules"])
    assert not [lib for lib in loaded["libs"]
                if lib.startswith(("libQt6Widgets", "libQt6Charts"))], loaded["libs"]
