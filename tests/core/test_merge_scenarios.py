"""One scenario per rule of merge.md: conflicts of each kind, matching, authority, unions,
positions, deletions, tombstones, ids, the result's bookkeeping."""

from __future__ import annotations

import re
from typing import Any

import pytest

from chainmap.core.format.serialize import map_to_data
from chainmap.core.ids import ID_PATTERN
from chainmap.core.merge.engine import MergeError, MergeInput, merge_maps
from chainmap.core.model import ABSENT

from .merge_support import assert_valid, base_data, build, copy_of, inputs, node_of


def merged(*copies: dict[str, Any], base: dict[str, Any] | None = None, **kwargs: Any) -> tuple[Any, dict[str, Any]]:
    result = merge_maps(inputs(*copies), base=build(base) if base is not None else None, **kwargs)
    return result, assert_valid(result)


def conflict_map(result: Any) -> dict[str, Any]:
    return {c.path: c for c in result.conflicts}


# ------------------------------------------------------------------ edit
def test_one_sided_edits_are_taken_and_equal_edits_agree() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    node_of(bj, "n-ore")["description"] = "锂辉石"
    node_of(bj, "n-car")["kind"] = "product"
    node_of(tj, "n-car")["kind"] = "product"
    result, data = merged(bj, tj, base=base)
    assert result.clean
    assert node_of(data, "n-ore")["description"] == "锂辉石"
    assert node_of(data, "n-car")["kind"] == "product"


@pytest.mark.parametrize("order", [("bj", "tj"), ("tj", "bj")])
def test_two_different_edits_are_an_edit_conflict_holding_the_leads_value(order: tuple[str, str]) -> None:
    base = base_data()
    node_of(base, "n-cell")["description"] = "原描述"
    copies = {"bj": copy_of(base, "CN-BJ"), "tj": copy_of(base, "CN-TJ")}
    node_of(copies["bj"], "n-cell")["description"] = "北京的描述"
    node_of(copies["tj"], "n-cell")["description"] = "天津的描述"
    result, data = merged(*(copies[k] for k in order), base=base)
    (conflict,) = result.conflicts
    assert conflict.kind == "edit"
    assert conflict.path == "/nodes/n-cell/description"
    assert [(v.source, v.value) for v in conflict.values] == [("CN-BJ", "北京的描述"), ("CN-TJ", "天津的描述")]
    assert conflict.base == "原描述"
    assert node_of(data, "n-cell")["description"] == "北京的描述"  # the lead's copy's, provisionally
    assert ID_PATTERN.match(conflict.id)
    assert result.report.conflicts == {"edit": 1, "delete": 0, "duplicate": 0}


def test_without_the_leads_copy_the_first_input_gives_the_provisional_value() -> None:
    base = base_data()
    tj, he = copy_of(base, "CN-TJ"), copy_of(base, "CN-HE")
    node_of(tj, "n-car")["description"] = "天津"
    node_of(he, "n-car")["description"] = "河北"
    assert node_of(merged(he, tj, base=base)[1], "n-car")["description"] == "河北"
    assert node_of(merged(tj, he, base=base)[1], "n-car")["description"] == "天津"


def test_without_a_base_equal_values_are_taken_and_different_ones_conflict() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    node_of(bj, "n-ore")["description"] = "同样"
    node_of(tj, "n-ore")["description"] = "同样"
    node_of(bj, "n-car")["label"] = "北京"  # an unknown key: merged like any value
    node_of(tj, "n-car")["label"] = "天津"
    node_of(tj, "n-cell")["kind"] = "component"  # absent in one copy: a union takes it
    result, data = merged(bj, tj)
    assert node_of(data, "n-ore")["description"] == "同样"
    assert node_of(data, "n-cell")["kind"] == "component"
    (conflict,) = result.conflicts
    assert conflict.path == "/nodes/n-car/label" and "base" not in map_to_data(result.map)["conflicts"][0]


def test_a_plan_removed_by_one_copy_and_changed_by_another_conflicts_as_a_whole() -> None:
    base = base_data()
    node_of(base, "n-cell")["regions"]["CN-HE"] = {"status": "gap", "plan": {"action": "fill", "priority": "low"}}
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")  # nobody owns CN-HE here
    del node_of(bj, "n-cell")["regions"]["CN-HE"]["plan"]
    node_of(tj, "n-cell")["regions"]["CN-HE"]["plan"]["priority"] = "high"
    result, _ = merged(bj, tj, base=base)
    (conflict,) = result.conflicts
    assert conflict.path == "/nodes/n-cell/regions/CN-HE/plan"
    assert [(v.source, v.value) for v in conflict.values] == [
        ("CN-BJ", ABSENT), ("CN-TJ", {"action": "fill", "priority": "high"})]


def test_plan_fields_changed_apart_merge_field_by_field() -> None:
    base = base_data()
    node_of(base, "n-cell")["regions"]["CN-HE"] = {"status": "gap", "plan": {"action": "fill", "priority": "low"}}
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    node_of(bj, "n-cell")["regions"]["CN-HE"]["plan"]["priority"] = "high"
    node_of(tj, "n-cell")["regions"]["CN-HE"]["plan"]["due"] = "2027-06"
    result, data = merged(bj, tj, base=base)
    assert result.clean
    assert node_of(data, "n-cell")["regions"]["CN-HE"]["plan"] == {"action": "fill", "priority": "high", "due": "2027-06"}


def test_map_fields_merge_three_way() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["title"], tj["title"] = "北京标题", "天津标题"
    tj["chain"] = "新链名"
    result, data = merged(bj, tj, base=base)
    assert data["chain"] == "新链名" and data["title"] == "北京标题"
    assert [c.path for c in result.conflicts] == ["/title"]


# ------------------------------------------------------------------ delete
def test_a_deletion_unchanged_elsewhere_is_taken_with_its_links() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["nodes"] = [n for n in bj["nodes"] if n["id"] != "n-car"]
    bj["edges"] = [e for e in bj["edges"] if e["id"] != "e-cell-car"]
    bj["deleted"] = ["n-car", "e-cell-car"]
    node_of(tj, "n-car")["x"] = 999  # a move alone does not keep it
    result, data = merged(bj, tj, base=base)
    assert result.clean
    assert [n["id"] for n in data["nodes"]] == ["n-ore", "n-cell"]
    assert [e["id"] for e in data["edges"]] == ["e-ore-cell"]
    assert data["deleted"] == ["n-car", "e-cell-car"]
    assert result.report.deleted == [("n-car", "整车")] and result.report.links_deleted == 1


def test_a_deletion_against_a_change_is_a_delete_conflict_and_the_item_stays() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["nodes"] = [n for n in bj["nodes"] if n["id"] != "n-car"]
    bj["edges"] = [e for e in bj["edges"] if e["id"] != "e-cell-car"]
    bj["deleted"] = ["n-car", "e-cell-car"]
    node_of(tj, "n-car")["description"] = "天津补充"
    result, data = merged(tj, bj, base=base)
    conflicts = conflict_map(result)
    node_conflict = conflicts["/nodes/n-car"]
    assert node_conflict.kind == "delete"
    assert [(v.source, v.value is ABSENT) for v in node_conflict.values] == [("CN-BJ", True), ("CN-TJ", False)]
    assert node_conflict.values[1].value["description"] == "天津补充"
    assert node_conflict.base == node_of(base, "n-car")
    # Its link was deleted only with it, so it is decided with it.
    assert conflicts["/edges/e-cell-car"].kind == "delete"
    assert node_of(data, "n-car")["description"] == "天津补充"
    assert "deleted" not in data  # kept items are not tombstoned


def test_a_deleted_segment_linked_anew_elsewhere_stays_in_doubt() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["nodes"] = [n for n in bj["nodes"] if n["id"] != "n-ore"]
    bj["edges"] = [e for e in bj["edges"] if e["id"] != "e-ore-cell"]
    tj["edges"].append({"id": "e-ore-car", "from": "n-ore", "to": "n-car"})
    result, data = merged(bj, tj, base=base)
    conflicts = conflict_map(result)
    assert conflicts["/nodes/n-ore"].kind == "delete"
    # Its old link went only with it: in doubt with it.
    assert conflicts["/edges/e-ore-cell"].kind == "delete"
    assert {e["id"] for e in data["edges"]} == {"e-ore-car", "e-cell-car", "e-ore-cell"}


def test_a_deleted_parent_with_a_changed_sub_segment_stays() -> None:
    base = base_data()
    base["nodes"].append({"id": "n-sub", "name": "电芯壳体", "tier": "mid", "parent": "n-cell"})
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["nodes"] = [n for n in bj["nodes"] if n["id"] not in ("n-cell", "n-sub")]
    bj["edges"] = []
    node_of(tj, "n-sub")["description"] = "改了"
    result, data = merged(bj, tj, base=base)
    assert {"/nodes/n-cell", "/nodes/n-sub"} <= set(conflict_map(result))
    assert node_of(data, "n-sub")["parent"] == "n-cell"


def test_without_a_base_a_tombstone_makes_a_delete_conflict_and_plain_absence_does_not() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["nodes"] = [n for n in bj["nodes"] if n["id"] != "n-car"]
    bj["edges"] = [e for e in bj["edges"] if e["id"] != "e-cell-car"]
    bj["deleted"] = ["n-car", "e-cell-car"]
    result, data = merged(bj, tj)
    assert {c.path: c.kind for c in result.conflicts} == {"/nodes/n-car": "delete", "/edges/e-cell-car": "delete"}
    assert [v.source for v in conflict_map(result)["/nodes/n-car"].values] == ["CN-BJ", "CN-TJ"]
    assert "n-car" in {n["id"] for n in data["nodes"]}
    tj["nodes"].append({"id": "n-new", "name": "新环节", "tier": "up"})
    result, data = merged(tj, copy_of(base, "CN-HE"))
    assert not [c for c in result.conflicts if c.path == "/nodes/n-new"]
    assert "n-new" in {n["id"] for n in data["nodes"]}


# ------------------------------------------------------------------ matching
def test_segments_added_apart_match_by_normalised_name() -> None:
    base = base_data()
    bj, he = copy_of(base, "CN-BJ"), copy_of(base, "CN-HE")
    bj["nodes"].append({"id": "n-z-bj", "name": "ＬｉＤＡＲ 模组", "tier": "up",
                        "regions": {"CN-BJ": {"status": "strong"}}})
    he["nodes"].append({"id": "n-a-he", "name": "lidar·模组", "tier": "up", "regions": {"CN-HE": {"status": "gap"}}})
    result, data = merged(he, bj, base=base)
    matched = [n for n in data["nodes"] if n["id"] == "n-z-bj"]  # the lead's copy's id
    assert len(matched) == 1 and "n-a-he" not in {n["id"] for n in data["nodes"]}
    assert matched[0]["regions"] == {"CN-BJ": {"status": "strong"}, "CN-HE": {"status": "gap"}}
    (match,) = result.report.matched_by_name
    assert match.kind == "segment" and [m["source"] for m in match.members] == ["CN-BJ", "CN-HE"]
    assert [c.path for c in result.conflicts] == ["/nodes/n-z-bj/name"]  # the names still differ
    assert result.provenance["n-z-bj"] == ["CN-BJ", "CN-HE"]
    assert result.id_map[("CN-HE", "n-a-he")] == "n-z-bj"


def test_name_matching_needs_the_same_tier_and_keeps_the_smallest_id_without_the_lead() -> None:
    base = base_data()
    tj, he = copy_of(base, "CN-TJ"), copy_of(base, "CN-HE")
    tj["nodes"].append({"id": "n-b", "name": "固态电池", "tier": "mid"})
    he["nodes"].append({"id": "n-a", "name": "固 态 电池", "tier": "mid"})
    he["nodes"].append({"id": "n-c", "name": "固态电池", "tier": "up"})
    result, data = merged(tj, he, base=base)
    ids = [n["id"] for n in data["nodes"]]
    assert "n-a" in ids and "n-b" not in ids and "n-c" in ids


def test_aliases_count_as_names_and_are_unioned() -> None:
    base = base_data()
    tj, he = copy_of(base, "CN-TJ"), copy_of(base, "CN-HE")
    tj["nodes"].append({"id": "n-t", "name": "车路协同路侧设备", "tier": "mid", "aliases": ["路侧单元", "RSU"]})
    he["nodes"].append({"id": "n-h", "name": "rsu", "tier": "mid", "aliases": ["路侧设备"]})
    result, data = merged(tj, he, base=base)
    node = node_of(data, "n-h")
    assert node["aliases"] == ["路侧单元", "RSU", "路侧设备"]
    assert "n-t" not in {n["id"] for n in data["nodes"]}


def test_one_copy_with_two_candidates_is_a_duplicate_conflict_and_nothing_is_merged() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["nodes"].append({"id": "n-bj", "name": "固态电池", "tier": "mid"})
    tj["nodes"].append({"id": "n-tj1", "name": "固态电池", "tier": "mid"})
    tj["nodes"].append({"id": "n-tj2", "name": "固态 电池", "tier": "mid", "aliases": []})
    result, data = merged(bj, tj, base=base)
    (conflict,) = result.conflicts
    assert conflict.kind == "duplicate" and conflict.path == "/nodes/n-bj"
    assert sorted(v.value for v in conflict.values) == ["n-bj", "n-tj1", "n-tj2"]
    assert {"n-bj", "n-tj1", "n-tj2"} <= {n["id"] for n in data["nodes"]}
    assert result.report.conflicts["duplicate"] == 1


def test_an_item_of_the_base_deleted_in_a_copy_is_not_matched_to_that_copys_new_item() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["nodes"] = [n for n in bj["nodes"] if n["id"] != "n-car"] + [{"id": "n-car2", "name": "整车", "tier": "down"}]
    bj["edges"] = [e for e in bj["edges"] if e["id"] != "e-cell-car"]
    result, data = merged(bj, tj, base=base)
    ids = [n["id"] for n in data["nodes"]]
    assert "n-car" not in ids and "n-car2" in ids and result.clean


def test_links_match_by_ends_and_kind_after_segments_match() -> None:
    base = base_data()
    bj, he = copy_of(base, "CN-BJ"), copy_of(base, "CN-HE")
    bj["nodes"].append({"id": "n-ss-bj", "name": "固态电池", "tier": "mid"})
    bj["edges"].append({"id": "e-bj", "from": "n-ss-bj", "to": "n-car", "flows": [{"from": "CN-BJ", "to": "CN-HE"}]})
    he["nodes"].append({"id": "n-ss-he", "name": "固态电池", "tier": "mid"})
    he["edges"].append({"id": "e-he", "from": "n-ss-he", "to": "n-car", "kind": "supply"})
    he["edges"].append({"id": "e-he-tech", "from": "n-ss-he", "to": "n-car", "kind": "technology"})
    result, data = merged(bj, he, base=base)
    new_edges = [e for e in data["edges"] if e["from"] == "n-ss-bj"]
    assert sorted(e["id"] for e in new_edges) == ["e-bj", "e-he-tech"]
    linked = next(e for e in new_edges if e["id"] == "e-bj")
    assert linked["kind"] == "supply" and linked["flows"] == [{"from": "CN-BJ", "to": "CN-HE"}]
    assert [m.kind for m in result.report.matched_by_name] == ["segment", "link"]


def test_alike_names_are_suggested_with_a_score_and_never_merged() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["nodes"].append({"id": "n-p1", "name": "锂电池正极材料", "tier": "up"})
    tj["nodes"].append({"id": "n-p2", "name": "正极材料", "tier": "up"})
    tj["nodes"].append({"id": "n-p3", "name": "正极材料", "tier": "down"})  # another tier: not offered
    tj["nodes"].append({"id": "n-p4", "name": "芯片", "tier": "up"})  # not alike
    result, data = merged(bj, tj, base=base)
    assert {"n-p1", "n-p2", "n-p3", "n-p4"} <= {n["id"] for n in data["nodes"]}
    (suggestion,) = result.report.suggestions
    assert (suggestion.a, suggestion.b) == ("n-p1", "n-p2")
    assert 0.6 <= suggestion.score < 1
    assert suggestion.sources_a == ["CN-BJ"] and suggestion.sources_b == ["CN-TJ"]
    assert any("0.8" in line or "0.9" in line or "0.7" in line for line in result.report.summary_lines())


def test_a_suggestion_does_not_hang_on_which_copy_came_first() -> None:
    """Tianjin calls n-0 电机, Hebei 动力电池: the result's name is the first copy's, but 驱动电机
    (Beijing's) is offered beside it whichever copy comes first."""
    base = base_data()
    bj, tj, he = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ"), copy_of(base, "CN-HE")
    tj["nodes"].append({"id": "n-0", "name": "电机", "tier": "up"})
    he["nodes"].append({"id": "n-0", "name": "动力电池", "tier": "up"})
    bj["nodes"].append({"id": "n-bj", "name": "驱动电机", "tier": "up"})
    offered = []
    for order in ((tj, bj, he), (he, bj, tj)):
        result, data = merged(*order)
        offered.append([(s.a, s.b) for s in result.report.suggestions])
        assert node_of(data, "n-0")["name"] == order[0]["nodes"][-1]["name"]
    assert offered[0] == offered[1] == [("n-0", "n-bj")]


def test_tiers_match_by_id_then_by_name() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["tiers"].append({"id": "t-bj", "name": "后市场"})
    tj["tiers"].append({"id": "t-tj", "name": "后 市场"})
    tj["nodes"].append({"id": "n-repair", "name": "维修", "tier": "t-tj"})
    result, data = merged(bj, tj, base=base)
    assert [t["id"] for t in data["tiers"]] == ["up", "mid", "down", "t-bj"]
    assert node_of(data, "n-repair")["tier"] == "t-bj"


# ------------------------------------------------------------------ authority
def test_the_owners_copy_decides_its_regions_entries_without_conflict() -> None:
    base = base_data()
    node_of(base, "n-cell")["regions"]["CN-HE"] = {"status": "weak", "plan": {"action": "fill", "priority": "low"}}
    tj, he = copy_of(base, "CN-TJ"), copy_of(base, "CN-HE")
    node_of(tj, "n-cell")["regions"]["CN-HE"]["note"] = "天津估计"
    node_of(tj, "n-cell")["regions"]["CN-HE"]["status"] = "gap"
    node_of(he, "n-cell")["regions"]["CN-HE"] = {"status": "present"}
    node_of(tj, "n-ore")["regions"] = {"CN-HE": {"status": "gap"}}  # HE has none: its lack wins too
    result, data = merged(tj, he, base=base)
    assert result.clean
    assert node_of(data, "n-cell")["regions"]["CN-HE"] == {"status": "present"}
    assert "regions" not in node_of(data, "n-ore")
    assert [(d.path, d.source) for d in result.report.dropped_entries] == [("/nodes/n-ore/regions/CN-HE", "CN-TJ")]


def test_an_unchanged_owner_still_wins_over_another_regions_edit() -> None:
    base = base_data()
    tj, he = copy_of(base, "CN-TJ"), copy_of(base, "CN-HE")
    node_of(he, "n-cell")["regions"]["CN-TJ"] = {"status": "gap"}
    result, data = merged(tj, he, base=base)
    assert result.clean and node_of(data, "n-cell")["regions"]["CN-TJ"] == {"status": "strong"}


def test_entries_of_a_region_no_input_owns_merge_as_values() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    node_of(bj, "n-cell")["regions"]["CN-HE"] = {"status": "weak"}
    node_of(tj, "n-cell")["regions"]["CN-HE"] = {"status": "gap", "note": "天津补充"}
    result, data = merged(bj, tj, base=base)
    (conflict,) = result.conflicts
    assert conflict.path == "/nodes/n-cell/regions/CN-HE/status"
    assert node_of(data, "n-cell")["regions"]["CN-HE"] == {"status": "weak", "note": "天津补充"}


# ------------------------------------------------------------------ unions
def test_set_unions_keep_the_bases_order_then_the_regions_order() -> None:
    base = base_data()
    node_of(base, "n-car")["aliases"] = ["汽车"]
    node_of(base, "n-car")["tags"] = ["旧", "核心"]
    bj, tj, he = (copy_of(base, r) for r in ("CN-BJ", "CN-TJ", "CN-HE"))
    node_of(he, "n-car")["aliases"] = ["汽车", "河北加"]
    node_of(tj, "n-car")["aliases"] = ["天津加", "汽车"]
    node_of(bj, "n-car")["aliases"] = ["汽车", "北京加"]
    node_of(tj, "n-car")["tags"] = ["核心"]  # removed against the base: gone
    node_of(he, "n-car")["tags"] = ["旧", "核心", "新"]
    result, data = merged(he, tj, bj, base=base)
    assert node_of(data, "n-car")["aliases"] == ["汽车", "北京加", "天津加", "河北加"]
    assert node_of(data, "n-car")["tags"] == ["核心", "新"]


def test_without_a_base_the_leads_order_comes_first_and_ownerless_inputs_last() -> None:
    base = base_data()
    tj, bj, anon = copy_of(base, "CN-TJ"), copy_of(base, "CN-BJ"), copy_of(base, None)
    node_of(anon, "n-car")["aliases"] = ["无主", "共同"]
    node_of(tj, "n-car")["aliases"] = ["天津", "共同"]
    node_of(bj, "n-car")["aliases"] = ["北京"]
    result, data = merged(anon, tj, bj)
    assert node_of(data, "n-car")["aliases"] == ["北京", "天津", "共同", "无主"]
    assert [s.label for s in result.sources] == ["CN-BJ", "CN-TJ", "copy-1.chainmap.json"]


def test_flows_union_by_ends_and_enterprises_by_uscc_else_name() -> None:
    base = base_data()
    base["edges"][1]["flows"] = [{"from": "CN-TJ", "to": "CN-BJ"}]
    node_of(base, "n-cell")["regions"]["CN-HE"] = {"status": "weak"}
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["edges"][1]["flows"].append({"from": "CN-HE", "to": "CN-BJ"})
    tj["edges"][1]["flows"] = [{"from": "CN-TJ", "to": "CN-BJ", "note": "电芯"}, {"from": "CN-TJ", "to": "CN-HE"}]
    code = "91130000MA0000000X"
    node_of(bj, "n-cell")["regions"]["CN-HE"]["enterprises"] = [
        {"name": "示例电池公司", "uscc": code, "city": "保定"}, {"name": "示例 甲厂"}]
    node_of(tj, "n-cell")["regions"]["CN-HE"]["enterprises"] = [
        {"name": "示例电池股份公司", "uscc": code}, {"name": "示例甲厂", "marks": ["leader"]}]
    result, data = merged(tj, bj, base=base)
    assert data["edges"][1]["flows"] == [
        {"from": "CN-TJ", "to": "CN-BJ", "note": "电芯"}, {"from": "CN-HE", "to": "CN-BJ"}, {"from": "CN-TJ", "to": "CN-HE"}]
    firms = node_of(data, "n-cell")["regions"]["CN-HE"]["enterprises"]
    assert firms == [{"name": "示例电池公司", "uscc": code, "city": "保定"}, {"name": "示例 甲厂", "marks": ["leader"]}]
    assert [c.path for c in result.conflicts] == [
        "/nodes/n-cell/regions/CN-HE/enterprises/0/name", "/nodes/n-cell/regions/CN-HE/enterprises/1/name"]


# ------------------------------------------------------------------ positions
def test_positions_never_conflict() -> None:
    base = base_data()
    bj, tj, he = (copy_of(base, r) for r in ("CN-BJ", "CN-TJ", "CN-HE"))
    node_of(tj, "n-ore").update(x=10, y=20)  # one-sided
    node_of(bj, "n-car").update(x=1, y=1)  # both: the lead's copy wins
    node_of(he, "n-car").update(x=2, y=2)
    node_of(tj, "n-cell").update(x=7, y=7)
    node_of(he, "n-cell").update(x=8, y=8)
    result, data = merged(he, tj, bj, base=base)
    assert result.clean
    assert (node_of(data, "n-ore")["x"], node_of(data, "n-ore")["y"]) == (10, 20)
    assert node_of(data, "n-car")["x"] == 1
    assert node_of(data, "n-cell")["x"] == 200  # the lead's copy did not move it: it wins
    assert node_of(merged(he, tj, base=base)[1], "n-cell")["x"] == 8  # no lead's copy: the first input's
    assert node_of(merged(tj, he, base=base)[1], "n-cell")["x"] == 7
    result, data = merged(tj, he, bj)  # without a base: the lead's copy's
    assert node_of(data, "n-cell")["x"] == 200 and node_of(data, "n-car")["x"] == 1


# ------------------------------------------------------------------ the result
def test_different_ids_are_refused_unless_forced() -> None:
    one, other = copy_of(base_data(), "CN-BJ"), copy_of(base_data(id="m-other"), "CN-TJ")
    with pytest.raises(MergeError, match="ids differ.*--force"):
        merge_maps(inputs(one, other))
    result = merge_maps(inputs(other, one), force=True)
    assert result.map.id == "m-other"


def test_the_result_has_no_owner_and_lists_its_inputs() -> None:
    base = base_data(meta={"created": "2025-01-01T00:00:00+08:00", "modified": "2025-01-02T00:00:00+08:00"})
    bj, anon = copy_of(base, "CN-BJ"), copy_of(base, None)
    bj["meta"]["modified"] = "2025-03-01T00:00:00+08:00"
    anon["meta"]["modified"] = "2025-02-01T10:00:00+00:00"
    anon["title"] = "另一个标题"
    result = merge_maps([MergeInput(build(anon), "anon.chainmap.json"), MergeInput(build(bj), "bj.chainmap.json")])
    data = assert_valid(result)
    assert data["meta"]["merged_from"] == [
        {"owner": "CN-BJ", "title": "测试图谱", "file": "bj.chainmap.json"},
        {"title": "另一个标题", "file": "anon.chainmap.json"},
    ]
    assert data["meta"]["modified"] == "2025-03-01T00:00:00+08:00"
    assert data["meta"]["created"] == "2025-01-01T00:00:00+08:00"
    assert [c.path for c in result.conflicts] == ["/title"]
    assert result.conflicts[0].values[1].source == "anon.chainmap.json"


def test_conflict_ids_are_valid_and_derived_from_what_they_are_about() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    node_of(bj, "n-cell")["description"], node_of(tj, "n-cell")["description"] = "甲", "乙"
    first = merge_maps(inputs(bj, tj), base=build(base)).conflicts[0]
    node_of(bj, "n-cell")["description"] = "丙"
    second = merge_maps(inputs(tj, bj), base=build(base)).conflicts[0]
    assert first.id == second.id and re.fullmatch(ID_PATTERN, first.id)


def test_conflicts_already_recorded_travel_and_resolved_ones_go() -> None:
    base = base_data()
    recorded = {"id": "c-old", "kind": "edit", "path": "/nodes/n-car/name",
                "values": [{"source": "CN-BJ", "value": "整车"}, {"source": "CN-TJ", "value": "汽车"}]}
    base["conflicts"] = [recorded]
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    assert [c.id for c in merged(bj, tj, base=base)[0].conflicts] == ["c-old"]
    del tj["conflicts"]  # resolved in Tianjin's copy
    assert merged(bj, tj, base=base)[0].clean
    assert [c.id for c in merged(bj, tj)[0].conflicts] == ["c-old"]  # without a base: a union


def test_a_parent_cycle_made_by_two_copies_is_broken_and_reported() -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    node_of(bj, "n-ore")["parent"] = "n-cell"
    node_of(tj, "n-cell")["parent"] = "n-ore"
    result, data = merged(bj, tj, base=base)
    parents = {n["id"]: n.get("parent") for n in data["nodes"]}
    assert not (parents["n-ore"] == "n-cell" and parents["n-cell"] == "n-ore")
    assert any(c.path.endswith("/parent") for c in result.conflicts)


def test_nothing_to_merge_is_an_error() -> None:
    with pytest.raises(MergeError):
        merge_maps([])


def test_a_region_deleted_in_one_copy_stays_while_another_uses_it() -> None:
    base = base_data()
    base["regions"].append({"code": "CN-SD", "name": "山东"})
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["regions"] = [r for r in bj["regions"] if r["code"] != "CN-SD"]
    node_of(tj, "n-car")["regions"] = {"CN-SD": {"status": "weak"}}
    result, data = merged(bj, tj, base=base)
    assert [c.path for c in result.conflicts] == ["/regions/CN-SD"]
    assert "CN-SD" in {r["code"] for r in data["regions"]}
    tj = copy_of(base, "CN-TJ")
    result, data = merged(bj, tj, base=base)  # unused and unchanged elsewhere: deleted
    assert result.clean and "CN-SD" not in {r["code"] for r in data["regions"]}
