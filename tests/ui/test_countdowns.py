"""The two countdowns on screen ("Ben je er nog?" and the end card's next episode) show the
number of the Python timer that ends them: it drops once a second and the action happens as it
reaches 0."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer

from kiosk.config import Config
from kiosk.visit.flow import SECTIONS
from kiosk.ui.controller import Controller
from tests.uitools import find_item, is_shown, open_from_home, walk


class Store:
    """Just enough of the event log for a controller on its own."""

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []

    def record(self, kind: str, session_id: str | None = None, **fields: Any) -> bool:
        self.events.append((kind, fields))
        return True


def test_still_there_number_and_reset_share_the_controllers_clock(qapp):
    now = [0.0]
    controller = Controller(Config().with_(idle_timeout_s=30.0, still_there_countdown_s=3.0,
                                   idle_from_event=False), Store(), None, None, set(SECTIONS),
                            clock=lambda: now[0])
    controller.start()
    assert controller.stillThereRemaining == 0
    now[0] = 30.0
    controller.on_idle_timeout()
    assert controller.stillThere and controller.stillThereRemaining == 3
    seen = []
    for t in (30.5, 31.0, 32.0, 32.999):
        now[0] = t
        controller.on_idle_timeout()
        seen.append(controller.stillThereRemaining)
    assert seen == [3, 2, 1, 1]
    assert controller.state == "home"          # one moment before 0: the visit is still on
    now[0] = 33.0
    controller.on_idle_timeout()
    assert controller.state == "attract" and controller.stillThereRemaining == 0
    controller.shutdown()


def counted(qtbot, signal, number, text, done, start=lambda: None) -> list[Any]:
    """What the screen shows each time ``number()`` changes from ``start()`` on until
    ``done()``; the text is read once the change has reached QML (the next turn of the event
    loop)."""
    log: list[Any] = []
    changes: list[int] = []

    def on_change() -> None:
        changes.append(number())
        n = changes[-1]
        QTimer.singleShot(0, lambda: log.append((n, text())))

    signal.connect(on_change)
    start()
    qtbot.waitUntil(done, timeout=15_000)
    signal.disconnect(on_change)
    qtbot.waitUntil(lambda: len(log) == len(changes))
    return log


@pytest.fixture
def kiosk_options():
    return {"config": Config().with_(idle_timeout_s=0.3, still_there_countdown_s=3.0,
                             idle_from_event=False)}


def test_still_there_counts_down_on_screen_and_ends_the_visit_at_zero(kiosk, qtbot):
    open_from_home(kiosk, qtbot, "homeEpisodes", "episodes")
    controller = kiosk.controller
    ends: list[int] = []
    controller.stateChanged.connect(lambda: ends.append(controller.stillThereRemaining))

    def shown() -> str | None:
        item = find_item(kiosk.window, "stillThereCountdown")
        return item.property("text") if item is not None else None

    log = counted(qtbot, controller.stillThereRemainingChanged,
                  lambda: controller.stillThereRemaining, shown,
                  lambda: controller.state == "attract")
    assert log[:3] == [(3, "3"), (2, "2"), (1, "1")]
    assert [n for n, _ in log] == [3, 2, 1, 0]     # the visit ended when the number hit 0
    assert ends == [0]
    assert not is_shown(kiosk.window, "stillThereOverlay")


def test_the_end_card_counts_down_on_screen_and_plays_the_next_at_zero(make_kiosk, qtbot):
    kiosk = make_kiosk(config=Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0,
                                     idle_from_event=False, next_up_countdown_s=3.0))
    qtbot.waitUntil(kiosk.window.isExposed)
    open_from_home(kiosk, qtbot, "homeEpisodes", "episodes")
    controller, playback, player = kiosk.controller, kiosk.playback, kiosk.player
    controller.playEpisode("ads-s1e1", "tile")
    qtbot.waitUntil(lambda: player.state == "playing")
    states: list[tuple[str, int]] = []
    controller.stateChanged.connect(
        lambda: states.append((controller.state, playback.countdownRemaining)))

    def shown() -> str | None:
        box = find_item(kiosk.window, "nextUpCountdown")
        if box is None:
            return None
        texts = [i.property("text") for i in walk(box) if i.property("text")]
        return next((t for t in texts if "Volgende aflevering" in t), None)

    log = counted(qtbot, playback.countdownRemainingChanged, lambda: playback.countdownRemaining,
                  shown, lambda: player.episodeId == "ads-s1e2", start=player.finish)
    assert log[:3] == [(3, "Volgende aflevering in 3…"), (2, "Volgende aflevering in 2…"),
                       (1, "Volgende aflevering in 1…")]
    assert [n for n, _ in log] == [3, 2, 1, 0]
    # the end card came with 3 to go; the next episode started as the number reached 0
    assert states == [("next_up", 0), ("player", 0)]
    assert not playback.countingDown


def test_stop_on_the_end_card_takes_the_number_away(make_kiosk, qtbot):
    kiosk = make_kiosk(config=Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0,
                                     idle_from_event=False, next_up_countdown_s=30.0))
    qtbot.waitUntil(kiosk.window.isExposed)
    open_from_home(kiosk, qtbot, "homeEpisodes", "episodes")
    kiosk.controller.playEpisode("ads-s1e1", "tile")
    qtbot.waitUntil(lambda: kiosk.player.state == "playing")
    kiosk.player.finish()
    qtbot.waitUntil(lambda: kiosk.controller.state == "next_up")
    assert kiosk.playback.countingDown and kiosk.playback.countdownRemaining == 30
    kiosk.playback.cancelNextUp()
    assert not kiosk.playback.countingDown and kiosk.playback.countdownRemaining == 0
