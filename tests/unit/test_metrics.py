"""Campaign figures on the hand-written log of tests/unit/eventlog.py, answers worked out by hand.

Visits (kiosk, day, event): A k1 12th T, B k1 12th T, C k2 12th T, D k2 12th T,
E k1 13th T, F k1 13th open day. The reasoning for every expected value is in the comments.
"""
from __future__ import annotations

import ast
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk.config import DEFAULT, Config
from kiosk.insights.metrics import (
    CardLikes,
    Count,
    EpisodeWatch,
    Filter,
    QrCount,
    choices,
    compute,
    day_bounds,
    job_domains,
)
from tests.unit.eventlog import OD, T, seed

DOMAINS = {"lasser": "metaal", "elektromonteur": "energie"}


@pytest.fixture
def conn(tmp_path: Path, amsterdam: None) -> sqlite3.Connection:
    c = sqlite3.connect(seed(tmp_path / "kiosk.db"))
    yield c
    c.close()


def test_everything(conn: sqlite3.Connection) -> None:
    m = compute(conn, Filter(), Config(), DOMAINS)
    assert m.sessions == 6
    # A, B start at 9h; C, D at 10h; E, F at 14h (local).
    assert m.sessions_per_hour == [0] * 9 + [2, 2] + [0] * 3 + [2] + [0] * 9
    # Dwell: A 200 (ends by hand), B 90 (idle end at 145 skipped: last is the finish at 90),
    # C 20 (abandoned at 20, idle end skipped), D 230 (admin end counts), E 100, F 100.
    # Sorted 20 90 100 100 200 230 → median 100; mean 740 / 6.
    assert m.dwell_median_s == 100
    assert m.dwell_mean_s == pytest.approx(740 / 6)
    # Videos started: A 2, B 1, C 0, D 3 (ep3 errored still counts), E 1, F 0.
    assert m.videos_per_session == pytest.approx(7 / 6)
    assert m.videos_per_viewing_session == pytest.approx(7 / 4)
    assert m.videos_histogram == [Count("0", 2), Count("1", 2), Count("2", 1), Count("3", 1),
                                  Count("4", 0), Count("5+", 0)]
    # ep1 started by A, B, D, E; ≥ 0.9 by A (0.95), B (exactly 0.9), E (0.99), not D (0.2).
    # ep2 started by A (0.5), D (1.0). ep3 started by D, errored, never finished.
    assert m.watch_through == [EpisodeWatch("ep1", 4, 3, 0.75), EpisodeWatch("ep2", 2, 1, 0.5),
                               EpisodeWatch("ep3", 1, 0, 0.0)]
    assert m.watch_through_overall == pytest.approx(4 / 7)
    assert m.watch_through_reference == 0.65
    # Games: started B C D F, finished B D F (60, 120, 80 s), abandoned C.
    assert (m.games_started, m.games_finished, m.games_abandoned) == (4, 3, 1)
    assert m.game_finish_rate == 0.75
    assert m.game_median_duration_s == 80
    # laadpaal B♥ C♥; boomhut F♥; lassen B✗ C♥; wifi B♥ undone then B✗, D✗.
    assert m.cards == [CardLikes("laadpaal", 2, 2, 1.0), CardLikes("boomhut", 1, 1, 1.0),
                       CardLikes("lassen", 2, 1, 0.5), CardLikes("wifi", 2, 0, 0.0)]
    # Best jobs: B elektromonteur, D lasser, F lasser.
    assert m.top_jobs == [Count("lasser", 2), Count("elektromonteur", 1)]
    assert m.result_jobs == [Count("lasser", 3), Count("elektromonteur", 2),
                             Count("timmerman", 2), Count("cnc-operator", 1),
                             Count("metselaar", 1)]
    assert m.top_domains == [Count("metaal", 2), Count("energie", 1)]
    assert m.qr_shows == [QrCount("channel", "ep2", 2), QrCount("result", "elektromonteur", 1)]
    # Last language: A en, B (none) nl, C en→nl, D nl, E nl, F en.
    assert m.languages == [Count("nl", 4), Count("en", 2)]
    assert m.resets == {"home": 2, "idle": 3, "admin": 1}
    assert (m.resets_idle, m.resets_by_hand) == (3, 2)
    assert m.kiosks == [Count("k1", 4), Count("k2", 2)]


def test_days_and_dwell_bins(conn: sqlite3.Connection) -> None:
    m = compute(conn, Filter(), Config(), DOMAINS)
    assert m.sessions_per_day == [Count("2026-03-12", 4), Count("2026-03-13", 2)]  # ABCD, EF
    # Dwell A 200, B 90, C 20, D 230, E 100, F 100 (see test_everything).
    assert m.dwell_histogram == [Count("<30", 1), Count("30-60", 0), Count("60-120", 3),
                                 Count("120-300", 2), Count("300-600", 0), Count("600+", 0)]


def test_period_and_kiosks(conn: sqlite3.Connection) -> None:
    later = compute(conn, Filter(day_from="2026-03-13"), Config(), DOMAINS)
    assert later.sessions == 2 and later.top_jobs == [Count("lasser", 1)]  # E, F
    k2_first_day = compute(conn, Filter(day_to="2026-03-12", kiosks=("k2",)), Config(), DOMAINS)
    assert k2_first_day.sessions == 2  # C, D
    assert k2_first_day.kiosks == [Count("k2", 2)]
    assert k2_first_day.games_started == 2 and k2_first_day.games_finished == 1
    both = compute(conn, Filter(day_from="2026-03-12", day_to="2026-03-12", kiosks=("k1", "k2")), DEFAULT)
    assert both.sessions == 4
    assert compute(conn, Filter(day_from="2026-04-01"), DEFAULT).sessions == 0
    assert compute(conn, Filter(day_to="2026-03-12"), DEFAULT).to_dict()["filter"] == {
        "event_id": None, "day": None, "day_to": "2026-03-12"}


def test_one_day(conn: sqlite3.Connection) -> None:
    m = compute(conn, Filter(day="2026-03-12"), Config(), DOMAINS)
    assert m.sessions == 4  # A B C D
    assert m.dwell_median_s == 145  # 20 90 200 230 → (90 + 200) / 2
    assert m.videos_per_session == 1.5  # 2 + 1 + 0 + 3 over 4
    # ep1: A ✓, B ✓, D ✗; ep2: A ✗, D ✓; ep3: D ✗ → 3 of 6
    assert [(w.episode_id, w.started, w.watched) for w in m.watch_through] == [
        ("ep1", 3, 2), ("ep2", 2, 1), ("ep3", 1, 0)]
    assert m.watch_through_overall == 0.5
    assert m.game_finish_rate == pytest.approx(2 / 3)
    assert m.game_median_duration_s == 90  # 60 and 120
    assert m.top_domains == [Count("energie", 1), Count("metaal", 1)]
    assert m.qr_shows == [QrCount("channel", "ep2", 1), QrCount("result", "elektromonteur", 1)]


def test_one_event(conn: sqlite3.Connection) -> None:
    m = compute(conn, Filter(event_id=OD), Config(), DOMAINS)
    assert m.sessions == 1  # F only
    assert m.sessions_per_hour[14] == 1
    assert m.dwell_median_s == 100
    assert m.languages == [Count("en", 1)]
    assert (m.games_started, m.games_finished, m.game_finish_rate) == (1, 1, 1.0)
    assert m.top_jobs == [Count("lasser", 1)]
    assert m.watch_through == [] and m.watch_through_overall is None
    assert m.videos_per_viewing_session is None


def test_event_and_day(conn: sqlite3.Connection) -> None:
    m = compute(conn, Filter(event_id=T, day="2026-03-13"), Config(), DOMAINS)
    assert m.sessions == 1  # E only
    assert m.watch_through == [EpisodeWatch("ep1", 1, 1, 1.0)]
    assert m.games_started == 0 and m.game_finish_rate is None
    assert m.game_median_duration_s is None
    assert m.resets == {"home": 1}


def test_nothing_in_the_filter(conn: sqlite3.Connection) -> None:
    m = compute(conn, Filter(day="2025-01-01"), DEFAULT)
    assert m.sessions == 0 and m.dwell_median_s is None and m.videos_per_session is None
    assert m.videos_histogram[0] == Count("0", 0)
    assert m.cards == [] and m.top_jobs == [] and m.resets == {}


def test_config_sets_threshold_and_reference(conn: sqlite3.Connection) -> None:
    m = compute(conn, Filter(), Config().with_(watched_fraction_min=0.96, watch_through_reference=0.5,
                                        videos_histogram_max=2))
    # ≥ 0.96: ep1 only E (0.99); ep2 D (1.0)
    assert [(w.episode_id, w.watched) for w in m.watch_through] == [("ep1", 1), ("ep2", 1),
                                                                   ("ep3", 0)]
    assert m.watch_through_reference == 0.5
    assert m.videos_histogram == [Count("0", 2), Count("1", 2), Count("2+", 2)]


def test_choices(conn: sqlite3.Connection) -> None:
    c = choices(conn)
    assert c.events == [OD, T]
    assert c.days == ["2026-03-13", "2026-03-12"]


def test_day_bounds_cover_the_local_day(amsterdam: None) -> None:
    start, end = day_bounds("2026-03-29")  # DST starts: the day has 23 hours
    assert end - start == 23 * 3600
    with pytest.raises(ValueError):
        day_bounds("29-03-2026")


def test_job_domains_takes_the_heaviest() -> None:
    jobs = {"a": SimpleNamespace(domains={"bouw": 0.3, "metaal": 0.7}),
            "b": SimpleNamespace(domains={"media": 0.5, "energie": 0.5}),  # tie: alphabetical
            "c": SimpleNamespace(domains={})}
    assert job_domains(jobs) == {"a": "metaal", "b": "energie"}


def test_to_dict_is_plain_data(conn: sqlite3.Connection) -> None:
    d = compute(conn, Filter(day="2026-03-13"), DEFAULT).to_dict()
    assert d["filter"] == {"event_id": None, "day": "2026-03-13"}
    assert d["sessions"] == 2
    assert d["top_jobs"] == [{"key": "lasser", "count": 1}]
    ast.literal_eval(repr(d))  # only literals: no dataclasses left inside


def test_core_metrics_imports_no_qt() -> None:
    source = Path(__file__).resolve().parents[2] / "kiosk" / "insights" / "metrics.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(n.startswith("PySide6") for n in names)


def test_compute_file_gives_the_same_figures(conn: sqlite3.Connection, tmp_path: Path) -> None:
    from kiosk.insights.metrics import compute_file

    m = compute_file(tmp_path / "kiosk.db", Filter(), Config(), DOMAINS)
    assert (m.sessions, m.dwell_median_s, m.game_finish_rate) == (6, 100, 0.75)
    assert m.watch_through_overall == pytest.approx(4 / 7)
    for flt in (Filter(), Filter(day="2026-03-12"), Filter(event_id=OD)):
        assert compute_file(tmp_path / "kiosk.db", flt, Config(), DOMAINS) == compute(
            conn, flt, Config(), DOMAINS)
