"""What a part of the kiosk needs to record what visitors do: ``record``. No Qt.

``kiosk.storage.events.EventStore`` is the one the kiosk uses; tests pass small recorders. Parts
are typed with this Protocol (not ``Any``), so mypy checks every call against it.
"""
from __future__ import annotations

from typing import Any, Protocol


class EventSink(Protocol):
    """Where events go: ``record(kind, session_id, **fields)`` is True when it was taken."""

    def record(self, kind: str, session_id: str | None = None, **fields: Any) -> bool: ...


class HeldEvents:
    """Events recorded before the event log is open: the kiosk draws attract's first frame
    before it opens the database (``kiosk.app``). ``hand_to`` passes them on in order once it
    is; until then nothing is lost and nothing waits for the disk."""

    def __init__(self) -> None:
        self._held: list[tuple[str, str | None, dict[str, Any]]] = []
        self.event_id: str | None = None   # as EventStore has it; the log sets its own

    def record(self, kind: str, session_id: str | None = None, **fields: Any) -> bool:
        self._held.append((kind, session_id, fields))
        return True

    def hand_to(self, sink: EventSink) -> None:
        held, self._held = self._held, []
        for kind, session_id, fields in held:
            sink.record(kind, session_id, **fields)
