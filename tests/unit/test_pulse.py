"""The campaign's question without Qt: the event file's [pulse], the visit's answers, the flow
state that asks it, and the interval the report gives."""
from __future__ import annotations

import math
import random
import shutil
import statistics
from pathlib import Path

import pytest

from kiosk.config import DEFAULT, Config
from kiosk.pack.loader import load_pack
from kiosk.visit.flow import EndReason, SessionEnded, State, VisitorFlow
from kiosk.core.pulse import Group, Phase, PulseVisit, Step, mean_change, t_quantile
from tests.packs.broken_cases import BASE


def pack_with(tmp_path: Path, pulse: str | None) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(BASE, pack)
    if pulse is not None:  # a table goes at the end of the file, after every plain key
        with (pack / "events" / "open-dag.toml").open("a", encoding="utf-8") as f:
            f.write(f"\n[pulse]\n{pulse}\n")
    return pack


def event_problems(pack) -> list:
    return [p for p in pack.problems if p.file == "events/open-dag.toml"]


# -- the event file -------------------------------------------------------------------------

def test_without_a_pulse_table_nothing_is_asked(tmp_path: Path) -> None:
    event = load_pack(pack_with(tmp_path, None), DEFAULT).events["open-dag"]
    assert event.pulse is None


def test_an_empty_table_asks_the_default_question(tmp_path: Path) -> None:
    pack = load_pack(pack_with(tmp_path, ""), DEFAULT)
    pulse = pack.events["open-dag"].pulse
    assert pulse is not None and pulse.question is None and pulse.ask_group is False
    assert not event_problems(pack)


def test_an_event_may_word_the_question_and_ask_the_group(tmp_path: Path) -> None:
    pack = load_pack(pack_with(tmp_path, 'question = { nl = "Zie jij jezelf in de techniek?", '
                                         'en = "Do you see yourself in tech?" }\n'
                                         "ask_group = true"), DEFAULT)
    pulse = pack.events["open-dag"].pulse
    assert pulse.question.get("nl") == "Zie jij jezelf in de techniek?"
    assert pulse.question.get("en") == "Do you see yourself in tech?"
    assert pulse.ask_group is True
    assert not event_problems(pack)


def test_a_misspelt_field_gets_did_you_mean(tmp_path: Path) -> None:
    pack = load_pack(pack_with(tmp_path, "ask_groep = true"), DEFAULT)
    problems = event_problems(pack)
    assert [(p.field, p.severity) for p in problems] == [("pulse.ask_groep", "warning")]
    assert "did you mean 'ask_group'" in str(problems[0])
    assert pack.events["open-dag"].pulse.ask_group is False  # ignored, the rest runs


def test_a_question_too_long_for_the_screen_is_an_error_naming_the_limit(tmp_path: Path) -> None:
    limit = Config().pack.pulse_question_max_chars
    long = "Hoe" + " erg" * 30 + " past techniek bij jou?"
    assert len(long) > limit
    pack = load_pack(pack_with(tmp_path, f'question = {{ nl = "{long}" }}'), DEFAULT)
    errors = [p for p in event_problems(pack) if p.severity == "error"]
    assert [p.field for p in errors] == ["pulse.question.nl"]
    assert f"at most {limit} characters" in str(errors[0])
    assert "landscape and portrait" in str(errors[0])
    # exactly at the limit is fine
    pack = load_pack(pack_with(tmp_path / "b", f'question = {{ nl = "{"x" * limit}" }}'), DEFAULT)
    assert not [p for p in event_problems(pack) if p.severity == "error"]


# -- one visit's answers ----------------------------------------------------------------------

def test_the_first_face_counts_and_a_second_tap_is_ignored() -> None:
    visit = PulseVisit()
    assert visit.answer(Phase.BEFORE, 2)
    assert not visit.answer(Phase.BEFORE, 5)
    assert visit.before == 2 and visit.step is Step.DONE


def test_after_is_only_answered_once_it_was_offered_and_only_once() -> None:
    visit = PulseVisit()
    assert not visit.answer(Phase.AFTER, 4)  # not offered yet: a stray call records nothing
    assert visit.offer_after()
    assert not visit.offer_after()  # the question comes back once per visit
    assert visit.answer(Phase.AFTER, 4)
    assert not visit.answer(Phase.AFTER, 1)
    assert not visit.skip(Phase.AFTER)
    assert visit.after == 4


def test_skip_counts_once_and_closes_the_phase() -> None:
    visit = PulseVisit(ask_group=True)
    assert visit.skip(Phase.BEFORE)
    assert not visit.answer(Phase.BEFORE, 3)
    assert visit.step is Step.DONE  # a skip skips the group question too


def test_the_group_question_follows_a_face_and_its_skip_records_nothing() -> None:
    visit = PulseVisit(ask_group=True)
    assert not visit.choose_group(Group.GIRL)  # not before the face
    visit.answer(Phase.BEFORE, 4)
    assert visit.step is Step.GROUP
    assert visit.choose_group(Group.GIRL)
    assert not visit.choose_group(Group.BOY)
    assert visit.group is Group.GIRL and visit.step is Step.DONE

    other = PulseVisit(ask_group=True)
    other.answer(Phase.BEFORE, 1)
    assert not other.skip(Phase.BEFORE)  # nothing to record …
    assert other.step is Step.DONE and other.group is None  # … and the screen moves on


@pytest.mark.parametrize("value", [0, 6, -1])
def test_only_the_five_faces(value: int) -> None:
    assert not PulseVisit().answer(Phase.BEFORE, value)


# -- the flow ---------------------------------------------------------------------------------

def test_a_visit_starts_at_the_question_when_the_event_asks() -> None:
    flow = VisitorFlow(Config(), now=0.0)
    flow.ask_first = True
    flow.start(1.0)
    assert flow.state is State.PULSE
    flow.open(State.HOME, 2.0)
    assert flow.state is State.HOME


def test_without_pulse_a_visit_starts_at_home() -> None:
    flow = VisitorFlow(Config(), now=0.0)
    flow.start(1.0)
    assert flow.state is State.HOME


def test_walking_away_from_the_question_ends_the_visit_by_the_idle_rules() -> None:
    events: list = []
    flow = VisitorFlow(Config().with_(idle_timeout_s=30.0, still_there_countdown_s=10.0), now=0.0)
    flow.ask_first = True
    flow.subscribe(events.append)
    flow.start(0.0)
    flow.tick(30.0)
    assert flow.still_there
    flow.tick(40.0)
    assert flow.state is State.ATTRACT
    assert [e.reason for e in events if isinstance(e, SessionEnded)] == [EndReason.IDLE]


# -- the interval -----------------------------------------------------------------------------

def test_t_quantiles_match_the_tables() -> None:
    # Student's t, two-sided 95 %: printed tables give these to 3 decimals
    for df, table in [(1, 12.706), (2, 4.303), (9, 2.262), (29, 2.045), (120, 1.980)]:
        assert t_quantile(0.975, df) == pytest.approx(table, abs=5e-4)


def test_the_interval_of_a_known_case() -> None:
    # Student's (1908) sleep data, the textbook paired case: R's t.test(extra ~ group,
    # paired = TRUE) gives mean 1.58, 95 % CI 0.7001142 … 2.4598858.
    d = [1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4]
    change = mean_change(len(d), sum(d), sum(x * x for x in d))
    assert change is not None
    assert change.mean == pytest.approx(1.58)
    assert change.low == pytest.approx(0.7001142, abs=1e-6)
    assert change.high == pytest.approx(2.4598858, abs=1e-6)


def test_the_interval_of_integer_changes_against_the_normal_interval() -> None:
    # A big sample: t and normal intervals agree; the normal one is worked out here by hand.
    rnd = random.Random(5)
    d = [rnd.choice([-1, 0, 0, 1, 1, 2]) for _ in range(5000)]
    change = mean_change(len(d), sum(d), sum(x * x for x in d))
    half = 1.959964 * statistics.stdev(d) / math.sqrt(len(d))
    assert change.low == pytest.approx(statistics.mean(d) - half, abs=2e-4)
    assert change.high == pytest.approx(statistics.mean(d) + half, abs=2e-4)


def test_no_interval_without_spread_to_go_on() -> None:
    assert mean_change(1, 2.0, 4.0) is None
    same = mean_change(12, 12.0, 12.0)  # everyone went up by one: no doubt about the mean
    assert same.mean == same.low == same.high == 1.0
