"""A status change on a big map changes the gaps list and the statistics charts in place (issue
14: "nothing O(n) per edit"): the table model is not reset, the chart items are the same
objects, the columns are sized without asking Qt to measure hundreds of cells, and what the
user sees equals what a fresh dock shows (rows, column widths as Qt's own fitting sizes them,
bars, labels, pixels)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from chainmap.core import analysis
from chainmap.core.format.fileio import load_map
from chainmap.core.model import RegionEntry
from chainmap.examples_path import example_path
from chainmap.gui.commands import change_node
from chainmap.gui.docks.gaps import COLUMNS, KEY_ROLE, GapsDock
from chainmap.gui.docks.statistics import ChartsDock
from chainmap.gui.document import Document

from .lazy_window import fresh_gaps_rows, lower_lazy_thresholds, open_generated_map
from .test_inspector import release

pytestmark = pytest.mark.gui


@pytest.fixture
def big_window(monkeypatch, make_main_window, tmp_path):
    """A main window on a 600-segment map the scene treats as big (thresholds lowered)."""
    lower_lazy_thresholds(monkeypatch)
    return open_generated_map(make_main_window, tmp_path, 600, 900)


def _status_change(chain_map, node_id: str, code: str, status: str):
    regions = dict(chain_map.node(node_id).regions)
    regions[code] = RegionEntry(status)
    return change_node(chain_map, node_id, regions=regions)


# ------------------------------------------------------------------------------- the gaps


def _widths(dock: GapsDock) -> list[int]:
    header = dock.view.horizontalHeader()
    return [header.sectionSize(c) for c in range(len(COLUMNS) - 1)]


def _qt_fitted_widths(dock: GapsDock) -> list[int]:
    """The widths Qt's ResizeToContents mode gives the columns (the last one stretches)."""
    view = dock.view
    header = view.horizontalHeader()
    low, high = header.minimumSectionSize(), header.maximumSectionSize()
    return [min(max(view.sizeHintForColumn(c), header.sectionSizeHint(c), low), high) for c in range(len(COLUMNS) - 1)]


def test_a_status_change_moves_the_gaps_rows_without_a_reset_and_fits_the_columns_as_qt(qtbot, big_window) -> None:
    window = big_window
    document = window.document
    chain_map = document.chain_map
    dock = window.gaps_dock
    view = dock.view
    qtbot.waitUntil(lambda: not dock.filling)
    QApplication.processEvents()
    assert view.isVisible() and dock.model.rowCount() > 2 * (view.viewport().height() // view.rowHeight(0))
    assert _widths(dock) == _qt_fitted_widths(dock)
    resets: list[int] = []
    dock.model.modelReset.connect(lambda: resets.append(1))
    # A gap row in the middle of the view: its row leaves, those below move up.
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    QApplication.processEvents()
    middle = view.rowAt(view.viewport().height() // 2)
    key = next(dock.model.index(row, 0).data(KEY_ROLE) for row in range(middle, dock.model.rowCount())
               if (dock.model.index(row, 0).data(KEY_ROLE) or ("",))[0] == "gap")
    _kind, code, node_id = key
    fittings = dock.fittings
    assert document.push(_status_change(chain_map, node_id, code, "strong"))
    qtbot.waitUntil(lambda: dock.fittings > fittings)
    QApplication.processEvents()
    assert key not in dock.row_keys()
    assert dock.rows() == fresh_gaps_rows(qtbot, document)
    assert resets == []  # moved in place: the table is never built again
    assert _widths(dock) == _qt_fitted_widths(dock)
    # Behind another tab (Qt then fits to the rows from the top of the table) and back.
    dock.hide()
    assert document.push(_status_change(chain_map, node_id, code, "gap"))
    qtbot.wait(20)
    assert resets == [] and dock.rows() == fresh_gaps_rows(qtbot, document)
    assert _widths(dock) == _qt_fitted_widths(dock)
    dock.show()
    QApplication.processEvents()
    assert _widths(dock) == _qt_fitted_widths(dock)
    window.resize(window.width() - 200, window.height() - 150)
    QApplication.processEvents()
    assert _widths(dock) == _qt_fitted_widths(dock)
    document.undo_stack.undo()
    document.undo_stack.undo()
    qtbot.wait(20)
    assert resets == [] and dock.rows() == fresh_gaps_rows(qtbot, document)
    assert _widths(dock) == _qt_fitted_widths(dock)


# ----------------------------------------------------------------------------- the charts


@pytest.fixture
def document():
    doc = Document(load_map(example_path("vehicles")).map)
    yield doc
    release(doc)


def _shown_charts(qtbot, document) -> ChartsDock:
    dock = ChartsDock(document)
    qtbot.addWidget(dock)
    dock.resize(900, 320)
    dock.show()
    qtbot.waitExposed(dock)
    return dock


def _state(dock: ChartsDock) -> tuple[Any, ...]:
    bars = [(b.chart, b.region, b.key, b.count, b.rect.getRect()) for b in dock.bars]
    items = {name: {k: _drawn_options(item) for k, item in items.items()}
             for name, items in (("status", dock.status_bars), ("gaps", dock.gap_bars))}
    labels = [(label.toPlainText(), label.pos().x(), label.pos().y(), label.isVisible())
              for widget in (dock.status_plot, dock.gaps_plot) for label in _labels(widget)]
    ranges = [w.getPlotItem().getViewBox().viewRange() for w in (dock.status_plot, dock.gaps_plot)]
    ticks = [w.getPlotItem().getAxis(a)._tickLevels for w in (dock.status_plot, dock.gaps_plot) for a in ("left", "bottom")]
    return bars, items, sorted(labels), ranges, ticks, dock.summary.text(), dock.tick_labels


def _drawn_options(item: Any) -> dict[str, Any]:
    # One pen for every bar is used only without a pen per bar.
    return {key: value for key, value in item.opts.items() if key != "pen" or item.opts["pens"] is None}


def _labels(widget: Any) -> list[Any]:
    return [item for item in widget.getPlotItem().items if hasattr(item, "toPlainText")]  # the count labels


def _pixels(dock: ChartsDock) -> list[QImage]:
    return [w.grab().toImage() for w in (dock.status_plot, dock.gaps_plot)]


def _same_as_fresh(qtbot, dock: ChartsDock, document) -> None:
    fresh = _shown_charts(qtbot, document)
    qtbot.wait(20)  # both laid out
    assert _state(dock) == _state(fresh)
    assert _pixels(dock) == _pixels(fresh)
    fresh.dispose()


def test_a_status_change_changes_the_bars_in_place_drawn_as_a_fresh_chart(qtbot, document) -> None:
    chain_map = document.chain_map
    dock = _shown_charts(qtbot, document)
    _same_as_fresh(qtbot, dock, document)
    items = [*dock.status_bars.values(), *dock.gap_bars.values()]
    labels = _labels(dock.status_plot) + _labels(dock.gaps_plot)
    builds = dock.builds
    # Present → strong in Tianjin, on a segment already strong elsewhere: two of Tianjin's
    # stacked bars change height, no count appears or goes.
    node = next(n for n in chain_map.nodes if analysis.region_status(n, "CN-TJ") == "present"
                and any(e.status == "strong" for c, e in n.regions.items() if c != "CN-TJ"))
    rebuilds = dock.rebuilds
    assert document.push(_status_change(chain_map, node.id, "CN-TJ", "strong"))
    qtbot.waitUntil(lambda: dock.rebuilds > rebuilds)
    assert dock.builds == builds  # changed in place
    assert all(a is b for a, b in zip([*dock.status_bars.values(), *dock.gap_bars.values()], items, strict=True))
    assert all(a is b for a, b in zip(_labels(dock.status_plot) + _labels(dock.gaps_plot), labels, strict=True))
    _same_as_fresh(qtbot, dock, document)
    # The view region outlines its bars: the pens change in place too.
    document.set_view_region("CN-HE")
    qtbot.waitUntil(lambda: not dock._timer.isActive())
    assert dock.builds == builds
    _same_as_fresh(qtbot, dock, document)
    # Beijing's only segment of unknown status made strong: a stacked bar and its label go
    # (the chart's items are made anew).
    unknown = [n for n in chain_map.nodes if analysis.region_status(n, "CN-BJ") == "unknown"]
    assert len(unknown) == 1
    assert document.push(_status_change(chain_map, unknown[0].id, "CN-BJ", "strong"))
    qtbot.waitUntil(lambda: dock.builds > builds)
    _same_as_fresh(qtbot, dock, document)
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.set_view_region(None)
    qtbot.waitUntil(lambda: not dock._timer.isActive())
    _same_as_fresh(qtbot, dock, document)
    dock.dispose()
