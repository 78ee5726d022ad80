"""Judging drawn links, whoever drew them: box hits, label overlaps and crossings.

A *box hit* is a (link, box) pair where the link's polyline passes strictly inside a box
other than its two ends. A *label overlap* is a pair among labels, note callouts and boxes
that share some area (touching does not count; a box with a box is not counted, that is the
layout's business). A *crossing* is a point where two links' polylines cross properly (not
at an end, not along a shared line), counted once per pair of pieces.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .crossindex import Piece, piece_cells, piece_list
from .gridcells import rect_cells
from .obstacles import Box, Obstacles, Point, segment_enters
from .result import LinkRoute, RouteSet
from .space import overlap

CELL = 128.0


def box_hits(links: Iterable[tuple[str, str, str, Sequence[Point]]], boxes: Mapping[str, Box]) -> list[tuple[str, str]]:
    """(link id, box id) pairs where a link — (id, source, target, polyline) — enters a box
    other than its source and target."""
    obs = Obstacles(dict(boxes))
    hits: set[tuple[str, str]] = set()
    for link_id, source, target, points in links:
        for a, b in zip(points, points[1:], strict=False):
            near = obs.near(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
            for box in near:
                if box[4] not in (source, target) and segment_enters(a, b, box[:4]):
                    hits.add((link_id, box[4]))
    return sorted(hits)


def label_overlaps(routes: RouteSet) -> list[tuple[str, str]]:
    """Pairs of (label or note, label, note or box) that overlap: ``label:ID``, ``note:ID``,
    ``box:ID``."""
    rects: list[tuple[str, Box]] = [(f"label:{i}", r.label) for i, r in routes.links.items() if r.label]
    rects += [(f"note:{i}", n.rect) for i, n in routes.notes.items()]
    found: list[tuple[str, str]] = []
    grid: dict[tuple[int, int], list[tuple[str, Box]]] = {}
    wide: list[tuple[str, Box]] = []  # over too many cells to file
    every: list[tuple[str, Box]] = []
    for name, box in [(f"box:{i}", b) for i, b in routes.boxes.items()] + rects:
        seen: set[str] = set()
        cells = _cells(box)
        groups = [every] if cells is None else [grid.get(cell, []) for cell in cells] + [wide]
        for group in groups:
            for other, other_box in group:
                if other not in seen and not (name.startswith("box:") and other.startswith("box:")) and overlap(box, other_box):
                    seen.add(other)
                    found.append((other, name))
        every.append((name, box))
        if cells is None:
            wide.append((name, box))
        for cell in cells or ():
            grid.setdefault(cell, []).append((name, box))
    return found


def route_crossings(polylines: Mapping[str, Sequence[Point]]) -> int:
    """How many times the polylines of different links cross one another."""
    grid: dict[tuple[int, int], list[tuple[str, Point, Point]]] = {}
    long: list[tuple[str, Point, Point]] = []  # pieces over too many cells to file
    every: list[tuple[str, Point, Point]] = []
    total = 0
    for link_id, points in polylines.items():
        pieces = [(a, b) for a, b in zip(points, points[1:], strict=False) if a != b]
        filed = []
        for a, b in pieces:
            cells = rect_cells(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]), CELL)
            filed.append(cells)
            # A long piece, or one against a long piece, is weighed once, without the grid.
            others = every if cells is None else long
            total += sum(1 for other, c, d in others if other != link_id and _cross(a, b, c, d))
            for cell in cells or ():
                for other, c, d in grid.get(cell, ()):
                    # Two pieces meet in one point: count it in the cell that holds the point.
                    if other != link_id and _cross(a, b, c, d) and _crossing_cell(a, b, c, d) == cell:
                        total += 1
        for (a, b), cells in zip(pieces, filed, strict=True):
            every.append((link_id, a, b))
            if cells is None:
                long.append((link_id, a, b))
            for cell in cells or ():
                grid.setdefault(cell, []).append((link_id, a, b))
    return total


def _crossing_cell(a: Point, b: Point, c: Point, d: Point) -> tuple[int, int]:
    """The cell holding the crossing point of two crossing pieces."""
    (x1, y1), (x2, y2), (x3, y3), (x4, y4) = a, b, c, d
    denominator = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / denominator
    x, y = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
    x = min(max(x, min(x1, x2), min(x3, x4)), max(x1, x2), max(x3, x4))
    y = min(max(y, min(y1, y2), min(y3, y4)), max(y1, y2), max(y3, y4))
    return int(x // CELL), int(y // CELL)


def _orient(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """The two pieces cross at one point inside both."""
    o1, o2 = _orient(a, b, c), _orient(a, b, d)
    o3, o4 = _orient(c, d, a), _orient(c, d, b)
    return ((o1 > 0 > o2) or (o1 < 0 < o2)) and ((o3 > 0 > o4) or (o3 < 0 < o4))


def _cells(box: Box) -> list[tuple[int, int]] | None:
    return rect_cells(box[0], box[1], box[2], box[3], CELL)


def label_levels(routes: RouteSet, most: int = 30) -> dict[str, int]:
    """How high to stack each labelled link among the labelled links, so that their labels
    are drawn over the lines that cross them: a link whose label another labelled link's line
    crosses goes above that link (level 0 is the lowest; at most ``most``). Links whose lines
    cross one another's labels in a ring share a level (one of those lines must cross a
    label). A painter stacks unlabelled links under all of these, so none of their lines
    crosses a label's text."""
    labelled = {link_id: route for link_id, route in routes.links.items() if route.label is not None}
    crossed = _lines_through_labels(labelled)
    below: dict[str, list[str]] = {}  # link -> the labelled links whose lines cross its label
    above: dict[str, list[str]] = {link_id: [] for link_id in labelled}
    for link_id in labelled:
        pieces = crossed.get(link_id)
        below[link_id] = sorted({owner for owner in pieces.values() if owner != link_id}) if pieces else []
        for other in below[link_id]:
            above[other].append(link_id)
    levels: dict[str, int] = {}
    for ring in reversed(_rings(list(labelled), above)):  # lower rings first
        members = set(ring)
        level = max((levels[b] + 1 for link_id in ring for b in below[link_id] if b not in members), default=0)
        for link_id in ring:
            levels[link_id] = min(most, level)
    return levels


def _lines_through_labels(labelled: Mapping[str, LinkRoute]) -> dict[str, dict[Piece, str]]:
    """For each label (by its link) the pieces of the labelled links' lines that pass through
    it, each with the last of those links (in ``labelled``'s order) that has that very piece:
    as :class:`~.crossindex.CrossingIndex` owns a piece two links share. The labels are
    filed by cell and each line's pieces looked up there, so that a big map holds a few
    cells per label rather than every piece of every line."""
    cells: dict[tuple[int, int], list[tuple[str, Box]]] = {}
    wide: list[tuple[str, Box]] = []  # labels over too many cells to file: tried with every piece
    for link_id, route in labelled.items():
        label = route.label
        assert label is not None
        spread = rect_cells(label[0], label[1], label[2], label[3], CELL)
        if spread is None:
            wide.append((link_id, label))
        for cell in spread or ():
            cells.setdefault(cell, []).append((link_id, label))
    everywhere = [held for group in cells.values() for held in group] + wide
    crossed: dict[str, dict[Piece, str]] = {}
    for owner, route in labelled.items():
        for piece in piece_list(route.corners):
            at, low, high, horizontal = piece
            spread = piece_cells(piece)
            groups = [everywhere] if spread is None else [cells.get(cell, ()) for cell in spread] + [wide]
            for group in groups:
                for link_id, (left, top, right, bottom) in group:
                    if ((top < at < bottom and low < right and high > left) if horizontal
                            else (left < at < right and low < bottom and high > top)):
                        crossed.setdefault(link_id, {})[piece] = owner
    return crossed


def _rings(nodes: list[str], after: Mapping[str, list[str]]) -> list[list[str]]:
    """The strongly connected parts of the graph ``after`` (node -> the nodes that must come
    after it), each after every part that must come after it (Tarjan's order), found without
    recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    rings: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            nexts = after[node]
            if child < len(nexts):
                work.append((node, child + 1))
                nxt = nexts[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                ring = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    ring.append(member)
                    if member == node:
                        break
                rings.append(ring)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return rings
