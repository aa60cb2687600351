"""BLIQ Studio driven through its named widgets: bad input, drafts, copies, drops and English,
the figures request, the take-home pages, Convert, the preview and "show me" (the whole
organiser task is in test_studio_task.py)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QMessageBox, QPushButton

from kiosk.config import DEFAULT
from kiosk.pack import bliqpack
from tests import studiotools
from tests.cliptools import make_clip
from tests.studiotools import Dialogs, click, logo, problems, type_into, w

# fixtures shared by the studio's test files
dialogs, pack, studio = studiotools.dialogs, studiotools.pack, studiotools.studio


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
    not_a_logo = tmp_path / "logo.png"
    not_a_logo.write_text("tekst", "utf-8")
    app.window.set_event_logo(not_a_logo)
    assert w(app, "message", QLabel).text() == "logo.png is not a picture; choose a logo as PNG or JPG."
    notes = tmp_path / "notities.txt"
    notes.write_text("geen video", "utf-8")
    app.window.add_videos([notes])
    assert app.window.clips[-1].note.text() == "notities.txt: not a video; skipped."
    click(qtbot, app, "languageButton")
    assert app.window.clips[-1].note.text() == "notities.txt: dit is geen video; overgeslagen."
    click(qtbot, app, "languageButton")
    click(qtbot, app, "languageButton")
    assert w(app, "saveButton", QPushButton).text() == "&Opslaan"


def test_a_stick_that_asks_for_the_figures(studio, dialogs: Dialogs, qtbot, tmp_path: Path) -> None:
    from kiosk.campaign.data_request import check_request

    app = studio()
    stick = tmp_path / "stick"
    stick.mkdir()
    dialogs.folders.append(str(stick))
    click(qtbot, app, "dataRequestButton")
    assert w(app, "message", QLabel).text().startswith("De stick vraagt nu om de cijfers")
    [pub] = (app.home / "keys").glob("bliq-*.pub")
    public = bliqpack.load_public(pub)
    assert check_request(stick, {bliqpack.key_id(public): public}, None, DEFAULT.campaign).ok
    stranger = bliqpack.load_public(bliqpack.generate_keys(tmp_path / "other")[1])
    assert not check_request(stick, {bliqpack.key_id(stranger): stranger}, None, DEFAULT.campaign).ok


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
    shown: list[tuple[int, int]] = []  # (value, maximum) each time the row's bar moves
    clip.bar.valueChanged.connect(lambda v: shown.append((v, clip.bar.maximum())))
    qtbot.mouseClick(clip.convert, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clip.state == "done", timeout=120_000)
    # the row showed how far it was in percent (read, converted, thumbnail), then full
    percents = [v for v, top in shown if top == 100]
    assert {10, 70, 90} <= set(percents) and percents == sorted(percents), shown
    assert clip.bar.value() == clip.bar.maximum()
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


DUTCH_WORDS = {"de", "het", "een", "geen", "niet", "rij", "vul", "kies", "staat", "vink",
               "beroep", "bedrijf", "lijst", "opnieuw", "deze", "overgeslagen", "samengevoegde",
               "ontbreekt", "verwacht", "eigen", "klopt", "maak", "importeer", "plaatje",
               "werkt", "lokaal", "standplaats", "voorbeeldadres", "doen", "en", "van", "die",
               "dit", "hem", "ze", "nog", "zijn", "melding", "bedrijven", "ingelezen", "uit"}


def dutch_words(line: str) -> set[str]:
    import re

    return {w for w in re.findall(r"[a-zà-ÿ']+", line.casefold()) if w in DUTCH_WORDS}


def test_in_english_the_import_report_and_the_problems_list_have_no_dutch(
        studio, dialogs: Dialogs, qtbot, pack: Path, tmp_path: Path) -> None:
    from tests.unit.test_studio_model import sheet

    app = studio()
    click(qtbot, app, "languageButton")
    xlsx = sheet(tmp_path / "companies.xlsx", [
        ["Naam", "Lokaal", "Link", "Beroepen"],
        ["Klimaat & Co", "Lokaal 1.04", "klimaatco.nl", "Installatiemonteur"],
        ["Houtwerk Oost", "Aula", "https://houtwerk-oost.nl/stage", "Timmerman, Lasrobot"],
        ["", "B1", "", ""],
        ["Zonder link", "B2", "", "Lasser"],
        ["Samengevoegd", "x", "y", "z"],
        ["Nohost BV", "B3", "https://", "Lasser"],
    ], merge="A6:B6")
    dialogs.files.append(str(xlsx))
    click(qtbot, app, "companyImport")
    report = w(app, "importReport", QLabel).text().splitlines()
    assert report == [
        "Row 6: merged cells; unmerge them in Excel (one company per row) and import again.",
        "Row 3 (Houtwerk Oost): job 'Lasrobot' is not in the list; tick the right job in the "
        "studio.",
        "Row 4: no name; this row was skipped.",
        "Row 5 (Zonder link): no link; fill it in in the studio.",
        "Row 7 (Nohost BV): 'https://' is not a website address; type it as in the browser, for "
        "example www.company.com/contact.",
    ], report
    message = w(app, "message", QLabel).text()
    assert message.startswith("4 companies read from companies.xlsx."), message
    # a problem only the saved pack's check finds: her company's logo file is gone
    click(qtbot, app, "saveButton")
    companies = pack / "companies.toml"
    companies.write_text(companies.read_text("utf-8").replace(
        'id = "klimaat-co"', 'id = "klimaat-co"\nlogo = "images/companies/weg.png"'), "utf-8")
    app.window.recheck()
    lines = problems(app)
    assert "• Klimaat & Co: The logo is missing or not a picture; choose it again." in lines, lines
    assert "• Zonder link: fill in the contact link." in lines
    for line in [*report, message, *lines]:
        assert not dutch_words(line.replace("Zonder link", "").replace("Houtwerk Oost", "")), \
            line
    # and back in Dutch, the same report is Dutch again
    click(qtbot, app, "languageButton")
    assert "Rij 5 (Zonder link): geen link; vul die in de studio in." in \
        w(app, "importReport", QLabel).text()


def test_the_command_line_opens_the_window_and_quit_after_start_ends_it(pack: Path,
                                                                          tmp_path: Path) -> None:
    """``kiosk studio PACK --quit-after-start``: what the packaged app's smoke check runs as
    ``bliq-studio``; the window is built on her pack (its lock taken and given back) and the
    program ends with 0."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BLIQ_STUDIO_HOME": str(tmp_path / "h")}
    done = subprocess.run([sys.executable, "-m", "kiosk", "studio", str(pack),
                           "--quit-after-start"], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    # a second studio on the same pack would be refused while one runs: the lock is gone
    assert not [p for p in pack.iterdir() if "lock" in p.name.lower()]
