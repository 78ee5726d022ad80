"""Note callouts: their rectangle, a free place for it, and a leader line around the boxes.

A callout is the note's text in the 12-pixel map font, wrapped at 200 units when a line is
longer, with 7 units of padding, centred on the note's position (as
``chainmap.render.items_note`` draws it). It stays there when it covers no box, no tier
header and no earlier note; otherwise it goes to the nearest free place. Its leader runs
from the callout to the nearest point of the box of the segment it points at: straight when
that line crosses no other box, else routed like a link (and left out when the callout
touches the box).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from .obstacles import Box, Obstacles, Point, segment_enters
from .ports import choose_sides, port_point, side_span
from .search import quick_path, search_path
from .space import LabelSpace
from .textsize import block_size, text_width

TEXT_SIZE = 12
TEXT_WIDTH = 200.0
PAD = 7.0
STEP = 8.0
MAX_SHIFT = 800.0


def callout_size(text: str) -> tuple[float, float]:
    """Width and height of a note's callout rectangle."""
    lines = text.strip().splitlines() or [" "]
    natural = max(text_width(line, TEXT_SIZE) for line in lines)
    width, height = block_size(lines, TEXT_SIZE, TEXT_WIDTH if natural > TEXT_WIDTH else None)
    return width + 2 * PAD, height + 2 * PAD


def place_note(owner: str, centre: Point, size: tuple[float, float], space: LabelSpace) -> tuple[Box, bool]:
    """The callout's rectangle near ``centre``, held in ``space``; and whether it moved."""
    width, height = size
    for i, (x, y) in enumerate(_spiral(centre)):
        rect = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
        if space.free(rect, owner):
            space.add(owner, rect)
            return rect, i > 0
    rect = (centre[0] - width / 2, centre[1] - height / 2, centre[0] + width / 2, centre[1] + height / 2)
    space.add(owner, rect)
    return rect, False


def _spiral(centre: Point) -> Iterator[Point]:
    """The centre, then points on square rings of growing size around it, nearest first."""
    cx, cy = centre
    yield cx, cy
    ring = 1
    while ring * STEP <= MAX_SHIFT:
        offsets = [(dx, dy) for dx in range(-ring, ring + 1) for dy in (-ring, ring)]
        offsets += [(dx, dy) for dx in (-ring, ring) for dy in range(-ring + 1, ring)]
        offsets.sort(key=lambda o: (o[0] * o[0] + o[1] * o[1], o))
        for dx, dy in offsets:
            yield cx + dx * STEP, cy + dy * STEP
        ring += 1


def leader(obs: Obstacles, rect: Box, target_id: str) -> tuple[Point, ...] | None:
    """The leader from a callout to its segment's box, avoiding the other boxes."""
    target = obs.boxes[target_id]
    if rect[0] <= target[2] and target[0] <= rect[2] and rect[1] <= target[3] and target[1] <= rect[3]:
        return None
    centre = ((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2)
    end = (min(max(centre[0], target[0]), target[2]), min(max(centre[1], target[1]), target[3]))
    start = _clip(rect, centre, end)
    if not any(segment_enters(start, end, box[:4]) for box in _boxes_near(obs, start, end)
               if box[4] != target_id):
        return (start, end)
    source_side, target_side = choose_sides(obs, rect, target, (target_id,))
    _, a, b = side_span(rect, source_side)
    _, c, d = side_span(target, target_side)
    begin = port_point(rect, source_side, (a + b) / 2)
    finish = port_point(target, target_side, (c + d) / 2)
    goal = (finish[0], finish[1], (target_side + 2) % 4)
    path = quick_path(obs, begin, goal, ())
    if path is None:
        path = search_path(obs, [begin], [goal], ()) or search_path(obs, [begin], [goal], (), window=None)
    return tuple(path) if path is not None else (start, end)


def _boxes_near(obs: Obstacles, a: Point, b: Point) -> Iterator[tuple[float, float, float, float, str]]:
    seen: set[str] = set()
    for box in obs.near(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])):
        if box[4] not in seen:
            seen.add(box[4])
            yield box


def _clip(rect: Box, centre: Point, toward: Point) -> Point:
    """Where the line from ``centre`` toward ``toward`` leaves ``rect``."""
    dx, dy = toward[0] - centre[0], toward[1] - centre[1]
    if dx == 0 and dy == 0:
        return centre
    half_w, half_h = (rect[2] - rect[0]) / 2, (rect[3] - rect[1]) / 2
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf, 1.0)
    return centre[0] + dx * scale, centre[1] + dy * scale
