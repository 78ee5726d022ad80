"""Walking a map from segment to segment without a mouse (the canvas's Alt+arrows and Tab).

- ``"downstream"`` / ``"upstream"``: along a link from (or to) the segment, to the linked segment
  nearest in height (then nearest sideways);
- ``"up"`` / ``"down"``: within the segment's column (same tier, centres less than half a box
  width apart), to the nearest segment above or below;
- ``"next"`` / ``"previous"``: in reading order (tier by tier, column by column left to right,
  top to bottom in a column), wrapping around.

Only the segments in ``shown`` are walked to (those with a box on screen: not folded away,
not hidden by a filter). With no current segment, a step starts at the shown segment nearest to
``near`` (the view's centre), or the first (last) in reading order.
"""

from __future__ import annotations

from collections.abc import Collection

from .geometry import COLUMN_GAP, SEGMENT_WIDTH
from .model import ChainMap

MOVES = ("downstream", "upstream", "up", "down", "next", "previous")
COLUMN_TOLERANCE = SEGMENT_WIDTH / 2
COLUMN_PITCH = SEGMENT_WIDTH + COLUMN_GAP


def _positions(chain_map: ChainMap, shown: Collection[str]) -> dict[str, tuple[float, float]]:
    return {node.id: (node.x, node.y) for node in chain_map.nodes
            if node.id in shown and node.x is not None and node.y is not None}


def reading_order(chain_map: ChainMap, shown: Collection[str]) -> list[str]:
    """The shown segments (with a position) tier by tier, column by column, top to bottom."""
    tiers = {tier.id: index for index, tier in enumerate(chain_map.tiers)}
    at = _positions(chain_map, shown)
    return sorted(at, key=lambda node_id: (tiers.get(chain_map.node(node_id).tier, len(tiers)),
                                           round(at[node_id][0] / COLUMN_PITCH), at[node_id][1], at[node_id][0]))


def step(chain_map: ChainMap, current: str | None, move: str, shown: Collection[str],
         near: tuple[float, float] | None = None) -> str | None:
    """The segment one ``move`` (one of :data:`MOVES`) away from ``current``, or ``None`` when
    there is none that way (the walk stays)."""
    if move not in MOVES:
        raise ValueError(f"unknown move {move!r}; use one of {', '.join(MOVES)}")
    at = _positions(chain_map, shown)
    if not at:
        return None
    if move in ("next", "previous"):
        order = reading_order(chain_map, shown)
        if current not in at:
            return order[0] if move == "next" else order[-1]
        index = order.index(current) + (1 if move == "next" else -1)
        return order[index % len(order)]
    if current not in at:
        x, y = near if near is not None else next(iter(at.values()))
        return min(at, key=lambda node_id: ((at[node_id][0] - x) ** 2 + (at[node_id][1] - y) ** 2, node_id))
    cx, cy = at[current]
    if move in ("downstream", "upstream"):
        ends = [edge.target if move == "downstream" else edge.source for edge in chain_map.edges_of(current)
                if (edge.source if move == "downstream" else edge.target) == current]
        candidates = [end for end in ends if end in at and end != current]
        if not candidates:
            return None
        return min(candidates, key=lambda n: (abs(at[n][1] - cy), abs(at[n][0] - cx), n))
    tier = chain_map.node(current).tier
    below = move == "down"
    column = [node_id for node_id, (x, y) in at.items()
              if node_id != current and chain_map.node(node_id).tier == tier and abs(x - cx) <= COLUMN_TOLERANCE
              and (y > cy if below else y < cy)]
    if not column:
        return None
    return min(column, key=lambda n: (abs(at[n][1] - cy), abs(at[n][0] - cx), n))
