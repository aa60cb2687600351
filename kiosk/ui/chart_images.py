"""Admin's charts as pictures: the report's SVG chart code, drawn by Qt's SVG renderer.

QML asks for ``image://charts/<name>?v=<version>&ink=…&muted=…&bar=…&paper=…`` (colours from
its theme, so the kiosk's colours stay in ``Theme.qml``); the provider asks the dashboard for
that chart's SVG (``kiosk.insights.charts``, the same code as the campaign report) and draws it
at the size QML asks, keeping its proportions. Qt Quick shows it as a plain image: no QtCharts,
so no Qt Widgets application in the kiosk process.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol
from urllib.parse import parse_qs, unquote

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtQuick import QQuickImageProvider

if TYPE_CHECKING:  # the chart code loads with the first chart (kiosk.ui.dashboard says why)
    from kiosk.insights.charts import Style


class ChartSource(Protocol):
    """What draws a chart: the dashboard."""

    def chart_svg(self, name: str, style: Style) -> str: ...


def style_from(query: str) -> Style:
    """The colours QML passed (``#rrggbb`` each); the kiosk's panels need no text outline."""
    from kiosk.insights.charts import Style

    fields = {k: v[0] for k, v in parse_qs(query).items() if k in ("ink", "muted", "bar", "paper")}
    return Style(outline=False, **fields)


def render_svg(svg: str, requested: QSize) -> QImage:
    """``svg`` drawn as large as fits in ``requested`` (a side ≤ 0: free), proportions kept."""
    from PySide6.QtSvg import QSvgRenderer  # Qt's SVG library loads when admin first draws

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    box = renderer.viewBoxF()
    scales = [side / length for side, length in ((requested.width(), box.width()),
                                                 (requested.height(), box.height()))
              if side > 0 and length > 0]
    scale = min(scales) if scales else 1.0
    image = QImage(max(1, round(box.width() * scale)), max(1, round(box.height() * scale)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    return image


class ChartImages(QQuickImageProvider):
    """Serves the dashboard's charts to QML (``image://charts/…``)."""

    def __init__(self, source: ChartSource) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._source = source

    def requestImage(self, id: str, size: QSize, requestedSize: QSize) -> QImage:
        name, _, query = unquote(id).partition("?")
        image = render_svg(self._source.chart_svg(name, style_from(query)), requestedSize)
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image
