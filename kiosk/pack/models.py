"""Pydantic models of the content pack format (docs/PACK-FORMAT.md), no Qt.

The models check types, ids, lengths and links while a TOML table is validated; the loader in
``loader.py`` then checks files on disk and cross references. Limits come from ``Config``,
handed in as the validation context ``{"config": Config, "allowed_hosts": [...]}``.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from kiosk.config import Config
from kiosk.core.links import url_problem
from kiosk.core.pin import PinHashError, parse_pin_hash
from kiosk.core.taxonomy import TYPES
from kiosk.pack.text import in_language

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
HOST_RE = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")

Lang = Literal["nl", "en"]
Severity = Literal["error", "warning", "note"]  # a note: worth knowing, not wrong
RiasecType = Literal["R", "I", "A", "S", "E", "C"]
Domain = Literal["bouw", "energie", "installatie", "metaal", "voertuigen", "media", "maritiem"]
Profile = Literal["BWI", "PIE", "M&T", "MVI", "MaT"]


class PackError(Exception):
    """The pack cannot be used at all; ``problems`` lists everything that was found."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = problems or []


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a pack: ``file: field: message (expected …)``."""

    file: str
    field: str
    message: str
    expected: str = ""
    severity: Severity = "error"
    context: str = ""  # lines to show under the message (a TOML line with a caret)
    item: str = ""  # the item the field belongs to, by name: 'episode "ads-s1e2"'
    item_path: str = ""  # where that item is in its file: 'seasons[0].episodes[1]'

    @property
    def where(self) -> str:
        """``episode "x" (seasons[0].episodes[1]): video``, or just the field path."""
        if not self.item:
            return self.field
        rest = self.field[len(self.item_path):].lstrip(".")
        head = f"{self.item} ({self.item_path})"
        return f"{head}: {rest}" if rest else head

    def __str__(self) -> str:
        tail = f" (expected {self.expected})" if self.expected else ""
        return f"{self.file}: {self.where}: {self.message}{tail}"

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "field": self.field, "item": self.item,
                "message": self.message, "expected": self.expected,
                "severity": self.severity, "text": str(self), "context": self.context}


def fail(message: str, expected: str) -> PydanticCustomError:
    """A validation error that ``problems`` turns into message + expected."""
    return PydanticCustomError("pack", "{message}", {"message": message, "expected": expected})


def _config(info: ValidationInfo) -> Config:
    """The limits the loader handed in; a model validated without them is a programming
    mistake (no limit of its own would match the kiosk's)."""
    ctx = info.context if isinstance(info.context, dict) else {}
    cfg = ctx.get("config")
    if not isinstance(cfg, Config):
        raise TypeError("pack models are validated with context={'config': Config, ...}")
    return cfg


def _short(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _check_id(value: str, info: ValidationInfo) -> str:
    limit = _config(info).pack.max_id_chars
    if not ID_RE.fullmatch(value) or len(value) > limit:
        raise fail(f"'{_short(value, 40)}' is not a valid id",
                   f"lowercase letters, digits and '-', starting with a letter or digit, "
                   f"at most {limit} characters")
    return value


def _check_short_str(value: str, info: ValidationInfo) -> str:
    limit = _config(info).pack.max_text_chars
    if not value.strip():
        raise fail("is empty", "some text")
    if len(value) > limit:
        raise fail(f"is too long ({len(value)} characters)", f"at most {limit} characters")
    return value


def _check_url(value: str, info: ValidationInfo) -> str:
    ctx = info.context if isinstance(info.context, dict) else {}
    hosts = ctx.get("allowed_hosts") or []
    problem = url_problem(value, hosts)
    if problem:
        listed = ", ".join(hosts) if hosts else "none listed"
        if "add https://" in problem:
            raise fail(f"{problem}: '{_short(value, 80)}'", f"'https://{_short(value, 80)}'")
        raise fail(f"{problem}: '{_short(value, 80)}'",
                   f"an https:// link to a host in pack.toml allowed_hosts ({listed})")
    return value


def _check_host(value: str) -> str:
    if not HOST_RE.fullmatch(value) or len(value) > 253:
        raise fail(f"'{_short(value, 60)}' is not a host name",
                   "a bare lowercase host name such as 'nxtv.example' (no https://, no /)")
    return value


def _to_rel_path(value: Any) -> Path:
    """Syntax checks on a pack path; the file itself is checked by the loader."""
    if not isinstance(value, str):
        raise fail("is not text", 'a path in quotes, relative to the pack folder')
    expected = "a path relative to the pack folder, with '/' between folders, e.g. 'media/clip.mp4'"
    if not value.strip():
        raise fail("is empty", expected)
    if "\x00" in value or len(value) > 1000:
        raise fail("is not a usable path", expected)
    if "\\" in value:
        raise fail(f"'{_short(value, 80)}' uses '\\'", expected)
    if value.startswith("/") or re.match(r"[A-Za-z]:", value):
        raise fail(f"'{_short(value, 80)}' is an absolute path", expected)
    if ".." in PurePosixPath(value).parts:
        raise fail(f"'{_short(value, 80)}' leaves the pack folder ('..')", expected)
    return Path(value)


def _to_list(value: Any) -> Any:
    """``profile = "PIE"`` is short for ``profile = ["PIE"]``."""
    return [value] if isinstance(value, str) else value


PLACE_MAX_CHARS = 60
Id = Annotated[str, AfterValidator(_check_id)]
ShortStr = Annotated[str, AfterValidator(_check_short_str)]
Url = Annotated[str, AfterValidator(_check_url)]
Host = Annotated[str, AfterValidator(_check_host)]
RelPath = Annotated[Path, BeforeValidator(_to_rel_path)]


class Item(BaseModel):
    """Base of every pack model: strict TOML types; unknown keys are kept and warned about."""

    model_config = ConfigDict(strict=True, extra="allow", arbitrary_types_allowed=True)
    # Fields the loader fills in; never suggested to organisers as something to write.
    internal: ClassVar[frozenset[str]] = frozenset()


def public_fields(model: type[BaseModel]) -> list[str]:
    """The field names an organiser may write in a table of this model."""
    internal: frozenset[str] = getattr(model, "internal", frozenset())
    return [name for name in model.model_fields if name not in internal]


class Text(Item):
    """A visitor-facing text in Dutch (required) and English (optional, falls back to Dutch)."""

    long: ClassVar[bool] = False
    nl: str
    en: str | None = None

    @field_validator("nl", "en")
    @classmethod
    def _length(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return value
        cfg = _config(info)
        limit = cfg.pack.max_long_text_chars if cls.long else cfg.pack.max_text_chars
        if not value.strip():
            raise fail("is empty", "some text")
        if len(value) > limit:
            raise fail(f"is too long ({len(value)} characters)", f"at most {limit} characters")
        return value

    def get(self, lang: str) -> str:
        """The text in ``lang``; Dutch when that translation is missing."""
        return in_language(self.nl, self.en, lang)


class LongText(Text):
    """A description: the longer limit applies."""

    long: ClassVar[bool] = True


class RoleModel(Item):
    name: ShortStr
    age: int = Field(ge=10, le=120)
    job: Text


class Episode(Item):
    id: Id
    number: int = Field(ge=1, le=10_000)
    title: Text
    video: RelPath
    # Measured from the file by the loader; a typed value is only compared with it.
    duration: float | None = Field(default=None, gt=0, le=86_400)
    thumbnail: RelPath | None = None
    subtitles: dict[Lang, RelPath] = Field(default_factory=dict)
    # Both optional (a school's promo clip has neither); without jobs the game never suggests it.
    jobs: list[Id] = Field(default_factory=list)
    role_model: RoleModel | None = None
    audience: list[Literal["students", "parents"]] = Field(default=["students"], min_length=1)
    channel_url: Url = ""  # empty: the series page is used
    new: bool = False
    # Filled in by the loader, not read from the file.
    series_id: str = ""
    season: int = 0
    declared_duration: float | None = None  # what the file said, when it said anything
    has_audio: bool = True   # False when the file's headers show no sound track (no toggle)
    internal: ClassVar[frozenset[str]] = frozenset({"series_id", "season", "declared_duration",
                                                    "has_audio"})


class Season(Item):
    number: int = Field(ge=1, le=1000)
    title: Text
    episodes: list[Episode] = Field(default_factory=list)


class Series(Item):
    id: Id
    title: Text
    description: LongText
    channel_url: Url
    thumbnail: RelPath | None = None
    seasons: list[Season] = Field(default_factory=list)


class Job(Item):
    id: Id
    title: Text
    profile: Annotated[list[Profile], BeforeValidator(_to_list)] = Field(min_length=1)
    riasec: dict[str, int]
    domains: dict[Domain, float] = Field(min_length=1)
    description: LongText
    day: Text
    route: Text
    episodes: list[Id] = Field(default_factory=list)
    image: RelPath | None = None

    @field_validator("riasec")
    @classmethod
    def _riasec(cls, value: dict[str, int]) -> dict[str, int]:
        expected = "all six of R, I, A, S, E, C with a whole number 1–7, e.g. { R = 7, … }"
        if sorted(value) != sorted(TYPES):
            raise fail(f"has keys {', '.join(sorted(value)) or 'none'}", expected)
        bad = [k for k, v in value.items() if not 1 <= v <= 7]
        if bad:
            raise fail(f"{bad[0]} = {value[bad[0]]} is out of range", expected)
        return {k: value[k] for k in TYPES}

    @field_validator("domains")
    @classmethod
    def _domains(cls, value: dict[str, float]) -> dict[str, float]:
        expected = "weights from 0 to 1 with a sum above 0, e.g. { energie = 1.0 }"
        bad = [k for k, v in value.items() if not 0.0 <= v <= 1.0]
        if bad:
            raise fail(f"{bad[0]} = {value[bad[0]]} is out of range", expected)
        if sum(value.values()) <= 0:
            raise fail("all weights are 0", expected)
        return value


class Card(Item):
    id: Id
    text: Text
    type: RiasecType
    domain: Domain
    image: RelPath | None = None


class Company(Item):
    id: Id
    name: ShortStr
    description: LongText
    logo: RelPath | None = None
    jobs: list[Id] = Field(default_factory=list)
    contact_url: Url
    internship_url: Url | None = None


class Idle(Item):
    timeout: float = Field(gt=0, le=3600)
    countdown: float = Field(gt=0, le=600)


class PulseQuestion(Text):
    """An event's own wording of the campaign's question: short enough for one screen."""

    @field_validator("nl", "en")
    @classmethod
    def _fits(cls, value: str | None, info: ValidationInfo) -> str | None:
        limit = _config(info).pack.pulse_question_max_chars
        if value is not None and len(value) > limit:
            raise fail(f"is too long for the screen ({len(value)} characters)",
                       f"at most {limit} characters, so it fits in landscape and portrait")
        return value


class Pulse(Item):
    """``[pulse]``: the campaign's one-tap question before and after a visit (kiosk.core.pulse).

    An empty table asks the default question; ``ask_group`` adds the optional group question."""

    question: PulseQuestion | None = None
    ask_group: bool = False


class Event(Item):
    id: Id
    name: Text
    kind: Literal["open_day", "career_fair"]
    date: datetime.date | None = None
    # An event held on several days lists them all; the kiosk picks today's event by itself.
    dates: list[datetime.date] = Field(default_factory=list)
    companies: list[Id] = Field(default_factory=list)
    featured_series: list[Id] = Field(default_factory=list)
    languages: list[Lang] = Field(default_factory=list)  # empty: the pack's languages
    admin_pin_hash: str
    idle: Idle | None = None
    stands: dict[Id, ShortStr] = Field(default_factory=dict)
    # The attract screen belongs to the event: its own logo and a one-line welcome (optional).
    logo: RelPath | None = None
    welcome: Text | None = None
    # Where it is held ("Aula, Hoofdgebouw"): a name, the same in every language.
    place: ShortStr | None = None
    pulse: Pulse | None = None  # absent: the kiosk never asks

    @field_validator("admin_pin_hash")
    @classmethod
    def _pin(cls, value: str) -> str:
        try:
            parse_pin_hash(value)
        except PinHashError as exc:
            raise fail("is not a PIN hash", f"{str(exc).removeprefix('expected ')}; make one with "
                       "'python -m kiosk hash-pin 1234'") from None
        return value

    @field_validator("place")
    @classmethod
    def _place(cls, value: str | None) -> str | None:
        # It shares the attract screen's event line; longer than this is an address, not a place.
        if value is not None and len(value) > PLACE_MAX_CHARS:
            raise fail(f"is too long ({len(value)} characters)",
                       f"at most {PLACE_MAX_CHARS} characters, e.g. 'Aula, Hoofdgebouw'")
        return value

    @property
    def idle_timeout(self) -> float | None:
        return self.idle.timeout if self.idle else None

    @property
    def idle_countdown(self) -> float | None:
        return self.idle.countdown if self.idle else None


class PackFile(Item):
    """``pack.toml``."""

    format: Literal[1]
    id: Id
    title: Text
    languages: list[Lang] = Field(min_length=1)
    allowed_hosts: list[Host] = Field(min_length=1)
    channel_url: Url
    # Where the campaign hosts the pages of `kiosk site build`; the result and share codes
    # open pages there. Without it, result_url is the result code's page (older packs).
    site_url: Url | None = None
    result_url: Url | None = None
    default_event: Id | None = None
    # Raised by the organiser for every update; a kiosk installs only a newer version.
    version: int = Field(default=0, ge=0, le=2**31 - 1)

    @field_validator("site_url")
    @classmethod
    def _site_url(cls, value: str | None) -> str | None:
        if value is not None and ("?" in value or "#" in value):
            raise fail(f"'{_short(value, 80)}' has a '?' or '#'",
                       "the address of the site's folder, e.g. 'https://bliq.example/'")
        return value

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        if "nl" not in value or len(set(value)) != len(value):
            raise fail(f"is {value}", "a list with 'nl' and optionally 'en', each once")
        return value


@dataclass
class Pack:
    """A loaded pack: only valid items, in play order, with what was skipped in ``problems``."""

    root: Path
    id: str
    title: Text
    languages: list[Lang]
    channel_url: str
    result_url: str
    allowed_hosts: list[str]
    default_event: str | None
    site_url: str = ""  # "" when the pack has no take-home pages
    series: list[Series] = field(default_factory=list)
    episodes: dict[str, Episode] = field(default_factory=dict)
    jobs: dict[str, Job] = field(default_factory=dict)
    cards: list[Card] = field(default_factory=list)
    deck_ok: bool = False
    companies: dict[str, Company] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    version: int = 0

    def relative(self, path: Path | str | None) -> str:
        """A file as messages name it: relative to the pack, else as given ("" for none)."""
        if path is None:
            return ""
        try:
            return str(Path(path).resolve().relative_to(self.root))
        except ValueError:
            return str(path)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]
