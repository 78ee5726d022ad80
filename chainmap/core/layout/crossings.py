"""Counting the crossings of straight links drawn between segment centres.

The plane is cut into vertical slabs at every x where a link starts or ends. Inside a slab
every link that spans it is a straight piece from its height at the slab's left edge to its
height at the right edge, so two links cross inside the slab exactly when their order at the
left edge is strictly reversed at the right edge: an inversion count per slab, O(k log k)
for the k links spanning it. Layered drawings put most links in one slab, so counting stays
near-linear where testing every pair would be quadratic, and it needs nothing but the
standard library (the command line should not pay for importing numpy). A count of at least
:data:`ARRAY_PIECES` pieces (a large map whose tiers wrap into many columns) is done with numpy
instead (:mod:`.slab_arrays`, imported only then), with the same result.

:class:`CrossingCounter` prepares the slabs once for fixed x's, so that the layout can count
again and again while it moves segments up and down.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, Generic, Protocol, TypeVar

Point = tuple[float, float]
Key = TypeVar("Key", bound=Hashable)
KeyIn = TypeVar("KeyIn", contravariant=True)
# From this many slab pieces up, counts are done with numpy (:mod:`.slab_arrays`).
ARRAY_PIECES = 20_000


class Heights(Protocol[KeyIn]):
    """Anything that gives a height per key: a dict, or a list indexed by integers."""

    def __getitem__(self, key: KeyIn, /) -> float: ...


def count_crossings(positions: Mapping[Key, Point], edges: Iterable[tuple[Key, Key]]) -> int:
    """How many pairs of links cross, each link a straight segment between its ends' centres.

    Only proper crossings count: links that share an end, touch at an end or overlap along
    a line do not. Links with an end missing from ``positions`` are skipped.
    """
    xs = {key: point[0] for key, point in positions.items()}
    ys = {key: point[1] for key, point in positions.items()}
    return CrossingCounter(xs, edges).count(ys)


class CrossingCounter(Generic[Key]):
    """Crossings of straight links whose ends keep their x and change their heights."""

    def __init__(
        self, xs: Mapping[Key, float], edges: Iterable[tuple[Key, Key]], *, array_pieces: int = ARRAY_PIECES
    ) -> None:
        ends = [(a, b) for a, b in edges if a in xs and b in xs]
        columns = sorted({xs[key] for pair in ends for key in pair})
        self._xs = columns
        slab_of = {x: i for i, x in enumerate(columns)}
        # (left end, right end, first slab, last slab, slab-edge fractions, width)
        self._slanted: list[tuple[Key, Key, int, int, list[float], float]] = []
        self._vertical: list[tuple[Key, Key, int]] = []
        spans: list[tuple[Key, Key, int, int]] = []
        for a, b in ends:
            if xs[b] < xs[a]:
                a, b = b, a
            first, last = slab_of[xs[a]], slab_of[xs[b]]
            if first == last:
                self._vertical.append((a, b, first))
            else:
                spans.append((a, b, first, last))
        self._use_arrays = sum(last - first for _, _, first, last in spans) >= array_pieces
        self._arrays: Any = None
        for a, b, first, last in spans:
            x1, x2 = xs[a], xs[b]
            # The array count works the fractions out itself.
            fractions = [] if self._use_arrays else [(columns[k] - x1) / (x2 - x1) for k in range(first + 1, last)]
            self._slanted.append((a, b, first, last, fractions, x2 - x1))

    def count(self, ys: Heights[Key]) -> int:
        """The crossings with the ends at heights ``ys``."""
        if self._use_arrays:
            if self._arrays is None:
                from .slab_arrays import SlabArrays

                self._arrays = SlabArrays(self._xs, self._slanted, self._vertical)
            return int(self._arrays.count(ys))
        slabs: list[list[tuple[float, float]]] = [[] for _ in range(max(len(self._xs) - 1, 0))]
        # Per inner slab edge, the links passing it (not ending there) as (height, slope).
        through: dict[int, list[tuple[float, float]]] = {}
        for a, b, first, last, fractions, width in self._slanted:
            y1, y2 = ys[a], ys[b]
            if not fractions:
                slabs[first].append((y1, y2))
                continue
            rise = y2 - y1
            slope = rise / width
            previous = y1
            for k, fraction in enumerate(fractions, first + 1):
                height = y1 + rise * fraction
                slabs[k - 1].append((previous, height))
                through.setdefault(k, []).append((height, slope))
                previous = height
            slabs[last - 1].append((previous, y2))
        total = 0
        for pieces in slabs:
            if len(pieces) > 1:
                total += _inversions(pieces)
        # Two links crossing exactly on a slab edge are level there and counted in neither slab.
        for passing in through.values():
            heights = [height for height, _ in passing]
            if len(set(heights)) == len(heights):
                continue
            for height, count in Counter(heights).items():
                if count > 1:
                    slopes = Counter(slope for h, slope in passing if h == height)
                    total += (count * (count - 1) - sum(c * (c - 1) for c in slopes.values())) // 2
        # A vertical link is crossed by the links passing its x strictly between its ends.
        sorted_heights: dict[int, list[float]] = {}
        for a, b, k in self._vertical:
            low, high = sorted((ys[a], ys[b]))
            if low == high:
                continue
            heights_at = sorted_heights.get(k)
            if heights_at is None:
                heights_at = sorted_heights[k] = sorted(h for h, _ in through.get(k, ()))
            total += max(bisect_left(heights_at, high) - bisect_right(heights_at, low), 0)
        return total


def _inversions(pieces: list[tuple[float, float]]) -> int:
    """Pairs whose left heights are strictly ordered one way and right heights the other."""
    pieces.sort()
    seen: list[float] = []
    count = 0
    for _, right in pieces:
        # Earlier pieces are lower (or level, with a lower right end) on the left; those
        # strictly higher on the right cross this one.
        count += len(seen) - bisect_right(seen, right)
        insort(seen, right)
    return count
