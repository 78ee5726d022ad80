"""Small widgets shared by the inspector, the docks and the dialogs (their words are in
:mod:`chainmap.gui.labels`, reading typed text in :mod:`chainmap.gui.parsing`).

The editing widgets here commit a value once, when the user is done with a field
(Return, focus leaving it, a combo choice), never per keystroke: each commit becomes one
undo command. They all offer ``set_value`` (show the model's value, without a signal),
``committed`` (the user's new value) and ``revert`` (go back to the model's value after
the model refused the edit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QLineEdit, QPlainTextEdit, QWidget

from chainmap.core.events import MapEvents
from chainmap.core.model import ChainMap, Edge, Node, Note

if TYPE_CHECKING:
    from .document import Document

ERROR_COLOR = "#C62828"


def color_icon(color: str | None, size: int = 12) -> QIcon:
    """A small square of ``color`` (grey when the region has none)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color or "#9E9E9E"))
    return QIcon(pixmap)


_POSITION_FIELDS = frozenset({"x", "y"})


def is_position_only_change(args: tuple[Any, ...]) -> bool:
    """True for a ``*_changed(item, changes)`` event that only moved the item: views that
    show no positions skip it, so a large drag does not rebuild them."""
    return (
        len(args) == 2
        and isinstance(args[0], Node | Edge | Note)
        and isinstance(args[1], dict)
        and set(args[1]) <= _POSITION_FIELDS
    )


def single_shot_timer(parent: QObject, slot: Callable[[], Any], interval_ms: int = 0) -> QTimer:
    """A timer that calls ``slot`` once, ``interval_ms`` after it was last started: with 0,
    once the current burst of events is over, however often it was started during it."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


class MapListener:
    """Connects callbacks to a map's events and disconnects them all in one call, so a
    widget that goes away leaves no callback behind on a model that lives on."""

    def __init__(self) -> None:
        self._connections: list[tuple[Any, Callable[..., Any]]] = []

    def connect(self, chain_map: ChainMap, callback: Callable[..., Any],
                names: Iterable[str] | None = None) -> None:
        """Connect ``callback`` (which takes any arguments) to ``names`` or every event."""
        events: MapEvents = chain_map.events
        for name in names if names is not None else vars(events):
            signal = getattr(events, name)
            signal.connect(callback)
            self._connections.append((signal, callback))

    def disconnect_all(self, *_args: Any) -> None:
        for signal, callback in self._connections:
            signal.disconnect(callback)
        self._connections.clear()


class RegionViewDock(QDockWidget):
    """A dock that shows what a document's map holds for its view region: :meth:`refresh`
    (a subclass's) rebuilds it, once per burst of model changes and when the view region
    changes; moves are skipped, as they change nothing such a dock shows.
    :meth:`set_document` switches maps (``None``: none)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.document: Document | None = None
        self._listener = MapListener()
        # The model outlives this widget: drop its callbacks when the widget goes.
        self.destroyed.connect(self._listener.disconnect_all)
        self._timer = single_shot_timer(self, self.refresh_when_seen)

    def set_document(self, document: Document | None) -> None:
        """Show ``document``'s map (``None``: nothing), rebuilt now (or when first seen)."""
        if self.document is not None:
            self._listener.disconnect_all()
            self.document.view_region_changed.disconnect(self.schedule_refresh)
        self.document = document
        if document is not None:
            self._listener.connect(document.chain_map, self.schedule_refresh)
            document.view_region_changed.connect(self.schedule_refresh)
        self.refresh_when_seen()

    def refresh_when_seen(self) -> None:
        """Rebuild now; a dock that only needs to be current when shown overrides this."""
        self.refresh()

    def schedule_refresh(self, *args: Any) -> None:
        """Rebuild once the current burst of changes is over (moves change nothing here)."""
        if is_position_only_change(args):
            return
        self._timer.start()

    def refresh(self) -> None:
        """Rebuild from the model now."""
        raise NotImplementedError


class ErrorLabel(QLabel):
    """A red line under a form saying why the last edit was refused; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_error(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class CommitLineEdit(QLineEdit):
    """A line edit that emits ``committed(str)`` on Return or focus-out, if changed."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = ""
        self.editingFinished.connect(self.commit)

    def set_value(self, text: str | None) -> None:
        """Show the model's ``text``; an edit in progress is kept unless the model's value
        itself changed."""
        new = text or ""
        editing = self.text() != self._value
        changed = new != self._value
        self._value = new
        if (changed or not editing) and self.text() != new:
            self.blockSignals(True)
            self.setText(new)
            self.setCursorPosition(0)
            self.blockSignals(False)

    def value(self) -> str:
        return self._value

    def commit(self) -> None:
        if self.text() != self._value:
            self.committed.emit(self.text())

    def revert(self) -> None:
        self.blockSignals(True)
        self.setText(self._value)
        self.blockSignals(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.text() != self._value:
            self.revert()
            return
        super().keyPressEvent(event)


class CommitTextEdit(QPlainTextEdit):
    """Multi-line plain text that emits ``committed(str)`` on focus-out or Ctrl+Return."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self._value = ""
        self.setTabChangesFocus(True)
        # A fixed height for ``lines`` lines: a form of several of these stays compact, and
        # longer text scrolls inside the field.
        margins = self.contentsMargins()
        height = (self.fontMetrics().lineSpacing() * lines + 2 * self.document().documentMargin()
                  + margins.top() + margins.bottom() + 2)
        self.setFixedHeight(int(height))

    def set_value(self, text: str | None) -> None:
        """Show the model's ``text``; an edit in progress is kept unless the model's value
        itself changed."""
        new = text or ""
        editing = self.toPlainText() != self._value
        changed = new != self._value
        self._value = new
        if (changed or not editing) and self.toPlainText() != new:
            self.blockSignals(True)
            self.setPlainText(new)
            self.blockSignals(False)

    def value(self) -> str:
        return self._value

    def commit(self) -> None:
        if self.toPlainText() != self._value:
            self.committed.emit(self.toPlainText())

    def revert(self) -> None:
        if self.toPlainText() != self._value:
            self.blockSignals(True)
            self.setPlainText(self._value)
            self.blockSignals(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        # The context menu takes focus for a moment; the user is still editing.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.commit()
            return
        super().keyPressEvent(event)


class ValueCombo(QComboBox):
    """A combo of ``(value, label)`` choices that emits ``committed(value)`` when the user
    picks one. Editable combos also accept a typed value (``committed(str)`` of it, or
    ``None`` for an empty text): the format's free kinds."""

    committed = Signal(object)

    def __init__(self, choices: Iterable[tuple[Any, str]] = (), editable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: Any = None
        self.setEditable(editable)
        if editable:
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            line_edit = self.lineEdit()
            line_edit.editingFinished.connect(self._typed)
        self.activated.connect(self._picked)
        self.set_choices(choices)

    def set_choices(self, choices: Iterable[tuple[Any, str]]) -> None:
        self.blockSignals(True)
        self.clear()
        for value, label in choices:
            self.addItem(label, value)
        self.blockSignals(False)
        self.set_value(self._value)

    def set_value(self, value: Any) -> None:
        self._value = value
        self.blockSignals(True)
        index = next((i for i in range(self.count()) if self.itemData(i) == value), -1)
        self.setCurrentIndex(index)
        if index < 0 and self.isEditable():
            self.setEditText(str(value) if value is not None else "")
        self.blockSignals(False)

    def value(self) -> Any:
        return self._value

    def current_value(self) -> Any:
        """What the combo shows now, as a value."""
        if self.isEditable():
            text = self.currentText().strip()
            for i in range(self.count()):
                if self.itemText(i) == text:
                    return self.itemData(i)
            return text or None
        return self.currentData()

    def _picked(self, index: int) -> None:
        self._emit_if_changed(self.itemData(index))

    def _typed(self) -> None:
        self._emit_if_changed(self.current_value())

    def _emit_if_changed(self, value: Any) -> None:
        if value != self._value:
            self.committed.emit(value)

    def commit(self) -> None:
        self._emit_if_changed(self.current_value())

    def revert(self) -> None:
        self.set_value(self._value)


def section_title(text: str, parent: QWidget | None = None) -> QLabel:
    """A bold heading inside a form."""
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label

