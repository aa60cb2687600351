"""Helpers and fixtures for the tests that drive BLIQ Studio through its named widgets."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QListWidget, QPushButton, QWidget

import kiosk.studio
from tests.conftest import SAMPLE_PACK

SRT = "1\n00:00:00,000 --> 00:00:01,000\nWelkom in de werkplaats\n"


def logo(path: Path, colour: str = "#d04010", size: tuple[int, int] = (1200, 400)) -> Path:
    from PIL import Image

    Image.new("RGB", size, colour).save(path)
    return path


class Dialogs:
    """Answers for QFileDialog's static functions, one at a time, as she would pick them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: list[str] = []
        self.lists: list[list[str]] = []
        self.folders: list[str] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            staticmethod(lambda *a, **k: (self.files.pop(0), "")))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            staticmethod(lambda *a, **k: (self.lists.pop(0), "")))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                            staticmethod(lambda *a, **k: self.folders.pop(0)))


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    dest = tmp_path / "mijn-pakket"
    shutil.copytree(SAMPLE_PACK, dest)
    return dest


@pytest.fixture
def studio(qapp, qtbot, pack: Path, tmp_path: Path, monkeypatch):
    made = []

    def build(argv: list[str] | None = None):
        app = kiosk.studio.build([str(pack)] if argv is None else argv, home=tmp_path / "home")
        made.append(app)
        qtbot.addWidget(app.window)
        return app

    yield build
    for app in made:
        app.close()


def w(app, name: str, cls: type = QWidget):
    found = app.window.findChild(cls, name)
    assert found is not None, name
    return found


def click(qtbot, app, name: str) -> None:
    qtbot.mouseClick(w(app, name, QPushButton), Qt.MouseButton.LeftButton)


def type_into(qtbot, app, name: str, text: str) -> None:
    field = w(app, name, QLineEdit)
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def check_jobs(app, titles: list[str]) -> None:
    jobs = w(app, "companyJobs", QListWidget)
    for i in range(jobs.count()):
        item = jobs.item(i)
        if item.text() in titles:
            item.setCheckState(Qt.CheckState.Checked)


def problems(app) -> list[str]:
    panel = w(app, "problems", QListWidget)
    return [panel.item(i).text() for i in range(panel.count())]


def make_sheet(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Naam", "Lokaal", "Link", "Beroepen"])
    sheet.append(["Staalwerk Oost", "Hal 1", "staalwerkoost.nl", "Lasser; CNC-programmeur"])
    sheet.append(["Auto Jansen", "Hal 2", "https://autojansen.nl/stage", "Automonteur"])
    sheet.append(["Mediamakers", "Lokaal 0.12", "www.mediamakers.nl", "Mediavormgever, Game developer"])
    sheet.append(["Netbeheer Noord", "Aula", "netbeheer-noord.nl/werken", "Netwerkmonteur, Drone-piloot"])
    book.save(path)
    return path
