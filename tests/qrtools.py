"""Grab a real window and read its QR codes back from the pixels (shared by the screen tests).

Typical use in a pytest-qt test::

    image = grab(window)
    for item in qr_items(window.contentItem()):
        assert decode_qr_codes(crop(image, item)) == [item.property("payload")]
"""
from __future__ import annotations

import zxingcpp
from PIL import Image
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem, QQuickWindow


def grab(window: QQuickWindow) -> QImage:
    """The window's pixels as it renders now (works offscreen with the software backend)."""
    return window.grabWindow()


def to_pil(image: QImage) -> Image.Image:
    """A grayscale PIL copy of ``image`` (zxing reads gray fastest and most reliably)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    stride = gray.bytesPerLine()
    data = bytes(gray.constBits())[: stride * gray.height()]
    return Image.frombytes("L", (gray.width(), gray.height()), data, "raw", "L", stride)


def decode_qr_codes(image: QImage | Image.Image) -> list[str]:
    """The texts of all QR codes in ``image``, top to bottom, then left to right."""
    pil = image if isinstance(image, Image.Image) else to_pil(image)
    found = zxingcpp.read_barcodes(pil, formats=zxingcpp.BarcodeFormat.QRCode)
    found.sort(key=lambda code: (code.position.top_left.y, code.position.top_left.x))
    return [code.text for code in found if code.valid]


def qr_items(root: QQuickItem) -> list[QQuickItem]:
    """Every visible item below ``root`` named ``qr_<purpose>`` (the automation contract)."""
    found: list[QQuickItem] = []
    stack = [root]
    while stack:
        item = stack.pop()
        if item.objectName().startswith("qr_") and item.isVisible():
            found.append(item)
        stack.extend(item.childItems())
    return sorted(found, key=lambda item: item.objectName())


def item_rect(item: QQuickItem, image: QImage) -> QRect:
    """The item's area in ``image`` pixels (the grab may be scaled by the device pixel ratio)."""
    scene = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    ratio = image.devicePixelRatio()
    rect = QRectF(scene.x() * ratio, scene.y() * ratio, scene.width() * ratio,
                  scene.height() * ratio)
    return rect.toAlignedRect().intersected(image.rect())


def crop(image: QImage, item: QQuickItem) -> QImage:
    """The part of ``image`` that shows ``item``."""
    return image.copy(item_rect(item, image))
