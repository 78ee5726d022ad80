"""The merge laws of merge.md, property-based.

What "gives it back" compares: the whole map data as written (every key, every order), except
``owner`` (a merged map has none) and ``meta.merged_from`` (the merge writes its inputs there);
see ``merge_support.content``.
"""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chainmap.core.format.serialize import map_to_data
from chainmap.core.merge.engine import MergeInput, merge_maps

from .mapdata import chain_maps
from .merge_support import assert_valid, build, content, edited_copy, inputs, mask_undecided, small_bases

LAW_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OWNERS = ["CN-BJ", "CN-TJ", "CN-HE"]


@LAW_SETTINGS
@given(chain_maps(max_nodes=8))
def test_merging_a_map_with_itself_gives_it_back(data: dict[str, Any]) -> None:
    chain_map = build(data)
    result = merge_maps(inputs(chain_map, chain_map))
    assert_valid(result)
    assert content(result.map) == content(data)
    assert len(result.conflicts) == len(data.get("conflicts", ()))  # only those it held


@LAW_SETTINGS
@given(chain_maps(max_nodes=8), st.integers(1, 3))
def test_merging_copies_of_a_map_against_it_gives_it_back(data: dict[str, Any], count: int) -> None:
    chain_map = build(data)
    result = merge_maps(inputs(*[chain_map] * count), base=chain_map)
    assert content(result.map) == content(data)


@LAW_SETTINGS
@given(st.data(), st.one_of(small_bases(), chain_maps(max_nodes=6)))
def test_base_and_one_changed_copy_give_that_copy(draw: st.DataObject, base: dict[str, Any]) -> None:
    owner = base.get("owner") or draw.draw(st.sampled_from([None, *[r["code"] for r in base["regions"]]]))
    changed = draw.draw(edited_copy(base, owner, "x"))
    base_map = build(base)
    for order in ((base_map, changed), (changed, base_map)):
        result = merge_maps(inputs(*order), base=base_map)
        assert_valid(result)
        assert content(result.map) == content(changed)
        assert len(result.conflicts) == len(changed.get("conflicts", ()))  # none new


@st.composite
def region_copies(draw: st.DrawFn, with_base: bool) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A base and two or three copies, each owned by a different region and edited apart."""
    base = draw(small_bases())
    owners = draw(st.lists(st.sampled_from(OWNERS), min_size=2, max_size=3, unique=True))
    copies = [draw(edited_copy(base, owner, owner.lower())) for owner in owners]
    return base, copies


@LAW_SETTINGS
@given(region_copies(with_base=True), st.booleans())
def test_the_result_always_validates(case: tuple[dict[str, Any], list[dict[str, Any]]], use_base: bool) -> None:
    base, copies = case
    result = merge_maps(inputs(*copies), base=build(base) if use_base else None)
    data = assert_valid(result)
    assert len(data["conflicts"] if "conflicts" in data else []) == len(result.conflicts)
    assert sum(result.report.conflicts.values()) == len(result.conflicts)


@LAW_SETTINGS
@given(region_copies(with_base=True), st.booleans())
def test_no_region_loses_its_own_facts(case: tuple[dict[str, Any], list[dict[str, Any]]], use_base: bool) -> None:
    """Every regions[R] entry of the copy owned by R is in the result, unless its segment was
    deleted cleanly (R had not changed it, and another copy deleted it)."""
    base, copies = case
    result = merge_maps(inputs(*copies), base=build(base) if use_base else None)
    merged = {node["id"]: node for node in map_to_data(result.map)["nodes"]}
    base_nodes = {node["id"]: node for node in base["nodes"]}
    by_owner = {c["owner"]: c for c in copies}
    for owner, data in by_owner.items():
        for node in data["nodes"]:
            entry = node.get("regions", {}).get(owner)
            if entry is None:
                continue
            merged_id = result.id_map[(owner, node["id"])]
            if merged_id in merged:
                assert merged[merged_id]["regions"][owner] == entry
            else:
                assert use_base, "without a base nothing is deleted"
                assert base_nodes[node["id"]].get("regions", {}).get(owner) == entry


@LAW_SETTINGS
@given(region_copies(with_base=True), st.booleans())
def test_input_order_does_not_matter(case: tuple[dict[str, Any], list[dict[str, Any]]], use_base: bool) -> None:
    """Any order gives the same map, except the values the spec lets the first input decide:
    conflicted values where the lead's copy has none, and positions of segments it lacks."""
    base, copies = case
    maps = [build(c) for c in copies]
    results = []
    for order in itertools.permutations(range(len(maps))):
        ordered = [MergeInput(maps[i], f"copy-{i}.chainmap.json") for i in order]
        results.append(merge_maps(ordered, base=build(base) if use_base else None))
    lead = base["lead"]
    lead_copy = next((c for c in copies if c["owner"] == lead), None)
    masked = []
    for result in results:
        # The lead decides a position only where its copy has one; elsewhere the spec lets
        # the first input given decide.
        positioned = {n["id"] for n in (lead_copy or {}).get("nodes", ()) if "x" in n}
        holds = {result.id_map[(lead, n)] for n in positioned if (lead, n) in result.id_map}
        holds |= {note["id"] for note in (lead_copy or {}).get("notes", ())}
        masked.append(mask_undecided(map_to_data(result.map), holds))
    assert all(m == masked[0] for m in masked[1:])
    reports = [r.report.to_json() for r in results]
    assert all(r["conflicts"] == reports[0]["conflicts"] for r in reports)
    assert all([s["a"] for s in r["suggestions"]] == [s["a"] for s in reports[0]["suggestions"]] for r in reports)


@LAW_SETTINGS
@given(region_copies(with_base=True), st.booleans())
def test_order_does_not_matter_at_all_when_nothing_is_left_to_the_first_input(
    case: tuple[dict[str, Any], list[dict[str, Any]]], use_base: bool,
) -> None:
    """No conflict, and every segment held by one input only or placed by the lead's copy:
    then every order gives the very same bytes."""
    base, copies = case
    maps = [MergeInput(build(c), f"{c['owner']}.chainmap.json") for c in copies]
    lead = base["lead"]
    lead_placed = [n["id"] for c in copies if c["owner"] == lead for n in c["nodes"] if "x" in n]
    outputs = set()
    for order in itertools.permutations(maps):
        result = merge_maps(list(order), base=build(base) if use_base else None)
        placed = {result.id_map[(lead, n)] for n in lead_placed if (lead, n) in result.id_map}
        # A segment several copies hold that the lead's copy does not place: its position is
        # the first input's (merge.md, "Positions").
        if result.conflicts or any(
            len(labels) > 1 and node_id not in placed for node_id, labels in result.provenance.items()
        ):
            return
        outputs.add(repr(map_to_data(result.map)))
    assert len(outputs) == 1
