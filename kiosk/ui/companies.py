"""Companies present at today's event, with their jobs, stand and a QR to their contact page."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.core.screen_texts import colour_index, initials, short_company_name
from kiosk.core.links import LinkBuilder
from kiosk.ui.catalog import file_url

if TYPE_CHECKING:
    from kiosk.pack.models import Event, Pack

log = logging.getLogger("kiosk.ui")


class Companies(QObject):
    """Rows for the companies screen, in the visitor's language; links built and checked in core."""

    changed = Signal()

    def __init__(self, pack: Pack, event: Event | None, links: LinkBuilder) -> None:
        super().__init__()
        self._pack = pack
        self._event = event
        self._links = links
        self._lang = "nl"
        self._job = ""

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.changed.emit()

    def present(self) -> list[Any]:
        """Companies of this event (all of the pack's when no event names any)."""
        ids = list(self._event.companies) if self._event is not None else []
        if not ids:
            ids = list(self._pack.companies)
        return [self._pack.companies[c] for c in ids if c in self._pack.companies]

    @Slot(str)
    def showJob(self, job_id: str) -> None:
        """The result screen opens companies for one job: those offering it come first."""
        self._job = job_id
        self.changed.emit()

    def clear_job(self) -> None:
        """Back to all companies in their own order (the visitor left the companies screen)."""
        if self._job:
            self._job = ""
            self.changed.emit()

    @Property(str, notify=changed)
    def jobTitle(self) -> str:
        job = self._pack.jobs.get(self._job)
        return job.title.get(self._lang) if job is not None else ""

    def link_for(self, company: Any) -> str:
        link = self._links.company(company.id, company.internship_url or company.contact_url)
        if not link.ok:
            log.warning("company %s: link not shown: %s", company.id, link.problem)
            return ""
        return link.url or ""

    def links(self) -> list[tuple[str, str]]:
        """(company id, link) of today's companies; "" where the link is not shown."""
        return [(company.id, self.link_for(company)) for company in self.present()]

    @Property(list, notify=changed)
    def rows(self) -> list[dict[str, Any]]:
        stands = self._event.stands if self._event is not None else {}
        rows = []
        for company in self.present():
            jobs = [self._pack.jobs[j].title.get(self._lang) for j in company.jobs
                    if j in self._pack.jobs]
            rows.append({
                "id": company.id,
                "name": short_company_name(company.name),
                "description": company.description.get(self._lang),
                "logo": file_url(company.logo),
                # a company without a logo gets a badge: initials on a colour of its own
                "initials": initials(company.name),
                "colourIndex": colour_index(company.id),
                "jobs": jobs,
                "stand": stands.get(company.id, ""),
                "link": self.link_for(company),
                "offersJob": bool(self._job) and self._job in company.jobs,
            })
        if self._job:
            rows.sort(key=lambda r: not r["offersJob"])  # stable: pack order otherwise
        return rows
