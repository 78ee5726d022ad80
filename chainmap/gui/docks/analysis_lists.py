"""The Analysis dock's words and lists: why a chokepoint is a 卡点, the name of the regions
together, View ▸ Analysis Overlay, and the list widget of segments a click shows on the map."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

MAX_ROWS = 300  # per list; `chainmap analyze --json` lists all
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


class SegmentList(QTreeWidget):
    """Rows of segments (a name, then ``headers[1:]``); ``segment_clicked(str)`` names the
    segment of a clicked (or activated) row."""

    segment_clicked = Signal(str)

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(headers))
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        # Sized once, not to their contents: measuring a thousand rows on every update costs.
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS[: len(headers) - 1]):
            self.setColumnWidth(column, width)
        self.setToolTip(QCoreApplication.translate("AnalysisDock", "Click a row to show its segment on the map"))
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def fill(self, rows: list[tuple[str, str, list[str]]]) -> None:
        """List ``(segment id, name, texts)`` rows in place of the old ones, at most
        :data:`MAX_ROWS` (then a line says how many more)."""
        self.clear()
        items = []
        for node_id, name, texts in rows[:MAX_ROWS]:
            item = QTreeWidgetItem([name, *texts])
            item.setData(0, ID_ROLE, node_id)
            items.append(item)
        if len(rows) > MAX_ROWS:
            more = QTreeWidgetItem([QCoreApplication.translate(
                "AnalysisDock", "… and {n} more (chainmap analyze --json lists all)").format(n=len(rows) - MAX_ROWS)])
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            items.append(more)
        self.addTopLevelItems(items)

    def ids(self) -> list[str]:
        """The listed segments' ids, top to bottom."""
        ids = [self.topLevelItem(i).data(0, ID_ROLE) for i in range(self.topLevelItemCount())]
        return [node_id for node_id in ids if isinstance(node_id, str)]

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        node_id = item.data(0, ID_ROLE)
        if isinstance(node_id, str):
            self.segment_clicked.emit(node_id)
