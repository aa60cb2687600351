"""Collect only the QML modules the kiosk can use (replaces PyInstaller's QtQml hook).

PyInstaller's own hook bundles every QML module PySide6 ships, and with them WebEngine, 3D,
the virtual keyboard and more (their libraries are several hundred MB). The kiosk draws with
Qt Quick and plays video with QtMultimedia (admin's charts are SVG pictures, no QtCharts);
everything else is left out. Names are paths below PySide6's ``qml`` folder.
"""
from PyInstaller.utils.hooks.qt import add_qt6_dependencies, pyside6_library_info

EXCLUDED_QML = (
    "Qt3D", "QtQuick3D", "QtWebEngine", "QtWebView", "QtWebChannel", "QtWebSockets",
    "QtLocation", "QtPositioning", "QtSensors", "QtDataVisualization", "QtGraphs", "QtCharts",
    "QtRemoteObjects", "QtScxml", "QtTest", "QtTextToSpeech", "QtWayland", "QtNetwork",
    "QtQuick/VirtualKeyboard", "QtQuick/Pdf", "QtQuick/Scene3D", "QtQuick/Scene2D",
    "QtQuick/Dialogs", "QtQuick/tooling", "Qt/labs/wavefrontmesh",
    # Controls styles for other platforms' looks (Basic and Fusion stay)
    "QtQuick/Controls/Material", "QtQuick/Controls/Universal", "QtQuick/Controls/Imagine",
    "QtQuick/Controls/FluentWinUI3", "QtQuick/Controls/macOS", "QtQuick/Controls/iOS",
    "QtQuick/Controls/Windows",
)


def _wanted(dest: str) -> bool:
    rel = dest.replace("\\", "/").split("/qml/", 1)[-1] if "/qml/" in dest.replace("\\", "/") else ""
    return not any(rel == name or rel.startswith(name + "/") for name in EXCLUDED_QML)


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
qml_binaries, qml_datas = pyside6_library_info.collect_qtqml_files()
binaries += [(src, dest) for src, dest in qml_binaries if _wanted(dest)]
datas += [(src, dest) for src, dest in qml_datas if _wanted(dest)]
