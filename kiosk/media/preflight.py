"""``kiosk preflight PACK [--event ID] [--json]``: the morning-of-the-event checklist.

Everything ``kiosk check`` does, plus what only this machine can tell: every clip decoded
through QtMultimedia (opens, has video, first frame, the end decodes too, duration as
declared), every subtitle file parsed, every image loaded, every QR code the pack will show
rendered and read back. Prints a green/red checklist; exit code 1 when anything is red.
"""
from __future__ import annotations

import datetime
import json
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO
from collections.abc import Iterator

from kiosk.config import Config
from kiosk.pack.check import SafeOut, collect
from kiosk.pack.loader import Pack, Problem
from kiosk.pack.cross_refs import did_you_mean
from kiosk.pack.readiness import readiness_problems
from kiosk.pack.subtitles import load_vtt

GROUPS = {
    "pack": "Pakket / Pack",
    "ready": "Klaar voor een echt event / Ready for a real event",
    "event": "Event",
    "videos": "Video's / Videos",
    "captions": "Ondertitels / Captions",
    "images": "Afbeeldingen / Images",
    "qr": "QR-codes",
    "machine": "Deze computer / This machine",
}
MARKS = {"ok": "✔", "warning": "⚠", "error": "✘", "note": "ℹ"}
ASCII_MARKS = {"ok": "[ok]", "warning": "[!] ", "error": "[X] ", "note": "[i] "}
COLOURS = {"ok": "\033[32m", "warning": "\033[33m", "error": "\033[31m", "note": "\033[36m"}


@dataclass
class Check:
    """One line of the checklist."""

    group: str
    item: str          # what was checked: a file relative to the pack, or an id
    status: str        # "ok" | "warning" | "error"
    message: str
    seconds: float | None = None


def run_preflight(pack: Path, event_id: str | None, as_json: bool, out: TextIO,
                  config: Config, data_dir: Path | None = None,
                  strict: bool = False, json_lines: bool = False,
                  today: datetime.date | None = None) -> int:
    """Run every check and print the checklist (or JSON); 1 when anything is red, else 0.

    ``data_dir``: also check this machine (screen, sound, the data dir and its free space).
    ``strict``: placeholder content is red instead of a warning.
    ``json_lines``: one JSON object per check as soon as it is done, then a summary line
    ``{"done": true, "ok": …, "seconds": …}`` (admin reads the child process as it streams).
    Without ``event_id`` the event is the one the kiosk runs on ``today`` (default: today), by
    the kiosk's own rule (kiosk.core.event_choice)."""
    began = time.monotonic()
    checks: list[Check] = []

    def add(found: Iterator[Check] | list[Check]) -> None:
        for check in found:
            checks.append(check)
            if json_lines:
                out.write(json.dumps(asdict(check)) + "\n")  # ASCII: any console encoding
                out.flush()

    loaded, problems, fatal = collect(Path(pack), config, remember_titles=True)
    add(_pack_checks(problems, fatal, loaded))
    if loaded is not None:
        add(_ready_checks(loaded, config, strict))
    log_path = _details_path(data_dir, config)
    with stderr_to(log_path):  # FFmpeg's stream dumps and Qt's notes: the log, not the checklist
        if loaded is not None:
            app = _ensure_qt_app()  # noqa: F841 - must outlive the checks
            add(_event_checks(loaded, event_id, today, config.pack.did_you_mean_cutoff))
            choice = _choice(loaded, event_id, today)
            if choice is not None:  # the QR codes carry the event the kiosk runs
                event_id = choice.event.id
            add(_video_checks(loaded, config))
            add(_decoding_checks(loaded, config))
            add(_caption_checks(loaded, config))
            add(_image_checks(loaded))
            add(_qr_checks(loaded, event_id, config))
        if data_dir is not None:
            from kiosk.media.machine import machine_checks

            machine_app = _ensure_qt_app()  # noqa: F841 - must outlive the checks
            add(machine_checks(data_dir, config, Check))
            add([_voice_check(config)])
    code = 1 if any(c.status == "error" for c in checks) else 0
    total = time.monotonic() - began
    if json_lines:
        out.write(json.dumps({"done": True, "ok": code == 0, "seconds": round(total, 3)}) + "\n")
        out.flush()
    elif as_json:
        json.dump({"pack": str(pack), "ok": code == 0, "seconds": round(total, 3),
                   "checks": [asdict(c) for c in checks]}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print(checks, code, total, out)
        if log_path is not None and log_path.is_file() and log_path.stat().st_size:
            SafeOut(out).write(f"Details (FFmpeg, Qt): {log_path}\n")
    return code


def _voice_check(config: Config) -> Check:
    """One line: does read-aloud have a Dutch voice (else the speaker buttons stay hidden)."""
    from kiosk.media.speech import voice_report

    ok, said = voice_report(config.speech.read_aloud_engine, "nl",
                            config.speech.read_aloud_probe_timeout_s)
    if ok:
        return Check("machine", "read-aloud", "ok", f"Nederlandse stem / Dutch voice: {said}")
    return Check("machine", "read-aloud", "warning",
                 f"geen Nederlandse stem / no Dutch voice ({said}): the speaker buttons stay "
                 "hidden in Dutch; on Linux install speech-dispatcher and espeak-ng "
                 "(tools/setup.sh), on Windows a Dutch voice under Settings > Time & language > "
                 "Speech")


def _details_path(data_dir: Path | None, config: Config) -> Path | None:
    """Where FFmpeg and Qt details go: ``preflight.log`` in the data dir (None: discarded)."""
    if data_dir is None:
        return None
    try:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return Path(data_dir) / config.preflight.preflight_log_filename


@contextmanager
def stderr_to(path: Path | None) -> Iterator[None]:
    """Send file descriptor 2 to ``path`` (or nowhere) while the block runs.

    FFmpeg prints its stream dumps ("Input #0, mov,mp4 …") from C straight to fd 2, below
    Qt's logging, so redirecting ``sys.stderr`` is not enough; the descriptor itself moves.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield  # no usable fd 2 (e.g. a windowed app): nothing to keep off the terminal
        return
    try:
        target = open(path, "wb") if path is not None else tempfile.TemporaryFile()
    except OSError:
        target = tempfile.TemporaryFile()
    try:
        os.dup2(target.fileno(), 2)
        yield
    finally:
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        os.dup2(saved, 2)
        os.close(saved)
        target.close()


def _ensure_qt_app() -> Any:
    """Decoding and QImage need a Qt application; the CLI has none, and maybe no screen.

    Returns the application this call created (the caller keeps it alive), else None.
    """
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.name == "nt"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen here: nothing is shown
    return QGuiApplication([])


def _pack_checks(problems: list[Problem], fatal: str, pack: Pack | None) -> Iterator[Check]:
    for p in problems:
        yield Check("pack", p.file, p.severity, f"{p.where}: {p.message}"
                    + (f" (expected {p.expected})" if p.expected else ""))
    if fatal:
        yield Check("pack", "pack.toml", "error", f"pack unusable: {fatal}")
    elif pack is not None and not any(p.severity == "error" for p in problems):
        yield Check("pack", "pack.toml", "ok",
                    f"{len(pack.series)} series, {len(pack.episodes)} episodes, "
                    f"{len(pack.jobs)} jobs, {len(pack.cards)} cards, "
                    f"{len(pack.companies)} companies, {len(pack.events)} events")


def _ready_checks(pack: Pack, config: Config, strict: bool) -> Iterator[Check]:
    """Placeholder content: fine for a try-out, "not ready for a real event" (warning)."""
    found = readiness_problems(pack, config.pack, "error" if strict else "warning")
    for p in found:
        yield Check("ready", p.file, p.severity, f"{p.where}: {p.message} (expected {p.expected})")
    if not found:
        yield Check("ready", "links, texts, PIN", "ok", "no placeholders left")


def _choice(pack: Pack, event_id: str | None, today: datetime.date | None) -> Any:
    from kiosk.core.event_choice import UnknownEvent, running_event

    try:
        return running_event(pack, today, event_id)
    except UnknownEvent:
        return None


_WHY = {"pinned": "--event", "today": "today's event", "upcoming": "the next event",
        "default": "no event today or later: default_event", "first": "no event today or "
        "later and no default_event: the first event"}


def _event_checks(pack: Pack, event_id: str | None, today: datetime.date | None,
                  cutoff: float) -> Iterator[Check]:
    """The event the kiosk will run (the same rule as the kiosk), or the one ``--event`` names."""
    if not pack.events:
        yield Check("event", "(none)", "error", "the pack has no event: the kiosk does not start "
                    "(add events/<id>.toml)")
        return
    choice = _choice(pack, event_id, today)
    if choice is None:
        assert event_id is not None
        known = ", ".join(sorted(pack.events)) or "none"
        yield Check("event", event_id, "error", f"event not in the pack (events: {known})"
                    + did_you_mean(event_id, pack.events, cutoff))
        return
    event = choice.event
    yield Check("event", event.id, "ok", f"{event.name.get('nl')} ({_WHY[choice.why]}): "
                f"{len(event.companies)} companies, featured "
                f"{', '.join(event.featured_series) or '-'}")


def _screen_shape(config: Config) -> tuple[str, str]:
    """("portrait"/"landscape", how it was found): this machine's screen, else the default."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    if screen is not None and QGuiApplication.platformName() not in ("offscreen", "minimal"):
        w, h = screen.size().width(), screen.size().height()
        where = "screen"
    else:
        w, h = config.render.default_size
        where = "default screen (no screen here)"
    return ("portrait" if h > w else "landscape"), where


def _video_checks(pack: Pack, config: Config) -> Iterator[Check]:
    from kiosk.pack.media_facts import read_facts
    from kiosk.media.frames import decode_headroom
    from kiosk.media.deck import probe_clip

    shape, where = _screen_shape(config)
    measured: dict[tuple[Any, ...], tuple[Any, str]] = {}  # clip format → headroom, measured on
    for episode in pack.episodes.values():
        item = pack.relative(episode.video)
        r = probe_clip(Path(episode.video), config.media)
        if not r.ok:
            yield Check("videos", item, "error", f"{episode.id}: {r.detail}", r.seconds)
            continue
        clip = read_facts(Path(episode.video))
        # the displayed size: what is on screen after the clip's rotation metadata
        w, h = clip.display_size if clip.width and not clip.problem else (r.width, r.height)
        turned = f" (turned {clip.rotation}°)" if clip.rotation else ""
        facts = (f"{episode.id}: {w}x{h}{turned}, {r.duration_s:.1f} s, first frame "
                 f"{r.first_frame_s * 1000:.0f} ms")
        # Decoding speed depends on the format, so one measurement serves identical clips.
        key = (clip.video_codec, clip.width, clip.height, round(clip.bitrate_mbps))
        if key not in measured:
            measured[key] = (decode_headroom(Path(episode.video), config.media, clip.fps), item)
        headroom, measured_on = measured[key]
        seconds = r.seconds + (headroom.seconds if measured_on == item else 0.0)
        facts += f", {headroom.describe()}" + ("" if measured_on == item else
                                                f" (as {measured_on}, same format)")
        errors: list[str] = []
        warnings: list[str] = []
        declared = episode.duration if episode.duration is not None else r.duration_s
        if abs(r.duration_s - declared) > config.preflight.preflight_duration_tolerance_s:
            errors.append(f"declared duration {episode.duration:g} s")
        if r.duration_s > config.pack.max_clip_seconds:
            warnings.append(f"longer than {config.pack.max_clip_seconds:g} s (short clips are "
                            "watched to the end)")
        if not r.has_audio:
            warnings.append("no audio track (plays silent)")
        orientation = "portrait" if h > w else "landscape" if w > h else shape
        if orientation != shape:
            warnings.append(f"{orientation} clip on a {shape} {where}: plays fitted with "
                            "blurred sides; film in the screen's shape for a full picture")
        if not headroom.error and headroom.factor < config.media.headroom_warn:
            warnings.append(f"decodes slower than {config.media.headroom_warn:g}× real time here: "
                            "it may stutter; convert it (kiosk add-videos --convert, or "
                            "HandBrake 'Fast 1080p30')")
        status = "error" if errors else "warning" if warnings else "ok"
        yield Check("videos", item, status, "; ".join([facts, *errors, *warnings]), seconds)


def _decoding_checks(pack: Pack, config: Config) -> Iterator[Check]:
    """Hardware or software decoding, told by the video backend on one of the pack's clips."""
    from kiosk.media.decoding import probe_decoding

    clip = next((Path(e.video) for e in pack.episodes.values() if Path(e.video).is_file()), None)
    if clip is None:
        return
    found = probe_decoding(clip, config)
    status = "ok" if found.mode == "hardware" else "warning"
    hint = ("" if found.mode == "hardware" else
            "; fine for a few clips at 720p, but a PC with a graphics chip and its VA-API "
            "driver (tools/setup.sh installs it) leaves the processor free")
    yield Check("machine", "video decoding", status, found.detail + hint)


def _caption_checks(pack: Pack, config: Config) -> Iterator[Check]:
    for episode in pack.episodes.values():
        for lang in pack.languages:
            path = episode.subtitles.get(lang)
            if path is None:
                yield Check("captions", episode.id, "warning",
                            f"no '{lang}' captions (missing translation; falls back to nl)")
                continue
            item = pack.relative(path)
            subs = load_vtt(Path(path), config.pack.max_subtitle_bytes)
            if subs.problems:
                shown = "; ".join(str(p) for p in subs.problems[:3])
                more = f" (+{len(subs.problems) - 3} more)" if len(subs.problems) > 3 else ""
                status = "error" if not subs.cues else "warning"
                yield Check("captions", item, status, f"{episode.id} [{lang}]: {shown}{more}")
            elif not subs.cues:
                yield Check("captions", item, "warning", f"{episode.id} [{lang}]: no cues")
            else:
                last = subs.cues[-1].end
                clip_s = episode.duration if episode.duration is not None else last
                late = last > clip_s + config.preflight.preflight_duration_tolerance_s
                yield Check("captions", item, "warning" if late else "ok",
                            f"{episode.id} [{lang}]: {len(subs.cues)} cues"
                            + (f"; last cue ends at {last:g} s, after the clip" if late else ""))


def _images(pack: Pack) -> Iterator[tuple[str, Path | None]]:
    for series in pack.series:
        yield f"series {series.id}", series.thumbnail
        for season in series.seasons:
            for episode in season.episodes:
                yield f"episode {episode.id}", episode.thumbnail
    for job in pack.jobs.values():
        yield f"job {job.id}", job.image
    for card in pack.cards:
        yield f"card {card.id}", card.image
    for company in pack.companies.values():
        yield f"company {company.id}", company.logo


def _image_checks(pack: Pack) -> Iterator[Check]:
    from PySide6.QtGui import QImageReader

    loaded = 0
    for owner, path in _images(pack):
        if path is None:
            continue
        reader = QImageReader(str(path))
        if reader.read().isNull():
            yield Check("images", pack.relative(path), "error",
                        f"{owner}: cannot load image ({reader.errorString()})")
        else:
            loaded += 1
    yield Check("images", f"{loaded} images", "ok" if loaded else "warning",
                "load" if loaded else "no image loads (placeholders are shown)")


def _qr_links(pack: Pack, event_id: str | None, config: Config) -> Iterator[Any]:
    """Every link the pack can put in a QR code (the result link at its longest)."""
    from kiosk.core.links import LinkBuilder, ResultSummary

    links = LinkBuilder.for_pack(pack, event_id, config)
    yield links.channel()
    yield links.parents_code()
    for series in pack.series:
        yield links.series(series.id, series.channel_url)
    for episode in pack.episodes.values():
        yield links.episode(episode.id, episode.channel_url)
        yield links.episode(episode.id, episode.channel_url, share=True)
    for company in pack.companies.values():
        yield links.company(company.id, company.contact_url)
        if company.internship_url:
            yield links.company(company.id, company.internship_url)
    longest = sorted(pack.jobs, key=len, reverse=True)
    shown = config.game.game_result_jobs
    if len(longest) > shown:
        domains = sorted({d for j in pack.jobs.values() for d in j.domains}, key=len, reverse=True)
        yield links.result(ResultSummary(tuple(longest[:shown]), longest[shown], "RIASEC"[:3],
                                         tuple(domains[:shown])))
        # a duo's code carries both players' directions: the longest result link there is
        yield links.result(ResultSummary(tuple(longest[:shown]), None, "RIA", tuple(
            domains[:2]), duo=True, riasec_b="SEC", domains_b=tuple(domains[2:4])))


def _qr_checks(pack: Pack, event_id: str | None, config: Config) -> Iterator[Check]:
    import zxingcpp

    from kiosk.core.qr_image import render_qr

    size = config.qr.qr_min_px  # the smallest code any screen shows: the hardest to read
    count = 0
    for link in _qr_links(pack, event_id, config):
        if not link.ok:
            yield Check("qr", link.content, "error", f"no QR code: {link.problem}")
            continue
        count += 1
        try:
            image = render_qr(link.url, size, config.qr)
        except ValueError as exc:
            yield Check("qr", link.content, "error", f"cannot render {link.url}: {exc}")
            continue
        # QR only: a 1D reader sometimes "finds" a bar code in a QR code's modules
        only_qr = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        read = [b.text for b in zxingcpp.read_barcodes(image, formats=only_qr)]
        if read != [link.url]:
            yield Check("qr", link.content, "error",
                        f"{size} px code of {link.url} reads back as {read}")
            count -= 1
    yield Check("qr", f"{count} codes", "ok" if count else "warning",
                f"rendered at {size} px and read back" if count else "no links to show")


def _print(checks: list[Check], code: int, total: float, out: TextIO) -> None:
    safe = SafeOut(out)
    out = safe  # type: ignore[assignment]
    colour = safe.isatty()
    marks = ASCII_MARKS if safe.ascii_marks else MARKS
    for group, title in GROUPS.items():
        lines = [c for c in checks if c.group == group]
        if not lines:
            continue
        out.write(f"\n{title}\n")
        for c in lines:
            mark = marks[c.status]
            if colour:
                mark = f"{COLOURS[c.status]}{mark}\033[0m"
            took = f"  ({c.seconds:.2f} s)" if c.seconds is not None else ""
            out.write(f"  {mark} {c.item}: {c.message}{took}\n")
    errors = sum(c.status == "error" for c in checks)
    warnings = sum(c.status == "warning" for c in checks)
    clips = [c.seconds for c in checks if c.group == "videos" and c.seconds is not None]
    per_clip = f", {sum(clips) / len(clips):.2f} s per clip" if clips else ""
    verdict = "OK: klaar voor vandaag / ready for today" if code == 0 else "NIET OK / NOT OK"
    if code == 0 and any(c.group == "ready" and c.status != "ok" for c in checks):
        verdict = ("OK voor een proefdraai / OK for a try-out; niet klaar voor een echt event / "
                   "not ready for a real event (see above)")
    out.write(f"\n{verdict}: {errors} fout(en)/error(s), {warnings} waarschuwing(en)/warning(s); "
              f"{total:.1f} s{per_clip}\n")
