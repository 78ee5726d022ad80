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
5,000-segment map never waits for them. Clicking a row selects the segment and centres the map
on it. With the overlay on (:attr:`AnalysisDock.overlay_action`), chokepoints carry a badge on
the canvas (:mod:`chainmap.render.chokepoints`).
"""

from __future__ import annotations

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
from chainmap.render import style
from chainmap.render.overlay import MapOverlay

from ..document import Document
from ..widgets import MapListener, is_position_only_change, single_shot_timer
from .analysis_job import AnalysisJob, AnalysisResult, ChokepointRow
from .analysis_lists import SegmentList, all_regions_name, analysis_overlay_action, reason_text

if TYPE_CHECKING:
    from .analysis_chart import CoverageChart

DEBOUNCE_MS = 400
ALL_COLOUR = "#52606D"  # the bar of 京津冀 as a whole


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
        t = QCoreApplication.translate
        self.chokepoints = SegmentList([t("AnalysisDock", "Chokepoint"), t("AnalysisDock", "Sinks held"),
                                        t("AnalysisDock", "Why to tackle")], body)
        self.gains = SegmentList([t("AnalysisDock", "Segment"), t("AnalysisDock", "Coverage after"),
                                  t("AnalysisDock", "More sinks")], body)
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
        self.result = None
        self._timer.stop()
        if document is not None:
            self._listener.connect(document.chain_map, self._map_changed)
            document.view_region_changed.connect(self._view_region_changed)
            self.region = document.view_region or ALL_REGIONS
        self._fill_regions()
        self._show()
        self._stale = True
        self._request_when_wanted(now=True)

    def _map_changed(self, *args: Any) -> None:
        if is_position_only_change(args):
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
        self.job.request(self.document.chain_map)

    def refresh(self) -> None:
        """Analyse now and wait for the result (for tests and scripts)."""
        self._stale = True
        self._request()
        self.job.wait()

    def dispose(self) -> None:
        """Stop the worker and take the chart down (before the application goes)."""
        self._timer.stop()
        self.job.dispose()
        for slot in (self._overlay_toggled, self.overlay_box.setChecked):
            try:
                self.overlay_action.toggled.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.set_document(None)
        self.chart.dispose()

    # ---------------------------------------------------------------- showing
    def _show_result(self, result: AnalysisResult) -> None:
        if self.document is None:
            return
        self.result = result
        self._show()
        if self.overlay is not None and self.overlay_action.isChecked():
            self.overlay.set_chokepoints(row.segment for row in result.chokepoints
                                         if self.document.chain_map.has_node(row.segment))

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
        result = self.result
        if self.document is None or result is None or result.error is not None:
            self.chokepoints.clear()
            self.gains.clear()
        if self.document is None or result is None:
            self.chart.set_bars([], None)
            self._tab_titles(0, 0)
            if self.document is None:
                self.summary.clear()
            return
        if result.error is not None:
            self.summary.setText(QCoreApplication.translate(
                "AnalysisDock", "The chain analysis failed ({error}); the lists show nothing.").format(
                error=result.error))
            return
        chain_map = self.document.chain_map
        if self.region_combo.count() != len(chain_map.regions) + 1:
            self._fill_regions()
        self._show_chart(result)
        region = self.region if self.region in result.coverage else ALL_REGIONS
        share = result.coverage[region].share if region in result.coverage else 0.0
        sinks = len(result.sinks)
        rows = sorted(result.chokepoints, key=lambda r: (-len(r.sinks), r.segment))
        self.chokepoints.fill([(row.segment, chain_map.node(row.segment).name, self._chokepoint_texts(row))
                               for row in rows if chain_map.has_node(row.segment)])
        self.gains.fill([(gain.segment, chain_map.node(gain.segment).name,
                          [f"{gain.share_after:.1%}", f"+{round((gain.share_after - share) * sinks)}"])
                         for gain in result.fill_gains.get(region, []) if chain_map.has_node(gain.segment)])
        self._tab_titles(len(rows), len(result.fill_gains.get(region, [])))
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

    def _show_chart(self, result: AnalysisResult) -> None:
        chain_map = self.document.chain_map if self.document is not None else None
        entries = []
        for key in result.keys:
            cover = result.coverage.get(key)
            if cover is None or chain_map is None:
                continue
            if key == ALL_REGIONS:
                label, colour = QCoreApplication.translate("AnalysisDock", "All"), ALL_COLOUR
            elif chain_map.has_region(key):
                index = chain_map.region_codes().index(key)
                label, colour = chain_map.region(key).name, style.region_colour(chain_map.region(key), index).name()
            else:
                continue
            entries.append((key, label, colour, cover.share, len(cover.covered_sinks), len(result.sinks)))
        self.chart.set_bars(entries, self.region)

    def _chokepoint_texts(self, row: ChokepointRow) -> list[str]:
        """The sinks a chokepoint holds and why to tackle it, for its row."""
        chain_map = self.document.chain_map if self.document is not None else None
        reasons = []
        for reason, code in row.reasons:
            name = chain_map.region(code).name if chain_map is not None and code is not None and \
                chain_map.has_region(code) else (code or "")
            reasons.append(reason_text(reason, name))
        return [str(len(row.sinks)), "; ".join(reasons)]

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
            self.overlay.set_chokepoints([])
        elif self.result is not None and not self._stale:
            self._show_result(self.result)
        else:
            self._request_when_wanted(now=True)
