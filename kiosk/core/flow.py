"""The visitor flow: one explicit state machine, pure Python (no Qt).

The UI follows ``VisitorFlow.state``; Qt timers only call ``tick(now)`` when the deadline
that ``next_deadline()`` names has come. All timeouts come from the config, so tests own the clock
by passing ``now`` themselves.
"""
from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kiosk.config import Config
from kiosk.core.countdown import next_change, seconds_left


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
    State.COMPANIES: frozenset({State.HOME}),
    State.ADMIN: frozenset(),
}


class FlowError(ValueError):
    """A transition the flow does not allow (a bug in the caller, logged, never shown)."""


@dataclass
class Session:
    """One anonymous visitor: a random id and whatever they chose. Wiped on reset."""

    id: str
    started_at: float
    answers: dict[str, Any] = field(default_factory=dict)


# -- what listeners hear (typed values, not strings) ------------------------------------------
@dataclass(frozen=True)
class StateChanged:
    """The visitor moved from one screen state to another."""

    old: State
    new: State


@dataclass(frozen=True)
class SessionStarted:
    """A new anonymous visit began (a touch on attract)."""

    id: str


@dataclass(frozen=True)
class SessionEnded:
    """A visit ended; ``duration`` is seconds since it started."""

    id: str
    reason: EndReason
    duration: float


@dataclass(frozen=True)
class StillThere:
    """The "Ben je er nog?" overlay appeared (``shown``, counting ``seconds``) or went away."""

    shown: bool
    seconds: float


FlowEvent = StateChanged | SessionStarted | SessionEnded | StillThere
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
        self.idle_timeout_s = config.idle_timeout_s
        self.countdown_s = config.still_there_countdown_s

    @property
    def session_id(self) -> str | None:
        """The current visitor's random id, or None between visitors."""
        return self.session.id if self.session is not None else None

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
        self.session = Session(id=secrets.token_hex(8), started_at=now)
        self._emit(SessionStarted(self.session.id))
        self._go(State.PULSE if self.ask_first else State.HOME, now)

    def open(self, target: State | str, now: float) -> None:
        """Go to another screen; raises FlowError for transitions the flow does not allow."""
        target = State(target)
        if target in SECTIONS and target not in self.available:
            raise FlowError(f"section '{target}' is not available")
        if target not in _ALLOWED[self.state]:
            raise FlowError(f"cannot go from '{self.state}' to '{target}'")
        self._go(target, now)

    def home(self, now: float) -> None:
        """The visible way back home, from any visitor screen."""
        if self.state in (State.ATTRACT, State.ADMIN):
            return
        self._go(State.HOME, now)

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
            return self._last_touch + self.config.admin_idle_timeout_s
        if not self.idle_applies():
            return None
        deadline = self._last_touch + self.idle_timeout_s
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
            if now - self._last_touch >= self.config.admin_idle_timeout_s:
                self._go(State.ATTRACT, now)
            return
        if not self.idle_applies():
            return
        idle_for = now - self._last_touch
        if idle_for >= self.idle_timeout_s + self.countdown_s and self.still_there:
            self._reset(EndReason.IDLE, now)
        elif idle_for >= self.idle_timeout_s and not self.still_there:
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
        if old is not target:
            self._emit(StateChanged(old, target))

    def _end(self, reason: EndReason, now: float) -> None:
        session, self.session = self.session, None
        if session is not None:
            self._emit(SessionEnded(session.id, reason, max(0.0, now - session.started_at)))

    def _reset(self, reason: EndReason, now: float) -> None:
        self._end(reason, now)
        self._go(State.ATTRACT, now)
