"""The campaign's question in figures: response, before and after, change, per group.

One SQL aggregation per slice of the data (an event, a region, the whole campaign): the visits
that were asked (a ``screen_shown`` of ``pulse``) are found first, then only their events are
read through the session index, folded into one row per visit and summed per group. Nothing
per visit leaves this module: the report, ``kiosk export`` and ``kiosk stats`` get sums, and a
group of fewer than ``Config.report.pulse_min_group`` answers gets no figure at all (``None``).

The mean change's 95 % interval is Student's t interval on the paired changes
(``kiosk.core.pulse.mean_change``), computed from n, Σd and Σd² that SQL sums exactly.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from kiosk.config import ReportConfig
from kiosk.insights.metrics import Filter, day_bounds
from kiosk.core.pulse import VALUES, Group, MeanChange, mean_change

_DAY_SLACK_S = 2 * 3600  # a local day's ts bounds, widened for clock zones (the day column rules)

GROUPS: tuple[str, ...] = tuple(g.value for g in Group)


def _conditions(flt: Filter, alias: str = "") -> tuple[str, list[Any]]:
    """SQL conditions for ``flt`` (the same slices as ``kiosk.insights.metrics``)."""
    col = f"{alias}." if alias else ""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.event_id is not None:
        clauses.append(f"{col}event_id = ?")
        params.append(flt.event_id)
    if flt.day is not None:
        start, end = day_bounds(flt.day)
        clauses.append(f"{col}ts >= ? AND {col}ts < ? AND {col}day = ?")
        params += [start - _DAY_SLACK_S, end + _DAY_SLACK_S, flt.day]
    if flt.day_from is not None:
        clauses.append(f"{col}day >= ?")
        params.append(flt.day_from)
    if flt.day_to is not None:
        clauses.append(f"{col}day <= ?")
        params.append(flt.day_to)
    if flt.kiosks is not None:
        clauses.append(f"{col}kiosk_id IN ({', '.join('?' * len(flt.kiosks))})")
        params += list(flt.kiosks)
    return "".join(f" AND {c}" for c in clauses), params


# One row per asked visit, from the question's own events only (the kind index finds them; the
# log's other million rows are never read), then one row per event, kiosk and group (NULL: no
# group given), so one pass serves the whole campaign, each event and each region.
_PER_VISIT = """
WITH visit AS (
    SELECT event_id, kiosk_id,
        max(kind = 'pulse_asked' AND phase = 'before') AS asked,
        max(kind = 'pulse_asked' AND phase = 'after') AS offered,
        max(CASE WHEN kind = 'pulse_answered' AND phase = 'before' THEN value END) AS b,
        max(CASE WHEN kind = 'pulse_answered' AND phase = 'after' THEN value END) AS a,
        max(kind = 'pulse_skipped' AND phase = 'before') AS b_skip,
        max(kind = 'pulse_skipped' AND phase = 'after') AS a_skip,
        max(CASE WHEN kind = 'pulse_group' THEN answer END) AS grp
    FROM events
    WHERE kind IN ('pulse_asked', 'pulse_answered', 'pulse_skipped', 'pulse_group')
      AND session_id IS NOT NULL{where}
    GROUP BY session_id
)
SELECT event_id, kiosk_id, grp, count(*), sum(offered), sum(b IS NULL AND NOT b_skip),
       count(b), sum(b_skip), count(a), sum(a_skip),
       {before}, {after},
       count(a - b), sum(a > b), sum(a = b), sum(a < b), total(a - b), total((a - b) * (a - b))
FROM visit WHERE asked GROUP BY event_id, kiosk_id, grp
"""
_SQL = _PER_VISIT.replace(
    "{before}", ", ".join(f"sum(b = {v})" for v in VALUES)).replace(
    "{after}", ", ".join(f"sum(a = {v})" for v in VALUES))


@dataclass
class PulseCounts:
    """Sums over a set of asked visits (all of a slice, or one group). Counts, no visitor."""

    asked: int = 0               # visits shown the question after "Tik om te beginnen"
    offered_after: int = 0       # of those, visits that reached a result or an end card
    stopped: int = 0             # visits that ended at the question: no face, no skip
    before_answered: int = 0
    before_skipped: int = 0
    after_answered: int = 0
    after_skipped: int = 0
    before: list[int] = field(default_factory=lambda: [0] * len(VALUES))  # faces 1 … 5
    after: list[int] = field(default_factory=lambda: [0] * len(VALUES))
    pairs: int = 0               # visits that answered before and after
    up: int = 0
    same: int = 0
    down: int = 0
    change_sum: float = 0.0
    change_sq_sum: float = 0.0

    def add(self, other: PulseCounts) -> None:
        for name in ("asked", "offered_after", "stopped", "before_answered", "before_skipped",
                     "after_answered", "after_skipped", "pairs", "up", "same", "down",
                     "change_sum", "change_sq_sum"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.before = [x + y for x, y in zip(self.before, other.before)]
        self.after = [x + y for x, y in zip(self.after, other.after)]

    @property
    def change(self) -> MeanChange | None:
        return mean_change(self.pairs, self.change_sum, self.change_sq_sum)


@dataclass
class PulseFigures:
    """The question's figures for one slice; ``groups`` holds the four group answers."""

    all: PulseCounts
    groups: dict[str, PulseCounts]
    min_group: int

    @property
    def asked_group(self) -> bool:
        """Whether this slice's visitors were asked the group question (any group answer)."""
        return any(c.asked for c in self.groups.values())

    def shown(self, counts: PulseCounts) -> bool:
        """A group's figures appear only from ``min_group`` answers. The group question
        follows a face, so a group's size is its number of before-answers."""
        return counts.before_answered >= self.min_group

    def enough(self, n: int) -> bool:
        """One figure (a distribution, a rate, the change) only from ``min_group`` answers."""
        return n >= self.min_group


def _row_counts(row: tuple[Any, ...]) -> PulseCounts:
    n = len(VALUES)
    (_event, _kiosk, _grp, asked, offered, stopped, b_n, b_skip, a_n, a_skip, *rest) = row
    before, after, tail = rest[:n], rest[n:2 * n], rest[2 * n:]
    pairs, up, same, down, d_sum, d_sq = tail
    return PulseCounts(asked=asked, offered_after=offered or 0, stopped=stopped or 0,
                       before_answered=b_n, before_skipped=b_skip or 0, after_answered=a_n,
                       after_skipped=a_skip or 0, before=[x or 0 for x in before],
                       after=[x or 0 for x in after], pairs=pairs, up=up or 0, same=same or 0,
                       down=down or 0, change_sum=d_sum, change_sq_sum=d_sq)


@dataclass
class PulseTable:
    """The question's sums per (event, kiosk, group) for a period: every slice is a sum of its
    rows, so the report reads the log once for the campaign, its events and its regions."""

    rows: dict[tuple[str | None, str, str | None], PulseCounts]
    min_group: int

    def figures(self, event_id: str | None = None,
                kiosks: tuple[str, ...] | None = None) -> PulseFigures:
        """One slice: an event, a set of kiosks (a region), both, or everything."""
        total = PulseCounts()
        groups = {g: PulseCounts() for g in GROUPS}
        for (event, kiosk, group), counts in self.rows.items():
            if (event_id is not None and event != event_id) or \
                    (kiosks is not None and kiosk not in kiosks):
                continue
            total.add(counts)
            if group in groups:
                groups[group].add(counts)
        return PulseFigures(total, groups, self.min_group)


def pulse_table(conn: sqlite3.Connection, flt: Filter | None,
                config: ReportConfig) -> PulseTable:
    """The sums for ``flt``; raises ``sqlite3.Error`` when the log cannot be read. A log from
    before the question existed (no ``phase`` column) has no answers: an empty table."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    rows: dict[tuple[str | None, str, str | None], PulseCounts] = {}
    if {"phase", "answer"} <= columns:
        where, params = _conditions(flt or Filter())
        for row in conn.execute(_SQL.replace("{where}", where), params):
            rows[(row[0], row[1], row[2])] = _row_counts(row)
    return PulseTable(rows, config.pulse_min_group)


def pulse_figures(conn: sqlite3.Connection, flt: Filter | None,
                  config: ReportConfig) -> PulseFigures:
    """The question's figures for one slice ``flt`` (``pulse_table`` for several at once)."""
    return pulse_table(conn, flt, config).figures()


# -- summary.csv: the same figures as the report, the same small-group rule ------------------

_VISITS, _ANSWERS, _PCT, _FACE = "bezoeken/visits", "antwoorden/answers", "%", "1-5"


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole)


def _counts_rows(c: PulseCounts, fig: PulseFigures) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    if fig.enough(c.asked):
        rows += [
            ("pulse_asked", "Vraag gesteld / asked", "", "", c.asked, _VISITS),
            ("pulse_before_answered", "Antwoord vooraf / answered before", "", "",
             c.before_answered, _VISITS),
            ("pulse_before_rate", "Antwoord vooraf / answered before", "", "",
             _pct(c.before_answered, c.asked), _PCT),
            ("pulse_before_skipped", "Vooraf overgeslagen / skipped before", "", "",
             c.before_skipped, _VISITS),
            ("pulse_stopped", "Gestopt bij de vraag / stopped at the question", "", "",
             c.stopped, _VISITS),
            ("pulse_stopped_rate", "Gestopt bij de vraag / stopped at the question", "", "",
             _pct(c.stopped, c.asked), _PCT),
        ]
    if fig.enough(c.offered_after):
        rows += [
            ("pulse_after_offered", "Achteraf gevraagd / asked after", "", "", c.offered_after,
             _VISITS),
            ("pulse_after_answered", "Antwoord achteraf / answered after", "", "",
             c.after_answered, _VISITS),
            ("pulse_after_rate", "Antwoord achteraf / answered after", "", "",
             _pct(c.after_answered, c.offered_after), _PCT),
            ("pulse_after_skipped", "Achteraf overgeslagen / skipped after", "", "",
             c.after_skipped, _VISITS),
        ]
    for figure, label, dist in (("pulse_before", "Vooraf / before", c.before),
                                ("pulse_after", "Achteraf / after", c.after)):
        if fig.enough(sum(dist)):
            rows += [(figure, f"{label}: gezicht/face", str(v), "", k, _ANSWERS)
                     for v, k in zip(VALUES, dist)]
    change = c.change
    if fig.enough(c.pairs) and change is not None:
        rows += [
            ("pulse_pairs", "Voor en na / before and after", "", "", c.pairs, _VISITS),
            ("pulse_up", "Hoger / higher", "", "", c.up, _VISITS),
            ("pulse_same", "Gelijk / the same", "", "", c.same, _VISITS),
            ("pulse_down", "Lager / lower", "", "", c.down, _VISITS),
            ("pulse_mean_change", "Gemiddelde verandering / mean change", "", "",
             round(change.mean, 2), _FACE),
            ("pulse_change_low", "95 %-interval, Student t: onder / low", "", "",
             round(change.low, 2), _FACE),
            ("pulse_change_high", "95 %-interval, Student t: boven / high", "", "",
             round(change.high, 2), _FACE),
        ]
    return rows


def summary_rows(fig: PulseFigures) -> list[tuple[Any, ...]]:
    """Rows for ``summary.csv`` (figure, label, id, name, value, unit): what the report shows."""
    rows = _counts_rows(fig.all, fig)
    for group in GROUPS:
        c = fig.groups[group]
        if not fig.shown(c):
            continue  # fewer than min_group answers: no row, not even its size
        rows.append(("pulse_group_answers", "Groep: antwoorden / group: answers", group, "",
                     c.before_answered, _VISITS))
        for figure, label, dist in (("pulse_group_mean_before", "Groep: gemiddeld vooraf / "
                                     "group: mean before", c.before),
                                    ("pulse_group_mean_after", "Groep: gemiddeld achteraf / "
                                     "group: mean after", c.after)):
            n = sum(dist)
            if fig.enough(n):
                rows.append((figure, label, group, "",
                             round(sum(v * k for v, k in zip(VALUES, dist)) / n, 2), _FACE))
        change = c.change
        if fig.enough(c.pairs) and change is not None:
            rows += [("pulse_group_pairs", "Groep: voor en na / group: before and after", group,
                      "", c.pairs, _VISITS),
                     ("pulse_group_mean_change", "Groep: gemiddelde verandering / group: mean "
                      "change", group, "", round(change.mean, 2), _FACE),
                     ("pulse_group_change_low", "Groep: 95 %-interval onder / low", group, "",
                      round(change.low, 2), _FACE),
                     ("pulse_group_change_high", "Groep: 95 %-interval boven / high", group, "",
                      round(change.high, 2), _FACE)]
    return rows
