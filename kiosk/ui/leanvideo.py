"""``LeanVideo``: the video item of the lean render mode (Qt Quick's software backend).

``VideoOutput`` draws through the GPU scene graph only; on the software backend it shows
nothing. This item takes frames through its own ``videoSink`` (the player sends them exactly as
it does to a ``VideoOutput``), converts each one straight to its on-screen size
(:class:`kiosk.media.scaler.FrameScaler`) and paints it 1:1, fitted (``PreserveAspectFit``) and
upright. One frame in, one paint, one frame swapped: nothing redraws between video frames.
"""
from __future__ import annotations

from PySide6.QtCore import Property, QObject, QPointF, QRect, QRectF, QSize, QSizeF, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtMultimedia import QVideoFrame, QVideoSink
from PySide6.QtQuick import QQuickItem, QQuickPaintedItem

from kiosk.media.scaler import FrameScaler, is_mirrored, rotation_degrees

SIDES_FROM = 0.92                    # the picture fills less than this of a side: fill the sides
SIDES_PIXELS = 24                    # the sides' copy is this small across (the blur)
SIDES_SHADE = QColor(0, 0, 0, 166)   # darkened as in full mode: the clip stays the star


def fitted(shown: QSizeF, box: QRectF) -> QRectF:
    """``shown`` scaled to fit ``box`` (aspect kept), centred in it; empty for an empty size."""
    if shown.width() <= 0 or shown.height() <= 0 or box.width() <= 0 or box.height() <= 0:
        return QRectF()
    scale = min(box.width() / shown.width(), box.height() / shown.height())
    size = QSizeF(shown.width() * scale, shown.height() * scale)
    return QRectF(box.x() + (box.width() - size.width()) / 2,
                  box.y() + (box.height() - size.height()) / 2, size.width(), size.height())


class LeanVideo(QQuickPaintedItem):
    """Frames from ``videoSink``, painted fitted; ``contentRect`` is where the picture is."""

    contentRectChanged = Signal()
    framesDrawnChanged = Signal()
    fillSidesChanged = Signal()

    def __init__(self, parent: QQuickItem | None = None) -> None:
        super().__init__(parent)
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._frame = QVideoFrame()
        self._scaler = FrameScaler()
        self._picture = QImage()
        self._fresh = False
        self._content = QRectF()
        self._drawn = 0
        self._fill_sides = False
        self._sides = FrameScaler()     # a second context: the tiny picture for the sides
        self._sides_filled = False
        self.setFillColor(QColor("black"))
        self.setOpaquePainting(True)

    def geometryChange(self, new: QRectF | QRect, old: QRectF | QRect) -> None:  # Qt's name
        super().geometryChange(new, old)
        self._layout()

    @Slot()
    def release(self) -> None:
        """Drop the frame, the pictures and libswscale's contexts: the screen showing video
        goes (its last frame would keep that clip's decoder buffers alive) or the kiosk
        closes."""
        self._frame = QVideoFrame()
        self._picture = QImage()
        self._scaler.close()
        self._sides.close()
        self._layout()   # no frame: no picture where the next screen puts it

    # ---- what QML reads ------------------------------------------------------------------
    def _get_sink(self) -> QObject:
        return self._sink

    def _get_content(self) -> QRectF:
        return QRectF(self._content)

    def _get_drawn(self) -> int:
        return self._drawn

    # typed QObject: a QVideoSink* property type is unknown to Qt's meta-type system when
    # Python defines the class; QML hands the sink to the player all the same
    videoSink = Property(QObject, _get_sink, constant=True)
    contentRect = Property(QRectF, _get_content, notify=contentRectChanged)
    framesDrawn = Property(int, _get_drawn, notify=framesDrawnChanged)  # for tests and benches

    def _get_fill_sides(self) -> bool:
        return self._fill_sides

    def _set_fill_sides(self, on: bool) -> None:
        if on != self._fill_sides:
            self._fill_sides = bool(on)
            self.fillSidesChanged.emit()
            self.update()

    # A clip of another shape than the item: the empty sides show a blurred, darkened copy of
    # the picture (the full mode's ShaderEffectSource, which the software backend cannot draw).
    fillSides = Property(bool, _get_fill_sides, _set_fill_sides, notify=fillSidesChanged)
    def _get_sides_filled(self) -> bool:
        return self._sides_filled

    sidesFilled = Property(bool, _get_sides_filled, notify=framesDrawnChanged)

    # ---- frames in -----------------------------------------------------------------------
    def _on_frame(self, frame: QVideoFrame) -> None:
        self._frame = frame
        self._fresh = True
        self._layout()
        self.update()

    def _shown_size(self) -> QSizeF:
        """The frame's size as shown: a quarter turn swaps width and height."""
        frame = self._frame
        if not frame.isValid():
            return QSizeF()
        size = QSizeF(frame.width(), frame.height())
        return size.transposed() if rotation_degrees(frame) in (90, 270) else size

    def _layout(self) -> None:
        content = fitted(self._shown_size(), QRectF(0, 0, self.width(), self.height()))
        if content != self._content:
            self._content = content
            self._fresh = True
            self.contentRectChanged.emit()
            self.update()

    # ---- paint ---------------------------------------------------------------------------
    def paint(self, painter: QPainter) -> None:
        content = self._content
        if not self._frame.isValid() or content.isEmpty():
            return
        angle = rotation_degrees(self._frame)
        along = QSizeF(content.height(), content.width()) if angle in (90, 270) \
            else content.size()
        # at 1 picture pixel per item unit (kiosk screens run at a device pixel ratio of 1;
        # asking the item for its window from paint() upsets PySide's ownership of it)
        pixels = QSize(round(along.width()), round(along.height()))
        if self._fresh or self._picture.isNull():
            self._picture = QImage()  # the scaler writes the next frame into the same buffer
            self._picture = self._scaler.image(self._frame, pixels)
            self._fresh = False
        if self._picture.isNull():
            return
        self._sides_filled = self._fill_sides and self._paint_sides(painter, content, angle)
        painter.save()
        painter.translate(content.center())
        if angle:
            painter.rotate(angle)
        if is_mirrored(self._frame):
            painter.scale(-1, 1)
        target = QRectF(QPointF(-along.width() / 2, -along.height() / 2), along)
        painter.drawImage(target, self._picture, QRectF(0, 0, pixels.width(), pixels.height()))
        painter.restore()
        self._drawn += 1
        self.framesDrawnChanged.emit()

    def _paint_sides(self, painter: QPainter, content: QRectF, angle: int) -> bool:
        """The sides: the frame shrunk to a few dozen pixels (libswscale), darkened, its middle
        cut to the item's shape and drawn over the whole item, smoothly scaled (a blur for the
        price of one bilinear stretch). Nothing when the picture nearly fills the item."""
        box = QRectF(0, 0, self.width(), self.height())
        if content.width() >= box.width() * SIDES_FROM and \
                content.height() >= box.height() * SIDES_FROM:
            return False
        shown = self._shown_size()
        across = SIDES_PIXELS / min(shown.width(), shown.height())
        tiny = QSize(max(1, round(shown.width() * across)), max(1, round(shown.height() * across)))
        stored = tiny.transposed() if angle in (90, 270) else tiny
        picture = self._sides.image(self._frame, stored)
        if picture.isNull():
            return False
        picture = picture.copy(0, 0, stored.width(), stored.height())
        if angle:
            picture = picture.transformed(QTransform().rotate(angle))
        dim = QPainter(picture)
        dim.fillRect(picture.rect(), SIDES_SHADE)
        dim.end()
        aspect = box.width() / max(1.0, box.height())
        w, h = float(picture.width()), float(picture.height())
        if w / h > aspect:   # the middle of the picture, cut to the item's shape
            source = QRectF((w - h * aspect) / 2, 0, h * aspect, h)
        else:
            source = QRectF(0, (h - w / aspect) / 2, w, w / aspect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(box, picture, source)
        painter.restore()
        return True
