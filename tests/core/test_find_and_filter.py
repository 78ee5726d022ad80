"""Find by name, alias, tag, enterprise, credit code and pinyin; filter by tier, status, plan,
mark and tag."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.core.analysis.filters import SegmentFilter, kept_ids, tags_in_use
from chainmap.core.analysis.find import find, pinyin_keys
from chainmap.core.model import ChainMap, Enterprise, Node, Plan, Region, RegionEntry, Tier


def _map() -> ChainMap:
    chain_map = ChainMap("m", "新能源汽车", "汽车", regions=[Region("CN-BJ", "北京"), Region("CN-TJ", "天津")],
                         tiers=[Tier("up", "上游"), Tier("mid", "中游")])
    chain_map.add_node(Node("battery", "动力电池", "mid", aliases=["电芯"], tags=["新能源"], regions={
        "CN-TJ": RegionEntry("weak", plan=Plan("fill", "high")),
        "CN-BJ": RegionEntry("strong", enterprises=[Enterprise("北京电池有限公司", uscc="91110000600000000A",
                                                               marks=["champion"])]),
    }))
    chain_map.add_node(Node("lithium", "锂矿", "up", description="含动力电池用锂", regions={
        "CN-TJ": RegionEntry("gap", plan=Plan("extend", "low"))}))
    chain_map.add_node(Node("cq", "重庆配套", "up", tags=["配套"]))
    chain_map.add_node(Node("chip", "Chip 芯片", "mid"))
    return chain_map


def _ids(query: str) -> list[str]:
    return [hit.node_id for hit in find(_map(), query)]


def test_a_name_is_found_before_a_description_that_mentions_it() -> None:
    hits = find(_map(), "动力电池")
    assert [(h.node_id, h.field) for h in hits] == [("battery", "name"), ("lithium", "description")]


def test_full_pinyin_and_initials_find_a_chinese_name() -> None:
    assert _ids("dldc") == ["battery"]
    assert _ids("DongLi") == ["battery"]
    assert _ids("dian chi") == ["battery"]  # spaces ignored
    assert find(_map(), "dldc")[0].field == "pinyin"


def test_pinyin_follows_phrases_for_characters_with_two_readings() -> None:
    assert pinyin_keys("重庆") == ("chongqing", "cq")
    assert _ids("cqpt") == ["cq"]


def test_aliases_tags_enterprises_and_credit_codes_are_searched() -> None:
    assert find(_map(), "电芯")[0].field == "alias"
    assert _ids("新能源") == ["battery"]
    assert find(_map(), "北京电池")[0].field == "enterprise"
    assert find(_map(), "91110000600000000a")[0].field == "credit code"


def test_latin_text_matches_case_insensitively_and_empty_finds_nothing() -> None:
    assert _ids("chip") == ["chip"]
    assert _ids("  ") == []
    assert _ids("不存在") == []


def test_filters_combine_criteria_with_and_and_choices_with_or() -> None:
    chain_map = _map()
    assert kept_ids(chain_map, SegmentFilter()) == {"battery", "lithium", "cq", "chip"}
    assert kept_ids(chain_map, SegmentFilter(tiers=frozenset({"up"}))) == {"lithium", "cq"}
    tianjin_gaps = SegmentFilter(region="CN-TJ", statuses=frozenset({"weak", "gap"}))
    assert kept_ids(chain_map, tianjin_gaps) == {"battery", "lithium"}
    assert kept_ids(chain_map, SegmentFilter(region="CN-BJ", statuses=frozenset({"weak", "gap"}))) == set()
    assert kept_ids(chain_map, SegmentFilter(actions=frozenset({"fill"}))) == {"battery"}
    assert kept_ids(chain_map, SegmentFilter(priorities=frozenset({"low"}), tiers=frozenset({"up"}))) == {
        "lithium"}
    assert kept_ids(chain_map, SegmentFilter(marks=frozenset({"champion"}))) == {"battery"}
    assert kept_ids(chain_map, SegmentFilter(marks=frozenset({"champion"}), region="CN-TJ")) == set()
    assert kept_ids(chain_map, SegmentFilter(tags=frozenset({"配套", "新能源"}))) == {"battery", "cq"}
    assert tags_in_use(chain_map) == ["新能源", "配套"]


@settings(max_examples=150, deadline=None)
@given(name=st.text(alphabet="动力电池锂矿重庆芯片abcXY 1-", min_size=1, max_size=12),
       query=st.text(alphabet=string.ascii_letters + "动力电池 ", max_size=6))
def test_any_name_and_query_give_an_answer_and_a_name_finds_itself(name: str, query: str) -> None:
    chain_map = ChainMap("m", "t", "c", regions=[Region("CN-BJ", "北京")], tiers=[Tier("up", "上游")])
    if not name.strip():
        return
    chain_map.add_node(Node("n", name, "up"))
    find(chain_map, query)  # never raises
    assert [hit.node_id for hit in find(chain_map, name)] == ["n"]
    full, initials = pinyin_keys(name)
    if full:
        assert [hit.node_id for hit in find(chain_map, full)] == ["n"]
