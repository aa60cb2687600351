"""How pack texts are shortened for a visitor's screen (no Qt): names, routes, initials, and
the badge colour of an item without a picture."""
from __future__ import annotations

import re
import zlib

# Legal forms say nothing to a 14-year-old and make "Vandaag hier: …" wrap or cut off.
_LEGAL_SUFFIX = re.compile(
    r"[\s,]+(b\.?\s?v\.?|n\.?\s?v\.?|v\.?\s?o\.?\s?f\.?|c\.?\s?v\.?|holding|group|groep"
    r"|ltd\.?|gmbh|inc\.?)$", re.IGNORECASE)
_ROUTE_ARROW = re.compile(r"\s*(?:→|->|=>)\s*")
PALETTE_SIZE = 5   # Theme.idColours in QML holds this many colours


def short_company_name(name: str) -> str:
    """``"Voltwerk Installatietechniek B.V."`` → ``"Voltwerk Installatietechniek"``."""
    short = name.strip()
    while True:
        shorter = _LEGAL_SUFFIX.sub("", short).strip()
        if shorter == short or not shorter:
            return short
        short = shorter


def initials(name: str) -> str:
    """Up to two capitals for a logo placeholder: ``"Rijwiel & Co"`` → ``"RC"``."""
    words = [w for w in re.split(r"[\s\-/&+.,]+", short_company_name(name)) if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[1][0]).upper()


def colour_index(item_id: str) -> int:
    """A stable colour for an id (the same company or series looks the same on every kiosk)."""
    return zlib.crc32(item_id.encode("utf-8")) % PALETTE_SIZE


def route_steps(route: str) -> list[str]:
    """``"vmbo PIE → mbo Monteur (niveau 3)"`` → ``["vmbo PIE", "mbo Monteur (niveau 3)"]``.

    A route with more arrows keeps its first step and joins the rest into the second, so a card
    shows at most two steps."""
    parts = [p.strip() for p in _ROUTE_ARROW.split(route.strip()) if p.strip()]
    if len(parts) <= 2:
        return parts
    return [parts[0], " → ".join(parts[1:])]
