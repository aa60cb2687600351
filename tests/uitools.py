"""Drive the real QML window the way a visitor does: find items by objectName, tap them with
real touch events (or mouse clicks) sent to the top-level window."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPointingDevice
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

_TOUCH: list[QPointingDevice] = []


def touch_device() -> QPointingDevice:
    """One touchscreen device for the whole test run (Qt keeps devices registered)."""
    if not _TOUCH:
        _TOUCH.append(QTest.createTouchDevice())
    return _TOUCH[0]


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from walk(child)


def find_items(window: QQuickWindow, name: str) -> list[QQuickItem]:
    return [i for i in walk(window.contentItem()) if i.objectName() == name]


def find_item(window: QQuickWindow, name: str) -> QQuickItem | None:
    """The visible item with this objectName, or None."""
    for item in find_items(window, name):
        if item.isVisible():
            return item
    return None


def is_shown(window: QQuickWindow, name: str) -> bool:
    item = find_item(window, name)
    return item is not None and item.isVisible() and item.opacity() > 0


def laid_out(item: QQuickItem) -> QQuickItem:
    """The item placed where the next frame will draw it: positioners (Row, Column, Grid) and
    layouts place their children when the window polishes, before it renders. A finger only
    ever taps what a frame has shown, but a test may look between a change and that frame, when
    a button that has just appeared still sits at its old place, under another one."""
    chain = []
    parent: QQuickItem | None = item
    while parent is not None:
        chain.append(parent)
        parent = parent.parentItem()
    for ancestor in reversed(chain):  # outside in: a Grid places the Column that places a Row
        ancestor.ensurePolished()
    return item


def next_frame(qtbot: Any, window: QQuickWindow) -> None:
    """Wait until the window has drawn a frame: what a finger can see before it taps."""
    with qtbot.waitSignal(window.frameSwapped, timeout=10_000):
        window.update()


def centre(item: QQuickItem) -> QPoint:
    laid_out(item)
    p = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    return QPoint(round(p.x()), round(p.y()))


def touch_tap(window: QQuickWindow, item_or_name: QQuickItem | str) -> None:
    """A finger taps the centre of the item."""
    item = _resolve(window, item_or_name)
    pos = centre(item)
    QTest.touchEvent(window, touch_device()).press(0, pos, window).commit()
    QTest.touchEvent(window, touch_device()).release(0, pos, window).commit()


def touch_press(window: QQuickWindow, pos: QPoint) -> None:
    QTest.touchEvent(window, touch_device()).press(0, pos, window).commit()


def touch_release(window: QQuickWindow, pos: QPoint) -> None:
    QTest.touchEvent(window, touch_device()).release(0, pos, window).commit()


def mouse_click(window: QQuickWindow, item_or_name: QQuickItem | str) -> None:
    item = _resolve(window, item_or_name)
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(item))


def _resolve(window: QQuickWindow, item_or_name: QQuickItem | str) -> QQuickItem:
    if isinstance(item_or_name, str):
        item = find_item(window, item_or_name)
        if item is None:
            raise AssertionError(f"no visible item named {item_or_name!r}")
        return item
    return item_or_name


def touch_drag(window: QQuickWindow, start: QPoint, end: QPoint, steps: int = 8,
               release: bool = True, touch_id: int = 0) -> None:
    """A finger presses at ``start``, moves to ``end`` in ``steps`` even moves and (unless told
    not to) lets go there. Each step is one touch update, as a real screen reports them."""
    QTest.touchEvent(window, touch_device()).press(touch_id, start, window).commit()
    for i in range(1, steps + 1):
        p = QPoint(start.x() + (end.x() - start.x()) * i // steps,
                   start.y() + (end.y() - start.y()) * i // steps)
        QTest.touchEvent(window, touch_device()).move(touch_id, p, window).commit()
    if release:
        QTest.touchEvent(window, touch_device()).release(touch_id, end, window).commit()


def open_from_home(app, qtbot, tile: str, state: str) -> None:
    """A visitor's first two taps: start on attract, then a home tile, until ``state``."""
    qtbot.waitUntil(app.window.isExposed)
    touch_tap(app.window, "startButton")
    # generous: a busy CI machine may take seconds to build home's screen
    qtbot.waitUntil(lambda: find_item(app.window, tile) is not None, timeout=15_000)
    touch_tap(app.window, tile)
    qtbot.waitUntil(lambda: app.controller.state == state, timeout=15_000)


def layout_findings(qtbot: Any, qml: str) -> str:
    """What tools/layout_check.py finds (one line each) in a window made from ``qml``: how the
    tests prove the check catches what a visitor would trip over."""
    from PySide6.QtQml import QQmlApplicationEngine

    from tools.layout_check import check_window, settle

    engine = QQmlApplicationEngine()
    engine.loadData(qml.encode())
    window = engine.rootObjects()[0]
    try:
        qtbot.waitUntil(window.isExposed)
        settle(window)
        return "\n".join(check_window(window, "test"))
    finally:
        window.close()
        engine.deleteLater()


def colour_close(pixel: QColor, expected: QColor, tolerance: int) -> bool:
    """Each of red, green and blue within ``tolerance`` of the expected colour (a decoded video
    frame never gives back the exact colour it was made with)."""
    return all(abs(a - b) <= tolerance for a, b in ((pixel.red(), expected.red()),
                                                   (pixel.green(), expected.green()),
                                                   (pixel.blue(), expected.blue())))
