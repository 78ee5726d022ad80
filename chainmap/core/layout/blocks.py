"""Blocks for the layout: a segment with its sub-segments stacked below it, as one unit.

A block is the frame :func:`chainmap.core.geometry.frame` draws: the segment's own box on
top, then each child's block, PARENT_PADDING apart and from the frame's edges, centred
under the parent. Its size follows from its contents, so the layout can move it as a whole.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from ..geometry import BAND_HEADER, BAND_MARGIN, PARENT_PADDING, SEGMENT_HEIGHT, SEGMENT_WIDTH, Rect, own_box
from ..model import ChainMap

Position = tuple[float, float]
# Where the first row of boxes starts: below the band headers the painter draws.
TOP = BAND_HEADER + BAND_MARGIN


def block_sizes(chain_map: ChainMap, leave_out: Collection[str] = ()) -> dict[str, tuple[float, float]]:
    """Width and height of every segment's block, without the children in ``leave_out``."""
    sizes: dict[str, tuple[float, float]] = {}
    # Children before parents, without recursion: sub-segments may nest thousands deep.
    for node_id in reversed(top_down(chain_map)):
        width, height = SEGMENT_WIDTH, SEGMENT_HEIGHT
        children = [c for c in chain_map.children(node_id) if c not in leave_out]
        for child in children:
            child_width, child_height = sizes[child]
            width = max(width, child_width + 2 * PARENT_PADDING)
            height += PARENT_PADDING + child_height
        if children:
            height += PARENT_PADDING
        sizes[node_id] = (width, height)
    return sizes


def top_down(chain_map: ChainMap, roots: Iterable[str] | None = None) -> list[str]:
    """``roots`` (default: the top-level segments) and all their sub-segments, every
    parent before its children (breadth first, iterative)."""
    order = list(roots) if roots is not None else [n.id for n in chain_map.nodes if n.parent is None]
    index = 0
    while index < len(order):
        order.extend(chain_map.children(order[index]))
        index += 1
    return order


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
    pending = [(node_id, top)]
    while pending:
        current, current_top = pending.pop()
        out[current] = (round(centre_x, 1), round(current_top + SEGMENT_HEIGHT / 2, 1))
        y = current_top + SEGMENT_HEIGHT + PARENT_PADDING
        children = child_order.get(current) if child_order else None
        below = []
        for child in children if children is not None else chain_map.children(current):
            below.append((child, y))
            y += sizes[child][1] + PARENT_PADDING
        pending.extend(reversed(below))  # the first child is placed next, as a recursion would


def frame_at(chain_map: ChainMap, positions: Mapping[str, Position], node_id: str) -> Rect | None:
    """Like :func:`chainmap.core.geometry.frame`, from ``positions`` instead of the map."""
    return FrameCache(chain_map, positions).frame(node_id)


_GONE = object()


class FrameCache:
    """Frames (as :func:`frame_at` measures them) from ``positions``, each segment measured
    once and kept, without recursion: sub-segments may nest any number of levels deep.

    The caller says which segments it has placed since (:meth:`forget`).
    """

    def __init__(self, chain_map: ChainMap, positions: Mapping[str, Position]) -> None:
        self._map = chain_map
        self._positions = positions
        self._rects: dict[str, Rect | None] = {}

    def forget(self, node_ids: Iterable[str]) -> None:
        """Measure these segments and their ancestors again when asked (they have just
        been placed, so their ancestors' frames grow). A placed segment's frame is kept only
        with its sub-segments' frames, so the walk up stops at the first ancestor not kept:
        all in all, each frame is forgotten once."""
        rects = self._rects
        for node_id in node_ids:
            current: str | None = node_id
            while current is not None and rects.pop(current, _GONE) is not _GONE:
                current = self._map.node(current).parent

    def frame(self, node_id: str) -> Rect | None:
        """The frame of ``node_id``: its box and its placed sub-segments' frames, padded;
        ``None`` when it has no position."""
        rects = self._rects
        if node_id in rects:
            return rects[node_id]
        pending: list[tuple[str, bool]] = [(node_id, False)]
        while pending:
            current, measured_below = pending.pop()
            where = self._positions.get(current)
            if where is None:
                rects[current] = None
                continue
            children = self._map.children(current)
            if not measured_below:
                # Children first: come back to this segment once they are all measured.
                pending.append((current, True))
                pending.extend((child, False) for child in children if child not in rects)
                continue
            rect = own_box(*where)
            for child in children:
                child_rect = rects[child]
                if child_rect is not None:
                    rect = rect.united(
                        child_rect.adjusted(-PARENT_PADDING, -PARENT_PADDING, PARENT_PADDING, PARENT_PADDING)
                    )
            rects[current] = rect
        return rects[node_id]


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


def depths(chain_map: ChainMap) -> dict[str, int]:
    """How many ancestors each segment has (one pass, however deep they nest)."""
    result: dict[str, int] = {}
    for node_id in top_down(chain_map):
        parent = chain_map.node(node_id).parent
        result[node_id] = 0 if parent is None else result[parent] + 1
    return result
