"""Where an overlay card fits on screen without covering anything the visitor needs (no Qt)."""
from __future__ import annotations

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
