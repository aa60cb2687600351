"""``kiosk stats``, ``kiosk export`` and ``kiosk merge``: the figures for organisers, offline.

``--data`` is a kiosk's data dir (holding ``kiosk.db``) or a database file itself, such as a
merged one. Databases are opened read-only for stats and export. Every problem is one line on
stderr and exit code 1; never a traceback.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any, TextIO

from kiosk.config import DEFAULT, Config
from kiosk.core.metrics import (
    Filter,
    Metrics,
    choices,
    compute,
    compute_file,
    day_bounds,
    job_domains,
)
from kiosk.storage.db import LATEST_VERSION, DatabaseError
from kiosk.storage.export import ExportError, import_table, merge, tables, write_rows, write_table

log = logging.getLogger("kiosk.storage")

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


class ReportError(Exception):
    """One line for the person at the keyboard."""


def run(args: argparse.Namespace, out: TextIO, config: Config = DEFAULT) -> int:
    """Run ``stats``, ``export`` or ``merge``; returns the exit code."""
    try:
        if args.command == "stats":
            return _stats(args, out, config)
        if args.command == "export":
            return _export(args, out, config)
        if args.command == "merge":
            return _merge(args, out, config)
        raise ReportError(f"unknown command {args.command!r}")
    except (ReportError, ExportError, DatabaseError) as e:
        print(f"kiosk {args.command}: {e}", file=sys.stderr)
        return 1


# --- opening --------------------------------------------------------------------------------

def database_path(data: Path, config: Config = DEFAULT) -> Path:
    """The database of a data dir, or ``data`` itself when it is a file."""
    path = data / config.db_filename if data.is_dir() else data
    if not path.is_file():
        where = (f"{data} holds no {config.db_filename}" if data.is_dir()
                 else f"{data} does not exist")
        raise ReportError(f"{where}; give the kiosk's data dir or a .db file with --data")
    return path


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a kiosk database, or a ``ReportError`` saying why not."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_events = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                  "name = 'events'").fetchone()[0]
    except sqlite3.Error as e:
        raise ReportError(f"{path}: cannot read it as a kiosk database ({e})") from None
    if version > LATEST_VERSION:
        conn.close()
        raise ReportError(f"{path}: written by a newer kiosk (version {version}); update first")
    if not has_events:
        conn.close()
        raise ReportError(f"{path}: not a kiosk database (it has no events table)")
    return conn


def pack_job_domains(pack: Path | None = None) -> dict[str, str]:
    """job → domain from a pack (default: the sample pack; job ids are fixed across packs)."""
    try:
        from kiosk import paths
        from kiosk.core.content import load_pack

        return job_domains(load_pack(pack or paths.sample_pack()).jobs)
    except Exception as e:  # noqa: BLE001 - domains are a nicety; the other figures still print
        log.warning("no job domains: %s", e)
        return {}


def _filter(args: argparse.Namespace) -> Filter:
    day = getattr(args, "day", None)
    if day is not None:
        try:
            if not _DAY.match(day):
                raise ValueError(day)
            day_bounds(day)  # a real date: 2026-02-30 is not
        except ValueError:
            raise ReportError(f"--day {day}: expected a date like 2026-03-12") from None
    return Filter(event_id=getattr(args, "event", None), day=day)


# --- stats ----------------------------------------------------------------------------------

def _stats(args: argparse.Namespace, out: TextIO, config: Config) -> int:
    flt = _filter(args)
    path = database_path(args.data, config)
    conn = open_read_only(path)
    try:
        available = choices(conn)
    finally:
        conn.close()
    try:
        metrics = compute_file(path, flt, config, pack_job_domains(getattr(args, "content", None)))
    except sqlite3.Error as e:
        raise ReportError(f"{path}: cannot read the events ({e})") from None
    if args.json:
        data = metrics.to_dict()
        data["available"] = {"events": available.events, "days": available.days}
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    out.write(format_stats(metrics, config))
    if metrics.sessions == 0:
        out.write(f"Geen bezoeken met dit filter / no sessions for this filter. "
                  f"Evenementen/events: {', '.join(available.events) or '-'}; "
                  f"dagen/days: {', '.join(available.days[:10]) or '-'}\n")
    return 0


def pct(x: float | None) -> str:
    return "-" if x is None else f"{round(x * 100)} %"


def num(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}".replace(".", ",")


def mmss(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    s = round(seconds)
    return f"{s // 60}:{s % 60:02d}"


def format_stats(m: Metrics, config: Config = DEFAULT) -> str:
    """The figures as text, Dutch first then English."""
    lines: list[str] = []

    def row(label: str, value: str) -> None:
        lines.append(f"{label:<46} {value}")

    scope = " · ".join([f"evenement/event {m.filter.event_id or 'alle/all'}",
                        f"dag/day {m.filter.day or 'alle/all'}"])
    lines += ["BLIQ Kiosk: cijfers / figures", scope, ""]
    row("Bezoeken / sessions", str(m.sessions))
    row("Verblijftijd, mediaan / dwell time, median", f"{mmss(m.dwell_median_s)} "
        f"(gemiddeld/mean {mmss(m.dwell_mean_s)})")
    row("Video's per bezoek / videos per session", f"{num(m.videos_per_session)} "
        f"(met video/viewing: {num(m.videos_per_viewing_session)})")
    row("  verdeling / distribution", "  ".join(f"{c.key}: {c.count}" for c in m.videos_histogram))
    row(f"Uitgekeken ≥ {pct(config.watched_fraction_min)} / watched to the end",
        f"{pct(m.watch_through_overall)} (campagne/campaign {pct(m.watch_through_reference)})")
    for w in m.watch_through:
        row(f"  {w.episode_id}", f"{pct(w.share)} ({w.watched}/{w.started})")
    row("Spel gestart / games started", str(m.games_started))
    row("Spel uitgespeeld / games finished", f"{m.games_finished} ({pct(m.game_finish_rate)}); "
        f"gestopt/abandoned {m.games_abandoned}")
    row("Speelduur, mediaan / game time, median", mmss(m.game_median_duration_s))
    _ranked(lines, "Kaarten, vind ik leuk / cards liked",
            [(c.card_id, f"{pct(c.rate)} ({c.likes}/{c.swipes})") for c in m.cards])
    _ranked(lines, "Beroepen, beste match / jobs, best match",
            [(c.key, str(c.count)) for c in m.top_jobs])
    _ranked(lines, "Domeinen / domains", [(c.key, str(c.count)) for c in m.top_domains])
    _ranked(lines, "QR-codes getoond / QR codes shown",
            [(f"{q.purpose} · {q.target}", str(q.count)) for q in m.qr_shows])
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
    if len(m.kiosks) > 1:
        row("Kiosks", "  ".join(f"{c.key} {c.count}" for c in m.kiosks))
    return "\n".join(lines) + "\n"


def _ranked(lines: list[str], title: str, items: list[tuple[str, str]], top: int = 10) -> None:
    lines.append(title)
    for key, value in items[:top]:
        lines.append(f"  {key:<44} {value}")
    if len(items) > top:
        lines.append(f"  … +{len(items) - top}")
    if not items:
        lines.append("  -")


# --- export ---------------------------------------------------------------------------------

def summary_rows(m: Metrics) -> list[tuple[str, str, Any]]:
    """(figure, key, value) rows for summary.csv; fractions stay fractions (0,75)."""
    rows: list[tuple[str, str, Any]] = [
        ("sessions", "", m.sessions), ("dwell_median_s", "", m.dwell_median_s),
        ("dwell_mean_s", "", m.dwell_mean_s), ("videos_per_session", "", m.videos_per_session),
        ("videos_per_viewing_session", "", m.videos_per_viewing_session),
        ("watch_through_overall", "", m.watch_through_overall),
        ("watch_through_reference", "", m.watch_through_reference),
        ("games_started", "", m.games_started), ("games_finished", "", m.games_finished),
        ("games_abandoned", "", m.games_abandoned), ("game_finish_rate", "", m.game_finish_rate),
        ("game_median_duration_s", "", m.game_median_duration_s),
    ]
    rows += [("sessions_per_hour", f"{h:02d}", n) for h, n in enumerate(m.sessions_per_hour)]
    rows += [("videos_histogram", c.key, c.count) for c in m.videos_histogram]
    rows += [("watch_through", w.episode_id, w.share) for w in m.watch_through]
    rows += [("episode_started", w.episode_id, w.started) for w in m.watch_through]
    rows += [("card_like_rate", c.card_id, c.rate) for c in m.cards]
    rows += [("card_swipes", c.card_id, c.swipes) for c in m.cards]
    rows += [("top_job", c.key, c.count) for c in m.top_jobs]
    rows += [("result_job", c.key, c.count) for c in m.result_jobs]
    rows += [("top_domain", c.key, c.count) for c in m.top_domains]
    rows += [("qr_shown", f"{q.purpose}:{q.target}", q.count) for q in m.qr_shows]
    rows += [("language", c.key, c.count) for c in m.languages]
    rows += [("reset", k, v) for k, v in sorted(m.resets.items())]
    rows += [("kiosk_sessions", c.key, c.count) for c in m.kiosks]
    return rows


def _export(args: argparse.Namespace, out: TextIO, config: Config) -> int:
    conn = open_read_only(database_path(args.data, config))
    target: Path = args.out
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
        metrics = compute(conn, Filter(), config, pack_job_domains(getattr(args, "content", None)))
    except OSError as e:
        raise ReportError(f"cannot write the CSV files in {target} ({e.strerror})") from None
    finally:
        conn.close()
    summary = target / "summary.csv"
    write_rows(summary, ["figure", "key", "value"], summary_rows(metrics))
    for path, n in written:
        print(f"{path}: {n} rijen/rows", file=out)
    print(f"{summary}: {metrics.sessions} bezoeken/sessions", file=out)
    return 0


def reimport(csv_dir: Path, db_path: Path, config: Config = DEFAULT) -> int:
    """Load an export's events.csv into a new kiosk database (returns the rows added)."""
    from kiosk.storage.db import open_database

    db = open_database(db_path, config)
    try:
        return import_table(csv_dir / "events.csv", db.conn, "events")
    finally:
        db.conn.close()


# --- merge ----------------------------------------------------------------------------------

def _merge(args: argparse.Namespace, out: TextIO, config: Config) -> int:
    results = merge(args.out, list(args.inputs), config)
    for r in results:
        print(f"{r.source}: +{r.added} (al aanwezig/already there: {r.already_there})", file=out)
    conn = open_read_only(args.out)
    try:
        per_kiosk = conn.execute("SELECT kiosk_id, count(*), sum(kind = 'session_started') "
                                 "FROM events GROUP BY kiosk_id ORDER BY kiosk_id").fetchall()
    finally:
        conn.close()
    for kiosk, events, sessions in per_kiosk:
        print(f"  {kiosk}: {events} events, {sessions} bezoeken/sessions", file=out)
    print(f"{args.out}: bekijk met/browse with: datasette {args.out}", file=out)
    return 0
