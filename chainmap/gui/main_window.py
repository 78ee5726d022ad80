"""The editor's main window: the canvas, menus, toolbar, docks and status bar around one
open :class:`~chainmap.gui.document.Document`.

File commands live in :mod:`chainmap.gui.file_actions` and editing commands in
:mod:`chainmap.gui.edit_actions` (mixed in here); the canvas's mouse and keyboard handling in
:mod:`chainmap.gui.canvas`. Actions are attributes named ``action_<name>`` so tests trigger
exactly what a menu, a toolbar button or a shortcut triggers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QToolBar,
    QUndoView,
    QWidget,
)

from chainmap import __version__
from chainmap.core.model import ChainMap
from chainmap.render.scene import MapScene

from . import settings
from .canvas import MapCanvas
from .commands import tr
from .document import Document
from .edit_actions import EditActionsMixin
from .external_changes import ExternalChangesMixin
from .file_actions import FileActionsMixin, blank_map
from .file_lock import LockMixin
from .gaps_dock import GapsDock
from .icons import glyph_icon
from .inspector import InspectorDock
from .merge_actions import install_merge_ui
from .placement import place_unpositioned, placed_text
from .recovery import Autosaver, remove_recovery
from .recovery_offer import RecoveryMixin
from .safety_menu import install_safety_menu
from .view_selector import ViewSelector

AUTO_PLACE_KEY = "editor/place_new_segments"
# Above this many segments the docks are filled after the map is first shown.
LARGE_MAP = 1500


class MainWindow(FileActionsMixin, EditActionsMixin, ExternalChangesMixin, LockMixin, RecoveryMixin, QMainWindow):
    """One editor window on one map. ``MainWindow(chain_map=None, path=None)`` opens
    ``chain_map`` (a blank map by default); ``restore_settings`` brings back the window's
    size and docks from the last session. Segments without a position are placed when a
    map is shown; the file is watched, locked and autosaved (``file_watch``, ``autosaver``)."""

    def __init__(self, chain_map: ChainMap | None = None, path: str | Path | None = None, *,
                 restore_settings: bool = True, remember: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # With remember off (the screenshot mode) the window leaves the settings alone.
        self.remember = remember
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.document: Document = None  # type: ignore[assignment]
        self.scene: Any = None
        self._disposed = False
        self.undo_group = QUndoGroup(self)
        self.canvas = MapCanvas(self)
        self.setCentralWidget(self.canvas)
        self.canvas.files_dropped.connect(self._open_dropped)
        self.canvas.zoom_changed.connect(self._show_zoom)
        self.zoom_label = QLabel("100 %")
        self.zoom_label.setMinimumWidth(60)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_docks()
        self.install_file_watch()
        self.autosaver = Autosaver(self)
        install_safety_menu(self)
        self.resize(1400, 900)
        self.set_document(self.make_document(chain_map if chain_map is not None else blank_map(), path))
        # File > Merge maps…, View > Compare with…, the conflicts dock: before the saved
        # window state is restored, so these docks get their places back too.
        install_merge_ui(self)
        self.gaps_dock.raise_()  # its hidden docks join the bottom tabs; keep gaps in front
        # The statistics charts load pyqtgraph: after the map is on screen, not before.
        self.charts_dock: Any = None
        self.canvas.after_next_paint(self._install_charts)
        if restore_settings:
            self.restore_window_state()
        if remember:
            self.refresh_recent_menu()

    # ---------------------------------------------------------------- actions
    def _action(self, name: str, text: str, slot: Callable[..., Any], shortcuts: Any = (),
                icon: QIcon | None = None, tip: str | None = None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if not isinstance(shortcuts, (list, tuple)):
            shortcuts = [shortcuts]
        keys = []
        for shortcut in shortcuts:
            if isinstance(shortcut, QKeySequence.StandardKey):
                keys.extend(QKeySequence.keyBindings(shortcut))
            else:
                keys.append(QKeySequence(shortcut))
        if keys:
            action.setShortcuts(keys)
        if icon is not None:
            action.setIcon(icon)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        setattr(self, f"action_{name}", action)
        return action

    def _build_actions(self) -> None:
        style = self.style()
        icon = style.standardIcon
        sp = QStyle.StandardPixmap
        key = QKeySequence.StandardKey
        a = self._action
        a("new", tr("&New…"), self.new_map, key.New, icon(sp.SP_FileIcon), tr("New map, blank or from a chain's template"))
        a("open", tr("&Open…"), self.open_file, key.Open, icon(sp.SP_DialogOpenButton), tr("Open a map file"))
        a("save", tr("&Save"), self.save, key.Save, icon(sp.SP_DialogSaveButton), tr("Save the map"))
        a("save_as", tr("Save &As…"), self.save_as, key.SaveAs)
        a("export", tr("&Export…"), self.open_export_dialog, "Ctrl+E", None,
          tr("Export the map as a PNG picture, or an SVG or PDF with text kept as text"))
        a("revert", tr("&Revert"), self.revert, (), None, tr("Reload the map from disk, discarding changes"))
        a("close", tr("&Close"), self.close, key.Close)
        a("quit", tr("&Quit"), QApplication.closeAllWindows, key.Quit)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.action_undo = self.undo_group.createUndoAction(self, tr("&Undo"))
        self.action_undo.setObjectName("action_undo")
        self.action_undo.setShortcuts(QKeySequence.keyBindings(key.Undo))
        self.action_undo.setIcon(icon(sp.SP_ArrowBack))
        self.action_redo = self.undo_group.createRedoAction(self, tr("&Redo"))
        self.action_redo.setObjectName("action_redo")
        self.action_redo.setShortcuts(QKeySequence.keyBindings(key.Redo) + [QKeySequence("Ctrl+Y")])
        self.action_redo.setIcon(icon(sp.SP_ArrowForward))
        # The toolbar keeps short labels; menus and tooltips say what would be undone.
        self.action_undo.setIconText(tr("Undo"))
        self.action_redo.setIconText(tr("Redo"))
        self.addAction(self.action_undo)
        self.addAction(self.action_redo)
        a("cut", tr("Cu&t"), self.cut_selection, key.Cut)
        a("copy", tr("&Copy"), self.copy_selection, key.Copy)
        a("paste", tr("&Paste"), self.paste, key.Paste)
        a("duplicate", tr("D&uplicate"), self.duplicate_selection, "Ctrl+D")
        a("delete", tr("&Delete"), self.delete_selection, [QKeySequence(Qt.Key.Key_Delete)])
        a("rename", tr("Re&name"), self.rename_selection, "F2")
        a("select_all", tr("Select &All"), self.select_all, key.SelectAll)

        a("zoom_in", tr("Zoom &In"), self.canvas.zoom_in, [key.ZoomIn, "Ctrl+="], glyph_icon("zoom_in"))
        a("zoom_out", tr("Zoom &Out"), self.canvas.zoom_out, key.ZoomOut, glyph_icon("zoom_out"))
        a("zoom_actual", tr("&Actual Size (100 %)"), self.canvas.zoom_actual, "Ctrl+1")
        a("fit", tr("&Fit to Window"), self.canvas.fit_to_window, "Ctrl+0", glyph_icon("fit"),
          tr("Show the whole map"))
        a("zoom_selection", tr("Zoom to &Selection"), self.canvas.zoom_to_selection, "Ctrl+2")
        a("toggle_fold", tr("Fold / Unfold Sub-segments"), self.toggle_fold, "Ctrl+.")

        a("add_segment", tr("&Segment"), self.add_segment, ["Ctrl+Shift+N", QKeySequence(Qt.Key.Key_Insert)],
          glyph_icon("segment"), tr("Add a segment (环节) in the tier at the view's centre"))
        a("add_note", tr("&Note"), self.add_note, "Ctrl+Shift+M", glyph_icon("note"),
          tr("Add a note, next to the selected segment"))
        a("link", tr("&Link Selected Segments"), self.link_selected, "Ctrl+L", glyph_icon("link"),
          tr("Link the two selected segments (upstream first); or drag from a segment's edge"))

        a("layout", tr("&Layout"), self.layout_map, "Ctrl+Shift+L", glyph_icon("layout"),
          tr("Lay the whole map out (one undo step)"))
        a("auto_place", tr("&Place New Segments Automatically"), self._auto_place_toggled, (),
          None, None, checkable=True)
        self.action_auto_place.setChecked(settings.bool_setting(AUTO_PLACE_KEY, True))
        a("properties", tr("Map &Properties…"), self.open_properties, (), None,
          tr("Title, chain, lead, regions and tiers"))
        a("about", tr("&About chainmap"), self.show_about)
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)
        self._short_texts()

    def _short_texts(self) -> None:
        for name, text in (("add_segment", tr("Add Segment")), ("add_note", tr("Add Note")),
                           ("link", tr("Link")), ("fit", tr("Fit"))):
            getattr(self, f"action_{name}").setIconText(text)

    def _auto_place_toggled(self, checked: bool) -> None:
        settings.set_setting(AUTO_PLACE_KEY, checked)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.action_new, self.action_open])
        self.recent_menu = QMenu(tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self.refresh_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.action_save, self.action_save_as, self.action_export, self.action_revert])
        file_menu.addSeparator()
        file_menu.addActions([self.action_close, self.action_quit])

        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addActions([self.action_undo, self.action_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.action_cut, self.action_copy, self.action_paste, self.action_duplicate,
                              self.action_delete])
        edit_menu.addSeparator()
        edit_menu.addActions([self.action_rename, self.action_select_all])

        self.view_menu = bar.addMenu(tr("&View"))
        self.view_menu.addActions([self.action_zoom_in, self.action_zoom_out, self.action_zoom_actual,
                                   self.action_fit, self.action_zoom_selection])
        self.view_menu.addSeparator()
        self.region_menu = QMenu(tr("&Region View"), self)
        self.region_menu.setObjectName("region_menu")
        self.region_menu.aboutToShow.connect(self._fill_region_menu)
        self.view_menu.addMenu(self.region_menu)
        self.view_menu.addAction(self.action_toggle_fold)
        self.view_menu.addSeparator()
        self.panels_menu = self.view_menu.addMenu(tr("&Panels"))

        insert_menu = bar.addMenu(tr("&Insert"))
        insert_menu.addActions([self.action_add_segment, self.action_add_note, self.action_link])

        map_menu = bar.addMenu(tr("&Map"))
        map_menu.addAction(self.action_properties)
        map_menu.addSeparator()
        map_menu.addActions([self.action_layout, self.action_auto_place])

        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(self.action_about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        toolbar.addActions([self.action_new, self.action_open, self.action_save])
        toolbar.addSeparator()
        toolbar.addActions([self.action_undo, self.action_redo])
        toolbar.addSeparator()
        toolbar.addActions([self.action_add_segment, self.action_add_note, self.action_link])
        toolbar.addSeparator()
        toolbar.addActions([self.action_zoom_in, self.action_zoom_out, self.action_fit])
        toolbar.addAction(self.action_layout)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(tr(" 地区视图 Region: ")))
        self.view_selector = ViewSelector(None, toolbar)
        toolbar.addWidget(self.view_selector)

    def _build_docks(self) -> None:
        self.panels: list[Any] = []
        self.inspector = InspectorDock(None, self)
        self.gaps_dock = GapsDock(None, self)
        # The inspector is tall: the right side is its own. The gaps list is a wide table:
        # below the canvas, with the history as a second tab.
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        self.addDockWidget(right, self.inspector)
        self.addDockWidget(bottom, self.gaps_dock)
        self.panels.extend([self.inspector, self.gaps_dock])
        self.history_dock = QDockWidget(tr("历史 History"), self)
        self.history_dock.setObjectName("history")
        self.history_view = QUndoView(self.undo_group, self.history_dock)
        self.history_view.setEmptyLabel(tr("<opened>"))
        self.history_dock.setWidget(self.history_view)
        self.addDockWidget(bottom, self.history_dock)
        self.tabifyDockWidget(self.gaps_dock, self.history_dock)
        self.gaps_dock.raise_()
        self.resizeDocks([self.gaps_dock], [200], Qt.Orientation.Vertical)
        for dock in [*self.panels, self.history_dock]:
            self.panels_menu.addAction(dock.toggleViewAction())

    # --------------------------------------------------------------- document
    def make_document(self, chain_map: ChainMap, path: Path | str | None) -> Document:
        return Document(chain_map, path, self)

    def set_document(self, document: Document) -> None:
        """Show ``document`` in this window, replacing (and disposing) the current one."""
        old_document, old_scene = self.document, self.scene
        self.autosaver.attach(None)
        self.canvas.detach()
        for panel in self.panels:
            panel.set_document(None)
        self.view_selector.set_document(None)
        if old_scene is not None:
            old_scene.dispose()
            old_scene.deleteLater()
        if old_document is not None:
            # Its unsaved work was saved or given up before it was replaced.
            remove_recovery(old_document.recovery_key)
            self._release_document(old_document)
            old_document.deleteLater()
        self.document = document
        # Before the scene is built: a 3,000-segment map without positions is drawn once.
        placed = place_unpositioned(document)
        self.scene = MapScene(document.chain_map)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        self.canvas.set_document(document, self.scene)
        document.status_message.connect(self.show_status)
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        document.path_changed.connect(self._update_title)
        document.path_changed.connect(self._update_actions)
        document.path_changed.connect(self.watch_document)
        document.selection_changed.connect(self._update_actions)
        document.chain_map.events.map_changed.connect(self._map_changed)
        if len(document.chain_map.nodes) > LARGE_MAP:
            # The docks list every segment: show the map first, fill them right after.
            self.canvas.after_next_paint(lambda: self._attach_panels(document))
        else:
            self._attach_panels(document)
        self.view_selector.set_document(document)
        self._update_title()
        self.setWindowModified(document.is_modified)
        self._update_actions()
        self.watch_document()
        self.autosaver.attach(document)
        if placed:
            self.show_status(placed_text(placed), 15000)

    def _install_charts(self) -> None:
        if self.charts_dock is None and not self._disposed:
            from .charts_dock import install_charts

            self.charts_dock = install_charts(self)

    def _attach_panels(self, document: Document) -> None:
        if document is self.document and not self._disposed:
            for panel in self.panels:
                panel.set_document(document)

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)
        self._update_actions()

    def _map_changed(self, changes: dict[str, Any]) -> None:
        if "title" in changes:
            self._update_title()

    def _update_title(self, *_args: Any) -> None:
        marker = QCoreApplication.translate("MainWindow", " [read-only]") if self.document.read_only else ""
        self.setWindowTitle(f"{self.document.display_name()}{marker}[*] — chainmap")

    def _update_actions(self, *_args: Any) -> None:
        refs = self.document.selection
        has_items = any(kind in ("node", "note") for kind, _ in refs)
        for action in (self.action_cut, self.action_copy, self.action_duplicate, self.action_rename):
            action.setEnabled(has_items)
        self.action_delete.setEnabled(bool(refs))
        self.action_zoom_selection.setEnabled(bool(refs))
        self.action_revert.setEnabled(self.document.path is not None and self.document.is_modified)
        self.action_save.setEnabled(not self.document.read_only)

    def _fill_region_menu(self) -> None:
        self.region_menu.clear()
        group = QActionGroup(self.region_menu)
        choices: list[tuple[str, str | None]] = [(tr("全部地区 All regions"), None)]
        choices += [(region.name, region.code) for region in self.document.chain_map.regions]
        for text, code in choices:
            action = self.region_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(code == self.document.view_region)
            action.setActionGroup(group)
            action.triggered.connect(lambda _checked=False, c=code: self.document.set_view_region(c))

    def refresh_recent_menu(self) -> None:
        """Rebuild Open Recent, dropping files that are gone (and saying so)."""
        kept, dropped = settings.prune_recent_files()
        if dropped:
            self.show_status(tr("Removed {count} missing file(s) from the recent files.").format(count=len(dropped)))
        self.recent_menu.clear()
        for index, path in enumerate(kept):
            action = self.recent_menu.addAction(f"&{(index + 1) % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if kept:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(tr("Clear Menu"))
            clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(kept))

    def _clear_recent(self) -> None:
        settings.clear_recent_files()
        self.refresh_recent_menu()

    # ----------------------------------------------------------------- status
    def show_status(self, message: str, timeout: int = 5000) -> None:
        """Show ``message`` in the status bar for ``timeout`` ms."""
        self.statusBar().showMessage(message, timeout)

    def _show_zoom(self, scale: float) -> None:
        self.zoom_label.setText(f"{scale * 100:.0f} %")

    def open_properties(self) -> QWidget | None:
        return self.inspector.open_map_properties()

    def open_export_dialog(self) -> QWidget:
        """File > Export…: the dialog, opened without blocking; returns it."""
        from .export_dialog import ExportDialog

        dialog = ExportDialog(self, self.scene, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            tr("About chainmap"),
            tr("<b>chainmap {version}</b><br>Draw, annotate and merge industry-chain maps "
               "(产业链图谱) for the Beijing–Tianjin–Hebei region.").format(version=__version__),
        )

    # ------------------------------------------------------------ drag & drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self._open_dropped(paths)

    def _open_dropped(self, paths: list[str]) -> None:
        if paths:
            self.open_file(paths[0])

    # ---------------------------------------------------------- window state
    def restore_window_state(self) -> None:
        store = settings.open_settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_window_state(self) -> None:
        store = settings.open_settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._disposed and not self.maybe_save():
            event.ignore()
            return
        if not self._disposed:
            remove_recovery(self.document.recovery_key)  # saved or discarded: nothing to recover
        if not self._disposed and self.remember:
            self.save_window_state()
        self.dispose()
        event.accept()

    def dispose(self) -> None:
        """Let go of the scene and the document (before the window or the app goes)."""
        if self._disposed:
            return
        self._disposed = True
        self.file_watch.stop()
        self.autosaver.attach(None)
        self.canvas.close_editor(commit=False)
        self.canvas.detach()
        for panel in self.panels:
            panel.set_document(None)
        if self.charts_dock is not None:
            self.charts_dock.dispose()
        self.view_selector.set_document(None)
        if self.scene is not None:
            self.scene.dispose()
            self.scene.deleteLater()
            self.scene = None
        if self.document is not None:
            self._release_document(self.document)

    def _release_document(self, document: Document) -> None:
        # A stack being destroyed emits cleanChanged; nobody may hear it while its
        # document is half gone.
        document.release_lock()
        stack = document.undo_stack
        try:
            stack.cleanChanged.disconnect()
        except (RuntimeError, TypeError):
            pass
        self.undo_group.removeStack(stack)
