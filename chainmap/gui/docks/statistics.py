"""The statistics dock: how many segments each region has of each status, and how many gaps
each region has to fill in each tier, drawn with pyqtgraph.

Every number is read off :mod:`chainmap.core.analysis` (region_status, regional_status,
gaps_to_fill, complements, regional_gaps), so the charts agree with the gaps dock and the
command line. The counts are kept segment by segment (:class:`Tally`): an edit counts again
only the segments it touched, so confirming one on a 20,000-segment map does not stall the
editor with a recount of the whole map. The status bars use the canvas's status fills (:mod:`chainmap.render.style`),
so a bar looks like the legend chip of its status. Charts are brought up to date once per
burst of model changes (a 0 ms single-shot timer) and when the view region changes, in place
when they keep their bars and labels (an edit that only changes counts); moves are skipped.
Clicking a bar shows that region's view.

The main window must not import this module before its first paint (pyqtgraph is slow to
import): it calls :func:`install_charts` later.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.model import ChainMap, Edge, Node, Note
from chainmap.core.vocabulary import STATUSES
from chainmap.render import style

from ..document import Document
from ..labels import status_text
from ..widgets import MapListener, RegionViewDock, single_shot_timer
from .statistics_tally import WORKER_SEGMENTS, Part, Tally

# Choose the binding before pyqtgraph picks one itself (it would take any Qt it finds).
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg  # noqa: E402

BAR_WIDTH = 0.62
GROUP_WIDTH = 0.8
# The charts sit side by side when the dock is this many times wider than tall.
WIDE_RATIO = 1.6
# Narrower, a chart's legend would be cut off.
MIN_CHART_WIDTH = 300
# Lower, the bars have no room left between the title and two-line tier names.
MIN_CHART_HEIGHT = 100  # fits the bottom dock as the window builds it: installing must not move the canvas
TITLE_HEIGHT = 20
POLL_MS = 25  # how often a worker's count is looked for
INK = style.INK.name()
AXIS_PEN = style.BOX_BORDER.name()


@dataclass(frozen=True)
class Bar:
    """One drawn bar: ``chart`` is ``"status"`` (``key`` a status) or ``"gaps"`` (``key`` a
    tier id); ``region`` is a region code, or ``None`` for the regional (best-of) bar."""

    chart: str
    region: str | None
    key: str
    count: int
    rect: QRectF


def _pens(pens: list[Any]) -> dict[str, Any]:
    # pyqtgraph 0.14 fails on an empty ``pens`` list (a status no column has).
    return {"pens": pens} if pens else {"pen": None}


def _change_bars(item: pg.BarGraphItem, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Give ``item`` (made with options ``old``) options ``new``, passing only what differs."""
    changes = {key: value for key, value in new.items() if key not in old or old[key] != value}
    if "pen" in new and "pens" in old:  # no bars left: one pen again, as a new item would have
        changes.update(pen=new["pen"], pens=None)
    if changes:
        item.setOpts(**changes)


@dataclass
class _ChartPlan:
    """What one chart draws, as plain data: ``layers`` (a ``BarGraphItem``'s options per key,
    in drawing order), ``labels`` (per key, in the order they are made: a count label's text,
    position and count), the axes' ticks and the view's ranges."""

    layers: dict[str, dict[str, Any]] = field(default_factory=dict)
    labels: dict[tuple[str, Any], tuple[str, tuple[float, float], int]] = field(default_factory=dict)
    bottom_ticks: list[tuple[float, str]] = field(default_factory=list)
    left_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_range: tuple[float, float] = (0.0, 1.0)
    y_range: tuple[float, float] = (0.0, 1.0)

    def same_items(self, other: _ChartPlan) -> bool:
        """Whether ``other`` is drawn by the same items: the same layers and labels, in the same order."""
        return list(self.layers) == list(other.layers) and list(self.labels) == list(other.labels)


def _tick_text(name: str) -> str:
    """A tier name for the axis: "上游（核心零部件）" on two lines, so neighbours do not overlap."""
    for bracket in ("（", "("):
        at = name.find(bracket)
        if at > 0:
            return f"{name[:at]}\n{name[at:]}"
    return name


def _regional_name() -> str:
    return QCoreApplication.translate("charts", "Regional")


def _integer_ticks(top: int) -> list[tuple[float, str]]:
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10**9) if top / s <= 6)
    return [(float(v), str(v)) for v in range(0, top + 1, step)]


class _LegendSample(pg.GraphicsWidget):
    """A legend chip drawn like the map legend's status sample; clicking it hides nothing
    (pyqtgraph's sample would hide a layer and leave a hole in the stacks)."""

    sigClicked = pg.QtCore.Signal(object)

    def __init__(self, fill: QColor, border: QColor) -> None:
        super().__init__()
        self._fill, self._border = QColor(fill), QColor(border)
        self.setFixedWidth(22)
        self.setFixedHeight(16)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(0, 0, 22, 16)

    def paint(self, painter: QPainter, *_args: Any) -> None:
        painter.setPen(pg.mkPen(self._border))
        painter.setBrush(pg.mkBrush(self._fill))
        painter.drawRect(QRectF(2, 3, 18, 11))


def _make_plot(parent: QWidget, title: str) -> tuple[pg.PlotWidget, pg.LegendItem]:
    widget = pg.PlotWidget(parent, background="w")
    widget.setAntialiasing(True)
    widget.setMinimumSize(MIN_CHART_WIDTH, MIN_CHART_HEIGHT)
    plot = widget.getPlotItem()
    plot.setTitle(title, color=INK, size="9pt")
    # pyqtgraph reserves 30 px for a title; the dock below the canvas is short.
    plot.titleLabel.setMaximumHeight(TITLE_HEIGHT)
    plot.layout.setRowFixedHeight(0, TITLE_HEIGHT)
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    # pyqtgraph's options menu has no parent, so it would outlive the dock as a top-level
    # widget; owned by the plot widget, it goes with it.
    plot.ctrlMenu.setParent(widget, plot.ctrlMenu.windowFlags())
    plot.disableAutoRange()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(AXIS_PEN))
        axis.setTextPen(pg.mkPen(INK))
    # Let a label at either end reach a little past the axis rather than vanish.
    plot.getAxis("bottom").setStyle(hideOverlappingLabels=24)
    plot.showGrid(y=True, alpha=0.25)
    # Beside the plot, in the plot item's own grid: a legend inside the view would cover bars.
    legend = pg.LegendItem(labelTextColor=INK, labelTextSize="9pt", sampleType=_LegendSample,
                           frame=False, verSpacing=-6, horSpacing=4)
    # Its own size, not the plot's height: stretched, its labels drift off their chips.
    legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    # Rows 1-3 (top axis, view, bottom axis): in a short dock the view alone is too low for it.
    plot.layout.addItem(legend, 1, 3, 3, 1, alignment=Qt.AlignmentFlag.AlignTop)
    return widget, legend


class _Teardown:
    """Run when the dock is destroyed (its children still exist then): stop listening to
    the model, and empty the plots so no pyqtgraph item outlives its view."""

    def __init__(self, listener: MapListener, plots: list[pg.PlotWidget]) -> None:
        self.listener = listener
        self.plots = plots

    def run(self, *_args: Any) -> None:
        self.listener.disconnect_all()
        for widget in self.plots:
            if shiboken6.isValid(widget):
                widget.getPlotItem().clear()
        self.plots = []


class ChartsDock(RegionViewDock):
    """Segments by status per region and gaps to fill per tier (objectName ``charts``).

    ``ChartsDock(document, parent=None)``; :meth:`set_document` switches maps (``None``:
    none); :meth:`refresh` brings the charts up to date now. For tests and reports:
    :attr:`status_bars` (status → ``BarGraphItem``), :attr:`gap_bars` (region code →
    ``BarGraphItem``), :attr:`bars` (every drawn :class:`Bar`), :attr:`tick_labels`
    (``"status"`` / ``"gaps"`` → the axis labels), :attr:`summary` (the line of counts),
    :attr:`rebuilds` (how many times the charts were brought up to date), :attr:`builds` (how
    many of those made the charts' items anew rather than changing them in place).
    """

    def __init__(self, document: Document | None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("charts", "Statistics"), parent)
        self.setObjectName("charts")
        self.status_bars: dict[str, pg.BarGraphItem] = {}
        self.gap_bars: dict[str, pg.BarGraphItem] = {}
        self.bars: list[Bar] = []
        self.rebuilds = 0
        self.builds = 0
        self._plans: dict[str, _ChartPlan] = {}
        self._labels: dict[str, dict[tuple[str, Any], pg.TextItem]] = {"status": {}, "gaps": {}}
        self._disposed = False
        self._stale = False
        self.visibilityChanged.connect(self._visibility_changed)
        self._segment_labels: list[tuple[pg.TextItem, int]] = []
        self.tick_labels: dict[str, list[str]] = {"status": [], "gaps": []}
        self._label_font = QFont(self.font())
        self._label_font.setPointSizeF(max(7.0, self._label_font.pointSizeF() - 1))
        self._region_legend: list[tuple[str, str]] = []
        self._tally = Tally()
        self._poll = single_shot_timer(self, self._collect, POLL_MS)

        body = QWidget(self)
        self.status_plot, self._status_legend = _make_plot(body, QCoreApplication.translate("charts", "Segments by status"))
        self.gaps_plot, self._gaps_legend = _make_plot(body, QCoreApplication.translate("charts", "Gaps to fill by tier"))
        for status in STATUSES:
            self._status_legend.addItem(_LegendSample(style.STATUS_FILLS[status], style.BOX_BORDER), status_text(status))
        self.summary = QLabel(body)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self._charts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._charts.addWidget(self.status_plot, 1)
        self._charts.addWidget(self.gaps_plot, 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._charts, 1)
        layout.addWidget(self.summary)
        self.setWidget(body)
        self.status_plot.getPlotItem().getViewBox().sigResized.connect(self._fit_segment_labels)
        for widget in (self.status_plot, self.gaps_plot):
            widget.scene().sigMouseClicked.connect(self._clicked)
            widget.scene().sigMouseMoved.connect(self._hovered)

        self._teardown = _Teardown(self._listener, [self.status_plot, self.gaps_plot])
        self.destroyed.connect(self._teardown.run)
        self.set_document(document)

    def set_document(self, document: Document | None) -> None:
        self._tally.dispose()
        self._tally = Tally()  # another map: count it all
        super().set_document(document)

    def schedule_refresh(self, *args: Any) -> None:
        """Rebuild once the burst of changes is over; an edit of segments counts only those
        segments again, an edit of links or notes (nothing counted here) rebuilds nothing."""
        if args and isinstance(args[0], Edge | Note):
            return
        if args and isinstance(args[0], Node):
            if len(args) == 2 and isinstance(args[1], dict):
                if not args[1].keys() & {"regions", "tier"}:
                    return  # a rename, a move, a re-parenting: no count changes
            self._tally.touch(args[0].id)
        elif not (len(args) == 1 and (args[0] is None or isinstance(args[0], str))):
            self._tally.reset()  # regions, tiers, a reset: count it all (a view region: only redraw)
        self._timer.start()

    def refresh_when_seen(self) -> None:
        """Rebuild now if the charts are on screen; a hidden tab (the usual case: behind
        the gaps list) is rebuilt when it is shown, so large maps open without the cost."""
        if self.isVisible() or self.document is None:
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def _visibility_changed(self, visible: bool) -> None:
        if visible and self._stale:
            self._stale = False
            self.refresh()

    def dispose(self) -> None:
        """Stop listening and take the plots down while the application is whole: pyqtgraph
        items left to be deleted with the application crash the process at exit."""
        if self._disposed:
            return
        self.set_document(None)
        self.refresh()  # drops every bar and label while their views still exist
        self._disposed = True
        self._poll.stop()
        self._tally.dispose()
        self._teardown.run()
        for widget in (self.status_plot, self.gaps_plot):
            if shiboken6.isValid(widget):
                widget.close()
                widget.deleteLater()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Side by side below the canvas; one above the other in a tall side dock.
        wide = event.size().width() >= WIDE_RATIO * event.size().height()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._charts.direction() != direction:
            self._charts.setDirection(direction)

    # --------------------------------------------------------------- building
    def refresh(self) -> None:
        """Bring both charts and the summary up to date with the model now; on a map of more
        than :data:`~.statistics_tally.WORKER_SEGMENTS` segments whose segments must all be
        counted (the first time, or after the regions changed), once a worker thread has
        counted them (:attr:`counting`; the charts stay as they were until then).

        What the charts draw is worked out as plain data first (:class:`_ChartPlan`); when it
        needs the same items as what is drawn (the usual edit: a few counts change), only the
        bars, labels, ticks and ranges that differ are changed in place (clearing the charts and
        making their dozens of pyqtgraph items again took 60-90 ms of the event loop for one
        status change on a 100,000-segment map); otherwise the chart's items are made anew
        (:attr:`builds`)."""
        self._timer.stop()
        if self._disposed:
            return
        if self.document is not None:
            chain_map = self.document.chain_map
            if not self._tally.ready(chain_map) and len(chain_map.nodes) > WORKER_SEGMENTS:
                self._tally.start(chain_map)
                self._poll.start()
                return
        self.rebuilds += 1
        self.bars = []
        self.tick_labels = {"status": [], "gaps": []}
        if self.document is None:
            self._segment_labels = []
            self._plans = {}
            self._labels = {"status": {}, "gaps": {}}
            self.status_bars.clear()
            self.gap_bars.clear()
            for widget in (self.status_plot, self.gaps_plot):
                widget.getPlotItem().clear()
            self.summary.clear()
            self._set_region_legend([])
            return
        chain_map = self.document.chain_map
        total = self._tally.update(chain_map)
        status_plan = self._status_plan(chain_map, total)
        gaps_plan = self._gaps_plan(chain_map, total)
        built = self._draw("status", status_plan, self.status_bars, (0.5, 0.5))
        built = self._draw("gaps", gaps_plan, self.gap_bars, (0.5, 1.0)) or built
        if built:
            self.builds += 1
        labels = self._labels["status"]
        self._segment_labels = [(labels[key], count) for key, (_text, _pos, count) in status_plan.labels.items()]
        self._fit_bottom_axes()
        self._fit_segment_labels()
        summary = self._summary_text(total)
        if summary != self.summary.text():
            self.summary.setText(summary)

    @property
    def counting(self) -> bool:
        """True while a worker counts a big map's segments (the charts follow when it is done)."""
        return self._tally.counting

    def _collect(self) -> None:
        if self.document is None or self._disposed:
            return
        if self._tally.collect(self.document.chain_map):
            self.refresh()
        elif self._tally.counting:
            self._poll.start()

    def _bar_pen(self, region: str | None, colour: QColor) -> Any:
        if region is not None and region == self.document.view_region:
            return pg.mkPen(INK, width=2.2)
        return pg.mkPen(colour, width=1)

    def _status_plan(self, chain_map: ChainMap, total: Part) -> _ChartPlan:
        """The status chart: a stacked bar per region and the regional bar, a layer per status."""
        plan = _ChartPlan()
        columns: list[str | None] = [*chain_map.region_codes(), None]
        # The regional bar's name on two lines: a column is narrow.
        names = [chain_map.region(c).name if c is not None else _regional_name().replace(" ", "\n", 1)
                 for c in columns]
        top = max(1, len(chain_map.nodes))
        base = [0] * len(columns)
        for status in STATUSES:
            xs, y0s, heights, pens = [], [], [], []
            for index, code in enumerate(columns):
                count = total["status", code, status]
                if not count:
                    continue
                xs.append(index)
                y0s.append(base[index])
                heights.append(count)
                pens.append(self._bar_pen(code, style.BOX_BORDER))
                self.bars.append(Bar("status", code, status, count,
                                     QRectF(index - BAR_WIDTH / 2, base[index], BAR_WIDTH, count)))
                plan.labels[status, index] = (str(count), (float(index), base[index] + count / 2), count)
                base[index] += count
            plan.layers[status] = {"x": xs, "y0": y0s, "height": heights, "width": BAR_WIDTH, **_pens(pens),
                                   "brush": pg.mkBrush(style.STATUS_FILLS[status]), "name": status}
        plan.bottom_ticks = [(float(i), name) for i, name in enumerate(names)]
        self.tick_labels["status"] = names
        plan.left_ticks = _integer_ticks(top)
        plan.x_range = (-0.6, len(columns) - 0.4)
        plan.y_range = (0, top * 1.04)
        return plan

    def _gaps_plan(self, chain_map: ChainMap, total: Part) -> _ChartPlan:
        """The gaps chart: a group of bars per tier, a layer per region."""
        plan = _ChartPlan()
        counts = Counter({(key[1], key[2]): count for key, count in total.items() if key[0] == "gap" and count})
        tiers = list(chain_map.tiers)
        regions = list(chain_map.regions)
        width = GROUP_WIDTH / max(1, len(regions))
        top = max([1, *counts.values()])
        for r_index, region in enumerate(regions):
            colour = style.region_colour(region, r_index)
            xs, heights, pens = [], [], []
            for t_index, tier in enumerate(tiers):
                count = counts[(tier.id, region.code)]
                if not count:
                    continue
                x = t_index - GROUP_WIDTH / 2 + width * (r_index + 0.5)
                xs.append(x)
                heights.append(count)
                pens.append(self._bar_pen(region.code, colour.darker(140)))
                self.bars.append(Bar("gaps", region.code, tier.id, count, QRectF(x - width / 2, 0, width, count)))
                plan.labels[region.code, tier.id] = (str(count), (x, float(count)), count)
            plan.layers[region.code] = {"x": xs, "height": heights, "width": width * 0.9, **_pens(pens),
                                        "brush": pg.mkBrush(colour), "name": region.code}
        self._set_region_legend([(region.name, style.region_colour(region, i).name())
                                 for i, region in enumerate(regions)])
        names = [_tick_text(tier.name) for tier in tiers]
        plan.bottom_ticks = [(float(i), name) for i, name in enumerate(names)]
        self.tick_labels["gaps"] = names
        # Headroom for the count above the tallest bar.
        axis_top = max(top + 1, round(top * 1.2 + 0.5))
        plan.left_ticks = _integer_ticks(axis_top)
        plan.x_range = (-0.55, max(1, len(tiers)) - 0.45)
        plan.y_range = (0, axis_top)
        return plan

    def _draw(self, chart: str, plan: _ChartPlan, items: dict[str, pg.BarGraphItem],
              anchor: tuple[float, float]) -> bool:
        """Make chart ``chart`` draw ``plan``: in place when the drawn plan has the same items,
        else with new items. True when the items were made anew."""
        widget = self.status_plot if chart == "status" else self.gaps_plot
        plot = widget.getPlotItem()
        old = self._plans.get(chart)
        labels = self._labels[chart]
        built = old is None or not plan.same_items(old)
        if old is None or built:
            plot.clear()
            items.clear()
            labels.clear()
            for name, options in plan.layers.items():
                items[name] = pg.BarGraphItem(**options)
                plot.addItem(items[name])
            for key, (text, pos, _count) in plan.labels.items():
                labels[key] = self._count_label(plot, text, QPointF(*pos), anchor)
        else:
            for name, options in plan.layers.items():
                _change_bars(items[name], old.layers[name], options)
            for key, (text, pos, _count) in plan.labels.items():
                old_text, old_pos, _old_count = old.labels[key]
                if text != old_text:
                    labels[key].setText(text)
                if pos != old_pos:
                    labels[key].setPos(QPointF(*pos))
        if old is None or plan.bottom_ticks != old.bottom_ticks:
            plot.getAxis("bottom").setTicks([plan.bottom_ticks])
        if old is None or plan.left_ticks != old.left_ticks:
            plot.getAxis("left").setTicks([plan.left_ticks])
        if old is None or plan.x_range != old.x_range:
            plot.setXRange(*plan.x_range, padding=0)
        if old is None or plan.y_range != old.y_range:
            plot.setYRange(*plan.y_range, padding=0)
        self._plans[chart] = plan
        return built

    def _fit_bottom_axes(self) -> None:
        # pyqtgraph sizes an axis for one line of text; give two-line names their room, on
        # both charts, so side by side their baselines line up.
        axes = [w.getPlotItem().getAxis("bottom") for w in (self.status_plot, self.gaps_plot)]
        lines = max([1, *(text.count("\n") + 1 for texts in self.tick_labels.values() for text in texts)])
        height = lines * QFontMetrics(self.font()).lineSpacing() + 12
        for axis in axes:
            if axis.fixedHeight != height:
                axis.setHeight(height)

    def _count_label(self, plot: pg.PlotItem, text: str, pos: QPointF, anchor: tuple[float, float]) -> pg.TextItem:
        label = pg.TextItem(text, color=INK, anchor=anchor)
        label.setFont(self._label_font)
        label.setPos(pos)
        label.setZValue(10)  # above the bars of later statuses
        plot.addItem(label)
        return label

    def _fit_segment_labels(self, *_args: Any) -> None:
        """Show a stacked segment's count only where the segment is tall enough for it."""
        view_box = self.status_plot.getPlotItem().getViewBox()
        (_x0, _x1), (y0, y1) = view_box.viewRange()
        pixels_per_unit = view_box.height() / (y1 - y0) if y1 > y0 else 0.0
        needed = QFontMetrics(self._label_font).height() * 0.9
        for label, count in self._segment_labels:
            label.setVisible(count * pixels_per_unit >= needed)

    def _set_region_legend(self, entries: list[tuple[str, str]]) -> None:
        # Rebuilt only when the regions change: re-adding chips relayouts the plot.
        if entries == self._region_legend:
            return
        self._region_legend = entries
        self._gaps_legend.clear()
        for name, colour in entries:
            self._gaps_legend.addItem(_LegendSample(QColor(colour), QColor(colour).darker(140)), name)

    def _summary_text(self, total: Part) -> str:
        gaps = sum(count for key, count in total.items() if key[0] == "gap")
        supplies = total["complement",]
        joint = total["joint",]
        return QCoreApplication.translate("charts", "Gaps to fill: {gaps} · Regional complements: {supplies} · "
                  "Regional gaps (joint investment targets): {joint}").format(
            gaps=gaps, supplies=supplies, joint=joint)

    # ---------------------------------------------------------------- reading
    def bar_at(self, widget: pg.PlotWidget, scene_pos: QPointF) -> Bar | None:
        """The bar of ``widget``'s chart under ``scene_pos`` (scene coordinates), if any."""
        view_box = widget.getPlotItem().getViewBox()
        if not view_box.sceneBoundingRect().contains(scene_pos):
            return None
        point = view_box.mapSceneToView(scene_pos)
        chart = "status" if widget is self.status_plot else "gaps"
        return next((bar for bar in self.bars if bar.chart == chart and bar.rect.contains(point)), None)

    def bar_text(self, bar: Bar) -> str:
        """What a bar counts, in words (its tooltip)."""
        chain_map = self.document.chain_map
        region = chain_map.region(bar.region).name if bar.region is not None else _regional_name()
        if bar.chart == "status":
            return f"{region} · {status_text(bar.key)}: {bar.count}"
        tier = chain_map.tier(bar.key).name
        return QCoreApplication.translate("charts", "{tier} · {region}: {count} to fill").format(tier=tier, region=region,
                                                                            count=bar.count)

    def _sender_widget(self) -> pg.PlotWidget | None:
        scene = self.sender()
        return next((w for w in (self.status_plot, self.gaps_plot) if w.scene() is scene), None)

    def _clicked(self, event: Any) -> None:
        widget = self._sender_widget()
        if self.document is None or widget is None or event.button() != Qt.MouseButton.LeftButton:
            return
        bar = self.bar_at(widget, event.scenePos())
        if bar is not None:
            # The regional bar stands for all regions together.
            self.document.set_view_region(bar.region)

    def _hovered(self, scene_pos: QPointF) -> None:
        widget = self._sender_widget()
        if self.document is None or widget is None:
            return
        bar = self.bar_at(widget, scene_pos)
        widget.setToolTip(self.bar_text(bar) if bar is not None
                          else QCoreApplication.translate("charts", "Click a bar to show that region's view"))


# ---------------------------------------------------------------- installing
def install_charts(window: Any) -> ChartsDock:
    """Add the statistics dock to ``window`` (a main window with ``gaps_dock``, ``panels``,
    ``panels_menu`` and ``document``): in the bottom area as a tab beside the gaps, in its
    saved place if the window's state was restored before, with a toggle in View ▸ Panels.
    Once per window: a second call returns the dock already there."""
    existing = window.findChild(ChartsDock, "charts")
    if existing is not None:
        return existing
    dock = ChartsDock(None, window)
    gaps = window.gaps_dock
    if not window.restoreDockWidget(dock):
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        # A tab behind another has an empty visible region; before the window is shown,
        # the gaps are in front as the window built them.
        in_front = not window.isVisible() or not gaps.visibleRegion().isEmpty()
        window.tabifyDockWidget(gaps, dock)
        if in_front:
            gaps.raise_()  # a new tab must not hide what the user was looking at
    window.panels.append(dock)
    window.panels_menu.addAction(dock.toggleViewAction())
    dock.set_document(window.document)
    return dock
