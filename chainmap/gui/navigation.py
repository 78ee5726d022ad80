"""The main window's part for finding one's way in a map and analysing its chain: the overlay
(:class:`~chainmap.render.overlay.MapOverlay`), Find (:class:`~.find_bar.FindBar`), Trace
(:class:`~.trace.Trace`), the Filter and Navigator docks, the Analysis dock (installed after the
map's first paint: it loads pyqtgraph), and the canvas's context menu.

The window builds the actions and menus and calls the slots here (``find``, ``trace_upstream``,
...); :meth:`Navigation.set_scene` follows the window's scene, :attr:`Navigation.panels` are told
of each new document with the window's other panels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMenu

from chainmap.core.refs import NODE
from chainmap.render.overlay import MapOverlay
from chainmap.render.scene import MapScene

from .docks.filter import FilterDock
from .docks.navigator import NAVIGATOR_HEIGHT, NavigatorDock
from .document import DocumentPanel
from .find_bar import FindBar
from .trace import DOWNSTREAM, UPSTREAM, Trace

if TYPE_CHECKING:
    from .docks.analysis import AnalysisDock
    from .main_window import MainWindow


class Navigation:
    """Find, filter, trace, navigator and analysis for ``window`` (a :class:`MainWindow`)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.overlay = MapOverlay(window)
        self.trace = Trace(self.overlay, window)
        self.trace.watch_escape(window.canvas)
        self.trace.changed.connect(self._trace_changed)
        self.find_bar = FindBar(window.canvas, self.overlay)
        self.filter_dock = FilterDock(None, self.overlay, window)
        self.navigator_dock = NavigatorDock(window.canvas, window)
        self.navigator_dock.view.follow_overlay(self.overlay)
        self.analysis_dock: AnalysisDock | None = None
        self.context_menu: QMenu | None = None
        window.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.canvas.customContextMenuRequested.connect(self._context_menu)

    @property
    def panels(self) -> list[DocumentPanel]:
        """The parts told of each new document (the analysis dock joins the window's panels
        when it is installed)."""
        return [self.trace, self.find_bar, self.filter_dock, self.navigator_dock]

    def set_scene(self, scene: MapScene | None) -> None:
        """Lay the overlays over the window's new scene (``None``: before the old one goes)."""
        self.overlay.set_scene(scene)

    # ------------------------------------------------------------------ docks
    def add_docks(self) -> None:
        """The navigator above the inspector, the filter as a tab beside it, the filter's summary
        in the status bar."""
        window = self.window
        right = Qt.DockWidgetArea.RightDockWidgetArea
        window.addDockWidget(right, self.navigator_dock)
        window.splitDockWidget(self.navigator_dock, window.inspector, Qt.Orientation.Vertical)
        window.tabifyDockWidget(window.inspector, self.filter_dock)
        window.inspector.raise_()
        window.resizeDocks([self.navigator_dock], [NAVIGATOR_HEIGHT], Qt.Orientation.Vertical)
        self.filter_dock.attach_status_bar(window.statusBar())
        for dock in (self.navigator_dock, self.filter_dock):
            window.panels_menu.addAction(dock.toggleViewAction())

    def install_analysis(self) -> AnalysisDock | None:
        """Add the Analysis dock (once): a tab beside the gaps list, or where the last session
        left it; View ▸ Panels toggles it."""
        window = self.window
        if self.analysis_dock is not None or window.disposed:
            return self.analysis_dock
        from .docks.analysis import AnalysisDock

        dock = AnalysisDock(None, self.overlay, window, window.action_analysis_overlay)
        self.analysis_dock = dock
        if not window.restoreDockWidget(dock):
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            in_front = not window.isVisible() or not window.gaps_dock.visibleRegion().isEmpty()
            window.tabifyDockWidget(window.gaps_dock, dock)
            if in_front:
                window.gaps_dock.raise_()  # a new tab must not hide what the user was looking at
        window.panels.append(dock)
        window.panels_menu.addAction(dock.toggleViewAction())
        dock.set_document(window.document)
        return dock

    def dispose(self) -> None:
        """Stop the analysis and let the overlay go (the window is closing)."""
        if self.analysis_dock is not None:
            self.analysis_dock.dispose()
        self.overlay.set_scene(None)

    # ------------------------------------------------------------------ slots
    def find(self) -> None:
        """Edit ▸ Find… (Ctrl+F): the find bar, ready to type."""
        self.find_bar.open()

    def find_next(self) -> None:
        """Edit ▸ Find Next (F3)."""
        if not self.find_bar.isVisible():
            self.find_bar.open()
        self.find_bar.find_next()

    def find_previous(self) -> None:
        """Edit ▸ Find Previous (Shift+F3)."""
        if not self.find_bar.isVisible():
            self.find_bar.open()
        self.find_bar.find_previous()

    def trace_upstream(self) -> None:
        """Map ▸ Trace Upstream: what the selected segment depends on."""
        self.trace.trace(UPSTREAM)

    def trace_downstream(self) -> None:
        """Map ▸ Trace Downstream: what depends on the selected segment."""
        self.trace.trace(DOWNSTREAM)

    def clear_trace(self) -> None:
        """Map ▸ Clear Trace (or Esc on the canvas)."""
        self.trace.clear()

    def analysis_overlay_toggled(self, on: bool) -> None:
        """View ▸ Analysis Overlay: the analysis dock works it out, so it is installed first."""
        if on and self.analysis_dock is None:
            self.install_analysis()

    def _trace_changed(self, text: str) -> None:
        self.window.action_clear_trace.setEnabled(bool(text))
        if text:
            self.window.show_status(text, 0)
        else:
            self.window.statusBar().clearMessage()

    # ----------------------------------------------------------- context menu
    def _context_menu(self, pos: QPoint) -> None:
        window = self.window
        canvas = window.canvas
        ref = canvas.ref_at(canvas.mapToScene(pos))
        if ref is not None and ref[0] == NODE and ref not in canvas.selected_refs():
            canvas.select_refs([ref])
        menu = QMenu(canvas)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setObjectName("canvas_context_menu")
        on_segment = ref is not None and ref[0] == NODE
        for action in (window.action_trace_upstream, window.action_trace_downstream):
            entry = menu.addAction(action.text())
            entry.setEnabled(on_segment)
            entry.triggered.connect(action.trigger)
        menu.addAction(window.action_clear_trace)
        menu.addSeparator()
        menu.addActions([window.action_find, window.action_analysis_overlay])
        self.context_menu = menu
        menu.popup(canvas.viewport().mapToGlobal(pos))


def navigation_texts() -> dict[str, tuple[str, str]]:
    """The navigation actions' texts and tips, by action name."""
    return {
        "find": (QCoreApplication.translate("MainWindow", "&Find…"),
                 QCoreApplication.translate(
                     "MainWindow", "Find segments by name, alias, pinyin, tag, enterprise or credit code")),
        "find_next": (QCoreApplication.translate("MainWindow", "Find &Next"),
                      QCoreApplication.translate("MainWindow", "Go to the next hit")),
        "find_previous": (QCoreApplication.translate("MainWindow", "Find Pre&vious"),
                          QCoreApplication.translate("MainWindow", "Go to the previous hit")),
        "trace_upstream": (QCoreApplication.translate("MainWindow", "Trace &Upstream"),
                           QCoreApplication.translate(
                               "MainWindow", "Show what the selected segment depends on; the rest fades")),
        "trace_downstream": (QCoreApplication.translate("MainWindow", "Trace &Downstream"),
                             QCoreApplication.translate(
                                 "MainWindow", "Show what depends on the selected segment; the rest fades")),
        "clear_trace": (QCoreApplication.translate("MainWindow", "&Clear Trace"),
                        QCoreApplication.translate("MainWindow", "Show the whole map again (Esc)")),
    }
