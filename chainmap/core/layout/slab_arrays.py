"""The crossing count of :mod:`.crossings` with numpy, for counts with many slab pieces.

The same slabs, pieces and rules as :meth:`.crossings.CrossingCounter.count`, computed the
same way (the same floating-point operations in the same order, so the two agree exactly),
but on arrays: every piece of every link at once, one sort of all pieces by (slab, left
height, right height), and one count of inversions over the whole sequence (a piece's key is
its slab, then the rank of its right height, so pieces of different slabs never invert). The
inversions are counted bottom-up like a merge sort: blocks of :data:`BASE` compared pairwise,
then sorted halves merged with binary searches, O(n log n) in numpy's C loops.

At 10,000 segments a layout with wrapped tiers has about 125,000 pieces per count; the pure
Python count takes about 0.3 s there, this one a few hundredths. numpy is imported only when
a count is that large, so small maps and the command line's start do not pay for it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np

# Pieces compared pairwise in the first level of the inversion count.
BASE = 16
# Beyond this many pieces a count goes through the slabs in runs of about this many pieces,
# making each run's pieces as it comes to it: a 100,000-segment map laid out for a page has
# tens of millions of pieces, and all of them at once took 1.4 GB.
RUN_PIECES = 500_000
_UPPER_I, _UPPER_J = np.triu_indices(BASE, 1)

Slanted = tuple[Hashable, Hashable, int, int, list[float], float]


class SlabArrays:
    """The slanted and vertical links of a :class:`.crossings.CrossingCounter` as arrays,
    ready to count crossings for any heights of their ends."""

    def __init__(self, columns: Sequence[float], slanted: Sequence[Slanted], vertical: Sequence[Any],
                 run_pieces: int = RUN_PIECES) -> None:
        count = len(slanted)
        self._left_keys = [s[0] for s in slanted]
        self._right_keys = [s[1] for s in slanted]
        self._vertical = list(vertical)
        self._first = first = np.fromiter((s[2] for s in slanted), np.int64, count)
        self._last = last = np.fromiter((s[3] for s in slanted), np.int64, count)
        self._cols = cols = np.asarray(columns, dtype=np.float64)
        self._x1 = cols[first]
        self._width = cols[last] - self._x1
        # Pieces per slab; the runs of slabs a count goes through, each about run_pieces.
        cover = np.zeros(max(len(cols), 1), dtype=np.int64)
        np.add.at(cover, first, 1)
        np.add.at(cover, last, -1)
        per_slab = np.cumsum(cover)[: max(len(cols) - 1, 0)]
        self._runs = _runs_of_slabs(per_slab, run_pieces)
        # One run (the usual case): its pieces are made once, for every count.
        self._pieces = self._make_pieces(*self._runs[0]) if len(self._runs) == 1 else None
        keys = self._left_keys + self._right_keys
        self._int_keys = all(type(k) is int for k in keys)
        if self._int_keys:
            self._left_index = np.asarray(self._left_keys, dtype=np.int64)
            self._right_index = np.asarray(self._right_keys, dtype=np.int64)

    def count(self, ys: Any) -> int:
        """The crossings with the ends at heights ``ys`` (as :meth:`.crossings.CrossingCounter.count`)."""
        if self._int_keys and isinstance(ys, list):
            heights = np.asarray(ys, dtype=np.float64)
            y1, y2 = heights[self._left_index], heights[self._right_index]
        else:
            y1 = np.fromiter((ys[k] for k in self._left_keys), np.float64, len(self._left_keys))
            y2 = np.fromiter((ys[k] for k in self._right_keys), np.float64, len(self._right_keys))
        rise = y2 - y1
        slopes = rise / self._width
        total = 0
        for low, high in self._runs:
            pieces = self._pieces if self._pieces is not None else self._make_pieces(low, high)
            total += self._run_count(ys, pieces, y1, y2, rise, slopes, low, high)
        return total

    def _make_pieces(self, low: int, high: int) -> tuple[np.ndarray, ...]:
        """The pieces of the links in slabs ``low`` to ``high - 1``: for each, its link, its slab,
        whether it is its link's first or last, and the fractions along the link at its two
        slab edges (worked out as the pure count does)."""
        first, last = self._first, self._last
        links = np.flatnonzero((first < high) & (last > low))
        start = np.maximum(first[links], low)
        spans = np.minimum(last[links], high) - start
        total = int(spans.sum())
        rep = np.repeat(links, spans)
        offsets = np.cumsum(spans) - spans
        slab = np.repeat(start, spans) + (np.arange(total) - np.repeat(offsets, spans))
        cols, x1, width = self._cols, self._x1, self._width
        left_fraction = (cols[slab] - x1[rep]) / width[rep]
        right_fraction = (cols[np.minimum(slab + 1, len(cols) - 1)] - x1[rep]) / width[rep]
        return rep, slab, slab == first[rep], slab == last[rep] - 1, left_fraction, right_fraction

    def _run_count(self, ys: Any, pieces: tuple[np.ndarray, ...], y1: np.ndarray, y2: np.ndarray,
                   rise: np.ndarray, slopes: np.ndarray, low: int, high: int) -> int:
        rep, slab, first_piece, last_piece, left_fraction, right_fraction = pieces
        start, lift = y1[rep], rise[rep]
        left = np.where(first_piece, start, start + lift * left_fraction)
        right = np.where(last_piece, y2[rep], start + lift * right_fraction)
        total = _slab_inversions(slab, left, right)
        # Heights where links pass an inner slab edge (every piece but a link's last ends at one):
        # the edges low + 1 to high, all of whose pieces are in this run.
        inner = ~last_piece
        edge = slab[inner] + 1
        height = right[inner]
        total += _level_pairs(edge, height, slopes[rep[inner]])
        if self._vertical:
            total += self._vertical_crossings(ys, edge, height, low, high)
        return total

    def _vertical_crossings(self, ys: Any, edge: np.ndarray, height: np.ndarray, first_slab: int,
                            end_slab: int) -> int:
        order = np.lexsort((height, edge))
        edge, height = edge[order], height[order]
        total = 0
        for a, b, k in self._vertical:
            if not first_slab < k <= end_slab:  # its column's edge is another run's
                continue
            low, high = sorted((ys[a], ys[b]))
            if low == high:
                continue
            lo, hi = np.searchsorted(edge, k, "left"), np.searchsorted(edge, k, "right")
            at = height[lo:hi]
            total += max(int(np.searchsorted(at, high, "left")) - int(np.searchsorted(at, low, "right")), 0)
        return total


def _runs_of_slabs(per_slab: np.ndarray, run_pieces: int) -> list[tuple[int, int]]:
    """Consecutive slabs ``(low, high)`` covering them all, each with about ``run_pieces``
    pieces (one slab may have more); one run when all the pieces fit."""
    slabs = len(per_slab)
    if int(per_slab.sum()) <= run_pieces or slabs <= 1:
        return [(0, slabs)]
    ends = np.cumsum(per_slab)
    runs: list[tuple[int, int]] = []
    low = 0
    while low < slabs:
        before = int(ends[low - 1]) if low else 0
        high = max(low + 1, int(np.searchsorted(ends, before + run_pieces, side="right")))
        runs.append((low, min(high, slabs)))
        low = high
    return runs


def _slab_inversions(slab: np.ndarray, left: np.ndarray, right: np.ndarray) -> int:
    """Pairs of pieces in the same slab whose left heights are strictly ordered one way and
    right heights the other."""
    if len(slab) < 2:
        return 0
    order = np.lexsort((right, left, slab))
    ranks = np.unique(right, return_inverse=True)[1].astype(np.int64).ravel()
    keys = slab[order] * (int(ranks.max()) + 1) + ranks[order]
    return inversions(keys)


def _level_pairs(edge: np.ndarray, height: np.ndarray, slope: np.ndarray) -> int:
    """Pairs of links level on an inner slab edge with different slopes: they cross there,
    where neither slab sees it."""
    if len(edge) < 2:
        return 0
    # Only heights met more than once can be level on an edge: sort just those pieces.
    by_height = np.sort(height)
    repeated = by_height[1:][by_height[1:] == by_height[:-1]]
    if not len(repeated):
        return 0
    keep = np.isin(height, repeated)
    edge, height, slope = edge[keep], height[keep], slope[keep]
    order = np.lexsort((slope, height, edge))
    edge, height, slope = edge[order], height[order], slope[order]
    same_point = (edge[1:] == edge[:-1]) & (height[1:] == height[:-1])
    if not same_point.any():
        return 0
    same_slope = same_point & (slope[1:] == slope[:-1])
    return _pairs_in_runs(same_point) - _pairs_in_runs(same_slope)


def _pairs_in_runs(equal_next: np.ndarray) -> int:
    """Pairs inside runs of equal neighbours, ``equal_next[i]`` saying item i+1 equals item i."""
    flags = np.concatenate(([False], equal_next, [False])).astype(np.int8)
    changes = np.flatnonzero(np.diff(flags))
    lengths = changes[1::2] - changes[::2] + 1
    return int((lengths * (lengths - 1) // 2).sum())


def inversions(values: np.ndarray) -> int:
    """Pairs ``i < j`` with ``values[i] > values[j]`` (non-negative integers)."""
    n = len(values)
    if n < 2:
        return 0
    size = max(BASE, 1 << (n - 1).bit_length())
    big = int(values.max()) + 2
    # Padding at the end, level with each other and above every value: it adds no pair.
    a = np.concatenate([values.astype(np.int64), np.full(size - n, big - 1, dtype=np.int64)])
    rows = a.reshape(-1, BASE)
    total = int(np.count_nonzero(rows[:, _UPPER_I] > rows[:, _UPPER_J]))
    a = np.sort(rows, axis=1).ravel()
    s = BASE
    while s < size:
        blocks = size // (2 * s)
        pairs = a.reshape(blocks, 2, s)
        offset = np.repeat(np.arange(blocks, dtype=np.int64) * big, s)
        lower = pairs[:, 0, :].ravel() + offset
        upper = pairs[:, 1, :].ravel() + offset
        # Per upper item, how many lower items of its pair are <= it.
        below = np.searchsorted(lower, upper, side="right")
        base = np.repeat(np.arange(blocks, dtype=np.int64) * s, s)
        total += int((base + s - below).sum())
        within = np.tile(np.arange(s, dtype=np.int64), blocks)
        merged = np.empty(size, dtype=np.int64)
        merged[below + within + base] = upper - offset
        merged[np.searchsorted(upper, lower, side="left") + within + base] = lower - offset
        a = merged
        s *= 2
        # Sorted all through (the pieces' slabs each fit in a block by now): nothing left to count.
        if s < size and bool((a[s::s] >= a[s - 1 : -1 : s]).all()):
            break
    return total
