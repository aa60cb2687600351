"""Swipe game core: scoring on hand-worked examples, ties, duels, undo, duo."""
from __future__ import annotations

import math

import pytest

from kiosk.config import DEFAULT
from kiosk.game.session import (
    GameCard, GameJob, GameSession, Scorer, default_order, duo_result,
)

# A small deck: 8 cards (types R R I A S S E C) over three domains.
CARDS = [
    GameCard("c1", "R", "bouw"),
    GameCard("c2", "R", "energie"),
    GameCard("c3", "I", "energie"),
    GameCard("c4", "A", "media"),
    GameCard("c5", "S", "energie"),
    GameCard("c6", "S", "media"),
    GameCard("c7", "E", "bouw"),
    GameCard("c8", "C", "media"),
]
FLAT = dict.fromkeys("RIASEC", 4)


def riasec(r: float, i: float, a: float, s: float, e: float, c: float) -> dict[str, float]:
    return dict(zip("RIASEC", (r, i, a, s, e, c)))


JOB_A = GameJob("a", riasec(7, 1, 1, 1, 1, 1), {"bouw": 1.0})
JOB_B = GameJob("b", riasec(1, 1, 1, 7, 1, 1), {"energie": 0.5, "media": 0.5})
JOB_C = GameJob("c", FLAT, {"energie": 1.0, "bouw": 1.0})


def run(cards: list[GameCard], jobs: list[GameJob], liked: set[str], config=DEFAULT,
        pick: list[str] | None = None) -> GameSession:
    """Swipe every card (liked if in ``liked``), then pick duel cards by type order in ``pick``."""
    session = GameSession.create(cards, jobs, config)
    while (card := session.current_card()) is not None:
        assert session.swipe(card.id, card.id in liked, "swipe")
    for wanted in pick or []:
        duel = session.current_duel()
        assert duel is not None
        session.choose(duel.left.id if duel.left.type == wanted else duel.right.id)
    return session


def test_hand_worked_example() -> None:
    # Liked c1 c2 c3 c5.  s = (R 2/2, I 1/1, A 0/1, S 1/2, E 0/1, C 0/1) = (1, 1, 0, .5, 0, 0)
    # a: bouw c1 c7 → 1/2; energie c2 c3 c5 → 3/3; media c4 c6 c8 → 0.
    # 12·s = (12,12,0,6,0,0), mean 5 → deviations (7,7,−5,1,−5,−5), Σ² = 174.
    # Job a: o = (7,1,1,1,1,1), mean 2 → (5,−1,−1,−1,−1,−1), Σ² = 30.
    #   dot = 35 − 7 + 5 − 1 + 5 + 5 = 42 → r = 42/√(30·174); f = 1·½/1 = ½
    # Job b: o deviations (−1,−1,−1,5,−1,−1): dot = −7 −7 +5 +5 +5 +5 = 6 → r = 6/√5220;
    #   f = (.5·1 + .5·0)/1 = ½
    # Job c: flat profile → r = 0 (zero variance); f = (1·1 + 1·½)/2 = ¾
    result = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1", "c2", "c3", "c5"}).result()
    r_a, r_b = 42 / math.sqrt(30 * 174), 6 / math.sqrt(30 * 174)
    expected = {
        "a": (r_a, 0.5, 0.5 * (r_a + 1) / 2 + 0.5 * 0.5),     # ≈ 0.6453
        "b": (r_b, 0.5, 0.5 * (r_b + 1) / 2 + 0.5 * 0.5),     # ≈ 0.5208
        "c": (0.0, 0.75, 0.5 * 1 / 2 + 0.5 * 0.75),           # = 0.625
    }
    assert [js.job_id for js in result.jobs] == ["a", "c", "b"]
    for js in result.jobs:
        assert (js.r, js.f, js.score) == pytest.approx(expected[js.job_id], abs=1e-12)
    assert result.type_scores == {"R": 1, "I": 1, "A": 0, "S": 0.5, "E": 0, "C": 0}
    assert result.domain_scores["bouw"] == 0.5 and result.domain_scores["energie"] == 1.0
    # Direction: R and I tie at 1 (hexagon order decides); domains energie 1 > bouw ½.
    assert result.direction.types == ("R", "I") and result.direction.code == "RI"
    assert result.direction.domains == ("energie", "bouw")


def test_because_names_the_likes_that_raised_the_score() -> None:
    # Job a (R, bouw). Turning each like into a "no":
    #  c1 (R, bouw): s = (½,1,0,½,0,0), 12·s dev (2,8,−4,2,−4,−4) Σ²=120, dot 12 → r = 12/60 = .2;
    #     a_bouw = 0 → score .5·1.2/2 = .30, gain ≈ .645 − .30 = .345
    #  c2 (R, energie): same r = .2, f still ½ → score .55, gain ≈ .095
    #  c3 (I) and c5 (S): r goes UP without them (I and S are below a's mean) → not named.
    result = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1", "c2", "c3", "c5"}).result()
    by_id = {js.job_id: js for js in result.jobs}
    assert by_id["a"].because == ("c1", "c2")
    # Job c (flat interests, r = 0): score = ¼ + ½·(a_energie + a_bouw)/2.
    #  c1: a_bouw ½ → 0, score drops ½·½·½ = 1/8;  c2, c3, c5: a_energie 1 → ⅔, drop ½·½·⅓ = 1/12.
    #  So c1 first, then the three energie cards tie and pack order keeps c2, c3 (max 3 named).
    assert by_id["c"].because == ("c1", "c2", "c3")


def test_because_is_filled_when_pearson_ignores_a_like() -> None:
    # Only c1, c2 (both R) liked: s = (1,0,0,0,0,0), or (½,0,…) without one of them — the same
    # shape, so r does not move (Pearson ignores scale).
    #  Job a: c1 → a_bouw ½ → 0, gain ½·½ = ¼; c2 (energie) changes nothing for a → gain 0,
    #   but a rates R above its own mean, so c2 fills the list: ("c1", "c2").
    #  Job b: c2 → a_energie ⅓ → 0, gain ½·½·⅓ = 1/12 → named; c1 gives nothing and R is below
    #   b's mean → no fill: ("c2",).
    result = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1", "c2"}).result()
    by_id = {js.job_id: js for js in result.jobs}
    assert by_id["a"].because == ("c1", "c2")
    assert by_id["b"].because == ("c2",)


def test_ties_go_to_the_job_listed_first() -> None:
    twin1 = GameJob("twin1", riasec(7, 2, 2, 2, 2, 5), {"bouw": 1.0})
    twin2 = GameJob("twin2", riasec(7, 2, 2, 2, 2, 5), {"bouw": 1.0})
    liked = {"c1", "c7"}
    first = run(CARDS, [twin1, twin2, JOB_C], liked).result().ranking
    swapped = run(CARDS, [twin2, twin1, JOB_C], liked).result().ranking
    assert first[0].score == swapped[0].score == first[1].score
    assert [js.job_id for js in first[:2]] == ["twin1", "twin2"]
    assert [js.job_id for js in swapped[:2]] == ["twin2", "twin1"]


def test_zero_variance_everywhere_gives_a_quarter_and_pack_order() -> None:
    # All left, no duels allowed: s = 0 everywhere (flat → r = 0), a = 0 → f = 0.
    # score = .5·(0 + 1)/2 + .5·0 = .25 for every job; order = pack order.
    config = DEFAULT.with_(game_max_duels=0)
    result = run(CARDS, [JOB_B, JOB_A, JOB_C], set(), config).result()
    assert [(js.job_id, js.score) for js in result.jobs] == [("b", .25), ("a", .25), ("c", .25)]


def test_alpha_comes_from_config() -> None:
    # α = 1: score = (r + 1)/2 only. Job c has r = 0 → exactly ½; job a → (42/√5220 + 1)/2.
    config = DEFAULT.with_(game_alpha=1.0)
    result = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1", "c2", "c3", "c5"}, config).result()
    scores = {js.job_id: js.score for js in result.ranking}
    assert scores["c"] == 0.5
    assert scores["a"] == pytest.approx((42 / math.sqrt(5220) + 1) / 2)


# Same interests; f = a_bouw/(1 + .2·i) falls with i (media is never liked here), so bouw0 > bouw1 > …
BOUW_RIASEC = riasec(7, 2, 2, 2, 2, 5)


def test_surprise_is_the_best_job_from_another_domain() -> None:
    bouw = [GameJob(f"bouw{i}", BOUW_RIASEC, {"bouw": 1.0, "media": 0.2 * i}) for i in range(4)]
    media = GameJob("media1", riasec(2, 2, 2, 2, 2, 7), {"media": 1.0})
    result = run(CARDS, [*bouw, media], {"c1", "c7"}).result()
    assert [js.job_id for js in result.jobs[:3]] == ["bouw0", "bouw1", "bouw2"]
    # bouw3 is 4th overall, but its domain is already shown: the surprise is media1.
    assert result.ranking[3].job_id == "bouw3"
    assert result.jobs[3].job_id == "media1" and result.jobs[3].surprise
    assert not any(js.surprise for js in result.jobs[:3])


def test_surprise_falls_back_to_the_next_job_when_all_share_a_domain() -> None:
    bouw = [GameJob(f"bouw{i}", BOUW_RIASEC, {"bouw": 1.0, "media": 0.2 * i}) for i in range(4)]
    result = run(CARDS, bouw, {"c1"}).result()
    assert [js.job_id for js in result.jobs] == ["bouw0", "bouw1", "bouw2", "bouw3"]
    assert result.jobs[3].surprise


def test_always_three_jobs_and_never_fewer_allowed() -> None:
    assert len(run(CARDS, [JOB_A, JOB_B, JOB_C], set(), pick=["R", "I", "A"]).result().jobs) == 3
    one_job_top = DEFAULT.with_(game_result_jobs=1)
    assert len(run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1"}, one_job_top).result().jobs) == 3
    with pytest.raises(ValueError, match="at least 3 jobs"):
        Scorer(CARDS, [JOB_A, JOB_B])


def test_bad_inputs_name_the_card_or_job() -> None:
    with pytest.raises(ValueError, match="card 'x': type 'Q'"):
        Scorer([GameCard("x", "Q", "bouw")], [JOB_A, JOB_B, JOB_C])
    with pytest.raises(ValueError, match="job 'z': riasec"):
        Scorer(CARDS, [JOB_A, JOB_B, GameJob("z", {"R": 1}, {"bouw": 1})])
    with pytest.raises(ValueError, match="job 'z': domains"):
        Scorer(CARDS, [JOB_A, JOB_B, GameJob("z", FLAT, {"bouw": 0})])


def test_flat_profile_triggers_opposite_type_duels() -> None:
    session = run(CARDS, [JOB_A, JOB_B, JOB_C], {c.id for c in CARDS})
    assert session.needs_duels() and not session.finished
    # sd(1,1,1,1,1,1) = 0 < 0.1. Pairs R–S, I–E, A–C, first card of each type in the pack.
    assert [(d.left.id, d.right.id) for d in session.duels()] == [
        ("c1", "c5"), ("c3", "c7"), ("c4", "c8")]
    assert session.progress == (8, 11)
    for pick in ("c1", "c7", "c4"):
        assert session.choose(pick)
    assert session.finished and session.progress == (11, 11)
    # A duel is one item for each side: chosen 1, other 0.
    # R (2 + 1)/3 = 1; S (2 + 0)/3 = ⅔; I (1 + 0)/2 = ½; E (1 + 1)/2 = 1; A 1; C ½.
    # bouw: c1 c7 liked + c1 won + c7 won → 4/4; energie: c2 c3 c5 + c3 lost + c5 lost → 3/5.
    result = session.result()
    assert result.type_scores == pytest.approx(
        {"R": 1, "I": 0.5, "A": 1, "S": 2 / 3, "E": 1, "C": 0.5})
    assert result.domain_scores["bouw"] == 1 and result.domain_scores["energie"] == 0.6


def test_all_left_also_gets_duels_and_a_direction() -> None:
    session = run(CARDS, [JOB_A, JOB_B, JOB_C], set(), pick=["S", "E", "A"])
    result = session.result()
    # S (0 + 1)/3 = ⅓, E (0 + 1)/2 = ½, A ½; R, I, C 0 → A and E tie at ½: hexagon order A, E.
    assert result.direction.types == ("A", "E")
    assert len(result.jobs) == 3


def test_a_clear_profile_has_no_duels() -> None:
    session = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1", "c2"})
    assert not session.needs_duels() and session.duels() == () and session.finished


def test_duels_do_not_start_before_the_last_card() -> None:
    session = GameSession.create(CARDS, [JOB_A, JOB_B, JOB_C])
    for card_id in default_order(CARDS)[:-1]:
        session.swipe(card_id, True)
    assert not session.needs_duels() and session.current_duel() is None
    with pytest.raises(RuntimeError):
        session.result()


def test_undo_takes_back_swipes_and_duel_choices() -> None:
    session = GameSession.create(CARDS, [JOB_A, JOB_B, JOB_C])
    assert not session.undo()
    first = session.current_card()
    assert first is not None and session.swipe(first.id, True, "button")
    assert session.undo() and session.current_card() == first and session.progress == (0, 8)
    assert session.type_scores()["R"] == 0.0
    session = run(CARDS, [JOB_A, JOB_B, JOB_C], {c.id for c in CARDS})
    session.choose("c5")
    assert session.undo() and session.current_duel().left.id == "c1"
    # Undo the last swipe: the profile is no longer complete, so the duels disappear.
    assert session.undo() and session.duels() == () and session.current_card() is not None
    last = session.current_card()
    # The last card shown is c6 (S). As a "no": s = (1,1,1,½,1,1), sd ≈ .19 ≥ .1 → no duels.
    assert last.id == "c6"
    session.swipe(last.id, False)
    assert session.finished and session.result().type_scores[last.type] < 1


def test_stale_or_wrong_answers_change_nothing() -> None:
    session = GameSession.create(CARDS, [JOB_A, JOB_B, JOB_C])
    first = session.current_card()
    assert session.swipe(first.id, True)
    assert not session.swipe(first.id, True)           # a double tap on the card that left
    assert not session.choose("c1")                     # no duel now
    assert session.progress == (1, 8)
    with pytest.raises(ValueError, match="via"):
        session.swipe(session.current_card().id, True, "shake")


def test_default_order_alternates_types() -> None:
    assert default_order(CARDS) == ("c1", "c3", "c4", "c5", "c7", "c8", "c2", "c6")
    with pytest.raises(ValueError, match="every card"):
        GameSession(Scorer(CARDS, [JOB_A, JOB_B, JOB_C]), order=["c1"])


def test_duo_match_is_the_job_both_would_like() -> None:
    # Player 1 likes R/bouw (a tops), player 2 likes S/energie (b tops); c suits both
    # (flat interests, energie + bouw domains), so it leads "jullie match".
    one = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1", "c7", "c2"}).result()
    two = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c5", "c6", "c2", "c3"}).result()
    assert one.jobs[0].job_id == "a" and two.jobs[0].job_id == "b"
    duo = duo_result(one, two)
    assert duo.match[0].job_id == "c"
    top = duo.match[0]
    assert top.score == min(top.score_a, top.score_b)
    assert duo.direction_a == one.direction and duo.direction_b == two.direction
    assert duo.shared_likes == ("c2",)
    assert len(duo.match) == 3
