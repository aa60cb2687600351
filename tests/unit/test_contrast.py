"""Text on its background: at least 4.5:1, large text 3:1 (WCAG 2.x contrast ratio).

The colours are read from the QML files themselves (Theme.qml and the overlays the screens
draw), so a change of colour there is checked here. Text over video is checked against the
worst frame: the overlay over pure white and over pure black, whichever gives less contrast.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

QML = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "qml"
NORMAL, LARGE = 4.5, 3.0


def theme() -> dict[str, str]:
    text = (QML / "components" / "Theme.qml").read_text(encoding="utf-8")
    return dict(re.findall(r'readonly property color (\w+): "(#[0-9A-Fa-f]{6})"', text))


def overlay(file: str, after: str) -> str:
    """The first ``#AARRGGBB`` set by a ``color:`` line in ``file`` after the text ``after``
    (a binding such as ``color: beside ? "transparent" : "#D90E1633"`` gives its colour)."""
    text = (QML / file).read_text(encoding="utf-8")
    start = text.index(after)
    match = re.search(r'color: [^\n]*?"(#[0-9A-Fa-f]{6,8})"', text[start:])
    assert match, f"no colour after {after!r} in {file}"
    return match.group(1)


def rgba(colour: str) -> tuple[float, float, float, float]:
    h = colour.lstrip("#")
    alpha = int(h[:2], 16) / 255 if len(h) == 8 else 1.0
    h = h[2:] if len(h) == 8 else h
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b, alpha


def over(top: str, below: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b, a = rgba(top)
    return (r * a + below[0] * (1 - a), g * a + below[1] * (1 - a), b * a + below[2] * (1 - a))


def luminance(rgb: tuple[float, float, float]) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(fg: tuple[float, float, float], bg: tuple[float, float, float]) -> float:
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def solid(colour: str) -> tuple[float, float, float]:
    r, g, b, _ = rgba(colour)
    return r, g, b


def lighter(colour: str, factor: float) -> str:
    """Qt.lighter for these colours: the HSV value times ``factor`` (capped at 1)."""
    r, g, b = solid(colour)
    scale = min(factor, 1 / max(r, g, b))
    return "#" + "".join(f"{round(c * scale * 255):02X}" for c in (r, g, b))


def pairs() -> list[tuple[str, str, float, float]]:
    """(what, where, needed, measured) for every text colour on every background it is drawn on."""
    t = theme()
    white, black = (1.0, 1.0, 1.0), (0.0, 0.0, 0.0)
    rows: list[tuple[str, str, float, float]] = []

    def add(what: str, fg: str, bg_name: str, bg: tuple[float, float, float] | list, need: float) -> None:
        backgrounds = bg if isinstance(bg, list) else [bg]
        rows.append((what, bg_name, need, min(ratio(solid(fg), b) for b in backgrounds)))

    for name in ("text", "textDim", "accent", "teal"):
        add(f"{name} (body text)", t[name], "background", solid(t["background"]), NORMAL)
        add(f"{name} (body text)", t[name], "surface (cards, buttons)", solid(t["surface"]), NORMAL)
    for name in ("coral", "violet", "sky"):     # headings only ("Niks voor jou?", "Speler 2")
        add(f"{name} (large text)", t[name], "background", solid(t["background"]), LARGE)
        add(f"{name} (large text)", t[name], "surface", solid(t["surface"]), LARGE)
    for name in ("accent", "teal", "coral", "violet", "sky"):
        add("inkOnAccent (buttons, tiles, chips, badges)", t["inkOnAccent"], name, solid(t[name]), NORMAL)
    tile = (QML / "components" / "Tile.qml").read_text(encoding="utf-8")
    faded = re.search(r"id: subText[^}]*?opacity: ([0-9.]+)", tile)
    dim = float(faded.group(1)) if faded else 1.0
    for name in ("accent", "teal", "coral", "violet", "sky"):   # a home/game tile's subtitle
        ink = f"#{round(dim * 255):02X}" + t["inkOnAccent"].lstrip("#")
        rows.append(("tile subtitle (inkOnAccent, faded)", name, NORMAL,
                     ratio(over(ink, solid(t[name])), solid(t[name]))))
    offers = lighter(t["surface"], 1.35)        # a company tile that offers the chosen job
    for name in ("text", "textDim", "accent"):
        add(f"{name} on a highlighted company tile", t[name], "lighter(surface)", solid(offers), NORMAL)
    video = [white, black]
    caption = overlay("screens/Player.qml", 'objectName: "captionBox"')
    add("captions (white) over video", "#FFFFFF", f"{caption} over any frame",
        [over(caption, v) for v in video], NORMAL)
    duration = overlay("components/EpisodeTile.qml", "anchors { right: parent.right; bottom: parent.bottom")
    add("duration badge (white) over a thumbnail", "#FFFFFF", f"{duration} over any picture",
        [over(duration, v) for v in video], NORMAL)
    still = overlay("StillThereOverlay.qml", 'objectName: "stillThereOverlay"')
    for name in ("text", "textDim", "accent"):
        add(f"{name} on 'Ben je er nog?'", t[name], f"{still} over any screen",
            [over(still, v) for v in video], NORMAL)
    pin = overlay("PinPad.qml", 'objectName: "adminPin"')
    for name in ("text", "accent", "coral"):
        add(f"{name} on the PIN pad", t[name], f"{pin} over any screen", [over(pin, v) for v in video], NORMAL)
    nextup = overlay("components/NextUpCard.qml", 'objectName: "nextUpCard"')
    for name in ("text", "textDim", "accent"):
        add(f"{name} on the end card", t[name], f"{nextup} over the last frame",
            [over(nextup, v) for v in video], NORMAL)
    qr_label = overlay("components/QrCode.qml", "id: caption")
    add("QR code label", qr_label, "white card", white, NORMAL)
    return rows


def table() -> str:
    """The contrast table as markdown (for the issue note)."""
    lines = ["| text | on | needed | measured |", "|---|---|---|---|"]
    lines += [f"| {w} | {b} | {n:.1f}:1 | {m:.2f}:1 |" for w, b, n, m in pairs()]
    return "\n".join(lines)


@pytest.mark.parametrize(("what", "background", "needed", "measured"), pairs(),
                         ids=[f"{w}|{b}" for w, b, _, _ in pairs()])
def test_text_contrast(what: str, background: str, needed: float, measured: float) -> None:
    assert measured >= needed, f"{what} on {background}: {measured:.2f}:1, needs {needed}:1"


def test_the_check_can_fail() -> None:
    assert ratio(solid("#777777"), solid("#888888")) < LARGE
    assert round(ratio((1.0, 1.0, 1.0), (0.0, 0.0, 0.0)), 1) == 21.0


if __name__ == "__main__":
    print(table())
