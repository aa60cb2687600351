"""The parents' and teachers' page: the route from school to work, and their take-home code.

The facts (steps, profiles) are kiosk.core.routes; the pack adds example jobs per profile.
The code opens the parents' page of the take-home site (the pack's ``site_url``), or the
channel when the pack has no site.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal

from kiosk.core.links import LinkBuilder
from kiosk.core.routes import profiles, route_steps
from kiosk.visit.spoken import parents_text

if TYPE_CHECKING:
    from kiosk.pack.models import Pack

log = logging.getLogger("kiosk.ui")


class ParentsPage(QObject):
    """What the parents' screen shows, in the visitor's language."""

    changed = Signal()

    def __init__(self, pack: Pack, links: LinkBuilder) -> None:
        super().__init__()
        self._pack = pack
        self._links = links
        self._lang = "nl"
        self._warned = False

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.changed.emit()

    @Property(list, notify=changed)
    def steps(self) -> list[dict[str, str]]:
        """vmbo profile → mbo level → job: ``{"title", "line"}`` each."""
        return route_steps(self._lang)

    @Property(list, notify=changed)
    def profiles(self) -> list[dict[str, Any]]:
        """The five vmbo profiles: ``{"code", "name", "line", "examples"}``."""
        return profiles(self._pack, self._lang)

    @Property(str, notify=changed)
    def speech(self) -> str:
        """What the page's speaker button reads."""
        return parents_text(route_steps(self._lang), profiles(self._pack, self._lang, 0),
                            self._lang)

    def link(self) -> str:
        """The take-home code's link ("" when the pack's links cannot make one)."""
        built = self._links.parents_code()
        if not built.ok and not self._warned:
            self._warned = True   # once: the screen asks on every language switch
            log.warning("parents' code not shown: %s", built.problem)
        return built.url or ""

    @Property(str, notify=changed)
    def codeLink(self) -> str:
        return self.link()
