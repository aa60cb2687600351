"""``LeanVideo``: the video item of the lean render mode (Qt Quick's software backend).

``VideoOutput`` draws through the GPU scene graph only; on the software backend it shows
nothing. This item takes frames through its own ``videoSink`` (the player sends them exactly as
it does to a ``VideoOutput``), converts each one straight to its on-screen size
(:class:`kiosk.media.scaler.FrameScaler`) and paints it 1:1, fitted (``PreserveAspectFit``) and
upright. One frame in, one paint, one frame swapped: nothing redraws between video frames.
"""
from __future__ import annotations

from PySide6.QtCore import Property, QObject, QPointF, QRectF, QSize, QSizeF, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtMultimedia import QVideoFrame, QVideoSink
from PySide6.QtQml import QmlElement
from PySide6.QtQuick import QQuickItem, QQuickPaintedItem

from kiosk.media.scaler import FrameScaler, is_mirrored, rotation_degrees

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


def fitted(shown: QSizeF, box: QRectF) -> QRectF:
    """``shown`` scaled to fit ``box`` (aspect kept), centred in it; empty for an empty size."""
    if shown.width() <= 0 or shown.height() <= 0 or box.width() <= 0 or box.height() <= 0:
        return QRectF()
    scale = min(box.width() / shown.width(), box.height() / shown.height())
    size = QSizeF(shown.width() * scale, shown.height() * scale)
    return QRectF(box.x() + (box.width() - size.width()) / 2,
                  box.y() + (box.height() - size.height()) / 2, size.width(), size.height())


@QmlElement
class LeanVideo(QQuickPaintedItem):
    """Frames from ``videoSink``, painted fitted; ``contentRect`` is where the picture is."""

    contentRectChanged = Signal()
    framesDrawnChanged = Signal()

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
        self.setFillColor(QColor("black"))
        self.setOpaquePainting(True)
        self.widthChanged.connect(self._layout)
        self.heightChanged.connect(self._layout)

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

    @property
    def scaler(self) -> FrameScaler:
        return self._scaler

    # ---- frames in -----------------------------------------------------------------------
    @Slot(QVideoFrame)
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

    @Slot()
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
