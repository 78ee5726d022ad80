"""The boxes routes must not enter, in a grid index for quick segment and rectangle tests.

A box is ``(left, top, right, bottom)`` in map units. A route *enters* a box when some piece
of it lies strictly inside (a route running along a box's border does not), with a tolerance
of :data:`EPS` so that rounding does not count as a hit. The tier header band is the strip
above ``y_min``: every map has it across its whole width, so it is a limit, not a box.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable

from .gridcells import MAX_CELLS, cell_span, rect_cells
from .held_lines import HeldLines

Box = tuple[float, float, float, float]
Point = tuple[float, float]
Entry = tuple[float, float, float, float, str]  # a box and its id
# The merged stretches boxes block on one line: their starts, then their ends, in one array
# of C doubles (a big map's routing asks about tens of thousands of lines).
Stretches = array
EPS = 1e-3
CELL = 128.0

class Obstacles:
    """Boxes by id, a grid of cells holding them, and the sorted x's and y's of their edges.

    Attributes:
        boxes: segment id -> box.
        y_min: routes stay at or below this y (the tier header's bottom edge).
    """

    def __init__(self, boxes: dict[str, Box], y_min: float = -math.inf) -> None:
        self.boxes: dict[str, Box] = {}
        self.y_min = y_min
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float, str]]] = {}
        self._xs: list[float] = []
        self._ys: list[float] = []
        self._x_count: dict[float, int] = {}
        self._y_count: dict[float, int] = {}
        # Per axis (0: lines of constant y, 1: of constant x): the boxes by row (column) of
        # cells, and for the lines asked about, the merged stretches boxes block on them.
        self._bands: tuple[dict[int, dict[str, Entry]], dict[int, dict[str, Entry]]] = ({}, {})
        # A band's boxes by where they begin along the lines, made when a line there is first
        # worked out (a line's pieces come out in order, with no sort per line).
        self._bands_in_order: tuple[dict[int, list[Entry]], dict[int, list[Entry]]] = ({}, {})
        # Boxes over too many cells (or bands) to file: candidates for every query.
        self._wide: dict[str, Entry] = {}
        self._wide_bands: tuple[dict[str, Entry], dict[str, Entry]] = ({}, {})
        self._lines = HeldLines()
        for box_id, box in boxes.items():
            self.add(box_id, box)

    # ----------------------------------------------------------------- changes
    def add(self, box_id: str, box: Box) -> None:
        """Add (or replace) a box."""
        if box_id in self.boxes:
            self.remove(box_id)
        self.boxes[box_id] = box
        entry = (box[0], box[1], box[2], box[3], box_id)
        cells = rect_cells(box[0], box[1], box[2], box[3], CELL)
        if cells is None:
            self._wide[box_id] = entry
        for cell in cells or ():
            self._cells.setdefault(cell, []).append(entry)
        for axis in (0, 1):
            bands = cell_span(box[1 - axis], box[3 - axis], CELL)
            if bands is None:
                self._wide_bands[axis][box_id] = entry
            for band in bands or ():
                self._bands[axis].setdefault(band, {})[box_id] = entry
                self._bands_in_order[axis].pop(band, None)
            self._forget_lines(axis, box[1 - axis], box[3 - axis])
        _count_in(self._xs, self._x_count, box[0])
        _count_in(self._xs, self._x_count, box[2])
        _count_in(self._ys, self._y_count, box[1])
        _count_in(self._ys, self._y_count, box[3])

    def remove(self, box_id: str) -> None:
        """Take a box away."""
        box = self.boxes.pop(box_id)
        self._wide.pop(box_id, None)
        for cell in rect_cells(box[0], box[1], box[2], box[3], CELL) or ():
            entries = self._cells[cell]
            entries[:] = [e for e in entries if e[4] != box_id]
            if not entries:
                del self._cells[cell]
        for axis in (0, 1):
            self._wide_bands[axis].pop(box_id, None)
            for band in cell_span(box[1 - axis], box[3 - axis], CELL) or ():
                del self._bands[axis][band][box_id]
                self._bands_in_order[axis].pop(band, None)
            self._forget_lines(axis, box[1 - axis], box[3 - axis])
        _count_out(self._xs, self._x_count, box[0])
        _count_out(self._xs, self._x_count, box[2])
        _count_out(self._ys, self._y_count, box[1])
        _count_out(self._ys, self._y_count, box[3])

    # ----------------------------------------------------------------- queries
    @property
    def xs(self) -> list[float]:
        """Sorted distinct x's of box edges (do not change)."""
        return self._xs

    @property
    def ys(self) -> list[float]:
        """Sorted distinct y's of box edges (do not change)."""
        return self._ys

    def near(self, left: float, top: float, right: float, bottom: float) -> list[tuple[float, float, float, float, str]]:
        """Boxes in the cells the rectangle touches (a box may come more than once)."""
        cells = self._cells
        x0, x1, y0, y1 = int(left // CELL), int(right // CELL), int(top // CELL), int(bottom // CELL)
        wide = list(self._wide.values()) if self._wide else []
        if x0 == x1 and y0 == y1:
            return cells.get((x0, y0), []) + wide if wide else cells.get((x0, y0), [])
        if (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS:
            # Reaching too far to look cell by cell: every box is a candidate.
            return [(b[0], b[1], b[2], b[3], box_id) for box_id, b in self.boxes.items()]
        found: list[tuple[float, float, float, float, str]] = wide
        for cx in range(x0, x1 + 1):
            for cy in range(y0, y1 + 1):
                entries = cells.get((cx, cy))
                if entries:
                    found.extend(entries)
        return found

    def forget_lines(self) -> None:
        """Let go of every line's stretches (:meth:`blocked` finds them again as asked)."""
        self._lines.clear()

    def _forget_lines(self, axis: int, low: float, high: float) -> None:
        """Drop the held lines a box spanning ``low``..``high`` across them may block."""
        self._lines.let_go_between(axis, low, high)

    def _line(self, axis: int, at: float) -> Stretches:
        """The merged stretches the boxes block on the line ``y = at`` (axis 0) or
        ``x = at`` (axis 1): their n starts, then their n ends."""
        found = self._lines.by_axis[axis].get(at)
        if found is None:
            found = self._lines.revive(axis, at)
        if found is not None:
            return found
        band = int(at // CELL)
        in_order = self._bands_in_order[axis].get(band)
        if in_order is None:
            in_order = sorted(self._bands[axis].get(band, {}).values(), key=lambda entry: entry[axis])
            self._bands_in_order[axis][band] = in_order
        pieces = _pieces_on(in_order, axis, at)  # by where they begin (ties merge alike in any order)
        if self._wide_bands[axis]:
            pieces += _pieces_on(self._wide_bands[axis].values(), axis, at)
            pieces.sort()
        starts: list[float] = []
        ends: list[float] = []
        for low, high in pieces:
            if ends and low <= ends[-1]:
                ends[-1] = max(ends[-1], high)
            else:
                starts.append(low)
                ends.append(high)
        found = array("d", starts + ends)
        self._lines.hold(axis, at, found)
        return found

    def blocked(self, x1: float, y1: float, x2: float, y2: float, ignore: tuple[str, ...] = ()) -> bool:
        """True when the axis-parallel segment enters a box (not in ``ignore``) or the header."""
        if min(y1, y2) < self.y_min - EPS:
            return True
        if not ignore and (y1 == y2 or x1 == x2):
            axis, at, low, high = (0, y1, x1, x2) if y1 == y2 else (1, x1, y1, y2)
            if low > high:
                low, high = high, low
            stretches = self._line(axis, at)
            count = len(stretches) >> 1
            i = bisect_left(stretches, high, 0, count) - 1
            return i >= 0 and stretches[count + i] > low
        left, right = (x1, x2) if x1 <= x2 else (x2, x1)
        top, bottom = (y1, y2) if y1 <= y2 else (y2, y1)
        for bl, bt, br, bb, box_id in self.near(left, top, right, bottom):
            if (left < br - EPS and right > bl + EPS and top < bb - EPS and bottom > bt + EPS
                    and box_id not in ignore):
                return True
        return False

    def reach(self, axis: int, at: float, start: float, limit: float) -> float:
        """How far a route along the line ``y = at`` (axis 0) or ``x = at`` (axis 1) gets from
        ``start`` towards ``limit`` (either way) before it would enter a box: ``limit`` when
        no box is in the way, else the near edge of the first box, ``start`` when it starts
        inside one. One look-up where stepping grid line by grid line would test each piece
        (the staircase shapes of :mod:`.search` ask it at every turn). The header is not
        counted: the caller keeps below it."""
        stretches = self._line(axis, at)
        count = len(stretches) >> 1
        if limit >= start:
            first = bisect_right(stretches, start, count, 2 * count) - count  # first stretch ending past start
            if first == count:
                return limit
            return min(limit, max(start, stretches[first]))
        last = bisect_left(stretches, start, 0, count) - 1  # last stretch starting before start
        if last < 0:
            return limit
        return max(limit, min(start, stretches[count + last]))

    def box_ends(self, axis: int, at: float, start: float, limit: float) -> list[float]:
        """Where the boxes on the line ``y = at`` (axis 0) or ``x = at`` (axis 1) begin and
        end strictly between ``start`` and ``limit``, nearest ``start`` first: across a
        column of boxes, the borders along which a route can pass between two of them."""
        stretches = self._line(axis, at)
        count = len(stretches) >> 1
        low, high = (start, limit) if start <= limit else (limit, start)
        inside: list[float] = []
        for k in range(bisect_right(stretches, low, count, 2 * count) - count, count):
            if stretches[k] >= high:
                break
            inside += [edge for edge in (stretches[k] - EPS, stretches[count + k] + EPS) if low < edge < high]
        return inside if start <= limit else inside[::-1]

    def hits(self, x1: float, y1: float, x2: float, y2: float, ignore: tuple[str, ...] = ()) -> set[str]:
        """Ids of the boxes an axis-parallel segment enters."""
        left, right = (x1, x2) if x1 <= x2 else (x2, x1)
        top, bottom = (y1, y2) if y1 <= y2 else (y2, y1)
        return {box_id for bl, bt, br, bb, box_id in self.near(left, top, right, bottom)
                if left < br - EPS and right > bl + EPS and top < bb - EPS and bottom > bt + EPS
                and box_id not in ignore}

    def rect_free(self, rect: Box, ignore: tuple[str, ...] = ()) -> bool:
        """True when ``rect`` overlaps no box (beyond touching) and stays below the header."""
        left, top, right, bottom = rect
        if top < self.y_min - EPS:
            return False
        for bl, bt, br, bb, box_id in self.near(left, top, right, bottom):
            if left < br - EPS and right > bl + EPS and top < bb - EPS and bottom > bt + EPS:
                if box_id not in ignore:
                    return False
        return True


def _pieces_on(entries: Iterable[Entry], axis: int, at: float) -> list[tuple[float, float]]:
    """Where the boxes of ``entries`` that the line ``y = at`` (axis 0) or ``x = at`` (axis 1)
    passes through block it (each shrunk by :data:`EPS`), in no order."""
    if axis == 0:
        return [(left + EPS, right - EPS) for left, top, right, bottom, _ in entries if top + EPS < at < bottom - EPS]
    return [(top + EPS, bottom - EPS) for left, top, right, bottom, _ in entries if left + EPS < at < right - EPS]


def _count_in(values: list[float], counts: dict[float, int], value: float) -> None:
    count = counts.get(value, 0)
    if not count:
        insort(values, value)
    counts[value] = count + 1


def _count_out(values: list[float], counts: dict[float, int], value: float) -> None:
    count = counts[value] - 1
    if count:
        counts[value] = count
    else:
        del counts[value]
        del values[bisect_left(values, value)]


def segment_enters(a: Point, b: Point, box: Box) -> bool:
    """True when the straight segment ``a``–``b`` (any direction) passes strictly inside
    ``box`` (Liang–Barsky clipping against the box shrunk by :data:`EPS`)."""
    left, top, right, bottom = box[0] + EPS, box[1] + EPS, box[2] - EPS, box[3] - EPS
    if left >= right or top >= bottom:
        return False
    x0, y0 = a
    dx, dy = b[0] - x0, b[1] - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return False
            t0 = max(t0, t)
        else:
            if t < t0:
                return False
            t1 = min(t1, t)
    return t1 - t0 > 1e-9
