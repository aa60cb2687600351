"""The question's figures against a count of the event rows done here, visit by visit, in plain
Python (generated visits, real SQLite); the report's section, its small-group rule and export."""
from __future__ import annotations

import csv
import io
import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import DEFAULT, Config
from kiosk.insights.metrics import Filter
from kiosk.core.pulse import mean_change
from kiosk.insights import report
from kiosk.insights.export import DELIMITER, ENCODING
from kiosk.insights.pulse_report import GROUPS, PulseCounts, pulse_figures
from tests import pulsegen


@pytest.fixture(scope="module")
def log(tmp_path_factory) -> Path:
    return pulsegen.write(tmp_path_factory.mktemp("pulse") / "kiosk.db", pulsegen.visits(1500))


def expected(db: Path, keep) -> tuple[PulseCounts, dict[str, PulseCounts]]:
    """The figures counted from the rows: each visit's events gathered, then tallied."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT session_id, kind, screen, phase, value, answer, event_id, "
                            "kiosk_id, day FROM events ORDER BY id").fetchall()
    by_visit: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        by_visit[row[0]].append(row)
    total = PulseCounts()
    groups = {g: PulseCounts() for g in GROUPS}
    for events in by_visit.values():
        first = events[0]
        asked = {r[3] for r in events if r[1] == "pulse_asked"}
        if "before" not in asked or not keep(first[6], first[7], first[8]):
            continue
        answers = {r[3]: int(r[4]) for r in events if r[1] == "pulse_answered"}
        skips = {r[3] for r in events if r[1] == "pulse_skipped"}
        group = next((r[5] for r in events if r[1] == "pulse_group"), None)
        c = PulseCounts(asked=1)
        c.offered_after = int("after" in asked)
        # ended at the question: the only screen of the visit was the question's
        screens = {r[2] for r in events if r[1] == "screen_shown"}
        c.stopped = int(screens == {"pulse"})
        c.before_skipped = int("before" in skips)
        c.after_skipped = int("after" in skips)
        if "before" in answers:
            c.before_answered = 1
            c.before[answers["before"] - 1] = 1
        if "after" in answers:
            c.after_answered = 1
            c.after[answers["after"] - 1] = 1
        if "before" in answers and "after" in answers:
            d = answers["after"] - answers["before"]
            c.pairs, c.up, c.same, c.down = 1, int(d > 0), int(d == 0), int(d < 0)
            c.change_sum, c.change_sq_sum = float(d), float(d * d)
        total.add(c)
        if group is not None:
            groups[group].add(c)
    return total, groups


SLICES = {
    "all": (Filter(), lambda e, k, d: True),
    "event": (Filter(event_id="techniekmarkt-2026"), lambda e, k, d: e == "techniekmarkt-2026"),
    "region": (Filter(kiosks=("k1a2b3c", "k7a8b9c")), lambda e, k, d: k in ("k1a2b3c", "k7a8b9c")),
    "days": (Filter(day_from="2026-03-13", day_to="2026-03-14"),
             lambda e, k, d: "2026-03-13" <= d <= "2026-03-14"),
    "never asked": (Filter(event_id="zonder-vraag"), lambda e, k, d: e == "zonder-vraag"),
}


@pytest.mark.parametrize("name", SLICES)
def test_every_figure_matches_a_count_of_the_rows(log: Path, name: str) -> None:
    flt, keep = SLICES[name]
    want_total, want_groups = expected(log, keep)
    with sqlite3.connect(log) as conn:
        got = pulse_figures(conn, flt, DEFAULT.report)
    assert got.all == want_total
    assert got.groups == want_groups
    if name == "never asked":
        assert got.all.asked == 0
    else:  # the generated log has every kind of visit in every slice
        c = got.all
        assert c.asked > 100 and c.stopped > 0 and c.before_skipped > 0 and c.pairs > 30
        assert c.up > 0 and c.down > 0 and c.same > 0 and c.after_skipped > 0
    if name == "event":  # the only event that asks the group question
        assert got.asked_group and sum(g.asked for g in got.groups.values()) > 0
    if name == "all":
        assert got.groups["other"].before_answered < 100  # rare groups stay rare


def test_the_interval_comes_from_the_pairs(log: Path) -> None:
    with sqlite3.connect(log) as conn:
        rows = conn.execute(
            "SELECT a.value - b.value FROM events a JOIN events b USING (session_id) "
            "WHERE a.kind = 'pulse_answered' AND a.phase = 'after' "
            "AND b.kind = 'pulse_answered' AND b.phase = 'before'").fetchall()
        got = pulse_figures(conn, None, DEFAULT.report).all.change
    d = [r[0] for r in rows]
    want = mean_change(len(d), sum(d), sum(x * x for x in d))
    assert got == want and got is not None and got.low < got.mean < got.high
    assert got.mean > 0  # the generator leans upwards after a visit


def test_a_log_from_before_the_question_has_no_figures(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:  # a version-2 events table: no phase, no answer
        conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, kiosk_id TEXT, ts REAL, "
                     "day TEXT, event_id TEXT, session_id TEXT, kind TEXT, screen TEXT)")
        conn.execute("INSERT INTO events VALUES (1, 'k1', 0, '2026-03-12', 'e', 's', "
                     "'screen_shown', 'home')")
        figures = pulse_figures(conn, None, DEFAULT.report)
    assert figures.all == PulseCounts() and not figures.asked_group


# -- the report's section -----------------------------------------------------------------------

def small_groups_log(path: Path) -> Path:
    """A hand-made log: 12 girls, 3 'other', everyone answering 2 then 4 (a known change)."""
    rows = []
    cols = {c: i for i, c in enumerate(pulsegen.EVENT_COLUMNS)}
    for n, group in enumerate(["girl"] * 12 + ["other"] * 3):
        sid = f"{n:016x}"
        t = 1_773_309_600.0 + n * 300  # 2026-03-12 10:00 UTC onwards
        for gap, kind, fields in [(0, "session_started", {}),
                                  (0.1, "screen_shown", {"screen": "pulse"}),
                                  (0, "pulse_asked", {"phase": "before"}),
                                  (2, "pulse_answered", {"phase": "before", "value": 2}),
                                  (1, "pulse_group", {"answer": group}),
                                  (1, "screen_shown", {"screen": "home"}),
                                  (60, "screen_shown", {"screen": "result"}),
                                  (0, "pulse_asked", {"phase": "after"}),
                                  (3, "pulse_answered", {"phase": "after", "value": 4}),
                                  (5, "session_ended", {"reason": "home"})]:
            t += gap
            row: list[Any] = [None] * len(cols)
            row[:6] = ["k1a2b3c", t, "2026-03-12", "techniekmarkt-2026", sid, kind]
            for k, v in fields.items():
                row[cols[k]] = v
            rows.append(row)
    return pulsegen.write(path, rows)


def make_report(db: Path, out: Path, lang: str = "nl") -> str:
    args = report.Request(command="report", inputs=(db,), out=out, lang=lang)
    assert report.run(args, io.StringIO(), Config()) == 0
    return out.read_text(encoding="utf-8")


def pulse_section(page: str) -> str:
    match = re.search(r'<section id="pulse">(.*?)</section>', page, re.S)
    assert match, "no section with id=pulse"
    return match.group(1)


def test_groups_under_ten_show_no_figure(tmp_path: Path) -> None:
    page = make_report(small_groups_log(tmp_path / "k.db"), tmp_path / "r.html")
    assert page.count('id="pulse"') == 1
    section = pulse_section(page)
    rows = dict(re.findall(r"<tr><td>(meisje|anders|jongen)</td>(.*?)</tr>", section))
    other = re.sub(r"<[^>]+>", " ", rows["anders"])  # the cells' text, without the markup
    assert "te weinig antwoorden" in other and not re.search(r"\d", other)
    assert "te weinig antwoorden" in rows["jongen"]  # nobody: no figure either
    # 12 girls all went from 2 to 4: n 12, means 2,00 and 4,00, change +2,00 with no spread
    assert re.search(r'<td class="n">12</td><td class="n">2,00</td><td class="n">4,00</td>',
                     rows["meisje"])
    assert "+2,00 (95 %-interval +2,00 tot +2,00)" in rows["meisje"]
    # the whole (15 visits) has its figures and the honest note
    assert "Gestopt bij de vraag" in section and "geen gecontroleerd onderzoek" in section
    assert "Student" in section


def test_the_english_report_says_the_same(tmp_path: Path) -> None:
    page = make_report(small_groups_log(tmp_path / "k.db"), tmp_path / "r.html", "en")
    section = pulse_section(page)
    assert "too few answers" in section and "not a controlled study" in section
    assert "+2.00 (95% interval +2.00 to +2.00)" in section


def test_a_report_without_the_question_has_no_section(tmp_path: Path) -> None:
    rows = [r for r in pulsegen.visits(60, seed=3) if r[3] == "zonder-vraag"]
    page = make_report(pulsegen.write(tmp_path / "k.db", rows), tmp_path / "r.html")
    assert 'id="pulse"' not in page


def test_export_holds_only_what_the_report_holds(log: Path, tmp_path: Path) -> None:
    args = report.Request(command="export", data=log, out=tmp_path / "out")
    assert report.run(args, io.StringIO(), Config()) == 0
    with (tmp_path / "out" / "events.csv").open(encoding=ENCODING) as f:
        kinds = {row["kind"] for row in csv.DictReader(f, delimiter=DELIMITER)}
    assert kinds and not {k for k in kinds if k.startswith("pulse")}  # no answer per visit
    with (tmp_path / "out" / "summary.csv").open(encoding=ENCODING) as f:
        summary = {(r["figure"], r["id"]): r["value"]
                   for r in csv.DictReader(f, delimiter=DELIMITER)}
    with sqlite3.connect(log) as conn:
        figures = pulse_figures(conn, None, DEFAULT.report)
    assert summary[("pulse_asked", "")] == str(figures.all.asked)
    assert summary[("pulse_before", "3")] == str(figures.all.before[2])
    assert summary[("pulse_pairs", "")] == str(figures.all.pairs)
    # a group gets a number only from 10 answers, in the export as in the report
    sizes = {g: figures.groups[g].before_answered for g in GROUPS}
    assert min(sizes.values()) < 10 <= max(sizes.values())  # the log has both kinds
    for group, size in sizes.items():
        if size >= 10:
            assert summary[("pulse_group_answers", group)] == str(size)
        else:
            assert not [k for k in summary if k[1] == group]
