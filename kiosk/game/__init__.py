"""The swipe game "Welk techniekberoep past bij jou?" without Qt (docs/game.md).

The kiosk's game bridge, the tests and the tools all start a game the same way:

    from kiosk.config import DEFAULT
    from kiosk.game import new_session
    session = new_session("episodes", DEFAULT)
    while (duel := session.current_duel()) or (card := session.current_card()): ...
    session.result().jobs

``new_session(pack_dir, config)`` loads the pack with the kiosk's own loader;
``Game.from_pack(pack, config.game)`` does the same for a pack that is already loaded (the UI
bridge has one). The caller hands in the settings: the game has no defaults of its own.
``session.py`` holds the state of one run, ``scoring.py`` the scoring. This package imports core,
``config`` and ``paths`` only, never Qt (tests/unit/test_layering.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import Config, GameConfig
from kiosk.pack.loader import load_pack
from kiosk.game.scoring import Direction, GameCard, GameJob, GameResult, JobScore, Scorer
from kiosk.game.session import GameSession, game_inputs

if TYPE_CHECKING:
    from kiosk.pack.models import Pack

__all__ = ["Direction", "Game", "GameCard", "GameJob", "GameResult", "GameSession", "JobScore",
           "Scorer", "new_session"]


@dataclass(frozen=True)
class Game:
    """One pack's game: the scorer (job vectors computed once) that every session shares."""

    scorer: Scorer

    @classmethod
    def from_pack(cls, pack: Pack, config: GameConfig) -> Game:
        """The game of a loaded pack; ValueError naming the card or job when it cannot be
        played."""
        return cls(Scorer(*game_inputs(pack), config))

    def new_session(self) -> GameSession:
        """A fresh run through the deck."""
        return GameSession(self.scorer)


def new_session(pack_dir: str | Path, config: Config) -> GameSession:
    """A fresh game session for the pack folder ``pack_dir`` (loaded by the kiosk's loader).

    ValueError when the pack's deck cannot be played, with the pack's own explanation."""
    pack = load_pack(Path(pack_dir), config)
    if not pack.deck_ok:
        why = "; ".join(f"{p.file}: {p.field}: {p.message}" for p in pack.problems
                        if p.file in ("cards.toml", "jobs.toml"))
        raise ValueError(f"{pack_dir}: the game cannot be played ({why or 'no usable deck'})")
    return Game.from_pack(pack, config.game).new_session()
