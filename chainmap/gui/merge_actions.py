"""The merge tools in a main window: File > Merge maps…, View > Compare with…, Clear
comparison, Provenance, and the Conflicts and Compare docks.

``install_merge_ui(window)`` adds them using only the window's public side: ``document``,
``scene``, ``canvas``, ``view_menu``, ``panels_menu``, ``gaps_dock``, ``panels`` (every panel
there is told of a new document with ``set_document``), ``action_open``/``action_save`` (to
find the File menu), ``make_document``, ``set_document`` and ``show_status``. The window then has
``merge_ui`` (a :class:`MergeUI`), ``conflicts_dock``, ``compare_dock`` and the actions
``action_merge_maps``, ``action_compare``, ``action_clear_comparison`` and
``action_provenance``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from chainmap.core.merge import MergeResult

from .compare_view import CompareDock
from .conflicts_dock import ConflictsDock
from .document import Document
from .file_actions import FILE_FILTER
from .merge_dialog import MergeDialog
from .provenance import provenance_from_sources
from .widgets import tr

# Windows opened on a merge result: kept referenced until closed (they delete on close).
_OPENED: list[QWidget] = []


def _t(text: str) -> str:
    return tr(text, "merge")


def install_merge_ui(window: Any) -> MergeUI:
    """Add the merge menus, actions and docks to ``window`` (once; again is a no-op)."""
    existing = getattr(window, "merge_ui", None)
    if isinstance(existing, MergeUI):
        return existing
    ui = MergeUI(window)
    window.merge_ui = ui
    return ui


def _file_menu(window: Any) -> QMenu | None:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and window.action_open in menu.actions():
            return menu
    return None


class MergeUI(QObject):
    """What :func:`install_merge_ui` adds to one window, and the state behind it: the merge
    a document came from (its provenance and suggestions, kept with the window, never in
    the file) and the comparison on show."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._origin: tuple[Document, MergeResult] | None = None
        self._provenance: dict[str, list[str]] | None = None
        self._dialog: MergeDialog | None = None
        self._build_actions()
        self._build_docks()
        window.panels.append(self)  # told of every new document, like the other panels
        self.set_document(window.document)

    # ------------------------------------------------------------- building
    def _action(self, name: str, text: str, tip: str, checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        self.window.addAction(action)
        setattr(self.window, f"action_{name}", action)
        return action

    def _build_actions(self) -> None:
        w = self.window
        self.action_merge = self._action("merge_maps", _t("&Merge Maps…"),
                                         _t("Merge the regions' copies of one map into a new map"))
        self.action_merge.triggered.connect(lambda _checked=False: self.show_merge_dialog())
        self.action_compare = self._action("compare", _t("&Compare with…"),
                                           _t("Mark what changed from another map file to this one"))
        self.action_compare.triggered.connect(lambda _checked=False: self.compare_with())
        self.action_clear = self._action("clear_comparison", _t("C&lear Comparison"),
                                         _t("Remove the comparison's marks and list"))
        self.action_clear.triggered.connect(lambda _checked=False: self.clear_comparison())
        self.action_provenance = self._action("provenance", _t("&Provenance"),
                                              _t("Colour segments by the regions' copies that contributed them"),
                                              checkable=True)
        self.action_provenance.toggled.connect(self._provenance_toggled)

        file_menu = _file_menu(w)
        if file_menu is not None:
            file_menu.insertAction(w.action_save, self.action_merge)
            file_menu.insertSeparator(w.action_save)
        # Just above View > Panels, in a group of their own.
        view_menu = w.view_menu
        before = w.panels_menu.menuAction()
        actions = view_menu.actions()
        index = actions.index(before)
        if index == 0 or not actions[index - 1].isSeparator():
            view_menu.insertSeparator(before)
        view_menu.insertActions(before, [self.action_compare, self.action_clear, self.action_provenance])
        view_menu.insertSeparator(before)

    def _build_docks(self) -> None:
        w = self.window
        self.conflicts_dock = ConflictsDock(None, w)
        self.compare_dock = CompareDock(None, w)
        # Conflicts down the left side, so long values have the height to wrap; the list of
        # changes along the bottom, with the other lists (gaps, history) when they are there.
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.conflicts_dock)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        w.addDockWidget(bottom, self.compare_dock)
        if w.dockWidgetArea(w.gaps_dock) == bottom:
            w.tabifyDockWidget(w.gaps_dock, self.compare_dock)
        self.conflicts_dock.hide()
        self.compare_dock.hide()
        w.conflicts_dock = self.conflicts_dock
        w.compare_dock = self.compare_dock
        w.panels_menu.addActions([self.conflicts_dock.toggleViewAction(), self.compare_dock.toggleViewAction()])

    # ------------------------------------------------------------- document
    def set_document(self, document: Document | None) -> None:
        """The window shows another document (``None``: it is letting go of one)."""
        if document is None:
            self.conflicts_dock.set_document(None)
            self.compare_dock.set_document(None)
            self._set_provenance(None, _t("No map."))
            return
        w = self.window
        if self._origin is not None and self._origin[0] is not document:
            self._origin = None
        self.conflicts_dock.set_document(document, w.scene)
        self.compare_dock.set_document(document, w.scene, w.canvas)
        if self._origin is not None:
            result = self._origin[1]
            self.conflicts_dock.set_suggestions(result.report.suggestions, result.provenance, len(result.sources))
            self._set_provenance(result.provenance, _t("Segments by the copies that contributed them."))
        else:
            folder = document.path.parent if document.path is not None else None
            provenance, note = provenance_from_sources(document.chain_map, folder)
            self._set_provenance(provenance, note or _t("Segments by the copies that contributed them."))
        if document.chain_map.conflicts:
            self.conflicts_dock.show()
            self.conflicts_dock.raise_()

    def _set_provenance(self, provenance: dict[str, list[str]] | None, tip: str) -> None:
        self._provenance = provenance
        action = self.action_provenance
        action.blockSignals(True)
        action.setChecked(False)
        action.blockSignals(False)
        action.setEnabled(provenance is not None)
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def _provenance_toggled(self, checked: bool) -> None:
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

    def open_merge_result(self, result: MergeResult) -> Any:
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
            install_merge_ui(target).adopt(result, target)
            target.show()
        left = len(result.conflicts)
        target.show_status(
            _t("Merged {n} copies: {left} conflict(s) to resolve. Save it with Save As.").format(
                n=len(result.sources), left=left), 10000)
        return target

    def adopt(self, result: MergeResult, window: Any) -> None:
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
        doc = self.window.document
        start = str(doc.path.parent) if doc is not None and doc.path is not None else ""
        path, _ = QFileDialog.getOpenFileName(self.window, _t("Compare with map"), start, FILE_FILTER)
        return path or None

    def compare_with(self, path: str | Path | None = None) -> bool:
        """View > Compare with…: mark what changed from ``path`` (asked for) to this map."""
        if path is None:
            path = self.ask_compare_path()
            if path is None:
                return False
        self.compare_dock.show()
        self.compare_dock.raise_()
        ok = self.compare_dock.compare_with(path)
        if ok:
            self.window.show_status(self.compare_dock.heading.text(), 10000)
        return ok

    def clear_comparison(self) -> None:
        self.compare_dock.clear()
