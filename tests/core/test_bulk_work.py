"""Bulk loading and saving (issue 14): the same results as before, with the collector held, no
per-item events, and the canonical text written by the quick writer exactly as ``json`` would."""

from __future__ import annotations

import gc
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.core.format import fileio, serialize, stream_load
from chainmap.core.format.fileio import check_map_file, load_map, loads_map
from chainmap.core.format.jsontext import dumps_indented
from chainmap.core.format.serialize import dumps_data, dumps_map, map_from_data, map_to_data
from chainmap.core.model import ChainMap, ModelError, Node, Region, Tier

from .mapdata import sample_map


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_the_quick_writer_writes_what_json_writes(value: Any) -> None:
    assert dumps_indented(value) == _json_text(value)


@pytest.mark.parametrize("value", [float("nan"), {"x": [float("inf")]}, {"a": -float("inf")}])
def test_the_quick_writer_refuses_what_json_refuses_with_its_words(value: Any) -> None:
    with pytest.raises(ValueError) as expected:
        _json_text(value)
    with pytest.raises(ValueError) as got:
        dumps_indented(value)
    assert str(got.value) == str(expected.value)


def test_the_quick_writer_leaves_unusual_values_to_json() -> None:
    looped: dict[str, Any] = {}
    looped["self"] = looped
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_indented(looped)
    assert dumps_indented({"t": (1, 2), 3: True}) == _json_text({"t": (1, 2), 3: True})


def test_a_saved_map_is_the_text_json_would_write() -> None:
    data = sample_map()
    assert dumps_data(data) == (_json_text(data) + "\n").encode("utf-8")


def test_loading_holds_the_collector_and_lets_it_go_after(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    whole, streamed = serialize.map_from_data, serialize.map_from_parts

    def spy_whole(data: dict[str, Any], **options: Any) -> ChainMap:
        seen.append(gc.isenabled())
        return whole(data, **options)

    def spy_streamed(*parts: Any) -> ChainMap:
        seen.append(gc.isenabled())
        return streamed(*parts)

    monkeypatch.setattr(fileio, "map_from_data", spy_whole)
    monkeypatch.setattr(stream_load, "map_from_parts", spy_streamed)
    assert gc.isenabled()
    loads_map(dumps_data(sample_map()), "sample.chainmap.json")  # a clean map: streamed
    raw = dumps_data(sample_map()).replace(b'"title": ', b'"title": "twice", "title": ', 1)
    with pytest.raises(fileio.MapLoadError):
        loads_map(raw, "twice.chainmap.json")  # the stream gives up; the whole-file way refuses it
    data = sample_map()
    data = {"nodes": data.pop("nodes"), **data}  # segments before the regions: the whole-file way
    loads_map(dumps_data(data), "reordered.chainmap.json")
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_failed_load_lets_the_collector_go_too() -> None:
    with pytest.raises(fileio.MapLoadError):
        loads_map(b"{\"format\": \"chainmap\", \"version\": 1, \"nodes\": 3}", "bad.chainmap.json")
    assert gc.isenabled()


def test_loading_a_map_builds_it_as_the_mutators_would() -> None:
    data = sample_map()
    # A sub-segment before its parent, and a second child: file order kept everywhere.
    first = data["nodes"][0]
    data["nodes"].append({"id": "late-parent", "name": "后来的上级", "tier": first["tier"]})
    data["nodes"].insert(0, {"id": "early-child", "name": "先到的下级", "tier": first["tier"],
                             "parent": "late-parent"})
    data["nodes"].insert(1, {"id": "second-child", "name": "第二个下级", "tier": first["tier"],
                             "parent": "late-parent"})
    chain_map = map_from_data(data)
    assert chain_map.children("late-parent") == ["early-child", "second-child"]
    assert chain_map.node_index("late-parent") == len(data["nodes"]) - 1
    assert chain_map.node("early-child").parent == "late-parent"
    assert map_to_data(chain_map) == data


def test_loading_a_map_announces_no_item_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    added: list[str] = []
    original = ChainMap.__init__

    def listening(self: ChainMap, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.events.node_added.connect(lambda node, index: added.append(node.id))
        self.events.node_changed.connect(lambda node, changes: added.append(node.id))

    monkeypatch.setattr(ChainMap, "__init__", listening)
    chain_map = map_from_data(sample_map())
    assert len(chain_map.nodes) > 1
    assert added == []


def test_bulk_loading_still_refuses_an_inconsistent_map() -> None:
    chain_map = ChainMap("m", "图", "链", regions=[Region("CN-BJ", "北京")], tiers=[Tier("up", "上游")])
    with pytest.raises(ModelError, match="used twice"):
        chain_map.load_items([Node("a", "甲", "up"), Node("a", "乙", "up")], [], [], [])
    with pytest.raises(ModelError, match="no segment 'ghost'"):
        chain_map.load_items([Node("a", "甲", "up", parent="ghost")], [], [], [])
    chain_map.load_items([Node("a", "甲", "up")], [], [], [])
    with pytest.raises(ModelError, match="only into a map that has none"):
        chain_map.load_items([Node("b", "乙", "up")], [], [], [])


def test_checking_a_file_counts_what_loading_it_builds(tmp_path: Any) -> None:
    path = tmp_path / "sample.chainmap.json"
    path.write_bytes(dumps_data(sample_map()))
    checked = check_map_file(path)
    loaded = load_map(path)
    assert (checked.segments, checked.links) == (len(loaded.map.nodes), len(loaded.map.edges))
    assert [p.message for p in checked.warnings] == [p.message for p in loaded.warnings]
    assert dumps_map(loaded.map) == path.read_bytes()
