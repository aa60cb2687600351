"""Read-aloud for QML: whether the visitor's language has a voice, and reading a text.

Python decides: the speaker button (components/SpeakerButton.qml) is shown only while
``available`` is true (a voice for the visitor's language, the engine started and has not
failed) and calls ``read(kind, text)``; a second tap on the same button stops it. Reading stops
when the screen changes, the language changes or the visit ends (the composition root wires
that). ``read_aloud {purpose, lang}`` is recorded: which kind of text, in which language —
never the text.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.media.speech import Speech
from kiosk.core.event_sink import EventSink
from kiosk.storage.events import READ_KINDS

if TYPE_CHECKING:
    from kiosk.ui.controller import Controller


class ReadAloud(QObject):
    """The read-aloud service behind the speaker buttons."""

    changed = Signal()

    def __init__(self, speech: Speech, store: EventSink | None = None,
                 controller: Controller | None = None,
                 lang: str = "nl") -> None:
        super().__init__()
        self._speech = speech
        self._store = store
        self._controller = controller
        self._lang = lang
        self._voices: frozenset[str] = frozenset()
        self._failed = False
        self._speaking = False
        self._pending = False  # asked to speak, the engine has not started yet
        self._current = ""   # the button being read: kind + text (a second tap stops)
        speech.voicesFound.connect(self._on_voices)
        speech.failed.connect(self._on_failed)
        speech.speakingChanged.connect(self._on_speaking)

    @Slot()
    def start(self) -> None:
        """Start the engine (a process of its own; nothing waits for it): the buttons appear
        once it reports a voice."""
        self._speech.start()

    @property
    def settled(self) -> bool:
        """The engine reported its voices, or read-aloud is off or failed: the buttons will not
        appear or go away by themselves from now on (what a layout check waits for)."""
        return self._speech.settled

    def available_for(self, lang: str) -> bool:
        """A voice reads ``lang`` and the engine works."""
        return not self._failed and lang in self._voices

    @Property(bool, notify=changed)
    def available(self) -> bool:
        """A voice for the visitor's language (else the speaker buttons stay hidden)."""
        return self.available_for(self._lang)

    @Property(str, notify=changed)
    def reading(self) -> str:
        """What is being read, as ``kind + "\\n" + text`` ("" when silent): that button
        shows 'stop'."""
        return self._current

    def set_language(self, lang: str) -> None:
        self.stop()
        self._lang = lang
        self.changed.emit()

    @Slot(str, str)
    def say(self, text: str, lang: str) -> None:
        """Read ``text`` in ``lang`` (whatever was being read stops first)."""
        if text.strip() and self.available_for(lang):
            self._speech.say(text, lang)

    @Slot(str, str)
    def read(self, kind: str, text: str) -> None:
        """A speaker button: read ``text`` in the visitor's language, or stop it when the same
        button is read already."""
        key = f"{kind}\n{text}"
        if self._current == key:
            self.stop()
            return
        if not text.strip() or not self.available:
            return
        self._current = key
        self._pending = True
        self._speech.say(text, self._lang)
        if self._store is not None and self._controller is not None and kind in READ_KINDS:
            self._store.record("read_aloud", self._controller.session_id, purpose=kind,
                               lang=self._lang)
        self.changed.emit()

    @Slot()
    def stop(self) -> None:
        """Silence (screen change, visit end, a second tap)."""
        if self._speaking or self._current:
            self._speech.stop()
        self._current = ""
        self._pending = False
        self.changed.emit()

    def close(self, wait_s: float) -> None:
        self._failed = True   # no button from here on
        self._speech.close(wait_s)
        self.changed.emit()

    @Slot(list)
    def _on_voices(self, languages: list[str]) -> None:
        self._voices = frozenset(languages)
        self.changed.emit()

    @Slot(str)
    def _on_failed(self, _reason: str) -> None:
        self._failed = True
        self._speaking = False
        self._current = ""
        self.changed.emit()

    @Slot(bool)
    def _on_speaking(self, speaking: bool) -> None:
        self._speaking = speaking
        if speaking:
            self._pending = False
        elif not self._pending:   # finished (not the stop before the next text)
            self._current = ""
        self.changed.emit()
