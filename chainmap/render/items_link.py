"""A link (upstream → downstream): an arrow from the source's frame to the target's frame,
with its label and, for cross-region supply, a flow tag such as 津→京 in the regions' colours.

The item stays at the scene origin and holds its path in scene coordinates; the scene hands
it the two frames (already redirected to a folded parent) whenever they change.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from chainmap.core.model import Edge

from . import style
from .items_segment import NO_PEN_PEN
from .state import RenderState

DASH_DOT = Qt.PenStyle.DashDotLine
SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
NO_FLAGS = QGraphicsItem.GraphicsItemFlag(0)

LABEL_SIZE = 11
ARROW_LENGTH = 10.0
ARROW_HALF = 4.5
MIN_GAP = 24.0  # horizontal room needed for a left-to-right curve
# Above every container frame, below every box, so a link never hides a segment's name.
Z_LINK = 50.0
# Where along the link its label may go, best first.
LABEL_PLACES = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85)


class LinkItem(QGraphicsRectItem):
    """The one graphics item of one link (its bounding rectangle is the C++ base's rect)."""

    def __init__(self, edge_id: str, state: RenderState) -> None:
        super().__init__()
        self.setPen(NO_PEN_PEN)
        self.ref = ("edge", edge_id)
        self.edge_id = edge_id
        self._state = state
        self._path = QPainterPath()
        self._start = QPointF()
        self._end = QPointF()
        self._arrow = QPolygonF()
        self._pen = QPen()
        self._hairline = QPen()
        self._lod_pen = QPen()
        self._colour = QColor()
        self._label: QStaticText | None = None
        self._label_width = 0.0
        self._flow: list[tuple[QStaticText, QColor, float]] = []
        self._flow_width = 0.0
        self._label_rect = QRectF()
        self._shape: QPainterPath | None = None
        self._dimmed = False
        self._marks: tuple[str, ...] = ()
        self._label_at: tuple[float, tuple[float, float]] = (0.5, (0.0, 0.0))
        self.setZValue(Z_LINK)

    # ------------------------------------------------------------- updates
    def set_edge(self, edge: Edge) -> None:
        """Take the link's kind, label and flows."""
        state = self._state
        kind = edge.effective_kind
        colour = style.LINK_COLOURS.get(kind, style.LINK_OTHER_COLOUR)
        line = style.LINK_STYLES.get(kind, DASH_DOT)
        width = style.FLOW_LINK_WIDTH if edge.flows else style.LINK_WIDTH
        self._colour = colour
        key = style.name_of(colour)
        self._pen = style.pen(key, width, line)
        self._hairline = style.pen(key, 1.0, line, cosmetic=True)
        self._lod_pen = style.pen(key, 1.0, cosmetic=True)
        label = " ".join((edge.label or "").split())
        self._label = style.static_text(label) if label else None
        fm = style.metrics(LABEL_SIZE)
        self._label_width = fm.horizontalAdvance(label) if label else 0.0
        pieces: list[tuple[QStaticText, QColor, float]] = []
        x = 0.0
        for i, flow in enumerate(edge.flows):
            source = state.region_look(flow.source)
            target = state.region_look(flow.target)
            if i:
                x += fm.horizontalAdvance(" ")
            for text, look in ((source.short if source else flow.source, source),
                               ("→", None), (target.short if target else flow.target, target)):
                colour_of = look.colour if look is not None else style.MUTED_INK
                pieces.append((style.static_text(text), colour_of, x))
                x += fm.horizontalAdvance(text)
        self._flow = pieces
        self._flow_width = x
        self._marks = state.marks.get(self.ref, ())
        if not self._path.isEmpty():
            self._geometry_changed()

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self.update()

    def set_marks(self, marks: tuple[str, ...]) -> None:
        self._marks = marks
        self.update()

    def set_ends(self, source: QRectF | None, target: QRectF | None) -> None:
        """Route the arrow between two frames (scene coordinates); hidden without both."""
        if source is None or target is None:
            self.setVisible(False)
            return
        self.setVisible(True)
        path = QPainterPath()
        if target.left() - source.right() >= MIN_GAP:
            start = QPointF(source.right(), source.center().y())
            end = QPointF(target.left(), target.center().y())
            bend = (end.x() - start.x()) * 0.5
            c1, c2 = QPointF(start.x() + bend, start.y()), QPointF(end.x() - bend, end.y())
        elif source.left() - target.right() >= MIN_GAP:
            start = QPointF(source.left(), source.center().y())
            end = QPointF(target.right(), target.center().y())
            bend = (start.x() - end.x()) * 0.5
            c1, c2 = QPointF(start.x() - bend, start.y()), QPointF(end.x() + bend, end.y())
        elif target.top() >= source.bottom():
            start = QPointF(source.center().x(), source.bottom())
            end = QPointF(target.center().x(), target.top())
            bend = (end.y() - start.y()) * 0.5
            c1, c2 = QPointF(start.x(), start.y() + bend), QPointF(end.x(), end.y() - bend)
        elif source.top() >= target.bottom():
            start = QPointF(source.center().x(), source.top())
            end = QPointF(target.center().x(), target.bottom())
            bend = (start.y() - end.y()) * 0.5
            c1, c2 = QPointF(start.x(), start.y() - bend), QPointF(end.x(), end.y() + bend)
        else:  # overlapping frames: a straight line between the clipped centres
            start, end = _clip(source, target.center()), _clip(target, source.center())
            c1, c2 = start, end
        path.moveTo(start)
        path.cubicTo(c1, c2, end)
        self._path = path
        self._start, self._end = start, end
        dx, dy = end.x() - c2.x(), end.y() - c2.y()
        if dx == 0 and dy == 0:
            dx, dy = end.x() - start.x(), end.y() - start.y()
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        base = QPointF(end.x() - ux * ARROW_LENGTH, end.y() - uy * ARROW_LENGTH)
        self._arrow = QPolygonF([end, QPointF(base.x() - uy * ARROW_HALF, base.y() + ux * ARROW_HALF),
                                 QPointF(base.x() + uy * ARROW_HALF, base.y() - ux * ARROW_HALF)])
        self._geometry_changed()

    def has_label(self) -> bool:
        return self._label is not None or bool(self._flow)

    def label_rect_at(self, t: float, shift: tuple[float, float] = (0.0, 0.0)) -> QRectF:
        """Where the label would be with its centre at ``t`` along the link, moved by ``shift``
        label widths and heights."""
        if not self.has_label() or self._path.isEmpty():
            return QRectF()
        mid = self._path.pointAtPercent(t)
        height = style.metrics(LABEL_SIZE).height()
        width = max(self._label_width, self._flow_width)
        lines = (self._label is not None) + bool(self._flow)
        rect = QRectF(mid.x() - width / 2 - 3, mid.y() - lines * height / 2 - 1, width + 6, lines * height + 2)
        return rect.translated(shift[0] * (rect.width() + 2), shift[1] * (rect.height() + 2))

    def label_rect(self) -> QRectF:
        """The label's place now (scene coordinates); empty without a label."""
        return QRectF(self._label_rect)

    def place_label(self, blocked: Callable[[QRectF], bool]) -> None:
        """Put the label at the first place along the link that ``blocked`` does not refuse
        (a box would hide it), else in the middle."""
        if not self.has_label():
            return
        chosen: tuple[float, tuple[float, float]] = (0.5, (0.0, 0.0))
        for place in _label_places():
            if not blocked(self.label_rect_at(*place)):
                chosen = place
                break
        if chosen != self._label_at:
            self._label_at = chosen
            self._geometry_changed()

    def _geometry_changed(self) -> None:
        self._shape = None
        self._label_rect = self.label_rect_at(*self._label_at)
        bounds = self._path.controlPointRect().united(self._arrow.boundingRect())
        if self.has_label():
            bounds = bounds.united(self._label_rect)
        grow = style.FLOW_LINK_WIDTH + 6
        self.setRect(bounds.adjusted(-grow, -grow, grow, grow))

    def set_editable(self, editable: bool) -> None:
        self.setFlags(SELECTABLE if editable else NO_FLAGS)

    def overview(self) -> tuple[QPointF, QPointF, QPen, bool]:
        """What the far-zoom overview draws: a line from ``start`` to ``end``."""
        return self._start, self._end, self._lod_pen, self._dimmed

    # ------------------------------------------------------------------ Qt
    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10.0)
            shape = stroker.createStroke(self._path)
            shape.addPolygon(self._arrow)
            if not self._label_rect.isEmpty():
                shape.addRect(self._label_rect)
            self._shape = shape
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        state = self._state
        selected = self.isSelected() and not state.export_mode
        if self._dimmed:
            painter.setOpacity(0.35)
        if lod < style.LOD_DETAIL:
            painter.setPen(style.pen(style.name_of(style.SELECTION), 3.0, cosmetic=True) if selected
                           else self._lod_pen)
            painter.drawLine(self._start, self._end)
            return
        pen = self._pen
        if not state.vector_output and pen.widthF() * lod <= style.HAIRLINE_MAX:
            pen = self._hairline
        painter.setBrush(style.NO_BRUSH)
        for i, role in enumerate(self._marks):
            colour = style.ROLE_COLOURS.get(role, style.ROLE_OTHER_COLOUR)
            painter.setPen(style.pen(style.name_of(colour), self._pen.widthF() + 5 + 4 * i))
            painter.drawPath(self._path)
        if selected:
            painter.setPen(style.pen(style.name_of(style.SELECTION), self._pen.widthF() + 4))
            painter.drawPath(self._path)
        painter.setPen(pen)
        painter.drawPath(self._path)
        painter.setPen(style.NO_PEN)
        painter.setBrush(style.brush(style.name_of(self._colour)))
        painter.drawPolygon(self._arrow)
        if not self._label_rect.isEmpty():
            self._paint_label(painter)

    def _paint_label(self, painter: QPainter) -> None:
        rect = self._label_rect
        painter.setBrush(style.brush("#E6FFFFFF"))
        painter.setPen(style.pen(style.name_of(self._colour), 0.6) if self._flow else style.NO_PEN)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(style.map_font(LABEL_SIZE))
        y = rect.top() + 1
        if self._label is not None:
            painter.setPen(style.INK)
            painter.drawStaticText(QPointF(rect.center().x() - self._label_width / 2, y), self._label)
            y += style.metrics(LABEL_SIZE).height()
        if self._flow:
            left = rect.center().x() - self._flow_width / 2
            for text, colour, x in self._flow:
                painter.setPen(colour)
                painter.drawStaticText(QPointF(left + x, y), text)


def _label_places() -> list[tuple[float, tuple[float, float]]]:
    """Places to try for a label: along the link first, then beside it."""
    shifts = [(0.0, 0.0), (0.0, -0.55), (0.0, 0.55), (0.55, 0.0), (-0.55, 0.0)]
    return [(t, shift) for shift in shifts for t in LABEL_PLACES]


def _clip(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the line from ``rect``'s centre toward ``toward`` leaves the rectangle."""
    centre = rect.center()
    dx, dy = toward.x() - centre.x(), toward.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale = min(
        (rect.width() / 2) / abs(dx) if dx else math.inf,
        (rect.height() / 2) / abs(dy) if dy else math.inf,
    )
    scale = min(scale, 1.0)
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)
