"""Undo commands for resolving merge conflicts and merging segments (merge.md, "Resolving").

:func:`resolve_conflict_command` turns :func:`chainmap.core.merge.resolve.plan_resolution` into one
:class:`~chainmap.gui.commands.MacroCommand`: the chosen value applied through the model, the
conflict's record removed, and the conflicts the choice made moot dropped too; undo puts all
of it back. :func:`merge_segments_command` merges two segments
(:func:`chainmap.core.merge.segment_merge.merge_segments`) as one undo step.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication

from chainmap.core.merge.resolve import plan_resolution, stale_conflicts
from chainmap.core.merge.segment_merge import merge_segments
from chainmap.core.model import ChainMap, Conflict

from ..commands import (
    ChangeItemsCommand,
    MacroCommand,
    ModelCommand,
    RemoveConflictCommand,
    RemoveNodeCommand,
    RemoveRegionCommand,
    RemoveTierCommand,
    apply_all,
    delete_items,
)


class MergeSegmentsCommand(ModelCommand):
    """Merge segment ``drop_id`` into ``keep_id``, planned on the map as it is when first applied.

    An earlier part of the same macro may have moved links, so the plan waits until then; a
    redo replays the same parts, since undo restores exactly the map they were planned on.
    """

    def __init__(self, chain_map: ChainMap, keep_id: str, drop_id: str, parent: MacroCommand | None = None) -> None:
        keep, drop = chain_map.node(keep_id).name, chain_map.node(drop_id).name
        super().__init__(chain_map, QCoreApplication.translate("commands", "Merge {drop} into {keep}").format(drop=drop, keep=keep), parent)
        self.keep_id = keep_id
        self.drop_id = drop_id
        self._parts: list[ModelCommand] | None = None

    def apply(self) -> None:
        if self._parts is not None:
            apply_all(self._parts)
            return
        # Each part is made (reading the map) just before it is applied.
        self._parts = apply_all(make() for make in self._plan_steps())

    def _plan_steps(self) -> list[Any]:
        """Factories of the parts, in order: each is made (reading the map) just before it runs."""
        m = self.chain_map
        plan = merge_segments(m, self.keep_id, self.drop_id)
        text = self.text()
        steps: list[Any] = [lambda: ChangeItemsCommand(m, [("node", plan.keep_id, plan.keep_changes)], text)]
        if plan.child_changes:
            steps.append(lambda: ChangeItemsCommand(m, [("node", i, c) for i, c in plan.child_changes], text))
        if plan.note_changes:
            steps.append(lambda: ChangeItemsCommand(m, [("note", i, c) for i, c in plan.note_changes], text))
        if plan.edges_removed:
            steps.append(lambda: delete_items(m, [("edge", i) for i in plan.edges_removed]))
        if plan.edge_changes:
            steps.append(lambda: ChangeItemsCommand(m, [("edge", i, c) for i, c in plan.edge_changes], text))
        steps.append(lambda: RemoveNodeCommand(m, plan.drop_id))
        return steps

    def revert(self) -> None:
        for part in reversed(self._parts or []):
            part.revert()


class DropStaleConflictsCommand(ModelCommand):
    """Drop the conflicts about items that are gone (found when applied, after the macro's earlier parts)."""

    def __init__(self, chain_map: ChainMap, parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, QCoreApplication.translate("commands", "Drop moot conflicts"), parent)
        self.removed: list[tuple[int, Conflict]] = []

    def apply(self) -> None:
        self.removed = [self.chain_map.remove_conflict(cid) for cid in stale_conflicts(self.chain_map)]

    def revert(self) -> None:
        for index, conflict in reversed(self.removed):
            self.chain_map.add_conflict(conflict, index)


class SetMapExtraCommand(ModelCommand):
    """Replace the map's unknown top-level keys (a conflict on one of them)."""

    def __init__(self, chain_map: ChainMap, extra: dict[str, Any], parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, QCoreApplication.translate("commands", "Edit map"), parent)
        self.new = copy.deepcopy(extra)
        self.old = copy.deepcopy(chain_map.extra)

    def apply(self) -> None:
        self.chain_map.extra = copy.deepcopy(self.new)
        self.chain_map.events.map_changed.emit({"extra": (self.old, self.new)})

    def revert(self) -> None:
        self.chain_map.extra = copy.deepcopy(self.old)
        self.chain_map.events.map_changed.emit({"extra": (self.new, self.old)})


def resolve_conflict_command(chain_map: ChainMap, conflict_id: str, value: Any, text: str) -> MacroCommand:
    """One undo step resolving a conflict with ``value`` (plain data; ``ABSENT`` removes a
    field, deletes the item of a ``delete`` conflict, keeps a ``duplicate`` group apart).
    Raises :class:`ModelError` when the value cannot apply (e.g. the item is gone)."""
    conflict = chain_map.conflict(conflict_id)
    resolution = plan_resolution(chain_map, conflict, value)
    target = resolution.target
    macro = MacroCommand(chain_map, text)
    if resolution.action == "update":
        if target.kind == "map" and target.field == "extra":
            SetMapExtraCommand(chain_map, resolution.changes["extra"], macro)
        else:
            ChangeItemsCommand(chain_map, [(target.kind, target.item_id, resolution.changes)], text, macro)
    elif resolution.action == "remove":
        if target.kind in ("node", "edge", "note"):
            macro.parts.append(delete_items(chain_map, [(target.kind, target.item_id)]))
        elif target.kind == "tier":
            macro.parts.append(RemoveTierCommand(chain_map, target.item_id))
        elif target.kind == "region":
            macro.parts.append(RemoveRegionCommand(chain_map, target.item_id))
    elif resolution.action == "merge":
        for merge in resolution.merges:
            MergeSegmentsCommand(chain_map, merge.keep_id, merge.drop_id, macro)
    RemoveConflictCommand(chain_map, conflict_id, macro)
    DropStaleConflictsCommand(chain_map, macro)
    return macro


def drop_conflict_command(chain_map: ChainMap, conflict_id: str, text: str) -> MacroCommand:
    """One undo step that only removes a conflict's record (its item is already gone)."""
    macro = MacroCommand(chain_map, text)
    RemoveConflictCommand(chain_map, conflict_id, macro)
    return macro


def merge_segments_command(chain_map: ChainMap, keep_id: str, drop_id: str) -> MacroCommand:
    """Merge two segments (a near-match suggestion) as one undo step, dropping the conflicts
    about the merged-away segment."""
    macro = MacroCommand(chain_map, "")
    part = MergeSegmentsCommand(chain_map, keep_id, drop_id, macro)
    macro.setText(part.text())
    DropStaleConflictsCommand(chain_map, macro)
    return macro
