"""Finding one orthogonal path between two ports, around the boxes.

A path starts at its source port moving outward from the box side and ends at its target
port moving into the target's side. Most links in a chain map need one of a few shapes (a
straight run, an L, a Z through the channel between two columns, a bracket beside a column,
or a run along the gap between two rows), so :func:`quick_path` tries those first, a few
segment tests each, and last a staircase across columns whose gaps do not line up (a map
laid out for a page), a few look-ups per column. The rest go to :func:`search_path`: A*
over the sparse grid made by the boxes' edges and the ports' lines (the Hanan grid: it
holds an obstacle-free path whenever one exists), where a step costs its length and a bend
costs :data:`BEND`, with a heuristic that adds the fewest bends still needed. The grid is
searched first in a window around the two ends, then over the whole map; routes run along
box borders there, and the nudging step (:mod:`.nudge`) moves them into the middle of
their channels.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence

from .obstacles import EPS, Obstacles, Point

# Directions: right, down, left, up (y grows downward, as on the canvas).
DX = (1, 0, -1, 0)
DY = (0, 1, 0, -1)
BEND = 48.0
WINDOW = 360.0
OUTSIDE = 48.0  # how far beyond the boxes a path may go round the map
HIT = 1e6  # the cost of entering a box, when no free path exists
ROW_CHOICES = 6  # free row paths weighed against each other when scoring
STUB = 12.0  # how far a plain path goes straight out of a port
STAIR_TURNS = 64  # turns a staircase path may take before the search is left to find it
STAIR_GAPS = 16  # gaps in a column weighed at each turn of a staircase path away from the goal
STAIR_DETOUR = 8.0  # per unit a staircase's row lies outside the span of its ends (see _next_stair)

Port = tuple[float, float, int]  # x, y, direction of travel there


def min_bends(px: float, py: float, d: int, gx: float, gy: float, gd: int) -> int:
    """The fewest bends a path moving ``d`` at ``(px, py)`` needs to arrive at ``(gx, gy)``
    moving ``gd``."""
    rx, ry = gx - px, gy - py
    dx, dy = DX[d], DY[d]
    ahead = rx * dx + ry * dy
    lateral = rx * dy - ry * dx
    if d == gd:
        if -EPS < lateral < EPS and ahead > -EPS:
            return 0
        return 2 if ahead > EPS else 4
    if d == (gd + 2) % 4:
        return 2 if (lateral > EPS or lateral < -EPS) else 4
    along = rx * DX[gd] + ry * DY[gd]
    return 1 if ahead > -EPS and along > EPS else 3


# ---------------------------------------------------------------- quick shapes
Score = Callable[[list[Point]], float]


def quick_path(obs: Obstacles, start: Port, goal: Port, ignore: tuple[str, ...],
               score: Score | None = None) -> list[Point] | None:
    """A free path among the usual shapes, fewest bends first; None if none is. Among free
    shapes with as many bends, the first one, or with ``score`` the one it scores lowest
    (e.g. the fewest crossings with the links routed so far)."""
    sx, sy, sd = start
    gx, gy, gd = goal
    if sd % 2 == 1:  # vertical start: solve the transposed problem
        flipped = None if score is None else (lambda path: score([(y, x) for x, y in path]))
        path = _quick_horizontal(_Transposed(obs), (sy, sx, sd ^ 1), (gy, gx, gd ^ 1), ignore, flipped)
        return None if path is None else [(y, x) for x, y in path]
    return _quick_horizontal(obs, start, goal, ignore, score)


def stairs_path(obs: Obstacles, start: Port, goal: Port, ignore: tuple[str, ...]) -> list[Point] | None:
    """A staircase path (:func:`_quick_stairs`) between two ports facing the same way, also
    when they are on one row with boxes between them (which :func:`quick_path` leaves to
    the search: round one box, the search finds the tidiest detour at once); None if none
    is found."""
    sx, sy, sd = start
    gx, gy, gd = goal
    if sd != gd:
        return None
    if sd % 2 == 1:
        path = _quick_stairs(_Transposed(obs), (sy, sx, sd ^ 1), (gy, gx, gd ^ 1), ignore)
        return None if path is None else [(y, x) for x, y in path]
    return _quick_stairs(obs, start, goal, ignore)


def _best(paths: Iterable[list[Point]], score: Score | None) -> list[Point] | None:
    """The first of ``paths`` or, with ``score``, the lowest scored (first among equals)."""
    if score is None:
        return next(iter(paths), None)
    best, best_score = None, math.inf
    for path in paths:
        value = score(path)
        if value < best_score:
            best, best_score = path, value
            if value <= 0:
                break
    return best


class _Transposed:
    """The obstacles seen with x and y swapped (so vertical starts reuse the horizontal code)."""

    def __init__(self, obs: Obstacles) -> None:
        self._obs = obs
        self.xs = obs.ys
        self.ys = obs.xs

    def blocked(self, x1: float, y1: float, x2: float, y2: float, ignore: tuple[str, ...] = ()) -> bool:
        return self._obs.blocked(y1, x1, y2, x2, ignore)

    def reach(self, axis: int, at: float, start: float, limit: float) -> float:
        return self._obs.reach(1 - axis, at, start, limit)

    def box_ends(self, axis: int, at: float, start: float, limit: float) -> list[float]:
        return self._obs.box_ends(1 - axis, at, start, limit)


def _free(obs: Obstacles | _Transposed, points: Sequence[Point], ignore: tuple[str, ...]) -> bool:
    blocked = obs.blocked
    for a, b in zip(points, points[1:], strict=False):
        if blocked(a[0], a[1], b[0], b[1], ignore):
            return False
    return True


def _between(values: list[float], a: float, b: float) -> list[float]:
    """The values strictly between ``a`` and ``b`` (either order), ascending."""
    low, high = (a, b) if a <= b else (b, a)
    return values[bisect_right(values, low + EPS):bisect_left(values, high - EPS)]


def _quick_horizontal(obs: Obstacles | _Transposed, start: Port, goal: Port,
                      ignore: tuple[str, ...], score: Score | None) -> list[Point] | None:
    sx, sy, sd = start
    gx, gy, gd = goal
    step = DX[sd]
    forward = (gx - sx) * step
    if sd == gd:
        if forward <= EPS:
            return None
        if abs(gy - sy) <= EPS:
            path = [(sx, sy), (gx, gy)]
            return path if _free(obs, path, ignore) else None
        inner = _between(obs.xs, sx, gx)
        middle = (sx + gx) / 2
        if step < 0:
            inner = inner[::-1]
        xs = [middle] if not inner else [inner[-1], inner[0], middle, *inner[1:-1][:4]]
        zs = ([(sx, sy), (m, sy), (m, gy), (gx, gy)] for m in xs)
        found = _best((path for path in zs if _free(obs, path, ignore)), score)
        if found is None:
            found = _best(_quick_rows(obs, start, goal, ignore, inner), score)
        return found if found is not None else _quick_stairs(obs, start, goal, ignore)
    if sd == (gd + 2) % 4:  # a bracket: out, along, and back in
        if abs(gy - sy) <= EPS:
            return None
        reach = max(sx * step, gx * step)
        beyond = [v for v in (obs.xs if step > 0 else obs.xs[::-1]) if v * step > reach + EPS][:3]
        brackets = ([(sx, sy), (m, sy), (m, gy), (gx, gy)] for m in [*beyond, (reach + OUTSIDE / 2) * step])
        return _best((path for path in brackets if _free(obs, path, ignore)), score)
    # Perpendicular: an L with its corner at (gx, sy).
    if forward > EPS and (gy - sy) * DY[gd] > EPS:
        path = [(sx, sy), (gx, sy), (gx, gy)]
        if _free(obs, path, ignore):
            return path
    return None


def _quick_rows(obs: Obstacles | _Transposed, start: Port, goal: Port, ignore: tuple[str, ...],
                inner: list[float]) -> Iterator[list[Point]]:
    """Out into the channel beside the source, along a free row gap, down the channel beside
    the target, and in: the usual path of a link that spans several columns. The free ones,
    nearest rows first."""
    sx, sy, _ = start
    gx, gy, _ = goal
    if len(inner) < 2:
        return
    firsts = inner[:2]
    lasts = inner[-2:][::-1]
    ys = obs.ys
    low, high = (sy, gy) if sy <= gy else (gy, sy)
    centre = (sy + gy) / 2
    at = bisect_left(ys, centre)
    below, above = at, at - 1
    tries = found = 0
    while tries < 24 and (below < len(ys) or above >= 0):
        # Alternate outward from the middle height; rows outside the span cost extra length.
        if above < 0 or (below < len(ys) and abs(ys[below] - centre) <= abs(ys[above] - centre)):
            k = ys[below]
            below += 1
        else:
            k = ys[above]
            above -= 1
        if k < low - WINDOW or k > high + WINDOW:
            continue
        tries += 1
        for m1 in firsts:
            for m2 in lasts:
                if (m2 - m1) * (gx - sx) <= 0:
                    continue
                if obs.blocked(m1, k, m2, k, ignore):
                    continue
                path = [(sx, sy), (m1, sy), (m1, k), (m2, k), (m2, gy), (gx, gy)]
                if _free(obs, path, ignore):
                    yield path
                    found += 1
                    if found >= ROW_CHOICES:
                        return


def _quick_stairs(obs: Obstacles | _Transposed, start: Port, goal: Port,
                 ignore: tuple[str, ...]) -> list[Point] | None:
    """Across the columns between two ports facing the same way, a few columns at a time:
    along a row until a box is in the way, then along the channel before it to a gap in that
    column whose row gets far (:func:`_next_stair`), and so on until a channel leads to the
    goal's row and that row on to the goal.

    It is the path of a link across a page-shaped map: its tiers wrap into columns side by
    side whose gaps do not line up, so no one row leads through (:func:`_quick_rows`), and
    the search over the grid (:func:`search_path`) would visit every row of every column
    between the ends, more of them the bigger the map; here each turn costs a few look-ups
    (:meth:`Obstacles.reach`, :meth:`Obstacles.box_ends`). None when it finds no way within
    :data:`STAIR_TURNS` turns, or when the two boxes overlap (``ignore``): the search is left
    to find those."""
    sx, sy, sd = start
    gx, gy, _ = goal
    step = DX[sd]
    if ignore or (gx - sx) * step <= EPS:
        return None
    points: list[Point] = [(sx, sy)]
    x, y = sx, sy
    ahead = obs.reach(0, y, x, gx)
    for _ in range(STAIR_TURNS):
        turns = _turns(obs.xs, x, ahead, gx, step)
        down = next((m for m in turns if not obs.blocked(m, y, m, gy) and not obs.blocked(m, gy, gx, gy)), None)
        if down is not None:
            path = simplify([*points, (down, y), (down, gy), (gx, gy)])
            return path if _free(obs, path, ignore) else None  # e.g. a run up past the header
        stair = _next_stair(obs, turns[:2], y, gy, gx, ahead, step)
        if stair is None:
            return None
        x, next_y, ahead = stair
        points += [(x, y), (x, next_y)]
        y = next_y
    return None


def _turns(xs: list[float], x: float, ahead: float, gx: float, step: int) -> list[float]:
    """The grid lines where a run along a row from ``x`` that gets as far as ``ahead`` may
    turn, furthest first and at most three (the channel just before the box in the way),
    never the goal's own line."""
    if step > 0:
        low, high = bisect_right(xs, x + EPS), bisect_right(xs, ahead)
        lines = xs[max(low, high - 4):high][::-1]
    else:
        low, high = bisect_left(xs, ahead), bisect_left(xs, x - EPS)
        lines = xs[low:min(high, low + 4)]
    return [m for m in lines if (gx - m) * step > EPS][:3]


def _next_stair(obs: Obstacles | _Transposed, turns: list[float], y: float, gy: float, gx: float,
                ahead: float, step: int) -> tuple[float, float, float] | None:
    """Where the next run along a row starts, ``(turn, row, how far it gets)``: of the gaps in
    the column in the way, along the channel at one of ``turns``, the one whose row gets
    furthest, less :data:`STAIR_DETOUR` times how far that row lies outside the rows between
    here and the goal's (a detour there and back, which the search too weighs against the
    bends a longer run saves); nearest the goal's row among equals. Only gaps that get
    further, or as far and nearer the goal's row, so that the turns come to an end. None
    when no gap does."""
    low, high = min(y, gy), max(y, gy)
    best: tuple[float, float, float] | None = None
    best_key = (-math.inf, -math.inf)
    for m in turns:
        for row in _rows_beyond(obs, m, y, gy, step):
            far = obs.reach(0, row, m, gx)
            gain = (far - ahead) * step
            if (far - m) * step <= EPS or not (gain > EPS or (gain > -EPS and abs(row - gy) < abs(y - gy) - EPS)):
                continue
            key = (far * step - STAIR_DETOUR * max(low - row, row - high, 0.0), -abs(row - gy))
            if key > best_key:
                best, best_key = (m, row, far), key
    return best


def _rows_beyond(obs: Obstacles | _Transposed, m: float, y: float, gy: float, step: int) -> list[float]:
    """The rows of the gaps in the column past ``m`` that a run up or down the channel at
    ``m`` can take: towards the goal's row and up to :data:`WINDOW` past it, and the
    :data:`STAIR_GAPS` nearest the other way within :data:`WINDOW`."""
    towards = 1.0 if gy >= y else -1.0
    return (_gaps_across(obs, m, y, gy + towards * WINDOW, step)
            + _gaps_across(obs, m, y, y - towards * WINDOW, step)[:STAIR_GAPS])


def _gaps_across(obs: Obstacles | _Transposed, m: float, y: float, limit: float, step: int) -> list[float]:
    """The rows, from ``y`` towards ``limit`` as far as the channel at ``m`` is free, along
    which a route can pass between two boxes of the column just past ``m``: their borders
    (as grid lines), nearest ``y`` first."""
    xs = obs.xs
    at = bisect_right(xs, m + EPS) if step > 0 else bisect_left(xs, m - EPS) - 1
    if not 0 <= at < len(xs):
        return []
    probe = (m + xs[at]) / 2  # a line through the column
    end = obs.reach(1, m, y, limit)
    ys = obs.ys
    return [_snap(ys, row) for row in obs.box_ends(1, probe, y, end)]


def _snap(values: list[float], value: float) -> float:
    """``value`` as the grid line it stands for, when one is within rounding of it."""
    at = bisect_left(values, value - 2 * EPS)
    return values[at] if at < len(values) and abs(values[at] - value) <= 2 * EPS else value


def plain_path(start: Port, goal: Port) -> list[Point]:
    """An orthogonal path between two ports that ignores the boxes (a preview while
    dragging, or a last resort): out of the start, across, and into the goal."""
    sx, sy, sd = start
    gx, gy, gd = goal
    a = (sx + DX[sd] * STUB, sy + DY[sd] * STUB)
    b = (gx - DX[gd] * STUB, gy - DY[gd] * STUB)
    if sd % 2 == 0:
        middle = (a[0] + b[0]) / 2
        inner = [a, (middle, a[1]), (middle, b[1]), b]
    else:
        middle = (a[1] + b[1]) / 2
        inner = [a, (a[0], middle), (b[0], middle), b]
    return simplify([(sx, sy), *inner, (gx, gy)])


# ---------------------------------------------------------------- A* on the sparse grid
def search_path(obs: Obstacles, starts: Sequence[Port], goals: Sequence[Port], ignore: tuple[str, ...],
                *, window: float | None = WINDOW, allow_hits: bool = False,
                limit: int | None = None) -> list[Point] | None:
    """The cheapest path from any start to any goal on the sparse grid, or None.

    ``window``: search only the grid within this distance of the ends' bounding box (None:
    the whole map and a margin round it). ``allow_hits``: entering a box costs :data:`HIT`
    instead of being refused (used only when no free path exists). ``limit``: give up
    (None) after expanding this many grid states."""
    ends = [*starts, *goals]
    if window is None:
        boxes = obs.boxes.values()
        left = min([p[0] for p in ends] + [b[0] for b in boxes]) - OUTSIDE
        right = max([p[0] for p in ends] + [b[2] for b in boxes]) + OUTSIDE
        top = min([p[1] for p in ends] + [b[1] for b in boxes]) - OUTSIDE
        bottom = max([p[1] for p in ends] + [b[3] for b in boxes]) + OUTSIDE
    else:
        left = min(p[0] for p in ends) - window
        right = max(p[0] for p in ends) + window
        top = min(p[1] for p in ends) - window
        bottom = max(p[1] for p in ends) + window
    top = max(top, obs.y_min)
    xs = _lines(obs.xs, left, right, [p[0] for p in ends])
    ys = _lines(obs.ys, top, bottom, [p[1] for p in ends] + ([obs.y_min] if obs.y_min > top else []))
    return _astar(obs, xs, ys, starts, goals, ignore, allow_hits, limit)


def _lines(values: list[float], low: float, high: float, extra: list[float]) -> list[float]:
    inside = values[bisect_left(values, low):bisect_right(values, high)]
    return sorted(set(inside).union(extra, (low, high)))


def _astar(obs: Obstacles, xs: list[float], ys: list[float], starts: Sequence[Port], goals: Sequence[Port],
           ignore: tuple[str, ...], allow_hits: bool, limit: int | None) -> list[Point] | None:
    nx, ny = len(xs), len(ys)
    x_index = {x: i for i, x in enumerate(xs)}
    y_index = {y: j for j, y in enumerate(ys)}
    goal_keys = {((x_index[gx] * ny + y_index[gy]) << 2) | gd for gx, gy, gd in goals}
    goal_list = list(goals)
    start_keys = set()
    blocked: Callable[..., bool] = obs.blocked

    def estimate(x: float, y: float, d: int) -> float:
        return min(abs(gx - x) + abs(gy - y) + BEND * min_bends(x, y, d, gx, gy, gd) for gx, gy, gd in goal_list)

    best: dict[int, float] = {}
    parent: dict[int, int] = {}
    heap: list[tuple[float, float, int]] = []
    for sx, sy, sd in starts:
        key = ((x_index[sx] * ny + y_index[sy]) << 2) | sd
        start_keys.add(key)
        best[key] = 0.0
        heapq.heappush(heap, (estimate(sx, sy, sd), 0.0, key))
    done: set[int] = set()
    while heap:
        _, cost, key = heapq.heappop(heap)
        if key in done:
            continue
        done.add(key)
        if limit is not None and len(done) > limit:
            return None
        if key in goal_keys:
            return _unwind(key, parent, xs, ys, ny)
        d = key & 3
        cell = key >> 2
        i, j = divmod(cell, ny)
        x, y = xs[i], ys[j]
        for nd in ((d,) if key in start_keys else (d, (d + 1) & 3, (d + 3) & 3)):
            ni, nj = i + DX[nd], j + DY[nd]
            if ni < 0 or nj < 0 or ni >= nx or nj >= ny:
                continue
            tx, ty = xs[ni], ys[nj]
            step = abs(tx - x) + abs(ty - y)
            if blocked(x, y, tx, ty, ignore):
                if not allow_hits:
                    continue
                step += HIT * len(obs.hits(x, y, tx, ty, ignore))
            new_cost = cost + step + (BEND if nd != d else 0.0)
            next_key = ((ni * ny + nj) << 2) | nd
            if new_cost < best.get(next_key, 1e300) and next_key not in done:
                best[next_key] = new_cost
                parent[next_key] = key
                heapq.heappush(heap, (new_cost + estimate(tx, ty, nd), new_cost, next_key))
    return None


def _unwind(key: int, parent: dict[int, int], xs: list[float], ys: list[float], ny: int) -> list[Point]:
    cells = []
    while True:
        cells.append(key >> 2)
        if key not in parent:
            break
        key = parent[key]
    points = [(xs[c // ny], ys[c % ny]) for c in reversed(cells)]
    return simplify(points)


def simplify(points: Sequence[Point]) -> list[Point]:
    """Drop repeated points and the middle points of straight runs."""
    result: list[Point] = []
    for point in points:
        if result and abs(point[0] - result[-1][0]) < 1e-9 and abs(point[1] - result[-1][1]) < 1e-9:
            continue
        if len(result) >= 2:
            a, b = result[-2], result[-1]
            if (abs(a[0] - b[0]) < 1e-9 and abs(b[0] - point[0]) < 1e-9) or (
                    abs(a[1] - b[1]) < 1e-9 and abs(b[1] - point[1]) < 1e-9):
                result[-1] = point
                continue
        result.append(point)
    return result
