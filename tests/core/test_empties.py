"""A loaded map shares one read-only empty list and dict among its parts: nothing can change
them (a change seen by every segment would be a silent corruption), and copies are ordinary."""

from __future__ import annotations

import copy
import pickle

import pytest

from chainmap.core.empties import NO_ITEMS, NO_KEYS
from chainmap.core.format.fileio import loads_map
from chainmap.core.format.serialize import dumps_data, dumps_map
from chainmap.core.model import ChainMap

from .mapdata import sample_map


def _loaded() -> ChainMap:
    return loads_map(dumps_data(sample_map()), "sample.chainmap.json").map


def test_parts_without_lists_or_unknown_keys_share_the_read_only_empties() -> None:
    chain_map = _loaded()
    bare = [n for n in chain_map.nodes if not n.aliases]
    assert len(bare) >= 2
    assert all(n.aliases is NO_ITEMS and n.extra is NO_KEYS for n in bare)
    assert all(e.flows is NO_ITEMS for e in chain_map.edges if not e.flows)


@pytest.mark.parametrize("change", [
    lambda items: items.append("x"), lambda items: items.extend(["x"]), lambda items: items.insert(0, "x"),
    lambda items: items.__iadd__(["x"]), lambda items: items.__setitem__(slice(0, 0), ["x"]),
])
def test_the_shared_empty_list_refuses_every_change(change) -> None:
    with pytest.raises(TypeError):
        change(NO_ITEMS)
    assert NO_ITEMS == [] and len(NO_ITEMS) == 0


@pytest.mark.parametrize("change", [
    lambda keys: keys.__setitem__("x", 1), lambda keys: keys.setdefault("x", 1), lambda keys: keys.update(x=1),
    lambda keys: keys.__ior__({"x": 1}),
])
def test_the_shared_empty_dict_refuses_every_change(change) -> None:
    with pytest.raises(TypeError):
        change(NO_KEYS)
    assert NO_KEYS == {} and len(NO_KEYS) == 0


def test_copies_of_a_loaded_part_are_ordinary_and_changeable() -> None:
    chain_map = _loaded()
    node = next(n for n in chain_map.nodes if not n.tags and not n.extra)
    for twin in (copy.deepcopy(node), pickle.loads(pickle.dumps(node))):
        twin.tags.append("新")
        twin.extra["x-note"] = "备注"
        assert node.tags == [] and node.extra == {}
    assert type(copy.copy(NO_ITEMS)) is list and type(copy.copy(NO_KEYS)) is dict


def test_a_map_with_shared_empties_saves_as_it_was_read() -> None:
    written = dumps_map(_loaded())
    assert dumps_map(loads_map(written, "again.chainmap.json").map) == written == dumps_data(sample_map())


def test_an_edit_through_the_model_gives_the_segment_its_own_list() -> None:
    chain_map = _loaded()
    node = next(n for n in chain_map.nodes if not n.tags)
    other = next(n for n in chain_map.nodes if not n.tags and n is not node)
    chain_map.update_node(node.id, tags=["重点"])
    assert chain_map.node(node.id).tags == ["重点"] and other.tags == [] and NO_ITEMS == []
