"""BLIQ Studio driven through its named widgets, the way an organiser works: her event, logo and
PIN, four companies typed in and four from an Excel sheet, three of her own clips (a vertical
.mov and one with .srt captions), save, and the update on a stick. Then the real checks: the
saved pack passes ``kiosk check``, a kiosk built on it shows her event, and a running kiosk
installs the update from the stick."""
from __future__ import annotations

import datetime
import io
import shutil
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (QDateEdit, QFileDialog, QLabel, QLineEdit, QListWidget,
                               QMessageBox, QPushButton, QWidget)

import kiosk.studio
from kiosk.config import Config
from kiosk.core import bliqpack
from kiosk.core.check import run_check
from kiosk.core.pin import verify_pin
from tests.cliptools import make_clip
from tests.conftest import SAMPLE_PACK
from tests.uitools import find_item, is_shown

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


@pytest.mark.slow
def test_the_whole_organiser_task(studio, dialogs: Dialogs, qtbot, pack: Path,
                                  tmp_path: Path, make_kiosk) -> None:
    app = studio()
    day = datetime.date.today() + datetime.timedelta(days=10)
    # -- her event ------------------------------------------------------------------------
    click(qtbot, app, "eventNew")
    type_into(qtbot, app, "eventName", "Open dag Het Vakcollege")
    w(app, "eventDate", QDateEdit).setDate(QDate(day.year, day.month, day.day))
    click(qtbot, app, "eventDayAdd")  # a two-day open day
    assert w(app, "eventDays", QLabel).text() != "—"
    type_into(qtbot, app, "eventWelcome", "Welkom! Kom kijken in de werkplaats.")
    dialogs.files.append(str(logo(tmp_path / "schoollogo.jpg")))
    click(qtbot, app, "eventLogoPick")
    assert not w(app, "eventLogo", QLabel).pixmap().isNull()
    type_into(qtbot, app, "eventPin", "1234")
    type_into(qtbot, app, "eventPinRepeat", "1234")
    assert "te makkelijk" in w(app, "eventPinNote", QLabel).text()
    type_into(qtbot, app, "eventPin", "8531")
    type_into(qtbot, app, "eventPinRepeat", "8531")
    assert "PIN ingesteld" in w(app, "eventPinNote", QLabel).text()
    # -- four companies from the UI -------------------------------------------------------
    typed = [("Klimaat & Co", "Lokaal 1.04", "klimaatco.nl/contact", ["Installatiemonteur"]),
             ("Houtwerk Oost", "Werkplaats hout", "http://houtwerk-oost.nl", ["Timmerman"]),
             ("Zon op Dak", "Lokaal 2.10", "www.zonopdak.nl", ["Monteur zonnepanelen"]),
             ("Fietsfabriek", "Aula", "fietsfabriek.nl/stage", ["Elektromonteur", "Dakdekker"])]
    for name, room, url, jobs in typed:
        click(qtbot, app, "companyAdd")
        type_into(qtbot, app, "companyName", name)
        type_into(qtbot, app, "companyRoom", room)
        type_into(qtbot, app, "companyUrl", url)
        check_jobs(app, jobs)
    assert w(app, "companyUrl", QLineEdit).text() == "https://fietsfabriek.nl/stage"
    dialogs.files.append(str(logo(tmp_path / "fiets.png", "#208040", (300, 300))))
    click(qtbot, app, "companyLogoPick")
    # -- four more from Excel -------------------------------------------------------------
    dialogs.files.append(str(make_sheet(tmp_path / "bedrijven.xlsx")))
    click(qtbot, app, "companyImport")
    report = w(app, "importReport", QLabel).text()
    assert report == ("Rij 5 (Netbeheer Noord): beroep 'Drone-piloot' staat niet in de lijst; "
                      "vink het juiste beroep aan in de studio.")
    assert w(app, "companyList", QListWidget).count() == 8
    # -- three own clips: a vertical .mov, one with .srt captions -------------------------
    clips = tmp_path / "telefoon"
    make_clip(clips / "IMG_2041 werkplaats.mp4")
    (clips / "IMG_2041 werkplaats.srt").write_text(SRT, "utf-8")
    make_clip(clips / "verticaal lassen.mov", size="180x320")
    make_clip(clips / "rondleiding.mp4", size="240x136", audio=False)
    dialogs.lists.append([str(clips / n) for n in ("IMG_2041 werkplaats.mp4",
                                                   "IMG_2041 werkplaats.srt",
                                                   "verticaal lassen.mov", "rondleiding.mp4")])
    click(qtbot, app, "videosAdd")
    window = app.window
    assert window.importing()  # the import runs beside the window ...
    assert window.isEnabled()  # ... which keeps taking input
    qtbot.waitUntil(lambda: [c.state for c in window.clips] == ["done"] * 3
                    and not window.importing(), timeout=120_000)
    titles = [c.title.text() for c in window.clips]
    assert titles == ["Werkplaats", "Verticaal lassen", "Rondleiding"]
    window.clips[2].title.setText("Rondleiding door de school")
    window.clips[2].title.editingFinished.emit()
    # -- save -----------------------------------------------------------------------------
    click(qtbot, app, "saveButton")
    assert "Opgeslagen" in w(app, "message", QLabel).text()
    assert w(app, "readyLabel", QLabel).text() == "Klaar voor de dag ✔", problems(app)
    out = io.StringIO()
    assert run_check(pack, False, out) == 0, out.getvalue()
    event_file = pack / "events" / "open-dag-het-vakcollege.toml"
    event = tomllib.loads(event_file.read_text("utf-8"))
    assert event["date"] == day and verify_pin("8531", event["admin_pin_hash"])
    assert event["dates"] == [day, day + datetime.timedelta(days=1)]
    assert event["featured_series"][0] == "eigen-videos"
    assert len(event["companies"]) == 8 and event["stands"]["klimaat-co"] == "Lokaal 1.04"
    head = tomllib.loads((pack / "pack.toml").read_text("utf-8"))
    assert {"klimaatco.nl", "houtwerk-oost.nl", "staalwerkoost.nl"} <= set(head["allowed_hosts"])
    series = (pack / "series" / "eigen-videos.toml").read_text("utf-8")
    assert 'nl = "Rondleiding door de school"' in series and ".nl.srt" in series
    assert "TOML" not in "".join(problems(app))
    # -- onto the stick -------------------------------------------------------------------
    stick = tmp_path / "media" / "organiser" / "STICK"
    stick.mkdir(parents=True)
    dialogs.folders.append(str(stick))
    click(qtbot, app, "stickButton")
    message = w(app, "message", QLabel).text()
    assert message.startswith("Klaar: versie 2 staat op de stick (bliq-sample-2.bliqpack)")
    assert "sleutel voor je organisatie" in message
    assert (stick / "LEESMIJ.txt").is_file()
    # -- a kiosk built on the saved pack shows her event ----------------------------------
    shown = make_kiosk("1920x1080", content=pack)
    qtbot.waitUntil(lambda: is_shown(shown.window, "attractEvent"))
    assert find_item(shown.window, "attractEvent").property("text") == "Open dag Het Vakcollege"
    assert find_item(shown.window, "attractWelcome").property("text") == \
        "Welkom! Kom kijken in de werkplaats."
    shown.close()
    # -- a running kiosk with the campaign's pack installs the update from the stick ------
    from kiosk.app import build
    from tests.fakeplayer import FakePlayer

    data = tmp_path / "kioskdata"
    [pub] = stick.glob("bliq-*.pub")
    bliqpack.trust(pub, data)  # IT trusts her key once (LEESMIJ.txt says so)
    cfg = Config(idle_timeout_s=600, still_there_countdown_s=60, idle_from_event=False,
                 inbox_poll_s=0.05, inbox_settle_s=0.0,
                 removable_media_globs=(str(tmp_path / "media" / "*" / "*"),))
    running = build(["--windowed", "--size", "1280x800", "--data", str(data), "--content",
                     str(SAMPLE_PACK), "--inbox", str(tmp_path / "inbox")], config=cfg,
                    player_factory=FakePlayer)
    try:
        assert running.pack.version == 1
        qtbot.waitUntil(lambda: running.pack.version == 2, timeout=30_000)
        assert "open-dag-het-vakcollege" in running.pack.events
        qtbot.waitUntil(lambda: is_shown(running.window, "attractEvent"))
        assert find_item(running.window, "attractEvent").property("text") == \
            "Open dag Het Vakcollege"
        result = next(stick.glob("bliq-result-*.txt")).read_text("utf-8")
        assert "Toont nu: Open dag Het Vakcollege" in result
    finally:
        running.close()


def test_bad_input_is_one_sentence_and_the_studio_keeps_going(studio, dialogs: Dialogs, qtbot,
                                                              pack: Path, tmp_path: Path) -> None:
    app = studio()
    before = {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()}
    text = tmp_path / "logo.png"
    text.write_text("geen plaatje", "utf-8")
    dialogs.files.append(str(text))
    click(qtbot, app, "eventLogoPick")
    assert w(app, "message", QLabel).text() == \
        "logo.png is geen plaatje; kies een logo als PNG of JPG."
    click(qtbot, app, "companyAdd")
    type_into(qtbot, app, "companyUrl", "https://")
    assert "geen website-adres" in w(app, "companyUrlNote", QLabel).text()
    not_a_sheet = tmp_path / "lijst.xlsx"
    not_a_sheet.write_text("nee", "utf-8")
    dialogs.files.append(str(not_a_sheet))
    click(qtbot, app, "companyImport")
    assert w(app, "message", QLabel).text().startswith("lijst.xlsx: dit is geen leesbaar Excel")
    not_a_clip = tmp_path / "clip.mp4"
    not_a_clip.write_bytes(b"\x00" * 64 + b"dit is geen video" * 100)
    dialogs.lists.append([str(not_a_clip)])
    click(qtbot, app, "videosAdd")
    window = app.window
    qtbot.waitUntil(lambda: window.clips[-1].state == "refused" and not window.importing(),
                    timeout=60_000)
    note = window.clips[-1].note.text()
    assert note.startswith("clip.mp4 ") and "\n" not in note
    # nothing of this reached the pack, and the pack was never half-written
    after = {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()
             and not p.name.startswith(".")}
    assert after == {p: b for p, b in before.items() if not p.name.startswith(".")}
    # the stick is gone before she clicks: one sentence, nothing written
    dialogs.folders.append(str(tmp_path / "weg"))
    click(qtbot, app, "stickButton")
    assert "bestaat niet" in w(app, "message", QLabel).text()
    assert window.isVisible()


def test_a_closed_draft_is_offered_back(studio, qtbot, pack: Path, monkeypatch) -> None:
    app = studio()
    click(qtbot, app, "eventNew")
    type_into(qtbot, app, "eventName", "Beroepenavond")
    app.window.autosave.timeout.emit()  # what the timer does 1.5 s after the last change
    app.close()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    again = studio()
    assert asked and "niet is opgeslagen" in asked[0]
    assert w(again, "eventName", QLineEdit).text() == "Beroepenavond"
    click(qtbot, again, "saveButton")
    assert (pack / "events" / "beroepenavond.toml").is_file()


def test_a_bliqpack_asks_where_her_copy_goes(studio, dialogs: Dialogs, tmp_path: Path,
                                             pack: Path) -> None:
    private, _ = bliqpack.generate_keys(tmp_path / "campaign-keys")
    archive = tmp_path / "campagne-2027.bliqpack"
    bliqpack.build(pack, private, archive, "bliq-sample", 4)
    (tmp_path / "mijn-map").mkdir()
    dialogs.folders.append(str(tmp_path / "mijn-map"))
    app = studio([str(archive)])
    assert app.studio.root == (tmp_path / "mijn-map" / "campagne-2027-eigen").resolve()
    assert w(app, "eventName", QLineEdit).text() == "Open dag Techniekcollege De Brug"


def test_drops_and_english(studio, qtbot, tmp_path: Path) -> None:
    app = studio()
    button = w(app, "eventLogoPick", QPushButton)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(logo(tmp_path / "gesleept.png")))])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    button.dropEvent(event)
    assert not w(app, "eventLogo", QLabel).pixmap().isNull()
    assert app.studio.pending
    assert w(app, "saveButton", QPushButton).text() == "&Opslaan"
    click(qtbot, app, "languageButton")
    assert w(app, "saveButton", QPushButton).text() == "&Save"
    assert w(app, "eventPinNote", QLabel).text() == "The PIN is set; type a new one to change it."
    assert w(app, "eventName", QLineEdit).accessibleName() == "Name of the event"
    assert "• Voltwerk Installatietechniek: the contact link is a sample address; fill in the " \
        "real website." in problems(app)
    click(qtbot, app, "languageButton")
    assert w(app, "saveButton", QPushButton).text() == "&Opslaan"


def test_a_stick_that_asks_for_the_figures(studio, dialogs: Dialogs, qtbot, tmp_path: Path) -> None:
    from kiosk.core.data_request import check_request

    app = studio()
    stick = tmp_path / "stick"
    stick.mkdir()
    dialogs.folders.append(str(stick))
    click(qtbot, app, "dataRequestButton")
    assert w(app, "message", QLabel).text().startswith("De stick vraagt nu om de cijfers")
    [pub] = (app.home / "keys").glob("bliq-*.pub")
    public = bliqpack.load_public(pub)
    assert check_request(stick, {bliqpack.key_id(public): public}).ok
    stranger = bliqpack.load_public(bliqpack.generate_keys(tmp_path / "other")[1])
    assert not check_request(stick, {bliqpack.key_id(stranger): stranger}).ok


def test_the_take_home_pages_are_made_beside_the_window(studio, dialogs: Dialogs, qtbot,
                                                        tmp_path: Path) -> None:
    app = studio()
    out = tmp_path / "site"
    dialogs.folders.append(str(out))
    click(qtbot, app, "siteButton")
    message = w(app, "message", QLabel)
    qtbot.waitUntil(lambda: "webpagina's staan in" in message.text(), timeout=60_000)
    assert (out / "index.html").is_file()
    full = tmp_path / "vol"
    full.mkdir()
    (full / "iets.txt").write_text("van iemand anders", "utf-8")
    dialogs.folders.append(str(full))
    click(qtbot, app, "siteButton")
    qtbot.waitUntil(lambda: "niet gemaakt" in message.text(), timeout=60_000)
    assert "iets.txt" in message.text()


def test_a_clip_the_kiosk_cannot_play_gets_a_convert_button(studio, dialogs: Dialogs, qtbot,
                                                            tmp_path: Path) -> None:
    app = studio()
    old = make_clip(tmp_path / "oude camera.avi", codec="mpeg4")
    dialogs.lists.append([str(old)])
    click(qtbot, app, "videosAdd")
    window = app.window
    qtbot.waitUntil(lambda: window.clips[-1].state == "refused" and not window.importing(),
                    timeout=60_000)
    clip = window.clips[-1]
    assert clip.note.text().startswith("oude camera.avi speelt niet op de kiosk (")
    assert clip.note.text().endswith("klik op Omzetten.")
    assert not clip.convert.isHidden()
    qtbot.mouseClick(clip.convert, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clip.state == "done", timeout=120_000)
    assert clip.title.text() == "Oude camera" and clip.convert.isHidden()
    assert (app.studio.root / "media" / "eigen-videos" / "oude-camera.mp4").is_file()


def test_the_preview_is_the_real_kiosk_on_her_event(studio, qtbot, pack: Path) -> None:
    app = studio()
    window = app.window
    click(qtbot, app, "eventNew")
    type_into(qtbot, app, "eventName", "Beroepenavond")
    click(qtbot, app, "previewLandscape")  # no PIN yet: the kiosk would skip her event
    assert w(app, "message", QLabel).text().startswith("Het voorbeeld kan nog niet")
    assert window.previews == []
    type_into(qtbot, app, "eventPin", "8531")
    type_into(qtbot, app, "eventPinRepeat", "8531")
    click(qtbot, app, "previewPortrait")
    [(process, data)] = window.previews
    assert process.arguments()[-8:] == ["--content", str(pack.resolve()), "--data", str(data),
                                        "--event", "beroepenavond", "--lang", "nl"]
    log = data / "kiosk.log"
    qtbot.waitUntil(lambda: log.is_file() and "kiosk started: pack=bliq-sample v1 "
                    "event=beroepenavond" in log.read_text("utf-8"), timeout=60_000)
    app.close()  # the preview closes with the studio, and its throw-away data goes
    qtbot.waitUntil(lambda: not data.exists(), timeout=20_000)


def test_show_me_opens_the_field(studio, qtbot) -> None:
    app = studio()
    window = app.window
    window.show()
    qtbot.waitExposed(window)
    panel = w(app, "problems", QListWidget)
    row = next(i for i, text in enumerate(problems(app)) if text.startswith("• Rijwiel & Co:"))
    panel.setCurrentRow(row)
    click(qtbot, app, "problemShow")
    assert window.tabs.currentIndex() == 1
    assert w(app, "companyName", QLineEdit).text() == "Rijwiel & Co"
    qtbot.waitUntil(lambda: w(app, "companyUrl", QLineEdit).hasFocus())
