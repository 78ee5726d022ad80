"""The editor's files: save (with meta stamps), failed saves, bad files, newer versions,
the prompt before losing work, drops, recent files, revert, new from a template."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from chainmap import __version__
from chainmap.gui import settings

from .editor_helpers import map_bytes, node_named

pytestmark = pytest.mark.gui


def rename(window, name: str, new: str) -> None:
    node = node_named(window, name)
    window.canvas.select_refs([("node", node.id)])
    window.action_rename.trigger()
    window.canvas.editor.setText(new)
    from PySide6.QtTest import QTest

    QTest.keyClick(window.canvas.editor, Qt.Key.Key_Return)


def test_save_stamps_meta_and_leaves_clean(main_window) -> None:
    path = main_window.document.path
    rename(main_window, "锂矿", "锂资源")
    assert main_window.isWindowModified()
    main_window.action_save.trigger()
    assert not main_window.isWindowModified()
    data = json.loads(path.read_text("utf-8"))
    assert data["nodes"][0]["name"] == "锂资源"
    assert data["meta"]["generator"] == f"chainmap {__version__}"
    modified = data["meta"]["modified"]
    assert "T" in modified and (modified.endswith("Z") or modified[-6] in "+-")
    assert main_window.windowTitle() == "vehicles.chainmap.json[*] — chainmap"


def test_failed_save_keeps_modified_and_old_file(main_window, tmp_path: Path) -> None:
    path = main_window.document.path
    before = path.read_bytes()
    meta = dict(main_window.document.chain_map.meta)
    rename(main_window, "锂矿", "锂资源")
    errors = []
    main_window.files.show_save_error = errors.append
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    main_window.files.ask_save_path = lambda: str(blocker / "map.chainmap.json")
    assert not main_window.files.save_as()
    assert len(errors) == 1 and "not saved" in errors[0].describe()
    assert main_window.isWindowModified()
    assert main_window.document.path == path
    assert path.read_bytes() == before
    assert main_window.document.chain_map.meta == meta


def test_bad_file_keeps_current_document(main_window, tmp_path: Path) -> None:
    bad = tmp_path / "bad.chainmap.json"
    bad.write_text('{"format": "chainmap", "version": 1, "nodes": [}', "utf-8")
    shown = []
    main_window.files.show_load_error = shown.append
    document = main_window.document
    main_window.files.open_file(bad)
    assert main_window.document is document
    assert len(shown) == 1 and "not valid JSON" in shown[0].describe()
    invalid = tmp_path / "invalid.chainmap.json"
    invalid.write_text(json.dumps({"format": "chainmap", "version": 1, "id": "x", "title": "t", "chain": "c",
                                   "regions": [], "tiers": [], "nodes": [{"id": "a"}], "edges": []}), "utf-8")
    main_window.files.open_file(invalid)
    assert main_window.document is document
    assert len(shown[1].problems) >= 2  # every problem, not only the first


def test_newer_version_says_so(main_window, tmp_path: Path) -> None:
    newer = tmp_path / "newer.chainmap.json"
    data = json.loads(main_window.document.path.read_text("utf-8"))
    data["version"] = 7
    newer.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    shown = []
    main_window.files.show_load_error = shown.append
    assert not main_window.files.open_file(newer)
    assert shown[0].version == 7 and "newer chainmap" in shown[0].describe()
    assert json.loads(newer.read_text("utf-8"))["version"] == 7


def test_close_asks_about_unsaved_changes(main_window) -> None:
    rename(main_window, "锂矿", "锂资源")
    asked = []

    def answer(choice):
        def ask():
            asked.append(choice)
            return choice
        return ask

    main_window.files.ask_save_changes = answer("cancel")
    assert not main_window.close()
    assert main_window.isVisible() and asked == ["cancel"]
    main_window.files.ask_save_changes = answer("save")
    path = main_window.document.path
    assert main_window.close()
    assert asked == ["cancel", "save"]
    assert "锂资源" in path.read_text("utf-8")


def test_discard_closes_without_saving(main_window) -> None:
    path = main_window.document.path
    before = path.read_bytes()
    rename(main_window, "锂矿", "锂资源")
    main_window.files.ask_save_changes = lambda: "discard"
    assert main_window.close()
    assert path.read_bytes() == before


def test_open_over_unsaved_work_asks_first(main_window, example_copy) -> None:
    rename(main_window, "锂矿", "锂资源")
    main_window.files.ask_save_changes = lambda: "cancel"
    document = main_window.document
    assert not main_window.files.open_file(example_copy("hydrogen"))
    assert main_window.document is document
    main_window.files.ask_save_changes = lambda: "discard"
    assert main_window.files.open_file(example_copy("hydrogen"))
    assert main_window.windowTitle().startswith("hydrogen.chainmap.json")
    assert not main_window.isWindowModified()


def test_dropping_a_file_opens_it(main_window, example_copy) -> None:
    target = example_copy("robots")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(target))])
    viewport = main_window.canvas.viewport()
    # As a real drop: the drag enters (and is accepted), then it is dropped.
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    assert main_window.document.path == target
    assert main_window.document.chain_map.chain == "机器人"


def test_recent_files_remembered_and_pruned(main_window, example_copy) -> None:
    first = main_window.document.path
    second = example_copy("hydrogen")
    main_window.files.open_file(second)
    files = settings.recent_files()
    assert files[:2] == [str(second), str(first)]
    main_window.refresh_recent_menu()
    texts = [a.text() for a in main_window.recent_menu.actions()]
    assert any("hydrogen.chainmap.json" in t for t in texts)
    first.unlink()
    assert not main_window.files.open_recent(str(first))
    assert str(first) not in settings.recent_files()
    assert "no longer exists" in main_window.statusBar().currentMessage()
    # Opening from the menu goes through the same action.
    recent = next(a for a in main_window.recent_menu.actions() if a.data() == str(second))
    recent.trigger()
    assert main_window.document.path == second
    for index in range(12):
        settings.add_recent_file(second.parent / f"m{index}.json")
    assert len(settings.recent_files()) == settings.MAX_RECENT


def test_revert_reloads_from_disk(main_window) -> None:
    original = main_window.document.path.read_bytes()
    rename(main_window, "锂矿", "锂资源")
    main_window.files.ask_revert = lambda: False
    assert not main_window.files.revert()
    assert node_named(main_window, "锂资源")
    main_window.files.ask_revert = lambda: True
    main_window.action_revert.trigger()
    assert map_bytes(main_window) == original
    assert not main_window.isWindowModified()


def test_new_map_from_template_and_blank(main_window) -> None:
    main_window.files.ask_template = lambda: "hydrogen"
    main_window.action_new.trigger()
    chain_map = main_window.document.chain_map
    assert chain_map.chain == "氢能" and main_window.document.path is None
    assert len(chain_map.nodes) > 5
    assert all(not node.regions for node in chain_map.nodes)
    main_window.files.ask_template = lambda: ""
    main_window.action_new.trigger()
    assert len(main_window.document.chain_map.nodes) == 0
    assert [t.name for t in main_window.document.chain_map.tiers] == ["上游", "中游", "下游"]
    main_window.files.ask_template = lambda: None
    document = main_window.document
    main_window.action_new.trigger()
    assert main_window.document is document


def test_save_as_names_the_window_after_the_file(main_window, tmp_path: Path) -> None:
    main_window.files.ask_template = lambda: ""
    main_window.action_new.trigger()
    main_window.action_add_segment.trigger()
    main_window.canvas.close_editor(commit=False)
    target = tmp_path / "new-map"
    main_window.files.ask_save_path = lambda: str(target) + ".chainmap.json"
    main_window.action_save.trigger()  # no file yet: asks where
    assert (tmp_path / "new-map.chainmap.json").is_file()
    assert main_window.windowTitle() == "new-map.chainmap.json[*] — chainmap"
    assert not main_window.isWindowModified()


def test_window_geometry_is_remembered(make_main_window, example_copy) -> None:
    from chainmap.gui.main_window import MainWindow

    window = make_main_window(example_copy("vehicles"), size=(711, 577))
    window.close()
    again = MainWindow(restore_settings=True)
    try:
        assert again.size().width() == 711 and again.size().height() == 577
    finally:
        again.dispose()
        again.deleteLater()


def test_warnings_on_load_show_in_the_status_bar(main_window, tmp_path: Path) -> None:
    data = json.loads(main_window.document.path.read_text("utf-8"))
    twin = dict(data["edges"][0])
    twin["id"] = "e-twin"
    data["edges"].append(twin)  # the same from, to and kind twice: a warning, not an error
    path = tmp_path / "warned.chainmap.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert main_window.files.open_file(path)
    message = main_window.statusBar().currentMessage()
    assert "1 warning" in message and "warned.chainmap.json" in message


def test_template_dialog_lists_the_six_chains(main_window) -> None:
    from chainmap.gui.dialogs.templates import template_names
    from chainmap.gui.files.actions import TemplateDialog

    dialog = TemplateDialog(template_names(), main_window)
    try:
        assert dialog.list.count() == 1 + 6
        assert dialog.choice() == ""  # blank first
        dialog.list.setCurrentRow(4)
        assert dialog.choice() == "hydrogen"
        assert dialog.list.currentItem().text() == "Template: Hydrogen energy"  # the map keeps 氢能
    finally:
        dialog.deleteLater()
