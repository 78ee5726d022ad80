"""Dragging on the canvas: moving segments and notes (a preview, then one undo step on
release), making sub-segments by dropping, and drawing links with a rubber line.

Mixed into :class:`~chainmap.gui.canvas.MapCanvas`, whose state (``_mode``, ``_press_scene``,
``_preview``, ...) it shares.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsView

from chainmap.core.geometry import ROW_GAP, SEGMENT_HEIGHT
from chainmap.core.ids import new_id
from chainmap.core.model import Edge

from .commands import AddEdgeCommand, ChangeItemsCommand, move_text
from .edit_ops import link_problem, moved_refs, shifted_positions

Ref = tuple[str, str]
# While items are dragged, repaint one rectangle around all changes: the many small areas
# the moved boxes and their links leave would make a region whose clipping makes every
# link several times slower to draw.
DRAG_UPDATE_MODE = QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate


class CanvasDragMixin:
    """Moving and linking by mouse, for :class:`~chainmap.gui.canvas.MapCanvas`."""

    _mode: str | None
    _press_scene: QPointF
    _preview: list[tuple[Any, QPointF]]
    _moving: list[Ref]
    _link_source: str | None
    _link_end: QPointF
    _link_target: str | None
    _update_mode_before_move: Any = None

    # ------------------------------------------------------------------ moving
    def _start_move(self) -> None:
        refs = [r for r in self.selected_refs() if r[0] in ("node", "note")]
        self._moving = moved_refs(self.chain_map, refs)
        items = {}
        for ref in self._moving:
            item = self.map_scene.item_for(*ref)
            if item is not None:
                items[item] = ref
        # Move only the outermost items: a child item follows its parent item by itself.
        self._preview = []
        for item in items:
            ancestor = item.parentItem()
            while ancestor is not None and ancestor not in items:
                ancestor = ancestor.parentItem()
            if ancestor is None:
                self._preview.append((item, item.pos()))
        self._mode = "move"
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._update_mode_before_move is None:
            self._update_mode_before_move = self.viewportUpdateMode()
            self.setViewportUpdateMode(DRAG_UPDATE_MODE)

    def _end_move_updates(self) -> None:
        if self._update_mode_before_move is not None:
            self.setViewportUpdateMode(self._update_mode_before_move)
            self._update_mode_before_move = None

    def _preview_move(self, scene_pos: QPointF) -> None:
        delta = scene_pos - self._press_scene
        for item, origin in self._preview:
            item.setPos(origin + delta)

    def _restore_preview(self) -> None:
        for item, origin in self._preview:
            item.setPos(origin)
        self._preview = []

    def _drop_parent(self, scene_pos: QPointF, moving: set[Ref]) -> str | None:
        ref = self.ref_at(scene_pos, exclude=moving, kinds=("node",))
        return ref[1] if ref is not None else None

    def _finish_move(self, scene_pos: QPointF) -> None:
        self._mode = None
        self._end_move_updates()
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        chain_map = self.chain_map
        dx = scene_pos.x() - self._press_scene.x()
        dy = scene_pos.y() - self._press_scene.y()
        moving = list(self._moving)
        preview, self._preview, self._moving = self._preview, [], []
        if abs(dx) < 1e-9 and abs(dy) < 1e-9:
            return
        values: dict[Ref, dict[str, Any]] = {
            ref: {"x": x, "y": y} for ref, (x, y) in shifted_positions(chain_map, moving, dx, dy).items()
        }
        moving_nodes = [item_id for kind, item_id in moving if kind == "node"]
        target_parent = self._drop_parent(scene_pos, set(moving))
        for node_id in moving_nodes:
            node = chain_map.node(node_id)
            if node.parent in moving_nodes or ("node", node_id) not in values:
                continue  # a sub-segment goes with its parent
            changes = values[("node", node_id)]
            parent = node.parent
            if target_parent is not None:
                parent = target_parent
            elif node.parent is not None:
                frame = self.map_scene.segment_frame(node.parent)
                if not frame.isEmpty() and not frame.contains(QPointF(changes["x"], changes["y"])):
                    parent = None  # dragged out of its parent's frame
            if parent != node.parent:
                changes["parent"] = parent
                if parent is not None:
                    self._place_under(node_id, parent, values, moving)
            tier = chain_map.node(parent).tier if parent is not None else self.map_scene.tier_at(changes["x"])
            if tier is not None and tier != node.tier:
                changes["tier"] = tier
                for child in chain_map.descendants(node_id):
                    if chain_map.node(child).tier == node.tier and ("node", child) in values:
                        values[("node", child)]["tier"] = tier
        command = ChangeItemsCommand(
            chain_map, [(kind, item_id, v) for (kind, item_id), v in values.items()], move_text(chain_map, list(values))
        )
        if not self.document.push(command):
            for item, origin in preview:
                item.setPos(origin)
            self.map_scene.sync_positions()

    def _place_under(self, node_id: str, parent_id: str, values: dict[Ref, dict[str, Any]],
                     moving: list[Ref]) -> None:
        """Put a segment that becomes a sub-segment below its new parent's sub-segments
        (moving its own sub-segments and notes along), as the examples lay them out."""
        chain_map = self.chain_map
        parent = chain_map.node(parent_id)
        if parent.x is None or parent.y is None:
            return
        subtree = {node_id, *chain_map.descendants(node_id)}
        lowest = parent.y
        for child in chain_map.descendants(parent_id):
            position = values.get(("node", child))
            y = position["y"] if position else chain_map.node(child).y
            if child not in subtree and y is not None:
                lowest = max(lowest, y)
        for other in values:  # siblings placed under the same parent in this drop
            if other[0] == "node" and other[1] != node_id and values[other].get("parent") == parent_id:
                lowest = max(lowest, values[other]["y"])
        own = values[("node", node_id)]
        shift_x = parent.x - own["x"]
        shift_y = lowest + SEGMENT_HEIGHT + ROW_GAP - own["y"]
        for ref in moving:
            if ref not in values:
                continue
            kind, item_id = ref
            owner = item_id if kind == "node" else chain_map.note(item_id).node
            if owner in subtree:
                values[ref]["x"] = round(values[ref]["x"] + shift_x, 1)
                values[ref]["y"] = round(values[ref]["y"] + shift_y, 1)

    # ------------------------------------------------------------------ links
    def _start_link(self, source: str, scene_pos: QPointF) -> None:
        self._mode = "link"
        self._link_source = source
        self._link_end = scene_pos
        self._link_target = None
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.viewport().update()

    def _update_link(self, scene_pos: QPointF) -> None:
        self._link_end = scene_pos
        ref = self.ref_at(scene_pos, kinds=("node",))
        target = ref[1] if ref is not None and ref[1] != self._link_source else None
        if target != self._link_target:
            self._link_target = target
            self._mark_link_target()
        self.viewport().update()

    def _mark_link_target(self) -> None:
        refs = [("node", self._link_target)] if self._link_target is not None else []
        self.map_scene.set_marked(refs, "link-target")

    def _finish_link(self, scene_pos: QPointF) -> None:
        source = self._link_source
        self._end_link()
        ref = self.ref_at(scene_pos, kinds=("node",))
        if source is None or ref is None:
            return
        self.add_link(source, ref[1])

    def add_link(self, source: str, target: str) -> bool:
        """Link ``source`` → ``target`` as one undo step, unless it is a self-link or a
        duplicate (the status bar says why)."""
        problem = link_problem(self.chain_map, source, target)
        if problem is not None:
            self.document.status_message.emit(problem)
            return False
        edge = Edge(id=new_id("e"), source=source, target=target)
        if self.document.push(AddEdgeCommand(self.chain_map, edge)):
            self.select_refs([("edge", edge.id)])
            return True
        return False

    def _end_link(self) -> None:
        self._mode = None
        self._link_source = None
        if self._link_target is not None:
            self._link_target = None
            self._mark_link_target()
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        if self._mode != "link" or self._link_source is None:
            return
        node = self.chain_map.node(self._link_source)
        if node.x is None or node.y is None:
            return
        start = QPointF(node.x, node.y)
        end = self._link_end
        pen = QPen(QColor("#1F6FB2"), 2.0 / max(self._scale(), 1e-6), Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor("#1F6FB2"))
        painter.drawLine(start, end)
        line = end - start
        length = (line.x() ** 2 + line.y() ** 2) ** 0.5
        if length > 1e-6:
            size = 10.0 / max(self._scale(), 1e-6)
            ux, uy = line.x() / length, line.y() / length
            back = QPointF(end.x() - ux * size, end.y() - uy * size)
            normal = QPointF(-uy * size * 0.5, ux * size * 0.5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(QPolygonF([end, back + normal, back - normal]))

    # ---------------------------------------------------------- interaction
    def _cancel_interaction(self) -> None:
        if self._mode == "link":
            self._end_link()
        elif self._mode == "move":
            self._restore_preview()
            self._moving = []
            self._end_move_updates()
        self._mode = None
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)

    def _reset_interaction(self) -> None:
        if self._mode is not None:
            self._cancel_interaction()
