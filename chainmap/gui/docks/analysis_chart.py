"""The Analysis dock's coverage chart: one bar per region (and 京津冀 as a whole), the share of the
chain's ends (sinks) the region reaches through segments it is strong or present in.

pyqtgraph is imported with this module, so the main window loads it after the map is on screen
(as the statistics dock).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from chainmap.render import style

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg  # noqa: E402

BAR_WIDTH = 0.6
INK = style.INK.name()
AXIS_PEN = style.BOX_BORDER.name()
MIN_HEIGHT = 120
MIN_WIDTH = 240


@dataclass(frozen=True)
class CoverageBar:
    """One drawn bar: region ``key`` (a code or ``"all"``), its ``label`` on the axis, ``share``
    (0–1), ``covered`` of ``sinks`` ends, and where it is drawn (chart coordinates)."""

    key: str
    label: str
    colour: str
    share: float
    covered: int
    sinks: int
    rect: QRectF


class CoverageChart(QWidget):
    """The bars; ``bar_clicked(str)`` names the region key of a clicked bar."""

    bar_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[CoverageBar] = []
        self.selected: str | None = None
        self._disposed = False
        self._drawn: tuple[list[tuple[str, str, str, float, int, int]], str | None] | None = None
        self._graph: Any = None  # the bars (a pg.BarGraphItem), made on the first set_bars
        self._labels: list[Any] = []  # a pg.TextItem per bar: its share
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setAntialiasing(True)
        self.plot.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        item = self.plot.getPlotItem()
        item.setTitle(QCoreApplication.translate("AnalysisDock", "Coverage of the chain's sinks"), color=INK, size="9pt")
        item.titleLabel.setMaximumHeight(20)
        item.layout.setRowFixedHeight(0, 20)
        item.setMouseEnabled(x=False, y=False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.ctrlMenu.setParent(self.plot, item.ctrlMenu.windowFlags())
        item.disableAutoRange()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(AXIS_PEN))
            axis.setTextPen(pg.mkPen(INK))
        item.getAxis("left").setTicks([[(v / 100, f"{v}%") for v in range(0, 101, 25)]])
        item.showGrid(y=True, alpha=0.25)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.plot.scene().sigMouseMoved.connect(self._hovered)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_bars(self, entries: list[tuple[str, str, str, float, int, int]], selected: str | None) -> None:
        """Draw ``(key, label, colour, share, covered, sinks)`` bars; ``selected`` is outlined.

        The bars are one item, given its new heights in one call; a label per bar is kept and
        moved; the same bars asked for again change nothing."""
        if self._disposed or (entries, selected) == self._drawn:
            return
        self._drawn = (list(entries), selected)
        item = self.plot.getPlotItem()
        self.selected = selected
        self.bars = []
        xs, heights, brushes, pens = [], [], [], []
        for index, (key, label, colour, share, covered, sinks) in enumerate(entries):
            self.bars.append(CoverageBar(key, label, colour, share, covered, sinks,
                                         QRectF(index - BAR_WIDTH / 2, 0, BAR_WIDTH, max(share, 0.02))))
            xs.append(index)
            heights.append(share)
            brushes.append(pg.mkBrush(colour))
            pens.append(pg.mkPen(INK, width=2.2) if key == selected else pg.mkPen(colour, width=1))
        while len(self._labels) < len(entries):
            text = pg.TextItem("", color=INK, anchor=(0.5, 1.0))
            item.addItem(text)
            self._labels.append(text)
        for index, text in enumerate(self._labels):
            text.setVisible(index < len(entries))
            if index < len(entries):
                share = entries[index][3]
                text.setText(f"{share:.0%}")
                text.setPos(QPointF(index, share))
        if xs and self._graph is None:
            self._graph = pg.BarGraphItem(x=xs, height=heights, width=BAR_WIDTH, brushes=brushes, pens=pens)
            item.addItem(self._graph)
        elif xs:
            self._graph.setOpts(x=xs, height=heights, width=BAR_WIDTH, brushes=brushes, pens=pens)
        if self._graph is not None:
            self._graph.setVisible(bool(xs))
        item.getAxis("bottom").setTicks([[(float(i), bar.label) for i, bar in enumerate(self.bars)]])
        item.setXRange(-0.6, max(1, len(entries)) - 0.4, padding=0)
        item.setYRange(0, 1.15, padding=0)

    def bar_at(self, scene_pos: QPointF) -> CoverageBar | None:
        """The bar under ``scene_pos`` (the plot's scene coordinates), if any; a whole column
        counts, so a bar at 0 % can be clicked too."""
        view_box = self.plot.getPlotItem().getViewBox()
        if not view_box.sceneBoundingRect().contains(scene_pos):
            return None
        point = view_box.mapSceneToView(scene_pos)
        return next((bar for bar in self.bars if bar.rect.left() <= point.x() <= bar.rect.right()), None)

    def bar_text(self, bar: CoverageBar) -> str:
        """What a bar says, in words (its tooltip)."""
        return QCoreApplication.translate(
            "AnalysisDock", "{region}: {share:.1%}, {covered} of {sinks} sinks reached through segments it is "
            "strong or present in").format(
            region=bar.label.replace("\n", " "), share=bar.share, covered=bar.covered, sinks=bar.sinks)

    def _clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        bar = self.bar_at(event.scenePos())
        if bar is not None:
            self.bar_clicked.emit(bar.key)

    def _hovered(self, scene_pos: QPointF) -> None:
        bar = self.bar_at(scene_pos)
        self.plot.setToolTip(self.bar_text(bar) if bar is not None
                             else QCoreApplication.translate("AnalysisDock", "Click a bar to list that region's fill gains"))

    def dispose(self) -> None:
        """Take the plot down while the application is whole (pyqtgraph items left for exit
        crash the process)."""
        if self._disposed:
            return
        self._disposed = True
        if shiboken6.isValid(self.plot):
            self.plot.getPlotItem().clear()
            self.plot.close()
            self.plot.deleteLater()
