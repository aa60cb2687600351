"""How figures read on screen and in reports: percentages, mm:ss, one decimal (no Qt).

Defined once so the dashboard, the tiles and ``kiosk stats`` print the same figure the same way.
``missing`` is what a figure without data shows (the screens use "–", plain-text output "-").
"""
from __future__ import annotations

DASH = "–"


def percent(x: float | None, missing: str = DASH, space: bool = True) -> str:
    """A share 0–1 as a whole percentage: ``42 %`` (Dutch writes a space; ``space=False``
    gives ``42%``)."""
    if x is None:
        return missing
    return f"{round(x * 100)}{' ' if space else ''}%"


def mm_ss(seconds: float | None, missing: str = DASH) -> str:
    """A duration as minutes and seconds: ``0:14``, ``1:45``, ``75:00``."""
    if seconds is None:
        return missing
    s = round(seconds)
    return f"{s // 60}:{s % 60:02d}"


def one_decimal(x: float | None, missing: str = DASH) -> str:
    """One decimal with a Dutch comma: ``2,5``."""
    return missing if x is None else f"{x:.1f}".replace(".", ",")
