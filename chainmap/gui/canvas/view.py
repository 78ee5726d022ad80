"""The canvas: a view of a :class:`~chainmap.render.MapScene` with the editor's mouse and
keyboard handling.

Navigation: the wheel zooms around the cursor; the middle button, or the left button with
space held, pans; a left drag on empty canvas draws a rubber band. Editing: drag segments and
notes to move them (one undo step per drag; dropping a segment inside another makes it a
sub-segment, dropping it outside its parent takes it out); drag from a segment's edge zone,
or Alt-drag from anywhere on it, to another segment to link them; double-click empty canvas
to add a segment in that tier, double-click a segment to rename it; arrow keys nudge. Walking
without a mouse (:mod:`.walk`): Alt+arrows follow links and move within a column, Tab cycles.

Each of these is an interaction object (:mod:`.interactions`): a press decides which one
starts, the canvas holds it as :attr:`MapCanvas.interaction` and forwards the mouse and key
events to it until it ends, by one undo command at most; Esc cancels it. A drag only
previews: items are moved on screen, and the release pushes one command; the scene then
follows the model's events. A refused command, or Esc, puts the items back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Signal
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
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView, QWidget

from chainmap.core.geometry import SEGMENT_HEIGHT, own_box
from chainmap.core.ids import new_id
from chainmap.core.model import ChainMap, Edge
from chainmap.core.refs import NODE, NOTE, Ref
from chainmap.render import idle_turns, style
from chainmap.render.scene import MapScene
from chainmap.render.view import MapView, zoom_of

from ..commands import AddEdgeCommand, AddNodeCommand
from ..document import Document
from ..widgets import single_shot_timer
from .edit_ops import FINE_NUDGE_STEP, NUDGE_STEP, link_problem, new_segment, nudge_command
from .geometry_qt import to_qrectf
from .inplace_editor import InPlaceEditor
from .interactions import (
    Interaction,
    LinkInteraction,
    MoveInteraction,
    PanInteraction,
    RenameInteraction,
    RubberBandInteraction,
)
from .placement import free_spot_in_tier
from .walk import walk, walk_key

MIN_SCALE = 0.02
MAX_SCALE = 8.0
MAX_FIT_SCALE = 1.25
EDGE_ZONE_PX = 8.0
WHEEL_BASE = 1.0015


MARGIN = 0.25
"""The margin whose items are made round the shown area, as a part of its width and height."""


def margin_strips(shown: QRectF) -> list[QRectF]:
    """The margin round ``shown`` (:data:`MARGIN` of its size on each side) as strips: above,
    below, left and right."""
    mx, my = shown.width() * MARGIN, shown.height() * MARGIN
    outer = shown.adjusted(-mx, -my, mx, my)
    return [
        QRectF(outer.left(), outer.top(), outer.width(), my),
        QRectF(outer.left(), shown.bottom(), outer.width(), my),
        QRectF(outer.left(), shown.top(), mx, shown.height()),
        QRectF(shown.right(), shown.top(), mx, shown.height()),
    ]


class MapCanvas(MapView):
    """The editor's view of a map (a :class:`MapView`, so zoomed far out the scene draws its
    batched overview). Signals: ``first_painted()`` once the map is on screen,
    ``files_dropped(list[str])`` for map files dropped on it, ``zoom_changed(float)``.

    Attributes:
        document: the :class:`~chainmap.gui.document.Document` shown (``None`` between maps).
        map_scene: its :class:`~chainmap.render.scene.MapScene`.
        interaction: the :class:`~.interactions.Interaction` under way, if any (read-only).
    """

    first_painted = Signal()
    files_dropped = Signal(list)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_canvas")
        self.document: Document | None = None
        self.map_scene: MapScene | None = None
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        # The rubber band is an interaction of ours (RubberBandInteraction), not Qt's drag mode.
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
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
        self._interaction: Interaction | None = None
        self._syncing_selection = False
        self._selection_timer = single_shot_timer(self, self.flush_selection)
        self._margin_timer = single_shot_timer(self, self._make_margin)
        self._margin_left: list[QRectF] = []  # strips round the shown area whose items are still to make
        # Measuring the whole map is not free: once after a burst of layout changes.
        self._scene_rect_timer = single_shot_timer(self, self._update_scene_rect_later, 250)

    # ------------------------------------------------------------- document
    def set_document(self, document: Document, scene: MapScene) -> None:
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
        self.cancel_interaction()
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
    def chain_map(self) -> ChainMap | None:
        return self.document.chain_map if self.document is not None else None

    # ---------------------------------------------------------- interactions
    @property
    def interaction(self) -> Interaction | None:
        """The interaction under way (a drag, a rubber band, a rename, ...), or ``None``."""
        return self._interaction

    def begin(self, interaction: Interaction) -> None:
        """Make ``interaction`` the one under way, cancelling one still running."""
        self.cancel_interaction()
        self._interaction = interaction

    def interaction_ended(self, interaction: Interaction) -> None:
        """Called by an interaction as it ends: the canvas lets it go."""
        if self._interaction is interaction:
            self._interaction = None

    def cancel_interaction(self) -> None:
        """Cancel the interaction under way (as Esc does), if any."""
        if self._interaction is not None:
            self._interaction.cancel()
        self._interaction = None

    @property
    def space_held(self) -> bool:
        """True while the space bar is held (a left drag then pans)."""
        return self._space_held

    # --------------------------------------------------------------- editing
    def nudge(self, dx: int, dy: int, fine: bool = False) -> bool:
        """Move the selected segments and notes by one step (10 units, 1 with ``fine``)."""
        if self.document is None or self._interaction is not None:
            return False
        refs = [r for r in self.selected_refs() if r[0] in (NODE, NOTE)]
        if not refs:
            return False
        step = FINE_NUDGE_STEP if fine else NUDGE_STEP
        command = nudge_command(self.document.chain_map, refs, dx * step, dy * step)
        if command is not None:
            self.document.push(command)
        return True

    def add_segment_at(self, scene_pos: QPointF, rename: bool = True) -> str | None:
        """A new segment at the free spot nearest ``scene_pos`` in the tier band there (never
        on another box or a note); its name is then edited in place."""
        if self.document is None or self.map_scene is None:
            return None
        chain_map = self.document.chain_map
        tier = self.map_scene.tier_at(scene_pos.x())
        node = new_segment(chain_map, tier)
        node.x, node.y = free_spot_in_tier(self.map_scene, chain_map, node.tier, (scene_pos.x(), scene_pos.y()))
        if not self.document.push(AddNodeCommand(chain_map, node)):
            return None
        self.select_refs([(NODE, node.id)])
        if rename:
            self.start_rename((NODE, node.id))
        return node.id

    def add_link(self, source: str, target: str) -> bool:
        """Link ``source`` → ``target`` as one undo step, unless it is a self-link or a
        duplicate (the status bar says why)."""
        if self.document is None:
            return False
        problem = link_problem(self.document.chain_map, source, target)
        if problem is not None:
            self.document.status_message.emit(problem)
            return False
        edge = Edge(id=new_id("e"), source=source, target=target)
        if self.document.push(AddEdgeCommand(self.document.chain_map, edge)):
            self.select_refs([("edge", edge.id)])
            return True
        return False

    def view_center(self) -> QPointF:
        """The scene point at the middle of the view."""
        return self.mapToScene(self.viewport().rect().center())

    def start_rename(self, ref: Ref) -> InPlaceEditor | None:
        """Edit a segment's name (or a note's text) in a line edit over its box."""
        if self.document is None:
            return None
        self.close_editor(commit=True)
        rename = RenameInteraction.open(self, ref)
        if rename is None:
            return None
        self.begin(rename)
        rename.show()
        return rename.editor

    @property
    def editor(self) -> InPlaceEditor | None:
        """The in-place editor of a rename under way."""
        rename = self._interaction
        return rename.editor if isinstance(rename, RenameInteraction) else None

    def close_editor(self, commit: bool = False) -> None:
        """Close the in-place editor, committing its text first with ``commit``."""
        rename = self._interaction
        if isinstance(rename, RenameInteraction):
            if commit:
                rename.finish()
            else:
                rename.cancel()

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
        empty canvas by default), not in ``exclude``; items a filter hides (disabled) do not count."""
        if self.map_scene is None:
            return None
        for item in self.map_scene.items(scene_pos):
            if not item.isVisible() or not item.isEnabled():
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
        if self._interaction is not None and self._interaction.previewing:
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

    def ensure_shown_items(self) -> None:
        """On a big map whose items are made lazily, make those this view is about to show
        closer than the overview; those in a margin around it (so a pan finds its neighbours
        made) later, a strip per turn of idle work (:meth:`_make_margin`), so the paint waits
        only for what it shows and no turn of the event loop makes them all."""
        scene = self.map_scene
        if scene is None or not scene.items_pending or zoom_of(self) < style.LOD_DETAIL:
            return
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        scene.ensure_items(shown)
        if scene.items_pending:
            self._margin_left = margin_strips(shown)
            self._margin_timer.start()

    def _make_margin(self) -> None:
        """Make the items of one strip of the margin round the shown area, when it is the
        canvas's turn of idle work (:mod:`chainmap.render.idle_turns`); the next strip after."""
        scene = self.map_scene
        if scene is None or not scene.items_pending or not self._margin_left:
            self._margin_left = []
            idle_turns.forget(self)
            return
        if not idle_turns.may_run(self):
            self._margin_timer.start()
            return
        try:
            scene.ensure_items(self._margin_left.pop(0))
        finally:
            idle_turns.ran()
        if self._margin_left:
            self._margin_timer.start()

    def render(self, *args: Any, **kwargs: Any) -> None:
        self.ensure_shown_items()
        super().render(*args, **kwargs)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.ensure_shown_items()
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
        if self.map_scene is None or (self._interaction is not None and self._interaction.mouse_press(event)):
            event.accept()
            return
        view_pos = event.position().toPoint()
        scene_pos = self.mapToScene(view_pos)
        button, modifiers = event.button(), event.modifiers()
        interaction: Interaction | None = None
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self._space_held):
            interaction = PanInteraction(self, view_pos)
        elif button == Qt.MouseButton.LeftButton:
            ref = self.ref_at(scene_pos)
            kind, item_id = ref if ref is not None else (None, "")
            if ref is None:
                interaction = RubberBandInteraction(self, view_pos, bool(modifiers & Qt.KeyboardModifier.ControlModifier))
            elif kind == NODE and self._on_fold_toggle(item_id, scene_pos):
                self.map_scene.set_folded(item_id, not self.map_scene.is_folded(item_id))
                event.accept()
                return
            elif kind == NODE and (modifiers & Qt.KeyboardModifier.AltModifier or self.in_edge_zone(item_id, scene_pos)):
                interaction = LinkInteraction(self, item_id, scene_pos)
            elif kind in (NODE, NOTE):
                interaction = MoveInteraction(self, ref, view_pos, scene_pos,
                                              bool(modifiers & Qt.KeyboardModifier.ControlModifier))
        if interaction is None:
            super().mousePressEvent(event)  # a link, or another button: Qt's own handling
            return
        self.begin(interaction)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._interaction is not None and self._interaction.mouse_move(event):
            event.accept()
            return
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            self._update_hover_cursor(self.mapToScene(event.position().toPoint()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._interaction is not None and self._interaction.mouse_release(event):
            event.accept()
        else:
            super().mouseReleaseEvent(event)
        self.flush_selection()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.map_scene is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        ref = self.ref_at(scene_pos)
        if ref is not None and ref[0] in (NODE, NOTE):
            self.start_rename(ref)
        elif ref is None:
            self.cancel_interaction()
            self.add_segment_at(scene_pos)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._interaction is not None and self._interaction.key_press(event):
            event.accept()
            return
        if walk_key(self, event):  # Alt+arrows: along links, within a column
            event.accept()
            return
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            if self._interaction is None:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        steps: dict[int, tuple[int, int]] = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in steps and self.nudge(*steps[key], fine=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)):
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.select_refs([])
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt's names
        # Tab and Shift+Tab go through the segments (reading order) rather than the widgets.
        if self.map_scene is not None and self._interaction is None and walk(self, "next" if next else "previous"):
            return True
        return super().focusNextPrevChild(next)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            if self._interaction is None:
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

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self._interaction is not None:
            self._interaction.paint(painter, rect)

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
