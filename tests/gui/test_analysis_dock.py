"""The Analysis dock in the editor's window: its chokepoints, coverage bars and fill gains are
`chainmap analyze --json`'s, a row click selects and centres the segment, an edit updates it after
the pause (worked out off the event loop), a result overtaken by an edit is never shown, and the
analysis overlay marks the chokepoints on the canvas. On a big map nothing is made per row and
the badges come a few at a time, so a new result never holds up typing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chainmap.cli import main
from chainmap.core.format.serialize import dumps_map
from chainmap.core.model import ChainMap, Edge, Node, Region, RegionEntry, Tier
from chainmap.gui.docks.analysis import DEBOUNCE_MS, AnalysisDock
from chainmap.render.chokepoints import ChokepointBadge


def _analyze_json(chain_map, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    path = tmp_path / "now.chainmap.json"
    path.write_bytes(dumps_map(chain_map))
    capsys.readouterr()
    assert main(["analyze", "--json", str(path)]) == 0
    return json.loads(capsys.readouterr().out)


def _dock(window) -> AnalysisDock:
    """The window's Analysis dock, shown in front (View ▸ Panels ▸ Analysis)."""
    dock = window.navigation.install_analysis()
    assert dock is not None
    dock.show()
    dock.raise_()
    QApplication.processEvents()
    assert dock.isVisible()
    return dock


def _texts(dock: AnalysisDock, which: str, column: int) -> list[str]:
    view = dock.chokepoints if which == "chokepoints" else dock.gains
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _rows_match(dock: AnalysisDock, data: dict) -> None:
    assert sorted(dock.rows("chokepoints")) == [c["segment"] for c in data["chokepoints"]]
    result = dock.result
    assert result is not None
    for row in result.chokepoints:
        assert list(row.sinks) == next(c["sinks"] for c in data["chokepoints"] if c["segment"] == row.segment)
    bars = {bar.key: bar for bar in dock.chart.bars}
    assert list(bars) == list(data["coverage"])
    for key, cover in data["coverage"].items():
        assert round(bars[key].share, 6) == cover["share"]
        assert bars[key].covered == len(cover["covered_sinks"])
        dock.set_region(key)
        assert dock.rows("gains") == [gain["segment"] for gain in data["fill_gain"][key]], key
        assert _texts(dock, "gains", 1) == [f"{gain['share_after']:.1%}" for gain in data["fill_gain"][key]]


def _chain(count: int) -> ChainMap:
    """A single chain of ``count`` segments: every segment but the last is a chokepoint."""
    chain_map = ChainMap("m", "长链", "链", regions=[Region("CN-BJ", "北京")], tiers=[Tier("up", "上游")])
    for i in range(count):
        chain_map.add_node(Node(f"s{i}", f"环节{i}", "up", x=0.0, y=100.0 * i, regions={"CN-BJ": RegionEntry("gap")}))
        if i:
            chain_map.add_edge(Edge(f"l{i}", f"s{i - 1}", f"s{i}"))
    return chain_map


def _badges(window) -> set[str]:
    return {window.scene.ref_for(item)[1] for item in window.scene.items() if isinstance(item, ChokepointBadge)}


def test_the_dock_fills_with_the_rows_of_chainmap_analyze(main_window, qtbot, tmp_path, capsys) -> None:
    dock = _dock(main_window)
    qtbot.waitUntil(lambda: dock.result is not None and not dock.updating, timeout=10000)
    data = _analyze_json(main_window.document.chain_map, tmp_path, capsys)
    assert data["chokepoints"] and any(data["fill_gain"].values())
    _rows_match(dock, data)
    names = {node.id: node.name for node in main_window.document.chain_map.nodes}
    assert _texts(dock, "chokepoints", 0) == [names[node_id] for node_id in dock.rows("chokepoints")]
    assert "chokepoints" in dock.summary.text()
    assert f"({len(data['chokepoints'])})" in dock.tabs.tabText(0)


def test_clicking_a_row_selects_and_centres_the_segment(main_window, qtbot) -> None:
    canvas = main_window.canvas
    canvas.zoom_actual()
    canvas.zoom_by(2.0)
    dock = _dock(main_window)
    dock.refresh()
    view = dock.chokepoints
    index = view.model().index(view.model().rowCount() - 1, 0)
    node_id = dock.rows("chokepoints")[-1]
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualRect(index).center())
    assert main_window.document.selection == [("node", node_id)]
    node = main_window.document.chain_map.node(node_id)
    centre = canvas.mapToScene(canvas.viewport().rect().center())
    assert abs(centre.x() - node.x) < 60 and abs(centre.y() - node.y) < 40


def test_an_edit_updates_the_dock_after_the_pause(main_window, qtbot, tmp_path, capsys) -> None:
    dock = _dock(main_window)
    dock.refresh()
    chain_map = main_window.document.chain_map
    before = set(dock.rows("chokepoints"))
    bars = {bar.key: bar.share for bar in dock.chart.bars}
    runs = dock.job.runs
    # Cut every link into and out of one chokepoint: it stops being one.
    chokepoint = sorted(before)[0]
    for edge in list(chain_map.edges):
        if chokepoint in (edge.target, edge.source):
            chain_map.remove_edge(edge.id)
    # Nothing is worked out while the edits come: the analysis waits for a pause.
    assert dock.job.runs == runs and dock._timer.isActive()
    assert dock._timer.interval() == DEBOUNCE_MS
    qtbot.waitUntil(lambda: dock.job.runs > runs and not dock.job.busy, timeout=10000)
    qtbot.waitUntil(lambda: chokepoint not in dock.rows("chokepoints") and not dock.updating, timeout=5000)
    data = _analyze_json(chain_map, tmp_path, capsys)
    _rows_match(dock, data)
    assert {bar.key: bar.share for bar in dock.chart.bars} != bars  # the chart follows


def test_a_result_overtaken_by_an_edit_is_never_shown(main_window, qtbot, tmp_path, capsys) -> None:
    dock = _dock(main_window)
    dock.refresh()
    chain_map = main_window.document.chain_map
    shown = dock.result
    chokepoint = dock.rows("chokepoints")[0]
    dock._request()  # an analysis of the map as it is now ...
    for edge in list(chain_map.edges):  # ... overtaken by an edit before it comes
        if chokepoint in (edge.target, edge.source):
            chain_map.remove_edge(edge.id)
    dock._timer.stop()  # (the pause after the edit is not over yet)
    dock.job.wait()  # the result of the map before the edit arrives
    assert dock.result is shown
    assert chokepoint in dock.rows("chokepoints")
    dock._timer.start()
    qtbot.waitUntil(lambda: dock.result is not shown and not dock.job.busy and not dock.updating, timeout=10000)
    assert chokepoint not in dock.rows("chokepoints")
    _rows_match(dock, _analyze_json(chain_map, tmp_path, capsys))


def test_the_overlay_marks_the_chokepoints_on_the_canvas(main_window, qtbot) -> None:
    dock = _dock(main_window)
    dock.refresh()
    chokepoints = set(dock.rows("chokepoints"))
    overlay = main_window.navigation.overlay
    assert not _badges(main_window)
    main_window.action_analysis_overlay.setChecked(True)
    assert dock.overlay_box.isChecked()
    qtbot.waitUntil(lambda: overlay.chokepoint_ids() == chokepoints and not dock.updating, timeout=10000)
    assert _badges(main_window) == chokepoints
    for node_id in chokepoints:  # each badge sits on its segment's box
        badge = overlay.badge(node_id)
        segment = main_window.scene.item_for("node", node_id)
        assert badge.parentItem() is segment
        assert segment.sceneBoundingRect().contains(badge.sceneBoundingRect().center())
    dock.overlay_box.setChecked(False)
    assert not main_window.action_analysis_overlay.isChecked()
    assert not _badges(main_window)


def test_an_edit_that_changes_nothing_rebuilds_nothing(main_window, qtbot) -> None:
    """A rename changes nothing the analysis reads: it is not worked out again (on a
    100,000-segment map that took the worker seconds), only the new name is drawn."""
    dock = _dock(main_window)
    main_window.action_analysis_overlay.setChecked(True)
    dock.refresh()
    qtbot.waitUntil(lambda: not dock.updating, timeout=10000)
    overlay = main_window.navigation.overlay
    badges = {node_id: overlay.badge(node_id) for node_id in dock.rows("chokepoints")}
    resets = (dock.chokepoints.model().resets, dock.gains.model().resets)
    bar_item = dock.chart._graph
    result = dock.result
    node_id = dock.rows("chokepoints")[0]
    runs = dock.job.runs
    main_window.document.chain_map.update_node(node_id, name="改名后的环节")  # the chain is the same
    qtbot.wait(DEBOUNCE_MS + 100)
    qtbot.waitUntil(lambda: not dock.job.busy and not dock.updating, timeout=10000)
    assert dock.job.runs == runs and dock.result is result
    assert (dock.chokepoints.model().resets, dock.gains.model().resets) == resets
    assert {node_id: overlay.badge(node_id) for node_id in dock.rows("chokepoints")} == badges
    assert dock.chart._graph is bar_item
    assert _texts(dock, "chokepoints", 0)[0] == "改名后的环节"  # the new name is drawn
    # A region renamed: the same analysis, its new name on its bar and in the region picker.
    code = main_window.document.chain_map.regions[0].code
    main_window.document.chain_map.update_region(code, name="新名字")
    qtbot.wait(DEBOUNCE_MS + 100)
    qtbot.waitUntil(lambda: not dock.job.busy and not dock.updating, timeout=10000)
    assert dock.job.runs == runs and dock.result is result
    assert (dock.chokepoints.model().resets, dock.gains.model().resets) == resets
    assert next(bar.label for bar in dock.chart.bars if bar.key == code) == "新名字"
    assert dock.region_combo.itemText(dock.region_combo.findData(code)) == "新名字"
    # A status change is read by the analysis: it is worked out again.
    node = main_window.document.chain_map.node(node_id)
    regions = dict(node.regions)
    regions[code] = RegionEntry("strong")
    main_window.document.chain_map.update_node(node_id, regions=regions)
    qtbot.waitUntil(lambda: dock.job.runs > runs and not dock.job.busy and not dock.updating, timeout=10000)


def test_every_row_is_listed_and_none_is_made_as_an_item(make_main_window, qtbot) -> None:
    count = 341
    chain = _chain(count)
    window = make_main_window(chain_map=chain)
    dock = _dock(window)
    dock.refresh()
    assert len(dock.result.chokepoints) == count - 1  # every segment but the sink
    assert dock.rows("chokepoints") == sorted(f"s{i}" for i in range(count - 1))  # one sink each: by id
    view = dock.chokepoints
    assert view.model().rowCount() == count - 1
    assert f"({count - 1})" in dock.tabs.tabText(0)
    # The view asks only for the rows it draws; the last row is there when scrolled to.
    last = view.model().index(count - 2, 0)
    view.scrollTo(last)
    assert last.data() == chain.node(dock.rows("chokepoints")[-1]).name
    assert view.indexAt(view.visualRect(last).center()) == last


def test_the_badges_come_a_few_at_a_time(make_main_window, qtbot) -> None:
    from chainmap.render import overlay as overlay_module

    BADGE_BATCH = getattr(overlay_module, "BADGE_BATCH", 100)  # noqa: N806 - the module's constant
    count = 3 * BADGE_BATCH + 1
    window = make_main_window(chain_map=_chain(count))
    dock = _dock(window)
    dock.refresh()
    overlay = window.navigation.overlay
    window.action_analysis_overlay.blockSignals(True)
    window.action_analysis_overlay.setChecked(True)  # on, but nothing asked yet
    window.action_analysis_overlay.blockSignals(False)
    turns = 0
    dock.refresh()  # the result arrives: the lists at once, the badges in slices
    assert len(dock.rows("chokepoints")) == count - 1
    assert len(_badges(window)) <= BADGE_BATCH and getattr(dock, "updating", False)
    while dock.updating:
        QApplication.processEvents()
        turns += 1
        assert len(_badges(window)) <= (turns + 1) * BADGE_BATCH
    assert turns >= 2
    assert _badges(window) == overlay.chokepoint_ids() == {f"s{i}" for i in range(count - 1)}


def test_a_hidden_dock_without_the_overlay_does_no_work(main_window, qtbot) -> None:
    dock = _dock(main_window)
    dock.refresh()
    dock.hide()
    runs = dock.job.runs
    chain_map = main_window.document.chain_map
    chain_map.remove_edge(chain_map.edges[0].id)
    qtbot.wait(DEBOUNCE_MS + 200)
    assert dock.job.runs == runs
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: dock.job.runs == runs + 1, timeout=5000)
