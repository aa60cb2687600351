"""Fairness checks for the swipe game (docs/game.md: what the game promises every player).

Used by the tests, the benchmark and any report: deck balance, the six single-type players,
and simulated players with type-dependent like probabilities. No Qt, no gender field anywhere.
"""
from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosk.config import DEFAULT, Config
from kiosk.game.session import GameSession
from kiosk.game.scoring import GameCard, GameResult, Scorer
from kiosk.core.taxonomy import DOMAINS, TYPES, deck_counts, deck_shortfalls

BASE_LIKE = 0.3          # a simulated player likes a card of another type this often …
LEANING_LIKE = 0.8       # … and a card of a type they lean to this often
# The two groups docs/game.md asks about; the like rates are plausible, not measured.
LEANINGS: dict[str, tuple[str, ...]] = {"S/E-leaning": ("S", "E"), "R-leaning": ("R",)}


def deck_problems(cards: Sequence[GameCard], config: Config = DEFAULT) -> list[str]:
    """Why the deck is not balanced (empty when it is): docs/game.md's minimum per type and domain."""
    return [f"{s.axis} {s.key}: {s.count} cards (expected ≥ {s.minimum})"
            for s in deck_shortfalls(cards, config.game.deck_min_per_type, config.game.deck_min_per_domain)]


def play(scorer: Scorer, likes: Mapping[str, bool], rng: random.Random | None = None,
         duel_bias: Mapping[str, float] | None = None) -> GameResult:
    """Play one run: swipe every card as ``likes`` says; duels (if any) go to the card whose
    type ``duel_bias`` rates higher, a coin toss weighted by it when ``rng`` is given."""
    session = GameSession(scorer)
    while (card := session.current_card()) is not None:
        session.swipe(card.id, likes[card.id], "swipe")
    bias = duel_bias or {}
    while (duel := session.current_duel()) is not None:
        p_left, p_right = bias.get(duel.left.type, 0.5), bias.get(duel.right.type, 0.5)
        if rng is not None:
            pick_left = rng.random() * (p_left + p_right) < p_left
        else:
            pick_left = p_left >= p_right
        session.choose(duel.left.id if pick_left else duel.right.id)
    return session.result()


def single_type_results(scorer: Scorer) -> dict[str, GameResult]:
    """For each type, the result of a player who likes only that type's cards."""
    return {t: play(scorer, {c.id: c.type == t for c in scorer.cards}) for t in TYPES}


@dataclass(frozen=True)
class Simulation:
    """Share of shown result jobs per main domain for one group of simulated players."""

    group: str
    players: int
    shares: dict[str, float]

    def domains_covered(self, min_share: float) -> list[str]:
        """Domains holding at least ``min_share`` of all shown jobs."""
        return [m for m, share in self.shares.items() if share >= min_share]

    def line(self) -> str:
        """One printable line, e.g. for the fairness note."""
        parts = ", ".join(f"{m} {share:.0%}" for m, share in self.shares.items())
        return f"{self.group} ({self.players} players): {parts}"


def simulate(scorer: Scorer, leaning: Sequence[str], players: int = 200, seed: int = 1,
             group: str = "") -> Simulation:
    """Seeded players who like cards of the ``leaning`` types with LEANING_LIKE and the rest
    with BASE_LIKE; counts the main domain of every job on their result screens."""
    rng = random.Random(seed)
    probs = {t: LEANING_LIKE if t in leaning else BASE_LIKE for t in TYPES}
    counts: Counter[str] = Counter()
    for _ in range(players):
        likes = {c.id: rng.random() < probs[c.type] for c in scorer.cards}
        result = play(scorer, likes, rng, probs)
        counts.update(scorer.main_domain(js.index) for js in result.jobs)
    total = sum(counts.values())
    return Simulation(group or "".join(leaning), players,
                      {m: counts[m] / total for m in DOMAINS})


def fairness_report(scorer: Scorer, players: int = 200, seed: int = 1) -> list[str]:
    """Printable lines: deck balance, single-type players, simulated groups."""
    types, domains = deck_counts(scorer.cards)
    lines = ["deck per type: " + ", ".join(f"{t} {n}" for t, n in types.items()),
             "deck per domain: " + ", ".join(f"{m} {n}" for m, n in domains.items())]
    for t, result in single_type_results(scorer).items():
        jobs = ", ".join(f"{js.job_id} {js.score:.2f}" for js in result.jobs)
        lines.append(f"only {t} liked → {jobs}")
    for group, leaning in LEANINGS.items():
        lines.append(simulate(scorer, leaning, players, seed, group).line())
    return lines
