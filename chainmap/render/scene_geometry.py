"""The geometry of a :class:`~chainmap.render.scene.MapScene` that depends on several objects.

A segment's frame holds its sub-segments' boxes; a link is routed between the boxes that
stand for its ends (a folded ancestor's, when folded away); a note's leader aims at its
segment's frame; the tier bands span every frame and note. :class:`SceneGeometry` keeps
what is dirty (the sync marks it on model events) and recomputes it all at once in
:meth:`SceneGeometry.flush`, so a layout that moves 5,000 segments recomputes the bands once.
It also holds the folding and the offsets of segments being dragged.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

from PySide6.QtCore import QPointF, QRectF

from chainmap.core import geometry
from chainmap.core.model import ChainMap

from . import hierarchy
from .items_segment import Z_BOX, Z_CONTAINER
from .routes import Point, SceneRoutes
from .scene_items import SceneItems

__all__ = ["SceneGeometry"]

_TOP, _BOTTOM = itemgetter(0), itemgetter(1)


def _rect(rect: geometry.Rect | None) -> QRectF | None:
    return None if rect is None else QRectF(rect.left, rect.top, rect.width, rect.height)


def frame_rect(rect: geometry.Rect | None) -> QRectF | None:
    """A frame of :attr:`SceneGeometry.frames` as the items take it (None stays None)."""
    return _rect(rect)


def _span(rect: geometry.Rect) -> tuple[float, float]:
    """Top and bottom of a frame, the bottom reckoned as QRectF reckons it (top + height)."""
    return rect.top, rect.top + (rect.bottom - rect.top)


class SceneGeometry:
    """Frames, tier bands, link routes and note leaders of one scene's ``items``, kept dirty
    until :meth:`flush`. ``folded``: the folded segments' ids; ``live``: how far each dragged
    segment's item is from where the model has it; ``frames``: each segment's frame (the
    model's, moved by ``live``; plain numbers, shared with the model's measure when not
    dragged: a big map holds one per segment, and a QRectF each weighed some 200 bytes)."""

    def __init__(self, chain_map: ChainMap, items: SceneItems) -> None:
        self._map = chain_map
        self._items = items
        self.folded: set[str] = set()
        self.frames: dict[str, geometry.Rect] = {}
        # The same frames as the model measures them (no drag offsets), for the bands.
        self._measured: dict[str, geometry.Rect | None] = {}
        self.live: dict[str, QPointF] = {}  # dragged segments the model has not moved yet
        self.bands: list[geometry.Band] = []
        self._top_ids: list[str] | None = None  # segments without a parent, in map order (None: to gather)
        # Top and bottom of those segments' frames: () for none, None when to be measured again.
        self._frames_extent: tuple[float, float] | tuple[()] | None = None
        self._dirty_frames: set[str] = set()
        self._dirty_links: set[str] = set()
        self._dirty_notes: set[str] = set()
        self._bands_dirty = True
        self._extent_dirty = True
        # Each tier's contents' left and right (see geometry.tier_extents) as the bands last
        # measured them (None: measure every segment again), and the top-level frames changed
        # since: (tier, frame before, frame after).
        self._tier_extents: dict[str, tuple[float, float]] | None = None
        self._extent_changes: list[tuple[str, geometry.Rect | None, geometry.Rect | None]] = []
        self.routes = SceneRoutes(chain_map, items.edges, items.notes, lambda: self.folded)

    # ============================================================== marking
    def pending(self) -> bool:
        """Whether anything waits to be recomputed."""
        return bool(self._dirty_frames or self._bands_dirty or self._extent_dirty or self._dirty_links
                    or self._dirty_notes or self.routes.waiting)

    def mark(self, node_id: str, live: bool = False) -> None:
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

    def mark_all(self, node_ids: Iterable[str]) -> None:
        """Every frame of ``node_ids`` and the bands (after the scene was built)."""
        self._dirty_frames.update(node_ids)
        self._bands_dirty = True
        self._tier_extents = None
        self.routes.restructure()

    def mark_bands(self) -> None:
        """The tiers' extents may have changed (a tier, a segment's tier or a note changed)."""
        self._bands_dirty = True
        self._tier_extents = None

    def mark_link(self, edge_id: str) -> None:
        """A link was added or changed: everything is routed again."""
        self._dirty_links.add(edge_id)
        self.routes.restructure()

    def mark_note(self, note_id: str) -> None:
        """A note was added or changed: everything is routed again."""
        self._dirty_notes.add(note_id)
        self.routes.restructure()

    def restructure(self) -> None:
        """Folds, regions or segments changed: route every link again."""
        self.routes.restructure()

    def moved(self, node_id: str, live: bool = False) -> None:
        """Segment ``node_id`` moved: in the model, or (``live``) only its item, dragged with
        its sub-segments' items; their links are routed again."""
        if live:
            ids = [node_id, *self._map.descendants(node_id)]
            centres: dict[str, Point] = {}
            for nid in ids:
                item = self._items.nodes.get(nid)
                if item is not None and item.isVisible():
                    pos = item.scenePos()
                    centres[nid] = (pos.x(), pos.y())
            self.routes.moved(centres, live=True)
            return
        node = self._map.node(node_id)
        if node.x is not None and node.y is not None:
            self.routes.moved({node_id: (node.x, node.y)})

    def mark_ends(self, node_ids: Iterable[str]) -> None:
        """The links and notes at ``node_ids`` need routing and aiming again."""
        items = self._items
        for node_id in node_ids:
            self._dirty_links.update(items.edges_at.get(node_id, ()))
            self._dirty_notes.update(items.notes_at.get(node_id, ()))

    def tops_changed(self) -> None:
        """A segment was added, removed or re-parented: the top-level segments change (and
        every link is routed again)."""
        self._top_ids = self._frames_extent = None
        self._tier_extents = None
        self.routes.restructure()

    def forget_link(self, edge_id: str) -> None:
        """Link ``edge_id`` is gone."""
        self._dirty_links.discard(edge_id)
        self.routes.restructure()

    def forget_note(self, note_id: str) -> None:
        """Note ``note_id`` is gone."""
        self._dirty_notes.discard(note_id)
        self.routes.restructure()

    def forget_segment(self, node_id: str) -> None:
        """Segment ``node_id`` is gone."""
        self.routes.restructure()
        self.tops_changed()
        self.frames.pop(node_id, None)
        self._measured.pop(node_id, None)
        self.live.pop(node_id, None)
        self.folded.discard(node_id)
        self._dirty_frames.discard(node_id)

    def reset(self) -> None:
        """Forget every frame and drag (the scene is built again); folds of segments that
        are gone are dropped."""
        self.frames.clear()
        self._measured.clear()
        self._tier_extents = None
        self.live.clear()
        self.folded.intersection_update([f for f in self.folded if self._map.has_node(f)])

    # ============================================================== folding
    def segment_z(self, node_id: str, depth: int | None = None) -> float:
        """A segment's stacking: containers below boxes, deeper above shallower."""
        if depth is None:
            depth = self.depths((node_id,))[node_id]
        container = bool(self._map.children(node_id)) and node_id not in self.folded
        return (Z_CONTAINER if container else Z_BOX) + depth

    def depths(self, node_ids: Iterable[str]) -> dict[str, int]:
        """How many ancestors each of ``node_ids`` has, each ancestor walked once."""
        return hierarchy.depths(self._map, node_ids)

    def shown_as_many(self, node_ids: Iterable[str]) -> dict[str, str]:
        """:meth:`shown_as` of each of ``node_ids``, each ancestor walked once for all."""
        return hierarchy.shown_as(self._map, self.folded, node_ids)

    def shown_as(self, node_id: str) -> str:
        """The segment that stands for ``node_id``: its topmost folded ancestor, or itself."""
        if not self.folded:
            return node_id
        shown = node_id
        parent = self._map.node(node_id).parent
        while parent is not None:
            if parent in self.folded:
                shown = parent
            parent = self._map.node(parent).parent
        return shown

    def update_visibility(self, node_ids: Iterable[str]) -> None:
        """Show or hide boxes (no position, or folded away); they may also have moved."""
        shown = self.shown_as_many(node_ids)
        for node_id, shown_as in shown.items():
            node = self._map.node(node_id)
            visible = node.x is not None and node.y is not None and shown_as == node_id
            item = self._items.nodes.get(node_id)
            if item is not None:  # else made later (scene_lazy), then shown or hidden
                item.setVisible(visible)

    def dress(self, node_id: str) -> None:
        """Give a segment's item made after the frames were computed its frame."""
        item = self._items.nodes[node_id]
        foldable = bool(self._map.children(node_id))
        item.set_frame(_rect(self.frames.get(node_id)), foldable and node_id not in self.folded, foldable)

    # ============================================================== flushing
    def flush(self) -> tuple[bool, bool]:
        """Recompute what is dirty; returns whether frames or bands changed, and whether
        the bands did (the title and the legend follow those, not the frames)."""
        changed = bands_changed = False
        if self._dirty_frames:
            changed = self._flush_frames()
        if self._bands_dirty or self._extent_dirty:
            bands_changed = self._flush_bands()
            changed = changed or bands_changed
        # Links and notes follow the router (its routes, or previews until they are ready).
        self._dirty_links.clear()
        self._dirty_notes.clear()
        self.routes.apply()
        return changed, bands_changed

    def _flush_frames(self) -> bool:
        frames, self._dirty_frames = self._dirty_frames, set()
        changed = False
        present = [node_id for node_id in frames if self._map.has_node(node_id)]
        # All at once: each sub-segment measured once, however deep they nest.
        model_frames = geometry.frames(self._map, present, self.folded)
        self._top_frames_changed(present, model_frames)
        self._measured.update(model_frames)
        depths = self.depths(present)
        for node_id in present:
            rect = model_frames[node_id]
            offset = self.live.get(node_id)
            if rect is not None and offset is not None:
                dx, dy = offset.x(), offset.y()
                rect = rect.adjusted(dx, dy, dx, dy)
            item = self._items.nodes.get(node_id)
            if item is not None:  # else made later (scene_lazy), then given its frame
                foldable = bool(self._map.children(node_id))
                item.set_frame(_rect(rect), foldable and node_id not in self.folded, foldable)
                z = self.segment_z(node_id, depths[node_id])
                if item.zValue() != z:
                    item.setZValue(z)
            old = self.frames.get(node_id)
            if rect != old:
                changed = True
                self._extent_dirty = True
                old_span = _span(old) if old is not None else None
                if rect is None:
                    self.frames.pop(node_id, None)
                    new_span = None
                else:
                    self.frames[node_id] = rect
                    new_span = _span(rect)
                if self._map.node(node_id).parent is None:
                    self._span_changed(old_span, new_span)
                self.mark_ends((node_id,))
                # Links of folded-away sub-segments are drawn to this frame.
                if node_id in self.folded:
                    self.mark_ends(self._map.descendants(node_id))
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
        """Tier bands: their extents from the model (when dirty), their height from the
        frames and notes drawn now."""
        bands = self.bands
        changed = False
        if self._bands_dirty:
            bands = geometry.bands_between([tier.id for tier in self._map.tiers], self._measure_tiers())
            changed = bands != self.bands
            self.bands = bands
        self._bands_dirty = self._extent_dirty = False
        top, bottom = self._vertical_extent()
        for index, band in enumerate(bands):
            item = self._items.tiers.get(band.tier)
            if item is not None:
                before = item.band_rect()
                item.set_band(band.left, band.right, top, bottom, index)
                changed = changed or item.band_rect() != before
        return changed

    def _top_frames_changed(self, node_ids: list[str], model_frames: dict[str, geometry.Rect | None]) -> None:
        """Note the top-level frames among ``model_frames`` that differ from those measured
        before, for :meth:`_measure_tiers`."""
        if self._tier_extents is None:
            return
        measured, chain_map, changes = self._measured, self._map, self._extent_changes
        for node_id in node_ids:
            node = chain_map.node(node_id)
            if node.parent is None:
                if node_id not in measured:
                    self._tier_extents = None  # not measured before: measure all
                    return
                before, after = measured[node_id], model_frames[node_id]
                if before != after:
                    changes.append((node.tier, before, after))

    def _measure_tiers(self) -> dict[str, tuple[float, float]]:
        """Each tier's contents' left and right, as :func:`geometry.tier_extents` measures them:
        those kept, changed by the top-level frames that moved since, unless a frame that held
        a tier's left or right end moved in or went (then every segment is measured again: it
        took 13-26 ms at 20,000 segments, on every move)."""
        extents = self._tier_extents
        changes, self._extent_changes = self._extent_changes, []
        if extents is not None:
            for tier, before, after in changes:
                span = extents.get(tier)
                if before is not None and (
                        span is None
                        or (before.left <= span[0] and (after is None or after.left > before.left))
                        or (before.right >= span[1] and (after is None or after.right < before.right))):
                    extents = None
                    break
                if after is not None:
                    extents[tier] = ((after.left, after.right) if span is None
                                     else (min(span[0], after.left), max(span[1], after.right)))
        if extents is None:
            extents = geometry.tier_extents(self._map, self.folded, self._measured)
        self._tier_extents = extents
        return extents

    def _vertical_extent(self) -> tuple[float, float]:
        extent = self._frames_extent
        if extent is None:
            if self._top_ids is None:
                self._top_ids = [node.id for node in self._map.nodes if node.parent is None]
            frames = self.frames
            framed = [_span(frame) for node_id in self._top_ids if (frame := frames.get(node_id)) is not None]
            extent = self._frames_extent = (
                (min(framed, key=_TOP)[0], max(framed, key=_BOTTOM)[1]) if framed else ())
        top, bottom = extent if extent else (None, None)
        for item in self._items.notes.values():
            rect = item.sceneBoundingRect()
            top = rect.top() if top is None else min(top, rect.top())
            bottom = rect.bottom() if bottom is None else max(bottom, rect.bottom())
        if top is None or bottom is None:
            return 0.0, 400.0
        return top - geometry.BAND_HEADER - 16, bottom + geometry.BAND_MARGIN
