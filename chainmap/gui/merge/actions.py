"""The merge tools of a main window: File > Merge maps…, View > Compare with…, Clear
comparison, Provenance, and what the Conflicts and Compare docks show.

The window builds the actions (``action_merge_maps``, ``action_compare``,
``action_clear_comparison``, ``action_provenance``) and the docks (``conflicts_dock``,
``compare_dock``) with the rest of its menus and docks; :class:`MergeUI` (``window.merge_ui``)
is what they do, and the state behind it; :func:`action_texts` holds the actions' words.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from chainmap.core.merge.engine import MergeResult

from ..document import Document
from ..files.actions import file_filter
from .dialog import MergeDialog
from .provenance import provenance_from_sources

if TYPE_CHECKING:
    from ..main_window import MainWindow

# Windows opened on a merge result: kept referenced until closed (they delete on close).
_OPENED: list[QWidget] = []



def action_texts() -> dict[str, tuple[str, str]]:
    """The merge actions' text and tip, by action name (``merge_maps`` for ``action_merge_maps``)."""
    return {
        "merge_maps": (QCoreApplication.translate("merge", "&Merge Maps…"), QCoreApplication.translate("merge", "Merge the regions' copies of one map into a new map")),
        "compare": (QCoreApplication.translate("merge", "&Compare with…"), QCoreApplication.translate("merge", "Mark what changed from another map file to this one")),
        "clear_comparison": (QCoreApplication.translate("merge", "C&lear Comparison"), QCoreApplication.translate("merge", "Remove the comparison's marks and list")),
        "provenance": (QCoreApplication.translate("merge", "&Provenance"), QCoreApplication.translate("merge", "Colour segments by the regions' copies that contributed them")),
    }


class MergeUI(QObject):
    """The merge tools of ``window``, and the state behind them: the merge a document came
    from (its provenance and suggestions, kept with the window, never in the file) and the
    comparison on show. A panel of the window: told of every new document."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._origin: tuple[Document, MergeResult] | None = None
        self._provenance: dict[str, list[str]] | None = None
        self._dialog: MergeDialog | None = None

    # ------------------------------------------------------------- document
    def set_document(self, document: Document | None) -> None:
        """The window shows another document (``None``: it is letting go of one)."""
        w = self.window
        if document is None:
            w.conflicts_dock.set_document(None)
            w.compare_dock.set_document(None)
            self._set_provenance(None, QCoreApplication.translate("merge", "No map."))
            return
        if self._origin is not None and self._origin[0] is not document:
            self._origin = None
        w.conflicts_dock.set_document(document, w.scene)
        w.compare_dock.set_document(document, w.scene, w.canvas)
        if self._origin is not None:
            result = self._origin[1]
            w.conflicts_dock.set_suggestions(result.report.suggestions, result.provenance, len(result.sources))
            self._set_provenance(result.provenance, QCoreApplication.translate("merge", "Segments by the copies that contributed them."))
        else:
            folder = document.path.parent if document.path is not None else None
            provenance, note = provenance_from_sources(document.chain_map, folder)
            self._set_provenance(provenance, note or QCoreApplication.translate("merge", "Segments by the copies that contributed them."))
        if document.chain_map.conflicts:
            w.conflicts_dock.show()
            w.conflicts_dock.raise_()

    def _set_provenance(self, provenance: dict[str, list[str]] | None, tip: str) -> None:
        self._provenance = provenance
        action = self.window.action_provenance
        action.blockSignals(True)
        action.setChecked(False)
        action.blockSignals(False)
        action.setEnabled(provenance is not None)
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def show_provenance(self, checked: bool) -> None:
        """View ▸ Provenance toggled: colour the boxes by their copies (or stop)."""
        scene = self.window.scene
        if scene is not None:
            scene.set_provenance(self._provenance if checked else None)

    @property
    def provenance(self) -> dict[str, list[str]] | None:
        """The shown document's segment → contributing copies, when known."""
        return self._provenance

    @property
    def merge_result(self) -> MergeResult | None:
        """The merge the shown document came from, when it came from the merge dialog."""
        return self._origin[1] if self._origin is not None else None

    # ---------------------------------------------------------------- merge
    def show_merge_dialog(self) -> MergeDialog:
        """File > Merge maps…: the dialog (one per window), shown without blocking."""
        if self._dialog is None or not shiboken6.isValid(self._dialog):
            self._dialog = MergeDialog(self.window, open_result=self.open_merge_result)
            self._dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog.show()
        self._dialog.raise_()
        return self._dialog

    def open_merge_result(self, result: MergeResult) -> MainWindow:
        """Show a merged map, unsaved: in this window when its map has no unsaved changes
        (as File > Open would replace it), else in a new window. Returns that window."""
        w = self.window
        if not w.document.is_modified:
            self.adopt(result, w)
            target = w
        else:
            target = type(w)(result.map, restore_settings=False)
            target.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            _OPENED.append(target)
            target.destroyed.connect(lambda _obj=None, t=target: _OPENED.remove(t) if t in _OPENED else None)
            target.merge_ui.adopt(result, target)
            target.show()
        left = len(result.conflicts)
        target.show_status(
            QCoreApplication.translate("merge", "Merged {n} copies: %n conflict(s) to resolve. Save it with Save As.",
                                       None, left).format(n=len(result.sources)), 10000)
        return target

    def adopt(self, result: MergeResult, window: MainWindow) -> None:
        """Make ``result``'s map this window's document, unsaved, with its merge data."""
        if window.document.chain_map is result.map:
            document = window.document
        else:
            document = window.make_document(result.map, None)
        # Never saved: closing asks first, and the title shows it modified.
        document.undo_stack.resetClean()
        self._origin = (document, result)
        if window.document is document:
            self.set_document(document)
            window.setWindowModified(True)
        else:
            window.set_document(document)

    # -------------------------------------------------------------- compare
    def ask_compare_path(self) -> str | None:
        """The file to compare with (``None``: cancelled); tests replace it."""
        doc = self.window.document
        start = str(doc.path.parent) if doc is not None and doc.path is not None else ""
        path, _ = QFileDialog.getOpenFileName(self.window, QCoreApplication.translate("merge", "Compare with map"), start, file_filter())
        return path or None

    def compare_with(self, path: str | Path | None = None) -> bool:
        """View > Compare with…: mark what changed from ``path`` (asked for) to this map."""
        if path is None:
            path = self.ask_compare_path()
            if path is None:
                return False
        dock = self.window.compare_dock
        dock.show()
        dock.raise_()
        ok = dock.compare_with(path)
        if ok:
            self.window.show_status(dock.heading.text(), 10000)
        return ok

    def clear_comparison(self) -> None:
        """View ▸ Clear Comparison: the marks and the list go."""
        self.window.compare_dock.clear()
