"""Where each pending item of a big map will begin, for a PNG painted band by band from the top.

An export's own scene of a big map makes its segment and link items only for the band being
painted (:func:`chainmap.render.export_parts.paint_band`) and lets go of each once the bands
have passed below it. Taken by grid cell (:meth:`~chainmap.render.scene_lazy.PendingItems.take_in`),
the items were made up to a cell and a half ahead of the band and lived on until it had passed
them by some hundreds of units: on a map laid out for a page, most of the items alive while a
band was painted did not reach it (a 100,000-segment map: some 16,000 alive for 3,000 in the
band). :class:`TopDown` holds every pending segment and link by the top of what its item will
draw (the segment's box, or its frame round its sub-segments; the link's route as the router
drew it, its arrowhead and its label), so each is made just before the first band it reaches.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import numpy as np

from chainmap.core.geometry import PARENT_PADDING
from chainmap.core.model import ChainMap
from chainmap.core.routing.result import LinkRoute

from . import style
from .items_link import ARROW_HALF, ARROW_LENGTH
from .items_segment import BOX, MARGIN

__all__ = ["EARLY", "TopDown", "link_top", "segment_tops"]

EARLY = 16.0
"""How far above the top worked out here an item is made: a margin for rounding, not a guess."""
UNROUTED_REACH = 400.0
"""How far above its ends' boxes a link not routed yet (a straight preview) may begin."""
_LINK_GROWTH = ARROW_LENGTH + ARROW_HALF + style.FLOW_LINK_WIDTH + 6
# A link item's rectangle is its route's, arrowhead and label's, grown by its widest pen and
# 6 units (items_link.LinkItem._geometry_changed); the arrowhead lies within its length and
# half-width of the route's last point.


class _Order:
    """Ids sorted by a number each (their top), handed out from the lowest number up."""

    def __init__(self, ids: Sequence[str], tops: Sequence[float]) -> None:
        values = np.asarray(tops, dtype=np.float64)
        order = np.argsort(values, kind="stable")
        self._tops = values[order]
        self._ids = [ids[index] for index in order.tolist()]
        self._next = 0

    def take_to(self, y: float) -> list[str]:
        """The ids not handed out yet whose number is at most ``y``."""
        end = int(np.searchsorted(self._tops, y, side="right"))
        if end <= self._next:
            return []
        taken = self._ids[self._next:end]
        self._next = end
        return taken


class TopDown:
    """Pending segment and link ids by the top of their item-to-be (scene units).

    Segments without a place and links with an end without one are left out: no band
    shows them (as :class:`~chainmap.render.scene_lazy.PendingItems` leaves them out of its
    grid)."""

    def __init__(self, chain_map: ChainMap, node_ids: Collection[str], edge_ids: Collection[str],
                 drawn_route: Callable[[str], LinkRoute | None]) -> None:
        tops = segment_tops(chain_map, node_ids)
        self._nodes = _Order(list(tops), list(tops.values()))
        links: list[str] = []
        link_tops: list[float] = []
        for edge_id in edge_ids:
            top = link_top(chain_map, edge_id, drawn_route(edge_id))
            if top is not None:
                links.append(edge_id)
                link_tops.append(top)
        self._edges = _Order(links, link_tops)

    def take_to(self, y: float) -> tuple[list[str], list[str]]:
        """The segments and links (not handed out before) whose items begin above ``y``
        (less :data:`EARLY`)."""
        return self._nodes.take_to(y + EARLY), self._edges.take_to(y + EARLY)


def segment_tops(chain_map: ChainMap, node_ids: Collection[str]) -> dict[str, float]:
    """The top of each placed segment's item in ``node_ids``: its box's with the item's margin,
    or higher for a frame round sub-segments (each level of them adds the frame's padding)."""
    wanted = node_ids if isinstance(node_ids, (set, frozenset, dict)) else set(node_ids)
    reach = -BOX.top() + MARGIN
    tops: dict[str, float] = {}
    node_of = chain_map.node
    for node in chain_map.nodes:
        if node.y is None or node.x is None:
            continue
        top = node.y - reach
        if node.id in wanted:
            previous = tops.get(node.id)
            tops[node.id] = top if previous is None else min(previous, top)
        parent = node.parent
        while parent is not None:
            top -= PARENT_PADDING
            if parent in wanted:
                previous = tops.get(parent)
                if previous is None or top < previous:
                    tops[parent] = top
            parent = node_of(parent).parent
    # A frame encloses its parent's own box: a parent without a place has no frame to draw.
    return {node_id: top for node_id, top in tops.items() if node_of(node_id).y is not None}


def link_top(chain_map: ChainMap, edge_id: str, route: LinkRoute | None) -> float | None:
    """The top of a link's item: from its ``route`` as drawn (its rounded corners stay within
    its corners' span), else from its ends' boxes (a preview between them); None when an end
    has no place (the link is never drawn)."""
    if route is not None:
        if route.polyline is not None:
            top = min(point[1] for point in route.polyline) if route.polyline else 0.0
        else:
            corners = np.frombuffer(route.packed, dtype=np.float64)
            top = float(corners[1::2].min()) if corners.size else 0.0
        if route.label is not None:
            top = min(top, route.label[1])
        return top - _LINK_GROWTH
    edge = chain_map.edge(edge_id)
    source, target = chain_map.node(edge.source), chain_map.node(edge.target)
    if source.y is None or target.y is None or source.x is None or target.x is None:
        return None
    return min(source.y, target.y) + BOX.top() - UNROUTED_REACH
