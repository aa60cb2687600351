"""``kiosk stats``, ``export`` and ``report``: the figures for organisers, offline.

``--data`` is a kiosk's data dir (holding ``kiosk.db``) or a database file itself, such as a
merged one. Databases are opened read-only for stats and export. Every problem is one line on
stderr and exit code 1; never a traceback.
"""
from __future__ import annotations

import json
import logging
import re
import sqlite3
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar, cast

from kiosk.config import Config
from kiosk.core.formatting import mm_ss, one_decimal, percent
from kiosk.insights.metrics import (
    Filter,
    Metrics,
    add_domains,
    choices,
    compute,
    compute_file,
    day_bounds,
    job_domains,
)
from kiosk.storage.db import DatabaseError, UnreadableDatabaseError, open_kiosk_db_read_only
from kiosk.insights.export import (
    ExportError, merge, merges_marked, tables, write_rows, write_table,
)
from kiosk.insights.names import KioskInfo, Names, load_titles_pack, read_kiosks
from kiosk.insights.report_text import Words

log = logging.getLogger("kiosk.storage")

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


class ReportError(Exception):
    """One line for the person at the keyboard."""


@dataclass(frozen=True)
class Request:
    """What ``kiosk stats``, ``export`` or ``report`` is asked for; ``kiosk.cli`` makes it from
    the command line, so the figures' code never sees argparse."""

    command: str  # "stats", "export" or "report"
    data: Path = Path()  # stats/export: a kiosk's data dir or a .db file
    inputs: tuple[Path, ...] = ()  # report: databases and folders of snapshots
    out: Path = Path()  # export: a folder; report: the HTML file
    event: str | None = None
    day: str | None = None  # stats: YYYY-MM-DD
    date_from: str | None = None  # report: --from
    date_to: str | None = None  # report: --to
    content: Path | None = None  # the pack whose titles name the figures
    lang: str = "nl"
    json: bool = False  # stats: JSON instead of text


def run(args: Request, out: TextIO, config: Config) -> int:
    """Run ``stats``, ``export`` or ``report``; returns the exit code.

    (``merge`` is ``kiosk.insights.export.run_merge``: files and folders, kiosk names.)"""
    try:
        if args.command == "stats":
            return _stats(args, out, config)
        if args.command == "export":
            return _export(args, out, config)
        if args.command == "report":
            return _report(args, out, config)
        raise ReportError(f"unknown command {args.command!r}")
    except (ReportError, ExportError, DatabaseError) as e:
        print(f"kiosk {args.command}: {e}", file=sys.stderr)
        return 1


# --- opening --------------------------------------------------------------------------------

def database_path(data: Path, config: Config) -> Path:
    """The database of a data dir, or ``data`` itself when it is a file."""
    path = data / config.store.db_filename if data.is_dir() else data
    if not path.is_file():
        where = (f"{data} holds no {config.store.db_filename}" if data.is_dir()
                 else f"{data} does not exist")
        raise ReportError(f"{where}; give the kiosk's data dir or a .db file with --data")
    return path


T = TypeVar("T")


def unchanged(path: Path, work: Callable[[], T], tries: int = 2) -> T:
    """``work()`` (figures read from ``path``) done while no merge changed the file.

    The figures are read on several connections, one query after another; a merge into the
    file that commits in between would mix two states of the campaign. A merge marks its
    start and end beside the file (``export.merge_marker``); while one is under way, every
    commit counts (SQLite's ``data_version`` on a connection kept open meanwhile), and a new
    file renamed over the old one counts too. A kiosk writing its own events does not: that
    was always read as it stood. A change means the work is done again; when the file keeps
    changing, one line says so (as does a read that fails meanwhile, e.g. on an index the
    merge dropped)."""
    for _ in range(tries):
        with closing(open_read_only(path)) as watch:
            before = _state(path, watch)
            try:
                result, error = work(), None
            except sqlite3.Error as e:
                result, error = None, e
            if before is not None and _state(path, watch) == before:
                if error is not None:
                    raise ReportError(f"{path}: cannot read the events ({error})") from None
                return cast(T, result)
    raise ReportError(f"{path}: a merge changed it while the figures were read; "
                      "run this again when the merge is done")


def _state(path: Path, watch: sqlite3.Connection) -> tuple[Any, ...] | None:
    """Which file is at ``path``, its merges begun and finished and, while one is under way,
    SQLite's count of its commits; None when it is gone."""
    try:
        info = path.stat()
        begun, finished = merges_marked(path)
        commits = (watch.execute("PRAGMA data_version").fetchone()[0]
                   if begun != finished else None)
        return info.st_dev, info.st_ino, begun, finished, commits
    except (OSError, sqlite3.Error):
        return None


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a kiosk database, or a ``ReportError`` saying why not."""
    try:
        return open_kiosk_db_read_only(path)
    except UnreadableDatabaseError as e:
        raise ReportError(str(e)) from None


def _filter(args: Request) -> Filter:
    day = args.day
    if day is not None:
        try:
            if not _DAY.match(day):
                raise ValueError(day)
            day_bounds(day)  # a real date: 2026-02-30 is not
        except ValueError:
            raise ReportError(f"--day {day}: expected a date like 2026-03-12") from None
    return Filter(event_id=args.event, day=day)


# --- stats ----------------------------------------------------------------------------------

def unknown_event(event: str, available: list[str]) -> ReportError:
    """The one line for an ``--event`` with no visits: which events the data does have."""
    known = ", ".join(available) if available else "geen/none"
    return ReportError(f"--event {event}: geen bezoeken/no visits for this event; "
                       f"evenementen in de gegevens/events in the data: {known}")


def titles(pack: Path | None, lang: str,
           config: Config) -> tuple[Names, dict[str, str], str | None]:
    """Names from the pack (default the sample pack), its job → domain map, and why not."""
    loaded, problem = load_titles_pack(pack, config)
    if problem:
        log.warning("no titles: %s", problem)
    domains = job_domains(loaded.jobs) if loaded is not None else {}
    return Names(loaded, lang), domains, problem


def _stats(args: Request, out: TextIO, config: Config) -> int:
    flt = _filter(args)
    path = database_path(args.data, config)
    conn = open_read_only(path)
    try:
        available = choices(conn)
        kiosks = read_kiosks(conn)
    except sqlite3.Error as e:
        raise ReportError(f"{path}: cannot read the events ({e})") from None
    finally:
        conn.close()
    if flt.event_id is not None and flt.event_id not in available.events:
        raise unknown_event(flt.event_id, available.events)
    # The titles first, then the figures: a pack loaded in full (nothing remembered) beside
    # the figures' threads made them all wait for Python's lock in turns, which cost more CPU
    # than the load itself (at 1 M events, a first run 1.43x the scan that way, 1.25x after).
    names, domains, problem = titles(args.content, "nl", config)
    metrics = unchanged(path, lambda: compute_file(path, flt, config))
    add_domains(metrics, domains)
    if args.json:
        data = metrics.to_dict()
        data["available"] = {"events": available.events, "days": available.days}
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    notes = pack_notes(names, kiosks, problem, "nl", config)
    names = for_data(names, kiosks)
    out.write(format_stats(metrics, config, names, kiosks))
    for note in notes + [names.missing_note()]:
        if note:
            out.write(f"* {note}\n")
    if metrics.sessions == 0:
        out.write(f"Geen bezoeken met dit filter / no sessions for this filter. "
                  f"Evenementen/events: {', '.join(available.events) or '-'}; "
                  f"dagen/days: {', '.join(available.days[:10]) or '-'}\n")
    return 0


def pct(x: float | None) -> str:
    return percent(x, missing="-")


def num(x: float | None) -> str:
    return one_decimal(x, missing="-")


def mmss(seconds: float | None) -> str:
    return mm_ss(seconds, missing="-")


def format_stats(m: Metrics, config: Config, names: Names | None = None,
                 kiosks: dict[str, KioskInfo] | None = None) -> str:
    """The figures as text, Dutch first then English; items by title (``names``), every row."""
    nm = names or Names(None)
    kiosks = kiosks or {}
    lines: list[str] = []

    def row(label: str, value: str) -> None:
        lines.append(f"{label:<46} {value}")

    event = nm.event(m.filter.event_id) if m.filter.event_id else "alle/all"
    scope = " · ".join([f"evenement/event {event}",
                        f"dag/day {m.filter.day or 'alle/all'}"])
    lines += ["BLIQ Kiosk: cijfers / figures", scope, ""]
    row("Bezoeken / sessions", str(m.sessions))
    row("Verblijftijd, mediaan / dwell time, median", f"{mmss(m.dwell_median_s)} "
        f"(gemiddeld/mean {mmss(m.dwell_mean_s)})")
    row("Video's per bezoek / videos per session", f"{num(m.videos_per_session)} "
        f"(met video/viewing: {num(m.videos_per_viewing_session)})")
    row("  verdeling / distribution", "  ".join(f"{c.key}: {c.count}" for c in m.videos_histogram))
    row(f"Uitgekeken ≥ {pct(config.insights.watched_fraction_min)} / watched to the end",
        f"{pct(m.watch_through_overall)} (campagne/campaign {pct(m.watch_through_reference)})")
    for w in m.watch_through:
        row(f"  {nm.episode(w.episode_id)}", f"{pct(w.share)} ({w.watched}/{w.started})")
    row("Spel gestart / games started", str(m.games_started))
    row("Spel uitgespeeld / games finished", f"{m.games_finished} ({pct(m.game_finish_rate)}); "
        f"gestopt/abandoned {m.games_abandoned}")
    row("Speelduur, mediaan / game time, median", mmss(m.game_median_duration_s))
    _ranked(lines, "Kaarten, vind ik leuk / cards liked",
            [(nm.card(c.card_id), f"{pct(c.rate)} ({c.likes}/{c.swipes})") for c in m.cards])
    _ranked(lines, "Beroepen, beste match / jobs, best match",
            [(nm.job(c.key), str(c.count)) for c in m.top_jobs])
    _ranked(lines, "Domeinen / domains", [(nm.domain(c.key), str(c.count)) for c in m.top_domains])
    _ranked(lines, "QR-codes getoond / QR codes shown",
            [(nm.qr(q.purpose, q.target), str(q.count)) for q in m.qr_shows])
    total = sum(c.count for c in m.languages)
    row("Talen / languages", "  ".join(f"{c.key} {pct(c.count / total)}" for c in m.languages)
        if total else "-")
    row("Resets: wachttijd / idle", str(m.resets_idle))
    row("Resets: zelf afgesloten / by hand", str(m.resets_by_hand))
    others = {k: v for k, v in m.resets.items() if k not in ("idle", "home")}
    if others:
        row("Resets: anders / other", "  ".join(f"{k} {v}" for k, v in sorted(others.items())))
    peak = max(m.sessions_per_hour) or 1
    lines.append("Bezoeken per uur / sessions per hour")
    for hour, n in enumerate(m.sessions_per_hour):
        if n:
            lines.append(f"  {hour:02d}:00  {'█' * max(1, round(30 * n / peak))} {n}")
    if len(m.kiosks) > 1 or kiosks:
        row("Kiosks", "  ".join(f"{nm.kiosk(c.key, kiosks)} {c.count}" for c in m.kiosks))
        regions: dict[str, int] = {}
        for c in m.kiosks:
            region = kiosks[c.key].region if c.key in kiosks else None
            if region:
                regions[region] = regions.get(region, 0) + c.count
        if regions:
            row("Regio's / regions", "  ".join(f"{r} {v}" for r, v in sorted(regions.items())))
    return "\n".join(lines) + "\n"


def _ranked(lines: list[str], title: str, items: list[tuple[str, str]]) -> None:
    # Every row: a hidden "… +2" made organisers think items were missing from the data.
    lines.append(title)
    for key, value in items:
        lines.append(f"  {key:<44} {value}")
    if not items:
        lines.append("  -")


# --- export ---------------------------------------------------------------------------------

_PCT, _S, _VISITS, _TIMES = "%", "s", "bezoeken/visits", "keer/times"


def _p(x: float | None) -> int | None:
    return None if x is None else round(x * 100)


def _r(x: float | None, places: int = 0) -> float | int | None:
    if x is None:
        return None
    return round(x) if places == 0 else round(x, places)


def summary_rows(m: Metrics, names: Names | None = None,
                 kiosks: dict[str, KioskInfo] | None = None) -> list[tuple[Any, ...]]:
    """Rows of summary.csv: (figure, label, id, name, value, unit), rounded, with units.

    Shares are whole percents, times whole seconds, means one decimal: a director reads them
    as they are; the exact values stay in ``kiosk stats --json``.
    """
    n = names or Names(None)
    kiosks = kiosks or {}
    rows: list[tuple[Any, ...]] = [
        ("sessions", "Bezoeken / visits", "", "", m.sessions, _VISITS),
        ("dwell_median", "Tijd per bezoek, mediaan / time per visit, median", "", "",
         _r(m.dwell_median_s), _S),
        ("dwell_mean", "Tijd per bezoek, gemiddeld / time per visit, mean", "", "",
         _r(m.dwell_mean_s), _S),
        ("videos_per_session", "Video's per bezoek / videos per visit", "", "",
         _r(m.videos_per_session, 1), "video's/videos"),
        ("videos_per_viewing_session", "Video's per kijkend bezoek / videos per watching visit",
         "", "", _r(m.videos_per_viewing_session, 1), "video's/videos"),
        ("watch_through_overall", "Tot het eind gekeken / watched to the end", "", "",
         _p(m.watch_through_overall), _PCT),
        ("watch_through_reference", "Campagne: tot het eind gekeken / campaign: watched to the "
         "end", "", "", _p(m.watch_through_reference), _PCT),
        ("games_started", "Spel gestart / games started", "", "", m.games_started, _TIMES),
        ("games_finished", "Spel uitgespeeld / games finished", "", "", m.games_finished, _TIMES),
        ("games_abandoned", "Spel gestopt / games given up", "", "", m.games_abandoned, _TIMES),
        ("game_finish_rate", "Spel uitgespeeld / game finish rate", "", "",
         _p(m.game_finish_rate), _PCT),
        ("game_median_duration", "Speelduur, mediaan / game time, median", "", "",
         _r(m.game_median_duration_s), _S),
    ]
    rows += [("sessions_per_day", "Bezoeken per dag / visits per day", c.key, "", c.count,
              _VISITS) for c in m.sessions_per_day]
    rows += [("sessions_per_hour", "Bezoeken per uur / visits per hour", f"{h:02d}:00", "", k,
              _VISITS) for h, k in enumerate(m.sessions_per_hour)]
    rows += [("videos_histogram", "Bezoeken met zoveel video's / visits with this many videos",
              c.key, "", c.count, _VISITS) for c in m.videos_histogram]
    rows += [("dwell_histogram", "Bezoeken met deze duur (s) / visits of this length (s)",
              c.key, "", c.count, _VISITS) for c in m.dwell_histogram]
    rows += [("watch_through", "Tot het eind gekeken / watched to the end", w.episode_id,
              n.episode(w.episode_id), _p(w.share), _PCT) for w in m.watch_through]
    rows += [("episode_started", "Keer gestart / times started", w.episode_id,
              n.episode(w.episode_id), w.started, _TIMES) for w in m.watch_through]
    rows += [("card_like_rate", "Kaart: leuk / card: liked", c.card_id, n.card(c.card_id),
              _p(c.rate), _PCT) for c in m.cards]
    rows += [("card_swipes", "Kaart: antwoorden / card: answers", c.card_id, n.card(c.card_id),
              c.swipes, _TIMES) for c in m.cards]
    rows += [("top_job", "Beroep bovenaan de uitslag / job at the top of the result", c.key,
              n.job(c.key), c.count, _TIMES) for c in m.top_jobs]
    rows += [("result_job", "Beroep in de uitslag / job in the result", c.key, n.job(c.key),
              c.count, _TIMES) for c in m.result_jobs]
    rows += [("top_domain", "Werkveld / domain", c.key, n.domain(c.key), c.count, _TIMES)
             for c in m.top_domains]
    rows += [("qr_shown", "QR-code getoond / QR code shown", f"{q.purpose}:{q.target}",
              n.qr(q.purpose, q.target), q.count, _TIMES) for q in m.qr_shows]
    rows += [("language", "Taal / language", c.key, {"nl": "Nederlands", "en": "English"}.get(
              c.key, c.key), c.count, _VISITS) for c in m.languages]
    rows += [("reset", "Einde bezoek / end of visit", k, "", v, _VISITS)
             for k, v in sorted(m.resets.items())]
    for c in m.kiosks:
        info = kiosks.get(c.key)
        name = " · ".join(x for x in (info.name, info.region) if x) if info else ""
        rows.append(("kiosk_sessions", "Bezoeken per kiosk / visits per kiosk", c.key, name,
                     c.count, _VISITS))
    return rows


SUMMARY_HEADER = ["figure", "label", "id", "name", "value", "unit"]


def for_data(names: Names, kiosks: dict[str, KioskInfo]) -> Names:
    """``names``, or ids only when the data came from other packs than the one at hand: an id
    may mean something else in another pack, so a wrong title would be worse than the id."""
    data_packs = {k.pack_id for k in kiosks.values() if k.pack_id}
    if names.pack_id and data_packs and names.pack_id not in data_packs:
        return Names(None, names.lang)
    return names


def pack_notes(names: Names, kiosks: dict[str, KioskInfo], problem: str | None,
               lang: str, config: Config) -> list[str]:
    """Lines about where the titles came from: no pack, another pack, mixed pack versions."""
    words = Words(lang, config)
    notes: list[str] = []
    if problem:
        notes.append(words("no_pack", why=problem))
    errors = [str(e) for e in getattr(names.pack, "errors", None) or []]  # the pack's own lines
    if errors:
        notes.append(words("pack_errors", pack=names.pack_id or "", n=str(len(errors)),
                           first=errors[0]))
    data_packs = sorted({k.pack_id for k in kiosks.values() if k.pack_id})
    if names.pack_id and data_packs and names.pack_id not in data_packs:
        notes.append(words("pack_foreign", data=", ".join(data_packs), ours=names.pack_id))
    elif names.pack_id and data_packs and data_packs != [names.pack_id]:
        others = [p for p in data_packs if p != names.pack_id]
        notes.append(words("pack_other", data=", ".join(others), ours=names.pack_id))
    ours = getattr(names.pack, "version", None)
    recorded = sorted({k.pack_version for k in kiosks.values() if k.pack_id == names.pack_id
                       and k.pack_version is not None and k.pack_version != ours})
    if ours is not None and recorded:  # same pack, other version: a title may have changed since
        notes.append(words("pack_version_other", pack=names.pack_id or "", ours=f"v{ours}",
                           data=", ".join(f"v{v}" for v in recorded)))
    versions = {(k.pack_id, k.pack_version) for k in kiosks.values()
                if k.pack_version is not None}
    if len(versions) > 1:
        listed = ", ".join(f"{k.name or k.kiosk_id}: {k.pack_id or ''} v{k.pack_version}"
                           for k in kiosks.values() if k.pack_version is not None)
        notes.append(words("pack_versions", list=listed))
    return notes


def _export(args: Request, out: TextIO, config: Config) -> int:
    from kiosk.insights import pulse_report  # its figures only here (and in the report's page)

    conn = open_read_only(database_path(args.data, config))
    target: Path = args.out
    names, domains, problem = titles(args.content, "nl", config)
    try:
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ReportError(
                f"cannot write to {target} ({e.strerror}); choose another --out") from None
        written: list[tuple[Path, int]] = []
        for table in tables(conn):
            path = target / f"{table}.csv"
            written.append((path, write_table(conn, table, path)))
        metrics = compute(conn, Filter(), config, domains)
        pulse = pulse_report.pulse_figures(conn, Filter(), config.report)
        kiosks = read_kiosks(conn)
    except OSError as e:
        raise ReportError(f"cannot write the CSV files in {target} ({e.strerror})") from None
    finally:
        conn.close()
    notes = pack_notes(names, kiosks, problem, "nl", config)
    names = for_data(names, kiosks)
    summary = target / "summary.csv"
    write_rows(summary, SUMMARY_HEADER, summary_rows(metrics, names, kiosks)
               + pulse_report.summary_rows(pulse))
    for path, n in written:
        print(f"{path}: {n} rijen/rows", file=out)
    print(f"{summary}: {metrics.sessions} bezoeken/sessions", file=out)
    for note in notes + [names.missing_note()]:
        if note:
            print(f"* {note}", file=out)
    return 0


# --- report ---------------------------------------------------------------------------------

def report_inputs(inputs: list[Path], config: Config) -> list[Path]:
    """The databases behind ``DB_OR_DIR...``: a .db file, a data dir (its kiosk.db), or a
    folder of snapshots (every ``*.db`` below it). Each is checked (version, events table)."""
    found: list[Path] = []
    for given in inputs:
        if given.is_file():
            paths = [given]
        elif given.is_dir() and (given / config.store.db_filename).is_file():
            paths = [given / config.store.db_filename]
        elif given.is_dir():
            paths = sorted(p for p in given.rglob("*.db") if p.is_file())
            if not paths:
                raise ReportError(f"{given}: no {config.store.db_filename} "
                                  "or other .db files in it")
        else:
            raise ReportError(f"{given} does not exist; give a kiosk.db, a data dir or a folder "
                              "of snapshots")
        for path in paths:
            open_read_only(path).close()  # refuses newer schemas and foreign files, one line
            if path.resolve() not in {f.resolve() for f in found}:
                found.append(path)
    return found


def all_kiosks(paths: list[Path]) -> dict[str, KioskInfo]:
    """Kiosk names, regions and health from every input; the newest row of a kiosk wins."""
    found: dict[str, KioskInfo] = {}
    for path in paths:
        conn = open_read_only(path)
        try:
            for kiosk_id, info in read_kiosks(conn).items():
                old = found.get(kiosk_id)
                if old is None or (info.updated_ts or 0) >= (old.updated_ts or 0):
                    found[kiosk_id] = info
        finally:
            conn.close()
    return dict(sorted(found.items()))


def _day_arg(flag: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        if not _DAY.match(value):
            raise ValueError(value)
        day_bounds(value)
    except ValueError:
        raise ReportError(f"{flag} {value}: expected a date like 2026-03-12") from None
    return value


def _report(args: Request, out: TextIO, config: Config) -> int:
    import os
    import tempfile

    from kiosk.insights import html_report

    day_from, day_to = _day_arg("--from", args.date_from), _day_arg("--to", args.date_to)
    if day_from and day_to and day_from > day_to:
        raise ReportError(f"--from {day_from} is after --to {day_to}; swap them")
    target: Path = args.out
    if not target.parent.is_dir():
        raise ReportError(f"--out {target}: the folder {target.parent} does not exist")
    sources = report_inputs(list(args.inputs), config)
    if target.resolve() in {source.resolve() for source in sources}:
        raise ReportError(f"--out {target}: is one of the databases; give a new .html file")
    with tempfile.TemporaryDirectory(prefix="kiosk-report-") as tmp:
        if len(sources) == 1:
            db = sources[0]
        else:  # several kiosks: the same merge as `kiosk merge`, into a scratch file
            db = Path(tmp) / "merged.db"
            merge(db, sources, config)
        conn = open_read_only(db)
        try:
            available = choices(conn)  # its days: every day with a session
        except sqlite3.Error as e:
            raise ReportError(f"{db}: cannot read the events ({e})") from None
        finally:
            conn.close()
        if args.event is not None and args.event not in available.events:
            raise unknown_event(args.event, available.events)
        days = available.days
        if days and (day_from or day_to):
            inside = [d for d in days if (not day_from or d >= day_from)
                      and (not day_to or d <= day_to)]
            if not inside:
                raise ReportError(
                    f"--from/--to {day_from or '…'} – {day_to or '…'}: geen bezoeken/no visits "
                    f"then; de gegevens lopen van/the data runs from {min(days)} to {max(days)}")
        base = Filter(event_id=args.event, day_from=day_from, day_to=day_to)
        try:
            kiosks = all_kiosks([db, *sources])
        except sqlite3.Error as e:
            raise ReportError(f"{db}: cannot read the events ({e})") from None
        # The titles first, then the figures (as in stats: not beside the figures' threads).
        names, domains, problem = titles(args.content, args.lang, config)
        data = unchanged(db, lambda: html_report.gather(
            db, base, [str(s) for s in args.inputs], config, None, kiosks))
        for m in [data.overall, *(m for _e, m in data.event_metrics),
                  *(m for _r, m in data.regions)]:
            add_domains(m, domains)
    notes = pack_notes(names, kiosks, problem, args.lang, config)
    page = html_report.render(data, for_data(names, kiosks), args.lang, config, notes)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(page, encoding="utf-8")
        os.replace(partial, target)  # a reader never sees half a report
    except OSError as e:
        partial.unlink(missing_ok=True)
        raise ReportError(f"--out {target}: cannot write it ({e.strerror})") from None
    if data.overall.sessions == 0:
        print(f"kiosk report: {target}: geen bezoeken in de gegevens/no visits in the data",
              file=sys.stderr)
    print(f"{target}: {data.overall.sessions} bezoeken/visits, {len(data.events)} "
          f"evenementen/events, {len(page.encode('utf-8')) // 1024} kB", file=out)
    return 0
