"""Edits on a big map (issue 14) update the statistics, the gaps list and the far-zoom overview
by what they touched only; what they show must still equal a fresh build's. A map above the
lazy threshold, made small by lowering the thresholds (as tests/gui/test_scale_lazy.py)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from chainmap.core.model import RegionEntry
from chainmap.gui.commands import change_node, move_items
from chainmap.gui.docks.gaps import GapsDock
from chainmap.gui.docks.statistics import ChartsDock, install_charts
from chainmap.render import scene_lazy
from tests.render.bigmap import make_big_map

pytestmark = pytest.mark.gui

SEGMENTS, LINKS = 600, 900


@pytest.fixture
def big_window(monkeypatch, make_main_window, tmp_path):
    from chainmap.core.format.fileio import save_map

    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 50)
    monkeypatch.setattr(scene_lazy, "IDLE_SEGMENTS", 0)
    monkeypatch.setattr(scene_lazy, "CELL", 500.0)
    path = tmp_path / "big.chainmap.json"
    save_map(make_big_map(SEGMENTS, LINKS, columns=2), path)
    return make_main_window(path)


def _settle(qtbot, window) -> None:
    qtbot.wait(30)
    window.canvas.viewport().repaint()
    QApplication.processEvents()


def _chart_state(dock: ChartsDock) -> tuple[Any, ...]:
    bars = sorted((b.chart, b.region or "", b.key, b.count, b.rect.getRect()) for b in dock.bars)
    return bars, dock.summary.text(), dock.tick_labels


def _rows(dock: GapsDock) -> list[tuple[Any, ...]]:
    rows = []
    stack = [dock.tree.topLevelItem(i) for i in reversed(range(dock.tree.topLevelItemCount()))]
    while stack:
        item = stack.pop()
        rows.append((item.data(0, 257), tuple(item.text(c) for c in range(dock.tree.columnCount()))))
        stack.extend(item.child(i) for i in reversed(range(item.childCount())))
    return rows


def _shapes(batches: dict[str, Any]) -> dict[str, Any]:
    def rects(buckets) -> list[tuple[float, ...]]:
        return sorted(r.getRect() for group in buckets.shown(None) for r in group)

    boxes: dict[Any, list[tuple[float, ...]]] = {}
    for key, groups in batches["boxes"].items():
        boxes.setdefault(key, []).extend(s for b in groups for s in rects(b))
    lines: dict[Any, list[tuple[float, ...]]] = {}
    for (_pen_id, dimmed), (pen, groups) in batches["lines"].items():
        key = (pen.color().name(), pen.widthF(), dimmed)
        lines.setdefault(key, []).extend((ln.x1(), ln.y1(), ln.x2(), ln.y2())
                                         for b in groups for group in b.shown(None) for ln in group)
    return {"boxes": {k: sorted(v) for k, v in boxes.items() if v},
            "lines": {k: sorted(v) for k, v in lines.items() if v},
            "frames": rects(batches["frames"]), "notes": rects(batches["notes"]),
            "outlines": {k: rects(b) for k, b in batches["outlines"].items() if len(b)}}


def _check(qtbot, window, charts: ChartsDock) -> None:
    _settle(qtbot, window)
    document = window.document
    charts.refresh()  # the dock is a hidden tab: it counts when shown
    fresh_charts = ChartsDock(document)
    qtbot.addWidget(fresh_charts)
    fresh_charts.refresh()
    assert _chart_state(charts) == _chart_state(fresh_charts)
    fresh_charts.dispose()
    fresh_gaps = GapsDock(document)
    qtbot.addWidget(fresh_gaps)
    assert not window.gaps_dock.filling and not fresh_gaps.filling
    assert _rows(window.gaps_dock) == _rows(fresh_gaps)
    fresh_gaps.set_document(None)
    overview = window.scene.sync.overview
    assert overview._batches is not None  # painted (kept or gathered again)
    assert _shapes(overview._batches) == _shapes(overview._gather())


def test_rename_status_change_move_and_undo_keep_the_docks_and_overview_right(qtbot, big_window) -> None:
    window = big_window
    assert window.scene.overview  # far zoom: the overview paints the map
    charts = install_charts(window)
    document = window.document
    chain_map = document.chain_map
    _check(qtbot, window, charts)
    # A segment with a gap and a complement (rows under several headers).
    node = next(n for n in chain_map.nodes if n.regions and any(e.status in ("gap", "weak") for e in n.regions.values()))
    batches = window.scene.sync.overview._batches
    assert document.push(change_node(chain_map, node.id, name="改名后的环节"))
    _check(qtbot, window, charts)
    assert window.scene.sync.overview._batches is batches  # a rename gathers nothing again
    assert any(rows[1][0].endswith("改名后的环节") for rows in _rows(window.gaps_dock))
    code = chain_map.region_codes()[0]
    regions = dict(node.regions)
    regions[code] = RegionEntry("strong" if node.regions.get(code, RegionEntry("gap")).status != "strong" else "gap")
    assert document.push(change_node(chain_map, node.id, regions=regions))  # a segment not made yet
    _check(qtbot, window, charts)
    # One made, in a region's view (its box and its links dim or light up): recoloured in place.
    other = next(n for n in chain_map.nodes[::-1] if n.id != node.id and n.parent is None and chain_map.edges_of(n.id))
    window.scene.sync.materialize("node", other.id)
    for edge in chain_map.edges_of(other.id):
        window.scene.sync.materialize("edge", edge.id)
    assert window.scene.sync.items.edges_at.get(other.id)
    document.set_view_region(code)
    _check(qtbot, window, charts)
    batches = window.scene.sync.overview._batches
    status = other.regions.get(code, RegionEntry("unknown")).status
    regions = dict(other.regions)
    regions[code] = RegionEntry("gap" if status != "gap" else "strong")
    assert document.push(change_node(chain_map, other.id, regions=regions))
    _check(qtbot, window, charts)
    assert window.scene.sync.overview._batches is batches  # recoloured, not gathered again
    document.undo_stack.undo()
    _check(qtbot, window, charts)
    document.set_view_region(None)
    _check(qtbot, window, charts)
    assert document.push(move_items(chain_map, {("node", node.id): (node.x + 40.0, node.y + 40.0)}))
    _check(qtbot, window, charts)
    for _ in range(3):
        document.undo_stack.undo()
        _check(qtbot, window, charts)
    assert node.name != "改名后的环节"
    charts.dispose()
