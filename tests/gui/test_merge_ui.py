"""File > Merge maps: the dialog's summary, opening the result, bad inputs; the menus;
saving a map with conflicts left; View > Provenance."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from chainmap.core.format.fileio import load_map, save_map
from chainmap.gui.merge.actions import MergeUI
from chainmap.gui.merge.dialog import MergeDialog

from .merge_helpers import (
    BASE,
    COPIES,
    FINANCE,
    POWER_CHIPS_BJ,
    POWER_CHIPS_TJ,
    SOLID_STATE,
    merged_window,
    vehicles_merge,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def window(make_main_window):
    return make_main_window()


def run_dialog(window, inputs=COPIES, base=BASE) -> MergeDialog:
    dialog = window.merge_ui.show_merge_dialog()
    dialog.add_inputs(inputs)
    dialog.set_base(base)
    return dialog


def _entries(menu) -> list[str]:
    """A menu's entries: actions by object name, submenus by title, separators as "--"."""
    return ["--" if a.isSeparator() else a.menu().objectName() or a.menu().title() if a.menu() else a.objectName()
            for a in menu.actions()]


def test_the_window_builds_its_merge_tools_with_its_own_menus_and_docks(qtbot) -> None:
    """Right after the window is made (not shown, before any merge), the merge actions are in
    the File and View menus the window built, the conflicts and compare docks are docked
    (hidden) with their toggles in View ▸ Panels, and the merge tools are one panel."""
    from chainmap.gui.main_window import MainWindow

    window = MainWindow(restore_settings=False, remember=False)
    try:
        bar = [a.menu() for a in window.menuBar().actions()]
        assert bar[:3] == [window.file_menu, window.edit_menu, window.view_menu]
        assert _entries(window.file_menu) == [
            "action_new", "action_open", "recent_menu", "--", "action_merge_maps", "action_import", "--",
            "action_save", "action_save_as", "action_export", "action_print", "action_revert", "--",
            "autosave_menu", "action_always_reload",
            "--", "action_close", "action_quit"]
        named = lambda menu: menu.objectName() or menu.title()  # noqa: E731
        assert _entries(window.view_menu)[-1] == named(window.language_menu)  # View ▸ Language last
        assert _entries(window.view_menu)[-9:-1] == [
            "action_toggle_fold", "--", "action_compare", "action_clear_comparison", "action_provenance",
            "action_analysis_overlay", "--", named(window.panels_menu)]
        for name in ("merge_maps", "compare", "clear_comparison", "provenance"):
            action = getattr(window, f"action_{name}")
            assert action.objectName() == f"action_{name}" and action in window.actions()
        assert window.action_provenance.isCheckable() and not window.action_provenance.isEnabled()
        assert "not the result of a merge" in window.action_provenance.toolTip()
        left, bottom = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
        assert window.dockWidgetArea(window.conflicts_dock) == left
        assert window.dockWidgetArea(window.compare_dock) == bottom
        assert window.conflicts_dock.isHidden() and window.compare_dock.isHidden()
        toggles = window.panels_menu.actions()
        assert window.conflicts_dock.toggleViewAction() in toggles
        assert window.compare_dock.toggleViewAction() in toggles
        assert sum(isinstance(p, MergeUI) for p in window.panels) == 1
        assert window.merge_ui.window is window and window.merge_ui.merge_result is None
    finally:
        window.dispose()
        window.deleteLater()


def test_dialog_shows_the_expected_summary(window):
    dialog = run_dialog(window)
    assert dialog.run()
    lines = dialog.summary_lines()
    # examples/merge/README.md: the expected outcome of this merge.
    assert "Matched by id: 34 segments, 36 links" in lines
    assert "Matched by name: 2 segments, 1 links, 0 tiers" in lines
    assert "Added: 4 segments, 4 links" in lines
    assert "Deleted: 1 segments, 1 links" in lines
    assert "  汽车金融与保险" in lines
    assert "Conflicts: 5 (3 edit, 2 delete, 0 duplicate)" in lines
    assert "Suggestions (alike names, not merged): 1" in lines
    assert "  0.89  车用功率半导体 (CN-BJ) ~ 功率半导体 (CN-TJ)" in lines
    assert any(line.startswith("  segment 固态电池 ← CN-BJ 固态电池, CN-HE 固 态 电池") for line in lines)
    assert dialog.open_button.isEnabled()
    assert dialog.error_text() == ""


def test_open_result_replaces_an_unmodified_map_as_unsaved(window):
    dialog = run_dialog(window)
    assert dialog.run()
    opened = dialog.open_result()
    assert opened is window
    document = window.document
    assert document.path is None and document.is_modified  # saved only with Save As
    assert len(document.chain_map.conflicts) == 5
    assert document.chain_map.owner is None
    assert [e["owner"] for e in document.chain_map.meta["merged_from"]] == ["CN-BJ", "CN-TJ", "CN-HE"]
    assert not window.document.chain_map.has_node(FINANCE)
    assert window.conflicts_dock.isVisible()
    assert len(window.conflicts_dock.conflict_ids()) == 5
    assert window.merge_ui.merge_result is not None
    assert not dialog.isVisible()


def test_open_result_uses_a_new_window_when_the_map_has_changes(window):
    window.document.chain_map.update_map(title="未保存的修改")  # a change the stack does not know
    window.document.undo_stack.resetClean()
    before = window.document
    result = vehicles_merge()
    new = window.merge_ui.open_merge_result(result)
    try:
        assert new is not window and window.document is before
        assert new.document.chain_map is result.map and new.document.is_modified
        assert new.merge_ui.merge_result is result
        assert new.conflicts_dock.conflict_ids() == [c.id for c in result.map.conflicts]
    finally:
        new.files.ask_save_changes = lambda: "discard"
        new.close()
        QApplication.processEvents()
    assert not shiboken6.isValid(new) or not new.isVisible()


def test_a_bad_input_shows_the_loaders_problems(window, tmp_path: Path):
    bad = tmp_path / "broken.chainmap.json"
    bad.write_text('{"format": "chainmap", "version": 1, "id": "x"', encoding="utf-8")
    dialog = run_dialog(window, inputs=[COPIES[0], bad], base=None)
    assert not dialog.run()
    text = dialog.error_text()
    assert "broken.chainmap.json" in text and "Nothing was merged" in text
    assert "Traceback" not in text
    assert not dialog.open_button.isEnabled() and dialog.merge_result is None


def test_different_ids_need_force(window, tmp_path: Path):
    other = tmp_path / "other.chainmap.json"
    data = json.loads(COPIES[1].read_text(encoding="utf-8"))
    data["id"] = "another-map"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dialog = run_dialog(window, inputs=[COPIES[0], other], base=None)
    assert not dialog.run()
    assert "ids differ" in dialog.error_text() and "Force" in dialog.error_text()
    dialog.force.setChecked(True)
    assert dialog.run()
    assert dialog.merge_result is not None and dialog.merge_result.map.id == "jjj-vehicles"


def test_one_input_is_not_enough(window):
    dialog = run_dialog(window, inputs=[COPIES[0]], base=None)
    dialog.add_inputs([COPIES[0]])  # the same file is listed once
    assert dialog.input_paths() == [COPIES[0]]
    assert not dialog.run()
    assert "two" in dialog.error_text()


def test_a_map_with_conflicts_left_saves_and_reopens_with_them(make_main_window, tmp_path: Path):
    window = merged_window(make_main_window)
    ids = [c.id for c in window.document.chain_map.conflicts]
    target = tmp_path / "merged.chainmap.json"
    assert window.files.save_to(target)
    assert not window.document.is_modified
    assert [c.id for c in load_map(target).map.conflicts] == ids
    reopened = make_main_window(target)
    assert reopened.conflicts_dock.conflict_ids() == ids
    assert reopened.scene.marked("conflict")


def test_provenance_colours_segments_by_their_copies(make_main_window):
    window = merged_window(make_main_window)
    action = window.action_provenance
    assert action.isEnabled()
    action.setChecked(True)
    scene = window.scene
    looks = {look.code: look.colour_key for look in scene._state.regions}
    only_bj = scene.item_for("node", POWER_CHIPS_BJ)._provenance
    assert only_bj == [looks["CN-BJ"]]
    assert scene.item_for("node", POWER_CHIPS_TJ)._provenance == [looks["CN-TJ"]]
    assert scene.item_for("node", SOLID_STATE)._provenance == [looks["CN-BJ"], looks["CN-HE"]]
    action.setChecked(False)
    assert scene.item_for("node", POWER_CHIPS_BJ)._provenance == []


def test_provenance_of_a_merged_file_from_the_copies_beside_it(make_main_window, tmp_path: Path):
    for path in COPIES:
        shutil.copyfile(path, tmp_path / path.name)
    merged = tmp_path / "merged.chainmap.json"
    save_map(vehicles_merge().map, merged)
    window = make_main_window(merged)
    assert window.action_provenance.isEnabled()
    provenance = window.merge_ui.provenance
    assert provenance[POWER_CHIPS_TJ] == ["CN-TJ"]
    assert provenance[SOLID_STATE] == ["CN-BJ", "CN-HE"]

    # A copy gone: the others still tell, and the tooltip says which is missing.
    (tmp_path / COPIES[2].name).unlink()
    window.files.open_file(merged)
    assert window.action_provenance.isEnabled()
    assert COPIES[2].name in window.action_provenance.toolTip()
    assert window.merge_ui.provenance[SOLID_STATE] == ["CN-BJ"]

    lonely = make_main_window(BASE)
    assert not lonely.action_provenance.isEnabled()
    assert "not the result of a merge" in lonely.action_provenance.toolTip()
