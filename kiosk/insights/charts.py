"""Static SVG charts for the campaign report, written by hand (no dependency, no script).

Why by hand: the report must be one file that opens offline in any browser and prints well.
The charts are a few kinds of bars; a library would add megabytes (matplotlib) or a script
and external URLs (pygal's tooltips), and neither formats numbers the Dutch way by itself.

Readable without colour: every bar carries its number as text beside it, reference lines are
dashed and labelled, and parts of a whole differ by pattern (solid, stripes, dots) as well as
by colour (Okabe–Ito palette, safe for the common colour-vision deficiencies).
"""
from __future__ import annotations

import itertools
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

INK = "#1a1a1a"
MUTED = "#5f6368"
GRID = "#d0d0d0"
BAR = "#0b4f8a"            # dark blue: prints as a dark grey
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
PATTERNS = ("solid", "stripes", "dots", "cross", "solid-light", "stripes-back")
FONT = "font-family=\"'DejaVu Sans', Arial, Helvetica, sans-serif\""
WIDTH = 540  # about a column of the report at 1:1, so 12 px text stays 12 px

_ids = itertools.count(1)


@dataclass(frozen=True)
class Style:
    """A chart's colours. The report prints on white (the default); admin draws the same charts
    on the kiosk's dark panels with the kiosk's theme colours."""

    ink: str = INK
    muted: str = MUTED
    bar: str = BAR
    paper: str = "#ffffff"   # behind each number, and the outline around text
    # The paper-coloured outline keeps text readable where a line crosses it. Browsers draw it
    # under the letters (paint-order); Qt's SVG renderer ignores paint-order and would draw it
    # over them, so admin's charts go without.
    outline: bool = True


PRINT = Style()


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _text(x: float, y: float, text: str, size: int = 12, anchor: str = "start",
          weight: str = "normal", fill: str | None = None, style: Style = PRINT) -> str:
    outline = (f' paint-order="stroke" stroke="{style.paper}" stroke-width="3" '
               f'stroke-linejoin="round"' if style.outline else "")
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{fill or style.ink}"{outline}>{escape(text)}</text>')


def _svg(height: float, body: list[str], label: str, defs: str = "") -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'width="100%" style="max-width: {WIDTH}px" role="img" aria-label="{_attr(label)}" '
            f'{FONT}>'
            f'<title>{escape(label)}</title>{defs}{"".join(body)}</svg>')


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _wrap(text: str, limit: int) -> list[str]:
    """At most two lines of ``limit`` characters; a longer title ends in an ellipsis."""
    lines = textwrap.wrap(text, limit, break_long_words=True) or [""]
    if len(lines) > 2:
        lines = [lines[0], _shorten(" ".join(lines[1:]), limit)]
    return lines


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value (for the length) and the text printed beside it."""

    label: str
    value: float
    text: str


@dataclass(frozen=True)
class Reference:
    """A dashed line at ``value`` with a label, such as the campaign's 65 %."""

    value: float
    label: str


def hbars(bars: Sequence[Bar], label: str, *, top: float | None = None,
          reference: Reference | None = None, label_chars: int = 28,
          style: Style = PRINT) -> str:
    """Horizontal bars, one per row, title left (wrapped, never cut short) and number right."""
    left = 200
    # room for the longest number on the right, so "85 % (23.030/27.180)" is never cut off
    right = max(60.0, max((len(b.text) for b in bars), default=0) * 7.2 + 14)
    wrapped = [_wrap(b.label, label_chars) for b in bars]
    row = 36 if any(len(w) > 1 for w in wrapped) else 24
    head = 26 if reference else 6
    scale_top = max([top or 0.0, *(b.value for b in bars), reference.value if reference else 0.0,
                     1e-9])
    span = WIDTH - left - right
    height = head + row * max(len(bars), 1) + 8
    body: list[str] = []
    for i, (bar, lines) in enumerate(zip(bars, wrapped, strict=True)):
        y = head + i * row
        mid = y + row / 2
        w = max(0.0, bar.value) / scale_top * span
        first = mid + 4 - 7 * (len(lines) - 1)
        body.append(f"<g><title>{escape(bar.label)}: {escape(bar.text)}</title>")
        for j, text in enumerate(lines):
            body.append(_text(left - 8, first + 14 * j, text, anchor="end", style=style))
        body.append(f'<rect x="{left}" y="{mid - 8:.1f}" width="{max(w, 1.5):.1f}" height="16" '
                    f'fill="{style.bar}"/>')
        # a white box under the number: a reference line never runs through it
        body.append(f'<rect x="{left + w + 3:.1f}" y="{mid - 9:.1f}" '
                    f'width="{len(bar.text) * 7.2 + 6:.1f}" height="18" fill="{style.paper}"/>')
        body.append(_text(left + w + 6, mid + 4, bar.text, style=style))
        body.append("</g>")
    if not bars:
        body.append(_text(left, head + 16, "–", fill=style.muted, style=style))
    body.insert(0, f'<line x1="{left}" y1="{head}" x2="{left}" y2="{height - 6}" '
                   f'stroke="{style.ink}" stroke-width="1"/>')
    if reference is not None:  # under the bars and their numbers, which keep a white halo
        x = left + reference.value / scale_top * span
        body.insert(0, f'<line x1="{x:.1f}" y1="{head - 6}" x2="{x:.1f}" y2="{height - 4}" '
                       f'stroke="{style.ink}" stroke-width="2" stroke-dasharray="6 4"/>')
        body.append(_text(x, head - 10, reference.label, size=12, anchor="middle",
                          weight="bold", style=style))
    return _svg(height, body, label)


def vbars(columns: Sequence[Bar], label: str, *, reference: Reference | None = None,
          height: int = 220, every: int | None = None, top: float | None = None,
          style: Style = PRINT) -> str:
    """Vertical bars (days, hours, bins) with the number on top of each bar that has one.

    ``every``: print every n-th axis label (many days); numbers on bars then only on the
    tallest, so the chart stays legible. ``top``: the scale's maximum (the same in small
    multiples, so panels compare).
    """
    n = max(len(columns), 1)
    left, bottom, top_pad = 8, 34, 26
    plot_h = height - bottom - top_pad
    slot = (WIDTH - 2 * left) / n
    scale_top = max([top or 0.0, *(c.value for c in columns),
                     reference.value if reference else 0.0, 1e-9])
    step = every or 1
    peak = max(range(len(columns)), key=lambda i: columns[i].value) if columns else -1
    body: list[str] = [f'<line x1="{left}" y1="{height - bottom}" x2="{WIDTH - left}" '
                       f'y2="{height - bottom}" stroke="{style.ink}"/>']
    for i, col in enumerate(columns):
        h = max(0.0, col.value) / scale_top * plot_h
        x = left + i * slot
        bw = max(slot * 0.72, 1.0)
        y = height - bottom - h
        body.append(f"<g><title>{escape(col.label)}: {escape(col.text or '0')}</title>")
        if col.value > 0:
            body.append(f'<rect x="{x + (slot - bw) / 2:.1f}" y="{y:.1f}" width="{bw:.1f}" '
                        f'height="{h:.1f}" fill="{style.bar}"/>')
        if col.text and (step == 1 or i == peak):
            body.append(_text(x + slot / 2, y - 5, col.text, size=11 if slot > 26 else 9,
                              anchor="middle", style=style))
        if i % step == 0:
            body.append(_text(x + slot / 2, height - bottom + 16, col.label,
                              size=11 if slot > 26 else 9, anchor="middle", fill=style.muted,
                              style=style))
        body.append("</g>")
    if reference is not None:
        y = height - bottom - reference.value / scale_top * plot_h
        body.insert(0, f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - left}" y2="{y:.1f}" '
                       f'stroke="{style.ink}" stroke-width="2" stroke-dasharray="6 4"/>')
        body.append(_text(WIDTH - left, y - 6, reference.label, anchor="end", weight="bold",
                          style=style))
    return _svg(height, body, label)


def _pattern_defs(prefix: str, count: int) -> str:
    """Solid, striped, dotted … fills, so parts differ in black-and-white print too."""
    out = []
    for i in range(count):
        colour, kind = PALETTE[i % len(PALETTE)], PATTERNS[i % len(PATTERNS)]
        pid = f"{prefix}-{i}"
        if kind.startswith("solid"):
            continue
        if kind.startswith("stripes"):
            angle = 45 if kind == "stripes" else -45
            shape = (f'<rect width="8" height="8" fill="#ffffff"/>'
                     f'<rect width="4" height="8" fill="{colour}"/>')
            out.append(f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse" '
                       f'patternTransform="rotate({angle})">{shape}</pattern>')
        elif kind == "dots":
            out.append(f'<pattern id="{pid}" width="7" height="7" patternUnits="userSpaceOnUse">'
                       f'<rect width="7" height="7" fill="#ffffff"/>'
                       f'<circle cx="3.5" cy="3.5" r="2.2" fill="{colour}"/></pattern>')
        else:
            out.append(f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
                       f'<rect width="8" height="8" fill="#ffffff"/>'
                       f'<path d="M0 0L8 8M8 0L0 8" stroke="{colour}" stroke-width="2"/>'
                       f'</pattern>')
    return f"<defs>{''.join(out)}</defs>" if out else ""


def _fill(prefix: str, i: int) -> str:
    kind = PATTERNS[i % len(PATTERNS)]
    if kind == "solid":
        return PALETTE[i % len(PALETTE)]
    if kind == "solid-light":
        return "#ffffff"
    return f"url(#{prefix}-{i})"


def shares(parts: Sequence[Bar], label: str) -> str:
    """One 100 % bar split into parts (languages), each with a pattern and a label below."""
    total = sum(max(0.0, p.value) for p in parts)
    prefix = f"p{next(_ids)}"
    left, bar_h, y = 8, 34, 6
    span = WIDTH - 2 * left
    body: list[str] = []
    x = float(left)
    legend_y = y + bar_h + 22
    for i, part in enumerate(parts):
        w = (max(0.0, part.value) / total * span) if total else 0.0
        body.append(f"<g><title>{escape(part.label)}: {escape(part.text)}</title>")
        body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                    f'fill="{_fill(prefix, i)}" stroke="{INK}" stroke-width="1"/>')
        # the legend repeats the pattern: readable when a part is too thin for its label
        lx = left + (i % 2) * (span / 2)
        ly = legend_y + (i // 2) * 22
        body.append(f'<rect x="{lx:.1f}" y="{ly - 12}" width="22" height="14" '
                    f'fill="{_fill(prefix, i)}" stroke="{INK}" stroke-width="1"/>')
        body.append(_text(lx + 28, ly, f"{part.label}: {part.text}"))
        body.append("</g>")
        x += w
    if not parts:
        body.append(_text(left, y + 22, "–", fill=MUTED))
    height = legend_y + ((len(parts) - 1) // 2 + 1) * 22
    return _svg(height, body, label, _pattern_defs(prefix, len(parts)))
