"""QR images (qrcode + pillow) served to QML as ``image://qr/<percent-encoded payload>``.

Codes are always dark on light whatever the theme (phones read inverted codes badly), with
a quiet zone of at least ``qr_border_modules`` and a whole number of pixels per module, so
every module edge is sharp on screen.
"""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING
from urllib.parse import unquote

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

from kiosk.config import DEFAULT, Config

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

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


def to_qimage(image: Image.Image) -> QImage:
    """A QImage that owns a copy of a grayscale PIL image's pixels."""
    gray = image.convert("L")
    data = gray.tobytes()
    return QImage(data, gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8).copy()


class QrImageProvider(QQuickImageProvider):
    """Serves ``image://qr/<encodeURIComponent(payload)>`` at the size QML asks for.

    Rendered codes are kept in a small LRU cache: the same codes come back screen after screen.
    """

    def __init__(self, config: Config = DEFAULT) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._config = config
        self._cache: OrderedDict[tuple[str, int], QImage] = OrderedDict()
        self._lock = threading.Lock()  # Qt may ask from its image loader thread
        self.hits = 0
        self.misses = 0

    def requestImage(self, id: str, size: QSize, requestedSize: QSize) -> QImage:  # noqa: N802,A002
        """Qt's entry point; the id arrives partly percent-decoded, so decode it once more.

        Qt never decodes ``%25``, so a literal ``%`` in the payload survives this.
        """
        payload = unquote(id)
        sides = [s for s in (requestedSize.width(), requestedSize.height()) if s > 0]
        side = min(sides) if sides else self._config.qr_px_at_1080
        image = self.image(payload, side)
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image

    def image(self, payload: str, side: int) -> QImage:
        """The code for ``payload`` at ``side`` px, from the cache when it is there."""
        key = (payload, side)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                self.hits += 1
                return cached
        try:
            image = to_qimage(render_qr(payload, side, self._config))
        except ValueError as error:
            # A link that cannot be drawn shows as a blank light square, never a broken image.
            log.error("QR code not drawn (%s): %r", error, payload)
            image = QImage(side, side, QImage.Format.Format_Grayscale8)
            image.fill(LIGHT)
        with self._lock:
            self.misses += 1
            self._cache[key] = image
            while len(self._cache) > self._config.qr_cache_entries:
                self._cache.popitem(last=False)
        return image

    def cached(self) -> int:
        """How many codes are cached now."""
        with self._lock:
            return len(self._cache)
