"""Drawing a route: its corners rounded, and flattened into the polyline everyone draws.

Each corner of an orthogonal route becomes a quadratic curve from :data:`RADIUS` before the
corner to :data:`RADIUS` after it (less on short segments), with the corner as its control
point; the curve is flattened to :data:`STEPS` chords, which stay within 0.1 unit of it (the
format promises 2). A rounded corner cuts inside the turn, so a route that would then touch
a box keeps its sharp corners. A routed link keeps only its corners and which of them stay
sharp (:func:`sharp_corners`); the flattened points are made again whenever a drawing asks
for them (:func:`rounded_except`), so a big map's routes do not hold some twenty points each.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .obstacles import Obstacles, Point, segment_enters

RADIUS = 6.0
STEPS = 4


# The quadratic curve's weights of its start, control point and end at each of its points.
_WEIGHTS = [((1 - k / STEPS) * (1 - k / STEPS), 2 * (1 - k / STEPS) * (k / STEPS), (k / STEPS) * (k / STEPS))
            for k in range(STEPS + 1)]


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
    ax, ay = _towards(corner, before, r)
    bx, by = _towards(corner, after, r)
    cx, cy = corner
    return [(wa * ax + wc * cx + wb * bx, wa * ay + wc * cy + wb * by) for wa, wc, wb in _WEIGHTS]


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


def sharp_corners(obs: Obstacles, corners: Sequence[Point], ignore: tuple[str, ...]) -> int:
    """The inner corners of ``corners`` to keep sharp, as bits (bit ``i``: the corner at
    ``corners[i + 1]``), where the rounded curve would cut into a box (a rounded corner stays
    inside the square of its radius round the corner, so only a box reaching into that
    square is looked at)."""
    sharp = 0
    for i in range(1, len(corners) - 1):
        x, y = corners[i]
        if not obs.rect_free((x - RADIUS, y - RADIUS, x + RADIUS, y + RADIUS), ignore):
            curve = _corner(corners[i - 1], corners[i], corners[i + 1], RADIUS)
            if enters_any(obs, curve, ignore):
                sharp |= 1 << (i - 1)
    return sharp


def rounded_except(corners: Sequence[Point], sharp: int) -> tuple[Point, ...]:
    """The polyline to draw for ``corners``: rounded, except the inner corners in ``sharp``
    (as :func:`sharp_corners` gives them)."""
    radii = [0.0 if sharp >> i & 1 else RADIUS for i in range(len(corners) - 2)]
    return tuple(rounded(corners, radii))
