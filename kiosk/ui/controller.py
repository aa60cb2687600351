"""The QObject that exposes the visitor flow to QML and turns QML intents into flow calls.

QML binds to properties here and calls slots for intents; every decision is made in
``kiosk.core``. Slot names say the intent; ``on_<signal>`` methods react to the core.
"""
from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Property, QObject, QTimer, QUrl, Signal, Slot

from kiosk.config import Config
from kiosk.core.event_sink import HeldEvents
from kiosk.pack.head import PackHead
from kiosk.visit.pin_gate import PinGate
from kiosk.visit.countdown import timer_ms
from kiosk.visit.flow import (
    EndReason, VisitorFlow, FlowError, FlowEvent, LeaveAsked, SessionEnded, SessionStarted,
    State, StateChanged, StillThere,
)
from kiosk.visit.clear_spot import clear_spot

if TYPE_CHECKING:
    from kiosk.pack.head import EventHead
    from kiosk.pack.models import Event, Pack
    from kiosk.storage.events import EventStore

log = logging.getLogger("kiosk.ui")

F = TypeVar("F", bound=Callable[..., Any])


def guarded(method: F) -> F:
    """An intent from QML that raises is logged and the kiosk goes back to attract.

    PySide turns an exception in a slot called from QML into a QML warning, which would
    leave the visitor on a half-done screen; this catches it where it happens."""

    @functools.wraps(method)
    def wrapper(self: Controller, *args: Any) -> Any:
        try:
            return method(self, *args)
        except Exception:  # every bug must end in attract, never a dead screen
            log.exception("error in %s%r", method.__name__, args)
            self.recoverFromError()
            return None

    return wrapper  # type: ignore[return-value]


class Controller(QObject):
    """Flow state, language, idle overlay and the admin PIN pad, for QML."""

    stateChanged = Signal()
    stillThereChanged = Signal()
    stillThereRemainingChanged = Signal()
    leaveAskedChanged = Signal()
    languageChanged = Signal()
    pinChanged = Signal()
    sectionsChanged = Signal()
    statsChanged = Signal()
    quitRequested = Signal()
    playRequested = Signal(str, str)  # episode id, via: handled by Playback

    def __init__(self, config: Config, store: EventStore | HeldEvents, pack: Pack | PackHead,
                 event: Event | EventHead | None,
                 available: set[State], idle_timeout_s: float | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 restarts_file: Path | None = None) -> None:
        super().__init__()
        self._config = config
        self._store = store
        self._pack = pack
        self._event = event
        self._ready = not isinstance(pack, PackHead)   # the head: until adopt()
        self._clock = clock
        self._flow = VisitorFlow(config, clock(), sections=available)
        if event is not None and config.flow.idle_from_event:
            self._flow.set_idle_times(event.idle_timeout, event.idle_countdown)
        if idle_timeout_s is not None:  # --idle-timeout on the command line wins
            self._flow.set_idle_times(idle_timeout_s, None)
        self._flow.subscribe(self._on_flow_event)
        self._lang = config.language.default_language
        self._language_hook: Callable[[str], None] | None = None
        self._still_there_left = 0
        self._pin_visible = False
        self._pin_message = ""
        self._gate = PinGate(event.admin_pin_hash if event is not None else None, config)
        self._quit_allowed = False
        self._runtime_problems: list[str] = []
        self._restarts_file = restarts_file  # the watchdog's restarts log (admin counts them)
        self._pin_timer = QTimer(self)  # a PIN pad nobody uses closes itself
        self._pin_timer.setSingleShot(True)
        self._pin_timer.setInterval(int(config.admin.admin_pin_pad_timeout_s * 1000))
        self._pin_timer.timeout.connect(self.cancelPin)
        # Ends the visit and, while "Ben je er nog?" is up, wakes each time its number drops:
        # one timer, so the number shown and the reset cannot drift apart.
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)   # precise: set when first armed
        self._idle_timer.timeout.connect(self.on_idle_timeout)

    # -- properties -----------------------------------------------------------------------
    def _get_state(self) -> str:
        return self._flow.state.value

    state = Property(str, _get_state, notify=stateChanged)

    @Property(bool, notify=stillThereChanged)
    def stillThere(self) -> bool:
        return self._flow.still_there

    @Property(int, notify=stillThereRemainingChanged)
    def stillThereRemaining(self) -> int:
        """Whole seconds until "Ben je er nog?" ends the visit (0 when it is not shown)."""
        return self._still_there_left

    @Property(bool, notify=leaveAskedChanged)
    def leaveAsked(self) -> bool:
        """Home was tapped in an unfinished game: ask "Stoppen met het spel?"."""
        return self._flow.leave_asked

    @Property(bool, notify=stateChanged)
    def canReturnToResult(self) -> bool:
        """Companies was opened from a result: its back button leads there."""
        return self._flow.state is State.COMPANIES and self._flow.companies_from_result

    @Property(str, notify=languageChanged)
    def language(self) -> str:
        return self._lang

    @Property(bool, notify=pinChanged)
    def pinPadVisible(self) -> bool:
        return self._pin_visible

    @Property(str, notify=pinChanged)
    def pinMessage(self) -> str:
        return self._pin_message

    @Property(int, constant=True)
    def pinLength(self) -> int:
        return self._config.admin.admin_pin_length

    @Property(float, constant=True)
    def adminGestureSeconds(self) -> float:
        return self._config.admin.admin_gesture_s

    @Property(bool, constant=True)
    def quitAllowed(self) -> bool:
        return self._quit_allowed

    @Property(list, notify=sectionsChanged)
    def sections(self) -> list[str]:
        return [s.value for s in State if s in self._flow.available]

    @Property(int, notify=statsChanged)
    def sessionsCount(self) -> int:
        if self._flow.state is not State.ADMIN or isinstance(self._store, HeldEvents):
            return 0
        return self._store.sessions_count(self._config.store.ui_flush_timeout_s)

    @Property(int, notify=statsChanged)
    def restartsCount(self) -> int:
        """How often the watchdog restarted the kiosk (its restarts log in the data dir)."""
        if self._flow.state is not State.ADMIN or self._restarts_file is None:
            return 0
        from kiosk.ops.supervisor_files import read_restarts

        return len(read_restarts(self._restarts_file))

    @Property(list, notify=statsChanged)
    def contentProblems(self) -> list[str]:
        """What `check` found at start, then what went wrong while playing (newest last)."""
        if self._flow.state is not State.ADMIN:
            return []
        return [str(p) for p in getattr(self._pack, "problems", [])] + self._runtime_problems

    @Property(str, notify=languageChanged)
    def eventTitle(self) -> str:
        """What the attract screen calls this place: the event's name, else the pack's title."""
        if self._event is not None:
            return self._event.name.get(self._lang)
        title = getattr(self._pack, "title", None)
        return title.get(self._lang) if title is not None else ""

    @Property(str, notify=languageChanged)
    def eventWelcome(self) -> str:
        welcome = getattr(self._event, "welcome", None)
        return welcome.get(self._lang) if welcome is not None else ""

    @Property(str, notify=languageChanged)
    def eventPlace(self) -> str:
        """Where the event is held ("Aula, Hoofdgebouw"); a name, the same in every language."""
        return str(getattr(self._event, "place", None) or "")

    @Property(str, constant=True)
    def eventLogo(self) -> str:
        logo = getattr(self._event, "logo", None)
        return QUrl.fromLocalFile(str(logo)).toString() if logo else ""

    @Property(str, constant=True)
    def eventName(self) -> str:
        return self._event.name.get(self._lang) if self._event is not None else ""

    # -- plain Python access (tests, app) -------------------------------------------------
    @property
    def flow(self) -> VisitorFlow:
        return self._flow

    def set_language_hook(self, hook: Callable[[str], None]) -> None:
        """The window installs translators when the language changes."""
        self._language_hook = hook

    def adopt(self, pack: Pack, event: Event | None, available: set[State],
              store: EventStore) -> None:
        """The fully loaded pack and the open event log, after a first attract frame drawn
        from the pack's head (``kiosk.pack.head``; the composition root checked that both show
        the same event): the sections its content offers, its problems for admin, and the
        events recorded meanwhile go to the log."""
        if isinstance(self._store, HeldEvents):
            self._store.hand_to(store)
        self._store = store
        self._pack, self._event = pack, event
        self._ready = True
        self._flow.available = set(available)
        self.sectionsChanged.emit()
        self.statsChanged.emit()

    def note_problem(self, text: str) -> None:
        """A problem found while running (a clip that would not play), for the admin list."""
        if text not in self._runtime_problems:
            self._runtime_problems.append(text)
            self._runtime_problems = self._runtime_problems[-self._config.admin.admin_problems_max:]
            self.statsChanged.emit()

    def now(self) -> float:
        """The controller's clock (monotonic seconds)."""
        return self._clock()

    @property
    def session_id(self) -> str | None:
        """The current visitor's random id (None between visitors), for recorded events."""
        return self._flow.session_id

    def go_to(self, state: State) -> None:
        """Move the flow to ``state`` for another Python part (playback's player and end card);
        raises ``FlowError`` when the flow does not allow it from here."""
        self._flow.open(state, self._clock())

    def set_code_on_screen(self, shown: bool) -> None:
        """Whether a QR code is on screen now (the code counter knows): the idle wait follows."""
        self._flow.set_code_on_screen(shown, self._clock())
        self._schedule_idle()

    def note_touch(self) -> None:
        """Called by the window's event filter on every press."""
        self._flow.touch(self._clock())
        self._schedule_idle()

    # -- visitor intents --------------------------------------------------------------------
    @Slot()
    @guarded
    def start(self) -> None:
        if not self._ready:
            # a touch before the rest of the kiosk is made (attract's first frame comes
            # first, kiosk.app): attract stays; the next touch starts the visit
            log.info("touch before the kiosk was fully started: attract stays")
            return
        self._flow.start(self._clock())

    @Slot(str)
    @guarded
    def openSection(self, name: str) -> None:
        try:
            self._flow.open(name, self._clock())
        except (FlowError, ValueError) as exc:
            log.warning("ignored navigation: %s", exc)

    @Slot()
    @guarded
    def goHome(self) -> None:
        self._flow.home(self._clock())

    @Slot()
    @guarded
    def confirmLeave(self) -> None:
        self._flow.confirm_leave(self._clock())

    @Slot()
    @guarded
    def cancelLeave(self) -> None:
        self._flow.cancel_leave(self._clock())

    @Slot()
    @guarded
    def companiesBack(self) -> None:
        """Companies opened from a result: back to that result."""
        try:
            self._flow.open(State.RESULT, self._clock())
        except FlowError as exc:
            log.warning("ignored navigation: %s", exc)
            self._flow.home(self._clock())

    @Slot(float, float, float, float, list, result=list)
    def stillThereSpot(self, width: float, height: float, box_width: float, box_height: float,
                       codes: list[list[float]]) -> list[float]:
        """Where "Ben je er nog?" goes so it covers no code on screen: [x, y, scale], or []
        when even the smallest card would cover one. ``codes`` are [x, y, w, h] lists."""
        rects = [tuple(float(v) for v in c) for c in codes if len(c) == 4]
        spot = clear_spot(width, height, box_width, box_height, rects)  # type: ignore[arg-type]
        return list(spot) if spot is not None else []

    @Slot()
    @guarded
    def endSession(self) -> None:
        self._flow.end_session(EndReason.HOME, self._clock())

    @Slot(str)
    @guarded
    def setLanguage(self, lang: str) -> None:
        if self._apply_language(lang):
            self._store.record("language_changed", self._flow.session_id, lang=lang)

    def _apply_language(self, lang: str) -> bool:
        if lang not in self._config.language.languages or lang == self._lang:
            return False
        self._lang = lang
        if self._language_hook is not None:
            self._language_hook(lang)
        self.languageChanged.emit()
        return True

    @Slot()
    @guarded
    def toggleLanguage(self) -> None:
        langs = list(self._config.language.languages)
        self.setLanguage(langs[(langs.index(self._lang) + 1) % len(langs)])

    @Slot(str, str)
    @guarded
    def playEpisode(self, episode_id: str, via: str) -> None:
        """A tile, the game result or the end card asks for an episode."""
        self.playRequested.emit(episode_id, via)

    @Slot(bool)
    @guarded
    def setPlaying(self, playing: bool) -> None:
        self._flow.set_playing(playing, self._clock())
        self._schedule_idle()

    # -- admin ---------------------------------------------------------------------------
    @Slot()
    @guarded
    def adminGesture(self) -> None:
        """The hidden long-press: show the PIN pad (a visitor sees nothing else happen)."""
        self._pin_visible = True
        self._pin_timer.start()
        locked = self._gate.locked_for(self._clock())
        self._pin_message = self._locked_text(locked) if locked else ""
        self.pinChanged.emit()

    @Slot(str)
    @guarded
    def submitPin(self, pin: str) -> None:
        self._pin_timer.start()  # someone is typing: give them the full time again
        outcome = self._gate.try_pin(pin, self._clock())
        if outcome.accepted:
            self._pin_timer.stop()
            self._pin_visible = False
            self._pin_message = ""
            self.pinChanged.emit()
            self._store.record("admin_opened")
            self._flow.enter_admin(self._clock())
            return
        self._store.record("admin_pin_failed")
        self._pin_message = (self._locked_text(outcome.locked_for) if outcome.locked_for
                             else self.tr("Onjuiste pincode"))
        self.pinChanged.emit()

    @Slot()
    @guarded
    def cancelPin(self) -> None:
        self._pin_timer.stop()
        self._pin_visible = False
        self._pin_message = ""
        self.pinChanged.emit()

    @Slot()
    @guarded
    def leaveAdmin(self) -> None:
        self._flow.leave_admin(self._clock())

    @Slot()
    @guarded
    def quitKiosk(self) -> None:
        """Only reachable from the admin screen, behind the PIN."""
        if self._flow.state is State.ADMIN:
            self._quit_allowed = True
            log.info("admin quit the kiosk")
            self.quitRequested.emit()

    @Slot()
    def recoverFromError(self) -> None:
        """After an unhandled exception: back to attract, the session ends with reason error."""
        self._pin_visible = False
        self.pinChanged.emit()
        if self._flow.state is not State.ATTRACT:
            self._flow.end_session(EndReason.ERROR, self._clock())

    def shutdown(self, reason: EndReason = EndReason.ADMIN) -> None:
        """End an open session (kiosk closing), stop timers, let the window close."""
        self._quit_allowed = True
        self._idle_timer.stop()
        if self._flow.session is not None:
            self._flow.end_session(reason, self._clock())

    # -- reactions to the core ----------------------------------------------------------------
    def _locked_text(self, seconds: float) -> str:
        return self.tr("Even wachten: %n seconden", "", int(seconds + 0.999))

    def _on_flow_event(self, event: FlowEvent) -> None:
        sid = self._flow.session_id
        if isinstance(event, StateChanged):
            self._store.record("screen_shown", sid, screen=event.new.value)
            self.stateChanged.emit()
            if event.new is State.ADMIN:
                self.statsChanged.emit()
        elif isinstance(event, SessionStarted):
            self._store.record("session_started", event.id)
        elif isinstance(event, SessionEnded):
            # dwell time comes from the session's first and last timestamps
            self._store.record("session_ended", event.id, reason=event.reason.value)
            # the next visitor starts in Dutch
            self._apply_language(self._config.language.default_language)
        elif isinstance(event, StillThere):
            self._update_still_there_left(self._clock())  # the overlay appears with its number
            self.stillThereChanged.emit()
        elif isinstance(event, LeaveAsked):
            self.leaveAskedChanged.emit()
        self._schedule_idle()

    def _update_still_there_left(self, now: float) -> None:
        left = self._flow.still_there_left(now)
        if left != self._still_there_left:
            self._still_there_left = left
            self.stillThereRemainingChanged.emit()

    def _schedule_idle(self) -> None:
        now = self._clock()
        self._update_still_there_left(now)
        wake = self._flow.next_wake(now)
        if wake is None:
            self._idle_timer.stop()
            return
        # Here, not in __init__: the first attract frame needs nothing of Qt's namespace,
        # whose ~100 enums cost about 25 ms of CPU to make.
        from PySide6.QtCore import Qt

        self._idle_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._idle_timer.start(timer_ms(wake, now))

    @Slot()
    @guarded
    def on_idle_timeout(self) -> None:
        self._flow.tick(self._clock())
        self._schedule_idle()
