"""QR code pictures (qrcode + pillow), no Qt: the screens and ``kiosk preflight`` draw the same.

Codes are always dark on light whatever the theme (phones read inverted codes badly), with
a quiet zone of at least ``qr_border_modules`` and a whole number of pixels per module, so
every module edge is sharp on screen.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.config import DEFAULT, Config

if TYPE_CHECKING:
    from PIL import Image

DARK = 0
LIGHT = 255
# qrcode and pillow load on the first code drawn, not at start-up (attract shows none).
_LEVELS = {"L": "ERROR_CORRECT_L", "M": "ERROR_CORRECT_M", "Q": "ERROR_CORRECT_Q",
           "H": "ERROR_CORRECT_H"}


def qr_size_px(screen_short_side_px: int, config: Config = DEFAULT) -> int:
    """Side of a QR code on a screen: ``qr_px_at_1080`` at 1080 px, scaled, with a floor."""
    scaled = round(config.qr_px_at_1080 * screen_short_side_px / config.qr_reference_short_side_px)
    return max(config.qr_min_px, scaled)


def qr_modules(payload: str, config: Config = DEFAULT) -> list[list[bool]]:
    """The module matrix of ``payload``, quiet zone included (True = dark)."""
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(
        version=None,  # the smallest version that holds the payload: fewer, bigger modules
        error_correction=getattr(qrcode.constants, _LEVELS[config.qr_error_correction]),
        box_size=1,
        border=config.qr_border_modules,
    )
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()


def render_qr(payload: str, size_px: int, config: Config = DEFAULT) -> Image.Image:
    """A ``size_px`` square grayscale image of ``payload``'s QR code.

    Each module is a whole number of pixels (nearest-neighbour scaling); what is left over
    goes to the light margin, so the quiet zone only grows. Raises ValueError when the
    payload is empty or needs more modules than ``size_px`` has pixels.
    """
    from PIL import Image

    if not payload:
        raise ValueError("empty QR payload")
    matrix = qr_modules(payload, config)
    modules = len(matrix)
    module_px = size_px // modules
    if module_px < 1:
        raise ValueError(f"QR code needs {modules} modules, more than {size_px} px")
    small = Image.frombytes(
        "L", (modules, modules), bytes(DARK if dark else LIGHT for row in matrix for dark in row)
    )
    code = small.resize((modules * module_px,) * 2, Image.Resampling.NEAREST)
    image = Image.new("L", (size_px, size_px), LIGHT)
    offset = (size_px - code.width) // 2
    image.paste(code, (offset, offset))
    return image
