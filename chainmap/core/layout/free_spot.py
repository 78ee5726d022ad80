"""Room for a new box: the free spot nearest to where the user asked for it.

The editor adds a segment where the user double-clicked, at the view's centre (toolbar,
Insert) or where a pasted copy would land; :func:`nearest_free_spot` moves that wish to the
closest place where the box touches no other box and no note, inside its tier's band. Links
are avoided too when that costs little: a spot on a link's straight line is taken only when
the nearest spot clear of every link is more than ``line_detour`` further away.

The search is exact for boxes: a centre is forbidden inside each obstacle grown by half the
new box and the clearance (their Minkowski sum); the best centre lies on the wanted x or on
the edge of such a region, and on each candidate x the nearest free y is found among the
blocked intervals. Candidates are visited nearest-first (of two as near, the left one) and the
search stops once no nearer one can exist.

On a big map a column holds thousands of boxes, and links cross it by the thousand; looking
at all of them for every candidate would take a second. So the search looks first within a
window around the wish, taking everything beyond its edge as blocked; a spot found nearer than
the edge is the one a search over everything finds, and otherwise the window grows
(:func:`_search`). One pass over the boxes and links per window: no index to build.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..geometry import PARENT_PADDING, SEGMENT_HEIGHT, SEGMENT_WIDTH, Rect, own_box
from .free_space import nearest_free

CLEARANCE = 16.0
LINE_CLEARANCE = 4.0
LINE_DETOUR = 2 * SEGMENT_HEIGHT
Point = tuple[float, float]
INF = float("inf")


@dataclass(frozen=True)
class Line:
    """A straight link between two segment centres."""

    x1: float
    y1: float
    x2: float
    y2: float


def nearest_free_spot(
    want: Point,
    obstacles: Iterable[Rect],
    *,
    size: Point = (SEGMENT_WIDTH, SEGMENT_HEIGHT),
    x_range: tuple[float, float] | None = None,
    lines: Iterable[Line] = (),
    clearance: float = CLEARANCE,
    line_detour: float = LINE_DETOUR,
) -> Point:
    """The centre nearest ``want`` for a ``size`` box that stays ``clearance`` away from every
    obstacle and, when ``x_range`` is given, lies inside it (a range narrower than the box
    centres it). Link ``lines`` are avoided unless that moves the box ``line_detour`` further."""
    width, height = size
    low, high = -INF, INF
    if x_range is not None:
        low, high = x_range[0] + width / 2, x_range[1] - width / 2
        if low > high:
            low = high = (x_range[0] + x_range[1]) / 2
    boxes = list(obstacles)
    room = _Room(want, boxes, (low, high), width, height, clearance)
    radius = 2 * (width + height) + 2 * clearance
    clear, across = _search(room, radius, [])
    while clear is None:
        if radius == INF:
            return want  # a wish that is no finite point: nothing to measure from
        radius = radius * 4 if radius < 1e12 else INF  # the last window holds everything
        clear, across = _search(room, radius, [])
    line_list = list(lines)
    if not line_list:
        return clear
    # A spot off the lines is taken only within line_detour of the clear one: one window
    # just wider than that says whether there is one, and which.
    furthest = _distance(clear, want) + line_detour
    lines_radius = furthest * 1.01 + 1
    if lines_radius <= radius:
        room.boxes = across  # a narrower window: only boxes across from the wider one matter
    off_lines, _ = _search(room, lines_radius, line_list)
    if off_lines is not None and _distance(off_lines, want) <= furthest:
        return off_lines
    return clear


@dataclass
class _Room:
    """What a search is about: the wish, the boxes in the way, the range for the centre and
    the size of the box."""

    want: Point
    boxes: list[Rect]
    limits: tuple[float, float]
    width: float
    height: float
    clearance: float


def _distance(point: Point, want: Point) -> float:
    return math.hypot(point[0] - want[0], point[1] - want[1])


def _search(room: _Room, radius: float, lines: Sequence[Line]) -> tuple[Point | None, list[Rect]]:
    """The nearest free centre, as a search over every box and line finds it, when it lies
    less than ``radius`` from the wish; else ``None`` (it is that far or further). Also the
    boxes whose grown region reaches across into the window (for a narrower search).

    Only the boxes and lines that reach into the window ``radius`` around the wish are looked
    at, and the heights beyond the window count as blocked. A candidate's nearest free height
    found so is then the true one, or both are ``radius`` away or more: so the best candidate
    nearer than ``radius`` (ties included) is the true best."""
    (want_x, want_y), (low, high) = room.want, room.limits
    clearance, half_width, half_height = room.clearance, room.width / 2, room.height / 2
    left, right = want_x - radius, want_x + radius
    top, bottom = want_y - radius, want_y + radius
    start = min(max(want_x, low), high)
    xs = {x for x in (start, low, high) if abs(x) != INF and left < x < right}
    near, across = [], []
    # One pass over everything, kept lean: on a big map it is most of a search's time.
    for r in room.boxes:
        region_left, region_right = r.left - clearance - half_width, r.right + clearance + half_width
        if region_left >= right or region_right <= left:
            continue
        across.append(r)
        for x in (region_left, region_right):
            if low <= x <= high and left < x < right:
                xs.add(x)
        if r.top - clearance - half_height < bottom + 1 and top - 1 < r.bottom + clearance + half_height:
            near.append(r)
    near_lines = []
    if lines:
        x0, x1 = left - half_width - LINE_CLEARANCE - 1, right + half_width + LINE_CLEARANCE + 1
        y0, y1 = top - half_height - LINE_CLEARANCE - 1, bottom + half_height + LINE_CLEARANCE + 1
        for line in lines:
            if (line.x1 < x0 and line.x2 < x0) or (line.x1 > x1 and line.x2 > x1) or \
                    (line.y1 < y0 and line.y2 < y0) or (line.y1 > y1 and line.y2 > y1):
                continue
            if _crosses(line, x0, x1, y0, y1):
                near_lines.append(line)
    edges = [(-INF, top), (bottom, INF)]
    best: tuple[float, float, float] | None = None
    for x in sorted(xs, key=lambda value: (abs(value - want_x), value)):
        if best is not None and abs(x - want_x) >= best[0]:
            break  # every later candidate is further across than the best is in all
        blocked = [
            (r.top - clearance - half_height, r.bottom + clearance + half_height)
            for r in near
            if r.left - clearance - half_width < x < r.right + clearance + half_width
        ]
        blocked += _line_intervals(near_lines, x, room.width, room.height)
        y = nearest_free([*blocked, *edges], want_y)
        # hypot, not squares: a coordinate near the float limit (1e308) must not overflow.
        score = math.hypot(x - want_x, y - want_y)
        if best is None or score < best[0]:
            best = (score, x, y)
    if best is None or not best[0] < radius:
        return None, across
    return (best[1], best[2]), across


def _crosses(line: Line, left: float, right: float, top: float, bottom: float) -> bool:
    """Whether ``line`` passes through the rectangle (edges included)."""
    x1, y1, x2, y2 = line.x1, line.y1, line.x2, line.y2
    if max(x1, x2) < left or min(x1, x2) > right:
        return False
    if x1 == x2:
        return min(y1, y2) <= bottom and max(y1, y2) >= top
    slope = (y2 - y1) / (x2 - x1)
    a, b = max(min(x1, x2), left), min(max(x1, x2), right)
    ya, yb = y1 + slope * (a - x1), y1 + slope * (b - x1)
    return min(ya, yb) <= bottom and max(ya, yb) >= top


def _line_intervals(lines: Sequence[Line], x: float, width: float, height: float) -> list[tuple[float, float]]:
    """The centre heights at which a box centred on ``x`` would touch one of ``lines``."""
    left, right = x - width / 2 - LINE_CLEARANCE, x + width / 2 + LINE_CLEARANCE
    out = []
    for line in lines:
        x1, y1, x2, y2 = line.x1, line.y1, line.x2, line.y2
        if max(x1, x2) <= left or min(x1, x2) >= right:
            continue
        if x1 == x2:
            ys = [y1, y2]
        else:
            slope = (y2 - y1) / (x2 - x1)
            a, b = max(min(x1, x2), left), min(max(x1, x2), right)
            ys = [y1 + slope * (a - x1), y1 + slope * (b - x1)]
        out.append((min(ys) - height / 2 - LINE_CLEARANCE, max(ys) + height / 2 + LINE_CLEARANCE))
    return out


def block_rect(
    positions: Mapping[str, Point], children: Mapping[str, Sequence[str]], root: str
) -> Rect | None:
    """The frame of ``root`` with its positioned sub-segments (as the painter draws it), from
    plain positions: a block being pasted is not in the map yet."""
    # Deepest first, without recursion: a pasted chain of sub-segments may be deep.
    order: list[str] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children.get(node, ()))
    rects: dict[str, Rect | None] = {}
    for node in reversed(order):
        where = positions.get(node)
        if where is None:
            rects[node] = None
            continue
        rect = own_box(*where)
        for child in children.get(node, ()):
            inner = rects.get(child)
            if inner is not None:
                rect = rect.united(inner.adjusted(-PARENT_PADDING, -PARENT_PADDING, PARENT_PADDING, PARENT_PADDING))
        rects[node] = rect
    return rects[root]
