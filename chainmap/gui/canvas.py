"""The canvas: a view of a :class:`~chainmap.render.MapScene` with the editor's mouse and
keyboard handling.

Navigation: the wheel zooms around the cursor; the middle button, or the left button with
space held, pans; a left drag on empty canvas draws a rubber band. Editing: drag segments and
notes to move them (one undo step per drag; dropping a segment inside another makes it a
sub-segment, dropping it outside its parent takes it out); drag from a segment's edge zone,
or Alt-drag from anywhere on it, to another segment to link them; double-click empty canvas
to add a segment in that tier, double-click a segment to rename it; arrow keys nudge.

A drag only previews: items are moved on screen, and on release one command is pushed; the
scene then follows the model's events. A refused command puts the items back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsItem, QGraphicsView, QWidget

from chainmap.core.geometry import SEGMENT_HEIGHT, own_box
from chainmap.render.view import MapView

from .canvas_drag import CanvasDragMixin
from .canvas_editing import CanvasEditingMixin
from .document import Document
from .geometry_qt import to_qrectf
from .inplace_editor import InPlaceEditor
from .widgets import single_shot_timer

Ref = tuple[str, str]

MIN_SCALE = 0.02
MAX_SCALE = 8.0
MAX_FIT_SCALE = 1.25
EDGE_ZONE_PX = 8.0
WHEEL_BASE = 1.0015


class MapCanvas(CanvasEditingMixin, CanvasDragMixin, MapView):
    """The editor's view of a map (a :class:`MapView`, so zoomed far out the scene draws its
    batched overview). Signals: ``first_painted()`` once the map is on screen,
    ``files_dropped(list[str])`` for map files dropped on it, ``zoom_changed(float)``."""

    first_painted = Signal()
    files_dropped = Signal(list)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_canvas")
        self.document: Document | None = None
        self.map_scene: Any = None
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Panning is by mouse (middle button, or space and drag); scroll bars would only
        # show how far the generous scene rect reaches.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self._painted = False
        self._after_paint: list[Any] = []
        self._fit_pending = False
        self._space_held = False
        self._mode: str | None = None
        self._press_view = QPoint()
        self._press_scene = QPointF()
        self._last_view = QPoint()
        self._press_ref: Ref | None = None
        self._press_was_selected = False
        self._preview: list[tuple[QGraphicsItem, QPointF]] = []
        self._moving: list[Ref] = []
        self._link_source: str | None = None
        self._link_end = QPointF()
        self._link_target: str | None = None
        self._editor: InPlaceEditor | None = None
        self._editing: Ref | None = None
        self._syncing_selection = False
        self._selection_timer = single_shot_timer(self, self.flush_selection)
        # Measuring the whole map is not free: once after a burst of layout changes.
        self._scene_rect_timer = single_shot_timer(self, self._update_scene_rect_later, 250)

    # ------------------------------------------------------------- document
    def set_document(self, document: Document, scene: Any) -> None:
        """Show ``scene`` (a MapScene of ``document``'s map) and follow ``document``."""
        self.close_editor()
        self.detach()
        self.document = document
        self.map_scene = scene
        self.setScene(scene)
        scene.selectionChanged.connect(self._on_scene_selection)
        scene.layout_changed.connect(self._scene_rect_timer.start)
        document.selection_changed.connect(self._on_document_selection)
        document.focus_requested.connect(self.focus_on)
        document.view_region_changed.connect(scene.set_view_region)
        if document.view_region is not None:
            scene.set_view_region(document.view_region)
        if not scene.editable:
            scene.set_editable(True)
        # Fitting measures the map and sets the scene rect; it waits until the view has its size.
        self._fit_pending = True
        if self.isVisible() and self.viewport().width() > 1:
            self.fit_to_window()

    def detach(self) -> None:
        """Stop following the document and the scene (before they are replaced or disposed)."""
        self._selection_timer.stop()
        self._scene_rect_timer.stop()
        self._reset_interaction()
        if self.document is not None:
            for signal, slot in (
                (self.document.selection_changed, self._on_document_selection),
                (self.document.focus_requested, self.focus_on),
            ):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
            if self.map_scene is not None:
                try:
                    self.document.view_region_changed.disconnect(self.map_scene.set_view_region)
                except (RuntimeError, TypeError):
                    pass
        if self.map_scene is not None:
            try:
                self.map_scene.selectionChanged.disconnect(self._on_scene_selection)
            except (RuntimeError, TypeError):
                pass
            try:
                self.map_scene.layout_changed.disconnect(self._scene_rect_timer.start)
            except (RuntimeError, TypeError):
                pass
        self.setScene(None)
        self.document = None
        self.map_scene = None

    @property
    def chain_map(self) -> Any:
        return self.document.chain_map if self.document is not None else None

    # ------------------------------------------------------------ selection
    def selected_refs(self) -> list[Ref]:
        """What is selected on the canvas, in the scene's order."""
        if self.map_scene is None:
            return []
        return list(self.map_scene.selected_refs())

    def select_refs(self, refs: list[Ref]) -> None:
        """Select exactly ``refs`` and tell the document at once."""
        if self.map_scene is None:
            return
        self._syncing_selection = True
        try:
            self.map_scene.select_refs(list(refs))
        finally:
            self._syncing_selection = False
        self.flush_selection()

    def _on_scene_selection(self) -> None:
        # Selecting many items one by one emits once per item: tell the document once.
        if not self._syncing_selection:
            self._selection_timer.start()

    def flush_selection(self) -> None:
        """Hand the canvas's selection to the document now."""
        self._selection_timer.stop()
        if self.document is not None and self.map_scene is not None:
            self.document.set_selection(self.selected_refs())

    def _on_document_selection(self, refs: list[Ref]) -> None:
        if self.map_scene is None or self._syncing_selection:
            return
        if list(refs) != self.selected_refs():
            self._syncing_selection = True
            try:
                self.map_scene.select_refs(list(refs))
            finally:
                self._syncing_selection = False

    # ------------------------------------------------------------- looking up
    def ref_of_item(self, item: QGraphicsItem | None) -> Ref | None:
        """The model object an item (or one of its parents) shows."""
        while item is not None:
            ref = self.map_scene.ref_for(item)
            if ref is not None:
                return (ref[0], ref[1])
            item = item.parentItem()
        return None

    def ref_at(self, scene_pos: QPointF, exclude: set[Ref] | None = None,
               kinds: tuple[str, ...] = ("node", "edge", "note")) -> Ref | None:
        """The topmost visible object at ``scene_pos`` of ``kinds`` (tier bands count as
        empty canvas by default), not in ``exclude``."""
        if self.map_scene is None:
            return None
        for item in self.map_scene.items(scene_pos):
            if not item.isVisible():
                continue
            ref = self.ref_of_item(item)
            if ref is None or (exclude and ref in exclude) or ref[0] not in kinds:
                continue
            return ref
        return None

    def _scale(self) -> float:
        return self.transform().m11()

    def in_edge_zone(self, node_id: str, scene_pos: QPointF) -> bool:
        """True in the outer ~8 px of a segment's own box, where a drag draws a link."""
        node = self.chain_map.node(node_id)
        if node.x is None or node.y is None:
            return False
        box = own_box(node.x, node.y)
        x, y = scene_pos.x(), scene_pos.y()
        if not (box.left <= x <= box.right and box.top <= y <= box.bottom):
            return False
        zone = EDGE_ZONE_PX / max(self._scale(), 1e-6)
        zone = min(zone, SEGMENT_HEIGHT / 4)
        return min(x - box.left, box.right - x, y - box.top, box.bottom - y) <= zone

    def _on_fold_toggle(self, node_id: str, scene_pos: QPointF) -> bool:
        item = self.map_scene.item_for("node", node_id)
        toggle = item.toggle_rect() if item is not None else None
        return toggle is not None and toggle.adjusted(-3, -3, 3, 3).contains(item.mapFromScene(scene_pos))

    def item_rect(self, ref: Ref) -> QRectF | None:
        item = self.map_scene.item_for(*ref) if self.map_scene is not None else None
        if item is not None:
            return item.sceneBoundingRect()
        if ref[0] == "node":
            node = self.chain_map.node(ref[1])
            if node.x is not None and node.y is not None:
                return to_qrectf(own_box(node.x, node.y))
        return None

    # ------------------------------------------------------------------ zoom
    def zoom_factor(self) -> float:
        return self._scale()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor`` keeping the scene point under ``anchor`` (view coordinates,
        default the view's centre) where it is."""
        current = self._scale()
        target = max(MIN_SCALE, min(MAX_SCALE, current * factor))
        if abs(target - current) < 1e-9:
            return
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        scene_point = self.mapToScene(anchor.toPoint())
        self.scale(target / current, target / current)
        self._keep_under(scene_point, anchor)
        self._zoomed()

    def _keep_under(self, scene_point: QPointF, view_point: QPointF) -> None:
        moved = QPointF(self.mapFromScene(scene_point)) - view_point
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + round(moved.x()))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + round(moved.y()))

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(0.8)

    def zoom_actual(self) -> None:
        """100 %: one scene unit per pixel, keeping the centre."""
        self.zoom_by(1.0 / self._scale())

    def _fit(self, rect: QRectF | None, max_scale: float = MAX_FIT_SCALE) -> None:
        if rect is None or rect.isEmpty():
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self._scale()
        clamped = max(MIN_SCALE, min(max_scale, scale))
        if abs(clamped - scale) > 1e-9:
            self.scale(clamped / scale, clamped / scale)
        self.centerOn(rect.center())
        self._zoomed()

    def content_rect(self) -> QRectF | None:
        if self.map_scene is None:
            return None
        rect = self.map_scene.content_rect()
        if rect.isEmpty():
            rect = self.map_scene.itemsBoundingRect()
        return rect

    def fit_to_window(self) -> None:
        """Show the whole map."""
        self._fit_pending = False
        rect = self.content_rect()
        self.update_scene_rect(rect)
        self._fit(rect)

    def zoom_to_selection(self) -> None:
        """Show the selected items as large as fits (at most 125 %)."""
        rect = self._refs_rect(self.selected_refs())
        if rect is not None:
            self._fit(rect)

    def _refs_rect(self, refs: list[Ref]) -> QRectF | None:
        result: QRectF | None = None
        for ref in refs:
            rect = self.item_rect(ref)
            if rect is not None:
                result = rect if result is None else result.united(rect)
        return result

    def focus_on(self, refs: list[Ref]) -> None:
        """Centre on ``refs``; zoom out when they do not fit at the current zoom."""
        rect = self._refs_rect(list(refs))
        if rect is None:
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() > visible.width() * 0.9 or rect.height() > visible.height() * 0.9:
            self._fit(rect, max_scale=self._scale())
        else:
            self.centerOn(rect.center())

    def _zoomed(self) -> None:
        self.close_editor(commit=True)
        self.zoom_changed.emit(self._scale())

    def _update_scene_rect_later(self) -> None:
        if self._mode == "move":
            self._scene_rect_timer.start()
        else:
            self.update_scene_rect()

    def update_scene_rect(self, rect: QRectF | None = None) -> None:
        """Let the view scroll well past the map (``rect``, default: measured now), so
        zooming around the cursor and panning work at every zoom."""
        if rect is None:
            rect = self.content_rect()
        if rect is None:
            return
        if rect.isEmpty():
            rect = QRectF(-500, -500, 1000, 1000)
        margin = max(rect.width(), rect.height(), 2000.0)
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))

    # ---------------------------------------------------------------- events
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            QTimer.singleShot(0, self._fit_if_pending)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_pending and self.isVisible():
            self._fit_if_pending()

    def _fit_if_pending(self) -> None:
        if self._fit_pending and self.map_scene is not None:
            self.fit_to_window()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.map_scene is None:
            return
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
        if self._after_paint:
            callbacks, self._after_paint = self._after_paint, []
            for callback in callbacks:
                QTimer.singleShot(0, callback)

    @property
    def has_painted(self) -> bool:
        """True once the map has been painted on screen."""
        return self._painted

    def after_next_paint(self, callback: Any) -> None:
        """Call ``callback`` once the map has been painted (soon after). When the canvas is
        not on screen yet it waits for the window to be shown in this turn of the event loop
        (a map is usually opened before its window is shown); a canvas still hidden by the
        next turn calls it then."""
        if self.map_scene is None:
            callback()
            return
        self._after_paint.append(callback)
        if self.isVisible():
            self.viewport().update()
        else:
            QTimer.singleShot(0, self, self._after_paint_if_hidden)

    def _after_paint_if_hidden(self) -> None:
        if self.isVisible() or not self._after_paint:
            return  # the coming paint calls them
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta == 0:
            event.ignore()
            return
        self.zoom_by(WHEEL_BASE**delta, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.map_scene is None or self._mode is not None:
            event.accept()
            return
        self.close_editor(commit=True)
        view_pos = event.position().toPoint()
        scene_pos = self.mapToScene(view_pos)
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self._space_held):
            self._mode = "pan"
            self._last_view = view_pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        ref = self.ref_at(scene_pos)
        modifiers = event.modifiers()
        if ref is not None and ref[0] == "node" and self._on_fold_toggle(ref[1], scene_pos):
            super().mousePressEvent(event)  # the segment item folds or unfolds itself
            self._mode = "toggle"  # and the rest of this press does nothing
            return
        if ref is not None and ref[0] == "node" and (
            modifiers & Qt.KeyboardModifier.AltModifier or self.in_edge_zone(ref[1], scene_pos)
        ):
            self._start_link(ref[1], scene_pos)
            event.accept()
            return
        if ref is not None and ref[0] in ("node", "note"):
            selected = self.selected_refs()
            self._press_was_selected = ref in selected
            if modifiers & Qt.KeyboardModifier.ControlModifier:
                self.select_refs([r for r in selected if r != ref] if ref in selected else selected + [ref])
            elif ref not in selected:
                self.select_refs([ref])
            self._mode = "press"
            self._press_ref = ref
            self._press_view = view_pos
            self._press_scene = scene_pos
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        view_pos = event.position().toPoint()
        scene_pos = self.mapToScene(view_pos)
        if self._mode == "pan":
            delta = view_pos - self._last_view
            self._last_view = view_pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._mode == "link":
            self._update_link(scene_pos)
            event.accept()
            return
        if self._mode == "toggle":
            event.accept()
            return
        if self._mode == "press":
            if (view_pos - self._press_view).manhattanLength() >= QApplication.startDragDistance():
                self._start_move()
            else:
                event.accept()
                return
        if self._mode == "move":
            self._preview_move(scene_pos)
            event.accept()
            return
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            self._update_hover_cursor(scene_pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        scene_pos = self.mapToScene(event.position().toPoint())
        mode = self._mode
        if mode == "pan":
            self._mode = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space_held else Qt.CursorShape.ArrowCursor
            )
        elif mode == "link":
            self._finish_link(scene_pos)
        elif mode == "press":
            self._mode = None
            modifiers = event.modifiers()
            if self._press_was_selected and not modifiers & Qt.KeyboardModifier.ControlModifier:
                # A click (no drag) on one of several selected items selects just it.
                if self._press_ref is not None and len(self.selected_refs()) > 1:
                    self.select_refs([self._press_ref])
        elif mode == "move":
            self._finish_move(scene_pos)
        elif mode == "toggle":
            self._mode = None
            super().mouseReleaseEvent(event)
        else:
            super().mouseReleaseEvent(event)
            self.flush_selection()
            return
        self.flush_selection()
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.map_scene is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        ref = self.ref_at(scene_pos)
        if ref is not None and ref[0] in ("node", "note"):
            self._mode = None
            self.start_rename(ref)
        elif ref is None:
            self.add_segment_at(scene_pos)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            if self._mode is None:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in steps and self.nudge(*steps[key], fine=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)):
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            if self._mode is not None:
                self._cancel_interaction()
            else:
                self.select_refs([])
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            if self._mode is None:
                self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: Any) -> None:
        self._space_held = False
        super().focusOutEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        else:
            super().dropEvent(event)

    # ------------------------------------------------------- hover and cursor
    def _update_hover_cursor(self, scene_pos: QPointF) -> None:
        if self._space_held:
            return
        ref = self.ref_at(scene_pos)
        if ref is not None and ref[0] == "node" and self._on_fold_toggle(ref[1], scene_pos):
            shape = Qt.CursorShape.ArrowCursor
        elif ref is not None and ref[0] == "node" and self.in_edge_zone(ref[1], scene_pos):
            shape = Qt.CursorShape.CrossCursor
        elif ref is not None and ref[0] in ("node", "note"):
            shape = Qt.CursorShape.PointingHandCursor
        else:
            shape = Qt.CursorShape.ArrowCursor
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(shape)
