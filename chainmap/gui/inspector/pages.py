"""The inspector's smaller pages: the map summary (nothing selected), a note, a tier, and
several items at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from chainmap.core import analysis
from chainmap.core.model import Node, Region, RegionEntry

from ..commands import ChangeItemsCommand
from ..widgets import CommitLineEdit, CommitTextEdit, section_title
from .base import InspectorPage
from .region import NO_ENTRY, StatusCombo
from .segment import regions_with


def _region_name(chain_map: Any, code: str | None) -> str:
    if code is None:
        return QCoreApplication.translate("inspector", "— none")
    return f"{chain_map.region(code).name} {code}" if chain_map.has_region(code) else code


def gap_count(chain_map: Any, code: str | None) -> int:
    """How many gaps to fill :func:`chainmap.core.analysis.gaps_to_fill` lists (in region
    ``code``, or in every region), counted without listing them: the summary shows whenever
    nothing is selected, and listing 24,000 gaps of a 20,000-segment map took 80 ms."""
    codes = [code] if code is not None else chain_map.region_codes()
    statuses = analysis.GAP_STATUSES
    return sum(1 for node in chain_map.nodes for region in codes
               if (entry := node.regions.get(region)) is not None and entry.status in statuses)


class GapTally:
    """:func:`gap_count`, kept up to date from the map's events: counted once, then a status
    change adds or takes away its segment's gaps. Counting every segment after each edit took
    20-30 ms of the edit's own time at 100,000 segments (the summary shows whenever nothing is
    selected). Tell it every event of the map (:meth:`note`)."""

    def __init__(self) -> None:
        self._of: Any = None
        self._counts: dict[str, int] | None = None  # gaps to fill by region code

    def forget(self) -> None:
        """Count every segment again at the next :meth:`count`."""
        self._of = self._counts = None

    def count(self, chain_map: Any, code: str | None) -> int:
        """:func:`gap_count` of ``chain_map`` now."""
        counts = self._counts
        if counts is None or self._of is not chain_map:
            counts = self._counts = {}
            self._of = chain_map
            for node in chain_map.nodes:
                self._add(node.regions, 1)
        if code is not None:
            return counts.get(code, 0)
        return sum(counts.get(region, 0) for region in chain_map.region_codes())

    def note(self, args: tuple[Any, ...]) -> None:
        """The map emitted an event with ``args``."""
        if self._counts is None:
            return
        if len(args) == 2 and isinstance(args[0], Node):
            if isinstance(args[1], dict):
                regions = args[1].get("regions")
                if regions is not None:
                    self._add(regions[0], -1)
                    self._add(regions[1], 1)
                return
            self._add(args[0].regions, 1 if self._of.has_node(args[0].id) else -1)  # added or removed
            return
        if not args or (isinstance(args[0], Region) and len(args) == 2 and isinstance(args[1], dict)
                        and "code" in args[1]):
            self.forget()  # a reset, or a region's code changed

    def _add(self, regions: dict[str, RegionEntry], step: int) -> None:
        assert self._counts is not None
        statuses = analysis.GAP_STATUSES
        for code, entry in regions.items():
            if entry.status in statuses:
                self._counts[code] = self._counts.get(code, 0) + step


class SummaryPage(InspectorPage):
    """Title, chain, lead, owner and counts of the map, with a button for its properties.

    Signals: ``properties_requested()``."""

    properties_requested = Signal()

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(report, parent)
        self.gaps = GapTally()  # the inspector tells it the map's events
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for key, label in (
            ("chain", QT_TRANSLATE_NOOP("inspector", "Chain")), ("lead", QT_TRANSLATE_NOOP("inspector", "Chain leader")),
            ("owner", QT_TRANSLATE_NOOP("inspector", "Owner region")), ("regions", QT_TRANSLATE_NOOP("inspector", "Regions")),
            ("tiers", QT_TRANSLATE_NOOP("inspector", "Tiers")), ("nodes", QT_TRANSLATE_NOOP("inspector", "Segments")), ("edges", QT_TRANSLATE_NOOP("inspector", "Links")),
            ("notes", QT_TRANSLATE_NOOP("inspector", "Notes")), ("gaps", QT_TRANSLATE_NOOP("inspector", "Gaps to fill")), ("conflicts", QT_TRANSLATE_NOOP("inspector", "Conflicts")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            self.fields[key] = value
            form.addRow(QCoreApplication.translate("inspector", str(label)), value)
        self.properties_button = QPushButton(QCoreApplication.translate("inspector", "Map properties…"), self)
        self.properties_button.clicked.connect(self.properties_requested)
        hint = QLabel(QCoreApplication.translate("inspector", "Select a segment, link or note on the map to edit it."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.properties_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(hint)
        layout.addStretch(1)

    def load(self) -> None:
        assert self.document is not None
        m = self.document.chain_map
        self.title.setText(m.title)
        values = {
            "chain": m.chain,
            "lead": _region_name(m, m.lead),
            "owner": _region_name(m, m.owner),
            "regions": "、".join(r.name for r in m.regions),
            "tiers": " → ".join(t.name for t in m.tiers),
            "nodes": str(len(m.nodes)),
            "edges": str(len(m.edges)),
            "notes": str(len(m.notes)),
            "gaps": str(self.gaps.count(m, self.document.view_region)),
            "conflicts": str(len(m.conflicts)),
        }
        for key, text in values.items():
            self.fields[key].setText(text)


class NotePage(InspectorPage):
    """A note's text (plain text, never HTML) and the segment it points at."""

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(report, parent)
        self.text = CommitTextEdit(self, lines=6)
        self.text.committed.connect(self._set_text)
        self.target = QLabel(self)
        self.target.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(QCoreApplication.translate("inspector", "Points at"), self.target)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(QCoreApplication.translate("inspector", "Note"), self))
        layout.addWidget(self.text)
        layout.addLayout(form)
        layout.addStretch(1)

    def load(self) -> None:
        assert self.document is not None
        chain_map = self.document.chain_map
        if not self.refs or not chain_map.has_note(self.refs[0][1]):
            return
        note = chain_map.note(self.refs[0][1])
        self.text.set_value(note.text)
        target = note.node
        self.target.setText(chain_map.node(target).name if target and chain_map.has_node(target) else "—")

    def _set_text(self, text: str) -> None:
        assert self.document is not None
        chain_map, note_id = self.document.chain_map, self.refs[0][1]
        self.push(lambda: ChangeItemsCommand(chain_map, [("note", note_id, {"text": text})], QCoreApplication.translate("inspector", "Edit note")))


class TierPage(InspectorPage):
    """A tier's name."""

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(report, parent)
        self.name = CommitLineEdit(self)
        self.name.committed.connect(self._rename)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(QCoreApplication.translate("inspector", "Name"), self.name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(QCoreApplication.translate("inspector", "Tier"), self))
        layout.addLayout(form)
        layout.addStretch(1)

    def load(self) -> None:
        assert self.document is not None
        if self.refs and self.document.chain_map.has_tier(self.refs[0][1]):
            self.name.set_value(self.document.chain_map.tier(self.refs[0][1]).name)

    def _rename(self, name: str) -> None:
        assert self.document is not None
        chain_map, tier_id = self.document.chain_map, self.refs[0][1]
        text = QCoreApplication.translate("inspector", "Rename tier {name}").format(name=chain_map.tier(tier_id).name)
        self.push(lambda: ChangeItemsCommand(chain_map, [("tier", tier_id, {"name": name.strip()})], text))


class MultiPage(InspectorPage):
    """"N items selected", and one status combo per region that sets the status of every
    selected segment in one step."""

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(report, parent)
        self.heading = section_title("", self)
        self.breakdown = QLabel(self)
        self.status_box = QWidget(self)
        self.status_form = QFormLayout(self.status_box)
        self.status_form.setContentsMargins(0, 0, 0, 0)
        self.status_combos: dict[str, StatusCombo] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.breakdown)
        self.status_title = section_title(QCoreApplication.translate("inspector", "Status of the selected segments"), self)
        self.status_title.setWordWrap(True)
        layout.addWidget(self.status_title)
        layout.addWidget(self.status_box)
        layout.addStretch(1)

    def _node_ids(self) -> list[str]:
        assert self.document is not None
        return [i for k, i in self.refs if k == "node" and self.document.chain_map.has_node(i)]

    def load(self) -> None:
        assert self.document is not None
        chain_map = self.document.chain_map
        selected = len(self.refs)
        self.heading.setText(QCoreApplication.translate("inspector", "%n item(s) selected", None, selected))
        counts = {kind: sum(1 for k, _ in self.refs if k == kind) for kind in ("node", "edge", "note", "tier")}
        names = {"node": QCoreApplication.translate("inspector", "segments"), "edge": QCoreApplication.translate("inspector", "links"), "note": QCoreApplication.translate("inspector", "notes"),
                 "tier": QCoreApplication.translate("inspector", "tiers")}
        self.breakdown.setText(", ".join(f"{n} {names[k]}" for k, n in counts.items() if n))
        codes = chain_map.region_codes()
        if list(self.status_combos) != codes:
            while self.status_form.rowCount():
                self.status_form.removeRow(0)
            self.status_combos = {}
            for region in chain_map.regions:
                combo = StatusCombo(self.status_box, mixed=True)
                combo.committed.connect(lambda value, code=region.code: self._set_status(code, value))
                self.status_combos[region.code] = combo
                label = QLabel(region.name, self.status_box)
                if region.color:
                    label.setStyleSheet(f"color: {QColor(region.color).darker(120).name()}; font-weight: bold;")
                self.status_form.addRow(label, combo)
        node_ids = self._node_ids()
        self.status_title.setVisible(bool(node_ids))
        self.status_box.setVisible(bool(node_ids))
        for code, combo in self.status_combos.items():
            statuses = {
                (e.status if (e := chain_map.node(i).regions.get(code)) is not None else NO_ENTRY)
                for i in node_ids
            }
            combo.set_value(statuses.pop() if len(statuses) == 1 else None)

    def _set_status(self, code: str, status: str | None) -> None:
        assert self.document is not None
        if status is None:
            return
        chain_map = self.document.chain_map
        changes = []
        for node_id in self._node_ids():
            node = chain_map.node(node_id)
            old = node.regions.get(code)
            if status == NO_ENTRY:
                if old is None:
                    continue
                entry = None
            else:
                if old is not None and old.status == status:
                    continue
                entry = RegionEntry(status) if old is None else RegionEntry(
                    status, old.enterprises, old.plan, old.note, old.extra
                )
            changes.append(("node", node_id, {"regions": regions_with(chain_map, node, code, entry)}))
        if not changes:
            return
        count = len(changes)
        text = QCoreApplication.translate("inspector", "Set {region} status of %n segment(s)", None, count).format(
            region=chain_map.region(code).name)
        self.push(lambda: ChangeItemsCommand(chain_map, changes, text))
