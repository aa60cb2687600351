"""What a part of the kiosk needs to record what visitors do: ``record``. No Qt.

``kiosk.storage.events.EventStore`` is the one the kiosk uses; tests pass small recorders. Parts
are typed with this Protocol (not ``Any``), so mypy checks every call against it.
"""
from __future__ import annotations

from typing import Any, Protocol


class EventSink(Protocol):
    """Where events go: ``record(kind, session_id, **fields)`` is True when it was taken."""

    def record(self, kind: str, session_id: str | None = None, **fields: Any) -> bool: ...
