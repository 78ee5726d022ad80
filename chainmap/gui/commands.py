"""Undo commands: every edit in the editor is one of these, pushed on the document's stack.

A command calls model mutators and never touches a graphics item: the scene follows the
model's events (orange-canvas-core's document/commands.py works the same way). A command
the model refuses (``ModelError``) marks itself obsolete, so ``QUndoStack.push`` drops it,
and keeps the reason in :attr:`ModelCommand.error` for the status bar; use :func:`push`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from chainmap.core.model import (
    ChainMap,
    Conflict,
    Edge,
    ModelError,
    Node,
    NodeRemoval,
    Note,
    Region,
    Tier,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class ModelCommand(QUndoCommand):
    """A command on a :class:`ChainMap`. Subclasses implement :meth:`do` and :meth:`undo_do`."""

    def __init__(self, chain_map: ChainMap, text: str, parent: MacroCommand | None = None) -> None:
        # Parts of a macro are kept in a Python list, not as Qt children: PySide does not
        # keep a child command's wrapper alive, and Qt would then hold a dangling pointer.
        super().__init__(text)
        self.chain_map = chain_map
        self.error: str | None = None
        self._done_once = False
        if parent is not None:
            parent.parts.append(self)

    def do(self) -> None:
        raise NotImplementedError

    def undo_do(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.do()
        except ModelError as exc:
            if self._done_once:
                raise
            self.error = str(exc)
            self.setObsolete(True)
            return
        self._done_once = True

    def undo(self) -> None:
        self.undo_do()


def push(stack: QUndoStack, command: ModelCommand) -> str | None:
    """Push ``command``; returns the model's reason when it refused the edit (nothing is
    pushed then), else ``None``."""
    stack.push(command)
    return command.error


# -------------------------------------------------------------- changing fields
def _getter(chain_map: ChainMap, kind: str) -> Callable[[str], Any]:
    return {
        "node": chain_map.node,
        "edge": chain_map.edge,
        "note": chain_map.note,
        "tier": chain_map.tier,
        "region": chain_map.region,
    }[kind]


def _updater(chain_map: ChainMap, kind: str) -> Callable[..., Any]:
    return {
        "node": chain_map.update_node,
        "edge": chain_map.update_edge,
        "note": chain_map.update_note,
        "tier": chain_map.update_tier,
        "region": chain_map.update_region,
    }[kind]


class ChangeItemsCommand(ModelCommand):
    """Change fields of one or more items in one step: ``[(kind, item_id, {field: value})]``
    with kind ``node``, ``edge``, ``note``, ``tier``, ``region`` or ``map``.

    Used for renames, inspector edits, moves (a drag of many items is one of these),
    tier changes and layouts. Old values are read when the command is made.
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
                    source = _getter(chain_map, kind)(item_id)
                except KeyError:
                    raise ModelError(f"There is no {kind} '{item_id}'.") from None
            self.old.append((kind, item_id, {k: copy.deepcopy(getattr(source, k)) for k in values}))

    def _apply(self, entries: list[tuple[str, str, dict[str, Any]]]) -> None:
        for kind, item_id, values in entries:
            if kind == "map":
                self.chain_map.update_map(**values)
            else:
                _updater(self.chain_map, kind)(item_id, **values)

    def do(self) -> None:
        applied: list[tuple[str, str, dict[str, Any]]] = []
        try:
            for entry, old in zip(self.changes, self.old, strict=True):
                self._apply([entry])
                applied.append(old)
        except ModelError:
            # Leave the model as it was: part of a multi-item change must not stick.
            self._apply(list(reversed(applied)))
            raise

    def undo_do(self) -> None:
        self._apply(list(reversed(self.old)))


def change_node(chain_map: ChainMap, node_id: str, text: str | None = None, **values: Any) -> ChangeItemsCommand:
    """A command changing fields of one segment, named after it by default."""
    name = chain_map.node(node_id).name
    if text is None:
        if set(values) == {"name"}:
            text = tr("Rename {name}").format(name=name)
        else:
            text = tr("Edit {name}").format(name=name)
    return ChangeItemsCommand(chain_map, [("node", node_id, values)], text)


def move_items(chain_map: ChainMap, positions: dict[tuple[str, str], tuple[float, float]],
               tiers: dict[str, str] | None = None) -> ChangeItemsCommand:
    """One command for a drag: new positions of segments and notes, and new tiers of
    segments dragged across bands."""
    tiers = tiers or {}
    changes = []
    for (kind, item_id), (x, y) in positions.items():
        values: dict[str, Any] = {"x": x, "y": y}
        if kind == "node" and item_id in tiers:
            values["tier"] = tiers[item_id]
        changes.append((kind, item_id, values))
    return ChangeItemsCommand(chain_map, changes, move_text(chain_map, list(positions)))


def move_text(chain_map: ChainMap, refs: list[tuple[str, str]]) -> str:
    """The undo text of moving ``refs``: the segment's name when it is the only one."""
    if len(refs) == 1 and refs[0][0] == "node":
        return tr("Move {name}").format(name=chain_map.node(refs[0][1]).name)
    return tr("Move {count} items").format(count=len(refs))


# ------------------------------------------------------------ adding and removing
class AddNodeCommand(ModelCommand):
    def __init__(self, chain_map: ChainMap, node: Node, index: int | None = None,
                 parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, tr("Add {name}").format(name=node.name), parent)
        self.node = copy.deepcopy(node)
        self.index = index
        self._deleted_before: list[str] = []

    def do(self) -> None:
        self._deleted_before = list(self.chain_map.deleted)
        self.chain_map.add_node(self.node, self.index)

    def undo_do(self) -> None:
        self.chain_map.remove_node(self.node.id)
        self.chain_map.set_deleted(self._deleted_before)


class RemoveNodeCommand(ModelCommand):
    """Remove a segment with its sub-segments and links; undo puts all back in place."""

    def __init__(self, chain_map: ChainMap, node_id: str, parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, tr("Delete {name}").format(name=chain_map.node(node_id).name), parent)
        self.node_id = node_id
        self.removal: NodeRemoval | None = None

    def do(self) -> None:
        self.removal = self.chain_map.remove_node(self.node_id)

    def undo_do(self) -> None:
        assert self.removal is not None
        self.chain_map.restore_node(self.removal)


class AddEdgeCommand(ModelCommand):
    def __init__(self, chain_map: ChainMap, edge: Edge, index: int | None = None,
                 parent: MacroCommand | None = None) -> None:
        source = chain_map.node(edge.source).name if chain_map.has_node(edge.source) else edge.source
        target = chain_map.node(edge.target).name if chain_map.has_node(edge.target) else edge.target
        super().__init__(chain_map, tr("Link {source} → {target}").format(source=source, target=target), parent)
        self.edge = copy.deepcopy(edge)
        self.index = index
        self._deleted_before: list[str] = []

    def do(self) -> None:
        self._deleted_before = list(self.chain_map.deleted)
        self.chain_map.add_edge(self.edge, self.index)

    def undo_do(self) -> None:
        self.chain_map.remove_edge(self.edge.id)
        self.chain_map.set_deleted(self._deleted_before)


class RemoveEdgeCommand(ModelCommand):
    def __init__(self, chain_map: ChainMap, edge_id: str, parent: MacroCommand | None = None) -> None:
        edge = chain_map.edge(edge_id)
        text = tr("Delete link {source} → {target}").format(
            source=chain_map.node(edge.source).name, target=chain_map.node(edge.target).name
        )
        super().__init__(chain_map, text, parent)
        self.edge_id = edge_id
        self.removed: tuple[int, Edge] | None = None
        self._deleted_before: list[str] = []

    def do(self) -> None:
        self._deleted_before = list(self.chain_map.deleted)
        self.removed = self.chain_map.remove_edge(self.edge_id)

    def undo_do(self) -> None:
        assert self.removed is not None
        index, edge = self.removed
        self.chain_map.add_edge(edge, index)
        self.chain_map.set_deleted(self._deleted_before)


class AddNoteCommand(ModelCommand):
    def __init__(self, chain_map: ChainMap, note: Note, index: int | None = None,
                 parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, tr("Add note"), parent)
        self.note = copy.deepcopy(note)
        self.index = index
        self._deleted_before: list[str] = []

    def do(self) -> None:
        self._deleted_before = list(self.chain_map.deleted)
        self.chain_map.add_note(self.note, self.index)

    def undo_do(self) -> None:
        self.chain_map.remove_note(self.note.id)
        self.chain_map.set_deleted(self._deleted_before)


class RemoveNoteCommand(ModelCommand):
    def __init__(self, chain_map: ChainMap, note_id: str, parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, tr("Delete note"), parent)
        self.note_id = note_id
        self.removed: tuple[int, Note] | None = None
        self._deleted_before: list[str] = []

    def do(self) -> None:
        self._deleted_before = list(self.chain_map.deleted)
        self.removed = self.chain_map.remove_note(self.note_id)

    def undo_do(self) -> None:
        assert self.removed is not None
        index, note = self.removed
        self.chain_map.add_note(note, index)
        self.chain_map.set_deleted(self._deleted_before)


class MacroCommand(ModelCommand):
    """Several commands as one undo step; build the parts with ``parent=macro``."""

    def __init__(self, chain_map: ChainMap, text: str) -> None:
        super().__init__(chain_map, text)
        self.parts: list[ModelCommand] = []

    def do(self) -> None:
        # Parts run in order; if one is refused, undo the ones done and refuse them all.
        done: list[ModelCommand] = []
        for part in self.parts:
            try:
                part.do()
            except ModelError:
                for earlier in reversed(done):
                    earlier.undo_do()
                raise
            done.append(part)

    def undo_do(self) -> None:
        for part in reversed(self.parts):
            part.undo_do()


def delete_items(chain_map: ChainMap, refs: Iterable[tuple[str, str]]) -> MacroCommand:
    """One command deleting segments, links and notes (links first, then notes, then
    segments, skipping items that go with a deleted parent)."""
    refs = list(refs)
    nodes = [i for k, i in refs if k == "node"]
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
        if k == "edge" and chain_map.edge(i).source not in doomed and chain_map.edge(i).target not in doomed
    ]
    notes = [i for k, i in refs if k == "note"]
    count = len(top_nodes) + len(edges) + len(notes)
    if count == 1 and top_nodes:
        text = tr("Delete {name}").format(name=chain_map.node(top_nodes[0]).name)
    else:
        text = tr("Delete {count} items").format(count=count)
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
    def __init__(self, chain_map: ChainMap, region: Region, index: int | None = None) -> None:
        super().__init__(chain_map, tr("Add region {name}").format(name=region.name))
        self.region = copy.deepcopy(region)
        self.index = index

    def do(self) -> None:
        self.chain_map.add_region(self.region, self.index)

    def undo_do(self) -> None:
        self.chain_map.remove_region(self.region.code)


class RemoveRegionCommand(ModelCommand):
    def __init__(self, chain_map: ChainMap, code: str) -> None:
        super().__init__(chain_map, tr("Remove region {name}").format(name=chain_map.region(code).name))
        self.code = code
        self.removed: tuple[int, Region] | None = None

    def do(self) -> None:
        self.removed = self.chain_map.remove_region(self.code)

    def undo_do(self) -> None:
        assert self.removed is not None
        index, region = self.removed
        self.chain_map.add_region(region, index)


class AddTierCommand(ModelCommand):
    def __init__(self, chain_map: ChainMap, tier: Tier, index: int | None = None) -> None:
        super().__init__(chain_map, tr("Add tier {name}").format(name=tier.name))
        self.tier = copy.deepcopy(tier)
        self.index = index

    def do(self) -> None:
        self.chain_map.add_tier(self.tier, self.index)

    def undo_do(self) -> None:
        self.chain_map.remove_tier(self.tier.id)


class RemoveTierCommand(ModelCommand):
    def __init__(self, chain_map: ChainMap, tier_id: str) -> None:
        super().__init__(chain_map, tr("Remove tier {name}").format(name=chain_map.tier(tier_id).name))
        self.tier_id = tier_id
        self.removed: tuple[int, Tier] | None = None

    def do(self) -> None:
        self.removed = self.chain_map.remove_tier(self.tier_id)

    def undo_do(self) -> None:
        assert self.removed is not None
        index, tier = self.removed
        self.chain_map.add_tier(tier, index)


class MoveTierCommand(ModelCommand):
    def __init__(self, chain_map: ChainMap, tier_id: str, new_index: int) -> None:
        super().__init__(chain_map, tr("Move tier {name}").format(name=chain_map.tier(tier_id).name))
        self.tier_id = tier_id
        self.new_index = new_index
        self.old_index = chain_map.tier_index(tier_id)

    def do(self) -> None:
        self.chain_map.move_tier(self.tier_id, self.new_index)

    def undo_do(self) -> None:
        self.chain_map.move_tier(self.tier_id, self.old_index)


# -------------------------------------------------------------------- conflicts
class RemoveConflictCommand(ModelCommand):
    """Drop a conflict record (as part of resolving it, inside a macro)."""

    def __init__(self, chain_map: ChainMap, conflict_id: str, parent: MacroCommand | None = None) -> None:
        super().__init__(chain_map, tr("Resolve conflict"), parent)
        self.conflict_id = conflict_id
        self.removed: tuple[int, Conflict] | None = None

    def do(self) -> None:
        self.removed = self.chain_map.remove_conflict(self.conflict_id)

    def undo_do(self) -> None:
        assert self.removed is not None
        index, conflict = self.removed
        self.chain_map.add_conflict(conflict, index)
