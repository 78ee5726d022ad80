"""Counting how often a candidate path would cross the links routed so far, or how many
links a label would hide.

The router routes links one after another; among the free shapes a link could take, it
picks the one that crosses the fewest earlier routes. Routes are orthogonal, so a crossing
is a horizontal piece and a vertical piece that meet strictly inside both. Labels, placed
after the routes, prefer places that cover the fewest pieces of other links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .gridcells import cell_span, rect_cells
from .obstacles import Point

CELL = 128.0
LENGTH_WEIGHT = 0.01  # a crossing outweighs 100 units of length
Piece = tuple[float, float, float, bool]
"""An axis-parallel piece of a route: (fixed coordinate, start, end, horizontal)."""


class CrossingIndex:
    """The pieces of the routes added so far, in a grid of cells."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, bool]]] = {}
        self._owners: dict[tuple[float, float, float, bool], str] = {}
        self._long: list[tuple[float, float, float, bool]] = []  # over too many cells to file

    def add(self, points: Sequence[Point], owner: str = "") -> None:
        """Hold a route's pieces (``owner``: its link)."""
        for piece in piece_list(points):
            self._owners[piece] = owner
            cells = piece_cells(piece)
            if cells is None:
                self._long.append(piece)
                continue
            for cell in cells:
                self._cells.setdefault(cell, []).append(piece)

    def _groups(self, cells: list[tuple[int, int]] | None) -> list[Iterable[tuple[float, float, float, bool]]]:
        """The pieces filed under ``cells``, and the long ones; every piece for ``None``."""
        if cells is None:
            return [self._owners]
        held = self._cells
        groups: list[Iterable[tuple[float, float, float, bool]]] = [held.get(cell, ()) for cell in cells]
        if self._long:
            groups.append(self._long)
        return groups

    def covered(self, rect: tuple[float, float, float, float], owner: str) -> int:
        """How many pieces of links other than ``owner`` pass through ``rect``."""
        return len(self._inside(rect, owner))

    def owners_in(self, rect: tuple[float, float, float, float], owner: str) -> set[str]:
        """The links other than ``owner`` with a piece through ``rect``."""
        return {self._owners[piece] for piece in self._inside(rect, owner)}

    def _inside(self, rect: tuple[float, float, float, float], owner: str) -> set[tuple[float, float, float, bool]]:
        left, top, right, bottom = rect
        seen: set[tuple[float, float, float, bool]] = set()
        for group in self._groups(rect_cells(left, top, right, bottom, CELL)):
            for piece in group:
                at, low, high, horizontal = piece
                inside = (top < at < bottom and low < right and high > left) if horizontal else (
                    left < at < right and low < bottom and high > top)
                if inside and piece not in seen and self._owners[piece] != owner:
                    seen.add(piece)
        return seen

    def crossings(self, points: Sequence[Point]) -> int:
        """How many held pieces the path ``points`` crosses."""
        total = 0
        for at, low, high, horizontal in piece_list(points):
            seen: set[tuple[float, float, float, bool]] = set()
            for group in self._groups(piece_cells((at, low, high, horizontal))):
                for other in group:
                    o_at, o_low, o_high, o_horizontal = other
                    if (o_horizontal != horizontal and low < o_at < high and o_low < at < o_high
                            and other not in seen):
                        seen.add(other)
                        total += 1
        return total

    def score(self, points: Sequence[Point]) -> float:
        """Crossings, then length: lower is better."""
        length = sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in zip(points, points[1:], strict=False))
        return self.crossings(points) + LENGTH_WEIGHT * length


def piece_list(points: Sequence[Point]) -> list[Piece]:
    """(fixed coordinate, start, end, horizontal) of each axis-parallel piece."""
    pieces = []
    for a, b in zip(points, points[1:], strict=False):
        if a[1] == b[1] and a[0] != b[0]:
            pieces.append((a[1], min(a[0], b[0]), max(a[0], b[0]), True))
        elif a[0] == b[0] and a[1] != b[1]:
            pieces.append((a[0], min(a[1], b[1]), max(a[1], b[1]), False))
    return pieces


def piece_cells(piece: Piece) -> list[tuple[int, int]] | None:
    """The cells a piece runs through, or ``None`` when they are too many to file."""
    at, low, high, horizontal = piece
    fixed = int(at // CELL)
    span = cell_span(low, high, CELL)
    if span is None:
        return None
    return [(c, fixed) for c in span] if horizontal else [(fixed, c) for c in span]
