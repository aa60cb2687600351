"""The kiosk shell driven through the real QML window: start, idle reset, lockdown, admin PIN."""
from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app import build
from kiosk.config import Config
from tests.fakeplayer import FakePlayer
from tests.uitools import (find_item, is_shown, mouse_click, touch_press, touch_release,
                           touch_tap, walk)

FAST = Config().with_(idle_timeout_s=0.4, still_there_countdown_s=0.4, admin_gesture_s=0.3,
              admin_lockout_s=60.0, idle_from_event=False)


@pytest.fixture
def kiosk_options():
    return {"config": FAST}


def rows(app, sql: str) -> list[tuple]:
    app.store.flush()
    with sqlite3.connect(app.db_path) as con:
        return con.execute(sql).fetchall()


def test_build_gives_the_automation_contract(kiosk):
    assert kiosk.controller.state == "attract"
    assert kiosk.db_path.is_file()
    assert kiosk.window.isVisible()
    assert (kiosk.window.width(), kiosk.window.height()) == (1920, 1080)
    assert kiosk.window.flags() & Qt.WindowType.FramelessWindowHint


def test_touch_start_opens_home_with_tiles(kiosk, qtbot):
    qtbot.waitUntil(kiosk.window.isExposed)
    touch_tap(kiosk.window, "startButton")
    qtbot.waitUntil(lambda: kiosk.controller.state == "home")
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "homeEpisodes"))
    assert rows(kiosk, "select count(*) from events where kind='session_started'") == [(1,)]
    screens = [r[0] for r in rows(kiosk, "select screen from events where kind='screen_shown'")]
    assert screens == ["home"]


def test_mouse_click_starts_too(kiosk, qtbot):
    qtbot.waitUntil(kiosk.window.isExposed)
    mouse_click(kiosk.window, "startButton")
    qtbot.waitUntil(lambda: kiosk.controller.state == "home")


def test_idle_asks_then_resets_to_attract(kiosk, qtbot):
    qtbot.waitUntil(kiosk.window.isExposed)
    touch_tap(kiosk.window, "startButton")
    qtbot.waitUntil(lambda: kiosk.controller.state == "home")
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "stillThereOverlay"), timeout=3000)
    assert kiosk.controller.state == "home"
    qtbot.waitUntil(lambda: kiosk.controller.state == "attract", timeout=3000)
    assert not is_shown(kiosk.window, "stillThereOverlay")
    ended = rows(kiosk, "select reason from events where kind='session_ended'")
    assert ended == [("idle",)]


def test_touch_on_overlay_keeps_the_visit(kiosk, qtbot):
    qtbot.waitUntil(kiosk.window.isExposed)
    touch_tap(kiosk.window, "startButton")
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "stillThereOverlay"), timeout=3000)
    touch_tap(kiosk.window, "stillThereOverlay")
    qtbot.waitUntil(lambda: not is_shown(kiosk.window, "stillThereOverlay"))
    assert kiosk.controller.state == "home"


def test_close_alt_f4_and_escape_leave_the_window_open(kiosk, qtbot):
    window = kiosk.window
    qtbot.waitUntil(window.isExposed)
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    window.close()
    QTest.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.wait(50)  # let any queued close be processed before we look
    assert window.isVisible()
    assert kiosk.controller.state == "attract"


def _long_press_corner(kiosk, qtbot) -> None:
    corner = find_item(kiosk.window, "adminCorner")
    assert corner is not None
    pos = corner.mapToScene(corner.boundingRect().center()).toPoint()
    touch_press(kiosk.window, pos)
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "adminPin"), timeout=3000)
    touch_release(kiosk.window, pos)


def _enter_pin(kiosk, pin: str) -> None:
    for digit in pin:
        touch_tap(kiosk.window, f"adminPinKey_{digit}")
    touch_tap(kiosk.window, "adminPinOk")


def test_short_press_in_the_corner_does_not_open_admin(kiosk, qtbot):
    qtbot.waitUntil(kiosk.window.isExposed)
    corner = find_item(kiosk.window, "adminCorner")
    pos = corner.mapToScene(corner.boundingRect().center()).toPoint()
    touch_press(kiosk.window, pos)
    touch_release(kiosk.window, pos)
    qtbot.wait(500)  # longer than the shrunk gesture time: a quick tap must not count
    assert not is_shown(kiosk.window, "adminPin")


def test_admin_gesture_and_right_pin_exit_cleanly(kiosk, qtbot):
    qtbot.waitUntil(kiosk.window.isExposed)
    touch_tap(kiosk.window, "startButton")
    qtbot.waitUntil(lambda: kiosk.controller.state == "home")
    _long_press_corner(kiosk, qtbot)
    _enter_pin(kiosk, "2468")
    qtbot.waitUntil(lambda: kiosk.controller.state == "admin")
    assert rows(kiosk, "select reason from events where kind='session_ended'") == [("admin",)]
    sessions = find_item(kiosk.window, "adminSessions")
    assert sessions is not None and sessions.property("text").endswith("1")
    # the dashboard behind the PIN shows today's figures of this database: one visit so far
    dash = kiosk.dashboard
    qtbot.waitUntil(lambda: not dash.busy and dash.sessions == 1, timeout=5000)
    figure = find_item(kiosk.window, "dashSessions")
    value = next(i for i in walk(figure) if i.objectName() == "value")
    assert value.property("text") == "1"
    # the log tab shows the last lines of this run's log
    touch_tap(kiosk.window, "adminTabLog")
    qtbot.waitUntil(lambda: find_item(kiosk.window, "adminLog") is not None)
    assert "kiosk started" in find_item(kiosk.window, "adminLog").property("text")
    with qtbot.waitSignal(kiosk.controller.quitRequested, timeout=2000):
        touch_tap(kiosk.window, "adminQuit")
    event = QCloseEvent()
    QApplication.sendEvent(kiosk.window, event)
    assert event.isAccepted()  # after the admin's quit the window may close


def test_wrong_pins_lock_the_pad(kiosk, qtbot):
    qtbot.waitUntil(kiosk.window.isExposed)
    _long_press_corner(kiosk, qtbot)
    for _ in range(4):
        _enter_pin(kiosk, "1111")
    message = find_item(kiosk.window, "adminPinMessage")
    assert message.property("text") in ("Onjuiste pincode", "Wrong PIN")
    _enter_pin(kiosk, "1111")
    qtbot.waitUntil(lambda: "60" in find_item(kiosk.window, "adminPinMessage").property("text"))
    _enter_pin(kiosk, "2468")  # the right PIN while locked does nothing
    assert kiosk.controller.state == "attract"
    assert rows(kiosk, "select count(*) from events where kind='admin_pin_failed'") == [(6,)]
    touch_tap(kiosk.window, "adminPinCancel")
    qtbot.waitUntil(lambda: not is_shown(kiosk.window, "adminPin"))


def test_language_toggle_switches_text_and_back_for_next_visitor(kiosk, qtbot):
    qtbot.waitUntil(kiosk.window.isExposed)
    start = find_item(kiosk.window, "startButton")
    assert start.property("text") == "Tik om te beginnen"
    touch_tap(kiosk.window, "languageToggle")
    qtbot.waitUntil(lambda: find_item(kiosk.window, "startButton").property("text") == "Tap to start")
    touch_tap(kiosk.window, "startButton")
    qtbot.waitUntil(lambda: kiosk.controller.state == "home")
    touch_tap(kiosk.window, "endSession")
    qtbot.waitUntil(lambda: kiosk.controller.state == "attract")
    qtbot.waitUntil(
        lambda: find_item(kiosk.window, "startButton").property("text") == "Tik om te beginnen")
    assert rows(kiosk, "select lang from events where kind='language_changed'") == [("en",)]


def test_portrait_home_has_all_tiles_on_screen(qapp, data_dir, sample_pack, qtbot):
    app = build(["--windowed", "--size", "1080x1920", "--data", str(data_dir),
                 "--content", str(sample_pack)], config=FAST, player_factory=FakePlayer)
    try:
        qtbot.waitUntil(app.window.isExposed)
        touch_tap(app.window, "startButton")
        qtbot.waitUntil(lambda: is_shown(app.window, "homeEpisodes"))
        for name in ("homeEpisodes", "homeParents"):
            item = find_item(app.window, name)
            top_left = item.mapToScene(item.boundingRect().topLeft())
            bottom_right = item.mapToScene(item.boundingRect().bottomRight())
            assert 0 <= top_left.x() and bottom_right.x() <= 1080
            assert 0 <= top_left.y() and bottom_right.y() <= 1920
            assert item.height() >= 150  # big enough for a finger
    finally:
        app.close()


def test_exception_in_a_slot_returns_to_attract(kiosk, qtbot, monkeypatch):
    qtbot.waitUntil(kiosk.window.isExposed)
    touch_tap(kiosk.window, "startButton")
    qtbot.waitUntil(lambda: kiosk.controller.state == "home")

    def boom(name: str) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(kiosk.controller.flow, "open", lambda *a, **k: boom("x"))
    touch_tap(kiosk.window, "homeEpisodes")
    qtbot.waitUntil(lambda: kiosk.controller.state == "attract")
    assert rows(kiosk, "select reason from events where kind='session_ended'") == [("error",)]
    assert "simulated bug" in (kiosk.data_dir / "kiosk.log").read_text()


@pytest.mark.qt_no_exception_capture
def test_unhandled_exception_elsewhere_is_logged_and_returns_to_attract(kiosk, qtbot):
    import sys

    qtbot.waitUntil(kiosk.window.isExposed)
    touch_tap(kiosk.window, "startButton")
    qtbot.waitUntil(lambda: kiosk.controller.state == "home")
    try:
        raise ValueError("bug in a timer callback")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # what Python does for an exception nobody caught
    assert kiosk.controller.state == "attract"
    assert rows(kiosk, "select reason from events where kind='session_ended'") == [("error",)]
    assert "bug in a timer callback" in (kiosk.data_dir / "kiosk.log").read_text()


def test_lang_en_on_the_command_line_starts_everything_in_english(qapp, data_dir, sample_pack,
                                                                   qtbot):
    app = build(["--windowed", "--size", "1920x1080", "--data", str(data_dir),
                 "--content", str(sample_pack), "--lang", "en"], config=FAST,
                player_factory=FakePlayer)
    try:
        qtbot.waitUntil(app.window.isExposed)
        assert find_item(app.window, "startButton").property("text") == "Tap to start"
        app.controller.start()
        app.controller.openSection("episodes")
        first = app.catalog.rows[0]["episodes"][0]
        assert first["title"] == app.pack.episodes[first["id"]].title.en
    finally:
        app.close()


def test_admin_runs_the_morning_check(kiosk, qtbot):
    qtbot.waitUntil(kiosk.window.isExposed)
    _long_press_corner(kiosk, qtbot)
    _enter_pin(kiosk, "2468")
    qtbot.waitUntil(lambda: kiosk.controller.state == "admin")
    touch_tap(kiosk.window, "adminTabContent")
    qtbot.waitUntil(lambda: find_item(kiosk.window, "adminPreflight") is not None)
    touch_tap(kiosk.window, "adminPreflight")
    shown = find_item(kiosk.window, "adminPreflightText")
    # a child process does the work; its lines arrive while the kiosk keeps running
    qtbot.waitUntil(lambda: not kiosk.admin.preflightRunning, timeout=120_000)
    text = shown.property("text")
    # the sample pack is valid but has placeholders (demo PIN, .example links)
    assert "OK for a try-out" in text and str(kiosk.data_dir) in text


def test_pinch_and_two_finger_gestures_do_nothing(kiosk, qtbot):
    from PySide6.QtTest import QTest

    from tests.uitools import touch_device

    qtbot.waitUntil(kiosk.window.isExposed)
    touch_tap(kiosk.window, "startButton")
    qtbot.waitUntil(lambda: is_shown(kiosk.window, "homeEpisodes"))
    root = kiosk.window.contentItem()
    before = (root.scale(), root.x(), root.y())
    a, b = QPoint(900, 500), QPoint(1000, 500)
    QTest.touchEvent(kiosk.window, touch_device()).press(0, a, kiosk.window).press(1, b, kiosk.window).commit()
    for step in range(1, 8):  # fingers move apart: a pinch-zoom elsewhere
        QTest.touchEvent(kiosk.window, touch_device()).move(0, a - QPoint(40 * step, 0), kiosk.window) \
            .move(1, b + QPoint(40 * step, 0), kiosk.window).commit()
    QTest.touchEvent(kiosk.window, touch_device()).release(0, a - QPoint(280, 0), kiosk.window) \
        .release(1, b + QPoint(280, 0), kiosk.window).commit()
    qtbot.wait(100)
    assert (root.scale(), root.x(), root.y()) == before
    assert kiosk.controller.state == "home"
    tile = find_item(kiosk.window, "homeEpisodes")
    assert tile.scale() == 1.0


def test_admin_left_open_goes_back_to_attract(make_kiosk, qtbot):
    app = make_kiosk(config=FAST.with_(admin_idle_timeout_s=0.6))
    qtbot.waitUntil(app.window.isExposed)
    seen: list[str] = []   # every state, by signal: a busy machine may pass admin between polls
    app.controller.stateChanged.connect(lambda: seen.append(app.controller.state))
    _long_press_corner(app, qtbot)
    _enter_pin(app, "2468")
    qtbot.waitUntil(lambda: "admin" in seen, timeout=10_000)
    qtbot.waitUntil(lambda: seen[-1] == "attract", timeout=10_000)
    assert seen[seen.index("admin"):] == ["admin", "attract"]
    assert not is_shown(app.window, "adminQuit")


def test_an_abandoned_pin_pad_closes_itself(make_kiosk, qtbot):
    app = make_kiosk(config=FAST.with_(admin_pin_pad_timeout_s=0.5))
    qtbot.waitUntil(app.window.isExposed)
    _long_press_corner(app, qtbot)
    touch_tap(app.window, "adminPinKey_1")
    qtbot.waitUntil(lambda: not is_shown(app.window, "adminPin"), timeout=3000)
    assert app.controller.state == "attract"


def test_default_is_frameless_fullscreen_on_the_whole_screen(qapp, data_dir, qtbot):
    from PySide6.QtGui import QGuiApplication, QWindow

    app = build(["--data", str(data_dir)], config=FAST,  # no --windowed, no --size
                player_factory=FakePlayer)
    try:
        qtbot.waitUntil(app.window.isExposed)
        assert app.window.visibility() == QWindow.Visibility.FullScreen
        assert app.window.geometry() == QGuiApplication.primaryScreen().geometry()
        assert app.window.flags() & Qt.WindowType.FramelessWindowHint
    finally:
        app.close()
