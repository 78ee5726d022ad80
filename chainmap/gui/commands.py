"""Undo commands: every edit in the editor is one of these, pushed on the document's stack.

A command calls model mutators and never touches a graphics item: the scene follows the
model's events (orange-canvas-core's document/commands.py works the same way). A command
the model refuses (``ModelError``) marks itself obsolete, so ``QUndoStack.push`` drops it,
and keeps the reason in :attr:`ModelCommand.error` for the status bar; use :func:`push`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from chainmap.core.model import (
    ChainMap,
    Conflict,
    Edge,
    ModelError,
    Node,
    Note,
    Region,
    Removal,
    Tier,
)
from chainmap.core.refs import EDGE, NODE, NOTE, Ref


class ModelCommand(QUndoCommand):
    """A command on a :class:`ChainMap`: subclasses implement :meth:`apply` and :meth:`revert`."""

    def __init__(self, chain_map: ChainMap, text: str, parent: MacroCommand | None = None) -> None:
        # Parts of a macro are kept in a Python list, not as Qt children: PySide does not
        # keep a child command's wrapper alive, and Qt would then hold a dangling pointer.
        super().__init__(text)
        self.chain_map = chain_map
        self.error: str | None = None
        self._applied_once = False
        if parent is not None:
            parent.parts.append(self)

    def apply(self) -> None:
        """Make the change through the model's mutators (raises :class:`ModelError` when refused)."""
        raise NotImplementedError

    def revert(self) -> None:
        """Take the change back, leaving the model exactly as before :meth:`apply`."""
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.apply()
        except ModelError as exc:
            if self._applied_once:
                raise
            self.error = str(exc)
            self.setObsolete(True)
            return
        self._applied_once = True

    def undo(self) -> None:
        self.revert()


def push(stack: QUndoStack, command: ModelCommand) -> str | None:
    """Push ``command``; returns the model's reason when it refused the edit (nothing is
    pushed then), else ``None``."""
    stack.push(command)
    return command.error


# -------------------------------------------------------------- changing fields
class ChangeItemsCommand(ModelCommand):
    """Change fields of items in one step: ``[(kind, item_id, {field: value})]``, old values read now.

    ``kind`` is ``node``, ``edge``, ``note``, ``tier``, ``region`` or ``map``. Renames,
    inspector edits, moves, tier changes and layouts are all one of these.
    """

    def __init__(
        self,
        chain_map: ChainMap,
        changes: Iterable[tuple[str, str, dict[str, Any]]],
        text: str,
        parent: MacroCommand | None = None,
    ) -> None:
        super().__init__(chain_map, text, parent)
        self.changes = [(kind, item_id, copy.deepcopy(values)) for kind, item_id, values in changes]
        self.old: list[tuple[str, str, dict[str, Any]]] = []
        for kind, item_id, values in self.changes:
            if kind == "map":
                source: Any = chain_map
            else:
                try:
                    source = chain_map.get((kind, item_id))
                except KeyError:
                    raise ModelError(f"There is no {kind} '{item_id}'.") from None
            self.old.append((kind, item_id, {k: copy.deepcopy(getattr(source, k)) for k in values}))

    def _write(self, entries: list[tuple[str, str, dict[str, Any]]]) -> None:
        for kind, item_id, values in entries:
            if kind == "map":
                self.chain_map.update_map(**values)
            else:
                self.chain_map.update((kind, item_id), **values)

    def apply(self) -> None:
        written: list[tuple[str, str, dict[str, Any]]] = []
        try:
            for entry, old in zip(self.changes, self.old, strict=True):
                self._write([entry])
                written.append(old)
        except ModelError:
            # Leave the model as it was: part of a multi-item change must not stick.
            self._write(list(reversed(written)))
            raise

    def revert(self) -> None:
        self._write(list(reversed(self.old)))


def change_node(chain_map: ChainMap, node_id: str, text: str | None = None, **values: Any) -> ChangeItemsCommand:
    """A command changing fields of one segment, named after it by default."""
    name = chain_map.node(node_id).name
    if text is None:
        if set(values) == {"name"}:
            text = QCoreApplication.translate("commands", "Rename {name}").format(name=name)
        else:
            text = QCoreApplication.translate("commands", "Edit {name}").format(name=name)
    return ChangeItemsCommand(chain_map, [("node", node_id, values)], text)


class MoveItemsCommand(ChangeItemsCommand):
    """Move segments and notes in one step, with new parents and tiers of segments dropped elsewhere.

    ``positions`` maps ``(kind, id)`` to ``(x, y)``; ``parents`` and ``tiers`` map segment ids
    to their new parent (``None``: none) and tier, for the segments whose one changes.
    """

    def __init__(self, chain_map: ChainMap, positions: dict[Ref, tuple[float, float]],
                 tiers: dict[str, str] | None = None, parents: dict[str, str | None] | None = None) -> None:
        tiers, parents = tiers or {}, parents or {}
        changes = []
        for (kind, item_id), (x, y) in positions.items():
            values: dict[str, Any] = {"x": x, "y": y}
            if kind == NODE and item_id in parents:
                values["parent"] = parents[item_id]
            if kind == NODE and item_id in tiers:
                values["tier"] = tiers[item_id]
            changes.append((kind, item_id, values))
        super().__init__(chain_map, changes, move_text(chain_map, list(positions)))


def move_items(chain_map: ChainMap, positions: dict[Ref, tuple[float, float]],
               tiers: dict[str, str] | None = None,
               parents: dict[str, str | None] | None = None) -> MoveItemsCommand:
    """One command for a drag: new positions of segments and notes, new tiers of segments
    dragged across bands and new parents of segments dropped into or out of another."""
    return MoveItemsCommand(chain_map, positions, tiers, parents)


def move_text(chain_map: ChainMap, refs: list[Ref]) -> str:
    """The undo text of moving ``refs``: the segment's name when it is the only one."""
    if len(refs) == 1 and refs[0][0] == NODE:
        return QCoreApplication.translate("commands", "Move {name}").format(name=chain_map.node(refs[0][1]).name)
    return QCoreApplication.translate("commands", "Move {count} items").format(count=len(refs))


# ------------------------------------------------------------ adding and removing
class AddNodeCommand(ModelCommand):
    """Add a segment (at ``index`` in the file's order); undo takes it away leaving no tombstone."""

    def __init__(self, chain_map: ChainMap, node: Node, index: int | None = None,
                 parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, QCoreApplication.translate("commands", "Add {name}").format(name=node.name), parent)
        self.node = copy.deepcopy(node)
        self.index = index

    def apply(self) -> None:
        self.chain_map.add_node(self.node, self.index)

    def revert(self) -> None:
        self.chain_map.remove((NODE, self.node.id), tombstone=False)


class AddEdgeCommand(ModelCommand):
    """Add a link (at ``index`` in the file's order); undo takes it away leaving no tombstone."""

    def __init__(self, chain_map: ChainMap, edge: Edge, index: int | None = None,
                 parent: MacroCommand | None = None) -> None:
        source = chain_map.node(edge.source).name if chain_map.has_node(edge.source) else edge.source
        target = chain_map.node(edge.target).name if chain_map.has_node(edge.target) else edge.target
        super().__init__(chain_map, QCoreApplication.translate("commands", "Link {source} → {target}").format(source=source, target=target), parent)
        self.edge = copy.deepcopy(edge)
        self.index = index

    def apply(self) -> None:
        self.chain_map.add_edge(self.edge, self.index)

    def revert(self) -> None:
        self.chain_map.remove((EDGE, self.edge.id), tombstone=False)


class AddNoteCommand(ModelCommand):
    """Add a note (at ``index`` in the file's order); undo takes it away leaving no tombstone."""

    def __init__(self, chain_map: ChainMap, note: Note, index: int | None = None,
                 parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, QCoreApplication.translate("commands", "Add note"), parent)
        self.note = copy.deepcopy(note)
        self.index = index

    def apply(self) -> None:
        self.chain_map.add_note(self.note, self.index)

    def revert(self) -> None:
        self.chain_map.remove((NOTE, self.note.id), tombstone=False)


class RemoveItemCommand(ModelCommand):
    """Remove a segment (with its sub-segments and links), a link or a note; undo restores the model's record."""

    def __init__(self, chain_map: ChainMap, ref: Ref, text: str, parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, text, parent)
        self.ref = ref
        self.removal: Removal | None = None

    def apply(self) -> None:
        self.removal = self.chain_map.remove(self.ref)

    def revert(self) -> None:
        assert self.removal is not None
        self.chain_map.restore(self.removal)


class RemoveNodeCommand(RemoveItemCommand):
    """Remove a segment with its sub-segments and links; undo puts all back in place."""

    def __init__(self, chain_map: ChainMap, node_id: str, parent: MacroCommand | None = None) -> None:
        text = QCoreApplication.translate("commands", "Delete {name}").format(name=chain_map.node(node_id).name)
        super().__init__(chain_map, (NODE, node_id), text, parent)


class RemoveEdgeCommand(RemoveItemCommand):
    """Remove a link; undo puts it back at its place."""

    def __init__(self, chain_map: ChainMap, edge_id: str, parent: MacroCommand | None = None) -> None:
        edge = chain_map.edge(edge_id)
        text = QCoreApplication.translate("commands", "Delete link {source} → {target}").format(
            source=chain_map.node(edge.source).name, target=chain_map.node(edge.target).name
        )
        super().__init__(chain_map, (EDGE, edge_id), text, parent)


class RemoveNoteCommand(RemoveItemCommand):
    """Remove a note; undo puts it back at its place."""

    def __init__(self, chain_map: ChainMap, note_id: str, parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, (NOTE, note_id), QCoreApplication.translate("commands", "Delete note"), parent)


class MacroCommand(ModelCommand):
    """Several commands as one undo step; build the parts with ``parent=macro``."""

    def __init__(self, chain_map: ChainMap, text: str) -> None:
        super().__init__(chain_map, text)
        self.parts: list[ModelCommand] = []

    def apply(self) -> None:
        apply_all(self.parts)

    def revert(self) -> None:
        for part in reversed(self.parts):
            part.revert()


def apply_all(parts: Iterable[ModelCommand]) -> list[ModelCommand]:
    """Apply ``parts`` in order; when one is refused, revert the ones applied and raise its
    :class:`ModelError` (nothing sticks). Returns the parts applied."""
    applied: list[ModelCommand] = []
    try:
        for part in parts:  # may be a generator making each part just before it is applied
            part.apply()
            applied.append(part)
    except ModelError:
        for earlier in reversed(applied):
            earlier.revert()
        raise
    return applied


def delete_items(chain_map: ChainMap, refs: Iterable[Ref]) -> MacroCommand:
    """One command deleting segments, links and notes (links first, then notes, then
    segments, skipping items that go with a deleted parent)."""
    refs = list(refs)
    nodes = [i for k, i in refs if k == NODE]
    node_set = set(nodes)
    # A sub-segment whose ancestor is also deleted goes with it.
    top_nodes = []
    for node_id in nodes:
        ancestor = chain_map.node(node_id).parent
        while ancestor is not None and ancestor not in node_set:
            ancestor = chain_map.node(ancestor).parent
        if ancestor is None:
            top_nodes.append(node_id)
    doomed = set()
    for node_id in top_nodes:
        doomed.add(node_id)
        doomed.update(chain_map.descendants(node_id))
    edges = [
        i for k, i in refs
        if k == EDGE and chain_map.edge(i).source not in doomed and chain_map.edge(i).target not in doomed
    ]
    notes = [i for k, i in refs if k == NOTE]
    count = len(top_nodes) + len(edges) + len(notes)
    if count == 1 and top_nodes:
        text = QCoreApplication.translate("commands", "Delete {name}").format(name=chain_map.node(top_nodes[0]).name)
    else:
        text = QCoreApplication.translate("commands", "Delete {count} items").format(count=count)
    macro = MacroCommand(chain_map, text)
    for edge_id in edges:
        RemoveEdgeCommand(chain_map, edge_id, macro)
    for note_id in notes:
        RemoveNoteCommand(chain_map, note_id, macro)
    for node_id in top_nodes:
        RemoveNodeCommand(chain_map, node_id, macro)
    return macro


# -------------------------------------------------------------- regions and tiers
class AddRegionCommand(ModelCommand):
    """Add a region (at ``index`` in the map's list of regions)."""

    def __init__(self, chain_map: ChainMap, region: Region, index: int | None = None) -> None:
        super().__init__(chain_map, QCoreApplication.translate("commands", "Add region {name}").format(name=region.name))
        self.region = copy.deepcopy(region)
        self.index = index

    def apply(self) -> None:
        self.chain_map.add_region(self.region, self.index)

    def revert(self) -> None:
        self.chain_map.remove_region(self.region.code)


class RemoveRegionCommand(ModelCommand):
    """Remove a region no segment uses; undo puts it back at its place."""

    def __init__(self, chain_map: ChainMap, code: str) -> None:
        super().__init__(chain_map, QCoreApplication.translate("commands", "Remove region {name}").format(name=chain_map.region(code).name))
        self.code = code
        self.removed: tuple[int, Region] | None = None

    def apply(self) -> None:
        self.removed = self.chain_map.remove_region(self.code)

    def revert(self) -> None:
        assert self.removed is not None
        index, region = self.removed
        self.chain_map.add_region(region, index)


class AddTierCommand(ModelCommand):
    """Add a tier (at ``index``, upstream to downstream)."""

    def __init__(self, chain_map: ChainMap, tier: Tier, index: int | None = None) -> None:
        super().__init__(chain_map, QCoreApplication.translate("commands", "Add tier {name}").format(name=tier.name))
        self.tier = copy.deepcopy(tier)
        self.index = index

    def apply(self) -> None:
        self.chain_map.add_tier(self.tier, self.index)

    def revert(self) -> None:
        self.chain_map.remove_tier(self.tier.id)


class RemoveTierCommand(ModelCommand):
    """Remove a tier that holds no segment; undo puts it back at its place."""

    def __init__(self, chain_map: ChainMap, tier_id: str) -> None:
        super().__init__(chain_map, QCoreApplication.translate("commands", "Remove tier {name}").format(name=chain_map.tier(tier_id).name))
        self.tier_id = tier_id
        self.removed: tuple[int, Tier] | None = None

    def apply(self) -> None:
        self.removed = self.chain_map.remove_tier(self.tier_id)

    def revert(self) -> None:
        assert self.removed is not None
        index, tier = self.removed
        self.chain_map.add_tier(tier, index)


class MoveTierCommand(ModelCommand):
    """Move a tier to ``new_index`` in the order upstream to downstream."""

    def __init__(self, chain_map: ChainMap, tier_id: str, new_index: int) -> None:
        super().__init__(chain_map, QCoreApplication.translate("commands", "Move tier {name}").format(name=chain_map.tier(tier_id).name))
        self.tier_id = tier_id
        self.new_index = new_index
        self.old_index = chain_map.tier_index(tier_id)

    def apply(self) -> None:
        self.chain_map.move_tier(self.tier_id, self.new_index)

    def revert(self) -> None:
        self.chain_map.move_tier(self.tier_id, self.old_index)


# -------------------------------------------------------------------- conflicts
class RemoveConflictCommand(ModelCommand):
    """Drop a conflict record (as part of resolving it, inside a macro)."""

    def __init__(self, chain_map: ChainMap, conflict_id: str, parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, QCoreApplication.translate("commands", "Resolve conflict"), parent)
        self.conflict_id = conflict_id
        self.removed: tuple[int, Conflict] | None = None

    def apply(self) -> None:
        self.removed = self.chain_map.remove_conflict(self.conflict_id)

    def revert(self) -> None:
        assert self.removed is not None
        index, conflict = self.removed
        self.chain_map.add_conflict(conflict, index)
