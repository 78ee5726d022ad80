"""A link (upstream → downstream): an arrow from the source's frame to the target's frame,
with its label and, for cross-region supply, a flow tag such as 津→京 in the regions' colours.

The item stays at the scene origin and holds its route in scene coordinates; the scene hands
it the two frames (already redirected to a folded parent) whenever they change.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
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
from .label_space import Box
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


_EMPTY_PATH = QPainterPath()
_EMPTY_POLYGON = QPolygonF()
_ORIGIN = QPointF()
_NO_RECT = QRectF()
_NO_PEN = QPen()
_NO_COLOUR = QColor()
# Pens and colour per (kind, carries flows), looked up once.
_LOOKS: dict[tuple[str, bool], tuple[QColor, QPen, QPen, QPen]] = {}


class LinkItem(QGraphicsRectItem):
    """The one graphics item of one link (its bounding rectangle is the C++ base's rect).

    The route is kept as plain numbers; the painter path and the arrow polygon are made
    the first time something paints, hit-tests or measures along them (a zoomed-out view
    never does), so routing thousands of links costs little.
    """

    # Defaults shared by every link until it sets its own (none is changed in place):
    # building thousands of links then writes only what differs.
    # start, first control, second control, end: x, y each (scene); None before routing.
    _curve: tuple[float, float, float, float, float, float, float, float] | None = None
    _arrow_points: tuple[float, float, float, float, float, float] | None = None
    _path_cache: QPainterPath | None = None
    _arrow_cache: QPolygonF | None = None
    _ends: tuple[QPointF, QPointF] | None = None
    _pen = _NO_PEN
    _hairline = _NO_PEN
    _lod_pen = _NO_PEN
    _colour = _NO_COLOUR
    _label: QStaticText | None = None
    _label_width = 0.0
    _flow: tuple[tuple[QStaticText, QColor, float], ...] = ()
    _flow_width = 0.0
    _labelled = False
    _label_size = (0.0, 0.0)  # text width, lines × line height
    _label_rect = _NO_RECT
    _label_box: Box | None = None
    _shape: QPainterPath | None = None
    _dimmed = False
    _marks: tuple[str, ...] = ()
    _label_at: tuple[float, tuple[float, float]] = (0.5, (0.0, 0.0))

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
            curve = self._curve
            if curve is None:
                return _EMPTY_PATH
            path = QPainterPath()
            path.moveTo(curve[0], curve[1])
            path.cubicTo(*curve[2:])
            self._path_cache = path
        return path

    def _end_points(self) -> tuple[QPointF, QPointF]:
        ends = self._ends
        if ends is None:
            curve = self._curve
            if curve is None:
                return _ORIGIN, _ORIGIN
            ends = self._ends = (QPointF(curve[0], curve[1]), QPointF(curve[6], curve[7]))
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
        label = " ".join((edge.label or "").split()) if edge.label else ""
        fm = style.metrics(LABEL_SIZE)
        if label:
            self._label, self._label_width = _label_text(label, fm)
        elif self._label is not None:
            self._label, self._label_width = None, 0.0
        x = 0.0
        if flows:
            pieces: list[tuple[QStaticText, QColor, float]] = []
            for i, flow in enumerate(flows):
                source = state.region_look(flow.source)
                target = state.region_look(flow.target)
                if i:
                    x += fm.horizontalAdvance(" ")
                for text, region in ((source.short if source else flow.source, source),
                                     ("→", None), (target.short if target else flow.target, target)):
                    colour_of = region.colour if region is not None else style.MUTED_INK
                    static, width = _label_text(text, fm)
                    pieces.append((static, colour_of, x))
                    x += width
            self._flow = tuple(pieces)
        elif self._flow:
            self._flow = ()
        self._flow_width = x
        labelled = bool(label) or bool(flows)
        if labelled or self._labelled:
            self._labelled = labelled
            self._label_size = (max(self._label_width, x), (bool(label) + bool(flows)) * fm.height())
        marks = state.marks.get(self.ref, ())
        if marks or self._marks:
            self._marks = marks
        if self._curve is not None:
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
        self.route(source, target)

    def route(self, source: QRectF | None, target: QRectF | None,
              blocked: Callable[[Box], bool] | None = None) -> None:
        """:meth:`set_ends`, then with ``blocked`` :meth:`place_label`, in one geometry
        update."""
        if source is None or target is None:
            self.setVisible(False)
            if blocked is not None:
                self.place_label(blocked)  # where its last route had it
            return
        self.setVisible(True)
        # Plain numbers, computed as QRectF would (right = x + w, centre = x + w / 2).
        sx, sy, sw, sh = source.getRect()
        tx, ty, tw, th = target.getRect()
        s_right, s_bottom, t_right, t_bottom = sx + sw, sy + sh, tx + tw, ty + th
        scx, scy, tcx, tcy = sx + sw / 2, sy + sh / 2, tx + tw / 2, ty + th / 2
        if tx - s_right >= MIN_GAP:
            x0, y0, x3, y3 = s_right, scy, tx, tcy
            bend = (x3 - x0) * 0.5
            x1, y1, x2, y2 = x0 + bend, y0, x3 - bend, y3
        elif sx - t_right >= MIN_GAP:
            x0, y0, x3, y3 = sx, scy, t_right, tcy
            bend = (x0 - x3) * 0.5
            x1, y1, x2, y2 = x0 - bend, y0, x3 + bend, y3
        elif ty >= s_bottom:
            x0, y0, x3, y3 = scx, s_bottom, tcx, ty
            bend = (y3 - y0) * 0.5
            x1, y1, x2, y2 = x0, y0 + bend, x3, y3 - bend
        elif sy >= t_bottom:
            x0, y0, x3, y3 = scx, sy, tcx, t_bottom
            bend = (y0 - y3) * 0.5
            x1, y1, x2, y2 = x0, y0 - bend, x3, y3 + bend
        else:  # overlapping frames: a straight line between the clipped centres
            x0, y0 = _clip_xy(scx, scy, sw, sh, tcx, tcy)
            x3, y3 = _clip_xy(tcx, tcy, tw, th, scx, scy)
            x1, y1, x2, y2 = x0, y0, x3, y3
        curve = (x0, y0, x1, y1, x2, y2, x3, y3)
        if curve == self._curve:
            if blocked is not None:
                self.place_label(blocked)
            return
        self._curve = curve
        self._path_cache = None
        self._arrow_cache = None
        self._ends = None
        dx, dy = x3 - x2, y3 - y2
        if dx == 0 and dy == 0:
            dx, dy = x3 - x0, y3 - y0
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        bx, by = x3 - ux * ARROW_LENGTH, y3 - uy * ARROW_LENGTH
        self._arrow_points = (x3, y3, bx - uy * ARROW_HALF, by + ux * ARROW_HALF,
                              bx + uy * ARROW_HALF, by - ux * ARROW_HALF)
        if blocked is not None and self._labelled:
            self._label_at = self._free_place(blocked)
        self._geometry_changed()

    def has_label(self) -> bool:
        return self._labelled

    def _label_geometry(self, t: float, shift: tuple[float, float]) -> tuple[float, float, float, float]:
        """x, y, width, height of the label centred ``t`` along the link, moved by ``shift``
        label widths and heights (as :meth:`label_rect_at`)."""
        mid_x, mid_y = _point_at(self._curve, t)  # type: ignore[arg-type]
        width, height = self._label_size
        w, h = width + 6, height + 2
        return (mid_x - width / 2 - 3 + shift[0] * (w + 2), mid_y - height / 2 - 1 + shift[1] * (h + 2), w, h)

    def label_rect_at(self, t: float, shift: tuple[float, float] = (0.0, 0.0)) -> QRectF:
        """Where the label would be with its centre at ``t`` along the link, moved by ``shift``
        label widths and heights."""
        if not self._labelled or self._curve is None:
            return QRectF()
        return QRectF(*self._label_geometry(t, shift))

    def label_rect(self) -> QRectF:
        """The label's place now (scene coordinates); empty without a label."""
        return QRectF(self._label_rect)

    def label_box(self) -> Box | None:
        """The label's place now as (left, top, right, bottom); None without a label."""
        return self._label_box

    def place_label(self, blocked: Callable[[Box], bool]) -> None:
        """Put the label at the first place along the link that ``blocked`` does not refuse
        (a box would hide it), else in the middle. ``blocked`` gets (left, top, right,
        bottom) in scene coordinates."""
        if not self._labelled or self._curve is None:
            return
        chosen = self._free_place(blocked)
        if chosen != self._label_at:
            self._label_at = chosen
            self._geometry_changed()

    def _free_place(self, blocked: Callable[[Box], bool]) -> tuple[float, tuple[float, float]]:
        geometry = self._label_geometry
        for place in LABEL_PLACE_ORDER:
            x, y, w, h = geometry(*place)
            if not blocked((x, y, x + w, y + h)):
                return place
        return LABEL_PLACE_ORDER[0]

    def _geometry_changed(self) -> None:
        self._shape = None
        curve = self._curve
        if curve is None:
            return
        x0, y0, x1, y1, x2, y2, x3, y3 = curve
        a0, a1, a2, a3, a4, a5 = self._arrow_points  # type: ignore[misc]
        # The path's control-point rectangle, united (as QRectF.united: a null rectangle
        # counts for nothing) with the arrow's and the label's.
        curve_box = (min(x0, x1, x2, x3), min(y0, y1, y2, y3), max(x0, x1, x2, x3), max(y0, y1, y2, y3))
        arrow_box = (min(a0, a2, a4), min(a1, a3, a5), max(a0, a2, a4), max(a1, a3, a5))
        if self._labelled:
            x, y, w, h = self._label_geometry(*self._label_at)
            self._label_rect = QRectF(x, y, w, h)
            label_box = self._label_box = (x, y, x + w, y + h)
        else:
            if self._label_box is not None:
                self._label_rect, self._label_box = _NO_RECT, None
            label_box = None
        if (curve_box[0] != curve_box[2] or curve_box[1] != curve_box[3]) and (
                arrow_box[0] != arrow_box[2] or arrow_box[1] != arrow_box[3]):
            left, top = min(curve_box[0], arrow_box[0]), min(curve_box[1], arrow_box[1])
            right, bottom = max(curve_box[2], arrow_box[2]), max(curve_box[3], arrow_box[3])
            if label_box is not None:
                left, top = min(left, label_box[0]), min(top, label_box[1])
                right, bottom = max(right, label_box[2]), max(bottom, label_box[3])
            box: Box | None = (left, top, right, bottom)
        else:  # a degenerate route (a point)
            box = _unite(_unite(None, curve_box), arrow_box)
            if label_box is not None:
                box = _unite(box, label_box)
        grow = style.FLOW_LINK_WIDTH + 6
        if box is None:
            self.setRect(QRectF(-grow, -grow, grow + grow, grow + grow))
            return
        left, top, right, bottom = box
        self.setRect(QRectF(left - grow, top - grow, (right - left) + grow + grow, (bottom - top) + grow + grow))

    def set_editable(self, editable: bool) -> None:
        self.setFlags(SELECTABLE if editable else NO_FLAGS)

    def overview_line(self) -> tuple[QLineF, QPen, bool]:
        """:meth:`overview` as one line, made straight from the route's numbers."""
        curve = self._curve
        line = QLineF(curve[0], curve[1], curve[6], curve[7]) if curve is not None else QLineF()
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
            painter.drawLine(*self._end_points())
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


LABEL_PLACE_ORDER = tuple(_label_places())
_TEXTS: dict[str, tuple[QStaticText, float, QFontMetricsF]] = {}  # label pieces by text, with their widths


def _label_text(text: str, fm: QFontMetricsF) -> tuple[QStaticText, float]:
    """A label's (or flow piece's) static text and width; links share equal ones."""
    found = _TEXTS.get(text)
    if found is None or found[2] is not fm:
        if len(_TEXTS) > 4096:
            _TEXTS.clear()
        found = _TEXTS[text] = (style.static_text(text), fm.horizontalAdvance(text), fm)
    return found[0], found[1]


def _point_at(curve: tuple[float, ...], t: float) -> tuple[float, float]:
    """The point at ``t`` of the cubic ``curve`` (start, two controls, end), exactly as
    ``QPainterPath.pointAtPercent`` finds it on a one-curve path (Qt evaluates the curve's
    parameter there, the same de Casteljau steps), without making the path."""
    x1, y1, x2, y2, x3, y3, x4, y4 = curve
    m = 1.0 - t
    a, b, c = x1 * m + x2 * t, x2 * m + x3 * t, x3 * m + x4 * t
    a, b = a * m + b * t, b * m + c * t
    x = a * m + b * t
    a, b, c = y1 * m + y2 * t, y2 * m + y3 * t, y3 * m + y4 * t
    a, b = a * m + b * t, b * m + c * t
    return x, a * m + b * t


def _unite(a: Box | None, b: Box) -> Box | None:
    """Two (left, top, right, bottom) rectangles united as QRectF.united does (a rectangle
    of no width and no height counts for nothing); None is the null rectangle."""
    if b[2] - b[0] == 0 and b[3] - b[1] == 0:
        return a
    if a is None:
        return b
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _clip(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the line from ``rect``'s centre toward ``toward`` leaves the rectangle."""
    centre = rect.center()
    return QPointF(*_clip_xy(centre.x(), centre.y(), rect.width(), rect.height(), toward.x(), toward.y()))


def _clip_xy(cx: float, cy: float, width: float, height: float, toward_x: float,
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
