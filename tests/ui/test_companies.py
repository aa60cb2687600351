"""Companies screen: today's companies, their QR codes decoded back from the screen pixels."""
from __future__ import annotations

import sqlite3
from urllib.parse import parse_qs, urlsplit

import pytest

from kiosk.config import DEFAULT, Config
from tests.qrtools import crop, decode_qr_codes, grab, qr_items
from tests.uitools import find_item, open_from_home, touch_tap, walk

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False)


@pytest.fixture(params=["1920x1080", "720x1280"])
def kiosk_options(request):
    return {"size": request.param, "config": CFG, "args": ("--event", "open-dag-2026")}


def open_companies(app, qtbot) -> None:
    open_from_home(app, qtbot, "homeCompanies", "companies")


def test_every_company_code_on_screen_decodes_to_its_tagged_link(kiosk, qtbot):
    open_companies(kiosk, qtbot)
    event = kiosk.pack.events["open-dag-2026"]
    first = event.companies[0]
    qtbot.waitUntil(lambda: find_item(kiosk.window, f"companyTile_{first}") is not None)
    items = []
    qtbot.waitUntil(lambda: items.extend(qr_items(kiosk.window.contentItem())) or bool(items))
    image = grab(kiosk.window)
    grid = find_item(kiosk.window, "companiesGrid")
    view_top = grid.mapToScene(grid.boundingRect().topLeft()).y()
    view_bottom = grid.mapToScene(grid.boundingRect().bottomRight()).y()
    checked = 0
    for item in items:
        top = item.mapToScene(item.boundingRect().topLeft())
        bottom = item.mapToScene(item.boundingRect().bottomRight())
        if bottom.y() > view_bottom or top.y() < view_top:
            continue  # scrolled (partly) out of the list's view: nobody can scan it
        payload = item.property("payload")
        assert decode_qr_codes(crop(image, item)) == [payload]
        company_id = item.objectName().removeprefix("qr_company_")
        company = kiosk.pack.companies[company_id]
        parts = urlsplit(payload)
        expected = urlsplit(company.internship_url or company.contact_url)
        assert (parts.scheme, parts.netloc, parts.path) == ("https", expected.netloc, expected.path)
        query = parse_qs(parts.query)
        assert query["utm_source"] == ["kiosk"] and query["utm_medium"] == ["qr"]
        assert query["utm_campaign"] == ["open-dag-2026"]
        assert query["utm_content"] == [company_id]
        checked += 1
    assert checked >= 1


def test_only_todays_companies_are_shown_with_their_stand(kiosk, qtbot):
    open_companies(kiosk, qtbot)
    event = kiosk.pack.events["open-dag-2026"]
    shown = [row["id"] for row in kiosk.companies.rows]
    assert shown == list(event.companies)
    absent = set(kiosk.pack.companies) - set(event.companies)
    assert absent, "the sample open day should leave some companies out"
    for company_id in absent:
        assert find_item(kiosk.window, f"companyTile_{company_id}") is None


def test_codes_on_screen_are_counted(kiosk, qtbot):
    open_companies(kiosk, qtbot)
    qtbot.waitUntil(lambda: bool(qr_items(kiosk.window.contentItem())))
    kiosk.store.flush()
    with sqlite3.connect(kiosk.db_path) as con:
        rows = con.execute("select purpose, target from events where kind='qr_shown'").fetchall()
    assert rows and all(purpose == "company" for purpose, _ in rows)
    assert {target for _, target in rows} <= set(kiosk.pack.events["open-dag-2026"].companies)


def test_a_company_with_a_bad_link_gets_a_check_error_and_no_code(make_kiosk, qtbot, tmp_path):
    import io
    import shutil
    from pathlib import Path

    from kiosk.pack.check import run_check

    pack = tmp_path / "pack"
    shutil.copytree(Path(__file__).resolve().parents[2] / "episodes", pack)
    companies = pack / "companies.toml"
    companies.write_text(companies.read_text(encoding="utf-8").replace(
        'internship_url = "https://voltwerk.bedrijf.example/stage"',
        'internship_url = "https://voltwerk.elders.example/stage"'), encoding="utf-8")
    out = io.StringIO()
    assert run_check(pack, False, out, DEFAULT) == 1
    line = next(x for x in out.getvalue().splitlines() if "companies.toml" in x)
    assert "internship_url" in line and "voltwerk.elders.example" in line
    app = make_kiosk(content=pack, args=("--event", "open-dag-2026"))
    open_companies(app, qtbot)
    qtbot.waitUntil(lambda: bool(qr_items(app.window.contentItem())))
    payloads = [item.property("payload") for item in qr_items(app.window.contentItem())]
    assert payloads and not any("elders.example" in p for p in payloads)
    assert find_item(app.window, "qr_company_voltwerk") is None


def test_a_jobs_filter_lasts_while_companies_shows_and_closing_there_is_quiet(make_kiosk, qtbot,
                                                                             qtlog):
    """Python ends the filter when the visitor leaves (QML used to, from the screen's
    destruction, and at teardown called it on a null Kiosk.companies)."""
    app = make_kiosk(args=("--event", "open-dag-2026"))
    qtbot.waitUntil(app.window.isExposed)
    touch_tap(app.window, "startButton")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    job = next(j for j in app.pack.jobs.values()
               if any(j.id in app.pack.companies[c].jobs for c in app.pack.events[
                   "open-dag-2026"].companies))
    app.companies.showJob(job.id)
    app.controller.openSection("companies")
    qtbot.waitUntil(lambda: app.controller.state == "companies")
    assert app.companies.jobTitle == job.title.get("nl")
    header = f"Hier kun je aan de slag als {job.title.get('nl')}"
    qtbot.waitUntil(lambda: any(item.property("text") == header
                                for item in walk(app.window.contentItem())))
    touch_tap(app.window, "homeButton")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    assert app.companies.jobTitle == ""
    app.controller.openSection("companies")
    qtbot.waitUntil(lambda: app.controller.state == "companies")
    app.companies.showJob(job.id)
    app.close()          # on the companies screen, filter set
    assert not [r.message for r in qtlog.records if "companies" in r.message.lower()]
