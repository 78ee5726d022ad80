"""Where a link's label may go: not over a visible segment's box (which would hide it), nor
over a label placed before it in the same pass.

The boxes are kept in a grid of cells, built once and then updated only for the boxes that
moved, appeared or went (a drag moves a hundred boxes of five thousand). Rectangles are
plain ``(left, top, right, bottom)`` tuples in scene coordinates: testing thousands of
candidate places through QRectF would cost a call into Qt each.
"""

from __future__ import annotations

from typing import Any, cast

from .items_segment import BOX

Box = tuple[float, float, float, float]  # left, top, right, bottom (scene)
# QRectF.getRect() as numbers (x, y, width, height): its stub says only ``object``.
RectNumbers = tuple[float, float, float, float]
Cell = tuple[int, int]
GRID_CELL = 256.0
_BOX_LEFT, _BOX_TOP, _BOX_WIDTH, _BOX_HEIGHT = cast(RectNumbers, BOX.getRect())


def cells(box: Box) -> list[Cell]:
    """The grid cells ``box`` touches."""
    x0, x1 = int(box[0] // GRID_CELL), int(box[2] // GRID_CELL)
    y0, y1 = int(box[1] // GRID_CELL), int(box[3] // GRID_CELL)
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def overlap(a: Box, b: Box) -> bool:
    """QRectF.intersects for rectangles of some size: they share some area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class LabelSpace:
    """The visible boxes of ``segments`` (the scene's segment items by node id, a dict it
    keeps up to date) and the labels placed in the current pass."""

    def __init__(self, segments: dict[str, Any]) -> None:
        self._segments = segments
        self._grid: dict[Cell, dict[str, Box]] | None = None  # None: build on first use
        self._cells_of: dict[str, list[Cell]] = {}
        self._stale: set[str] = set()
        self._placed: dict[Cell, list[Box]] = {}

    def reset(self) -> None:
        """Forget every box (after a rebuild of the scene)."""
        self._grid = None

    def box_changed(self, node_id: str) -> None:
        """``node_id``'s box moved, was shown or hidden, or went."""
        if self._grid is not None:
            self._stale.add(node_id)

    def start_pass(self) -> None:
        """Labels placed from now on avoid each other (not those of earlier passes)."""
        self._placed = {}

    def add_label(self, box: Box) -> None:
        for cell in cells(box):
            self._placed.setdefault(cell, []).append(box)

    def blocked(self, rect: Box) -> bool:
        """True when ``rect`` overlaps a visible box or a label placed in this pass."""
        grid = self._boxes()
        placed = self._placed
        for cell in cells(rect):
            boxes = grid.get(cell)
            if boxes:
                for box in boxes.values():
                    if overlap(box, rect):
                        return True
            for label in placed.get(cell, ()):
                if overlap(label, rect):
                    return True
        return False

    def _boxes(self) -> dict[Cell, dict[str, Box]]:
        grid = self._grid
        segments = self._segments
        if grid is None:
            grid = self._grid = {}
            self._cells_of = {}
            self._stale = set()
            for node_id, item in segments.items():
                if item.isVisible():
                    self._put(grid, node_id, item)
        elif self._stale:
            stale, self._stale = self._stale, set()
            for node_id in stale:
                for cell in self._cells_of.pop(node_id, ()):
                    grid[cell].pop(node_id, None)
                item = segments.get(node_id)
                if item is not None and item.isVisible():
                    self._put(grid, node_id, item)
        return grid

    def _put(self, grid: dict[Cell, dict[str, Box]], node_id: str, item: Any) -> None:
        pos = item.pos()
        left, top = _BOX_LEFT + pos.x(), _BOX_TOP + pos.y()
        box = (left, top, left + _BOX_WIDTH, top + _BOX_HEIGHT)
        where = self._cells_of[node_id] = cells(box)
        for cell in where:
            boxes = grid.get(cell)
            if boxes is None:
                grid[cell] = {node_id: box}
            else:
                boxes[node_id] = box
