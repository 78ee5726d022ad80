"""A link (upstream → downstream): the route the core router gives it (a polyline from the
border of the source's box to the border of the target's box, corners rounded), an arrowhead
along its last piece, and its label and, for cross-region supply, a flow tag such as 津→京 in
the regions' colours, in the rectangle the router placed them in (at the pixel size it chose:
a label shrinks where there is no room).

The item stays at the scene origin and holds its route in scene coordinates, packed (C doubles,
16 bytes a point, against some 100 as a tuple of tuples: a page-shaped map's staircase links
have a hundred points and more, and a band of its PNG export thousands of links); the scene
(through :mod:`chainmap.render.routes`) hands it the route whenever it changes.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from chainmap.core.model import Edge
from chainmap.core.routing.obstacles import Box

from . import style
from .items_segment import NO_PEN_PEN
from .state import RenderState

DASH_DOT = Qt.PenStyle.DashDotLine

LABEL_SIZE = 11
ARROW_LENGTH = 10.0
ARROW_HALF = 4.5
# Above every container frame, below every box, so a link never hides a segment's name.
Z_LINK = 50.0
# Links with a label (or a flow tag) stack this much above the others: no unlabelled link is
# drawn across a label (the labels themselves never overlap; labelled links still stack in
# the order the scene made them).
LABEL_LIFT = 1.0
# Among labelled links, each level of :func:`chainmap.core.routing.label_levels` stacks this
# much higher, so a label is drawn over the labelled lines that cross it (30 levels at most:
# every link stays under the overview, Z 60, and the boxes).
LABEL_RAISE = 0.25

Point = tuple[float, float]

_EMPTY_PATH = QPainterPath()
_NO_POINTS = b""
_EMPTY_POLYGON = QPolygonF()
_ORIGIN = QPointF()
_NO_RECT = QRectF()
_NO_PEN = QPen()
_NO_COLOUR = QColor()
# Pens and colour per (kind, carries flows), looked up once.
_LOOKS: dict[tuple[str, bool], tuple[QColor, QPen, QPen, QPen]] = {}
# A label's pieces at one pixel size: its static text and width (or None), the flow tag's
# pieces (static text, colour, x offset) and the flow tag's width.
LabelPieces = tuple[QStaticText | None, float, tuple[tuple[QStaticText, QColor, float], ...], float]


class LinkItem(QGraphicsRectItem):
    """The one graphics item of one link (its bounding rectangle is the C++ base's rect).

    The route is kept as packed numbers; the polygon, the painter path and the arrow polygon
    are made the first time something paints, hit-tests or measures along them (a zoomed-out
    view never does), so drawing thousands of links costs little. While the scene paints a
    file (``export_mode``) the painter path is made for each paint and not kept: a file is
    painted once, each band of a PNG meeting the link once.
    """

    # Defaults shared by every link until it sets its own (none is changed in place):
    # building thousands of links then writes only what differs.
    _points: bytes = _NO_POINTS  # the route (scene) packed by _packed; empty before routing
    _arrow_points: tuple[float, float, float, float, float, float] | None = None
    _path_cache: QPainterPath | None = None
    _polygon_cache: QPolygonF | None = None
    _arrow_cache: QPolygonF | None = None
    _ends: tuple[QPointF, QPointF] | None = None
    _pen = _NO_PEN
    _hairline = _NO_PEN
    _lod_pen = _NO_PEN
    _colour = _NO_COLOUR
    _text = ""
    _flow_parts: tuple[tuple[str, QColor], ...] = ()  # the flow tag's pieces, spaces between flows as ""
    _pieces: dict[int, LabelPieces] | None = None  # by pixel size, made on first paint
    _labelled = False
    _label_rect = _NO_RECT
    _label_box: Box | None = None
    _label_pixels = LABEL_SIZE
    _shape: QPainterPath | None = None
    _dimmed = False
    _marks: tuple[str, ...] = ()
    _routed = False
    _lift = 0.0  # LABEL_LIFT while the link has a label
    _raise = 0.0  # LABEL_RAISE per level of label_levels

    def __init__(self, edge_id: str, state: RenderState) -> None:
        super().__init__()
        self.setPen(NO_PEN_PEN)
        self.ref = ("edge", edge_id)
        self.edge_id = edge_id
        self._state = state
        self.setZValue(Z_LINK)

    @property
    def _path(self) -> QPainterPath:
        path = self._path_cache
        if path is None:
            if not self._points:
                return _EMPTY_PATH
            path = QPainterPath()
            path.addPolygon(self._polygon)
            if not self._state.export_mode:
                self._path_cache = path
        return path

    @property
    def _polygon(self) -> QPolygonF:
        polygon = self._polygon_cache
        if polygon is None:
            if not self._points:
                return _EMPTY_POLYGON
            values = iter(_unpacked(self._points))
            polygon = self._polygon_cache = QPolygonF([QPointF(x, y) for x, y in zip(values, values, strict=True)])
        return polygon

    def _end_points(self) -> tuple[QPointF, QPointF]:
        ends = self._ends
        if ends is None:
            if not self._points:
                return _ORIGIN, _ORIGIN
            values = _unpacked(self._points)
            ends = self._ends = (QPointF(values[0], values[1]), QPointF(values[-2], values[-1]))
        return ends

    @property
    def _arrow(self) -> QPolygonF:
        arrow = self._arrow_cache
        if arrow is None:
            points = self._arrow_points
            if points is None:
                return _EMPTY_POLYGON
            arrow = self._arrow_cache = QPolygonF([QPointF(points[0], points[1]), QPointF(points[2], points[3]),
                                                   QPointF(points[4], points[5])])
        return arrow

    # ------------------------------------------------------------- updates
    def set_edge(self, edge: Edge) -> None:
        """Take the link's kind, label and flows."""
        state = self._state
        kind = edge.effective_kind
        flows = edge.flows
        look = _LOOKS.get((kind, bool(flows)))
        if look is None:
            colour = style.LINK_COLOURS.get(kind, style.LINK_OTHER_COLOUR)
            line = style.LINK_STYLES.get(kind, DASH_DOT)
            width = style.FLOW_LINK_WIDTH if flows else style.LINK_WIDTH
            key = style.name_of(colour)
            look = _LOOKS[(kind, bool(flows))] = (colour, style.pen(key, width, line),
                                                  style.pen(key, 1.0, line, cosmetic=True),
                                                  style.pen(key, 1.0, cosmetic=True))
        self._colour, self._pen, self._hairline, self._lod_pen = look
        text = " ".join((edge.label or "").split()) if edge.label else ""
        parts: list[tuple[str, QColor]] = []
        for i, flow in enumerate(flows):
            source = state.region_look(flow.source)
            target = state.region_look(flow.target)
            if i:
                parts.append(("", style.MUTED_INK))
            parts.append((source.short if source else flow.source, source.colour if source else style.MUTED_INK))
            parts.append(("→", style.MUTED_INK))
            parts.append((target.short if target else flow.target, target.colour if target else style.MUTED_INK))
        flow_parts = tuple(parts)
        if text != self._text or flow_parts != self._flow_parts:
            self._text, self._flow_parts, self._pieces = text, flow_parts, None
        self._labelled = bool(text) or bool(flows)
        lift = LABEL_LIFT if self._labelled else 0.0
        if lift != self._lift:
            self.setZValue(self.zValue() - self._lift + lift)
            self._lift = lift
        marks = state.marks.get(self.ref, ())
        if marks or self._marks:
            self._marks = marks
        self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self.update()

    def set_marks(self, marks: tuple[str, ...]) -> None:
        self._marks = marks
        self.update()

    def set_route(self, points: Sequence[Point] | None, label: Box | None = None,
                  pixel_size: int = LABEL_SIZE) -> None:
        """Draw the link along ``points`` (scene coordinates, from the source's box to the
        target's), its label in ``label`` (left, top, right, bottom) at ``pixel_size``;
        hidden when ``points`` is None (an end without a box)."""
        if points is None or len(points) < 2:
            if self._routed or self.isVisible():
                self._routed = False
                self.setVisible(False)
            return
        if not self.isVisible():
            self.setVisible(True)
        self._routed = True
        route = _packed(points)
        if route == self._points and label == self._label_box and pixel_size == self._label_pixels:
            return
        self._points = route
        self._path_cache = self._polygon_cache = self._arrow_cache = None
        self._ends = None
        self._arrow_points = _arrow_at(points)
        self._label_box = label
        self._label_pixels = pixel_size
        self._label_rect = _NO_RECT if label is None else QRectF(label[0], label[1], label[2] - label[0],
                                                                   label[3] - label[1])
        self._geometry_changed(points)

    def raise_label(self, level: int) -> None:
        """Stack the link ``level`` steps above the lowest labelled links (its level in
        :func:`chainmap.core.routing.label_levels`; 0 for a link without a label)."""
        lift = LABEL_RAISE * level
        if lift != self._raise:
            self.setZValue(self.zValue() - self._raise + lift)
            self._raise = lift

    def route_points(self) -> tuple[Point, ...]:
        """The route drawn now (scene coordinates); empty when hidden or not routed yet."""
        if not self._routed:
            return ()
        values = _unpacked(self._points)
        return tuple(zip(values[0::2], values[1::2], strict=True))

    def has_route(self) -> bool:
        """Whether the link is drawn now, along its route or a straight preview (not hidden)."""
        return self._routed and bool(self._points)

    def draws_route(self, points: Sequence[Point]) -> bool:
        """Whether the link is drawn along ``points`` now."""
        return (self._points if self._routed else _NO_POINTS) == _packed(points)

    def has_label(self) -> bool:
        """Whether the link shows a label (its name or its flows)."""
        return self._labelled

    def label_rect(self) -> QRectF:
        """The label's place now (scene coordinates); empty without a label."""
        return QRectF(self._label_rect) if self._labelled else QRectF()

    def label_box(self) -> Box | None:
        """The label's place now as (left, top, right, bottom); None without a label."""
        return self._label_box if self._labelled else None

    def label_pixel_size(self) -> int:
        """The pixel size of the label's text (smaller than 11 where it had to shrink)."""
        return self._label_pixels

    def _geometry_changed(self, points: Sequence[Point]) -> None:
        """The route is ``points`` now: the item's rectangle follows it."""
        self._shape = None
        if len(points) == 2:
            (x0, y0), (x1, y1) = points
            left, right = (x0, x1) if x0 <= x1 else (x1, x0)
            top, bottom = (y0, y1) if y0 <= y1 else (y1, y0)
        else:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
        arrow = self._arrow_points
        if arrow is not None:  # the arrow's corners reach at most its half-width past the route
            left, top = min(left, arrow[2], arrow[4]), min(top, arrow[3], arrow[5])
            right, bottom = max(right, arrow[2], arrow[4]), max(bottom, arrow[3], arrow[5])
        label = self._label_box
        if label is not None:
            left, top = min(left, label[0]), min(top, label[1])
            right, bottom = max(right, label[2]), max(bottom, label[3])
        grow = style.FLOW_LINK_WIDTH + 6
        self.setRect(QRectF(left - grow, top - grow, (right - left) + grow + grow, (bottom - top) + grow + grow))

    def overview_line(self) -> tuple[QLineF, QPen, bool]:
        """:meth:`overview` as one line, made straight from the route's numbers."""
        values = _unpacked(self._points)
        line = QLineF(values[0], values[1], values[-2], values[-1]) if values else QLineF()
        return line, self._lod_pen, self._dimmed

    def overview(self) -> tuple[QPointF, QPointF, QPen, bool]:
        """What the far-zoom overview draws: a line from ``start`` to ``end``."""
        start, end = self._end_points()
        return start, end, self._lod_pen, self._dimmed

    # ------------------------------------------------------------------ Qt
    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10.0)
            shape = stroker.createStroke(self._path)
            shape.addPolygon(self._arrow)
            if self._labelled and not self._label_rect.isEmpty():
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
            painter.drawPolyline(self._polygon)
            return
        pen = self._pen
        if not state.vector_output and pen.widthF() * lod <= style.HAIRLINE_MAX:
            pen = self._hairline
        painter.setBrush(style.NO_BRUSH)
        path = self._path
        for i, role in enumerate(self._marks):
            colour = style.ROLE_COLOURS.get(role, style.ROLE_OTHER_COLOUR)
            painter.setPen(style.pen(style.name_of(colour), self._pen.widthF() + 5 + 4 * i))
            painter.drawPath(path)
        if selected:
            painter.setPen(style.pen(style.name_of(style.SELECTION), self._pen.widthF() + 4))
            painter.drawPath(path)
        painter.setPen(pen)
        painter.drawPath(path)
        painter.setPen(style.NO_PEN)
        painter.setBrush(style.brush(style.name_of(self._colour)))
        painter.drawPolygon(self._arrow)
        if self._labelled and not self._label_rect.isEmpty():
            self._paint_label(painter)

    def _label_pieces(self, pixel_size: int) -> LabelPieces:
        pieces = self._pieces
        if pieces is None:
            pieces = self._pieces = {}
        found = pieces.get(pixel_size)
        if found is None:
            label, label_width = _label_text(self._text, pixel_size) if self._text else (None, 0.0)
            flow: list[tuple[QStaticText, QColor, float]] = []
            x = 0.0
            for text, colour in self._flow_parts:
                if not text:
                    x += _label_text(" ", pixel_size)[1]
                    continue
                static, width = _label_text(text, pixel_size)
                flow.append((static, colour, x))
                x += width
            found = pieces[pixel_size] = (label, label_width, tuple(flow), x)
        return found

    def _paint_label(self, painter: QPainter) -> None:
        rect = self._label_rect
        size = self._label_pixels
        label, label_width, flow, flow_width = self._label_pieces(size)
        painter.setBrush(style.brush("#E6FFFFFF"))
        painter.setPen(style.pen(style.name_of(self._colour), 0.6) if flow else style.NO_PEN)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(style.map_font(size))
        y = rect.top() + 1
        if label is not None:
            painter.setPen(style.INK)
            painter.drawStaticText(QPointF(rect.center().x() - label_width / 2, y), label)
            y += style.metrics(size).height()
        if flow:
            left = rect.center().x() - flow_width / 2
            for text, colour, x in flow:
                painter.setPen(colour)
                painter.drawStaticText(QPointF(left + x, y), text)


_TEXTS: dict[tuple[str, int], tuple[QStaticText, float]] = {}  # label pieces by text and size, with widths


def _label_text(text: str, pixel_size: int) -> tuple[QStaticText, float]:
    """A label's (or flow piece's) static text and width at ``pixel_size``; links share
    equal ones."""
    found = _TEXTS.get((text, pixel_size))
    if found is None:
        if len(_TEXTS) > 4096:
            _TEXTS.clear()
        found = _TEXTS[(text, pixel_size)] = (style.static_text(text),
                                              style.metrics(pixel_size).horizontalAdvance(text))
    return found


def _packed(points: Sequence[Point]) -> bytes:
    """``points`` as the bytes of their coordinates (C doubles, x then y): one object of 16
    bytes a point, made twice as fast as an ``array`` of them."""
    return _packing(len(points)).pack(*chain.from_iterable(points))


@lru_cache(maxsize=512)
def _packing(count: int) -> struct.Struct:
    return struct.Struct(f"={2 * count}d")


def _unpacked(packed: bytes) -> memoryview[float]:
    """The coordinates :func:`_packed` packed, x then y."""
    return memoryview(packed).cast("d")


def _arrow_at(route: Sequence[Point]) -> tuple[float, float, float, float, float, float]:
    """The arrowhead's three corners: its tip at the route's end, pointing along the last
    piece of some length."""
    x3, y3 = route[-1]
    dx = dy = 0.0
    for x, y in reversed(route[:-1]):
        dx, dy = x3 - x, y3 - y
        if abs(dx) > 1e-9 or abs(dy) > 1e-9:
            break
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = x3 - ux * ARROW_LENGTH, y3 - uy * ARROW_LENGTH
    return (x3, y3, bx - uy * ARROW_HALF, by + ux * ARROW_HALF, bx + uy * ARROW_HALF, by - ux * ARROW_HALF)


def clip_xy(cx: float, cy: float, width: float, height: float, toward_x: float,
            toward_y: float) -> tuple[float, float]:
    """Where the line from the centre of a ``width`` × ``height`` rectangle at (cx, cy)
    toward (toward_x, toward_y) leaves the rectangle."""
    dx, dy = toward_x - cx, toward_y - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(
        (width / 2) / abs(dx) if dx else math.inf,
        (height / 2) / abs(dy) if dy else math.inf,
    )
    scale = min(scale, 1.0)
    return cx + dx * scale, cy + dy * scale
