"""A note: a callout with plain text (never HTML) and a leader line to its segment.

The note's ``x``/``y`` is the centre of its callout, unless the callout there would cover
a box or another note: then the router (:mod:`chainmap.core.routing.notes`) moves it to the
nearest free place, and routes its leader round the boxes; the scene hands both in
(:meth:`NoteItem.set_callout`). Before that, and while the note is dragged, the leader is a
straight line from the callout's edge to the nearest point of the segment's box.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPolygonF, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from chainmap.core.model import Note
from chainmap.core.routing.obstacles import Box

from . import style
from .items_link import clip_xy
from .items_segment import NO_PEN_PEN
from .state import RenderState

Point = tuple[float, float]

_POSITION_CHANGED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged

TEXT_SIZE = 12
TEXT_WIDTH = 200.0
PAD = 7.0
MARGIN = 8.0


class NoteItem(QGraphicsRectItem):
    """The one graphics item of one note (its bounding rectangle is the C++ base's rect)."""

    def __init__(self, note_id: str, state: RenderState) -> None:
        super().__init__()
        self.setPen(NO_PEN_PEN)
        self.ref = ("note", note_id)
        self.note_id = note_id
        self._state = state
        self._syncing = False
        self._text = QStaticText()
        self._rect = QRectF()
        self._size = (0.0, 0.0)
        self._target: Box | None = None  # the segment's box, scene coordinates
        self._leader: QPolygonF | None = None  # item coordinates
        self._marks: tuple[str, ...] = ()
        self.setZValue(200.0)

    def set_note(self, note: Note) -> None:
        """Take the note's text and position."""
        font = style.map_font(TEXT_SIZE)
        fm = style.metrics(TEXT_SIZE)
        # Wrap only text wider than the callout's width, so short notes stay compact.
        lines = note.text.strip().splitlines() or [" "]
        natural = max(fm.horizontalAdvance(line) for line in lines)
        # QStaticText breaks lines only at the Unicode line separator.
        static = style.static_text("\u2028".join(lines), TEXT_WIDTH if natural > TEXT_WIDTH else None)
        static.prepare(font=font)
        self._text = static
        size = static.size()
        width, height = size.width() + 2 * PAD, size.height() + 2 * PAD
        if (width, height) != self._size:
            self._size = (width, height)
            self._rect = QRectF(-width / 2, -height / 2, width, height)
        self._marks = self._state.marks.get(self.ref, ())
        self._syncing = True
        try:
            self.setPos(note.x, note.y)
        finally:
            self._syncing = False
        self._update_leader()

    def set_target(self, box: Box | None) -> None:
        """The box of the segment the note points at (``None``: no leader); the leader is a
        straight line to it until :meth:`set_callout`."""
        self._target = box
        self._update_leader()

    def set_callout(self, rect: Box, leader: Sequence[Point] | None) -> None:
        """Where the router put the callout (left, top, right, bottom) and its leader
        (a polyline from the callout to the segment's box, or None), in scene coordinates."""
        x, y = self.pos().x(), self.pos().y()
        self._rect = QRectF(rect[0] - x, rect[1] - y, rect[2] - rect[0], rect[3] - rect[1])
        self._leader = None if leader is None else QPolygonF([QPointF(px - x, py - y) for px, py in leader])
        self._set_bounds()
        self.update()

    def callout_box(self) -> Box:
        """The callout's rectangle now (left, top, right, bottom), scene coordinates."""
        rect = self.overview()
        return rect.left(), rect.top(), rect.right(), rect.bottom()

    def leader_points(self) -> tuple[Point, ...]:
        """The leader drawn now (scene coordinates); empty without one."""
        if self._leader is None:
            return ()
        x, y = self.pos().x(), self.pos().y()
        leader = self._leader
        return tuple((leader.at(i).x() + x, leader.at(i).y() + y) for i in range(leader.size()))

    def set_marks(self, marks: tuple[str, ...]) -> None:
        self._marks = marks
        self.update()

    def overview(self) -> QRectF:
        """What the far-zoom overview draws: the callout's rectangle (scene)."""
        return self._rect.translated(self.pos())

    def text(self) -> str:
        """The text as drawn (line breaks as the Unicode line separator)."""
        return self._text.text()

    def _update_leader(self) -> None:
        """A straight leader from the callout to the nearest point of the target's box."""
        self._leader = None
        if self._target is not None:
            x, y = self.pos().x(), self.pos().y()
            left, top, right, bottom = (self._target[0] - x, self._target[1] - y, self._target[2] - x,
                                        self._target[3] - y)
            rect = self._rect
            if not (rect.left() <= right and left <= rect.right() and rect.top() <= bottom
                    and top <= rect.bottom()):
                centre = rect.center()
                end = (min(max(centre.x(), left), right), min(max(centre.y(), top), bottom))
                start = clip_xy(centre.x(), centre.y(), rect.width(), rect.height(), *end)
                self._leader = QPolygonF([QPointF(*start), QPointF(*end)])
        self._set_bounds()

    def _set_bounds(self) -> None:
        bounds = self._rect
        if self._leader is not None:
            bounds = bounds.united(self._leader.boundingRect())
        self.setRect(bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect)
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == _POSITION_CHANGED and not self._syncing:
            self._update_leader()
        return super().itemChange(change, value)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self._state.view_region is not None:
            painter.setOpacity(0.6)
        if self._leader is not None:
            painter.setPen(style.pen(style.name_of(style.NOTE_BORDER), 1.2, style.DASH))
            painter.setBrush(style.NO_BRUSH)
            painter.drawPolyline(self._leader)
            painter.setPen(style.NO_PEN)
            painter.setBrush(style.brush(style.name_of(style.NOTE_BORDER)))
            painter.drawEllipse(self._leader.last(), 2.5, 2.5)
        painter.setPen(style.pen(style.name_of(style.NOTE_BORDER), 1.0))
        painter.setBrush(style.brush(style.name_of(style.NOTE_FILL)))
        if lod < style.LOD_DETAIL:
            painter.drawRect(self._rect)
            return
        painter.drawRoundedRect(self._rect, 6, 6)
        painter.setPen(style.INK)
        painter.setFont(style.map_font(TEXT_SIZE))
        painter.drawStaticText(QPointF(self._rect.left() + PAD, self._rect.top() + PAD), self._text)
        painter.setBrush(style.NO_BRUSH)
        for i, role in enumerate(self._marks):
            colour = style.ROLE_COLOURS.get(role, style.ROLE_OTHER_COLOUR)
            painter.setPen(style.pen(style.name_of(colour), 2.5))
            grow = 3.5 + 3.5 * i
            painter.drawRoundedRect(self._rect.adjusted(-grow, -grow, grow, grow), 8, 8)
        if self.isSelected() and not self._state.export_mode:
            painter.setPen(style.pen(style.name_of(style.SELECTION), 2.0, style.DASH))
            painter.drawRoundedRect(self._rect.adjusted(-3, -3, 3, 3), 8, 8)

