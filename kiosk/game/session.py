"""The swipe game "Welk techniekberoep past bij jou?" (GAME.md): deck, swipes, undo, duels, duo.

No Qt and no pack models: the game takes plain ``GameCard``/``GameJob`` values (see
``game_inputs``), so it can be tested and benchmarked on its own. Scoring lives in
``scoring``; this module keeps the state of one run.

A run: every card once (swipe right/left, or the buttons), then, only when the profile is flat
(sd of the type scores < ``config.game_flat_sd``), up to ``config.game_max_duels`` duel cards that
pair types opposite on the hexagon (R–S, I–E, A–C). ``undo()`` takes back the last answer.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.config import DEFAULT, Config
from kiosk.game.scoring import (
    BECAUSE_MAX, MIN_RESULT_JOBS, TIE_DIGITS, Direction, GameCard, GameJob, GameResult, Item,
    JobScore, Scorer, population_sd,
)
from kiosk.core.taxonomy import DOMAINS, SWIPE_VIAS, TYPES

__all__ = [
    "DOMAINS", "TYPES", "Direction", "Duel", "DuoMatch", "DuoResult", "GameCard", "GameJob",
    "GameResult", "GameSession", "JobScore", "Scorer", "Swipe", "default_order", "duo_because",
    "duo_result", "game_inputs", "guess_card",
]

# Opposite types on the hexagon R–I–A–S–E–C: a duel between them says the most.
DUEL_PAIRS: tuple[tuple[str, str], ...] = (("R", "S"), ("I", "E"), ("A", "C"))


@dataclass(frozen=True)
class Swipe:
    """One answer to a card (``via`` is "swipe" or "button", for the events)."""

    card_id: str
    liked: bool
    via: str


@dataclass(frozen=True)
class Duel:
    """Two cards of opposite types; the player picks the one they like more."""

    left: GameCard
    right: GameCard


def game_inputs(pack: Any) -> tuple[list[GameCard], list[GameJob]]:
    """Plain game inputs from a loaded pack (``kiosk.core.content.Pack``; read by attribute)."""
    cards = [GameCard(c.id, c.type, c.domain) for c in pack.cards]
    jobs = [GameJob(j.id, dict(j.riasec), dict(j.domains)) for j in pack.jobs.values()]
    return cards, jobs


def default_order(cards: Sequence[GameCard]) -> tuple[str, ...]:
    """Show order: one card of each type in turn (R, I, A, S, E, C, R, …), pack order within a
    type, so no run of same-type cards makes a player "swipe on autopilot"."""
    by_type = {t: [c.id for c in cards if c.type == t] for t in TYPES}
    order: list[str] = []
    for round_ in range(max((len(v) for v in by_type.values()), default=0)):
        order.extend(ids[round_] for ids in by_type.values() if round_ < len(ids))
    return tuple(order)


class GameSession:
    """One player's run through the deck. Deterministic: same answers, same result."""

    def __init__(self, scorer: Scorer, order: Sequence[str] | None = None) -> None:
        self.scorer = scorer
        self.config: Config = scorer.config
        self.order: tuple[str, ...] = tuple(order) if order is not None else default_order(
            scorer.cards)
        if sorted(self.order) != sorted(c.id for c in scorer.cards):
            raise ValueError("order must list every card id of the deck exactly once")
        self.swipes: list[Swipe] = []
        self.choices: list[tuple[str, str]] = []     # (chosen card id, via) per duel
        # Running counts so a swipe costs O(1) (the flat check needs the type scores).
        self._liked = dict.fromkeys(TYPES, 0)
        self._seen = dict.fromkeys(TYPES, 0)

    @classmethod
    def create(cls, cards: Sequence[GameCard], jobs: Sequence[GameJob],
               config: Config = DEFAULT) -> GameSession:
        """A session with its own scorer (tests; the kiosk shares one Scorer per pack)."""
        return cls(Scorer(cards, jobs, config))

    # -- cards -----------------------------------------------------------------------------
    def current_card(self) -> GameCard | None:
        """The card to show now, or None when every card has been answered."""
        n = len(self.swipes)
        return self.scorer.card(self.order[n]) if n < len(self.order) else None

    def swipe(self, card_id: str, liked: bool, via: str = "swipe") -> bool:
        """Answer the current card. A stale id (double tap, late animation) changes nothing and
        returns False."""
        if via not in SWIPE_VIAS:
            raise ValueError(f"via must be one of {SWIPE_VIAS}, got {via!r}")
        card = self.current_card()
        if card is None or card.id != card_id:
            return False
        self.swipes.append(Swipe(card_id, bool(liked), via))
        self._seen[card.type] += 1
        self._liked[card.type] += 1 if liked else 0
        return True

    # -- duels -----------------------------------------------------------------------------
    def type_scores(self) -> dict[str, float]:
        """s_k from the swipes so far (0 for a type with no answers yet)."""
        return {t: self._liked[t] / self._seen[t] if self._seen[t] else 0.0 for t in TYPES}

    def needs_duels(self) -> bool:
        """True once every card is answered and the profile is flat (sd(s) < game_flat_sd)."""
        if len(self.swipes) < len(self.order) or self.config.game_max_duels <= 0:
            return False
        sd = population_sd(list(self.type_scores().values()))
        return round(sd, TIE_DIGITS) < self.config.game_flat_sd

    def duels(self) -> tuple[Duel, ...]:
        """The duel cards of this run (empty unless ``needs_duels()``), planned from the pack
        order so the show order never changes them: pair i is DUEL_PAIRS[i % 3] and uses each
        type's (i // 3)-th card."""
        if not self.needs_duels():
            return ()
        by_type = {t: [c for c in self.scorer.cards if c.type == t] for t in TYPES}
        planned: list[Duel] = []
        i = 0
        while len(planned) < self.config.game_max_duels and i < 3 * len(self.scorer.cards):
            left_t, right_t = DUEL_PAIRS[i % len(DUEL_PAIRS)]
            lefts, rights = by_type[left_t], by_type[right_t]
            if lefts and rights:
                round_ = i // len(DUEL_PAIRS)
                planned.append(Duel(lefts[round_ % len(lefts)], rights[round_ % len(rights)]))
            i += 1
        return tuple(planned)

    def current_duel(self) -> Duel | None:
        """The duel to show now, or None (no duels, or all chosen)."""
        duels = self.duels()
        return duels[len(self.choices)] if len(self.choices) < len(duels) else None

    def choose(self, card_id: str, via: str = "button") -> bool:
        """Pick one card of the current duel; a stale or foreign id returns False."""
        if via not in SWIPE_VIAS:
            raise ValueError(f"via must be one of {SWIPE_VIAS}, got {via!r}")
        duel = self.current_duel()
        if duel is None or card_id not in (duel.left.id, duel.right.id):
            return False
        self.choices.append((card_id, via))
        return True

    # -- progress --------------------------------------------------------------------------
    def undo(self) -> bool:
        """Take back the last answer (duel choice first, then swipes). False when none."""
        if self.choices:
            self.choices.pop()
            return True
        if not self.swipes:
            return False
        last = self.swipes.pop()
        card = self.scorer.card(last.card_id)
        self._seen[card.type] -= 1
        self._liked[card.type] -= 1 if last.liked else 0
        return True

    @property
    def progress(self) -> tuple[int, int]:
        """(answers given, answers in this run); the total grows by the duels when planned."""
        return len(self.swipes) + len(self.choices), len(self.order) + len(self.duels())

    @property
    def finished(self) -> bool:
        """Every card answered and every planned duel chosen."""
        return len(self.swipes) == len(self.order) and self.current_duel() is None

    def items(self) -> list[Item]:
        """The scored answers: one item per swipe, two per duel (chosen 1, other 0)."""
        items = [Item(self.scorer.card(s.card_id), 1 if s.liked else 0) for s in self.swipes]
        for duel, (chosen, _via) in zip(self.duels(), self.choices):
            items.append(Item(duel.left, 1 if duel.left.id == chosen else 0))
            items.append(Item(duel.right, 1 if duel.right.id == chosen else 0))
        return items

    def result(self) -> GameResult:
        """The result of a finished run (RuntimeError before that)."""
        if not self.finished:
            raise RuntimeError("the game is not finished yet")
        return self.scorer.result(self.items())


# -- duo ---------------------------------------------------------------------
@dataclass(frozen=True)
class DuoMatch:
    """A job both players would like: ``score`` is the lower of their two scores."""

    job_id: str
    score_a: float
    score_b: float
    score: float


@dataclass(frozen=True)
class DuoResult:
    """ "Jullie match": shared jobs, each player's own direction, cards both liked."""

    match: tuple[DuoMatch, ...]
    direction_a: Direction
    direction_b: Direction
    shared_likes: tuple[str, ...]


def duo_result(a: GameResult, b: GameResult, config: Config = DEFAULT) -> DuoResult:
    """Jobs ranked by min(score_a, score_b) — a job is only a match when it suits both; ties go
    to the higher sum, then to pack order."""
    a_by_id: Mapping[str, JobScore] = {js.job_id: js for js in a.ranking}
    b_by_id: Mapping[str, JobScore] = {js.job_id: js for js in b.ranking}
    if set(a_by_id) != set(b_by_id):
        raise ValueError("duo results must come from the same pack")
    pairs = [(a_by_id[j], b_by_id[j]) for j in a_by_id]
    pairs.sort(key=lambda p: (-round(min(p[0].score, p[1].score), TIE_DIGITS),
                              -round(p[0].score + p[1].score, TIE_DIGITS), p[0].index))
    n = max(MIN_RESULT_JOBS, config.game_result_jobs)
    match = tuple(DuoMatch(ja.job_id, ja.score, jb.score, min(ja.score, jb.score))
                  for ja, jb in pairs[:n])
    shared = tuple(c for c in a.liked if c in set(b.liked))
    return DuoResult(match, a.direction, b.direction, shared)


def duo_because(scorer: Scorer, items_a: Sequence[Item], items_b: Sequence[Item],
                job_index: int) -> list[str]:
    """Why a shared job suits the duo: cards both named first, then each player's own reasons in
    turn (A, B, A, …), at most ``BECAUSE_MAX`` card ids."""
    own_a, own_b = scorer.because(items_a, job_index), scorer.because(items_b, job_index)
    both = [c for c in own_a if c in own_b]
    merged = both + [c for pair in zip(own_a, own_b) for c in pair if c not in both]
    merged += [c for c in own_a + own_b if c not in merged]
    return list(dict.fromkeys(merged))[:BECAUSE_MAX]


def guess_card(a: GameSession, b: GameSession) -> tuple[str, bool, bool]:
    """The card a duo guesses about ("what did the other one pick?"): the first card in show
    order the two answered differently, else the first both liked, else the first card.
    Returns (card id, A liked it, B liked it)."""
    liked_a = {s.card_id: s.liked for s in a.swipes}
    liked_b = {s.card_id: s.liked for s in b.swipes}
    order = a.order
    pick = next((c for c in order if liked_a[c] != liked_b[c]), None)
    pick = pick or next((c for c in order if liked_a[c] and liked_b[c]), order[0])
    return pick, liked_a[pick], liked_b[pick]
