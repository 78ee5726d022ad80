"""Merging in the editor: the merge dialog, the conflicts dock, comparing, provenance.

- :mod:`.actions`: :class:`MergeUI`, the merge tools of a main window (File ▸ Merge maps…,
  View ▸ Compare with…, View ▸ Provenance, what the conflicts and compare docks show).
- :mod:`.dialog`: :class:`MergeDialog`, picking the copies, merging and reading the summary.
- :mod:`.conflicts_dock` (what a merge left to decide), with :mod:`.conflict_text` (conflicts in
  words) and :mod:`.resolve_commands` (resolving as one undo step).
- :mod:`.compare_view` (what changed from another file), :mod:`.provenance` (which copies
  contributed each segment), :mod:`.disk_merge` (merging a change made on disk).

The public names are exported here and imported on first use (see :mod:`chainmap.gui.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .actions import MergeUI, action_texts
    from .compare_view import CompareDock
    from .conflict_text import describe_path
    from .conflicts_dock import ConflictsDock
    from .dialog import MergeDialog
    from .disk_merge import DiskMerge, merge_with_disk
    from .provenance import provenance_from_sources
    from .resolve_commands import drop_conflict_command, merge_segments_command, resolve_conflict_command

_EXPORTS = {
    "action_texts": "actions",
    "MergeUI": "actions",
    "MergeDialog": "dialog",
    "ConflictsDock": "conflicts_dock",
    "CompareDock": "compare_view",
    "provenance_from_sources": "provenance",
    "resolve_conflict_command": "resolve_commands",
    "drop_conflict_command": "resolve_commands",
    "merge_segments_command": "resolve_commands",
    "describe_path": "conflict_text",
    "DiskMerge": "disk_merge",
    "merge_with_disk": "disk_merge",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "CompareDock",
    "ConflictsDock",
    "DiskMerge",
    "MergeDialog",
    "MergeUI",
    "action_texts",
    "describe_path",
    "drop_conflict_command",
    "merge_segments_command",
    "merge_with_disk",
    "provenance_from_sources",
    "resolve_conflict_command",
]
