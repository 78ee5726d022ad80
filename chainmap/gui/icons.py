"""Small drawn icons for the actions the platform style has none for."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF


def glyph_icon(kind: str) -> QIcon:
    """Small drawn icons for the actions the platform style has none for."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor("#2d3748")
    painter.setPen(QPen(ink, 2.4))
    if kind == "segment":
        painter.setBrush(QColor("#e2ecf7"))
        painter.drawRoundedRect(3, 8, 26, 16, 4, 4)
        painter.drawLine(16, 12, 16, 20)
        painter.drawLine(12, 16, 20, 16)
    elif kind == "note":
        painter.setBrush(QColor("#fff4c2"))
        painter.drawRect(6, 5, 20, 22)
        for y in (11, 16, 21):
            painter.drawLine(10, y, 22, y)
    elif kind == "link":
        painter.setBrush(ink)
        painter.drawLine(4, 24, 24, 8)
        painter.drawPolygon(QPolygonF([QPointF(27, 5), QPointF(17, 7), QPointF(25, 15)]))
    elif kind in ("zoom_in", "zoom_out", "fit"):
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind == "fit":
            for x1, y1, x2, y2 in ((4, 4, 11, 4), (4, 4, 4, 11), (28, 4, 21, 4), (28, 4, 28, 11),
                                   (4, 28, 11, 28), (4, 28, 4, 21), (28, 28, 21, 28), (28, 28, 28, 21)):
                painter.drawLine(x1, y1, x2, y2)
            painter.drawRect(11, 11, 10, 10)
        else:
            painter.drawEllipse(4, 4, 18, 18)
            painter.drawLine(19, 19, 28, 28)
            painter.drawLine(9, 13, 17, 13)
            if kind == "zoom_in":
                painter.drawLine(13, 9, 13, 17)
    elif kind == "layout":
        painter.setBrush(QColor("#e2ecf7"))
        for x, y in ((3, 4), (3, 20), (19, 12)):
            painter.drawRect(x, y, 10, 8)
        painter.drawLine(13, 8, 19, 16)
        painter.drawLine(13, 24, 19, 16)
    painter.end()
    return QIcon(pixmap)
