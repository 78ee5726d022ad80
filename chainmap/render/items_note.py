"""A note: a callout with plain text (never HTML) and a leader line to its segment.

The note's ``x``/``y`` is the centre of its callout. The leader runs from the callout's
edge to the nearest point of the segment's frame, which the scene hands in.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from chainmap.core.model import Note

from . import style
from .items_link import NO_FLAGS, _clip
from .items_segment import EDITABLE_FLAGS, NO_PEN_PEN
from .state import RenderState

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
        self._target: QRectF | None = None  # the segment's frame, scene coordinates
        self._leader: QLineF | None = None
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
        self._rect = QRectF(-size.width() / 2 - PAD, -size.height() / 2 - PAD,
                            size.width() + 2 * PAD, size.height() + 2 * PAD)
        self._marks = self._state.marks.get(self.ref, ())
        self._syncing = True
        try:
            self.setPos(note.x, note.y)
        finally:
            self._syncing = False
        self._update_leader()

    def set_target(self, frame: QRectF | None) -> None:
        """The frame of the segment the note points at (``None``: no leader)."""
        self._target = frame
        self._update_leader()

    def set_marks(self, marks: tuple[str, ...]) -> None:
        self._marks = marks
        self.update()

    def set_editable(self, editable: bool) -> None:
        self.setFlags(EDITABLE_FLAGS if editable else NO_FLAGS)

    def overview(self) -> QRectF:
        """What the far-zoom overview draws: the callout's rectangle (scene)."""
        return self._rect.translated(self.pos())

    def text(self) -> str:
        """The text as drawn (line breaks as the Unicode line separator)."""
        return self._text.text()

    def _update_leader(self) -> None:
        self._leader = None
        bounds = self._rect
        if self._target is not None:
            target = self._target.translated(-self.pos())
            if not target.intersects(self._rect):
                end = _nearest_on_border(target, QPointF(0, 0))
                start = _clip(self._rect, end)
                self._leader = QLineF(start, end)
                bounds = bounds.united(QRectF(start, end).normalized())
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
            painter.drawLine(self._leader)
            painter.setPen(style.NO_PEN)
            painter.setBrush(style.brush(style.name_of(style.NOTE_BORDER)))
            painter.drawEllipse(self._leader.p2(), 2.5, 2.5)
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


def _nearest_on_border(rect: QRectF, point: QPointF) -> QPointF:
    """The point of ``rect``'s border nearest to ``point`` (which lies outside it)."""
    x = min(max(point.x(), rect.left()), rect.right())
    y = min(max(point.y(), rect.top()), rect.bottom())
    return QPointF(x, y)
