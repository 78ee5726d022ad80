"""Automatic layout of a chain map: tiers as bands left to right, segments in columns.

Two modes. :func:`compute_layout` lays out everything: a top-level segment and its
sub-segments form one block (the parent's box on top, the children stacked below it inside
the frame, see :func:`chainmap.core.geometry.frame`); inside each tier, blocks take as many
columns as the links within the tier need; the order in every column keeps link crossings
few and the heights keep links short (:mod:`chainmap.core.layout.columns`). With
``only_new``, only segments without a position are placed, each near its linked neighbours
at the first free spot in its tier's band, and everything else stays exactly where it is
(:mod:`chainmap.core.layout.place_new`).

Positions come back as a dict so that the editor can apply them in one undo command;
:func:`layout_map` applies them straight away (the command line does that).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..bulk import gc_paused
from ..geometry import BAND_MARGIN, COLUMN_GAP, EMPTY_BAND_WIDTH, ROW_GAP
from ..model import ChainMap
from .blocks import TOP, Position, block_sizes, owners, place_block
from .columns import Columns, tier_columns
from .crossings import count_crossings
from .nesting import order_blocks
from .place_new import place_new
from .wrap import Page, shape_page, stretch

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


def compute_layout(
    chain_map: ChainMap, *, only_new: bool = False, aspect: float | None = None
) -> dict[str, Position]:
    """Positions (centres, rounded to 0.1) for the segments the layout places: all of them,
    or with ``only_new`` those without a position. A tier too tall for ``aspect`` (width over
    height of the whole map) wraps into several columns (:mod:`.wrap`); without ``aspect``, a
    map keeps one column per tier while that is between 1:3 and 3:1, and is shaped for 4:3
    otherwise. The map is not changed."""
    return _plan(chain_map, only_new, aspect)[0]


def layout_map(chain_map: ChainMap, *, only_new: bool = False, aspect: float | None = None) -> LayoutResult:
    """Lay out ``chain_map`` in place (see :func:`compute_layout`)."""
    positions, crowded = _plan(chain_map, only_new, aspect)
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


def _plan(chain_map: ChainMap, only_new: bool, aspect: float | None) -> tuple[dict[str, Position], list[str]]:
    if only_new:
        placed = [n for n in chain_map.nodes if n.x is not None and n.y is not None]
        if placed:
            if len(placed) == len(chain_map.nodes):
                return {}, []
            return place_new(chain_map)
    # Many small lists and tuples that live until the layout ends and form no cycles.
    with gc_paused():
        return _layout_all(chain_map, aspect), []


# ------------------------------------------------------------------ laying out everything
def _layout_all(chain_map: ChainMap, aspect: float | None) -> dict[str, Position]:
    sizes = block_sizes(chain_map)
    owner = owners(chain_map)
    blocks = [n.id for n in chain_map.nodes if n.parent is None]
    index = {node_id: i for i, node_id in enumerate(blocks)}
    tier_index = {tier.id: i for i, tier in enumerate(chain_map.tiers)}
    tier = [tier_index[chain_map.node(b).tier] for b in blocks]
    # Links between blocks, and the segments they join (a sub-segment's link starts at its box).
    links: list[tuple[int, int]] = []
    joined: list[tuple[str, str]] = []
    for edge in chain_map.edges:
        a, b = index[owner[edge.source]], index[owner[edge.target]]
        if a != b:
            links.append((a, b))
            joined.append((edge.source, edge.target))
    column, tier_spans, pull = _columns(tier, len(chain_map.tiers), links)
    width = [sizes[b][0] for b in blocks]
    height = [sizes[b][1] for b in blocks]
    page = shape_page(column, tier_spans, width, height, ROW_GAP, pull, aspect)
    column, tier_spans = page.column, page.spans
    column_x = _column_centres(column, width, tier_spans)

    # Order and heights together: the links are straight, so where they cross depends on both.
    graph = Columns(column, column_x, height, links, ROW_GAP, width=width)
    y, child_order = order_blocks(chain_map, blocks, sizes, graph, joined, tier_spans)
    column = graph.column
    column_x, y = _stretched(page, column, column_x, width, y, height)
    tops = [y[b] - height[b] / 2 for b in range(len(blocks))]
    shift = TOP - min(tops, default=TOP)
    tops = [round(top + shift, 1) for top in tops]
    positions: dict[str, Position] = {}
    for b, block in enumerate(blocks):
        place_block(chain_map, block, column_x[column[b]], tops[b], sizes, positions, child_order)
    return positions


def _stretched(
    page: Page, column: list[int], column_x: list[float], width: list[float], y: list[float], height: list[float]
) -> tuple[list[float], list[float]]:
    """The columns' x and the blocks' heights spaced out evenly along one axis, so that the
    map's shape comes to the page's (:func:`.wrap.stretch`). Links stay straight lines
    between the same blocks, scaled along one axis: no crossing appears or goes."""
    if not y:
        return column_x, y
    left = min(column_x[c] - width[b] / 2 for b, c in enumerate(column))
    right = max(column_x[c] + width[b] / 2 for b, c in enumerate(column))
    top = min(c - h / 2 for c, h in zip(y, height, strict=True))
    bottom = max(c + h / 2 for c, h in zip(y, height, strict=True))
    across, down = stretch(right - left, bottom - top, page)
    if across > 1:
        # The centres spread so that the outer edges move out by the width gained.
        used = sorted({column_x[c] for c in column})
        span = used[-1] - used[0]
        if span > 0:
            factor = 1 + (right - left) * (across - 1) / span
            column_x = [used[0] + (x - used[0]) * factor for x in column_x]
    if down > 1:
        low, high = min(y), max(y)
        if high > low:
            factor = 1 + (bottom - top) * (down - 1) / (high - low)
            y = [low + (c - low) * factor for c in y]
    return column_x, y


def _columns(
    tier: list[int], tier_count: int, links: list[tuple[int, int]]
) -> tuple[list[int], list[range], dict[int, int]]:
    """Each block's column, numbered across the map, each tier's range of columns, and each
    block's links to later tiers minus those to earlier ones."""
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
    pull = {b: downstream.get(b, 0) - upstream.get(b, 0) for b in set(upstream) | set(downstream)}
    return column, spans, pull


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
