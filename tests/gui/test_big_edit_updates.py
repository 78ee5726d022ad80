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
from chainmap.render.items_segment import BOX

from .lazy_window import fresh_gaps_rows, lower_lazy_thresholds, open_generated_map

pytestmark = pytest.mark.gui

SEGMENTS, LINKS = 600, 900


@pytest.fixture
def big_window(monkeypatch, make_main_window, tmp_path):
    lower_lazy_thresholds(monkeypatch)
    return open_generated_map(make_main_window, tmp_path, SEGMENTS, LINKS)


def _settle(qtbot, window) -> None:
    qtbot.wait(30)
    window.canvas.viewport().repaint()
    QApplication.processEvents()


def _chart_state(dock: ChartsDock) -> tuple[Any, ...]:
    bars = sorted((b.chart, b.region or "", b.key, b.count, b.rect.getRect()) for b in dock.bars)
    return bars, dock.summary.text(), dock.tick_labels


def _rows(dock: GapsDock) -> list[tuple[Any, ...]]:
    return dock.rows()


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
    # Routes the routing's idle slices drew since the last paint (the docks above ran the
    # event loop) are taken in first, as the next paint takes them in.
    overview.catch_up()
    assert _shapes(overview._batches) == _shapes(overview._gather())
    _check_pending(window)


def _check_pending(window) -> None:
    """The pending segments' boxes the overview keeps (recoloured in place) are those a fresh
    gather of the pending segments makes (boxes of segments made since may stay among them)."""
    pending = window.scene.sync.pending
    if not pending or pending._overview is None:
        return
    chain_map = window.document.chain_map
    width, height = BOX.width(), BOX.height()
    waiting = {(node.x - width / 2, node.y - height / 2, width, height)
               for node in map(chain_map.node, pending.nodes) if node.x is not None and node.y is not None}

    def rects(buckets) -> set[tuple[float, ...]]:
        return {r.getRect() for group in buckets.shown(None) for r in group}

    kept = {name: rects(b) & waiting for name, b in pending._overview["boxes"].items()}
    fresh = {name: rects(b) for name, b in pending._gather()["boxes"].items()}
    assert {k: v for k, v in kept.items() if v} == {k: v for k, v in fresh.items() if v}


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
    batches = window.scene.sync.overview._batches
    assert node.id not in window.scene.sync.items.nodes
    assert document.push(change_node(chain_map, node.id, regions=regions))  # a segment not made yet
    assert node.id not in window.scene.sync.items.nodes  # recoloured among the pending boxes
    _check(qtbot, window, charts)
    assert window.scene.sync.overview._batches is batches
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


def _status_change(chain_map, node, code: str):
    regions = dict(node.regions)
    old = regions.get(code)
    regions[code] = RegionEntry("gap" if old is None or old.status != "gap" else "strong")
    return change_node(chain_map, node.id, regions=regions)


def test_gaps_list_built_in_slices_takes_in_edits_made_meanwhile_and_folds(qtbot, big_window, monkeypatch) -> None:
    from chainmap.gui.docks import gaps, gaps_model

    monkeypatch.setattr(gaps, "INCREMENTAL_SEGMENTS", 50)
    monkeypatch.setattr(gaps_model, "PART", 100)
    window = big_window
    document = window.document
    chain_map = document.chain_map
    dock = window.gaps_dock
    code = chain_map.region_codes()[0]
    dock.refresh()
    assert dock.filling
    # Edited while the list is made: one read already, one not yet.
    early, late = chain_map.nodes[3], chain_map.nodes[-3]
    assert document.push(_status_change(chain_map, early, code))
    assert document.push(_status_change(chain_map, late, code))
    qtbot.waitUntil(lambda: not dock.filling)
    qtbot.wait(10)
    assert dock.rows() == fresh_gaps_rows(qtbot, document)
    # Folding a region's header hides its lists from the table, not from the listed rows.
    keys = dock.row_keys()
    table_rows = dock.model.rowCount()
    gap_key = next(k for k in keys if k[0] == "gap" and k[1] == code)
    assert dock.find_row(gap_key) is not None
    dock.model.toggle(0)
    assert dock.model.rowCount() < table_rows and dock.row_keys() == keys
    assert dock.find_row(gap_key) is None
    node = chain_map.node(gap_key[2])
    assert document.push(_status_change(chain_map, node, code))  # while folded
    qtbot.wait(10)
    dock.model.toggle(0)
    assert dock.rows() == fresh_gaps_rows(qtbot, document)
    assert gap_key not in dock.row_keys()
    # Many segments changed at once: built again.
    monkeypatch.setattr(gaps, "PARTIAL_LIMIT", 2)
    with qtbot.waitSignal(dock.model.modelReset):  # the new lists swapped in whole
        document.undo_stack.beginMacro("three")
        for node in chain_map.nodes[10:13]:
            assert document.push(_status_change(chain_map, node, code))
        document.undo_stack.endMacro()
    qtbot.waitUntil(lambda: not dock.filling)
    assert dock.rows() == fresh_gaps_rows(qtbot, document)
    document.set_view_region(code)
    qtbot.waitUntil(lambda: not dock.filling and dock.model.blocks[0].code == code and len(dock.model.blocks) == 5)
    assert dock.rows() == fresh_gaps_rows(qtbot, document)


def test_statistics_counted_by_a_worker_take_in_edits_made_meanwhile(qtbot, big_window, monkeypatch) -> None:
    from chainmap.core.model import Region
    from chainmap.gui.docks import statistics

    monkeypatch.setattr(statistics, "WORKER_SEGMENTS", 50)
    window = big_window
    document = window.document
    chain_map = document.chain_map
    charts = install_charts(window)
    charts.refresh()
    assert charts.counting and charts._tally.full_counts == 0
    assert document.push(_status_change(chain_map, chain_map.nodes[5], chain_map.region_codes()[0]))
    qtbot.waitUntil(lambda: not charts.counting)
    assert charts._tally.full_counts == 1

    def expected() -> tuple[Any, ...]:
        monkeypatch.setattr(statistics, "WORKER_SEGMENTS", 10**9)
        fresh = ChartsDock(document)
        qtbot.addWidget(fresh)
        fresh.refresh()
        state = _chart_state(fresh)
        fresh.dispose()
        monkeypatch.setattr(statistics, "WORKER_SEGMENTS", 50)
        return state

    assert _chart_state(charts) == expected()
    # An edit of one segment is counted at once; new regions count everything again, and a
    # count started for the old regions is dropped.
    assert document.push(_status_change(chain_map, chain_map.nodes[7], chain_map.region_codes()[1]))
    charts.refresh()
    assert not charts.counting and _chart_state(charts) == expected()
    chain_map.add_region(Region("CN-SD", "山东"))
    charts.refresh()
    assert charts.counting
    chain_map.add_region(Region("CN-SX", "山西"))
    charts.refresh()
    qtbot.waitUntil(lambda: not charts.counting)
    assert "山西" in charts.tick_labels["status"]
    assert _chart_state(charts) == expected()
    charts.dispose()


def test_moves_on_a_scene_made_whole_change_the_overview_in_place(qtbot, big_window) -> None:
    window = big_window
    document = window.document
    chain_map = document.chain_map
    sync = window.scene.sync
    sync.complete()  # every item made: the overview draws no pending boxes or lines
    sync.overview.invalidate()
    _settle(qtbot, window)
    batches = sync.overview._batches
    assert batches is not None and not batches["waiting"]
    child = next((n for n in chain_map.nodes if n.parent is not None and chain_map.edges_of(n.id)), None)
    linked = next(n for n in chain_map.nodes if n.parent is None and len(chain_map.edges_of(n.id)) > 1)
    moves = [linked] if child is None else [linked, child]
    for node in moves:
        assert document.push(move_items(chain_map, {("node", node.id): (node.x + 120.0, node.y - 80.0)}))
        _settle(qtbot, window)
        sync.geometry.routes.finish()  # the links routed again, drawn as the routing's slices would
        _settle(qtbot, window)
        assert sync.overview._batches is batches  # changed in place, not gathered again
        assert _shapes(batches) == _shapes(sync.overview._gather())
    for _ in moves:
        document.undo_stack.undo()
        _settle(qtbot, window)
        sync.geometry.routes.finish()
        _settle(qtbot, window)
        assert sync.overview._batches is batches
        assert _shapes(batches) == _shapes(sync.overview._gather())


def test_a_segment_made_after_the_overview_gathered_is_drawn_from_its_item_once_moved(qtbot, big_window) -> None:
    window = big_window
    document = window.document
    chain_map = document.chain_map
    sync = window.scene.sync
    _settle(qtbot, window)
    batches = sync.overview._batches
    assert batches is not None and batches["waiting"]
    node = next(n for n in chain_map.nodes if n.id in sync.pending.nodes and n.parent is None
                and not sync.items.notes_at.get(n.id) and chain_map.edges_of(n.id)
                and all(e.id in sync.pending.edges for e in chain_map.edges_of(n.id)))
    sync.materialize("node", node.id)  # made now: drawn by its pending box until it changes
    old_x, old_y = node.x, node.y
    old_lines = [(chain_map.node(e.source).x, chain_map.node(e.source).y, chain_map.node(e.target).x,
                  chain_map.node(e.target).y) for e in chain_map.edges_of(node.id)]
    assert document.push(move_items(chain_map, {("node", node.id): (old_x + 120.0, old_y - 80.0)}))
    _settle(qtbot, window)
    assert sync.overview._batches is batches  # nothing gathered again
    own = batches["own"]
    width, height = BOX.width(), BOX.height()
    pending_boxes = {r.getRect() for groups in batches["boxes"].values() for b in groups if id(b) not in own
                     for group in b.shown(None) for r in group}
    own_boxes = {r.getRect() for groups in batches["boxes"].values() for b in groups if id(b) in own
                 for group in b.shown(None) for r in group}
    new_box = (old_x + 120.0 - width / 2, old_y - 80.0 - height / 2, width, height)
    assert (old_x - width / 2, old_y - height / 2, width, height) not in pending_boxes | own_boxes
    assert new_box in own_boxes and new_box not in pending_boxes  # drawn once, from its item
    pending_lines = {(ln.x1(), ln.y1(), ln.x2(), ln.y2()) for _pen, groups in batches["lines"].values()
                     for b in groups if id(b) not in own for group in b.shown(None) for ln in group}
    assert not pending_lines & set(old_lines)
    # Its links are made and drawn from their items; the whole equals a fresh gathering.
    assert all(e.id in sync.items.edges and sync.items.edges[e.id] in batches["links"]
               for e in chain_map.edges_of(node.id))
    assert _shapes(batches) == _shapes(sync.overview._gather())
