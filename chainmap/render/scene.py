"""The map scene: one graphics item per model object, kept in step with the model's events.

The scene listens to the model and to nothing else; every change updates exactly the items
it concerns (see :mod:`chainmap.render.scene_sync`). Geometry that depends on several
objects (frames of parents, link routes, note leaders, tier bands) is marked dirty and
recomputed once, on the next turn of the event loop or when someone asks (every public query
flushes first), so a layout that moves 5,000 segments recomputes the bands once.

View state (the gaps view's region, folding, marks, provenance, the overview) lives here,
never in the file. Call :meth:`MapScene.dispose` before dropping the scene.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from chainmap.core import geometry
from chainmap.core.model import ChainMap

from .decorations import LegendItem, TitleItem
from .items_segment import SegmentItem
from .label_space import LabelSpace
from .overview import OverviewItem
from .scene_sync import _DEVICE_CACHE, _NO_CACHE, KINDS, Ref, SceneSync, conflict_refs
from .state import RenderState

__all__ = ["MapScene", "KINDS", "Ref", "conflict_refs"]

CONTENT_MARGIN = 24.0


class MapScene(SceneSync, QGraphicsScene):
    """A :class:`ChainMap` drawn as tier bands, segment boxes, link arrows and note callouts.

    ``item_for(kind, id)`` / ``ref_for(item)`` map between model objects and items.
    """

    layout_changed = Signal()
    """Tier bands or segment frames changed (after a move, fold, add or remove)."""
    folding_changed = Signal(str, bool)
    """A segment was folded (True) or unfolded (False)."""
    view_region_changed = Signal(object)
    """The gaps view's region changed (a region code, or None for all regions)."""

    def __init__(self, chain_map: ChainMap, parent: QObject | None = None, *, editable: bool = True,
                 legend: bool = True, cached: bool = True) -> None:
        """``editable``: items selectable and movable; ``legend``: the legend on the canvas;
        ``cached``: boxes keep a pixmap per zoom (the editor; exports paint without)."""
        QGraphicsScene.__init__(self, parent)
        self._map = chain_map
        self._state = RenderState(editable=editable)
        self._items: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        self._refs: dict[QGraphicsItem, Ref] = {}
        self._edges_at: dict[str, set[str]] = {}
        self._notes_at: dict[str, set[str]] = {}
        self._folded: set[str] = set()
        self._frames: dict[str, QRectF] = {}
        self._spans: dict[str, tuple[float, float]] = {}
        self._top_ids: list[str] | None = None
        self._frames_extent: tuple[float, float] | tuple[()] | None = None
        self._bands: list[geometry.Band] = []
        self._live: dict[str, QPointF] = {}  # dragged segments the model has not moved yet
        self._roles: dict[str, set[Ref]] = {}
        self._conflicts: set[Ref] = set()
        self._dirty_frames: set[str] = set()
        self._dirty_links: set[str] = set()
        self._dirty_notes: set[str] = set()
        self._labels = LabelSpace(self._items["node"])
        self._bands_dirty = True
        self._extent_dirty = True
        self._decorations_dirty = True
        self._disposed = False
        self._cached = cached
        self._overview_on = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        if cached:
            # Each visible box keeps a pixmap; a zoomed-in screenful is a few hundred of them.
            QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 64 * 1024))
        self._title = TitleItem()
        self._legend = LegendItem()
        self._legend.setVisible(legend)
        self._overview = OverviewItem(self._overview_items)
        self.addItem(self._title)
        self.addItem(self._legend)
        self.addItem(self._overview)
        self.selectionChanged.connect(self._overview.invalidate)  # type: ignore[arg-type]
        events = chain_map.events
        self._connections: list[tuple[Any, Any]] = [
            (events.map_changed, self._on_map_changed),
            (events.region_added, self._on_region_event),
            (events.region_changed, self._on_region_event),
            (events.region_removed, self._on_region_removed),
            (events.tier_added, self._on_tier_added),
            (events.tier_changed, self._on_tier_changed),
            (events.tier_removed, self._on_tier_removed),
            (events.tier_moved, self._on_tier_moved),
            (events.node_added, self._on_node_added),
            (events.node_changed, self._on_node_changed),
            (events.node_removed, self._on_node_removed),
            (events.edge_added, self._on_edge_added),
            (events.edge_changed, self._on_edge_changed),
            (events.edge_removed, self._on_edge_removed),
            (events.note_added, self._on_note_added),
            (events.note_changed, self._on_note_changed),
            (events.note_removed, self._on_note_removed),
            (events.conflict_added, self._on_conflicts_changed),
            (events.conflict_removed, self._on_conflicts_changed),
            (events.reset, self._on_reset),
        ]
        for signal, handler in self._connections:
            signal.connect(handler)
        self._build()

    # ================================================================ public
    @property
    def chain_map(self) -> ChainMap:
        return self._map

    @property
    def view_region(self) -> str | None:
        """The gaps view's region code, or None for all regions."""
        return self._state.view_region

    @property
    def editable(self) -> bool:
        return self._state.editable

    def dispose(self) -> None:
        """Stop listening to the model and delete every item. Call before dropping the scene."""
        if self._disposed:
            return
        self._disposed = True
        self._timer.stop()
        for signal, handler in self._connections:
            signal.disconnect(handler)
        self._connections = []
        self.selectionChanged.disconnect(self._overview.invalidate)  # type: ignore[arg-type]
        self.clearSelection()
        for items in self._items.values():
            items.clear()
        self._refs.clear()
        self.clear()

    def item_for(self, kind: str, item_id: str) -> QGraphicsItem | None:
        """The item drawing model object ``item_id`` of ``kind`` (node, edge, note, tier)."""
        if kind not in self._items:
            raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        self.flush()
        return self._items[kind].get(item_id)

    def items_of(self, kind: str) -> dict[str, QGraphicsItem]:
        """All items of ``kind``, by model id (a copy)."""
        self.flush()
        return dict(self._items[kind])

    def ref_for(self, item: QGraphicsItem | None) -> Ref | None:
        """``(kind, id)`` of the model object ``item`` (or an ancestor item of it) draws."""
        while item is not None:
            ref = self._refs.get(item)
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
        for kind, item_id in refs:
            item = self._items.get(kind, {}).get(item_id)
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
        self._restyle_all()
        self.view_region_changed.emit(code)

    def set_folded(self, node_id: str, folded: bool) -> None:
        """Fold (hide the sub-segments of) or unfold a segment; its hidden sub-segments'
        links are drawn to it instead."""
        if not self._map.has_node(node_id):
            raise KeyError(node_id)
        if folded == (node_id in self._folded):
            return
        if folded:
            self._folded.add(node_id)
        else:
            self._folded.discard(node_id)
        subtree = [node_id, *self._map.descendants(node_id)]
        self._refresh_fold_badge(node_id)
        self._update_visibility(subtree)
        self._mark_geometry(node_id)
        for nid in subtree:
            self._dirty_links.update(self._edges_at.get(nid, ()))
            self._dirty_notes.update(self._notes_at.get(nid, ()))
        self._schedule()
        self.folding_changed.emit(node_id, folded)

    def is_folded(self, node_id: str) -> bool:
        return node_id in self._folded

    def folded_ids(self) -> set[str]:
        return set(self._folded)

    def set_editable(self, editable: bool) -> None:
        """Make segments, notes and links selectable (and segments and notes movable) or not."""
        self._state.editable = editable
        if not editable:
            self.clearSelection()
        self._apply_all_flags()

    def set_overview(self, on: bool) -> None:
        """Far zoom: paint every box and link in a few batched calls (one overview item)
        instead of one call per item. The items stay, selectable and hit-testable.
        :class:`~chainmap.render.view.MapView` switches this by its zoom."""
        if on == self._overview_on or self._disposed:
            return
        self.flush()
        self._overview_on = on
        self._apply_all_flags()
        self._overview.invalidate()
        self._overview.setVisible(on)

    @property
    def overview(self) -> bool:
        return self._overview_on

    def _apply_all_flags(self) -> None:
        for kind in ("node", "edge", "note"):
            for item in self._items[kind].values():
                self._apply_flags(kind, item)

    def _overview_items(self) -> tuple[list[Any], list[Any], list[Any]]:
        visible = [[item for item in self._items[kind].values() if item.isVisible()]
                   for kind in ("node", "edge", "note")]
        return visible[0], visible[1], visible[2]

    def set_legend_visible(self, visible: bool) -> None:
        """Show the legend on the canvas (exports always ask for it unless told not to)."""
        self._legend.setVisible(visible)

    def bands(self) -> list[geometry.Band]:
        """The tier bands, as :func:`chainmap.core.geometry.tier_bands` computes them now."""
        self.flush()
        return list(self._bands)

    def tier_at(self, x: float) -> str | None:
        """The tier whose band holds scene x-coordinate ``x``."""
        return geometry.tier_at(self.bands(), x)

    def segment_frame(self, node_id: str) -> QRectF:
        """A segment's frame (its box and its sub-segments') in scene coordinates; an empty
        rectangle for a segment with no position."""
        if not self._map.has_node(node_id):
            raise KeyError(node_id)
        self.flush()
        frame = self._frames.get(node_id)
        return QRectF(frame) if frame is not None else QRectF()

    def set_marked(self, refs: Iterable[Ref], role: str) -> None:
        """Mark model objects for a GUI overlay (``conflict``, ``added``, ``removed``,
        ``changed``, or any other role): a coloured outline. Empty ``refs`` clears the role."""
        new = set(refs)
        old = self._roles.get(role, set())
        if new:
            self._roles[role] = new
        else:
            self._roles.pop(role, None)
        self._refresh_marks(old ^ new)

    def marked(self, role: str) -> set[Ref]:
        return set(self._roles.get(role, ()))

    def set_provenance(self, provenance: dict[str, list[str]] | None) -> None:
        """Colour each box by the regions whose copies contributed it (None: off)."""
        self._state.provenance = {k: list(v) for k, v in provenance.items()} if provenance else None
        for node_id, item in self._items["node"].items():
            item.restyle(self._map.node(node_id))
        self._overview.invalidate()

    def set_export_mode(self, on: bool) -> None:
        """Hide selection highlights and handles (fold toggles) while painting a file."""
        if on != self._state.export_mode:
            self._state.export_mode = on
            self.update()

    @contextmanager
    def exporting(self, vector: bool = False) -> Iterator[MapScene]:
        """``with scene.exporting():`` paint a file: no selection, no handles, every item
        painting itself (no overview, no pixmap caches). ``vector`` for PDF and SVG: lines
        keep their widths in scene units."""
        self.flush()
        was_export, was_vector, was_overview = (self._state.export_mode, self._state.vector_output,
                                                self._overview_on)
        self.set_overview(False)
        self.set_export_mode(True)
        self._state.vector_output = vector
        if self._cached:
            for item in self._items["node"].values():
                item.setCacheMode(_NO_CACHE)
        try:
            yield self
        finally:
            if self._cached:
                for item in self._items["node"].values():
                    item.setCacheMode(_DEVICE_CACHE)
            self._state.vector_output = was_vector
            self.set_export_mode(was_export)
            self.set_overview(was_overview)

    def content_rect(self) -> QRectF:
        """Everything drawn: bands, boxes, links, notes, and the title and legend."""
        self.flush()
        rect = QRectF()
        for item in self._items["tier"].values():
            rect = rect.united(item.sceneBoundingRect())
        for kind in ("node", "edge", "note"):
            for item in self._items[kind].values():
                if item.isVisible():
                    rect = rect.united(item.sceneBoundingRect())
        for item in (self._title, self._legend):
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        return rect.adjusted(-CONTENT_MARGIN, -CONTENT_MARGIN, CONTENT_MARGIN, CONTENT_MARGIN)

    def sync_positions(self) -> None:
        """Put every dragged item back where the model says (after a refused or cancelled
        drag; a move the model accepted does this by itself)."""
        for node_id in list(self._live):
            self._live.pop(node_id)
            item = self._items["node"].get(node_id)
            if item is not None:
                item.set_position(self._map.node(node_id))
            self._labels.box_changed(node_id)
            self._mark_geometry(node_id)
        for note_id, item in self._items["note"].items():
            item.set_note(self._map.note(note_id))
        self._schedule()

    sync_from_model = sync_positions

    def item_dragged(self, item: SegmentItem) -> None:
        """A segment item was dragged (the GUI turns the drop into a model move): links and
        frames follow it meanwhile."""
        node = self._map.node(item.node_id)
        if node.x is None or node.y is None:
            return
        offset = item.pos() - QPointF(node.x, node.y)
        if abs(offset.x()) < 1e-9 and abs(offset.y()) < 1e-9:
            self._live.pop(item.node_id, None)
        else:
            self._live[item.node_id] = offset
        self._labels.box_changed(item.node_id)
        self._mark_geometry(item.node_id, live=True)
        self._schedule()

    def flush(self) -> None:
        """Recompute the geometry marked dirty (frames, bands, links, notes, decorations)."""
        if self._disposed:
            return
        self._timer.stop()
        if not (self._dirty_frames or self._bands_dirty or self._extent_dirty or self._dirty_links
                or self._dirty_notes or self._decorations_dirty):
            # Every query flushes: on a settled scene the overview keeps its batches, else
            # hovering a box when zoomed out gathered the whole map again on every move.
            return
        changed = False
        if self._dirty_frames:
            changed = self._flush_frames() or changed
        if self._bands_dirty or self._extent_dirty:
            changed = self._flush_bands() or changed
        if self._dirty_links:
            links, self._dirty_links = self._dirty_links, set()
            self._labels.start_pass()
            # Which box stands for each end (a folded ancestor's), found for all at once.
            edges = [self._map.edge(edge_id) for edge_id in links if edge_id in self._items["edge"]]
            shown = self._shown_as_many({end for edge in edges for end in (edge.source, edge.target)})
            for edge in edges:
                self._route_link(edge.id, shown)
        if self._dirty_notes:
            notes, self._dirty_notes = self._dirty_notes, set()
            for note_id in notes:
                self._aim_note(note_id)
        if self._decorations_dirty:  # frames alone do not move the title or the legend
            self._place_decorations()
        self._overview.invalidate()
        if changed:
            self.layout_changed.emit()

