"""The inspector's page for one segment (环节): its own fields, and a tab per region."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFormLayout, QTabWidget, QVBoxLayout, QWidget

from chainmap.core.model import ChainMap, Node, RegionEntry
from chainmap.core.vocabulary import NODE_KINDS, STATUS_LABELS

from ..commands import ChangeItemsCommand, change_node
from ..labels import NODE_KIND_LABELS, bilingual
from ..parsing import join_list, optional_text, parse_list
from ..widgets import CommitLineEdit, CommitTextEdit, ValueCombo, color_icon, section_title
from .base import InspectorPage
from .parent_chooser import ParentChooser
from .region import RegionEntryEditor

_ENTRY_TEXTS = {
    "status": QT_TRANSLATE_NOOP("inspector", "Set {region} status of {name}"),
    "enterprises-add": QT_TRANSLATE_NOOP("inspector", "Add {region} enterprise to {name}"),
    "enterprises-edit": QT_TRANSLATE_NOOP("inspector", "Edit {region} enterprises of {name}"),
    "enterprises-remove": QT_TRANSLATE_NOOP("inspector", "Remove {region} enterprise from {name}"),
    "plan-add": QT_TRANSLATE_NOOP("inspector", "Add {region} plan to {name}"),
    "plan": QT_TRANSLATE_NOOP("inspector", "Edit {region} plan of {name}"),
    "plan-remove": QT_TRANSLATE_NOOP("inspector", "Remove {region} plan from {name}"),
    "note": QT_TRANSLATE_NOOP("inspector", "Edit {region} note of {name}"),
}


def regions_with(chain_map: ChainMap, node: Node, code: str, entry: RegionEntry | None) -> dict:
    """``node.regions`` with ``code``'s entry replaced (``None`` removes it). A new entry
    goes at its region's place in the map's order, so files list regions consistently."""
    regions = copy.deepcopy(node.regions)
    if entry is None:
        regions.pop(code, None)
        return regions
    if code in regions:
        regions[code] = entry
        return regions
    regions[code] = entry
    order = {c: i for i, c in enumerate(chain_map.region_codes())}
    return dict(sorted(regions.items(), key=lambda item: order.get(item[0], len(order))))


class SegmentPage(InspectorPage):
    """Name, aliases, kind, tier, parent, tags, description, and per region its facts."""

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(report, parent)
        self.name = CommitLineEdit(self)
        self.aliases = CommitLineEdit(self)
        self.aliases.setPlaceholderText(QCoreApplication.translate("inspector", "other names, comma-separated"))
        self.kind = ValueCombo([(k, bilingual(NODE_KIND_LABELS, k)) for k in NODE_KINDS], editable=True,
                               parent=self)
        self.kind.lineEdit().setPlaceholderText(QCoreApplication.translate("inspector", "material, component, product, service or other"))
        self.tier = ValueCombo(parent=self)
        self.parent_node = ParentChooser(self)
        self.tags = CommitLineEdit(self)
        self.tags.setPlaceholderText(QCoreApplication.translate("inspector", "separated by commas"))
        self.description = CommitTextEdit(self, lines=3)

        self.name.committed.connect(lambda t: self._set(name=t.strip()))
        self.aliases.committed.connect(lambda t: self._set(aliases=parse_list(t)))
        self.kind.committed.connect(lambda v: self._set(kind=v))
        self.tier.committed.connect(lambda v: self._set(tier=v))
        self.parent_node.committed.connect(lambda v: self._set(parent=v))
        self.tags.committed.connect(lambda t: self._set(tags=parse_list(t)))
        self.description.committed.connect(lambda t: self._set(description=optional_text(t)))

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(QCoreApplication.translate("inspector", "Name"), self.name)
        form.addRow(QCoreApplication.translate("inspector", "Aliases"), self.aliases)
        form.addRow(QCoreApplication.translate("inspector", "Kind"), self.kind)
        form.addRow(QCoreApplication.translate("inspector", "Tier"), self.tier)
        form.addRow(QCoreApplication.translate("inspector", "Parent"), self.parent_node)
        form.addRow(QCoreApplication.translate("inspector", "Tags"), self.tags)
        form.addRow(QCoreApplication.translate("inspector", "Description"), self.description)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.region_editors: dict[str, RegionEntryEditor] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(QCoreApplication.translate("inspector", "Segment"), self))
        layout.addLayout(form)
        layout.addWidget(section_title(QCoreApplication.translate("inspector", "By region"), self))
        layout.addWidget(self.tabs)
        layout.addStretch(1)

    @property
    def node_id(self) -> str:
        return self.refs[0][1]

    # --------------------------------------------------------------- showing
    def load(self) -> None:
        assert self.document is not None
        chain_map = self.document.chain_map
        if not self.refs or not chain_map.has_node(self.node_id):
            return
        node = chain_map.node(self.node_id)
        self.name.set_value(node.name)
        self.aliases.set_value(join_list(node.aliases))
        self.kind.set_value(node.kind)
        self.tier.set_choices([(t.id, t.name) for t in chain_map.tiers])
        self.tier.set_value(node.tier)
        self.parent_node.show_parent(chain_map, node.id)  # every segment listed once it is opened
        self.tags.set_value(join_list(node.tags))
        self.description.set_value(node.description)
        self._load_regions(chain_map, node)

    def _load_regions(self, chain_map: ChainMap, node: Node) -> None:
        codes = chain_map.region_codes()
        if list(self.region_editors) != codes:
            current = self.tabs.currentIndex()
            self.tabs.clear()
            for editor in self.region_editors.values():
                editor.deleteLater()
            self.region_editors = {}
            for code in codes:
                editor = RegionEntryEditor(code, self.tabs)
                editor.edited.connect(self._entry_edited)
                self.region_editors[code] = editor
                self.tabs.addTab(editor, code)
            self.tabs.setCurrentIndex(max(0, min(current, len(codes) - 1)))
        for index, region in enumerate(chain_map.regions):
            entry = node.regions.get(region.code)
            status = STATUS_LABELS[entry.status][0] if entry is not None else "—"
            self.tabs.setTabText(index, f"{region.name} · {status}")
            self.tabs.setTabIcon(index, color_icon(region.color))
            if region.color:
                self.tabs.tabBar().setTabTextColor(index, QColor(region.color).darker(120))
            self.tabs.setTabToolTip(index, region.code)
            self.region_editors[region.code].set_entry(entry)

    # --------------------------------------------------------------- editing
    def _set(self, **values: Any) -> None:
        assert self.document is not None
        chain_map = self.document.chain_map
        if self.reshow_if_unchanged(chain_map.node(self.node_id), values):
            return
        self.push(lambda: change_node(chain_map, self.node_id, **values))

    def _entry_edited(self, code: str, entry: RegionEntry | None, what: str) -> None:
        assert self.document is not None
        chain_map = self.document.chain_map
        node = chain_map.node(self.node_id)
        if node.regions.get(code) == entry:
            return
        text = QCoreApplication.translate("inspector", str(_ENTRY_TEXTS[what])).format(region=chain_map.region(code).name, name=node.name)
        regions = regions_with(chain_map, node, code, entry)
        self.push(lambda: ChangeItemsCommand(chain_map, [("node", self.node_id, {"regions": regions})], text))
