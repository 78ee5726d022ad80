"""Free space for labels and callouts: not over a box, the tier header, a placed label or a
note; rectangles are ``(left, top, right, bottom)``."""

from __future__ import annotations

from collections.abc import Iterator

from .gridcells import rect_cells
from .obstacles import EPS, Box, Obstacles

CELL = 128.0


def overlap(a: Box, b: Box) -> bool:
    """The two rectangles share some area (touching does not count)."""
    return a[0] < b[2] - EPS and b[0] < a[2] - EPS and a[1] < b[3] - EPS and b[1] < a[3] - EPS


class LabelSpace:
    """The boxes (through their :class:`Obstacles`) and the labels and notes placed so far,
    by owner id, in a grid of cells."""

    def __init__(self, obs: Obstacles) -> None:
        self.obs = obs
        self._cells: dict[tuple[int, int], dict[str, Box]] = {}
        self._wide: dict[str, Box] = {}  # over too many cells to file: always candidates
        self.placed: dict[str, Box] = {}

    def add(self, owner: str, rect: Box) -> None:
        """Hold ``rect`` for ``owner`` (a link's label or a note), replacing what it held."""
        self.remove(owner)
        self.placed[owner] = rect
        cells = _cells(rect)
        if cells is None:
            self._wide[owner] = rect
        for cell in cells or ():
            self._cells.setdefault(cell, {})[owner] = rect

    def remove(self, owner: str) -> None:
        """Let go of what ``owner`` held."""
        rect = self.placed.pop(owner, None)
        if rect is None:
            return
        self._wide.pop(owner, None)
        for cell in _cells(rect) or ():
            held = self._cells.get(cell)
            if held is not None:
                held.pop(owner, None)
                if not held:
                    del self._cells[cell]

    def others(self, rect: Box, owner: str = "") -> Iterator[str]:
        """Owners of placed rectangles that overlap ``rect`` (each once), besides ``owner``."""
        seen: set[str] = set()
        cells = _cells(rect)
        groups = [self.placed] if cells is None else [self._cells.get(cell, {}) for cell in cells] + [self._wide]
        for group in groups:
            for other, placed in group.items():
                if other != owner and other not in seen and overlap(placed, rect):
                    seen.add(other)
                    yield other

    def free(self, rect: Box, owner: str = "") -> bool:
        """True when ``rect`` overlaps no box, no header and nothing placed by others."""
        if not self.obs.rect_free(rect):
            return False
        return next(self.others(rect, owner), None) is None


def _cells(rect: Box) -> list[tuple[int, int]] | None:
    return rect_cells(rect[0], rect[1], rect[2], rect[3], CELL)
