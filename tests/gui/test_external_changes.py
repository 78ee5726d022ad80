"""The open map changed on disk: reload (asked, or always), merge their changes into yours as
one undo step, overwrite, save as; a save never writes over bytes the editor has not seen; a
deleted or renamed file is said."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from chainmap.core.format.fileio import load_map
from chainmap.core.format.serialize import dumps_map
from chainmap.gui import settings
from chainmap.gui.commands import change_node

from .editor_helpers import centre_of, map_bytes, move_held, node_named, press, release

pytestmark = pytest.mark.gui

WRITER = (
    "import os, sys\n"
    "path = sys.argv[1]\n"
    "data = sys.stdin.buffer.read()\n"
    "with open(path + '.part', 'wb') as f:\n"
    "    f.write(data)\n"
    "os.replace(path + '.part', path)\n"  # how editors and git replace a file
)


def write_elsewhere(path: Path, data: bytes) -> None:
    """Another program (a real second process) replaces the file."""
    subprocess.run([sys.executable, "-c", WRITER, str(path)], input=data, check=True, timeout=60)


def their_version(path: Path, old: str, new: str) -> bytes:
    chain_map = load_map(path).map
    node = next(n for n in chain_map.nodes if n.name == old)
    chain_map.update_node(node.id, name=new)
    return dumps_map(chain_map)


def rename(window, old: str, new: str) -> None:
    document = window.document
    document.push(change_node(document.chain_map, node_named(window, old).id, name=new))


class Asked:
    """Stands in for one of the window's questions: records the calls, gives ``answer``."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.calls: list[tuple] = []

    def __call__(self, *args):
        self.calls.append(args)
        return self.answer


def test_a_change_on_disk_waits_while_a_box_is_dragged(main_window) -> None:
    """No question pops up in the middle of a drag: the check is made again once it is over."""
    window = main_window
    path = window.document.path
    window.external.file_watch.stop()  # checked by hand here, at the moments the test chooses
    asked = window.external.ask_reload = Asked("keep")
    write_elsewhere(path, their_version(path, "锂矿", "锂资源"))
    start = centre_of(window, "锂矿")
    press(window, start)
    move_held(window, start, start + QPoint(60, 0))
    assert window.external.check_disk() == "later" and not asked.calls
    QTest.keyClick(window.canvas, Qt.Key.Key_Escape)  # the drag is given up: nothing moved
    release(window, start + QPoint(60, 0))
    assert not window.isWindowModified()
    assert window.external.check_disk() == "kept" and len(asked.calls) == 1


def test_a_change_on_disk_without_local_edits_offers_to_reload(main_window, qtbot) -> None:
    window = main_window
    path = window.document.path
    asked = window.external.ask_reload = Asked("reload")
    write_elsewhere(path, their_version(path, "锂矿", "锂资源"))
    qtbot.waitUntil(lambda: bool(asked.calls), timeout=10000)
    name, lines = asked.calls[0]
    assert name == path.name and any("锂资源" in line for line in lines)
    assert node_named(window, "锂资源") and not window.isWindowModified()
    assert "changed on disk" in window.statusBar().currentMessage()
    # A second replacement (the watch follows the new file) is seen too.
    write_elsewhere(path, their_version(path, "锂资源", "锂"))
    qtbot.waitUntil(lambda: len(asked.calls) == 2, timeout=10000)
    assert node_named(window, "锂")


def test_always_reload_reloads_without_asking(main_window, qtbot) -> None:
    window = main_window
    path = window.document.path
    window.action_always_reload.setChecked(True)
    assert settings.bool_setting(settings.ALWAYS_RELOAD_KEY, False)
    asked = window.external.ask_reload = Asked("keep")
    write_elsewhere(path, their_version(path, "锂矿", "锂资源"))
    qtbot.waitUntil(lambda: any(n.name == "锂资源" for n in window.document.chain_map.nodes), timeout=10000)
    assert not asked.calls and not window.isWindowModified()


def test_keeping_your_version_still_asks_before_a_save_overwrites_theirs(main_window, qtbot) -> None:
    window = main_window
    path = window.document.path
    window.external.ask_reload = Asked("keep")
    theirs = their_version(path, "锂矿", "锂资源")
    write_elsewhere(path, theirs)
    qtbot.waitUntil(lambda: bool(window.external.ask_reload.calls), timeout=10000)
    rename(window, "正极材料", "正极")
    asked = window.external.ask_external_change = Asked("cancel")
    assert not window.files.save()
    assert asked.calls and asked.calls[0][3] is True  # asked while saving
    assert path.read_bytes() == theirs


def test_merge_their_changes_is_one_undo_step(main_window, qtbot) -> None:
    window = main_window
    path = window.document.path
    rename(window, "正极材料", "正极")  # yours
    ours = map_bytes(window)
    asked = window.external.ask_external_change = Asked("merge")
    write_elsewhere(path, their_version(path, "锂矿", "锂资源"))  # theirs
    qtbot.waitUntil(lambda: bool(asked.calls), timeout=10000)
    assert asked.calls[0][3] is False and any("锂资源" in line for line in asked.calls[0][1])
    chain_map = window.document.chain_map
    assert node_named(window, "锂资源") and node_named(window, "正极")
    assert not chain_map.conflicts
    assert window.isWindowModified() and window.document.undo_stack.count() == 2
    assert "Merged the changes made on disk" in window.statusBar().currentMessage()
    window.action_undo.trigger()
    assert map_bytes(window) == ours
    window.action_redo.trigger()
    # Their bytes count as seen now: saving writes both changes without asking again.
    asked.calls.clear()
    assert window.files.save()
    assert not asked.calls
    saved = load_map(path).map
    assert {"锂资源", "正极"} <= {n.name for n in saved.nodes}


def test_both_changing_one_name_goes_to_the_conflicts_dock(main_window, qtbot) -> None:
    window = main_window
    path = window.document.path
    rename(window, "锂矿", "锂矿（你的）")
    asked = window.external.ask_external_change = Asked("merge")
    write_elsewhere(path, their_version(path, "锂矿", "锂矿（他们的）"))
    qtbot.waitUntil(lambda: bool(asked.calls), timeout=10000)
    conflicts = window.document.chain_map.conflicts
    assert len(conflicts) == 1 and conflicts[0].path.endswith("/name")
    assert {v.source for v in conflicts[0].values} == {"yours", "on disk"}
    assert window.conflicts_dock.isVisible()
    assert "1 conflict to resolve" in window.statusBar().currentMessage()


def test_overwrite_writes_your_version(main_window, qtbot) -> None:
    window = main_window
    path = window.document.path
    rename(window, "正极材料", "正极")
    asked = window.external.ask_external_change = Asked("overwrite")
    write_elsewhere(path, their_version(path, "锂矿", "锂资源"))
    qtbot.waitUntil(lambda: bool(asked.calls), timeout=10000)
    saved = load_map(path).map
    assert "正极" in {n.name for n in saved.nodes} and "锂资源" not in {n.name for n in saved.nodes}
    assert not window.isWindowModified()


def test_save_as_keeps_theirs_and_writes_yours_elsewhere(main_window, qtbot, tmp_path) -> None:
    window = main_window
    path = window.document.path
    rename(window, "正极材料", "正极")
    theirs = their_version(path, "锂矿", "锂资源")
    elsewhere = tmp_path / "mine.chainmap.json"
    window.files.ask_save_path = lambda: str(elsewhere)
    asked = window.external.ask_external_change = Asked("save_as")
    write_elsewhere(path, theirs)
    qtbot.waitUntil(lambda: bool(asked.calls), timeout=10000)
    assert path.read_bytes() == theirs
    assert "正极" in {n.name for n in load_map(elsewhere).map.nodes}
    assert window.document.path == elsewhere and not window.isWindowModified()


def test_a_save_never_overwrites_bytes_it_has_not_seen(main_window) -> None:
    window = main_window
    path = window.document.path
    window.external.file_watch.stop()  # however the change arrives, the save itself checks
    rename(window, "正极材料", "正极")
    theirs = their_version(path, "锂矿", "锂资源")
    write_elsewhere(path, theirs)
    asked = window.external.ask_external_change = Asked("cancel")
    window.action_save.trigger()
    assert len(asked.calls) == 1 and path.read_bytes() == theirs
    assert window.isWindowModified()
    asked.answer = "merge"
    window.action_save.trigger()  # a clean merge is then saved
    saved = {n.name for n in load_map(path).map.nodes}
    assert {"正极", "锂资源"} <= saved and not window.isWindowModified()


def test_a_deleted_or_renamed_file_is_said(main_window, qtbot) -> None:
    window = main_window
    path = window.document.path
    notices: list[Path] = []
    window.external.notify_missing = notices.append
    os.rename(path, path.with_name("moved.chainmap.json"))
    qtbot.waitUntil(lambda: bool(notices), timeout=10000)
    assert notices == [path]
    assert "deleted or renamed" in window.statusBar().currentMessage()
    rename(window, "正极材料", "正极")
    asked = window.external.ask_missing_on_save = Asked("cancel")
    assert not window.files.save() and not path.exists()
    asked.answer = "save"
    assert window.files.save()
    assert "正极" in {n.name for n in load_map(path).map.nodes}
    # Deleted outright: said again.
    path.unlink()
    qtbot.waitUntil(lambda: len(notices) == 2, timeout=10000)


def test_a_file_that_is_not_a_map_any_more_cannot_be_merged(main_window, qtbot) -> None:
    window = main_window
    path = window.document.path
    rename(window, "正极材料", "正极")
    asked = window.external.ask_external_change = Asked("cancel")
    write_elsewhere(path, b'{"format": "chainmap", "version": 1, "nodes": [')
    qtbot.waitUntil(lambda: bool(asked.calls), timeout=10000)
    name, lines, problem, saving = asked.calls[0]
    assert problem is not None and "not valid JSON" in problem and path.name in problem
