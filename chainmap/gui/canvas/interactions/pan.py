"""Panning: the middle button, or the left button with space held, drags the view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QMouseEvent

from .base import Interaction

if TYPE_CHECKING:
    from ..view import MapCanvas


class PanInteraction(Interaction):
    """Scrolls the view with the mouse; Esc scrolls it back to where the press found it.

    Attributes:
        last: the viewport point of the last mouse event.
        start_scroll: the scroll bars' values at the press.
    """

    def __init__(self, canvas: MapCanvas, view_pos: QPoint) -> None:
        super().__init__(canvas)
        self.last = view_pos
        self.start_scroll = (canvas.horizontalScrollBar().value(), canvas.verticalScrollBar().value())
        canvas.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouse_move(self, event: QMouseEvent) -> bool:
        view_pos = event.position().toPoint()
        delta = view_pos - self.last
        self.last = view_pos
        horizontal, vertical = self.canvas.horizontalScrollBar(), self.canvas.verticalScrollBar()
        horizontal.setValue(horizontal.value() - delta.x())
        vertical.setValue(vertical.value() - delta.y())
        return True

    def cancel(self) -> None:
        self.canvas.horizontalScrollBar().setValue(self.start_scroll[0])
        self.canvas.verticalScrollBar().setValue(self.start_scroll[1])
        self.end()

    def cleanup(self) -> None:
        held = self.canvas.space_held
        self.canvas.viewport().setCursor(Qt.CursorShape.OpenHandCursor if held else Qt.CursorShape.ArrowCursor)
