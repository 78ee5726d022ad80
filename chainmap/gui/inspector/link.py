"""The inspector's page for one link: kind, label, cross-region flows, note."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.model import ChainMap, Flow
from chainmap.core.vocabulary import EDGE_KINDS

from ..commands import ChangeItemsCommand
from ..labels import EDGE_KIND_LABELS, bilingual
from ..parsing import optional_text
from ..widgets import CommitLineEdit, CommitTextEdit, ValueCombo, color_icon, section_title
from .base import InspectorPage


class FlowTable(QTableWidget):
    """From region, to region and note of each flow; the regions are combos in the cells.

    The owner connects ``flows_edited`` (the whole new list, and the command text)."""

    def __init__(self, page: LinkPage, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self._page = page
        self._value: list[Flow] = []
        self._regions: list[tuple[str, str, str | None]] = []
        self.setHorizontalHeaderLabels([QCoreApplication.translate("inspector", "From"), QCoreApplication.translate("inspector", "To"), QCoreApplication.translate("inspector", "Remark")])
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.itemChanged.connect(self._note_changed)

    def set_flows(self, chain_map: ChainMap, flows: list[Flow]) -> None:
        regions = [(r.code, r.name, r.color) for r in chain_map.regions]
        rebuild = regions != self._regions or len(flows) != self.rowCount()
        self._regions = regions
        self._value = copy.deepcopy(flows)
        self.blockSignals(True)
        if rebuild:
            self.setRowCount(0)
            self.setRowCount(len(flows))
        for row, flow in enumerate(flows):
            for column, code in ((0, flow.source), (1, flow.target)):
                combo = self.cellWidget(row, column)
                if not isinstance(combo, ValueCombo):
                    combo = ValueCombo([(c, f"{name} {c}") for c, name, _ in regions], parent=self)
                    for i, (_, _, color) in enumerate(regions):
                        combo.setItemIcon(i, color_icon(color))
                    combo.committed.connect(
                        lambda value, r=row, c=column: self._region_changed(r, c, value)
                    )
                    self.setCellWidget(row, column, combo)
                combo.set_value(code)
            item = self.item(row, 2)
            if item is None:
                self.setItem(row, 2, QTableWidgetItem(flow.note or ""))
            elif item.text() != (flow.note or ""):
                item.setText(flow.note or "")
        self.blockSignals(False)
        rows = min(max(len(flows), 2), 6)
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height + 2 * self.frameWidth() + 4)

    def _region_changed(self, row: int, column: int, code: str) -> None:
        flows = copy.deepcopy(self._value)
        field = "source" if column == 0 else "target"
        changes: dict[str, Any] = {field: code}
        flows[row] = dataclasses.replace(flows[row], **changes)
        self._page.set_flows(flows, QCoreApplication.translate("inspector", "Edit flows of {link}"))

    def _note_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 2 or item.row() >= len(self._value):
            return
        flows = copy.deepcopy(self._value)
        flows[item.row()] = dataclasses.replace(flows[item.row()], note=optional_text(item.text()))
        self._page.set_flows(flows, QCoreApplication.translate("inspector", "Edit flows of {link}"))

    def add_flow(self) -> None:
        codes = [code for code, _, _ in self._regions]
        if len(codes) < 2:
            return
        self._page.set_flows([*copy.deepcopy(self._value), Flow(codes[0], codes[1])], QCoreApplication.translate("inspector", "Add flow to {link}"))

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.selectionModel().selectedRows()}
        if not rows and self.currentRow() >= 0:
            rows = {self.currentRow()}
        if rows:
            flows = [f for i, f in enumerate(copy.deepcopy(self._value)) if i not in rows]
            self._page.set_flows(flows, QCoreApplication.translate("inspector", "Remove flow from {link}"))


class LinkPage(InspectorPage):
    """A link's ends (shown), kind, label, flows and note (edited)."""

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(report, parent)
        self.ends = QLabel(self)
        self.ends.setWordWrap(True)
        self.kind = ValueCombo([(k, bilingual(EDGE_KIND_LABELS, k)) for k in EDGE_KINDS], editable=True,
                               parent=self)
        self.label = CommitLineEdit(self)
        self.label.setPlaceholderText(QCoreApplication.translate("inspector", "e.g. battery cells"))
        self.flows = FlowTable(self, self)
        self.add_flow_button = QPushButton(QCoreApplication.translate("inspector", "Add flow"), self)
        self.remove_flow_button = QPushButton(QCoreApplication.translate("inspector", "Remove"), self)
        self.add_flow_button.clicked.connect(self.flows.add_flow)
        self.remove_flow_button.clicked.connect(self.flows.remove_selected)
        self.note = CommitTextEdit(self, lines=3)

        self.kind.committed.connect(lambda v: self._set(kind=None if v == "supply" else v))
        self.label.committed.connect(lambda t: self._set(label=optional_text(t)))
        self.note.committed.connect(lambda t: self._set(note=optional_text(t)))

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(QCoreApplication.translate("inspector", "Upstream → downstream"), self.ends)
        form.addRow(QCoreApplication.translate("inspector", "Kind"), self.kind)
        form.addRow(QCoreApplication.translate("inspector", "Label"), self.label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_flow_button)
        buttons.addWidget(self.remove_flow_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(QCoreApplication.translate("inspector", "Link"), self))
        layout.addLayout(form)
        layout.addWidget(section_title(QCoreApplication.translate("inspector", "Cross-region flows"), self))
        layout.addWidget(self.flows)
        layout.addLayout(buttons)
        layout.addWidget(section_title(QCoreApplication.translate("inspector", "Remark"), self))
        layout.addWidget(self.note)
        layout.addStretch(1)

    @property
    def edge_id(self) -> str:
        return self.refs[0][1]

    def _link_name(self) -> str:
        assert self.document is not None
        chain_map = self.document.chain_map
        edge = chain_map.edge(self.edge_id)
        return f"{chain_map.node(edge.source).name} → {chain_map.node(edge.target).name}"

    def load(self) -> None:
        assert self.document is not None
        chain_map = self.document.chain_map
        if not self.refs or not chain_map.has_edge(self.edge_id):
            return
        edge = chain_map.edge(self.edge_id)
        self.ends.setText(self._link_name())
        self.kind.set_value(edge.effective_kind)
        self.label.set_value(edge.label)
        self.flows.set_flows(chain_map, edge.flows)
        self.add_flow_button.setEnabled(len(chain_map.regions) >= 2)
        self.note.set_value(edge.note)

    def _set(self, **values: Any) -> None:
        self._push(values, QCoreApplication.translate("inspector", "Edit link {link}"))

    def set_flows(self, flows: list[Flow], text: str) -> None:
        self._push({"flows": flows}, text)

    def _push(self, values: dict[str, Any], text: str) -> None:
        assert self.document is not None
        chain_map = self.document.chain_map
        if self.reshow_if_unchanged(chain_map.edge(self.edge_id), values):
            return
        text = text.format(link=self._link_name())
        self.push(lambda: ChangeItemsCommand(chain_map, [("edge", self.edge_id, values)], text))
