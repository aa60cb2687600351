"""Properties of the swipe game for any swipe sequence (hypothesis), on the real deck and jobs
and on random jobs."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.game.session import DOMAINS, TYPES, GameCard, GameJob, GameResult, GameSession, Scorer
from tests.unit.test_game_fairness import real_scorer

SCORER = real_scorer()
CARD_IDS = [c.id for c in SCORER.cards]
N = len(CARD_IDS)

# Random booleans rarely give a flat profile, so all-yes / all-no (the duel path) are mixed in.
likes_st = st.one_of(
    st.lists(st.booleans(), min_size=N, max_size=N),
    st.sampled_from([[True] * N, [False] * N]),
)
picks_st = st.lists(st.booleans(), min_size=3, max_size=3)


def play(scorer: Scorer, likes: list[bool], order: list[str], picks: list[bool],
         vias: list[str] | None = None) -> GameResult:
    """Answer card i (pack order) with likes[i], shown in ``order``; duel k picks left if
    picks[k]."""
    liked = {c.id: likes[i] for i, c in enumerate(scorer.cards)}
    session = GameSession(scorer, order)
    for n, card_id in enumerate(order):
        assert session.swipe(card_id, liked[card_id], vias[n] if vias else "swipe")
    for pick_left in picks:
        if (duel := session.current_duel()) is None:
            break
        assert session.choose(duel.left.id if pick_left else duel.right.id)
    assert session.finished
    return session.result()


def check_result(result: GameResult) -> None:
    for js in result.ranking + result.jobs:
        assert 0.0 <= js.score <= 1.0
        assert -1.0 <= js.r <= 1.0 and 0.0 <= js.f <= 1.0
    ids = [js.job_id for js in result.jobs]
    assert len(set(ids)) == len(ids) >= 3
    assert sum(js.surprise for js in result.jobs) <= 1
    assert set(result.direction.types) <= set(TYPES) and len(result.direction.types) == 2
    for js in result.jobs:
        assert len(js.because) <= 3 and set(js.because) <= set(result.liked)


@settings(max_examples=60, deadline=None)
@given(likes=likes_st, order=st.permutations(CARD_IDS), picks=picks_st,
       vias=st.lists(st.sampled_from(["swipe", "button"]), min_size=N, max_size=N))
def test_result_is_sound_and_independent_of_show_order(
        likes: list[bool], order: list[str], picks: list[bool], vias: list[str]) -> None:
    shown = play(SCORER, likes, list(order), picks, vias)
    check_result(shown)
    # The same answers in pack order (and all via the buttons) give exactly the same result.
    assert shown == play(SCORER, likes, CARD_IDS, picks)


@settings(max_examples=60, deadline=None)
@given(likes=likes_st, picks=picks_st)
def test_undo_then_redo_changes_nothing(likes: list[bool], picks: list[bool]) -> None:
    straight = play(SCORER, likes, CARD_IDS, picks)
    session = GameSession(SCORER, CARD_IDS)
    for i, card_id in enumerate(CARD_IDS):
        session.swipe(card_id, not likes[i])        # a wrong answer, taken back …
        assert session.undo()
        session.swipe(card_id, likes[i])            # … and given again
    for pick_left in picks:
        if (duel := session.current_duel()) is None:
            break
        session.choose(duel.left.id if pick_left else duel.right.id)
    assert session.result() == straight


job_st = st.builds(
    lambda i, r, d: GameJob(f"j{i}", dict(zip(TYPES, r)), d),
    st.integers(0, 10**6),
    st.lists(st.integers(1, 7), min_size=6, max_size=6),
    st.dictionaries(st.sampled_from(DOMAINS), st.floats(0.05, 1.0), min_size=1, max_size=3),
)
card_st = st.builds(GameCard, st.just(""), st.sampled_from(TYPES), st.sampled_from(DOMAINS))


@settings(max_examples=80, deadline=None)
@given(jobs=st.lists(job_st, min_size=3, max_size=12, unique_by=lambda j: j.id),
       cards=st.lists(card_st, min_size=1, max_size=10), data=st.data())
def test_any_jobs_any_deck_scores_stay_in_range(jobs: list[GameJob], cards: list[GameCard],
                                                data: st.DataObject) -> None:
    cards = [GameCard(f"c{i}", c.type, c.domain) for i, c in enumerate(cards)]
    scorer = Scorer(cards, jobs)
    likes = data.draw(st.lists(st.booleans(), min_size=len(cards), max_size=len(cards)))
    picks = data.draw(picks_st)
    check_result(play(scorer, likes, [c.id for c in cards], picks))
