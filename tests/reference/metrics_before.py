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
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kiosk.config import DEFAULT, Config
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
    """Runs the per-kind aggregates with the filter applied."""

    def __init__(self, conn: sqlite3.Connection, flt: Filter) -> None:
        self.conn = conn
        self.where, self.params = _where(flt)
        # With a day, the ts range is far narrower than a kind: '+kind' keeps SQLite off
        # the kind index so it takes the ts one.
        self.kind = "+kind" if flt.day is not None else "kind"

    def rows(self, select: str, kind: str, group: str = "", extra: list[Any] | None = None
             ) -> list[tuple[Any, ...]]:
        sql = f"SELECT {select} FROM events WHERE {self.kind} = ?{self.where}"
        if group:
            sql += f" GROUP BY {group}"
        return self.conn.execute(sql, [*(extra or []), kind, *self.params]).fetchall()


def compute(conn: sqlite3.Connection, flt: Filter = Filter(), config: Config = DEFAULT,
            job_domains: Mapping[str, str] | None = None) -> Metrics:
    """All figures for ``flt`` from the ``events`` table reachable through ``conn``."""
    m = Metrics(filter=flt, watch_through_reference=config.insights.watch_through_reference)
    started = _session_half(m, _Query(conn, flt), config)
    watched = _event_half(m, _Query(conn, flt), job_domains or {}, config)
    _watch_through(m, started, watched)
    return m


def read_only(path: Path, config: Config = DEFAULT) -> sqlite3.Connection:
    """A read-only connection: figures never change the file (nor create one)."""
    return connect_read_only(path, config.store.db_busy_timeout_s)


def compute_file(path: Path, flt: Filter = Filter(), config: Config = DEFAULT,
                 job_domains: Mapping[str, str] | None = None) -> Metrics:
    """``compute`` on a database file, its two halves on two connections at once.

    SQLite releases the GIL while it works, so on a big log this takes about half the time
    (the dashboard's < 1 s on a million events). Raises ``sqlite3.Error`` like ``compute``.
    """
    m = Metrics(filter=flt, watch_through_reference=config.insights.watch_through_reference)

    def events() -> dict[str, int]:
        with closing(read_only(path, config)) as conn:
            return _event_half(m, _Query(conn, flt), job_domains or {}, config)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-metrics") as pool:
        watched = pool.submit(events)
        with closing(read_only(path, config)) as conn:
            started = _session_half(m, _Query(conn, flt), config)
        _watch_through(m, started, watched.result())
    return m


def _session_half(m: Metrics, q: _Query, config: Config) -> Counter[str]:
    """Sessions, dwell, videos, hours, kiosks, languages; returns starts per episode."""
    per_session, per_episode = _episode_starts(q)
    sessions = _sessions(q, per_session)
    _session_figures(m, sessions, config)
    # The kiosk's own local day (the day column), as the day filter uses it.
    m.sessions_per_day = [Count(day, n) for day, n in sorted(q.rows(
        "day, sum(session_id IS NOT NULL)", "session_started", "day")) if n]
    _languages(m, q, sessions, config)
    return per_episode


def _event_half(m: Metrics, q: _Query, job_domains: Mapping[str, str], config: Config
                ) -> dict[str, int]:
    """Game, cards, QR codes, resets; returns plays watched to the end per episode."""
    _games(m, q, job_domains)
    m.cards = _cards(q)
    m.qr_shows = sorted(
        (QrCount(purpose, target, n) for purpose, target, n in
         q.rows("purpose, target, count(*)", "qr_shown", "purpose, target")),
        key=lambda c: (-c.count, c.purpose, c.target))
    m.resets = {reason: n for reason, n in
                q.rows("reason, count(*)", "session_ended", "reason") if reason is not None}
    return {ep: int(n or 0) for ep, n in q.rows(
        "episode_id, sum(fraction >= ?)", "episode_finished", "episode_id",
        extra=[config.insights.watched_fraction_min])}


_SessionRow = tuple[str, str, float, float, int]  # session_id, kiosk_id, started, last, videos


def _sessions(q: _Query, videos: Mapping[str, int]) -> list[_SessionRow]:
    """One row per ``session_started`` in the filter, with the time of the session's last event.

    The last event is found by seeking the session-id index for the highest row id (a kiosk
    writes a session's rows in time order and merge keeps that order), then, when it is an
    idle ``session_ended``, the row before it. That is a few index seeks per session instead
    of a pass over every row of every session.
    """
    sql = (
        "SELECT l.sid, l.kiosk_id, l.started,"
        " CASE WHEN e.kind = 'session_ended' AND e.reason = 'idle' THEN"
        "  (SELECT p.ts FROM events p WHERE p.id ="
        "   (SELECT max(id) FROM events WHERE session_id = l.sid AND id < l.last_id))"
        " ELSE e.ts END"
        " FROM (SELECT session_id AS sid, kiosk_id, ts AS started,"
        "  (SELECT max(id) FROM events WHERE session_id = s.session_id) AS last_id"
        f"  FROM events s WHERE {q.kind} = 'session_started' AND session_id IS NOT NULL{q.where}"
        " ) AS l JOIN events e ON e.id = l.last_id"
    )
    return [(sid, kiosk, started, max(started, last or started), videos.get(sid, 0))
            for sid, kiosk, started, last in q.conn.execute(sql, q.params)]


def _session_figures(m: Metrics, sessions: list[_SessionRow], config: Config) -> None:
    m.sessions = len(sessions)
    for _sid, _kiosk, started, _last, _videos in sessions:
        m.sessions_per_hour[time.localtime(started).tm_hour] += 1
    m.kiosks = _counts(Counter(kiosk for _sid, kiosk, *_rest in sessions))
    top = config.insights.videos_histogram_max
    bins = Counter(min(videos, top) for *_rest, videos in sessions)
    m.videos_histogram = [Count(str(n) if n < top else f"{top}+", bins.get(n, 0))
                          for n in range(top + 1)]
    if not sessions:
        return
    dwell = [last - started for _sid, _kiosk, started, last, _videos in sessions]
    binned = Counter(bisect.bisect_right(DWELL_BINS_S, d) for d in dwell)
    m.dwell_histogram = [Count(_dwell_label(i), binned.get(i, 0))
                         for i in range(len(DWELL_BINS_S) + 1)]
    m.dwell_median_s = statistics.median(dwell)
    m.dwell_mean_s = statistics.fmean(dwell)
    videos = [row[4] for row in sessions]
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


def _languages(m: Metrics, q: _Query, sessions: list[_SessionRow], config: Config) -> None:
    # SQLite returns the bare column (lang) of the row holding max(ts) in each group.
    last = {sid: lang for sid, lang, _ts in q.rows(
        "session_id, lang, max(ts)", "language_changed", "session_id")}
    m.languages = _counts(Counter(last.get(sid, config.language.default_language)
                                  for sid, *_rest in sessions))


def _episode_starts(q: _Query) -> tuple[Counter[str], Counter[str]]:
    """``episode_started`` counts per session and per episode, from one read of those rows."""
    per_session: Counter[str] = Counter()
    per_episode: Counter[str] = Counter()
    for sid, episode, n in q.rows("session_id, episode_id, count(*)", "episode_started",
                                  "session_id, episode_id"):
        if sid is not None:
            per_session[sid] += n
        per_episode[episode] += n
    return per_session, per_episode


def _watch_through(m: Metrics, started: Mapping[str, int], watched: Mapping[str, int]) -> None:
    m.watch_through = [
        EpisodeWatch(ep, n, watched.get(ep, 0), min(1.0, watched.get(ep, 0) / n))
        for ep, n in sorted(started.items())
    ]
    total = sum(started.values())
    if total:
        m.watch_through_overall = min(1.0, sum(w.watched for w in m.watch_through) / total)


def _cards(q: _Query) -> list[CardLikes]:
    """Like rate per card, counting only answers that stood.

    A ``card_undone`` takes back the newest earlier ``card_swiped`` of that card in that
    session; undos are rare, so finding each one's swipe by index is cheap.
    """
    swipes: Counter[str] = Counter()
    likes: Counter[str] = Counter()
    for card, n, liked in q.rows("card_id, count(*), sum(liked)", "card_swiped", "card_id"):
        swipes[card] += n
        likes[card] += int(liked or 0)
    undone = q.conn.execute(
        "SELECT u.card_id, (SELECT s.liked FROM events s WHERE s.session_id = u.session_id"
        " AND s.card_id = u.card_id AND s.kind = 'card_swiped' AND s.id < u.id"
        " ORDER BY s.id DESC LIMIT 1)"
        f" FROM events u WHERE {q.kind} = 'card_undone'{q.where}", q.params).fetchall()
    for card, liked in undone:
        if liked is not None and swipes[card] > 0:
            swipes[card] -= 1
            likes[card] -= liked
    return sorted((CardLikes(card, n, likes[card], likes[card] / n)
                   for card, n in swipes.items() if n > 0),
                  key=lambda c: (-c.rate, -c.swipes, c.card_id))


def _games(m: Metrics, q: _Query, job_domains: Mapping[str, str]) -> None:
    m.games_started = q.rows("count(*)", "game_started")[0][0]
    m.games_abandoned = q.rows("count(*)", "game_abandoned")[0][0]
    best: Counter[str] = Counter()
    listed: Counter[str] = Counter()
    # Results repeat: grouping by the jobs text leaves a few hundred rows to split here.
    for jobs, n in q.rows("jobs, count(*)", "game_finished", "jobs"):
        m.games_finished += n
        ids = [j for j in (jobs or "").split(",") if j]
        if ids:
            best[ids[0]] += n
            listed.update({j: n for j in ids})
    if m.games_started:
        m.game_finish_rate = m.games_finished / m.games_started
    durations = [d for (d,) in q.rows("duration", "game_finished") if d is not None]
    if durations:
        m.game_median_duration_s = statistics.median(durations)
    m.top_jobs = _counts(best)
    m.result_jobs = _counts(listed)
    domains: Counter[str] = Counter()
    for job, n in best.items():
        if job in job_domains:
            domains[job_domains[job]] += n
    m.top_domains = _counts(domains)


def _counts(counter: Mapping[str, int]) -> list[Count]:
    """Largest first; ties alphabetically so the order is stable."""
    return [Count(k, n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def choices(conn: sqlite3.Connection) -> Choices:
    """Events and days with at least one session (via the kind index: fast on a big log)."""
    rows = conn.execute("SELECT DISTINCT event_id, day FROM events WHERE kind = 'session_started'"
                        ).fetchall()
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
