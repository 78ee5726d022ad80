"""Merging the regions' copies of one map, and resolving what the merge left to decide
(shared/spec/merge.md).

- :mod:`.engine`: :func:`merge_maps`, the three-way (or n-way) merge on plain data.
- :mod:`.items` (which copies hold each item, whether it survives), :mod:`.matching` (which
  items are "the same": names, clusters, near matches), :mod:`.ids` (one id naming items of
  different kinds), :mod:`.values` (deciding one value from several copies),
  :mod:`.parent_cycles` (breaking the ``parent`` loops a merge can make).
- :mod:`.report`: what a merge did, for people.
- :mod:`.resolve` (resolving a conflict through the model) and :mod:`.segment_merge` (merging
  two segments of one map into one).

The public names are re-exported here: ``from chainmap.core.merge import merge_maps``.
"""

from __future__ import annotations

from .engine import MergeError, MergeInput, MergeResult, merge_maps
from .report import MergeReport, summary_sections
from .resolve import apply_resolution, plan_resolution, stale_conflicts
from .segment_merge import apply_segment_merge, merge_segments

__all__ = [
    "MergeError",
    "MergeInput",
    "MergeReport",
    "MergeResult",
    "apply_resolution",
    "apply_segment_merge",
    "merge_maps",
    "merge_segments",
    "plan_resolution",
    "stale_conflicts",
    "summary_sections",
]
