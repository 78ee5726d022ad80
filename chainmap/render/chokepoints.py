"""The chokepoint mark (卡点): a small hourglass badge on the top-left corner of a segment's box,
shown when the editor's analysis overlay is on, and its sample in the legend.

A chokepoint lies on every path from the chain's sources to some sink
(:class:`chainmap.core.analysis.ChainAnalysis`); the hourglass says "everything passes through
this narrow place". The badge is a child item of the segment's item, so it moves, fades and
goes with it. The overlay (:meth:`chainmap.render.overlay.MapOverlay.set_chokepoints`) adds and
removes badges a few at a time between other events.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from . import style
from .items_segment import HALF_H, HALF_W

BADGE_RADIUS = 8.0
BADGE_FILL = QColor("#263238")
BADGE_GLASS = QColor("#FFB300")
# The badge's centre on the box (local coordinates of the segment item): its top-left corner.
BADGE_CENTRE = QPointF(-HALF_W + 1.0, -HALF_H + 1.0)


def paint_chokepoint(painter: QPainter, centre: QPointF, radius: float = BADGE_RADIUS) -> None:
    """The chokepoint badge at ``centre``: a dark disc with an amber hourglass."""
    painter.setPen(style.pen("#FFFFFFFF", 1.2))
    painter.setBrush(style.brush(style.name_of(BADGE_FILL)))
    painter.drawEllipse(centre, radius, radius)
    x, y = centre.x(), centre.y()
    w, h = radius * 0.5, radius * 0.6
    glass = QPolygonF([QPointF(x - w, y - h), QPointF(x + w, y - h), QPointF(x - w, y + h),
                       QPointF(x + w, y + h)])
    painter.setPen(style.NO_PEN)
    painter.setBrush(style.brush(style.name_of(BADGE_GLASS)))
    painter.drawPolygon(glass)


def badge_tip() -> str:
    """What a badge says when the pointer rests on it."""
    return QCoreApplication.translate(
        "MapRender", "Chokepoint: on every path from the chain's sources to some of its sinks")


class ChokepointBadge(QGraphicsItem):
    """The badge on one segment's box; a child of its :class:`~.items_segment.SegmentItem`."""

    _RECT = QRectF(BADGE_CENTRE.x() - BADGE_RADIUS - 1, BADGE_CENTRE.y() - BADGE_RADIUS - 1,
                   2 * BADGE_RADIUS + 2, 2 * BADGE_RADIUS + 2)

    def __init__(self, parent: QGraphicsItem, tip: str | None = None) -> None:
        """A badge on ``parent``; ``tip``: its tooltip (:func:`badge_tip`, worked out once for
        many badges)."""
        super().__init__(parent)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setToolTip(tip if tip is not None else badge_tip())

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._RECT

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        paint_chokepoint(painter, BADGE_CENTRE)
