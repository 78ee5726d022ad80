"""Pressing on a segment or a note: a click selects, a drag moves the selection.

While dragging, the items are only moved on screen (a preview); the release pushes one
:class:`~chainmap.gui.commands.MoveItemsCommand` (see :mod:`..drop`), and the scene then
follows the model's events. A refused move, or Esc, puts the items back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView

from chainmap.core.refs import NODE, NOTE, Ref

from ..drop import drop_command
from ..edit_ops import moved_refs
from .base import Interaction

if TYPE_CHECKING:
    from ..view import MapCanvas

# While items are dragged, repaint one rectangle around all changes: the many small areas
# the moved boxes and their links leave would make a region whose clipping makes every
# link several times slower to draw.
DRAG_UPDATE_MODE = QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate


class MoveInteraction(Interaction):
    """A press on a segment or note: selects it at once (Ctrl toggles it), and becomes a move
    of the selection once the mouse travels the start-drag distance.

    Attributes:
        ref: the item pressed.
        press_view, press_scene: where it was pressed (viewport and scene coordinates).
        was_selected: the item was selected before the press (a click then selects it alone).
        moving: what moves (the selected segments with their sub-segments and notes, the
            selected notes), once dragging.
        preview: the outermost moved items with their positions before the drag.
    """

    def __init__(self, canvas: MapCanvas, ref: Ref, view_pos: QPoint, scene_pos: QPointF, toggle: bool) -> None:
        super().__init__(canvas)
        self.ref = ref
        self.press_view = view_pos
        self.press_scene = scene_pos
        selected = canvas.selected_refs()
        self.was_selected = ref in selected
        if toggle:
            canvas.select_refs([r for r in selected if r != ref] if ref in selected else selected + [ref])
        elif ref not in selected:
            canvas.select_refs([ref])
        self.moving: list[Ref] = []
        self.preview: list[tuple[QGraphicsItem, QPointF]] = []
        self._update_mode: QGraphicsView.ViewportUpdateMode | None = None
        self._dragging = False
        canvas.setFocus(Qt.FocusReason.MouseFocusReason)

    @property
    def previewing(self) -> bool:
        return self._dragging

    def mouse_move(self, event: QMouseEvent) -> bool:
        view_pos = event.position().toPoint()
        if not self._dragging:
            if (view_pos - self.press_view).manhattanLength() < QApplication.startDragDistance():
                return True
            self._start_drag()
        delta = self.canvas.mapToScene(view_pos) - self.press_scene
        for item, origin in self.preview:
            item.setPos(origin + delta)
        return True

    def _start_drag(self) -> None:
        canvas, scene = self.canvas, self.canvas.map_scene
        if canvas.document is None or scene is None:
            return
        refs = [r for r in canvas.selected_refs() if r[0] in (NODE, NOTE)]
        self.moving = moved_refs(canvas.document.chain_map, refs)
        items = {}
        for ref in self.moving:
            item = scene.item_for(*ref)
            if item is not None:
                items[item] = ref
        # Move only the outermost items: a child item follows its parent item by itself.
        for item in items:
            ancestor = item.parentItem()
            while ancestor is not None and ancestor not in items:
                ancestor = ancestor.parentItem()
            if ancestor is None:
                self.preview.append((item, item.pos()))
        self._dragging = True
        canvas.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        self._update_mode = canvas.viewportUpdateMode()
        canvas.setViewportUpdateMode(DRAG_UPDATE_MODE)

    def mouse_release(self, event: QMouseEvent) -> bool:
        if self._dragging:
            self._drop(self.canvas.mapToScene(event.position().toPoint()))
        elif self.was_selected and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # A click (no drag) on one of several selected items selects just it.
            if len(self.canvas.selected_refs()) > 1:
                self.canvas.select_refs([self.ref])
        self.end()
        return True

    def _drop(self, scene_pos: QPointF) -> None:
        canvas, scene, document = self.canvas, self.canvas.map_scene, self.canvas.document
        if scene is None or document is None:
            return
        delta = scene_pos - self.press_scene
        target = canvas.ref_at(scene_pos, exclude=set(self.moving), kinds=(NODE,))
        command = drop_command(scene, self.moving, delta.x(), delta.y(), target[1] if target else None)
        if command is not None and not document.push(command):
            self._put_back()

    def cancel(self) -> None:
        if self._dragging:
            self._put_back()
        self.end()

    def _put_back(self) -> None:
        for item, origin in self.preview:
            item.setPos(origin)
        if self.canvas.map_scene is not None:
            self.canvas.map_scene.sync_positions()

    def cleanup(self) -> None:
        if self._update_mode is not None:
            self.canvas.setViewportUpdateMode(self._update_mode)
            self._update_mode = None
        self.preview = []
        self._dragging = False
        super().cleanup()
