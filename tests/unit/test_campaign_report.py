"""kiosk report through the real command line on real SQLite files; figures counted from rows.

The log is tests/unit/eventlog.py's (six visits, two kiosks, two events, two days) with the
sample pack's episode ids; ``reportlog.counted`` counts the expected figures from its rows.
"""
from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest

from kiosk.cli import insights_request, run_tool, tools_parser
from kiosk.config import DEFAULT, Config
from kiosk.insights import report
from kiosk.storage.db import LATEST_VERSION, open_database
from kiosk.insights.report_text import Words
from tests.unit.eventlog import OD, T
from tests.unit.eventlog import rows as hand_rows
from tests.unit.reportlog import (
    COL,
    KIOSKS,
    TITLES_EN,
    TITLES_NL,
    bars,
    chart,
    counted,
    db_version,
    rows,
    sections,
    seed,
    svgs,
    tiles,
)


def tool(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run_tool(list(argv), out)
    return code, out.getvalue()


@pytest.fixture
def db(tmp_path: Path, amsterdam: None) -> Path:
    return seed(tmp_path / "kiosk.db")


def make(db: Path, *options: str) -> str:
    out = db.parent / "report.html"
    code, text = tool("report", str(db), "--out", str(out), *options)
    assert code == 0, text
    assert f"{out}: " in text
    return out.read_text(encoding="utf-8")


def nl_pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %"


def test_every_event_has_its_page_with_titles_and_figures(db: Path) -> None:
    page = make(db)
    parts = sections(page)
    assert list(parts) == ["summary", f"event-{T}", f"event-{OD}"]  # most visits first
    log = rows()
    for event in (T, OD):
        want, section = counted(log, event), parts[f"event-{event}"]
        assert tiles(section)["Bezoeken"] == str(want["visits"])
        assert tiles(section)["Spel uitgespeeld"] == nl_pct(want["games_finished"],
                                                           want["games_started"])
        watch = bars(chart(section, "Tot het eind gekeken"))
        assert watch == [f"{TITLES_NL[ep]}: {nl_pct(want['watched'][ep], n)} "
                         f"({want['watched'][ep]}/{n})"
                         for ep, n in sorted(want["started"].items())]
        jobs = bars(chart(section, "Beroepen bovenaan de uitslag"))
        total = sum(want["best_jobs"].values())
        titles = {"lasser": "Lasser / constructiewerker", "elektromonteur": "Elektromonteur"}
        assert sorted(jobs) == sorted(f"{titles[j]}: {n} ({nl_pct(n, total)})"
                                      for j, n in want["best_jobs"].items())
    # techniekmarkt: 75 % (3/4) for Sanne's episode, by title, against the 65 % line
    assert "Sanne zet de stroom erop: 75 % (3/4)" in bars(chart(parts[f"event-{T}"],
                                                               "Tot het eind gekeken"))
    assert "campagne 65 %" in page and "BLIQ: ~3 op rij" in page


def test_summary_compares_events_and_regions(db: Path) -> None:
    summary = sections(make(db))["summary"]
    log = rows()
    everything = counted(log)
    assert tiles(summary)["Bezoeken"] == str(everything["visits"])
    assert tiles(summary)["Video's per kijkend bezoek"] == \
        f"{everything['videos_per_watching_visit']:.1f}".replace(".", ",")
    assert tiles(summary)["Tot het eind gekeken"] == nl_pct(
        sum(everything["watched"].values()), sum(everything["started"].values()))
    assert ("Evenementen in de gegevens: Techniekmarkt Regio Zwolle (5 bezoeken, 12 mrt 2026 – "
            "13 mrt 2026), Open dag Techniekcollege De Brug (1 bezoek, 13 mrt 2026)") in summary
    assert "Periode in de gegevens: 12 mrt 2026 – 13 mrt 2026" in summary
    # small multiples: the same figure per event, then per region (k1 is Zwolle, k2 Kampen)
    visits = [s for s in svgs(summary) if s.get("aria-label") == "Bezoeken"]
    assert len(visits) == 2
    per_event = {e: counted(log, e)["visits"] for e in (T, OD)}
    assert bars(visits[0]) == [f"Techniekmarkt Regio Zwolle: {per_event[T]}",
                               f"Open dag Techniekcollege De Brug: {per_event[OD]}"]
    by_kiosk = {k: sum(1 for r in log if r[COL["kind"]] == "session_started"
                       and r[COL["kiosk_id"]] == k) for k in ("k1", "k2")}
    assert sorted(bars(visits[1])) == [f"Kampen: {by_kiosk['k2']}", f"Zwolle: {by_kiosk['k1']}"]
    assert "Regio's naast elkaar" in html.unescape(summary)
    # QR codes by what they led to, languages as a split with numbers
    assert "Kanaal · Daan bouwt een huis van hout: 2" in bars(chart(summary, "QR-codes getoond"))
    assert bars(chart(summary, "Taal")) == ["Nederlands: 67 % (4)", "Engels: 33 % (2)"]


def test_kiosks_table_shows_names_regions_and_health(db: Path) -> None:
    summary = sections(make(db))["summary"]
    table = summary[summary.index("<table>"):summary.index("</table>")]
    first = table[table.index("Aula links"):table.index("</tr>", table.index("Aula links"))]
    for cell in ("k1", "Zwolle", "bliq-sample v3", "aan: 5 u 00 min", "herstarts: 1",
                 "redenen: watchdog 1", "schijf vrij: 12.345 MB", "weergave: lean"):
        assert cell in first, cell
    assert "video&#x27;s overgeslagen: 2" in table  # k2's own keys, whatever is present
    # the two kiosks ran pack versions 3 and 4: said once, plainly
    assert "Kiosks draaiden verschillende pakketversies: Aula links: bliq-sample v3, " \
           "Hal B: bliq-sample v4." in summary
    # the titles come from the sample pack at hand (version 1), not from the versions that ran
    assert ("De titels komen uit bliq-sample v1; de gegevens zijn gemaakt met v3, v4.") in summary
    assert "Als id getoond" not in summary  # every id had a title


def test_english(db: Path) -> None:
    page = make(db, "--lang", "en")
    assert '<html lang="en">' in page
    parts = sections(page)
    section = parts[f"event-{T}"]
    assert tiles(section)["Visits"] == "5"
    assert tiles(section)["Game finished"] == "67%"
    assert f"{TITLES_EN['ads-s1e1']}: 75% (3/4)" in bars(chart(section, "Watched to the end"))
    assert "Zwolle Region Tech Careers Fair" in page
    assert "12 Mar 2026 – 13 Mar 2026" in parts["summary"]
    assert "disk free: 12,345 MB" in parts["summary"]
    assert tiles(parts["summary"])["Videos per watching visit"] == "1.8"


def test_dutch_and_english_numbers() -> None:
    nl, en = Words("nl", DEFAULT), Words("en", DEFAULT)
    assert (nl.whole(1_234_567), en.whole(1_234_567)) == ("1.234.567", "1,234,567")
    assert (nl.decimal(1234.56), en.decimal(1234.56)) == ("1.234,6", "1,234.6")
    assert (nl.pct(0.655), en.pct(0.655)) == ("66 %", "66%")
    assert (nl.duration(100), nl.duration(3 * 3600 + 65)) == ("1:40 min", "3 u 01 min")
    assert (nl.date("2026-03-12"), en.date("2026-10-01")) == ("12 mrt 2026", "1 Oct 2026")
    assert nl.seconds_bin("<30") == "< 30 s" and nl.seconds_bin("60-120") == "1 min–2 min"


def test_the_file_is_self_contained_and_its_svg_valid(db: Path) -> None:
    page = make(db)
    for tag in ("<script", "<link", "<img", "<iframe", "<object", "@import", "url(http"):
        assert tag not in page.lower()
    assert re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"' >]*)""", page) == []
    assert set(re.findall(r"https?://[^\s\"'<>)]+", page)) == {"http://www.w3.org/2000/svg"}
    charts = svgs(page)  # xml.etree raises on any malformed one
    assert len(charts) >= 20
    for svg in charts:
        assert svg.get("viewBox") and svg.get("role") == "img" and svg.get("aria-label")
    # every chart has its one-line caption
    assert page.count("<figcaption>") >= page.count("<figure>")


def test_one_event_and_a_period(db: Path) -> None:
    parts = sections(make(db, "--event", OD))
    assert list(parts) == ["summary", f"event-{OD}"]
    assert tiles(parts["summary"])["Bezoeken"] == "1"
    parts = sections(make(db, "--from", "2026-03-13", "--to", "2026-03-13"))
    assert tiles(parts["summary"])["Bezoeken"] == "2"  # E and F
    assert "Gekozen periode: 13 mrt 2026 – 13 mrt 2026" in parts["summary"]
    assert tiles(parts[f"event-{T}"])["Bezoeken"] == "1"  # E only
    parts = sections(make(db, "--from", "2026-03-13"))
    assert "Gekozen periode: 13 mrt 2026 – …" in parts["summary"]


@pytest.mark.parametrize("problem", ["unknown-event", "outside", "newer", "bad-date", "swapped",
                                     "missing", "no-folder", "not-a-db"])
def test_bad_input_is_one_line_and_no_file(db: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str],
                                           problem: str) -> None:
    out = tmp_path / "r.html"
    source = str(db)
    extra: list[str] = []
    if problem == "unknown-event":
        extra = ["--event", "open-dag"]
    elif problem == "outside":
        extra = ["--from", "2026-04-01", "--to", "2026-04-30"]
    elif problem == "newer":
        db_version(db, LATEST_VERSION + 1)
    elif problem == "bad-date":
        extra = ["--from", "2026-02-30"]
    elif problem == "swapped":
        extra = ["--from", "2026-03-13", "--to", "2026-03-12"]
    elif problem == "missing":
        source = str(tmp_path / "gone.db")
    elif problem == "no-folder":
        out = tmp_path / "nope" / "r.html"
    elif problem == "not-a-db":
        (tmp_path / "notes.db").write_text("hallo", encoding="utf-8")
        source = str(tmp_path / "notes.db")
    code, _ = tool("report", source, "--out", str(out), *extra)
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
    expected = {
        "unknown-event": "events in the data: open-dag-2026, techniekmarkt-2026",
        "outside": "the data runs from 2026-03-12 to 2026-03-13",
        "newer": f"written by a newer kiosk (database version {LATEST_VERSION + 1}); update this kiosk software first",
        "bad-date": "--from 2026-02-30: expected a date like 2026-03-12",
        "swapped": "--from 2026-03-13 is after --to 2026-03-12",
        "missing": "gone.db does not exist",
        "no-folder": "the folder",
        "not-a-db": "cannot read it as a kiosk database",
    }[problem]
    assert expected in err


def test_an_empty_database_gives_a_report_that_says_so(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    db = tmp_path / "kiosk.db"
    open_database(db, DEFAULT.store).close()
    page = make(db)
    assert "Nog geen bezoeken in deze gegevens." in page
    assert "no visits in the data" in capsys.readouterr().err
    svgs(page)
    code, _ = tool("report", str(db), "--out", str(tmp_path / "x.html"), "--event", "x")
    assert code == 1 and "events in the data: geen/none" in capsys.readouterr().err


def test_a_folder_of_snapshots_is_merged(tmp_path: Path, amsterdam: None) -> None:
    log = rows()
    folder = tmp_path / "outbox"
    folder.mkdir()
    for kiosk in ("k1", "k2"):
        seed(folder / f"{kiosk}.db", [k for k in KIOSKS if k[0] == kiosk],
             [r for r in log if r[COL["kiosk_id"]] == kiosk])
    out = tmp_path / "r.html"
    code, text = tool("report", str(folder), "--out", str(out))
    assert code == 0, text
    page = out.read_text(encoding="utf-8")
    assert tiles(sections(page)["summary"])["Bezoeken"] == str(counted(log)["visits"])
    assert "Aula links" in page and "Hal B" in page  # names from each snapshot
    assert "verschillende pakketversies" in page


def test_without_a_kiosks_table_ids_and_no_regions(tmp_path: Path,
                                                   amsterdam: None) -> None:
    page = make(seed(tmp_path / "kiosk.db", kiosks=None))
    summary = sections(page)["summary"]
    assert "Evenementen naast elkaar" in summary
    assert "Regio's naast elkaar" not in html.unescape(summary)
    assert "<td>k1</td>" in summary


def test_ids_without_a_title_are_shown_with_a_note(tmp_path: Path,
                                                   amsterdam: None) -> None:
    db = seed(tmp_path / "kiosk.db", log=[list(r) for r in hand_rows()])  # ep1 … not in the pack
    page = make(db)
    assert "ep1: 75 % (3/4)" in bars(chart(sections(page)[f"event-{T}"], "Tot het eind gekeken"))
    assert "Als id getoond (niet in pakket bliq-sample): ep1, ep2, ep3" in page
    page = make(db, "--content", str(tmp_path / "no-pack"))
    assert "Geen pakket voor titels" in page and "Techniekmarkt" not in page


def test_many_events_get_pages_up_to_the_limit(tmp_path: Path,
                                               amsterdam: None) -> None:
    log = []
    for i in range(30):
        for r in rows():
            if r[COL["session_id"]] == "sa":  # visit A, once per event
                r = list(r)
                r[COL["event_id"]] = f"beurs-{i:02d}"
                r[COL["session_id"]] = f"s{i}"
                log.append(r)
    db = seed(tmp_path / "kiosk.db", log=log)
    out = io.StringIO()
    args = insights_request(tools_parser().parse_args(
        ["report", str(db), "--out", str(tmp_path / "r.html")]))
    assert report.run(args, out, Config().with_(report_event_pages_max=5)) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert len(sections(page)) == 1 + 5
    assert "Nog 25 evenementen staan alleen in de samenvatting." in page
    assert "beurs-29 (1 bezoek, 12 mrt 2026)" in page  # every event is listed …
    svgs(page)
    assert report.run(args, out, Config().with_(report_events_listed_max=10)) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "beurs-09 (1 bezoek, 12 mrt 2026) + 20</div>" in page  # … up to a limit


def test_stats_and_export_show_kiosk_names_and_titles(db: Path, tmp_path: Path) -> None:
    code, text = tool("stats", "--data", str(db))
    assert code == 0
    assert re.search(r"^  Sanne zet de stroom erop +75 % \(3/4\)$", text, re.MULTILINE)
    assert "Aula links (k1) 4  Hal B (k2) 2" in text
    assert re.search(r"^Regio's / regions +Kampen 2  Zwolle 4$", text, re.MULTILINE)
    assert "QR-codes getoond" in text and "Kanaal · Daan bouwt een huis van hout" in text
    code, text = tool("stats", "--data", str(db), "--event", T)
    assert code == 0 and "evenement/event Techniekmarkt Regio Zwolle" in text
    out = tmp_path / "export"
    assert tool("export", "--data", str(db), "--out", str(out))[0] == 0
    summary = (out / "summary.csv").read_text(encoding="utf-8-sig")
    assert "kiosk_sessions;Bezoeken per kiosk / visits per kiosk;k1;Aula links · Zwolle;4;" \
           in summary
    assert "watch_through;Tot het eind gekeken / watched to the end;ads-s1e1;" \
           "Sanne zet de stroom erop;75;%" in summary


def test_the_report_never_overwrites_a_database(db: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    before = db.read_bytes()
    code, _ = tool("report", str(db), "--out", str(db))
    assert code == 1 and "is one of the databases" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_data_from_another_pack_shows_ids_and_says_so(tmp_path: Path,
                                                      amsterdam: None) -> None:
    other = [(k, n, r, "regio-oost", v, h) for k, n, r, _p, v, h in KIOSKS]
    db = seed(tmp_path / "kiosk.db", other)
    page = make(db)
    # an id may mean something else in another pack: the id, not a wrong title
    assert "ads-s1e1: 75 % (3/4)" in bars(chart(sections(page)[f"event-{T}"],
                                                 "Tot het eind gekeken"))
    assert TITLES_NL["ads-s1e1"] not in page
    assert ("De gegevens komen van pakket regio-oost, niet van bliq-sample: daarom staan hier "
            "de ids.") in page
    code, text = tool("stats", "--data", str(db))
    assert code == 0 and re.search(r"^  ads-s1e1 +75 % \(3/4\)$", text, re.MULTILINE)
    assert "* De gegevens komen van pakket regio-oost" in text
    # one kiosk on the campaign's pack, one on another: titles, and a note about the other
    mixed = [KIOSKS[0], (*KIOSKS[1][:3], "regio-oost", *KIOSKS[1][4:])]
    page = make(seed(tmp_path / "mixed.db", mixed))
    assert TITLES_NL["ads-s1e1"] in page
    assert "Een deel van de gegevens komt van pakket regio-oost" in page


def test_reference_lines_follow_the_config(db: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    args = insights_request(tools_parser().parse_args(
        ["report", str(db), "--out", str(tmp_path / "r.html")]))
    config = Config().with_(watch_through_reference=0.7, videos_in_a_row_reference=2.5)
    assert report.run(args, out, config) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "campagne 70 %" in page and "de 70 % van de campagne" in page
    assert "BLIQ: ~2,5 op rij" in page and not re.search(r"~3\b", page)
    assert "campagne 65 %" not in page and "de 65 % van" not in page
