"""The layered part of the layout: columns inside a tier, the order in each column, heights.

Items are integers: the layout hands in blocks (a top-level segment with its sub-segments),
each in a column. :func:`tier_columns` gives a tier as many columns as its inner links need.
:func:`order_and_place` then orders every column and gives every item its height together:
sweeps down and up the columns sort each column by the barycentre of its items' linked
neighbours (their heights, wherever their columns are, so a link spanning several columns
needs no virtual points) and pack it, in that order and ROW_GAP apart, as close to those
barycentres as the order allows (a weighted least-squares fit, solved exactly by
pool-adjacent-violators); adjacent transpositions then swap neighbours in a column while that
removes crossings of their links, counted exactly. The order and heights with the fewest
crossings of straight links seen are kept. Sugiyama's framework as in Graphviz's dot
(Gansner et al., "A technique for drawing directed graphs", 1993), with the coordinates
taking part in the ordering because the links are drawn straight.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .crossings import CrossingCounter

# Rounds of a sweep down, a sweep up and a transposition: at most ROUNDS, stopping after
# PATIENCE without a new best.
ROUNDS = 4
PATIENCE = 2
# Maps of up to SMALL blocks, the ones people read closely, get more: they cost little.
SMALL = 500
SMALL_ROUNDS = 16
SMALL_PATIENCE = 4
TRANSPOSE_ROUNDS = 1
TRANSPOSE_PASSES = 3
# The pull on an item without links: keeps its height unless its column needs room.
IDLE_WEIGHT = 1e-3


# ------------------------------------------------------------------ columns inside a tier
def acyclic_rank(members: Sequence[int], links: Sequence[tuple[int, int]]) -> dict[int, int]:
    """A ranking of ``members`` with few links pointing backwards (Eades, Lin and Smyth's
    greedy heuristic for a small feedback arc set): sinks go last, sources first, and
    otherwise the member with most outgoing minus incoming links goes first."""
    succ: dict[int, list[int]] = {m: [] for m in members}
    pred: dict[int, list[int]] = {m: [] for m in members}
    for a, b in links:
        succ[a].append(b)
        pred[b].append(a)
    outdeg = {m: len(succ[m]) for m in members}
    indeg = {m: len(pred[m]) for m in members}
    alive = dict.fromkeys(members, True)
    first: list[int] = []
    last: list[int] = []
    sinks = [m for m in members if outdeg[m] == 0]
    sources = [m for m in members if indeg[m] == 0 and outdeg[m] > 0]
    remaining = len(members)

    def remove(v: int) -> None:
        nonlocal remaining
        alive[v] = False
        remaining -= 1
        for w in succ[v]:
            if alive[w]:
                indeg[w] -= 1
                if indeg[w] == 0:
                    sources.append(w)
        for u in pred[v]:
            if alive[u]:
                outdeg[u] -= 1
                if outdeg[u] == 0:
                    sinks.append(u)

    while remaining:
        while sinks or sources:
            while sinks:
                v = sinks.pop()
                if alive[v]:
                    last.append(v)
                    remove(v)
            while sources and not sinks:
                v = sources.pop()
                if alive[v]:
                    first.append(v)
                    remove(v)
        if remaining:
            v = max((m for m in members if alive[m]), key=lambda m: outdeg[m] - indeg[m])
            first.append(v)
            remove(v)
    return {m: i for i, m in enumerate(first + last[::-1])}


def tier_columns(
    members: Sequence[int],
    links: Sequence[tuple[int, int]],
    upstream: Mapping[int, int],
    downstream: Mapping[int, int],
) -> dict[int, int]:
    """The column of each member inside its tier (0 first) so that every link within the
    tier goes to a later column (a link closing a cycle is turned round).

    Longest-path layering, then each member slides within the columns its links allow
    towards its links: ``upstream``/``downstream`` count its links to earlier and later
    tiers, which pull it to the tier's first and last column.
    """
    rank = acyclic_rank(members, links)
    succ: dict[int, list[int]] = {m: [] for m in members}
    pred: dict[int, list[int]] = {m: [] for m in members}
    for a, b in links:
        if rank[a] > rank[b]:
            a, b = b, a
        succ[a].append(b)
        pred[b].append(a)
    topological = sorted(members, key=rank.__getitem__)
    column: dict[int, int] = {}
    for v in topological:
        column[v] = max((column[u] + 1 for u in pred[v]), default=0)
    count = max(column.values(), default=0) + 1
    for _ in range(8):
        moved = False
        for v in topological:
            pull = len(pred[v]) - len(succ[v]) + upstream.get(v, 0) - downstream.get(v, 0)
            if pull > 0:
                target = max((column[u] + 1 for u in pred[v]), default=0)
            elif pull < 0:
                target = min((column[w] - 1 for w in succ[v]), default=count - 1)
            else:
                continue
            if target != column[v]:
                column[v] = target
                moved = True
        if not moved:
            break
    used = sorted(set(column.values()))
    renumber = {c: i for i, c in enumerate(used)}
    return {v: renumber[c] for v, c in column.items()}


# ------------------------------------------------------------------ order and heights
@dataclass
class Columns:
    """Items in columns: ``column[i]`` of item ``i``, ``x[c]`` of column ``c``, ``height[i]``
    of each item's block, ``links`` between items of different columns, ``gap`` between
    blocks in a column."""

    column: list[int]
    x: list[float]
    height: list[float]
    links: list[tuple[int, int]]
    gap: float


def order_and_place(graph: Columns, columns: list[list[int]]) -> tuple[list[list[int]], list[float]]:
    """The order of every column and the centre height of every item, with few crossings of
    straight links. ``columns`` lists each column's items in file order."""
    count = len(graph.column)
    neighbours: list[list[int]] = [[] for _ in range(count)]
    for a, b in graph.links:
        neighbours[a].append(b)
        neighbours[b].append(a)
    order = _breadth_first(graph, columns, neighbours)
    y = [0.0] * count
    for items in order:
        _pack(items, [0.0] * len(items), [1.0] * len(items), graph.height, graph.gap, y)
    counter = CrossingCounter({i: graph.x[c] for i, c in enumerate(graph.column)}, graph.links)
    best_order = [list(items) for items in order]
    best_y = list(y)
    best = counter.count(y)
    small = count <= SMALL
    stale = 0
    for _ in range(SMALL_ROUNDS if small else ROUNDS):
        if best == 0:
            break
        for indices in (range(len(order)), range(len(order) - 1, -1, -1)):
            for c in indices:
                order[c] = _sort_and_pack(order[c], neighbours, graph.height, graph.gap, y)
        transpose(graph, order, y)
        crossings = counter.count(y)
        if crossings < best:
            best, best_order, best_y, stale = crossings, [list(items) for items in order], list(y), 0
        else:
            stale += 1
            if stale >= (SMALL_PATIENCE if small else PATIENCE):
                break
    return best_order, best_y


def _breadth_first(graph: Columns, columns: list[list[int]], neighbours: list[list[int]]) -> list[list[int]]:
    """A first order: a breadth-first walk from the first column, so that linked items start
    near each other (as dot's initial ranking does)."""
    order: list[list[int]] = [[] for _ in columns]
    seen = [False] * len(graph.column)
    for start in (item for items in columns for item in items):
        if seen[start]:
            continue
        seen[start] = True
        queue = [start]
        head = 0
        while head < len(queue):
            item = queue[head]
            head += 1
            order[graph.column[item]].append(item)
            for n in neighbours[item]:
                if not seen[n]:
                    seen[n] = True
                    queue.append(n)
    return order


def _sort_and_pack(
    items: list[int], neighbours: list[list[int]], height: Sequence[float], gap: float, y: list[float]
) -> list[int]:
    """Sort a column by its items' barycentres (an item without links keeps its height) and
    pack it as close to them as the order allows."""
    keyed: list[tuple[float, float, int]] = []
    for item in items:
        near = neighbours[item]
        if near:
            keyed.append((sum(y[n] for n in near) / len(near), float(len(near)), item))
        else:
            keyed.append((y[item], IDLE_WEIGHT, item))
    keyed.sort(key=lambda entry: entry[0])
    ordered = [item for _, _, item in keyed]
    _pack(ordered, [key for key, _, _ in keyed], [weight for _, weight, _ in keyed], height, gap, y)
    return ordered


def _pack(
    items: list[int],
    targets: list[float],
    weights: list[float],
    height: Sequence[float],
    gap: float,
    y: list[float],
) -> None:
    """Heights for a column's items in this order, ``gap`` apart, nearest to ``targets``."""
    offsets = [0.0]
    for a, b in zip(items, items[1:], strict=False):
        offsets.append(offsets[-1] + (height[a] + height[b]) / 2 + gap)
    fitted = _isotonic([t - o for t, o in zip(targets, offsets, strict=True)], weights)
    for item, value, offset in zip(items, fitted, offsets, strict=True):
        y[item] = value + offset


def transpose(graph: Columns, order: list[list[int]], y: list[float]) -> None:
    """Swap neighbours in a column while that removes crossings between their links.

    Two blocks next to each other in a column start their links at the same x, so their
    links cross exactly when the order of their heights at the nearer far end is the reverse
    of their order in the column; swapping the blocks (the upper one's top and the lower
    one's bottom stay) is kept when it lowers that count."""
    x, column, height = graph.x, graph.column, graph.height
    # Per item, its linked neighbours on the left and on the right, with their distance.
    sides: list[tuple[list[tuple[int, float]], list[tuple[int, float]]]] = [([], []) for _ in column]
    for a, b in graph.links:
        distance = x[column[b]] - x[column[a]]
        if distance > 0:
            sides[a][1].append((b, distance))
            sides[b][0].append((a, distance))
        else:
            sides[a][0].append((b, -distance))
            sides[b][1].append((a, -distance))
    dirty = [True] * len(order)
    for _ in range(TRANSPOSE_ROUNDS):
        if True not in dirty:
            break
        for c, items in enumerate(order):
            if not dirty[c]:
                continue
            dirty[c] = False
            moved: list[int] = []
            for _ in range(TRANSPOSE_PASSES):
                improved = False
                for k in range(len(items) - 1):
                    u, v = items[k], items[k + 1]
                    sides_u, sides_v = sides[u], sides[v]
                    yu, yv = y[u], y[v]
                    shift = (height[v] - height[u]) / 2
                    new_yv, new_yu = yu + shift, yv + shift
                    before = after = 0
                    for near_u, near_v in zip(sides_u, sides_v, strict=True):
                        if not near_u or not near_v:
                            continue
                        for a, da in near_u:
                            ya = y[a]
                            for b, db in near_v:
                                if a == b:
                                    continue
                                yb = y[b]
                                # Compare the two links at the x of the nearer far end.
                                if da <= db:
                                    t = da / db
                                    before += ya > yv + (yb - yv) * t
                                    after += ya < new_yv + (yb - new_yv) * t
                                else:
                                    t = db / da
                                    before += yu + (ya - yu) * t > yb
                                    after += new_yu + (ya - new_yu) * t < yb
                    if after < before:
                        items[k], items[k + 1] = v, u
                        y[u], y[v] = new_yu, new_yv
                        moved += (u, v)
                        improved = True
                if not improved:
                    break
            for item in moved:
                for linked in sides[item]:
                    for n, _ in linked:
                        dirty[column[n]] = True


def _isotonic(values: list[float], weights: list[float]) -> list[float]:
    """The non-decreasing sequence closest to ``values`` in weighted least squares."""
    means: list[float] = []
    masses: list[float] = []
    sizes: list[int] = []
    for value, weight in zip(values, weights, strict=True):
        means.append(value)
        masses.append(weight)
        sizes.append(1)
        while len(means) > 1 and means[-2] > means[-1]:
            mass = masses[-2] + masses[-1]
            mean = (means[-2] * masses[-2] + means[-1] * masses[-1]) / mass
            size = sizes[-2] + sizes[-1]
            del means[-1], masses[-1], sizes[-1]
            means[-1], masses[-1], sizes[-1] = mean, mass, size
    result: list[float] = []
    for mean, size in zip(means, sizes, strict=True):
        result.extend([mean] * size)
    return result
