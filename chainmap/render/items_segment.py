"""A segment (环节): its box, name, per-region status chips, enterprise count and plan
badges; for a segment with sub-segments, also the container frame that can fold.

The box has the fixed size of :func:`chainmap.core.geometry.own_box`, centred on the
item's position (the node's ``x``/``y``); the frame comes from
:func:`chainmap.core.geometry.frame`, handed in by the scene, so the layout and the
painting agree. Everything a paint needs is prepared when the node or the view changes;
the bounding rectangle lives in the C++ base class (QGraphicsRectItem), so Qt never calls
into Python to ask for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF, QStaticText
from PySide6.QtWidgets import QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from chainmap.core.analysis import GAP_STATUSES, region_status, regional_status
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH
from chainmap.core.model import Node
from chainmap.core.vocabulary import ACTION_LABELS

from . import style
from .state import RegionLook, RenderState

HALF_W = SEGMENT_WIDTH / 2
HALF_H = SEGMENT_HEIGHT / 2
BOX = QRectF(-HALF_W, -HALF_H, SEGMENT_WIDTH, SEGMENT_HEIGHT)
PAD = 7.0
NAME_SIZE = 13
SMALL_SIZE = 10
CHIP = 11.0
CHIP_Y = HALF_H - 5.0 - CHIP  # top of the chip row
BADGE = 13.0
TOGGLE = QRectF(-HALF_W + 3, -HALF_H + 3, 13, 13)
MARGIN = 10.0  # room around the box/frame for marks, badges and selection
# Containers under the links, boxes above them (see items_link.Z_LINK).
Z_CONTAINER = 10.0
Z_BOX = 100.0

_LEFT_BUTTON = Qt.MouseButton.LeftButton
NO_PEN_PEN = QPen(Qt.PenStyle.NoPen)
_ITEM_RECT = BOX.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
# The name's room, without and with the fold toggle.
_NAME_WIDTH = (SEGMENT_WIDTH - 2 * PAD, SEGMENT_WIDTH - 2 * PAD - 2 * TOGGLE.width())
# Looked up once: every box of a map is styled from these.
_STATUS_BRUSHES = {status: style.brush(style.name_of(colour)) for status, colour in style.STATUS_FILLS.items()}
_WHITE_BRUSH = style.brush("#FFFFFFFF")
_BORDER_PEN = style.pen(style.name_of(style.BOX_BORDER), 1.0)
_GAP_PEN = style.pen(style.name_of(style.GAP_RED), 3.0)
_WEAK_PEN = style.pen(style.name_of(style.WEAK_ORANGE), 3.0)

_PLAN_CHARS = {action: labels[0][0] for action, labels in ACTION_LABELS.items()}  # 补 强 延 优
_PLAN_TEXTS: dict[str, QStaticText] = {}


def plan_text(action: str) -> QStaticText:
    """The one-character badge of a plan's action: 补 fill, 强 strengthen, 延 extend, 优 optimise."""
    text = _PLAN_TEXTS.get(action)
    if text is None:
        text = _PLAN_TEXTS[action] = style.static_text(_PLAN_CHARS.get(action, "?"))
    return text


class SegmentItem(QGraphicsRectItem):
    """The one graphics item of one segment; the scene positions and restyles it."""

    # Defaults shared by every box until it sets its own (none is changed in place), so
    # building thousands of boxes writes only what differs.
    _name_text = ""
    _name: tuple[tuple[QPointF, QStaticText], ...] = ()
    _chips: list[tuple] | tuple[()] = ()
    _count: tuple[QPointF, QStaticText] | None = None
    _fill = _WHITE_BRUSH
    _lod_fill = style.STATUS_LOD_FILLS["unknown"]
    _border = _BORDER_PEN
    _dimmed = False
    _frame: QRectF | None = None  # the container frame, local, when it has children shown
    _folded = False
    _hidden: QStaticText | None = None
    _has_children = False  # shows a container frame (has sub-segments, not folded)
    _foldable = False  # has sub-segments
    _hidden_gap = False  # folded away sub-segments include a gap to fill
    _provenance: list[str] | tuple[()] = ()
    _marks: tuple[str, ...] = ()
    status = "unknown"  # in the current view
    highlighted = False  # a gap to fill of the viewed region

    def __init__(self, node_id: str, state: RenderState) -> None:
        super().__init__()
        self.setPen(NO_PEN_PEN)
        self.ref = ("node", node_id)
        self.node_id = node_id
        self._state = state
        self.setRect(_ITEM_RECT)

    # ------------------------------------------------------------- updates
    def sync_node(self, node: Node) -> None:
        """Take the node's position and name, and restyle."""
        self.set_position(node)
        self.set_name(node.name)
        self.restyle(node)

    def set_position(self, node: Node) -> None:
        """Put the box where the model says (no drag notification)."""
        if node.x is None or node.y is None:
            return
        _set_pos(self, node.x, node.y)

    def setPos(self, *args: Any) -> None:  # noqa: N802 - Qt's name
        """Move the box, telling the scene it is dragged (the canvas's drag preview moves
        boxes with this). Deliberately not an ``itemChange`` override: with one, every flag,
        z-value and scene change of every box would be a call into Python."""
        _set_pos(self, *args)
        scene = self.scene()
        if scene is not None and hasattr(scene, "item_dragged"):
            scene.item_dragged(self)

    def moveBy(self, dx: float, dy: float) -> None:  # noqa: N802 - Qt's name
        self.setPos(self.pos() + QPointF(dx, dy))

    def set_name(self, name: str) -> None:
        width = _NAME_WIDTH[self._foldable]
        fm = style.metrics(NAME_SIZE)
        text = " ".join(name.split())
        advance = fm.horizontalAdvance(text) if text else 0.0
        if not text:
            lines = []
        elif advance <= width:  # the usual case: one line, no text layout needed
            lines = [text]
        else:
            lines = style.wrap_lines(text, style.map_font(NAME_SIZE), width, 2)
        line_height = fm.height()
        area_top = -HALF_H + 4.0
        area_height = CHIP_Y - 3.0 - area_top
        top = area_top + (area_height - line_height * len(lines)) / 2
        self._name = tuple((QPointF(-(advance if line is text else fm.horizontalAdvance(line)) / 2,
                                    top + i * line_height), style.static_text(line))
                           for i, line in enumerate(lines))
        self._name_text = name
        self.update()

    def name_lines(self) -> list[str]:
        """The name as drawn: at most two lines, the second elided."""
        return [text.text() for _, text in self._name]

    def restyle(self, node: Node) -> None:
        """Recompute colours, chips, badges and the count for the current view."""
        state = self._state
        view = state.view_region
        status = region_status(node, view) if view else regional_status(node, state.region_codes)
        self.status = status
        self._fill = _STATUS_BRUSHES[status]
        self._lod_fill = style.STATUS_LOD_FILLS[status]
        self.highlighted = view is not None and status in GAP_STATUSES
        if self.highlighted:
            self._border = _GAP_PEN if status == "gap" else _WEAK_PEN
            self._dimmed = False
        else:
            self._border = _BORDER_PEN
            self._dimmed = view is not None and not self._hidden_gap
        self._layout_chips(node)
        self._marks = state.marks.get(self.ref, ())
        provenance = state.provenance.get(self.node_id, ()) if state.provenance else ()
        if provenance or self._provenance:
            self._provenance = [look.colour_key for code in provenance
                                if (look := state.region_look(code)) is not None]
        self.update()

    def _layout_chips(self, node: Node) -> None:
        state = self._state
        view = state.view_region
        regions = node.regions
        if view is not None:
            entry = regions.get(view)
            firms = len(entry.enterprises) if entry else 0
        else:
            firms = sum(len(entry.enterprises) for entry in regions.values())
        key: list[object] = [view, firms]
        for look in state.regions:
            entry = regions.get(look.code)
            key.append((entry.status, entry.plan.action if entry.plan else None) if entry else None)
        # Boxes with the same statuses, plans and count share one (immutable) layout.
        cache = state.chip_layouts
        layout = cache.get(tuple(key))
        if layout is None:
            layout = cache[tuple(key)] = _chip_layout(state.regions, view, firms, key[2:])
        self._count, self._chips = layout

    def set_frame(self, frame: QRectF | None, has_children: bool, foldable: bool | None = None) -> None:
        """The container frame in scene coordinates, shown when ``has_children``;
        ``foldable``: the segment has sub-segments (shown or folded away)."""
        foldable = has_children if foldable is None else foldable
        if foldable != self._foldable:
            self._foldable = foldable
            self.set_name(self._name_text)
        self._has_children = has_children
        local = frame.translated(-self.pos()) if frame is not None and has_children else None
        if local == self._frame:
            return
        self._frame = local
        outer = BOX.united(local) if local is not None else BOX
        self.setRect(outer.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def set_marks(self, marks: tuple[str, ...]) -> None:
        """Overlay roles (conflict, added, …) to outline the box with."""
        self._marks = marks
        self.update()

    def set_folded(self, folded: bool, hidden: int, hidden_gap: bool = False) -> None:
        """Folded with ``hidden`` sub-segments, some of them gaps to fill of the viewed region
        (``hidden_gap``: the badge turns red and the box is not dimmed)."""
        self._folded = folded
        self._hidden = style.static_text(f"+{hidden}") if folded and hidden else None
        self._hidden_gap = folded and hidden_gap
        if not self.highlighted:  # as restyle() decides, now that the hidden gaps are known
            self._dimmed = self._state.view_region is not None and not self._hidden_gap
        self.update()

    def toggle_rect(self) -> QRectF | None:
        """Where the fold toggle is (local), for a segment with sub-segments."""
        return TOGGLE if self._foldable else None

    def overview(self) -> tuple[QRectF, object, QRectF | None, bool]:
        """What the far-zoom overview draws: box (scene), colour, container frame, dimmed."""
        pos = self.pos()
        frame = self._frame.translated(pos) if self._frame is not None else None
        return BOX.translated(pos), self._lod_fill, frame, self._dimmed

    # ------------------------------------------------------------------ Qt
    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._frame.united(BOX) if self._frame is not None else BOX)
        return path

    def mousePressEvent(self, event: object) -> None:
        toggle = self.toggle_rect()
        if (toggle is not None and event.button() == _LEFT_BUTTON  # type: ignore[attr-defined]
                and toggle.adjusted(-3, -3, 3, 3).contains(event.pos())):  # type: ignore[attr-defined]
            scene = self.scene()
            if scene is not None and hasattr(scene, "set_folded"):
                scene.set_folded(self.node_id, not self._folded)
            event.accept()  # type: ignore[attr-defined]
            return
        super().mousePressEvent(event)  # type: ignore[arg-type]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        state = self._state
        selected = self.isSelected() and not state.export_mode
        if self._dimmed:
            painter.setOpacity(style.DIM_OPACITY)
        if lod < style.LOD_DETAIL:
            self._paint_simple(painter, selected)
            return
        frame = self._frame
        if frame is not None:
            painter.setPen(style.pen(style.name_of(style.CONTAINER_BORDER), 1.2, style.DASH))
            painter.setBrush(style.brush(style.name_of(style.CONTAINER_FILL)))
            painter.drawRoundedRect(frame, 8, 8)
        painter.setPen(self._border)
        painter.setBrush(self._fill)
        painter.drawRoundedRect(BOX, 6, 6)
        if self._provenance:
            self._paint_provenance(painter)
        painter.setPen(style.INK)
        painter.setFont(style.map_font(NAME_SIZE))
        for at, text in self._name:
            painter.drawStaticText(at, text)
        painter.setFont(style.map_font(SMALL_SIZE))
        self._paint_chips(painter)
        if self._count is not None:
            painter.setPen(style.MUTED_INK)
            painter.drawStaticText(*self._count)
        if self._foldable:
            self._paint_fold_state(painter)
        if self._marks:
            self._paint_marks(painter)
        if selected:
            painter.setOpacity(1.0)
            painter.setPen(style.pen(style.name_of(style.SELECTION), 2.0, style.DASH))
            painter.setBrush(style.NO_BRUSH)
            painter.drawRoundedRect((frame or BOX).adjusted(-3, -3, 3, 3), 8, 8)

    def _paint_simple(self, painter: QPainter, selected: bool) -> None:
        if self._frame is not None:
            painter.setPen(style.pen(style.name_of(style.CONTAINER_BORDER), 1.0, cosmetic=True))
            painter.setBrush(style.NO_BRUSH)
            painter.drawRect(self._frame)
        painter.fillRect(BOX, self._lod_fill)
        if self._marks or selected:
            colour = style.SELECTION if selected else style.ROLE_COLOURS.get(self._marks[0], style.ROLE_OTHER_COLOUR)
            painter.setPen(style.pen(style.name_of(colour), 3.0, cosmetic=True))
            painter.setBrush(style.NO_BRUSH)
            painter.drawRect(self._frame or BOX)

    def _paint_chips(self, painter: QPainter) -> None:
        opacity = painter.opacity()
        for chip, status, look, char_at, badge, faded in self._chips:
            if faded:
                painter.setOpacity(opacity * 0.45)
            paint_chip(painter, chip, status, look)
            if char_at is not None:
                painter.setPen(look.colour)
                painter.drawStaticText(char_at, look.short_text)
            if badge is not None:
                paint_badge(painter, *badge)
            if faded:
                painter.setOpacity(opacity)

    def _paint_provenance(self, painter: QPainter) -> None:
        count = len(self._provenance)
        height = (SEGMENT_HEIGHT - 8) / count
        painter.setPen(style.NO_PEN)
        for i, key in enumerate(self._provenance):
            painter.setBrush(style.brush(key))
            painter.drawRect(QRectF(-HALF_W + 1.5, -HALF_H + 4 + i * height, 4.5, height))

    def _paint_fold_state(self, painter: QPainter) -> None:
        if not self._state.export_mode:
            r = TOGGLE
            if self._folded:  # ▶
                points = [QPointF(r.left() + 3, r.top() + 2), QPointF(r.right() - 2, r.center().y()),
                          QPointF(r.left() + 3, r.bottom() - 2)]
            else:  # ▼
                points = [QPointF(r.left() + 2, r.top() + 3), QPointF(r.right() - 2, r.top() + 3),
                          QPointF(r.center().x(), r.bottom() - 2)]
            painter.setPen(style.NO_PEN)
            painter.setBrush(style.brush(style.name_of(style.MUTED_INK)))
            painter.drawPolygon(QPolygonF(points))
        if self._hidden is not None:
            size = self._hidden.size()
            pill = QRectF(HALF_W - size.width() - 6, -HALF_H - 8, size.width() + 8, 15)
            painter.setPen(style.NO_PEN)
            painter.setBrush(style.brush(style.name_of(style.GAP_RED if self._hidden_gap else style.MUTED_INK)))
            painter.drawRoundedRect(pill, 7, 7)
            painter.setPen(style.pen("#FFFFFFFF"))
            painter.drawStaticText(QPointF(pill.x() + 4, pill.y() - 0.5), self._hidden)

    def _paint_marks(self, painter: QPainter) -> None:
        painter.setBrush(style.NO_BRUSH)
        outline = self._frame or BOX
        for i, role in enumerate(self._marks):
            colour = style.ROLE_COLOURS.get(role, style.ROLE_OTHER_COLOUR)
            line = style.DASH if role == "removed" else style.SOLID
            painter.setPen(style.pen(style.name_of(colour), 2.5, line))
            grow = 3.5 + 3.5 * i
            painter.drawRoundedRect(outline.adjusted(-grow, -grow, grow, grow), 8, 8)


_set_pos = QGraphicsRectItem.setPos


def _chip_layout(looks: list[RegionLook], view: str | None, firms: int,
                 entries: list) -> tuple[tuple[QPointF, QStaticText] | None, list[tuple]]:
    """The enterprise count and the chips of a box: ``entries`` holds per region
    ``(status, plan action)`` or None (no entry)."""
    right = HALF_W - PAD
    count = None
    if firms:
        text = f"企 {firms}"
        width = style.metrics(SMALL_SIZE).horizontalAdvance(text)
        count = (QPointF(right - width, CHIP_Y - 2.5), style.static_text(text))
        right -= width + 6
    groups = []
    for look, entry in zip(looks, entries, strict=True):
        status, action = entry if entry is not None else ("unknown", None)
        groups.append((look, status, action))
    row = sum(CHIP + 9 + look.short_width + (BADGE + 2 if action else 0) for look, _status, action in groups)
    with_chars = row <= right + HALF_W - PAD
    x = -HALF_W + PAD
    chips = []
    for look, status, action in groups:
        chip = QRectF(x, CHIP_Y, CHIP, CHIP)
        x += CHIP + 2
        char_at = None
        if with_chars:
            char_at = QPointF(x, CHIP_Y - 2.5)
            x += look.short_width + 2
        badge = None
        if action is not None:
            badge = (QRectF(x, CHIP_Y - 1, BADGE, BADGE), plan_text(action))
            x += BADGE + 2
        x += 5
        faded = view is not None and look.code != view
        chips.append((chip, status, look, char_at, badge, faded))
    return count, chips


def paint_chip(painter: QPainter, chip: QRectF, status: str, look: RegionLook) -> None:
    """One region's status chip: filled strong, half-filled present, outlined weak, dashed
    red gap, grey unknown. The legend draws its samples with this too."""
    key = look.colour_key
    if status == "strong":
        painter.setPen(style.pen(key, 1.2))
        painter.setBrush(style.brush(key))
        painter.drawEllipse(chip)
    elif status == "present":
        painter.setPen(style.NO_PEN)
        painter.setBrush(style.brush(key))
        painter.drawChord(chip, 180 * 16, 180 * 16)
        painter.setPen(style.pen(key, 1.2))
        painter.setBrush(style.NO_BRUSH)
        painter.drawEllipse(chip)
    elif status == "weak":
        painter.setPen(style.pen(key, 1.5))
        painter.setBrush(style.brush("#FFFFFFFF"))
        painter.drawEllipse(chip)
    elif status == "gap":
        painter.setPen(style.pen(style.name_of(style.GAP_RED), 1.5, style.DASH))
        painter.setBrush(style.brush("#FFFFFFFF"))
        painter.drawEllipse(chip)
    else:
        painter.setPen(style.pen(style.name_of(style.UNKNOWN_GREY), 1.0))
        painter.setBrush(style.brush("#FFDDE1E6"))
        painter.drawEllipse(chip)


def paint_badge(painter: QPainter, rect: QRectF, text: QStaticText) -> None:
    """A plan badge (补/强/延/优): a small purple square with the action's character.
    The painter's font must be the small map font."""
    painter.setPen(style.NO_PEN)
    painter.setBrush(style.brush(style.name_of(style.PLAN_BADGE)))
    painter.drawRoundedRect(rect, 3, 3)
    painter.setPen(style.pen("#FFFFFFFF"))
    painter.drawStaticText(QPointF(rect.x() + 1.5, rect.y() - 1.5), text)
