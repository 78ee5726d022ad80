"""Drawing a link: a drag from a segment's edge zone (or an Alt-drag from anywhere on it) to
another segment, with a rubber line meanwhile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen, QPolygonF

from chainmap.core.refs import NODE

from .base import Interaction

if TYPE_CHECKING:
    from ..view import MapCanvas

LINE_COLOR = "#1F6FB2"
TARGET_MARK = "link-target"


class LinkInteraction(Interaction):
    """A rubber line from segment ``source`` to the mouse, the segment under the mouse marked;
    the release on another segment adds one link (as :meth:`MapCanvas.add_link`), anywhere
    else nothing.

    Attributes:
        source: the id of the segment the line starts from.
        end_point: the line's end (scene coordinates).
        target: the id of the segment under the mouse, if any but the source.
    """

    def __init__(self, canvas: MapCanvas, source: str, scene_pos: QPointF) -> None:
        super().__init__(canvas)
        self.source = source
        self.end_point = scene_pos
        self.target: str | None = None
        canvas.viewport().setCursor(Qt.CursorShape.CrossCursor)
        canvas.viewport().update()

    def mouse_move(self, event: QMouseEvent) -> bool:
        self.end_point = self.canvas.mapToScene(event.position().toPoint())
        ref = self.canvas.ref_at(self.end_point, kinds=(NODE,))
        target = ref[1] if ref is not None and ref[1] != self.source else None
        if target != self.target:
            self._mark(target)
        self.canvas.viewport().update()
        return True

    def _mark(self, target: str | None) -> None:
        self.target = target
        if self.canvas.map_scene is not None:
            self.canvas.map_scene.set_marked([(NODE, target)] if target is not None else [], TARGET_MARK)

    def mouse_release(self, event: QMouseEvent) -> bool:
        ref = self.canvas.ref_at(self.canvas.mapToScene(event.position().toPoint()), kinds=(NODE,))
        self.end()
        if ref is not None:
            self.canvas.add_link(self.source, ref[1])
        return True

    def cleanup(self) -> None:
        if self.target is not None:
            self._mark(None)
        super().cleanup()
        self.canvas.viewport().update()

    def paint(self, painter: QPainter, rect: QRectF | QRect) -> None:
        chain_map = self.canvas.chain_map
        if chain_map is None or not chain_map.has_node(self.source):
            return
        node = chain_map.node(self.source)
        if node.x is None or node.y is None:
            return
        start, end = QPointF(node.x, node.y), self.end_point
        scale = max(self.canvas.zoom_factor(), 1e-6)
        painter.save()
        painter.setPen(QPen(QColor(LINE_COLOR), 2.0 / scale, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(LINE_COLOR))
        painter.drawLine(start, end)
        line = end - start
        length = (line.x() ** 2 + line.y() ** 2) ** 0.5
        if length > 1e-6:
            size = 10.0 / scale
            ux, uy = line.x() / length, line.y() / length
            back = QPointF(end.x() - ux * size, end.y() - uy * size)
            normal = QPointF(-uy * size * 0.5, ux * size * 0.5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(QPolygonF([end, back + normal, back - normal]))
        painter.restore()
