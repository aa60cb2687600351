"""No dead ends in the visitor flow: Companies leads back to the result it came from, Home in an
unfinished game asks first, a code on screen keeps the visit alive at least 45 s, and the
"Ben je er nog?" card finds a spot that covers no code."""
from __future__ import annotations

import random

import pytest

from kiosk.config import Config
from kiosk.visit.clear_spot import SPOT_SCALES, clear_spot
from kiosk.visit.flow import FlowError, LeaveAsked, State, StateChanged, VisitorFlow

# an event that wants a short idle time (20 s) and the kiosk's own minimum while a code shows
CFG = Config().with_(idle_timeout_s=20.0, still_there_countdown_s=10.0, code_idle_min_s=45.0)


def flow_at(state: State) -> tuple[VisitorFlow, list]:
    events: list = []
    flow = VisitorFlow(CFG, now=0.0)
    flow.subscribe(events.append)
    flow.start(0.0)
    if state is State.RESULT:
        flow.open(State.GAME, 0.0)
        flow.open(State.RESULT, 0.0)
    elif state is not State.HOME:
        flow.open(state, 0.0)
    return flow, events


def test_companies_from_a_result_leads_back_to_it():
    flow, events = flow_at(State.RESULT)
    flow.open(State.COMPANIES, 1.0)
    assert flow.companies_from_result
    flow.open(State.RESULT, 2.0)
    assert flow.state is State.RESULT
    assert events[-1] == StateChanged(State.COMPANIES, State.RESULT)


def test_companies_from_home_has_no_result_to_go_back_to():
    flow, _ = flow_at(State.RESULT)
    flow.open(State.COMPANIES, 1.0)
    flow.home(2.0)                       # via Home, then Companies again: that is not the result's
    flow.open(State.COMPANIES, 3.0)
    assert not flow.companies_from_result
    with pytest.raises(FlowError):
        flow.open(State.RESULT, 4.0)
    assert flow.state is State.COMPANIES


def test_home_in_an_unfinished_game_asks_and_cancel_stays():
    flow, events = flow_at(State.GAME)
    flow.set_game_unfinished(True)
    flow.home(1.0)
    assert flow.state is State.GAME and flow.leave_asked
    assert events[-1] == LeaveAsked(shown=True)
    flow.home(1.5)                       # a second tap on Home does not go either
    assert flow.state is State.GAME and events[-1] == LeaveAsked(shown=True)
    flow.cancel_leave(2.0)
    assert flow.state is State.GAME and not flow.leave_asked
    assert events[-1] == LeaveAsked(shown=False)


def test_confirm_leaves_the_game_for_home():
    flow, events = flow_at(State.GAME)
    flow.set_game_unfinished(True)
    flow.home(1.0)
    flow.confirm_leave(2.0)
    assert flow.state is State.HOME and not flow.leave_asked
    assert LeaveAsked(shown=False) in events and events[-1] == StateChanged(State.GAME, State.HOME)


def test_confirm_without_a_question_does_nothing():
    flow, _ = flow_at(State.GAME)
    flow.confirm_leave(1.0)
    assert flow.state is State.GAME


def test_home_at_the_intro_or_after_the_game_goes_at_once():
    flow, _ = flow_at(State.GAME)
    flow.home(1.0)                       # nothing answered: nothing to lose
    assert flow.state is State.HOME and not flow.leave_asked


def test_the_question_goes_when_the_visit_ends_by_idle():
    flow, events = flow_at(State.GAME)
    flow.set_game_unfinished(True)
    flow.home(1.0)
    flow.tick(1.0 + 20.0)
    flow.tick(1.0 + 30.0)
    assert flow.state is State.ATTRACT and not flow.leave_asked


def test_a_code_on_screen_keeps_the_visit_for_45_seconds():
    flow, _ = flow_at(State.RESULT)
    flow.set_code_on_screen(True, 0.0)
    flow.tick(44.9)
    assert not flow.still_there          # the event's 20 s would have asked long ago
    flow.tick(45.0)
    assert flow.still_there and flow.state is State.RESULT
    flow.tick(54.9)
    assert flow.state is State.RESULT
    flow.tick(55.0)
    assert flow.state is State.ATTRACT


def test_without_a_code_the_events_own_idle_time_holds():
    flow, _ = flow_at(State.HOME)
    flow.tick(20.0)
    assert flow.still_there


def test_a_longer_event_idle_time_is_kept_with_a_code():
    flow = VisitorFlow(Config().with_(idle_timeout_s=90.0, code_idle_min_s=45.0), now=0.0)
    flow.start(0.0)
    flow.set_code_on_screen(True, 0.0)
    flow.tick(89.0)
    assert not flow.still_there
    flow.tick(90.0)
    assert flow.still_there


def test_a_code_appearing_under_the_overlay_restarts_the_wait():
    flow, _ = flow_at(State.HOME)
    flow.tick(20.0)
    assert flow.still_there
    flow.set_code_on_screen(True, 21.0)
    assert not flow.still_there
    flow.tick(21.0 + 44.0)
    assert not flow.still_there


def _overlaps(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_clear_spot_never_covers_an_obstacle_and_prefers_the_middle():
    assert clear_spot(1000, 800, 200, 100, []) == (400.0, 350.0, 1.0)
    codes = [(400, 300, 200, 200)]                         # a code in the middle
    x, y, scale = clear_spot(1000, 800, 200, 100, codes)
    assert scale == 1.0 and not _overlaps((x, y, 200, 100), codes[0])


def test_clear_spot_shrinks_the_card_before_giving_up():
    # two columns of codes leave a 300 px gap: the 400 px card fits only scaled down
    codes = [(0, 0, 350, 800), (650, 0, 350, 800)]
    x, y, scale = clear_spot(1000, 800, 400, 200, codes)
    assert scale < 1.0 and 350 <= x and x + 400 * scale <= 650
    assert clear_spot(1000, 800, 400, 200, [(0, 0, 1000, 800)]) is None


def test_clear_spot_random_screens():
    rng = random.Random(7)
    for _ in range(200):
        codes = [(rng.uniform(0, 900), rng.uniform(0, 700), rng.uniform(50, 250),
                  rng.uniform(50, 250)) for _ in range(rng.randint(0, 6))]
        spot = clear_spot(1000, 800, 300, 200, codes)
        if spot is None:
            continue
        x, y, scale = spot
        assert scale in SPOT_SCALES
        box = (x, y, 300 * scale, 200 * scale)
        assert 0 <= x and x + box[2] <= 1000 + 1e-9 and 0 <= y and y + box[3] <= 800 + 1e-9
        assert not any(_overlaps(box, c) for c in codes)
