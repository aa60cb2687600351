"""qmllint runs clean over kiosk/ui/qml, with the Python types QML sees (tools/qmllint.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import qmllint  # noqa: E402  (tools/ is not a package)

pytestmark = pytest.mark.skipif(bool(qmllint.missing_tools()),
                                reason="PySide6's QML tools are not installed here")


def test_every_qml_file_is_clean() -> None:
    assert qmllint.lint() == []


def test_the_python_types_are_checked(tmp_path: Path) -> None:
    """A wrong name behind ``Kiosk`` is reported, also two objects deep; right ones are not."""
    bad = tmp_path / "Bad.qml"
    bad.write_text("""import QtQuick
import Kiosk
Item {
    property string flowState: Kiosk.controller.state
    property int answered: Kiosk.game.playerA.answered
    property bool lean: Kiosk.renderMode.lean
    property var nope: Kiosk.controller.noSuchProperty
    property var deeper: Kiosk.playback.player.noSuchEither
    property var bare: controller
}
""", encoding="utf-8")
    found = qmllint.lint([bad])
    assert len(found) == 3, found
    assert "noSuchProperty" in found[0] and "Controller" in found[0]
    assert "noSuchEither" in found[1] and "EpisodePlayer" in found[1]
    assert "[unqualified]" in found[2]


def test_a_class_of_ours_behind_a_qt_base_type_is_checked(tmp_path: Path) -> None:
    """``Kiosk.renderMode.video`` is a LeanVideo, which the meta-object calls a
    QQuickPaintedItem: its own members are known, a wrong one is reported by its class."""
    bad = tmp_path / "Video.qml"
    bad.write_text("""import QtQuick
import Kiosk
Item {
    property bool sides: Kiosk.renderMode.video.fillSides
    property rect where: Kiosk.renderMode.video.contentRect
    property var nope: Kiosk.renderMode.video.noSuchMember
    Component.onCompleted: Kiosk.renderMode.video.release()
}
""", encoding="utf-8")
    found = qmllint.lint([bad])
    assert len(found) == 1, found
    assert "noSuchMember" in found[0] and "LeanVideo" in found[0]
