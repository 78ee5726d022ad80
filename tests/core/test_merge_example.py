"""The vehicles merge scenario of examples/merge/README.md: the outcome it promises."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from chainmap.core.format.serialize import map_to_data
from chainmap.core.merge.engine import MergeInput, MergeResult, merge_maps
from chainmap.core.model import ABSENT

from .merge_support import MERGE_EXAMPLES, assert_valid, content, load_example, mask_undecided, node_of

REGIONS = ["CN-BJ", "CN-TJ", "CN-HE"]


def merge_example(order: tuple[str, ...] = tuple(REGIONS), with_base: bool = True) -> MergeResult:
    copies = [MergeInput(load_example(r), f"vehicles-{r}.chainmap.json") for r in order]
    return merge_maps(copies, base=load_example("base") if with_base else None)


@pytest.fixture(scope="module")
def result() -> MergeResult:
    return merge_example()


@pytest.fixture(scope="module")
def data(result: MergeResult) -> dict[str, Any]:
    return assert_valid(result)


def copy_data(region: str) -> dict[str, Any]:
    return map_to_data(load_example(region))


def test_exactly_the_five_conflicts(result: MergeResult) -> None:
    found = {(c.kind, c.path): c for c in result.conflicts}
    assert set(found) == {
        ("edit", "/nodes/n-07d819bfa0eaf133/description"),
        ("delete", "/nodes/n-048d84a2f2039852"),
        ("delete", "/edges/e-d1a177579b3316db"),
        ("edit", "/nodes/n-2fc065ce469a51a8/name"),
        ("edit", "/nodes/n-0c7d723c53544232/name"),
    }
    assert result.report.conflicts == {"edit": 3, "delete": 2, "duplicate": 0}
    description = found[("edit", "/nodes/n-07d819bfa0eaf133/description")]
    assert [v.source for v in description.values] == ["CN-BJ", "CN-TJ"]
    assert description.base == node_of(copy_data("base"), "n-07d819bfa0eaf133")["description"]
    deleted_by = found[("delete", "/nodes/n-048d84a2f2039852")]
    assert [v.source for v in deleted_by.values if v.value is ABSENT] == ["CN-HE"]
    names = found[("edit", "/nodes/n-2fc065ce469a51a8/name")]
    assert [(v.source, v.value) for v in names.values] == [("CN-BJ", "固态电池"), ("CN-HE", "固 态 电池")]
    assert "base" not in next(c for c in map_to_data(result.map)["conflicts"] if c["path"] == names.path)


def test_provisional_values_come_from_the_lead_then_the_first_input(data: dict[str, Any]) -> None:
    bj = copy_data("CN-BJ")
    assert node_of(data, "n-07d819bfa0eaf133")["description"] == node_of(bj, "n-07d819bfa0eaf133")["description"]
    assert node_of(data, "n-2fc065ce469a51a8")["name"] == "固态电池"
    assert node_of(data, "n-0c7d723c53544232")["name"] == "车路协同路侧设备"  # CN-TJ came first


def test_the_clean_deletion_is_gone(data: dict[str, Any]) -> None:
    ids = {n["id"] for n in data["nodes"]} | {e["id"] for e in data["edges"]}
    assert "n-3e9d76fde8d52968" not in ids and "e-5b3f37049e3b020b" not in ids
    assert {"n-3e9d76fde8d52968", "e-5b3f37049e3b020b"} <= set(data["deleted"])
    assert "n-048d84a2f2039852" in ids and "e-d1a177579b3316db" in ids  # kept, in doubt


def test_matched_by_name_and_by_ends(result: MergeResult, data: dict[str, Any]) -> None:
    matches = {(m.kind, m.id) for m in result.report.matched_by_name}
    assert matches == {("segment", "n-2fc065ce469a51a8"), ("segment", "n-0c7d723c53544232"),
                       ("link", "e-54a5643444e63f3f")}
    ids = {n["id"] for n in data["nodes"]}
    assert "n-b2aa34e4d582245d" not in ids and "n-ea1d6fa164b9c678" not in ids
    solid = node_of(data, "n-2fc065ce469a51a8")
    assert "全固态电池" in solid.get("aliases", [])
    roadside = node_of(data, "n-0c7d723c53544232")
    assert {"路侧单元", "RSU"} <= set(roadside["aliases"])
    assert set(roadside["regions"]) >= {"CN-TJ", "CN-HE"}
    links = [e for e in data["edges"] if e["from"] == "n-2fc065ce469a51a8"]
    assert len(links) == 1


def test_the_near_match_is_suggested_not_merged(result: MergeResult, data: dict[str, Any]) -> None:
    (suggestion,) = result.report.suggestions
    assert {suggestion.name_a, suggestion.name_b} == {"车用功率半导体", "功率半导体"}
    assert suggestion.score >= 0.6
    assert {"n-4d9c02454b4b485e", "n-bba0da9a1380f5d4"} <= {n["id"] for n in data["nodes"]}


def test_each_region_is_the_authority_on_its_entries(result: MergeResult, data: dict[str, Any]) -> None:
    for region in REGIONS:
        for node in copy_data(region)["nodes"]:
            entry = node.get("regions", {}).get(region)
            merged_id = result.id_map[(region, node["id"])]
            if entry is not None and merged_id in {n["id"] for n in data["nodes"]}:
                assert node_of(data, merged_id)["regions"][region] == entry
    motor = node_of(data, "n-55af1327872eeccb")["regions"]["CN-HE"]
    assert motor == node_of(copy_data("CN-HE"), "n-55af1327872eeccb")["regions"]["CN-HE"]
    assert "note" not in motor and "plan" not in motor and motor["status"] == "present"


def test_sets_are_unions_in_region_order(data: dict[str, Any]) -> None:
    assert node_of(data, "n-b82f69978767d1b8")["aliases"] == ["汽车整车制造", "整车"]
    flows = next(e for e in data["edges"] if e["id"] == "e-41acab3a93d47280")["flows"]
    assert [(f["from"], f["to"]) for f in flows] == [("CN-TJ", "CN-BJ"), ("CN-TJ", "CN-HE"), ("CN-HE", "CN-BJ")]


def test_positions(data: dict[str, Any]) -> None:
    base, bj, tj, he = (copy_data(r) for r in ("base", "CN-BJ", "CN-TJ", "CN-HE"))
    electrolyte = next(n["id"] for n in base["nodes"] if n["name"] == "电解液")
    ore = next(n["id"] for n in base["nodes"] if n["name"] == "锂矿")
    assert node_of(data, electrolyte)["x"] == node_of(tj, electrolyte)["x"]
    assert node_of(data, ore)["x"] == node_of(he, ore)["x"]
    car = node_of(data, "n-b82f69978767d1b8")
    assert (car["x"], car["y"]) == (node_of(bj, car["id"])["x"], node_of(bj, car["id"])["y"])


def test_counts_owner_and_meta(data: dict[str, Any]) -> None:
    assert len(data["nodes"]) == 38 and len(data["edges"]) == 40
    assert "owner" not in data
    assert [m["owner"] for m in data["meta"]["merged_from"]] == REGIONS
    assert [m["file"] for m in data["meta"]["merged_from"]] == [f"vehicles-{r}.chainmap.json" for r in REGIONS]


def test_any_order_gives_the_same_result_but_provisional_values() -> None:
    masked = []
    for order in itertools.permutations(REGIONS):
        result = merge_example(order)
        holds = {node_id for node_id, labels in result.provenance.items() if "CN-BJ" in labels}
        holds |= {n["id"] for n in copy_data("CN-BJ").get("notes", ())}
        masked.append(mask_undecided(map_to_data(result.map), holds))
    assert all(m == masked[0] for m in masked)


@pytest.mark.parametrize("region", REGIONS)
def test_base_and_a_single_copy_give_that_copy(region: str) -> None:
    copy = load_example(region)
    result = merge_maps([MergeInput(load_example("base"), "base"), MergeInput(copy, region)], base=load_example("base"))
    assert content(result.map) == content(copy) and result.clean


def test_without_a_base_nothing_is_deleted_silently() -> None:
    result = merge_example(with_base=False)
    assert_valid(result)
    deletes = {c.path for c in result.conflicts if c.kind == "delete"}
    assert deletes == {"/nodes/n-3e9d76fde8d52968", "/edges/e-5b3f37049e3b020b",
                       "/nodes/n-048d84a2f2039852", "/edges/e-d1a177579b3316db"}
    assert result.report.conflicts["edit"] >= 3
    assert not result.report.deleted


def test_the_example_files_exist() -> None:
    assert {p.name for p in MERGE_EXAMPLES.glob("*.chainmap.json")} == {
        f"vehicles-{r}.chainmap.json" for r in ["base", *REGIONS]}
