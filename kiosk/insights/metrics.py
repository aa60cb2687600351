"""The campaign's figures, computed from the anonymous event log (no Qt).

Everything is aggregated in SQLite (a handful of GROUP BY queries) and only the small results
come into Python: the dashboard must stay under a second on a million events, and loading the
rows would take longer than that alone.

Definitions (the tests work these out by hand):

- A *session* is a ``session_started`` row in the filter; its *dwell time* runs from that row to
  the session's last event. A ``session_ended`` with reason ``idle`` does not count as the last
  event: it comes a whole idle timeout plus countdown after the visitor left.
- *Videos per session*: ``episode_started`` rows of the session (autoplay included).
- *Watch-through* of an episode: ``episode_finished`` rows with ``fraction`` ≥
  ``config.insights.watched_fraction_min`` divided by its ``episode_started`` rows (capped at 1).
- *Like rate* of a card: likes ÷ answers, after each ``card_undone`` took back its swipe.
- *Game finish rate*: ``game_finished`` / ``game_started``; duration: ``game_finished.duration``.
- *Top jobs*: the first (best) job of each ``game_finished.jobs``; *domains* are those jobs'
  domains, through a job → domain mapping the caller gives (the pack knows it, the log does not).
- *Language*: per session, the language of its last ``language_changed``, else the default.
- *Resets*: ``session_ended`` reasons; ``idle`` is the timeout, ``home`` the visitor's own "Klaar".
- *Day* is the kiosk's local day as stored in the ``day`` column; *hour* is the local hour.
"""
from __future__ import annotations

import bisect
import sqlite3
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import asdict, dataclass, field
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.storage import figure_indexes
from kiosk.core.files import connect_read_only
from kiosk.core.taxonomy import main_domain

_DAY_SLACK_S = 2 * 86400.0  # ts window around a day: covers any time-zone offset between machines


@dataclass(frozen=True)
class Filter:
    """Which events count: one event (``event_id``), one local day, both, or everything.

    ``day_from``/``day_to`` bound the local day (inclusive) and ``kiosks`` keeps the events of
    those kiosk ids (a region of a campaign); both are left out when ``None``.
    """

    event_id: str | None = None
    day: str | None = None  # "YYYY-MM-DD"
    day_from: str | None = None
    day_to: str | None = None
    kiosks: tuple[str, ...] | None = None


@dataclass(frozen=True)
class EpisodeWatch:
    episode_id: str
    started: int
    watched: int          # plays that reached config.insights.watched_fraction_min
    share: float          # watched / started, at most 1


@dataclass(frozen=True)
class CardLikes:
    card_id: str
    swipes: int
    likes: int
    rate: float


@dataclass(frozen=True)
class Count:
    key: str
    count: int


@dataclass(frozen=True)
class QrCount:
    purpose: str
    target: str
    count: int


@dataclass
class Metrics:
    """Every campaign figure for one filter; ``None`` where there is nothing to divide by."""

    filter: Filter
    sessions: int = 0
    sessions_per_hour: list[int] = field(default_factory=lambda: [0] * 24)
    dwell_median_s: float | None = None
    dwell_mean_s: float | None = None
    videos_per_session: float | None = None          # mean over all sessions
    videos_per_viewing_session: float | None = None  # mean over sessions with ≥ 1 video
    videos_histogram: list[Count] = field(default_factory=list)  # "0", "1", … "5+"
    sessions_per_day: list[Count] = field(default_factory=list)  # oldest day first
    dwell_histogram: list[Count] = field(default_factory=list)   # bins of DWELL_BINS_S
    watch_through: list[EpisodeWatch] = field(default_factory=list)
    watch_through_overall: float | None = None
    watch_through_reference: float = 0.0
    games_started: int = 0
    games_finished: int = 0
    games_abandoned: int = 0
    game_finish_rate: float | None = None
    game_median_duration_s: float | None = None
    cards: list[CardLikes] = field(default_factory=list)      # most liked first
    top_jobs: list[Count] = field(default_factory=list)       # best job of each result
    result_jobs: list[Count] = field(default_factory=list)    # every job a result listed
    top_domains: list[Count] = field(default_factory=list)
    qr_shows: list[QrCount] = field(default_factory=list)
    languages: list[Count] = field(default_factory=list)      # sessions per language
    resets: dict[str, int] = field(default_factory=dict)      # session_ended reason → count
    kiosks: list[Count] = field(default_factory=list)         # sessions per kiosk id

    @property
    def resets_idle(self) -> int:
        return self.resets.get("idle", 0)

    @property
    def resets_by_hand(self) -> int:
        return self.resets.get("home", 0)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (``kiosk stats --json``); unset optional filters left out."""
        data = asdict(self)
        data["filter"] = {k: (list(v) if isinstance(v, tuple) else v)
                          for k, v in data["filter"].items()
                          if v is not None or k in ("event_id", "day")}
        return data


@dataclass(frozen=True)
class Choices:
    """What the filters can offer: events and days that have sessions (days newest first)."""

    events: list[str]
    days: list[str]


def day_bounds(day: str) -> tuple[float, float]:
    """Local midnight to midnight of ``day``; raises ``ValueError`` for anything but YYYY-MM-DD."""
    parsed = time.strptime(day, "%Y-%m-%d")
    start = time.mktime((parsed.tm_year, parsed.tm_mon, parsed.tm_mday, 0, 0, 0, 0, 0, -1))
    end = time.mktime((parsed.tm_year, parsed.tm_mon, parsed.tm_mday + 1, 0, 0, 0, 0, 0, -1))
    return start, end


DWELL_BINS_S: tuple[float, ...] = (30, 60, 120, 300, 600)
"""Upper bounds of the dwell-time bins (s): under 30 s, 30–60 s, 1–2, 2–5, 5–10 min, longer."""


def _where(flt: Filter) -> tuple[str, list[Any]]:
    """SQL conditions for the filter. A day also bounds ``ts`` so SQLite can use its ts index."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.event_id is not None:
        clauses.append("event_id = ?")
        params.append(flt.event_id)
    if flt.day is not None:
        start, end = day_bounds(flt.day)
        clauses.append("ts >= ? AND ts < ? AND day = ?")
        params += [start - _DAY_SLACK_S, end + _DAY_SLACK_S, flt.day]
    if flt.day_from is not None:
        clauses.append("day >= ?")
        params.append(flt.day_from)
    if flt.day_to is not None:
        clauses.append("day <= ?")
        params.append(flt.day_to)
    if flt.kiosks is not None:
        clauses.append(f"kiosk_id IN ({', '.join('?' * len(flt.kiosks))})")
        params += list(flt.kiosks)
    return "".join(f" AND {c}" for c in clauses), params


class _Query:
    """Runs the per-kind aggregates with the filter applied.

    Every aggregate is also grouped by ``event_id, kiosk_id`` (the first two columns of each
    row), so one query serves every slice of a report: the whole campaign, each event and each
    region come from the same pass instead of one pass each (``_Slices`` adds the groups up).
    That is also the order of the figure indexes (``kiosk.storage.figure_indexes``): where the
    file has the kind's index, the query walks it and adds up as it goes.
    """

    def __init__(self, conn: sqlite3.Connection, flt: Filter, by_group: bool = True) -> None:
        self.conn = conn
        self.where, self.params = _where(flt)
        # The rows' first two columns. Without slices they are never read (one group for all):
        # NULLs cost Python nothing, two strings per row cost about a fifth of a big query.
        self.by_group = by_group
        # With a day, the ts range is far narrower than a kind: '+kind' keeps SQLite off
        # the kind index so it takes the ts one (and off the figure indexes, for the same).
        self.kind = "+kind" if flt.day is not None else "kind"
        self.indexes = set() if flt.day is not None else figure_indexes.present(conn)

    def dims(self, alias: str = "") -> str:
        """The rows' first two columns: (event_id, kiosk_id), or NULLs."""
        at = f"{alias}." if alias else ""
        return f"{at}event_id, {at}kiosk_id" if self.by_group else "NULL, NULL"

    def source(self, kind: str, alias: str = "") -> str:
        """``events`` and the condition on ``kind``, through its figure index when there is one.
        (A literal: SQLite uses a partial index only when its WHERE follows from the query's.)"""
        return (f"events{alias and ' ' + alias}{figure_indexes.indexed_by(self.indexes, kind)}"
                f" WHERE {self.kind} = '{kind}'")

    def rows(self, select: str, kind: str, group: str = "", extra: list[Any] | None = None,
             each: bool = False) -> list[tuple[Any, ...]]:
        """``(event_id, kiosk_id, *select)`` rows; ``each``: one row per event, no grouping."""
        sql = f"SELECT {self.dims()}, {select} FROM {self.source(kind)}{self.where}"
        if not each:
            sql += f" GROUP BY {', '.join(g for g in ('event_id, kiosk_id', group) if g)}"
        return self.conn.execute(sql, [*(extra or []), *self.params]).fetchall()


_dims = itemgetter(0, 1)  # a row's (event_id, kiosk_id)


class _Slices:
    """Hands each slice (a ``Filter`` inside the queried one) the rows of its events and kiosks."""

    def __init__(self, slices: Sequence[Filter], split: bool) -> None:
        self.slices = list(slices)
        self.split = split

    def key(self, event: str | None, kiosk: str) -> Any:
        """The group a row's (event_id, kiosk_id) falls in: one group for all when not split."""
        return (event, kiosk) if self.split else None

    def holds(self, i: int, key: Any) -> bool:
        """Whether slice ``i`` holds the rows of group ``key``."""
        if key is None:
            return True
        event, kiosk = key
        s = self.slices[i]
        return ((s.event_id is None or event == s.event_id)
                and (s.kiosks is None or kiosk in s.kiosks))

    def __call__(self, rows: list[tuple[Any, ...]]) -> list[list[tuple[Any, ...]]]:
        """``rows`` without their first two columns, one list per slice."""
        if not self.split:
            return [[row[2:] for row in rows]]
        by_dims: dict[tuple[Any, Any], list[tuple[Any, ...]]] = {}
        for row in rows:
            by_dims.setdefault((row[0], row[1]), []).append(row[2:])
        out: list[list[tuple[Any, ...]]] = []
        for i in range(len(self.slices)):
            mine: list[tuple[Any, ...]] = []
            for key, part in by_dims.items():
                if self.holds(i, key):
                    mine += part
            out.append(mine)
        return out


def compute(conn: sqlite3.Connection, flt: Filter, config: Config,
            job_domains: Mapping[str, str] | None = None) -> Metrics:
    """All figures for ``flt`` from the ``events`` table reachable through ``conn``."""
    ms = [Metrics(filter=flt, watch_through_reference=config.insights.watch_through_reference)]
    split = _Slices([flt], False)
    started = _session_half(ms, _Query(conn, flt, False), split, config)
    watched = _event_half(ms, _Query(conn, flt, False), split, job_domains or {}, config)
    _watch_through(ms[0], started[0], watched[0])
    return ms[0]


def read_only(path: Path, config: Config) -> sqlite3.Connection:
    """A read-only connection: figures never change the file (nor create one).

    The first ``_MMAP_BYTES`` of the file are memory-mapped: the sessions query looks up each
    session's last event in the table, and through a map a visit to a page is a memory read
    instead of a copy from the OS (about a quarter of the figures' CPU time on a million
    events). Capped, because every mapped page a query touched counts in the process's memory
    (a 2.7 GB file mapped whole, twice, showed as 4.7 GB at 10 M events). The other queries
    walk the figure indexes and touch few pages.
    """
    conn = connect_read_only(path, config.store.db_busy_timeout_s)
    conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
    return conn


_MMAP_BYTES = 256 << 20  # per connection; the figures use two at once


def compute_file(path: Path, flt: Filter, config: Config,
                 job_domains: Mapping[str, str] | None = None) -> Metrics:
    """``compute`` on a database file, its two halves on two connections at once.

    SQLite releases the GIL while it works, so on a big log this takes about half the time
    (the dashboard's < 1 s on a million events). Raises ``sqlite3.Error`` like ``compute``.
    """
    return compute_slices(path, flt, [flt], config, job_domains)[0]


def compute_slices(path: Path, base: Filter, slices: Sequence[Filter], config: Config,
                   job_domains: Mapping[str, str] | None = None) -> list[Metrics]:
    """The figures of every slice in one pass over ``base``'s events: each slice is ``base``
    narrowed to one event and/or a set of kiosks (the report's events and regions).

    Same figures as ``compute_file`` per slice (every figure is a sum over the slice's rows, or
    a median of its sessions), at about the cost of one. Raises ``ValueError`` for a slice that
    is not inside ``base``, ``sqlite3.Error`` like ``compute``.
    """
    for s in slices:
        if ((s.day, s.day_from, s.day_to) != (base.day, base.day_from, base.day_to)
                or base.kiosks is not None and not set(s.kiosks or ()) <= set(base.kiosks)
                or base.event_id is not None and s.event_id != base.event_id):
            raise ValueError(f"slice {s} is not inside {base}")
    split = _Slices(slices, list(slices) != [base])
    ms = [Metrics(filter=s, watch_through_reference=config.insights.watch_through_reference)
          for s in slices]

    def events() -> list[dict[str, int]]:
        with closing(read_only(path, config)) as conn:
            return _event_half(ms, _Query(conn, base, split.split), split, job_domains or {},
                               config)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-metrics") as pool:
        watched = pool.submit(events)
        with closing(read_only(path, config)) as conn:
            started = _session_half(ms, _Query(conn, base, split.split), split, config)
        for m, starts, watched_plays in zip(ms, started, watched.result()):
            _watch_through(m, starts, watched_plays)
    return ms


def _session_half(ms: list[Metrics], q: _Query, split: _Slices, config: Config
                  ) -> list[Counter[str]]:
    """Sessions, dwell, videos, hours, kiosks, languages; returns starts per episode.

    Everything about a session that does not depend on the slice (its hour, dwell, videos) is
    worked out once per (event, kiosk) group; a slice then adds up the groups it holds.
    """
    # Videos per session and starts per episode, per group. The rows come in runs of one
    # (event, kiosk) group (the query groups by them first): each run is added up with dicts,
    # and which groups hold a session is worked out per run with set operations in C, not row
    # by row (Python's per-row work here was about a fifth of a million events' figures).
    videos: dict[Any, dict[str, int]] = {}
    per_episode: dict[Any, dict[str, int]] = {}
    owner: dict[str, Any] = {}  # session → the first group holding its video starts
    shared: dict[str, list[Any]] = {}  # the sessions whose starts are in several groups
    rows = q.rows("session_id, episode_id, count(*)", "episode_started", "session_id, episode_id")
    for (event, kiosk), run in groupby(rows, _dims):
        key = split.key(event, kiosk)
        if key not in per_episode:
            per_episode[key], videos[key] = {}, {}
        episodes, per_session = per_episode[key], videos[key]
        for _event, _kiosk, sid, episode, n in run:
            episodes[episode] = episodes.get(episode, 0) + n
            if sid is not None:
                per_session[sid] = per_session.get(sid, 0) + n
    for key, per_session in videos.items():
        for sid in owner.keys() & per_session.keys():  # already held by an earlier group
            shared.setdefault(sid, [owner[sid]]).append(key)
        owner.update(dict.fromkeys(per_session.keys() - owner.keys(), key))
    groups: dict[Any, _Group] = {}
    hours = LocalHours()
    for (event, kiosk), run in groupby(_sessions(q), _dims):
        key = split.key(event, kiosk)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(hours)
        group.add_all(run, videos.get(key, {}), owner, shared)
    # SQLite returns the bare column (lang) of the row holding max(ts) in each group.
    langs = split(q.rows("session_id, lang, max(ts)", "language_changed", "session_id"))
    out: list[Counter[str]] = []
    for i, (m, my_langs) in enumerate(zip(ms, langs)):
        mine = [g for key, g in groups.items() if split.holds(i, key)]
        starts: Counter[str] = Counter()
        for key, counts in per_episode.items():
            if split.holds(i, key):
                starts.update(counts)

        def slice_videos(sid: str, i: int = i) -> int:  # a session's starts in several groups
            return sum(videos[key][sid] for key in shared.get(sid) or [owner[sid]]
                       if split.holds(i, key))

        _session_figures(m, mine, slice_videos, config)
        per_day = Counter(day for g in mine for day in g.days)
        m.sessions_per_day = [Count(day, n) for day, n in sorted(per_day.items()) if n]
        sids = [sid for g in mine for sid in g.sids]
        _languages(m, my_langs, sids, config)
        out.append(starts)
    return out


class LocalHours:
    """The local hour of a time, ``time.localtime(ts).tm_hour``, asked once per quarter hour
    instead of once per session (59,000 calls were about 70 ms of a million events' 1.5 s).

    Where the first and the last second of a quarter hour have the same hour and the same UTC
    offset, every second between has that hour: a zone's clock changes at most once in a quarter
    hour. A quarter where they differ (a clock change, or an offset that is not whole quarter
    hours, such as the old Amsterdam time) is asked second by second, as before."""

    _STEP = 900

    def __init__(self) -> None:
        self._quarters: dict[int, int | None] = {}

    def __call__(self, ts: float) -> int:
        quarter = int(ts // self._STEP)
        hour = self._quarters.get(quarter, -1)
        if hour == -1:
            first = time.localtime(quarter * self._STEP)
            last = time.localtime(quarter * self._STEP + self._STEP - 1)
            same = (first.tm_hour, first.tm_gmtoff) == (last.tm_hour, last.tm_gmtoff)
            hour = self._quarters[quarter] = first.tm_hour if same else None
        return hour if hour is not None else time.localtime(ts).tm_hour

    def of_all(self, times: Iterable[float]) -> list[int]:
        """``[self(ts) for ts in times]``, with the quarters already asked looked up inline."""
        known = self._quarters.get
        step = self._STEP
        return [hour if (hour := known(int(ts // step), -1)) is not None and hour != -1
                else self(ts) for ts in times]


class _Group:
    """The sessions of one (event, kiosk) group: what a slice adds up, worked out once."""

    def __init__(self, hours: LocalHours) -> None:
        self._hour = hours
        self.sids: list[str] = []
        self.hours: list[int] = []
        self.kiosks: list[str] = []
        self.days: list[str] = []
        self.dwell: list[float] = []
        self.videos: list[int] = []        # of the sessions whose starts are all in this group
        self.odd: list[str] = []           # the others (a slice counts their starts itself)

    def add_all(self, rows: Iterable[tuple[Any, ...]], videos: Mapping[str, int],
                owner: Mapping[str, Any], shared: Mapping[str, list[Any]]) -> None:
        """``_sessions`` rows of this group. ``videos``: this group's starts per session;
        ``owner``: the group holding a session's starts (the first, when ``shared`` lists
        several); a session with starts elsewhere is counted by each slice itself."""
        rows = list(rows)
        if not rows:
            return
        _events, _kiosks, sids, kiosks, started, days, last = zip(*rows)
        self.sids += sids
        self.hours += self._hour.of_all(started)
        self.kiosks += kiosks
        self.days += days
        self.dwell += [max(s, t or s) - s for s, t in zip(started, last)]
        here = videos.keys() - shared.keys() if shared else videos.keys()
        elsewhere = (owner.keys() & set(sids)) - here  # their starts are (also) in another group
        if elsewhere:
            self.videos += [videos.get(sid, 0) for sid in sids if sid not in elsewhere]
            self.odd += [sid for sid in sids if sid in elsewhere]
        else:
            self.videos += [videos.get(sid, 0) for sid in sids]


def _event_half(ms: list[Metrics], q: _Query, split: _Slices, job_domains: Mapping[str, str],
                config: Config) -> list[dict[str, int]]:
    """Game, cards, QR codes, resets; returns plays watched to the end per episode."""
    g_started, g_abandoned, g_finished = _games_rows(q, split)
    swiped, undone = _cards_rows(q, split)
    qr = split(q.rows("purpose, target, count(*)", "qr_shown", "purpose, target"))
    resets = split(q.rows("reason, count(*)", "session_ended", "reason"))
    watched_rows = split(q.rows("episode_id, sum(fraction >= ?)", "episode_finished",
                                "episode_id", extra=[config.insights.watched_fraction_min]))
    out: list[dict[str, int]] = []
    for i, m in enumerate(ms):
        _games(m, g_started[i], g_abandoned[i], g_finished[i], job_domains)
        m.cards = _cards(swiped[i], undone[i])
        shows: Counter[tuple[str, str]] = Counter()
        for purpose, target, n in qr[i]:
            shows[(purpose, target)] += n
        m.qr_shows = sorted((QrCount(purpose, target, n) for (purpose, target), n in shows.items()),
                            key=lambda c: (-c.count, c.purpose, c.target))
        ends: Counter[str] = Counter()
        for reason, n in resets[i]:
            if reason is not None:
                ends[reason] += n
        m.resets = dict(ends)
        watched: Counter[str] = Counter()
        for ep, n in watched_rows[i]:
            watched[ep] += int(n or 0)
        out.append(dict(watched))
    return out


def _sessions(q: _Query) -> list[tuple[Any, ...]]:
    """One row per ``session_started`` in the filter, with the time of the session's last event:
    ``(event_id, kiosk_id, session_id, kiosk_id, started, day, last)`` (``last`` None when
    the session has no other event).

    The last event is found by seeking the session-id index for the highest row id (a kiosk
    writes a session's rows in time order and merge keeps that order), then, when it is an
    idle ``session_ended``, the row before it. That is a few index seeks per session instead
    of a pass over every row of every session.
    """
    sql = (
        f"SELECT {q.dims('l')},"
        " l.sid, l.kiosk_id, l.started, l.day,"
        " CASE WHEN e.kind = 'session_ended' AND e.reason = 'idle' THEN"
        "  (SELECT p.ts FROM events p WHERE p.id ="
        "   (SELECT max(id) FROM events WHERE session_id = l.sid AND id < l.last_id))"
        " ELSE e.ts END"
        " FROM (SELECT session_id AS sid, event_id, kiosk_id, day, ts AS started,"
        "  (SELECT max(id) FROM events WHERE session_id = s.session_id) AS last_id"
        f"  FROM {q.source('session_started', 's')}"
        f" AND session_id IS NOT NULL{q.where}"
        " ) AS l JOIN events e ON e.id = l.last_id"
    )
    return q.conn.execute(sql, q.params).fetchall()


def _session_figures(m: Metrics, groups: list[_Group], videos_of: Callable[[str], int],
                     config: Config) -> None:
    hours = Counter(h for g in groups for h in g.hours)
    kiosks = Counter(k for g in groups for k in g.kiosks)
    m.sessions = sum(len(g.sids) for g in groups)
    for hour, n in hours.items():
        m.sessions_per_hour[hour] += n
    m.kiosks = _counts(kiosks)
    videos = [v for g in groups for v in g.videos] + [videos_of(s) for g in groups for s in g.odd]
    top = config.insights.videos_histogram_max
    bins = Counter(min(v, top) for v in videos)
    m.videos_histogram = [Count(str(n) if n < top else f"{top}+", bins.get(n, 0))
                          for n in range(top + 1)]
    if not m.sessions:
        return
    dwell = [d for g in groups for d in g.dwell]
    binned = Counter(bisect.bisect_right(DWELL_BINS_S, d) for d in dwell)
    m.dwell_histogram = [Count(_dwell_label(i), binned.get(i, 0))
                         for i in range(len(DWELL_BINS_S) + 1)]
    m.dwell_median_s = statistics.median(dwell)
    m.dwell_mean_s = statistics.fmean(dwell)
    m.videos_per_session = statistics.fmean(videos)
    watching = [v for v in videos if v > 0]
    m.videos_per_viewing_session = statistics.fmean(watching) if watching else None


def _dwell_label(i: int) -> str:
    """Bin ``i`` of ``DWELL_BINS_S`` as ``"<30"``, ``"30-60"`` … ``"600+"`` (seconds)."""
    bounds = DWELL_BINS_S
    if i == 0:
        return f"<{bounds[0]:g}"
    if i == len(bounds):
        return f"{bounds[-1]:g}+"
    return f"{bounds[i - 1]:g}-{bounds[i]:g}"


def _languages(m: Metrics, rows: list[tuple[Any, ...]], sessions: list[str],
               config: Config) -> None:
    """``rows``: (session_id, lang, ts of the session's last language_changed) per group."""
    last: dict[str, tuple[float, str]] = {}
    for sid, lang, ts in rows:
        if sid not in last or ts > last[sid][0]:
            last[sid] = (ts, lang)
    m.languages = _counts(Counter(last[sid][1] if sid in last else config.language.default_language
                                  for sid in sessions))


def _watch_through(m: Metrics, started: Mapping[str, int], watched: Mapping[str, int]) -> None:
    m.watch_through = [
        EpisodeWatch(ep, n, watched.get(ep, 0), min(1.0, watched.get(ep, 0) / n))
        for ep, n in sorted(started.items())
    ]
    total = sum(started.values())
    if total:
        m.watch_through_overall = min(1.0, sum(w.watched for w in m.watch_through) / total)


_Parts = list[list[tuple[Any, ...]]]  # rows per slice


def _cards_rows(q: _Query, split: _Slices) -> tuple[_Parts, _Parts]:
    """Swipes per card, and each ``card_undone`` with the answer it took back.

    A ``card_undone`` takes back the newest earlier ``card_swiped`` of that card in that
    session; undos are rare, so finding each one's swipe by index is cheap.
    """
    swiped = split(q.rows("card_id, count(*), sum(liked)", "card_swiped", "card_id"))
    undone = split(q.conn.execute(
        "SELECT u.event_id, u.kiosk_id, u.card_id, (SELECT s.liked FROM events s"
        " WHERE s.session_id = u.session_id AND s.card_id = u.card_id AND s.kind = 'card_swiped'"
        " AND s.id < u.id ORDER BY s.id DESC LIMIT 1)"
        f" FROM events u WHERE {q.kind} = 'card_undone'{q.where}", q.params).fetchall())
    return swiped, undone


def _cards(swiped: list[tuple[Any, ...]], undone: list[tuple[Any, ...]]) -> list[CardLikes]:
    """Like rate per card, counting only answers that stood."""
    swipes: Counter[str] = Counter()
    likes: Counter[str] = Counter()
    for card, n, liked in swiped:
        swipes[card] += n
        likes[card] += int(liked or 0)
    for card, liked in undone:
        if liked is not None and swipes[card] > 0:
            swipes[card] -= 1
            likes[card] -= liked
    return sorted((CardLikes(card, n, likes[card], likes[card] / n)
                   for card, n in swipes.items() if n > 0),
                  key=lambda c: (-c.rate, -c.swipes, c.card_id))


def _games_rows(q: _Query, split: _Slices) -> tuple[_Parts, _Parts, _Parts]:
    # One read of the results for both their jobs and their durations.
    return (split(q.rows("count(*)", "game_started")),
            split(q.rows("count(*)", "game_abandoned")),
            split(q.rows("jobs, duration", "game_finished", each=True)))


def _games(m: Metrics, started: list[tuple[Any, ...]], abandoned: list[tuple[Any, ...]],
           finished: list[tuple[Any, ...]], job_domains: Mapping[str, str]) -> None:
    """``finished``: (jobs, duration) of every ``game_finished``."""
    m.games_started = sum(n for (n,) in started)
    m.games_abandoned = sum(n for (n,) in abandoned)
    best: Counter[str] = Counter()
    listed: Counter[str] = Counter()
    results = Counter(jobs for jobs, _duration in finished)  # results repeat: split each once
    for jobs, n in results.items():
        m.games_finished += n
        ids = [j for j in (jobs or "").split(",") if j]
        if ids:
            best[ids[0]] += n
            listed.update({j: n for j in ids})
    if m.games_started:
        m.game_finish_rate = m.games_finished / m.games_started
    durations = [d for _jobs, d in finished if d is not None]
    if durations:
        m.game_median_duration_s = statistics.median(durations)
    m.top_jobs = _counts(best)
    m.result_jobs = _counts(listed)
    add_domains(m, job_domains)


def add_domains(m: Metrics, job_domains: Mapping[str, str]) -> None:
    """``m.top_domains``: the domains of the results' best jobs, through ``job_domains`` (the
    pack knows them, the log does not). For a caller that loads the pack while the figures are
    computed: the figures with no map, then this."""
    domains: Counter[str] = Counter()
    for job in m.top_jobs:
        if job.key in job_domains:
            domains[job_domains[job.key]] += job.count
    m.top_domains = _counts(domains)


def _counts(counter: Mapping[str, int]) -> list[Count]:
    """Largest first; ties alphabetically so the order is stable."""
    return [Count(k, n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def choices(conn: sqlite3.Connection) -> Choices:
    """Events and days with at least one session (via the kind index: fast on a big log)."""
    via = figure_indexes.indexed_by(figure_indexes.present(conn), "session_started")
    rows = conn.execute(f"SELECT DISTINCT event_id, day FROM events{via}"
                        " WHERE kind = 'session_started'").fetchall()
    return Choices(events=sorted({e for e, _d in rows if e is not None}),
                   days=sorted({d for _e, d in rows}, reverse=True))


def job_domains(jobs: Mapping[str, Any]) -> dict[str, str]:
    """job id → its main domain (``taxonomy.main_domain``), from the pack's ``jobs``
    (``Job.domains``: name → weight)."""
    out: dict[str, str] = {}
    for job_id, job in jobs.items():
        domain = main_domain(getattr(job, "domains", None) or {})
        if domain:
            out[job_id] = domain
    return out
