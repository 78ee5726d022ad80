"""The Analysis dock: where the chain breaks and what to do first, read off the link graph.

- **卡点 Chokepoints**: segments on every path from the chain's sources to some of its ends
  (sinks), with the ends they hold and why each is a 卡点 to tackle (a region has it only weakly,
  one region alone has it, one firm alone makes it).
- **覆盖 Coverage**: per region and for 京津冀 as a whole, the share of the ends reached through
  segments the region is strong or present in (a pyqtgraph bar chart; a click picks the region).
- **补链 Fill gains**: for the picked region, the segments it lacks whose filling alone would raise
  its coverage, best first.

The numbers are :mod:`chainmap.core.analysis`'s (the same as ``chainmap analyze``). They are
worked out in a worker thread (:mod:`.analysis_job`), :data:`DEBOUNCE_MS` after the last model
change, and only while the dock is on screen or the analysis overlay is on: editing a
5,000-segment map never waits for them. A result that comes after a newer edit is dropped (the
newer analysis follows). Showing a result costs the event loop little whatever the map's size:
the lists are views over the worker's sorted rows (one model reset; only the rows on screen are
asked for), the chart is given its new bars in one call, the chokepoint badges change by their
difference, a few at a time, each of these on its own turn of the event loop, and a result that
says what the one shown says changes nothing but the summary. Clicking a row selects the
segment and centres the map on it. With the overlay on (:attr:`AnalysisDock.overlay_action`),
chokepoints carry a badge on the canvas (:mod:`chainmap.render.chokepoints`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.analysis.graph import ALL_REGIONS
from chainmap.render.overlay import MapOverlay

from ..document import Document
from ..widgets import MapListener, is_position_only_change, single_shot_timer
from .analysis_job import AnalysisJob, AnalysisResult, ChokepointRow
from .analysis_lists import (
    SegmentList,
    all_regions_name,
    analysis_overlay_action,
    chokepoint_cells,
    coverage_bars,
    gain_cells,
)

if TYPE_CHECKING:
    from .analysis_chart import CoverageChart

DEBOUNCE_MS = 400


class AnalysisDock(QDockWidget):
    """Chokepoints, coverage per region and fill gains (objectName ``analysis``).

    ``AnalysisDock(document, overlay=None, parent=None, overlay_action=None)`` (the window's View ▸
    Analysis Overlay, or one of its own: :func:`~.analysis_lists.analysis_overlay_action`);
    :meth:`set_document` switches maps;
    :attr:`result` is the analysis shown; :attr:`job` computes it; :meth:`rows` lists a list's
    segment ids top to bottom (``"chokepoints"`` or ``"gains"``).
    """

    def __init__(self, document: Document | None, overlay: MapOverlay | None = None,
                 parent: QWidget | None = None, overlay_action: QAction | None = None) -> None:
        super().__init__(QCoreApplication.translate("AnalysisDock", "Analysis"), parent)
        self.setObjectName("analysis")
        self.document: Document | None = None
        self.overlay = overlay
        self.result: AnalysisResult | None = None
        self.region = ALL_REGIONS
        self._stale = True
        self._listener = MapListener()
        self.destroyed.connect(self._listener.disconnect_all)
        self.job = AnalysisJob(self)
        self.job.finished.connect(self._show_result)
        self._timer = single_shot_timer(self, self._request, DEBOUNCE_MS)
        # A new result is shown in stages, one per turn of the event loop (the lists, then the
        # chart, then the badges), so that each is drawn on its own turn.
        self._stages: list[Callable[[], None]] = []
        self._stage_timer = single_shot_timer(self, self._next_stage)

        self.overlay_action = overlay_action if overlay_action is not None else analysis_overlay_action(self)
        self.overlay_action.toggled.connect(self._overlay_toggled)

        body = QWidget(self)
        self.region_combo = QComboBox(body)
        self.region_combo.activated.connect(self._region_picked)
        self.overlay_box = QCheckBox(QCoreApplication.translate("AnalysisDock", "Mark chokepoints on the map"), body)
        self.overlay_box.setChecked(self.overlay_action.isChecked())
        self.overlay_box.toggled.connect(self.overlay_action.setChecked)
        self.overlay_action.toggled.connect(self.overlay_box.setChecked)
        self.summary = QLabel(body)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        # One line that never changes the dock's height: a taller dock would shrink the canvas,
        # and repainting a 5,000-segment canvas costs more than the analysis shown.
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("AnalysisDock", "Region:"), body))
        top.addWidget(self.region_combo)
        top.addStretch(1)
        top.addWidget(self.overlay_box)

        from .analysis_chart import CoverageChart  # pyqtgraph: loaded when the dock is made, not imported

        self.chart: CoverageChart = CoverageChart(body)
        self.chart.bar_clicked.connect(self.set_region)
        self.chokepoints = SegmentList([QCoreApplication.translate("AnalysisDock", "Chokepoint"),
                                        QCoreApplication.translate("AnalysisDock", "Sinks held"),
                                        QCoreApplication.translate("AnalysisDock", "Why to tackle")], body)
        self.gains = SegmentList([QCoreApplication.translate("AnalysisDock", "Segment"),
                                  QCoreApplication.translate("AnalysisDock", "Coverage after"),
                                  QCoreApplication.translate("AnalysisDock", "More sinks")], body)
        for segments in (self.chokepoints, self.gains):
            segments.segment_clicked.connect(self._segment_clicked)
        self.tabs = QTabWidget(body)
        self.tabs.addTab(self.chokepoints, "")
        self.tabs.addTab(self.gains, "")
        splitter = QSplitter(Qt.Orientation.Horizontal, body)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([320, 680])
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        self.setWidget(body)
        self.visibilityChanged.connect(self._visibility_changed)
        self.set_document(document)

    # -------------------------------------------------------------- document
    def set_document(self, document: Document | None) -> None:
        """Analyse ``document``'s map (``None``: show nothing)."""
        if self.document is not None:
            self._listener.disconnect_all()
            self.document.view_region_changed.disconnect(self._view_region_changed)
        self.document = document
        self.job.snapshots.forget()
        self.result = None
        self._timer.stop()
        self._stage_timer.stop()
        self._stages = []
        if document is not None:
            self._listener.connect(document.chain_map, self._map_changed)
            document.view_region_changed.connect(self._view_region_changed)
            self.region = document.view_region or ALL_REGIONS
        self._fill_regions()
        self._show()
        self._stale = True
        self._request_when_wanted(now=True)

    def _map_changed(self, *args: Any) -> None:
        touched = self.job.snapshots.note(args)
        if is_position_only_change(args):
            return
        if not touched and not self._stale and self.result is not None:
            # Nothing the analysis reads changed (a rename, a note, a region's name): the
            # shown result holds and only its texts are drawn again. Analysing a
            # 100,000-segment map again took the worker seconds, holding the interpreter
            # against the event loop.
            self._show_same(self.result)
            return
        self._stale = True
        if self._wanted():
            self._timer.start()

    def _view_region_changed(self, code: str | None) -> None:
        self.set_region(code or ALL_REGIONS)

    def _wanted(self) -> bool:
        return self.document is not None and (self.isVisible() or self.overlay_action.isChecked())

    def _request_when_wanted(self, now: bool = False) -> None:
        if self._stale and self._wanted():
            if now:
                self._request()
            else:
                self._timer.start()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self._request_when_wanted(now=True)

    def _request(self) -> None:
        self._timer.stop()
        if self.document is None:
            return
        self._stale = False
        self.summary.setText(QCoreApplication.translate("AnalysisDock", "Analysing the chain…"))
        self.job.request(self.document.chain_map, self.result)

    def refresh(self) -> None:
        """Analyse now and wait for the result (for tests and scripts)."""
        self._stale = True
        self._request()
        self.job.wait()
        while self._stages:  # the chart too (the badges still come in slices)
            self._next_stage()

    def dispose(self) -> None:
        """Stop the worker and take the chart down (before the application goes)."""
        self._timer.stop()
        self._stage_timer.stop()
        self._stages = []
        self.job.dispose()
        for slot in (self._overlay_toggled, self.overlay_box.setChecked):
            try:
                self.overlay_action.toggled.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.set_document(None)
        self.chart.dispose()

    # ---------------------------------------------------------------- showing
    @property
    def updating(self) -> bool:
        """True while the result that came is still being shown: its chart or its chokepoint
        badges (put on the canvas a few at a time, between other events)."""
        return bool(self._stages) or (self.overlay is not None and self.overlay.chokepoints_pending)

    def _show_result(self, result: AnalysisResult) -> None:
        if self.document is None or self._stale:
            return  # the map changed since it was asked for: a newer analysis follows
        shown = self.result
        self.result = result
        if shown is not None and result.same_as is shown:
            self._show_same(result)
            return
        self._show_lists()
        self._stages = [self._show_chart, self._show_badges]
        self._stage_timer.start()

    def _show_same(self, result: AnalysisResult) -> None:
        """The same analysis as shown (a rename, a move, a text edited): the rows, the bars
        and the badges stay; the texts on screen are drawn again (a segment or region
        renamed)."""
        self.chokepoints.rows_model.texts_changed()
        self.gains.rows_model.texts_changed()
        if result.error is None:
            self._show_frame(result)
        # The chart changes only if a region's name or colour did; each badge is checked
        # to be still on its segment's item.
        self._stages = [self._show_chart, self._show_badges]
        self._stage_timer.start()

    def _next_stage(self) -> None:
        if self._stages:
            self._stages.pop(0)()
        if self._stages:
            self._stage_timer.start()

    def _show_badges(self) -> None:
        result = self.result
        if self.overlay is not None and self.overlay_action.isChecked() and result is not None:
            self.overlay.set_chokepoints(row.segment for row in result.chokepoints)

    def set_region(self, key: str) -> None:
        """List the fill gains of region ``key`` (a code or ``"all"``)."""
        if self.document is None or (key != ALL_REGIONS and not self.document.chain_map.has_region(key)):
            return
        self.region = key
        index = self.region_combo.findData(key)
        if index >= 0:
            self.region_combo.setCurrentIndex(index)
        self._show()

    def _region_picked(self, index: int) -> None:
        key = self.region_combo.itemData(index)
        if isinstance(key, str):
            self.set_region(key)

    def _fill_regions(self) -> None:
        self.region_combo.clear()
        if self.document is None:
            return
        self.region_combo.addItem(all_regions_name(), ALL_REGIONS)
        for region in self.document.chain_map.regions:
            self.region_combo.addItem(region.name, region.code)
        index = self.region_combo.findData(self.region)
        self.region_combo.setCurrentIndex(max(0, index))

    def _show(self) -> None:
        """Show the result (the lists, the summary and the chart) at once."""
        self._show_lists()
        self._show_chart()

    def _show_lists(self) -> None:
        result = self.result
        if self.document is None or result is None or result.error is not None:
            self.chokepoints.clear()
            self.gains.clear()
        if self.document is None or result is None:
            self._tab_titles(0, 0)
            if self.document is None:
                self.summary.clear()
            return
        if result.error is not None:
            self.summary.setText(QCoreApplication.translate(
                "AnalysisDock", "The chain analysis failed ({error}); the lists show nothing.").format(
                error=result.error))
            return
        region = self.region if self.region in result.coverage else ALL_REGIONS
        # The rows are the worker's, sorted there; the views draw only what is on screen.
        if self.chokepoints.rows_model.rows is not result.chokepoints:
            self.chokepoints.fill(result.chokepoints, self._chokepoint_texts, self._segment_name)
        gains = result.fill_gains.get(region, [])
        self.gains.fill(gains, gain_cells(result.coverage[region].share if region in result.coverage else 0.0,
                                          len(result.sinks)), self._segment_name)
        self._show_frame(result)

    def _show_frame(self, result: AnalysisResult) -> None:
        """The region picker (if the regions changed), the tabs' titles and the summary."""
        if self.document is not None:
            regions = [(all_regions_name(), ALL_REGIONS)] + [(r.name, r.code) for r in self.document.chain_map.regions]
            if regions != [(self.region_combo.itemText(i), self.region_combo.itemData(i))
                           for i in range(self.region_combo.count())]:
                self._fill_regions()
        region = self.region if self.region in result.coverage else ALL_REGIONS
        self._tab_titles(len(result.chokepoints), len(result.fill_gains.get(region, [])))
        share = result.coverage[region].share if region in result.coverage else 0.0
        sinks = len(result.sinks)
        self.summary.setText(QCoreApplication.translate(
            "AnalysisDock", "{sources} sources · {sinks} sinks · {chokepoints} chokepoints · {name}: {share:.1%} of "
            "the sinks covered · worked out in {seconds:.2f} s").format(
            sources=len(result.sources), sinks=sinks, chokepoints=len(result.chokepoints),
            name=self._region_name(region), share=share, seconds=result.seconds))

    def _tab_titles(self, chokepoints: int, gains: int) -> None:
        self.tabs.setTabText(0, QCoreApplication.translate("AnalysisDock", "Chokepoints ({n})").format(n=chokepoints))
        name = self._region_name(self.region) if self.document is not None else ""
        self.tabs.setTabText(1, QCoreApplication.translate("AnalysisDock", "Fill gains: {region} ({n})").format(
            region=name, n=gains))

    def _region_name(self, key: str) -> str:
        if key == ALL_REGIONS or self.document is None or not self.document.chain_map.has_region(key):
            return all_regions_name()
        return self.document.chain_map.region(key).name

    def _show_chart(self) -> None:
        result, document = self.result, self.document
        if result is None or result.error is not None or document is None:
            self.chart.set_bars([], None)
            return
        self.chart.set_bars(coverage_bars(result, document.chain_map), self.region)

    def _segment_name(self, node_id: str) -> str:
        """A listed segment's name (its id when it is gone from the map)."""
        chain_map = self.document.chain_map if self.document is not None else None
        return chain_map.node(node_id).name if chain_map is not None and chain_map.has_node(node_id) else node_id

    def _chokepoint_texts(self, row: ChokepointRow) -> list[str]:
        """The sinks a chokepoint holds and why to tackle it, for its row."""
        return chokepoint_cells(row, self.document.chain_map if self.document is not None else None)

    # ---------------------------------------------------------------- reading
    def rows(self, which: str) -> list[str]:
        """The segment ids of list ``which`` (``"chokepoints"`` or ``"gains"``), top to bottom."""
        return (self.chokepoints if which == "chokepoints" else self.gains).ids()

    def _segment_clicked(self, node_id: str) -> None:
        if self.document is not None and self.document.chain_map.has_node(node_id):
            self.document.request_focus([("node", node_id)])

    def _overlay_toggled(self, on: bool) -> None:
        if self.overlay is None:
            return
        if not on:
            self.overlay.clear_chokepoints()
        elif self.result is not None and not self._stale:
            self._show_badges()
        else:
            self._request_when_wanted(now=True)
