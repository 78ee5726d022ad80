"""Placing only the segments that have no position, leaving every other one where it is.

A new top-level segment (with its new sub-segments, as one block) goes into its tier's
band, lined up with one of the band's columns, at the free spot nearest to the barycentre of
its linked neighbours: clear of every other frame by COLUMN_GAP across and ROW_GAP down. The
segments with most placed neighbours go first, so later ones can lean on them. A new
sub-segment of a placed parent is stacked at the bottom of the parent's frame; when the
grown frame then overlaps a neighbour (nothing else may move), it is reported as crowded.

Nothing here looks at every frame for each segment placed (10,000 new segments in a map of
20,000 took four minutes that way): :class:`PlacedFrames` keeps each band's columns and the
heights blocked in each column tried, updated as blocks are placed, and an
:class:`~chainmap.core.layout.free_space.OverlapTracker` says which frames overlap. The answers are
the very ones a scan of every frame gives, ties included.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from ..geometry import (
    BAND_MARGIN,
    COLUMN_GAP,
    PARENT_PADDING,
    ROW_GAP,
    SEGMENT_HEIGHT,
    Band,
    Rect,
    tier_bands,
)
from ..model import ChainMap
from .blocks import TOP, FrameCache, Position, block_sizes, depths, frame_at, owners, place_block
from .free_space import OverlapTracker, Runs, SlabIndex


def place_new(chain_map: ChainMap) -> tuple[dict[str, Position], list[str]]:
    """Positions for the segments without one, and the ids of new sub-segments whose
    parent's frame now overlaps another top-level frame."""
    existing: dict[str, Position] = {
        n.id: (n.x, n.y) for n in chain_map.nodes if n.x is not None and n.y is not None
    }
    positions = dict(existing)
    new: dict[str, Position] = {}
    sizes = block_sizes(chain_map, leave_out=existing)
    # Inside a new block only the new children are stacked; placed ones stay put.
    stacks = {
        n.id: [c for c in chain_map.children(n.id) if c not in existing]
        for n in chain_map.nodes
        if chain_map.children(n.id)
    }
    bands = {band.tier: band for band in tier_bands(chain_map)}
    frames = PlacedFrames(list(bands.values()))
    for node in chain_map.nodes:
        if node.parent is None:
            rect = frame_at(chain_map, existing, node.id)
            if rect is not None:
                frames.add(rect)
    neighbours: dict[str, list[str]] = {}
    for edge in chain_map.edges:
        neighbours.setdefault(edge.source, []).append(edge.target)
        neighbours.setdefault(edge.target, []).append(edge.source)

    # The segments with a placed sub-segment somewhere below: children before parents, in
    # one pass, however deep they nest.
    depth = depths(chain_map)
    above_placed: set[str] = set()
    for node_id in sorted(depth, key=depth.__getitem__, reverse=True):
        if node_id in existing or node_id in above_placed:
            parent = chain_map.node(node_id).parent
            if parent is not None:
                above_placed.add(parent)

    def has_placed_descendant(node_id: str) -> bool:
        return node_id in above_placed

    def outside_neighbours(node_id: str) -> list[str]:
        inside = [node_id, *chain_map.descendants(node_id)]
        members = set(inside)
        return [n for member in inside for n in neighbours.get(member, ()) if n not in members]

    # Top-level segments first, those with most placed neighbours before the others.
    roots = [
        n.id
        for n in chain_map.nodes
        if n.parent is None and n.id not in existing and not has_placed_descendant(n.id)
    ]
    known = {r: sum(1 for n in outside_neighbours(r) if n in existing) for r in roots}
    roots.sort(key=lambda r: -known[r])
    for root in roots:
        band = bands[chain_map.node(root).tier]
        width, height = sizes[root]
        near = [positions[n] for n in outside_neighbours(root) if n in positions]
        if near:
            want_x = sum(p[0] for p in near) / len(near)
            want_y = sum(p[1] for p in near) / len(near)
        else:
            want_x = (band.left + band.right) / 2
            mean = frames.mean_y(band)
            want_y = mean if mean is not None else TOP + height / 2
        low = band.left + BAND_MARGIN + width / 2
        high = band.right - BAND_MARGIN - width / 2
        if low > high:
            low = high = (band.left + band.right) / 2
        # Line up with the band's columns where it has some, for a tidy map.
        candidates = frames.columns(band, low, high, want_x, COLUMN_CHOICES) or [min(max(want_x, low), high)]
        centre_x, top = frames.free_spot(width, height, want_x, want_y, candidates)
        block: dict[str, Position] = {}
        place_block(chain_map, root, centre_x, top, sizes, block, stacks)
        new.update(block)
        positions.update(block)
        frames.add(Rect(centre_x - width / 2, top, centre_x + width / 2, top + height))

    # Then the rest: first the new parents of placed sub-segments, deepest first, so each
    # goes on top of all it holds; then the others, parents before children. Placing a
    # segment changes only its ancestors' frames: each frame is measured once and kept
    # (``measure``), and each top-level frame grows as segments join it, so this stays
    # linear however deep sub-segments nest.
    crowded: list[str] = []
    measure = FrameCache(chain_map, positions)
    owner = owners(chain_map)
    tops = {n.id: measure.frame(n.id) for n in chain_map.nodes if n.parent is None}
    overlaps = OverlapTracker(tops)
    # The lowest bottom among each parent's sub-segments' frames, kept up to date as new
    # ones join it (the frames of its other sub-segments do not change meanwhile: their own
    # sub-segments are deeper, placed later), so a parent of thousands costs no rescans.
    lowest: dict[str, float | None] = {}
    by_depth = sorted(chain_map.nodes, key=lambda n: depth[n.id])
    new_parents = [n for n in reversed(by_depth) if n.id not in positions and has_placed_descendant(n.id)]
    for node in [*new_parents, *by_depth]:
        if node.id in positions:
            continue
        top_id = owner[node.id]
        # Report only what this placement crowds, not an overlap the map already had.
        crowded_before = overlaps.overlaps(top_id)
        parent = node.parent
        if has_placed_descendant(node.id):
            # A new parent of placed sub-segments: its box goes on top of them.
            union: Rect | None = None
            for child in chain_map.children(node.id):
                rect = measure.frame(child)
                if rect is not None:
                    union = rect if union is None else union.united(rect)
            assert union is not None  # the deepest new parents came first
            where = (round(union.center[0], 1), round(union.top - PARENT_PADDING - SEGMENT_HEIGHT / 2, 1))
            block = {node.id: where}
        else:
            assert parent is not None and parent in positions
            if parent not in lowest:
                bottoms = [
                    rect.bottom
                    for child in chain_map.children(parent)
                    if (rect := measure.frame(child)) is not None
                ]
                lowest[parent] = max(bottoms) if bottoms else None
            bottom = lowest[parent]
            if bottom is not None:
                top = bottom + PARENT_PADDING
            else:
                top = positions[parent][1] + SEGMENT_HEIGHT / 2 + PARENT_PADDING
            block = {}
            place_block(chain_map, node.id, positions[parent][0], top, sizes, block, stacks)
        new.update(block)
        positions.update(block)
        measure.forget(block)
        if parent is None or parent in positions:
            # Now part of its top-level frame, padded once for every level up to it.
            grown = measure.frame(node.id)
            assert grown is not None
            if parent in lowest:
                below = lowest[parent]
                lowest[parent] = grown.bottom if below is None else max(below, grown.bottom)
            pad = depth[node.id] * PARENT_PADDING
            grown = grown.adjusted(-pad, -pad, pad, pad)
            old = tops.get(top_id)
            top_frame = grown if old is None else old.united(grown)
            tops[top_id] = top_frame
            overlaps.grow(top_id, top_frame)
        if not crowded_before and overlaps.overlaps(top_id):
            crowded.append(node.id)
    return new, crowded


COLUMN_CHOICES = 6  # the band's columns nearest to the wish that a new block may line up with


class _Strip:
    """The frames reaching across into a vertical strip (a candidate column for a block of
    one width, widened by COLUMN_GAP), as runs of heights blocked (ROW_GAP around each)."""

    def __init__(self, low: float, high: float) -> None:
        self.low, self.high = low, high
        self.runs = Runs()

    def add(self, rect: Rect) -> None:
        if rect.left < self.high and self.low < rect.right:
            self.runs.add(rect.top - ROW_GAP, rect.bottom + ROW_GAP)


class PlacedFrames:
    """The top-level frames placed so far, indexed for :func:`place_new`: each band's column
    centres and the mean height of its frames, and the heights blocked in each strip a new
    block was tried in, kept up to date as frames are added. Every answer is the one a scan
    over all the frames would give."""

    def __init__(self, bands: list[Band]) -> None:
        self._bands = bands
        self._centres: list[list[float]] = [[] for _ in bands]  # sorted, each once
        self._sums: list[tuple[float, int]] = [(0, 0) for _ in bands]
        self._sum: tuple[float, int] = (0, 0)
        self._index = {id(band): i for i, band in enumerate(bands)}
        self._frames: SlabIndex[Rect] = SlabIndex()
        self._strips: dict[tuple[float, float], _Strip] = {}
        self._strip_index: SlabIndex[_Strip] = SlabIndex()

    def add(self, rect: Rect) -> None:
        """A frame placed (they are never moved nor taken away)."""
        x, y = rect.center
        for i, band in enumerate(self._bands):
            if band.left <= x <= band.right:
                centres = self._centres[i]
                at = bisect_left(centres, x)
                if at == len(centres) or centres[at] != x:
                    centres.insert(at, x)
                total, count = self._sums[i]
                self._sums[i] = (total + y, count + 1)  # added in order: the sum a scan makes
        total, count = self._sum
        self._sum = (total + y, count + 1)
        self._frames.add(rect, rect.left, rect.right)
        for strip in self._strip_index.near(rect.left, rect.right):
            strip.add(rect)

    def mean_y(self, band: Band) -> float | None:
        """The mean centre height of the frames in ``band`` (of all frames when it has
        none); ``None`` when there are no frames."""
        total, count = self._sums[self._index[id(band)]]
        if not count:
            total, count = self._sum
        return total / count if count else None

    def columns(self, band: Band, low: float, high: float, want_x: float, count: int) -> list[float]:
        """Of the centres (rounded to 0.1) of ``band``'s frames between ``low`` and ``high``,
        the ``count`` nearest ``want_x``, nearest first (of two as near, the left one)."""
        centres = self._centres[self._index[id(band)]]
        start, stop = bisect_left(centres, low), bisect_right(centres, high)
        split = bisect_left(centres, want_x, start, stop)
        # Rounding keeps the order, so the nearest lie next to the split: a few on each side
        # (one more than asked, for the one value rounding may carry across the wish).
        found: list[float] = []
        for steps in (range(split - 1, start - 1, -1), range(split, stop)):
            values: list[float] = []
            for i in steps:
                value = round(centres[i], 1)
                if not values or values[-1] != value:
                    if len(values) == count + 2:
                        break
                    values.append(value)
            found.extend(values)
        chosen = sorted(set(found))
        chosen.sort(key=lambda x: abs(x - want_x))
        return chosen[:count]

    def free_spot(self, width: float, height: float, want_x: float, want_y: float,
                  xs: list[float]) -> tuple[float, float]:
        """The centre x (one of ``xs``) and top of the free spot for a ``width`` × ``height``
        block nearest to ``(want_x, want_y)``, clear of every frame by the layout's gaps (of
        two as near, the first of ``xs``)."""
        want_top = want_y - height / 2
        best: tuple[float, float, float] | None = None
        for x in xs:
            left, right = x - width / 2, x + width / 2
            top = self._strip(left - COLUMN_GAP, right + COLUMN_GAP).runs.nearest_free(want_top, height)
            # hypot, not squares: a coordinate near the float limit (1e308) must not overflow.
            score = math.hypot(x - want_x, top - want_top)
            if best is None or score < best[0]:
                best = (score, x, top)
        assert best is not None
        return round(best[1], 1), round(best[2], 1)

    def _strip(self, low: float, high: float) -> _Strip:
        strip = self._strips.get((low, high))
        if strip is None:
            strip = self._strips[(low, high)] = _Strip(low, high)
            for rect in self._frames.near(low, high):
                strip.add(rect)
            self._strip_index.add(strip, low, high)
        return strip
