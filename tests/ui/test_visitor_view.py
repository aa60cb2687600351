"""What a visitor sees: every screen readable and within reach (the screenshot check mode),
placeholders for missing logos and thumbnails, and the event's own attract screen."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from kiosk.config import Config
from kiosk.core.screen_texts import colour_index
from tests.uitools import find_item, find_items, is_shown, layout_findings, open_from_home
from tools.layout_check import SIZES, check_app

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False)
BASE_PACK = Path(__file__).resolve().parents[1] / "packs" / "base"


@pytest.mark.parametrize("size", SIZES)
def test_every_screen_is_readable_and_within_reach(make_kiosk, size):
    """tools/screenshots.py --check, one window size: both languages, every visitor screen."""
    # Qt's mock voices read English: the speaker buttons are part of the English screens
    app = make_kiosk(size, config=CFG.with_(read_aloud_engine="mock"))
    assert check_app(app, size) == []


BROKEN = """
import QtQuick
import QtQuick.Window
Window {
    width: 720; height: 1280; visible: true
    Text { objectName: "cutTitle"; width: 80; elide: Text.ElideRight
           text: "Monteur warmtepompen / klimaattechniek" }
    Rectangle { objectName: "buttonA"; x: 100; y: 900; width: 200; height: 80; TapHandler {} }
    Rectangle { objectName: "buttonB"; x: 150; y: 950; width: 200; height: 80; TapHandler {} }
    Rectangle { objectName: "tinyButton"; x: 500; y: 1100; width: 30; height: 30; TapHandler {} }
    Rectangle { objectName: "highButton"; x: 400; y: 40; width: 200; height: 80; TapHandler {} }
    Rectangle { objectName: "resultJob_1"; x: 0; y: 600; width: 300; height: 100
        Text { y: 80; width: 280; text: "Vandaag hier: Voltwerk"; font.pixelSize: 30 } }
}
"""


def test_the_check_finds_what_a_visitor_would_trip_over(qapp, qtbot):
    problems = layout_findings(qtbot, BROKEN)
    assert "cutTitle is cut off" in problems
    assert "buttonA overlaps buttonB" in problems
    assert "tinyButton is 30x30 px, smaller than 48 px" in problems
    assert "highButton at y=40..120 is outside the reach zone" in problems
    assert "buttonA at" not in problems                 # low enough: within reach
    assert "'Vandaag hier: Voltwerk' sticks out of its card resultJob_1" in problems


def test_missing_logo_and_thumbnail_get_a_designed_placeholder(make_kiosk, qtbot, tmp_path):
    """The test pack's bouwbaas has no logo; its episode 2 has no thumbnail."""
    app = make_kiosk("1920x1080", content=BASE_PACK, config=CFG)
    open_from_home(app, qtbot, "homeCompanies", "companies")
    qtbot.waitUntil(lambda: is_shown(app.window, "logoBadge_bouwbaas"))
    badge = find_item(app.window, "logoBadge_bouwbaas")
    letters = [c for c in badge.childItems() if c.property("text")]
    assert letters[0].property("text") == "BO"
    # the company's own colour, the same on every kiosk: Theme.idColours[colour_index(id)]
    palette = _theme_colours(app)
    assert badge.property("color") == palette[colour_index("bouwbaas")]
    # voltwerk has a logo: its picture shows, no badge
    qtbot.waitUntil(lambda: not is_shown(app.window, "logoBadge_voltwerk"))

    app.controller.goHome()
    qtbot.waitUntil(lambda: app.controller.state == "home")
    app.controller.openSection("episodes")
    qtbot.waitUntil(lambda: is_shown(app.window, "episodeTile_ads-s1e1"))
    without = [e.id for e in app.pack.episodes.values() if e.thumbnail is None]
    with_thumb = [e.id for e in app.pack.episodes.values() if e.thumbnail is not None]
    assert without and with_thumb
    qtbot.waitUntil(lambda: is_shown(app.window, f"episodePlaceholder_{without[0]}"))
    qtbot.waitUntil(lambda: not is_shown(app.window, f"episodePlaceholder_{with_thumb[0]}"))
    placeholder = find_item(app.window, f"episodePlaceholder_{without[0]}")
    texts = [t.property("text") for t in _texts(placeholder)]
    episode = app.pack.episodes[without[0]]
    assert episode.title.get("nl") in texts
    assert "AAN DE SLAG" in texts                     # the series title, in capitals


def _theme_colours(app):
    """Theme.idColours as Theme.qml declares them (read from the file, not copied here)."""
    import re
    theme = (Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "qml" / "components"
             / "Theme.qml").read_text(encoding="utf-8")
    colours = dict(re.findall(r'readonly property color (\w+): "(#[0-9A-Fa-f]{6})"', theme))
    names = re.search(r"idColours: \[([^\]]*)\]", theme).group(1).replace(" ", "").split(",")
    return [QColor(colours[n]) for n in names]


def _texts(item):
    for child in item.childItems():
        if child.property("text") is not None and child.metaObject().className().startswith("QQuickText"):
            yield child
        yield from _texts(child)


def test_attract_speaks_for_the_event(make_kiosk, qtbot, tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(BASE_PACK, pack)
    event = pack / "events" / "open-dag.toml"
    text = event.read_text(encoding="utf-8")
    text = text.replace('kind = "open_day"\n', 'kind = "open_day"\nlogo = "images/logo.png"\n'
                        'welcome = { nl = "Welkom in de werkplaats!", en = "Welcome to the workshop!" }\n'
                        'place = "Aula, Hoofdgebouw"\n')
    event.write_text(text, encoding="utf-8")
    app = make_kiosk("1080x1920", content=pack, config=CFG, args=("--event", "open-dag"))
    qtbot.waitUntil(lambda: is_shown(app.window, "attractEvent"))
    assert find_item(app.window, "attractEvent").property("text") == "Open dag"
    qtbot.waitUntil(lambda: is_shown(app.window, "attractPlace"))
    assert find_item(app.window, "attractPlace").property("text") == "Aula, Hoofdgebouw"
    assert find_item(app.window, "attractWelcome").property("text") == "Welkom in de werkplaats!"
    qtbot.waitUntil(lambda: is_shown(app.window, "attractLogo"))
    app.controller.setLanguage("en")
    qtbot.waitUntil(lambda: find_item(app.window, "attractEvent").property("text") == "Open day")
    assert find_item(app.window, "attractWelcome").property("text") == "Welcome to the workshop!"
    # The clip's frame and the kiosk's words never overlap: the video's own titles stay clear.
    frame = find_item(app.window, "attractFrame")
    top = frame.mapToScene(frame.boundingRect().topLeft()).y()
    bottom = frame.mapToScene(frame.boundingRect().bottomRight()).y()
    for name in ("attractEvent", "attractPlace", "attractWelcome", "attractHeadline",
                 "startButton"):
        item = find_item(app.window, name)
        y0 = item.mapToScene(item.boundingRect().topLeft()).y()
        y1 = item.mapToScene(item.boundingRect().bottomRight()).y()
        assert y1 <= top or y0 >= bottom, f"{name} runs into the clip"


def test_attract_without_welcome_or_logo_shows_just_the_name(make_kiosk, qtbot):
    app = make_kiosk("1920x1080", content=BASE_PACK, config=CFG, args=("--event", "open-dag"))
    qtbot.waitUntil(lambda: is_shown(app.window, "attractEvent"))
    assert find_item(app.window, "attractEvent").property("text") == "Open dag"
    assert not is_shown(app.window, "attractWelcome")
    assert not is_shown(app.window, "attractLogo")


def test_a_place_that_does_not_fit_on_one_line_is_left_out(make_kiosk, qtbot, tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(BASE_PACK, pack)
    event = pack / "events" / "open-dag.toml"
    wide = "W" * 60  # the longest place the event file allows, in the widest letter
    event.write_text(event.read_text(encoding="utf-8").replace(
        'kind = "open_day"\n', f'kind = "open_day"\nplace = "{wide}"\n'), encoding="utf-8")
    app = make_kiosk("1080x1920", content=pack, config=CFG, args=("--event", "open-dag"))
    qtbot.waitUntil(lambda: is_shown(app.window, "attractEvent"))
    [place] = find_items(app.window, "attractPlace")
    qtbot.waitUntil(lambda: place.property("width") > 500)  # laid out at the window's width
    assert place.property("text") == wide
    assert place.property("implicitWidth") > place.property("width")
    assert not is_shown(app.window, "attractPlace")
