"""Load and validate a content pack (docs/PACK-FORMAT.md), forgivingly, without Qt.

An invalid series, episode, job, card, company or event is skipped with a Problem and the rest
runs; only an unusable pack.toml or a pack with no playable episode raises ``PackError``.
Cross references and deck balance are checked in ``cross_refs``.
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kiosk.config import Config
from kiosk.pack.files import Issue, Listings, read_toml, safe_file, sniff_image, sniff_video
from kiosk.pack.files import check_subtitle
from kiosk.pack.toml_errors import scan_ids
from kiosk.pack.cross_refs import check_deck, did_you_mean, link_pack
from kiosk.pack.media_facts import read_facts
from kiosk.pack.models import (Card, Company, Episode, Event, Job, Pack, PackError,
                                       Lang, PackFile, Problem, Season, Series, Severity, Text)
from kiosk.pack.problems import from_validation, model_warnings

__all__ = ["load_pack", "Pack", "Problem", "PackError", "Text", "Series", "Season", "Episode",
           "Job", "Card", "Company", "Event"]

M = TypeVar("M", bound=BaseModel)
Origins = dict[tuple[str, str], tuple[str, str]]  # (kind, id) → (file, field path)


def load_pack(path: Path, config: Config) -> Pack:
    """Load the pack at ``path``; see the module docstring for what is skipped and what raises."""
    return _Loader(Path(path), config).load()


class _Loader:
    """One pack load: collects problems while it reads file after file."""

    def __init__(self, root: Path, config: Config) -> None:
        self.root, self.config = root, config
        self.problems: list[Problem] = []
        self.ctx: dict[str, Any] = {"config": config, "allowed_hosts": []}
        self.languages: list[Lang] = ["nl"]
        self.origins: Origins = {}
        self.broken: set[str] = set()  # kinds whose whole file failed: no per-reference noise
        self.skipped: set[tuple[str, str]] = set()  # (kind, id) of items skipped for errors
        self.unparsed: dict[str, int] = {}  # file with a syntax error → items it defined
        self.unparsed_ids: dict[tuple[str, str], str] = {}  # (kind, id) → that file
        self.suppressed: Counter[str] = Counter()  # that file → references not reported
        self.labels: dict[tuple[str, str], str] = {}  # (file, item path) → 'episode "x"'
        self.listings: Listings = {}  # folder listings, read once per load

    # -- helpers -----------------------------------------------------------------------------
    def problem(self, file: str, field: str, message: str, expected: str = "",
                severity: str = "error", context: str = "") -> None:
        level: Severity = "warning" if severity == "warning" else \
            "note" if severity == "note" else "error"
        self.problems.append(Problem(file, field, message, expected, level, context))

    def issue(self, file: str, field: str, issue: Issue, severity: str = "error") -> None:
        self.problem(file, issue.where or field, issue.message, issue.expected, severity,
                     issue.context)

    def toml(self, rel: str, kind: str = "") -> dict[str, Any] | None:
        """Read one TOML file of the pack (safely); None when it is missing or broken.

        When the file has a syntax error, the ids it meant to define are remembered so that
        references to them are not reported one by one (``unparsed``).
        """
        full, issue = safe_file(self.root, rel, "toml", self.config, self.listings)
        if full is None:
            self.issue(rel, "(file)", issue or Issue("cannot be read", "a TOML file"))
            return None
        data, issue = read_toml(full)
        if issue:
            self.issue(rel, "(file)", issue)
            if kind:
                text = full.read_bytes().decode("utf-8", errors="replace")
                found = scan_ids(text, kind)
                self.unparsed[rel] = len(found)
                for item in found:
                    self.unparsed_ids[item] = rel
        return data

    def skip(self, kind: str, data: Any) -> None:
        """Remember a skipped item's id, so references to it say why they are dropped."""
        item_id = data.get("id") if isinstance(data, dict) else getattr(data, "id", None)
        if isinstance(item_id, str):
            self.skipped.add((kind, item_id))
        if kind == "series" and isinstance(data, dict):
            for season in data.get("seasons") or []:
                for episode in (season.get("episodes") or []) if isinstance(season, dict) else []:
                    self.skip("episode", episode)

    def validate(self, model: type[M], data: Any, file: str, prefix: str) -> M | None:
        """Validate one item; errors are recorded and the item is skipped (None)."""
        kind = _KINDS.get(model)
        if kind:
            self.skip(kind, data)  # undone below when the item is valid
        self.label(file, prefix, kind or model.__name__.lower(), data)
        if not isinstance(data, dict):
            self.problem(file, prefix or "(file)", "is not a table",
                         "a [[table]] with key = value lines")
            return None
        try:
            item = model.model_validate(data, context=self.ctx)
        except ValidationError as exc:
            self.problems.extend(from_validation(exc, file, prefix, data,
                                                 self.config.pack.did_you_mean_cutoff))
            return None
        if kind:
            self.skipped.discard((kind, getattr(item, "id")))  # noqa: B009 - M may have no id
        self.problems.extend(model_warnings(item, file, prefix, self.languages,
                                            self.config.pack.did_you_mean_cutoff))
        return item

    def label(self, file: str, prefix: str, kind: str, data: Any) -> None:
        """Remember the name of the item at ``prefix`` so messages can say which one it is."""
        if not prefix or not isinstance(data, dict):
            return  # a whole file is one item: its name is the file name
        item_id, number = data.get("id"), data.get("number")
        if isinstance(item_id, str) and item_id:
            self.labels[(file, prefix)] = f'{kind} "{item_id[:60]}"'
        elif kind == "season" and isinstance(number, int):
            self.labels[(file, prefix)] = f"season {number}"

    def named(self) -> None:
        """Give every problem the name of its item (the innermost one that has a name)."""
        by_file: dict[str, list[str]] = {}
        for file, prefix in self.labels:
            by_file.setdefault(file, []).append(prefix)
        for n, p in enumerate(self.problems):
            best = ""
            for prefix in by_file.get(p.file, ()):
                if len(prefix) > len(best) and (
                        p.field == prefix or p.field.startswith((prefix + ".", prefix + "["))):
                    best = prefix
            if best:
                self.problems[n] = replace(p, item=self.labels[(p.file, best)], item_path=best)

    def file(self, item: Any, attr: str, kind: str, file: str, field: str,
             required: bool) -> bool:
        """Check the file ``item.attr`` points at; store its absolute path. False: skip item."""
        rel = getattr(item, attr)
        if rel is None:
            return True
        full, issue = safe_file(self.root, rel, kind, self.config,  # type: ignore[arg-type]
                                self.listings)
        if full is not None:
            if kind == "video":
                issue = sniff_video(full, self.config, str(rel))
            else:
                issue = sniff_image(full, str(rel)) if kind == "image" else \
                    check_subtitle(full, str(rel))
        if issue is not None and issue.warning and full is not None:
            self.problem(file, field, issue.message, issue.expected, "warning")
            issue = None
        if issue is None:
            setattr(item, attr, full)
            return True
        fatal = required or issue.unsafe
        self.problem(file, field, issue.message, issue.expected + ("" if fatal else
                     "; a placeholder is shown meanwhile"), "error" if fatal else "warning")
        setattr(item, attr, None)
        return not fatal

    def unique(self, kind: str, item_id: str, file: str, field: str) -> bool:
        """False (and an error) when an item of this kind already has this id."""
        if (kind, item_id) in self.origins:
            first_file, first_field = self.origins[(kind, item_id)]
            self.problem(file, f"{field}.id" if field else "id", f"duplicate {kind} id '{item_id}'",
                         f"a unique id (first used in {first_file}: {first_field or 'id'})")
            return False
        self.origins[(kind, item_id)] = (file, field)
        return True

    def guarded(self, file: str, step: Callable[[], None]) -> None:
        """Run one loading step; an unexpected error becomes a Problem, never a traceback."""
        try:
            step()
        except Exception as exc:  # noqa: BLE001 - the kiosk must start with the rest
            self.problem(file, "(file)", f"internal error while reading: "
                         f"{type(exc).__name__}: {exc}", "please report this as a bug")

    # -- the pack ----------------------------------------------------------------------------
    def load(self) -> Pack:
        if not self.root.is_dir():
            raise PackError(f"{self.root}: not a folder", [Problem(
                str(self.root), "(pack)", "is not a folder",
                "a content pack folder with pack.toml")])
        head = self.pack_file()
        pack = Pack(root=self.root.resolve(), id=head.id, title=head.title,
                    languages=list(head.languages), channel_url=head.channel_url,
                    result_url=head.result_url or "", site_url=head.site_url or "",
                    allowed_hosts=list(head.allowed_hosts),
                    default_event=head.default_event, problems=self.problems,
                    version=head.version)
        self.guarded("series/", lambda: self.load_series(pack))
        self.guarded("jobs.toml", lambda: self.load_list(pack, "jobs.toml", "jobs", Job))
        self.guarded("cards.toml", lambda: self.load_list(pack, "cards.toml", "cards", Card))
        self.guarded("companies.toml",
                     lambda: self.load_list(pack, "companies.toml", "companies", Company))
        self.guarded("events/", lambda: self.load_events(pack))
        self.guarded("pack.toml", lambda: link_pack(pack, self.origins, self.broken,
                                                    self.skipped, self.unparsed_ids,
                                                    self.suppressed, self.config))
        self.summarise_unparsed()
        self.named()
        self.guarded("cards.toml", lambda: setattr(pack, "deck_ok", check_deck(pack, self.config)))
        if not pack.episodes:
            self.named()
            raise PackError(f"{self.root}: no playable episode; run 'kiosk check {self.root}' "
                            f"for the {len(pack.errors)} problem(s)", self.problems)
        return pack

    def summarise_unparsed(self) -> None:
        """One line per file with a syntax error instead of an error per dropped item."""
        for rel, count in self.unparsed.items():
            refs = self.suppressed[rel]
            also = f"; {refs} verwijzing(en) ernaar genegeerd / {refs} reference(s) to them " \
                "ignored" if refs else ""
            self.problem(rel, "(file)", f"{count} item(s) in {rel} overgeslagen door de "
                         f"syntaxfout / {count} item(s) in {rel} were skipped because the file "
                         f"has a syntax error{also}", "fix the syntax error above", "warning")

    def pack_file(self) -> PackFile:
        data = self.toml("pack.toml")
        head = None
        if data is not None:
            hosts = data.get("allowed_hosts")
            if isinstance(hosts, list) and all(isinstance(h, str) for h in hosts):
                self.ctx["allowed_hosts"] = [h.lower() for h in hosts]
            langs = data.get("languages")
            if isinstance(langs, list):
                self.languages = [x for x in langs if x in self.config.language.languages] or ["nl"]
            head = self.validate(PackFile, data, "pack.toml", "")
        if head is None:
            first = next((p for p in self.problems if p.severity == "error"), None)
            raise PackError(f"{self.root}: {first or 'pack.toml is unusable'}", self.problems)
        if head.site_url is None and head.result_url is None:
            # not fatal: the kiosk runs, only the result code has no page to open
            self.problem("pack.toml", "site_url", "is missing: the result code has no page",
                         "site_url = \"https://…/\", where the campaign puts the pages of "
                         "'kiosk site build' (allowed_hosts must list its host)")
        return head

    def load_series(self, pack: Pack) -> None:
        folder = self.root / "series"
        files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
        if not files:
            self.broken.update(("series", "episode"))
            self.problem("series/", "(file)", "no series files found",
                         "one file per series: series/<series-id>.toml")
        for path in files:
            rel = f"series/{path.name}"
            self.guarded(rel, functools.partial(self.one_series, pack, rel, path.stem))

    def one_series(self, pack: Pack, rel: str, stem: str) -> None:
        data = self.toml(rel, "series")
        if data is None:
            return
        seasons = data.pop("seasons", [])
        series = self.validate(Series, data, rel, "")
        if series is None:
            self.skip("series", dict(data, seasons=seasons))
            return
        if not self.unique("series", series.id, rel, ""):
            return
        self.file(series, "thumbnail", "image", rel, "thumbnail", required=False)
        if series.id != stem:
            self.problem(rel, "id", f"'{series.id}' differs from the file name",
                         f"the file named series/{series.id}.toml", "warning")
        if not isinstance(seasons, list):
            self.problem(rel, "seasons", "is not a list of seasons", "[[seasons]] tables")
            return
        numbers: set[int] = set()
        for i, season_data in enumerate(seasons):
            episodes = season_data.pop("episodes", []) if isinstance(season_data, dict) else []
            season = self.validate(Season, season_data, rel, f"seasons[{i}]")
            if season is None:
                continue
            if season.number in numbers:
                self.problem(rel, f"seasons[{i}].number", f"season {season.number} appears twice",
                             "each season number once")
                continue
            numbers.add(season.number)
            self.load_episodes(series, season, episodes, rel, f"seasons[{i}]")
            if season.episodes:
                series.seasons.append(season)
        series.seasons.sort(key=lambda s: s.number)
        if not series.seasons:
            self.problem(rel, "seasons", "this series has no playable episode, it is not shown",
                         "at least one [[seasons.episodes]]", "warning")
            return
        pack.series.append(series)
        for season in series.seasons:
            for episode in season.episodes:
                pack.episodes[episode.id] = episode

    def load_episodes(self, series: Series, season: Season, episodes: Any, rel: str,
                      prefix: str) -> None:
        if not isinstance(episodes, list):
            self.problem(rel, f"{prefix}.episodes", "is not a list of episodes",
                         "[[seasons.episodes]] tables")
            return
        numbers: set[int] = set()
        for j, data in enumerate(episodes):
            where = f"{prefix}.episodes[{j}]"
            episode = self.validate(Episode, data, rel, where)
            if episode is None:
                continue
            if not self.check_episode(episode, rel, where):
                self.skip("episode", episode)
                continue
            if episode.number in numbers:
                self.problem(rel, f"{where}.number", f"episode {episode.number} appears twice "
                             f"in season {season.number}", "each episode number once per season")
                continue
            if not self.unique("episode", episode.id, rel, where):
                continue
            numbers.add(episode.number)
            episode.series_id, episode.season = series.id, season.number
            episode.channel_url = episode.channel_url or series.channel_url
            season.episodes.append(episode)
        season.episodes.sort(key=lambda e: e.number)

    def check_episode(self, episode: Episode, rel: str, where: str) -> bool:
        """Files of one episode: the clip must be usable, subtitles too; a thumbnail may fail."""
        if not self.file(episode, "video", "video", rel, f"{where}.video", required=True):
            return False
        if not self.file(episode, "thumbnail", "image", rel, f"{where}.thumbnail", required=False):
            return False
        for lang in list(episode.subtitles):
            if lang not in self.languages:
                self.problem(rel, f"{where}.subtitles.{lang}", f"'{lang}' is not in pack.toml "
                             "languages, ignored", f"one of {self.languages}", "warning")
                del episode.subtitles[lang]
                continue
            holder = _Holder(episode.subtitles[lang])
            if not self.file(holder, "path", "subtitle", rel, f"{where}.subtitles.{lang}", True):
                return False
            if holder.path is not None:   # a required file that passed: always set
                episode.subtitles[lang] = holder.path
        for lang in self.languages:
            if lang not in episode.subtitles:
                self.problem(rel, f"{where}.subtitles.{lang}", "no subtitles in this language",
                             "a .vtt or .srt file: captions are on by default", "warning")
        self.measure(episode, rel, where)
        if episode.role_model is None or not episode.jobs:
            missing = " and ".join(n for n, v in (("jobs", episode.jobs),
                                                  ("role_model", episode.role_model)) if not v)
            self.problem(rel, where, f"'{episode.id}' has no {missing}: its tile shows the title "
                         "only" + (" and the game never suggests it" if not episode.jobs else ""),
                         "jobs = [\"…\"] and role_model = { … } to link it to jobs", "note")
        if episode.duration is not None and episode.duration > self.config.pack.max_clip_seconds:
            self.problem(rel, f"{where}.duration", f"{episode.duration:g} s is long for a kiosk",
                         f"at most {self.config.pack.max_clip_seconds:g} s (snackable clips)",
                         "warning")
        return True

    def measure(self, episode: Episode, rel: str, where: str) -> None:
        """The clip's length from its container headers; a typed one off by > 1 s is a warning."""
        typed = episode.duration
        episode.declared_duration = typed
        facts = read_facts(Path(episode.video))
        # only a readable header that lists no sound track says "no audio"
        episode.has_audio = bool(facts.problem) or facts.has_audio
        measured = facts.duration_s if not facts.problem and facts.duration_s > 0 else None
        if measured is None:
            if typed is None:
                self.problem(rel, f"{where}.duration", "cannot be measured from the file",
                             "duration = <seconds> (or a clip with a readable header)", "warning")
            episode.duration = typed or 0.0
            return
        episode.duration = measured
        if typed is not None and abs(typed - measured) > self.config.pack.duration_tolerance_s:
            self.problem(rel, f"{where}.duration", f"says {typed:g} s but the clip is "
                         f"{measured:.1f} s long; the measured {measured:.1f} s is used",
                         "no duration line (it is measured) or the right one", "warning")

    def load_list(self, pack: Pack, rel: str, key: str, model: type[M]) -> None:
        """jobs.toml, cards.toml, companies.toml: an array of tables under ``key``."""
        kind = key.rstrip("s").replace("companie", "company")
        data = self.toml(rel, kind)
        if data is None:
            self.broken.add(kind)
            return
        items = data.pop(key, None)
        for extra in data:
            cutoff = self.config.pack.did_you_mean_cutoff
            self.problem(rel, extra, "unknown field, ignored", f"only [[{key}]] tables"
                         + did_you_mean(extra, [key], cutoff), "warning")
        if not isinstance(items, list):
            self.problem(rel, key, "is missing" if items is None else "is not a list of tables",
                         f"[[{key}]] tables")
            self.broken.add(kind)
            return
        for i, raw in enumerate(items):
            where = f"{key}[{i}]"
            item = self.validate(model, raw, rel, where)
            if item is None:
                continue
            image_attr = "logo" if isinstance(item, Company) else "image"
            self.file(item, image_attr, "image", rel, f"{where}.{image_attr}", False)
            if not self.unique(kind, item.id, rel, where):  # type: ignore[attr-defined]
                continue
            if isinstance(item, Job):
                pack.jobs[item.id] = item
            elif isinstance(item, Card):
                pack.cards.append(item)
            elif isinstance(item, Company):
                pack.companies[item.id] = item

    def load_events(self, pack: Pack) -> None:
        folder = self.root / "events"
        files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
        if not files:
            self.problem("events/", "(file)", "no event files found", "events/<event-id>.toml "
                         "(the kiosk runs without one, but has no admin PIN)", "warning")
        for path in files:
            rel = f"events/{path.name}"
            data = self.toml(rel, "event")
            event = self.validate(Event, data, rel, "") if data is not None else None
            if event is None or not self.unique("event", event.id, rel, ""):
                continue
            self.file(event, "logo", "image", rel, "logo", False)
            if event.id != path.stem:
                self.problem(rel, "id", f"'{event.id}' differs from the file name",
                             f"the file named events/{event.id}.toml", "warning")
            event.languages = event.languages or list(pack.languages)
            pack.events[event.id] = event


_KINDS: dict[type, str] = {Series: "series", Episode: "episode", Job: "job", Card: "card",
                           Company: "company", Event: "event"}


@dataclass
class _Holder:
    """Lets ``_Loader.file`` check a path that lives in a dict (subtitles)."""

    path: Path | None
