"""Swipe game core: scoring on hand-worked examples, ties, equal matches; the adaptive rule
(screening, contenders, early stop, duels between the closest types), undo, duo."""
from __future__ import annotations

import math
import random

import pytest

from kiosk.config import DEFAULT
from kiosk.game.scoring import Item
from kiosk.game.session import (
    GameCard, GameJob, GameSession, Scorer, default_order, duo_result, guess_card,
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


# Scoring examples use plain means (no pull toward the player's mean) and α = ½, so the
# arithmetic below stays by hand; the adaptive tests use the kiosk's defaults.
PLAIN = DEFAULT.with_(game_prior_weight=0.0, game_alpha=0.5)


class Scored:
    """Every card answered once (liked if in ``liked``), scored as the game scores it."""

    def __init__(self, cards: list[GameCard], jobs: list[GameJob], liked: set[str],
                 config=PLAIN) -> None:
        self.scorer = Scorer(cards, jobs, config.game)
        self.items = [Item(c, 1.0 if c.id in liked else 0.0) for c in cards]

    def result(self):
        return self.scorer.result(self.items)


def run(cards: list[GameCard], jobs: list[GameJob], liked: set[str], config=PLAIN) -> Scored:
    return Scored(cards, jobs, liked, config)


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
    # Direction: R and I tie at 1: shown as two equal letters (the order means nothing then);
    # domains energie 1 > bouw ½.
    assert set(result.direction.types) == {"R", "I"} and result.direction.equal
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
    result = run(CARDS, [JOB_B, JOB_A, JOB_C], set()).result()
    assert [(js.job_id, js.score) for js in result.jobs] == [("b", .25), ("a", .25), ("c", .25)]


def test_alpha_comes_from_config() -> None:
    # α = 1: score = (r + 1)/2 only. Job c has r = 0 → exactly ½; job a → (42/√5220 + 1)/2.
    config = PLAIN.with_(game_alpha=1.0)
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
    assert len(run(CARDS, [JOB_A, JOB_B, JOB_C], set()).result().jobs) == 3
    one_job_top = PLAIN.with_(game_result_jobs=1)
    assert len(run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1"}, one_job_top).result().jobs) == 3
    with pytest.raises(ValueError, match="at least 3 jobs"):
        Scorer(CARDS, [JOB_A, JOB_B], DEFAULT.game)


def test_bad_inputs_name_the_card_or_job() -> None:
    with pytest.raises(ValueError, match="card 'x': type 'Q'"):
        Scorer([GameCard("x", "Q", "bouw")], [JOB_A, JOB_B, JOB_C], DEFAULT.game)
    with pytest.raises(ValueError, match="job 'z': riasec"):
        Scorer(CARDS, [JOB_A, JOB_B, GameJob("z", {"R": 1}, {"bouw": 1})], DEFAULT.game)
    with pytest.raises(ValueError, match="job 'z': domains"):
        Scorer(CARDS, [JOB_A, JOB_B, GameJob("z", FLAT, {"bouw": 0})], DEFAULT.game)


def test_prior_pulls_a_type_with_few_answers_toward_the_players_mean() -> None:
    # 12 answers, 3 liked → p̄ = ¼. With w = 1: R (2 of 2) → (2 + ¼)/3 = ¾, not 1;
    # S (1 of 4) → (1 + ¼)/5 = ¼. A type never asked gets p̄.
    cards = ([GameCard(f"r{i}", "R", "bouw") for i in range(2)]
             + [GameCard(f"s{i}", "S", "energie") for i in range(4)]
             + [GameCard(f"c{i}", "C", "media") for i in range(6)])
    items = [Item(c, 1.0 if c.id in {"r0", "r1", "s0"} else 0.0) for c in cards]
    scorer = Scorer(cards, [JOB_A, JOB_B, JOB_C], DEFAULT.with_(game_prior_weight=1.0).game)
    scores = scorer.result(items).type_scores
    assert scores["R"] == pytest.approx(0.75) and scores["S"] == pytest.approx(0.25)
    assert scores["C"] == pytest.approx(0.25 / 7) and scores["I"] == pytest.approx(0.25)


def test_twin_jobs_are_equal_matches_and_a_clear_best_is_not() -> None:
    twin1 = GameJob("twin1", riasec(7, 2, 2, 2, 2, 5), {"bouw": 1.0})
    twin2 = GameJob("twin2", riasec(7, 2, 2, 2, 2, 5), {"bouw": 1.0})
    result = run(CARDS, [twin1, twin2, JOB_C], {"c1", "c7"}).result()
    # The twins score the same whatever answer is left out: a gap of 0 is within any noise.
    assert [js.job_id for js in result.jobs[:2]] == ["twin1", "twin2"]
    assert result.jobs[0].equal and result.jobs[1].equal
    # Job a fits an R/bouw player far better than b and c: it stands alone at the top.
    alone = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1", "c2"}).result()
    assert alone.jobs[0].job_id == "a" and not any(js.equal for js in alone.jobs)


def test_equal_uses_the_jackknife_se_of_the_gap() -> None:
    # Job c (flat) against a and b for the hand-worked player: recompute the jackknife by hand.
    sc = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1", "c2", "c3", "c5"})
    result = sc.result()
    from kiosk.game.scoring import profile_of
    best = result.ranking[0].index
    n = len(sc.items)
    flags = [False]
    for js in result.ranking[1:3]:
        gaps = []
        for i in range(n):
            prof = profile_of(sc.items[:i] + sc.items[i + 1:], 0.0)
            gaps.append(sc.scorer.score_one(prof, best)[2] - sc.scorer.score_one(prof, js.index)[2])
        mean = sum(gaps) / n
        se = math.sqrt((n - 1) / n * sum((g - mean) ** 2 for g in gaps))
        flags.append(result.ranking[0].score - js.score <= se + 1e-9)
    flags[1] = flags[1] or flags[2]         # a job between the best and an equal one is equal
    flags[0] = any(flags[1:])
    assert [js.equal for js in result.jobs[:3]] == flags


# -- the adaptive rule --------------------------------------------------------------------------
# A deck like the kiosk's: 8 cards per type, each type spread over the domains.
DOMAIN_CYCLE = ("bouw", "energie", "installatie", "metaal", "voertuigen", "media", "maritiem")
DECK = [GameCard(f"{t}{i}", t, DOMAIN_CYCLE[(i + k) % 7])
        for i in range(8) for k, t in enumerate("RIASEC")]
JOBS3 = [JOB_A, JOB_B, JOB_C]


def play(session: GameSession, likes, choose) -> list[str]:
    """Answer until done: cards by ``likes(card)``, duels by ``choose(duel)`` (a card id).
    Returns what was asked, in order (card ids, and "duel:<left>/<right>")."""
    asked = []
    while not session.finished:
        duel = session.current_duel()
        if duel is not None:
            asked.append(f"duel:{duel.left.id}/{duel.right.id}")
            assert session.choose(choose(duel), "button")
            continue
        card = session.current_card()
        assert card is not None
        asked.append(card.id)
        assert session.swipe(card.id, likes(card), "swipe")
    return asked


def types_of(ids: list[str]) -> str:
    return "".join(i[0] for i in ids)


def test_every_type_gets_two_cards_first_in_turn() -> None:
    session = GameSession.create(DECK, JOBS3, DEFAULT.game)
    asked = play(session, lambda c: c.type == "E", lambda d: d.left.id)
    assert types_of(asked[:12]) == "RIASEC" * 2


def test_a_clear_leader_gets_its_own_cards_and_the_game_stops_early() -> None:
    # Only E liked: after screening E leads by far, so the cards up to game_min_answers are E
    # cards (to be sure), then it stops: no duels, far fewer answers than the maximum.
    session = GameSession.create(DECK, JOBS3, DEFAULT.game)
    asked = play(session, lambda c: c.type == "E", lambda d: d.left.id)
    assert len(asked) == DEFAULT.game.game_min_answers
    assert types_of(asked[12:]) == "E" * (DEFAULT.game.game_min_answers - 12)
    assert session.duels() == ()
    result = session.result()
    assert result.direction.types[0] == "E" and not result.direction.equal


def test_two_close_types_get_the_cards_and_then_duel_each_other() -> None:
    # R and S liked alike (opposites on the hexagon): after screening they are the contenders,
    # the next cards are theirs, and the duels put R against S (the closest), not a fixed pair.
    session = GameSession.create(DECK, JOBS3, DEFAULT.game)
    asked = play(session, lambda c: c.type in ("R", "S"), lambda d: d.left.id)
    cards_after_screening = [a for a in asked[12:] if not a.startswith("duel:")]
    assert cards_after_screening and set(types_of(cards_after_screening)) <= {"R", "S"}
    duels = [a for a in asked if a.startswith("duel:")]
    assert duels
    for d in duels:
        left, right = d[5:].split("/")
        assert {left[0], right[0]} == {"R", "S"}


@pytest.mark.parametrize("winner", ["R", "S"])
def test_a_tie_is_settled_by_asking_not_by_letter_order(winner: str) -> None:
    # The same player twice, but the duels go to R once and to S once: the shown first letter
    # follows the answers, in both directions (hexagon order would always say R).
    session = GameSession.create(DECK, JOBS3, DEFAULT.game)
    play(session, lambda c: c.type in ("R", "S"),
         lambda d: d.left.id if d.left.type == winner else d.right.id)
    assert session.result().direction.types[0] == winner


def test_no_run_takes_more_than_the_maximum_and_every_result_has_jobs() -> None:
    rng = random.Random(5)
    cap = DEFAULT.game.game_max_cards + DEFAULT.game.game_max_duels
    for _ in range(40):
        taste = {t: rng.random() for t in "RIASEC"}
        session = GameSession.create(DECK, JOBS3, DEFAULT.game)
        asked = play(session, lambda c, taste=taste: rng.random() < taste[c.type],
                     lambda d: rng.choice((d.left.id, d.right.id)))
        assert DEFAULT.game.game_min_answers <= len(asked) <= cap
        assert session.progress == (len(asked), len(asked))
        assert len(session.result().jobs) >= 3


def test_same_answers_same_cards_and_undo_brings_the_card_back() -> None:
    def answers(card):
        return card.type in ("I", "A") or card.id.endswith("3")

    one, two = GameSession.create(DECK, JOBS3, DEFAULT.game), GameSession.create(DECK, JOBS3, DEFAULT.game)
    assert play(one, answers, lambda d: d.right.id) == play(two, answers, lambda d: d.right.id)
    session = GameSession.create(DECK, JOBS3, DEFAULT.game)
    for _ in range(14):
        card = session.current_card()
        session.swipe(card.id, answers(card))
    shown = session.current_card()
    assert session.swipe(shown.id, True) and session.undo()
    assert session.current_card() == shown and len(session.swipes) == 14
    # undo of a duel choice brings the same duel back
    play(session, answers, lambda d: d.right.id)
    if session.choices:
        last = session.duels()[-1]
        assert session.undo() and session.current_duel() == last and not session.finished


def test_stale_unknown_repeated_or_bad_answers_change_nothing() -> None:
    session = GameSession.create(DECK, JOBS3, DEFAULT.game)
    first = session.current_card()
    assert not session.swipe("no-such-card", True)
    assert session.swipe(first.id, True)
    assert not session.swipe(first.id, True)            # a double tap on the card that left
    assert not session.choose("R0")                      # no duel now
    assert session.progress[0] == 1
    with pytest.raises(ValueError, match="via"):
        session.swipe(session.current_card().id, True, "shake")
    for bad in (1.5, -0.1, float("nan")):
        with pytest.raises(ValueError, match="0–1"):
            session.swipe(session.current_card().id, bad)
    assert session.progress[0] == 1


def test_a_graded_answer_counts_half() -> None:
    session = GameSession.create(DECK, JOBS3, DEFAULT.with_(game_graded=True).game)
    assert session.graded
    card = session.current_card()
    assert session.swipe(card.id, 0.5)
    assert session.swipes[-1].x == 0.5 and session.swipes[-1].liked
    # one answer of ½ (p̄ = ½, w = 1): (½ + ½)/2 = ½ for its type
    assert session.type_scores()[card.type] == pytest.approx(0.5)


def test_card_after_looks_ahead_without_changing_the_run() -> None:
    session = GameSession.create(DECK, JOBS3, DEFAULT.game)
    card = session.current_card()
    after = session.card_after(True)
    assert session.current_card() == card and session.swipes == []
    session.swipe(card.id, True)
    assert session.current_card() == after


def test_default_order_alternates_types() -> None:
    assert default_order(CARDS) == ("c1", "c3", "c4", "c5", "c7", "c8", "c2", "c6")
    with pytest.raises(ValueError, match="every card"):
        GameSession(Scorer(CARDS, [JOB_A, JOB_B, JOB_C], DEFAULT.game), order=["c1"])


def test_duo_match_is_the_job_both_would_like() -> None:
    # Player 1 likes R/bouw (a tops), player 2 likes S/energie (b tops); c suits both
    # (flat interests, energie + bouw domains), so it leads "jullie match".
    one = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c1", "c7", "c2"}).result()
    two = run(CARDS, [JOB_A, JOB_B, JOB_C], {"c5", "c6", "c2", "c3"}).result()
    assert one.jobs[0].job_id == "a" and two.jobs[0].job_id == "b"
    duo = duo_result(one, two, DEFAULT.game)
    assert duo.match[0].job_id == "c"
    top = duo.match[0]
    assert top.score == min(top.score_a, top.score_b)
    assert duo.direction_a == one.direction and duo.direction_b == two.direction
    assert duo.shared_likes == ("c2",)
    assert len(duo.match) == 3


def test_guess_card_uses_cards_both_players_saw() -> None:
    a, b = GameSession.create(DECK, JOBS3, DEFAULT.game), GameSession.create(DECK, JOBS3, DEFAULT.game)
    play(a, lambda c: c.type == "R", lambda d: d.left.id)
    play(b, lambda c: c.type in ("R", "I"), lambda d: d.left.id)
    card, liked_a, liked_b = guess_card(a, b)
    assert card == "I0" and (liked_a, liked_b) == (False, True)   # first one they differ on
