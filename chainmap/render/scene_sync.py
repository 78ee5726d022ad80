"""How a :class:`~chainmap.render.scene.MapScene` keeps its items in step with the model.

:class:`SceneSync` is the scene's composed sync (``scene.sync``): it owns the items
(:class:`~chainmap.render.scene_items.SceneItems`), listens to the model's events and
updates exactly the items each concerns. Geometry that depends on several objects (parents'
frames, link routes, note leaders, tier bands) is marked dirty in its
:class:`~chainmap.render.scene_geometry.SceneGeometry` and recomputed by :meth:`SceneSync.flush`,
on the next turn of the event loop or when the scene is asked something.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QLineF, QRectF, QTimer
from PySide6.QtWidgets import QGraphicsItem

from chainmap.core.analysis import GAP_STATUSES, region_status
from chainmap.core.bulk import gc_paused
from chainmap.core.events import Signal
from chainmap.core.model import ChainMap, Conflict, Edge, Node, Note, Region, Tier
from chainmap.core.refs import CANVAS_KINDS, Ref, conflict_refs

from . import scene_lazy
from .decorations import LegendItem, TitleItem
from .items_link import LinkItem
from .items_note import NoteItem
from .items_segment import BOX, SegmentItem
from .items_tier import TierItem
from .overview import OverviewItem
from .scene_geometry import SceneGeometry
from .scene_items import SceneItems
from .scene_lazy import PendingItems
from .scene_topdown import TopDown
from .state import RenderState
from .style import ROLE_ORDER

if TYPE_CHECKING:
    from .scene import MapScene

__all__ = ["DEVICE_CACHE", "NO_CACHE", "SceneSync", "conflict_marks"]

_FLAGS = QGraphicsItem.GraphicsItemFlag
_NO_CONTENTS = _FLAGS.ItemHasNoContents
_MOVABLE = _FLAGS.ItemIsSelectable | _FLAGS.ItemIsMovable | _FLAGS.ItemSendsGeometryChanges
_SELECTABLE = _FLAGS.ItemIsSelectable
_NONE = _FLAGS(0)
# (editable, is a link, in the overview) -> flags: PySide's enum arithmetic is slow, and a
# switch to or from the overview sets the flags of every item.
_FLAG_TABLE = {
    (editable, link, overview): (((_SELECTABLE if link else _MOVABLE) if editable else _NONE)
                                 | (_NO_CONTENTS if overview else _NONE))
    for editable in (False, True) for link in (False, True) for overview in (False, True)
}
DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
NO_CACHE = QGraphicsItem.CacheMode.NoCache
_Item = TypeVar("_Item", bound=QGraphicsItem)
# Segment fields the far-zoom overview does not draw (it shows no text).
_WORDS_ONLY = frozenset({"name", "aliases", "description", "tags", "extra"})
_POSITION = frozenset({"x", "y"})
_IDLE_SLICE = 0.010  # seconds of making items per idle batch
_BATCH = 20  # items made between looks at the clock


def conflict_marks(chain_map: ChainMap) -> set[Ref]:
    """The canvas items the map's merge conflicts concern, to be marked: the same items the
    conflicts dock lists (every segment of a duplicate group)."""
    return {ref for conflict in chain_map.conflicts for ref in conflict_refs(chain_map, conflict)}


class SceneSync:
    """The items of ``scene`` drawing ``chain_map``, kept in step with its events.

    ``state`` is what the items read while painting; ``cached``: boxes keep a pixmap per zoom.
    The sync owns the title, the legend and the overview item too, and places them.
    Call :meth:`disconnect` before the scene goes.
    """

    def __init__(self, scene: MapScene, chain_map: ChainMap, state: RenderState, cached: bool) -> None:
        self._scene = scene
        self._map = chain_map
        self._state = state
        self._cached = cached
        self.items = SceneItems()
        self.geometry = SceneGeometry(chain_map, self.items)
        self.roles: dict[str, set[Ref]] = {}  # GUI marks by role (the conflicts' are apart)
        self.overview_on = False
        self._conflicts: set[Ref] = set()
        self._decorations_dirty = True
        self._disposed = False
        self._timer = QTimer(scene)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)
        self.title = TitleItem()
        self.legend = LegendItem()
        self.overview = OverviewItem(self._overview_items, self._pending_overview, self._redrawn_links)
        self.overview.areas_changed = scene.overview_areas.emit
        # The routes' log of redrawn links, and how much of it the overview has followed.
        self._seen_redrawn: tuple[list[str] | None, int] = (None, 0)
        # Where the segments moved since the last flush were (see flush).
        self._moved_from: dict[str, tuple[float | None, float | None]] = {}
        # For release_above (a PNG painted band by band): the items by the bottom of their
        # bounds, and those made since it last looked (None: it never did).
        self._bottoms: list[tuple[float, str, str]] | None = None
        self._made_since: list[tuple[str, str]] = []
        # A big map's items are made lazily (scene_lazy): these have none yet.
        self.pending = PendingItems(chain_map, state, cells_when_asked=scene.transient_items)
        self._lazy_timer = QTimer(scene)
        self._lazy_timer.setInterval(0)
        self._lazy_timer.timeout.connect(self._idle_batch)
        for item in (self.title, self.legend, self.overview):
            scene.addItem(item)
        events = chain_map.events
        self._connections: list[tuple[Signal, Callable[..., None]]] = [
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

    def disconnect(self) -> None:
        """Stop listening to the model and stop recomputing (before the scene goes)."""
        self._disposed = True
        self._timer.stop()
        self._lazy_timer.stop()
        for signal, handler in self._connections:
            signal.disconnect(handler)
        self._connections = []

    @property
    def disposed(self) -> bool:
        """The sync stopped listening (the scene was disposed)."""
        return self._disposed

    # ============================================================== building
    def build(self) -> None:
        """Make an item for every object of the map (at the start, and after a reset); on a
        map of more than :data:`~chainmap.render.scene_lazy.LAZY_SEGMENTS` segments, only for
        the tiers and notes: the segments and links are made when shown (:meth:`ensure`), in
        idle batches, or all at once when needed (:meth:`complete`)."""
        geometry = self.geometry
        lazy = len(self._map.nodes) > scene_lazy.LAZY_SEGMENTS
        with gc_paused():
            self._state.refresh_regions(self._map)
            self._conflicts = conflict_marks(self._map)
            self._state.marks = {}
            for ref in self._conflicts:
                self._state.marks[ref] = ("conflict",)
            for tier in self._map.tiers:
                self._add_tier(tier)
            if lazy:
                self.pending.fill()
                geometry.tops_changed()
            else:
                depths = geometry.depths(n.id for n in self._map.nodes)
                for node in self._map.nodes:
                    self._add_segment(node, depths[node.id])
                geometry.tops_changed()
                geometry.update_visibility(n.id for n in self._map.nodes)
                for edge in self._map.edges:
                    self._add_link(edge)
            for note in self._map.notes:
                self._add_note(note)
            geometry.mark_all(n.id for n in self._map.nodes)
            self._decorations_dirty = True
            self.flush()
        if lazy and len(self._map.nodes) <= scene_lazy.IDLE_SEGMENTS:
            self._lazy_timer.start()

    # ========================================================= lazy items
    def ensure(self, rect: QRectF) -> None:
        """Make the pending items that may show in ``rect`` (scene coordinates)."""
        if self.pending and not self._disposed:
            self._make(*self.pending.take_in(rect))

    def ensure_above(self, y: float) -> None:
        """Make the pending items whose drawing begins above ``y`` (scene): a PNG painted band
        by band from the top makes each item just before the first band it reaches."""
        if self.pending and not self._disposed:
            self._make(*self.pending.take_above(y, self._top_down))

    def _top_down(self, node_ids: dict[str, None], edge_ids: dict[str, None]) -> TopDown:
        return TopDown(self._map, node_ids, edge_ids, self.geometry.routes.drawn_route)

    def materialize(self, kind: str, item_id: str) -> None:
        """Make the item of ``(kind, item_id)`` if it is pending."""
        if self.pending and self.pending.take(kind, item_id):
            if kind == "node":
                self._make(self.pending.with_ancestors([item_id]), [])
            else:
                self._make([], [item_id])

    def complete(self) -> None:
        """Make every pending item (an export, an edit or a look-up of every item needs them)."""
        if self.pending and not self._disposed:
            self._make(*self.pending.take_all())

    def release(self, give_back: bool = True) -> None:
        """Take every segment and link item out of the scene again, pending unless not
        ``give_back`` (an export of a big map paints it part by part, making and dropping the
        items of each part: :mod:`chainmap.render.export_parts`)."""
        nodes, edges = list(self.items.nodes), list(self.items.edges)
        self._bottoms, self._made_since = None, []
        for node_id in nodes:
            self._unregister("node", node_id)
        for edge_id in edges:
            self._unregister("edge", edge_id)
        self.items.edges_at.clear()
        if give_back:
            self.pending.give_back(nodes, edges)

    def release_above(self, y: float) -> None:
        """Take the segment and link items that lie wholly above ``y`` (scene) out of the
        scene for good (not pending again): a PNG painted band by band from the top needs them
        no more, and those below stay for the next band instead of being made again. Each
        item's bounds are looked at once, when it is first seen here."""
        items = self.items
        heap = self._bottoms
        if heap is None:
            heap = self._bottoms = []
            seen = [("node", node_id) for node_id in items.nodes] + [("edge", edge_id) for edge_id in items.edges]
        else:
            seen, self._made_since = self._made_since, []
        for kind, item_id in seen:
            item = items.get(kind, item_id)
            if item is not None:
                heapq.heappush(heap, (item.sceneBoundingRect().bottom(), kind, item_id))
        edges_at = items.edges_at
        while heap and heap[0][0] < y:
            _, kind, item_id = heapq.heappop(heap)
            self._unregister(kind, item_id)
            if kind == "edge" and self._map.has_edge(item_id):
                edge = self._map.edge(item_id)
                for end in (edge.source, edge.target):
                    held = edges_at.get(end)
                    if held is not None:
                        held.discard(item_id)
                        if not held:
                            del edges_at[end]

    def _idle_batch(self) -> None:
        started = time.perf_counter()
        while self.pending and time.perf_counter() - started < _IDLE_SLICE:
            self._make(*self.pending.take_batch(_BATCH))

    def _make(self, node_ids: list[str], edge_ids: list[str]) -> None:
        chain_map = self._map
        geometry = self.geometry
        with gc_paused():
            if node_ids:
                depths = geometry.depths(node_ids)
                for node_id in node_ids:
                    self._add_segment(chain_map.node(node_id), depths[node_id])
                    geometry.dress(node_id)
                    if node_id in geometry.folded:
                        self.refresh_fold_badge(node_id)
                geometry.update_visibility(node_ids)
            for edge_id in edge_ids:
                self._add_link(chain_map.edge(edge_id), routed=False)
        if self._bottoms is not None:
            self._made_since.extend(("node", node_id) for node_id in node_ids)
            self._made_since.extend(("edge", edge_id) for edge_id in edge_ids)
        if not self.pending:
            self._lazy_timer.stop()
        # The overview keeps drawing these from the model as they were when it gathered them
        # (the same boxes and lines), until something changes: gathering every item again
        # after a batch, or once the last is made, stalled a 20,000-segment map for 0.5 s.

    def _register(self, table: dict[str, _Item], kind: str, item_id: str, item: _Item) -> None:
        self.items.put(table, kind, item_id, item)
        if kind != "tier":
            self.apply_flags(kind, item)
        self._scene.addItem(item)

    def apply_flags(self, kind: str, item: QGraphicsItem) -> None:
        """Editable items are selectable (segments and notes movable too); in the overview
        the overview item paints them all at once, so they paint nothing themselves."""
        item.setFlags(_FLAG_TABLE[(self._state.editable, kind == "edge", self.overview_on)])

    def apply_all_flags(self) -> None:
        """:meth:`apply_flags` to every item (after the editable state or the overview changed)."""
        for kind, table in (("node", self.items.nodes), ("edge", self.items.edges), ("note", self.items.notes)):
            for item in table.values():
                self.apply_flags(kind, item)

    def _unregister(self, kind: str, item_id: str) -> None:
        item = self.items.pop(kind, item_id)
        if item is not None:
            self._scene.removeItem(item)

    def _add_tier(self, tier: Tier) -> None:
        item = TierItem(tier.id, self._state)
        item.set_name(tier.name)
        self._register(self.items.tiers, "tier", tier.id, item)

    def _add_segment(self, node: Node, depth: int | None = None) -> None:
        item = SegmentItem(node.id, self._state)
        if self._cached and not self._state.export_mode:
            item.setCacheMode(DEVICE_CACHE)
        item.sync_node(node)
        item.setZValue(self.geometry.segment_z(node.id, depth))
        self._register(self.items.nodes, "node", node.id, item)

    def _add_link(self, edge: Edge, routed: bool = True) -> None:
        item = LinkItem(edge.id, self._state)
        z = self.pending.link_z(edge.id)
        if z is not None:
            item.setZValue(z)
        item.set_edge(edge)
        self._register(self.items.edges, "edge", edge.id, item)
        self.items.edges_at.setdefault(edge.source, set()).add(edge.id)
        self.items.edges_at.setdefault(edge.target, set()).add(edge.id)
        if routed:
            self.geometry.mark_link(edge.id)
        else:  # made lazily: drawn as routed (or previewed) so far, the map not routed again
            self.geometry.routes.dress_link(edge.id, item)
        self.dim_link(edge.id)

    def _add_note(self, note: Note) -> None:
        item = NoteItem(note.id, self._state)
        item.set_note(note)
        self._register(self.items.notes, "note", note.id, item)
        if note.node is not None:
            self.items.notes_at.setdefault(note.node, set()).add(note.id)
        self.geometry.mark_note(note.id)

    # ================================================================ events
    def _on_reset(self) -> None:
        self._lazy_timer.stop()
        self.pending.clear()
        for kind in CANVAS_KINDS:
            for item_id in list(self.items.of_kind(kind)):
                self._unregister(kind, item_id)
        self.items.edges_at.clear()
        self.items.notes_at.clear()
        self.geometry.reset()
        if self._state.view_region is not None and not self._map.has_region(self._state.view_region):
            self._state.view_region = None
        self.build()
        for node_id in self.geometry.folded:
            self.refresh_fold_badge(node_id)
        self.geometry.update_visibility(n.id for n in self._map.nodes)

    def _on_map_changed(self, changes: dict[str, Any]) -> None:
        self._decorations_dirty = True
        self.schedule()

    def _on_region_event(self, region: Region, _detail: Any) -> None:
        self._state.refresh_regions(self._map)
        self.geometry.restructure()  # flow tags show the regions' short names
        self.restyle_all()
        for edge_id, item in self.items.edges.items():
            item.set_edge(self._map.edge(edge_id))

    def _on_region_removed(self, region: Region, index: int) -> None:
        if self._state.view_region == region.code:
            self._state.view_region = None
            self._scene.view_region_changed.emit(None)
        self._on_region_event(region, index)

    def _on_tier_added(self, tier: Tier, index: int) -> None:
        self._add_tier(tier)
        self.geometry.mark_bands()
        self.schedule()

    def _on_tier_changed(self, tier: Tier, changes: dict[str, Any]) -> None:
        self.items.tiers[tier.id].set_name(tier.name)

    def _on_tier_removed(self, tier: Tier, index: int) -> None:
        self._unregister("tier", tier.id)
        self.geometry.mark_bands()
        self.schedule()

    def _on_tier_moved(self, tier: Tier, old: int, new: int) -> None:
        self.geometry.mark_bands()
        self.schedule()

    def _on_node_added(self, node: Node, index: int) -> None:
        geometry = self.geometry
        geometry.tops_changed()
        self._add_segment(node)
        geometry.update_visibility([node.id])
        geometry.mark(node.id)
        if node.parent is not None:
            self._refresh_fold_badges_above(node.id)
        self.schedule()

    def _on_node_removed(self, node: Node, index: int) -> None:
        self.pending.left_place(node.x, node.y)
        if self.pending.take("node", node.id):
            self.pending.restyled()
        self._unregister("node", node.id)
        self.geometry.forget_segment(node.id)
        self.items.edges_at.pop(node.id, None)
        self.items.notes_at.pop(node.id, None)
        if node.parent is not None and self._map.has_node(node.parent):
            self.geometry.mark(node.parent)
            self._refresh_fold_badges_above(node.parent, include_self=True)
        self.geometry.mark_bands()
        self.schedule()

    def _on_node_changed(self, node: Node, changes: dict[str, Any]) -> None:
        geometry = self.geometry
        words_only = changes.keys() <= _WORDS_ONLY
        made = node.id in self.items.nodes
        if words_only and not made:
            return  # not made yet: it is made from the model, words and all, when shown
        # A status change recolours the segment's box (and its links' dimming) in the
        # overview's batches, instead of having every item gathered again; a segment not made
        # yet stays so (its box is among the pending ones: recoloured there).
        recolour = changes.keys() <= _WORDS_ONLY | {"regions"}
        if recolour and not made:
            self._recolour_pending(node, changes)
            return
        if recolour:
            if "regions" in changes and not self.pending.recolour(node, changes["regions"][0]):
                self.pending.restyled()
                recolour = False
        moved_in_place = self._moves_in_place(node, changes)
        if "x" in changes or "y" in changes:
            self.pending.left_place(changes["x"][0] if "x" in changes else node.x,
                                    changes["y"][0] if "y" in changes else node.y)
        if self.pending:  # made now if it was not, with what it contains when re-parented
            for node_id in (node.id, *(self._map.descendants(node.id) if "parent" in changes else ())):
                self.materialize("node", node_id)
            if moved_in_place:
                # Its pending links are indexed by where they were, and drawn by the overview
                # from where they were: made now, so a view of where they are shows them and
                # the overview draws them as items (see _overview_moves).
                for edge in self._map.edges_of(node.id):
                    self.materialize("edge", edge.id)
            elif changes.keys() & {"x", "y", "parent"}:
                self.pending.restyled()  # the overview's boxes and lines of the pending ids moved
        item = self.items.nodes[node.id]
        moved_only = (made or moved_in_place) and changes.keys() <= _POSITION
        if "name" in changes:
            item.set_name(node.name)
        if "x" in changes or "y" in changes:
            geometry.live.pop(node.id, None)
            item.set_position(node)
            geometry.mark(node.id)
            geometry.moved(node.id)
            geometry.update_visibility([node.id])
        if "parent" in changes:
            geometry.tops_changed()
            old_parent = changes["parent"][0]
            if old_parent is not None and self._map.has_node(old_parent):
                geometry.mark(old_parent)
                self._refresh_fold_badges_above(old_parent, include_self=True)
            subtree = [node.id, *self._map.descendants(node.id)]
            depths = geometry.depths(subtree)
            for nid in subtree:
                self.items.nodes[nid].setZValue(geometry.segment_z(nid, depths[nid]))
            geometry.mark_ends(subtree)
            geometry.update_visibility(subtree)
            geometry.mark(node.id)
            self._refresh_fold_badges_above(node.id)
        if "tier" in changes:
            geometry.mark_bands()
        if "regions" in changes:
            item.restyle(node)
            self._refresh_fold_badges_above(node.id)
            for edge_id in self.items.edges_at.get(node.id, ()):
                self.dim_link(edge_id)
        # A rename (or another edit of words) changes no box, colour or line the overview
        # draws: gathering a 20,000-segment map's shapes again stalled the commit 0.5 s.
        if recolour:
            self.overview.segments_changed([item])
            self.overview.links_changed([self.items.edges[e] for e in self.items.edges_at.get(node.id, ())
                                         if e in self.items.edges])
        elif moved_only and self.overview._batches is not None:
            old_x = changes["x"][0] if "x" in changes else node.x
            old_y = changes["y"][0] if "y" in changes else node.y
            self._moved_from.setdefault(node.id, (old_x, old_y))
        # A move of a segment already made: its box, its containers' frames and its links
        # change in the overview's batches once the geometry is flushed (see flush); gathering
        # a 20,000-segment map's shapes again after a move stalled the editor 0.2 s, twice.
        self.schedule(overview=not (words_only or recolour or moved_only))

    def _moves_in_place(self, node: Node, changes: dict[str, Any]) -> bool:
        """Whether segment ``node`` only moved from one place to another while the overview
        holds its gathered shapes: they are then changed in place at the next flush
        (:meth:`_overview_moves`) instead of every pending shape being gathered again (a move
        of a segment not made yet took 4.7 s on a 100,000-segment map)."""
        if not changes.keys() <= _POSITION or self.overview._batches is None:
            return False
        old_x = changes["x"][0] if "x" in changes else node.x
        old_y = changes["y"][0] if "y" in changes else node.y
        return None not in (old_x, old_y, node.x, node.y)

    def _recolour_pending(self, node: Node, changes: dict[str, Any]) -> None:
        """A status change (with or without words) of segment ``node``, not made yet: its
        pending box is recoloured, the links made so far that touch it dim or light up."""
        links = [edge_id for edge_id in self.items.edges_at.get(node.id, ()) if edge_id in self.items.edges]
        if not self.pending.recolour(node, changes["regions"][0]):
            self.pending.restyled()
            self.schedule()
            return
        self._refresh_fold_badges_above(node.id)
        for edge_id in links:
            self.dim_link(edge_id)
        self.overview.links_changed([self.items.edges[edge_id] for edge_id in links])
        if self.overview.isVisible():
            self.overview.update()  # the pending buckets it draws changed in place
        self.schedule(overview=False)

    def _redrawn_links(self) -> list[Any]:
        """The link items the routes drew again since the overview last asked (or gathered),
        each once, also those drawn again since it last looked (a preview, then the route)."""
        log = self.geometry.routes.redraw_log
        of, read = self._seen_redrawn
        if of is not log:
            read = 0
        self._seen_redrawn = (log, len(log))
        if read == len(log):
            return []  # nothing new (asked at every paint)
        edges = self.items.edges
        return [edges[link_id] for link_id in dict.fromkeys(log[read:]) if link_id in edges]

    def _overview_moves(self) -> tuple[list[str], list[str]] | None:
        """The segments moved since the last flush and, apart, their containers (whose frames
        the flush may change); the moved segments' boxes and lines are taken out of the
        pending shapes (where they are if they were made after the overview gathered them),
        to be drawn from their items. None if the overview is to be gathered again (nothing
        moved, or a moved segment has notes, drawn apart)."""
        moved, self._moved_from = self._moved_from, {}
        if not moved or self.overview._batches is None:
            return None
        chain_map, items = self._map, self.items
        containers: list[str] = []
        for node_id in moved:
            if items.notes_at.get(node_id) or not chain_map.has_node(node_id):
                return None
            parent = chain_map.node(node_id).parent
            while parent is not None:
                if parent not in moved and parent in items.nodes:
                    containers.append(parent)
                parent = chain_map.node(parent).parent
        if self.overview._batches["waiting"]:
            self._drop_pending_shapes(moved)
        return list(moved), list(dict.fromkeys(containers))

    def _drop_pending_shapes(self, moved: dict[str, tuple[float | None, float | None]]) -> None:
        """Take the boxes of the ``moved`` segments (at their old centres) and the lines of
        their links (between their ends' old centres) out of the pending shapes."""
        width, height = BOX.width(), BOX.height()
        chain_map = self._map

        def old_centre(node_id: str) -> tuple[float, float] | None:
            node = chain_map.node(node_id)
            x, y = moved.get(node_id, (node.x, node.y))
            return None if x is None or y is None else (x, y)

        boxes: list[QRectF] = []
        lines: list[QLineF] = []
        for node_id in moved:
            centre = old_centre(node_id)
            if centre is not None:
                boxes.append(QRectF(centre[0] - width / 2, centre[1] - height / 2, width, height))
            for edge in chain_map.edges_of(node_id):
                source, target = old_centre(edge.source), old_centre(edge.target)
                if source is not None and target is not None:
                    lines.append(QLineF(*source, *target))
        self.overview.drop_pending(boxes, lines)

    def _on_edge_added(self, edge: Edge, index: int) -> None:
        self._add_link(edge)
        self.schedule()

    def _on_edge_removed(self, edge: Edge, index: int) -> None:
        if self.pending.take("edge", edge.id):
            self.pending.restyled()
        self._unregister("edge", edge.id)
        for end in (edge.source, edge.target):
            self.items.edges_at.get(end, set()).discard(edge.id)
        self.geometry.forget_link(edge.id)
        self.overview.invalidate()

    def _on_edge_changed(self, edge: Edge, changes: dict[str, Any]) -> None:
        self.materialize("edge", edge.id)
        edges_at = self.items.edges_at
        if "source" in changes or "target" in changes:
            for key in ("source", "target"):
                if key in changes:
                    old = changes[key][0]
                    edges_at.get(old, set()).discard(edge.id)
            for end in (edge.source, edge.target):
                edges_at.setdefault(end, set()).add(edge.id)
        self.items.edges[edge.id].set_edge(edge)
        self.geometry.mark_link(edge.id)
        self.dim_link(edge.id)
        self.schedule()

    def _on_note_added(self, note: Note, index: int) -> None:
        self._add_note(note)
        self.schedule()

    def _on_note_removed(self, note: Note, index: int) -> None:
        self._unregister("note", note.id)
        if note.node is not None:
            self.items.notes_at.get(note.node, set()).discard(note.id)
        self.geometry.forget_note(note.id)
        self.geometry.mark_bands()
        self.schedule()

    def _on_note_changed(self, note: Note, changes: dict[str, Any]) -> None:
        notes_at = self.items.notes_at
        if "node" in changes:
            old = changes["node"][0]
            if old is not None:
                notes_at.get(old, set()).discard(note.id)
            if note.node is not None:
                notes_at.setdefault(note.node, set()).add(note.id)
        self.items.notes[note.id].set_note(note)
        self.geometry.mark_note(note.id)
        if "x" in changes or "y" in changes or "text" in changes:
            self.geometry.mark_bands()
        self.schedule()

    def _on_conflicts_changed(self, conflict: Conflict, index: int) -> None:
        old = self._conflicts
        self._conflicts = conflict_marks(self._map)
        self.refresh_marks(old ^ self._conflicts)

    # ============================================================== flushing
    def schedule(self, overview: bool = True) -> None:
        """Recompute what is dirty on the next turn of the event loop (``overview``: what the
        far-zoom overview draws may have changed too)."""
        if overview:
            self.overview.invalidate()
        if not self._disposed and not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Recompute the geometry marked dirty (frames, bands, links, notes, decorations)."""
        if self._disposed:
            return
        self._timer.stop()
        if not (self.geometry.pending() or self._decorations_dirty):
            # Every query flushes: on a settled scene the overview keeps its batches, else
            # hovering a box when zoomed out gathered the whole map again on every move.
            return
        self.overview.links_changed(self._redrawn_links())  # before the routes start a new set
        moves = self._overview_moves()
        changed, bands_changed = self.geometry.flush()
        if self._decorations_dirty or bands_changed:  # frames alone do not move the title or the legend
            self._place_decorations()
        if moves is None:
            self.overview.invalidate()
        else:  # only segments moved: their boxes and frames, then the links drawn again
            moved, containers = moves
            items, edges_at = self.items, self.items.edges_at
            # The moved segments and their links are drawn from their items now, made or not
            # before the overview gathered (their pending shapes are gone).
            self.overview.segments_changed([items.nodes[i] for i in moved if i in items.nodes], adopt=True)
            self.overview.segments_changed([items.nodes[i] for i in containers if i in items.nodes])
            links = {e for i in moved for e in edges_at.get(i, ()) if e in items.edges}
            self.overview.links_changed([items.edges[e] for e in links], adopt=True)
            others = {e for i in containers for e in edges_at.get(i, ()) if e in items.edges} - links
            self.overview.links_changed([items.edges[e] for e in others] + self._redrawn_links())
        if changed:
            self._scene.layout_changed.emit()

    def refresh_decorations(self) -> None:
        """Lay the title and the legend out again (what they show changed)."""
        self._decorations_dirty = True
        self.schedule()

    def _place_decorations(self) -> None:
        self._decorations_dirty = False
        core = QRectF()
        for tier_item in self.items.tiers.values():
            core = core.united(tier_item.sceneBoundingRect())
        for note_item in self.items.notes.values():
            core = core.united(note_item.sceneBoundingRect())
        if core.isNull():
            core = QRectF(0, 0, 600, 400)
        self.title.set_map(self._map, self._state)
        self.title.setPos(core.left(), core.top() - self.title.boundingRect().height() - 10)
        self.legend.set_map(self._map, self._state, core.width())
        self.legend.setPos(core.left(), core.bottom() + 20)
        self.overview.setRect(core)

    def _pending_overview(self) -> dict[str, Any] | None:
        return self.pending.overview() if self.pending else None

    def _overview_items(self) -> tuple[list[Any], list[Any], list[Any]]:
        log = self.geometry.routes.redraw_log
        self._seen_redrawn = (log, len(log))  # gathered as drawn now
        items = self.items
        return ([item for item in items.nodes.values() if item.isVisible()],
                [item for item in items.edges.values() if item.isVisible()],
                [item for item in items.notes.values() if item.isVisible()])

    # =============================================================== styling
    def refresh_fold_badge(self, node_id: str) -> None:
        """The fold badge of ``node_id``: how many sub-segments it hides, and whether one of
        them is a gap in the view's region."""
        item = self.items.nodes.get(node_id)
        if item is not None:
            folded = node_id in self.geometry.folded
            hidden = self._map.descendants(node_id) if folded else []
            view = self._state.view_region
            gap = view is not None and any(
                region_status(self._map.node(child), view) in GAP_STATUSES for child in hidden)
            item.set_folded(folded, len(hidden), gap)

    def _refresh_fold_badges_above(self, node_id: str, include_self: bool = False) -> None:
        folded = self.geometry.folded
        parent = node_id if include_self else self._map.node(node_id).parent
        while parent is not None:
            if parent in folded:
                self.refresh_fold_badge(parent)
            parent = self._map.node(parent).parent

    def dim_link(self, edge_id: str) -> None:
        """In a region's view, dim a link unless one of its ends is a gap there."""
        item = self.items.edges.get(edge_id)
        view = self._state.view_region
        if item is None:
            return
        if view is None:
            item.set_dimmed(False)
            return
        edge = self._map.edge(edge_id)
        touches_gap = any(region_status(self._map.node(end), view) in GAP_STATUSES
                          for end in (edge.source, edge.target))
        item.set_dimmed(not touches_gap)

    def restyle_all(self) -> None:
        """Every item drawn again by the regions and the view's region."""
        for node_id, item in self.items.nodes.items():
            item.restyle(self._map.node(node_id))
        for node_id in self.geometry.folded:
            self.refresh_fold_badge(node_id)
        for edge_id in self.items.edges:
            self.dim_link(edge_id)
        for note_item in self.items.notes.values():
            note_item.update()
        self.pending.restyled()
        self._decorations_dirty = True
        self.schedule()

    def refresh_marks(self, refs: Iterable[Ref]) -> None:
        """The marks of ``refs``: their roles (conflicts included), in :data:`ROLE_ORDER`."""
        order = {role: i for i, role in enumerate(ROLE_ORDER)}
        changed = False
        for ref in refs:
            changed = True
            roles = {role for role, members in self.roles.items() if ref in members}
            if ref in self._conflicts:
                roles.add("conflict")
            marks = tuple(sorted(roles, key=lambda r: (order.get(r, len(order)), r)))
            if marks:
                self._state.marks[ref] = marks
            else:
                self._state.marks.pop(ref, None)
            item = self.items.markable(ref)
            if item is not None:
                item.set_marks(marks)
        if changed:  # the conflicts dock marks the same (often no) refs after every edit
            self.overview.invalidate()
