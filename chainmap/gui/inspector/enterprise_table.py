"""The table of one region's key enterprises in one segment, for the inspector.

The table never changes the model itself: it emits the whole new list of enterprises
(``committed(list, action)``) and the region editor turns that into one undo command.
When the model changes, :meth:`EnterpriseTable.set_enterprises` shows its list again.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.model import Enterprise
from chainmap.core.vocabulary import MARK_LABELS

from ..parsing import marks_text, optional_text, parse_marks, uscc_problem
from ..widgets import ERROR_COLOR

# Columns: (field, header); the header is translated when shown.
COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("inspector", "Name")),
    ("marks", QT_TRANSLATE_NOOP("inspector", "Marks")),
    ("city", QT_TRANSLATE_NOOP("inspector", "City")),
    ("uscc", QT_TRANSLATE_NOOP("inspector", "USCC")),
    ("note", QT_TRANSLATE_NOOP("inspector", "Remark")),
)
ADD, EDIT, REMOVE = "add", "edit", "remove"


def _marks_tooltip() -> str:
    known = "\n".join(f"{zh} / {en} ({mark})" for mark, (zh, en) in MARK_LABELS.items())
    return QCoreApplication.translate("inspector", "Separate marks with commas. Known marks:\n{known}\nOther words are kept as custom marks.").format(
        known=known
    )


class EnterpriseTable(QWidget):
    """Name, marks, city, credit code and note of each enterprise, with add and remove.

    Signals: ``committed(list[Enterprise], str)``: the new list and what happened
    (``"add"``, ``"edit"`` or ``"remove"``).
    """

    committed = Signal(list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: list[Enterprise] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("inspector", str(header)) for _, header in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(48)
        self.table.horizontalHeaderItem(1).setToolTip(_marks_tooltip())
        self.table.itemChanged.connect(self._item_changed)

        self.add_button = QPushButton(QCoreApplication.translate("inspector", "Add enterprise"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("inspector", "Remove"), self)
        self.add_button.clicked.connect(self.add_enterprise)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._update_buttons()
        self._fit_height()

    # --------------------------------------------------------------- showing
    def set_enterprises(self, enterprises: list[Enterprise]) -> None:
        """Show ``enterprises`` (the model's list); edits in progress are dropped."""
        self._value = copy.deepcopy(enterprises)
        self.table.blockSignals(True)
        # Update cells in place where possible: this may run while the table is still
        # inside its own itemChanged, and replacing that item then would free it.
        self.table.setRowCount(len(enterprises))
        for row, enterprise in enumerate(enterprises):
            for column, (field, _) in enumerate(COLUMNS):
                self._set_cell(row, column, self._cell_text(enterprise, field))
            self._mark_uscc(row, enterprise.uscc)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        # Keep the first columns narrow enough for a docked inspector; the full text is in
        # the cell's editor and tooltip.
        for column, limit in enumerate((150, 90, 70, 90)):
            if self.table.columnWidth(column) > limit:
                self.table.setColumnWidth(column, limit)
        self._update_buttons()
        self._fit_height()

    def enterprises(self) -> list[Enterprise]:
        return copy.deepcopy(self._value)

    @staticmethod
    def _cell_text(enterprise: Enterprise, field: str) -> str:
        if field == "marks":
            return marks_text(enterprise.marks)
        return getattr(enterprise, field) or ""

    def _set_cell(self, row: int, column: int, text: str) -> None:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem(text)
            self.table.setItem(row, column, item)
        elif item.text() != text:
            item.setText(text)
        if column == 1:
            item.setToolTip(_marks_tooltip())
        elif column != 3:  # the credit code's tooltip says whether it looks right
            item.setToolTip(text)

    def _mark_uscc(self, row: int, code: str | None) -> None:
        item = self.table.item(row, 3)
        problem = uscc_problem(code)
        item.setToolTip(problem or QCoreApplication.translate("inspector", "Unified social credit code (USCC), 18 characters"))
        item.setForeground(QBrush(QColor(ERROR_COLOR)) if problem else QBrush())

    def _fit_height(self) -> None:
        # Tall enough for every row up to eight, so the inspector scrolls, not the table.
        rows = min(max(self.table.rowCount(), 2), 8)
        row_height = self.table.verticalHeader().defaultSectionSize()
        height = self.table.horizontalHeader().sizeHint().height() + rows * row_height
        # Room for the horizontal scroll bar, which a narrow dock usually needs.
        height += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    # --------------------------------------------------------------- editing
    def _item_changed(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        if row >= len(self._value):
            return
        field = COLUMNS[column][0]
        text = item.text()
        enterprises = copy.deepcopy(self._value)
        old = enterprises[row]
        if field == "name":
            value: object = text.strip()
        elif field == "marks":
            value = parse_marks(text)
        else:
            value = optional_text(text)
        if getattr(old, field) == value:
            # Only the spelling changed (e.g. "chain-leader" for 链主): show it as usual.
            self.table.blockSignals(True)
            item.setText(self._cell_text(old, field))
            self.table.blockSignals(False)
            return
        changes: dict[str, Any] = {field: value}
        enterprises[row] = dataclasses.replace(old, **changes)
        self.committed.emit(enterprises, EDIT)

    def add_enterprise(self) -> None:
        """Add an enterprise named "New enterprise" and start editing its name."""
        count = len(self._value)
        enterprises = [*copy.deepcopy(self._value), Enterprise(name=QCoreApplication.translate("inspector", "New enterprise"))]
        self.committed.emit(enterprises, ADD)
        if self.table.rowCount() > count:
            item = self.table.item(count, 0)
            if item is not None:
                self.table.setCurrentItem(item)
                self.table.editItem(item)

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows:
            return
        enterprises = [e for i, e in enumerate(copy.deepcopy(self._value)) if i not in rows]
        self.committed.emit(enterprises, REMOVE)
