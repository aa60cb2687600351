"""The pack's series, seasons and episodes as plain lists for QML, in the visitor's language."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot

from kiosk.core.screen_texts import colour_index
from kiosk.core.formatting import mm_ss
from kiosk.core.routes import short_title
from kiosk.visit.viewing import ordered_series

if TYPE_CHECKING:
    from kiosk.pack.models import Pack


def file_url(path: Any) -> str:
    """A pack file as QML's Image wants it ("" for none: QML shows its placeholder)."""
    return QUrl.fromLocalFile(str(path)).toString() if path else ""


class Catalog(QObject):
    """Rows of episode tiles per series for one audience (students or parents)."""

    changed = Signal()
    thumbsChanged = Signal()

    def __init__(self, pack: Pack, featured: list[str] | None = None) -> None:
        super().__init__()
        self._pack = pack
        self._lang = "nl"
        self._audience = "students"
        self._featured = featured or []
        self._thumbs: dict[str, str] = {}

    def add_thumbnail(self, episode_id: str, path: Any) -> None:
        """A still made after start-up: tiles pick it up without rebuilding the rows."""
        self._thumbs[episode_id] = file_url(path)
        self.thumbsChanged.emit()

    @Property(dict, notify=thumbsChanged)
    def thumbs(self) -> dict[str, str]:
        """Stills made from the clips since start-up, by episode id."""
        return dict(self._thumbs)

    @property
    def lang(self) -> str:
        """The language the rows are in ("nl" or "en")."""
        return self._lang

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.changed.emit()

    @Slot(str)
    def setAudience(self, audience: str) -> None:
        if audience in ("students", "parents") and audience != self._audience:
            self._audience = audience
            self.changed.emit()

    @Property(str, notify=changed)
    def audience(self) -> str:
        return self._audience

    @property
    def featured(self) -> list[str]:
        """The event's featured series ids (attract loops them; rows show them first)."""
        return list(self._featured)

    def ordered_series(self) -> list[Any]:
        """Featured series of the event first, then the pack's order."""
        return ordered_series(self._pack, self._featured)

    def episode_row(self, episode: Any) -> dict[str, Any]:
        lang = self._lang
        series = self._series_of(episode.id)
        # a tile has room for "<name> · <job>" in two lines: the job's name without its
        # alternatives or a course name after it (the full title shows on the result)
        jobs = [short_title(self._pack.jobs[j].title.get(lang))
                for j in episode.jobs if j in self._pack.jobs]
        return {
            "id": episode.id,
            "title": episode.title.get(lang),
            "duration": mm_ss(episode.duration) if episode.duration else "",
            "thumbnail": file_url(episode.thumbnail),
            "job": jobs[0] if jobs else (short_title(episode.role_model.job.get(lang))
                                         if episode.role_model else ""),
            "roleModel": episode.role_model.name if episode.role_model else "",
            "isNew": bool(episode.new),
            # no thumbnail (yet): the tile shows the series' colour with the title
            "seriesTitle": series.title.get(lang) if series is not None else "",
            "colourIndex": colour_index(series.id if series is not None else episode.id),
        }

    def _series_of(self, episode_id: str) -> Any:
        for series in self._pack.series:
            for season in series.seasons:
                if any(e.id == episode_id for e in season.episodes):
                    return series
        return None

    @Property(list, notify=changed)
    def rows(self) -> list[dict[str, Any]]:
        """One row per season that has episodes for the audience: {series, title, episodes}."""
        rows = []
        for series in self.ordered_series():
            for season in series.seasons:
                eps = [e for e in season.episodes
                       if self._audience in e.audience and e.id in self._pack.episodes]
                if not eps:
                    continue
                title = series.title.get(self._lang)
                if len(series.seasons) > 1:
                    title = f"{title} · {season.title.get(self._lang)}"
                rows.append({"series": series.id, "title": title,
                             "episodes": [self.episode_row(e) for e in eps]})
        return rows

    @Slot(str, result="QVariantMap")
    def episode(self, episode_id: str) -> dict[str, Any]:
        ep = self._pack.episodes.get(episode_id)
        return self.episode_row(ep) if ep is not None else {}
