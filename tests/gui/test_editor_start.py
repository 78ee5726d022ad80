"""Starting the editor from the command line: the screenshot mode in a real process, the
messages when Qt or a display is missing, the default example, and the layout actions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from chainmap.cli import cmd_edit

from .editor_helpers import map_bytes

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

BLOCK_QT = """
import sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError(f'{name} is blocked in this test')
        return None
sys.meta_path.insert(0, _NoQt())
from chainmap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(key, None)
    env["PYTHONPATH"] = str(ROOT)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _assert_clean_exit(result: subprocess.CompletedProcess[str]) -> None:
    for word in ("abort", "none_dealloc", "Traceback", "Segmentation"):
        assert word not in result.stderr, result.stderr


def test_screenshot_of_the_real_window(tmp_path: Path, example_copy) -> None:
    out = tmp_path / "shot.png"
    config = tmp_path / "config"
    result = subprocess.run(
        [sys.executable, "-m", "chainmap.cli", "edit", str(example_copy("vehicles")), "--screenshot", str(out),
         "--size", "1200x800"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env=_env(XDG_CONFIG_HOME=str(config), HOME=str(tmp_path)),
    )
    assert result.returncode == 0, result.stderr
    _assert_clean_exit(result)
    image = QImage(str(out))
    assert image.width() == 1200 and image.height() == 800
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50  # a drawn window, not a blank one


def test_no_display_says_so(tmp_path: Path, example_copy) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "chainmap.cli", "edit", str(example_copy("vehicles"))],
        capture_output=True, text=True, timeout=60, env=_env(HOME=str(tmp_path)),
    )
    assert result.returncode == 1
    assert "display" in result.stderr
    _assert_clean_exit(result)


def test_missing_qt_says_so(tmp_path: Path, example_copy) -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT, "edit", str(example_copy("vehicles"))],
        capture_output=True, text=True, timeout=60, env=_env(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path)),
    )
    assert result.returncode == 1
    assert "PySide6" in result.stderr
    _assert_clean_exit(result)


def test_default_is_the_vehicles_example() -> None:
    path = cmd_edit.default_example()
    assert path is not None and path.name == "vehicles.chainmap.json" and path.is_file()


def test_missing_file_is_reported(tmp_path: Path, capsys) -> None:
    from chainmap.cli import main

    assert main(["edit", str(tmp_path / "nope.chainmap.json")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_layout_is_one_undo_step(main_window) -> None:
    if not hasattr(main_window, "action_layout"):
        pytest.skip("no chainmap.core.layout.engine in this build")
    original = map_bytes(main_window)
    main_window.action_layout.trigger()
    assert main_window.document.undo_stack.count() <= 1
    main_window.action_undo.trigger()
    assert map_bytes(main_window) == original


def test_new_segments_are_placed_automatically(main_window) -> None:
    if not hasattr(main_window, "action_auto_place"):
        pytest.skip("no chainmap.core.layout.engine in this build")
    assert main_window.action_auto_place.isChecked()
    original = map_bytes(main_window)
    main_window.action_add_segment.trigger()
    main_window.canvas.close_editor(commit=False)
    (ref,) = main_window.document.selection
    node = main_window.document.chain_map.node(ref[1])
    assert node.x is not None and node.y is not None
    assert main_window.document.undo_stack.count() == 1
    main_window.action_undo.trigger()
    assert map_bytes(main_window) == original
    main_window.action_auto_place.setChecked(False)
    main_window.action_add_segment.trigger()
    main_window.canvas.close_editor(commit=False)
    assert main_window.document.undo_stack.count() == 1


def test_history_dock_lists_the_steps(main_window) -> None:
    main_window.action_add_note.trigger()
    main_window.canvas.close_editor(commit=False)
    model = main_window.history_view.model()
    assert model.rowCount() == 2  # the opened state and one step


def test_no_argument_opens_the_example_or_says_why(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "chainmap.cli"], capture_output=True, text=True, timeout=60,
                            env=_env(HOME=str(tmp_path)))
    # No display here: the editor says so instead of aborting.
    assert result.returncode == 1 and "display" in result.stderr
    _assert_clean_exit(result)


def test_map_properties_dialog_opens_from_the_menu(main_window) -> None:
    if not hasattr(main_window, "action_properties"):
        pytest.skip("no properties dialog in this build")
    from PySide6.QtWidgets import QApplication, QDialog

    main_window.action_properties.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()
