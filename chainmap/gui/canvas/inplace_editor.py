"""The line edit that renames a segment (or rewrites a note) in place, over its box."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class InPlaceEditor(QLineEdit):
    """A line edit over a canvas item: Enter commits, Esc cancels, leaving it commits.

    Signals: ``committed(str)`` (the text, when the user is done) and ``cancelled()``.
    The owner decides whether to close it after a commit (a refused name keeps it open).
    """

    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.setObjectName("inplace_editor")
        self.setFrame(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.selectAll()
        self._finished = False

    def finish(self) -> None:
        """Close without another signal (after the owner handled a commit or a cancel)."""
        if not self._finished:
            self._finished = True
            self.hide()
            self.deleteLater()

    @property
    def is_finished(self) -> bool:
        return self._finished

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancelled.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.committed.emit(self.text())
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if not self._finished and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.committed.emit(self.text())
