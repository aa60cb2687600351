"""The watch-through rule on its own (no Qt): slices seen, seeks, marks once, one report."""
from __future__ import annotations

from kiosk.config import DEFAULT
from kiosk.visit.watching import WatchTracker


def play(positions: list[float], duration_ms: int = 10_000) -> tuple[WatchTracker, list[int]]:
    tracker = WatchTracker(DEFAULT.media)   # 1 s slices, positions ≤ 1.5 s apart play on
    tracker.begin()
    marks = [m for ms in positions for m in tracker.shown(ms, duration_ms)]
    return tracker, marks


def test_playing_on_counts_every_slice_in_between_and_each_mark_once() -> None:
    tracker, marks = play([400, 1200, 2500, 2600, 2600])
    assert marks == [25]                    # 25 % of 10 s is 2.5 s; not again at 2.6 s
    assert tracker.finish(completed=False) == 3 / 10
    assert tracker.finish(completed=False) is None   # one report per play


def test_a_seek_skips_what_it_jumps_over() -> None:
    tracker, _ = play([500, 1000])
    tracker.jumped()
    for ms in (7000, 7900, 8800):
        tracker.shown(ms, 10_000)
    assert tracker.finish(completed=False) == 4 / 10    # 0, 1 and 7, 8


def test_positions_far_apart_are_not_playing_on() -> None:
    tracker, _ = play([300, 4000])                        # 3.7 s apart: a jump Qt made
    assert tracker.finish(completed=False) == 2 / 10      # 0 and 4


def test_the_end_reached_without_a_position_counts_whole_and_an_unknown_length_nothing() -> None:
    tracker, marks = play([])
    assert tracker.finish(completed=True) == 1.0
    tracker, marks = play([500, 1000], duration_ms=0)      # the length has not come yet
    assert marks == [] and tracker.finish(completed=False) == 0.0


def test_a_replay_starts_a_new_play() -> None:
    tracker, _ = play([1000, 2000, 3000])
    assert tracker.finish(completed=True) == 4 / 10
    tracker.begin()
    assert tracker.shown(3000, 10_000) == [25]            # the marks count again
    assert tracker.finish(completed=False) == 1 / 10      # only slice 3 (a jump from 0)
