"""Undo commands as one pattern: ``apply``/``revert``, tombstones put back from the model's own
removal records, and the drag pushing the same move command as ``move_items``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from chainmap.core.format.fileio import load_map
from chainmap.core.format.serialize import dumps_map
from chainmap.core.model import ChainMap, Note
from chainmap.gui.canvas.drop import drop_command
from chainmap.gui.canvas.edit_ops import moved_refs
from chainmap.gui.commands import (
    AddNoteCommand,
    MoveItemsCommand,
    RemoveEdgeCommand,
    RemoveNoteCommand,
    delete_items,
    move_items,
    push,
)

from .editor_helpers import node_named

pytestmark = pytest.mark.gui

VEHICLES = Path(__file__).resolve().parents[2] / "examples" / "vehicles.chainmap.json"


@pytest.fixture
def chain_map(qapp) -> ChainMap:  # type: ignore[no-untyped-def]
    return load_map(VEHICLES).map


def test_removing_a_link_and_a_note_and_undoing_keeps_the_tombstones_exact(chain_map) -> None:
    stack = QUndoStack()
    edge, note = chain_map.edges[0], chain_map.notes[1]
    # A file may list a live id as deleted: undoing a removal must not drop it from the list.
    chain_map.set_deleted(["n-gone", edge.id])
    original = dumps_map(chain_map)
    assert push(stack, RemoveEdgeCommand(chain_map, edge.id)) is None
    assert push(stack, RemoveNoteCommand(chain_map, note.id)) is None
    assert chain_map.deleted == ["n-gone", edge.id, note.id]
    stack.undo()
    stack.undo()
    assert chain_map.deleted == ["n-gone", edge.id]
    assert dumps_map(chain_map) == original
    stack.redo()
    assert not chain_map.has_edge(edge.id) and chain_map.deleted == ["n-gone", edge.id]


def test_deleting_a_segment_with_its_sub_segments_is_undone_from_one_record(chain_map) -> None:
    stack = QUndoStack()
    original = dumps_map(chain_map)
    battery = next(n for n in chain_map.nodes if n.name == "动力电池")
    doomed = {battery.id, *chain_map.descendants(battery.id)}
    links = {e.id for e in chain_map.edges if e.source in doomed or e.target in doomed}
    assert push(stack, delete_items(chain_map, [("node", battery.id)])) is None
    assert set(chain_map.deleted) == doomed | links
    stack.undo()
    assert chain_map.deleted == [] and dumps_map(chain_map) == original
    stack.redo()
    assert set(chain_map.deleted) == doomed | links


def test_taking_back_an_addition_leaves_no_tombstone(chain_map) -> None:
    stack = QUndoStack()
    chain_map.set_deleted(["n-gone"])
    assert push(stack, AddNoteCommand(chain_map, Note(id="t-new", text="新注释", x=0.0, y=0.0))) is None
    stack.undo()
    assert not chain_map.has_note("t-new") and chain_map.deleted == ["n-gone"]
    stack.redo()
    assert chain_map.has_note("t-new")


def test_commands_apply_and_revert(chain_map) -> None:
    edge = chain_map.edges[0]
    command = RemoveEdgeCommand(chain_map, edge.id)
    command.apply()
    assert not chain_map.has_edge(edge.id)
    command.revert()
    assert chain_map.has_edge(edge.id) and not hasattr(command, "do") and not hasattr(command, "undo_do")


def test_the_drag_pushes_the_move_command_move_items_makes(main_window) -> None:
    scene, chain_map = main_window.scene, main_window.document.chain_map
    battery = node_named(main_window, "动力电池")
    moving = moved_refs(chain_map, [("node", battery.id)])
    command = drop_command(scene, moving, 0.0, -40.0, None)
    assert isinstance(command, MoveItemsCommand)
    positions = {ref: (x, round(y - 40.0, 1)) for ref, (x, y) in
                 ((ref, (chain_map.get(ref).x, chain_map.get(ref).y)) for ref in moving)}
    assert command.changes == move_items(chain_map, positions).changes
    assert command.text() == move_items(chain_map, positions).text() == f"Move {len(moving)} items"
    assert drop_command(scene, moving, 0.0, 0.0, None) is None
