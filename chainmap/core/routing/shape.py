"""Drawing a route: its corners rounded, and flattened into the polyline everyone draws.

Each corner of an orthogonal route becomes a quadratic curve from :data:`RADIUS` before the
corner to :data:`RADIUS` after it (less on short segments), with the corner as its control
point; the curve is flattened to :data:`STEPS` chords, which stay within 0.1 unit of it (the
format promises 2). A rounded corner cuts inside the turn, so a route that would then touch
a box keeps its sharp corners.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .obstacles import Obstacles, Point, segment_enters

RADIUS = 6.0
STEPS = 4


def rounded(corners: Sequence[Point], radius: float | Sequence[float] = RADIUS) -> list[Point]:
    """The polyline of ``corners`` with each inner corner rounded (``radius``: one for all, or
    one per inner corner; 0 keeps a corner sharp)."""
    if len(corners) < 3:
        return list(corners)
    radii = [radius] * (len(corners) - 2) if isinstance(radius, (int, float)) else list(radius)
    points = [corners[0]]
    for i in range(1, len(corners) - 1):
        points.extend(_corner(corners[i - 1], corners[i], corners[i + 1], radii[i - 1]))
    points.append(corners[-1])
    return points


def _corner(before: Point, corner: Point, after: Point, radius: float) -> list[Point]:
    """The points of one rounded corner (the corner itself when it stays sharp)."""
    r = min(radius, math.dist(before, corner) / 2, math.dist(corner, after) / 2)
    if r <= 1e-6:
        return [corner]
    a = _towards(corner, before, r)
    b = _towards(corner, after, r)
    points = []
    for k in range(STEPS + 1):
        t = k / STEPS
        m = 1 - t
        points.append((m * m * a[0] + 2 * m * t * corner[0] + t * t * b[0],
                       m * m * a[1] + 2 * m * t * corner[1] + t * t * b[1]))
    return points


def _towards(origin: Point, toward: Point, distance: float) -> Point:
    length = math.dist(origin, toward)
    f = distance / length
    return origin[0] + (toward[0] - origin[0]) * f, origin[1] + (toward[1] - origin[1]) * f


def enters_any(obs: Obstacles, points: Sequence[Point], ignore: tuple[str, ...]) -> bool:
    """True when the polyline passes inside a box that is not in ``ignore``."""
    for a, b in zip(points, points[1:], strict=False):
        left, right = min(a[0], b[0]), max(a[0], b[0])
        top, bottom = min(a[1], b[1]), max(a[1], b[1])
        for box in obs.near(left, top, right, bottom):
            if box[4] not in ignore and segment_enters(a, b, box[:4]):
                return True
    return False


def drawn(obs: Obstacles, corners: Sequence[Point], ignore: tuple[str, ...]) -> list[Point]:
    """The polyline to draw for ``corners``: rounded, except at corners where the curve would
    cut into a box (a rounded corner stays inside the square of its radius round the
    corner, so only a box reaching into that square is looked at)."""
    radii = []
    for i in range(1, len(corners) - 1):
        x, y = corners[i]
        radius = RADIUS
        if not obs.rect_free((x - RADIUS, y - RADIUS, x + RADIUS, y + RADIUS), ignore):
            curve = _corner(corners[i - 1], corners[i], corners[i + 1], RADIUS)
            if enters_any(obs, curve, ignore):
                radius = 0.0
        radii.append(radius)
    return rounded(corners, radii)
