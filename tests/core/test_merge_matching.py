"""Name normalisation, near-match scores and clustering (chainmap.core.merge.matching)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chainmap.core.merge.matching import (
    NEAR_MATCH_THRESHOLD,
    Cluster,
    cluster_by_id,
    match_by_keys,
    node_names,
    normalise_name,
    similarity,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("固态电池", "固 态 电池"),  # white space
        ("固态电池", "固态\u3000电池"),  # ideographic space
        ("固态电池", "固态·电池"),  # middle dot
        ("锂电池（正极）", "锂电池(正极)"),  # full- and half-width brackets
        ("ＬｉＤＡＲ", "lidar"),  # full-width letters, case
        ("车规级MCU", "车规级ｍｃｕ"),
        ("电芯、模组", "电芯,模组"),
        ("整车", "整\u200b车"),  # zero-width space
        ("Straße", "STRASSE"),  # case folding, not just lower()
        ("“路侧”单元", "路侧单元"),  # curly quotes
    ],
)
def test_names_that_normalise_alike(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(("a", "b"), [("正极材料", "负极材料"), ("电池+", "电池"), ("动力电池", "動力電池")])
def test_names_that_stay_apart(a: str, b: str) -> None:
    # Symbols are not punctuation; traditional and simplified characters are different text.
    assert normalise_name(a) != normalise_name(b)


@given(st.text())
def test_normalising_is_idempotent(text: str) -> None:
    assert normalise_name(normalise_name(text)) == normalise_name(text)


def test_node_names_include_aliases_without_repeats_or_empties() -> None:
    assert node_names({"name": "路侧单元", "aliases": ["RSU", "rsu", "（）", "路侧 单元"]}) == ["路侧单元", "rsu"]


def test_similarity() -> None:
    assert similarity("正极材料", "正极材料") == 1.0
    contained = similarity(normalise_name("锂电池正极材料"), normalise_name("正极材料"))
    assert NEAR_MATCH_THRESHOLD <= contained < 1
    assert similarity("芯片", "整车") < NEAR_MATCH_THRESHOLD
    assert similarity("", "整车") == 0.0
    assert similarity("车用功率半导体", "功率半导体") > similarity("功率半导体", "半导体材料")


def clusters(*sources: list[tuple[str, str]]) -> list[Cluster]:
    return cluster_by_id((i, [{"id": item_id, "name": name} for item_id, name in items])
                         for i, items in enumerate(sources))


def name_key(_source: int, item: dict[str, str]) -> list[str]:
    return [normalise_name(item["name"])]


def test_one_candidate_per_source_joins() -> None:
    outcome = match_by_keys(clusters([("a1", "电池")], [("b1", "电 池")], [("c1", "电池")]), name_key)
    (joined,) = outcome.clusters
    assert joined.by_name and joined.ids == ["a1", "b1", "c1"]
    assert not outcome.ambiguous


def test_two_candidates_in_one_source_are_ambiguous_whatever_the_order() -> None:
    for order in ([("a1", "电池")], [("b1", "电池"), ("b2", "电池")]), ([("b1", "电池"), ("b2", "电池")], [("a1", "电池")]):
        outcome = match_by_keys(clusters(*order), name_key)
        assert len(outcome.clusters) == 3
        (group,) = outcome.ambiguous
        assert sorted(i for c in group for i in c.ids) == ["a1", "b1", "b2"]


def test_items_sharing_a_source_never_join() -> None:
    outcome = match_by_keys(clusters([("a1", "电池"), ("a2", "电池")], [("a1", "电池"), ("a2", "电池")]), name_key)
    assert len(outcome.clusters) == 2 and not outcome.ambiguous


def test_ineligible_clusters_take_no_part() -> None:
    outcome = match_by_keys(clusters([("a1", "电池")], [("b1", "电池")]), name_key,
                            lambda c: "a1" not in c.ids)
    assert len(outcome.clusters) == 2
