"""Autosave and recovery: unsaved work is written to the data folder (never over the map);
after a real ``kill -9`` the next start offers it back with what it has over the file, and a
clean save or a discard removes it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from chainmap.gui import settings
from chainmap.gui.commands import ChangeItemsCommand, change_node
from chainmap.gui.files.recovery import pending_entries, recovery_dir

from .editor_helpers import map_bytes, node_named

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
# The editor as a user runs it, driven through its actions, autosaving every second.
DRIVER = r"""
import sys
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from chainmap.gui import settings
from chainmap.gui.app import create_application

app = create_application()
settings.set_setting(settings.AUTOSAVE_KEY, 1)
from chainmap.gui.main_window import MainWindow

window = MainWindow()
assert window.files.open_file(sys.argv[1])
window.show()

def edit():
    chain_map = window.document.chain_map
    node = next(n for n in chain_map.nodes if n.name == "锂矿")
    window.canvas.select_refs([("node", node.id)])
    window.action_rename.trigger()
    window.canvas.editor.setText("锂资源（未保存）")
    QTest.keyClick(window.canvas.editor, Qt.Key.Key_Return)
    print("edited", window.document.is_modified, flush=True)

QTimer.singleShot(200, edit)
app.exec()
"""


def wait_for(condition, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.1)


class Asked:
    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.calls: list[tuple] = []

    def __call__(self, *args):
        self.calls.append(args)
        return self.answer


def crash_after_an_edit(path: Path, tmp_path: Path) -> None:
    """Run the editor in a child process, edit, wait for the autosave, then ``kill -9`` it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "child-config"))  # XDG_DATA_HOME: this test's
    child = subprocess.Popen([sys.executable, "-c", DRIVER, str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().split() == ["edited", "True"], child.stderr.read()
        wait_for(lambda: any(recovery_dir().glob("*.about.json")))
        written = next(recovery_dir().glob("*.chainmap.json")).read_text("utf-8")
        assert "锂资源（未保存）" in written
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL


def test_work_killed_with_kill_9_is_offered_back(make_main_window, example_copy, tmp_path) -> None:
    path = example_copy("vehicles")
    before = path.read_bytes()
    crash_after_an_edit(path, tmp_path)
    assert path.read_bytes() == before  # the autosave never touches the map itself
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation))
    assert recovery_dir().is_relative_to(folder)

    window = make_main_window(path)  # the crashed editor's lock is stale: no question
    asked = window.recovery.ask_restore = Asked("restore")
    assert window.recovery.offer_recovery() == 1
    (entry, lines), = asked.calls
    assert entry.file == path.absolute()
    assert any(line.startswith("~ segment") and "锂资源（未保存）" in line for line in lines)
    assert node_named(window, "锂资源（未保存）")
    assert window.isWindowModified()
    assert "Restored your unsaved changes" in window.statusBar().currentMessage()
    assert path.read_bytes() == before
    # Kept until saved: a crash now would still find it.
    assert list(recovery_dir().glob("*.about.json"))
    window.action_undo.trigger()  # the file's version, one step back
    assert map_bytes(window) == before
    window.action_redo.trigger()
    assert window.files.save()
    assert not list(recovery_dir().glob("*"))
    assert "锂资源（未保存）" in path.read_text("utf-8")


def test_discarding_removes_the_autosaved_copy(make_main_window, example_copy, tmp_path) -> None:
    path = example_copy("vehicles")
    crash_after_an_edit(path, tmp_path)
    window = make_main_window(path)
    window.recovery.ask_restore = Asked("later")
    assert window.recovery.offer_recovery() == 0
    assert len(pending_entries()) == 1  # still there for the next start
    window.recovery.ask_restore = Asked("discard")
    assert window.recovery.offer_recovery() == 0
    assert not pending_entries() and not list(recovery_dir().glob("*"))
    assert not window.isWindowModified()


def test_autosave_writes_a_described_copy_and_a_clean_save_removes_it(main_window, qtbot) -> None:
    window = main_window
    path = window.document.path
    before = path.read_bytes()
    assert window.autosaver.interval == settings.AUTOSAVE_DEFAULT == 30
    window.autosave_menu.actions()[1].trigger()  # every 10 seconds, remembered
    assert settings.autosave_seconds() == 10 and window.autosaver.interval == 10
    document = window.document
    document.push(change_node(document.chain_map, node_named(window, "锂矿").id, name="锂资源"))
    written = window.autosaver.autosave_now()
    assert written is not None and written.parent == recovery_dir()
    assert "锂资源" in written.read_text("utf-8") and path.read_bytes() == before
    about = json.loads(written.with_name(written.name.replace(".chainmap.json", ".about.json")).read_text("utf-8"))
    assert about["file"] == str(path.absolute()) and about["pid"] == os.getpid() and about["written"]
    assert not pending_entries()  # this editor is alive: nothing to offer
    assert window.autosaver.autosave_now() is None  # nothing new since
    window.action_undo.trigger()  # back to the file: nothing left to recover
    assert not list(recovery_dir().glob("*"))
    window.action_redo.trigger()
    window.autosaver.autosave_now()
    assert list(recovery_dir().glob("*"))
    assert window.files.save()
    assert not list(recovery_dir().glob("*"))


def test_closing_without_saving_removes_the_autosaved_copy(make_main_window, example_copy) -> None:
    window = make_main_window(example_copy("vehicles"))
    document = window.document
    document.push(change_node(document.chain_map, node_named(window, "锂矿").id, name="锂资源"))
    assert window.autosaver.autosave_now() is not None
    window.files.ask_save_changes = lambda: "cancel"
    window.close()
    assert list(recovery_dir().glob("*"))  # still open: still kept
    window.files.ask_save_changes = lambda: "discard"
    window.close()
    assert not list(recovery_dir().glob("*"))


def test_an_unsaved_new_map_is_recovered_as_a_new_map(make_main_window) -> None:
    window = make_main_window()
    document = window.document
    document.push(ChangeItemsCommand(document.chain_map, [("map", "", {"title": "草稿图谱"})], "title"))
    assert window.autosaver.autosave_now() is not None
    about = next(recovery_dir().glob("*.about.json"))
    data = json.loads(about.read_text("utf-8"))
    assert data["file"] is None
    data["pid"] = 2**22 + 12345  # beyond Linux's pid range: as if its editor had died
    about.write_text(json.dumps(data), "utf-8")
    other = make_main_window()
    other.recovery.ask_restore = Asked("restore")
    assert other.recovery.offer_recovery() == 1
    assert other.document.path is None and other.isWindowModified()
    assert other.document.chain_map.title == "草稿图谱"


def test_an_editor_killed_but_not_yet_reaped_counts_as_gone() -> None:
    """After ``kill -9`` the process lingers as a zombie until its parent reaps it (a
    container's init may take its time): its autosaved work must be offered all the same."""
    import signal
    import subprocess
    import sys
    import time

    from chainmap.gui.files.recovery import process_running

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert process_running(child.pid)
        os.kill(child.pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while process_running(child.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        # Not reaped yet: the pid still exists, as a zombie.
        assert os.path.exists(f"/proc/{child.pid}")
        assert not process_running(child.pid)
    finally:
        child.kill()
        child.wait()
