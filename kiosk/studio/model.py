"""What BLIQ Studio edits, without Qt: the organiser's copy of a pack, her event, her companies.

The truth is the pack's own TOML files, parsed with ``tomlkit`` so that every comment, blank
line and key order the campaign (or she, in a text editor) wrote survives a save. The studio
changes values inside those documents and writes them back atomically (temporary file, then a
rename), so a crash or a pulled stick never leaves half a file. Files she adds (a resized logo)
wait in memory until she saves.

Ids are made from names (``slug``) and never shown; jobs are picked by their title; a contact
link gets its missing ``https://`` and its host joins ``allowed_hosts``; a PIN is stored only as
the kiosk's own hash.
"""
from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument

from kiosk.config import Config, PackConfig
from kiosk.pack.add_videos import slug, unique_id
from kiosk.pack.models import PLACE_MAX_CHARS
from kiosk.core.files import atomic_write_bytes, atomic_write_text, prove_writable
from kiosk.core.links import host_allowed
from kiosk.core.pin import hash_pin

PACK = "pack.toml"
COMPANIES = "companies.toml"
JOBS = "jobs.toml"
OWN_SERIES = "eigen-videos"     # where her own clips go (add-videos' default series)
LOGO_MAX_BYTES = 60 * 2**20     # a photo straight from a camera is fine; a film is not
LOGO_MAX_SIDE = 512             # the attract screen shows a logo at most ~200 px high
LOGO_MAX_PIXELS = 120_000_000   # refuse before decoding: a decompression bomb is not a logo
WEAK_PINS = {"1234", "0000", "1111", "2222", "3333", "4444", "5555", "6666", "7777", "8888",
             "9999", "4321", "1212", "0123", "12345", "123456", "654321", "000000", "111111"}


class StudioError(Exception):
    """One sentence for the organiser: which file, what is wrong, what to do.

    ``template`` is the Dutch sentence with ``{names}``, ``names`` fill them in: the window
    shows the translation of the template (``tools/studio_translations.py`` lists them)."""

    def __init__(self, template: str, **args: object) -> None:
        self.template = template
        self.names = {k: str(v) for k, v in args.items()}
        super().__init__(template.format(**self.names) if args else template)


@dataclass(frozen=True)
class Line:
    """A sentence for the organiser kept as its Dutch template and the names that fill it,
    so the window can show it in English too; a name may itself be a ``Line`` (a refusal
    inside a report line). ``str()`` is the Dutch sentence."""

    template: str
    names: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, template: str, **names: object) -> Line:
        return cls(template, tuple(names.items()))

    @classmethod
    def from_error(cls, exc: StudioError) -> Line:
        return cls(exc.template, tuple(exc.names.items()))

    def render(self, translate: Callable[[str], str] = lambda t: t) -> str:
        values = {k: v.render(translate) if isinstance(v, Line) else str(v)
                  for k, v in self.names}
        return translate(self.template).format(**values) if values else translate(self.template)

    def __str__(self) -> str:
        return self.render()


# --- small rules ----------------------------------------------------------------------------

def fix_url(text: str) -> str:
    """A link as she typed it, made into an https link: 'bedrijf.nl/stage' → 'https://…'.

    Raises StudioError when there is no website name in it at all."""
    url = text.strip()
    if not url:
        raise StudioError("Vul een link in, bijvoorbeeld https://www.bedrijf.nl/contact.")
    if url.lower().startswith("http://"):
        url = "https://" + url[len("http://"):]
    elif re.match(r"(?i)^[a-z][a-z0-9+.-]*:(?!\d)", url) and "://" not in url:
        raise StudioError("'{url}' is geen website-adres; typ het adres zoals in de browser, "
                          "bijvoorbeeld www.bedrijf.nl/contact.", url=url)  # mailto:, tel:
    elif not re.match(r"(?i)^[a-z][a-z0-9+.-]*://", url):
        url = "https://" + url.lstrip("/")
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() != "https" or not host or "." not in host or " " in url \
            or parts.username or parts.password:
        raise StudioError("'{url}' is geen website-adres; typ het adres zoals in de browser, "
                          "bijvoorbeeld www.bedrijf.nl/contact.", url=text.strip())
    return url


def url_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def pin_problem(pin: str, repeat: str, config: PackConfig) -> str:
    """Why this PIN cannot be used ("" when it can)."""
    if not pin:
        return "Kies een beheer-PIN van 4 tot 12 cijfers."
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        return "Een PIN is 4 tot 12 cijfers, zonder letters of spaties."
    if pin != repeat:
        return "De twee PIN's zijn niet gelijk; typ dezelfde PIN twee keer."
    if pin in config.demo_pins:
        return "Dit is de PIN van het voorbeeld die iedereen kent; kies een eigen PIN."
    if pin in WEAK_PINS or len(set(pin)) == 1 or pin in "01234567890" or pin in "9876543210":
        return "Deze PIN is te makkelijk te raden; kies cijfers zonder vast patroon."
    return ""


def text_nl(value: Any) -> str:
    """The Dutch text of a TOML text value ({nl, en} table or a plain string)."""
    if isinstance(value, dict):
        return str(value.get("nl") or "")
    return str(value) if value is not None else ""


def _text(nl: str, old: Any = None) -> Any:
    """A ``{ nl = … }`` inline table; an English text already there is kept."""
    table = tomlkit.inline_table()
    table["nl"] = nl
    if isinstance(old, dict) and old.get("en"):
        table["en"] = str(old["en"])
    return table


def resize_logo(source: Path) -> bytes:
    """``source`` as a PNG at most LOGO_MAX_SIDE px; StudioError when it is not a picture."""
    from PIL import Image, UnidentifiedImageError

    try:
        size = source.stat().st_size
    except OSError as exc:
        raise StudioError("{file}: kan het bestand niet lezen ({error}); kies het opnieuw.",
                          file=source.name, error=exc.strerror) from None
    if size > LOGO_MAX_BYTES:
        raise StudioError("{file} is {mb} MB; kies een logo kleiner dan {limit} MB (een PNG of "
                          "JPG van de website).", file=source.name, mb=size // 2**20,
                          limit=LOGO_MAX_BYTES // 2**20)
    try:
        with Image.open(source) as image:
            if image.width * image.height > LOGO_MAX_PIXELS:
                raise StudioError("{file} is {size} pixels; kies een kleinere versie van het "
                                  "logo.", file=source.name, size=f"{image.width}x{image.height}")
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise StudioError("{file} is geen plaatje; kies een logo als PNG of JPG.",
                          file=source.name) from None
    picture.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


# --- the companies and jobs as the studio shows them ----------------------------------------

@dataclass
class CompanyView:
    """One company of her event, as the editor shows it (ids stay inside)."""

    id: str
    name: str
    room: str
    description: str
    url: str
    jobs: list[str]
    logo: str


@dataclass
class ImportReport:
    """What an Excel/CSV import did: companies added, and one line per row it could not read."""

    added: list[str] = field(default_factory=list)
    items: list[Line] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        """The report in Dutch (the window shows ``items`` in its own language)."""
        return [str(item) for item in self.items]


# --- the pack -------------------------------------------------------------------------------

class Studio:
    """The organiser's copy of a pack, open for editing (one per window)."""

    def __init__(self, root: Path, config: Config) -> None:
        self.root = Path(root).resolve()
        self.config = config
        if not (self.root / PACK).is_file():
            raise StudioError("{folder}: hier staat geen pakket (pack.toml ontbreekt); kies de "
                              "map van het pakket.", folder=self.root)
        self.docs: dict[str, TOMLDocument] = {}
        self.saved_text: dict[str, str] = {}
        self.pending: dict[str, bytes] = {}   # files to write on save (a resized logo)
        self.new_event = False                # her event's file does not exist yet
        self.new_companies: set[str] = set()  # added since the last save: ids follow names
        for rel in (PACK, COMPANIES):
            self._load(rel)
        self.jobs = self._read_jobs()
        self.event_id = self._pick_event()

    # -- files ---------------------------------------------------------------------------------
    def _load(self, rel: str) -> TOMLDocument:
        path = self.root / rel
        try:
            text = path.read_bytes().decode("utf-8-sig") if path.is_file() else ""
            doc = tomlkit.parse(text)
        except (OSError, UnicodeDecodeError) as exc:
            raise StudioError("{file}: kan niet gelezen worden ({error}); kopieer het pakket "
                              "opnieuw.", file=path, error=exc) from None
        except tomlkit.exceptions.ParseError as exc:
            raise StudioError("{file}: er staat een tikfout in ({error}); laat 'kiosk check' "
                              "zien waar, of kopieer het pakket opnieuw.", file=path,
                              error=exc) from None
        self.docs[rel] = doc
        self.saved_text[rel] = text
        return doc

    def _read_jobs(self) -> dict[str, str]:
        """Job id → Dutch title, in the file's order (the campaign's list, read-only)."""
        path = self.root / JOBS
        try:
            data = tomlkit.parse(path.read_text("utf-8-sig")) if path.is_file() else {}
        except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError):
            return {}
        jobs = {}
        for job in data.get("jobs") or []:
            if isinstance(job, dict) and isinstance(job.get("id"), str):
                jobs[str(job["id"])] = text_nl(job.get("title")) or str(job["id"])
        return jobs

    @property
    def pack(self) -> TOMLDocument:
        return self.docs[PACK]

    @property
    def company_doc(self) -> TOMLDocument:
        return self.docs[COMPANIES]

    @property
    def event_rel(self) -> str:
        return f"events/{self.event_id}.toml"

    @property
    def event(self) -> TOMLDocument:
        return self.docs[self.event_rel]

    def event_ids(self) -> list[str]:
        folder = self.root / "events"
        on_disk = [p.stem for p in sorted(folder.glob("*.toml"))] if folder.is_dir() else []
        made = [rel[len("events/"):-len(".toml")] for rel in self.docs
                if rel.startswith("events/")]
        return list(dict.fromkeys(on_disk + made))

    def _pick_event(self) -> str:
        """The event the kiosk would run (today's, else the next, else the default)."""
        from kiosk.pack.check import collect
        pack, _problems, _fatal = collect(self.root, self.config)
        ids = self.event_ids()
        default = str(self.pack.get("default_event") or "")
        if default in ids and (pack is None or default not in pack.events):
            chosen = default  # hers, still incomplete (no PIN yet): the kiosk skips it, she not
        elif pack is not None and pack.events:
            from kiosk.core.event_choice import running_event
            choice = running_event(pack, datetime.date.today())
            chosen = str(choice.event.id) if choice is not None else ids[0]
        elif ids:
            chosen = ids[0]
        else:
            return self.new_event_file("Onze open dag")
        self._load(f"events/{chosen}.toml")
        return chosen

    def new_event_file(self, name: str) -> str:
        """Start a new event (its file is written on save); returns its id."""
        event_id = unique_id(slug(name) or "open-dag", set(self.event_ids()))
        doc = tomlkit.document()
        doc.add(tomlkit.comment(f"Event '{name}', gemaakt met BLIQ Studio / made with BLIQ "
                                "Studio."))
        doc.add(tomlkit.nl())
        doc["id"] = event_id
        doc["name"] = _text(name)
        doc["kind"] = "open_day"
        doc["companies"] = tomlkit.array()
        featured = [OWN_SERIES] if (self.root / "series" / f"{OWN_SERIES}.toml").is_file() else []
        doc["featured_series"] = featured
        doc["languages"] = list(self.pack.get("languages") or ["nl"])
        rel = f"events/{event_id}.toml"
        self.docs[rel] = doc
        self.saved_text[rel] = ""
        self.event_id, self.new_event = event_id, True
        return event_id

    def start_new_event(self, name: str = "Onze open dag") -> str:
        """The eventNew button: a fresh event for her day, with no companies yet."""
        return self.new_event_file(name)

    # -- the event ---------------------------------------------------------------------------
    def event_name(self) -> str:
        return text_nl(self.event.get("name"))

    def set_event_name(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        self.event["name"] = _text(name, self.event.get("name"))
        if self.new_event:  # its id follows the name until the file exists
            old_rel = self.event_rel
            taken = set(self.event_ids()) - {self.event_id}
            event_id = unique_id(slug(name) or "open-dag", taken)
            if event_id != self.event_id:
                doc = self.docs.pop(old_rel)
                self.saved_text.pop(old_rel, None)
                doc["id"] = event_id
                self.event_id = event_id
                self.docs[self.event_rel] = doc
                self.saved_text[self.event_rel] = ""

    def event_date(self) -> datetime.date | None:
        value = self.event.get("date")
        if isinstance(value, datetime.date):
            return datetime.date(value.year, value.month, value.day)
        dates = self.event.get("dates") or []
        return min(dates) if dates else None

    def set_event_date(self, day: datetime.date) -> None:
        """The (first) day; further days of a several-day event stay after it."""
        self.event["date"] = tomlkit.date(day.isoformat())
        more = [d for d in self.more_days() if d > day]
        self.set_more_days(more)

    def more_days(self) -> list[datetime.date]:
        """The days after the first of an event held on several days."""
        first = self.event.get("date")
        days = sorted({datetime.date(d.year, d.month, d.day) for d in self.event.get("dates")
                       or []})
        return [d for d in days if first is None or d > first]

    def set_more_days(self, days: list[datetime.date]) -> None:
        days = sorted(set(days))
        if days:
            first = self.event_date()
            self.event["dates"] = [tomlkit.date(d.isoformat())
                                   for d in ([first] if first else []) + days]
        elif "dates" in self.event:
            del self.event["dates"]

    def add_day(self) -> datetime.date:
        """One more day, the day after the last one."""
        last = max([self.event_date() or datetime.date.today(), *self.more_days()])
        day = last + datetime.timedelta(days=1)
        self.set_more_days([*self.more_days(), day])
        return day

    def english(self) -> bool:
        languages = self.event.get("languages")
        return "en" in (languages if languages is not None else self.pack.get("languages") or [])

    def set_english(self, on: bool) -> None:
        self.event["languages"] = ["nl", "en"] if on else ["nl"]

    def event_welcome(self) -> str:
        return text_nl(self.event.get("welcome"))

    def set_event_welcome(self, text: str) -> None:
        text = text.strip()
        if text:
            self.event["welcome"] = _text(text, self.event.get("welcome"))
        elif "welcome" in self.event:
            del self.event["welcome"]

    def event_place(self) -> str:
        return str(self.event.get("place") or "")

    def set_event_place(self, text: str) -> None:
        """Where it is held ("Aula, Hoofdgebouw"): a name, the same in every language."""
        text = " ".join(text.split())
        if text:
            self.event["place"] = text[:PLACE_MAX_CHARS]
        elif "place" in self.event:
            del self.event["place"]

    def set_event_logo(self, source: Path) -> str:
        """Resize ``source`` and keep it for the event; returns its path in the pack."""
        data = resize_logo(source)
        rel = f"images/events/{self.event_id}-logo.png"
        self.pending[rel] = data
        self.event["logo"] = rel
        return rel

    def logo_bytes(self, rel: str) -> bytes | None:
        """A logo as it will be saved (waiting in memory, or already in the pack)."""
        if rel in self.pending:
            return self.pending[rel]
        try:
            return (self.root / rel).read_bytes() if rel else None
        except OSError:
            return None

    def has_pin(self) -> bool:
        return bool(self.event.get("admin_pin_hash"))

    def set_pin(self, pin: str, repeat: str) -> None:
        problem = pin_problem(pin, repeat, self.config.pack)
        if problem:
            raise StudioError(problem)
        self.event["admin_pin_hash"] = hash_pin(pin)

    def idle_timeout(self) -> int:
        idle = self.event.get("idle")
        return int(idle.get("timeout", 45)) if isinstance(idle, dict) else 45

    def set_idle_timeout(self, seconds: int) -> None:
        idle = self.event.get("idle")
        if not isinstance(idle, dict):
            idle = tomlkit.table()
            idle["countdown"] = 10
            self.event["idle"] = idle
        idle["timeout"] = int(seconds)

    # -- companies ---------------------------------------------------------------------------
    def _company_tables(self) -> AoT | list[Any]:
        companies = self.company_doc.get("companies")
        return companies if companies is not None else []

    def _company(self, company_id: str) -> Table:
        for table in self._company_tables():
            if table.get("id") == company_id:
                return table  # type: ignore[no-any-return]
        raise StudioError("{file}: bedrijf '{company}' ontbreekt; open het pakket opnieuw.",
                          file=COMPANIES, company=company_id)

    def _stands(self) -> Table:
        stands = self.event.get("stands")
        if not isinstance(stands, dict):
            stands = tomlkit.table()
            self.event["stands"] = stands
        return stands  # type: ignore[return-value]

    def company_ids(self) -> list[str]:
        """Her event's companies, in the order the kiosk shows them."""
        known = {str(t.get("id")) for t in self._company_tables()}
        return [str(c) for c in self.event.get("companies") or [] if str(c) in known]

    def company(self, company_id: str) -> CompanyView:
        table = self._company(company_id)
        stands = self.event.get("stands") or {}
        return CompanyView(company_id, str(table.get("name") or ""),
                           str(stands.get(company_id) or ""),
                           text_nl(table.get("description")), str(table.get("contact_url") or ""),
                           [str(j) for j in table.get("jobs") or []], str(table.get("logo") or ""))

    def add_company(self, name: str = "Nieuw bedrijf") -> str:
        taken = {str(t.get("id")) for t in self._company_tables()}
        company_id = unique_id(slug(name) or "bedrijf", taken)
        table = tomlkit.table()
        table.trivia.indent = "\n"  # a blank line before it, as the campaign's file has
        table["id"] = company_id
        table["name"] = name
        table["description"] = _text(name)
        table["jobs"] = tomlkit.array()
        if "companies" not in self.company_doc:
            self.company_doc["companies"] = tomlkit.aot()
        self.company_doc["companies"].append(table)
        listed = self.event.get("companies")
        if listed is None:
            self.event["companies"] = [company_id]
        else:
            listed.append(company_id)
        self.new_companies.add(company_id)
        return company_id

    def set_company_name(self, company_id: str, name: str) -> str:
        """Rename; a company added since the last save gets an id from its new name, which is
        returned (a saved one keeps its id: the kiosk's figures are recorded under it)."""
        name = name.strip()
        if not name:
            return company_id
        table = self._company(company_id)
        old = str(table.get("name") or "")
        table["name"] = name
        if text_nl(table.get("description")) in ("", old):  # still the made-up one
            table["description"] = _text(name, table.get("description"))
        if company_id not in self.new_companies:
            return company_id
        taken = {str(t.get("id")) for t in self._company_tables()} - {company_id}
        new_id = unique_id(slug(name) or "bedrijf", taken)
        if new_id == company_id:
            return company_id
        table["id"] = new_id
        listed = self.event.get("companies") or []
        for i, value in enumerate(list(listed)):
            if value == company_id:
                listed[i] = new_id
        stands = self.event.get("stands")
        if isinstance(stands, dict) and company_id in stands:
            room = str(stands[company_id])
            del stands[company_id]
            stands[new_id] = room
        old_logo = f"images/companies/{company_id}.png"
        if old_logo in self.pending:
            self.pending[f"images/companies/{new_id}.png"] = self.pending.pop(old_logo)
            table["logo"] = f"images/companies/{new_id}.png"
        self.new_companies.discard(company_id)
        self.new_companies.add(new_id)
        return new_id

    def set_company_description(self, company_id: str, text: str) -> None:
        if text.strip():
            table = self._company(company_id)
            table["description"] = _text(text.strip(), table.get("description"))

    def set_company_room(self, company_id: str, room: str) -> None:
        room = room.strip()
        stands = self._stands()
        if room:
            stands[company_id] = room
        elif company_id in stands:
            del stands[company_id]

    def set_company_url(self, company_id: str, text: str) -> str:
        """Store the fixed link and allow its host; returns the link as stored."""
        url = fix_url(text)
        self._company(company_id)["contact_url"] = url
        self.allow_host(url_host(url))
        return url

    def allow_host(self, host: str) -> None:
        hosts = self.pack.get("allowed_hosts")
        if hosts is None:
            self.pack["allowed_hosts"] = [host]
        elif not host_allowed(host, [str(h) for h in hosts]):
            hosts.append(host)

    def set_company_jobs(self, company_id: str, job_ids: list[str]) -> None:
        unknown = [j for j in job_ids if j not in self.jobs]
        if unknown:
            raise StudioError("{file}: beroep '{job}' bestaat niet in dit pakket.", file=JOBS,
                              job=unknown[0])
        self._company(company_id)["jobs"] = list(job_ids)

    def set_company_logo(self, company_id: str, source: Path) -> str:
        data = resize_logo(source)
        rel = f"images/companies/{company_id}.png"
        self.pending[rel] = data
        self._company(company_id)["logo"] = rel
        return rel

    def remove_company(self, company_id: str) -> None:
        """Take it off her event; the company itself goes when no other event lists it."""
        listed = self.event.get("companies") or []
        for i, value in enumerate(list(listed)):
            if value == company_id:
                del listed[i]
                break
        stands = self.event.get("stands")
        if isinstance(stands, dict) and company_id in stands:
            del stands[company_id]
        if not self._used_elsewhere(company_id):
            tables = self._company_tables()
            for i, table in enumerate(tables):
                if table.get("id") == company_id:
                    del tables[i]
                    break

    def _used_elsewhere(self, company_id: str) -> bool:
        for event_id in self.event_ids():
            if event_id == self.event_id:
                continue
            rel = f"events/{event_id}.toml"
            doc = self.docs.get(rel)
            if doc is None:
                try:
                    doc = tomlkit.parse((self.root / rel).read_text("utf-8-sig"))
                except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError):
                    continue
            if company_id in [str(c) for c in doc.get("companies") or []]:
                return True
        return False

    def move_company(self, company_id: str, step: int) -> None:
        """Move it ``step`` places (−1: up) in her event's order."""
        listed = self.event.get("companies")
        ids = [str(c) for c in listed or []]
        if company_id not in ids:
            return
        i = ids.index(company_id)
        j = max(0, min(len(ids) - 1, i + step))
        ids.insert(j, ids.pop(i))
        self.event["companies"] = ids

    def job_ids_by_titles(self, titles: list[str]) -> tuple[list[str], list[str]]:
        """(job ids, titles not found) for titles as she typed them (case and spaces free)."""
        by_title = {_fold(t): j for j, t in self.jobs.items()}
        by_title.update({_fold(j): j for j in self.jobs})
        found, unknown = [], []
        for title in titles:
            job = by_title.get(_fold(title))
            if job is None:
                # "Meubelmaker" for "Meubelmaker / interieurbouwer": one part of a title
                hits = [j for t, j in by_title.items()
                        if _fold(title) in [p.strip() for p in t.split("/")]]
                job = hits[0] if len(hits) == 1 else None
            if job is None:
                unknown.append(title)
            elif job not in found:
                found.append(job)
        return found, unknown

    # -- import ------------------------------------------------------------------------------
    def import_companies(self, source: Path) -> ImportReport:
        """Companies from an .xlsx or .csv sheet: name, room, link, jobs (by title) per row."""
        rows, report = read_sheet(source)
        for number, values in rows:
            name = values.get("name", "").strip()
            if not name:
                if any(v.strip() for v in values.values()):
                    report.items.append(Line.of("Rij {row}: geen naam; deze rij is overgeslagen.",
                                                      row=number))
                continue
            company_id = self.add_company(name)
            self.new_companies.discard(company_id)  # named already: its id stays
            report.added.append(name)
            if values.get("room", "").strip():
                self.set_company_room(company_id, values["room"])
            if values.get("description", "").strip():
                self.set_company_description(company_id, values["description"])
            link = values.get("url", "").strip()
            if link:
                try:
                    self.set_company_url(company_id, link)
                except StudioError as exc:
                    report.items.append(Line.of("Rij {row} ({name}): {why}", row=number,
                                                      name=name, why=Line.from_error(exc)))
            else:
                report.items.append(Line.of("Rij {row} ({name}): geen link; vul die in de studio "
                                            "in.", row=number, name=name))
            titles = [t.strip() for t in re.split(r"[;,\n]", values.get("jobs", "")) if t.strip()]
            jobs, unknown = self.job_ids_by_titles(titles)
            self.set_company_jobs(company_id, jobs)
            for title in unknown:
                report.items.append(Line.of("Rij {row} ({name}): beroep '{title}' staat niet in "
                                            "de lijst; vink het juiste beroep aan in de studio.",
                                            row=number, name=name, title=title))
        return report

    # -- saving ------------------------------------------------------------------------------
    def texts(self) -> dict[str, str]:
        return {rel: tomlkit.dumps(doc) for rel, doc in self.docs.items()}

    def dirty(self) -> bool:
        return bool(self.pending) or any(text != self.saved_text.get(rel)
                                         for rel, text in self.texts().items())

    def save(self) -> list[str]:
        """Write what changed (pictures first, then TOML); returns the files written."""
        if self.event_id and not self.pack.get("default_event") == self.event_id:
            self.pack["default_event"] = self.event_id
        changed = {rel: text for rel, text in self.texts().items()
                   if text != self.saved_text.get(rel)}
        for rel, text in changed.items():
            try:
                tomlkit.parse(text)
            except tomlkit.exceptions.ParseError as exc:  # never write what cannot be read
                raise StudioError("{file}: de studio maakte onleesbare tekst ({error}); er is "
                                  "niets opgeslagen.", file=rel, error=exc) from None
        if not (self.root / PACK).is_file():  # the folder vanished (a stick pulled, a share gone)
            raise StudioError("{folder}: de map van het pakket is weg; steek de stick of schijf "
                              "terug en klik nog eens op Opslaan. Je werk staat nog in de studio.",
                              folder=self.root)
        written: list[str] = []
        try:
            for folder in {(self.root / rel).parent for rel in [*self.pending, *changed]}:
                prove_writable(folder)
            for rel, data in sorted(self.pending.items()):
                atomic_write_bytes(self.root / rel, data)
                written.append(rel)
            for rel, text in changed.items():
                atomic_write_text(self.root / rel, text)
                self.saved_text[rel] = text
                written.append(rel)
        except OSError as exc:
            raise StudioError("{folder}: opslaan lukt niet ({error}); kies een map waar je mag "
                              "schrijven, of maak ruimte vrij. Je werk staat nog in de studio.",
                              folder=self.root, error=exc.strerror or exc) from None
        self.pending.clear()
        self.new_event = False
        self.new_companies.clear()
        return written

    # -- the draft (autosave) ----------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        """Everything not yet saved, as JSON-able data (pictures as hex)."""
        return {"pack": str(self.root), "event": self.event_id, "new_event": self.new_event,
                "new_companies": sorted(self.new_companies),
                "saved_at": time.time(),
                "files": {rel: text for rel, text in self.texts().items()
                          if text != self.saved_text.get(rel)},
                "pending": {rel: data.hex() for rel, data in self.pending.items()}}

    def restore(self, draft: dict[str, Any]) -> None:
        """Take back a draft written by ``draft`` (the files in it replace the ones read)."""
        for rel, text in dict(draft.get("files") or {}).items():
            if not _pack_rel(rel):
                continue
            self.docs[rel] = tomlkit.parse(text)
            self.saved_text.setdefault(rel, "")
        for rel, data in dict(draft.get("pending") or {}).items():
            if _pack_rel(rel):
                self.pending[rel] = bytes.fromhex(data)
        if f"events/{draft.get('event')}.toml" in self.docs:
            self.event_id = str(draft["event"])
            self.new_event = bool(draft.get("new_event"))
        self.new_companies = {str(c) for c in draft.get("new_companies") or []}

    # -- version and sticks ------------------------------------------------------------------
    def version(self) -> int:
        value = self.pack.get("version")
        return int(value) if isinstance(value, int) else 0

    def set_version(self, version: int) -> None:
        self.pack["version"] = version

    def pack_id(self) -> str:
        return str(self.pack.get("id") or "")

    # -- her own clips (add-videos writes them; the studio shows and renames them) -----------
    @property
    def own_series_rel(self) -> str:
        return f"series/{OWN_SERIES}.toml"

    def own_episodes(self) -> list[tuple[str, str, str]]:
        """(episode id, Dutch title, thumbnail path) of her clips, in play order."""
        import tomllib  # only reads: several times faster than tomlkit on a grown series file

        path = self.root / self.own_series_rel
        try:
            data = tomllib.loads(path.read_text("utf-8-sig")) if path.is_file() else {}
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return []
        out = []
        for season in data.get("seasons") or []:
            for episode in season.get("episodes") or []:
                out.append((str(episode.get("id")), text_nl(episode.get("title")),
                            str(episode.get("thumbnail") or "")))
        return out

    def set_episode_title(self, episode_id: str, title: str) -> None:
        """Rename one of her clips; written at once (add-videos writes the same file)."""
        title = title.strip()
        path = self.root / self.own_series_rel
        if not title:
            return
        try:
            doc = tomlkit.parse(path.read_text("utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError) as exc:
            raise StudioError("{file}: kan niet gelezen worden ({error}); de titel is niet "
                              "veranderd.", file=path, error=exc) from None
        for season in doc.get("seasons") or []:
            for episode in season.get("episodes") or []:
                if episode.get("id") == episode_id:
                    episode["title"] = _text(title, episode.get("title"))
                    try:
                        atomic_write_text(path, tomlkit.dumps(doc))
                    except OSError as exc:
                        raise StudioError("{file}: opslaan lukt niet ({error}); de titel is "
                                          "niet veranderd.", file=path,
                                          error=exc.strerror) from None
                    return

    def series_titles(self) -> dict[str, str]:
        """Series id → Dutch title, of every series file in the pack (the campaign's and hers)."""
        import tomllib

        titles: dict[str, str] = {}
        folder = self.root / "series"
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            try:
                data = tomllib.loads(path.read_text("utf-8-sig"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            series_id = str(data.get("id") or path.stem)
            titles[series_id] = text_nl(data.get("title")) or series_id
        return titles

    def featured(self) -> list[str]:
        return [str(s) for s in self.event.get("featured_series") or []]

    def set_featured(self, series_ids: list[str]) -> None:
        """The series on her event's home screen, in this order."""
        known = self.series_titles()
        self.event["featured_series"] = [s for s in series_ids if s in known]

    def feature_own_clips(self) -> None:
        """Her own clips first on her event's home screen (unless she chose otherwise)."""
        featured = self.event.get("featured_series")
        ids = [str(s) for s in featured or []]
        if OWN_SERIES not in ids:
            self.event["featured_series"] = [OWN_SERIES, *ids]


def readable_title_of(path: Path) -> str:
    from kiosk.pack.add_videos import readable_title

    return readable_title(path) or path.stem


# --- two studios on one pack ----------------------------------------------------------------

LOCK = ".bliq-studio.lock"


def take_lock(root: Path) -> None:
    """Refuse a second studio on the same pack (its saves would overwrite each other)."""
    lock = Path(root) / LOCK
    for _attempt in range(2):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            try:
                pid = int(lock.read_text().strip() or 0)
            except (OSError, ValueError):
                pid = 0
            if pid and pid != os.getpid() and _alive(pid):
                raise StudioError("{folder}: dit pakket is al open in een andere studio; sluit "
                                  "die eerst (of werk daar verder).", folder=root) from None
            lock.unlink(missing_ok=True)  # left by a studio that stopped without closing
            continue
        except OSError:
            return  # a folder we cannot write: opening it asks for her copy anyway
        with os.fdopen(fd, "w") as f:
            f.write(str(os.getpid()))
        return


def release_lock(root: Path) -> None:
    lock = Path(root) / LOCK
    try:
        if lock.read_text().strip() == str(os.getpid()):
            lock.unlink()
    except OSError:
        pass


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would end the process there: ask the kernel instead
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return bool(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _pack_rel(rel: str) -> bool:
    """A path inside the pack (a draft file is data; never let it point elsewhere)."""
    parts = Path(rel).parts
    return bool(parts) and not Path(rel).is_absolute() and ".." not in parts


# --- Excel and CSV --------------------------------------------------------------------------

_HEADERS = {
    "name": ("naam", "name", "bedrijf", "bedrijfsnaam", "company"),
    "room": ("lokaal", "room", "ruimte", "stand", "plek", "locatie"),
    "url": ("link", "website", "url", "contact", "contactlink", "site"),
    "jobs": ("beroepen", "beroep", "jobs", "banen", "vakken"),
    "description": ("beschrijving", "omschrijving", "description", "tekst"),
}


def _column(header: str) -> str | None:
    key = _fold(str(header or "")).rstrip(":")
    for column, names in _HEADERS.items():
        if key in names:
            return column
    return None


def read_sheet(source: Path) -> tuple[list[tuple[int, dict[str, str]]], ImportReport]:
    """(row number, {column: text}) for every row under the header row; StudioError when the
    file cannot be read as a sheet at all."""
    report = ImportReport()
    suffix = source.suffix.lower()
    if suffix == ".csv":
        grid = _csv_rows(source)
    elif suffix in (".xlsx", ".xlsm"):
        grid = _xlsx_rows(source, report)
    else:
        raise StudioError("{file}: kies een Excel-bestand (.xlsx) of een CSV-bestand.",
                          file=source.name)
    header_at = next((i for i, row in enumerate(grid) if any(_column(c) for c in row)), None)
    if header_at is None or "name" not in {_column(c) for c in grid[header_at]}:
        raise StudioError("{file}: geen kolom 'Naam' gevonden; zet in de eerste rij de kopjes "
                          "Naam, Lokaal, Link en Beroepen.", file=source.name)
    columns = [_column(c) for c in grid[header_at]]
    rows = []
    for index, row in enumerate(grid[header_at + 1:], start=header_at + 2):
        values = {col: str(row[i]) for i, col in enumerate(columns)
                  if col and i < len(row) and row[i] not in (None, "")}
        rows.append((index, values))
    return rows, report


def _csv_rows(source: Path) -> list[list[str]]:
    import csv

    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise StudioError("{file}: kan niet gelezen worden ({error}).", file=source.name,
                          error=exc.strerror) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel on Windows saves CSV this way
    dialect: Any = csv.excel
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        pass
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_rows(source: Path, report: ImportReport) -> list[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(source, read_only=False, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise StudioError("{file}: dit is geen leesbaar Excel-bestand ({error}); sla het in "
                          "Excel opnieuw op als .xlsx.", file=source.name, error=exc) from None
    sheet = book.worksheets[0]
    merged: set[int] = set()
    for ranges in sheet.merged_cells.ranges:
        merged.update(range(ranges.min_row, ranges.max_row + 1))
    grid: list[list[str]] = []
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number in merged:
            report.items.append(Line.of("Rij {row}: samengevoegde cellen; maak ze los in Excel "
                                        "(één bedrijf per rij) en importeer opnieuw.",
                                        row=number))
            grid.append([])
            continue
        grid.append(["" if v is None else str(v).strip() for v in row])
    book.close()
    return grid


# --- opening: her own copy ------------------------------------------------------------------

def needs_copy(source: Path) -> bool:
    """A .bliqpack, or a folder she may not write: the studio first asks where her copy goes."""
    if source.is_file():
        return True
    try:
        prove_writable(source)
    except OSError:
        return True
    return False


def make_copy(source: Path, parent: Path, config: Config,
              keys: dict[str, Any] | None = None) -> Path:
    """Her copy of ``source`` (a folder or a .bliqpack) in a new folder under ``parent``.

    Written to a temporary folder first and renamed when whole; nothing is left on failure."""
    from kiosk.pack import bliqpack

    name = slug(source.stem if source.is_file() else source.name) or "pakket"
    target = parent / f"{name}-eigen"
    n = 2
    while target.exists():
        target, n = parent / f"{name}-eigen-{n}", n + 1
    try:
        prove_writable(parent)
        if source.is_file():
            with bliqpack.open_archive(source) as zf:
                names = [i.filename for i in zf.infolist()]
            if bliqpack.MANIFEST not in names:
                raise StudioError("{file}: dit is geen pakket van de campagne; vraag een nieuw "
                                  ".bliqpack-bestand.", file=source.name)
            manifest = bliqpack._parse_manifest(
                source.name, _read_member(source, bliqpack.MANIFEST), "")
            tmp = bliqpack.unpack(source, manifest, parent, config.campaign)
        else:
            tmp = parent / f".{target.name}.copying"
            shutil.copytree(source, tmp, ignore=shutil.ignore_patterns(".*"))
            for path in [tmp, *tmp.rglob("*")]:  # a read-only source makes read-only copies
                os.chmod(path, 0o755 if path.is_dir() else 0o644)
        os.replace(tmp, target)
    except bliqpack.PackRefused as exc:
        raise StudioError("{error}; vraag de campagne om een nieuw bestand.",
                          error=exc) from None
    except OSError as exc:
        raise StudioError("{folder}: de kopie lukt niet ({error}); kies een andere map.",
                          folder=parent, error=exc.strerror or exc) from None
    return target


def _read_member(archive: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(archive) as zf:
        return zf.read(name)


def draft_path(home: Path, pack: Path) -> Path:
    key = hashlib.sha256(str(Path(pack).resolve()).encode()).hexdigest()[:16]
    return home / "drafts" / f"{key}.json"


def write_draft(home: Path, studio: Studio) -> Path:
    path = draft_path(home, studio.root)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(studio.draft(), ensure_ascii=False))
    return path


def read_draft(home: Path, pack: Path) -> dict[str, Any] | None:
    """The draft left by a studio closed without saving (None: none, or unreadable)."""
    path = draft_path(home, pack)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and (data.get("files") or data.get("pending")) else None


def drop_draft(home: Path, pack: Path) -> None:
    draft_path(home, pack).unlink(missing_ok=True)
