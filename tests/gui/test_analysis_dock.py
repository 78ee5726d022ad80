"""The Analysis dock: its chokepoints, coverage bars and fill gains are `chainmap analyze --json`'s,
a row click selects and centres the segment, an edit updates it after the pause (worked out off
the event loop), and the analysis overlay marks the chokepoints on the canvas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chainmap.cli import main
from chainmap.core.format.serialize import dumps_map
from chainmap.gui.docks.analysis import DEBOUNCE_MS, AnalysisDock
from chainmap.render.chokepoints import ChokepointBadge

from .standalone_view import show_map  # noqa: F401 - the fixture


def _analyze_json(chain_map, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    path = tmp_path / "now.chainmap.json"
    path.write_bytes(dumps_map(chain_map))
    capsys.readouterr()
    assert main(["analyze", "--json", str(path)]) == 0
    return json.loads(capsys.readouterr().out)


def _dock(shown) -> AnalysisDock:
    dock = AnalysisDock(shown.document, shown.overlay, shown.window)
    shown.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    shown.panels.append(dock)
    QApplication.processEvents()  # a dock added to a shown window shows on the next turn
    assert dock.isVisible()
    return dock


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
        shares = [dock.gains.topLevelItem(i).text(1) for i in range(dock.gains.topLevelItemCount())]
        assert shares == [f"{gain['share_after']:.1%}" for gain in data["fill_gain"][key]]


def test_the_rows_are_those_of_chainmap_analyze(show_map, qtbot, tmp_path, capsys) -> None:  # noqa: F811
    shown = show_map()
    dock = _dock(shown)
    qtbot.waitUntil(lambda: dock.result is not None, timeout=10000)
    data = _analyze_json(shown.document.chain_map, tmp_path, capsys)
    assert data["chokepoints"] and any(data["fill_gain"].values())
    _rows_match(dock, data)
    assert "chokepoints" in dock.summary.text()


def test_clicking_a_row_selects_and_centres_the_segment(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    shown.canvas.zoom_actual()
    shown.canvas.zoom_by(2.0)
    dock = _dock(shown)
    dock.refresh()
    item = dock.chokepoints.topLevelItem(dock.chokepoints.topLevelItemCount() - 1)
    node_id = item.data(0, Qt.ItemDataRole.UserRole)
    rect = dock.chokepoints.visualItemRect(item)
    QTest.mouseClick(dock.chokepoints.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center())
    assert shown.document.selection == [("node", node_id)]
    node = shown.document.chain_map.node(node_id)
    centre = shown.canvas.mapToScene(shown.canvas.viewport().rect().center())
    assert abs(centre.x() - node.x) < 60 and abs(centre.y() - node.y) < 40


def test_an_edit_updates_the_dock_after_the_pause_without_blocking(show_map, qtbot, tmp_path,  # noqa: F811
                                                                    capsys) -> None:
    shown = show_map()
    dock = _dock(shown)
    dock.refresh()
    chain_map = shown.document.chain_map
    before = set(dock.rows("chokepoints"))
    runs = dock.job.runs
    # Cut every link into one chokepoint: it stops being one.
    chokepoint = sorted(before)[0]
    for edge in list(chain_map.edges):
        if edge.target == chokepoint or edge.source == chokepoint:
            chain_map.remove_edge(edge.id)
    # Nothing is worked out while the edits come: the analysis waits for a pause.
    assert dock.job.runs == runs and dock._timer.isActive()
    assert dock._timer.interval() == DEBOUNCE_MS
    qtbot.waitUntil(lambda: dock.job.runs > runs and not dock.job.busy, timeout=10000)
    qtbot.waitUntil(lambda: chokepoint not in dock.rows("chokepoints"), timeout=5000)
    _rows_match(dock, _analyze_json(chain_map, tmp_path, capsys))


def test_the_overlay_marks_the_chokepoints_on_the_canvas(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    dock = _dock(shown)
    dock.refresh()
    chokepoints = set(dock.rows("chokepoints"))
    assert not any(isinstance(item, ChokepointBadge) for item in shown.scene.items())
    dock.overlay_action.setChecked(True)
    assert dock.overlay_box.isChecked()
    qtbot.waitUntil(lambda: shown.overlay.chokepoint_ids() == chokepoints, timeout=10000)
    badges = [item for item in shown.scene.items() if isinstance(item, ChokepointBadge)]
    assert {shown.scene.ref_for(badge)[1] for badge in badges} == chokepoints
    # Each badge sits on its segment's box.
    for node_id in chokepoints:
        badge = shown.overlay.badge(node_id)
        segment = shown.scene.item_for("node", node_id)
        assert badge.parentItem() is segment
        assert segment.sceneBoundingRect().contains(badge.sceneBoundingRect().center())
    dock.overlay_box.setChecked(False)
    assert not dock.overlay_action.isChecked()
    assert not any(isinstance(item, ChokepointBadge) for item in shown.scene.items())


def test_a_hidden_dock_without_the_overlay_does_no_work(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    dock = _dock(shown)
    dock.hide()
    runs = dock.job.runs
    chain_map = shown.document.chain_map
    chain_map.remove_edge(chain_map.edges[0].id)
    qtbot.wait(DEBOUNCE_MS + 200)
    assert dock.job.runs == runs
    dock.show()
    qtbot.waitUntil(lambda: dock.job.runs == runs + 1, timeout=5000)


def test_a_long_list_shows_the_first_rows_and_says_how_many_more(show_map) -> None:  # noqa: F811
    from chainmap.core.model import ChainMap, Edge, Node, Region, RegionEntry, Tier
    from chainmap.gui.docks.analysis_lists import MAX_ROWS

    chain_map = ChainMap("m", "长链", "链", regions=[Region("CN-BJ", "北京")], tiers=[Tier("up", "上游")])
    count = MAX_ROWS + 41
    for i in range(count):
        chain_map.add_node(Node(f"s{i}", f"环节{i}", "up", x=0.0, y=100.0 * i, regions={"CN-BJ": RegionEntry("gap")}))
        if i:
            chain_map.add_edge(Edge(f"l{i}", f"s{i - 1}", f"s{i}"))
    shown = show_map(chain_map)
    dock = _dock(shown)
    dock.refresh()
    assert len(dock.result.chokepoints) == count - 1  # every segment but the sink
    assert len(dock.rows("chokepoints")) == MAX_ROWS
    last = dock.chokepoints.topLevelItem(dock.chokepoints.topLevelItemCount() - 1)
    assert "40 more" in last.text(0)
    assert "(340)" in dock.tabs.tabText(0)
