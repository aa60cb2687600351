"""Properties of the swipe game for any answers (hypothesis), on the real deck and jobs and on
random jobs and decks: every run ends within its maximum with a sound result, the result
depends on the answers and not on their order, undo then the same answer changes nothing."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.config import DEFAULT
from kiosk.game.scoring import Item
from kiosk.game.session import DOMAINS, TYPES, GameCard, GameJob, GameResult, GameSession, Scorer
from tests.unit.test_game_fairness import real_scorer

SCORER = real_scorer()
CARD_IDS = [c.id for c in SCORER.cards]
N = len(CARD_IDS)
CAP = DEFAULT.game.game_max_cards + DEFAULT.game.game_max_duels

# Random answers rarely give a flat profile, so all-yes / all-no are mixed in; a graded ½ too.
likes_st = st.one_of(
    st.lists(st.sampled_from([0.0, 1.0]), min_size=N, max_size=N),
    st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=N, max_size=N),
    st.sampled_from([[1.0] * N, [0.0] * N]),
)
picks_st = st.lists(st.booleans(), min_size=CAP, max_size=CAP)


def play(scorer: Scorer, likes: list[float], picks: list[bool],
         vias: list[str] | None = None, undo_first: bool = False) -> GameSession:
    """Answer card i (pack order) with likes[i] whenever the game shows it; duel k picks left
    if picks[k]. ``undo_first``: every card is first answered the other way and taken back."""
    liked = {c.id: likes[i] for i, c in enumerate(scorer.cards)}
    session = GameSession(scorer)
    n = 0
    while not session.finished:
        assert n < CAP + 1, "the game asked more than its maximum"
        duel = session.current_duel()
        if duel is not None:
            assert session.choose(duel.left.id if picks[len(session.choices)] else duel.right.id)
        else:
            card = session.current_card()
            assert card is not None
            if undo_first:
                assert session.swipe(card.id, 1.0 - liked[card.id]) and session.undo()
                assert session.current_card() == card
            assert session.swipe(card.id, liked[card.id], vias[n % len(vias)] if vias else "swipe")
        n += 1
    return session


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
    # "even goed" only among the top jobs, and then the best one is equal too
    top = [js for js in result.jobs if not js.surprise]
    assert not any(js.equal for js in result.jobs if js.surprise)
    assert top[0].equal == any(js.equal for js in top[1:])
    flags = [js.equal for js in top]
    assert flags == sorted(flags, reverse=True)     # one group of equals, then the ranked rest


@settings(max_examples=25, deadline=None)
@given(likes=likes_st, picks=picks_st, data=st.data(),
       vias=st.lists(st.sampled_from(["swipe", "button"]), min_size=1, max_size=5))
def test_any_answers_end_within_the_maximum_and_do_not_depend_on_their_order(
        likes: list[float], picks: list[bool], vias: list[str], data: st.DataObject) -> None:
    session = play(SCORER, likes, picks, vias)
    answers = len(session.swipes) + len(session.choices)
    assert DEFAULT.game.game_min_answers <= answers <= CAP
    result = session.result()
    check_result(result)
    # The same answers in another order score exactly the same.
    items = session.items()
    shuffled = data.draw(st.permutations(items))
    assert SCORER.result(list(shuffled)) == result


@settings(max_examples=15, deadline=None)
@given(likes=likes_st, picks=picks_st)
def test_undo_then_redo_changes_nothing(likes: list[float], picks: list[bool]) -> None:
    straight = play(SCORER, likes, picks)
    again = play(SCORER, likes, picks, undo_first=True)
    assert again.swipes == straight.swipes and again.result() == straight.result()


job_st = st.builds(
    lambda i, r, d: GameJob(f"j{i}", dict(zip(TYPES, r)), d),
    st.integers(0, 10**6),
    st.lists(st.integers(1, 7), min_size=6, max_size=6),
    st.dictionaries(st.sampled_from(DOMAINS), st.floats(0.05, 1.0), min_size=1, max_size=3),
)
card_st = st.builds(GameCard, st.just(""), st.sampled_from(TYPES), st.sampled_from(DOMAINS))


@settings(max_examples=40, deadline=None)
@given(jobs=st.lists(job_st, min_size=3, max_size=12, unique_by=lambda j: j.id),
       cards=st.lists(card_st, min_size=1, max_size=40), data=st.data())
def test_any_jobs_any_deck_play_to_a_sound_result(jobs: list[GameJob], cards: list[GameCard],
                                                  data: st.DataObject) -> None:
    cards = [GameCard(f"c{i}", c.type, c.domain) for i, c in enumerate(cards)]
    scorer = Scorer(cards, jobs, DEFAULT.game)
    likes = data.draw(st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=len(cards),
                               max_size=len(cards)))
    session = play(scorer, likes, data.draw(picks_st))
    assert len(session.swipes) <= min(len(cards), DEFAULT.game.game_max_cards)
    check_result(session.result())
    # and scoring straight from items agrees with the session
    assert scorer.result([Item(it.card, it.x) for it in session.items()]) == session.result()
