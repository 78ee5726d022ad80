"""Room for a new box: the free spot nearest to where the user asked for it.

The editor adds a segment where the user double-clicked, at the view's centre (toolbar,
Insert) or where a pasted copy would land; :func:`nearest_free_spot` moves that wish to the
closest place where the box touches no other box and no note, inside its tier's band. Links
are avoided too when that costs little: a spot on a link's straight line is taken only when
the nearest spot clear of every link is more than ``line_detour`` further away.

The search is exact for boxes: a centre is forbidden inside each obstacle grown by half the
new box and the clearance (their Minkowski sum); the best centre lies on the wanted x or on
the edge of such a region, and on each candidate x the nearest free y is found among the
blocked intervals. Candidates are visited nearest-first and the search stops once no nearer
one can exist, so an uncrowded spot costs a handful of comparisons.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .geometry import PARENT_PADDING, SEGMENT_HEIGHT, SEGMENT_WIDTH, Rect, own_box

CLEARANCE = 16.0
LINE_CLEARANCE = 4.0
LINE_DETOUR = 2 * SEGMENT_HEIGHT
Point = tuple[float, float]


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
    regions = [
        (r.left - clearance - width / 2, r.top - clearance - height / 2,
         r.right + clearance + width / 2, r.bottom + clearance + height / 2)
        for r in obstacles
    ]
    low, high = -float("inf"), float("inf")
    if x_range is not None:
        low, high = x_range[0] + width / 2, x_range[1] - width / 2
        if low > high:
            low = high = (x_range[0] + x_range[1]) / 2
    clear = _search(want, regions, (low, high), width, height, [])
    line_list = list(lines)
    if not line_list:
        return clear
    off_lines = _search(want, regions, (low, high), width, height, line_list)
    if _distance(off_lines, want) <= _distance(clear, want) + line_detour:
        return off_lines
    return clear


def _distance(point: Point, want: Point) -> float:
    return float(((point[0] - want[0]) ** 2 + (point[1] - want[1]) ** 2) ** 0.5)


def _search(
    want: Point,
    regions: Sequence[tuple[float, float, float, float]],
    limits: tuple[float, float],
    width: float,
    height: float,
    lines: Sequence[Line],
) -> Point:
    low, high = limits
    want_x, want_y = want
    start = min(max(want_x, low), high)
    xs = {start}
    for left, _top, right, _bottom in regions:
        for x in (left, right):
            if low <= x <= high:
                xs.add(x)
    if low > -float("inf"):
        xs.add(low)
    if high < float("inf"):
        xs.add(high)
    best: tuple[float, float, float] | None = None
    for x in sorted(xs, key=lambda value: abs(value - want_x)):
        if best is not None and (x - want_x) ** 2 >= best[0]:
            break  # every later candidate is further across than the best is in all
        blocked = [(top, bottom) for left, top, right, bottom in regions if left < x < right]
        blocked += _line_intervals(lines, x, width, height)
        y = _nearest_free(blocked, want_y)
        score = (x - want_x) ** 2 + (y - want_y) ** 2
        if best is None or score < best[0]:
            best = (score, x, y)
    assert best is not None  # the start candidate is always tried
    return best[1], best[2]


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


def _nearest_free(blocked: list[tuple[float, float]], want: float) -> float:
    """The value nearest ``want`` inside no open interval of ``blocked``."""
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
