"""Is a valid pack ready for a real event? Placeholder content left in (no Qt).

A pack made with ``kiosk new-pack`` or copied from the sample passes ``kiosk check``: it is
valid. But its QR codes point at ``.example`` hosts, its company is "Voorbeeldbedrijf" and
its admin PIN may be the demo PIN everyone who read the README knows. ``kiosk check --strict``
makes these errors; ``kiosk preflight`` lists them as warnings ("not ready for a real event").
"""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from kiosk.config import PackConfig
from kiosk.pack.models import Pack, Problem, Severity, Text
from kiosk.pack.new_pack import PLACEHOLDER_TEXTS
from kiosk.core.pin import PinHashError, verify_pin

NOT_READY = "niet klaar voor een echt event / not ready for a real event"


def _placeholder_host(url: str, config: PackConfig) -> str:
    """The host of ``url`` when it is a reserved placeholder name, else ""."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    if any(host == s.lstrip(".") or host.endswith(s if s.startswith(".") else "." + s)
           for s in config.placeholder_host_suffixes):
        return host
    return ""


def _links(pack: Pack) -> Iterator[tuple[str, str, str]]:
    """(file, field, url) of every link in the pack, as organisers wrote them."""
    yield "pack.toml", "channel_url", pack.channel_url
    if pack.result_url:
        yield "pack.toml", "result_url", pack.result_url
    if pack.site_url:
        yield "pack.toml", "site_url", pack.site_url
    for series in pack.series:
        rel = f"series/{series.id}.toml"
        yield rel, "channel_url", series.channel_url
        for s, season in enumerate(series.seasons):
            for e, episode in enumerate(season.episodes):
                yield rel, f"seasons[{s}].episodes[{e}].channel_url", episode.channel_url
    for c, company in enumerate(pack.companies.values()):
        yield "companies.toml", f"companies[{c}].contact_url", company.contact_url
        if company.internship_url:
            yield "companies.toml", f"companies[{c}].internship_url", company.internship_url


def _texts(pack: Pack) -> Iterator[tuple[str, str, str]]:
    """(file, field, text) of the visitor-facing texts a new pack fills with placeholders."""
    def both(file: str, field: str, text: Text | str) -> Iterator[tuple[str, str, str]]:
        if isinstance(text, Text):
            yield file, f"{field}.nl", text.nl
            if text.en:
                yield file, f"{field}.en", text.en
        else:
            yield file, field, text

    yield from both("pack.toml", "title", pack.title)
    for series in pack.series:
        rel = f"series/{series.id}.toml"
        yield from both(rel, "title", series.title)
        yield from both(rel, "description", series.description)
        for s, season in enumerate(series.seasons):
            for e, episode in enumerate(season.episodes):
                yield from both(rel, f"seasons[{s}].episodes[{e}].title", episode.title)
    for c, company in enumerate(pack.companies.values()):
        yield from both("companies.toml", f"companies[{c}].name", company.name)
        yield from both("companies.toml", f"companies[{c}].description", company.description)


def readiness_problems(pack: Pack, config: PackConfig,
                       severity: str = "warning") -> list[Problem]:
    """Placeholder content in a loaded pack: one Problem per file and kind of placeholder."""
    level: Severity = "error" if severity == "error" else "warning"
    out: list[Problem] = []
    by_file: dict[str, list[tuple[str, str]]] = {}
    for file, field, url in _links(pack):
        host = _placeholder_host(url, config) if url else ""
        if host:
            by_file.setdefault(file, []).append((field, host))
    for file, found in by_file.items():
        hosts = sorted({h for _, h in found})
        named = ", ".join(hosts[:2]) + (f" +{len(hosts) - 2}" if len(hosts) > 2 else "")
        fields = ", ".join(f for f, _ in found[1:3]) + (", …" if len(found) > 3 else "")
        out.append(Problem(file, found[0][0], f"{NOT_READY}: {len(found)} link(s) to "
                           f"placeholder host(s) {named}" + (f"; also {fields}" if fields else ""),
                           "the real https:// addresses", level))
    placeholders = {t.casefold() for t in PLACEHOLDER_TEXTS}
    texts: dict[str, list[tuple[str, str]]] = {}
    for file, field, text in _texts(pack):
        if text.strip().casefold() in placeholders:
            texts.setdefault(file, []).append((field, text))
    for file, found in texts.items():
        shown = ", ".join(f"'{t}'" for _, t in found[:3]) + (", …" if len(found) > 3 else "")
        fields = ", ".join(f for f, _ in found[1:3]) + (", …" if len(found) > 3 else "")
        out.append(Problem(file, found[0][0], f"{NOT_READY}: {len(found)} placeholder text(s) "
                           f"from 'kiosk new-pack': {shown}" + (f"; at {fields}" if fields else ""),
                           "your own texts", level))
    for event in pack.events.values():
        for pin in config.demo_pins:
            try:
                demo = verify_pin(pin, event.admin_pin_hash)
            except PinHashError:
                demo = False
            if demo:
                out.append(Problem(f"events/{event.id}.toml", "admin_pin_hash",
                                   f"{NOT_READY}: the admin PIN is the demo PIN {pin} from the "
                                   "README", "a PIN of your own: python -m kiosk hash-pin "
                                   "<PIN>", level))
    return out
