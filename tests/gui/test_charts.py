"""The statistics dock draws exactly the core's derived counts, follows edits (not moves)
and the view region, installs into the main window, and lets the process exit cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from chainmap.core import analysis
from chainmap.core.format.fileio import load_map
from chainmap.core.model import ChainMap, RegionEntry
from chainmap.core.vocabulary import STATUSES
from chainmap.examples_path import example_path
from chainmap.gui.commands import change_node, move_items
from chainmap.gui.docks.statistics import ChartsDock, install_charts
from chainmap.gui.document import Document
from chainmap.gui.files.actions import blank_map

from .test_inspector import release

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def expected_status_counts(chain_map: ChainMap) -> dict[str | None, Counter[str]]:
    codes = chain_map.region_codes()
    counts: dict[str | None, Counter[str]] = {
        code: Counter(analysis.region_status(n, code) for n in chain_map.nodes) for code in codes
    }
    counts[None] = Counter(analysis.regional_status(n, codes) for n in chain_map.nodes)
    return counts


def drawn_status_counts(dock: ChartsDock, chain_map: ChainMap) -> dict[str | None, Counter[str]]:
    """Read the stacked bars back: x is the column (regions, then the regional bar), and
    each status's bar starts where the statuses before it end."""
    columns: list[str | None] = [*chain_map.region_codes(), None]
    counts: dict[str | None, Counter[str]] = {code: Counter() for code in columns}
    tops = [0.0] * len(columns)
    for status in STATUSES:
        opts = dock.status_bars[status].opts
        for x, y0, height in zip(opts["x"], opts["y0"], opts["height"], strict=True):
            assert y0 == tops[x]
            tops[x] += height
            counts[columns[x]][status] = height
    return counts


def drawn_gap_counts(dock: ChartsDock, chain_map: ChainMap) -> Counter[tuple[str, str]]:
    tiers = [tier.id for tier in chain_map.tiers]
    counts: Counter[tuple[str, str]] = Counter()
    for code, item in dock.gap_bars.items():
        for x, height in zip(item.opts["x"], item.opts["height"], strict=True):
            counts[(tiers[round(x)], code)] = height  # a group's bars sit within ±0.4 of its tier
    return counts


def expected_gap_counts(chain_map: ChainMap) -> Counter[tuple[str, str]]:
    return Counter((g.node.tier, g.region) for g in analysis.gaps_to_fill(chain_map))


@pytest.fixture
def document():
    doc = Document(load_map(example_path("vehicles")).map)
    yield doc
    release(doc)


@pytest.fixture
def dock(qtbot, document) -> ChartsDock:
    widget = ChartsDock(document)
    qtbot.addWidget(widget)
    widget.show()  # a hidden charts dock waits until it is shown to draw
    return widget


def test_bars_are_the_cores_counts(document, dock):
    chain_map = document.chain_map
    assert dock.objectName() == "charts" and dock.windowTitle() == "Statistics"
    assert drawn_status_counts(dock, chain_map) == expected_status_counts(chain_map)
    assert drawn_gap_counts(dock, chain_map) == expected_gap_counts(chain_map)
    # The vehicles example has every kind of fact, so no comparison above is vacuous.
    assert set(expected_status_counts(chain_map)["CN-BJ"]) == set(STATUSES)
    assert sum(expected_gap_counts(chain_map).values()) == len(analysis.gaps_to_fill(chain_map)) > 0
    text = dock.summary.text()
    assert f"Regional complements: {len(analysis.complements(chain_map))}" in text
    assert f"Regional gaps (joint investment targets): {len(analysis.regional_gaps(chain_map))}" in text
    assert f"Gaps to fill: {len(analysis.gaps_to_fill(chain_map))}" in text
    # Ticks: the region names, then the regional bar; the tiers under the gaps chart.
    assert dock.tick_labels["status"] == [r.name for r in chain_map.regions] + ["Regional"]
    assert dock.tick_labels["gaps"] == [t.name for t in chain_map.tiers]


@pytest.mark.parametrize("slug", ["biomedicine", "cybersecurity", "hydrogen", "machine-tools", "robots"])
def test_every_example_is_drawn_with_its_counts(qtbot, slug):
    document = Document(load_map(example_path(slug)).map)
    dock = ChartsDock(document)
    qtbot.addWidget(dock)
    dock.show()
    chain_map = document.chain_map
    assert drawn_status_counts(dock, chain_map) == expected_status_counts(chain_map)
    assert drawn_gap_counts(dock, chain_map) == expected_gap_counts(chain_map)
    # Long tier names ("上游（制氢）") break before the bracket, and lose nothing.
    assert [t.replace("\n", "") for t in dock.tick_labels["gaps"]] == [t.name for t in chain_map.tiers]
    dock.set_document(None)
    release(document)


def test_an_edit_updates_the_charts_after_the_burst(qtbot, document, dock):
    chain_map = document.chain_map
    node = next(n for n in chain_map.nodes if not analysis.is_assessed(n))
    before = dock.rebuilds
    assert document.push(change_node(chain_map, node.id, regions={
        "CN-TJ": RegionEntry("gap"), "CN-HE": RegionEntry("weak")}))
    assert dock.rebuilds == before  # debounced: nothing yet
    qtbot.waitUntil(lambda: dock.rebuilds > before)
    assert dock.rebuilds == before + 1
    assert drawn_status_counts(dock, chain_map) == expected_status_counts(chain_map)
    assert drawn_gap_counts(dock, chain_map) == expected_gap_counts(chain_map)
    assert drawn_status_counts(dock, chain_map)["CN-TJ"]["gap"] == expected_status_counts(chain_map)["CN-TJ"]["gap"]
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: dock.rebuilds == before + 2)
    assert drawn_status_counts(dock, chain_map) == expected_status_counts(chain_map)


def test_a_move_does_not_rebuild_but_the_view_region_does(qtbot, document, dock):
    node = document.chain_map.nodes[0]
    before = dock.rebuilds
    assert document.push(move_items(document.chain_map, {("node", node.id): (node.x + 40, node.y + 25)}))
    qtbot.wait(30)
    assert dock.rebuilds == before
    document.set_view_region("CN-HE")
    qtbot.waitUntil(lambda: dock.rebuilds == before + 1)
    # The viewed region's bars are outlined in ink, the others in their border colour.
    column = document.chain_map.region_codes().index("CN-HE")
    opts = dock.status_bars["present"].opts
    widths = {x: pen.widthF() for x, pen in zip(opts["x"], opts["pens"], strict=True)}
    assert widths[column] > max(w for x, w in widths.items() if x != column)


def test_clicking_a_bar_shows_its_region(qtbot, document, dock):
    dock.resize(1000, 320)
    dock.show()
    qtbot.waitExposed(dock)

    def click(widget, bar) -> None:
        view_box = widget.getPlotItem().getViewBox()
        scene_pos = view_box.mapViewToScene(bar.rect.center())
        pos = widget.mapFromScene(scene_pos)
        assert dock.bar_at(widget, scene_pos) == bar
        qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))

    bar = next(b for b in dock.bars if b.chart == "status" and b.region == "CN-TJ")
    click(dock.status_plot, bar)
    assert document.view_region == "CN-TJ"
    bar = next(b for b in dock.bars if b.chart == "gaps" and b.region == "CN-HE")
    click(dock.gaps_plot, bar)
    assert document.view_region == "CN-HE"
    qtbot.waitUntil(lambda: not dock._timer.isActive())
    bar = next(b for b in dock.bars if b.chart == "status" and b.region is None)
    click(dock.status_plot, bar)  # the regional bar: all regions
    assert document.view_region is None
    assert "天津" in dock.bar_text(next(b for b in dock.bars if b.region == "CN-TJ"))


def test_no_document_and_switching_documents(qtbot, document):
    dock = ChartsDock(None)
    qtbot.addWidget(dock)
    dock.show()
    assert dock.bars == [] and dock.summary.text() == ""
    dock.set_document(document)
    assert drawn_status_counts(dock, document.chain_map) == expected_status_counts(document.chain_map)
    dock.set_document(None)
    assert dock.bars == [] and dock.status_bars == {}
    before = dock.rebuilds
    document.set_view_region("CN-BJ")  # the old document is no longer heard
    document.chain_map.update_node(document.chain_map.nodes[0].id, name="改名")
    qtbot.wait(30)
    assert dock.rebuilds == before


def test_empty_maps_draw_empty_charts(qtbot):
    bare = Document(ChainMap("map-bare", "空图谱", "机器人"))
    blank = Document(blank_map())
    dock = ChartsDock(bare)
    qtbot.addWidget(dock)
    dock.show()
    assert dock.bars == [] and dock.gap_bars == {}
    assert "Regional complements: 0" in dock.summary.text()
    dock.set_document(blank)
    assert dock.bars == [] and set(dock.gap_bars) == set(blank.chain_map.region_codes())
    assert all(len(item.opts["x"]) == 0 for item in [*dock.status_bars.values(), *dock.gap_bars.values()])
    dock.set_document(None)


def test_the_main_window_installs_the_charts_after_the_first_paint(qtbot, main_window):
    window = main_window
    qtbot.waitUntil(lambda: window.charts_dock is not None)
    dock = window.charts_dock
    assert install_charts(window) is dock  # installing twice gives the same dock
    assert dock in window.panels and dock.parent() is window
    assert window.findChild(QDockWidget, "charts") is dock
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    qtbot.waitUntil(lambda: dock in window.tabifiedDockWidgets(window.gaps_dock))
    QApplication.processEvents()
    assert not window.gaps_dock.visibleRegion().isEmpty()  # the gaps stay in front
    assert dock.toggleViewAction() in window.panels_menu.actions()
    assert dock.document is window.document
    chain_map = window.document.chain_map
    # Behind the gaps tab it has not drawn yet; brought to the front, it draws the map.
    assert dock.bars == []
    dock.raise_()
    qtbot.waitUntil(lambda: dock.bars != [])
    assert drawn_status_counts(dock, chain_map) == expected_status_counts(chain_map)
    # The window hands its next document to every panel, this one included.
    window.set_document(window.make_document(load_map(example_path("vehicles")).map, None))
    assert dock.document is window.document


EXIT_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from chainmap.render.fonts import apply_cjk_fallback, register_bundled_fonts
register_bundled_fonts()
apply_cjk_fallback(app)
from chainmap.core.format.fileio import load_map
from chainmap.examples_path import example_path
from chainmap.gui.docks.statistics import ChartsDock
from chainmap.gui.document import Document
from chainmap.gui.files.actions import blank_map
document = Document(load_map(example_path("vehicles")).map)
dock = ChartsDock(document)
dock.resize(900, 300)
dock.show()
document.set_view_region("CN-TJ")
QTimer.singleShot(200, dock.close)
QTimer.singleShot(300, app.quit)
code = app.exec()
print("bars", len(dock.bars))
sys.exit(code)
"""


def test_the_process_exits_cleanly(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("PYQTGRAPH_QT_LIB", None)
    result = subprocess.run([sys.executable, "-W", "error", "-c", EXIT_SCRIPT], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert "bars" in result.stdout
    for word in ("abort", "Abort", "Traceback", "Segmentation", "Warning"):
        assert word not in result.stderr, result.stderr
