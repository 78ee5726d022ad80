"""The grid cells a rectangle covers, with a bound: the routing's indexes file boxes, route
pieces, labels and spans by cell, and a position may be any finite number, so one piece may
reach across 10**300 units. Past :data:`MAX_CELLS` cells an index keeps the item apart (a
candidate for every query) and a query looks at every item, so that work and memory follow
the number of items, never the distances between them.
"""

from __future__ import annotations

# More than a real map needs (a 20,000-segment column spans some 5,000 cells of 128 units).
MAX_CELLS = 1 << 15


def cell_span(low: float, high: float, cell: float) -> range | None:
    """The cell numbers ``low``..``high`` covers, or ``None`` when they are more than
    :data:`MAX_CELLS`."""
    first, last = int(low // cell), int(high // cell)
    if last - first >= MAX_CELLS:
        return None
    return range(first, last + 1)


def rect_cells(left: float, top: float, right: float, bottom: float, cell: float) -> list[tuple[int, int]] | None:
    """The ``(column, row)`` cells the rectangle covers, or ``None`` when they are more than
    :data:`MAX_CELLS`."""
    columns, rows = cell_span(left, right, cell), cell_span(top, bottom, cell)
    if columns is None or rows is None or len(columns) * len(rows) > MAX_CELLS:
        return None
    return [(cx, cy) for cx in columns for cy in rows]
