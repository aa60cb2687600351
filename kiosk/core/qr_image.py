"""QR code pictures (qrcode + pillow), no Qt: the screens and ``kiosk preflight`` draw the same.

Codes are always dark on light whatever the theme (phones read inverted codes badly), with
a quiet zone of at least ``qr_border_modules`` and a whole number of pixels per module, so
every module edge is sharp on screen.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from kiosk.config import QrConfig

if TYPE_CHECKING:
    from PIL import Image

DARK = 0
LIGHT = 255
# qrcode and pillow load on the first code drawn, not at start-up (attract shows none).
_LEVELS = {"L": "ERROR_CORRECT_L", "M": "ERROR_CORRECT_M", "Q": "ERROR_CORRECT_Q",
           "H": "ERROR_CORRECT_H"}


def qr_size_px(screen_short_side_px: int, config: QrConfig) -> int:
    """Side of a QR code on a screen: ``qr_px_at_1080`` at 1080 px, scaled, with a floor."""
    qr = config
    scaled = round(qr.qr_px_at_1080 * screen_short_side_px / qr.qr_reference_short_side_px)
    return max(config.qr_min_px, scaled)


def qr_modules(payload: str, config: QrConfig) -> list[list[bool]]:
    """The module matrix of ``payload``, quiet zone included (True = dark).

    The last codes' matrices are remembered: qrcode tries all eight masks in pure Python,
    0.1–0.4 s on the kiosk's machine, and a swipe to the next clip waited that long for its
    code. The player works the next clip's code out ahead (kiosk.ui.playback)."""
    return [list(row) for row in _matrix(payload, config.qr_error_correction,
                                         config.qr_border_modules)]


def qr_modules_ready(payload: str, config: QrConfig) -> bool:
    """Whether ``payload``'s matrix is remembered (drawing it then costs no mask search)."""
    key = (payload, config.qr_error_correction, config.qr_border_modules)
    with _matrix_lock:
        return key in _matrices


_matrices: OrderedDict[tuple[str, str, int], tuple[tuple[bool, ...], ...]] = OrderedDict()
_matrix_lock = threading.Lock()   # the player's helper thread and Qt's image loader share it
_MATRICES_KEPT = 64


def _matrix(payload: str, level: str, border: int) -> tuple[tuple[bool, ...], ...]:
    key = (payload, level, border)
    with _matrix_lock:
        if key in _matrices:
            _matrices.move_to_end(key)
            return _matrices[key]
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(
        version=None,  # the smallest version that holds the payload: fewer, bigger modules
        error_correction=getattr(qrcode.constants, _LEVELS[level]),
        box_size=1,
        border=border,
    )
    code.add_data(payload)
    code.make(fit=True)
    matrix = tuple(tuple(row) for row in code.get_matrix())
    with _matrix_lock:
        _matrices[key] = matrix
        while len(_matrices) > _MATRICES_KEPT:
            _matrices.popitem(last=False)
    return matrix


def render_qr(payload: str, size_px: int, config: QrConfig) -> Image.Image:
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
