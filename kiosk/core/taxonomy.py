"""The fixed vocabularies of the game and the event log, and the rules on them — defined once.

Interest types (RIASEC, hexagon order), work domains, where a play or an answer came from
("via"), a job's main domain and the deck-balance rule. Pack models, scoring, metrics, the UI
and the event log all take them from here, so one pack never gets two answers. No Qt.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, Protocol, TypeVar

TYPES: tuple[str, ...] = ("R", "I", "A", "S", "E", "C")   # hexagon order (docs/game.md)
DOMAINS: tuple[str, ...] = ("bouw", "energie", "installatie", "metaal", "voertuigen", "media",
                            "maritiem")


class EpisodeVia(StrEnum):
    """How an episode came to play (the ``via`` of ``episode_started``)."""

    TILE = "tile"
    AUTOPLAY = "autoplay"
    GAME = "game"
    ATTRACT = "attract"
    FEATURED = "featured"
    SWIPE = "swipe"        # swipe up or down on the player (Reels-style)


class CardVia(StrEnum):
    """How a card was answered (the ``via`` of ``card_swiped``)."""

    SWIPE = "swipe"
    BUTTON = "button"
    DUEL = "duel"


# What a player may do to a card on screen; a duel pick is recorded as CardVia.DUEL.
SWIPE_VIAS: tuple[str, ...] = (CardVia.SWIPE.value, CardVia.BUTTON.value)


def episode_via(value: str) -> EpisodeVia:
    """The known via for ``value``; anything else counts as a tile tap (QML sends the string)."""
    try:
        return EpisodeVia(value)
    except ValueError:
        return EpisodeVia.TILE


_Domain = TypeVar("_Domain", bound=str)   # a domain id, or its Literal type in the pack's models


def main_domain(weights: Mapping[_Domain, float]) -> str:
    """A job's main domain: its heaviest weight, a tie to the domain listed first in
    ``DOMAINS`` ("" when no domain weighs anything). The game's surprise pick, the result's
    picture and the dashboard's top domains all use this one rule."""
    weighed = [m for m, w in weights.items() if w > 0]
    if not weighed:
        return ""
    return min(weighed, key=lambda m: (-weights[m], _domain_rank(m), m))


def job_code(riasec: Mapping[str, float], top: int = 3, minimum: float = 4.0) -> str:
    """A job's high-point code: its up to ``top`` highest-rated types, each rated at least
    ``minimum`` (the middle of the 1–7 scale), in hexagon order of rank; a tie for the last place
    keeps every tied type. ``{R: 7, C: 5, I: 4, …}`` → "RCI". The fairness checks use it to ask
    "does this job carry the player's type?"."""
    rated = [t for t in TYPES if riasec.get(t, 0) >= minimum]
    ranked = sorted(rated, key=lambda t: (-riasec[t], TYPES.index(t)))
    return "".join(t for t in ranked
                   if sum(riasec[u] > riasec[t] for u in TYPES if u in riasec) < top)


def _domain_rank(domain: str) -> int:
    return DOMAINS.index(domain) if domain in DOMAINS else len(DOMAINS)


class _DeckCard(Protocol):
    @property
    def type(self) -> str: ...

    @property
    def domain(self) -> str: ...


@dataclass(frozen=True)
class Shortfall:
    """Too few cards of one type or one domain for a fair game."""

    axis: Literal["type", "domain"]
    key: str
    count: int
    minimum: int


def deck_counts(cards: Iterable[_DeckCard]) -> tuple[dict[str, int], dict[str, int]]:
    """Cards per type and per domain (every type and domain listed, also at 0)."""
    listed = list(cards)
    types = Counter(c.type for c in listed)
    domains = Counter(c.domain for c in listed)
    return {t: types[t] for t in TYPES}, {m: domains[m] for m in DOMAINS}


def deck_shortfalls(cards: Iterable[_DeckCard], min_per_type: int,
                    min_per_domain: int) -> list[Shortfall]:
    """docs/game.md's balance rule: every type and every domain needs its minimum of cards.
    Empty when the deck is balanced; types first, then domains, each in vocabulary order."""
    types, domains = deck_counts(cards)
    out = [Shortfall("type", t, n, min_per_type) for t, n in types.items() if n < min_per_type]
    out += [Shortfall("domain", m, n, min_per_domain) for m, n in domains.items()
            if n < min_per_domain]
    return out
