"""The admin dashboard on a seeded database: figures, charts and touch filters (offscreen).

The log is tests/unit/eventlog.py; expected values are worked out by hand there and here.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtCharts  # noqa: F401 - lets Python read chart objects from QML
from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QObject, QUrl
from PySide6.QtQuick import QQuickItem, QQuickView

from kiosk import paths
from kiosk.config import Config
from kiosk.core.content import load_pack
from kiosk.ui.dashboard import Dashboard
from kiosk.ui.seams import Kiosk, expose, withdraw
from tests.uitools import find_item, touch_tap
from tests.unit.eventlog import OD, local, seed


@pytest.fixture
def view(qapp: Any, qtbot: Any, tmp_path: Path, amsterdam: None
         ) -> Iterator[tuple[QQuickView, Dashboard]]:
    db = seed(tmp_path / "kiosk.db")
    pack = load_pack(paths.sample_pack())
    # "Today" is the 12th at 18:00, so the dashboard opens on that day, all events.
    dash = Dashboard(db, Config(), pack, clock=lambda: local(12, 18, 0))
    v = QQuickView()
    expose(v.engine(), Kiosk(dashboard=dash))
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


def bars(v: QQuickView, chart: str) -> list[float]:
    item = find_item(v, chart)
    assert item is not None, chart
    bar_set = item.property("shownSet")
    return [round(x, 3) for x in bar_set.property("values")]


def categories(v: QQuickView, chart: str) -> list[str]:
    return list(find_item(v, chart).property("shownAxis").property("categories"))


def points(series: QObject) -> list[tuple[float, float]]:
    """The (x, y) points a chart line really holds."""
    out = []
    for i in range(series.property("count")):
        p = QMetaObject.invokeMethod(series, "at", Q_RETURN_ARG("QPointF"), Q_ARG(int, i))
        out.append((p.x(), p.y()))
    return out


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
    v, _ = view
    # Bars run best-at-top, so the lists are reversed: ep3 0 %, ep2 1/2, ep1 2/3.
    assert categories(v, "chartWatchThrough") == ["ep3", "ep2", "ep1"]
    assert bars(v, "chartWatchThrough") == [0, 50, 67]
    # the campaign line: x = 65 %, across all three bars
    line = find_item(v, "chartWatchThrough").property("shownReference")
    assert points(line) == [(65.0, -0.5), (65.0, 2.5)]
    # Best jobs on the 12th: B elektromonteur, D lasser (one each; titles from the pack).
    assert [c.split(" ")[0] for c in categories(v, "chartJobs")] == ["Lasser", "Elektromonteur"]
    assert bars(v, "chartJobs") == [1, 1]
    # Cards on the 12th: laadpaal 2/2, lassen 1/2, wifi 0/2 (B's like was undone); best on top.
    assert bars(v, "chartCards") == [0, 50, 100]
    hours = points(find_item(v, "chartSessionsPerHour").property("shownLine"))
    assert hours == [(h, {9: 2, 10: 2}.get(h, 0)) for h in range(24)]


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
