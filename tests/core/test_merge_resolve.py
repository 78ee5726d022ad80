"""Resolving merge conflicts and merging two segments, through the model (what the editor does)."""

from __future__ import annotations

import pytest

from chainmap.core.format.fileio import load_map, save_map
from chainmap.core.format.serialize import map_to_data
from chainmap.core.merge.engine import merge_maps
from chainmap.core.merge.resolve import (
    ConflictTarget,
    apply_resolution,
    conflict_target,
    plan_resolution,
    resolution_changes,
    stale_conflicts,
)
from chainmap.core.merge.segment_merge import apply_segment_merge, merge_segments
from chainmap.core.model import ABSENT, ChainMap, ModelError

from .merge_support import assert_valid, base_data, build, copy_of, inputs, load_example, node_of


def conflicted() -> ChainMap:
    """A merged map holding one conflict of each kind, plus nested ones."""
    base = base_data()
    node_of(base, "n-cell")["regions"]["CN-HE"] = {"status": "weak"}
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    node_of(bj, "n-cell")["description"], node_of(tj, "n-cell")["description"] = "北京", "天津"
    node_of(bj, "n-cell")["regions"]["CN-HE"]["status"] = "gap"
    node_of(tj, "n-cell")["regions"]["CN-HE"]["status"] = "present"
    bj["edges"][0]["label"], tj["edges"][0]["label"] = "矿", "锂"
    bj["title"], tj["title"] = "北京标题", "天津标题"
    bj["nodes"] = [n for n in bj["nodes"] if n["id"] != "n-car"]
    bj["edges"] = [e for e in bj["edges"] if e["id"] != "e-cell-car"]
    node_of(tj, "n-car")["kind"] = "product"
    bj["nodes"].append({"id": "n-bj", "name": "固态电池", "tier": "mid"})
    tj["nodes"].append({"id": "n-tj1", "name": "固态电池", "tier": "mid", "aliases": ["全固态电池"]})
    tj["nodes"].append({"id": "n-tj2", "name": "固态 电池", "tier": "mid"})
    tj["edges"].append({"id": "e-tj2", "from": "n-tj2", "to": "n-car", "flows": [{"from": "CN-TJ", "to": "CN-BJ"}]})
    tj["edges"].append({"id": "e-tj1", "from": "n-tj1", "to": "n-car"})
    result = merge_maps(inputs(bj, tj), base=build(base))
    assert_valid(result)
    return result.map


def by_path(chain_map: ChainMap, path: str):  # type: ignore[no-untyped-def]
    return next(c for c in chain_map.conflicts if c.path == path)


def test_conflict_targets() -> None:
    m = conflicted()
    assert conflict_target(m, by_path(m, "/nodes/n-cell/description")) == ConflictTarget("node", "n-cell", "description")
    assert conflict_target(m, by_path(m, "/nodes/n-cell/regions/CN-HE/status")) == ConflictTarget("node", "n-cell", "regions")
    assert conflict_target(m, by_path(m, "/edges/e-ore-cell/label")) == ConflictTarget("edge", "e-ore-cell", "label")
    assert conflict_target(m, by_path(m, "/title")) == ConflictTarget("map", "", "title")
    assert conflict_target(m, by_path(m, "/nodes/n-car")) == ConflictTarget("node", "n-car", "")


def test_an_edit_resolution_is_a_mutator_call_and_leaves_the_conflicts() -> None:
    m = conflicted()
    conflict = by_path(m, "/nodes/n-cell/regions/CN-HE/status")
    changes = resolution_changes(m, conflict, "present")
    assert set(changes) == {"regions"}
    assert changes["regions"]["CN-HE"].status == "present"
    assert changes["regions"]["CN-TJ"] == m.node("n-cell").regions["CN-TJ"]  # the rest untouched
    assert m.node("n-cell").regions["CN-HE"].status == "gap"  # nothing applied yet
    apply_resolution(m, conflict.id, "present")
    assert m.node("n-cell").regions["CN-HE"].status == "present"
    assert conflict.id not in {c.id for c in m.conflicts}
    apply_resolution(m, by_path(m, "/nodes/n-cell/description").id, "自己写的描述")
    assert m.node("n-cell").description == "自己写的描述"
    apply_resolution(m, by_path(m, "/edges/e-ore-cell/label").id, ABSENT)
    assert m.edge("e-ore-cell").label is None
    apply_resolution(m, by_path(m, "/title").id, "天津标题")
    assert m.title == "天津标题"


def test_a_delete_resolution_keeps_or_removes_the_item() -> None:
    m = conflicted()
    conflict = by_path(m, "/nodes/n-car")
    assert plan_resolution(m, conflict, ABSENT).action == "remove"
    assert plan_resolution(m, conflict, {"kept": True}).action == "keep"
    apply_resolution(m, conflict.id, None)
    assert not m.has_node("n-car")
    assert "n-car" in m.deleted
    # Its link's conflict is moot now; nothing about the removed segment is left.
    assert not [c for c in m.conflicts if "n-car" in c.path or c.path == "/edges/e-cell-car"]
    assert stale_conflicts(m) == []


def test_a_duplicate_resolution_merges_the_group_into_the_chosen_segment() -> None:
    m = conflicted()
    conflict = next(c for c in m.conflicts if c.kind == "duplicate")
    assert sorted(v.value for v in conflict.values) == ["n-bj", "n-tj1", "n-tj2"]
    with pytest.raises(ModelError):
        plan_resolution(m, conflict, "n-ore")
    assert plan_resolution(m, conflict, None).action == "keep"
    resolution = apply_resolution(m, conflict.id, "n-bj")
    assert resolution.action == "merge" and len(resolution.merges) == 2
    assert not m.has_node("n-tj1") and not m.has_node("n-tj2")
    assert m.node("n-bj").aliases == ["全固态电池"]
    links = [e for e in m.edges if e.source == "n-bj"]
    assert len(links) == 1 and links[0].target == "n-car"
    assert [(f.source, f.target) for f in links[0].flows] == [("CN-TJ", "CN-BJ")]
    assert not [c for c in m.conflicts if c.kind == "duplicate"]


def test_a_map_with_conflicts_left_saves_and_reopens(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = conflicted()
    path = tmp_path / "merged.chainmap.json"
    save_map(m, path)
    again = load_map(path).map
    assert map_to_data(again) == map_to_data(m)
    assert len(again.conflicts) == len(m.conflicts) > 0


def test_merging_two_segments_unites_them_and_relinks() -> None:
    data = base_data()
    data["nodes"].append({"id": "n-cell2", "name": "锂电芯", "tier": "mid", "aliases": ["电芯"], "tags": ["核心"],
                          "description": "另一份", "regions": {"CN-BJ": {"status": "unknown", "enterprises": [
                              {"name": "示例电芯公司", "city": "北京"}]}, "CN-HE": {"status": "gap"}}})
    data["nodes"].append({"id": "n-sub", "name": "电芯壳体", "tier": "mid", "parent": "n-cell2"})
    node_of(data, "n-cell")["regions"]["CN-BJ"]["enterprises"] = [{"name": "示例 电芯公司", "marks": ["leader"]}]
    data["edges"] += [
        {"id": "e-dup", "from": "n-ore", "to": "n-cell2", "flows": [{"from": "CN-HE", "to": "CN-BJ"}]},
        {"id": "e-loop", "from": "n-cell", "to": "n-cell2"},
        {"id": "e-new", "from": "n-cell2", "to": "n-car", "kind": "technology"},
    ]
    data["notes"] = [{"id": "note-1", "text": "看这里", "x": 0, "y": 0, "node": "n-cell2"}]
    m = build(data)
    plan = merge_segments(m, "n-cell", "n-cell2")
    assert m.has_node("n-cell2")  # pure
    apply_segment_merge(m, plan)
    keep = m.node("n-cell")
    assert keep.aliases == ["锂电芯"]  # "电芯" is the kept name already
    assert keep.tags == ["核心"] and keep.description == "另一份"
    assert keep.regions["CN-BJ"].status == "weak"
    assert [(e.name, e.marks, e.city) for e in keep.regions["CN-BJ"].enterprises] == [("示例 电芯公司", ["leader"], "北京")]
    assert keep.regions["CN-HE"].status == "gap"
    assert m.node("n-sub").parent == "n-cell"
    assert m.note("note-1").node == "n-cell"
    assert not m.has_edge("e-dup") and not m.has_edge("e-loop")
    assert [(f.source, f.target) for f in m.edge("e-ore-cell").flows] == [("CN-HE", "CN-BJ")]
    assert (m.edge("e-new").source, m.edge("e-new").target) == ("n-cell", "n-car")
    assert not m.has_node("n-cell2") and "n-cell2" in m.deleted


def test_merging_a_segment_into_its_own_sub_segment() -> None:
    data = base_data()
    data["nodes"].append({"id": "n-sub", "name": "电芯", "tier": "mid", "parent": "n-cell"})
    data["nodes"].append({"id": "n-subsub", "name": "极片", "tier": "mid", "parent": "n-sub"})
    m = build(data)
    apply_segment_merge(m, merge_segments(m, "n-sub", "n-cell"))
    assert m.node("n-sub").parent is None and m.node("n-subsub").parent == "n-sub"
    assert {(e.source, e.target) for e in m.edges} == {("n-ore", "n-sub"), ("n-sub", "n-car")}
    with pytest.raises(ModelError):
        merge_segments(m, "n-sub", "n-sub")


def test_the_examples_suggestion_can_be_merged() -> None:
    copies = [load_example(r) for r in ("CN-BJ", "CN-TJ", "CN-HE")]
    result = merge_maps(inputs(*copies), base=load_example("base"))
    (suggestion,) = result.report.suggestions
    apply_segment_merge(result.map, merge_segments(result.map, suggestion.a, suggestion.b))
    assert not result.map.has_node(suggestion.b)
    assert suggestion.name_b in result.map.node(suggestion.a).aliases


def test_removing_a_required_value_is_refused_with_a_model_error() -> None:
    from chainmap.core.merge.resolve import resolution_changes
    from chainmap.core.model import ABSENT, ChainMap, Conflict, ConflictValue, ModelError, Node, Tier

    chain_map = ChainMap("m", "t", "c", tiers=[Tier("up", "上游")])
    chain_map.add_node(Node("n1", "动力电池", "up"))
    conflict = Conflict("c-1", "edit", "/nodes/n1/name", [ConflictValue("CN-BJ", "动力电池"), ConflictValue("CN-TJ")])
    chain_map.add_conflict(conflict)
    with pytest.raises(ModelError, match="/nodes/n1/name"):
        resolution_changes(chain_map, chain_map.conflict("c-1"), ABSENT)
