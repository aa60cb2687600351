"""QR images served to QML as ``image://qr/<percent-encoded payload>``.

The pictures are drawn by ``kiosk.core.qr_image`` (also used by ``kiosk preflight``); this
module turns them into QImages and caches them for Qt Quick.
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

from kiosk.config import QrConfig
from kiosk.core.qr_image import LIGHT, render_qr

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)


def to_qimage(image: Image.Image) -> QImage:
    """A QImage that owns a copy of a grayscale PIL image's pixels."""
    gray = image.convert("L")
    data = gray.tobytes()
    return QImage(data, gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8).copy()


class QrImageProvider(QQuickImageProvider):
    """Serves ``image://qr/<encodeURIComponent(payload)>`` at the size QML asks for.

    Rendered codes are kept in a small LRU cache: the same codes come back screen after screen.
    """

    def __init__(self, config: QrConfig) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._config = config
        self._cache: OrderedDict[tuple[str, int], QImage] = OrderedDict()
        self._lock = threading.Lock()  # Qt may ask from its image loader thread
        self.hits = 0
        self.misses = 0

    def requestImage(self, id: str, size: QSize, requestedSize: QSize) -> QImage:
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
