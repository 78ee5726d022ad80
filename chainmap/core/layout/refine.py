"""Exact local search for the maps people read closely: a last polish of the layered order.

After the sweeps (:func:`chainmap.core.layout.columns.order_and_place`) have settled, small
maps try every move that is cheap to check and keep those that remove crossings of straight
links, counted exactly (:class:`~chainmap.core.layout.crossings.CrossingCounter`):

- two sub-segments next to each other in their parent's frame swap places (their links' ends
  move inside the block; the block stays);
- two blocks next to each other in a column swap places (the upper one's top and the lower
  one's bottom stay);
- a block moves up or down within the room its column leaves it, to where one of its linked
  members would be level with its neighbour;
- a block moves, at its height, to another column of its tier where that height is free.

Rounds repeat while they remove crossings. Each move costs one count, so this is for small
maps with sub-segments only (:data:`chainmap.core.layout.nesting.SEARCH_LINKS`).
"""

from __future__ import annotations

from collections.abc import Callable

from .columns import Columns
from .crossings import CrossingCounter

ROUNDS = 6


class Refiner:
    """The moves above on ``graph`` (with member ends), ``order`` and heights ``y``.

    ``offsets(item)`` gives the heights of an item's members below its centre from the
    current child orders, and ``swaps`` lists, per item, the (parent, index) of each pair of
    adjacent sub-segments inside it that may swap: ``swap(parent, index)`` swaps them in the
    child orders (calling it again swaps them back).
    """

    def __init__(
        self,
        graph: Columns,
        order: list[list[int]],
        y: list[float],
        offsets: Callable[[int], dict[int, float]],
        swaps: dict[int, list[tuple[str, int]]],
        swap: Callable[[str, int], None],
        tier_spans: list[range] | None = None,
    ) -> None:
        self.graph = graph
        self.order = order
        self.y = y
        ends, self.member_item, offset = graph.members()
        self.offset = list(offset)
        self._offsets = offsets
        self._swaps = swaps
        self._swap = swap
        self._spans = tier_spans or []
        x, column = graph.x, graph.column
        self._xs = {m: x[column[i]] for m, i in enumerate(self.member_item)}
        self._ends = ends
        self.counter = CrossingCounter(self._xs, ends)
        self.linked: list[list[tuple[int, int]]] = [[] for _ in column]  # (own member, far member)
        for ma, mb in ends:
            self.linked[self.member_item[ma]].append((ma, mb))
            self.linked[self.member_item[mb]].append((mb, ma))

    def crossings(self) -> int:
        """The crossings now."""
        y, offset = self.y, self.offset
        return self.counter.count([y[i] + offset[m] for m, i in enumerate(self.member_item)])

    def run(self) -> int:
        """Apply moves while they help; returns the crossings at the end."""
        best = self.crossings()
        for _ in range(ROUNDS):
            if best == 0:
                break
            before = best
            best = self._children(best)
            best = self._transpose(best)
            best = self._shift(best)
            best = self._move(best)
            if best >= before:
                break
        return best

    def _set_offsets(self, item: int) -> None:
        for m, value in self._offsets(item).items():
            self.offset[m] = value

    def _children(self, best: int) -> int:
        for item, pairs in self._swaps.items():
            for parent, k in pairs:
                self._swap(parent, k)
                self._set_offsets(item)
                now = self.crossings()
                if now < best:
                    best = now
                else:
                    self._swap(parent, k)
                    self._set_offsets(item)
        return best

    def _transpose(self, best: int) -> int:
        y, height = self.y, self.graph.height
        for items in self.order:
            for k in range(len(items) - 1):
                u, v = items[k], items[k + 1]
                old_u, old_v = y[u], y[v]
                shift = (height[v] - height[u]) / 2
                y[v], y[u] = old_u + shift, old_v + shift
                now = self.crossings()
                if now < best:
                    best = now
                    items[k], items[k + 1] = v, u
                else:
                    y[u], y[v] = old_u, old_v
        return best

    def _shift(self, best: int) -> int:
        y, height, gap = self.y, self.graph.height, self.graph.gap
        for items in self.order:
            for k, item in enumerate(items):
                low = y[items[k - 1]] + (height[items[k - 1]] + height[item]) / 2 + gap if k else None
                high = (
                    y[items[k + 1]] - (height[items[k + 1]] + height[item]) / 2 - gap if k + 1 < len(items) else None
                )
                old = y[item]
                for own, far in self.linked[item]:
                    target = y[self.member_item[far]] + self.offset[far] - self.offset[own]
                    if low is not None:
                        target = max(target, low)
                    if high is not None:
                        target = min(target, high)
                    if target == old:
                        continue
                    y[item] = target
                    now = self.crossings()
                    if now < best:
                        best, old = now, target
                    else:
                        y[item] = old
        return best

    def _move(self, best: int) -> int:
        y, height, gap, column = self.y, self.graph.height, self.graph.gap, self.graph.column
        for span in self._spans:
            if len(span) < 2:
                continue
            for c in span:
                for item in list(self.order[c]):
                    home = column[item]
                    for other in span:
                        if other == home:
                            continue
                        items = self.order[other]
                        widths = self.graph.width
                        if widths is not None and widths[item] > max((widths[i] for i in items), default=0.0):
                            continue
                        top, bottom = y[item] - height[item] / 2 - gap, y[item] + height[item] / 2 + gap
                        if any(y[i] - height[i] / 2 < bottom and y[i] + height[i] / 2 > top for i in items):
                            continue
                        self._recolumn(item, home, other)
                        now = self.crossings()
                        if now < best:
                            best, home = now, other
                        else:
                            self._recolumn(item, other, home)
        return best

    def _recolumn(self, item: int, old: int, new: int) -> None:
        self.order[old].remove(item)
        items = self.order[new]
        items.append(item)
        items.sort(key=self.y.__getitem__)
        self.graph.column[item] = new
        x = self.graph.x[new]
        for m, i in enumerate(self.member_item):
            if i == item:
                self._xs[m] = x
        self.counter = CrossingCounter(self._xs, self._ends)
