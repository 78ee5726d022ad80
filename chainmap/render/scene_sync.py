"""How a :class:`~chainmap.render.scene.MapScene` keeps its items in step with the model.

Every model event updates exactly the items it concerns; geometry that depends on several
objects (parents' frames, link routes, note leaders, tier bands) is marked dirty here and
recomputed by :meth:`MapScene.flush`. Split from ``scene.py`` so each file reads in one go.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from chainmap.core import geometry
from chainmap.core.analysis import GAP_STATUSES, region_status
from chainmap.core.model import ChainMap, Conflict, Edge, Node, Note, Region, Tier

from . import hierarchy
from .items_link import LinkItem
from .items_note import NoteItem
from .items_segment import Z_BOX, Z_CONTAINER, SegmentItem
from .items_tier import TierItem
from .label_space import LabelSpace
from .style import ROLE_ORDER

if TYPE_CHECKING:
    from .decorations import LegendItem, TitleItem
    from .overview import OverviewItem
    from .state import RenderState

KINDS = ("node", "edge", "note", "tier")
Ref = tuple[str, str]
_TOP, _BOTTOM = itemgetter(0), itemgetter(1)
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
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_NO_CACHE = QGraphicsItem.CacheMode.NoCache


def _rect(rect: geometry.Rect | None) -> QRectF | None:
    return None if rect is None else QRectF(rect.left, rect.top, rect.width, rect.height)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold Python's cyclic garbage collector while building thousands of items: they
    form no cycles, and a big map's build would otherwise trigger full collections over
    every object of the map again and again (a quarter of the build time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def conflict_refs(conflicts: Iterable[Conflict]) -> set[Ref]:
    """The items the map's merge conflicts name (paths like ``/nodes/<id>/name``)."""
    kinds = {"nodes": "node", "edges": "edge", "notes": "note", "tiers": "tier"}
    refs: set[Ref] = set()
    for conflict in conflicts:
        parts = conflict.path.split("/")
        if len(parts) >= 3 and parts[1] in kinds:
            refs.add((kinds[parts[1]], parts[2]))
    return refs


class SceneSync:
    """The model-to-items half of MapScene (a mixin: MapScene owns the state it uses)."""

    # Set by MapScene.__init__.
    _map: ChainMap
    _state: RenderState
    _items: dict[str, dict[str, Any]]
    _refs: dict[QGraphicsItem, Ref]
    _edges_at: dict[str, set[str]]
    _notes_at: dict[str, set[str]]
    _folded: set[str]
    _frames: dict[str, QRectF]
    _spans: dict[str, tuple[float, float]]  # top and bottom of each frame, for the bands' height
    _top_ids: list[str] | None  # segments without a parent, in map order (None: to gather)
    # Top and bottom of those segments' frames: () for none, None when to be measured again.
    _frames_extent: tuple[float, float] | tuple[()] | None
    _bands: list[geometry.Band]
    _live: dict[str, Any]
    _roles: dict[str, set[Ref]]
    _conflicts: set[Ref]
    _dirty_frames: set[str]
    _dirty_links: set[str]
    _dirty_notes: set[str]
    _labels: LabelSpace
    _bands_dirty: bool
    _extent_dirty: bool
    _decorations_dirty: bool
    _disposed: bool
    _cached: bool
    _overview_on: bool
    _title: TitleItem
    _legend: LegendItem
    _overview: OverviewItem

    # ============================================================== building
    def _build(self) -> None:
        with gc_paused():
            self._state.refresh_regions(self._map)
            self._conflicts = conflict_refs(self._map.conflicts)
            self._state.marks = {}
            for ref in self._conflicts:
                self._state.marks[ref] = ("conflict",)
            for tier in self._map.tiers:
                self._add_tier(tier)
            depths = self._depths(n.id for n in self._map.nodes)
            for node in self._map.nodes:
                self._add_segment(node, depths[node.id])
            self._labels.reset()
            self._top_ids = self._frames_extent = None
            self._update_visibility(n.id for n in self._map.nodes)
            for edge in self._map.edges:
                self._add_link(edge)
            for note in self._map.notes:
                self._add_note(note)
            self._dirty_frames.update(n.id for n in self._map.nodes)
            self._bands_dirty = True
            self._decorations_dirty = True
            self.flush()  # type: ignore[attr-defined]

    def _register(self, kind: str, item_id: str, item: QGraphicsItem) -> None:
        self._items[kind][item_id] = item
        self._refs[item] = (kind, item_id)
        if kind != "tier":
            self._apply_flags(kind, item)
        self.addItem(item)  # type: ignore[attr-defined]

    def _apply_flags(self, kind: str, item: QGraphicsItem) -> None:
        """Editable items are selectable (segments and notes movable too); in the overview
        the overview item paints them all at once, so they paint nothing themselves."""
        item.setFlags(_FLAG_TABLE[(self._state.editable, kind == "edge", self._overview_on)])

    def _unregister(self, kind: str, item_id: str) -> None:
        item = self._items[kind].pop(item_id, None)
        if item is not None:
            self._refs.pop(item, None)
            self.removeItem(item)  # type: ignore[attr-defined]

    def _add_tier(self, tier: Tier) -> None:
        item = TierItem(tier.id, self._state)
        item.set_name(tier.name)
        self._register("tier", tier.id, item)

    def _add_segment(self, node: Node, depth: int | None = None) -> None:
        item = SegmentItem(node.id, self._state)
        if self._cached:
            item.setCacheMode(_DEVICE_CACHE)
        item.sync_node(node)
        item.setZValue(self._segment_z(node.id, depth))
        self._register("node", node.id, item)

    def _add_link(self, edge: Edge) -> None:
        item = LinkItem(edge.id, self._state)
        item.set_edge(edge)
        self._register("edge", edge.id, item)
        self._edges_at.setdefault(edge.source, set()).add(edge.id)
        self._edges_at.setdefault(edge.target, set()).add(edge.id)
        self._dirty_links.add(edge.id)
        self._dim_link(edge.id)

    def _add_note(self, note: Note) -> None:
        item = NoteItem(note.id, self._state)
        item.set_note(note)
        self._register("note", note.id, item)
        if note.node is not None:
            self._notes_at.setdefault(note.node, set()).add(note.id)
        self._dirty_notes.add(note.id)

    # ================================================================ events
    def _on_reset(self) -> None:
        for kind in KINDS:
            for item_id in list(self._items[kind]):
                self._unregister(kind, item_id)
        self._edges_at.clear()
        self._notes_at.clear()
        self._frames.clear()
        self._spans.clear()
        self._live.clear()
        self._folded = {f for f in self._folded if self._map.has_node(f)}
        if self._state.view_region is not None and not self._map.has_region(self._state.view_region):
            self._state.view_region = None
        self._build()
        for node_id in self._folded:
            self._refresh_fold_badge(node_id)
        self._update_visibility(n.id for n in self._map.nodes)

    def _on_map_changed(self, changes: dict[str, Any]) -> None:
        self._decorations_dirty = True
        self._schedule()

    def _on_region_event(self, region: Region, _detail: Any) -> None:
        self._state.refresh_regions(self._map)
        self._restyle_all()
        for edge_id, item in self._items["edge"].items():
            item.set_edge(self._map.edge(edge_id))

    def _on_region_removed(self, region: Region, index: int) -> None:
        if self._state.view_region == region.code:
            self._state.view_region = None
            self.view_region_changed.emit(None)  # type: ignore[attr-defined]
        self._on_region_event(region, index)

    def _on_tier_added(self, tier: Tier, index: int) -> None:
        self._add_tier(tier)
        self._bands_dirty = True
        self._schedule()

    def _on_tier_changed(self, tier: Tier, changes: dict[str, Any]) -> None:
        self._items["tier"][tier.id].set_name(tier.name)

    def _on_tier_removed(self, tier: Tier, index: int) -> None:
        self._unregister("tier", tier.id)
        self._bands_dirty = True
        self._schedule()

    def _on_tier_moved(self, tier: Tier, old: int, new: int) -> None:
        self._bands_dirty = True
        self._schedule()

    def _on_node_added(self, node: Node, index: int) -> None:
        self._top_ids = self._frames_extent = None
        self._add_segment(node)
        self._update_visibility([node.id])
        self._mark_geometry(node.id)
        if node.parent is not None:
            self._refresh_fold_badges_above(node.id)
        self._schedule()

    def _on_node_removed(self, node: Node, index: int) -> None:
        self._unregister("node", node.id)
        self._labels.box_changed(node.id)
        self._top_ids = self._frames_extent = None
        self._frames.pop(node.id, None)
        self._spans.pop(node.id, None)
        self._live.pop(node.id, None)
        self._folded.discard(node.id)
        self._edges_at.pop(node.id, None)
        self._notes_at.pop(node.id, None)
        self._dirty_frames.discard(node.id)
        if node.parent is not None and self._map.has_node(node.parent):
            self._mark_geometry(node.parent)
            self._refresh_fold_badges_above(node.parent, include_self=True)
        self._bands_dirty = True
        self._schedule()

    def _on_node_changed(self, node: Node, changes: dict[str, Any]) -> None:
        item: SegmentItem = self._items["node"][node.id]
        if "name" in changes:
            item.set_name(node.name)
        if "x" in changes or "y" in changes:
            self._live.pop(node.id, None)
            item.set_position(node)
            self._mark_geometry(node.id)
            self._update_visibility([node.id])
        if "parent" in changes:
            self._top_ids = self._frames_extent = None
            old_parent = changes["parent"][0]
            if old_parent is not None and self._map.has_node(old_parent):
                self._mark_geometry(old_parent)
                self._refresh_fold_badges_above(old_parent, include_self=True)
            subtree = [node.id, *self._map.descendants(node.id)]
            depths = self._depths(subtree)
            for nid in subtree:
                self._items["node"][nid].setZValue(self._segment_z(nid, depths[nid]))
                self._dirty_links.update(self._edges_at.get(nid, ()))
                self._dirty_notes.update(self._notes_at.get(nid, ()))
            self._update_visibility(subtree)
            self._mark_geometry(node.id)
            self._refresh_fold_badges_above(node.id)
        if "tier" in changes:
            self._bands_dirty = True
        if "regions" in changes:
            item.restyle(node)
            self._refresh_fold_badges_above(node.id)
            for edge_id in self._edges_at.get(node.id, ()):
                self._dim_link(edge_id)
        self._schedule()

    def _on_edge_added(self, edge: Edge, index: int) -> None:
        self._add_link(edge)
        self._schedule()

    def _on_edge_removed(self, edge: Edge, index: int) -> None:
        self._unregister("edge", edge.id)
        for end in (edge.source, edge.target):
            self._edges_at.get(end, set()).discard(edge.id)
        self._dirty_links.discard(edge.id)
        self._overview.invalidate()

    def _on_edge_changed(self, edge: Edge, changes: dict[str, Any]) -> None:
        if "source" in changes or "target" in changes:
            for key in ("source", "target"):
                if key in changes:
                    old = changes[key][0]
                    self._edges_at.get(old, set()).discard(edge.id)
            for end in (edge.source, edge.target):
                self._edges_at.setdefault(end, set()).add(edge.id)
        self._items["edge"][edge.id].set_edge(edge)
        self._dirty_links.add(edge.id)
        self._dim_link(edge.id)
        self._schedule()

    def _on_note_added(self, note: Note, index: int) -> None:
        self._add_note(note)
        self._schedule()

    def _on_note_removed(self, note: Note, index: int) -> None:
        self._unregister("note", note.id)
        if note.node is not None:
            self._notes_at.get(note.node, set()).discard(note.id)
        self._dirty_notes.discard(note.id)
        self._bands_dirty = True
        self._schedule()

    def _on_note_changed(self, note: Note, changes: dict[str, Any]) -> None:
        if "node" in changes:
            old = changes["node"][0]
            if old is not None:
                self._notes_at.get(old, set()).discard(note.id)
            if note.node is not None:
                self._notes_at.setdefault(note.node, set()).add(note.id)
        self._items["note"][note.id].set_note(note)
        self._dirty_notes.add(note.id)
        if "x" in changes or "y" in changes or "text" in changes:
            self._bands_dirty = True
        self._schedule()

    def _on_conflicts_changed(self, conflict: Conflict, index: int) -> None:
        old = self._conflicts
        self._conflicts = conflict_refs(self._map.conflicts)
        self._refresh_marks(old ^ self._conflicts)

    # ============================================================== internals
    def _schedule(self) -> None:
        self._overview.invalidate()
        if not self._disposed and not self._timer.isActive():  # type: ignore[attr-defined]
            self._timer.start()  # type: ignore[attr-defined]

    def _segment_z(self, node_id: str, depth: int | None = None) -> float:
        if depth is None:
            depth = self._depths((node_id,))[node_id]
        container = bool(self._map.children(node_id)) and node_id not in self._folded
        return (Z_CONTAINER if container else Z_BOX) + depth

    def _depths(self, node_ids: Iterable[str]) -> dict[str, int]:
        """How many ancestors each of ``node_ids`` has, each ancestor walked once."""
        return hierarchy.depths(self._map, node_ids)

    def _shown_as_many(self, node_ids: Iterable[str]) -> dict[str, str]:
        """:meth:`_shown_as` of each of ``node_ids``, each ancestor walked once for all."""
        return hierarchy.shown_as(self._map, self._folded, node_ids)

    def _shown_as(self, node_id: str) -> str:
        """The segment that stands for ``node_id``: its topmost folded ancestor, or itself."""
        if not self._folded:
            return node_id
        shown = node_id
        parent = self._map.node(node_id).parent
        while parent is not None:
            if parent in self._folded:
                shown = parent
            parent = self._map.node(parent).parent
        return shown

    def _update_visibility(self, node_ids: Iterable[str]) -> None:
        """Show or hide boxes (no position, or folded away); they may also have moved."""
        shown = self._shown_as_many(node_ids)
        for node_id, shown_as in shown.items():
            node = self._map.node(node_id)
            visible = node.x is not None and node.y is not None and shown_as == node_id
            self._items["node"][node_id].setVisible(visible)
            self._labels.box_changed(node_id)

    def _refresh_fold_badge(self, node_id: str) -> None:
        item = self._items["node"].get(node_id)
        if item is not None:
            folded = node_id in self._folded
            hidden = self._map.descendants(node_id) if folded else []
            view = self._state.view_region
            gap = view is not None and any(
                region_status(self._map.node(child), view) in GAP_STATUSES for child in hidden)
            item.set_folded(folded, len(hidden), gap)

    def _refresh_fold_badges_above(self, node_id: str, include_self: bool = False) -> None:
        parent = node_id if include_self else self._map.node(node_id).parent
        while parent is not None:
            if parent in self._folded:
                self._refresh_fold_badge(parent)
            parent = self._map.node(parent).parent

    def _mark_geometry(self, node_id: str, live: bool = False) -> None:
        """``node_id`` moved or changed size: its frame, its ancestors' frames, their links
        and notes, and the bands need recomputing. ``live``: only its item moved (a drag
        the model has not seen), so the bands keep their tiers' extents (they follow the
        model) and only their height may change."""
        current: str | None = node_id
        dirty = self._dirty_frames
        while current is not None and self._map.has_node(current):
            if current in dirty and current != node_id:
                break  # marked before, with all its ancestors: a long chain is walked once
            dirty.add(current)
            current = self._map.node(current).parent
        if live:
            self._extent_dirty = True
        else:
            self._bands_dirty = True

    def _flush_frames(self) -> bool:
        frames, self._dirty_frames = self._dirty_frames, set()
        changed = False
        present = [node_id for node_id in frames if self._map.has_node(node_id)]
        # All at once: each sub-segment measured once, however deep they nest.
        model_frames = geometry.frames(self._map, present, self._folded)
        depths = self._depths(present)
        for node_id in present:
            rect = _rect(model_frames[node_id])
            offset = self._live.get(node_id)
            if rect is not None and offset is not None:
                rect.translate(offset)
            foldable = bool(self._map.children(node_id))
            item = self._items["node"][node_id]
            item.set_frame(rect, foldable and node_id not in self._folded, foldable)
            z = self._segment_z(node_id, depths[node_id])
            if item.zValue() != z:
                item.setZValue(z)
            if rect != self._frames.get(node_id):
                changed = True
                self._extent_dirty = True
                old_span = self._spans.get(node_id)
                if rect is None:
                    self._frames.pop(node_id, None)
                    new_span = self._spans.pop(node_id, None)
                else:
                    self._frames[node_id] = rect
                    new_span = self._spans[node_id] = (rect.top(), rect.bottom())
                if self._map.node(node_id).parent is None:
                    self._span_changed(old_span, new_span)
                self._dirty_links.update(self._edges_at.get(node_id, ()))
                self._dirty_notes.update(self._notes_at.get(node_id, ()))
                # Links of folded-away sub-segments are drawn to this frame.
                if node_id in self._folded:
                    for nid in self._map.descendants(node_id):
                        self._dirty_links.update(self._edges_at.get(nid, ()))
                        self._dirty_notes.update(self._notes_at.get(nid, ()))
        return changed

    def _span_changed(self, old: tuple[float, float] | None, new: tuple[float, float] | None) -> None:
        """Keep the top-level frames' extent without measuring them all again, unless the
        frame that moved was (one of) the outermost."""
        extent = self._frames_extent
        if not extent:
            self._frames_extent = None
            return
        top, bottom = extent
        # A frame that held the top (or bottom) and now lies inside may uncover another.
        if old is not None and ((old[0] <= top and (new is None or new[0] > old[0]))
                                or (old[1] >= bottom and (new is None or new[1] < old[1]))):
            self._frames_extent = None
        elif new is not None:
            self._frames_extent = (min(top, new[0]), max(bottom, new[1]))

    def _flush_bands(self) -> bool:
        """Tier bands: their extents from the model (when ``_bands_dirty``), their height from
        the frames and notes drawn now."""
        bands = self._bands
        changed = False
        if self._bands_dirty:
            bands = geometry.tier_bands(self._map, self._folded)
            changed = bands != self._bands
            self._bands = bands
        self._bands_dirty = self._extent_dirty = False
        top, bottom = self._vertical_extent()
        for index, band in enumerate(bands):
            item = self._items["tier"].get(band.tier)
            if item is not None:
                before = item.band_rect()
                item.set_band(band.left, band.right, top, bottom, index)
                changed = changed or item.band_rect() != before
        if changed:
            self._decorations_dirty = True
        return changed

    def _vertical_extent(self) -> tuple[float, float]:
        extent = self._frames_extent
        if extent is None:
            if self._top_ids is None:
                self._top_ids = [node.id for node in self._map.nodes if node.parent is None]
            spans = self._spans
            framed = [spans[node_id] for node_id in self._top_ids if node_id in spans]
            extent = self._frames_extent = (
                (min(framed, key=_TOP)[0], max(framed, key=_BOTTOM)[1]) if framed else ())
        top, bottom = extent if extent else (None, None)
        for item in self._items["note"].values():
            rect = item.sceneBoundingRect()
            top = rect.top() if top is None else min(top, rect.top())
            bottom = rect.bottom() if bottom is None else max(bottom, rect.bottom())
        if top is None or bottom is None:
            return 0.0, 400.0
        return top - geometry.BAND_HEADER - 16, bottom + geometry.BAND_MARGIN

    def _route_link(self, edge_id: str, shown: Mapping[str, str] | None = None) -> None:
        """Draw a link between the boxes that stand for its ends (``shown``: those boxes,
        when known)."""
        item = self._items["edge"].get(edge_id)
        if item is None:
            return
        edge = self._map.edge(edge_id)
        if shown is None:
            shown = self._shown_as_many((edge.source, edge.target))
        source, target = shown[edge.source], shown[edge.target]
        if source == target:
            item.set_ends(None, None)
            return
        if not item.has_label():
            item.route(self._frames.get(source), self._frames.get(target))
        else:
            item.route(self._frames.get(source), self._frames.get(target), self._labels.blocked)
            placed = item.label_box()
            if placed is not None:
                self._labels.add_label(placed)

    def _aim_note(self, note_id: str) -> None:
        item = self._items["note"].get(note_id)
        if item is None:
            return
        note = self._map.note(note_id)
        target = self._frames.get(self._shown_as(note.node)) if note.node is not None else None
        item.set_target(target)

    def _dim_link(self, edge_id: str) -> None:
        item = self._items["edge"].get(edge_id)
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

    def _restyle_all(self) -> None:
        for node_id, item in self._items["node"].items():
            item.restyle(self._map.node(node_id))
        for node_id in self._folded:
            self._refresh_fold_badge(node_id)
        for edge_id in self._items["edge"]:
            self._dim_link(edge_id)
        for item in self._items["note"].values():
            item.update()
        self._decorations_dirty = True
        self._schedule()

    def _refresh_marks(self, refs: Iterable[Ref]) -> None:
        order = {role: i for i, role in enumerate(ROLE_ORDER)}
        for ref in refs:
            roles = {role for role, members in self._roles.items() if ref in members}
            if ref in self._conflicts:
                roles.add("conflict")
            marks = tuple(sorted(roles, key=lambda r: (order.get(r, len(order)), r)))
            if marks:
                self._state.marks[ref] = marks
            else:
                self._state.marks.pop(ref, None)
            item = self._items.get(ref[0], {}).get(ref[1])
            if item is not None and hasattr(item, "set_marks"):
                item.set_marks(marks)
        self._overview.invalidate()

    def _place_decorations(self) -> None:
        self._decorations_dirty = False
        core = QRectF()
        for item in self._items["tier"].values():
            core = core.united(item.sceneBoundingRect())
        for item in self._items["note"].values():
            core = core.united(item.sceneBoundingRect())
        if core.isNull():
            core = QRectF(0, 0, 600, 400)
        self._title.set_map(self._map, self._state)
        self._title.setPos(core.left(), core.top() - self._title.boundingRect().height() - 10)
        self._legend.set_map(self._map, self._state, core.width())
        self._legend.setPos(core.left(), core.bottom() + 20)
        self._overview.setRect(core)
