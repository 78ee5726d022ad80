"""Cut, copy, paste and duplicate, within a map and between two windows."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QGuiApplication

from chainmap.core.model import ChainMap, Node, Region, RegionEntry, Tier
from chainmap.gui.canvas.clipboard import FRAGMENT_MIME

from .editor_helpers import map_bytes, node_named

pytestmark = pytest.mark.gui


def small_map() -> ChainMap:
    """Two regions (no Hebei) and tiers with other ids than the examples'."""
    chain_map = ChainMap(
        "map-small", "小图谱", "测试链",
        regions=[Region("CN-BJ", "北京", "#D7263D"), Region("CN-TJ", "天津", "#1F6FB2")],
        tiers=[Tier("t-a", "上游"), Tier("t-b", "中游"), Tier("t-c", "下游")],
    )
    chain_map.add_node(Node("n-only", "唯一环节", "t-a", x=0, y=0, regions={"CN-BJ": RegionEntry("strong")}))
    return chain_map


def select_named(window, *names: str) -> None:
    window.canvas.select_refs([("node", node_named(window, name).id) for name in names])


def test_copy_paste_between_two_windows(make_main_window, example_copy) -> None:
    source = make_main_window(example_copy("vehicles"))
    target = make_main_window(chain_map=small_map())
    battery = node_named(source, "动力电池")
    children = source.document.chain_map.children(battery.id)
    assert children
    select_named(source, "动力电池")
    source.action_copy.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasFormat(FRAGMENT_MIME)
    assert "动力电池" in mime.text().splitlines()
    fragment = json.loads(bytes(mime.data(FRAGMENT_MIME).data()))
    assert len(fragment["nodes"]) == 1 + len(children)

    before = map_bytes(target)
    target.action_paste.trigger()
    chain_map = target.document.chain_map
    pasted = [n for n in chain_map.nodes if n.name == "动力电池"]
    assert len(pasted) == 1
    copy = pasted[0]
    assert copy.id != battery.id and not source.document.chain_map.has_node(copy.id)
    assert copy.tier == "t-b"  # 中游 by name
    assert set(copy.regions) <= {"CN-BJ", "CN-TJ"}
    # Moved into its tier's band (the offset copy would land in 下游's), on no other box.
    scene = target.scene
    assert scene.tier_at(copy.x) == "t-b"
    copy_frame = scene.segment_frame(copy.id)
    assert not copy_frame.intersects(scene.segment_frame("n-only"))
    assert len(chain_map.children(copy.id)) == len(children)
    assert target.document.undo_stack.count() == 1
    selected_nodes = {ref for ref in target.document.selection if ref[0] == "node"}
    assert selected_nodes == {("node", copy.id), *(("node", c) for c in chain_map.children(copy.id))}
    notes = [n for n in chain_map.notes if n.node == copy.id]  # the note on 动力电池 came along
    assert len(notes) == len([n for n in source.document.chain_map.notes if n.node == battery.id])
    # Pasting again lands beside the first copy, not on it.
    target.action_paste.trigger()
    again = [n for n in chain_map.nodes if n.name == "动力电池" and n.id != copy.id][0]
    assert scene.tier_at(again.x) == "t-b"
    assert not scene.segment_frame(again.id).intersects(scene.segment_frame(copy.id))
    target.action_undo.trigger()
    target.action_undo.trigger()
    assert map_bytes(target) == before and not target.isWindowModified()
    assert not source.isWindowModified()


def test_links_and_notes_travel_with_the_segments(main_window) -> None:
    chain_map = main_window.document.chain_map
    original = map_bytes(main_window)
    edge = chain_map.edges[0]
    source, target = chain_map.node(edge.source), chain_map.node(edge.target)
    main_window.canvas.select_refs([("node", source.id), ("node", target.id)])
    nodes_before, edges_before = len(chain_map.nodes), len(chain_map.edges)
    main_window.action_duplicate.trigger()
    copied = len(chain_map.nodes) - nodes_before
    assert copied == 2 + len(chain_map.descendants(source.id)) + len(chain_map.descendants(target.id))
    new_ids = {n.id for n in chain_map.nodes[nodes_before:]}
    assert any(e.source in new_ids and e.target in new_ids for e in chain_map.edges[edges_before:])
    assert main_window.document.undo_stack.count() == 1
    main_window.action_undo.trigger()
    assert map_bytes(main_window) == original


def test_cut_then_paste_restores_names(main_window) -> None:
    original = map_bytes(main_window)
    chain_map = main_window.document.chain_map
    lithium = node_named(main_window, "锂矿")
    select_named(main_window, "锂矿")
    main_window.action_cut.trigger()
    assert not chain_map.has_node(lithium.id)
    assert main_window.action_undo.text().startswith("&Undo Cut")
    main_window.action_paste.trigger()
    pasted = node_named(main_window, "锂矿")
    assert pasted.id != lithium.id and pasted.tier == "up"
    assert main_window.document.undo_stack.count() == 2
    main_window.action_undo.trigger()
    main_window.action_undo.trigger()
    assert map_bytes(main_window) == original


def test_plain_text_paste_makes_segments(main_window) -> None:
    chain_map = main_window.document.chain_map
    QGuiApplication.clipboard().setText("固态电池\n\n氢燃料电池\n")
    count = len(chain_map.nodes)
    main_window.action_paste.trigger()
    assert len(chain_map.nodes) == count + 2
    for name in ("固态电池", "氢燃料电池"):
        node = node_named(main_window, name)
        assert node.x is not None and node.y is not None
    assert main_window.document.undo_stack.count() == 1
