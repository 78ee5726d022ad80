"""One way to name an item (``(kind, id)``) and to read a conflict's path, and the format's one
list of keys."""

from __future__ import annotations

import pytest

from chainmap.core.format import keys
from chainmap.core.format.serialize import map_from_data
from chainmap.core.model import Conflict, ConflictValue, ModelError
from chainmap.core.refs import conflict_refs, parse_path

from .mapdata import sample_map


def test_get_has_and_update_reach_every_kind_of_item() -> None:
    chain_map = map_from_data(sample_map())
    for ref in [("node", "n-cell"), ("edge", "e-1"), ("note", "note-1"), ("tier", "up"), ("region", "CN-TJ")]:
        assert chain_map.has(ref)
    assert chain_map.get(("node", "n-cell")) is chain_map.node("n-cell")
    assert not chain_map.has(("node", "n-nowhere")) and not chain_map.has(("map", ""))
    with pytest.raises(KeyError):
        chain_map.get(("edge", "e-nowhere"))
    changed = chain_map.update(("region", "CN-TJ"), name="天津市")
    assert changed == {"name": ("天津", "天津市")} and chain_map.region("CN-TJ").name == "天津市"
    with pytest.raises(ModelError, match="no items of kind 'shape'"):
        chain_map.update(("shape", "s-1"), name="x")


def test_a_conflict_path_names_its_item_and_the_field_below_it() -> None:
    assert parse_path("/nodes/n-1/regions/CN-TJ/status") == (("node", "n-1"), ["regions", "CN-TJ", "status"])
    assert parse_path("/edges/a~1b~0c") == (("edge", "a/b~c"), [])
    assert parse_path("/title") == (None, ["title"])
    with pytest.raises(ModelError, match="names no item"):
        parse_path("/nodes")
    with pytest.raises(ModelError, match="is not a conflict path"):
        parse_path("nodes/n-1")


def test_a_duplicate_concerns_every_segment_of_its_group_still_in_the_map() -> None:
    chain_map = map_from_data(sample_map())
    duplicate = Conflict("c-1", "duplicate", "/nodes/n-battery", [
        ConflictValue("CN-BJ", "n-battery"), ConflictValue("CN-TJ", "n-cell"), ConflictValue("CN-HE", "n-gone")])
    assert conflict_refs(chain_map, duplicate) == [("node", "n-battery"), ("node", "n-cell")]
    region_edit = Conflict("c-2", "edit", "/regions/CN-TJ/name", [ConflictValue("CN-TJ", "天津市")])
    assert conflict_refs(chain_map, region_edit) == []  # not an item on the canvas
    assert conflict_refs(chain_map, region_edit, kinds=("region",)) == [("region", "CN-TJ")]


def test_the_validator_checks_the_keys_the_serializer_writes() -> None:
    shapes = {
        keys.REGION_KEYS: keys.REGION_SHAPE, keys.TIER_KEYS: keys.TIER_SHAPE, keys.NODE_KEYS: keys.NODE_SHAPE,
        keys.ENTRY_KEYS: keys.ENTRY_SHAPE, keys.ENTERPRISE_KEYS: keys.ENTERPRISE_SHAPE,
        keys.PLAN_KEYS: keys.PLAN_SHAPE, keys.EDGE_KEYS: keys.EDGE_SHAPE, keys.FLOW_KEYS: keys.FLOW_SHAPE,
        keys.NOTE_KEYS: keys.NOTE_SHAPE,
    }
    for order, (required, kinds) in shapes.items():
        assert tuple(kinds) == order and set(required) <= set(order)
    assert set(keys.TOP_SHAPE[1]) == set(keys.TOP_KEYS) - {"format", "version"}
    assert set(keys.CONFLICT_SHAPE[1]) | {"base"} == set(keys.CONFLICT_KEYS)
