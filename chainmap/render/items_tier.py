"""A tier (上游, 中游, 下游…): a labelled vertical band, upstream left to downstream right.

The band's horizontal extent is :func:`chainmap.core.geometry.tier_bands`'s, so a box
dropped on a band belongs to the tier the layout says it does.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from chainmap.core.geometry import BAND_HEADER

from . import style
from .state import RenderState

NAME_SIZE = 17
Z_TIER = -100.0


class TierItem(QGraphicsItem):
    """The one graphics item of one tier."""

    def __init__(self, tier_id: str, state: RenderState) -> None:
        super().__init__()
        self.ref = ("tier", tier_id)
        self.tier_id = tier_id
        self._state = state
        self._rect = QRectF(0, 0, 1, 1)
        self._index = 0
        self._name = QStaticText()
        self._name_width = 0.0
        self.setZValue(Z_TIER)

    def set_name(self, name: str) -> None:
        font = style.map_font(NAME_SIZE, True)
        self._name = style.static_text(name)
        self._name.prepare(font=font)
        self._name_width = style.metrics(NAME_SIZE, True).horizontalAdvance(name)
        self.update()

    def set_band(self, left: float, right: float, top: float, bottom: float, index: int) -> None:
        """Place the band: ``left``..``right`` from the geometry, ``top``..``bottom`` spanning
        the map's content."""
        rect = QRectF(0, 0, max(right - left, 1.0), max(bottom - top, BAND_HEADER))
        if rect == self._rect and index == self._index and self.pos() == QPointF(left, top):
            return  # unchanged: repainting a whole band on every drag step costs a frame
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self._index = index
        self.setPos(left, top)
        self.update()

    def band_rect(self) -> QRectF:
        """The band in scene coordinates."""
        return self._rect.translated(self.pos())

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self._rect
        painter.fillRect(rect, style.BAND_FILLS[self._index % 2])
        header = QRectF(rect.left(), rect.top(), rect.width(), BAND_HEADER)
        painter.fillRect(header, style.BAND_HEADER_FILL)
        painter.setPen(style.pen(style.name_of(style.BAND_LINE), 1.0, cosmetic=True))
        painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.left(), rect.bottom()))
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(style.INK)
        painter.setFont(style.map_font(NAME_SIZE, True))
        height = style.metrics(NAME_SIZE, True).height()
        if lod >= style.LOD_DETAIL:
            at = QPointF(rect.center().x() - self._name_width / 2, header.center().y() - height / 2)
            painter.drawStaticText(at, self._name)
            return
        # Far out, keep the tier's name legible: draw it about 14 px high on screen.
        factor = min(14.0 / (height * max(lod, 1e-6)), rect.width() * 0.9 / max(self._name_width, 1.0))
        if factor * height * lod < 4:
            return
        painter.save()
        painter.translate(rect.center().x(), rect.top() + 4 / max(lod, 1e-6))
        painter.scale(factor, factor)
        painter.drawStaticText(QPointF(-self._name_width / 2, 0), self._name)
        painter.restore()

