"""The campaign report: one self-contained HTML file (inline SVG, no script, no network).

``gather`` computes the figures (the whole campaign, each event, each region) from one
database; ``render`` turns them into the page, Dutch or English. The page prints to PDF from
any browser: a campaign summary first, then one page per event (CSS page breaks).
"""
from __future__ import annotations

import html
import json
import math
import sqlite3
import time
from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.storage import figure_indexes
from kiosk.insights.metrics import Filter, Metrics, compute_slices, read_only
from kiosk.insights import charts, pulse_html
from kiosk.insights.charts import Bar, Reference
from kiosk.insights.names import KioskInfo, Names, read_kiosks
from kiosk.insights.pulse_report import PulseFigures, pulse_table
from kiosk.insights.report_text import Words


@dataclass(frozen=True)
class EventSpan:
    """An event in the data: its visits and first and last day."""

    event_id: str
    sessions: int
    first_day: str
    last_day: str


@dataclass(frozen=True)
class KioskSpan:
    kiosk_id: str
    sessions: int
    first_day: str | None
    last_day: str | None


@dataclass
class ReportData:
    """Everything the page shows, computed once."""

    sources: list[str]
    base: Filter                        # event and period asked for
    overall: Metrics
    events: list[EventSpan]             # in the filter, most visits first
    event_metrics: list[tuple[EventSpan, Metrics]]
    regions: list[tuple[str, Metrics]]
    kiosk_spans: list[KioskSpan]
    kiosks: dict[str, KioskInfo]
    first_day: str | None
    last_day: str | None
    made: float
    notes: list[str] = field(default_factory=list)
    likes: list[tuple[str, int, int]] = field(default_factory=list)   # see episode_likes
    # the campaign's question (kiosk.insights.pulse_report): the whole, per event, per region
    pulse: PulseFigures | None = None
    pulse_events: dict[str, PulseFigures] = field(default_factory=dict)
    pulse_regions: list[tuple[str, PulseFigures]] = field(default_factory=list)


def _spans(conn: sqlite3.Connection, base: Filter, column: str) -> list[tuple[Any, ...]]:
    where, params = [], []
    if base.event_id is not None:
        where.append("event_id = ?")
        params.append(base.event_id)
    if base.day_from is not None:
        where.append("day >= ?")
        params.append(base.day_from)
    if base.day_to is not None:
        where.append("day <= ?")
        params.append(base.day_to)
    cond = "".join(f" AND {w}" for w in where)
    via = figure_indexes.indexed_by(figure_indexes.present(conn), "session_started")
    return conn.execute(
        f"SELECT {column}, count(*), min(day), max(day) FROM events{via} "
        f"WHERE kind = 'session_started'{cond} GROUP BY {column} ORDER BY count(*) DESC, {column}",
        params).fetchall()


def gather(db: Path, base: Filter, sources: Sequence[str], config: Config,
           job_domains: dict[str, str] | None = None,
           kiosks: dict[str, KioskInfo] | None = None) -> ReportData:
    """The figures for the report; raises ``sqlite3.Error`` when the file cannot be read.

    ``kiosks``: names, regions and health when the caller read them from the inputs (several
    snapshots); otherwise from ``db``'s own ``kiosks`` table.
    """
    with closing(read_only(db, config)) as conn:
        if kiosks is None:
            kiosks = read_kiosks(conn)
        events = [EventSpan(e, n, lo, hi) for e, n, lo, hi in _spans(conn, base, "event_id")
                  if e is not None]
        kiosk_spans = [KioskSpan(k, n, lo, hi) for k, n, lo, hi in _spans(conn, base, "kiosk_id")]
    paged = events[: config.report.report_event_pages_max]
    groups: list[tuple[str, list[str]]] = []
    by_region: dict[str, list[str]] = {}
    for info in kiosks.values():
        if info.region:
            by_region.setdefault(info.region, []).append(info.kiosk_id)
    if by_region:
        seen = {k for ids in by_region.values() for k in ids}
        rest = [s.kiosk_id for s in kiosk_spans if s.kiosk_id not in seen]
        groups = sorted(by_region.items())[: config.report.report_regions_max]
        if rest:
            groups.append(("", rest))
    # The whole period, each event and each region from one pass over the events (one pass
    # each took five times as long on a campaign of two events and two regions).
    slices = [base]
    slices += [Filter(event_id=span.event_id, day_from=base.day_from, day_to=base.day_to)
               for span in paged]
    slices += [Filter(event_id=base.event_id, day_from=base.day_from, day_to=base.day_to,
                      kiosks=tuple(sorted(ids))) for _region, ids in groups]
    overall, *rest_metrics = compute_slices(db, base, slices, config, job_domains)
    days = [c.key for c in overall.sessions_per_day]
    event_metrics = list(zip(paged, rest_metrics[: len(paged)]))
    regions = [(region, m) for (region, _ids), m in zip(groups, rest_metrics[len(paged):])]
    data = ReportData(list(sources), base, overall, events, event_metrics, regions, kiosk_spans,
                      kiosks, days[0] if days else None, days[-1] if days else None, time.time(),
                      likes=episode_likes(db, base, config, {w.episode_id: w.started
                                                             for w in overall.watch_through}))
    with closing(read_only(db, config)) as conn:
        table = pulse_table(conn, base, config.report)  # one pass; every slice is a sum of its rows
    data.pulse = table.figures()
    if data.pulse.all.asked:  # the question was asked somewhere: each slice's figures
        data.pulse_events = {span.event_id: table.figures(event_id=span.event_id)
                             for span in paged}
        data.pulse_regions = [(region, table.figures(kiosks=tuple(sorted(ids))))
                              for region, ids in groups]
    return data


def episode_likes(db: Path, base: Filter, config: Config,
                  plays: Mapping[str, int] | None = None) -> list[tuple[str, int, int]]:
    """"Vet!" on the player, per episode: (episode id, likes, plays), most liked first; only
    episodes with at least one like.

    ``plays``: the episode's starts in ``base`` when the caller has them (the report's own
    figures count them in one pass through their index); otherwise counted here."""
    where, params = _spans_where(base)
    with closing(read_only(db, config)) as conn:
        liked = conn.execute(f"SELECT episode_id, count(*) FROM events WHERE kind = "
                             f"'episode_liked'{where} GROUP BY episode_id", params).fetchall()
        if liked and plays is None:
            plays = dict(conn.execute(f"SELECT episode_id, count(*) FROM events WHERE kind = "
                                      f"'episode_started'{where} GROUP BY episode_id", params))
    rows = [(e, int(likes), int((plays or {}).get(e, 0))) for e, likes in liked]
    # As SQLite's ORDER BY likes DESC, episode_id did it (text compares as Python's does).
    return sorted(rows, key=lambda r: (-r[1], r[0] is not None, r[0] or ""))


def _spans_where(base: Filter) -> tuple[str, list[Any]]:
    where, params = [], []
    for cond, value in (("event_id = ?", base.event_id), ("day >= ?", base.day_from),
                        ("day <= ?", base.day_to)):
        if value is not None:
            where.append(cond)
            params.append(value)
    return "".join(f" AND {w}" for w in where), params


# --- page -------------------------------------------------------------------------------------

CSS = """
@page { size: A4 landscape; margin: 12mm; }  /* two charts side by side at ~1:1 */
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; color: #1a1a1a; background: #fff;
       margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.4; font-size: 14px; }
h1 { font-size: 26px; margin: 0 0 6px; } h2 { font-size: 21px; margin: 0 0 10px; }
h3 { font-size: 16px; margin: 0 0 2px; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
.page { padding-top: 10px; }
.page + .page { break-before: page; page-break-before: always; border-top: 3px solid #0b4f8a;
                margin-top: 36px; }
.meta { color: #444; margin: 0 0 14px; } .meta div { margin: 2px 0; }
.tiles { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin: 14px 0 18px; }
.tile { border: 2px solid #1a1a1a; padding: 8px 10px; break-inside: avoid; }
.tile .v { font-size: 24px; font-weight: bold; } .tile .l { font-size: 12px; }
.tile .r { font-size: 11px; color: #444; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 18px 24px; }
figure { margin: 0 0 16px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 12px; color: #333; margin: 0 0 6px; }
svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 4px 0 16px; }
th, td { border: 1px solid #888; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eee; } td.n { text-align: right; white-space: nowrap; }
.note { border-left: 4px solid #1a1a1a; padding: 4px 10px; margin: 8px 0; font-size: 13px; }
.empty { font-size: 18px; padding: 20px 0; }
@media print { body { padding: 0; max-width: none; font-size: 12px; }
               .tiles { grid-template-columns: repeat(5, 1fr); } }
@media screen and (max-width: 760px) { .grid { grid-template-columns: 1fr; }
                            .tiles { grid-template-columns: 1fr 1fr; } }
"""


_NOTES = "<!--notes-->"  # filled last; escaped text can never contain it


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


class _Page:
    """Builds the HTML in one language."""

    def __init__(self, data: ReportData, names: Names, words: Words, config: Config) -> None:
        self.d, self.n, self.w, self.c = data, names, words, config

    # --- pieces -------------------------------------------------------------------------------

    def figure(self, title: str, caption: str, svg: str) -> str:
        return (f'<figure><h3>{_e(title)}</h3><figcaption>{_e(caption)}</figcaption>'
                f'{svg}</figure>')

    def tiles(self, m: Metrics) -> str:
        w, c = self.w, self.c
        items = [
            (w.whole(m.sessions), w("visits"), ""),
            (w.duration(m.dwell_median_s), w("dwell_median"), ""),
            (w.decimal(m.videos_per_viewing_session), w("videos_per_visit"), w("in_a_row")),
            (w.pct(m.watch_through_overall), w("watch_through"), w("campaign_ref")),
            (w.pct(m.game_finish_rate), w("game_finish"),
             f"{w.whole(m.games_finished)} {w('of')} {w.whole(m.games_started)}"),
        ]
        del c
        cells = "".join(f'<div class="tile"><div class="v">{_e(v)}</div><div class="l">{_e(lbl)}'
                        f'</div><div class="r">{_e(ref)}</div></div>' for v, lbl, ref in items)
        return f'<div class="tiles">{cells}</div>'

    def metric_charts(self, m: Metrics) -> str:
        """The full set of charts for one slice of the data (an event, or everything)."""
        w, n, c = self.w, self.n, self.c
        figs: list[str] = []
        days = m.sessions_per_day
        every = max(1, math.ceil(len(days) / c.report.report_day_labels_max))
        figs.append(self.figure(w("per_day"), w("per_day_caption"), charts.vbars(
            [Bar(w.short_date(x.key), x.count, w.whole(x.count)) for x in days], w("per_day"),
            every=every if every > 1 else None)))
        hours = [h for h, k in enumerate(m.sessions_per_hour) if k]
        lo, hi = (min(hours), max(hours)) if hours else (9, 17)
        figs.append(self.figure(w("per_hour"), w("per_hour_caption"), charts.vbars(
            [Bar(f"{h:02d}", m.sessions_per_hour[h], w.whole(m.sessions_per_hour[h]) if
                 m.sessions_per_hour[h] else "") for h in range(lo, hi + 1)], w("per_hour"))))
        figs.append(self.figure(
            f"{w('dwell')}: {w.duration(m.dwell_median_s)}", w("dwell_caption"),
            charts.vbars([Bar(w.seconds_bin(x.key), x.count, w.whole(x.count))
                          for x in m.dwell_histogram], w("dwell"))))
        vpv = m.videos_per_viewing_session
        figs.append(self.figure(w("videos"), w("videos_caption"), charts.hbars(
            [Bar(w("this_campaign"), vpv or 0.0, w.decimal(vpv))], w("videos"),
            top=c.report.videos_in_a_row_reference * 1.4,
            reference=Reference(c.report.videos_in_a_row_reference, w("in_a_row"))) + charts.vbars(
            [Bar(x.key, x.count, w.whole(x.count)) for x in m.videos_histogram],
            w("videos_hist_caption"), height=170) + f'<figcaption>{_e(w("videos_hist_caption"))}'
            f'</figcaption>'))
        minimum = w.pct(c.insights.watched_fraction_min)
        figs.append(self.figure(
            f"{w('watch_through')}: {w.pct(m.watch_through_overall)}",
            w("watch_caption", min=minimum), charts.hbars(
                [Bar(n.episode(x.episode_id), x.share,
                     f"{w.pct(x.share)} ({w.whole(x.watched)}/{w.whole(x.started)})")
                 for x in m.watch_through], w("watch_through"), top=1.0,
                reference=Reference(m.watch_through_reference, w("campaign_ref")))))
        figs.append(self.figure(
            f"{w('game')}: {w.pct(m.game_finish_rate)} {w('game_finish').lower()}",
            f"{w('game_caption')} {w('game_time')}: {w.duration(m.game_median_duration_s)}.",
            charts.hbars([Bar(w("game_started"), m.games_started, w.whole(m.games_started)),
                          Bar(w("game_finished"), m.games_finished,
                              f"{w.whole(m.games_finished)} ({w.pct(m.game_finish_rate)})"),
                          Bar(w("game_abandoned"), m.games_abandoned,
                              w.whole(m.games_abandoned))], w("game"))))
        total_jobs = sum(x.count for x in m.top_jobs) or 1
        figs.append(self.figure(w("jobs"), w("jobs_caption"), charts.hbars(
            [Bar(n.job(x.key), x.count, f"{w.whole(x.count)} ({w.pct(x.count / total_jobs)})")
             for x in m.top_jobs], w("jobs"))))
        figs.append(self.figure(w("domains"), w("domains_caption"), charts.hbars(
            [Bar(n.domain(x.key), x.count, w.whole(x.count)) for x in m.top_domains],
            w("domains"))))
        figs.append(self.figure(w("cards"), w("cards_caption"), charts.hbars(
            [Bar(n.card(x.card_id), x.rate, f"{w.pct(x.rate)} ({w.whole(x.likes)}/"
                 f"{w.whole(x.swipes)})") for x in m.cards], w("cards"), top=1.0)))
        figs.append(self.figure(w("qr"), w("qr_caption"), charts.hbars(
            [Bar(n.qr(x.purpose, x.target), x.count, w.whole(x.count)) for x in m.qr_shows],
            w("qr"))))
        total = sum(x.count for x in m.languages)
        figs.append(self.figure(w("languages"), w("languages_caption"), charts.shares(
            [Bar(w.language(x.key), x.count, f"{w.pct(x.count / total)} ({w.whole(x.count)})")
             for x in m.languages] if total else [], w("languages"))))
        return f'<div class="grid">{"".join(figs)}</div>'

    def compare(self, title: str, rows: list[tuple[str, Metrics]]) -> str:
        """Small multiples: the same four figures for each event (or region), same scales."""
        w, c = self.w, self.c
        if len(rows) < 2:
            return ""
        figs = [
            self.figure(w("visits"), w("cmp_visits_caption"), charts.hbars(
                [Bar(label, m.sessions, w.whole(m.sessions)) for label, m in rows], w("visits"))),
            self.figure(w("videos_per_visit"), w("cmp_videos_caption"), charts.hbars(
                [Bar(label, m.videos_per_viewing_session or 0.0,
                     w.decimal(m.videos_per_viewing_session)) for label, m in rows],
                w("videos_per_visit"), top=c.report.videos_in_a_row_reference * 1.4,
                reference=Reference(c.report.videos_in_a_row_reference, w("in_a_row")))),
            self.figure(w("watch_through"), w("cmp_watch_caption"), charts.hbars(
                [Bar(label, m.watch_through_overall or 0.0, w.pct(m.watch_through_overall))
                 for label, m in rows], w("watch_through"), top=1.0,
                reference=Reference(c.insights.watch_through_reference, w("campaign_ref")))),
            self.figure(w("game_finish"), w("cmp_game_caption"), charts.hbars(
                [Bar(label, m.game_finish_rate or 0.0, w.pct(m.game_finish_rate))
                 for label, m in rows], w("game_finish"), top=1.0)),
        ]
        return f'<h2>{_e(title)}</h2><div class="grid">{"".join(figs)}</div>'

    def hour_multiples(self) -> str:
        w = self.w
        rows = self.d.event_metrics[: self.c.report.report_hour_panels_max]
        if len(rows) < 2:
            return ""
        hours = [h for _s, m in rows for h, k in enumerate(m.sessions_per_hour) if k]
        lo, hi = min(hours), max(hours)
        top = max(max(m.sessions_per_hour) for _s, m in rows)
        panels = "".join(self.figure(self.n.event(span.event_id), "", charts.vbars(
            [Bar(f"{h:02d}", m.sessions_per_hour[h], w.whole(m.sessions_per_hour[h])
                 if m.sessions_per_hour[h] else "") for h in range(lo, hi + 1)],
            f"{w('per_hour')}: {self.n.event(span.event_id)}", top=top, height=170))
            for span, m in rows)
        return (f'<h2>{_e(w("hours_per_event"))}</h2><p class="meta">{_e(w("hours_caption"))}'
                f'</p><div class="grid">{panels}</div>')

    def health(self, info: KioskInfo | None) -> str:
        if info is None or not info.health:
            return "–"
        w = self.w
        parts = []
        for key, value in info.health.items():
            if key == "uptime_s" and isinstance(value, (int, float)):
                text = w.duration(value)
            elif key == "free_disk_mb" and isinstance(value, (int, float)):
                text = f"{w.whole(value)} MB"
            elif isinstance(value, dict):
                text = ", ".join(f"{k} {v}" for k, v in value.items()) or "–"
            elif isinstance(value, list):
                text = ", ".join(str(v) for v in value) or "–"
            elif isinstance(value, bool) or value is None:
                text = json.dumps(value)
            elif isinstance(value, (int, float)):
                text = w.whole(value) if float(value).is_integer() else w.decimal(value)
            else:
                text = str(value)
            parts.append(f"{w.health_label(key)}: {text}")
        return "; ".join(parts)

    def kiosk_table(self, spans: list[KioskSpan]) -> str:
        w, kiosks = self.w, self.d.kiosks
        ids = [s.kiosk_id for s in spans] + sorted(k for k in kiosks
                                                    if k not in {s.kiosk_id for s in spans})
        by_id = {s.kiosk_id: s for s in spans}
        rows = []
        for kid in ids[: self.c.report.report_kiosks_max]:
            info, span = kiosks.get(kid), by_id.get(kid)
            pack = "–"
            if info is not None and (info.pack_id or info.pack_version is not None):
                pack = f"{info.pack_id or ''} v{info.pack_version}" if info.pack_version \
                    is not None else str(info.pack_id)
            days = (f"{w.date(span.first_day)} – {w.date(span.last_day)}"
                    if span and span.first_day else "–")
            rows.append(
                f"<tr><td>{_e(info.name if info and info.name else '–')}</td>"
                f"<td>{_e(kid)}</td><td>{_e(info.region if info and info.region else '–')}</td>"
                f'<td class="n">{_e(w.whole(span.sessions if span else 0))}</td>'
                f"<td>{_e(days)}</td><td>{_e(pack)}</td><td>{_e(self.health(info))}</td></tr>")
        more = len(ids) - self.c.report.report_kiosks_max
        extra = f'<p class="meta">+ {w.whole(more)}</p>' if more > 0 else ""
        head = "".join(f"<th>{_e(h)}</th>" for h in (
            w("name"), w("kiosk"), w("region"), w("visits"), w("days"), w("pack"), w("health")))
        return (f'<h2>{_e(w("kiosks"))}</h2><p class="meta">{_e(w("kiosks_caption"))}</p>'
                f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
                f"{extra}")

    # --- pages ---------------------------------------------------------------------------------

    def summary(self) -> str:
        d, w, n = self.d, self.w, self.n
        m = d.overall
        period = f"{w.date(d.first_day)} – {w.date(d.last_day)}" if d.first_day else "–"
        chosen = ""
        if d.base.day_from or d.base.day_to:
            low = w.date(d.base.day_from) if d.base.day_from else "…"
            high = w.date(d.base.day_to) if d.base.day_to else "…"
            chosen = f"<div>{_e(w('filter_period'))}: {_e(low)} – {_e(high)}</div>"
        events = ", ".join(f"{n.event(e.event_id)} ({w.whole(e.sessions)} "
                           f"{w('visit_one') if e.sessions == 1 else w('visit_unit')}, "
                           f"{w.date(e.first_day)}"
                           + (f" – {w.date(e.last_day)}" if e.last_day != e.first_day else "")
                           + ")" for e in d.events[: self.c.report.report_events_listed_max]) or "–"
        if len(d.events) > self.c.report.report_events_listed_max:
            events += f" + {w.whole(len(d.events) - self.c.report.report_events_listed_max)}"
        made = time.strftime("%Y-%m-%d %H:%M", time.localtime(d.made))
        head = (f"<h1>{_e(w('title'))}</h1><div class=\"meta\">"
                f"<div>{_e(w('events_present'))}: {_e(events)}</div>"
                f"<div>{_e(w('period'))}: {_e(period)}</div>{chosen}"
                f"<div>{_e(w('sources'))}: {_e(', '.join(d.sources))}</div>"
                f"<div>{_e(w('made'))}: {_e(made)}</div></div>")
        body = [f'<section class="page" id="summary">{head}<h2>{_e(w("summary"))}</h2>']
        if m.sessions == 0:
            body.append(f'<p class="empty">{_e(w("no_visits"))}</p>')
        else:
            body.append(self.tiles(m))
            body.append(self.compare(w("compare_events"), [
                (n.event(span.event_id), em) for span, em in d.event_metrics]))
            body.append(self.compare(w("compare_regions"), [
                (region or w("no_region"), rm) for region, rm in d.regions]))
            body.append(self.hour_multiples())
            if len(d.event_metrics) != 1:
                body.append(self.metric_charts(m))
            body.append(self.likes_figure())
        if d.pulse is not None:
            body.append(pulse_html.section(d.pulse, [
                (n.event(span.event_id), d.pulse_events[span.event_id]) for span, _m
                in d.event_metrics if span.event_id in d.pulse_events] + [
                (region or w("no_region"), fig) for region, fig in d.pulse_regions], w))
        body.append(self.kiosk_table(d.kiosk_spans))
        body.append(_NOTES)
        minimum = w.pct(self.c.insights.watched_fraction_min)
        body.append(f'<h2>{_e(w("definitions"))}</h2><p class="meta">'
                    f'{_e(w("definitions_text", min=minimum))}</p>')
        body.append("</section>")
        return "".join(body)

    def likes_figure(self) -> str:
        """"Vet!" per episode (the player's like), as a count and a share of its plays."""
        w, n = self.w, self.n
        if not self.d.likes:
            return ""
        bars = [Bar(n.episode(e), likes,
                    f"{w.whole(likes)} ({w.pct(likes / plays) if plays else '–'})")
                for e, likes, plays in self.d.likes]
        return ('<div id="likes">' + self.figure(w("likes"), w("likes_caption"),
                                                 charts.hbars(bars, w("likes"))) + "</div>")

    def event_page(self, span: EventSpan, m: Metrics) -> str:
        w, n = self.w, self.n
        period = w.date(span.first_day) + (f" – {w.date(span.last_day)}"
                                           if span.last_day != span.first_day else "")
        kiosks = [charts.Bar(n.kiosk(k.key, self.d.kiosks) + (
            f" · {self.d.kiosks[k.key].region}" if k.key in self.d.kiosks
            and self.d.kiosks[k.key].region else ""), k.count, w.whole(k.count)) for k in m.kiosks]
        title = n.event(span.event_id)
        sub = f"{w('event')}: {span.event_id}" if title != span.event_id else w("event")
        return (f'<section class="page" id="event-{_e(span.event_id)}"><h1>{_e(title)}</h1>'
                f'<div class="meta"><div>{_e(sub)} · {_e(period)}</div></div>{self.tiles(m)}'
                f'{self.metric_charts(m)}'
                + self.figure(w("per_kiosk"), w("per_kiosk_caption"),
                              charts.hbars(kiosks, w("per_kiosk")))
                + (pulse_html.event_block(self.d.pulse_events[span.event_id], w,
                                          f"pulse-{span.event_id}")
                   if span.event_id in self.d.pulse_events else "")
                + "</section>")

    def notes(self, extra: list[str]) -> str:
        w = self.w
        lines = list(extra)
        more = len(self.d.events) - len(self.d.event_metrics)
        if more > 0:
            lines.append(w("more_events", n=w.whole(more)))
        missing = self.n.missing_note()
        if missing:
            lines.append(missing)
        if not lines:
            return ""
        return (f'<h2>{_e(w("notes"))}</h2>'
                + "".join(f'<p class="note">{_e(line)}</p>' for line in lines))


def render(data: ReportData, names: Names, lang: str, config: Config,
           notes: Sequence[str] = ()) -> str:
    """The whole HTML document."""
    words = Words(lang, config)
    page = _Page(data, names, words, config)
    summary = page.summary()
    events = "".join(page.event_page(span, m) for span, m in data.event_metrics)
    # Notes last: titles missing anywhere in the pages are known only now.
    summary = summary.replace(_NOTES, page.notes(list(notes)), 1)
    title = words("title")
    if len(data.events) == 1:
        title = f"{title}: {names.event(data.events[0].event_id)}"
    return (f'<!DOCTYPE html><html lang="{words.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
            f"{summary}{events}</body></html>\n")
