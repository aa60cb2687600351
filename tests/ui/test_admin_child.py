"""Admin's morning check runs in a child process: the kiosk keeps rendering and answering taps."""
from __future__ import annotations

import os

import pytest

from tests.uitools import find_item, touch_tap


def _enter_admin(app, qtbot) -> None:
    qtbot.waitUntil(app.window.isExposed)
    app.controller.adminGesture()
    app.controller.submitPin("2468")
    with qtbot.waitSignal(app.window.frameSwapped):  # positioners lay out before a frame
        qtbot.waitUntil(lambda: app.controller.state == "admin")


def test_taps_get_a_frame_while_the_morning_check_runs(make_kiosk, qtbot):
    """Every tap is drawn while the check runs; how fast is tests/bench/bench_admin_check.py."""
    app = make_kiosk("1280x800")
    admin = app.admin
    _enter_admin(app, qtbot)
    touch_tap(app.window, "adminTabContent")
    qtbot.waitUntil(lambda: find_item(app.window, "adminPreflight") is not None)
    touch_tap(app.window, "adminPreflight")
    assert admin.preflightRunning
    lines_seen: list[int] = []
    taps = 0
    tabs = {"adminTabLog": "log", "adminTabStats": "stats", "adminTabContent": "content"}
    while admin.preflightRunning:
        lines_seen.append(admin.preflightText.count("\n"))
        button, tab = list(tabs.items())[taps % len(tabs)]
        with qtbot.waitSignal(app.window.frameSwapped, timeout=5000):  # the tap is drawn
            touch_tap(app.window, button)
        assert find_item(app.window, "adminScreen").property("tab") == tab
        taps += 1
        qtbot.wait(20)  # a person does not tap faster than this
    # the finished checklist with its verdict (the sample pack: OK for a try-out)
    qtbot.waitUntil(lambda: "fout(en)/error(s)" in admin.preflightText, timeout=5000)
    assert admin.preflightOk and "NOT OK" not in admin.preflightText
    # the check really ran alongside: its lines arrived one by one while taps were answered
    assert taps >= 10, taps
    assert len(set(lines_seen)) >= 3, lines_seen


def test_a_second_tap_while_the_check_runs_starts_nothing_and_close_ends_it(make_kiosk, qtbot):
    app = make_kiosk("1280x800")
    admin = app.admin
    _enter_admin(app, qtbot)
    admin.runPreflight()
    first = admin._process
    admin.runPreflight()
    assert admin._process is first
    qtbot.waitUntil(lambda: first.processId() > 0)
    pid = first.processId()
    app.close()  # the kiosk closes mid-check: the child goes with it
    assert admin._process is None
    with pytest.raises(ProcessLookupError):  # reaped by QProcess, not left behind
        os.kill(pid, 0)
