"""View > Compare with…: marks added and changed items, lists (and ghosts) removed ones,
centres on a clicked change, and clears."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from chainmap.core.diff import ADDED, CHANGED, REMOVED
from chainmap.gui.commands import change_node

from .merge_helpers import (
    AUTOPILOT,
    BASE,
    FINANCE,
    POWER_CHIPS_BJ,
    POWER_CHIPS_TJ,
    SOLID_STATE,
    merged_window,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def window(make_main_window):
    win = merged_window(make_main_window)
    assert win.merge_ui.compare_with(BASE)
    return win


def test_marks_added_and_changed_items(window):
    scene = window.scene
    added = scene.marked("added")
    assert {("node", SOLID_STATE), ("node", POWER_CHIPS_BJ), ("node", POWER_CHIPS_TJ)} <= added
    assert ("node", AUTOPILOT) in scene.marked("changed")  # its description changed
    assert not added & scene.marked("changed")
    assert "added" in scene.item_for("node", POWER_CHIPS_BJ)._marks
    assert "changed" in scene.item_for("node", AUTOPILOT)._marks
    dock = window.compare_dock
    assert dock.isVisible()
    assert "+ segment 车用功率半导体" in dock.row_texts()
    assert "vehicles-base.chainmap.json" in dock.heading.text()


def test_lists_removed_items_and_ghosts_them_at_their_old_place(window):
    dock = window.compare_dock
    assert "汽车金融与保险" in dock.removed_names()
    assert "- segment 汽车金融与保险" in dock.row_texts()
    assert any(text.startswith("- link 整车制造 → 汽车金融与保险") for text in dock.row_texts())
    ghost = dock.ghosts()[FINANCE]
    assert ghost.scene() is window.scene
    assert window.scene.ref_for(ghost) is None  # an overlay, not a map item
    assert not window.document.chain_map.has_node(FINANCE)


def test_every_change_is_listed_in_diff_order(window):
    dock = window.compare_dock
    changes = dock.changes()
    assert [c.describe() for c in changes] == dock.row_texts()
    assert {c.action for c in changes} == {ADDED, REMOVED, CHANGED}


def test_clicking_a_line_centres_on_its_item(qtbot, window):
    dock, document = window.compare_dock, window.document
    row = dock.row_texts().index("+ segment 功率半导体")
    with qtbot.waitSignal(document.focus_requested):
        dock.list.itemClicked.emit(dock.list.item(row))
    assert document.selection == [("node", POWER_CHIPS_TJ)]
    # A removed segment: the view centres on its ghost.
    ghost = dock.ghosts()[FINANCE]
    dock.activate_row(dock.row_texts().index("- segment 汽车金融与保险"))
    visible = window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect()
    assert visible.contains(ghost.sceneBoundingRect().center())


def test_clear_comparison_removes_marks_ghosts_and_list(window):
    scene = window.scene
    ghost = window.compare_dock.ghosts()[FINANCE]
    window.action_clear_comparison.trigger()
    assert scene.marked("added") == set() and scene.marked("changed") == set()
    assert ghost.scene() is None
    assert window.compare_dock.row_texts() == []
    assert "added" not in scene.item_for("node", POWER_CHIPS_BJ)._marks
    assert scene.marked("conflict")  # the conflicts' marks stay


def test_an_edit_during_a_comparison_compares_again(qtbot, window):
    document = window.document
    document.push(change_node(document.chain_map, POWER_CHIPS_TJ, name="功率器件"))
    qtbot.waitUntil(lambda: "+ segment 功率器件" in window.compare_dock.row_texts())


def test_a_file_that_cannot_be_read_is_reported(make_main_window, tmp_path: Path):
    window = make_main_window()
    bad = tmp_path / "bad.chainmap.json"
    bad.write_text("not json", encoding="utf-8")
    assert not window.merge_ui.compare_with(bad)
    error = window.compare_dock.error
    assert not error.isHidden() and "bad.chainmap.json" in error.text()
    assert window.scene.marked("added") == set()


def test_opening_another_map_ends_the_comparison(make_main_window, window, example_copy):
    ghost = window.compare_dock.ghosts()[FINANCE]
    window.document.undo_stack.setClean()
    assert window.files.open_file(example_copy("vehicles"))
    QApplication.processEvents()
    assert not window.compare_dock.active and window.compare_dock.row_texts() == []
    assert ghost.scene() is None
    assert window.scene.marked("added") == set()
