"""The swipe game for QML: one ``GameSession`` per player per visit, the result, duo mode, events.

Every decision is in ``kiosk.game`` (sessions start through ``kiosk.game.Game``, the same path
as ``kiosk.game.new_session``); this object only turns it into plain maps in the
visitor's language and records the events. A card's type and domain never reach QML: a card
carries its text and a picture (or a generated placeholder chosen here).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.config import Config
from kiosk.core.routes import explain_profile
from kiosk.core.screen_texts import route_steps, short_company_name
from kiosk.core.direction_words import direction_words
from kiosk.visit.spoken import details_text, job_text, sentence
from kiosk.visit.flow import FlowEvent, SessionEnded, State, StateChanged
from kiosk.game import Game
from kiosk.game.session import (
    GameResult,
    GameSession,
    JobScore,
    Scorer,
    duo_because,
    duo_result,
    guess_card,
)
from kiosk.core.links import LinkBuilder, ResultSummary
from kiosk.core.taxonomy import SWIPE_VIAS, CardVia, main_domain
from kiosk.visit.viewing import role_model_episode
from kiosk.ui.catalog import file_url

if TYPE_CHECKING:
    from kiosk.pack.models import Event, Pack
    from kiosk.core.event_sink import EventSink
    from kiosk.ui.controller import Controller

log = logging.getLogger("kiosk.ui")

# Placeholder pictures: a pictogram and a tint per work domain (drawn by GameArt.qml).
ART: dict[str, tuple[str, str]] = {
    "bouw": ("house", "#FFD23F"), "energie": ("bolt", "#17D4B4"),
    "installatie": ("drop", "#3DA5FF"), "metaal": ("gear", "#FF6B5A"),
    "voertuigen": ("wheel", "#8C6BFF"), "media": ("screen", "#17D4B4"),
    "maritiem": ("ship", "#3DA5FF"),
}
NEUTRAL_ART = ("spark", "#B8C0E0")


class GamePlayer(QObject):
    """One player's deck for QML (solo uses A; duo uses A and B side by side)."""

    changed = Signal()

    def __init__(self, owner: GameBridge, index: int) -> None:
        super().__init__()
        self._owner = owner
        self._index = index
        self.session: GameSession | None = None

    def reset(self, session: GameSession | None) -> None:
        self.session = session
        self.changed.emit()

    @Property(dict, notify=changed)
    def card(self) -> dict[str, Any]:
        s = self.session
        card = s.current_card() if s is not None else None
        return self._owner.card_map(card.id) if card is not None else {}

    @Property(dict, notify=changed)
    def nextCard(self) -> dict[str, Any]:
        """The card under the top one (drawn beneath it, so a swipe never shows a gap). The game
        picks the next card from the answers, so it is shown only when "Vet!" and "Niks voor
        mij" lead to the same card; otherwise a blank card lies beneath."""
        s = self.session
        if s is None or s.current_card() is None:
            return {}
        after_yes, after_no = s.card_after(True), s.card_after(False)
        if after_yes is None and after_no is None:
            return {}
        if after_yes == after_no and after_yes is not None:
            return self._owner.card_map(after_yes.id)
        return {"id": "next", "text": "", "image": "", "art": NEUTRAL_ART[0],
                "tint": NEUTRAL_ART[1]}

    @Property(dict, notify=changed)
    def duel(self) -> dict[str, Any]:
        s = self.session
        duel = s.current_duel() if s is not None else None
        if duel is None:
            return {}
        return {"a": self._owner.card_map(duel.left.id), "b": self._owner.card_map(duel.right.id)}

    @Property(int, notify=changed)
    def answered(self) -> int:
        return self.session.progress[0] if self.session is not None else 0

    @Property(int, notify=changed)
    def total(self) -> int:
        return self.session.progress[1] if self.session is not None else 0

    @Property(bool, notify=changed)
    def done(self) -> bool:
        return self.session is not None and self.session.finished

    @Property(bool, notify=changed)
    def canUndo(self) -> bool:
        s = self.session
        return s is not None and bool(s.swipes or s.choices)

    @Slot(str, bool, str, result=bool)
    def swipe(self, card_id: str, liked: bool, via: str) -> bool:
        """A card went right (liked) or left; ``via`` is "swipe" or "button"."""
        return self._owner.on_swipe(self, card_id, liked, via)

    @Slot(str, result=bool)
    def choose(self, card_id: str) -> bool:
        """The player picked one card of a duel."""
        return self._owner.on_choose(self, card_id)

    @Slot(result=bool)
    def undo(self) -> bool:
        """Take back the last answer."""
        return self._owner.on_undo(self)


class GameBridge(QObject):
    """Starts a game per visit, exposes the players, the result and duo mode, records events."""

    phaseChanged = Signal()
    resultChanged = Signal()

    def __init__(self, pack: Pack, event: Event | None, store: EventSink,
                 controller: Controller, config: Config,
                 links: LinkBuilder, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._pack, self._event, self._store = pack, event, store
        self._controller, self._config, self._links = controller, config, links
        self._clock = clock
        self._lang = config.language.default_language
        self._game: Game | None = None
        self._scorer: Scorer | None = None
        try:
            self._game = Game.from_pack(pack, config.game)
            self._scorer = self._game.scorer
        except ValueError as exc:  # the deck check hides the game; say why in the log
            log.warning("swipe game off: %s", exc)
        self._cards = {c.id: c for c in pack.cards}
        self._phase = "intro"
        self._mode = "solo"
        self._started_at = 0.0
        self._results: list[GameResult] = []
        self._guesses: list[int] = [-1, -1]   # duo: what A guessed B chose, and B about A
        self._result_cache: dict[str, Any] | None = None
        self._players = [GamePlayer(self, 0), GamePlayer(self, 1)]
        for player in self._players:
            player.changed.connect(self._check_finished)
        controller.flow.subscribe(self._on_flow_event)

    # -- properties ------------------------------------------------------------------------
    @Property(str, notify=phaseChanged)
    def phase(self) -> str:
        """"intro", "playing" or "result"."""
        return self._phase

    @Property(str, notify=phaseChanged)
    def mode(self) -> str:
        return self._mode

    @Property(GamePlayer, constant=True)
    def playerA(self) -> GamePlayer:
        return self._players[0]

    @Property(GamePlayer, constant=True)
    def playerB(self) -> GamePlayer:
        return self._players[1]

    @Property(int, constant=True)
    def deckSize(self) -> int:
        """The most cards one run shows (the intro says how many); duels may follow."""
        if self._scorer is None:
            return 0
        return min(len(self._scorer.cards), self._config.game.game_max_cards)

    @Property(float, constant=True)
    def swipeThreshold(self) -> float:
        return self._config.game.game_swipe_threshold

    @Property(float, constant=True)
    def flickMinimum(self) -> float:
        return self._config.game.game_flick_min

    @Property(float, constant=True)
    def flickSpeed(self) -> float:
        return self._config.game.game_flick_speed

    @Property(dict, notify=resultChanged)
    def result(self) -> dict[str, Any]:
        """Solo: {direction, jobs}; duo: {match, directionA, directionB, guess}. {} before."""
        if self._result_cache is None:  # many bindings read this; build it once per change
            self._result_cache = self._result_map() if self._results else {}
        return self._result_cache

    def _result_map(self) -> dict[str, Any]:
        if self._mode == "solo":
            res = self._results[0]
            # "Deze drie passen even goed": how many of the top jobs are equally good matches
            # (within measurement noise of the best; 0 when the best one stands out)
            equal = sum(1 for js in res.jobs if js.equal and not js.surprise)
            return {"direction": self._direction(res), "equalTop": equal, "jobs": [
                self.job_map(js, rank, list(js.because))
                for rank, js in zip(("1", "2", "3", "surprise"), res.jobs)]}
        a, b = self._results
        duo = duo_result(a, b, self._config.game)
        jobs = []
        for rank, m in enumerate(duo.match, 1):
            js = next(j for j in a.ranking if j.job_id == m.job_id)
            jobs.append(self.job_map(js, str(rank), self._duo_because(js.index)))
        return {"match": jobs, "directionA": self._direction(a),
                "directionB": self._direction(b), "guess": self._guess_map()}

    def result_link(self) -> str:
        """The take-home link for the result QR ("" when there is no result or no valid link)."""
        if not self._results:
            return ""
        if self._mode == "solo":
            res = self._results[0]
            top = [js.job_id for js in res.jobs if not js.surprise]
            extra = next((js.job_id for js in res.jobs if js.surprise), None)
            summary = ResultSummary(tuple(top), extra, res.direction.code,
                                    res.direction.domains)
        else:
            a, b = self._results
            duo = duo_result(a, b, self._config.game)
            # both players' directions: the page shows each what they are like
            summary = ResultSummary(tuple(m.job_id for m in duo.match), None,
                                    a.direction.code, a.direction.domains, duo=True,
                                    riasec_b=b.direction.code, domains_b=b.direction.domains)
        link = self._links.result(summary)
        if not link.ok:
            log.warning("result link not shown: %s", link.problem)
        return link.url or ""

    resultLink = Property(str, result_link, notify=resultChanged)

    # -- intents -----------------------------------------------------------------------------
    @Slot(str)
    def start(self, mode: str) -> None:
        """Solo or duo: a fresh session per player, same show order for both."""
        if self._game is None or mode not in ("solo", "duo"):
            log.warning("game not started (mode %r, deck usable: %s)", mode, bool(self._game))
            return
        self._mode = mode
        self._results = []
        self._guesses = [-1, -1]
        self._started_at = self._clock()
        self._players[0].reset(self._game.new_session())
        self._players[1].reset(self._game.new_session() if mode == "duo" else None)
        self._set_phase("playing")
        self._record("game_started", mode=mode)

    @Slot(int, bool)
    def guess(self, player: int, liked: bool) -> None:
        """Duo: player 0 guesses what player 1 chose on the guess card, and the other way."""
        if self._mode == "duo" and self._results and player in (0, 1) and \
                self._guesses[player] < 0:
            self._guesses[player] = int(liked)
            self._result_changed()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        for player in self._players:
            player.changed.emit()
        self._result_changed()

    # -- called by GamePlayer ----------------------------------------------------------------
    def on_swipe(self, player: GamePlayer, card_id: str, liked: bool, via: str) -> bool:
        s = player.session
        if self._phase != "playing" or s is None or via not in SWIPE_VIAS:
            return False
        if not s.swipe(card_id, liked, via):
            return False
        self._record("card_swiped", card_id=card_id, liked=bool(liked), via=via)
        player.changed.emit()
        return True

    def on_undo(self, player: GamePlayer) -> bool:
        s = player.session
        if self._phase != "playing" or s is None:
            return False
        last = s.choices[-1][0] if s.choices else s.swipes[-1].card_id if s.swipes else None
        if last is None or not s.undo():
            return False
        # metrics count a card's last answer only: an undone swipe no longer counts as a like
        self._record("card_undone", card_id=last)
        player.changed.emit()
        return True

    def on_choose(self, player: GamePlayer, card_id: str) -> bool:
        s = player.session
        if self._phase != "playing" or s is None or not s.choose(card_id, "button"):
            return False
        self._record("card_swiped", card_id=card_id, liked=True, via=CardVia.DUEL.value)
        player.changed.emit()
        return True

    # -- maps for QML --------------------------------------------------------------------------
    def card_map(self, card_id: str) -> dict[str, Any]:
        card = self._cards[card_id]
        art, tint = ART.get(card.domain, NEUTRAL_ART)
        return {"id": card.id, "text": card.text.get(self._lang), "image": file_url(card.image),
                "art": art, "tint": tint, "speech": sentence(card.text.get(self._lang))}

    def job_map(self, js: JobScore, rank: str, because: list[str]) -> dict[str, Any]:
        job = self._pack.jobs[js.job_id]
        art, tint = ART.get(main_domain(job.domains), NEUTRAL_ART)
        episode = role_model_episode(self._pack, job.id)
        shown = self._pack.episodes.get(episode) if episode else None
        return {
            # the role model's face (their episode's thumbnail) and first name, for the card
            "face": file_url(shown.thumbnail) if shown is not None and shown.thumbnail else "",
            "roleModel": shown.role_model.name if shown is not None and shown.role_model else "",
            "id": job.id, "rank": rank, "surprise": js.surprise, "equal": js.equal,
            "title": job.title.get(self._lang), "day": job.day.get(self._lang),
            "route": job.route.get(self._lang), "image": file_url(job.image),
            "art": art, "tint": tint, "episode": episode,
            "because": [self._cards[c].text.get(self._lang) for c in because if c in self._cards],
            # names without their legal form: "Vandaag hier: …" stays readable in full
            "companies": [short_company_name(c.name) for c in self._present_companies()
                          if job.id in c.jobs],
            # a profile's code alone ("vmbo BWI") means nothing to a visitor: its name beside it
            "routeSteps": [explain_profile(step, self._lang)
                           for step in route_steps(job.route.get(self._lang))],
            # what its speaker button reads aloud
            "speech": job_text(job.title.get(self._lang), job.day.get(self._lang),
                               job.route.get(self._lang), self._lang),
            "detailsSpeech": details_text(
                job.route.get(self._lang), [short_company_name(c.name) for c in
                                            self._present_companies() if job.id in c.jobs],
                self._lang),
        }

    def _present_companies(self) -> list[Any]:
        ids = list(self._event.companies) if self._event is not None else []
        ids = ids or list(self._pack.companies)
        return [self._pack.companies[c] for c in ids if c in self._pack.companies]

    def _direction(self, res: GameResult) -> dict[str, Any]:
        types, domains = list(res.direction.types), list(res.direction.domains)
        return {"types": types, "domains": domains, "equal": res.direction.equal,
                "words": direction_words(types, domains, self._lang)}  # what the chips say

    def _duo_sessions(self) -> tuple[GameSession, GameSession]:
        a, b = (p.session for p in self._players)
        assert a is not None and b is not None, "duo result without two players"
        return a, b

    def _duo_because(self, job_index: int) -> list[str]:
        assert self._scorer is not None
        a, b = self._duo_sessions()
        return duo_because(self._scorer, a.items(), b.items(), job_index)

    def _guess_map(self) -> dict[str, Any]:
        card_id, liked_a, liked_b = guess_card(*self._duo_sessions())
        return {"card": self.card_map(card_id), "likedA": liked_a, "likedB": liked_b,
                "guessA": self._guesses[0], "guessB": self._guesses[1]}

    def _result_changed(self) -> None:
        # QML re-reads bindings before any Python slot runs, so the cache goes first.
        self._result_cache = None
        self.resultChanged.emit()

    # -- flow -------------------------------------------------------------------------------------
    def _set_phase(self, phase: str) -> None:
        self._phase = phase
        self._tell_flow()
        self.phaseChanged.emit()

    def _tell_flow(self) -> None:
        # Home asks first once answers would be lost (a card answered, no result yet).
        answered = any(p.session is not None and p.session.progress[0] > 0
                       for p in self._players)
        self._controller.flow.set_game_unfinished(self._phase == "playing" and answered)

    def _check_finished(self) -> None:
        self._tell_flow()
        if self._phase != "playing":
            return
        playing = [p.session for p in self._players if p.session is not None]
        if not playing or not all(s.finished for s in playing):
            return
        self._results = [s.result() for s in playing]
        self._set_phase("result")
        if self._mode == "solo":
            shown = [js.job_id for js in self._results[0].jobs]
        else:
            a, b = self._results
            shown = [m.job_id for m in duo_result(a, b, self._config.game).match]
        self._record("game_finished", jobs=shown, mode=self._mode,
                     duration=max(0.0, self._clock() - self._started_at))
        self._result_changed()
        # After the current QML handler returns: the game screen is replaced by the result.
        QTimer.singleShot(0, lambda: self._controller.openSection(State.RESULT.value))

    def _on_flow_event(self, event: FlowEvent) -> None:
        if isinstance(event, SessionEnded):
            if self._phase == "playing":
                self._abandon(event.id)
            self._wipe()
        elif isinstance(event, StateChanged):
            if event.old is State.GAME and event.new is not State.RESULT \
                    and self._phase == "playing":
                self._abandon(self._controller.session_id)
                self._wipe()
            if event.new is State.GAME:
                self._wipe()  # every visit to the game starts at its intro

    def _abandon(self, session_id: str | None) -> None:
        at = max(p.session.progress[0] for p in self._players if p.session is not None)
        self._store.record("game_abandoned", session_id, at_card=at)

    def _wipe(self) -> None:
        """Forget every answer (a new visitor, or a new game)."""
        self._results = []
        self._guesses = [-1, -1]
        for player in self._players:
            player.reset(None)
        self._set_phase("intro")
        self._result_changed()

    def _record(self, kind: str, **fields: Any) -> None:
        self._store.record(kind, self._controller.session_id, **fields)
