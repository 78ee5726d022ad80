"""Indexes of occupied room, so that finding free room does not look at every box of a big map.

Shared by the placement of segments without a position (:mod:`chainmap.core.layout.place_new`) and
the editor's free spot for a new box (:mod:`chainmap.core.layout.free_spot`):

- :func:`nearest_free`: the value nearest a wish outside a set of blocked open intervals;
- :class:`SlabIndex`: things with an x-extent, filed by vertical slabs of the plane, so that
  those reaching into an x-range are found without looking at the others;
- :class:`Runs`: blocked intervals on a line kept merged as they are added, answering
  :func:`nearest_free` in time that depends on the crowd near the wish, not on the total;
- :class:`OverlapTracker`: growing rectangles, and which of them overlap another (a uniform
  grid of cells).

Each answers exactly what a plain scan over everything would (the tests compare them).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from typing import Generic, TypeVar

from ..geometry import Rect

T = TypeVar("T")
SLAB = 256.0  # about a box and a half: most boxes reach into one or two slabs
CELL = 256.0
# Something reaching into more slabs or cells than this (absurd coordinates, a frame holding
# thousands of sub-segments) is kept on a short list looked at by every query instead.
MAX_SPAN = 256


def nearest_free(blocked: Iterable[tuple[float, float]], want: float) -> float:
    """The value nearest ``want`` inside no open interval of ``blocked`` (intervals that
    overlap are one; of two values as near, the lower)."""
    merged: list[list[float]] = []
    for low, high in sorted(blocked):
        if merged and low < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    for low, high in merged:
        if low < want < high:
            return low if want - low <= high - want else high
    return want


def _span(low: float, high: float, size: float) -> range | None:
    """The numbers of the slabs (or cells) of ``size`` that ``[low, high]`` reaches into;
    ``None`` when they are too many to file it under each (or the numbers are not finite)."""
    if not (math.isfinite(low) and math.isfinite(high)) or abs(high - low) > MAX_SPAN * size:
        return None
    low, high = min(low, high), max(low, high)
    return range(math.floor(low / size), math.floor(high / size) + 1)


class SlabIndex(Generic[T]):
    """Things with an x-extent, each filed under every slab of :data:`SLAB` units it reaches
    into. :meth:`near` gives those that may reach into an x-range; the caller checks exactly."""

    def __init__(self, slab: float = SLAB) -> None:
        self._slab = slab
        self._slabs: dict[int, list[T]] = {}
        self._wide: list[T] = []

    def add(self, item: T, left: float, right: float) -> None:
        """File ``item``, which spans ``left`` to ``right`` across."""
        span = _span(left, right, self._slab)
        if span is None:
            self._wide.append(item)
            return
        for number in span:
            self._slabs.setdefault(number, []).append(item)

    def near(self, left: float, right: float) -> list[T]:
        """Each thing filed under a slab that ``[left, right]`` reaches into, once: all those
        that overlap the range, and perhaps a few more."""
        span = _span(left, right, self._slab)
        if span is None:
            return self.everything()
        lists = [self._slabs[n] for n in span if n in self._slabs]
        if len(lists) == 1 and not self._wide:
            return list(lists[0])
        return _once([self._wide, *lists])

    def everything(self) -> list[T]:
        """Every thing filed, once."""
        return _once([self._wide, *self._slabs.values()])


def _once(lists: Iterable[list[T]]) -> list[T]:
    found: dict[int, T] = {}
    for items in lists:
        for item in items:
            found.setdefault(id(item), item)
    return list(found.values())


class Runs:
    """Open intervals on a line, added one by one and kept as disjoint runs: those that
    overlap (not merely touch) are merged, so the runs are their union, sorted."""

    def __init__(self) -> None:
        self.lows: list[float] = []
        self.highs: list[float] = []

    def add(self, low: float, high: float) -> None:
        """Add the open interval ``(low, high)``."""
        if not low < high:
            return  # empty (or not a number): blocks nothing
        first = bisect_right(self.highs, low)  # the first run that ends after it starts
        end = bisect_left(self.lows, high, first)  # the first run that starts where it ends, or later
        if first < end:
            low = min(low, self.lows[first])
            high = max(high, self.highs[end - 1])
        self.lows[first:end] = [low]
        self.highs[first:end] = [high]

    def nearest_free(self, want: float, reach: float) -> float:
        """:func:`nearest_free` of the runs, each blocking ``(low - reach, high)``: the value
        nearest ``want`` for the start of something ``reach`` long that must not overlap a run.
        Looks only at the runs chained (less than ``reach`` apart) to the one around ``want``."""
        lows, highs = self.lows, self.highs
        index = bisect_right(highs, want)  # the first run ending after want
        if index == len(highs) or not lows[index] - reach < want:
            return want
        first = last = index
        while first > 0 and lows[first] - reach < highs[first - 1]:
            first -= 1
        while last + 1 < len(lows) and lows[last + 1] - reach < highs[last]:
            last += 1
        low, high = lows[first] - reach, highs[last]
        return low if want - low <= high - want else high


class OverlapTracker:
    """Rectangles by key, which only grow, and which of them overlap another one (open
    rectangles: touching is no overlap). Filed in a grid of :data:`CELL` units, so a change
    looks only at the rectangles near the room it gained."""

    def __init__(self, rects: Mapping[str, Rect | None]) -> None:
        self._rects: dict[str, Rect] = {key: rect for key, rect in rects.items() if rect is not None}
        self._cells: dict[tuple[int, int], list[str]] = {}
        self._big: list[str] = []
        self._overlapping: set[str] = set()
        for key, rect in self._rects.items():
            self._file(key, rect)
        for key, rect in self._rects.items():
            # Lazily, stopping at the first: boxes piled on one spot cost no more than one.
            if any(other != key and self._rects[other].intersects(rect) for other in self._filed_near(rect)):
                self._overlapping.add(key)

    def overlaps(self, key: str) -> bool:
        """Whether ``key``'s rectangle overlaps another one."""
        return key in self._overlapping

    def grow(self, key: str, rect: Rect) -> None:
        """``key``'s rectangle is now ``rect``, which holds the old one (if any)."""
        old = self._rects.get(key)
        self._rects[key] = rect
        if old is None:
            gained = [rect]
        else:
            gained = [
                Rect(rect.left, rect.top, rect.right, old.top),
                Rect(rect.left, old.bottom, rect.right, rect.bottom),
                Rect(rect.left, old.top, old.left, old.bottom),
                Rect(old.right, old.top, rect.right, old.bottom),
            ]
            gained = [g for g in gained if g.width > 0 and g.height > 0]
        # Any rectangle that overlaps the new one but not the old one reaches into the room
        # gained, whose cells it is filed under.
        for part in gained:
            self._file(key, part)
            for other in self._near(part, key):
                if (key not in self._overlapping or other not in self._overlapping) and \
                        self._rects[other].intersects(rect):
                    self._overlapping.update((key, other))

    def _file(self, key: str, rect: Rect) -> None:
        columns, rows = _span(rect.left, rect.right, CELL), _span(rect.top, rect.bottom, CELL)
        if columns is None or rows is None or len(columns) * len(rows) > MAX_SPAN:
            if key not in self._big:
                self._big.append(key)
            return
        for column in columns:
            for row in rows:
                cell = self._cells.setdefault((column, row), [])
                if not cell or cell[-1] != key:
                    cell.append(key)

    def _filed_near(self, rect: Rect) -> Iterator[str]:
        """The keys filed in a cell ``rect`` reaches into, and those too big to be filed (some
        more than once); every key when ``rect`` itself is too big."""
        columns, rows = _span(rect.left, rect.right, CELL), _span(rect.top, rect.bottom, CELL)
        if columns is None or rows is None or len(columns) * len(rows) > MAX_SPAN:
            yield from self._rects
            return
        yield from self._big
        for column in columns:
            for row in rows:
                yield from self._cells.get((column, row), ())

    def _near(self, rect: Rect, key: str) -> set[str]:
        """The other keys :meth:`_filed_near` ``rect``, each once."""
        found = set(self._filed_near(rect))
        found.discard(key)
        return found
