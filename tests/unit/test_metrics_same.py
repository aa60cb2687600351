"""The faster figures are the same figures: every figure of ``kiosk stats`` and of the campaign
report, computed by today's code and by the code before the one-pass rewrite
(tests/reference/metrics_before.py, kept as it was), on generated logs, must be equal.

The logs come from the benchmark's generator (three kiosks, two events, many days, language
changes, idle and by-hand ends, games with and without a result) plus what it does not make:
undone swipes, a session without an id, a game result without jobs, likes on the player. Each
log is read twice: with the figure indexes (``kiosk.storage.figure_indexes``, which the queries
then walk) and without them (a file from before them: the kind index and the table).
"""
from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import DEFAULT, Config
from kiosk.storage import figure_indexes
from kiosk.insights import metrics as now
from kiosk.insights import html_report
from kiosk.insights.names import KioskInfo
from tests.bench.bench_metrics import EVENTS, KIOSKS, generate
from tests.reference import metrics_before as before

DOMAINS = {"lasser": "metaal", "elektromonteur": "energie", "automonteur": "mobiliteit",
           "game-developer": "ict"}


def _add_oddities(path: Path, seed: int) -> None:
    """Undos of earlier swipes (and one of a card never swiped), a session without an id, a
    result without jobs, and sessions whose plays are logged under another event than their
    start (some plays, or all of them: a kiosk's event changed mid-visit): the rows the
    generator never writes but the figures must handle."""
    rnd = random.Random(seed)
    with sqlite3.connect(path) as conn:
        swipes = conn.execute("SELECT kiosk_id, ts, day, event_id, session_id, card_id "
                              "FROM events WHERE kind = 'card_swiped'").fetchall()
        rows = []
        for kiosk, ts, day, event, sid, card in rnd.sample(swipes, min(40, len(swipes))):
            rows.append((kiosk, ts + 1, day, event, sid, "card_undone", card))
        kiosk, ts, day, event, sid, _card = swipes[0]
        rows.append((kiosk, ts + 2, day, event, sid, "card_undone", "never-swiped"))
        conn.executemany("INSERT INTO events (kiosk_id, ts, day, event_id, session_id, kind, "
                         "card_id) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("INSERT INTO events (kiosk_id, ts, day, event_id, session_id, kind) "
                     "VALUES (?, ?, ?, ?, NULL, 'session_started')", (kiosk, ts, day, event))
        conn.execute("INSERT INTO events (kiosk_id, ts, day, event_id, session_id, kind, jobs, "
                     "duration) VALUES (?, ?, ?, ?, ?, 'game_finished', NULL, NULL)",
                     (kiosk, ts + 3, day, event, sid))
        plays = conn.execute("SELECT kiosk_id, ts, day, event_id, session_id, episode_id "
                             "FROM events WHERE kind = 'episode_started'").fetchall()
        conn.executemany("INSERT INTO events (kiosk_id, ts, day, event_id, session_id, kind, "
                         "episode_id) VALUES (?, ?, ?, ?, ?, 'episode_liked', ?)",
                         [(k, t + 1, d, e, s, ep) for k, t, d, e, s, ep
                          in rnd.sample(plays, min(60, len(plays)))])
        other = {EVENTS[0]: EVENTS[1], EVENTS[1]: EVENTS[0]}
        moved = rnd.sample(sorted({(s, e) for _k, _t, _d, e, s, _ep in plays if s}), 12)
        for n, (sid, event) in enumerate(moved):  # the first half: all plays, the rest: one
            conn.execute("UPDATE events SET event_id = ? WHERE id IN (SELECT id FROM events"
                         " WHERE kind = 'episode_started' AND session_id = ? ORDER BY id"
                         f"{'' if n < 6 else ' LIMIT 1'})", (other.get(event, EVENTS[0]), sid))


@pytest.fixture(scope="module", params=[(7, True), (7, False)],
                ids=["figure-indexes", "no-figure-indexes"])
def log(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("TZ", "Europe/Amsterdam")
    import time

    time.tzset()
    seed, indexed = request.param
    path = tmp_path_factory.mktemp(f"log{seed}") / "kiosk.db"
    generate(path, 30_000, seed=seed)
    _add_oddities(path, seed)
    with sqlite3.connect(path) as conn:
        assert figure_indexes.present(conn) == set(figure_indexes.FIGURE_INDEXES)
        if not indexed:
            for name in figure_indexes.FIGURE_INDEXES:
                conn.execute(f"DROP INDEX {name}")
    yield path
    mp.undo()
    time.tzset()


def _filters(path: Path) -> list[now.Filter]:
    with sqlite3.connect(path) as conn:
        days = [d for (d,) in conn.execute("SELECT DISTINCT day FROM events ORDER BY day")]
    assert len(days) > 3, "the log should span several days"
    return [now.Filter(), now.Filter(event_id=EVENTS[0]), now.Filter(event_id=EVENTS[1]),
            now.Filter(day=days[1]), now.Filter(event_id=EVENTS[0], day=days[2]),
            now.Filter(day_from=days[1], day_to=days[-2]),
            now.Filter(day_from=days[2]), now.Filter(kiosks=(KIOSKS[0],)),
            now.Filter(event_id=EVENTS[1], day_to=days[-2], kiosks=(KIOSKS[1], KIOSKS[2])),
            now.Filter(event_id="no-such-event")]


def _before(f: now.Filter) -> before.Filter:
    return before.Filter(f.event_id, f.day, f.day_from, f.day_to, f.kiosks)


@pytest.mark.parametrize("config", [Config(), Config().with_(watched_fraction_min=0.5,
                                                     videos_histogram_max=3)])
def test_stats_figures_are_the_same_as_before(log: Path, config: Config) -> None:
    conn = sqlite3.connect(log)
    try:
        for flt in _filters(log):
            expected = before.compute(conn, _before(flt), config, DOMAINS).to_dict()
            assert expected["sessions"] or flt.event_id == "no-such-event"
            assert now.compute(conn, flt, config, DOMAINS).to_dict() == expected, flt
            assert now.compute_file(log, flt, config, DOMAINS).to_dict() == expected, flt
    finally:
        conn.close()


def test_report_figures_are_the_same_as_before(log: Path) -> None:
    """The report's slices (campaign, each event, each region and the kiosks of none) from one
    pass equal each slice computed on its own by the code before."""
    kiosks = {KIOSKS[0]: KioskInfo(KIOSKS[0], "Aula", "Zwolle", None, None, {}, 1.0),
              KIOSKS[1]: KioskInfo(KIOSKS[1], "Hal", "Kampen", None, None, {}, 1.0)}
    with sqlite3.connect(log) as conn:
        days = [d for (d,) in conn.execute("SELECT DISTINCT day FROM events ORDER BY day")]
    for base in (now.Filter(), now.Filter(day_from=days[1], day_to=days[-2]),
                 now.Filter(event_id=EVENTS[1])):
        data = html_report.gather(log, base, ["x"], Config(), DOMAINS, kiosks)
        slices = [(base, data.overall)] + [(m.filter, m) for _span, m in data.event_metrics]
        slices += [(m.filter, m) for _region, m in data.regions]
        assert [r for r, _m in data.regions] == ["Kampen", "Zwolle", ""]
        assert data.regions[-1][1].filter.kiosks == (KIOSKS[2],)
        assert len(data.event_metrics) == (1 if base.event_id else 2)
        conn = sqlite3.connect(log)
        try:
            for flt, m in slices:
                expected = before.compute(conn, _before(flt), Config(), DOMAINS).to_dict()
                assert expected["sessions"] > 0
                assert m.to_dict() == expected, flt
            likes = _likes_before(conn, base)
        finally:
            conn.close()
        assert likes and data.likes == likes
        assert html_report.episode_likes(log, base, DEFAULT) == likes  # counting the plays itself


def _likes_before(conn: sqlite3.Connection, base: now.Filter) -> list[tuple[str, int, int]]:
    """The report's likes per episode as the one query before the one-pass figures counted
    them (kept here as it was)."""
    where, params = html_report._spans_where(base)
    rows = conn.execute(
        "SELECT episode_id, sum(kind = 'episode_liked'), sum(kind = 'episode_started') "
        f"FROM events WHERE kind IN ('episode_liked', 'episode_started'){where} "
        "GROUP BY episode_id HAVING sum(kind = 'episode_liked') > 0 "
        "ORDER BY 2 DESC, episode_id", params).fetchall()
    return [(e, int(likes), int(plays)) for e, likes, plays in rows]


def test_a_slice_outside_the_base_is_refused(log: Path) -> None:
    with pytest.raises(ValueError, match="not inside"):
        now.compute_slices(log, now.Filter(event_id=EVENTS[0]),
                           [now.Filter(event_id=EVENTS[1])], Config())


def test_the_commands_add_the_packs_domains_after_the_figures(log: Path, tmp_path: Path) -> None:
    """``kiosk stats`` and ``kiosk report`` load the pack while the figures are counted and add
    its job domains after: the same as counting with the domains given."""
    import html
    import io
    import json

    from kiosk.cli import run_tool
    from kiosk.insights.report import titles

    names, domains, problem = titles(None, "nl", DEFAULT)
    assert problem is None and domains
    expected = now.compute_file(log, now.Filter(), Config(), domains).to_dict()
    assert expected["top_domains"]
    out = io.StringIO()
    assert run_tool(["stats", "--data", str(log), "--json"], out) == 0
    shown = json.loads(out.getvalue())
    del shown["available"]
    assert shown == json.loads(json.dumps(expected))
    page = tmp_path / "report.html"
    assert run_tool(["report", str(log), "--out", str(page)], io.StringIO()) == 0
    text = html.unescape(page.read_text(encoding="utf-8"))
    for domain in expected["top_domains"]:  # the domains chart, bar by bar (only there)
        assert names.domain(domain["key"]) in text


@pytest.mark.parametrize("zone", ["Europe/Amsterdam", "Asia/Kolkata", "Asia/Kathmandu",
                                  "Australia/Lord_Howe", "America/St_Johns", "Australia/Eucla"])
def test_the_hour_of_a_session_is_the_clocks_own(zone: str) -> None:
    """``LocalHours`` (once per quarter hour) gives ``time.localtime``'s hour for every time of
    2026 in zones with half-hour and 45-minute offsets and half-hour clock changes, and around
    1930 in Amsterdam, whose offset was then +00:19:32."""
    import time

    mp = pytest.MonkeyPatch()
    mp.setenv("TZ", zone)
    time.tzset()
    try:
        rnd = random.Random(zone)
        hours = now.LocalHours()
        start = time.mktime((2026, 1, 1, 0, 0, 0, 0, 0, -1))
        times = [start + k * 599 + rnd.random() * 599 for k in range(365 * 24 * 6)]
        if zone == "Europe/Amsterdam":
            old = time.mktime((1930, 3, 1, 0, 0, 0, 0, 0, -1))
            times += [old + k * 61 + rnd.random() for k in range(60 * 24 * 7)]
        wrong = [t for t in times if hours(t) != time.localtime(t).tm_hour]
        assert not wrong, [time.ctime(t) for t in wrong[:5]]
    finally:
        mp.undo()
        time.tzset()
