"""The gaps dock: what each region has to fill, who can supply it, and the joint targets.

Everything listed is read off :mod:`chainmap.core.analysis` (gaps_to_fill, complements,
regional_gaps, not_assessed), so the dock, the command line and reports agree. The rows are
plain data in a table model (:mod:`.gaps_model`): a status change moves only that segment's
rows, a rename repaints them, and other changes that concern the list (segments added or
removed, regions, the document's view region) build it again, a big map's in idle slices,
and swap it in whole. The columns are sized to their texts as Qt's ResizeToContents mode
would size them, by the dock from the model's texts (:meth:`GapsDock._fit_columns`), so a
change of the list costs the same on any map. Clicking a header folds or unfolds its list;
clicking a row asks the document to focus its segment.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.model import ChainMap, Conflict, Edge, Node, Note, Tier

from ..canvas.view_selector import ViewSelector
from ..document import Document
from ..widgets import RegionViewDock, single_shot_timer
from .gaps_model import (
    COLUMNS,
    KEY_ROLE,
    LEVEL_ROLE,
    OPEN_ROLE,
    REF_ROLE,
    SPAN_ROLE,
    TARGETS,
    Block,
    GapsModel,
    build_blocks,
)

__all__ = ["COLUMNS", "FILL_SLICE", "INCREMENTAL_SEGMENTS", "KEY_ROLE", "REF_ROLE", "TARGETS", "GapsDock"]

INCREMENTAL_SEGMENTS = 3000
"""Above this many segments the lists are built in idle slices."""
FILL_SLICE = 0.012  # seconds of building per idle slice
PARTIAL_LIMIT = 300
"""More segments than this changed in one burst: the lists are built again rather than moved
segment by segment."""
INDENT = 18  # pixels: a header's arrow, and the step between header levels
SIZE_ROWS = 300
"""Rows around those in view whose texts size the columns (Qt's default, 1,000, asked the
model 50,000 times a resize)."""
_WIDTHS_KEPT = 20000  # measured texts kept between fittings


class _SpanningDelegate(QStyledItemDelegate):
    """Draws the rows the model marks :data:`SPAN_ROLE` (headers, complements' sentences)
    across every column: each cell draws its part of the row's first cell; a header gets its
    fold arrow. Such rows widen no column."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._margin = -1  # the style's space around a cell's text, once known

    def margin(self) -> int:
        """The space the style puts around a cell's text, in pixels."""
        if self._margin < 0:
            self._margin = 2 * (self._view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 2)
        return self._margin

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # The rows (one font, no icon) are measured from their text alone, as the dock's
        # column fitting measures them.
        if index.data(SPAN_ROLE):
            return QSize(0, 0)
        metrics = option.fontMetrics
        return QSize(metrics.horizontalAdvance(index.data() or "") + self.margin(), metrics.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.data(SPAN_ROLE):
            super().paint(painter, option, index)
            return
        view = self._view
        first = index.siblingAtColumn(0)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, first)
        last = index.model().columnCount() - 1
        left = view.columnViewportPosition(0)
        right = view.columnViewportPosition(last) + view.columnWidth(last)
        level = first.data(LEVEL_ROLE)
        indent = 0 if level is None else INDENT * (level + 1)
        top, height = option.rect.top(), option.rect.height()
        item.rect = QRect(left + indent, top, max(0, right - left - indent), height)
        item.state &= ~QStyle.StateFlag.State_HasFocus
        style = view.style()
        painter.save()
        painter.setClipRect(option.rect)
        opened = first.data(OPEN_ROLE)
        if level is not None and opened is not None:
            arrow = QStyleOption()
            arrow.initFrom(view)
            arrow.rect = QRect(left + INDENT * level, top, INDENT, height)
            arrow.state = QStyle.StateFlag.State_Children | QStyle.StateFlag.State_Item
            if opened:
                arrow.state |= QStyle.StateFlag.State_Open
            style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, arrow, painter, view)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, view)
        painter.restore()


class GapsDock(RegionViewDock):
    """Gaps to fill with their plans, complements, regional gaps and not-assessed segments
    (objectName ``gaps``), for ``document.view_region`` or all regions.

    ``GapsDock(document, parent=None)``; :meth:`set_document` switches maps;
    :meth:`refresh` rebuilds now (a big map's in idle slices: :attr:`filling`);
    :meth:`row_keys` lists the rows' keys (for tests and reports): ``("gap", region, node_id)``,
    ``("complement", region, supplier, node_id)``, ``("regional-gap", node_id)``,
    ``("not-assessed", node_id)``; :meth:`find_row` and :meth:`row_texts` read a row;
    :attr:`fittings` counts the times the columns were sized to their texts.
    """

    def __init__(self, document: Document | None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("gaps", "Gaps"), parent)
        self.setObjectName("gaps")

        body = QWidget(self)
        self.view_selector = ViewSelector(None, body)
        self.model = GapsModel(self)
        self.view = QTableView(body)
        view = self.view
        view.setModel(self.model)
        self._delegate = _SpanningDelegate(view)
        view.setItemDelegate(self._delegate)
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setCornerButtonEnabled(False)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(view.fontMetrics().height(), 16) + 6)
        header = view.horizontalHeader()
        # Sized by the dock (_fit_columns), as Qt's ResizeToContents would size them: that
        # mode asked the delegate for 2,100 cells after every change of the list, twice.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setResizeContentsPrecision(SIZE_ROWS)
        header.setStretchLastSection(True)  # the last column (target enterprises) takes the rest of the width
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        view.clicked.connect(self._clicked)
        view.activated.connect(self._activated)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view_selector)
        layout.addWidget(view)
        self.setWidget(body)
        self._filling: tuple[Iterator[None], list[Block], ChainMap] | None = None
        self._touched: dict[str, None] = {}  # segments whose regions changed (in order)
        self._renamed: dict[str, None] = {}
        self._fill_timer = QTimer(self)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_slice)
        self._update_timer = single_shot_timer(self, self._apply_updates)
        self._widths: dict[str, int] = {}  # text → its cell's width
        self.fittings = 0  # how many times the columns were fitted (for tests)
        self._fit_timer = single_shot_timer(self, self._fit_columns)
        model = self.model
        for signal in (model.modelReset, model.dataChanged, model.headerDataChanged, model.layoutChanged):
            signal.connect(self._fit_later)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        self.set_document(document)

    # -------------------------------------------------------------- document
    def set_document(self, document: Document | None) -> None:
        self.view_selector.set_document(document)
        super().set_document(document)

    def schedule_refresh(self, *args: Any) -> None:
        """Bring the list up to date once the burst of changes is over: a segment's status
        change moves its rows, a rename repaints them, links, notes, tiers, conflicts and the
        map's own fields change nothing listed; anything else builds the list again."""
        first = args[0] if args else None
        if isinstance(first, Edge | Note | Tier | Conflict) or (len(args) == 1 and isinstance(first, dict)):
            return
        if len(args) == 2 and isinstance(first, Node) and isinstance(args[1], dict):
            changed = args[1].keys()
            if "regions" in changed:
                self._touched[first.id] = None
            elif "name" in changed:
                self._renamed[first.id] = None
            else:
                return
            self._update_timer.start()
            return
        super().schedule_refresh(*args)

    def _apply_updates(self) -> None:
        if self.document is None or self._filling is not None or self._timer.isActive():
            return  # a build is under way or coming: these are applied after it
        touched, self._touched = self._touched, {}
        renamed, self._renamed = self._renamed, {}
        if len(touched) > PARTIAL_LIMIT:
            self.refresh()
            return
        chain_map = self.document.chain_map
        for node_id in touched:
            if chain_map.has_node(node_id):
                self.model.update_segment(chain_map.node(node_id))
        for node_id in renamed:
            if node_id not in touched and chain_map.has_node(node_id):
                self.model.segment_renamed(chain_map.node(node_id))

    # --------------------------------------------------------------- building
    def refresh(self) -> None:
        """Build the lists from the model now; a big map's in idle slices of
        :data:`FILL_SLICE` seconds (the list shown so far stays until the new one is whole),
        so the editor never stops for the whole list."""
        self._timer.stop()
        self._update_timer.stop()
        self._fill_timer.stop()
        self._filling = None
        self._touched = {}
        self._renamed = {}
        if self.document is None:
            self.model.set_blocks(None, [])
            return
        chain_map = self.document.chain_map
        blocks: list[Block] = []
        steps = build_blocks(chain_map, self.document.view_region, blocks)
        if len(chain_map.nodes) <= INCREMENTAL_SEGMENTS:
            for _ in steps:
                pass
            self.model.set_blocks(chain_map, blocks)
            return
        self._filling = (steps, blocks, chain_map)
        self._fill_timer.start()

    @property
    def filling(self) -> bool:
        """True while a big map's list is still being built."""
        return self._filling is not None

    def _fill_slice(self) -> None:
        filling = self._filling
        if filling is None:
            self._fill_timer.stop()
            return
        steps, blocks, chain_map = filling
        started = time.perf_counter()
        for _ in steps:
            if time.perf_counter() - started > FILL_SLICE:
                return
        self._filling = None
        self._fill_timer.stop()
        self.model.set_blocks(chain_map, blocks)
        self._apply_updates()  # the segments changed while the parts before them were read

    # ---------------------------------------------------------- column widths
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize) and watched is self._viewport:
            self._fit_columns()  # before the table is painted at its new size
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._widths.clear()
        return super().eventFilter(watched, event)

    def _fitted_rows(self) -> list[int]:
        """The table rows whose texts size the columns, as ``QTableView.sizeHintForColumn``
        picks them: those in view (to the end of the table when it is not shown), then one
        below and one above in turn, :data:`SIZE_ROWS` at most."""
        view = self.view
        count = self.model.rowCount()
        rows_header = view.verticalHeader()
        top = max(0, rows_header.visualIndexAt(0))
        bottom = rows_header.visualIndexAt(view.viewport().height())
        if not view.isVisible() or bottom == -1:
            bottom = count - 1
        rows = list(range(top, min(bottom + 1, top + SIZE_ROWS)))
        above, below = top, (rows[-1] if rows else top - 1)
        while len(rows) < SIZE_ROWS and (above > 0 or below < count - 1):
            if (len(rows) % 2 and above > 0) or below >= count - 1:
                above -= 1
                rows.append(above)
            else:
                below += 1
                rows.append(below)
        return rows

    def _fit_later(self, *_args: Any) -> None:
        self._fit_timer.start()

    def _fit_columns(self) -> None:
        """Size every column but the last (which takes the rest of the width) to the widest
        text of :meth:`_fitted_rows`, or its title, as Qt's ResizeToContents mode did, after
        the same changes (the list built again, rows changed, the table shown or resized).
        Measured here from the model's texts, each text's width kept: the cost of a fitting
        is that of 300 rows' texts, whatever the list's length."""
        self._fit_timer.stop()
        self.fittings += 1
        view = self.view
        header = view.horizontalHeader()
        metrics = view.fontMetrics()
        margin = self._delegate.margin()
        measured = self._widths
        if len(measured) > _WIDTHS_KEPT:
            measured.clear()
        widths = [0] * (len(COLUMNS) - 1)
        texts_of = self.model.fit_texts
        for row in self._fitted_rows():
            texts = texts_of(row)
            if texts is None:
                continue  # drawn across the row: widens no column
            for column, width in enumerate(widths):
                text = texts[column]
                text_width = measured.get(text)
                if text_width is None:
                    text_width = measured[text] = metrics.horizontalAdvance(text) + margin
                if text_width > width:
                    widths[column] = text_width
        low, high = header.minimumSectionSize(), header.maximumSectionSize()
        for column, width in enumerate(widths):
            size = min(max(width, header.sectionSizeHint(column), low), high)
            if header.sectionSize(column) != size:
                header.resizeSection(column, size)

    # -------------------------------------------------------------- reading
    def row_keys(self) -> list[tuple[str, ...]]:
        """The keys of the listed rows, top to bottom."""
        return self.model.row_keys()

    def find_row(self, key: tuple[str, ...]) -> int | None:
        """The table row showing the row ``key``, if listed (and its header open)."""
        return self.model.table_row(key)

    def row_texts(self, row: int) -> list[str]:
        """What table row ``row`` shows in each column."""
        return self.model.row_texts(row)

    def rows(self) -> list[tuple[tuple[str, ...] | None, list[str]]]:
        """Every table row: its key (None for a header) and its texts (for tests)."""
        model = self.model
        return [(model.data(model.index(row, 0), KEY_ROLE), model.row_texts(row)) for row in range(model.rowCount())]

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.model.is_header(index.row()):
            self.model.toggle(index.row())
            return
        self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid() or self.document is None:
            return
        ref = index.data(REF_ROLE)
        if ref is not None and self.document.chain_map.has_node(ref[1]):
            self.document.request_focus([tuple(ref)])
