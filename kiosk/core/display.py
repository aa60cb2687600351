"""How pack texts are shortened for a visitor's screen (no Qt): names, routes, initials."""
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


Rect = tuple[float, float, float, float]   # x, y, width, height
# The overlay card's sizes to try, largest first: a smaller card that leaves every code free
# beats a big one that hides the code somebody is scanning.
SPOT_SCALES = (1.0, 0.8, 0.65, 0.5)
SPOT_STEPS = 24   # positions tried along each side


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def clear_spot(width: float, height: float, box_width: float, box_height: float,
               obstacles: list[Rect], margin: float = 0.0) -> tuple[float, float, float] | None:
    """Where a box (scaled by one of ``SPOT_SCALES``) fits inside ``width`` x ``height``
    without touching any obstacle grown by ``margin``: ``(x, y, scale)``, the largest scale
    first and, at that scale, the spot nearest the middle; None when none fits.

    "Ben je er nog?" uses it so the codes on screen stay free to scan."""
    grown = [(x - margin, y - margin, w + 2 * margin, h + 2 * margin) for x, y, w, h in obstacles
             if w > 0 and h > 0]
    for scale in SPOT_SCALES:
        bw, bh = box_width * scale, box_height * scale
        if bw > width or bh > height:
            continue
        best: tuple[float, float, float] | None = None
        for i in range(SPOT_STEPS + 1):
            for j in range(SPOT_STEPS + 1):
                x = (width - bw) * i / SPOT_STEPS
                y = (height - bh) * j / SPOT_STEPS
                if any(_overlaps((x, y, bw, bh), o) for o in grown):
                    continue
                d = (x + bw / 2 - width / 2) ** 2 + (y + bh / 2 - height / 2) ** 2
                if best is None or d < best[0]:
                    best = (d, x, y)
        if best is not None:
            return best[1], best[2], scale
    return None
