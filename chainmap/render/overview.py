"""The far-zoom overview: every box and link of the map painted in a few batched calls.

When a view shows a big map whole, painting 13,000 items one by one costs a Python call
each. In overview mode (:meth:`MapScene.set_overview`, switched by
:class:`~chainmap.render.view.MapView` by its zoom) the segment, link and note items keep
existing, selectable and hit-testable, but paint nothing; this one item draws what their
own far-zoom level of detail would (status-coloured boxes, thin lines, no text), grouped by
colour so each group is a few ``drawRects``/``drawLines`` calls. The shapes of each group
are held by the square of :data:`BUCKET` scene units they lie in (:class:`Buckets`), and a
paint draws only the squares the exposed area meets: a pan repaints the strip it uncovers,
so on a 100,000-segment map it does not draw every box and line again. The selection is not
in the batches: it is drawn over them from the scene's selected items
(:meth:`OverviewItem.paint_selection`), so selecting costs nothing like gathering the map
again (0.25 s at 20,000 segments).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from . import style
from .items_link import LinkItem
from .items_segment import NO_PEN_PEN, SegmentItem

Z_OVERVIEW = 60.0
BUCKET = 4000.0
"""The side of the squares the overview's shapes are grouped by (scene units)."""


class Buckets:
    """Shapes (rectangles or lines) grouped by the square of :data:`BUCKET` units their
    top-left corner lies in; each group keeps the rectangle all its shapes lie in."""

    __slots__ = ("groups", "count")

    def __init__(self) -> None:
        # square -> [left, top, right, bottom, shapes]
        self.groups: dict[tuple[int, int], list[Any]] = {}
        self.count = 0

    def __len__(self) -> int:
        return self.count

    @classmethod
    def of_boxes(cls, cells: dict[tuple[int, int], list[Any]], width: float, height: float) -> Buckets:
        """Boxes of ``width`` by ``height`` grouped by the square their top-left corner lies in
        (``cells``, made by the caller)."""
        buckets = cls()
        for (cx, cy), shapes in cells.items():
            left, top = cx * BUCKET, cy * BUCKET
            buckets.groups[(cx, cy)] = [left, top, left + BUCKET + width, top + BUCKET + height, shapes]
            buckets.count += len(shapes)
        return buckets

    def add(self, shape: Any, left: float, top: float, right: float, bottom: float) -> None:
        """Add ``shape``, lying within ``left``..``right``, ``top``..``bottom``."""
        self.count += 1
        key = (int(left // BUCKET), int(top // BUCKET))
        group = self.groups.get(key)
        if group is None:
            self.groups[key] = [left, top, right, bottom, [shape]]
            return
        group[4].append(shape)
        if right > group[2]:
            group[2] = right
        if bottom > group[3]:
            group[3] = bottom
        if left < group[0]:
            group[0] = left
        if top < group[1]:
            group[1] = top

    def remove(self, shape: Any, left: float, top: float) -> bool:
        """Take out a shape equal to ``shape`` whose top-left is ``left``, ``top``; False if none."""
        group = self.groups.get((int(left // BUCKET), int(top // BUCKET)))
        if group is None:
            return False
        try:
            group[4].remove(shape)
        except ValueError:
            return False
        self.count -= 1  # the group's bounds stay as they were: still around what it holds
        return True

    def add_rect(self, rect: QRectF) -> None:
        """Add a rectangle."""
        left, top = rect.x(), rect.y()
        self.add(rect, left, top, left + rect.width(), top + rect.height())

    def add_line(self, line: QLineF) -> None:
        """Add a line."""
        x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
        self.add(line, min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))

    def shown(self, exposed: QRectF | None) -> list[list[Any]]:
        """The groups of shapes that may meet ``exposed`` (None: all)."""
        if exposed is None:
            return [group[4] for group in self.groups.values()]
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        return [group[4] for group in self.groups.values()
                if group[0] <= right and group[2] >= left and group[1] <= bottom and group[3] >= top]


SELECTION_UPDATES = 200
"""Up to this many selection outlines changed, only their places are painted again."""


def _selection_rects(selection: tuple[list[QRectF], list[QLineF]]) -> list[QRectF]:
    outlines, lines = selection
    return [*outlines, *(QRectF(line.p1(), line.p2()).normalized() for line in lines)]


class OverviewItem(QGraphicsRectItem):
    """Paints the whole map simplified; ``collect`` returns the items to draw."""

    def __init__(self, collect: Callable[[], tuple[list[Any], list[Any], list[Any]]],
                 pending: Callable[[], dict[str, Any] | None] | None = None,
                 redrawn: Callable[[], list[Any]] | None = None) -> None:
        """``pending``: what to draw for segments and links that have no item yet (boxes by
        colour name, lines; :meth:`chainmap.render.scene_lazy.PendingItems.overview`);
        ``redrawn``: the link items whose route was drawn again since it was last asked (or
        since ``collect``), followed before each paint (:meth:`links_changed`)."""
        super().__init__()
        self.setPen(NO_PEN_PEN)
        self.setZValue(Z_OVERVIEW)
        self.setVisible(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)  # the exposed area
        self._collect = collect
        self._pending = pending
        self._redrawn = redrawn
        self._batches: dict[str, Any] | None = None
        self._selection: tuple[list[QRectF], list[QLineF]] | None = None  # what paint_selection draws
        # Told the scene rectangles where the batches changed in place (the navigator keeps
        # a drawing of them); a gathering anew is told by the batches being another object.
        self.areas_changed: Callable[[list[QRectF]], None] | None = None

    def invalidate(self) -> None:
        """Something changed: gather the primitives again before the next paint."""
        self._batches = None
        self._selection = None
        if self.isVisible():
            self.update()

    def selection_changed(self) -> None:
        """The selection changed: only its outlines are drawn again (the batches stay), and
        only where they were and are now when few items were and are selected."""
        before, self._selection = self._selection, None
        if not self.isVisible():
            return
        after = self._selection = self._gather_selection()
        changed = None if before is None else _selection_rects(before) + _selection_rects(after)
        if changed is None or len(changed) > SELECTION_UPDATES:
            self.update()
            return
        margin = self._pen_margin()
        for rect in changed:
            self.update(rect.adjusted(-margin, -margin, margin, margin))

    def _gather(self) -> dict[str, Any]:
        segments, links, notes = self._collect()
        boxes: dict[tuple[str, bool], list[Buckets]] = {}
        frames = Buckets()
        outlines: dict[str, Buckets] = {}
        names: dict[int, str] = {}  # a few colour objects are shared by thousands of boxes
        shown_segments: dict[Any, Any] = {}  # segment item -> its shapes in the batches
        for item in segments:
            shapes = shown_segments[item] = segment_shapes(item, names)
            if shapes is None:
                continue
            key, box, frame, outline = shapes
            group = boxes.get(key)
            if group is None:
                group = boxes[key] = [Buckets()]
            group[0].add_rect(box)
            if frame is not None:
                frames.add_rect(frame)
            if outline is not None:
                outlines.setdefault(outline, Buckets()).add_rect(frame or box)
        lines: dict[tuple[int, bool], tuple[QPen, list[Buckets]]] = {}
        shown_links: dict[Any, Any] = {}  # link item -> its shape in the batches
        for item in links:
            drawn = shown_links[item] = link_shape(item)
            if drawn is None:
                continue
            line_key, pen, line = drawn
            entry = lines.get(line_key)
            if entry is None:
                entry = lines[line_key] = (pen, [Buckets()])
            entry[1][0].add_line(line)
        own = {id(b) for groups in boxes.values() for b in groups}
        own.update(id(b) for _pen, groups in lines.values() for b in groups)
        waiting = self._pending() if self._pending is not None else None
        if waiting:  # gathered (and grouped) once by scene_lazy: drawn with these
            for name, rects in waiting["boxes"].items():
                boxes.setdefault((name, False), []).append(rects)
            if waiting["lines"]:
                pen = style.pen(style.name_of(style.LINK_COLOURS["supply"]), 1.0, cosmetic=True)
                lines.setdefault((id(pen), False), (pen, []))[1].append(waiting["lines"])
        notes_shown = Buckets()
        for note in notes:
            if note.opacity() > 0.0:
                notes_shown.add_rect(note.overview())
        return {"boxes": boxes, "frames": frames, "outlines": outlines, "lines": lines, "notes": notes_shown,
                "own": own, "segments": shown_segments, "links": shown_links, "waiting": bool(waiting)}

    def segments_changed(self, items: list[Any], adopt: bool = False) -> None:
        """Segment ``items`` may draw otherwise now (recoloured, moved, a frame changed): the
        batches change for those whose shapes did, only those (a status change recoloured one
        box, and gathering a 20,000-segment map again stalled the editor 0.45 s). Items made
        since the gathering are drawn by the pending boxes, unless ``adopt``: then their
        pending shapes were taken out (:meth:`drop_pending`) and the batches draw them from now
        on. Gathers again if a shape is not found."""
        self._changed("segments", items, segment_shapes, adopt)

    def links_changed(self, items: list[Any], adopt: bool = False) -> None:
        """Link ``items`` may draw otherwise now (a new route, dimmed or not): as
        :meth:`segments_changed`."""
        self._changed("links", items, link_shape, adopt)

    def _changed(self, table: str, items: list[Any], shape_of: Callable[[Any], Any], adopt: bool = False) -> None:
        batches = self._batches
        if batches is None:
            return
        shown = batches[table]
        areas: list[QRectF] = []
        for item in items:
            if item not in shown and not adopt:
                continue
            old, new = shown.get(item), shape_of(item)
            if old == new:
                continue
            if (old is not None and not self._take(batches, old)) or (new is not None and not self._put(batches, new)):
                self.invalidate()
                return
            shown[item] = new
            areas.extend(_shape_areas(old))
            areas.extend(_shape_areas(new))
        if areas:
            self._selection = None
            self._update_areas(areas)

    def catch_up(self) -> None:
        """Take in the routes drawn since the batches last looked (a paint does this first),
        so that :attr:`areas_changed` hears of them now."""
        if self._batches is not None and self._redrawn is not None:
            self.links_changed(self._redrawn())

    @property
    def batches(self) -> dict[str, Any] | None:
        """What is drawn, as gathered (None until the next paint gathers it): while it is the
        same object, every change to it was told to :attr:`areas_changed`."""
        return self._batches

    def _update_areas(self, areas: list[QRectF]) -> None:
        """Have the views paint ``areas`` (scene rectangles) again, or the whole overview when
        they are many: a status change repainted every box of a 100,000-segment map before."""
        if self.areas_changed is not None and areas:
            self.areas_changed(areas)
        if not self.isVisible():
            return
        if len(areas) > SELECTION_UPDATES:
            self.update()
            return
        margin = self._pen_margin()
        for rect in areas:
            self.update(rect.adjusted(-margin, -margin, margin, margin))

    def _pen_margin(self) -> float:
        """A pen's width past a shape, in scene units at the smallest zoom a view shows."""
        scene = self.scene()
        views = scene.views() if scene is not None else []
        scale = max((abs(view.transform().m11()) for view in views), default=1.0)
        return 4.0 / max(scale * 0.5, 1e-9)

    def drop_pending(self, boxes: list[QRectF], lines: list[QLineF]) -> None:
        """Segments and links drawn by the pending shapes (made since the gathering, or just
        made) moved: each of these ``boxes`` and ``lines`` found among those shapes is taken
        out, and their places are painted again (the items are then adopted into the batches
        by :meth:`segments_changed` and :meth:`links_changed`)."""
        batches = self._batches
        if batches is None or not batches["waiting"]:
            return
        own = batches["own"]
        box_groups = [b for groups in batches["boxes"].values() for b in groups if id(b) not in own]
        line_groups = [b for _pen, groups in batches["lines"].values() for b in groups if id(b) not in own]
        areas: list[QRectF] = []
        for box in boxes:
            if any(b.remove(box, box.x(), box.y()) for b in box_groups):
                areas.append(box)
        for line in lines:
            x, y = min(line.x1(), line.x2()), min(line.y1(), line.y2())
            if any(b.remove(line, x, y) for b in line_groups):
                areas.append(QRectF(line.p1(), line.p2()).normalized())
        self._update_areas(areas)

    @staticmethod
    def _own(batches: dict[str, Any], groups: list[Buckets]) -> list[Buckets]:
        # Not the pending items' groups: those belong to scene_lazy.
        return [b for b in groups if id(b) in batches["own"]]

    def _take(self, batches: dict[str, Any], shapes: tuple[Any, ...]) -> bool:
        if len(shapes) == 3:  # a link
            key, _pen, line = shapes
            entry = batches["lines"].get(key)
            x, y = min(line.x1(), line.x2()), min(line.y1(), line.y2())
            return entry is not None and any(b.remove(line, x, y) for b in self._own(batches, entry[1]))
        key, box, frame, outline = shapes
        if not any(b.remove(box, box.x(), box.y()) for b in self._own(batches, batches["boxes"].get(key, []))):
            return False
        if frame is not None and not batches["frames"].remove(frame, frame.x(), frame.y()):
            return False
        if outline is not None:
            shape = frame or box
            group = batches["outlines"].get(outline)
            return group is not None and group.remove(shape, shape.x(), shape.y())
        return True

    def _put(self, batches: dict[str, Any], shapes: tuple[Any, ...]) -> bool:
        if len(shapes) == 3:
            key, pen, line = shapes
            entry = batches["lines"].get(key)
            if entry is None:
                entry = batches["lines"][key] = (pen, [])
            mine = self._own(batches, entry[1])
            if not mine:
                mine = [Buckets()]
                entry[1].insert(0, mine[0])
                batches["own"].add(id(mine[0]))
            mine[0].add_line(line)
            return True
        key, box, frame, outline = shapes
        groups = batches["boxes"].setdefault(key, [])
        mine = self._own(batches, groups)
        if not mine:
            mine = [Buckets()]
            groups.insert(0, mine[0])
            batches["own"].add(id(mine[0]))
        mine[0].add_rect(box)
        if frame is not None:
            batches["frames"].add_rect(frame)
        if outline is not None:
            batches["outlines"].setdefault(outline, Buckets()).add_rect(frame or box)
        return True


    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        # The canvas tells the area to repaint (ItemUsesExtendedStyleOption); the navigator,
        # painting the whole map, passes a bare option.
        exposed: QRectF | None = option.exposedRect if widget is not None else None
        if exposed is not None and exposed.isEmpty():
            exposed = None
        if exposed is not None:  # a line's or box's pen reaches a few pixels past its shape
            transform = painter.worldTransform()
            scale = max(abs(transform.m11()), abs(transform.m22()), 1e-9)
            margin = 4.0 / scale
            exposed = exposed.adjusted(-margin, -margin, margin, margin)
        # Without antialiasing, as the navigator draws it: at this distance a box is a few
        # pixels and a line one, and drawing a page-shaped 100,000-segment map whole took a
        # third less time (0.21 s against 0.33 s). The view restores the painter after.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.paint_shapes(painter, exposed)
        self.paint_selection(painter)

    def paint_selection(self, painter: QPainter) -> None:
        """The selected segments' outlines and the selected links in the selection's colour,
        over what :meth:`paint_shapes` drew (the selected items only: the batches stay)."""
        selection = self._selection
        if selection is None:
            selection = self._selection = self._gather_selection()
        outlines, lines = selection
        if not outlines and not lines:
            return
        painter.setOpacity(1.0)
        painter.setBrush(style.NO_BRUSH)
        if lines:
            painter.setPen(style.pen(style.name_of(style.SELECTION), 3.0, cosmetic=True))
            painter.drawLines(lines)
        if outlines:
            painter.setPen(style.pen(style.name_of(style.SELECTION), 2.0, cosmetic=True))
            painter.drawRects(outlines)

    def _gather_selection(self) -> tuple[list[QRectF], list[QLineF]]:
        outlines: list[QRectF] = []
        lines: list[QLineF] = []
        scene = self.scene()
        if scene is None:
            return outlines, lines
        for item in scene.selectedItems():
            if item.opacity() == 0.0 or not item.isVisible():
                continue
            if isinstance(item, LinkItem):
                lines.append(item.overview_line()[0])
            elif isinstance(item, SegmentItem):
                box, _colour, frame, _dimmed = item.overview()
                outlines.append(frame or box)
        return outlines, lines

    def paint_shapes(self, painter: QPainter, exposed: QRectF | None) -> None:
        """Every box and line gathered (those meeting ``exposed``; ``None``: all), without
        the selection."""
        if self._batches is None:
            self._batches = self._gather()
        elif self._redrawn is not None:
            self.links_changed(self._redrawn())  # routes drawn since (the routing's idle slices)
            if self._batches is None:
                self._batches = self._gather()
        batches = self._batches
        painter.setBrush(style.NO_BRUSH)
        if batches["frames"]:
            painter.setPen(style.pen(style.name_of(style.CONTAINER_BORDER), 1.0, cosmetic=True))
            for shapes in batches["frames"].shown(exposed):
                painter.drawRects(shapes)
        for (_key, dimmed), (pen, groups) in batches["lines"].items():
            painter.setOpacity(0.35 if dimmed else 1.0)
            painter.setPen(pen)
            for buckets in groups:
                for shapes in buckets.shown(exposed):
                    painter.drawLines(shapes)
        painter.setPen(style.NO_PEN)
        for (colour, dimmed), groups in batches["boxes"].items():
            painter.setOpacity(style.DIM_OPACITY if dimmed else 1.0)
            painter.setBrush(style.brush(colour))
            for buckets in groups:
                for shapes in buckets.shown(exposed):
                    painter.drawRects(shapes)
        painter.setOpacity(1.0)
        if batches["notes"]:
            painter.setPen(style.pen(style.name_of(style.NOTE_BORDER), 1.0, cosmetic=True))
            painter.setBrush(style.brush(style.name_of(style.NOTE_FILL)))
            for shapes in batches["notes"].shown(exposed):
                painter.drawRects(shapes)
        painter.setBrush(style.NO_BRUSH)
        for colour, buckets in batches["outlines"].items():
            painter.setPen(style.pen(colour, 2.0, cosmetic=True))
            for shapes in buckets.shown(exposed):
                painter.drawRects(shapes)


def _shape_areas(shapes: tuple[Any, ...] | None) -> list[QRectF]:
    """Where the shapes of a segment (box, frame) or of a link (line) lie."""
    if shapes is None:
        return []
    if len(shapes) == 3:
        line = shapes[2]
        return [QRectF(line.p1(), line.p2()).normalized()]
    _key, box, frame, _outline = shapes
    return [box] if frame is None else [box, frame]


def segment_shapes(item: Any, names: dict[int, str] | None = None) -> tuple[Any, ...] | None:
    """What the overview draws for a segment item: ``((colour name, dimmed), box, frame,
    outline colour name or None)``; ``None`` when it draws nothing of it."""
    opacity = item.opacity()  # the editor's overlays fade (or hide) items by their opacity
    if opacity == 0.0 or not item.isVisible():
        return None
    box, colour, frame, dimmed = item.overview()
    dimmed = dimmed or opacity < 1.0
    name = names.get(id(colour)) if names is not None else None
    if name is None:
        name = style.name_of(colour)
        if names is not None:
            names[id(colour)] = name
    outline = None  # the selection's outline is drawn apart (OverviewItem.paint_selection)
    if item._marks:
        outline = style.ROLE_COLOURS.get(item._marks[0], style.ROLE_OTHER_COLOUR)
    elif item.highlighted:
        outline = style.GAP_RED if item.status == "gap" else style.WEAK_ORANGE
    return (name, dimmed), box, frame, (style.name_of(outline) if outline is not None else None)


def link_shape(item: Any) -> tuple[Any, ...] | None:
    """What the overview draws for a link item: ``((pen id, dimmed), pen, line)``; ``None``
    when it draws nothing of it."""
    opacity = item.opacity()
    if opacity == 0.0 or not item.isVisible():
        return None
    line, pen, dimmed = item.overview_line()
    dimmed = dimmed or opacity < 1.0  # selected: drawn again over it (OverviewItem.paint_selection)
    return (id(pen), dimmed), pen, line
