"""The map-properties dialog: title, chain, lead, owner, regions and tiers.

Changes apply to the map at once, so the canvas previews them and the model's own
refusals (a region still in use, a tier that still holds segments) show in the dialog
with the model's reason. They are not on the undo stack while the dialog is open: OK takes
them back and pushes them again as ONE undo step, "Edit map properties"; Cancel (or
Escape, or closing the window) takes them back, leaving the model as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.ids import new_id
from chainmap.core.model import ModelError, Region, Tier

from ..commands import (
    AddRegionCommand,
    AddTierCommand,
    ChangeItemsCommand,
    MacroCommand,
    ModelCommand,
    MoveTierCommand,
    RemoveRegionCommand,
    RemoveTierCommand,
)
from ..document import Document
from ..widgets import CommitLineEdit, ErrorLabel, ValueCombo, color_icon


class MapPropertiesDialog(QDialog):
    """Edit a map's title, chain, lead, owner, regions and tiers (see the module docstring
    for how the changes reach the undo stack). ``MapPropertiesDialog(document, parent)``.

    The buttons open small dialogs; the methods they call (:meth:`set_field`,
    :meth:`add_region`, :meth:`rename_region`, :meth:`recolor_region`,
    :meth:`remove_region`, :meth:`add_tier`, :meth:`rename_tier`, :meth:`move_tier`,
    :meth:`remove_tier`) are public and return whether the model accepted the change.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("properties", "Map properties"))
        self.document = document
        self.chain_map = document.chain_map
        self._done: list[ModelCommand] = []

        self.error_label = ErrorLabel(self)
        self.title_edit = CommitLineEdit(self)
        self.chain_edit = CommitLineEdit(self)
        self.lead_combo = ValueCombo(parent=self)
        self.owner_combo = ValueCombo(parent=self)
        self.title_edit.committed.connect(lambda t: self.set_field("title", t.strip()))
        self.chain_edit.committed.connect(lambda t: self.set_field("chain", t.strip()))
        self.lead_combo.committed.connect(lambda v: self.set_field("lead", v))
        self.owner_combo.committed.connect(lambda v: self.set_field("owner", v))
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("properties", "Title"), self.title_edit)
        form.addRow(QCoreApplication.translate("properties", "Chain"), self.chain_edit)
        form.addRow(QCoreApplication.translate("properties", "Lead region"), self.lead_combo)
        form.addRow(QCoreApplication.translate("properties", "Owner region"), self.owner_combo)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        lists = QHBoxLayout()
        lists.addWidget(self._build_regions(), 3)
        lists.addWidget(self._build_tiers(), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lists)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(720, 440)
        self._load()

    # --------------------------------------------------------------- building
    def _build_regions(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("properties", "Regions"), self)
        self.regions_table = QTableWidget(0, 3, box)
        self.regions_table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("properties", "Code"), QCoreApplication.translate("properties", "Name"), QCoreApplication.translate("properties", "Colour")]
        )
        self.regions_table.verticalHeader().hide()
        self.regions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.regions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.regions_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.regions_table.horizontalHeader().setStretchLastSection(True)
        self.regions_table.itemChanged.connect(self._region_item_changed)
        self.regions_table.cellDoubleClicked.connect(
            lambda row, column: self._choose_color() if column == 2 else None
        )
        add = QPushButton(QCoreApplication.translate("properties", "Add…"), box)
        color = QPushButton(QCoreApplication.translate("properties", "Colour…"), box)
        remove = QPushButton(QCoreApplication.translate("properties", "Remove"), box)
        add.clicked.connect(self._ask_new_region)
        color.clicked.connect(self._choose_color)
        remove.clicked.connect(lambda: self.remove_region(self._current_region() or ""))
        buttons = QHBoxLayout()
        for button in (add, color, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.regions_table)
        layout.addLayout(buttons)
        return box

    def _build_tiers(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("properties", "Tiers (upstream → downstream)"), self)
        self.tiers_list = QListWidget(box)
        self.tiers_list.itemChanged.connect(self._tier_item_changed)
        add = QPushButton(QCoreApplication.translate("properties", "Add"), box)
        up = QPushButton(QCoreApplication.translate("properties", "↑ Up"), box)
        down = QPushButton(QCoreApplication.translate("properties", "↓ Down"), box)
        remove = QPushButton(QCoreApplication.translate("properties", "Remove"), box)
        add.clicked.connect(self._add_tier_and_edit)
        up.clicked.connect(lambda: self.move_tier(self._current_tier() or "", -1))
        down.clicked.connect(lambda: self.move_tier(self._current_tier() or "", 1))
        remove.clicked.connect(lambda: self.remove_tier(self._current_tier() or ""))
        buttons = QHBoxLayout()
        for button in (add, up, down, remove):
            buttons.addWidget(button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.tiers_list)
        layout.addLayout(buttons)
        return box

    # ---------------------------------------------------------------- showing
    def _load(self) -> None:
        m = self.chain_map
        self.title_edit.set_value(m.title)
        self.chain_edit.set_value(m.chain)
        choices = [(None, QCoreApplication.translate("properties", "— none")), *((r.code, f"{r.name} {r.code}") for r in m.regions)]
        for combo, value in ((self.lead_combo, m.lead), (self.owner_combo, m.owner)):
            combo.set_choices(choices)
            combo.set_value(value)
        current_region = self._current_region()
        self.regions_table.blockSignals(True)
        self.regions_table.setRowCount(len(m.regions))
        for row, region in enumerate(m.regions):
            code = QTableWidgetItem(region.code)
            code.setFlags(code.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name = QTableWidgetItem(region.name)
            color = QTableWidgetItem(color_icon(region.color, 14), region.color or "—")
            color.setFlags(color.flags() & ~Qt.ItemFlag.ItemIsEditable)
            color.setToolTip(QCoreApplication.translate("properties", "Double-click to choose a colour"))
            for column, item in enumerate((code, name, color)):
                item.setData(Qt.ItemDataRole.UserRole, region.code)
                self.regions_table.setItem(row, column, item)
            if region.code == current_region:
                self.regions_table.selectRow(row)
        self.regions_table.blockSignals(False)
        current_tier = self._current_tier()
        self.tiers_list.blockSignals(True)
        self.tiers_list.clear()
        for tier in m.tiers:
            tier_item = QListWidgetItem(tier.name, self.tiers_list)
            tier_item.setData(Qt.ItemDataRole.UserRole, tier.id)
            tier_item.setFlags(tier_item.flags() | Qt.ItemFlag.ItemIsEditable)
            if tier.id == current_tier:
                self.tiers_list.setCurrentItem(tier_item)
        self.tiers_list.blockSignals(False)

    def _current_region(self) -> str | None:
        item = self.regions_table.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _current_tier(self) -> str | None:
        item = self.tiers_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # --------------------------------------------------------------- applying
    def _apply(self, make: Callable[[], ModelCommand]) -> bool:
        try:
            command = make()
            command.apply()
        except (ModelError, KeyError) as exc:
            self.error_label.show_error(str(exc).strip("'\""))
            self.title_edit.revert()
            self.chain_edit.revert()
            self._load()
            return False
        self._done.append(command)
        self.error_label.show_error(None)
        self._load()
        return True

    def changes(self) -> int:
        """How many changes are applied so far (taken back by Cancel)."""
        return len(self._done)

    def set_field(self, key: str, value: str | None) -> bool:
        """Set ``title``, ``chain``, ``lead`` or ``owner``."""
        if getattr(self.chain_map, key) == value:
            return True
        text = QCoreApplication.translate("properties", "Edit map properties")
        return self._apply(lambda: ChangeItemsCommand(self.chain_map, [("map", "", {key: value})], text))

    def add_region(self, code: str, name: str, color: str | None = None) -> bool:
        return self._apply(lambda: AddRegionCommand(self.chain_map, Region(code.strip(), name.strip(), color)))

    def rename_region(self, code: str, name: str) -> bool:
        text = QCoreApplication.translate("properties", "Rename region {code}").format(code=code)
        return self._apply(lambda: ChangeItemsCommand(self.chain_map, [("region", code, {"name": name.strip()})], text))

    def recolor_region(self, code: str, color: str | None) -> bool:
        text = QCoreApplication.translate("properties", "Recolour region {code}").format(code=code)
        return self._apply(lambda: ChangeItemsCommand(self.chain_map, [("region", code, {"color": color})], text))

    def remove_region(self, code: str) -> bool:
        return self._apply(lambda: RemoveRegionCommand(self.chain_map, code))

    def add_tier(self, name: str) -> str | None:
        """Add a tier downstream of the others; returns its id (``None`` if refused)."""
        tier = Tier(new_id("t"), name.strip())
        return tier.id if self._apply(lambda: AddTierCommand(self.chain_map, tier)) else None

    def rename_tier(self, tier_id: str, name: str) -> bool:
        text = QCoreApplication.translate("properties", "Rename tier")
        return self._apply(lambda: ChangeItemsCommand(self.chain_map, [("tier", tier_id, {"name": name.strip()})], text))

    def move_tier(self, tier_id: str, delta: int) -> bool:
        """Move a tier ``delta`` places downstream (negative: upstream)."""
        if not self.chain_map.has_tier(tier_id):
            return False
        index = self.chain_map.tier_index(tier_id) + delta
        if not 0 <= index < len(self.chain_map.tiers):
            return False
        return self._apply(lambda: MoveTierCommand(self.chain_map, tier_id, index))

    def remove_tier(self, tier_id: str) -> bool:
        return self._apply(lambda: RemoveTierCommand(self.chain_map, tier_id))

    # ------------------------------------------------------------ interaction
    def _region_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 1:
            self.rename_region(item.data(Qt.ItemDataRole.UserRole), item.text())

    def _tier_item_changed(self, item: QListWidgetItem) -> None:
        self.rename_tier(item.data(Qt.ItemDataRole.UserRole), item.text())

    def _add_tier_and_edit(self) -> None:
        tier_id = self.add_tier(QCoreApplication.translate("properties", "New tier"))
        for row in range(self.tiers_list.count()):
            item = self.tiers_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == tier_id:
                self.tiers_list.setCurrentItem(item)
                self.tiers_list.editItem(item)

    def _choose_color(self) -> None:
        code = self._current_region()
        if code is None:
            return
        old = self.chain_map.region(code).color
        color = QColorDialog.getColor(QColor(old or "#888888"), self, QCoreApplication.translate("properties", "Region colour"))
        if color.isValid():
            self.recolor_region(code, color.name().upper())

    def _ask_new_region(self) -> None:
        dialog = NewRegionDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_region(*dialog.values())
        dialog.deleteLater()

    # ---------------------------------------------------------------- closing
    def _take_back(self) -> list[ModelCommand]:
        done, self._done = self._done, []
        for command in reversed(done):
            command.revert()
        return done

    def accept(self) -> None:
        """Take the live changes back and push them again as one undo step."""
        for editor in (self.title_edit, self.chain_edit):
            editor.commit()
        done = self._take_back()
        if done:
            macro = MacroCommand(self.chain_map, QCoreApplication.translate("properties", "Edit map properties"))
            macro.parts.extend(done)
            self.document.push(macro)
        super().accept()

    def reject(self) -> None:
        """Take every change back: the model is as it was when the dialog opened."""
        self._take_back()
        super().reject()


class NewRegionDialog(QDialog):
    """Code, name and colour of a region to add."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("properties", "Add region"))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("CN-SD")
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(QCoreApplication.translate("properties", "Shandong"))
        self.color = "#7E57C2"
        self.color_button = QPushButton(self)
        self.color_button.clicked.connect(self._choose_color)
        self._show_color()
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("properties", "Code"), self.code)
        form.addRow(QCoreApplication.translate("properties", "Name"), self.name)
        form.addRow(QCoreApplication.translate("properties", "Colour"), self.color_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _show_color(self) -> None:
        self.color_button.setIcon(color_icon(self.color, 14))
        self.color_button.setText(self.color)

    def _choose_color(self) -> None:
        color = QColorDialog.getColor(QColor(self.color), self, QCoreApplication.translate("properties", "Region colour"))
        if color.isValid():
            self.color = color.name().upper()
            self._show_color()

    def values(self) -> tuple[str, str, str]:
        return self.code.text().strip().upper(), self.name.text(), self.color
