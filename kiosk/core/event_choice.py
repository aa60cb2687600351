"""Which event a pack runs: the one rule, for the kiosk, preflight, the links' campaign tag and
the studio's preview. No Qt.

The event whose date is today (an event may list several days), else the next one to come, else
the pack's ``default_event``, else its first event. A kiosk started with ``--event ID`` is
*pinned*: it runs that event whatever the date, and says so (admin, log, a stick's result
file), together with what the dates would have chosen, so a pin left over from the install never
hides the event of the day silently.

    from kiosk.core.event_choice import running_event
    choice = running_event(pack, today)           # choice.event, choice.why
    choice = running_event(pack, today, "x")      # pinned: choice.by_date is the date's pick
"""
from __future__ import annotations

import datetime
from typing import Any

from kiosk.records import record

WHY = ("pinned", "today", "upcoming", "default", "first")


class UnknownEvent(ValueError):
    """A pinned event id the pack does not hold; the message is one line."""


@record(frozen=True)
class EventChoice:
    """The running event and why: ``why`` is one of ``WHY``.

    ``by_date`` is what the date rule picks, with ``date_why`` (equal to ``event``/``why`` unless
    the kiosk is pinned to another event)."""

    event: Any
    why: str
    by_date: Any
    date_why: str

    @property
    def pinned(self) -> bool:
        return self.why == "pinned"

    @property
    def overrides_date(self) -> bool:
        """Pinned to another event than the dates would run."""
        return self.pinned and self.by_date.id != self.event.id

    def log_line(self) -> str:
        """One line for the log (English, like the rest of it)."""
        if not self.pinned:
            return f"event {self.event.id} ({self.why})"
        if self.overrides_date:
            return (f"event pinned to {self.event.id} by --event; by date it would be "
                    f"{self.by_date.id} ({self.date_why}): start without --event to follow "
                    "the dates")
        return f"event pinned to {self.event.id} by --event (the dates agree)"


def event_dates(event: Any) -> list[datetime.date]:
    """Every day an event is held (``date`` and ``dates`` together), sorted."""
    dates = set(getattr(event, "dates", None) or [])
    if getattr(event, "date", None):
        dates.add(event.date)
    return sorted(dates)


def by_date(events: dict[str, Any], default_event: str | None,
            today: datetime.date) -> tuple[Any, str]:
    """(event, why) by the dates alone; ``events`` must not be empty."""
    todays = [e for e in events.values() if today in event_dates(e)]
    if todays:
        return todays[0], "today"
    upcoming = [(min(d for d in event_dates(e) if d > today), e) for e in events.values()
                if any(d > today for d in event_dates(e))]
    if upcoming:
        return min(upcoming, key=lambda de: de[0])[1], "upcoming"
    if default_event in events:
        return events[default_event], "default"
    return next(iter(events.values())), "first"


def running_event(pack: Any, today: datetime.date | None = None,
                  pinned: str | None = None) -> EventChoice | None:
    """The event ``pack`` runs on ``today`` (default: the local date), or None without events.

    ``pinned`` (the kiosk's ``--event``) wins over the dates; an id the pack lacks raises
    ``UnknownEvent`` (the caller decides whether that stops a start or falls back)."""
    events: dict[str, Any] = getattr(pack, "events", None) or {}
    if not events:
        if pinned is not None:
            raise UnknownEvent(f"event '{pinned}' is not in the pack (it has no events)")
        return None
    dated, date_why = by_date(events, getattr(pack, "default_event", None),
                              today or datetime.date.today())
    if pinned is None:
        return EventChoice(dated, date_why, dated, date_why)
    if pinned not in events:
        known = ", ".join(sorted(events))
        raise UnknownEvent(f"event '{pinned}' is not in the pack (events: {known})")
    return EventChoice(events[pinned], "pinned", dated, date_why)
