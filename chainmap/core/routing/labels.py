"""A link's label and flow tag: their size in the map font, and a place along the link.

The painter draws a link's label (its text on one line) above its flow tag (津→京, the
regions' one-character names, several flows separated by spaces) in one rounded rectangle,
3 units of padding left and right and 1 above and below (``chainmap.render.items_link``).
The rectangle goes on the link where it covers no box, no tier header, no other label and
no note (and, of such places, preferably where it hides the fewest lines of other links):
first centred on the route at its middle, then further along it, then beside it;
where there is no such place at full size the text shrinks a pixel at a time (down to
:data:`SMALLEST`), and then it moves off the link, as close to the link as it fits (of the
free places in the first :data:`AROUND_RINGS` rings round the link that hold any, the one
nearest the link, then the one hiding the fewest lines), so that it is read as the link's.
It never covers a box.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .obstacles import Box, Point
from .space import LabelSpace
from .textsize import line_height, text_width

LABEL_SIZE = 11  # pixels, as the painter's link labels
SMALLEST = 8
ALONG = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88)
WEIGHED_PLACES = 12  # free places compared for the lines they would cover
RING = 12  # units between two rings of places off the link
AROUND_RINGS = 3  # rings compared once one holds a free place
AROUND_ANCHORS = (0.5, 0.3, 0.7, 0.1, 0.9)  # where along the link the rings are centred
SHORT_NAMES = {"CN-BJ": "京", "CN-TJ": "津", "CN-HE": "冀"}


@dataclass(frozen=True, slots=True)
class LabelText:
    """What a link's label rectangle holds: the label (may be empty) and the flows as
    (source region's short name, target region's short name)."""

    text: str
    flows: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.text) or bool(self.flows)

    def size(self, pixel_size: int = LABEL_SIZE) -> tuple[float, float]:
        """Width and height of the label's rectangle at ``pixel_size``."""
        width = text_width(self.text, pixel_size) if self.text else 0.0
        flow = 0.0
        for i, (source, target) in enumerate(self.flows):
            if i:
                flow += text_width(" ", pixel_size)
            flow += text_width(source, pixel_size) + text_width("→", pixel_size) + text_width(target, pixel_size)
        lines = bool(self.text) + bool(self.flows)
        return max(width, flow) + 6, lines * line_height(pixel_size) + 2


def region_short(code: str, name: str | None) -> str:
    """One character for a region in a flow tag: 京/津/冀 for the three, else the first
    character of its name (the code's last character without one), as the painter shows it."""
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    if name is None:
        return code
    return name.strip()[:1] or code[-1:]


@dataclass(frozen=True)
class PlacedLabel:
    """Where a label went: rectangle (left, top, right, bottom), the pixel size of its text,
    the point of the route it belongs to, and whether it overlaps nothing."""

    rect: Box
    pixel_size: int
    anchor: Point
    free: bool


def place_label(owner: str, label: LabelText, route: Sequence[Point], space: LabelSpace,
                hidden: Callable[[Box], int] | None = None) -> PlacedLabel:
    """Find the label of link ``owner`` a place along ``route`` and hold it in ``space``.

    ``hidden``: how many lines of other links a place would cover; then, of the first free
    places at a size, the one that covers the fewest."""
    fallback: tuple[int, Box, Point] | None = None
    for pixel_size in range(LABEL_SIZE, SMALLEST - 1, -1):
        width, height = label.size(pixel_size)
        best: tuple[int, Box, Point] | None = None
        weighed = 0
        for anchor, rect in _along(route, width, height):
            if space.free(rect, owner):
                cost = hidden(rect) if hidden is not None else 0
                if best is None or cost < best[0]:
                    best = (cost, rect, anchor)
                weighed += 1
                if cost == 0 or weighed >= WEIGHED_PLACES:
                    break
            elif fallback is None and space.obs.rect_free(rect):
                fallback = (pixel_size, rect, anchor)
        if best is not None:
            return _hold(space, owner, PlacedLabel(best[1], pixel_size, best[2], True))
    for pixel_size in (LABEL_SIZE, SMALLEST):
        width, height = label.size(pixel_size)
        near: tuple[tuple[int, int], Box, Point] | None = None
        first_ring: int | None = None
        for ring, anchor, rect in _around(route, width, height):
            if first_ring is not None and ring >= first_ring + AROUND_RINGS:
                break
            if not space.free(rect, owner):
                continue
            if first_ring is None:
                first_ring = ring
            key = (round(distance_to_route(rect, route) / RING), hidden(rect) if hidden is not None else 0)
            if near is None or key < near[0]:
                near = (key, rect, anchor)
        if near is not None:
            return _hold(space, owner, PlacedLabel(near[1], pixel_size, near[2], True))
    if fallback is not None:
        pixel_size, rect, anchor = fallback
        return _hold(space, owner, PlacedLabel(rect, pixel_size, anchor, False))
    width, height = label.size(SMALLEST)
    anchor, rect = next(_along(route, width, height))
    return _hold(space, owner, PlacedLabel(rect, SMALLEST, anchor, False))


def preview_label(owner: str, label: LabelText, route: Sequence[Point], space: LabelSpace) -> PlacedLabel:
    """The label at the middle of a preview route, not checked against anything."""
    width, height = label.size(LABEL_SIZE)
    anchor, _ = point_along(route, 0.5)
    return _hold(space, owner, PlacedLabel(_centred(*anchor, width, height), LABEL_SIZE, anchor, False))


def _hold(space: LabelSpace, owner: str, placed: PlacedLabel) -> PlacedLabel:
    space.add(owner, placed.rect)
    return placed


def _centred(x: float, y: float, width: float, height: float) -> Box:
    return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def point_along(route: Sequence[Point], t: float) -> tuple[Point, bool]:
    """The point ``t`` (0..1) of the way along ``route``, and whether it lies on a
    horizontal piece."""
    lengths = [math.dist(a, b) for a, b in zip(route, route[1:], strict=False)]
    total = sum(lengths)
    if total <= 0:
        return route[0], True
    along = total * t
    for (a, b), length in zip(zip(route, route[1:], strict=False), lengths, strict=True):
        if along <= length and length > 0:
            f = along / length
            return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f), abs(b[1] - a[1]) <= abs(b[0] - a[0])
        along -= length
    return route[-1], True


def _along(route: Sequence[Point], width: float, height: float) -> Iterator[tuple[Point, Box]]:
    """Places on the route: the middle of its longest horizontal run, then points along it;
    centred on the line first, then beside it."""
    runs = [(abs(b[0] - a[0]), a, b) for a, b in zip(route, route[1:], strict=False) if abs(b[1] - a[1]) < 1e-9]
    places: list[tuple[Point, bool]] = []
    if runs:
        length, a, b = max(runs, key=lambda run: run[0])
        if length >= width:
            places.append((((a[0] + b[0]) / 2, a[1]), True))
    places.extend(point_along(route, t) for t in ALONG)
    for (x, y), _ in places:
        yield (x, y), _centred(x, y, width, height)
    for (x, y), horizontal in places:
        if horizontal:
            yield (x, y), _centred(x, y - height / 2 - 2, width, height)
            yield (x, y), _centred(x, y + height / 2 + 2, width, height)
        else:
            yield (x, y), _centred(x + width / 2 + 2, y, width, height)
            yield (x, y), _centred(x - width / 2 - 2, y, width, height)


def _around(route: Sequence[Point], width: float, height: float) -> Iterator[tuple[int, Point, Box]]:
    """Places off the route, in widening rings (numbered from 0) round points along it."""
    anchors = [point_along(route, t)[0] for t in AROUND_ANCHORS]
    for ring, radius in enumerate(range(RING, 20 * RING + 1, RING)):
        steps = max(8, int(2 * math.pi * radius / 16))
        for anchor in anchors:
            for k in range(steps):
                angle = 2 * math.pi * k / steps
                x = anchor[0] + math.cos(angle) * (radius + width / 2)
                y = anchor[1] + math.sin(angle) * (radius + height / 2)
                yield ring, anchor, _centred(x, y, width, height)


def distance_to_route(rect: Box, route: Sequence[Point]) -> float:
    """How far ``rect`` lies from the nearest piece of ``route`` (each piece measured by its
    bounding box: exact for the router's level and upright pieces)."""
    left, top, right, bottom = rect
    best = math.inf
    for (x0, y0), (x1, y1) in zip(route, route[1:], strict=False):
        dx = max(0.0, min(x0, x1) - right, left - max(x0, x1))
        dy = max(0.0, min(y0, y1) - bottom, top - max(y0, y1))
        best = min(best, math.hypot(dx, dy))
    return best if best < math.inf else 0.0
