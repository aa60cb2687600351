"""One contract for the real player and the test double: the same script, the same signals.

The watch-through the campaign reports comes from ``EpisodePlayer`` (real decoding of a sample
clip); most UI tests run on ``FakePlayer``. Both feed ``kiosk.visit.watching.WatchTracker``; this
test drives both through one visit — play on, pause, seek while paused, play to the end, play
it again from the end, leave — and compares every start, progress mark, finish (with its
fraction) and state change they announce, and the fractions with the rule worked out by hand.
"""
from __future__ import annotations

from typing import Any

import pytest

from kiosk.config import DEFAULT
from kiosk.pack.loader import load_pack
from kiosk.media.player import EpisodePlayer
from tests.conftest import SAMPLE_PACK
from tests.fakeplayer import FakePlayer

EPISODE = "ads-s1e4"   # 12 s: twelve slices of one second
SIGNALS = ("episodeStarted", "progressReached", "episodeFinished", "stateChanged")


class Driver:
    """What "the clip plays on to ms" means for one player: the fake is moved on, the real one
    is waited for. Either way the player is paused at the first position ≥ ms it shows."""

    def __init__(self, player: Any, qtbot: Any) -> None:
        self.player, self.qtbot = player, qtbot
        self.log: list[tuple[str, tuple[Any, ...]]] = []
        for name in SIGNALS:
            getattr(player, name).connect(lambda *args, n=name: self.log.append((n, args)))

    def play_on_to(self, ms: int) -> None:
        raise NotImplementedError

    def play_to_end(self) -> None:
        raise NotImplementedError

    def started(self) -> None:
        self.qtbot.waitUntil(lambda: self.player.state == "playing", timeout=10_000)


class FakeDriver(Driver):
    def play_on_to(self, ms: int) -> None:
        self.player.advance_to(ms)
        self.player.pause()

    def play_to_end(self) -> None:
        self.player.finish()


class RealDriver(Driver):
    def play_on_to(self, ms: int) -> None:
        def on_position(position: int) -> None:
            if position >= ms and self.player.state == "playing":
                self.player.pause()   # at once, before the next position is shown

        self.player.positionChanged.connect(on_position)
        try:
            self.qtbot.waitUntil(lambda: self.player.state == "paused", timeout=15_000)
        finally:
            self.player.positionChanged.disconnect(on_position)

    def play_to_end(self) -> None:
        self.qtbot.waitUntil(lambda: self.player.state == "ended", timeout=15_000)


def visit(driver: Driver) -> list[tuple[str, tuple[Any, ...]]]:
    """The script: the same calls on either player."""
    player = driver.player
    episode = load_pack(SAMPLE_PACK, DEFAULT).episodes[EPISODE]
    player.play(episode)
    driver.started()
    driver.play_on_to(3000)        # seconds 0–3 seen; the 25 % mark (3 s) passed
    player.seek(7000)              # while paused: 4–6 are skipped
    player.resume()
    driver.play_on_to(8000)        # 7 and 8 seen; 50 % passed at 7 s
    player.resume()
    driver.play_to_end()           # 8–11 seen, 75 % at 9 s: 9 of 12 slices
    player.resume()                # from the end: the same clip again, a new play
    driver.started()
    driver.play_on_to(1000)        # 0 and 1 seen
    player.stop()                  # left: 2 of 12, not completed
    return driver.log


@pytest.fixture
def fake_log(qtbot: Any) -> list[tuple[str, tuple[Any, ...]]]:
    player = FakePlayer(DEFAULT)
    try:
        return visit(FakeDriver(player, qtbot))
    finally:
        player.deleteLater()


@pytest.fixture
def real_log(qtbot: Any) -> list[tuple[str, tuple[Any, ...]]]:
    player = EpisodePlayer(DEFAULT)
    try:
        return visit(RealDriver(player, qtbot))
    finally:
        player.stop()
        player.deleteLater()


def only(log: list[tuple[str, tuple[Any, ...]]], name: str) -> list[tuple[Any, ...]]:
    return [args for n, args in log if n == name]


def test_the_real_player_and_the_fake_announce_the_same_visit(
        real_log: list[tuple[str, tuple[Any, ...]]],
        fake_log: list[tuple[str, tuple[Any, ...]]]) -> None:
    assert only(real_log, "episodeFinished") == [(EPISODE, 9 / 12, True), (EPISODE, 2 / 12, False)]
    assert only(real_log, "progressReached") == [(EPISODE, 25), (EPISODE, 50), (EPISODE, 75)]
    assert only(real_log, "episodeStarted") == [(EPISODE,)]   # a replay is not a new start
    assert [a[0] for a in only(real_log, "stateChanged")] == [
        "loading", "playing", "paused", "playing", "paused", "playing", "ended", "playing",
        "paused", "idle"]
    assert fake_log == real_log


def test_resume_from_the_end_plays_the_clip_again_on_the_fake_too(qtbot: Any) -> None:
    player = FakePlayer(DEFAULT)
    finished: list[tuple[str, float, bool]] = []
    player.episodeFinished.connect(lambda *a: finished.append(a))
    player.play(load_pack(SAMPLE_PACK, DEFAULT).episodes[EPISODE])
    qtbot.waitUntil(lambda: player.state == "playing")
    player.finish()
    assert player.state == "ended"
    player.resume()
    assert (player.state, player.position) == ("playing", 0)
    player.finish()
    assert finished == [(EPISODE, 1.0, True), (EPISODE, 1.0, True)]
    player.deleteLater()

