"""The campaign's question for QML: what to ask now, and the visitor's taps as events.

The rules (first tap counts, once per visit) are ``kiosk.core.pulse.PulseVisit``; this object
follows the flow (a new visit, a result or end card, the end of a visit) and records
``pulse_answered``, ``pulse_skipped`` and ``pulse_group`` in the visit's anonymous session.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.visit.flow import FlowError, FlowEvent, SessionEnded, SessionStarted, State, StateChanged
from kiosk.core.pulse import Group, Phase, PulseVisit, Step
from kiosk.core.event_sink import EventSink
from kiosk.ui.controller import Controller

if TYPE_CHECKING:
    from kiosk.pack.models import Event

log = logging.getLogger("kiosk.ui")

# Where the after-question is asked: the game's result, and the end card of a clip watched to
# the end (the flow reaches NEXT_UP only then).
_AFTER_STATES = (State.RESULT, State.NEXT_UP)


class PulseBridge(QObject):
    """The optional one-tap question: off (``enabled`` false) unless the event has ``[pulse]``."""

    changed = Signal()
    languageChanged = Signal()

    def __init__(self, event: Event | None, store: EventSink, controller: Controller) -> None:
        super().__init__()
        self._settings = getattr(event, "pulse", None)
        self._store = store
        self._controller = controller
        self._visit: PulseVisit | None = None
        self._after_here = False  # the card on screen now shows the after-question
        self._lang = "nl"
        controller.flow.ask_first = self._settings is not None
        controller.flow.subscribe(self._on_flow_event)

    # -- properties -------------------------------------------------------------------------
    @Property(bool, constant=True)
    def enabled(self) -> bool:
        return self._settings is not None

    @Property(str, notify=languageChanged)
    def question(self) -> str:
        """The event's own words, or "" for the default question (a translated UI text)."""
        own = self._settings.question if self._settings is not None else None
        return own.get(self._lang) if own is not None else ""

    @Property(str, notify=changed)
    def step(self) -> str:
        """``faces``, ``group`` or ``done``: what the question screen shows."""
        return self._visit.step.value if self._visit is not None else Step.DONE.value

    @Property(bool, notify=changed)
    def afterShown(self) -> bool:
        """The result or end card on screen asks the question again (inline)."""
        return self._after_here

    @Property(int, notify=changed)
    def afterChoice(self) -> int:
        """The face the visitor gave after (0: none yet); the card thanks them instead."""
        return self._visit.after or 0 if self._visit is not None else 0

    @Property(bool, notify=changed)
    def afterDone(self) -> bool:
        visit = self._visit
        return visit is not None and (visit.after is not None or visit.after_skipped)

    def asking_after(self) -> bool:
        """The card on screen waits for the after-answer: the end card holds its autoplay."""
        return bool(self._after_here and not self.afterDone)

    # -- plain Python access (tests) ----------------------------------------------------------
    @property
    def visit(self) -> PulseVisit | None:
        return self._visit

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.languageChanged.emit()

    # -- visitor intents ------------------------------------------------------------------------
    @Slot(str, int)
    def answer(self, phase: str, value: int) -> None:
        """A face; a second tap (another face, the same instant) is ignored: the first counts."""
        visit, which = self._visit, Phase(phase)
        if visit is None or not visit.answer(which, value):
            return
        self._store.record("pulse_answered", self._controller.session_id, phase=which.value,
                           value=value)
        self._moved_on(which)

    @Slot(str)
    def skip(self, phase: str) -> None:
        visit, which = self._visit, Phase(phase)
        if visit is None:
            return
        if visit.skip(which):
            self._store.record("pulse_skipped", self._controller.session_id, phase=which.value)
        self._moved_on(which)

    @Slot(str)
    def chooseGroup(self, answer: str) -> None:
        visit = self._visit
        try:
            group = Group(answer)
        except ValueError:
            log.warning("ignored pulse group %r", answer)
            return
        if visit is None or not visit.choose_group(group):
            return
        self._store.record("pulse_group", self._controller.session_id, answer=group.value)
        self._moved_on(Phase.BEFORE)

    # -- reactions ------------------------------------------------------------------------------
    def _moved_on(self, phase: Phase) -> None:
        self.changed.emit()
        if phase is Phase.BEFORE and self._visit is not None and self._visit.step is Step.DONE:
            # after the QML handler that tapped returns: the question screen gives way to home
            QTimer.singleShot(0, self._leave_question)

    def _leave_question(self) -> None:
        if self._controller.flow.state is not State.PULSE:
            return
        try:
            self._controller.go_to(State.HOME)
        except FlowError as exc:  # a reset got there first
            log.warning("pulse: %s", exc)

    def _asked(self, phase: Phase) -> None:
        """The question is on screen: what the report's response rates count from."""
        self._store.record("pulse_asked", self._controller.session_id, phase=phase.value)

    def _on_flow_event(self, event: FlowEvent) -> None:
        if self._settings is None:
            return
        if isinstance(event, SessionStarted):
            self._visit = PulseVisit(ask_group=self._settings.ask_group)
            self.changed.emit()
        elif isinstance(event, SessionEnded):
            # walking away records no answer: nothing is written, the visit's answers go
            self._visit = None
            self._after_here = False
            self.changed.emit()
        elif isinstance(event, StateChanged):
            if event.new is State.PULSE:
                self._asked(Phase.BEFORE)
            # the first result or end card of the visit asks again; leaving it ends the offer
            here = (event.new in _AFTER_STATES and self._visit is not None
                    and self._visit.offer_after())
            if here:
                self._asked(Phase.AFTER)
            if here != self._after_here:
                self._after_here = here
                self.changed.emit()
