"""The visitor flow: one explicit state machine, pure Python (no Qt).

The UI follows ``VisitorFlow.state``; Qt timers only call ``tick(now)`` when the deadline
that ``next_deadline()`` names has come. All timeouts come from the config, so tests own the clock
by passing ``now`` themselves.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import field
from enum import StrEnum
from typing import Any

from kiosk.config import Config
from kiosk.records import record
from kiosk.visit.countdown import next_change, seconds_left


class State(StrEnum):
    """Screens of the visitor flow (plus admin). Values are what QML and tests see."""

    ATTRACT = "attract"
    PULSE = "pulse"  # the campaign's optional question, right after "Tik om te beginnen"
    HOME = "home"
    EPISODES = "episodes"
    PARENTS = "parents"
    PLAYER = "player"
    NEXT_UP = "next_up"
    GAME = "game"
    RESULT = "result"
    COMPANIES = "companies"
    ADMIN = "admin"


class EndReason(StrEnum):
    """Why a visitor session ended (stored with session_ended)."""

    IDLE = "idle"
    HOME = "home"
    ADMIN = "admin"
    ERROR = "error"
    SHUTDOWN = "shutdown"  # the machine or service manager stopped the kiosk (a signal)


# Sections a visitor can open from home; each needs its screen and content to be present.
SECTIONS: tuple[State, ...] = (State.EPISODES, State.GAME, State.COMPANIES, State.PARENTS)

# Which states may follow which (besides reset → attract and admin, allowed from anywhere).
_ALLOWED: dict[State, frozenset[State]] = {
    State.ATTRACT: frozenset({State.HOME, State.PULSE}),
    State.PULSE: frozenset({State.HOME}),
    State.HOME: frozenset(SECTIONS),
    State.EPISODES: frozenset({State.HOME, State.PLAYER}),
    State.PARENTS: frozenset({State.HOME, State.PLAYER}),
    State.PLAYER: frozenset({State.HOME, State.EPISODES, State.PARENTS, State.NEXT_UP, State.GAME,
                             State.RESULT}),
    State.NEXT_UP: frozenset({State.HOME, State.EPISODES, State.PARENTS, State.PLAYER, State.GAME,
                              State.RESULT}),
    State.GAME: frozenset({State.HOME, State.RESULT}),
    State.RESULT: frozenset({State.HOME, State.PLAYER, State.COMPANIES, State.GAME}),
    # back to the result it was opened from (``open`` checks that it was)
    State.COMPANIES: frozenset({State.HOME, State.RESULT}),
    State.ADMIN: frozenset(),
}


class FlowError(ValueError):
    """A transition the flow does not allow (a bug in the caller, logged, never shown)."""


@record
class Session:
    """One anonymous visitor: a random id and whatever they chose. Wiped on reset."""

    id: str
    started_at: float
    answers: dict[str, Any] = field(default_factory=dict)


# -- what listeners hear (typed values, not strings) ------------------------------------------
@record(frozen=True)
class StateChanged:
    """The visitor moved from one screen state to another."""

    old: State
    new: State


@record(frozen=True)
class SessionStarted:
    """A new anonymous visit began (a touch on attract)."""

    id: str


@record(frozen=True)
class SessionEnded:
    """A visit ended; ``duration`` is seconds since it started."""

    id: str
    reason: EndReason
    duration: float


@record(frozen=True)
class StillThere:
    """The "Ben je er nog?" overlay appeared (``shown``, counting ``seconds``) or went away."""

    shown: bool
    seconds: float


@record(frozen=True)
class LeaveAsked:
    """Home was tapped in an unfinished game: "Stoppen?" is ``shown``, or went away."""

    shown: bool


FlowEvent = StateChanged | SessionStarted | SessionEnded | StillThere | LeaveAsked
Listener = Callable[[FlowEvent], None]


class VisitorFlow:
    """Owns the visitor state, the idle rules and the session; listeners get a ``FlowEvent``."""

    def __init__(self, config: Config, now: float, sections: set[State] | None = None) -> None:
        self.config = config
        self.state = State.ATTRACT
        self.session: Session | None = None
        self.still_there = False
        self.playing = False
        self.available: set[State] = set(SECTIONS if sections is None else sections)
        self._last_touch = now
        self._listeners: list[Listener] = []
        self.ask_first = False  # the event's [pulse]: a visit starts at its question
        self.idle_timeout_s = config.flow.idle_timeout_s
        self.countdown_s = config.flow.still_there_countdown_s
        # Scanning a code is not touching: while one is on screen the wait is at least this.
        self.code_on_screen = False
        # An unfinished game asks before Home throws its answers away.
        self.game_unfinished = False
        self.leave_asked = False
        # Companies opened from a result leads back to it (its code and jobs are not lost).
        self.companies_from_result = False

    @property
    def session_id(self) -> str | None:
        """The current visitor's random id, or None between visitors."""
        return self.session.id if self.session is not None else None

    @property
    def idle_since(self) -> float:
        """When the idle clock last restarted (a touch, a new screen, a clip that stopped)."""
        return self._last_touch

    # -- wiring ---------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: FlowEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    def set_idle_times(self, timeout_s: float | None, countdown_s: float | None) -> None:
        """Event files may override the idle timeout and countdown."""
        if timeout_s is not None:
            self.idle_timeout_s = timeout_s
        if countdown_s is not None:
            self.countdown_s = countdown_s

    # -- visitor intents ------------------------------------------------------------------
    def start(self, now: float) -> None:
        """A touch on attract: a new anonymous session begins at home (or at the question)."""
        if self.state is not State.ATTRACT:
            return
        # what secrets.token_hex(8) gives, without importing secrets (and hashlib with it) for
        # the first attract frame
        self.session = Session(id=os.urandom(8).hex(), started_at=now)
        self._emit(SessionStarted(self.session.id))
        self._go(State.PULSE if self.ask_first else State.HOME, now)

    def open(self, target: State | str, now: float) -> None:
        """Go to another screen; raises FlowError for transitions the flow does not allow."""
        target = State(target)
        if target in SECTIONS and target not in self.available:
            raise FlowError(f"section '{target}' is not available")
        if target not in _ALLOWED[self.state]:
            raise FlowError(f"cannot go from '{self.state}' to '{target}'")
        if self.state is State.COMPANIES and target is State.RESULT \
                and not self.companies_from_result:
            raise FlowError("companies was not opened from a result")
        if target is State.COMPANIES:  # set first: listeners of the change read it
            self.companies_from_result = self.state is State.RESULT
        self._go(target, now)

    def home(self, now: float) -> None:
        """The visible way back home, from any visitor screen; in an unfinished game it asks
        first (``leave_asked``) and ``confirm_leave`` goes."""
        if self.state in (State.ATTRACT, State.ADMIN):
            return
        if self.state is State.GAME and self.game_unfinished:
            self._last_touch = now
            if not self.leave_asked:
                self.leave_asked = True
                self._emit(LeaveAsked(shown=True))
            return
        self._go(State.HOME, now)

    def confirm_leave(self, now: float) -> None:
        """"Ja, stoppen": the game's answers go, the visitor goes home."""
        if self.leave_asked:
            self._go(State.HOME, now)

    def cancel_leave(self, now: float) -> None:
        """"Verder spelen": back to the card the visitor was on."""
        self._last_touch = now
        self._close_leave()

    def set_game_unfinished(self, unfinished: bool) -> None:
        """The game says whether answers would be lost by leaving (cards answered, no result)."""
        self.game_unfinished = unfinished
        if not unfinished:
            self._close_leave()

    def set_code_on_screen(self, shown: bool, now: float) -> None:
        """A QR code is on screen (or no longer): someone may be scanning it."""
        if shown == self.code_on_screen:
            return
        self.code_on_screen = shown
        if shown and self.still_there:
            # a code came up under the overlay: the visitor gets the longer wait, from now
            self.touch(now)

    def effective_idle_timeout(self) -> float:
        """The idle wait now: the event's, but never under ``code_idle_min_s`` while a code is
        on screen (a phone's camera takes a while, and scanning is not touching)."""
        if self.code_on_screen:
            return max(self.idle_timeout_s, self.config.flow.code_idle_min_s)
        return self.idle_timeout_s

    def end_session(self, reason: EndReason, now: float) -> None:
        """'Klaar' button or a reset: wipe the session and go back to attract."""
        self._reset(reason, now)

    def touch(self, now: float) -> None:
        """Any touch or click: the visitor is still here."""
        self._last_touch = now
        if self.still_there:
            self.still_there = False
            self._emit(StillThere(shown=False, seconds=0.0))

    def set_playing(self, playing: bool, now: float) -> None:
        """The player reports whether an episode is running; idle never fires while it is."""
        self.playing = playing
        self._last_touch = now  # the idle clock restarts when a clip ends or pauses

    # -- admin ----------------------------------------------------------------------------
    def enter_admin(self, now: float) -> None:
        if self.session is not None:
            self._end(EndReason.ADMIN, now)
        self.still_there = False
        self._go(State.ADMIN, now)

    def leave_admin(self, now: float) -> None:
        if self.state is State.ADMIN:
            self._go(State.ATTRACT, now)

    # -- idle -------------------------------------------------------------------------------
    def idle_applies(self) -> bool:
        """Idle rules: never in attract/admin, never while an episode plays."""
        if self.state in (State.ATTRACT, State.ADMIN):
            return False
        return not (self.state is State.PLAYER and self.playing)

    def next_deadline(self) -> float | None:
        """The moment ``tick`` has something to do, or None."""
        if self.state is State.ADMIN:
            # admin left open by a technician closes itself, so no visitor finds it
            return self._last_touch + self.config.flow.admin_idle_timeout_s
        if not self.idle_applies():
            return None
        deadline = self._last_touch + self.effective_idle_timeout()
        return deadline + self.countdown_s if self.still_there else deadline

    def still_there_left(self, now: float) -> int:
        """The number the "Ben je er nog?" overlay shows: whole seconds until the visit ends
        (0 when the overlay is not up)."""
        deadline = self.next_deadline()
        if not self.still_there or deadline is None:
            return 0
        return seconds_left(deadline, now)

    def next_wake(self, now: float) -> float | None:
        """When the timer should call ``tick`` next: the deadline, and while the overlay
        counts down also each moment its number drops (so the number and the reset share one
        clock)."""
        deadline = self.next_deadline()
        if deadline is None or not self.still_there:
            return deadline
        return next_change(deadline, now)

    def tick(self, now: float) -> None:
        """Apply the idle rules at time ``now``."""
        if self.state is State.ADMIN:
            if now - self._last_touch >= self.config.flow.admin_idle_timeout_s:
                self._go(State.ATTRACT, now)
            return
        if not self.idle_applies():
            return
        idle_for = now - self._last_touch
        timeout = self.effective_idle_timeout()
        if idle_for >= timeout + self.countdown_s and self.still_there:
            self._reset(EndReason.IDLE, now)
        elif idle_for >= timeout and not self.still_there:
            self.still_there = True
            self._emit(StillThere(shown=True, seconds=self.countdown_s))

    # -- internals --------------------------------------------------------------------------
    def _go(self, target: State, now: float) -> None:
        old = self.state
        self.state = target
        self._last_touch = now
        if target is not State.PLAYER:
            self.playing = False
        if self.still_there:
            self.still_there = False
            self._emit(StillThere(shown=False, seconds=0.0))
        self._close_leave()
        if target is not State.COMPANIES:
            self.companies_from_result = False
        if old is not target:
            self._emit(StateChanged(old, target))

    def _close_leave(self) -> None:
        if self.leave_asked:
            self.leave_asked = False
            self._emit(LeaveAsked(shown=False))

    def _end(self, reason: EndReason, now: float) -> None:
        session, self.session = self.session, None
        if session is not None:
            self._emit(SessionEnded(session.id, reason, max(0.0, now - session.started_at)))

    def _reset(self, reason: EndReason, now: float) -> None:
        self._end(reason, now)
        self._go(State.ATTRACT, now)
