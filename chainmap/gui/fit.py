"""Fitting the main window to its size, in either language: the toolbar keeps every daily
action in view (icons only for the file, undo and zoom buttons when the window is narrow),
and on a small window the docks leave the canvas most of the room (the navigator becomes a
tab beside the inspector, the side and bottom docks start narrower).

The docks are fitted once, when the window first shows and only if no saved layout was
restored: after that the user's arrangement is theirs. The toolbar follows every resize.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QToolButton

from . import settings

if TYPE_CHECKING:
    from .main_window import MainWindow

# Below these the window counts as small (1024×700 is; 1600×1000 is not).
NARROW_WIDTH = 1300
LOW_HEIGHT = 820
# On a narrow window these toolbar buttons show their icon only (their tooltips name them).
ICON_ONLY = ("new", "open", "save", "undo", "redo", "zoom_in", "zoom_out", "fit")


class WindowFit(QObject):
    """Watches ``window``'s size; ``WindowFit(window)`` after its docks are built."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.narrow: bool | None = None
        state = settings.open_settings().value("window/state") if window.remember else None
        self._docks_fitted = isinstance(state, QByteArray) and not state.isEmpty()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Refit the toolbar on every resize; fit the docks once, at the first show."""
        if watched is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit_toolbar()
            if event.type() == QEvent.Type.Show and not self._docks_fitted:
                self._docks_fitted = True
                QTimer.singleShot(0, self.fit_docks)
        return False

    def fit_toolbar(self) -> None:
        """Icons only for the file, undo and zoom buttons while the window is narrow."""
        narrow = self.window.width() < NARROW_WIDTH
        if narrow == self.narrow:
            return
        self.narrow = narrow
        style = Qt.ToolButtonStyle.ToolButtonIconOnly if narrow else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        for name in ICON_ONLY:
            button = self.window.toolbar.widgetForAction(getattr(self.window, f"action_{name}"))
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(style)

    def fit_docks(self) -> None:
        """On a small window: the navigator as a tab beside the inspector, the side docks at
        about a quarter of the width and the bottom docks at about a fifth of the height."""
        window = self.window
        if window.disposed:
            return
        width, height = window.width(), window.height()
        navigator = getattr(window.navigation, "navigator_dock", None)
        if height < LOW_HEIGHT and navigator is not None and not navigator.isFloating():
            window.tabifyDockWidget(window.inspector, navigator)
            window.inspector.raise_()
        if width < NARROW_WIDTH:
            window.resizeDocks([window.inspector], [max(260, width // 4)], Qt.Orientation.Horizontal)
        if height < LOW_HEIGHT:
            window.resizeDocks([window.gaps_dock], [max(140, height // 5)], Qt.Orientation.Vertical)
