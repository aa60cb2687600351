"""Records ``qr_shown`` each time a QR code is put on screen; QML only draws the codes.

Which codes a screen shows is decided in ``kiosk.visit.screen_codes``; this object reads the state
and what the visitor chose from the other QML-facing objects and records the codes that appeared.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

from kiosk.visit.flow import State
from kiosk.visit.screen_codes import Code, Selection, ShownCodes, codes_on_screen
from kiosk.ui.companies import Companies
from kiosk.ui.game_bridge import GameBridge
from kiosk.ui.parents_page import ParentsPage
from kiosk.ui.playback import Playback

if TYPE_CHECKING:
    from kiosk.core.event_sink import EventSink
    from kiosk.ui.controller import Controller


class CodeCounter(QObject):
    """Listens to whatever can change the codes on screen and counts each appearance once."""

    def __init__(self, store: EventSink, controller: Controller, playback: Playback,
                 game: GameBridge,
                 companies: Companies, parents: ParentsPage | None = None) -> None:
        super().__init__()
        self._store = store
        self._parents = parents
        self._controller = controller
        self._playback = playback
        self._game = game
        self._companies = companies
        self._shown = ShownCodes()
        # A code counts once the event loop can draw it: a change and its undoing within one
        # call (playing the next episode passes the player screen with the old episode for a
        # moment) must not count as an appearance.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        for changed in (controller.stateChanged, playback.changed, game.resultChanged,
                        companies.changed):
            changed.connect(self._pending.start)
        if parents is not None:
            parents.changed.connect(self._pending.start)

    @property
    def on_screen(self) -> frozenset[Code]:
        """The codes counted as on screen now."""
        return self._shown.on_screen

    @property
    def pending(self) -> bool:
        """Something changed that is not looked at yet (it will be before the next frame)."""
        return self._pending.isActive()

    def _selection(self, state: State) -> Selection:
        # Only the part the screen can show is read: building every company's link on each
        # playback change would log a bad link over and over.
        if state in (State.PLAYER, State.NEXT_UP):
            current = self._playback.current_row()
            return Selection(episode=current.get("id", ""), episode_link=current.get("link", ""),
                             share_link=current.get("shareLink", ""))
        if state is State.RESULT:
            return Selection(result_link=self._game.result_link())
        if state is State.COMPANIES:
            return Selection(companies=tuple(self._companies.links()))
        if state is State.PARENTS and self._parents is not None:
            return Selection(parents_link=self._parents.link())
        return Selection()

    @Slot()
    def refresh(self) -> None:
        state = self._controller.flow.state
        new = self._shown.update(codes_on_screen(state, self._selection(state)))
        # someone may be scanning: the idle wait is longer while a code is up
        self._controller.set_code_on_screen(bool(self._shown.on_screen))
        for code in new:
            # counted per purpose and target, never who scanned
            self._store.record("qr_shown", self._controller.session_id, purpose=code.purpose,
                               target=code.target)
