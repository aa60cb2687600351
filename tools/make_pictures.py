"""Draw the sample pack's pictures: one per activity card and one per job, each its own.

Run from the repository root (only when the pictures or the list below change; the PNG files
are committed, so neither the kiosk nor its tests need this script or the font):

    apt-get install fonts-noto-color-emoji     # or pass --font PATH/NotoColorEmoji.ttf
    python tools/make_pictures.py              # writes episodes/images/{cards,jobs}/<id>.png

A picture shows what the ACTIVITY is (a boomhut: a tree and a hammer), not its work domain: one
big object and a second one on a white sticker, on a BLIQ-coloured background with a spotlight
and a few confetti shapes. Jobs get a person at work (women and men, several skin tones) and
their tool. The objects are glyphs of Noto Color Emoji (Google, SIL Open Font License 1.1;
pictures made with a font are not the font, so they carry no licence of their own) plus two
drawn here (a solar panel and a wind turbine, which the font lacks). Reruns give the same files.
"""
from __future__ import annotations

import argparse
import hashlib
import math
import random
import sys
import tomllib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

REPO = Path(__file__).resolve().parent.parent
PACK_DIR = REPO / "episodes"
FONT = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
EMOJI_PX = 109                      # the only size the font's bitmaps come in
CARD_SIZE = (640, 512)              # a card shows its picture at about 5:4 (1.2–1.3 : 1)
JOB_SIZE = (640, 360)               # a result card shows its picture at 16:9
SCALE = 2                           # drawn at twice the size, then scaled down: smooth edges

# BLIQ's colours (kiosk/ui/qml/components/Theme.qml) and a lighter pink for variety.
PALETTE = ["#FFD23F", "#17D4B4", "#FF6B5A", "#8C6BFF", "#3DA5FF", "#FF8FC7"]
INK = "#0E1633"

SOLAR, TURBINE = "<solar>", "<turbine>"   # drawn, not in the font

# card id → (the big object, the one on the sticker): what you DO, not the domain.
CARDS: dict[str, tuple[str, str]] = {
    "boomhut": ("🌳", "🔨"),
    "laadpaal": ("🔌", "🚙"),
    "fietsremmen": ("🚲", "🔧"),
    "lassen": ("🧑‍🏭", "🔥"),
    "wasbak": ("🔧", "🧼"),
    "computer-bouwen": ("🖥️", "🪛"),
    "boot-aanleggen": ("🛥️", "🪢"),
    "zonnepanelen-dak": (SOLAR, "🏠"),
    "scooter-start": ("🛵", "❓"),
    "verwarming-koud": ("🥶", "🌡️"),
    "wifi": ("🛜", "🔍"),
    "scheepsmotor": ("🚢", "📈"),
    "vochtige-muur": ("🧱", "💧"),
    "stroom-meten": ("⚡", "📊"),
    "las-testen": ("⛓️", "💪"),
    "app-vastlopen": ("📱", "🐛"),
    "zolderkamer": ("🛋️", "📐"),
    "game-level": ("🎮", "🏰"),
    "bus-wrap": ("🚌", "🎨"),
    "metalen-lamp": ("💡", "✏️"),
    "lichtshow": ("🪩", "🌈"),
    "badkamer-ontwerp": ("🛁", "🖌️"),
    "veerboot-logo": ("⛴️", "🖍️"),
    "schoolfilmpje": ("🎥", "🏫"),
    "warmtepomp-uitleggen": ("♨️", "💬"),
    "zonnepanelen-advies": ("🧑🏽‍💼", "☀️"),
    "laptop-helpen": ("💻", "🔐"),
    "auto-uitleggen": ("🚘", "👍"),
    "steiger-uitleggen": ("👷‍♀️", "🪜"),
    "lasmachine-uitleggen": ("👩🏾‍🏫", "🎓"),
    "passagiers-helpen": ("🧳", "⛴️"),
    "warm-water": ("🚿", "❄️"),
    "bouwplaats-leiden": ("🏗️", "📋"),
    "schip-leiding": ("🧑‍✈️", "🚢"),
    "buurt-energie": ("🏘️", "☀️"),
    "robot-demo": ("🤖", "📣"),
    "klus-regelen": ("📞", "🗓️"),
    "fietsenwinkel": ("🏪", "🚲"),
    "app-team": ("👩🏻‍💻", "🚀"),
    "windpark": (TURBINE, "🏗️"),
    "nameten": ("📏", "🔩"),
    "bouwtekening": ("📐", "🏢"),
    "leidingschema": ("🗺️", "💧"),
    "checklist-schip": ("📋", "⚓"),
    "zonnestroom-bijhouden": (SOLAR, "📈"),
    "auto-keuren": ("🚗", "✅"),
    "bestanden-ordenen": ("🗂️", "📁"),
    "onderhoud-plannen": ("⚙️", "🗓️"),
}

# job id → (a person at work, their tool): women and men, several skin tones.
JOBS: dict[str, tuple[str, str]] = {
    "timmerman": ("🧑🏻‍🔧", "🪚"),
    "schilder": ("👩🏽‍🎨", "🖌️"),
    "meubelmaker": ("👨‍🔧", "🪑"),
    "dakdekker": ("👷🏾‍♂️", "🏠"),
    "bouwkundig-tekenaar": ("👩‍💻", "📐"),
    "uitvoerder-bouw": ("👷‍♀️", "📋"),
    "elektromonteur": ("👩🏾‍🔧", "⚡"),
    "installatiemonteur": ("👨🏼‍🔧", "🚰"),
    "monteur-warmtepompen": ("🧑🏽‍🔧", "🌡️"),
    "servicemonteur-aan-huis": ("👩‍🔧", "🏠"),
    "monteur-zonnepanelen": ("👷🏻‍♀️", SOLAR),
    "netwerkmonteur": ("👷🏿‍♂️", "🔌"),
    "lasser": ("👩🏽‍🏭", "🔩"),
    "cnc-operator": ("👩🏼‍🏭", "⚙️"),
    "cnc-programmeur": ("👨🏽‍💻", "⚙️"),
    "mechatronicus": ("👩🏾‍🔬", "🦾"),
    "onderhoudsmonteur": ("🧑‍🔧", "🏭"),
    "test-meettechnicus": ("👩‍🔬", "📏"),
    "servicemonteur-windturbines": ("👷🏽‍♀️", TURBINE),
    "procesoperator": ("👩🏻‍🏭", "🎛️"),
    "energieadviseur": ("🧑🏾‍💼", "💡"),
    "storingsmonteur": ("👷🏼‍♀️", "🔦"),
    "automonteur": ("👩🏽‍🔧", "🚗"),
    "truck-technicus": ("🧑🏿‍🔧", "🚚"),
    "fietstechnicus": ("👨🏻‍🔧", "🚲"),
    "autoschadehersteller": ("🧑🏼‍🎨", "🚙"),
    "vliegtuigtechnicus": ("👩🏿‍🔧", "✈️"),
    "werkplaatschef": ("🧑🏽‍💼", "🔧"),
    "mediavormgever": ("👩‍🎨", "🖥️"),
    "ict-beheerder": ("👨🏾‍💻", "🔐"),
    "software-developer": ("👩🏻‍💻", "⌨️"),
    "game-developer": ("🧑🏽‍💻", "🎮"),
    "av-technicus": ("🧑🏿‍💻", "🎚️"),
    "softwaretester": ("👩🏽‍💻", "🐞"),
    "servicedesk-ict": ("👩🏼‍💼", "🎧"),
    "matroos": ("🧑🏾", "🛟"),
    "scheepswerktuigkundige": ("👩🏻‍🔧", "🚢"),
    "kapitein-binnenvaart": ("👩🏾‍✈️", "🧭"),
}


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def seed_of(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")


class Glyphs:
    """Emoji (and the two drawn objects) as RGBA images of a wanted height."""

    def __init__(self, font_path: Path) -> None:
        self.font = ImageFont.truetype(str(font_path), EMOJI_PX)

    def glyph(self, text: str, height: int) -> Image.Image:
        if text == SOLAR:
            return solar_panel(height)
        if text == TURBINE:
            return wind_turbine(height)
        layer = Image.new("RGBA", (EMOJI_PX * 3, EMOJI_PX * 2), (0, 0, 0, 0))
        ImageDraw.Draw(layer).text((EMOJI_PX // 2, EMOJI_PX // 4), text, font=self.font,
                                   embedded_color=True)
        box = layer.getbbox()
        if box is None or box[2] - box[0] > EMOJI_PX * 1.6:
            # nothing drawn, or a sequence the font does not join (two glyphs side by side)
            raise SystemExit(f"the font has no single glyph for {text!r}")
        glyph = layer.crop(box)
        w = round(glyph.width * height / glyph.height)
        return glyph.resize((w, height), Image.Resampling.LANCZOS)


def solar_panel(height: int) -> Image.Image:
    """A tilted blue panel of 4 x 3 cells on a stand."""
    s = 4
    w, h = round(height * 1.25) * s, height * s
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rectangle((w * 0.47, h * 0.62, w * 0.53, h * 0.98), fill="#5A6378")
    d.rectangle((w * 0.32, h * 0.93, w * 0.68, h * 0.99), fill="#5A6378")
    frame = [(w * 0.16, h * 0.06), (w * 0.96, h * 0.06), (w * 0.84, h * 0.72), (w * 0.04, h * 0.72)]
    d.polygon(frame, fill="#DDE3F0")
    inner = [(w * 0.19, h * 0.1), (w * 0.92, h * 0.1), (w * 0.81, h * 0.68), (w * 0.08, h * 0.68)]
    d.polygon(inner, fill="#1D4FA8")
    (x0, y0), (x1, _), (x2, y2), (x3, _) = inner
    for i in range(1, 4):       # column lines, following the tilt
        t = i / 4
        d.line([(x0 + (x1 - x0) * t, y0), (x3 + (x2 - x3) * t, y2)], fill="#9CC3FF", width=s * 3)
    for j in range(1, 3):       # row lines
        t = j / 3
        d.line([(x0 + (x3 - x0) * t, y0 + (y2 - y0) * t), (x1 + (x2 - x1) * t, y0 + (y2 - y0) * t)],
               fill="#9CC3FF", width=s * 3)
    d.polygon([(x0 + 6 * s, y0 + 4 * s), (x0 + (x1 - x0) * 0.3, y0 + 4 * s),
               (x0 + (x1 - x0) * 0.18, y0 + (y2 - y0) * 0.3)], fill=(255, 255, 255, 90))
    return im.resize((w // s, h // s), Image.Resampling.LANCZOS)


def wind_turbine(height: int) -> Image.Image:
    """A white tower with three broad blades, outlined in BLIQ's ink so it shows on white too."""
    s = 4
    w, h = height * s, height * s
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    line = dict(outline=INK, width=s * 5)
    cx, cy = w * 0.5, h * 0.36
    d.polygon([(cx - w * 0.03, cy), (cx + w * 0.03, cy), (cx + w * 0.055, h * 0.985),
               (cx - w * 0.055, h * 0.985)], fill="#F4F6FB", **line)
    blade = h * 0.34
    for k in range(3):
        a = math.radians(-90 + 120 * k + 20)
        ux, uy = math.cos(a), math.sin(a)          # along the blade
        vx, vy = -uy, ux                            # across it
        pts = [(cx + vx * w * 0.035, cy + vy * w * 0.035),
               (cx + ux * blade * 0.35 + vx * w * 0.1, cy + uy * blade * 0.35 + vy * w * 0.1),
               (cx + ux * blade, cy + uy * blade),
               (cx + ux * blade * 0.3 - vx * w * 0.015, cy + uy * blade * 0.3 - vy * w * 0.015),
               (cx - vx * w * 0.02, cy - vy * w * 0.02)]
        d.polygon(pts, fill="#FFFFFF", **line)
    r = w * 0.065
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill="#DDE3F0", **line)
    return im.resize((w // s, h // s), Image.Resampling.LANCZOS)


def shadow_of(glyph: Image.Image, blur: float) -> Image.Image:
    alpha = glyph.getchannel("A").point(lambda a: a * 0.35)
    shade = Image.new("RGBA", glyph.size, rgb(INK) + (0,))
    shade.putalpha(alpha)
    pad = round(blur * 3)
    out = Image.new("RGBA", (glyph.width + 2 * pad, glyph.height + 2 * pad), (0, 0, 0, 0))
    out.alpha_composite(shade, (pad, pad))
    return out.filter(ImageFilter.GaussianBlur(blur))


def picture(glyphs: Glyphs, name: str, main: str, sticker: str, size: tuple[int, int],
            colour_index: int, sticker_low: bool, mirrored: bool = False) -> Image.Image:
    """One picture: background, spotlight, confetti, the big object, the sticker."""
    rnd = random.Random(seed_of(name))
    w, h = size[0] * SCALE, size[1] * SCALE
    base = rgb(PALETTE[colour_index % len(PALETTE)])
    im = Image.new("RGBA", (w, h), base + (255,))
    d = ImageDraw.Draw(im)
    # a spotlight behind the big object: it stands out at a glance, even small
    cx, cy = w * (0.58 if mirrored else 0.42), h * 0.54
    r = h * 0.46
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=mix(base, (255, 255, 255), 0.38))
    # confetti in the corners, like the clips' thumbnails (never over the middle)
    for _ in range(6):
        while True:
            x, y = rnd.uniform(0.04, 0.96) * w, rnd.uniform(0.06, 0.94) * h
            if abs(x - cx) > r * 1.05 or abs(y - cy) > r * 0.95:
                break
        k = rnd.uniform(0.035, 0.06) * h
        tone = mix(base, rgb(INK), 0.25) if rnd.random() < 0.5 else mix(base, (255, 255, 255), 0.55)
        shape = rnd.choice(("square", "ring", "dot"))
        if shape == "square":
            sq = Image.new("RGBA", (round(k * 2), round(k * 2)), (0, 0, 0, 0))
            ImageDraw.Draw(sq).rectangle((0, 0, k * 2, k * 2), fill=tone)
            sq = sq.rotate(rnd.uniform(0, 90), expand=True, resample=Image.Resampling.BICUBIC)
            im.alpha_composite(sq, (round(x - sq.width / 2), round(y - sq.height / 2)))
        elif shape == "ring":
            d.ellipse((x - k, y - k, x + k, y + k), outline=tone, width=round(k * 0.45))
        else:
            d.ellipse((x - k * 0.7, y - k * 0.7, x + k * 0.7, y + k * 0.7), fill=tone)
    # the big object, with a soft shadow
    big = glyphs.glyph(main, round(h * 0.62))
    bx, by = round(cx - big.width / 2), round(cy - big.height / 2)
    sh = shadow_of(big, h * 0.012)
    pad = (sh.width - big.width) // 2
    im.alpha_composite(sh, (bx - pad + round(h * 0.012), by - pad + round(h * 0.02)))
    im.alpha_composite(big, (bx, by))
    # the second object on a white sticker beside the big one: top right on a card (the card's
    # speaker button sits bottom right); on a job level with the person's face, so a narrow
    # band of the picture (the duo's result) still shows both (the rank badge sits top right)
    sr = h * 0.2
    sx = min(w * 0.76, w * 0.42 + r * 0.95 + sr * 0.2)
    sx = w - sx if mirrored else sx
    sy = cy + h * (0.04 if sticker_low else -0.17)
    sticker_im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    sd = ImageDraw.Draw(sticker_im)
    sd.ellipse((sx - sr, sy - sr + h * 0.012, sx + sr, sy + sr + h * 0.012),
               fill=rgb(INK) + (70,))
    sd.ellipse((sx - sr, sy - sr, sx + sr, sy + sr), fill="#FFFFFF")
    im.alpha_composite(sticker_im)
    small = glyphs.glyph(sticker, round(sr * 1.2))
    im.alpha_composite(small, (round(sx - small.width / 2), round(sy - small.height / 2)))
    return im.convert("RGB").resize(size, Image.Resampling.LANCZOS)


def family(glyph: str) -> str:
    """What a glance sees of an object: a mechanic is a mechanic, whoever it is."""
    plain = "".join(ch for ch in glyph if not ("\U0001F3FB" <= ch <= "\U0001F3FF")
                    and ch not in "\u200d\ufe0f\u2640\u2642")
    for person in "👩👨🧑":
        plain = plain.replace(person, "person")
    return plain


def looks(table: dict[str, tuple[str, str]], wish: dict[str, int]
          ) -> list[tuple[str, tuple[str, str], int, bool]]:
    """A background colour and a side for each picture, so that two of the same kind of object
    (a dozen mechanics among the jobs) never share both; otherwise the colour ``wish`` asks."""
    used: dict[str, list[int]] = {}
    out = []
    for item_id, objects in table.items():
        seen = used.setdefault(family(objects[0]), [])
        colour = min(range(len(PALETTE)), key=lambda c: (
            seen.count(c), (c - wish[item_id]) % len(PALETTE)))
        out.append((item_id, objects, colour, seen.count(colour) % 2 == 1))
        seen.append(colour)
    return out


def save(im: Image.Image, path: Path) -> int:
    """A 256-colour PNG: flat colours and cartoon objects lose nothing visible, and the files
    stay around 20–40 KB."""
    path.parent.mkdir(parents=True, exist_ok=True)
    q = im.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    q.save(path, optimize=True)
    return path.stat().st_size


def listed_ids(file: str, key: str) -> list[str]:
    return [item["id"] for item in tomllib.loads((PACK_DIR / file).read_text("utf-8"))[key]]


def card_colours() -> dict[str, int]:
    """The game asks two cards of every type first, one type after the other, then more of the
    types that fit: colour = (type + the card's place among its type), so the cards that follow
    each other in a game rarely share a colour."""
    cards = tomllib.loads((PACK_DIR / "cards.toml").read_text("utf-8"))["cards"]
    types = list(dict.fromkeys(card["type"] for card in cards))
    places: dict[str, int] = {}
    wish = {}
    for card in cards:
        place = places[card["type"]] = places.get(card["type"], -1) + 1
        wish[card["id"]] = (types.index(card["type"]) + place) % len(PALETTE)
    return wish


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--font", type=Path, default=FONT)
    p.add_argument("--out", type=Path, default=PACK_DIR / "images")
    args = p.parse_args()
    if not args.font.is_file():
        print(f"{args.font}: not found (apt-get install fonts-noto-color-emoji)", file=sys.stderr)
        return 1
    for ids, table, file in ((listed_ids("cards.toml", "cards"), CARDS, "cards.toml"),
                             (listed_ids("jobs.toml", "jobs"), JOBS, "jobs.toml")):
        missing, extra = set(ids) - set(table), set(table) - set(ids)
        if missing or extra:
            print(f"{file}: pictures missing for {sorted(missing)}, unknown ids {sorted(extra)}",
                  file=sys.stderr)
            return 1
    pairs = list(CARDS.values()) + list(JOBS.values())
    if len(set(pairs)) != len(pairs):
        print("two pictures would show the same two objects", file=sys.stderr)
        return 1
    glyphs = Glyphs(args.font)
    total = 0
    job_colours = {job_id: n % len(PALETTE) for n, job_id in enumerate(JOBS)}
    for kind, table, size, wish in (("cards", CARDS, CARD_SIZE, card_colours()),
                                    ("jobs", JOBS, JOB_SIZE, job_colours)):
        for item_id, (main_obj, sticker), colour, mirrored in looks(table, wish):
            im = picture(glyphs, f"{kind}/{item_id}", main_obj, sticker, size, colour,
                         sticker_low=kind == "jobs", mirrored=mirrored)
            total += save(im, args.out / kind / f"{item_id}.png")
    print(f"{len(CARDS)} card and {len(JOBS)} job pictures, {total / 1024:.0f} KB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
