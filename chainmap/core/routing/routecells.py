"""Where the routes run, filed by grid cell: after a drag, the links a moved box now lies
on are found among the few routes filed under its cells."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .gridcells import rect_cells
from .obstacles import EPS, Box, Point

CELL = 256.0


class RouteCells:
    """Link ids by the grid cells their routes' pieces cross."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], set[str]] = {}
        self._of: dict[str, list[tuple[int, int]]] = {}
        self._long: set[str] = set()  # routes over too many cells to file: always candidates

    def file(self, link_id: str, points: Sequence[Point]) -> None:
        """File (or file again) a link's route."""
        for cell in self._of.pop(link_id, ()):
            self._cells.get(cell, set()).discard(link_id)
        self._long.discard(link_id)
        cells: set[tuple[int, int]] = set()
        for a, b in zip(points, points[1:], strict=False):
            piece = rect_cells(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]), CELL)
            if piece is None:
                self._long.add(link_id)
                cells.clear()
                break
            cells.update(piece)
        self._of[link_id] = list(cells)
        for cell in cells:
            self._cells.setdefault(cell, set()).add(link_id)

    def running_through(self, box: Box, route_of: Callable[[str], Sequence[Point]]) -> set[str]:
        """Links whose routes (as ``route_of`` gives a link's) enter ``box``."""
        candidates: set[str] = set(self._long)
        cells = rect_cells(box[0], box[1], box[2], box[3], CELL)
        if cells is None:
            candidates.update(self._of)
        for cell in cells or ():
            candidates |= self._cells.get(cell, set())
        left, top, right, bottom = box[0] + EPS, box[1] + EPS, box[2] - EPS, box[3] - EPS
        found = set()
        for link_id in candidates:
            points = route_of(link_id)
            for a, b in zip(points, points[1:], strict=False):
                # An axis-parallel piece whose extent overlaps the box enters it (a slanted
                # piece, between overlapping boxes, may be counted when it does not).
                if (min(a[0], b[0]) < right and max(a[0], b[0]) > left
                        and min(a[1], b[1]) < bottom and max(a[1], b[1]) > top):
                    found.add(link_id)
                    break
        return found
