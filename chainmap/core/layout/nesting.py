"""Nesting-aware ordering: blocks (a segment with its sub-segments) ordered by where their
links really end.

A block moves as one unit, but its links start at its members' boxes, stacked at different
heights inside it. The sweeps of :func:`chainmap.core.layout.columns.order_and_place`
therefore see each link between the members it joins (a block's barycentre is the height
that would put its linked members level with their neighbours), and count crossings between
members. The order of the sub-segments inside each frame moves those ends, so it is chosen
from the heights found (each child by its subtree's neighbours' heights) and the columns
ordered again while that helps. Small maps with sub-segments (up to :data:`SEARCH_LINKS`
links between blocks) then get an exact local search (:mod:`.refine`) from a few first
orders, keeping the one with the fewest crossings.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from ..model import ChainMap
from .blocks import Position, place_block, top_down
from .columns import SMALL, Columns, order_and_place
from .refine import Refiner

# Maps with sub-segments: rounds of ordering the columns, then the sub-segments.
NESTED_ROUNDS = 4
# Maps with sub-segments and up to SEARCH_LINKS links between blocks (the size people read
# closely, and where sub-segment blocks cost crossings the sweeps alone leave): first orders
# tried (the file's, then shuffles with fixed seeds), each polished by :mod:`.refine`. Every
# move of the polish costs a count, so larger maps and maps without sub-segments get the
# sweeps alone.
STARTS = 4
SEARCH_LINKS = 120

Sizes = Mapping[str, tuple[float, float]]


def order_blocks(
    chain_map: ChainMap,
    blocks: list[str],
    sizes: Sizes,
    graph: Columns,
    joined: list[tuple[str, str]],
    tier_spans: list[range],
) -> tuple[list[float], dict[str, list[str]]]:
    """The centre height of every block of ``graph`` (whose links join the segments in
    ``joined``) and the order of each parent's children. On a small map a block may move to
    another column of its tier (``tier_spans``): ``graph.column`` then says where."""
    owner = {block: b for b, block in enumerate(blocks)}
    for node_id in top_down(chain_map, blocks):  # parents before their children
        if node_id not in owner:
            parent = chain_map.node(node_id).parent
            assert parent is not None
            owner[node_id] = owner[parent]
    members: dict[str, int] = {}
    graph.ends = [(members.setdefault(s, len(members)), members.setdefault(t, len(members))) for s, t in joined]
    graph.member_item = [owner[m] for m in members]
    nested = [b for b in blocks if chain_map.children(b)]
    small = len(blocks) <= SMALL
    search = bool(nested) and 0 < len(graph.links) <= SEARCH_LINKS
    first: list[list[int]] = [[] for _ in graph.x]
    for b, c in enumerate(graph.column):
        first[c].append(b)
    best: tuple[int, list[float], dict[str, list[str]], list[int]] | None = None
    columns = list(graph.column)
    for start in range(STARTS if search else 1):
        graph.column = list(columns)
        order = [list(items) for items in first]
        if start:
            shuffle = random.Random(start)
            for items in order:
                shuffle.shuffle(items)
        found = _sweeps(chain_map, nested, sizes, graph, members, owner, joined, order, small, search, tier_spans)
        if best is None or found[0] < best[0]:
            best = (*found, graph.column)
        if best[0] == 0:
            break
    assert best is not None
    graph.column = best[3]
    return best[1], best[2]


def _sweeps(
    chain_map: ChainMap,
    nested: list[str],
    sizes: Sizes,
    graph: Columns,
    members: Mapping[str, int],
    owner: Mapping[str, int],
    joined: list[tuple[str, str]],
    order: list[list[int]],
    small: bool,
    search: bool,
    tier_spans: list[range],
) -> tuple[int, list[float], dict[str, list[str]]]:
    y: list[float] | None = None
    child_order: dict[str, list[str]] = {}
    best: tuple[int, list[list[int]], list[float], dict[str, list[str]]] | None = None
    rounds = NESTED_ROUNDS if nested and small else 1
    for done in range(1, rounds + 1):
        offsets = _offsets(chain_map, nested, sizes, child_order)
        graph.member_offset = [offsets.get(m, 0.0) for m in members]
        # The crossings decide between rounds and starts here; one round of one start needs none.
        order, y, crossings = order_and_place(graph, order, y, counted=rounds > 1 or search)
        if best is not None and crossings >= best[0]:
            break
        best = (crossings, [list(items) for items in order], list(y), child_order)
        if nested and done < rounds:
            heights = {m: y[owner[m]] + offsets.get(m, 0.0) for m in members}
            child_order = _children_by_neighbours(chain_map, joined, heights)
    assert best is not None
    crossings, order, y, child_order = best
    if search:
        child_order, crossings = _polish(chain_map, sizes, graph, order, y, child_order, members, owner, tier_spans)
    elif nested:
        # One round on a large map: the children follow the heights found.
        offsets = _offsets(chain_map, nested, sizes, child_order)
        heights = {m: y[owner[m]] + offsets.get(m, 0.0) for m in members}
        child_order = _children_by_neighbours(chain_map, joined, heights)
    return crossings, y, child_order


def _offsets(chain_map: ChainMap, nested: list[str], sizes: Sizes, child_order: Mapping[str, list[str]]) -> dict[str, float]:
    """Each segment's height below the centre of its block (blocks with sub-segments only)."""
    offsets: dict[str, float] = {}
    for block in nested:
        placed: dict[str, Position] = {}
        place_block(chain_map, block, 0.0, -sizes[block][1] / 2, sizes, placed, child_order)
        for node_id, (_, centre) in placed.items():
            offsets[node_id] = centre
    return offsets


def _polish(
    chain_map: ChainMap,
    sizes: Sizes,
    graph: Columns,
    order: list[list[int]],
    y: list[float],
    child_order: Mapping[str, list[str]],
    members: Mapping[str, int],
    owner: Mapping[str, int],
    tier_spans: list[range],
) -> tuple[dict[str, list[str]], int]:
    """The exact local search of :mod:`.refine`; changes ``order`` and ``y`` and returns the
    child orders it settled on and the crossings left."""
    orders = {p: list(c) for p, c in child_order.items()}
    blocks = {b: node_id for node_id, b in owner.items() if chain_map.node(node_id).parent is None}
    block_members: dict[int, list[tuple[str, int]]] = {b: [] for b in blocks}
    for node_id, m in members.items():
        block_members[owner[node_id]].append((node_id, m))
    swaps: dict[int, list[tuple[str, int]]] = {}
    for b, block in blocks.items():
        if not block_members[b]:
            continue
        for node_id in top_down(chain_map, [block]):
            children = orders.setdefault(node_id, list(chain_map.children(node_id)))
            if len(children) > 1:
                swaps.setdefault(b, []).extend((node_id, k) for k in range(len(children) - 1))

    def offsets(item: int) -> dict[int, float]:
        placed: dict[str, Position] = {}
        block = blocks[item]
        place_block(chain_map, block, 0.0, -sizes[block][1] / 2, sizes, placed, orders)
        return {m: placed[node_id][1] for node_id, m in block_members[item]}

    def swap(parent: str, k: int) -> None:
        children = orders[parent]
        children[k], children[k + 1] = children[k + 1], children[k]

    member_offset = [0.0] * len(members)
    for b in swaps:
        for m, value in offsets(b).items():
            member_offset[m] = value
    graph.member_offset = member_offset
    crossings = Refiner(graph, order, y, offsets, swaps, swap, tier_spans).run()
    return orders, crossings


def _children_by_neighbours(
    chain_map: ChainMap, joined: list[tuple[str, str]], heights: Mapping[str, float]
) -> dict[str, list[str]]:
    """Each parent's children in the order of their linked neighbours' heights (the members
    at the other ends of the links between blocks); children without such links keep their
    places."""
    pulls: dict[str, list[float]] = {}
    for a, b in joined:
        pulls.setdefault(a, []).append(heights[b])
        pulls.setdefault(b, []).append(heights[a])
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
