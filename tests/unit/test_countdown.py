"""Countdowns in whole seconds read from the deadline that ends them: the number shown and the
moment the action happens come from one clock."""
from __future__ import annotations

import pytest

from kiosk.config import Config
from kiosk.visit.countdown import next_change, seconds_left, timer_ms
from kiosk.visit.flow import State, VisitorFlow


@pytest.mark.parametrize(("before", "shown"), [
    (3.0, 3), (2.5, 3), (2.0, 2), (1.999, 2), (0.001, 1), (0.0, 0), (-4.0, 0)])
def test_seconds_left(before, shown):
    assert seconds_left(100.0, 100.0 - before) == shown


def test_a_timer_that_wakes_at_each_change_sees_every_number_once():
    deadline, now, seen = 53.7, 50.0, []
    while now < deadline:
        seen.append(seconds_left(deadline, now))
        now = next_change(deadline, now)
        assert now <= deadline
    assert seen == [4, 3, 2, 1]
    assert now == deadline and seconds_left(deadline, now) == 0


@pytest.mark.parametrize(("now", "wake"), [
    (10.0, 10.0), (10.0, 10.0004), (10.0, 10.9996), (10.0, 11.0), (50.25, 53.7), (12.0, 11.0)])
def test_a_timer_interval_never_fires_before_the_moment_it_waits_for(now, wake):
    ms = timer_ms(wake, now)
    assert ms >= 0
    assert now + ms / 1000 >= wake                      # the tick sees the moment it waited for
    assert now + ms / 1000 <= max(now, wake) + 0.002    # and not much later


def test_the_still_there_number_counts_down_to_the_reset():
    flow = VisitorFlow(Config().with_(idle_timeout_s=30.0, still_there_countdown_s=4.0), now=0.0)
    flow.start(0.0)
    assert flow.still_there_left(10.0) == 0                 # no overlay, no number
    now = flow.next_wake(0.0)
    assert now == 30.0
    flow.tick(now)
    assert flow.still_there
    seen = []
    while flow.state is State.HOME:
        seen.append(flow.still_there_left(now))
        now = flow.next_wake(now)
        flow.tick(now)
    assert seen == [4, 3, 2, 1]
    assert now == 34.0 and flow.state is State.ATTRACT      # the visit ends as the number hits 0


def test_a_touch_takes_the_number_away():
    flow = VisitorFlow(Config().with_(idle_timeout_s=30.0, still_there_countdown_s=10.0), now=0.0)
    flow.start(0.0)
    flow.tick(30.0)
    assert flow.still_there_left(32.5) == 8
    flow.touch(32.5)
    assert flow.still_there_left(32.5) == 0
    assert flow.next_wake(32.5) == 62.5                     # back to the idle deadline
