"""Derived facts on small hand-built maps: every view and report computes them the same way."""

from __future__ import annotations

from typing import Any

import pytest

from chainmap.core.analysis import (
    bottlenecks,
    complements,
    gaps_to_fill,
    is_assessed,
    key_enterprises,
    not_assessed,
    region_status,
    regional_gaps,
    regional_status,
    three_lists,
)
from chainmap.core.format.serialize import map_from_data
from chainmap.core.model import ChainMap

from .mapdata import minimal_map

CODES = ("CN-BJ", "CN-TJ", "CN-HE")


def segment(node_id: str, **statuses: Any) -> dict[str, Any]:
    """A segment with ``BJ="strong"``-style statuses (a tuple adds enterprises or a plan)."""
    regions: dict[str, Any] = {}
    for short, value in statuses.items():
        entry: dict[str, Any] = {"status": value} if isinstance(value, str) else dict(value)
        regions[f"CN-{short}"] = entry
    node: dict[str, Any] = {"id": node_id, "name": node_id.upper(), "tier": "up"}
    if regions:
        node["regions"] = regions
    return node


def build(*nodes: dict[str, Any], codes: tuple[str, ...] = CODES,
          links: tuple[tuple[str, str], ...] = ()) -> ChainMap:
    data = minimal_map()
    data["regions"] = [{"code": code, "name": code} for code in codes]
    data["nodes"] = list(nodes)
    data["edges"] = [{"id": f"e{i}", "from": a, "to": b} for i, (a, b) in enumerate(links)]
    return map_from_data(data)


def ids(nodes: list[Any]) -> list[str]:
    return [n.id for n in nodes]


@pytest.mark.parametrize(
    ("statuses", "best"),
    [
        ({"BJ": "gap", "TJ": "strong", "HE": "weak"}, "strong"),
        ({"BJ": "weak", "TJ": "present"}, "present"),
        ({"BJ": "gap", "TJ": "weak"}, "weak"),
        ({"BJ": "gap", "TJ": "unknown"}, "gap"),
        ({"BJ": "unknown"}, "unknown"),
        ({}, "unknown"),
    ],
)
def test_regional_status_is_the_best(statuses: dict[str, str], best: str) -> None:
    chain_map = build(segment("a", **statuses))
    assert regional_status(chain_map.node("a")) == best


def test_region_status_and_restricted_regional_status() -> None:
    node = build(segment("a", BJ="strong", TJ="gap")).node("a")
    assert region_status(node, "CN-TJ") == "gap"
    assert region_status(node, "CN-HE") == "unknown"
    assert regional_status(node, ["CN-TJ", "CN-HE"]) == "gap"


def test_gaps_to_fill_in_region_then_file_order() -> None:
    plan = {"status": "gap", "plan": {"action": "fill", "priority": "high"}}
    chain_map = build(
        segment("a", BJ="weak", TJ="gap"),
        segment("b", BJ=plan, TJ="strong"),
        segment("c", BJ="unknown", HE="present"),
    )
    found = [(g.node.id, g.region, g.status, g.plan is not None) for g in gaps_to_fill(chain_map)]
    assert found == [("a", "CN-BJ", "weak", False), ("b", "CN-BJ", "gap", True), ("a", "CN-TJ", "gap", False)]
    assert [(g.node.id, g.region) for g in gaps_to_fill(chain_map, "CN-TJ")] == [("a", "CN-TJ")]
    assert gaps_to_fill(chain_map, "CN-HE") == []


def test_complements_pair_a_gap_with_a_strong_or_present_region() -> None:
    chain_map = build(
        segment("a", BJ="gap", TJ="strong", HE="present"),
        segment("b", BJ="weak", TJ="weak", HE="unknown"),
        segment("c", BJ="strong", TJ="gap"),
    )
    found = [(c.node.id, c.region, c.supplier, c.supplier_status) for c in complements(chain_map)]
    assert found == [
        ("a", "CN-BJ", "CN-TJ", "strong"),
        ("a", "CN-BJ", "CN-HE", "present"),
        ("c", "CN-TJ", "CN-BJ", "strong"),
    ]
    assert [(c.node.id, c.supplier) for c in complements(chain_map, "CN-TJ")] == [("c", "CN-BJ")]


def test_regional_gaps_and_not_assessed() -> None:
    chain_map = build(
        segment("joint", BJ="weak", TJ="gap", HE="unknown"),
        segment("covered", BJ="gap", TJ="present"),
        segment("all-weak", BJ="weak", TJ="weak", HE="weak"),
        segment("unassessed", BJ="unknown", TJ="unknown"),
        segment("empty"),
        segment("fine", BJ="strong"),
    )
    assert ids(regional_gaps(chain_map)) == ["joint", "all-weak"]
    assert ids(not_assessed(chain_map)) == ["unassessed", "empty"]
    assert not is_assessed(chain_map.node("empty")) and is_assessed(chain_map.node("joint"))


def test_three_lists() -> None:
    firm = {"name": "甲公司", "marks": ["chain-leader"]}
    # weak -> single -> one-firm -> (side-a | side-b) -> gap -> end: every segment but the two
    # sides lies on every path to the one sink, so only the sides are no chokepoints.
    chain_map = build(
        segment("weak", BJ="weak", TJ="present"),
        segment("single", BJ="strong", TJ="gap", HE="unknown"),
        segment("one-firm", BJ={"status": "present", "enterprises": [firm]}, TJ={"status": "strong"}),
        segment("side-a", BJ={"status": "weak", "enterprises": [{"name": "戊"}]}),
        segment("side-b", HE="strong"),
        segment(
            "gap",
            BJ={"status": "gap", "plan": {"action": "fill", "priority": "high", "targets": ["乙"]}},
            TJ={"status": "present", "enterprises": [{"name": "丙"}, {"name": "丁"}]},
            HE="gap",
        ),
        segment("end", BJ="strong", TJ="strong"),
        links=(("weak", "single"), ("single", "one-firm"), ("one-firm", "side-a"), ("one-firm", "side-b"),
               ("side-a", "gap"), ("side-b", "gap"), ("gap", "end")),
    )
    reasons = [(b.node.id, b.reason, b.region, b.sinks) for b in bottlenecks(chain_map)]
    assert reasons == [
        ("weak", "weak", "CN-BJ", ("end",)),
        ("weak", "single-region", "CN-TJ", ("end",)),
        ("single", "single-region", "CN-BJ", ("end",)),
        ("one-firm", "single-firm", "CN-BJ", ("end",)),
        ("gap", "single-region", "CN-TJ", ("end",)),
    ]
    lists = three_lists(chain_map)
    assert lists.bottlenecks == bottlenecks(chain_map)
    # Investment targets are the gaps (not the weak segments), with their plans and targets.
    investment = [(g.node.id, g.region, g.plan.targets if g.plan else None) for g in lists.investment_gaps]
    assert investment == [("gap", "CN-BJ", ["乙"]), ("single", "CN-TJ", None), ("gap", "CN-HE", None)]
    firms = [(k.enterprise.name, k.node.id, k.region, k.enterprise.marks) for k in lists.enterprises]
    assert firms == [
        ("甲公司", "one-firm", "CN-BJ", ["chain-leader"]),
        ("戊", "side-a", "CN-BJ", []),
        ("丙", "gap", "CN-TJ", []),
        ("丁", "gap", "CN-TJ", []),
    ]
    assert key_enterprises(chain_map) == lists.enterprises


def test_weak_or_single_firm_segments_off_every_path_are_no_bottlenecks() -> None:
    # Without links there are no chokepoints, so nothing hangs the chain on one segment.
    chain_map = build(segment("weak", BJ="weak", TJ="present"),
                      segment("one-firm", BJ={"status": "present", "enterprises": [{"name": "甲"}]}))
    assert bottlenecks(chain_map) == []


def test_single_region_is_no_bottleneck_on_a_one_region_map() -> None:
    # "a" is the chokepoint of sink "b", and only Beijing has it: Beijing is the whole map.
    chain_map = build(segment("a", BJ="strong"), segment("b", BJ="strong"), codes=("CN-BJ",),
                      links=(("a", "b"),))
    assert bottlenecks(chain_map) == []
