"""The semantic diff: what changed between two maps, one line per change."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from chainmap.core.diff import diff_maps

from .mapdata import chain_maps
from .merge_support import base_data, build, load_example, node_of


def lines(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [c.describe() for c in diff_maps(build(old), build(new))]


@settings(max_examples=30, deadline=None)
@given(chain_maps(max_nodes=6))
def test_a_map_equals_itself(data: dict[str, Any]) -> None:
    assert diff_maps(build(data), build(data)) == []


def test_segments_added_removed_and_changed() -> None:
    old = base_data()
    new = base_data()
    new["nodes"] = [n for n in new["nodes"] if n["id"] != "n-ore"]
    new["edges"] = [e for e in new["edges"] if e["id"] != "e-ore-cell"]
    new["nodes"].append({"id": "n-chip", "name": "芯片", "tier": "up"})
    node_of(new, "n-car").update(name="整车制造", description="新描述", x=500)
    assert lines(old, new) == [
        "- segment 锂矿",
        "+ segment 芯片",
        '~ segment 整车 (整车制造): position "(400, 0)" → "(500, 0)"',
        '~ segment 整车 (整车制造): name "整车" → "整车制造"',
        '~ segment 整车 (整车制造): description (none) → "新描述"',
        "- link 锂矿 → 电芯",
    ]


def test_region_facts() -> None:
    old = base_data()
    new = base_data()
    cell = node_of(new, "n-cell")
    cell["regions"]["CN-BJ"] = {"status": "gap", "enterprises": [{"name": "示例公司"}],
                                "plan": {"action": "fill", "priority": "high"}}
    del cell["regions"]["CN-TJ"]
    cell["regions"]["CN-HE"] = {"status": "present"}
    assert lines(old, new) == [
        '~ segment 电芯: CN-BJ status "weak" → "gap"',
        '+ segment 电芯: CN-BJ enterprise "示例公司"',
        "+ segment 电芯: CN-BJ plan fill/high",
        '- segment 电芯: CN-TJ entry "strong"',
        '+ segment 电芯: CN-HE status "present"',
    ]
    newer = base_data()
    node_of(newer, "n-cell")["regions"]["CN-BJ"] = {"status": "gap", "plan": {"action": "strengthen", "priority": "high"}}
    assert '~ segment 电芯: CN-BJ plan action "fill" → "strengthen"' in lines(new, newer)
    assert '- segment 电芯: CN-BJ enterprise "示例公司"' in lines(new, newer)


def test_segments_match_by_name_when_ids_differ_and_links_follow() -> None:
    old = base_data()
    new = base_data()
    node_of(new, "n-cell")["id"] = "n-cell-other"
    node_of(new, "n-cell-other")["name"] = "电 芯"
    for edge in new["edges"]:
        edge["from"] = "n-cell-other" if edge["from"] == "n-cell" else edge["from"]
        edge["to"] = "n-cell-other" if edge["to"] == "n-cell" else edge["to"]
    assert lines(old, new) == ['~ segment 电芯 (电 芯): name "电芯" → "电 芯"']


def test_links_notes_tiers_regions_and_map_fields() -> None:
    old = base_data()
    new = base_data(title="新标题")
    new["edges"][0].update(label="锂", flows=[{"from": "CN-HE", "to": "CN-TJ"}])
    new["edges"].append({"id": "e-new", "from": "n-ore", "to": "n-car", "kind": "technology"})
    new["notes"] = [{"id": "note-1", "text": "注意", "x": 0, "y": 0}]
    new["tiers"][0]["name"] = "最上游"
    new["regions"].append({"code": "CN-SD", "name": "山东"})
    new["meta"] = {"modified": "2030-01-01T00:00:00+08:00"}  # bookkeeping: not a change
    assert lines(old, new) == [
        '~ map: title "测试图谱" → "新标题"',
        "+ region CN-SD 山东",
        '~ tier 上游: name "上游" → "最上游"',
        "+ link 锂矿 → 整车",
        '~ link 锂矿 → 电芯: label (none) → "锂"',
        '+ link 锂矿 → 电芯: flow "CN-HE → CN-TJ"',
        '+ note "注意"',
    ]


def test_the_example_copies_against_their_base() -> None:
    changes = diff_maps(load_example("base"), load_example("CN-HE"))
    described = [c.describe() for c in changes]
    assert "- segment 车联网服务" in described
    assert "+ segment 固 态 电池" in described
    assert '~ segment 驱动电机: CN-HE status "weak" → "present"' in described
    assert all(c.to_json()["action"] in ("added", "removed", "changed") for c in changes)
