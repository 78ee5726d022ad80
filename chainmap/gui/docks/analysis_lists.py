"""The Analysis dock's words and lists: why a chokepoint is a 卡点, the name of the regions
together, View ▸ Analysis Overlay, and the list of segments a click shows on the map (a view
over a model of the analysis's rows: every row listed, none made as a widget item)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from chainmap.core.analysis.graph import ALL_REGIONS
from chainmap.render import style

if TYPE_CHECKING:  # (the main window imports this module for its View menu)
    from chainmap.core.analysis.coverage import FillGain
    from chainmap.core.model import ChainMap

    from .analysis_job import AnalysisResult, ChokepointRow

ALL_COLOUR = "#52606D"  # the bar of 京津冀 as a whole
COLUMN_WIDTHS = (220, 110)
ID_ROLE = Qt.ItemDataRole.UserRole


def reason_text(reason: str, region: str) -> str:
    """Why a chokepoint is a 卡点 to tackle, in words (``reason`` as a
    :class:`~chainmap.core.analysis.Bottleneck`'s)."""
    if reason == "weak":
        return QCoreApplication.translate("AnalysisDock", "weak in {region}").format(region=region)
    if reason == "single-region":
        return QCoreApplication.translate("AnalysisDock", "only {region} has it").format(region=region)
    if reason == "single-firm":
        return QCoreApplication.translate("AnalysisDock", "a single enterprise ({region})").format(region=region)
    return reason


def chokepoint_cells(row: ChokepointRow, chain_map: ChainMap | None) -> list[str]:
    """A chokepoint's row after its name: how many sinks it holds, and why to tackle it."""
    reasons = []
    for reason, code in row.reasons:
        name = chain_map.region(code).name if chain_map is not None and code is not None and \
            chain_map.has_region(code) else (code or "")
        reasons.append(reason_text(reason, name))
    return [str(len(row.sinks)), "; ".join(reasons)]


def gain_cells(share: float, sinks: int) -> Callable[[FillGain], list[str]]:
    """A fill gain's row after its name, for a region covering ``share`` of ``sinks`` sinks: its
    coverage after filling, and how many more sinks it covers."""

    def cells(gain: FillGain) -> list[str]:
        return [f"{gain.share_after:.1%}", f"+{round((gain.share_after - share) * sinks)}"]

    return cells


def coverage_bars(result: AnalysisResult, chain_map: ChainMap) -> list[tuple[str, str, str, float, int, int]]:
    """The coverage chart's bars for ``result``: ``(key, label, colour, share, covered, sinks)``
    per region of the map, then 京津冀 as a whole."""
    bars = []
    codes = chain_map.region_codes()
    for key in result.keys:
        cover = result.coverage.get(key)
        if cover is None:
            continue
        if key == ALL_REGIONS:
            label, colour = QCoreApplication.translate("AnalysisDock", "All"), ALL_COLOUR
        elif chain_map.has_region(key):
            region = chain_map.region(key)
            label, colour = region.name, style.region_colour(region, codes.index(key)).name()
        else:
            continue
        bars.append((key, label, colour, cover.share, len(cover.covered_sinks), len(result.sinks)))
    return bars


def all_regions_name() -> str:
    """How the dock names 京津冀 as a whole."""
    return QCoreApplication.translate("AnalysisDock", "Beijing–Tianjin–Hebei")


def analysis_overlay_action(parent: QObject) -> QAction:
    """View ▸ Analysis Overlay: mark the chokepoints on the canvas (checkable)."""
    action = QAction(QCoreApplication.translate("AnalysisDock", "&Analysis Overlay: Mark Chokepoints"), parent)
    action.setObjectName("action_analysis_overlay")
    action.setCheckable(True)
    tip = QCoreApplication.translate("AnalysisDock", "Mark the chokepoints on the map with an hourglass")
    action.setStatusTip(tip)
    action.setToolTip(tip)
    return action


class SegmentRows(QAbstractTableModel):
    """The rows of a :class:`SegmentList`: any sequence of rows with a ``segment`` id, shown as
    the segment's name (read from the map when a row is drawn) and the texts ``cells(row)``
    gives. Setting new rows is one reset, whatever their number: the view makes nothing per
    row and asks only for the rows it draws."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: Sequence[Any] = ()
        self._cells: Callable[[Any], list[str]] = lambda row: []
        self._names: Callable[[str], str] = str
        self.resets = 0

    def set_rows(self, rows: Sequence[Any], cells: Callable[[Any], list[str]], names: Callable[[str], str]) -> None:
        """Show ``rows`` (each with a ``segment`` id); ``cells(row)`` gives the texts after the
        name, ``names(segment id)`` the name."""
        self.beginResetModel()
        self.rows, self._cells, self._names = rows, cells, names
        self.resets += 1
        self.endResetModel()

    def texts_changed(self) -> None:
        """Draw the texts again (a segment or a region was renamed); the rows stay."""
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def segment(self, row: int) -> str | None:
        """The segment id of row ``row``."""
        return self.rows[row].segment if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.segment
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return self._names(row.segment)
            cells = self._cells(row)
            return cells[index.column() - 1] if index.column() - 1 < len(cells) else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None


class SegmentList(QTreeView):
    """A list of segments over a :class:`SegmentRows` model (:attr:`rows_model`);
    ``segment_clicked(str)`` names the segment of a clicked (or activated) row."""

    segment_clicked = Signal(str)

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_model = SegmentRows(headers, self)
        self.setModel(self.rows_model)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Sized once, not to their contents: measuring a thousand rows on every update costs.
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.header().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS[: len(headers) - 1]):
            self.setColumnWidth(column, width)
        self.setToolTip(QCoreApplication.translate("AnalysisDock", "Click a row to show its segment on the map"))
        self.clicked.connect(self._clicked)
        self.activated.connect(self._clicked)

    def fill(self, rows: Sequence[Any], cells: Callable[[Any], list[str]], names: Callable[[str], str]) -> None:
        """Show ``rows`` in place of the old ones (see :meth:`SegmentRows.set_rows`)."""
        self.rows_model.set_rows(rows, cells, names)

    def clear(self) -> None:
        """Show no rows."""
        if self.rows_model.rows:
            self.rows_model.set_rows((), lambda row: [], str)

    def ids(self) -> list[str]:
        """The listed segments' ids, top to bottom."""
        return [row.segment for row in self.rows_model.rows]

    def _clicked(self, index: QModelIndex) -> None:
        node_id = self.rows_model.segment(index.row())
        if node_id is not None:
            self.segment_clicked.emit(node_id)
