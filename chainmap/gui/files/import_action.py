"""File ▸ Import…: spreadsheets (.xlsx, .csv) and other tools' graphs (GraphML, GEXF, .cyjs)
as a new map, or into the open map as one undo step.

The import is :func:`chainmap.core.interchange.import_files` (what ``chainmap import`` runs):
rows are applied keyed by id to a copy of the open map (or to a new map), and the result
replaces the map's content through :class:`~chainmap.gui.merge.disk_merge.ReplaceMapCommand`,
so one Undo takes the whole import back. Any bad cell fails the whole import: every problem
is listed with its file and cell, and nothing changes. The questions are methods
(:meth:`MapImport.ask_paths`, :meth:`~MapImport.ask_target`, :meth:`~MapImport.show_problems`)
that tests replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from ..merge.disk_merge import ReplaceMapCommand

if TYPE_CHECKING:
    from chainmap.core.interchange import ImportResult

    from ..main_window import MainWindow

NEW_MAP = "new"
INTO_MAP = "into"
SUFFIXES = "*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.graphml *.gexf *.cyjs *.json"


class MapImport:
    """Import files into ``window``: :meth:`run` asks for the files and where they go, imports
    them and applies the result, or lists what is wrong and changes nothing."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    # ------------------------------------------------------------- questions
    def ask_paths(self) -> list[str]:
        """The files to import (several: e.g. a segments CSV and a links CSV); empty when cancelled."""
        filters = QCoreApplication.translate(
            "MainWindow", "Spreadsheets and graphs ({suffixes});;All files (*)").format(suffixes=SUFFIXES)
        title = QCoreApplication.translate("MainWindow", "Import")
        paths, _chosen = QFileDialog.getOpenFileNames(self.window, title, "", filters)
        return list(paths)

    def ask_target(self) -> str | None:
        """:data:`NEW_MAP`, :data:`INTO_MAP` or None (cancelled)."""
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("MainWindow", "Import"),
                          QCoreApplication.translate(
                              "MainWindow", "Import as a new map, or into the open map (rows update the items with "
                              "their ids; one Undo takes the import back)?"),
                          QMessageBox.StandardButton.NoButton, self.window)
        into = box.addButton(QCoreApplication.translate("MainWindow", "Into the Open Map"),
                             QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(QCoreApplication.translate("MainWindow", "As a New Map"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(into)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        return INTO_MAP if clicked is into else NEW_MAP if clicked is new else None

    def show_problems(self, lines: list[str]) -> None:
        """List every problem of a failed import, one located message a line."""
        dialog = QDialog(self.window)
        dialog.setObjectName("import_problems")
        dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Cannot import"))
        heading = QLabel(QCoreApplication.translate(
            "MainWindow", "Problems found: {count}; nothing was changed.").format(count=len(lines)), dialog)
        text = QPlainTextEdit("\n".join(lines), dialog)
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        text.setMinimumSize(640, 240)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
        buttons.accepted.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.exec()
        dialog.deleteLater()

    # ---------------------------------------------------------------- import
    def run(self, paths: list[str] | None = None, target: str | None = None) -> bool:
        """Import ``paths`` (asked when None) as a new map or into the open one (``target``,
        asked when None); True when the map changed or a new one was opened."""
        paths = paths if paths is not None else self.ask_paths()
        if not paths:
            return False
        target = target if target is not None else self.ask_target()
        if target is None:
            return False
        window = self.window
        document = window.document
        into = document.chain_map if target == INTO_MAP else None
        source = document.path.name if document.path is not None else "<map>"
        result = self._import(paths, into, source)
        if result.map is None:
            self.show_problems([problem.describe() for problem in result.errors])
            return False
        names = ", ".join(Path(p).name for p in paths)
        if target == INTO_MAP:
            document.undo_stack.push(ReplaceMapCommand(
                document.chain_map, result.map,
                QCoreApplication.translate("MainWindow", "Import {names}").format(names=names)))
        else:
            if not window.files.maybe_save():
                return False
            window.set_document(window.make_document(result.map, None))
        window.show_status(self.done_text(names, result), 15000)
        return True

    @staticmethod
    def _import(paths: list[str], into: object, source: str) -> ImportResult:
        from chainmap.core.interchange import import_files

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return import_files(paths, into=into, into_source=source)  # type: ignore[arg-type]
        finally:
            QApplication.restoreOverrideCursor()

    @staticmethod
    def done_text(names: str, result: ImportResult) -> str:
        """The status bar's line after an import: what changed, and the first warning."""
        warnings = result.warnings
        if not warnings:
            return QCoreApplication.translate("MainWindow", "Imported {names}: {summary}").format(
                names=names, summary=result.summary())
        count = len(warnings)
        return QCoreApplication.translate(
            "MainWindow", "Imported {names}: {summary} (%n warning(s); the first: {first})", None, count).format(
            names=names, summary=result.summary(), first=warnings[0].describe())


def import_into_window(window: MainWindow) -> bool:
    """File ▸ Import…: ask for the files and where they go, and import them (see :class:`MapImport`)."""
    return MapImport(window).run()
