"""The whole organiser task in BLIQ Studio, through its named widgets (its own file, so the
test runner gives it a worker of its own: it imports real clips and runs two kiosks)."""
from __future__ import annotations

import datetime
import io
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QListWidget, QLineEdit

from kiosk.config import DEFAULT, Config
from kiosk.pack import bliqpack
from kiosk.pack.check import run_check
from kiosk.core.pin import verify_pin
from tests.cliptools import make_clip
from tests.conftest import SAMPLE_PACK
from tests import studiotools
from tests.studiotools import (SRT, Dialogs, check_jobs, click, logo, make_sheet, problems,
                               type_into, w)
from tests.uitools import find_item, is_shown

# fixtures shared by the studio's test files
dialogs, pack, studio = studiotools.dialogs, studiotools.pack, studiotools.studio


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
    type_into(qtbot, app, "eventPlace", "  Aula,   Hoofdgebouw ")
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
             ("Houtwerk Oost", "Werkplaats hout", "http://houtwerk-oost.nl", ["Timmerman / metselaar"]),
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
    featured = w(app, "eventFeatured", QListWidget)
    assert featured.item(0).data(Qt.ItemDataRole.UserRole) == "eigen-videos"
    assert featured.item(0).checkState() == Qt.CheckState.Checked  # her clips first by default
    window.clips[2].title.setText("Rondleiding door de school")
    window.clips[2].title.editingFinished.emit()
    # -- save -----------------------------------------------------------------------------
    click(qtbot, app, "saveButton")
    assert "Opgeslagen" in w(app, "message", QLabel).text()
    assert w(app, "readyLabel", QLabel).text() == "Klaar voor de dag ✔", problems(app)
    out = io.StringIO()
    assert run_check(pack, False, out, DEFAULT) == 0, out.getvalue()
    event_file = pack / "events" / "open-dag-het-vakcollege.toml"
    event = tomllib.loads(event_file.read_text("utf-8"))
    assert event["date"] == day and verify_pin("8531", event["admin_pin_hash"])
    assert event["place"] == "Aula, Hoofdgebouw"
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
    qtbot.waitUntil(lambda: is_shown(shown.window, "attractPlace"))
    assert find_item(shown.window, "attractPlace").property("text") == "Aula, Hoofdgebouw"
    shown.close()
    # -- a running kiosk with the campaign's pack installs the update from the stick ------
    from kiosk.app import build
    from tests.fakeplayer import FakePlayer

    data = tmp_path / "kioskdata"
    [pub] = stick.glob("bliq-*.pub")
    bliqpack.trust(pub, data)  # IT trusts her key once (LEESMIJ.txt says so)
    cfg = Config().with_(idle_timeout_s=600, still_there_countdown_s=60, idle_from_event=False,
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
