"""The lines :class:`~.obstacles.Obstacles` has worked out lately, within a fixed budget.

A line's stretches (where boxes block the line ``y = at`` or ``x = at``) take one double
per box border across it, so on a map whose tiers wrap into hundreds of columns side by side
a line holds hundreds of doubles, and a map of 100,000 segments asks about some 200,000
lines: holding them all took some 300 MB. Holding only up to :data:`LINES_HELD` doubles
costs little when the links are routed in order down the map (as
:meth:`.router.Router.route_steps` does on a big map): the lines a link asks about are
mostly those its neighbours asked about just before. A line let go of is worked out again
when asked, with the same answer.

The lines are held in two generations: new lines join the young one; once it holds half the
budget, the old generation is let go of and the young one becomes old. A line asked for
while old joins the young generation again, so the lines in use stay (nearly as the least
recently used go first, without bookkeeping on every look-up).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right, insort

# Doubles held at most (32 MB). Routing the first 30,000 links of a laid-out map of 100,000
# segments down the map asks about 78,600 lines (125 MB); holding the least recently used
# 16 MB of them, 110,000 would be worked out, 32 MB: 79,000, 4 MB: 1.8 million (s8 notes).
# Two generations hold between half the budget and all of it.
LINES_HELD = 1 << 22


class _Generation:
    """Lines by axis (``at`` -> stretches), their ``at``'s sorted, and the doubles held."""

    def __init__(self) -> None:
        self.lines: tuple[dict[float, array], dict[float, array]] = ({}, {})
        self.keys: tuple[list[float], list[float]] = ([], [])
        self.held = 0

    def put(self, axis: int, at: float, stretches: array) -> None:
        self.lines[axis][at] = stretches
        insort(self.keys[axis], at)
        self.held += len(stretches)

    def take(self, axis: int, at: float) -> array | None:
        found = self.lines[axis].pop(at, None)
        if found is not None:
            keys = self.keys[axis]
            del keys[bisect_left(keys, at)]
            self.held -= len(found)
        return found

    def take_between(self, axis: int, low: float, high: float) -> None:
        keys = self.keys[axis]
        start, end = bisect_left(keys, low), bisect_right(keys, high)
        if start < end:
            lines = self.lines[axis]
            for key in keys[start:end]:
                self.held -= len(lines.pop(key))
            del keys[start:end]


class HeldLines:
    """Stretches by line, per axis (0: lines ``y = at``, 1: lines ``x = at``), about
    :data:`LINES_HELD` doubles at most (one line more in each generation).

    Attributes:
        by_axis: per axis, ``at`` -> stretches of the young generation: look here first
            (the hot path), then :meth:`revive`.
    """

    def __init__(self) -> None:
        self._young = _Generation()
        self._old = _Generation()
        self.by_axis = self._young.lines

    def __len__(self) -> int:
        return sum(len(lines) for generation in (self._young, self._old) for lines in generation.lines)

    @property
    def held(self) -> int:
        """Doubles held."""
        return self._young.held + self._old.held

    def revive(self, axis: int, at: float) -> array | None:
        """A line of the old generation (None if not held), young again."""
        found = self._old.take(axis, at)
        if found is not None:
            self.hold(axis, at, found)
        return found

    def hold(self, axis: int, at: float, stretches: array) -> None:
        """Keep a line's stretches (not held yet)."""
        young = self._young
        young.put(axis, at, stretches)
        if young.held > LINES_HELD // 2:
            self._old, self._young = young, _Generation()
            self.by_axis = self._young.lines

    def let_go_between(self, axis: int, low: float, high: float) -> None:
        """Let go of the lines of ``axis`` at ``low``..``high`` (a box there came or went)."""
        self._young.take_between(axis, low, high)
        self._old.take_between(axis, low, high)

    def clear(self) -> None:
        """Let go of every line."""
        self._young = _Generation()
        self._old = _Generation()
        self.by_axis = self._young.lines
