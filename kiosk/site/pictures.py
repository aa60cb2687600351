"""Pictures of the take-home pages, made with Pillow at build time (no Qt).

Phone-sized copies of the pack's pictures (a phone on 3G should not fetch a 4K still), and an
Open Graph card per job and per episode (1200×630, what WhatsApp and Instagram show for a
pasted link): the picture on the left, the title and the role model on the right.
"""
from __future__ import annotations

import io
import logging
from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

from kiosk.paths import asset

log = logging.getLogger("kiosk.site")

OG_SIZE = (1200, 630)
PAGE_WIDTH = 640          # wide enough for a 430 px phone at 1.5× pixels
LOGO_SIZE = 112           # shown at 56 px
NAVY, YELLOW, WHITE, DIM = "#0e1633", "#ffd23f", "#ffffff", "#b8c0e0"


def _jpeg(image: Image.Image, quality: int = 80, small: bool = True) -> bytes:
    """``small``: optimised, progressive (for phones on 3G; about twice the encoding time)."""
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=quality, optimize=small, progressive=small)
    return out.getvalue()


def _open(path: Path) -> Image.Image | None:
    """The picture at ``path``, or None (logged) when Pillow cannot read it."""
    try:
        with Image.open(path) as image:
            image.load()
            return ImageOps.exif_transpose(image) or image
    except (OSError, ValueError) as exc:
        log.warning("site: cannot read picture %s: %s", path, exc)
        return None


def page_picture(path: Path) -> bytes | None:
    """A JPEG at most PAGE_WIDTH wide (never enlarged), or None when the file is unusable."""
    image = _open(path)
    if image is None:
        return None
    image.thumbnail((PAGE_WIDTH, PAGE_WIDTH * 2))
    return _jpeg(image)


def logo(path: Path) -> bytes | None:
    """A company logo as a small PNG (transparency kept), or None."""
    image = _open(path)
    if image is None:
        return None
    image.thumbnail((LOGO_SIZE, LOGO_SIZE))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def icon(path: Path) -> bytes | None:
    """The browser tab's icon (64 px PNG); None when the brand picture is not installed."""
    image = _open(path) if path.is_file() else None
    if image is None:
        return None
    image.thumbnail((64, 64))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _font(weight: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(str(asset("fonts", f"Inter-{weight}.otf")), size)
    except OSError:  # an install without the fonts: Pillow's own still draws readable text
        return ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
          width: int, max_lines: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,") + "…"
    return lines


def og_card(title: str, subtitle: str, picture: Path | None, colour: str, brand: str) -> bytes:
    """The Open Graph picture: ``picture`` (or ``colour`` with the title's first letter) left,
    the title and ``subtitle`` right, the campaign's name at the top."""
    w, h = OG_SIZE
    card = Image.new("RGB", OG_SIZE, NAVY)
    draw = ImageDraw.Draw(card)
    side = h
    image = _open(picture) if picture is not None else None
    if image is not None:
        # the whole picture (a video still is wider than the square) on a blurred, darker copy
        # of itself: a role model's name on the still is never cut off
        rgb = image.convert("RGB")
        fill = ImageOps.fit(rgb, (side, side)).filter(ImageFilter.GaussianBlur(24))
        card.paste(ImageEnhance.Brightness(fill).enhance(0.55), (0, 0))
        whole = ImageOps.contain(rgb, (side, side))
        card.paste(whole, ((side - whole.width) // 2, (side - whole.height) // 2))
    else:
        draw.rectangle((0, 0, side, side), fill=colour)
        big = _font("Black", 380)
        letter = (title[:1] or "?").upper()
        draw.text((side // 2, side // 2), letter, font=big, fill=WHITE, anchor="mm")
    x, text_w = side + 48, w - side - 96
    draw.text((x, 56), brand, font=_font("Black", 40), fill=YELLOW)
    title_font = _font("Black", 64)
    y = 150
    for line in _wrap(draw, title, title_font, text_w, 3):
        draw.text((x, y), line, font=title_font, fill=WHITE)
        y += 78
    sub_font = _font("SemiBold", 36)
    for line in _wrap(draw, subtitle, sub_font, text_w, 3):
        y += 8
        draw.text((x, y + 16), line, font=sub_font, fill=DIM)
        y += 44
    draw.rectangle((side, h - 16, w, h), fill=YELLOW)
    # fetched once by a chat app's preview robot, not by the phone: encoding speed first
    return _jpeg(card, 85, small=False)
