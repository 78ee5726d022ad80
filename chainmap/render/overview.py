"""The far-zoom overview: every box and link of the map painted in a few batched calls.

When a view shows a big map whole, painting 13,000 items one by one costs a Python call
each. In overview mode (:meth:`MapScene.set_overview`, switched by
:class:`~chainmap.render.view.MapView` by its zoom) the segment, link and note items keep
existing, selectable and hit-testable, but paint nothing; this one item draws what their
own far-zoom level of detail would (status-coloured boxes, thin lines, no text), grouped by
colour so each group is one ``drawRects``/``drawLines`` call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from . import style
from .items_segment import NO_PEN_PEN

Z_OVERVIEW = 60.0


class OverviewItem(QGraphicsRectItem):
    """Paints the whole map simplified; ``collect`` returns the items to draw."""

    def __init__(self, collect: Callable[[], tuple[list[Any], list[Any], list[Any]]],
                 pending: Callable[[], dict[str, Any] | None] | None = None) -> None:
        """``pending``: what to draw for segments and links that have no item yet (boxes by
        colour name, lines; :meth:`chainmap.render.scene_lazy.PendingItems.overview`)."""
        super().__init__()
        self.setPen(NO_PEN_PEN)
        self.setZValue(Z_OVERVIEW)
        self.setVisible(False)
        self._collect = collect
        self._pending = pending
        self._batches: dict[str, Any] | None = None

    def invalidate(self) -> None:
        """Something changed: gather the primitives again before the next paint."""
        self._batches = None
        if self.isVisible():
            self.update()

    def _gather(self) -> dict[str, Any]:
        segments, links, notes = self._collect()
        boxes: dict[tuple[str, bool], list[QRectF]] = {}
        frames: list[QRectF] = []
        outlines: dict[str, list[QRectF]] = {}
        names: dict[int, str] = {}  # a few colour objects are shared by thousands of boxes
        for item in segments:
            opacity = item.opacity()  # the editor's overlays fade (or hide) items by their opacity
            if opacity == 0.0:
                continue
            box, colour, frame, dimmed = item.overview()
            dimmed = dimmed or opacity < 1.0
            name = names.get(id(colour))
            if name is None:
                name = names[id(colour)] = style.name_of(colour)
            boxes.setdefault((name, dimmed), []).append(box)
            if frame is not None:
                frames.append(frame)
            outline = None
            if item.isSelected():
                outline = style.SELECTION
            elif item._marks:
                outline = style.ROLE_COLOURS.get(item._marks[0], style.ROLE_OTHER_COLOUR)
            elif item.highlighted:
                outline = style.GAP_RED if item.status == "gap" else style.WEAK_ORANGE
            if outline is not None:
                outlines.setdefault(style.name_of(outline), []).append(frame or box)
        lines: dict[tuple[int, bool], tuple[QPen, list[QLineF]]] = {}
        for item in links:
            opacity = item.opacity()
            if opacity == 0.0:
                continue
            line, pen, dimmed = item.overview_line()
            dimmed = dimmed or opacity < 1.0
            if item.isSelected():
                pen = style.pen(style.name_of(style.SELECTION), 3.0, cosmetic=True)
            key = (id(pen), dimmed)
            lines.setdefault(key, (pen, []))[1].append(line)
        waiting = self._pending() if self._pending is not None else None
        if waiting:
            for name, rects in waiting["boxes"].items():
                boxes.setdefault((name, False), []).extend(rects)
            if waiting["lines"]:
                pen = style.pen(style.name_of(style.LINK_COLOURS["supply"]), 1.0, cosmetic=True)
                lines.setdefault((id(pen), False), (pen, []))[1].extend(waiting["lines"])
        return {"boxes": boxes, "frames": frames, "outlines": outlines, "lines": lines,
                "notes": [item.overview() for item in notes if item.opacity() > 0.0]}

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._batches is None:
            self._batches = self._gather()
        batches = self._batches
        painter.setBrush(style.NO_BRUSH)
        if batches["frames"]:
            painter.setPen(style.pen(style.name_of(style.CONTAINER_BORDER), 1.0, cosmetic=True))
            painter.drawRects(batches["frames"])
        for (_key, dimmed), (pen, lines) in batches["lines"].items():
            painter.setOpacity(0.35 if dimmed else 1.0)
            painter.setPen(pen)
            painter.drawLines(lines)
        painter.setPen(style.NO_PEN)
        for (colour, dimmed), rects in batches["boxes"].items():
            painter.setOpacity(style.DIM_OPACITY if dimmed else 1.0)
            painter.setBrush(style.brush(colour))
            painter.drawRects(rects)
        painter.setOpacity(1.0)
        if batches["notes"]:
            painter.setPen(style.pen(style.name_of(style.NOTE_BORDER), 1.0, cosmetic=True))
            painter.setBrush(style.brush(style.name_of(style.NOTE_FILL)))
            painter.drawRects(batches["notes"])
        painter.setBrush(style.NO_BRUSH)
        for colour, rects in batches["outlines"].items():
            painter.setPen(style.pen(colour, 2.0, cosmetic=True))
            painter.drawRects(rects)
