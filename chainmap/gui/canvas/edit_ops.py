"""Edits the canvas and the window's actions share: new segments, link checks, nudges,
automatic placement. Each returns or pushes undo commands; none touches a graphics item."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from chainmap.core.ids import new_id
from chainmap.core.layout.engine import compute_layout
from chainmap.core.model import ChainMap, Node
from chainmap.core.refs import Ref

from ..commands import ChangeItemsCommand, MoveItemsCommand

NEW_SEGMENT_NAME = "新环节"
NEW_NOTE_TEXT = "新注释"
NUDGE_STEP = 10.0
FINE_NUDGE_STEP = 1.0



def new_segment(chain_map: ChainMap, tier: str | None, x: float | None = None, y: float | None = None,
                name: str = NEW_SEGMENT_NAME) -> Node:
    """A fresh segment (random id) in ``tier`` (default: the first tier) at ``(x, y)``."""
    if tier is None or not chain_map.has_tier(tier):
        tier = chain_map.tiers[0].id
    return Node(id=new_id("n"), name=name, tier=tier, x=x, y=y)


def link_problem(chain_map: ChainMap, source: str, target: str, kind: str | None = None) -> str | None:
    """Why a link ``source`` → ``target`` would be refused, or ``None`` when it is fine."""
    if source == target:
        return QCoreApplication.translate("commands", "A link cannot go from segment '{name}' to itself.").format(name=chain_map.node(source).name)
    if chain_map.find_edge(source, target, kind) is not None:
        return QCoreApplication.translate("commands", "There is already a link {source} → {target}.").format(
            source=chain_map.node(source).name, target=chain_map.node(target).name
        )
    return None


def moved_refs(chain_map: ChainMap, refs: Iterable[Ref]) -> list[Ref]:
    """What moves when ``refs`` are dragged: the segments with their sub-segments, the notes
    attached to them, and the selected notes; each once, in a stable order."""
    nodes: dict[str, None] = {}
    for kind, item_id in refs:
        if kind == "node" and chain_map.has_node(item_id):
            nodes[item_id] = None
            for child in chain_map.descendants(item_id):
                nodes[child] = None
    notes: dict[str, None] = {}
    for kind, item_id in refs:
        if kind == "note" and chain_map.has_note(item_id):
            notes[item_id] = None
    if nodes:
        for note in chain_map.notes:
            if note.node is not None and note.node in nodes:
                notes[note.id] = None
    return [("node", n) for n in nodes] + [("note", n) for n in notes]


def position_of(chain_map: ChainMap, ref: Ref) -> tuple[float, float] | None:
    """Where segment or note ``ref`` is, or ``None`` when it has no position."""
    kind, item_id = ref
    item: Any = chain_map.node(item_id) if kind == "node" else chain_map.note(item_id)
    if item.x is None or item.y is None:
        return None
    return float(item.x), float(item.y)


def shifted_positions(chain_map: ChainMap, refs: Iterable[Ref], dx: float, dy: float) -> dict[Ref, tuple[float, float]]:
    """New positions of ``refs`` moved by ``(dx, dy)`` (items without a position stay so)."""
    positions = {}
    for ref in refs:
        position = position_of(chain_map, ref)
        if position is not None:
            positions[ref] = (round(position[0] + dx, 1), round(position[1] + dy, 1))
    return positions


class NudgeCommand(MoveItemsCommand):
    """An arrow-key move; consecutive nudges of the same items merge into one undo step."""

    MERGE_ID = 0x4E55

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.MERGE_ID

    def mergeWith(self, other: Any) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, NudgeCommand):
            return False
        if [(k, i) for k, i, _ in other.changes] != [(k, i) for k, i, _ in self.changes]:
            return False
        self.changes = other.changes
        return True


def nudge_command(chain_map: ChainMap, refs: list[Ref], dx: float, dy: float) -> NudgeCommand | None:
    """The nudge of ``refs`` (with what moves along) by ``(dx, dy)``; ``None`` when none has a position."""
    positions = shifted_positions(chain_map, moved_refs(chain_map, refs), dx, dy)
    return NudgeCommand(chain_map, positions) if positions else None


# ------------------------------------------------------------- automatic layout
def layout_command(chain_map: ChainMap, only_new: bool = False) -> ChangeItemsCommand | None:
    """One command placing segments where the layout puts them (only those without a
    position when ``only_new``); ``None`` when nothing would move."""
    positions = compute_layout(chain_map, only_new=only_new)
    changes = []
    for node_id, (x, y) in positions.items():
        if not chain_map.has_node(node_id):
            continue
        node = chain_map.node(node_id)
        if only_new and node.x is not None and node.y is not None:
            continue
        x, y = round(float(x), 1), round(float(y), 1)
        if (node.x, node.y) != (x, y):
            changes.append(("node", node_id, {"x": x, "y": y}))
    if not changes:
        return None
    text = QCoreApplication.translate("commands", "Place new segments") if only_new else QCoreApplication.translate("commands", "Layout")
    return ChangeItemsCommand(chain_map, changes, text)
