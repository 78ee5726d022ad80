"""Fixtures for the editor's tests: isolated settings, and main windows that are closed at
teardown and fail the test when a top-level widget leaks (as napari's make_napari_viewer)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own settings folder and data folder (where autosaved copies go);
    the real home is never touched."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(folder))
    yield folder


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The editor's tests read English: its catalogue gives the plural forms ("1 item", "3 items"),
    as at start-up (gui/i18n.py); the core's language stays the system's."""
    from chainmap.core.language import set_language
    from chainmap.gui.i18n import install_language

    install_language(qapp, "en")
    set_language(None)
    yield


@pytest.fixture(autouse=True)
def clean_clipboard(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Empty the clipboard after a test: mime data a copy left there crashes Qt at exit."""
    yield
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()


@pytest.fixture
def example_copy(tmp_path: Path) -> Callable[[str], Path]:
    """A temporary copy of a bundled example, by slug (``vehicles``)."""

    def copy(slug: str = "vehicles") -> Path:
        target = tmp_path / f"{slug}.chainmap.json"
        shutil.copyfile(EXAMPLES / f"{slug}.chainmap.json", target)
        return target

    return copy


def _flush_deletions() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


# The editor's modal questions about files, by the window's part that asks them; a test that
# expects one replaces it (``window.external.ask_reload = ...``).
QUESTIONS = (("locks", "ask_locked"), ("external", "ask_reload"), ("external", "ask_external_change"),
             ("external", "ask_missing_on_save"), ("recovery", "ask_restore"))


def _unexpected(question: str) -> Callable[..., str]:
    def ask(*args: object) -> str:
        raise AssertionError(f"the editor asked {question}{args!r}, which this test did not expect")

    return ask


@pytest.fixture
def make_main_window(qtbot, isolated_settings: Path) -> Iterator[Callable[..., object]]:
    """A factory of shown MainWindows: ``make_main_window(path=None, chain_map=None)``.

    At teardown every window is closed (discarding changes) and deleted, and the test fails
    if any top-level widget it created is still there.
    """
    from chainmap.core.format.fileio import load_map
    from chainmap.gui.main_window import MainWindow

    _flush_deletions()
    before = set(QApplication.topLevelWidgets())
    windows: list[MainWindow] = []

    def factory(path: str | Path | None = None, chain_map=None, size: tuple[int, int] = (1400, 900)):
        window = MainWindow(chain_map, restore_settings=False)
        for part, question in QUESTIONS:  # a modal question nobody answers would hang the run
            setattr(getattr(window, part), question, _unexpected(question))
        if path is not None:
            window.files.set_loaded(load_map(path), Path(path))
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()
        # Links are routed just after the first frame; wait for that, so the scroll bars and
        # the view a test starts from no longer change under its mouse.
        routes = window.scene.sync.geometry.routes
        qtbot.waitUntil(lambda: not routes.waiting, timeout=60_000)
        QApplication.processEvents()
        windows.append(window)
        return window

    yield factory

    for window in windows:
        if shiboken6.isValid(window):
            window.files.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
            window.close()
            window.deleteLater()
    _flush_deletions()
    leaked = [
        widget for widget in QApplication.topLevelWidgets()
        if widget not in before and shiboken6.isValid(widget) and type(widget).__name__ != "QTipLabel"
    ]
    if leaked:
        names = ", ".join(f"{type(w).__name__}({w.objectName()!r})" for w in leaked)
        for widget in leaked:
            widget.deleteLater()
        _flush_deletions()
        pytest.fail(f"top-level widgets leaked by the test: {names}")


@pytest.fixture
def main_window(make_main_window, example_copy):
    """A MainWindow on a temporary copy of the vehicles example."""
    return make_main_window(example_copy("vehicles"))

