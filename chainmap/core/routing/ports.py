"""Which side of its boxes a link leaves and enters, and where along the side.

A link goes from the side of the source box that faces the target to the side of the
target that faces the source: left to right between columns (right to left for a link that
runs backward), bottom to top down a column. A link inside a column that would run through
the boxes between its ends leaves and enters on the right, a bracket beside the column.
Boxes that overlap or touch choose by the line between their centres.

All the links on one side of a box share it evenly, ordered by where their other ends lie,
so that they fan out without crossing each other at the box; a stretch of the side covered
by another box gets no port.
"""

from __future__ import annotations

from collections.abc import Iterable

from .obstacles import EPS, Box, Obstacles

RIGHT, DOWN, LEFT, UP = 0, 1, 2, 3
GAP = 4.0  # boxes closer than this on an axis are not "beside" each other on it


def choose_sides(obs: Obstacles, source: Box, target: Box, ignore: tuple[str, ...]) -> tuple[int, int]:
    """(side of the source, side of the target) a link between the two boxes uses."""
    if target[0] - source[2] >= GAP:
        return RIGHT, LEFT
    if source[0] - target[2] >= GAP:
        return LEFT, RIGHT
    below = target[1] - source[3] >= GAP
    above = source[1] - target[3] >= GAP
    if below or above:
        low, high = max(source[0], target[0]), min(source[2], target[2])
        x = (low + high) / 2
        y1, y2 = (source[3], target[1]) if below else (target[3], source[1])
        if high - low > EPS and not obs.blocked(x, y1, x, y2, ignore):
            return (DOWN, UP) if below else (UP, DOWN)
        return RIGHT, RIGHT
    # Overlapping or touching: by the line between the centres, scaled to the box shape.
    dx = (target[0] + target[2] - source[0] - source[2]) / 2
    dy = (target[1] + target[3] - source[1] - source[3]) / 2
    width = max(source[2] - source[0], 1.0)
    height = max(source[3] - source[1], 1.0)
    if abs(dx) / width >= abs(dy) / height:
        return (RIGHT, LEFT) if dx >= 0 else (LEFT, RIGHT)
    return (DOWN, UP) if dy >= 0 else (UP, DOWN)


def side_span(box: Box, side: int) -> tuple[float, float, float]:
    """(fixed coordinate, start, end) of a box side: x and the y range for left and right,
    y and the x range for top and bottom."""
    left, top, right, bottom = box
    if side == RIGHT:
        return right, top, bottom
    if side == LEFT:
        return left, top, bottom
    if side == DOWN:
        return bottom, left, right
    return top, left, right


def free_stretches(obs: Obstacles, box_id: str, side: int) -> list[tuple[float, float]]:
    """The parts of a side where a path can leave the box: not covered by another box that
    touches or overlaps the side from outside."""
    box = obs.boxes[box_id]
    fixed, start, end = side_span(box, side)
    outward = 1.0 if side in (RIGHT, DOWN) else -1.0
    covered: list[tuple[float, float]] = []
    probe = fixed + outward * 2 * EPS
    horizontal = side in (RIGHT, LEFT)
    region = (probe, start, probe, end) if horizontal else (start, probe, end, probe)
    for left, top, right, bottom, other in obs.near(*region):
        if other == box_id:
            continue
        if horizontal:
            if left < probe < right and top < end and bottom > start:
                covered.append((top, bottom))
        elif top < probe < bottom and left < end and right > start:
            covered.append((left, right))
    if not horizontal and side == UP and probe < obs.y_min:
        return []
    stretches = [(start, end)]
    for low, high in covered:
        cut: list[tuple[float, float]] = []
        for a, b in stretches:
            if high <= a or low >= b:
                cut.append((a, b))
                continue
            if low > a:
                cut.append((a, low))
            if high < b:
                cut.append((high, b))
        stretches = cut
    return [(a, b) for a, b in stretches if b - a > 4 * EPS]


def spread(stretches: list[tuple[float, float]], count: int) -> list[float]:
    """``count`` positions spread evenly over the stretches (taken end to end)."""
    total = sum(b - a for a, b in stretches)
    if not stretches:
        return []
    if total <= 0:
        # A side of no length: a box so far out (y = 1e20) that its height is lost in the
        # float's rounding. Every port sits at its one point.
        return [stretches[0][0]] * count
    positions = []
    for k in range(count):
        along = total * (k + 1) / (count + 1)
        for a, b in stretches:
            if along <= b - a:
                positions.append(a + along)
                break
            along -= b - a
        else:
            positions.append(stretches[-1][1])
    return positions


def port_point(box: Box, side: int, along: float) -> tuple[float, float, int]:
    """The port at ``along`` on ``side``, with the direction a path leaves it."""
    fixed, _, _ = side_span(box, side)
    if side in (RIGHT, LEFT):
        return fixed, along, side
    return along, fixed, side


def order_key(side: int, other: Box, link_id: str) -> tuple[float, float, str]:
    """Sort key of a link on a side: by where its other end lies along the side."""
    cx, cy = (other[0] + other[2]) / 2, (other[1] + other[3]) / 2
    if side in (RIGHT, LEFT):
        return cy, cx if side == RIGHT else -cx, link_id
    return cx, cy if side == DOWN else -cy, link_id


def assign(obs: Obstacles, box_id: str, side: int, entries: Iterable[tuple[str, Box]]) -> dict[str, float]:
    """Positions along ``side`` of ``box_id`` for the links ``entries`` ((link id, other
    end's box)), spread evenly in link order."""
    ordered = sorted(entries, key=lambda entry: order_key(side, entry[1], entry[0]))
    stretches = free_stretches(obs, box_id, side)
    if not stretches:
        _, start, end = side_span(obs.boxes[box_id], side)
        stretches = [(start, end)]
    return dict(zip((link_id for link_id, _ in ordered), spread(stretches, len(ordered)), strict=False))


def all_ports(obs: Obstacles, box_id: str, outward: bool) -> list[tuple[float, float, int]]:
    """A port in the middle of every free stretch of every side of a box, with the direction
    a path leaves it (``outward``) or arrives at it."""
    ports = []
    box = obs.boxes[box_id]
    for side in range(4):
        for a, b in free_stretches(obs, box_id, side):
            x, y, direction = port_point(box, side, (a + b) / 2)
            ports.append((x, y, direction if outward else (direction + 2) % 4))
    return ports


def between_centres(source: Box, target: Box) -> list[tuple[float, float]] | None:
    """The piece of the line between two boxes' centres from the source's border to the
    target's (None when the centres coincide): how two overlapping boxes are joined."""
    sx, sy = (source[0] + source[2]) / 2, (source[1] + source[3]) / 2
    tx, ty = (target[0] + target[2]) / 2, (target[1] + target[3]) / 2
    if abs(tx - sx) < 1e-6 and abs(ty - sy) < 1e-6:
        return None
    return [_leaving(source, sx, sy, tx, ty), _leaving(target, tx, ty, sx, sy)]


def _leaving(box: Box, cx: float, cy: float, tx: float, ty: float) -> tuple[float, float]:
    """Where the line from the box's centre toward (tx, ty) leaves the box."""
    dx, dy = tx - cx, ty - cy
    half_w, half_h = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    scale = min(half_w / abs(dx) if dx else float("inf"), half_h / abs(dy) if dy else float("inf"))
    return cx + dx * scale, cy + dy * scale
