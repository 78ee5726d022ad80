"""Box geometry shared by the layout (Qt-free) and the painter (render/).

A segment's box has a fixed size, so the layout can place boxes without measuring text and
the painter draws them exactly where the layout meant: names wrap onto two lines and are
elided beyond that. ``x``/``y`` of a segment is the centre of its own box; a parent's frame
encloses its own box (the header) and all its sub-segments' frames, plus padding.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from .model import ChainMap

SEGMENT_WIDTH = 168.0
SEGMENT_HEIGHT = 64.0
PARENT_PADDING = 10.0
# Space kept clear between boxes by the layout.
COLUMN_GAP = 72.0
ROW_GAP = 28.0
# A tier band's margin around its boxes, and the width of an empty tier.
BAND_MARGIN = 40.0
EMPTY_BAND_WIDTH = 240.0
BAND_HEADER = 48.0


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle in scene units."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def center(self) -> tuple[float, float]:
        return ((self.left + self.right) / 2, (self.top + self.bottom) / 2)

    def united(self, other: Rect) -> Rect:
        return Rect(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )

    def adjusted(self, dx1: float, dy1: float, dx2: float, dy2: float) -> Rect:
        return Rect(self.left + dx1, self.top + dy1, self.right + dx2, self.bottom + dy2)

    def intersects(self, other: Rect) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def contains(self, other: Rect) -> bool:
        return (
            self.left <= other.left
            and self.top <= other.top
            and other.right <= self.right
            and other.bottom <= self.bottom
        )


def own_box(x: float, y: float) -> Rect:
    """The box of a segment centred at ``(x, y)``, without its sub-segments."""
    return Rect(
        x - SEGMENT_WIDTH / 2, y - SEGMENT_HEIGHT / 2, x + SEGMENT_WIDTH / 2, y + SEGMENT_HEIGHT / 2
    )


def frame(chain_map: ChainMap, node_id: str, folded: Collection[str] = ()) -> Rect | None:
    """The frame a segment occupies: its own box and, unless folded, its sub-segments'
    frames with padding. ``None`` when the segment has no position (a sub-segment without
    one is left out)."""
    return frames(chain_map, (node_id,), folded)[node_id]


def frames(chain_map: ChainMap, node_ids: Iterable[str], folded: Collection[str] = ()) -> dict[str, Rect | None]:
    """:func:`frame` of each of ``node_ids`` (and of the sub-segments measured on the way),
    each segment measured once: no recursion, so sub-segments may nest any number deep."""
    rects: dict[str, Rect | None] = {}
    for root in node_ids:
        if root in rects:
            continue
        pending: list[tuple[str, bool]] = [(root, False)]
        while pending:
            current, measured_below = pending.pop()
            node = chain_map.node(current)
            if node.x is None or node.y is None:
                rects[current] = None
                continue
            children = chain_map.children(current) if current not in folded else []
            if not measured_below:
                # Children first: come back to this segment once they are all measured.
                pending.append((current, True))
                pending.extend((child, False) for child in children if child not in rects)
                continue
            rect = own_box(node.x, node.y)
            for child in children:
                child_rect = rects[child]
                if child_rect is not None:
                    rect = rect.united(
                        child_rect.adjusted(-PARENT_PADDING, -PARENT_PADDING, PARENT_PADDING, PARENT_PADDING)
                    )
            rects[current] = rect
    return rects


@dataclass(frozen=True)
class Band:
    """A tier's band: the horizontal stretch of the canvas that belongs to the tier."""

    tier: str
    left: float
    right: float


def tier_bands(chain_map: ChainMap, folded: Collection[str] = (),
               measured: Mapping[str, Rect | None] | None = None) -> list[Band]:
    """Bands left to right in tier order, derived from the segments' positions.

    Each band covers its segments' frames plus a margin; adjacent bands meet halfway
    between their contents, so every x belongs to exactly one tier (the first and last
    bands extend to infinity for :func:`tier_at`). An empty tier gets a default width.
    ``measured``: frames the caller already has, up to date (a scene keeps them); the
    others are measured here.
    """
    return bands_between([tier.id for tier in chain_map.tiers], tier_extents(chain_map, folded, measured))


def tier_extents(chain_map: ChainMap, folded: Collection[str] = (),
                 measured: Mapping[str, Rect | None] | None = None) -> dict[str, tuple[float, float]]:
    """The left and right of each tier's contents: its top-level segments' frames together (a
    sub-segment lies inside its parent's frame); tiers without a placed segment are left out.
    ``measured`` as for :func:`tier_bands`."""
    extents: dict[str, tuple[float, float]] = {}
    for node in chain_map.nodes:
        if node.parent is not None:
            continue  # inside its parent's frame
        if measured is not None and node.id in measured:
            rect = measured[node.id]
        else:
            rect = frame(chain_map, node.id, folded)
        if rect is None:
            continue
        current = extents.get(node.tier)
        if current is None:
            extents[node.tier] = (rect.left, rect.right)
        elif rect.left < current[0] or rect.right > current[1]:
            extents[node.tier] = (min(current[0], rect.left), max(current[1], rect.right))
    return extents


def bands_between(tiers: Iterable[str], extents: Mapping[str, tuple[float, float]]) -> list[Band]:
    """The bands of ``tiers`` (ids, left to right) around their contents' ``extents`` (see
    :func:`tier_extents`; a tier without one is empty), as :func:`tier_bands` lays them out."""
    spans: list[tuple[str, float, float]] = []
    cursor = 0.0
    for tier in tiers:
        extent = extents.get(tier)
        if extent is None:
            left = cursor
            right = left + EMPTY_BAND_WIDTH
        else:
            left = extent[0] - BAND_MARGIN
            right = extent[1] + BAND_MARGIN
        if spans and left < spans[-1][2]:
            # Contents overlap the previous band: meet halfway, keeping order.
            middle = (left + spans[-1][2]) / 2
            previous = spans[-1]
            spans[-1] = (previous[0], previous[1], max(middle, previous[1] + 1))
            left = spans[-1][2]
            right = max(right, left + 1)
        elif spans:
            middle = (spans[-1][2] + left) / 2
            previous = spans[-1]
            spans[-1] = (previous[0], previous[1], middle)
            left = middle
        spans.append((tier, left, right))
        cursor = right
    return [Band(tier, left, right) for tier, left, right in spans]


def tier_at(bands: list[Band], x: float) -> str | None:
    """The tier whose band holds ``x`` (the outer bands reach to infinity)."""
    if not bands:
        return None
    for band in bands:
        if x < band.right:
            return band.tier
    return bands[-1].tier
