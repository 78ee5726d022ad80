"""One editor per file: the lock beside the map, held while it is open, named to a second
editor (a real second process), read-only or anyway, and taken over after a crash."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from chainmap.gui.commands import change_node
from chainmap.gui.files.lock import lock_path

from .editor_helpers import node_named

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
HOLDER = (
    "import sys\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "from chainmap.gui.files.lock import MapLock\n"
    "app = QCoreApplication([])\n"
    "lock = MapLock(sys.argv[1])\n"
    "print(lock.try_acquire(), flush=True)\n"
    "sys.stdin.read()\n"  # hold it until the test closes our input
    "lock.release()\n"
)
PROBE = (
    "import sys\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "from chainmap.gui.files.lock import MapLock\n"
    "app = QCoreApplication([])\n"
    "lock = MapLock(sys.argv[1])\n"
    "state = lock.try_acquire()\n"
    "holder = lock.holder()\n"
    "print(state, holder.pid if holder else '', holder.host if holder else '')\n"
    "lock.release()\n"
)


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")


@pytest.fixture
def other_editor():
    """Start a second process that holds the lock of a map; yields a starter."""
    children: list[subprocess.Popen] = []

    def start(path: Path) -> subprocess.Popen:
        child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True, env=_env())
        children.append(child)
        assert child.stdout.readline().strip() == "locked"
        return child

    yield start
    for child in children:
        if child.poll() is None:
            child.stdin.close()
            child.wait(timeout=30)
        else:
            child.stdin.close()
        child.stdout.close()


class Asked:
    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.calls: list[tuple] = []

    def __call__(self, *args):
        self.calls.append(args)
        return self.answer


def test_the_open_map_is_locked_until_closed_or_another_is_opened(make_main_window, example_copy) -> None:
    path = example_copy("vehicles")
    other = example_copy("robots")
    window = make_main_window(path)
    assert lock_path(path).exists() and lock_path(path).name == ".vehicles.chainmap.json.lock"
    probe = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True,
                           env=_env(), timeout=60)
    assert probe.stdout.split() == ["held", str(os.getpid()), socket.gethostname()]
    assert window.files.open_file(other)
    assert not lock_path(path).exists() and lock_path(other).exists()
    window.close()
    assert not lock_path(other).exists()


def test_a_map_another_editor_holds_can_be_opened_read_only(make_main_window, example_copy, other_editor,
                                                             tmp_path) -> None:
    path = example_copy("vehicles")
    child = other_editor(path)
    before = path.read_bytes()
    window = make_main_window()
    asked = window.locks.ask_locked = Asked("cancel")
    document = window.document
    assert not window.files.open_file(path)
    assert window.document is document
    (called_path, holder), = asked.calls
    assert called_path == path
    assert holder.pid == child.pid and holder.host == socket.gethostname() and holder.app
    assert str(child.pid) in holder.describe()

    asked.answer = "read_only"
    assert window.files.open_file(path)
    assert "[read-only]" in window.windowTitle()
    assert not window.action_save.isEnabled()
    assert "read-only" in window.statusBar().currentMessage()
    document = window.document
    document.push(change_node(
        document.chain_map, node_named(window, "锂矿").id, name="锂资源"))
    window.files.ask_save_path = lambda: None
    assert not window.files.save()  # Save is Save As here; cancelled
    assert path.read_bytes() == before
    copy = tmp_path / "mine.chainmap.json"
    window.files.ask_save_path = lambda: str(copy)
    assert window.files.save()
    assert copy.exists() and path.read_bytes() == before
    assert "[read-only]" not in window.windowTitle() and window.action_save.isEnabled()
    assert lock_path(copy).exists()


def test_open_anyway_edits_and_saves_without_the_lock(make_main_window, example_copy, other_editor) -> None:
    path = example_copy("vehicles")
    other_editor(path)
    window = make_main_window()
    window.locks.ask_locked = Asked("anyway")
    assert window.files.open_file(path)
    assert window.document.lock is None and not window.document.read_only
    assert "[read-only]" not in window.windowTitle()
    # Its autosaved copies are kept apart from those of the editor that holds the file.
    assert window.document.recovery_key.endswith(f"-{os.getpid()}")
    window.document.push(change_node(
        window.document.chain_map, node_named(window, "锂矿").id, name="锂资源"))
    assert window.files.save()
    assert "锂资源" in path.read_text("utf-8")
    assert lock_path(path).exists()  # still the other editor's


def test_saving_as_a_file_another_editor_holds_is_refused(make_main_window, example_copy, other_editor) -> None:
    held = example_copy("robots")
    other_editor(held)
    window = make_main_window(example_copy("vehicles"))
    before = held.read_bytes()
    errors = []
    window.files.show_save_error = errors.append
    window.files.ask_save_path = lambda: str(held)
    assert not window.files.save_as()
    assert held.read_bytes() == before
    assert "open in another editor" in errors[0].describe() and held.name in errors[0].describe()


def test_a_lock_left_by_a_crash_is_taken_over(make_main_window, example_copy, other_editor) -> None:
    path = example_copy("vehicles")
    child = other_editor(path)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert lock_path(path).exists()  # the crashed editor could not remove it
    window = make_main_window(path)  # the fixture fails on any lock question
    assert window.document.lock is not None and not window.document.read_only
    assert lock_path(path).read_text().split("\n")[0] == str(os.getpid())
