"""The map scene: one graphics item per model object, kept in step with the model's events.

The scene listens to the model and to nothing else, through its composed sync
(``scene.sync``, a :class:`~chainmap.render.scene_sync.SceneSync`): every change updates
exactly the items it concerns. Geometry that depends on several objects (frames of parents,
link routes, note leaders, tier bands) is marked dirty and recomputed once
(:mod:`chainmap.render.scene_geometry`), on the next turn of the event loop or when someone
asks (every public query flushes first), so a layout that moves 5,000 segments recomputes
the bands once.

View state (the gaps view's region, folding, marks, provenance, the overview) lives here,
never in the file. Call :meth:`MapScene.dispose` before dropping the scene.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from chainmap.core import geometry
from chainmap.core.model import ChainMap
from chainmap.core.refs import Ref

from .items_segment import SegmentItem
from .scene_geometry import frame_rect
from .scene_sync import DEVICE_CACHE, NO_CACHE, SceneSync
from .state import RenderState

__all__ = ["MapScene"]

CONTENT_MARGIN = 24.0
OPAQUE_ENOUGH = 0.001
"""Items less opaque than this are not drawn (Qt's own rule: its index skips them too)."""
_DRAWN_KINDS = frozenset({"node", "edge", "note"})
_TIER = ("tier", "")
_STRIP = 1.0  # scene units: how far inside a side content_rect looks for the item touching it
_FAR = 1e12  # scene units: "to infinity" for the areas outside the kept content
_MANY_MADE = 2000  # items made since the content was last found: measure them all again


def _outside(rect: QRectF) -> tuple[QRectF, ...]:
    """Four rectangles covering the whole plane outside ``rect`` (they overlap it nowhere)."""
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    return (QRectF(QPointF(-_FAR, -_FAR), QPointF(left, _FAR)),
            QRectF(QPointF(right, -_FAR), QPointF(_FAR, _FAR)),
            QRectF(QPointF(left, -_FAR), QPointF(right, top)),
            QRectF(QPointF(left, bottom), QPointF(right, _FAR)))


class MapScene(QGraphicsScene):
    """A :class:`ChainMap` drawn as tier bands, segment boxes, link arrows and note callouts.

    ``item_for(kind, id)`` / ``ref_for(item)`` map between model objects and items; ``sync``
    is the :class:`~chainmap.render.scene_sync.SceneSync` that keeps them in step.
    """

    layout_changed = Signal()
    """Tier bands or segment frames changed (after a move, fold, add or remove)."""
    overview_areas = Signal(object)
    """Shapes of the far-zoom overview changed in place, within these scene rectangles (a
    list of ``QRectF``): a view that keeps a drawing of the overview draws just those again."""
    folding_changed = Signal(str, bool)
    """A segment was folded (True) or unfolded (False)."""
    view_region_changed = Signal(object)
    """The gaps view's region changed (a region code, or None for all regions)."""

    def __init__(self, chain_map: ChainMap, parent: QObject | None = None, *, editable: bool = True,
                 legend: bool = True, cached: bool = True, transient: bool = False) -> None:
        """``editable``: items selectable and movable; ``legend``: the legend on the canvas;
        ``cached``: boxes keep a pixmap per zoom (the editor; exports paint without);
        ``transient``: an export's own scene, which drops the items of a big map's part once
        it is painted (:mod:`~chainmap.render.export_parts`)."""
        super().__init__(parent)
        self._transient = transient
        self._map = chain_map
        self._state = RenderState(editable=editable)
        self._cached = cached
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        if cached:
            # Each visible box keeps a pixmap; a zoomed-in screenful is a few hundred of them.
            QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 64 * 1024))
        self._drawn: tuple[QRectF, int] | None = None  # what content_rect found drawn last, of how many items
        self.sync = SceneSync(self, chain_map, self._state, cached)
        self.sync.legend.setVisible(legend)
        self.selectionChanged.connect(self.sync.overview.selection_changed)
        self.sync.build()

    # ================================================================ public
    @property
    def chain_map(self) -> ChainMap:
        """The map drawn."""
        return self._map

    @property
    def view_region(self) -> str | None:
        """The gaps view's region code, or None for all regions."""
        return self._state.view_region

    @property
    def editable(self) -> bool:
        """Items are selectable and movable."""
        return self._state.editable

    def dispose(self) -> None:
        """Stop listening to the model and delete every item. Call before dropping the scene."""
        sync = self.sync
        if sync.disposed:
            return
        sync.disconnect()
        sync.geometry.routes.dispose()
        self.selectionChanged.disconnect(sync.overview.selection_changed)
        self.clearSelection()
        sync.items.clear()
        self.clear()

    def item_for(self, kind: str, item_id: str) -> QGraphicsItem | None:
        """The item drawing model object ``item_id`` of ``kind`` (node, edge, note, tier)."""
        table = self.sync.items.of_kind(kind)
        self.sync.materialize(kind, item_id)
        self.flush()
        return table.get(item_id)

    def items_of(self, kind: str) -> dict[str, QGraphicsItem]:
        """All items of ``kind``, by model id (a copy); on a big map this makes every item
        not made yet (:meth:`complete_items`)."""
        if kind in ("node", "edge"):
            self.sync.complete()
        self.flush()
        return dict(self.sync.items.of_kind(kind))

    def ref_for(self, item: QGraphicsItem | None) -> Ref | None:
        """``(kind, id)`` of the model object ``item`` (or an ancestor item of it) draws."""
        refs = self.sync.items.refs
        while item is not None:
            ref = refs.get(item)
            if ref is not None:
                return ref
            item = item.parentItem()
        return None

    def selected_refs(self) -> list[Ref]:
        """The selected model objects, as ``(kind, id)``."""
        refs = [self.ref_for(item) for item in self.selectedItems()]
        return [ref for ref in refs if ref is not None]

    def select_refs(self, refs: Iterable[Ref]) -> None:
        """Select exactly these model objects (those that exist and can be selected)."""
        self.clearSelection()
        sync = self.sync
        items = sync.items
        for kind, item_id in refs:
            sync.materialize(kind, item_id)
            item = items.get(kind, item_id)
            if item is not None:
                item.setSelected(True)

    def set_view_region(self, code: str | None) -> None:
        """The gaps view: None colours boxes by regional status; a region code colours them by
        that region's status, highlights its gaps to fill and dims the rest."""
        if code is not None and not self._map.has_region(code):
            raise KeyError(f"the map has no region {code!r}")
        if code == self._state.view_region:
            return
        self._state.view_region = code
        self.sync.restyle_all()
        self.view_region_changed.emit(code)

    def set_folded(self, node_id: str, folded: bool) -> None:
        """Fold (hide the sub-segments of) or unfold a segment; its hidden sub-segments'
        links are drawn to it instead."""
        if not self._map.has_node(node_id):
            raise KeyError(node_id)
        sync = self.sync
        geometry = sync.geometry
        if folded == (node_id in geometry.folded):
            return
        sync.materialize("node", node_id)
        if folded:
            geometry.folded.add(node_id)
        else:
            geometry.folded.discard(node_id)
        subtree = [node_id, *self._map.descendants(node_id)]
        sync.refresh_fold_badge(node_id)
        geometry.update_visibility(subtree)
        geometry.mark(node_id)
        geometry.mark_ends(subtree)
        geometry.restructure()
        sync.schedule()
        self.folding_changed.emit(node_id, folded)

    def is_folded(self, node_id: str) -> bool:
        """Whether segment ``node_id`` is folded."""
        return node_id in self.sync.geometry.folded

    def folded_ids(self) -> set[str]:
        """The folded segments' ids (a copy)."""
        return set(self.sync.geometry.folded)

    def set_editable(self, editable: bool) -> None:
        """Make segments, notes and links selectable (and segments and notes movable) or not."""
        self._state.editable = editable
        if not editable:
            self.clearSelection()
        self.sync.apply_all_flags()

    def set_overview(self, on: bool) -> None:
        """Far zoom: paint every box and link in a few batched calls (one overview item)
        instead of one call per item. The items stay, selectable and hit-testable.
        :class:`~chainmap.render.view.MapView` switches this by its zoom."""
        sync = self.sync
        if on == sync.overview_on or sync.disposed:
            return
        self.flush()
        sync.overview_on = on
        sync.apply_all_flags()
        # What it gathered still holds: every change since invalidated it. Gathering a
        # 20,000-segment map's items again on each zoom out took 0.25 s.
        sync.overview.setVisible(on)

    @property
    def overview(self) -> bool:
        """Far zoom: the overview item paints every box and link."""
        return self.sync.overview_on

    def set_legend_visible(self, visible: bool) -> None:
        """Show the legend on the canvas (exports always ask for it unless told not to)."""
        self.sync.legend.setVisible(visible)

    def bands(self) -> list[geometry.Band]:
        """The tier bands, as :func:`chainmap.core.geometry.tier_bands` computes them now."""
        self.flush()
        return list(self.sync.geometry.bands)

    def tier_at(self, x: float) -> str | None:
        """The tier whose band holds scene x-coordinate ``x``."""
        return geometry.tier_at(self.bands(), x)

    def segment_frame(self, node_id: str) -> QRectF:
        """A segment's frame (its box and its sub-segments') in scene coordinates; an empty
        rectangle for a segment with no position."""
        if not self._map.has_node(node_id):
            raise KeyError(node_id)
        self.flush()
        frame = frame_rect(self.sync.geometry.frames.get(node_id))
        return frame if frame is not None else QRectF()

    def set_marked(self, refs: Iterable[Ref], role: str) -> None:
        """Mark model objects for a GUI overlay (``conflict``, ``added``, ``removed``,
        ``changed``, or any other role): a coloured outline. Empty ``refs`` clears the role."""
        roles = self.sync.roles
        new = set(refs)
        old = roles.get(role, set())
        if new:
            roles[role] = new
        else:
            roles.pop(role, None)
        self.sync.refresh_marks(old ^ new)

    def set_chokepoints_in_legend(self, on: bool) -> None:
        """Explain the editor's chokepoint mark in the legend (the analysis overlay is on), or not."""
        if on != self._state.chokepoints_marked:
            self._state.chokepoints_marked = on
            self.sync.refresh_decorations()

    def marked(self, role: str) -> set[Ref]:
        """The model objects marked with ``role`` (a copy)."""
        return set(self.sync.roles.get(role, ()))

    def set_provenance(self, provenance: dict[str, list[str]] | None) -> None:
        """Colour each box by the regions whose copies contributed it (None: off)."""
        self._state.provenance = {k: list(v) for k, v in provenance.items()} if provenance else None
        for node_id, item in self.sync.items.nodes.items():
            item.restyle(self._map.node(node_id))
        self.sync.overview.invalidate()

    def set_export_mode(self, on: bool) -> None:
        """Hide selection highlights and handles (fold toggles) while painting a file."""
        if on != self._state.export_mode:
            self._state.export_mode = on
            self.update()

    @contextmanager
    def exporting(self, vector: bool = False, parts: bool = False) -> Iterator[MapScene]:
        """``with scene.exporting():`` paint a file: no selection, no handles, every item
        painting itself (no overview, no pixmap caches). ``vector`` for PDF and SVG: lines
        keep their widths in scene units. The links are routed to the end first, so the file
        draws what ``chainmap route`` prints. Every item not made yet is made first, unless
        ``parts``: the caller paints part by part and makes each part's items
        (:mod:`~chainmap.render.export_parts`)."""
        if not parts:
            self.sync.complete()
        self.flush()
        self.sync.geometry.routes.finish(drags=not self._transient)
        was_export, was_vector, was_overview = (self._state.export_mode, self._state.vector_output,
                                                self.sync.overview_on)
        self.set_overview(False)
        self.set_export_mode(True)
        self._state.vector_output = vector
        boxes = self.sync.items.nodes
        if self._cached:
            for item in boxes.values():
                item.setCacheMode(NO_CACHE)
        try:
            yield self
        finally:
            if self._cached:
                for item in boxes.values():
                    item.setCacheMode(DEVICE_CACHE)
            self._state.vector_output = was_vector
            self.set_export_mode(was_export)
            self.set_overview(was_overview)

    def content_rect(self) -> QRectF:
        """Everything drawn: bands, boxes, links, notes, and the title and legend, with the
        boxes of segments whose items are not made yet. An item an overlay hides (at opacity 0)
        is not drawn, so not counted."""
        self.flush()
        sync = self.sync
        rect = self._drawn_extent()
        for tier in sync.items.tiers.values():
            rect = rect.united(tier.sceneBoundingRect())
        for decoration in (sync.title, sync.legend):
            if decoration.isVisible():
                rect = rect.united(decoration.sceneBoundingRect())
        if sync.pending:
            rect = rect.united(sync.pending.extent())
        return rect.adjusted(-CONTENT_MARGIN, -CONTENT_MARGIN, CONTENT_MARGIN, CONTENT_MARGIN)

    def _drawn_extent(self) -> QRectF:
        """The segments', links' and notes' items drawn (shown, not fully transparent), their
        scene bounding rectangles together. Measuring all of them took 35 ms at 20,000 segments,
        and the navigator and the canvas ask after every move: the last result is kept and
        checked with the scene's index instead. It still holds when no drawn item reaches
        outside it (else it grows to take them in) and each of its four sides still touches a
        drawn item (else, say the outermost box moved in or was deleted, everything is measured
        again). Both checks look only at the items near its border. After many items were made
        (a big map makes its items lazily) measuring them all is quicker than finding them."""
        count = len(self.sync.items.refs)
        if self._drawn is not None and not self._drawn[0].isNull() and count <= self._drawn[1] + _MANY_MADE:
            grown = QRectF(self._drawn[0])
            for outside in _outside(grown):
                for rect in self._drawn_rects_in(outside):
                    grown = grown.united(rect)
            if self._sides_touched(grown):
                self._drawn = (grown, count)
                return QRectF(grown)
        whole = self._measure_drawn()
        self._drawn = (whole, count)
        return QRectF(whole)

    def _measure_drawn(self) -> QRectF:
        """:meth:`_drawn_extent` measured item by item."""
        whole = QRectF()
        items = self.sync.items
        for table in (items.nodes, items.edges, items.notes):
            for item in table.values():
                if item.isVisible() and item.effectiveOpacity() >= OPAQUE_ENOUGH:
                    whole = whole.united(item.sceneBoundingRect())
        return whole

    def _drawn_rects_in(self, area: QRectF) -> list[QRectF]:
        """The scene bounding rectangles of the drawn segment, link and note items that overlap
        ``area`` (the scene's index finds them; it skips hidden and fully transparent items)."""
        refs = self.sync.items.refs
        return [item.sceneBoundingRect() for item in self.items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
                if refs.get(item, _TIER)[0] in _DRAWN_KINDS]

    def _sides_touched(self, rect: QRectF) -> bool:
        """Whether each side of ``rect`` (holding every drawn item) touches a drawn item."""
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        strips = (
            (QRectF(left, top, _STRIP, rect.height()), lambda r: r.left() == left),
            (QRectF(right - _STRIP, top, _STRIP, rect.height()), lambda r: r.right() == right),
            (QRectF(left, top, rect.width(), _STRIP), lambda r: r.top() == top),
            (QRectF(left, bottom - _STRIP, rect.width(), _STRIP), lambda r: r.bottom() == bottom),
        )
        return all(any(touches(found) for found in self._drawn_rects_in(strip)) for strip, touches in strips)

    def sync_positions(self) -> None:
        """Put every dragged item back where the model says (after a refused or cancelled
        drag; a move the model accepted does this by itself)."""
        sync = self.sync
        geometry = sync.geometry
        for node_id in list(geometry.live):
            geometry.live.pop(node_id)
            item = sync.items.nodes.get(node_id)
            if item is not None:
                item.set_position(self._map.node(node_id))
            geometry.mark(node_id)
            geometry.moved(node_id)
        for note_id, note_item in sync.items.notes.items():
            note_item.set_note(self._map.note(note_id))
        sync.schedule()

    def item_dragged(self, item: SegmentItem) -> None:
        """A segment item was dragged (the GUI turns the drop into a model move): links and
        frames follow it meanwhile."""
        node = self._map.node(item.node_id)
        if node.x is None or node.y is None:
            return
        geometry = self.sync.geometry
        offset = item.pos() - QPointF(node.x, node.y)
        if abs(offset.x()) < 1e-9 and abs(offset.y()) < 1e-9:
            geometry.live.pop(item.node_id, None)
        else:
            geometry.live[item.node_id] = offset
        geometry.mark(item.node_id, live=True)
        geometry.moved(item.node_id, live=True)
        self.sync.schedule()

    # ========================================================= lazy items
    @property
    def transient_items(self) -> bool:
        """An export's own scene: a big map's items are dropped once their part is painted."""
        return self._transient

    @property
    def items_pending(self) -> int:
        """How many segments and links have no item yet (a big map makes them lazily:
        :mod:`chainmap.render.scene_lazy`)."""
        return len(self.sync.pending)

    def ensure_items(self, rect: QRectF) -> None:
        """Make the items not made yet that may show in ``rect`` (scene coordinates); a view
        calls this before it paints closer than the overview."""
        self.sync.ensure(rect)

    def complete_items(self) -> None:
        """Make every item not made yet."""
        self.sync.complete()

    def flush(self) -> None:
        """Recompute the geometry marked dirty (frames, bands, links, notes, decorations)."""
        self.sync.flush()
