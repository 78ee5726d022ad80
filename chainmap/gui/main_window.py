"""The editor's main window: the canvas, menus, toolbar, docks and status bar around one
open :class:`~chainmap.gui.document.Document`.

The window is composed of parts, each made in ``__init__`` with a typed reference back to it:
``files`` (:class:`~chainmap.gui.files.actions.FileController`: new, open, save, revert),
``edits`` (:class:`~chainmap.gui.canvas.edit_actions.EditController`: the editing commands),
``locks`` (:class:`~chainmap.gui.files.lock.FileLocks`), ``external``
(:class:`~chainmap.gui.files.external_changes.ExternalChanges`: the file changed on disk),
``recovery`` (:class:`~chainmap.gui.files.recovery_offer.Recovery`), ``autosaver`` and
``merge_ui`` (:class:`~chainmap.gui.merge.actions.MergeUI`) and ``navigation``
(:class:`~chainmap.gui.navigation.Navigation`: find, filter, trace, the navigator and the analysis). The window builds every action,
menu and dock itself, in one place each (``_build_actions``, ``_build_menus``,
``_build_docks``), wiring the actions to its parts. The canvas's mouse and keyboard handling is
in :mod:`chainmap.gui.canvas.view`. Actions are attributes named ``action_<name>`` so tests
trigger exactly what a menu, a toolbar button or a shortcut triggers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from chainmap.core.bulk import give_back_to_collector, keep_out_of_collector
from chainmap.core.model import ChainMap
from chainmap.render.scene import MapScene

from . import settings
from .canvas.edit_actions import EditController
from .canvas.placement import place_unpositioned, placed_text
from .canvas.view import MapCanvas
from .canvas.view_selector import ViewSelector
from .dialogs.templates import blank_map
from .docks.analysis_lists import analysis_overlay_action
from .docks.gaps import GapsDock
from .document import Document, DocumentPanel
from .files.actions import FileController
from .files.external_changes import ExternalChanges
from .files.lock import FileLocks
from .files.recovery import Autosaver, remove_recovery
from .files.recovery_offer import Recovery
from .files.safety_menu import autosave_menu, reload_action
from .fit import WindowFit
from .i18n import add_language_menu
from .icons import glyph_icon
from .inspector.dock import InspectorDock
from .merge.actions import MergeUI, action_texts
from .merge.compare_view import CompareDock
from .merge.conflicts_dock import ConflictsDock
from .navigation import Navigation, navigation_texts

if TYPE_CHECKING:
    from .docks.statistics import ChartsDock

AUTO_PLACE_KEY = "editor/place_new_segments"
# Above this many segments the docks are filled after the map is first shown.
LARGE_MAP = 1500


class MainWindow(QMainWindow):
    """One editor window on one map. ``MainWindow(chain_map=None, path=None)`` opens
    ``chain_map`` (a blank map by default); ``restore_settings`` brings back the window's
    size and docks from the last session. Segments without a position are placed when a
    map is shown; the file is watched, locked and autosaved (``external``, ``locks``,
    ``autosaver``)."""

    # Made by _build_actions (``_action`` sets ``action_<name>``).
    action_new: QAction
    action_open: QAction
    action_save: QAction
    action_save_as: QAction
    action_export: QAction
    action_print: QAction
    action_import: QAction
    action_revert: QAction
    action_close: QAction
    action_quit: QAction
    action_cut: QAction
    action_copy: QAction
    action_paste: QAction
    action_duplicate: QAction
    action_delete: QAction
    action_rename: QAction
    action_select_all: QAction
    action_zoom_in: QAction
    action_zoom_out: QAction
    action_zoom_actual: QAction
    action_fit: QAction
    action_zoom_selection: QAction
    action_toggle_fold: QAction
    action_add_segment: QAction
    action_add_note: QAction
    action_link: QAction
    action_layout: QAction
    action_auto_place: QAction
    action_properties: QAction
    action_about: QAction
    action_merge_maps: QAction
    action_compare: QAction
    action_clear_comparison: QAction
    action_provenance: QAction
    action_find: QAction
    action_find_next: QAction
    action_find_previous: QAction
    action_trace_upstream: QAction
    action_trace_downstream: QAction
    action_clear_trace: QAction
    action_analysis_overlay: QAction

    def __init__(self, chain_map: ChainMap | None = None, path: str | Path | None = None, *,
                 restore_settings: bool = True, remember: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # With remember off (the screenshot mode) the window leaves the settings alone.
        self.remember = remember
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.document: Document = None  # type: ignore[assignment]
        self.scene: MapScene | None = None
        self._kept: Document | None = None  # a big map's document, its objects kept out of the collector
        self._disposed = False
        self.undo_group = QUndoGroup(self)
        self.canvas = MapCanvas(self)
        self.setCentralWidget(self.canvas)
        self.canvas.files_dropped.connect(self._open_dropped)
        self.canvas.zoom_changed.connect(self._show_zoom)
        self.zoom_label = QLabel("100 %")
        self.zoom_label.setMinimumWidth(60)
        self.statusBar().addPermanentWidget(self.zoom_label)
        # The window's parts; the actions built next call them.
        self.files = FileController(self)
        self.edits = EditController(self)
        self.locks = FileLocks(self)
        self.external = ExternalChanges(self)
        self.recovery = Recovery(self)
        self.autosaver = Autosaver(self)
        self.merge_ui = MergeUI(self)
        self.navigation = Navigation(self)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_docks()
        self.fit = WindowFit(self)  # toolbar and docks that fit small windows, in either language
        self.resize(1400, 900)
        self.set_document(self.make_document(chain_map if chain_map is not None else blank_map(), path))
        # The statistics charts load pyqtgraph: after the map is on screen, not before.
        self.charts_dock: ChartsDock | None = None
        self.canvas.after_next_paint(self._install_charts)
        self.canvas.after_next_paint(self.navigation.install_analysis)
        if restore_settings:
            self.restore_window_state()
        if remember:
            self.refresh_recent_menu()

    @property
    def disposed(self) -> bool:
        """The window has let go of its scene and document (it is closing)."""
        return self._disposed

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
        self._build_file_actions()
        self._build_edit_actions()
        self._build_view_and_map_actions()
        self._build_merge_actions()
        self._build_navigation_actions()
        self._short_texts()

    def _build_file_actions(self) -> None:
        icon = self.style().standardIcon
        sp = QStyle.StandardPixmap
        key = QKeySequence.StandardKey
        a = self._action
        files = self.files
        a("new", QCoreApplication.translate("commands", "&New…"), files.new_map, key.New, icon(sp.SP_FileIcon),
          QCoreApplication.translate("commands", "New map, blank or from a chain's template"))
        a("open", QCoreApplication.translate("commands", "&Open…"), files.open_file, key.Open, icon(sp.SP_DialogOpenButton), QCoreApplication.translate("commands", "Open a map file"))
        a("save", QCoreApplication.translate("commands", "&Save"), files.save, key.Save, icon(sp.SP_DialogSaveButton), QCoreApplication.translate("commands", "Save the map"))
        a("save_as", QCoreApplication.translate("commands", "Save &As…"), files.save_as, key.SaveAs)
        a("export", QCoreApplication.translate("commands", "&Export…"), self.open_export_dialog, "Ctrl+E", None,
          QCoreApplication.translate("commands", "Export the map as a PNG picture, or an SVG or PDF with text kept as text"))
        a("print", QCoreApplication.translate("MainWindow", "&Print…"), self.open_print_preview, key.Print, None,
          QCoreApplication.translate("MainWindow", "Print the map fitted to one page, or as a poster over several pages"))
        a("import", QCoreApplication.translate("MainWindow", "&Import…"), self.import_files, "Ctrl+Shift+I", None,
          QCoreApplication.translate("MainWindow", "Import a workbook, CSV, GraphML, GEXF or Cytoscape file, "
                                     "as a new map or into this one"))
        a("revert", QCoreApplication.translate("commands", "&Revert"), files.revert, (), None, QCoreApplication.translate("commands", "Reload the map from disk, discarding changes"))
        a("close", QCoreApplication.translate("commands", "&Close"), self.close, key.Close)
        a("quit", QCoreApplication.translate("commands", "&Quit"), QApplication.closeAllWindows, key.Quit)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        # File ▸ Reload Changed Maps Without Asking: a setting, not a command (no shortcut).
        self.action_always_reload = reload_action(self)

    def _build_edit_actions(self) -> None:
        icon = self.style().standardIcon
        sp = QStyle.StandardPixmap
        key = QKeySequence.StandardKey
        a = self._action
        edits = self.edits
        self.action_undo = self.undo_group.createUndoAction(self, QCoreApplication.translate("commands", "&Undo"))
        self.action_undo.setObjectName("action_undo")
        self.action_undo.setShortcuts(QKeySequence.keyBindings(key.Undo))
        self.action_undo.setIcon(icon(sp.SP_ArrowBack))
        self.action_redo = self.undo_group.createRedoAction(self, QCoreApplication.translate("commands", "&Redo"))
        self.action_redo.setObjectName("action_redo")
        self.action_redo.setShortcuts(QKeySequence.keyBindings(key.Redo) + [QKeySequence("Ctrl+Y")])
        self.action_redo.setIcon(icon(sp.SP_ArrowForward))
        # The toolbar keeps short labels; menus and tooltips say what would be undone.
        self.action_undo.setIconText(QCoreApplication.translate("commands", "Undo"))
        self.action_redo.setIconText(QCoreApplication.translate("commands", "Redo"))
        self.addAction(self.action_undo)
        self.addAction(self.action_redo)
        a("cut", QCoreApplication.translate("commands", "Cu&t"), edits.cut_selection, key.Cut)
        a("copy", QCoreApplication.translate("commands", "&Copy"), edits.copy_selection, key.Copy)
        a("paste", QCoreApplication.translate("commands", "&Paste"), edits.paste, key.Paste)
        a("duplicate", QCoreApplication.translate("commands", "D&uplicate"), edits.duplicate_selection, "Ctrl+D")
        a("delete", QCoreApplication.translate("commands", "&Delete"), edits.delete_selection, [QKeySequence(Qt.Key.Key_Delete)])
        a("rename", QCoreApplication.translate("commands", "Re&name"), edits.rename_selection, "F2")
        a("select_all", QCoreApplication.translate("commands", "Select &All"), edits.select_all, key.SelectAll)

    def _build_view_and_map_actions(self) -> None:
        key = QKeySequence.StandardKey
        a = self._action
        edits = self.edits
        a("zoom_in", QCoreApplication.translate("commands", "Zoom &In"), self.canvas.zoom_in, [key.ZoomIn, "Ctrl+="], glyph_icon("zoom_in"))
        a("zoom_out", QCoreApplication.translate("commands", "Zoom &Out"), self.canvas.zoom_out, key.ZoomOut, glyph_icon("zoom_out"))
        a("zoom_actual", QCoreApplication.translate("commands", "&Actual Size (100 %)"), self.canvas.zoom_actual, "Ctrl+1")
        a("fit", QCoreApplication.translate("commands", "&Fit to Window"), self.canvas.fit_to_window, "Ctrl+0", glyph_icon("fit"),
          QCoreApplication.translate("commands", "Show the whole map"))
        a("zoom_selection", QCoreApplication.translate("commands", "Zoom to &Selection"), self.canvas.zoom_to_selection, "Ctrl+2")
        a("toggle_fold", QCoreApplication.translate("commands", "Fold / Unfold Sub-segments"), edits.toggle_fold, "Ctrl+.")

        a("add_segment", QCoreApplication.translate("commands", "&Segment"), edits.add_segment, ["Ctrl+Shift+N", QKeySequence(Qt.Key.Key_Insert)],
          glyph_icon("segment"), QCoreApplication.translate("commands", "Add a segment in the tier at the view's centre"))
        a("add_note", QCoreApplication.translate("commands", "&Note"), edits.add_note, "Ctrl+Shift+M", glyph_icon("note"),
          QCoreApplication.translate("commands", "Add a note, next to the selected segment"))
        a("link", QCoreApplication.translate("commands", "&Link Selected Segments"), edits.link_selected, "Ctrl+L", glyph_icon("link"),
          QCoreApplication.translate("commands", "Link the two selected segments (upstream first); or drag from a segment's edge"))

        a("layout", QCoreApplication.translate("commands", "&Layout"), edits.layout_map, "Ctrl+Shift+L", glyph_icon("layout"),
          QCoreApplication.translate("commands", "Lay the whole map out (one undo step)"))
        a("auto_place", QCoreApplication.translate("commands", "&Place New Segments Automatically"), self._auto_place_toggled, (),
          None, None, checkable=True)
        self.action_auto_place.setChecked(settings.bool_setting(AUTO_PLACE_KEY, True))
        a("properties", QCoreApplication.translate("commands", "Map &Properties…"), self.open_properties, (), None,
          QCoreApplication.translate("commands", "Title, chain, lead, regions and tiers"))
        a("about", QCoreApplication.translate("commands", "&About chainmap"), self.show_about)
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_merge_actions(self) -> None:
        merge, texts = self.merge_ui, action_texts()
        slots: dict[str, Callable[[], object]] = {
            "merge_maps": merge.show_merge_dialog, "compare": merge.compare_with,
            "clear_comparison": merge.clear_comparison}
        for name, slot in slots.items():
            text, tip = texts[name]
            self._action(name, text, slot, (), None, tip)
        text, tip = texts["provenance"]
        self._action("provenance", text, merge.show_provenance, (), None, tip, checkable=True)

    def _build_navigation_actions(self) -> None:
        navigation, texts = self.navigation, navigation_texts()
        slots: dict[str, tuple[Callable[[], object], Any]] = {
            "find": (navigation.find, QKeySequence.StandardKey.Find),
            "find_next": (navigation.find_next, "F3"),
            "find_previous": (navigation.find_previous, "Shift+F3"),
            "trace_upstream": (navigation.trace_upstream, ()),
            "trace_downstream": (navigation.trace_downstream, ()),
            "clear_trace": (navigation.clear_trace, ()),
        }
        for name, (slot, shortcut) in slots.items():
            text, tip = texts[name]
            self._action(name, text, slot, shortcut, None, tip)
        self.action_clear_trace.setEnabled(False)
        self.action_analysis_overlay = analysis_overlay_action(self)
        self.action_analysis_overlay.toggled.connect(navigation.analysis_overlay_toggled)
        self.addAction(self.action_analysis_overlay)

    def _short_texts(self) -> None:
        for name, text in (("add_segment", QCoreApplication.translate("commands", "Add Segment")), ("add_note", QCoreApplication.translate("commands", "Add Note")),
                           ("link", QCoreApplication.translate("commands", "Link")), ("fit", QCoreApplication.translate("commands", "Fit"))):
            getattr(self, f"action_{name}").setIconText(text)

    def _auto_place_toggled(self, checked: bool) -> None:
        settings.set_setting(AUTO_PLACE_KEY, checked)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu(QCoreApplication.translate("commands", "&File"))
        file_menu.addActions([self.action_new, self.action_open])
        self.recent_menu = QMenu(QCoreApplication.translate("commands", "Open &Recent"), self)
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self.refresh_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.action_merge_maps, self.action_import])
        file_menu.addSeparator()
        file_menu.addActions([self.action_save, self.action_save_as, self.action_export, self.action_print,
                              self.action_revert])
        file_menu.addSeparator()
        self.autosave_menu = autosave_menu(self)
        file_menu.addMenu(self.autosave_menu)
        file_menu.addAction(self.action_always_reload)
        file_menu.addSeparator()
        file_menu.addActions([self.action_close, self.action_quit])

        self.edit_menu = edit_menu = bar.addMenu(QCoreApplication.translate("commands", "&Edit"))
        edit_menu.addActions([self.action_undo, self.action_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.action_cut, self.action_copy, self.action_paste, self.action_duplicate,
                              self.action_delete])
        edit_menu.addSeparator()
        edit_menu.addActions([self.action_rename, self.action_select_all])
        edit_menu.addSeparator()
        edit_menu.addActions([self.action_find, self.action_find_next, self.action_find_previous])

        self.view_menu = bar.addMenu(QCoreApplication.translate("commands", "&View"))
        self.view_menu.addActions([self.action_zoom_in, self.action_zoom_out, self.action_zoom_actual,
                                   self.action_fit, self.action_zoom_selection])
        self.view_menu.addSeparator()
        self.region_menu = QMenu(QCoreApplication.translate("commands", "&Region View"), self)
        self.region_menu.setObjectName("region_menu")
        self.region_menu.aboutToShow.connect(self._fill_region_menu)
        self.view_menu.addMenu(self.region_menu)
        self.view_menu.addAction(self.action_toggle_fold)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.action_compare, self.action_clear_comparison, self.action_provenance])
        self.view_menu.addAction(self.action_analysis_overlay)
        self.view_menu.addSeparator()
        self.panels_menu = self.view_menu.addMenu(QCoreApplication.translate("commands", "&Panels"))
        self.language_menu = add_language_menu(self.view_menu, self)

        self.insert_menu = insert_menu = bar.addMenu(QCoreApplication.translate("commands", "&Insert"))
        insert_menu.addActions([self.action_add_segment, self.action_add_note, self.action_link])

        self.map_menu = map_menu = bar.addMenu(QCoreApplication.translate("commands", "&Map"))
        map_menu.addAction(self.action_properties)
        map_menu.addSeparator()
        map_menu.addActions([self.action_layout, self.action_auto_place])
        map_menu.addSeparator()
        map_menu.addActions([self.action_trace_upstream, self.action_trace_downstream, self.action_clear_trace])

        self.help_menu = help_menu = bar.addMenu(QCoreApplication.translate("commands", "&Help"))
        help_menu.addAction(self.action_about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(QCoreApplication.translate("commands", "Main toolbar"), self)
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
        toolbar.addWidget(QLabel(QCoreApplication.translate("commands", " Region view: ")))
        self.view_selector = ViewSelector(None, toolbar)
        toolbar.addWidget(self.view_selector)

    def _build_docks(self) -> None:
        self.inspector = InspectorDock(None, self)
        self.gaps_dock = GapsDock(None, self)
        # The inspector is tall: the right side is its own. The gaps list is a wide table:
        # below the canvas, with the history as a second tab.
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        self.addDockWidget(right, self.inspector)
        self.addDockWidget(bottom, self.gaps_dock)
        self.history_dock = QDockWidget(QCoreApplication.translate("commands", "History"), self)
        self.history_dock.setObjectName("history")
        self.history_view = QUndoView(self.undo_group, self.history_dock)
        self.history_view.setEmptyLabel(QCoreApplication.translate("commands", "<opened>"))
        self.history_dock.setWidget(self.history_view)
        self.addDockWidget(bottom, self.history_dock)
        self.tabifyDockWidget(self.gaps_dock, self.history_dock)
        self.gaps_dock.raise_()
        self.resizeDocks([self.gaps_dock], [200], Qt.Orientation.Vertical)
        # The merge tools' docks, hidden until a merge or a comparison fills them: conflicts
        # down the left side, so long values have the height to wrap; the list of changes
        # along the bottom, with the other lists.
        self.conflicts_dock = ConflictsDock(None, self)
        self.compare_dock = CompareDock(None, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.conflicts_dock)
        self.addDockWidget(bottom, self.compare_dock)
        self.tabifyDockWidget(self.gaps_dock, self.compare_dock)
        self.conflicts_dock.hide()
        self.compare_dock.hide()
        self.gaps_dock.raise_()  # the hidden docks joined the bottom tabs; keep gaps in front
        self.navigation.add_docks()
        # Every panel is told of a new document (the charts and the analysis join after the first paint).
        self.panels: list[DocumentPanel] = [self.inspector, self.gaps_dock, self.merge_ui, *self.navigation.panels]
        for dock in (self.inspector, self.gaps_dock, self.history_dock, self.conflicts_dock, self.compare_dock):
            self.panels_menu.addAction(dock.toggleViewAction())

    # --------------------------------------------------------------- document
    def make_document(self, chain_map: ChainMap, path: Path | str | None) -> Document:
        """A document of this window for ``chain_map`` (from ``path``, or never saved)."""
        return Document(chain_map, path, self)

    def set_document(self, document: Document) -> None:
        """Show ``document`` in this window, replacing (and disposing) the current one."""
        old_document, old_scene = self.document, self.scene
        self.autosaver.attach(None)
        self.canvas.detach()
        for panel in self.panels:
            panel.set_document(None)
        self.view_selector.set_document(None)
        self.navigation.set_scene(None)
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
        if len(document.chain_map.nodes) > LARGE_MAP:
            # Its objects live as long as it is open: the collector need not walk them.
            keep_out_of_collector(document)
            self._kept = document
        self.scene = MapScene(document.chain_map)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        self.canvas.set_document(document, self.scene)
        self.navigation.set_scene(self.scene)
        document.status_message.connect(self.show_status)
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        document.path_changed.connect(self.update_title)
        document.path_changed.connect(self.update_actions)
        document.path_changed.connect(self.external.watch_document)
        document.selection_changed.connect(self.update_actions)
        document.chain_map.events.map_changed.connect(self._map_changed)
        if len(document.chain_map.nodes) > LARGE_MAP:
            # The docks list every segment: show the map first, fill them right after.
            self.canvas.after_next_paint(lambda: self._attach_panels(document))
        else:
            self._attach_panels(document)
        self.view_selector.set_document(document)
        self.update_title()
        self.setWindowModified(document.is_modified)
        self.update_actions()
        self.external.watch_document()
        self.autosaver.attach(document)
        if placed:
            self.show_status(placed_text(placed), 15000)

    def _install_charts(self) -> None:
        if self.charts_dock is None and not self._disposed:
            from .docks.statistics import install_charts

            self.charts_dock = install_charts(self)

    def _attach_panels(self, document: Document) -> None:
        if document is self.document and not self._disposed:
            for panel in self.panels:
                panel.set_document(document)

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)
        self.update_actions()

    def _map_changed(self, changes: dict[str, Any]) -> None:
        if "title" in changes:
            self.update_title()

    def update_title(self, *_args: Any) -> None:
        """The title bar: the file's name, read-only or not, and the modified marker."""
        marker = QCoreApplication.translate("MainWindow", " [read-only]") if self.document.read_only else ""
        self.setWindowTitle(f"{self.document.display_name()}{marker}[*] — chainmap")

    def update_actions(self, *_args: Any) -> None:
        """Enable the actions that make sense for the selection and the file."""
        refs = self.document.selection
        has_items = any(kind in ("node", "note") for kind, _ in refs)
        for action in (self.action_cut, self.action_copy, self.action_duplicate, self.action_rename):
            action.setEnabled(has_items)
        self.action_delete.setEnabled(bool(refs))
        self.action_zoom_selection.setEnabled(bool(refs))
        has_segment = any(kind == "node" for kind, _ in refs)
        self.action_trace_upstream.setEnabled(has_segment)
        self.action_trace_downstream.setEnabled(has_segment)
        self.action_revert.setEnabled(self.document.path is not None and self.document.is_modified)
        self.action_save.setEnabled(not self.document.read_only)

    def _fill_region_menu(self) -> None:
        self.region_menu.clear()
        group = QActionGroup(self.region_menu)
        choices: list[tuple[str, str | None]] = [(QCoreApplication.translate("commands", "All regions"), None)]
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
            self.show_status(QCoreApplication.translate("commands", "Removed {count} missing file(s) from the recent files.").format(count=len(dropped)))
        self.recent_menu.clear()
        for index, path in enumerate(kept):
            action = self.recent_menu.addAction(f"&{(index + 1) % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _checked=False, p=path: self.files.open_recent(p))
        if kept:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(QCoreApplication.translate("commands", "Clear Menu"))
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
        """Map ▸ Map Properties…: the dialog (returns it)."""
        return self.inspector.open_map_properties()

    def open_export_dialog(self) -> QWidget:
        """File > Export…: the dialog, opened without blocking; returns it."""
        from .dialogs.export import ExportDialog

        dialog = ExportDialog(self, self.scene, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_print_preview(self) -> QWidget:
        """File ▸ Print…: the print preview, opened without blocking; returns it."""
        from .dialogs.print_preview import open_print_preview

        return open_print_preview(self)

    def import_files(self) -> bool:
        """File ▸ Import…: files as a new map or into this one (one undo step)."""
        from .files.import_action import import_into_window

        return import_into_window(self)

    def show_about(self) -> None:
        """Help ▸ About chainmap."""
        QMessageBox.about(
            self,
            QCoreApplication.translate("commands", "About chainmap"),
            QCoreApplication.translate("commands", "<b>chainmap {version}</b><br>Draw, annotate and merge industry-chain maps "
               "for the Beijing–Tianjin–Hebei region.").format(version=__version__),
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
            self.files.open_file(paths[0])

    # ---------------------------------------------------------- window state
    def restore_window_state(self) -> None:
        """Bring back the window's size and docks from the last session."""
        store = settings.open_settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_window_state(self) -> None:
        """Remember the window's size and docks for the next session."""
        store = settings.open_settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing asks before unsaved work is lost, then lets go of the document."""
        if not self._disposed and not self.files.maybe_save():
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
        self.external.file_watch.stop()
        self.autosaver.attach(None)
        self.canvas.close_editor(commit=False)
        self.canvas.detach()
        for panel in self.panels:
            panel.set_document(None)
        if self.charts_dock is not None:
            self.charts_dock.dispose()
        self.navigation.dispose()
        self.view_selector.set_document(None)
        if self.scene is not None:
            self.scene.dispose()
            self.scene.deleteLater()
            self.scene = None
        if self.document is not None:
            self._release_document(self.document)

    def _release_document(self, document: Document) -> None:
        if document is self._kept:
            give_back_to_collector(document)
            self._kept = None
        # A stack being destroyed emits cleanChanged; nobody may hear it while its
        # document is half gone.
        document.release_lock()
        stack = document.undo_stack
        try:
            stack.cleanChanged.disconnect()
        except (RuntimeError, TypeError):
            pass
        self.undo_group.removeStack(stack)
