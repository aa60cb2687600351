"""What a speaker button reads aloud, in the visitor's language (no Qt).

Text written for the eye reads badly aloud: "vmbo PIE → mbo Monteur (niveau 3)" has an arrow
and brackets a voice stumbles over. These functions turn the screen's texts into sentences;
the speaker buttons read exactly these (kiosk.ui.read_aloud).
"""
from __future__ import annotations

import re

from kiosk.core.screen_texts import route_steps

_THEN = {"nl": "daarna", "en": "then"}
_ROUTE = {"nl": "Zo word je het", "en": "How to get there"}


def sentence(text: str) -> str:
    """``text`` as one sentence: trimmed, brackets opened up, a full stop at the end."""
    text = re.sub(r"\s*\(([^)]*)\)", r", \1", " ".join(text.split())).strip(" ,")
    if text and text[-1] not in ".!?":
        text += "."
    return text


def route_text(route: str, lang: str) -> str:
    """"vmbo PIE → mbo Monteur (niveau 3)" → "vmbo PIE, daarna mbo Monteur, niveau 3."""
    steps = route_steps(route)
    return sentence(f", {_THEN.get(lang, _THEN['nl'])} ".join(steps)) if steps else ""


def job_text(title: str, day: str, route: str, lang: str) -> str:
    """A job card read aloud: its title, a day at work, and the route."""
    parts = [sentence(title), sentence(day)]
    if route.strip():
        parts.append(f"{_ROUTE.get(lang, _ROUTE['nl'])}: {route_text(route, lang)}")
    return " ".join(p for p in parts if p)


def details_text(route: str, companies: list[str], lang: str) -> str:
    """A job's details read aloud: the route, and who offers it here today."""
    parts = []
    if route.strip():
        parts.append(f"{_ROUTE.get(lang, _ROUTE['nl'])}: {route_text(route, lang)}")
    if companies:
        here = {"nl": "Vandaag hier", "en": "Here today"}["en" if lang == "en" else "nl"]
        parts.append(sentence(f"{here}: {', '.join(companies)}"))
    return " ".join(parts)


def parents_text(steps: list[dict[str, str]], profiles: list[dict[str, str]], lang: str) -> str:
    """The parents' page read aloud: the route's steps, then each profile with its line."""
    route = {"nl": "De route naar techniek", "en": "The route into technology"}[
        "en" if lang == "en" else "nl"]
    said = [sentence(route)]
    said += [f"{i}. {sentence(s['title'])} {sentence(s['line'])}" for i, s in enumerate(steps, 1)]
    said += [f"{sentence(p['code'] + ', ' + p['name'])} {sentence(p['line'])}" for p in profiles]
    return " ".join(said)
