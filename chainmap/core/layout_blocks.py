"""Blocks for the layout: a segment with its sub-segments stacked below it, as one unit.

A block is the frame :func:`chainmap.core.geometry.frame` draws: the segment's own box on
top, then each child's block, PARENT_PADDING apart and from the frame's edges, centred
under the parent. Its size follows from its contents, so the layout can move it as a whole.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from .geometry import BAND_HEADER, BAND_MARGIN, PARENT_PADDING, SEGMENT_HEIGHT, SEGMENT_WIDTH, Rect, own_box
from .model import ChainMap

Position = tuple[float, float]
# Where the first row of boxes starts: below the band headers the painter draws.
TOP = BAND_HEADER + BAND_MARGIN


def block_sizes(chain_map: ChainMap, leave_out: Collection[str] = ()) -> dict[str, tuple[float, float]]:
    """Width and height of every segment's block, without the children in ``leave_out``."""
    sizes: dict[str, tuple[float, float]] = {}

    def size(node_id: str) -> tuple[float, float]:
        known = sizes.get(node_id)
        if known is not None:
            return known
        width, height = SEGMENT_WIDTH, SEGMENT_HEIGHT
        children = [c for c in chain_map.children(node_id) if c not in leave_out]
        for child in children:
            child_width, child_height = size(child)
            width = max(width, child_width + 2 * PARENT_PADDING)
            height += PARENT_PADDING + child_height
        if children:
            height += PARENT_PADDING
        sizes[node_id] = (width, height)
        return width, height

    for node in chain_map.nodes:
        size(node.id)
    return sizes


def place_block(
    chain_map: ChainMap,
    node_id: str,
    centre_x: float,
    top: float,
    sizes: Mapping[str, tuple[float, float]],
    out: dict[str, Position],
    child_order: Mapping[str, list[str]] | None = None,
) -> None:
    """Put ``node_id``'s box at the top of its block and its children's blocks below it, in
    ``child_order`` where given (default: the map's order); positions go into ``out``."""
    out[node_id] = (round(centre_x, 1), round(top + SEGMENT_HEIGHT / 2, 1))
    y = top + SEGMENT_HEIGHT + PARENT_PADDING
    children = child_order.get(node_id) if child_order else None
    for child in children if children is not None else chain_map.children(node_id):
        place_block(chain_map, child, centre_x, y, sizes, out, child_order)
        y += sizes[child][1] + PARENT_PADDING


def frame_at(chain_map: ChainMap, positions: Mapping[str, Position], node_id: str) -> Rect | None:
    """Like :func:`chainmap.core.geometry.frame`, from ``positions`` instead of the map."""
    where = positions.get(node_id)
    if where is None:
        return None
    rect = own_box(*where)
    for child in chain_map.children(node_id):
        child_rect = frame_at(chain_map, positions, child)
        if child_rect is not None:
            rect = rect.united(
                child_rect.adjusted(-PARENT_PADDING, -PARENT_PADDING, PARENT_PADDING, PARENT_PADDING)
            )
    return rect


def owners(chain_map: ChainMap) -> dict[str, str]:
    """Each segment's top-level ancestor (itself for a top-level segment)."""
    owner: dict[str, str] = {}
    for node in chain_map.nodes:
        trail = []
        current = node
        while current.id not in owner and current.parent is not None:
            trail.append(current.id)
            current = chain_map.node(current.parent)
        top = owner.get(current.id, current.id)
        owner[current.id] = top
        for node_id in trail:
            owner[node_id] = top
    return owner


def depth(chain_map: ChainMap, node_id: str) -> int:
    """How many ancestors a segment has."""
    count = 0
    parent = chain_map.node(node_id).parent
    while parent is not None:
        count += 1
        parent = chain_map.node(parent).parent
    return count
