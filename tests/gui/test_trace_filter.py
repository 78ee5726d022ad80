"""Trace upstream/downstream and the Filter panel: the right segments fade or hide (and the links
and notes with them), Esc clears a trace, the filter is spelled out in the status bar and cleared
in one click, and both follow edits of the map."""

from __future__ import annotations

import networkx as nx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from chainmap.core.analysis import link_graph
from chainmap.core.analysis.filters import SegmentFilter
from chainmap.core.model import RegionEntry
from chainmap.gui.docks.filter import FilterDock
from chainmap.gui.trace import Trace
from chainmap.render.style import DIM_OPACITY

from .standalone_view import show_map  # noqa: F401 - the fixture


def _opacities(shown) -> dict[str, float]:
    return {node_id: item.opacity() for node_id, item in shown.scene.items_of("node").items()}


def _faded(shown) -> set[str]:
    return {node_id for node_id, opacity in _opacities(shown).items() if abs(opacity - DIM_OPACITY) < 1e-6}


def _trace(shown) -> Trace:
    trace = Trace(shown.overlay, shown.window)
    trace.set_document(shown.document)
    trace.watch_escape(shown.canvas)
    shown.panels.append(trace)
    return trace


# ------------------------------------------------------------------ trace
def test_trace_upstream_fades_everything_but_what_the_segment_depends_on(show_map) -> None:  # noqa: F811
    shown = show_map()
    chain_map = shown.document.chain_map
    battery = shown.node_id("整车制造")
    trace = _trace(shown)
    shown.canvas.select_refs([("node", battery)])
    assert trace.trace_upstream()
    upstream = nx.ancestors(link_graph(chain_map), battery)
    assert upstream  # 动力电池 has suppliers
    every = {node.id for node in chain_map.nodes}
    assert _faded(shown) == every - upstream - {battery}
    assert all(_opacities(shown)[node_id] == 1.0 for node_id in upstream | {battery})
    links = shown.scene.items_of("edge")
    for edge in chain_map.edges:
        inside = edge.source in upstream | {battery} and edge.target in upstream | {battery}
        assert (links[edge.id].opacity() == 1.0) == inside, edge
    assert "整车制造" in trace.status_text()


def test_trace_downstream_and_escape_clears_it_then_the_selection(show_map) -> None:  # noqa: F811
    shown = show_map()
    battery = shown.node_id("动力电池")
    trace = _trace(shown)
    shown.canvas.select_refs([("node", battery)])
    assert trace.trace_downstream()
    downstream = nx.descendants(link_graph(shown.document.chain_map), battery)
    assert len(downstream) >= 2
    assert not (_faded(shown) & downstream)
    shown.canvas.setFocus()
    QTest.keyClick(shown.canvas, Qt.Key.Key_Escape)
    assert not trace.active and _faded(shown) == set()
    assert shown.document.selection == [("node", battery)]  # the first Esc cleared the trace only
    QTest.keyClick(shown.canvas, Qt.Key.Key_Escape)
    shown.canvas.flush_selection()
    assert shown.document.selection == []


def test_a_trace_needs_a_selected_segment(show_map) -> None:  # noqa: F811
    shown = show_map()
    trace = _trace(shown)
    messages: list[str] = []
    shown.document.status_message.connect(messages.append)
    assert not trace.trace_upstream()
    assert messages and "Select a segment" in messages[0]
    assert _faded(shown) == set()


def test_a_trace_follows_edits_and_ends_with_its_segment(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    chain_map = shown.document.chain_map
    battery = shown.node_id("整车制造")
    trace = _trace(shown)
    trace.trace("upstream", battery)
    supplier = next(iter(nx.ancestors(link_graph(chain_map), battery)))
    for edge in list(chain_map.edges):
        if edge.source == supplier:
            chain_map.remove_edge(edge.id)
    qtbot.waitUntil(lambda: supplier not in trace.kept, timeout=3000)
    assert supplier in _faded(shown)
    chain_map.remove_node(battery)
    qtbot.waitUntil(lambda: not trace.active, timeout=3000)
    assert _faded(shown) == set()


# ----------------------------------------------------------------- filter
def _filter(shown) -> FilterDock:
    dock = FilterDock(shown.document, shown.overlay, shown.window)
    shown.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.attach_status_bar(shown.window.statusBar())
    shown.panels.append(dock)
    return dock


def test_filter_by_tier_fades_the_other_tiers_and_says_so_in_the_status_bar(show_map) -> None:  # noqa: F811
    shown = show_map()
    dock = _filter(shown)
    assert not dock.status_button.isVisible()
    # Tick 上游 as a user does: a click on its check box.
    item = next(dock.tiers.item(i) for i in range(dock.tiers.count()) if dock.tiers.item(i).text() == "上游")
    item.setCheckState(Qt.CheckState.Checked)
    chain_map = shown.document.chain_map
    others = {node.id for node in chain_map.nodes if node.tier != "up"}
    assert _faded(shown) == others
    assert dock.status_button.isVisible() and "上游" in dock.status_button.text()
    assert f"{len(chain_map.nodes) - len(others)}/{len(chain_map.nodes)}" in dock.status_button.text()
    QTest.mouseClick(dock.status_button, Qt.MouseButton.LeftButton)
    assert _faded(shown) == set()
    assert not dock.status_button.isVisible()
    assert dock.segment_filter().is_empty


def test_filter_by_status_in_a_region_can_hide_instead_of_fading(show_map) -> None:  # noqa: F811
    shown = show_map()
    dock = _filter(shown)
    chain_map = shown.document.chain_map
    dock.set_filter(SegmentFilter(region="CN-TJ", statuses=frozenset({"weak", "gap"})), hide=True)
    kept = {node.id for node in chain_map.nodes
            if node.regions.get("CN-TJ", RegionEntry()).status in ("weak", "gap")}
    assert kept and len(kept) < len(chain_map.nodes)
    items = shown.scene.items_of("node")
    for node in chain_map.nodes:
        if node.id in kept:
            assert items[node.id].opacity() == 1.0 and items[node.id].isEnabled()
        else:
            assert items[node.id].opacity() == 0.0 and not items[node.id].isEnabled()
    assert shown.overlay.hidden_ids() == {node.id for node in chain_map.nodes} - kept
    assert "天津" in dock.status_button.text()
    # A hidden segment cannot be selected.
    hidden = next(iter(shown.overlay.hidden_ids()))
    shown.scene.select_refs([("node", hidden)])
    assert shown.scene.selected_refs() == []
    dock.hide_box.setChecked(False)
    assert _faded(shown) == {node.id for node in chain_map.nodes} - kept


def test_filter_by_plan_mark_and_tag_combine_with_and(show_map) -> None:  # noqa: F811
    shown = show_map()
    dock = _filter(shown)
    chain_map = shown.document.chain_map
    tagged = {node.id for node in chain_map.nodes if "卡脖子" in node.tags}
    assert tagged
    dock.set_filter(SegmentFilter(tags=frozenset({"卡脖子"})))
    assert _faded(shown) == {node.id for node in chain_map.nodes} - tagged
    with_plan = {node.id for node in chain_map.nodes if any(e.plan and e.plan.action == "fill"
                                                            for e in node.regions.values())}
    dock.set_filter(SegmentFilter(tags=frozenset({"卡脖子"}), actions=frozenset({"fill"})))
    assert _faded(shown) == {node.id for node in chain_map.nodes} - (tagged & with_plan)


def test_the_filter_follows_an_edit(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    dock = _filter(shown)
    chain_map = shown.document.chain_map
    dock.set_filter(SegmentFilter(region="CN-BJ", statuses=frozenset({"gap"})))
    node = next(n for n in chain_map.nodes if n.regions.get("CN-BJ") and n.regions["CN-BJ"].status == "strong")
    assert node.id in _faded(shown)
    regions = dict(node.regions)
    regions["CN-BJ"] = RegionEntry("gap")
    chain_map.update_node(node.id, regions=regions)
    qtbot.waitUntil(lambda: node.id not in _faded(shown), timeout=3000)


def test_trace_and_filter_together_fade_what_either_leaves_out(show_map) -> None:  # noqa: F811
    shown = show_map()
    chain_map = shown.document.chain_map
    dock = _filter(shown)
    trace = _trace(shown)
    battery = shown.node_id("整车制造")
    trace.trace("upstream", battery)
    dock.set_filter(SegmentFilter(tiers=frozenset({"up"})))
    kept = (nx.ancestors(link_graph(chain_map), battery) | {battery}) & {n.id for n in chain_map.nodes
                                                                        if n.tier == "up"}
    assert _faded(shown) == {n.id for n in chain_map.nodes} - kept
    trace.clear()
    assert _faded(shown) == {n.id for n in chain_map.nodes if n.tier != "up"}
