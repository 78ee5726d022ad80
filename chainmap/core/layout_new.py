"""Placing only the segments that have no position, leaving every other one where it is.

A new top-level segment (with its new sub-segments, as one block) goes into its tier's
band, lined up with one of the band's columns, at the free spot nearest to the barycentre of
its linked neighbours: clear of every other frame by COLUMN_GAP across and ROW_GAP down. The
segments with most placed neighbours go first, so later ones can lean on them. A new
sub-segment of a placed parent is stacked at the bottom of the parent's frame; when the
grown frame then overlaps a neighbour (nothing else may move), it is reported as crowded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .geometry import (
    BAND_MARGIN,
    COLUMN_GAP,
    PARENT_PADDING,
    ROW_GAP,
    SEGMENT_HEIGHT,
    Rect,
    tier_bands,
)
from .layout_blocks import TOP, FrameCache, Position, block_sizes, depths, frame_at, owners, place_block
from .model import ChainMap


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
    frames: dict[str, Rect] = {}
    for node in chain_map.nodes:
        if node.parent is None:
            rect = frame_at(chain_map, existing, node.id)
            if rect is not None:
                frames[node.id] = rect
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
        in_band = [r for r in frames.values() if band.left <= r.center[0] <= band.right]
        if near:
            want_x = sum(p[0] for p in near) / len(near)
            want_y = sum(p[1] for p in near) / len(near)
        else:
            want_x = (band.left + band.right) / 2
            pool = in_band or list(frames.values())
            want_y = sum(r.center[1] for r in pool) / len(pool) if pool else TOP + height / 2
        low = band.left + BAND_MARGIN + width / 2
        high = band.right - BAND_MARGIN - width / 2
        if low > high:
            low = high = (band.left + band.right) / 2
        # Line up with the band's columns where it has some, for a tidy map.
        columns = sorted({round(r.center[0], 1) for r in in_band if low <= r.center[0] <= high})
        candidates = columns or [min(max(want_x, low), high)]
        candidates.sort(key=lambda x: abs(x - want_x))
        centre_x, top = free_spot(frames.values(), width, height, want_x, want_y, candidates[:6])
        block: dict[str, Position] = {}
        place_block(chain_map, root, centre_x, top, sizes, block, stacks)
        new.update(block)
        positions.update(block)
        frames[root] = Rect(centre_x - width / 2, top, centre_x + width / 2, top + height)

    # Then the rest: first the new parents of placed sub-segments, deepest first, so each
    # goes on top of all it holds; then the others, parents before children. Placing a
    # segment changes only its ancestors' frames: each frame is measured once and kept
    # (``measure``), and each top-level frame grows as segments join it, so this stays
    # linear however deep sub-segments nest.
    crowded: list[str] = []
    measure = FrameCache(chain_map, positions)
    owner = owners(chain_map)
    tops = {n.id: measure.frame(n.id) for n in chain_map.nodes if n.parent is None}
    by_depth = sorted(chain_map.nodes, key=lambda n: depth[n.id])
    new_parents = [n for n in reversed(by_depth) if n.id not in positions and has_placed_descendant(n.id)]
    for node in [*new_parents, *by_depth]:
        if node.id in positions:
            continue
        top_id = owner[node.id]
        # Report only what this placement crowds, not an overlap the map already had.
        crowded_before = _overlaps(tops, top_id)
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
            bottoms = [
                rect.bottom
                for child in chain_map.children(parent)
                if (rect := measure.frame(child)) is not None
            ]
            if bottoms:
                top = max(bottoms) + PARENT_PADDING
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
            pad = depth[node.id] * PARENT_PADDING
            grown = grown.adjusted(-pad, -pad, pad, pad)
            old = tops.get(top_id)
            tops[top_id] = grown if old is None else old.united(grown)
        if not crowded_before and _overlaps(tops, top_id):
            crowded.append(node.id)
    return new, crowded


def free_spot(
    rects: Iterable[Rect], width: float, height: float, want_x: float, want_y: float, xs: list[float]
) -> tuple[float, float]:
    """The centre x (one of ``xs``) and top of the free spot for a ``width`` × ``height``
    block nearest to ``(want_x, want_y)``, clear of ``rects`` by the layout's gaps."""
    rects = list(rects)
    want_top = want_y - height / 2
    best: tuple[float, float, float] | None = None
    for x in xs:
        left, right = x - width / 2, x + width / 2
        blocked = sorted(
            (r.top - ROW_GAP - height, r.bottom + ROW_GAP)
            for r in rects
            if r.left < right + COLUMN_GAP and left - COLUMN_GAP < r.right
        )
        top = _nearest_free(blocked, want_top)
        score = (x - want_x) ** 2 + (top - want_top) ** 2
        if best is None or score < best[0]:
            best = (score, x, top)
    assert best is not None
    return round(best[1], 1), round(best[2], 1)


def _nearest_free(blocked: list[tuple[float, float]], want: float) -> float:
    """The value nearest ``want`` outside every open interval of ``blocked`` (sorted)."""
    merged: list[list[float]] = []
    for low, high in blocked:
        if merged and low < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    for low, high in merged:
        if low < want < high:
            return low if want - low <= high - want else high
    return want


def _overlaps(tops: Mapping[str, Rect | None], top_id: str) -> bool:
    """Whether the top-level frame ``top_id`` overlaps another top-level frame."""
    rect = tops.get(top_id)
    if rect is None:
        return False
    return any(
        other is not None and other_id != top_id and rect.intersects(other)
        for other_id, other in tops.items()
    )
