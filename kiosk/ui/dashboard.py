"""The admin dashboard's figures for QML (behind the PIN): computed off the UI thread.

``refresh()`` starts one background computation (``kiosk.insights.metrics`` in SQLite, which
releases the GIL) on its own read-only connection; the figures arrive with ``changed``.
A newer refresh wins over an older one still running. QML only shows: all text is made here,
and the charts are the campaign report's SVG charts (``chart_svg``, shown through
``kiosk.ui.chart_images``).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.config import Config
from kiosk.core.formatting import mm_ss, one_decimal, percent
from kiosk.core.pulse import VALUES
from kiosk.insights.metrics import (
    Choices,
    Filter,
    Metrics,
    choices,
    compute_file,
    job_domains,
    read_only,
)

from kiosk.insights.pulse_report import PulseFigures, pulse_figures

if TYPE_CHECKING:
    from kiosk.pack.models import Pack
    from kiosk.insights.charts import Style

log = logging.getLogger("kiosk.ui")


def _title(items: Any, key: str, limit: int = 24) -> str:
    """A pack item's Dutch title (shortened for an axis), or the id when the pack lacks it."""
    item = items.get(key) if items and hasattr(items, "get") else None
    title = (getattr(item, "title", None) or getattr(item, "name", None)
             or getattr(item, "text", None))
    if isinstance(title, str):
        text = title
    elif title is not None and hasattr(title, "get"):
        text = title.get("nl")
    else:
        text = key
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Dashboard(QObject):
    """Figures for one filter (event, day); ``""`` in a filter means all."""

    changed = Signal()
    busyChanged = Signal()
    CHARTS = ("watch", "hours", "jobs", "cards")
    # generation, Metrics, Choices, PulseFigures (worker → UI thread)
    _computed = Signal(int, object, object, object)

    def __init__(self, db_path: Path, config: Config, pack: Pack | None = None,
                 event_id: str | None = None, clock: Callable[[], float] = time.time,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_path = Path(db_path)
        self._config = config
        self._pack = pack
        self._clock = clock
        self._domains = job_domains(getattr(pack, "jobs", {}) or {})
        self._event = event_id or ""
        self._day = time.strftime("%Y-%m-%d", time.localtime(clock()))
        self._metrics = Metrics(filter=Filter(),
                                watch_through_reference=config.insights.watch_through_reference)
        self._choices = Choices(events=[], days=[])
        self._pulse: PulseFigures | None = None  # the campaign's question, when it was asked
        self._generation = 0
        self._shown = 0   # figures shown so far: the charts' version, so QML asks again
        self._busy = False
        self.last_refresh_s = 0.0  # how long the last computation took (benchmarks, log)
        self._computed.connect(self._on_computed)

    # --- intents --------------------------------------------------------------------------

    @Slot(str, str)
    def setFilter(self, event_id: str, day: str) -> None:
        """Show one event and/or one day (``""`` = all), then recompute."""
        self._event, self._day = event_id, day
        self.changed.emit()
        self.refresh()

    @Slot(str)
    def setEvent(self, event_id: str) -> None:
        self.setFilter(event_id, self._day)

    @Slot(str)
    def setDay(self, day: str) -> None:
        self.setFilter(self._event, day)

    @Slot()
    def refresh(self) -> None:
        """Recompute in the background; ``changed`` fires when the figures are in."""
        self._generation += 1
        flt = Filter(event_id=self._event or None, day=self._day or None)
        self._set_busy(True)
        threading.Thread(target=self._work, args=(self._generation, flt),
                         name="kiosk-dashboard", daemon=True).start()

    def compute_now(self) -> None:
        """Compute on this thread (benchmarks and tools; the UI uses ``refresh``)."""
        self._generation += 1
        flt = Filter(event_id=self._event or None, day=self._day or None)
        self._on_computed(self._generation, *self._compute(flt))

    # --- work -------------------------------------------------------------------------------

    def _compute(self, flt: Filter) -> tuple[Metrics, Choices, PulseFigures]:
        started = time.perf_counter()
        metrics = compute_file(self._db_path, flt, self._config, self._domains)
        with closing(read_only(self._db_path, self._config)) as conn:
            available = choices(conn)
            pulse = pulse_figures(conn, flt, self._config.report)
        self.last_refresh_s = time.perf_counter() - started
        return metrics, available, pulse

    def _work(self, generation: int, flt: Filter) -> None:
        pulse: PulseFigures | None
        try:
            metrics, available, pulse = self._compute(flt)
        except Exception:
            log.exception("dashboard: cannot compute the figures from %s", self._db_path)
            metrics, available, pulse = None, None, None
        try:
            self._computed.emit(generation, metrics, available, pulse)
        except RuntimeError:  # the dashboard was deleted while we computed
            pass

    def _on_computed(self, generation: int, metrics: Metrics | None,
                     available: Choices | None, pulse: PulseFigures | None = None) -> None:
        if generation != self._generation:
            return  # an older filter; a newer computation is on its way
        if metrics is not None and available is not None:
            self._metrics, self._choices, self._pulse = metrics, available, pulse
            self._shown += 1
            log.info("dashboard: figures for %s in %.0f ms", metrics.filter,
                     self.last_refresh_s * 1000)
        self._set_busy(False)
        self.changed.emit()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit()

    # --- what QML shows -------------------------------------------------------------------

    @property
    def metrics(self) -> Metrics:
        return self._metrics

    @Property(bool, notify=busyChanged)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=changed)
    def filterEvent(self) -> str:
        return self._event

    @Property(str, notify=changed)
    def filterDay(self) -> str:
        return self._day

    @Property(list, notify=changed)
    def eventChoices(self) -> list[dict[str, str]]:
        events = getattr(self._pack, "events", {}) or {}
        ids = list(dict.fromkeys([*([self._event] if self._event else []), *self._choices.events]))
        return [{"id": "", "label": self.tr("Alle evenementen")}] + [
            {"id": e, "label": _title(events, e, 32)} for e in ids]

    @Property(list, notify=changed)
    def dayChoices(self) -> list[dict[str, str]]:
        today = time.strftime("%Y-%m-%d", time.localtime(self._clock()))
        days = list(dict.fromkeys([today, *self._choices.days]))[
            : self._config.insights.dashboard_days]
        if self._day and self._day not in days:
            days.append(self._day)
        return [{"id": "", "label": self.tr("Alle dagen")}] + [
            {"id": d, "label": self.tr("Vandaag") if d == today else d} for d in days]

    @Property(int, notify=changed)
    def sessions(self) -> int:
        return self._metrics.sessions

    @Property(str, notify=changed)
    def dwellText(self) -> str:
        return mm_ss(self._metrics.dwell_median_s)

    @Property(str, notify=changed)
    def videosText(self) -> str:
        return one_decimal(self._metrics.videos_per_session)

    @Property(str, notify=changed)
    def watchThroughText(self) -> str:
        return percent(self._metrics.watch_through_overall)

    @Property(float, notify=changed)
    def referencePct(self) -> float:
        return self._metrics.watch_through_reference * 100

    @Property(str, notify=changed)
    def referenceText(self) -> str:
        return percent(self._metrics.watch_through_reference)

    @Property(str, notify=changed)
    def gameFinishText(self) -> str:
        return percent(self._metrics.game_finish_rate)

    @Property(str, notify=changed)
    def gameTimeText(self) -> str:
        return mm_ss(self._metrics.game_median_duration_s)

    @Property(int, notify=changed)
    def resetsIdle(self) -> int:
        return self._metrics.resets_idle

    @Property(int, notify=changed)
    def resetsByHand(self) -> int:
        return self._metrics.resets_by_hand

    @Property(bool, notify=changed)
    def pulseAsked(self) -> bool:
        """Whether anyone was asked the campaign's question under this filter."""
        return self._pulse is not None and self._pulse.all.asked > 0

    @Property(str, notify=changed)
    def pulseText(self) -> str:
        """Before → after and the paired change, or "te weinig antwoorden" below the report's
        minimum (a day at a quiet stand must not show one visitor's answer)."""
        fig = self._pulse
        if fig is None or not fig.all.asked:
            return "–"
        c = fig.all
        if not fig.enough(c.before_answered):
            return self.tr("te weinig antwoorden")
        mean = [sum(v * k for v, k in zip(VALUES, d)) / sum(d) if sum(d) else None
                for d in (c.before, c.after)]
        text = self.tr("voor %1").replace("%1", one_decimal(mean[0]))
        if fig.enough(c.after_answered):
            text += " · " + self.tr("na %1").replace("%1", one_decimal(mean[1]))
        change = c.change
        if fig.enough(c.pairs) and change is not None:
            sign = "+" if change.mean >= 0 else "−"
            text += f" · {sign}{one_decimal(abs(change.mean))} (n {c.pairs})"
        return text

    @Property(str, notify=changed)
    def languagesText(self) -> str:
        total = sum(c.count for c in self._metrics.languages)
        return "  ".join(f"{c.key.upper()} {percent(c.count / total)}"
                         for c in self._metrics.languages) if total else "–"

    @Property(list, notify=changed)
    def perHour(self) -> list[int]:
        return list(self._metrics.sessions_per_hour)

    @Property(list, notify=changed)
    def episodes(self) -> list[dict[str, Any]]:
        return self._episode_rows()

    def _episode_rows(self) -> list[dict[str, Any]]:
        eps = getattr(self._pack, "episodes", {})
        return [{"id": w.episode_id, "label": _title(eps, w.episode_id),
                 "pct": round(w.share * 100), "started": w.started}
                for w in self._metrics.watch_through]

    @Property(list, notify=changed)
    def topJobs(self) -> list[dict[str, Any]]:
        return self._job_rows()

    def _job_rows(self) -> list[dict[str, Any]]:
        jobs = getattr(self._pack, "jobs", {})
        return [{"id": c.key, "label": _title(jobs, c.key), "count": c.count}
                for c in self._metrics.top_jobs[: self._config.insights.dashboard_top_n]]

    @Property(list, notify=changed)
    def topCards(self) -> list[dict[str, Any]]:
        return self._card_rows()

    def _card_rows(self) -> list[dict[str, Any]]:
        cards = {c.id: c for c in getattr(self._pack, "cards", []) or []}
        return [{"id": c.card_id, "label": _title(cards, c.card_id), "pct": round(c.rate * 100),
                 "swipes": c.swipes}
                for c in self._metrics.cards[: self._config.insights.dashboard_top_n]]

    @Property(int, notify=changed)
    def chartsVersion(self) -> int:
        return self._shown

    def first_and_last_hour(self) -> tuple[int, int]:
        """The hours with visits and one either side (an open day is 9–16, not 0–23)."""
        busy = [h for h, n in enumerate(self._metrics.sessions_per_hour) if n > 0]
        if not busy:
            return 0, 23
        return max(0, busy[0] - 1), min(23, busy[-1] + 1)

    def chart_svg(self, name: str, style: Style) -> str:
        """One of ``CHARTS`` as SVG, drawn by the report's chart code in ``style``'s colours.

        Called by the chart image provider, possibly on Qt's image thread: it only reads the
        figures, which are replaced whole, never changed."""
        # here, not at the top: the chart code's xml.sax import pulls in urllib and ssl, which
        # the attract screen's start-up does without
        from kiosk.insights.charts import Bar, Reference, hbars, vbars

        m = self._metrics
        if name == "watch":
            return hbars([Bar(e["label"], e["pct"], f"{e['pct']} %") for e in self._episode_rows()],
                         "watch-through per episode", top=100, style=style,
                         reference=Reference(m.watch_through_reference * 100,
                                             percent(m.watch_through_reference)))
        if name == "hours":
            first, last = self.first_and_last_hour()
            counts = self._metrics.sessions_per_hour
            return vbars([Bar(str(h), counts[h], str(counts[h]) if counts[h] else "")
                          for h in range(first, last + 1)], "visits per hour",
                         height=160, style=style)   # wide and low: its numbers stay readable
        if name == "jobs":
            return hbars([Bar(j["label"], j["count"], str(j["count"])) for j in self._job_rows()],
                         "top jobs", style=style)
        if name == "cards":
            return hbars([Bar(c["label"], c["pct"], f"{c['pct']} %") for c in self._card_rows()],
                         "cards liked", top=100, style=style)
        raise ValueError(f"no chart named {name!r}; the dashboard draws {', '.join(self.CHARTS)}")

    @Property(list, notify=changed)
    def qrShows(self) -> list[dict[str, Any]]:
        return [{"label": f"{q.purpose} · {q.target}", "count": q.count}
                for q in self._metrics.qr_shows[: self._config.insights.dashboard_top_n]]
