"""The segment page's parent chooser: every segment of the map may be offered, so its list is
made only when the user opens it (or steps through it with the keys or the wheel).

Showing a selected segment then costs the same on a 20,000-segment map as on a small one:
the closed combo holds "— none" and the current parent only. The list, once made, is a plain
list of names held by Qt (:class:`NameList`), not one combo entry per segment: the popup
measures every name, and a Python model answering for each took a quarter of a second at
20,000.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QListView, QWidget

from chainmap.core.model import ChainMap


class NameList(QStringListModel):
    """``(value, label)`` rows: the labels held by Qt (so showing and measuring 20,000 of them
    calls no Python per row), the values beside them (:meth:`value_at`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[Any] = []

    def set_rows(self, rows: list[tuple[Any, str]]) -> None:
        self.values = [value for value, _label in rows]
        self.setStringList([label for _value, label in rows])

    def value_at(self, row: int) -> Any:
        return self.values[row] if 0 <= row < len(self.values) else None


class ParentChooser(QComboBox):
    """The parent of one segment: "— none" or any segment that is neither it nor below it.

    :meth:`show_parent` shows a segment's parent without listing the map; the full list is
    made on the first :meth:`showPopup`, key press or wheel turn after it (:meth:`fill`).
    Emits ``committed(parent id or None)`` when the user picks another parent; offers
    ``value``, ``commit`` and ``revert`` like the other inspector fields."""

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = NameList(self)
        view = QListView(self)
        view.setUniformItemSizes(True)  # the popup measures one row, not 20,000
        self.setView(view)
        self.setModel(self.names)
        # Not sized to the longest name: that would measure every name of the map.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.setMaxVisibleItems(20)
        self._chain_map: ChainMap | None = None
        self._node_id: str | None = None
        self._value: str | None = None
        self._full = False
        self.activated.connect(self._picked)

    @staticmethod
    def _none_label() -> str:
        return QCoreApplication.translate("inspector", "— none")

    def show_parent(self, chain_map: ChainMap, node_id: str) -> None:
        """Show ``node_id``'s parent (the list of choices is made when it is opened)."""
        self._chain_map, self._node_id = chain_map, node_id
        self._value = chain_map.node(node_id).parent
        rows: list[tuple[Any, str]] = [(None, self._none_label())]
        if self._value is not None and chain_map.has_node(self._value):
            rows.append((self._value, chain_map.node(self._value).name))
        self._full = False
        self._show_rows(rows)

    @property
    def filled(self) -> bool:
        """Whether every possible parent is listed now."""
        return self._full

    def fill(self) -> None:
        """List every segment that may be the parent (not the segment itself, not one below it)."""
        chain_map, node_id = self._chain_map, self._node_id
        if self._full or chain_map is None or node_id is None or not chain_map.has_node(node_id):
            return
        excluded = {node_id, *chain_map.descendants(node_id)}
        rows: list[tuple[Any, str]] = [(None, self._none_label())]
        rows.extend((n.id, n.name) for n in chain_map.nodes if n.id not in excluded)
        self._full = True
        self._show_rows(rows)

    def _show_rows(self, rows: list[tuple[Any, str]]) -> None:
        self.blockSignals(True)
        self.names.set_rows(rows)
        index = next((i for i, (value, _label) in enumerate(rows) if value == self._value), -1)
        self.setCurrentIndex(index)
        self.blockSignals(False)

    def value(self) -> str | None:
        return self._value

    def value_at(self, index: int) -> Any:
        """The value of the choice at ``index`` (a segment id, or None for no parent)."""
        return self.names.value_at(index)

    def revert(self) -> None:
        """Show the model's parent again (after a refused edit)."""
        if self._chain_map is not None and self._node_id is not None and self._chain_map.has_node(self._node_id):
            self.show_parent(self._chain_map, self._node_id)

    def commit(self) -> None:
        """Nothing is pending: a choice is committed when it is picked."""

    def _picked(self, index: int) -> None:
        value = self.names.value_at(index)
        if value != self._value:
            self.committed.emit(value)

    # ------------------------------------------------------ filled when used
    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self.fill()
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        self.fill()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        self.fill()
        super().wheelEvent(event)
