"""Frame discipline: a screen draws a frame only when something on it changed.

Counted with ``QQuickWindow.frameSwapped`` (it fires offscreen too): static screens swap no
frames at all, the attract screen with nothing to loop rests between its brief animations, and
video screens swap about one frame per video frame.
"""
from __future__ import annotations

import time

import pytest

from kiosk.config import Config

QUIET_S = 0.5      # no frame this long: the screen has settled after a change
WATCH_MS = 1500    # then no frame at all for this long


def _config(**changes: float) -> Config:
    base = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False)
    return base.with_(**changes)


def _settle(app, qtbot) -> None:
    """Wait until the window has swapped no frame for QUIET_S (what a change draws is done)."""
    last = [time.monotonic()]

    def on_frame() -> None:
        last[0] = time.monotonic()

    app.window.frameSwapped.connect(on_frame)
    try:
        qtbot.waitUntil(lambda: time.monotonic() - last[0] > QUIET_S, timeout=15000)
    finally:
        app.window.frameSwapped.disconnect(on_frame)


def _count_swaps_over_video_frames(app, qtbot, frames: int) -> tuple[int, int]:
    """(frames swapped, video frames presented) while ``frames`` video frames arrive."""
    player = app.player
    swapped, presented = [0], [0]

    def on_swap() -> None:
        swapped[0] += 1

    def on_video(_start: int) -> None:
        presented[0] += 1

    app.window.frameSwapped.connect(on_swap)
    player.framePresented.connect(on_video)
    try:
        qtbot.waitUntil(lambda: presented[0] >= frames, timeout=30000)
    finally:
        app.window.frameSwapped.disconnect(on_swap)
        player.framePresented.disconnect(on_video)
    return swapped[0], presented[0]


@pytest.mark.parametrize("section", ["home", "episodes", "game", "companies"])
def test_static_screens_swap_no_frames(make_kiosk, qtbot, section):
    app = make_kiosk(real_player=True)
    app.controller.start()
    if section != "home":
        app.controller.openSection(section)
    qtbot.waitUntil(lambda: app.controller.state == section)
    _settle(app, qtbot)
    with qtbot.assertNotEmitted(app.window.frameSwapped, wait=WATCH_MS):
        pass


def test_attract_without_clips_rests_between_its_brief_animations(make_kiosk, qtbot):
    """No clips to loop: the blobs and the start button move now and then, not all the time."""
    app = make_kiosk(real_player=True, config=_config(attract_pulse_every_s=600.0, lean_pulse_every_s=600.0,
                                    attract_drift_every_s=600.0))
    player = app.player
    qtbot.waitUntil(lambda: player.state == "playing")
    player.stop()  # as when the pack has no clip to loop
    _settle(app, qtbot)
    with qtbot.assertNotEmitted(app.window.frameSwapped, wait=WATCH_MS):
        pass


def test_attract_pulse_comes_back_and_ends(make_kiosk, qtbot):
    """The start button's pulse runs now and then and stops again (frames, then none)."""
    app = make_kiosk(real_player=True, config=_config(attract_pulse_every_s=2.5, lean_pulse_every_s=2.5,
                                    attract_drift_every_s=600.0))
    player = app.player
    qtbot.waitUntil(lambda: player.state == "playing")
    player.stop()
    with qtbot.waitSignal(app.window.frameSwapped, timeout=5000):
        pass  # a pulse draws
    _settle(app, qtbot)  # and it ends before the next one


def test_attract_loop_swaps_about_one_frame_per_video_frame(make_kiosk, qtbot):
    app = make_kiosk(real_player=True, config=_config(attract_pulse_every_s=600.0, lean_pulse_every_s=600.0))
    qtbot.waitUntil(lambda: app.player.state == "playing", timeout=15000)
    swapped, presented = _count_swaps_over_video_frames(app, qtbot, 50)
    assert swapped <= presented * 1.1 + 2, (swapped, presented)


def test_player_swaps_about_one_frame_per_video_frame(make_kiosk, qtbot):
    app = make_kiosk(real_player=True)
    app.controller.start()
    app.controller.openSection("episodes")
    episode = next(iter(app.pack.episodes))
    app.controller.playEpisode(episode, "tile")
    player = app.player
    qtbot.waitUntil(lambda: app.controller.state == "player" and player.state == "playing",
                    timeout=15000)
    swapped, presented = _count_swaps_over_video_frames(app, qtbot, 50)
    assert swapped <= presented * 1.1 + 2, (swapped, presented)


def _decoded_and_shown(app, qtbot, decoded: int) -> tuple[int, int]:
    """(frames decoded by the active deck, frames sent to the screen) over ``decoded`` frames."""
    player = app.player
    deck = player._active_deck
    got, shown = [0], [0]

    def on_decoded(_frame) -> None:
        got[0] += 1

    def on_shown(_start: int) -> None:
        shown[0] += 1

    deck.frame.connect(on_decoded)
    player.framePresented.connect(on_shown)
    try:
        qtbot.waitUntil(lambda: got[0] >= decoded, timeout=30000)
    finally:
        deck.frame.disconnect(on_decoded)
        player.framePresented.disconnect(on_shown)
    return got[0], shown[0]


def test_lean_attract_loop_shows_every_frame(make_kiosk, qtbot):
    app = make_kiosk(args=("--render", "lean"), real_player=True)
    qtbot.waitUntil(lambda: app.player.state == "playing", timeout=15000)
    decoded, shown = _decoded_and_shown(app, qtbot, 40)
    assert abs(shown - decoded) <= 1, (decoded, shown)


def test_a_weak_pc_shows_every_second_attract_frame_episodes_every_frame(make_kiosk, qtbot):
    app = make_kiosk(args=("--render", "lean", "--attract-every", "2"), real_player=True)
    player = app.player
    qtbot.waitUntil(lambda: player.state == "playing", timeout=15000)
    decoded, shown = _decoded_and_shown(app, qtbot, 40)
    assert abs(shown - decoded / 2) <= 1, (decoded, shown)

    app.controller.start()
    app.controller.openSection("episodes")
    app.controller.playEpisode(next(iter(app.pack.episodes)), "tile")
    qtbot.waitUntil(lambda: app.controller.state == "player" and player.state == "playing",
                    timeout=15000)
    decoded, shown = _decoded_and_shown(app, qtbot, 40)
    assert abs(shown - decoded) <= 1, (decoded, shown)


def test_full_attract_loop_shows_every_frame(make_kiosk, qtbot):
    app = make_kiosk(args=("--render", "full"), real_player=True)
    qtbot.waitUntil(lambda: app.player.state == "playing", timeout=15000)
    decoded, shown = _decoded_and_shown(app, qtbot, 40)
    assert abs(shown - decoded) <= 1, (decoded, shown)
