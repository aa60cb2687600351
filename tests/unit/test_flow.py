"""The visitor state machine: transitions, idle rules, session wipe."""
from __future__ import annotations

import pytest

from kiosk.config import Config
from kiosk.visit.flow import (
    SECTIONS, EndReason, VisitorFlow, FlowError, FlowEvent, SessionEnded, SessionStarted,
    State, StateChanged, StillThere,
)

CFG = Config().with_(idle_timeout_s=30.0, still_there_countdown_s=10.0)


def make(sections=None):
    events: list[FlowEvent] = []
    flow = VisitorFlow(CFG, now=0.0, sections=sections)
    flow.subscribe(events.append)
    return flow, events


def kinds(events):
    return [type(e) for e in events]


def test_starts_in_attract_without_session():
    flow, _ = make()
    assert flow.state is State.ATTRACT and flow.session is None
    assert flow.next_deadline() is None  # attract never times out


def test_tap_start_opens_home_with_a_new_session():
    flow, events = make()
    flow.start(now=1.0)
    assert flow.state is State.HOME
    assert flow.session is not None and len(flow.session.id) == 16
    assert kinds(events) == [SessionStarted, StateChanged]
    assert events[0] == SessionStarted(flow.session.id)
    assert events[1] == StateChanged(State.ATTRACT, State.HOME)


def test_each_session_gets_a_fresh_id():
    flow, _ = make()
    flow.start(0.0)
    first = flow.session.id
    flow.end_session(EndReason.HOME, 5.0)
    flow.start(6.0)
    assert flow.session.id != first


@pytest.mark.parametrize("section", [s.value for s in SECTIONS])
def test_home_opens_every_section_and_back(section):
    flow, _ = make()
    flow.start(0.0)
    flow.open(section, 1.0)
    assert flow.state == section
    flow.home(2.0)
    assert flow.state is State.HOME


def test_unavailable_section_is_refused():
    flow, _ = make(sections={State.EPISODES})
    flow.start(0.0)
    with pytest.raises(FlowError):
        flow.open(State.GAME, 1.0)
    assert flow.state is State.HOME


def test_disallowed_transition_is_refused():
    flow, _ = make()
    with pytest.raises(FlowError):
        flow.open(State.PLAYER, 0.0)  # attract → player skips home
    flow.start(0.0)
    flow.open(State.COMPANIES, 1.0)
    with pytest.raises(FlowError):
        flow.open(State.RESULT, 2.0)


def test_episode_chain_player_next_up_player():
    flow, events = make()
    flow.start(0.0)
    flow.open(State.EPISODES, 1.0)
    flow.open(State.PLAYER, 2.0)
    flow.open(State.NEXT_UP, 20.0)
    flow.open(State.PLAYER, 25.0)
    assert [e.new for e in events if isinstance(e, StateChanged)] == [
        State.HOME, State.EPISODES, State.PLAYER, State.NEXT_UP, State.PLAYER]


def test_game_result_then_episode_or_companies():
    flow, _ = make()
    flow.start(0.0)
    flow.open(State.GAME, 1.0)
    flow.open(State.RESULT, 60.0)
    flow.open(State.COMPANIES, 61.0)
    assert flow.state is State.COMPANIES


def test_idle_in_menu_asks_then_resets():
    flow, events = make()
    flow.start(100.0)
    assert flow.next_deadline() == 130.0
    flow.tick(129.9)
    assert not flow.still_there
    flow.tick(130.0)
    assert flow.still_there and events[-1] == StillThere(shown=True, seconds=10.0)
    assert flow.next_deadline() == 140.0
    flow.tick(139.0)
    assert flow.state is State.HOME
    flow.tick(140.0)
    assert flow.state is State.ATTRACT and flow.session is None
    ended = [e for e in events if isinstance(e, SessionEnded)]
    assert ended[0].reason is EndReason.IDLE and ended[0].duration == pytest.approx(40.0)


def test_touch_on_overlay_keeps_the_session():
    flow, events = make()
    flow.start(0.0)
    flow.tick(30.0)
    assert flow.still_there
    sid = flow.session.id
    flow.touch(35.0)
    assert not flow.still_there and flow.session.id == sid
    assert events[-1] == StillThere(shown=False, seconds=0.0)
    flow.tick(45.0)  # 10 s after the touch: nothing yet
    assert not flow.still_there and flow.next_deadline() == 65.0


def test_never_resets_while_an_episode_plays():
    flow, _ = make()
    flow.start(0.0)
    flow.open(State.EPISODES, 0.0)
    flow.open(State.PLAYER, 0.0)
    flow.set_playing(True, 0.0)
    assert flow.next_deadline() is None
    flow.tick(10_000.0)
    assert flow.state is State.PLAYER and not flow.still_there
    flow.set_playing(False, 10_000.0)  # clip ended or paused: the idle clock starts now
    flow.tick(10_029.0)
    assert not flow.still_there
    flow.tick(10_030.0)
    assert flow.still_there


def test_game_gets_asked_too():
    flow, _ = make()
    flow.start(0.0)
    flow.open(State.GAME, 0.0)
    flow.tick(30.0)
    assert flow.still_there


def test_reset_wipes_session_answers():
    flow, _ = make()
    flow.start(0.0)
    flow.session.answers["swipes"] = [("laadpaal", True)]
    flow.end_session(EndReason.HOME, 5.0)
    assert flow.session is None
    flow.start(6.0)
    assert flow.session.answers == {}


def test_admin_from_any_state_ends_the_session():
    flow, events = make()
    flow.start(0.0)
    flow.open(State.GAME, 1.0)
    flow.enter_admin(2.0)
    assert flow.state is State.ADMIN and flow.session is None
    assert [e.reason for e in events if isinstance(e, SessionEnded)] == [EndReason.ADMIN]
    flow.leave_admin(3.0)
    assert flow.state is State.ATTRACT


def test_admin_left_open_returns_to_attract_without_asking():
    flow, events = make()
    flow.enter_admin(0.0)
    assert flow.next_deadline() == CFG.flow.admin_idle_timeout_s
    flow.touch(100.0)  # the technician is still busy
    flow.tick(CFG.flow.admin_idle_timeout_s + 1)
    assert flow.state is State.ADMIN
    flow.tick(100.0 + CFG.flow.admin_idle_timeout_s)
    assert flow.state is State.ATTRACT and not flow.still_there
    assert events[-1] == StateChanged(State.ADMIN, State.ATTRACT)


def test_event_file_idle_times_override_config():
    flow, _ = make()
    flow.set_idle_times(60.0, 5.0)
    flow.start(0.0)
    assert flow.next_deadline() == 60.0
    flow.tick(60.0)
    assert flow.next_deadline() == 65.0


def test_home_from_attract_does_nothing():
    flow, events = make()
    flow.home(0.0)
    assert flow.state is State.ATTRACT and events == []
