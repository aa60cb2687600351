"""Very long job titles and company names, in Dutch and English, at the four screen sizes of a
fair (landscape and portrait, full HD and a laptop's 1366x768): no word broken in the middle,
none sticking out, nothing outside its card (the layout check's rules). And the check itself
catches a word broken mid-way and a child sticking out of its card."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.config import Config
from tests.conftest import SAMPLE_PACK
from tests.uitools import is_shown, layout_findings, touch_tap
from tools.layout_check import answer_all, check_window, settle, wait_for

SIZES = ["1920x1080", "1080x1920", "1366x768", "768x1366"]
CFG = Config().with_(idle_timeout_s=600, idle_from_event=False)
# The longest a real pack has: a course name as a job title, a long compound word, a company's
# full legal name (each job and company of the sample pack gets one).
LONG_NL = "Eerste monteur service en onderhoud werktuigkundige installaties bedrijfsautotechnicus"
LONG_EN = "Senior service and maintenance fitter for mechanical installations and trucks"
LONG_COMPANY = "Installatietechniekgroep Noordwest-Veluwe en Omstreken B.V."


@pytest.fixture(scope="module")
def long_pack(tmp_path_factory) -> Path:
    pack = tmp_path_factory.mktemp("long") / "pack"
    shutil.copytree(SAMPLE_PACK, pack)
    jobs = pack / "jobs.toml"
    jobs.write_text(re.sub(
        r'^title = \{ nl = "([^"]+)", en = "([^"]+)" \}',
        lambda m: f'title = {{ nl = "{m.group(1)}: {LONG_NL}", en = "{m.group(2)}: {LONG_EN}" }}',
        jobs.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    companies = pack / "companies.toml"
    companies.write_text(re.sub(
        r'^name = "([^"]+)"', lambda m: f'name = "{m.group(1)} {LONG_COMPANY}"',
        companies.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    return pack


@pytest.mark.parametrize("size", SIZES)
def test_long_titles_and_names_fit_at_every_size(make_kiosk, qtbot, long_pack, size):
    app = make_kiosk(size, content=long_pack, config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    c = app.controller
    c.start()
    c.openSection("game")
    app.game.start("solo")
    answer_all(app)
    assert wait_for(lambda: c.state == "result")
    titles = [j["title"] for j in app.game.result["jobs"]]
    assert all(LONG_NL in t for t in titles)               # the long titles are what shows
    problems = []
    for lang in ("nl", "en"):
        c.setLanguage(lang)
        settle(app.window)
        problems += check_window(app.window, f"{size} {lang} result")
        c.openSection("companies")
        assert wait_for(lambda: c.state == "companies")
        settle(app.window)
        problems += check_window(app.window, f"{size} {lang} companies")
        c.companiesBack()
        assert wait_for(lambda: c.state == "result")
    assert problems == [], "\n".join(problems)


BROKEN = """
import QtQuick
import QtQuick.Window
Window {
    width: 1280; height: 720; visible: true
    Rectangle { objectName: "resultJob_1"; x: 40; y: 300; width: 300; height: 300
        Text { objectName: "brokenTitle"; width: 200; font.pixelSize: 32
               wrapMode: Text.WrapAtWordBoundaryOrAnywhere; text: "Autoschadehersteller" }
        Rectangle { objectName: "outsideButton"; x: 200; y: 250; width: 200; height: 100 }
    }
    Rectangle { objectName: "resultJob_2"; x: 500; y: 300; width: 300; height: 300
        Text { objectName: "fineTitle"; width: 260; font.pixelSize: 32
               wrapMode: Text.WordWrap; text: "Monteur wind en zon" } }
}
"""


def test_the_check_finds_broken_words_and_children_out_of_their_card(qapp, qtbot):
    problems = layout_findings(qtbot, BROKEN)
    assert "brokenTitle: the word 'Autoschadehersteller' does not fit its line" in problems
    assert "outsideButton sticks out of its card resultJob_1" in problems
    assert "fineTitle" not in problems and "resultJob_2" not in problems


@pytest.mark.parametrize("size", SIZES)
def test_long_titles_fit_on_the_details_duo_companies_and_clip_tiles(make_kiosk, qtbot, long_pack,
                                                                     size):
    """The other screens a long title reaches: the result with each card's "+" open, Companies
    opened for one job (the title in its header), the duo's result (job cards above the guess
    panels), and the clip tiles of Episodes and the parents' page ("<name> · <job>")."""
    app = make_kiosk(size, content=long_pack, config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    c = app.controller
    c.start()
    c.openSection("game")
    app.game.start("solo")
    answer_all(app)
    assert wait_for(lambda: c.state == "result")
    problems: list[str] = []
    opened = 0
    for lang in ("nl", "en"):
        c.setLanguage(lang)
        settle(app.window)
        for job in app.game.result["jobs"]:
            rank = "surprise" if job["surprise"] else job["rank"]
            if not is_shown(app.window, f"resultMore_{rank}"):
                continue
            touch_tap(app.window, f"resultMore_{rank}")
            settle(app.window)
            assert is_shown(app.window, f"resultRoute_{rank}_1")
            opened += 1
            problems += check_window(app.window, f"{size} {lang} result, details of {rank} open")
            touch_tap(app.window, f"resultMore_{rank}")
            settle(app.window)
    assert opened >= 2
    first = app.game.result["jobs"][0]
    app.companies.showJob(first["id"])
    c.openSection("companies")
    assert wait_for(lambda: c.state == "companies")
    for lang in ("nl", "en"):
        c.setLanguage(lang)
        settle(app.window)
        assert LONG_NL in first["title"] or LONG_EN in first["title"]
        problems += check_window(app.window, f"{size} {lang} companies for one job")
    c.companiesBack()
    assert wait_for(lambda: c.state == "result")
    c.goHome()
    assert wait_for(lambda: c.state == "home")
    c.openSection("game")
    app.game.start("duo")
    answer_all(app)
    assert wait_for(lambda: c.state == "result")
    for lang in ("nl", "en"):
        c.setLanguage(lang)
        settle(app.window)
        assert all((LONG_NL if lang == "nl" else LONG_EN) in j["title"]
                   for j in app.game.result["match"])
        assert is_shown(app.window, "guessLike_1") and is_shown(app.window, "guessNope_2")
        problems += check_window(app.window, f"{size} {lang} duo result")
    for section in ("episodes", "parents"):
        c.goHome()
        assert wait_for(lambda: c.state == "home")
        c.openSection(section)
        assert wait_for(lambda s=section: c.state == s)
        for lang in ("nl", "en"):
            c.setLanguage(lang)
            settle(app.window)
            problems += check_window(app.window, f"{size} {lang} {section}")
    assert problems == [], "\n".join(problems)
