"""The Filter panel: show only the segments that matter now, by tier, status in a region, plan
action or priority, enterprise mark and tag (:class:`chainmap.core.analysis.filters.SegmentFilter`:
criteria combine with "and", the choices within one with "or").

The segments a filter leaves out are faded on the canvas, or hidden when "Hide" is ticked (the
overlay's ``filter`` layer, :class:`chainmap.render.overlay.MapOverlay`). The filter in force is
spelled out in the status bar (:meth:`FilterDock.attach_status_bar`), where one click clears it. The
filter is applied again :data:`REAPPLY_MS` after the map changes, so a segment edited into or out
of it follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStatusBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.analysis.filters import SegmentFilter, kept_ids, tags_in_use
from chainmap.core.vocabulary import ACTIONS, MARK_LABELS, MARKS, PRIORITIES, STATUSES
from chainmap.render.overlay import MapOverlay

from ..document import Document
from ..labels import action_text, bilingual, priority_text, status_text
from ..widgets import MapListener, is_position_only_change, single_shot_timer

LAYER = "filter"
REAPPLY_MS = 300
VALUE_ROLE = Qt.ItemDataRole.UserRole


class ChoiceList(QListWidget):
    """Checkable choices laid out as wrapping chips; ``changed()`` when a tick changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_choices(self, choices: Iterable[tuple[str, str]]) -> None:
        """Offer ``(value, label)`` choices, keeping the ticks of those still offered."""
        ticked = self.values()
        self.blockSignals(True)
        self.clear()
        for value, label in choices:
            item = QListWidgetItem(label, self)
            item.setData(VALUE_ROLE, value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in ticked else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self._fit()

    def values(self) -> frozenset[str]:
        """The ticked choices."""
        return frozenset(item.data(VALUE_ROLE) for item in self._items()
                         if item.checkState() == Qt.CheckState.Checked)

    def set_values(self, values: Iterable[str]) -> None:
        """Tick exactly ``values`` (one ``changed``)."""
        wanted = set(values)
        self.blockSignals(True)
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if item.data(VALUE_ROLE) in wanted else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.changed.emit()

    def label_of(self, value: str) -> str:
        return next((item.text() for item in self._items() if item.data(VALUE_ROLE) == value), value)

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(i) for i in range(self.count())]

    def _fit(self) -> None:
        rows = max(1, -(-self.count() // 3))
        self.setFixedHeight(min(6, rows) * (self.sizeHintForRow(0) + 4) + 6 if self.count() else 8)


class FilterDock(QDockWidget):
    """The filter's criteria (objectName ``filter``). ``FilterDock(document, overlay, parent)``;
    :meth:`segment_filter` reads the criteria, :meth:`set_filter` sets them, :meth:`clear` clears;
    :meth:`attach_status_bar` puts the summary in the status bar (click: clear)."""

    filter_changed = Signal()

    def __init__(self, document: Document | None, overlay: MapOverlay, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("FilterDock", "Filter"), parent)
        self.setObjectName("filter")
        self.document: Document | None = None
        self.overlay = overlay
        self._listener = MapListener()
        self.destroyed.connect(self._listener.disconnect_all)
        self._timer = single_shot_timer(self, self._map_settled, REAPPLY_MS)

        body = QWidget(self)
        self.tiers = ChoiceList(body)
        self.region = QComboBox(body)
        self.statuses = ChoiceList(body)
        self.plan_actions = ChoiceList(body)
        self.priorities = ChoiceList(body)
        self.marks = ChoiceList(body)
        self.tags = ChoiceList(body)
        self.statuses.set_choices((s, status_text(s)) for s in STATUSES)
        self.plan_actions.set_choices((a, action_text(a)) for a in ACTIONS)
        self.priorities.set_choices((p, priority_text(p)) for p in PRIORITIES)
        self.marks.set_choices((m, bilingual(MARK_LABELS, m)) for m in MARKS)
        self.hide_box = QCheckBox(QCoreApplication.translate("FilterDock", "Hide what the filter leaves out (instead of fading it)"), body)
        self.clear_button = QPushButton(QCoreApplication.translate("FilterDock", "Clear filter"), body)
        self.clear_button.clicked.connect(self.clear)
        self.summary = QLabel(body)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(QCoreApplication.translate("FilterDock", "Tier"), self.tiers)
        form.addRow(QCoreApplication.translate("FilterDock", "Region"), self.region)
        form.addRow(QCoreApplication.translate("FilterDock", "Status"), self.statuses)
        form.addRow(QCoreApplication.translate("FilterDock", "Plan action"), self.plan_actions)
        form.addRow(QCoreApplication.translate("FilterDock", "Priority"), self.priorities)
        form.addRow(QCoreApplication.translate("FilterDock", "Enterprise mark"), self.marks)
        form.addRow(QCoreApplication.translate("FilterDock", "Tag"), self.tags)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hide_box, 1)
        buttons.addWidget(self.clear_button)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.summary)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)
        for choices in (self.tiers, self.statuses, self.plan_actions, self.priorities, self.marks, self.tags):
            choices.changed.connect(self.apply)
        self.region.activated.connect(lambda _index: self.apply())
        self.hide_box.toggled.connect(lambda _on: self.apply())

        self.status_button: QToolButton | None = None
        self.set_document(document)

    def attach_status_bar(self, status_bar: QStatusBar) -> QToolButton:
        """Put the filter's summary in ``status_bar`` (shown while a filter is in force; a
        click clears it); returns the button."""
        button = QToolButton(status_bar)
        button.setObjectName("filter_status")
        button.setAutoRaise(True)
        button.setToolTip(QCoreApplication.translate("FilterDock", "The filter in force; click to clear it"))
        button.clicked.connect(self.clear)
        status_bar.addPermanentWidget(button)
        self.status_button = button
        self.apply()
        return button

    # -------------------------------------------------------------- document
    def set_document(self, document: Document | None) -> None:
        """Filter ``document``'s map (``None``: none); the criteria are cleared."""
        self._listener.disconnect_all()
        self._timer.stop()
        self.document = document
        if document is not None:
            self._listener.connect(document.chain_map, self._map_changed)
        self._fill_choices()
        self.set_filter(SegmentFilter())

    def _map_changed(self, *args: Any) -> None:
        if not is_position_only_change(args):
            self._timer.start()

    def _map_settled(self) -> None:
        self._fill_choices()
        self.apply()

    def _fill_choices(self) -> None:
        chain_map = self.document.chain_map if self.document is not None else None
        self.tiers.set_choices([(t.id, t.name) for t in chain_map.tiers] if chain_map is not None else [])
        self.tags.set_choices([(t, t) for t in tags_in_use(chain_map)] if chain_map is not None else [])
        current = self.region.currentData()
        self.region.clear()
        self.region.addItem(QCoreApplication.translate("FilterDock", "Any region"), None)
        for region in chain_map.regions if chain_map is not None else []:
            self.region.addItem(region.name, region.code)
        self.region.setCurrentIndex(max(0, self.region.findData(current)))

    # ---------------------------------------------------------------- criteria
    def segment_filter(self) -> SegmentFilter:
        """The criteria as ticked now."""
        region = self.region.currentData()
        return SegmentFilter(tiers=self.tiers.values(), region=region if isinstance(region, str) else None,
                             statuses=self.statuses.values(), actions=self.plan_actions.values(),
                             priorities=self.priorities.values(), marks=self.marks.values(), tags=self.tags.values())

    def set_filter(self, segment_filter: SegmentFilter, hide: bool | None = None) -> None:
        """Tick ``segment_filter``'s criteria (and ``hide``, when given) and apply them."""
        self.blockSignals(True)
        for choices, values in ((self.tiers, segment_filter.tiers), (self.statuses, segment_filter.statuses),
                                (self.plan_actions, segment_filter.actions), (self.priorities, segment_filter.priorities),
                                (self.marks, segment_filter.marks), (self.tags, segment_filter.tags)):
            choices.blockSignals(True)
            choices.set_values(values)
            choices.blockSignals(False)
        self.region.setCurrentIndex(max(0, self.region.findData(segment_filter.region)))
        if hide is not None:
            self.hide_box.blockSignals(True)
            self.hide_box.setChecked(hide)
            self.hide_box.blockSignals(False)
        self.blockSignals(False)
        self.apply()

    def clear(self) -> None:
        """Drop every criterion: the whole map shows again."""
        self.set_filter(SegmentFilter())

    def apply(self) -> None:
        """Fade (or hide) what the criteria leave out, and say so in the status bar."""
        segment_filter = self.segment_filter()
        if self.document is None or segment_filter.is_empty:
            self.overlay.set_layer(LAYER, None)
            kept = total = len(self.document.chain_map.nodes) if self.document is not None else 0
        else:
            kept_set = kept_ids(self.document.chain_map, segment_filter)
            self.overlay.set_layer(LAYER, kept_set, hide=self.hide_box.isChecked())
            kept, total = len(kept_set), len(self.document.chain_map.nodes)
        self.clear_button.setEnabled(not segment_filter.is_empty)
        words = self.description()
        if segment_filter.is_empty:
            self.summary.setText(QCoreApplication.translate("FilterDock", "No filter: every segment shows."))
            if self.status_button is not None:
                self.status_button.hide()
        else:
            how = QCoreApplication.translate("FilterDock", "hidden") if self.hide_box.isChecked() else QCoreApplication.translate("FilterDock", "faded")
            self.summary.setText(QCoreApplication.translate("FilterDock", "{kept} of {total} segments kept; the rest {how}.").format(
                kept=kept, total=total, how=how))
            if self.status_button is not None:
                self.status_button.setText(QCoreApplication.translate("FilterDock", "Filter: {words} — {kept}/{total}  ✕").format(
                    words=words, kept=kept, total=total))
                self.status_button.show()
        self.filter_changed.emit()

    def description(self) -> str:
        """The criteria in force, in words (empty when none)."""
        segment_filter = self.segment_filter()
        parts = []
        if segment_filter.tiers:
            parts.append(self._named(self.tiers, segment_filter.tiers))
        if segment_filter.statuses:
            place = self.region.currentText() if segment_filter.region is not None else ""
            parts.append(f"{place} {self._named(self.statuses, segment_filter.statuses)}".strip())
        elif segment_filter.region is not None and not segment_filter.is_empty:
            parts.append(self.region.currentText())
        for choices, values in ((self.plan_actions, segment_filter.actions), (self.priorities, segment_filter.priorities),
                                (self.marks, segment_filter.marks)):
            if values:
                parts.append(self._named(choices, values))
        if segment_filter.tags:
            parts.append("#" + " #".join(sorted(segment_filter.tags)))
        return " · ".join(parts)

    @staticmethod
    def _named(choices: ChoiceList, values: frozenset[str]) -> str:
        return "/".join(sorted(choices.label_of(value) for value in values))
