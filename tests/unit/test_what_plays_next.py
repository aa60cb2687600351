"""The one "what plays next" rule (autoplay, the end card and a swipe up): the rest of the
series, then the other series (featured first), never a clip this visit already started until
every one has been; a swipe down goes back through what this visit played."""
from __future__ import annotations

import pytest

from kiosk.config import DEFAULT
from kiosk.pack.loader import load_pack
from kiosk.visit.viewing import next_in_visit, previous_in_visit, visit_order
from tests.conftest import SAMPLE_PACK

FEATURED = ["aan-de-slag", "ouders-docenten"]


@pytest.fixture(scope="module")
def pack():
    return load_pack(SAMPLE_PACK, DEFAULT)


def students(pack) -> list[str]:
    return [e.id for e in pack.episodes.values() if "students" in e.audience]


def test_the_order_is_the_rest_of_the_series_then_the_others_then_its_start(pack):
    order = [e.id for e in visit_order(pack, "ads-s1e3", FEATURED, None)]
    series = [e.id for e in pack.episodes.values() if e.series_id == "aan-de-slag"]
    assert order[:2] == ["ads-s1e4", "ads-s1e5"]
    assert order[-2:] == series[:2]                       # its own start comes last
    assert "ads-s1e3" not in order
    assert sorted(order + ["ads-s1e3"]) == sorted(pack.episodes)
    assert order[2].startswith("ouders")                  # the featured series before the rest


def test_students_never_get_a_parents_clip_next(pack):
    order = visit_order(pack, "ads-s1e1", FEATURED, "students")
    assert order and all("students" in e.audience for e in order)


def test_a_visit_never_sees_a_clip_twice_until_all_are_started(pack):
    all_students = students(pack)
    started = ["ads-s1e1"]
    current = "ads-s1e1"
    while len(started) < len(all_students):
        nxt = next_in_visit(pack, current, started, FEATURED, "students")
        assert nxt is not None and nxt.id not in started
        started.append(nxt.id)
        current = nxt.id
    assert sorted(started) == sorted(all_students)
    # exhausted: it goes round, to the next in order (a repeat is all there is left)
    again = next_in_visit(pack, current, started, FEATURED, "students")
    assert again is not None and again.id == visit_order(pack, current, FEATURED, "students")[0].id


def test_a_clip_watched_out_of_order_is_skipped(pack):
    # watched s1e2 from a tile, then s1e1: next is s1e3, not s1e2 again
    assert next_in_visit(pack, "ads-s1e1", ["ads-s1e2", "ads-s1e1"], FEATURED, None).id == "ads-s1e3"


def test_nothing_else_to_play(pack):
    assert next_in_visit(pack, "nope", [], FEATURED, None) is None


def test_previous_goes_back_through_the_visit():
    history = ["a", "b", "c"]
    assert previous_in_visit(history, "c") == "b"
    assert previous_in_visit(history, "b") == "a"
    assert previous_in_visit(history, "a") == ""
    assert previous_in_visit([], "a") == ""


@pytest.mark.parametrize("clip, screen, crops", [
    ((1080, 1920), (1080, 1920), True),    # 9:16 on 9:16: fills exactly
    ((240, 320), (1080, 1920), True),      # a 3:4 phone clip keeps 75 % of its width
    ((1080, 1350), (720, 1280), True),     # a 4:5 social clip keeps 70 %
    ((1080, 1920), (768, 1024), True),     # 9:16 on a 3:4 portrait screen keeps 75 % of its height
    ((320, 320), (1080, 1920), False),     # square would lose 44 %: whole, with the blurred fill
    ((1920, 1080), (1080, 1920), False),   # landscape clip in portrait: whole, large in the middle
    ((1080, 1920), (1920, 1080), False),   # any clip on a landscape screen plays whole
    ((0, 0), (1080, 1920), False),         # no picture yet
])
def test_a_vertical_clip_crops_to_fill_a_portrait_screen_only(clip, screen, crops):
    from kiosk.visit.viewing import crops_to_fill
    assert crops_to_fill(*clip, *screen) is crops
