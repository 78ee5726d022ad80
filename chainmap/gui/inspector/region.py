"""One region's facts about one segment, in the inspector: status, enterprises, plan, note.

The editor emits the whole new :class:`RegionEntry` (or ``None`` for "no entry") with what
changed; the segment page makes it one undo command. Editing enterprises, a plan or a note
of a region that has no entry yet creates one with status ``unknown``.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.model import Plan, RegionEntry
from chainmap.core.vocabulary import ACTIONS, PRIORITIES, STATUSES

from ..labels import STATUS_COLORS, action_text, priority_text, status_text
from ..parsing import join_list, optional_text, parse_list
from ..widgets import CommitLineEdit, CommitTextEdit, ValueCombo, color_icon, section_title
from .enterprise_table import EnterpriseTable

NO_ENTRY = "-"  # the status combo's value for "this region has no entry"


def status_choices() -> list[tuple[str, str]]:
    return [(NO_ENTRY, QCoreApplication.translate("inspector", "— no entry")), *((s, status_text(s)) for s in STATUSES)]


class StatusCombo(ValueCombo):
    """The five statuses (with colour swatches) and "no entry"."""

    def __init__(self, parent: QWidget | None = None, mixed: bool = False) -> None:
        choices: list[tuple[Any, str]] = status_choices()
        if mixed:
            choices.insert(0, (None, QCoreApplication.translate("inspector", "— mixed")))
        super().__init__(choices, parent=parent)
        for i in range(self.count()):
            color = STATUS_COLORS.get(self.itemData(i))
            if color is not None:
                self.setItemIcon(i, color_icon(color))


class RegionEntryEditor(QWidget):
    """Status, enterprises, plan and note of region ``code`` in one segment.

    Signals: ``edited(str code, object entry, str what)`` with ``entry`` a new
    :class:`RegionEntry` or ``None`` (no entry) and ``what`` one of ``status``,
    ``enterprises-add``, ``enterprises-edit``, ``enterprises-remove``, ``plan-add``,
    ``plan``, ``plan-remove``, ``note``.
    """

    edited = Signal(str, object, str)

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self._entry: RegionEntry | None = None

        self.status = StatusCombo(self)
        self.status.committed.connect(self._status_committed)
        self.enterprises = EnterpriseTable(self)
        self.enterprises.committed.connect(self._enterprises_committed)
        self.note = CommitTextEdit(self, lines=2)
        self.note.setPlaceholderText(QCoreApplication.translate("inspector", "Notes on this region's situation"))
        self.note.committed.connect(lambda text: self._emit(note=optional_text(text), what="note"))

        status_form = QFormLayout()
        status_form.addRow(QCoreApplication.translate("inspector", "Status"), self.status)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(status_form)
        layout.addWidget(section_title(QCoreApplication.translate("inspector", "Key enterprises"), self))
        layout.addWidget(self.enterprises)
        layout.addWidget(self._build_plan())
        layout.addWidget(section_title(QCoreApplication.translate("inspector", "Remark"), self))
        layout.addWidget(self.note)

    def _build_plan(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("inspector", "Plan"), self)
        self.plan_box = box
        self.action = ValueCombo([(a, action_text(a)) for a in ACTIONS], parent=box)
        self.priority = ValueCombo([(p, priority_text(p)) for p in PRIORITIES], parent=box)
        self.targets = CommitLineEdit(box)
        self.targets.setPlaceholderText(QCoreApplication.translate("inspector", "firms or projects to attract, separated by commas"))
        self.owner = CommitLineEdit(box)
        self.owner.setPlaceholderText(QCoreApplication.translate("inspector", "responsible office or person"))
        self.due = CommitLineEdit(box)
        self.due.setPlaceholderText(QCoreApplication.translate("inspector", "YYYY-MM or YYYY-MM-DD"))
        self.plan_note = CommitLineEdit(box)
        self.action.committed.connect(lambda v: self._plan_changed(action=v))
        self.priority.committed.connect(lambda v: self._plan_changed(priority=v))
        self.targets.committed.connect(lambda t: self._plan_changed(targets=parse_list(t)))
        self.owner.committed.connect(lambda t: self._plan_changed(owner=optional_text(t)))
        self.due.committed.connect(lambda t: self._plan_changed(due=optional_text(t)))
        self.plan_note.committed.connect(lambda t: self._plan_changed(note=optional_text(t)))

        self.plan_form = QWidget(box)
        form = QFormLayout(self.plan_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(QCoreApplication.translate("inspector", "Action"), self.action)
        form.addRow(QCoreApplication.translate("inspector", "Priority"), self.priority)
        form.addRow(QCoreApplication.translate("inspector", "Target firms"), self.targets)
        form.addRow(QCoreApplication.translate("inspector", "Owner"), self.owner)
        form.addRow(QCoreApplication.translate("inspector", "Due"), self.due)
        form.addRow(QCoreApplication.translate("inspector", "Remark"), self.plan_note)

        self.add_plan_button = QPushButton(QCoreApplication.translate("inspector", "Add plan"), box)
        self.remove_plan_button = QPushButton(QCoreApplication.translate("inspector", "Remove plan"), box)
        self.add_plan_button.clicked.connect(self.add_plan)
        self.remove_plan_button.clicked.connect(self.remove_plan)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_plan_button)
        buttons.addWidget(self.remove_plan_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(box)
        layout.addWidget(self.plan_form)
        layout.addLayout(buttons)
        return box

    # --------------------------------------------------------------- showing
    def set_entry(self, entry: RegionEntry | None) -> None:
        """Show the model's entry for this region (``None``: no entry)."""
        self._entry = copy.deepcopy(entry)
        self.status.set_value(entry.status if entry is not None else NO_ENTRY)
        self.enterprises.set_enterprises(entry.enterprises if entry is not None else [])
        self.note.set_value(entry.note if entry is not None else None)
        plan = entry.plan if entry is not None else None
        self.plan_form.setVisible(plan is not None)
        self.add_plan_button.setVisible(plan is None)
        self.remove_plan_button.setVisible(plan is not None)
        if plan is not None:
            self.action.set_value(plan.action)
            self.priority.set_value(plan.priority)
            self.targets.set_value(join_list(plan.targets))
            self.owner.set_value(plan.owner)
            self.due.set_value(plan.due)
            self.plan_note.set_value(plan.note)

    def entry(self) -> RegionEntry | None:
        return copy.deepcopy(self._entry)

    # --------------------------------------------------------------- editing
    def _base(self) -> RegionEntry:
        return copy.deepcopy(self._entry) if self._entry is not None else RegionEntry("unknown")

    def _emit(self, what: str, **changes: Any) -> None:
        entry = dataclasses.replace(self._base(), **changes)
        self.edited.emit(self.code, entry, what)

    def _status_committed(self, status: str) -> None:
        if status == NO_ENTRY:
            self.edited.emit(self.code, None, "status")
        else:
            self._emit(status=status, what="status")

    def _enterprises_committed(self, enterprises: list, action: str) -> None:
        self._emit(enterprises=enterprises, what="enterprises-" + action)

    def _plan_changed(self, **changes: Any) -> None:
        entry = self._base()
        if entry.plan is None:
            return
        self._emit(plan=dataclasses.replace(entry.plan, **changes), what="plan")

    def add_plan(self) -> None:
        """Give the region a plan: fill a gap, strengthen anything else; medium priority."""
        entry = self._base()
        action = "fill" if entry.status == "gap" else "strengthen"
        self._emit(plan=Plan(action=action, priority="medium"), what="plan-add")

    def remove_plan(self) -> None:
        self._emit(plan=None, what="plan-remove")
