"""Where segments go: the automatic layout, placing only new segments, and free room.

- :mod:`.engine`: :func:`layout_map`, tiers as bands left to right, segments in columns;
  :mod:`.blocks` (a segment with its sub-segments as one unit) and :mod:`.columns` (the layered
  order inside a tier) are its parts; :mod:`.crossings` counts link crossings.
- :mod:`.place_new`: :func:`place_new`, placing only segments without a position.
- :mod:`.free_spot` (the free spot nearest to where the user asked) and :mod:`.free_space`
  (indexes of occupied room).

The public names are re-exported here: ``from chainmap.core.layout import layout_map``.
"""

from __future__ import annotations

from .crossings import count_crossings
from .engine import LayoutResult, apply_positions, compute_layout, layout_map, map_crossings
from .free_spot import nearest_free_spot
from .place_new import place_new

__all__ = [
    "LayoutResult",
    "apply_positions",
    "compute_layout",
    "count_crossings",
    "layout_map",
    "map_crossings",
    "nearest_free_spot",
    "place_new",
]
