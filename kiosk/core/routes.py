"""The route from school to work, for parents and teachers (no Qt): the facts the kiosk's
parents page and the take-home pages both show, Dutch (B1: short sentences, everyday words)
and English.

vmbo profile → mbo level → job. The five technical vmbo profiles are the ones a pack's jobs
name (``profile = "PIE"``, kiosk.pack.models.Profile); each gets its full name and one
line on what you do in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

T = tuple[str, str]  # (nl, en)


@dataclass(frozen=True)
class ProfileFacts:
    code: str
    name: T
    line: T


PROFILES: tuple[ProfileFacts, ...] = (
    ProfileFacts("BWI", ("Bouwen, wonen en interieur", "Building, living and interiors"),
                 ("Huizen bouwen, meubels maken en ruimtes inrichten.",
                  "Building houses, making furniture and fitting out rooms.")),
    ProfileFacts("PIE", ("Produceren, installeren en energie",
                         "Production, installation and energy"),
                 ("Werken met metaal, en stroom, water en warmte aanleggen.",
                  "Working with metal, and fitting power, water and heating.")),
    ProfileFacts("M&T", ("Mobiliteit en transport", "Mobility and transport"),
                 ("Auto's, fietsen en vrachtwagens maken en onderhouden.",
                  "Making and servicing cars, bikes and lorries.")),
    ProfileFacts("MVI", ("Media, vormgeving en ICT", "Media, design and IT"),
                 ("Beelden, websites en games maken, en werken met computers.",
                  "Making images, websites and games, and working with computers.")),
    ProfileFacts("MaT", ("Maritiem en techniek", "Maritime and technology"),
                 ("Werken op het water, aan schepen en hun motoren.",
                  "Working on the water, on ships and their engines.")),
)

# The three steps of the route, each with one line.
STEPS: tuple[tuple[T, T], ...] = (
    (("vmbo-profiel", "vmbo profile"),
     ("In klas 3 kiest uw kind een profiel.", "In year 3 your child picks a profile.")),
    (("mbo, niveau 1–4", "mbo, level 1–4"),
     ("Een vak leren, op school (bol) of werkend bij een bedrijf (bbl).",
      "Learning a trade, at school (bol) or working at a company (bbl).")),
    (("Een beroep", "A job"),
     ("Aan het werk, of verder leren op het hbo.", "Starting work, or more study at hbo.")),
)


def short_title(title: str) -> str:
    """A job's name without its alternatives or specialisation, for a line that has room for a
    name only (a clip tile, an example): "Tegelzetter / stukadoor" → "Tegelzetter",
    "Automonteur (autotechnicus)" → "Automonteur", "Elektromonteur: eerste monteur service en
    onderhoud" → "Elektromonteur", "Fiets- / scootertechnicus" stays whole."""
    name = title.split(": ")[0]
    # "Fiets- / scootertechnicus" shares its ending: a first part that ends in "-" keeps the rest
    first = name.split(" / ")[0]
    if not first.endswith("-"):
        name = first
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


def explain_profile(step: str, lang: str) -> str:
    """A route step that names a vmbo profile by its code gets the profile's name beside it:
    "vmbo BWI" → "vmbo BWI (Bouwen, wonen en interieur)"; a code the kiosk does not know, or
    one already explained, stays as the pack wrote it."""
    names = {p.code: _pick(p.name, lang) for p in PROFILES}
    pattern = r"\b(vmbo\s+)(" + "|".join(re.escape(code) for code in names) + r")(?![\w&]|\s*\()"
    return re.sub(pattern, lambda m: f"{m.group(1)}{m.group(2)} ({names[m.group(2)]})", step)


def _pick(text: T, lang: str) -> str:
    return text[1] if lang == "en" else text[0]


def route_steps(lang: str) -> list[dict[str, str]]:
    """The three steps: ``{"title", "line"}`` in ``lang``."""
    return [{"title": _pick(title, lang), "line": _pick(line, lang)} for title, line in STEPS]


def profiles(pack: Any, lang: str, examples: int = 2) -> list[dict[str, Any]]:
    """Every profile: ``{"code", "name", "line", "examples"}``; ``examples`` are the titles of
    the pack's first jobs for that profile (none when the pack has none)."""
    found = []
    for p in PROFILES:
        jobs = [short_title(j.title.get(lang)) for j in pack.jobs.values() if p.code in j.profile]
        found.append({"code": p.code, "name": _pick(p.name, lang), "line": _pick(p.line, lang),
                      "examples": jobs[:examples]})
    return found
