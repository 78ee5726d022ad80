"""The base of the canvas's interactions (orange-canvas-core's ``UserInteraction`` pattern)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter

if TYPE_CHECKING:
    from ..view import MapCanvas


class Interaction:
    """One thing the user does on the canvas, from the press that starts it to the release
    that ends it (a rename: from opening the editor to closing it).

    It owns all its state; the canvas holds at most one (:attr:`MapCanvas.interaction`) and
    forwards its mouse and key events to it. It ends on its release (or :meth:`finish`),
    pushing at most one undo command, or by :meth:`cancel` (Esc), putting back what it
    changed on the way; either way :meth:`end` tidies up and tells the canvas.

    Attributes:
        canvas: the :class:`~chainmap.gui.canvas.view.MapCanvas` it happens on.
        ended: set once it finished or was cancelled.
    """

    def __init__(self, canvas: MapCanvas) -> None:
        self.canvas = canvas
        self.ended = False

    @property
    def previewing(self) -> bool:
        """True while items are shown where the model does not have them (a drag's preview)."""
        return False

    # ------------------------------------------------------------------ events
    # Each returns True when it took the event (the canvas then does nothing else with it).
    def mouse_press(self, event: QMouseEvent) -> bool:
        """Another press while this one runs: ignored (one thing at a time)."""
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        """The mouse moved (with or without a button held)."""
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        """A button was released: by default the interaction is done."""
        self.finish()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        """Esc cancels; other keys go to the canvas."""
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return False

    def paint(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Draw over the scene (in scene coordinates), e.g. a rubber line."""

    # ------------------------------------------------------------------ ending
    def finish(self) -> None:
        """End now as if completed (a rename commits its text); a mouse interaction makes its
        edit on its release instead."""
        self.end()

    def cancel(self) -> None:
        """End without an edit, putting back what it changed."""
        self.end()

    def end(self) -> None:
        """Tidy up and let the canvas go of it (subclasses restore the cursor and the like in
        :meth:`cleanup`)."""
        if self.ended:
            return
        self.ended = True
        self.cleanup()
        self.canvas.interaction_ended(self)

    def cleanup(self) -> None:
        """Undo what the interaction did to the view only (cursor, marks, helper widgets)."""
        self.canvas.viewport().setCursor(Qt.CursorShape.ArrowCursor)
