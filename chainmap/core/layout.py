"""Automatic layout of a chain map: tiers as bands left to right, segments in columns.

Two modes. :func:`compute_layout` lays out everything: a top-level segment and its
sub-segments form one block (the parent's box on top, the children stacked below it inside
the frame, see :func:`chainmap.core.geometry.frame`); inside each tier, blocks take as many
columns as the links within the tier need; the order in every column keeps link crossings
few and the heights keep links short (:mod:`chainmap.core.layout_columns`). With
``only_new``, only segments without a position are placed, each near its linked neighbours
at the first free spot in its tier's band, and everything else stays exactly where it is
(:mod:`chainmap.core.layout_new`).

Positions come back as a dict so that the editor can apply them in one undo command;
:func:`layout_map` applies them straight away (the command line does that).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .crossings import count_crossings
from .geometry import BAND_MARGIN, COLUMN_GAP, EMPTY_BAND_WIDTH, ROW_GAP
from .layout_blocks import TOP, Position, block_sizes, owners, place_block, top_down
from .layout_columns import Columns, order_and_place, tier_columns
from .layout_new import place_new
from .model import ChainMap

__all__ = [
    "LayoutResult",
    "apply_positions",
    "compute_layout",
    "count_crossings",
    "layout_map",
    "map_crossings",
]


@dataclass
class LayoutResult:
    """What :func:`layout_map` did: the positions it set, the crossings of straight links
    afterwards, and new sub-segments whose parent's frame grew over a neighbour's."""

    positions: dict[str, Position]
    crossings: int
    crowded: list[str] = field(default_factory=list)

    @property
    def placed(self) -> int:
        """How many segments were given a position."""
        return len(self.positions)


def compute_layout(chain_map: ChainMap, *, only_new: bool = False) -> dict[str, Position]:
    """Positions (centres, rounded to 0.1) for the segments the layout places: all of them,
    or with ``only_new`` those without a position. The map is not changed."""
    return _plan(chain_map, only_new)[0]


def layout_map(chain_map: ChainMap, *, only_new: bool = False) -> LayoutResult:
    """Lay out ``chain_map`` in place (see :func:`compute_layout`)."""
    positions, crowded = _plan(chain_map, only_new)
    apply_positions(chain_map, positions)
    return LayoutResult(positions, map_crossings(chain_map), crowded)


def apply_positions(
    chain_map: ChainMap, positions: Mapping[str, Position]
) -> dict[str, tuple[float | None, float | None]]:
    """Move segments to ``positions``; returns their old positions, for undo."""
    old: dict[str, tuple[float | None, float | None]] = {}
    for node_id, (x, y) in positions.items():
        node = chain_map.node(node_id)
        old[node_id] = (node.x, node.y)
        chain_map.update_node(node_id, x=x, y=y)
    return old


def map_crossings(chain_map: ChainMap) -> int:
    """Crossings of the map's links drawn straight between segment centres."""
    positions = {n.id: (n.x, n.y) for n in chain_map.nodes if n.x is not None and n.y is not None}
    return count_crossings(positions, ((e.source, e.target) for e in chain_map.edges))


def _plan(chain_map: ChainMap, only_new: bool) -> tuple[dict[str, Position], list[str]]:
    if only_new:
        placed = [n for n in chain_map.nodes if n.x is not None and n.y is not None]
        if placed:
            if len(placed) == len(chain_map.nodes):
                return {}, []
            return place_new(chain_map)
    return _layout_all(chain_map), []


# ------------------------------------------------------------------ laying out everything
def _layout_all(chain_map: ChainMap) -> dict[str, Position]:
    sizes = block_sizes(chain_map)
    owner = owners(chain_map)
    blocks = [n.id for n in chain_map.nodes if n.parent is None]
    index = {node_id: i for i, node_id in enumerate(blocks)}
    tier_index = {tier.id: i for i, tier in enumerate(chain_map.tiers)}
    tier = [tier_index[chain_map.node(b).tier] for b in blocks]
    links: list[tuple[int, int]] = []
    for edge in chain_map.edges:
        a, b = index[owner[edge.source]], index[owner[edge.target]]
        if a != b:
            links.append((a, b))
    column, tier_spans = _columns(tier, len(chain_map.tiers), links)
    width = [sizes[b][0] for b in blocks]
    height = [sizes[b][1] for b in blocks]
    column_x = _column_centres(column, width, tier_spans)

    # Order and heights together: the links are straight, so where they cross depends on both.
    in_file_order: list[list[int]] = [[] for _ in column_x]
    for b, c in enumerate(column):
        in_file_order[c].append(b)
    _, y = order_and_place(Columns(column, column_x, height, links, ROW_GAP), in_file_order)
    tops = [y[b] - height[b] / 2 for b in range(len(blocks))]
    shift = TOP - min(tops, default=TOP)
    tops = [round(top + shift, 1) for top in tops]

    centre_y = {block: tops[b] + height[b] / 2 for b, block in enumerate(blocks)}
    child_order = _children_by_neighbours(chain_map, owner, centre_y)
    positions: dict[str, Position] = {}
    for b, block in enumerate(blocks):
        place_block(chain_map, block, column_x[column[b]], tops[b], sizes, positions, child_order)
    return positions


def _columns(tier: list[int], tier_count: int, links: list[tuple[int, int]]) -> tuple[list[int], list[range]]:
    """Each block's column, numbered across the map, and each tier's range of columns."""
    members: list[list[int]] = [[] for _ in range(tier_count)]
    for b, t in enumerate(tier):
        members[t].append(b)
    inner: list[list[tuple[int, int]]] = [[] for _ in range(tier_count)]
    upstream: dict[int, int] = {}
    downstream: dict[int, int] = {}
    for a, b in links:
        if tier[a] == tier[b]:
            inner[tier[a]].append((a, b))
        else:
            for this, other in ((a, b), (b, a)):
                counts = upstream if tier[other] < tier[this] else downstream
                counts[this] = counts.get(this, 0) + 1
    column = [0] * len(tier)
    spans: list[range] = []
    first = 0
    for t, group in enumerate(members):
        local = tier_columns(group, inner[t], upstream, downstream)
        for b, c in local.items():
            column[b] = first + c
        count = max(local.values(), default=-1) + 1
        spans.append(range(first, first + count))
        first += count
    return column, spans


def _column_centres(column: list[int], width: list[float], tier_spans: list[range]) -> list[float]:
    """The x of each column: columns COLUMN_GAP apart, as wide as their widest block, each
    tier's band BAND_MARGIN around its columns (an empty tier's band is EMPTY_BAND_WIDTH)."""
    count = sum(len(span) for span in tier_spans)
    column_width = [0.0] * count
    for b, c in enumerate(column):
        column_width[c] = max(column_width[c], width[b])
    centres = [0.0] * count
    cursor = 0.0
    for span in tier_spans:
        if not span:
            cursor += EMPTY_BAND_WIDTH
            continue
        x = cursor + BAND_MARGIN
        for c in span:
            centres[c] = x + column_width[c] / 2
            x += column_width[c] + COLUMN_GAP
        cursor = x - COLUMN_GAP + BAND_MARGIN
    return centres


def _children_by_neighbours(
    chain_map: ChainMap, owner: Mapping[str, str], centre_y: Mapping[str, float]
) -> dict[str, list[str]]:
    """Each parent's children in the order of their linked neighbours' heights; children
    without links to other blocks keep their places."""
    pulls: dict[str, list[float]] = {}
    for edge in chain_map.edges:
        a, b = owner[edge.source], owner[edge.target]
        if a != b:
            pulls.setdefault(edge.source, []).append(centre_y[b])
            pulls.setdefault(edge.target, []).append(centre_y[a])
    # Each segment's pulls with those of its sub-segments, summed children before parents
    # in one pass (no walk of every subtree, however deep they nest).
    totals: dict[str, tuple[float, int]] = {}
    for node_id in reversed(top_down(chain_map)):
        own = pulls.get(node_id, ())
        total, count = sum(own), len(own)
        for child in chain_map.children(node_id):
            child_total, child_count = totals[child]
            total += child_total
            count += child_count
        totals[node_id] = (total, count)
    orders: dict[str, list[str]] = {}
    for node in chain_map.nodes:
        children = chain_map.children(node.id)
        if len(children) < 2:
            continue
        keys: dict[str, float] = {}
        for child in children:
            total, count = totals[child]
            if count:
                keys[child] = total / count
        linked = [c for c in children if c in keys]
        linked.sort(key=keys.__getitem__)
        queue = iter(linked)
        orders[node.id] = [next(queue) if c in keys else c for c in children]
    return orders
