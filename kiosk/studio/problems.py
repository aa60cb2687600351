"""The studio's problems list: what is still wrong, in plain words, about what she can change.

Two sources, one list. What she is typing is checked at once (a name, a date, a PIN, each
company's link and jobs) from the studio's own documents. The saved pack is checked with the
very same loader as ``kiosk check`` (and its "ready for a real event" checks); of those, the
lines about her files are shown in plain words, and the campaign's own parts (series, jobs,
cards she cannot edit here) are summed up in one grey line. No Qt.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kiosk.config import Config
from kiosk.pack.models import Problem
from kiosk.core.links import url_problem
from kiosk.core.pin import PinHashError, verify_pin
from kiosk.studio.model import COMPANIES, OWN_SERIES, PACK, Line, Studio, url_host


@dataclass(frozen=True)
class Finding:
    """One line of the problems list; ``target`` says which field "show me" opens."""

    text: str
    severity: str = "error"             # "error" | "warning" | "note" (grey, not hers)
    target: tuple[str, str] = ("", "")  # ("event", field) | ("company", id) | ("videos", "")
    template: str = ""                  # the Dutch text with {names}, for the translation
    args: tuple[tuple[str, object], ...] = ()  # a value may be a Line, translated in turn

    def render(self, translate: Callable[[str], str]) -> str:
        """The line in the window's language."""
        return Line(self.template or self.text, self.args).render(translate)


def _f(template: str, severity: str = "error", target: tuple[str, str] = ("", ""),
       **args: object) -> Finding:
    """A finding whose words are a fixed template (so the window can show it in English)."""
    values = tuple((k, v if isinstance(v, Line) else str(v)) for k, v in args.items())
    return Finding(str(Line(template, values)), severity, target, template, values)


def live_findings(studio: Studio, config: Config) -> list[Finding]:
    """What is wrong in her event and companies as they are now (saved or not)."""
    out: list[Finding] = []
    if not studio.event_name():
        out.append(Finding("Geef je event een naam.", target=("event", "name")))
    if studio.event_date() is None:
        out.append(Finding("Kies de datum van je event.", "warning", ("event", "date")))
    pin = str(studio.event.get("admin_pin_hash") or "")
    if not pin:
        out.append(Finding("Kies een beheer-PIN en typ hem twee keer.", target=("event", "pin")))
    elif _is_demo(pin, config):
        out.append(Finding("De beheer-PIN is die van het voorbeeld; kies een eigen PIN.",
                           target=("event", "pin")))
    ids = studio.company_ids()
    if not ids:
        out.append(Finding("Voeg de bedrijven toe die er op je event zijn.", "warning",
                           ("company", "")))
    hosts = [str(h) for h in studio.pack.get("allowed_hosts") or []]
    for company_id in ids:
        view = studio.company(company_id)
        name: str | Line = view.name or Line.of("Een bedrijf")
        if not view.url:
            out.append(_f("{name}: vul de contactlink in.", target=("company", company_id),
                          name=name))
        elif url_problem(view.url, hosts):
            out.append(_f("{name}: de contactlink werkt niet ({url}).",
                          target=("company", company_id), name=name, url=view.url))
        elif url_host(view.url).endswith(tuple(config.pack.placeholder_host_suffixes)):
            out.append(_f("{name}: de contactlink is een voorbeeldadres; vul de echte website "
                          "in.", "warning", ("company", company_id), name=name))
        if not view.jobs:
            out.append(_f("{name}: vink minstens één beroep aan.", "warning",
                          ("company", company_id), name=name))
        if not view.room:
            out.append(_f("{name}: vul het lokaal of de standplaats in.", "warning",
                          ("company", company_id), name=name))
    return out


def _is_demo(stored: str, config: Config) -> bool:
    return _is_demo_cached(stored, config.pack.demo_pins)


@lru_cache(maxsize=16)
def _is_demo_cached(stored: str, demo_pins: tuple[str, ...]) -> bool:
    """Whether the stored hash is a demo PIN's; remembered, because each try is a full
    PBKDF2 (0.1–0.3 s) and the list is rebuilt on every key she types."""
    for pin in demo_pins:
        try:
            if verify_pin(pin, stored):
                return True
        except PinHashError:
            return False
    return False


def check_findings(studio: Studio, problems: list[Problem]) -> list[Finding]:
    """``kiosk check``'s problems of the saved pack, in her words, filtered to her files."""
    mine = {studio.event_rel, PACK, COMPANIES, f"series/{OWN_SERIES}.toml"}
    her_companies = set(studio.company_ids())
    company_order = [str(t.get("id")) for t in studio.company_doc.get("companies") or []]
    out: list[Finding] = []
    english = 0
    captions = 0
    campaign = 0
    for problem in problems:
        if problem.severity == "note":
            continue
        if problem.file not in mine:
            if problem.file.startswith(f"media/{OWN_SERIES}/"):
                out.append(_f("Eigen video: {line}", problem.severity, ("videos", ""),
                              line=_plain(problem)))
            else:
                campaign += 1
            continue
        if "English text is missing" in problem.message:
            english += 1
            continue
        if problem.field == "default_event" and problem.message.startswith("unknown event") \
                and f"'{studio.event_id}'" in problem.message:
            continue  # her event is not complete yet; the lines about it say what is missing
        if "no subtitles in this language" in problem.message:
            captions += 1
            continue
        target: tuple[str, str] = ("event", _EVENT_FIELDS.get(problem.field.split(".")[0], ""))
        template = "{line}"
        name = ""
        if problem.file == COMPANIES:
            match = re.match(r"companies\[(\d+)\]", problem.field)
            company_id = company_order[int(match.group(1))] if match and int(
                match.group(1)) < len(company_order) else ""
            if company_id and company_id not in her_companies:
                campaign += 1
                continue
            name = str(studio.company(company_id).name) if company_id else ""
            target, template = ("company", company_id), "{name}: {line}" if name else "{line}"
        elif problem.file.startswith("series/"):
            target, template = ("videos", ""), "Eigen video's: {line}"
        names: dict[str, object] = {"name": name} if "{name}" in template else {}
        out.append(_f(template, problem.severity, target, line=_plain(problem), **names))
    if english:
        out.append(_f("{n} tekst(en) hebben nog geen Engelse versie; de kiosk toont dan "
                      "Nederlands.", "note", n=english))
    if captions:
        out.append(_f("{n} keer ontbreken ondertitels bij je eigen video's (zet een .srt met "
                      "dezelfde naam ernaast); ze spelen gewoon.", "note", ("videos", ""),
                      n=captions))
    if campaign:
        out.append(_f("{n} melding(en) over het deel van de campagne (series, beroepen, "
                      "kaarten); daar hoef jij niets aan te doen.", "note", n=campaign))
    return out


_EVENT_FIELDS = {"admin_pin_hash": "pin", "date": "date", "dates": "date", "name": "name"}

_PLAIN = [
    (re.compile(r"admin_pin_hash"), Line.of("Kies een beheer-PIN.")),
    (re.compile(r"contact_url"), Line.of("De contactlink ontbreekt of werkt niet.")),
    (re.compile(r"(^|\.)logo$"), Line.of("Het logo ontbreekt of is geen plaatje; kies het "
                                          "opnieuw.")),
    (re.compile(r"(^|\.)date"), Line.of("De datum klopt niet; kies hem opnieuw.")),
]


def _plain(problem: Problem) -> Line:
    """A check line in plain words where we know them, else the check's own sentence (the
    check speaks English to IT; only the words around it are the studio's)."""
    for pattern, words in _PLAIN:
        if pattern.search(problem.field):
            return words
    if problem.expected:
        return Line.of("{where}: {message} (verwacht: {expected})", where=problem.where,
                       message=problem.message, expected=problem.expected)
    return Line.of("{where}: {message}", where=problem.where, message=problem.message)


def ready(findings: list[Finding]) -> bool:
    """Ready for the day: nothing of hers is an error or a warning (grey notes are fine)."""
    return not any(f.severity in ("error", "warning") for f in findings)


def all_findings(studio: Studio, checked: list[Problem] | None) -> list[Finding]:
    """Live findings, then the saved pack's check findings that say something new."""
    live = live_findings(studio, studio.config)
    found = check_findings(studio, checked or [])
    seen = {f.text for f in live}
    live_targets = {f.target for f in live}
    extra = [f for f in found if f.text not in seen
             and not (f.target in live_targets and (f.target[0] == "company" or f.target[1]))]
    return live + extra


def check_saved(root: Path, config: Config) -> list[Problem]:
    """The saved pack's problems, exactly as ``kiosk check`` finds them."""
    from kiosk.pack.check import collect

    _pack, problems, _fatal = collect(root, config)
    return problems
