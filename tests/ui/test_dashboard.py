"""The admin dashboard on a seeded database: figures, charts and touch filters (offscreen).

The log is tests/unit/eventlog.py; expected values are worked out by hand there and here.
The charts are the report's SVG charts (kiosk.insights.charts) drawn by Qt's SVG renderer:
what they hold is read back from the SVG, and the pictures on screen from the window's pixels.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem, QQuickView

from kiosk import paths
from kiosk.config import DEFAULT, Config
from kiosk.pack.loader import load_pack
from kiosk.insights.charts import Style
from kiosk.ui.chart_images import ChartImages
from kiosk.ui.dashboard import Dashboard
from kiosk.ui.kiosk_singleton import Kiosk, expose, withdraw
from tests.uitools import find_item, touch_tap
from tests.unit.eventlog import OD, local, seed


@pytest.fixture
def view(qapp: Any, qtbot: Any, tmp_path: Path, amsterdam: None
         ) -> Iterator[tuple[QQuickView, Dashboard]]:
    db = seed(tmp_path / "kiosk.db")
    pack = load_pack(paths.sample_pack(), DEFAULT)
    # "Today" is the 12th at 18:00, so the dashboard opens on that day, all events.
    dash = Dashboard(db, Config(), pack, clock=lambda: local(12, 18, 0))
    v = QQuickView()
    expose(v.engine(), Kiosk(dashboard=dash))
    v.engine().addImageProvider("charts", ChartImages(dash))
    v.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
    v.setSource(QUrl.fromLocalFile(str(paths.qml_dir() / "components" / "Dashboard.qml")))
    assert not v.errors(), [e.toString() for e in v.errors()]
    v.resize(1920, 1080)
    v.show()
    qtbot.waitExposed(v)
    dash.refresh()
    qtbot.waitUntil(lambda: not dash.busy)
    yield v, dash
    v.close()
    v.setSource(QUrl())  # QML goes before the object its bindings read
    withdraw(v.engine())
    del v


def shown(v: QQuickView, name: str) -> str:
    item = find_item(v, name)
    assert item is not None, name
    value = next(c for c in walk(item) if c.objectName() == "value")
    return value.property("text")


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from walk(child)


SVG = "{http://www.w3.org/2000/svg}"
STYLE = Style(ink="#ffffff", muted="#b8c0e0", bar="#17d4b4", paper="#1b2550", outline=False)


def drawn(dash: Dashboard, chart: str) -> tuple[list[float], list[str], list[float]]:
    """(bar lengths, texts, dashed-line positions) of a chart's SVG, in drawing order."""
    root = ET.fromstring(dash.chart_svg(chart, STYLE))
    lengths = [float(r.get("width" if chart != "hours" else "height", 0))
               for r in root.iter(f"{SVG}rect") if r.get("fill") == STYLE.bar]
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    dashed = [float(line.get("x1", 0)) for line in root.iter(f"{SVG}line")
              if line.get("stroke-dasharray")]
    return lengths, texts, dashed


def colour_pixels(v: QQuickView, name: str, colour: str) -> int:
    """Pixels of ``colour`` (± a little, for anti-aliasing) inside the item named ``name``."""
    item = find_item(v, name)
    assert item is not None, name
    top_left = item.mapToScene(item.boundingRect().topLeft())
    frame: QImage = v.grabWindow()
    want = QColor(colour)
    count = 0
    for y in range(int(top_left.y()), int(top_left.y() + item.height()), 4):
        for x in range(int(top_left.x()), int(top_left.x() + item.width()), 4):
            got = frame.pixelColor(x, y)
            if (abs(got.red() - want.red()) + abs(got.green() - want.green())
                    + abs(got.blue() - want.blue())) < 24:
                count += 1
    return count


def test_figures_of_the_day(view: tuple[QQuickView, Dashboard]) -> None:
    v, _ = view
    # The 12th: visits A B C D (see eventlog.py)
    assert shown(v, "dashSessions") == "4"
    assert shown(v, "dashDwell") == "2:25"          # dwell 20 90 200 230 → median 145 s
    assert shown(v, "dashVideos") == "1,5"          # 6 videos over 4 visits
    assert shown(v, "dashWatchThrough") == "50 %"   # 3 of 6 plays ≥ 90 %
    assert shown(v, "dashGameFinish") == "67 %"     # 2 of 3 games
    assert shown(v, "dashGameTime") == "1:30"       # 60 and 120 s
    assert shown(v, "dashResetsIdle") == "2"        # B, C
    assert shown(v, "dashResetsHand") == "1"        # A
    assert shown(v, "dashLanguages") == "NL 75 %  EN 25 %"


def test_charts_show_the_figures(view: tuple[QQuickView, Dashboard]) -> None:
    _, dash = view
    # Best at the top: ep1 2/3, ep2 1/2, ep3 0 % (a 0 % bar is a 1.5-unit stub).
    lengths, texts, dashed = drawn(dash, "watch")
    assert texts == ["ep1", "67 %", "ep2", "50 %", "ep3", "0 %", "65 %"]
    assert lengths[0] / lengths[1] == pytest.approx(67 / 50, rel=0.01) and lengths[2] == 1.5
    # the campaign line at 65 % of the scale (0–100 %): 200 + 0.65 * the bars' span
    span = lengths[0] / 0.67
    assert dashed == [pytest.approx(200 + 0.65 * span, abs=1.0)]
    # Best jobs on the 12th: B elektromonteur, D lasser (one each; titles from the pack).
    lengths, texts, _ = drawn(dash, "jobs")
    assert [t.split(" ")[0] for t in texts] == ["Elektromonteur", "1", "Lasser", "1"]
    assert lengths[0] == lengths[1] > 0
    # Cards on the 12th: laadpaal 2/2, lassen 1/2, wifi 0/2 (B's like was undone); best on top.
    lengths, texts, _ = drawn(dash, "cards")
    assert texts[1::2] == ["100 %", "50 %", "0 %"]
    assert lengths[0] == pytest.approx(2 * lengths[1])
    # Visits per hour: 2 at 9 and 2 at 10, shown 8–11 (one hour either side).
    lengths, texts, _ = drawn(dash, "hours")
    assert texts == ["8", "2", "9", "2", "10", "11"]
    assert len(lengths) == 2 and lengths[0] == lengths[1] > 0


def test_the_charts_are_on_screen_in_the_theme_colours(view: tuple[QQuickView, Dashboard],
                                                       qtbot: Any) -> None:
    v, dash = view
    v.resize(1920, 2600)   # every chart within the window, none scrolled away
    qtbot.waitUntil(lambda: find_item(v, "dashboard").height() == 2600)
    charts = {"chartWatchThrough": "#17D4B4", "chartSessionsPerHour": "#FFD23F",
              "chartJobs": "#FFD23F", "chartCards": "#FF6B5A"}   # Theme.teal, accent, coral
    for name in charts:
        qtbot.waitUntil(lambda n=name: find_item(v, n).property("paintedWidth") > 0)  # loaded
    for name, colour in charts.items():
        assert colour_pixels(v, name, colour) > 20, name
    # New figures draw new pictures: a day without visits leaves no bars.
    version = dash.chartsVersion
    dash.setDay("2026-03-01")
    qtbot.waitUntil(lambda: dash.chartsVersion > version and not dash.busy)
    qtbot.waitUntil(lambda: colour_pixels(v, "chartCards", "#FF6B5A") == 0)


def test_an_unknown_chart_name_is_an_error(view: tuple[QQuickView, Dashboard]) -> None:
    with pytest.raises(ValueError, match="watch, hours, jobs, cards"):
        view[1].chart_svg("pie", STYLE)


def test_filter_buttons_change_the_figures(view: tuple[QQuickView, Dashboard], qtbot: Any
                                           ) -> None:
    v, dash = view
    touch_tap(v, "dashDay_all")
    qtbot.waitUntil(lambda: not dash.busy and dash.filterDay == "")
    qtbot.waitUntil(lambda: shown(v, "dashSessions") == "6")
    assert shown(v, "dashWatchThrough") == "57 %"   # 4 of 7 plays
    touch_tap(v, f"dashEvent_{OD}")
    qtbot.waitUntil(lambda: shown(v, "dashSessions") == "1")  # F only
    assert dash.filterEvent == OD
    assert shown(v, "dashLanguages") == "EN 100 %"
    assert find_item(v, "dashDay_2026-03-13") is not None


def test_an_unreadable_database_keeps_the_screen_up(qapp: Any, qtbot: Any, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    bad = tmp_path / "kiosk.db"
    bad.write_text("geen database", encoding="utf-8")
    dash = Dashboard(bad, Config())
    dash.refresh()
    qtbot.waitUntil(lambda: not dash.busy)
    assert dash.sessions == 0 and dash.dwellText == "–"
    assert "cannot compute the figures" in caplog.text
