"""One run of the swipe game "Welk techniekberoep past bij jou?" (docs/game.md): which card
comes next, answers, undo, duels, duo.

No Qt and no pack models: the game takes plain ``GameCard``/``GameJob`` values (see
``game_inputs``), so it can be tested and simulated on its own. Scoring lives in ``scoring``;
this module keeps the state of one run and decides what to ask.

The adaptive rule (docs/game.md explains why):
1. screening: ``game_screen_per_type`` cards of every type, in the show order (types in turn);
2. then the next card goes to a *contender*: a type whose score could still be the highest,
   i.e. within ``game_clear_z`` standard errors of the leader's. Of the contenders the one with
   the fewest answers is asked (a tie: the one closest to the leader, then a rotation that
   moves with every answer, so no fixed letter order decides);
3. the cards stop when only the leader is left and ``game_min_answers`` are in, when the
   contenders have no cards left, or after ``game_max_cards`` cards;
4. then, while two types are still close, up to ``game_max_duels`` duels put a card of the
   leader against one of the closest contender ("which do you like more?"), fresh cards first.
Everything is a function of the answers so far: the same answers give the same next card, and
``undo()`` brings back the card that was taken back.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.config import GameConfig
from kiosk.core.taxonomy import DOMAINS, SWIPE_VIAS, TYPES
from kiosk.game.scoring import (
    BECAUSE_MAX, MIN_RESULT_JOBS, TIE_DIGITS, Direction, GameCard, GameJob, GameResult, Item,
    JobScore, Profile, Scorer, profile_of,
)

if TYPE_CHECKING:
    from kiosk.pack.models import Pack

__all__ = [
    "DOMAINS", "TYPES", "Direction", "Duel", "DuoMatch", "DuoResult", "GameCard", "GameJob",
    "GameResult", "GameSession", "JobScore", "Scorer", "Swipe", "default_order", "duo_because",
    "duo_result", "game_inputs", "guess_card",
]


@dataclass(frozen=True)
class Swipe:
    """One answer to a card: x = 1 liked, 0 not, ½ "een beetje" (``via`` for the events)."""

    card_id: str
    x: float
    via: str

    @property
    def liked(self) -> bool:
        return self.x >= 0.5


@dataclass(frozen=True)
class Duel:
    """A card of each of two close top types; the player picks the one they like more."""

    left: GameCard
    right: GameCard


def game_inputs(pack: Pack) -> tuple[list[GameCard], list[GameJob]]:
    """Plain game inputs from a loaded pack (``kiosk.pack.loader.Pack``; read by attribute)."""
    cards = [GameCard(c.id, c.type, c.domain) for c in pack.cards]
    jobs = [GameJob(j.id, dict(j.riasec), {d: w for d, w in j.domains.items()})
            for j in pack.jobs.values()]
    return cards, jobs


def default_order(cards: Sequence[GameCard]) -> tuple[str, ...]:
    """Show order: one card of each type in turn (R, I, A, S, E, C, R, …), pack order within a
    type, so no run of same-type cards makes a player "swipe on autopilot"."""
    by_type = {t: [c.id for c in cards if c.type == t] for t in TYPES}
    order: list[str] = []
    for round_ in range(max((len(v) for v in by_type.values()), default=0)):
        order.extend(ids[round_] for ids in by_type.values() if round_ < len(ids))
    return tuple(order)


def _answer_value(liked: bool | float) -> float:
    """A swipe's x: a bool, or a number 0–1 when the game asks for a graded answer."""
    if isinstance(liked, bool):
        return 1.0 if liked else 0.0
    x = float(liked)
    if not 0.0 <= x <= 1.0 or math.isnan(x):
        raise ValueError(f"liked must be a bool or a number 0–1, got {liked!r}")
    return x


class GameSession:
    """One player's run through the deck. Deterministic: same answers, same cards, same result."""

    def __init__(self, scorer: Scorer, order: Sequence[str] | None = None) -> None:
        self.scorer = scorer
        self.config: GameConfig = scorer.config
        self.order: tuple[str, ...] = tuple(order) if order is not None else default_order(
            scorer.cards)
        if sorted(self.order) != sorted(c.id for c in scorer.cards):
            raise ValueError("order must list every card id of the deck exactly once")
        self._rank = {cid: i for i, cid in enumerate(self.order)}
        self._deck_types = {c.type for c in scorer.cards}
        self.swipes: list[Swipe] = []
        self.choices: list[tuple[str, str]] = []     # (chosen card id, via) per duel
        self._duels: list[Duel] = []                 # the duels asked so far (and the next one)
        self._next: GameCard | None = None
        self._plan()

    @classmethod
    def create(cls, cards: Sequence[GameCard], jobs: Sequence[GameJob],
               config: GameConfig) -> GameSession:
        """A session with its own scorer (tests; the kiosk shares one Scorer per pack)."""
        return cls(Scorer(cards, jobs, config))

    # -- what to ask -----------------------------------------------------------------------
    def profile(self) -> Profile:
        """Type and domain scores from every answer so far (swipes and duels)."""
        return profile_of(self.items(), self.scorer.prior)

    def contenders(self, profile: Profile | None = None) -> list[str]:
        """The types that could still be the strongest, the leader first, then by closeness.

        A type is a contender when its score is within game_clear_z standard errors of the
        leader's (the se of the difference of two independent means)."""
        p = profile or self.profile()
        prior, z = self.scorer.prior, self.config.game_clear_z
        # only types the deck can ask about (a pack always has them all; a test deck may not)
        askable = [k for k in range(len(TYPES)) if TYPES[k] in self._deck_types]
        lead = max(askable, key=lambda k: (round(p.s[k], TIE_DIGITS), -p.n[k]))
        out = []
        for k in askable:
            gap = p.s[lead] - p.s[k]
            se = math.sqrt(p.se(lead, prior) ** 2 + p.se(k, prior) ** 2)
            if k == lead or round(gap, TIE_DIGITS) <= round(z * se, TIE_DIGITS):
                out.append((gap, k))
        # closest first; among equally close, a rotation that moves with each answer
        turn = len(self.swipes)
        out.sort(key=lambda gk: (round(gk[0], TIE_DIGITS), (gk[1] - turn) % len(TYPES)))
        return [TYPES[k] for _, k in out]

    def _plan(self) -> None:
        """Decide the next card, or the next duel, from the answers so far."""
        self._next = None
        del self._duels[len(self.choices):]          # an undone duel is planned again
        answered = {s.card_id for s in self.swipes}
        unseen = [cid for cid in self.order if cid not in answered]
        if not unseen and not self.swipes:
            return
        cfg = self.config
        seen_per_type = dict.fromkeys(TYPES, 0)
        for s in self.swipes:
            seen_per_type[self.scorer.card(s.card_id).type] += 1
        if not self.choices and len(self.swipes) < cfg.game_max_cards:
            # 1. screening: the first unseen card (show order) of a type still below its quota
            for cid in unseen:
                if seen_per_type[self.scorer.card(cid).type] < cfg.game_screen_per_type:
                    self._next = self.scorer.card(cid)
                    return
            # 2. adaptive: a contender with cards left, fewest answers first
            contenders = self.contenders()
            clear = len(contenders) == 1 and len(self.swipes) >= cfg.game_min_answers
            if not clear:
                left = {t: [cid for cid in unseen if self.scorer.card(cid).type == t]
                        for t in contenders}
                pick = min((t for t in contenders if left[t]), default=None,
                           key=lambda t: (seen_per_type[t], contenders.index(t)))
                if pick is not None:
                    self._next = self._fresh_domain_card(left[pick])
                    return
        # 4. duels between the leader and the closest contender while they are close
        if len(self.choices) >= cfg.game_max_duels:
            return
        contenders = self.contenders()
        if len(contenders) < 2:
            return
        lead, rival = contenders[0], contenders[1]
        self._duels.append(Duel(self._duel_card(lead, unseen), self._duel_card(rival, unseen)))

    def _fresh_domain_card(self, candidates: list[str]) -> GameCard:
        """Of a type's unseen cards, one from a domain the player has answered least (the type
        is then measured across domains, not in one liked or disliked domain); show order
        breaks a tie."""
        per_domain = dict.fromkeys(DOMAINS, 0)
        for s in self.swipes:
            per_domain[self.scorer.card(s.card_id).domain] += 1
        cid = min(candidates, key=lambda c: (per_domain[self.scorer.card(c).domain],
                                             self._rank[c]))
        return self.scorer.card(cid)

    def _duel_card(self, type_: str, unseen: list[str]) -> GameCard:
        """A card of this type for a duel: an unseen one first (new information), else the
        answered one liked most that no duel used yet, else the first of the type."""
        used = {c.id for d in self._duels for c in (d.left, d.right)}
        fresh = [cid for cid in unseen if self.scorer.card(cid).type == type_ and cid not in used]
        if fresh:
            return self.scorer.card(fresh[0])
        answered = [s for s in self.swipes if self.scorer.card(s.card_id).type == type_
                    and s.card_id not in used]
        if answered:
            best = max(answered, key=lambda s: (s.x, -self._rank[s.card_id]))
            return self.scorer.card(best.card_id)
        return next(c for c in self.scorer.cards if c.type == type_)

    # -- cards -----------------------------------------------------------------------------
    def current_card(self) -> GameCard | None:
        """The card to show now, or None (a duel is up, or the game is done)."""
        return self._next

    def card_after(self, liked: bool | float) -> GameCard | None:
        """The card that would come after this answer to the current card (None: a duel or the
        end), without changing the run: the screen draws it under the top card."""
        card = self._next
        if card is None:
            return None
        self.swipes.append(Swipe(card.id, _answer_value(liked), "swipe"))
        try:
            self._plan()
            return self._next
        finally:
            self.swipes.pop()
            self._plan()

    def swipe(self, card_id: str, liked: bool | float, via: str = "swipe") -> bool:
        """Answer the current card (``liked``: a bool, or a number 0–1). An unknown, stale or
        repeated id (double tap, late animation) changes nothing and returns False."""
        if via not in SWIPE_VIAS:
            raise ValueError(f"via must be one of {SWIPE_VIAS}, got {via!r}")
        x = _answer_value(liked)
        card = self._next
        if card is None or card.id != card_id:
            return False
        self.swipes.append(Swipe(card_id, x, via))
        self._plan()
        return True

    # -- duels -----------------------------------------------------------------------------
    def type_scores(self) -> dict[str, float]:
        """s_k from the answers so far."""
        return dict(zip(TYPES, self.profile().s))

    def duels(self) -> tuple[Duel, ...]:
        """The duels of this run so far, the current one included."""
        return tuple(self._duels)

    def current_duel(self) -> Duel | None:
        """The duel to show now, or None."""
        return self._duels[len(self.choices)] if len(self.choices) < len(self._duels) else None

    def choose(self, card_id: str, via: str = "button") -> bool:
        """Pick one card of the current duel; a stale or foreign id returns False."""
        if via not in SWIPE_VIAS:
            raise ValueError(f"via must be one of {SWIPE_VIAS}, got {via!r}")
        duel = self.current_duel()
        if duel is None or card_id not in (duel.left.id, duel.right.id):
            return False
        self.choices.append((card_id, via))
        self._plan()
        return True

    # -- progress --------------------------------------------------------------------------
    def undo(self) -> bool:
        """Take back the last answer (duel choice first, then swipes). False when none."""
        if self.choices:
            self.choices.pop()
        elif self.swipes:
            self.swipes.pop()
        else:
            return False
        self._plan()
        return True

    @property
    def graded(self) -> bool:
        """True when the game asks for graded answers: ``swipe`` then takes 0, ½ or 1."""
        return self.config.game_graded

    @property
    def max_answers(self) -> int:
        """The most answers one run can take (cards plus duels)."""
        game = self.config
        return min(len(self.order), game.game_max_cards) + game.game_max_duels

    @property
    def progress(self) -> tuple[int, int]:
        """(answers given, answers this run will take at most); at the end both are equal."""
        done = len(self.swipes) + len(self.choices)
        if self.finished:
            return done, done
        return done, max(done + 1, min(len(self.order), self.config.game_max_cards))

    @property
    def finished(self) -> bool:
        """No card and no duel left to ask."""
        return self._next is None and self.current_duel() is None and bool(self.swipes)

    def items(self) -> list[Item]:
        """The scored answers: one item per swipe, two per duel (chosen 1, other 0)."""
        items = [Item(self.scorer.card(s.card_id), s.x) for s in self.swipes]
        for duel, (chosen, _via) in zip(self._duels, self.choices):
            items.append(Item(duel.left, 1.0 if duel.left.id == chosen else 0.0))
            items.append(Item(duel.right, 1.0 if duel.right.id == chosen else 0.0))
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


def duo_result(a: GameResult, b: GameResult, config: GameConfig) -> DuoResult:
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
    """The card a duo guesses about ("what did the other one pick?"): of the cards both
    answered, in A's order, the first the two answered differently, else the first both liked,
    else the first both saw. Returns (card id, A liked it, B liked it)."""
    liked_a = {s.card_id: s.liked for s in a.swipes}
    liked_b = {s.card_id: s.liked for s in b.swipes}
    both = [c for c in liked_a if c in liked_b] or [a.swipes[0].card_id]
    pick = next((c for c in both if liked_a[c] != liked_b.get(c)), None)
    pick = pick or next((c for c in both if liked_a[c] and liked_b.get(c)), both[0])
    return pick, liked_a.get(pick, False), liked_b.get(pick, False)
