"""The gaps dock: what each region has to fill, who can supply it, and the joint targets.

Everything listed is read off :mod:`chainmap.core.analysis` (gaps_to_fill, complements,
regional_gaps, not_assessed), so the dock, the command line and reports agree. The list
is rebuilt after model changes, once per burst (a 0 ms single-shot timer), and for the
document's view region. Clicking a row asks the document to focus its segment.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chainmap.core import analysis
from chainmap.core.model import ChainMap, Node

from ..canvas.view_selector import ViewSelector
from ..document import Document
from ..labels import STATUS_COLORS, action_text, priority_text, status_text
from ..parsing import join_list
from ..widgets import RegionViewDock, color_icon

REF_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
# Targets last: the longest texts, so the short columns stay in view.
COLUMNS = (QT_TRANSLATE_NOOP("gaps", "Segment"), QT_TRANSLATE_NOOP("gaps", "Status"), QT_TRANSLATE_NOOP("gaps", "Action"), QT_TRANSLATE_NOOP("gaps", "Priority"), QT_TRANSLATE_NOOP("gaps", "Due"),
           QT_TRANSLATE_NOOP("gaps", "Owner"), QT_TRANSLATE_NOOP("gaps", "Target firms"))
TARGETS = COLUMNS.index("Target firms")
INCREMENTAL_SEGMENTS = 3000
"""Above this many segments the list is filled in idle slices."""
FILL_SLICE = 0.012  # seconds of filling per idle slice
_STEP = 50  # rows added between looks at the clock
_PART = 2000  # segments whose facts are read between looks at the clock
_SPANS = 3000  # rows spanned between looks at the clock
# Segment fields the list shows none of but the name.
_WORDS_ONLY = frozenset({"name", "aliases", "description", "tags", "extra"})


def _parts(chain_map: ChainMap) -> Iterator[Sequence[Node]]:
    """The map's segments in parts of :data:`_PART`, in file order (a big map's lists are
    read part by part, so no slice of the fill reads them all)."""
    nodes = chain_map.nodes
    for start in range(0, len(nodes), _PART):
        yield nodes[start:start + _PART]


class GapsDock(RegionViewDock):
    """Gaps to fill with their plans, complements, regional gaps and not-assessed segments
    (objectName ``gaps``), for ``document.view_region`` or all regions.

    ``GapsDock(document, parent=None)``; :meth:`set_document` switches maps;
    :meth:`refresh` rebuilds now; :meth:`row_keys` lists the rows' keys (for tests and
    reports): ``("gap", region, node_id)``, ``("complement", region, supplier, node_id)``,
    ``("regional-gap", node_id)``, ``("not-assessed", node_id)``.
    """

    def __init__(self, document: Document | None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("gaps", "Gaps"), parent)
        self.setObjectName("gaps")

        body = QWidget(self)
        self.view_selector = ViewSelector(None, body)
        self.tree = QTreeWidget(body)
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([QCoreApplication.translate("gaps", str(c)) for c in COLUMNS])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view_selector)
        layout.addWidget(self.tree)
        self.setWidget(body)
        self._filling: Iterator[None] | None = None
        self._headers: list[QTreeWidgetItem] = []  # of the part being built, to expand once shown
        self._to_span: list[QTreeWidgetItem] = []  # of that part, to span every column once shown
        self._rows_of: dict[str, list[QTreeWidgetItem]] = {}  # segment id -> its rows
        self._fill_timer = QTimer(self)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_slice)
        self.set_document(document)

    # -------------------------------------------------------------- document
    def set_document(self, document: Document | None) -> None:
        self.view_selector.set_document(document)
        super().set_document(document)

    def schedule_refresh(self, *args: Any) -> None:
        """Rebuild once the burst of changes is over; a segment's rename only renames its
        rows (rebuilding a 20,000-segment map's list for it stalled the editor), and an edit
        of words the list does not show changes nothing."""
        if (len(args) == 2 and isinstance(args[0], Node) and isinstance(args[1], dict)
                and args[1].keys() <= _WORDS_ONLY and self._filling is None and not self._timer.isActive()):
            if "name" in args[1]:
                self._rename_rows(args[0])
            return
        super().schedule_refresh(*args)

    def _rename_rows(self, node: Node) -> None:
        if self.document is None:
            return
        chain_map = self.document.chain_map
        for item in self._rows_of.get(node.id, ()):
            key = tuple(item.data(0, KEY_ROLE))
            if key[0] == "complement":
                item.setText(0, self._complement_text(chain_map, key[1], key[2], node))
            else:
                item.setText(0, node.name)

    @staticmethod
    def _complement_text(chain_map: ChainMap, code: str, supplier: str, node: Node) -> str:
        status = status_text(analysis.region_status(node, supplier))
        return f"{chain_map.region(supplier).name} ({status}) → {chain_map.region(code).name}: {node.name}"

    # --------------------------------------------------------------- building
    def refresh(self) -> None:
        """Rebuild the list from the model now; a big map's in idle slices of
        :data:`FILL_SLICE` seconds, so the editor never stops for the whole list."""
        self._timer.stop()
        self._fill_timer.stop()
        self._filling = None
        self._headers = []
        self._to_span = []
        self._rows_of = {}
        self.tree.clear()
        if self.document is None:
            return
        chain_map = self.document.chain_map
        steps = self._build(chain_map)
        if len(chain_map.nodes) <= INCREMENTAL_SEGMENTS:
            for _ in steps:
                pass
            return
        self._filling = steps
        self._fill_timer.start()

    @property
    def filling(self) -> bool:
        """True while a big map's list is still being filled."""
        return self._filling is not None

    def _fill_slice(self) -> None:
        steps = self._filling
        if steps is None:
            self._fill_timer.stop()
            return
        started = time.perf_counter()
        for _ in steps:
            if time.perf_counter() - started > FILL_SLICE:
                return
        self._filling = None
        self._fill_timer.stop()

    def _build(self, chain_map: ChainMap) -> Iterator[None]:
        assert self.document is not None
        view = self.document.view_region
        codes = [view] if view is not None and chain_map.has_region(view) else chain_map.region_codes()
        for code in codes:
            yield from self._add_region(chain_map, code)
        yield from self._add_regional_gaps(chain_map)
        yield from self._add_not_assessed(chain_map)

    # Each top-level part is built apart from the tree and put in it whole (:meth:`_show_part`):
    # a tree lays all its rows out again before it paints or spans a row, which, slice after
    # slice of a big map's list, stalled the editor for seconds.
    def _header(self, parent: QTreeWidgetItem | None, text: str, color: str | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text]) if parent is None else QTreeWidgetItem(parent, [text])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if color is not None:
            item.setIcon(0, color_icon(color))
            item.setForeground(0, QBrush(QColor(color).darker(130)))
        self._headers.append(item)
        self._to_span.append(item)
        return item

    def _show_part(self, top: QTreeWidgetItem) -> Iterator[None]:
        """Put a part built apart (``top``, its header) in the tree, its headers expanded and
        its headers and complements spanning every column (:data:`_SPANS` rows a step: a
        100,000-segment map's region has 30,000 complements)."""
        self.tree.addTopLevelItem(top)
        headers, self._headers = self._headers, []
        for header in headers:
            header.setExpanded(True)
        spans, self._to_span = self._to_span, []
        for index, item in enumerate(spans):
            if index and index % _SPANS == 0:
                yield
            item.setFirstColumnSpanned(True)

    def _row(self, parent: QTreeWidgetItem, key: tuple[str, ...], node_id: str, texts: list[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, texts)
        item.setData(0, REF_ROLE, ("node", node_id))
        item.setData(0, KEY_ROLE, key)
        item.setToolTip(0, QCoreApplication.translate("gaps", "Click to show this segment on the map"))
        self._rows_of.setdefault(node_id, []).append(item)
        return item

    def _status_cell(self, item: QTreeWidgetItem, status: str) -> None:
        item.setText(1, status_text(status))
        item.setForeground(1, QBrush(QColor(STATUS_COLORS.get(status, "#000000"))))

    def _add_region(self, chain_map: ChainMap, code: str) -> Iterator[None]:
        region = chain_map.region(code)
        gaps: list[analysis.GapToFill] = []
        supplies: list[analysis.Complement] = []
        for part in _parts(chain_map):
            yield
            gaps += analysis.gaps_to_fill(chain_map, code, part)
            supplies += analysis.complements(chain_map, code, part)
        top = self._header(None, region.name, region.color)
        gaps_header = self._header(top, QCoreApplication.translate("gaps", "Gaps to fill ({n})").format(n=len(gaps)))
        for index, gap in enumerate(gaps):
            if index % _STEP == 0:
                yield
            plan = gap.plan
            texts = [gap.node.name, "", action_text(plan.action) if plan else QCoreApplication.translate("gaps", "— no plan")]
            if plan is not None:
                texts += [priority_text(plan.priority), plan.due or "", plan.owner or "", join_list(plan.targets)]
            item = self._row(gaps_header, ("gap", code, gap.node.id), gap.node.id, texts)
            self._status_cell(item, gap.status)
            if plan is None:
                item.setForeground(2, QBrush(QColor(STATUS_COLORS["gap"])))
        complement_header = self._header(top, QCoreApplication.translate("gaps", "Regional complements ({n})").format(n=len(supplies)))
        for index, complement in enumerate(supplies):
            if index % _STEP == 0:
                yield
            text = self._complement_text(chain_map, code, complement.supplier, complement.node)
            key = ("complement", code, complement.supplier, complement.node.id)
            self._to_span.append(self._row(complement_header, key, complement.node.id, [text]))
        yield from self._show_part(top)

    def _add_regional_gaps(self, chain_map: ChainMap) -> Iterator[None]:
        nodes: list[Node] = []
        for part in _parts(chain_map):
            yield
            nodes += analysis.regional_gaps(chain_map, part)
        header = self._header(
            None, QCoreApplication.translate("gaps", "Regional gaps: joint investment targets ({n})").format(n=len(nodes))
        )
        for index, node in enumerate(nodes):
            if index % _STEP == 0:
                yield
            item = self._row(header, ("regional-gap", node.id), node.id, [node.name])
            self._status_cell(item, analysis.regional_status(node))
            targets = [t for e in node.regions.values() if e.plan is not None for t in e.plan.targets]
            item.setText(TARGETS, join_list(dict.fromkeys(targets)))
        yield from self._show_part(header)

    def _add_not_assessed(self, chain_map: ChainMap) -> Iterator[None]:
        nodes: list[Node] = []
        for part in _parts(chain_map):
            yield
            nodes += analysis.not_assessed(chain_map, part)
        header = self._header(None, QCoreApplication.translate("gaps", "Not assessed ({n})").format(n=len(nodes)))
        for index, node in enumerate(nodes):
            if index % _STEP == 0:
                yield
            item = self._row(header, ("not-assessed", node.id), node.id, [node.name])
            self._status_cell(item, "unknown")
        yield from self._show_part(header)

    # -------------------------------------------------------------- reading
    def row_keys(self) -> list[tuple[str, ...]]:
        """The keys of the listed rows, top to bottom."""
        keys: list[tuple[str, ...]] = []
        stack = [self.tree.topLevelItem(i) for i in reversed(range(self.tree.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            key = item.data(0, KEY_ROLE)
            if key is not None:
                keys.append(tuple(key))
            stack.extend(item.child(i) for i in reversed(range(item.childCount())))
        return keys

    def find_row(self, key: tuple[str, ...]) -> QTreeWidgetItem | None:
        """The row with ``key``, if listed."""
        for item in self._items():
            if item.data(0, KEY_ROLE) is not None and tuple(item.data(0, KEY_ROLE)) == tuple(key):
                return item
        return None

    def _items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            items.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return items

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ref = item.data(0, REF_ROLE)
        if ref is not None and self.document is not None:
            self.document.request_focus([tuple(ref)])
