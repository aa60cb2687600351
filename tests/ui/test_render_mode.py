"""--render lean|full|auto: QML follows the chosen mode, the log and admin say which it is."""
from __future__ import annotations

from tests.uitools import find_items


def test_auto_on_the_software_backend_is_lean(make_kiosk):
    app = make_kiosk()  # offscreen: Qt Quick's software backend
    assert app.screens.render.choice.mode == "lean"
    assert app.playback.attract_frame_stride == 1  # the attract loop at the clip's own rate
    log = (app.data_dir / app.config.store.log_filename).read_text(encoding="utf-8")
    assert "render mode lean (software rendering: Qt Quick software backend" in log


def test_a_very_weak_pc_can_ask_for_half_the_attract_frames(make_kiosk):
    app = make_kiosk(args=("--attract-every", "2"))
    assert app.screens.render.choice.mode == "lean"
    assert app.playback.attract_frame_stride == 2
    full = make_kiosk(args=("--render", "full", "--attract-every", "2"))
    assert full.playback.attract_frame_stride == 1   # the GPU draws every frame anyway


def test_full_can_be_forced(make_kiosk):
    app = make_kiosk(args=("--render", "full"))
    assert app.screens.render.choice.mode == "full"
    assert app.playback.attract_frame_stride == 1
    log = (app.data_dir / app.config.store.log_filename).read_text(encoding="utf-8")
    assert "render mode full (forced with --render full" in log


def test_admin_shows_the_mode(make_kiosk, qtbot):
    app = make_kiosk(args=("--render", "lean"))
    app.controller.adminGesture()
    app.controller.submitPin("2468")  # the sample pack's PIN
    qtbot.waitUntil(lambda: app.controller.state == "admin")
    qtbot.waitUntil(lambda: find_items(app.window, "adminRender") != [])
    text = find_items(app.window, "adminRender")[0].property("text")
    assert text.startswith("Weergave: lean (forced with --render lean")


def test_lean_pulses_less_often_and_shorter(make_kiosk):
    lean = make_kiosk(args=("--render", "lean")).screens.render
    full = make_kiosk(args=("--render", "full")).screens.render
    assert lean.pulseEveryMs > full.pulseEveryMs
    assert lean.pulseMs < full.pulseMs and lean.pulseLoops < full.pulseLoops
