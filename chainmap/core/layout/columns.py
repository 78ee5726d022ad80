"""The layered part of the layout: columns inside a tier, the order in each column, heights.

Items are integers: the layout hands in blocks (a top-level segment with its sub-segments),
each in a column. :func:`tier_columns` gives a tier as many columns as its inner links need.
:func:`order_and_place` then orders every column and gives every item its height together:
sweeps down and up the columns sort each column by the barycentre of its items' linked
neighbours (their heights, wherever their columns are, so a link spanning several columns
needs no virtual points) and pack it, in that order and ROW_GAP apart, as close to those
barycentres as the order allows (a weighted least-squares fit, solved exactly by
pool-adjacent-violators); adjacent transpositions then swap neighbours in a column while that
removes crossings of their links, counted exactly (maps of over MEDIUM blocks skip this:
more rounds of sweeps pay better there). The order and heights with the fewest crossings of
straight links seen are kept. Sugiyama's framework as in Graphviz's dot
(Gansner et al., "A technique for drawing directed graphs", 1993), with the coordinates
taking part in the ordering because the links are drawn straight.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .crossings import CrossingCounter
from .transpose import link_sides, transpose

# Rounds of a sweep down, a sweep up and a transposition: at most ROUNDS, stopping after
# PATIENCE without a new best. Maps of over MEDIUM blocks skip the transposition: there a
# round of sweeps removes more crossings than a transposition for the same time (at 10,000
# segments, five rounds without it leave fewer crossings than four with it, in less time).
# Seven: at 10,000 segments the two rounds after the fifth remove 2.6 % of the crossings for
# a sixth more time, still within 1.3 times igraph's layout_sugiyama.
ROUNDS = 7
PATIENCE = 2
# On those maps the crossings fall round after round (at 10,000 segments by a fifth, then a
# tenth...), so only the last LARGE_COUNTED rounds are counted, the best of them kept. One:
# on every benchmark map (3,000 to 20,000 segments) the last round was the best of the last
# two, and a count at 10,000 segments costs a sixth of the layout.
LARGE_COUNTED = 1
# Maps of up to MEDIUM blocks (a tier wraps into several columns there) get a few more.
MEDIUM = 2000
MEDIUM_ROUNDS = 6
# Maps of up to SMALL blocks, the ones people read closely, get more: they cost little.
SMALL = 500
SMALL_ROUNDS = 16
SMALL_PATIENCE = 4
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
    blocks in a column.

    A link may end on a member of a block rather than at its centre: ``ends[k]`` names the
    two members link ``k`` joins (default: the items themselves), ``member_item[m]`` the
    item member ``m`` belongs to and ``member_offset[m]`` its height below the item's centre.
    ``width`` (each item's) lets an item move only to a column at least as wide.
    """

    column: list[int]
    x: list[float]
    height: list[float]
    links: list[tuple[int, int]]
    gap: float
    ends: list[tuple[int, int]] | None = None
    member_item: list[int] | None = None
    member_offset: list[float] | None = None
    width: list[float] | None = None

    def members(self) -> tuple[list[tuple[int, int]], list[int], list[float]]:
        """``ends``, ``member_item`` and ``member_offset``, the items themselves by default."""
        if self.ends is None or self.member_item is None or self.member_offset is None:
            return list(self.links), list(range(len(self.column))), [0.0] * len(self.column)
        return self.ends, self.member_item, self.member_offset


# Per item, its links as (other item, other end's height minus this end's, other member, this member).
Near = list[tuple[int, float, int, int]]


def order_and_place(
    graph: Columns, columns: list[list[int]], start: list[float] | None = None, *, counted: bool = True
) -> tuple[list[list[int]], list[float], int]:
    """The order of every column, the centre height of every item, and the crossings of
    straight links between the members they join. ``columns`` lists each column's items in
    a first order (file order, or a previous result with its heights ``start``). Without
    ``counted`` (the caller does not need the crossings) a large map's one counted round, the
    last, is taken without its count (a sixth of the layout at 10,000 segments), and -1 given."""
    count = len(graph.column)
    ends, member_item, member_offset = graph.members()
    neighbours: list[Near] = [[] for _ in range(count)]
    for (a, b), (ma, mb) in zip(graph.links, ends, strict=True):
        delta = member_offset[mb] - member_offset[ma]
        neighbours[a].append((b, delta, mb, ma))
        neighbours[b].append((a, -delta, ma, mb))
    # Per item, its linked items and the sum of the offsets between the linked members.
    pulls = [([n for n, _, _, _ in near], sum(delta for _, delta, _, _ in near)) for near in neighbours]
    if start is None:
        order = _breadth_first(graph, columns, neighbours)
        y = [0.0] * count
        for items in order:
            _pack(items, [0.0] * len(items), [1.0] * len(items), graph.height, graph.gap, y)
    else:
        order, y = [list(items) for items in columns], list(start)
    x = graph.x
    counter = CrossingCounter({m: x[graph.column[item]] for m, item in enumerate(member_item)}, ends)

    def crossings() -> int:
        return counter.count([y[item] + offset for item, offset in zip(member_item, member_offset, strict=True)])

    sides = link_sides(graph, neighbours, member_offset) if count <= MEDIUM else None
    best_order = [list(items) for items in order]
    best_y = list(y)
    # A large map's first order (breadth first, packed) is never the best: it is not counted
    # (a count at 10,000 segments takes a tenth of a second), nor its first rounds (above).
    best = crossings() if start is not None or count <= MEDIUM else len(ends) ** 2 + 1
    small = count <= SMALL
    stale = 0
    rounds = SMALL_ROUNDS if small else MEDIUM_ROUNDS if count <= MEDIUM else ROUNDS
    for done in range(1, rounds + 1):
        if best == 0:
            break
        for indices in (range(len(order)), range(len(order) - 1, -1, -1)):
            for c in indices:
                order[c] = _sort_and_pack(order[c], pulls, graph.height, graph.gap, y)
        if count <= MEDIUM:
            transpose(graph, order, y, neighbours, member_offset, sides)
        elif start is None and done <= rounds - LARGE_COUNTED:
            continue
        if not counted and start is None and count > MEDIUM and LARGE_COUNTED == 1:
            # The first count, and the last round: it would be the best whatever it is.
            return [list(items) for items in order], list(y), -1
        now = crossings()
        if now < best:
            best, best_order, best_y, stale = now, [list(items) for items in order], list(y), 0
        else:
            stale += 1
            if stale >= (SMALL_PATIENCE if small else PATIENCE):
                break
    return best_order, best_y, best


def _breadth_first(graph: Columns, columns: list[list[int]], neighbours: list[Near]) -> list[list[int]]:
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
            for n, _, _, _ in neighbours[item]:
                if not seen[n]:
                    seen[n] = True
                    queue.append(n)
    return order


def _sort_and_pack(
    items: list[int], pulls: list[tuple[list[int], float]], height: Sequence[float], gap: float, y: list[float]
) -> list[int]:
    """Sort a column by its items' barycentres (the heights that would put each linked
    member level with its neighbour, averaged; an item without links keeps its height) and
    pack it as close to them as the order allows."""
    targets: list[float] = []
    weights: list[float] = []
    at = y.__getitem__
    for item in items:
        far, shift = pulls[item]
        if far:
            targets.append((sum(map(at, far)) + shift) / len(far))
            weights.append(float(len(far)))
        else:
            targets.append(y[item])
            weights.append(IDLE_WEIGHT)
    # Stable, by target alone: as sorting (target, weight, item) triples by their first.
    by_target = sorted(range(len(items)), key=targets.__getitem__)
    ordered = [items[i] for i in by_target]
    _pack(ordered, [targets[i] for i in by_target], [weights[i] for i in by_target], height, gap, y)
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
    offset = 0.0
    for a, b in zip(items, items[1:], strict=False):
        offset = offset + (height[a] + height[b]) / 2 + gap
        offsets.append(offset)
    fitted = _isotonic([t - o for t, o in zip(targets, offsets, strict=True)], weights)
    for item, value, offset in zip(items, fitted, offsets, strict=True):
        y[item] = value + offset


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
