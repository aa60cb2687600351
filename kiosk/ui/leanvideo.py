"""``LeanVideo``: the video item of the lean render mode (Qt Quick's software backend).

``VideoOutput`` draws through the GPU scene graph only; on the software backend it shows
nothing. This item takes frames through its own ``videoSink`` (the player sends them exactly as
it does to a ``VideoOutput``), converts each one straight to its on-screen size
(:class:`kiosk.media.scaler.FrameScaler`) and hands that picture to the scene graph as the
texture of an image node, 1:1, fitted (``PreserveAspectFit``) and upright. The software
backend's texture shares the picture's memory: no copy of the frame is made between the
scaler and the screen. One frame in, one texture, one frame swapped: nothing redraws between
video frames.
"""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Property, QObject, QRect, QRectF, QSize, QSizeF, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtMultimedia import QVideoFrame, QVideoSink
from PySide6.QtQuick import QQuickItem, QSGImageNode, QSGNode, QSGRectangleNode, QSGTexture

from kiosk.media.scaler import FrameScaler, is_mirrored, rotation_degrees

SIDES_FROM = 0.92                    # the picture fills less than this of a side: fill the sides
SIDES_PIXELS = 24                    # the sides' copy is this small across (the blur)
SIDES_SHADE = QColor(0, 0, 0, 166)   # darkened as in full mode: the clip stays the star


def fitted(shown: QSizeF, box: QRectF, crop: bool = False) -> QRectF:
    """``shown`` scaled to fit ``box`` (aspect kept), centred in it; empty for an empty size.
    ``crop``: scaled to cover ``box`` instead (reaching past two of its sides), as
    ``VideoOutput.PreserveAspectCrop`` places it."""
    if shown.width() <= 0 or shown.height() <= 0 or box.width() <= 0 or box.height() <= 0:
        return QRectF()
    scale = (max if crop else min)(box.width() / shown.width(), box.height() / shown.height())
    size = QSizeF(shown.width() * scale, shown.height() * scale)
    return QRectF(box.x() + (box.width() - size.width()) / 2,
                  box.y() + (box.height() - size.height()) / 2, size.width(), size.height())


Produce = Callable[[float], "tuple[QImage, QRectF]"]  # device pixel ratio → picture, part shown


def _give(node: QSGImageNode, texture: QSGTexture) -> None:
    """Put ``texture`` on ``node``, which owns it from then on (``setOwnsTexture``).

    PySide ties each texture ``createTextureFromImage`` returns to the window's wrapper, and
    nothing unties it when the node deletes the texture: one dead wrapper stayed for every
    frame ever shown (the attract loop's memory grew about 40 MB an hour). Off the window's
    list (the texture has no C++ parent to lose) and marked invalid, so Python, which owns a
    parentless wrapper, never deletes the C++ texture too: the wrapper goes with this call."""
    node.setTexture(texture)
    texture.setParent(None)
    shiboken6.invalidate(texture)


def _nothing(_ratio: float) -> tuple[QImage, QRectF]:
    return QImage(), QRectF()


class _Layer(QQuickItem):
    """One picture on screen: an image node whose texture is the picture itself.

    ``show(produce)`` asks for a new picture; the scene graph calls ``updatePaintNode``, which
    calls ``produce`` and puts the picture on the node, freeing the texture it replaces. The
    scaler writes its two buffers in turn, so the one it writes is never the one on screen,
    and the one it writes was let go a frame ago: no copy. The nodes belong to the scene
    graph: made by the window, returned from ``updatePaintNode`` and never deleted here."""

    def __init__(self, parent: QQuickItem, smooth: bool, shown: Callable[[bool], None]) -> None:
        super().__init__(parent)
        self.setFlag(QQuickItem.Flag.ItemHasContents, True)
        self._smooth = smooth
        self._shown = shown            # told after each update whether a picture is shown
        self._produce: Produce | None = None   # asked for, not yet made
        self._last: Produce | None = None      # made last: again for a new node
        self._mirror = False
        self._blank = QImage(1, 1, QImage.Format.Format_RGB32)
        # one black pixel; not fill(): choosing among its overloads makes PySide build Qt's
        # whole namespace (~100 enums, ~25 ms of CPU) before the first attract frame
        self._blank.setPixel(0, 0, 0xFF000000)

    def show(self, produce: Produce | None, mirror: bool = False) -> None:
        """Show what ``produce`` makes at the next frame swap (None: nothing)."""
        self._produce = self._last = produce or _nothing
        self._mirror = mirror
        self.update()

    @property
    def empty(self) -> bool:
        """Shows nothing now and was asked for nothing since."""
        return self._last is None or self._last is _nothing

    def updatePaintNode(self, old: QSGNode, _data: object) -> QSGNode:  # Qt's name
        window = self.window()
        if window is None:   # not on screen: nothing to draw (Qt passes and takes nullptr)
            return old
        node = old if isinstance(old, QSGImageNode) else None
        if node is None:
            node = window.createImageNode()
            node.setOwnsTexture(True)    # a texture replaced or a node deleted frees its texture
            node.setFiltering(QSGTexture.Filtering.Linear if self._smooth
                              else QSGTexture.Filtering.Nearest)
            _give(node, window.createTextureFromImage(self._blank))
            node.setRect(QRectF())
            self._produce = self._produce or self._last   # back in a window: show it again
        if self._produce is not None:
            produce, self._produce = self._produce, None
            picture, source = produce(window.effectiveDevicePixelRatio())
            shown = not picture.isNull() and not source.isEmpty()
            # the picture replaces the last one (freed now), or the 1-pixel stand-in does
            _give(node, window.createTextureFromImage(picture if shown else self._blank))
            if shown:
                node.setSourceRect(source)
                flip = QSGImageNode.TextureCoordinatesTransformFlag
                node.setTextureCoordinatesTransform(
                    flip.MirrorHorizontally if self._mirror else flip.NoTransform)
            node.setRect(QRectF(0, 0, self.width(), self.height()) if shown else QRectF())
            self._shown(shown)
        elif not node.rect().isEmpty():
            node.setRect(QRectF(0, 0, self.width(), self.height()))
        return node


class LeanVideo(QQuickItem):
    """Frames from ``videoSink``, shown fitted; ``contentRect`` is where the picture is."""

    contentRectChanged = Signal()
    framesDrawnChanged = Signal()
    fillSidesChanged = Signal()
    cropChanged = Signal()

    def __init__(self, parent: QQuickItem | None = None) -> None:
        super().__init__(parent)
        self.setFlag(QQuickItem.Flag.ItemHasContents, True)   # black behind the picture
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._frame = QVideoFrame()
        self._scaler = FrameScaler()
        self._content = QRectF()
        self._drawn = 0
        self._fill_sides = False
        self._crop = False
        self._sides = FrameScaler()     # a second context: the tiny picture for the sides
        self._sides_filled = False
        self._shape: tuple[object, ...] = ()   # the held frame's format, turn and mirroring
        self._mirrored = False
        # children paint in order: the sides, then the picture over them
        self._sides_layer = _Layer(self, True, self._on_sides_shown)
        self._picture_layer = _Layer(self, False, self._on_picture_shown)

    def geometryChange(self, new: QRectF | QRect, old: QRectF | QRect) -> None:  # Qt's name
        super().geometryChange(new, old)
        self._sides_layer.setSize(QSizeF(self.width(), self.height()))
        self._layout()
        self._refresh()

    def updatePaintNode(self, old: QSGNode, _data: object) -> QSGNode:  # Qt's name
        window = self.window()
        if window is None:   # not on screen: nothing to draw (Qt passes and takes nullptr)
            return old
        node = old if isinstance(old, QSGRectangleNode) else None
        if node is None:
            node = window.createRectangleNode()
            node.setColor(QColor("black"))
        node.setRect(QRectF(0, 0, self.width(), self.height()))
        return node

    @Slot()
    def release(self) -> None:
        """Drop the frame, the pictures and libswscale's contexts: the screen showing video
        goes (its last frame would keep that clip's decoder buffers alive) or the kiosk
        closes."""
        self._frame = QVideoFrame()
        self._shape = ()
        self._picture_layer.show(None)
        self._sides_layer.show(None)
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
            self._refresh()

    # A clip of another shape than the item: the empty sides show a blurred, darkened copy of
    # the picture (the full mode's ShaderEffectSource, which the software backend cannot draw).
    fillSides = Property(bool, _get_fill_sides, _set_fill_sides, notify=fillSidesChanged)

    def _get_crop(self) -> bool:
        return self._crop

    def _set_crop(self, on: bool) -> None:
        if bool(on) != self._crop:
            self._crop = bool(on)
            self.setClip(self._crop)   # the picture reaches past the item: cut at its edges
            self.cropChanged.emit()
            self._layout()
            self._refresh()

    # A vertical clip in portrait fills the item, cut at two sides, instead of fitted whole
    # (``contentRect`` then reaches past the item, as a ``VideoOutput``'s does).
    crop = Property(bool, _get_crop, _set_crop, notify=cropChanged)

    def _get_sides_filled(self) -> bool:
        return self._sides_filled

    sidesFilled = Property(bool, _get_sides_filled, notify=framesDrawnChanged)

    # ---- frames in -----------------------------------------------------------------------
    def _on_frame(self, frame: QVideoFrame) -> None:
        self._frame = frame
        # laid out again only when the frame's shape changes (a new clip), not frame by frame
        shape = (frame.surfaceFormat(), frame.rotation(), frame.mirrored())
        if shape != self._shape:
            self._shape = shape
            self._mirrored = is_mirrored(frame) if frame.isValid() else False
            self._layout()
        self._refresh()

    def _shown_size(self) -> QSizeF:
        """The frame's size as shown: a quarter turn swaps width and height."""
        frame = self._frame
        if not frame.isValid():
            return QSizeF()
        size = QSizeF(frame.width(), frame.height())
        return size.transposed() if rotation_degrees(frame) in (90, 270) else size

    def _layout(self) -> None:
        """Where the picture goes: ``contentRect``, and the picture layer over it, turned
        upright."""
        content = fitted(self._shown_size(), QRectF(0, 0, self.width(), self.height()),
                         self._crop)
        if content != self._content:
            self._content = content
            self.contentRectChanged.emit()
        angle = rotation_degrees(self._frame) if self._frame.isValid() else 0
        along = QSizeF(content.height(), content.width()) if angle in (90, 270) \
            else content.size()
        w, h = round(along.width()), round(along.height())
        layer = self._picture_layer
        layer.setSize(QSizeF(w, h))
        layer.setPosition(content.center() - QRectF(0, 0, w, h).center())
        layer.setRotation(angle)

    def _refresh(self) -> None:
        """Pictures for the frame held, made when the scene graph swaps the next frame."""
        if not self._frame.isValid() or self._content.isEmpty():
            return
        self._picture_layer.show(self._picture, self._mirrored)
        if self._sides_wanted():
            self._sides_layer.show(self._sides_picture)
        elif not self._sides_layer.empty:
            self._sides_layer.show(None)

    def _sides_wanted(self) -> bool:
        """Sides to fill: asked for, and the picture leaves more than a sliver of the item."""
        box, content = QRectF(0, 0, self.width(), self.height()), self._content
        return self._fill_sides and not content.isEmpty() and not (
            content.width() >= box.width() * SIDES_FROM
            and content.height() >= box.height() * SIDES_FROM)

    # ---- pictures (called by the layers from updatePaintNode) -----------------------------
    def _picture(self, ratio: float) -> tuple[QImage, QRectF]:
        """The frame at the screen's own pixels: item size × device pixel ratio (a laptop at
        150 % gets a sharp picture, not one stretched from 1 pixel per unit)."""
        layer = self._picture_layer
        pixels = QSize(round(layer.width() * ratio), round(layer.height() * ratio))
        return self._scaler.image(self._frame, pixels), QRectF(0, 0, pixels.width(),
                                                                pixels.height())

    def _on_picture_shown(self, shown: bool) -> None:
        if shown:
            self._drawn += 1
            self.framesDrawnChanged.emit()

    def _on_sides_shown(self, shown: bool) -> None:
        self._sides_filled = shown

    def _sides_picture(self, _ratio: float) -> tuple[QImage, QRectF]:
        """The sides: the frame shrunk to a few dozen pixels (libswscale), darkened, its middle
        cut to the item's shape and stretched over the whole item, smoothly (a blur for the
        price of one bilinear stretch). Nothing when the picture nearly fills the item."""
        none = (QImage(), QRectF())
        box = QRectF(0, 0, self.width(), self.height())
        if not self._frame.isValid() or not self._sides_wanted():
            return none
        angle = rotation_degrees(self._frame)
        shown = self._shown_size()
        across = SIDES_PIXELS / min(shown.width(), shown.height())
        tiny = QSize(max(1, round(shown.width() * across)), max(1, round(shown.height() * across)))
        stored = tiny.transposed() if angle in (90, 270) else tiny
        picture = self._sides.image(self._frame, stored)
        if picture.isNull():
            return none
        picture = picture.copy(0, 0, stored.width(), stored.height())
        if angle:
            picture = picture.transformed(QTransform().rotate(angle))
        if is_mirrored(self._frame):
            picture = picture.mirrored(True, False)
        dim = QPainter(picture)
        dim.fillRect(picture.rect(), SIDES_SHADE)
        dim.end()
        aspect = box.width() / max(1.0, box.height())
        w, h = float(picture.width()), float(picture.height())
        if w / h > aspect:   # the middle of the picture, cut to the item's shape
            return picture, QRectF((w - h * aspect) / 2, 0, h * aspect, h)
        return picture, QRectF(0, (h - w / aspect) / 2, w, w / aspect)
