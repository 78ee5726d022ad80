"""sync_map: one map turned into another through the mutators, exactly, touching only what
differs."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainmap.core.format.fileio import load_map
from chainmap.core.format.serialize import dumps_map, map_from_data, map_to_data
from chainmap.core.map_sync import sync_map
from chainmap.core.model import ChainMap, ModelError, Node, Region, Tier

MERGE = Path(__file__).resolve().parents[2] / "examples" / "merge"
COPIES = sorted(MERGE.glob("vehicles-*.chainmap.json"))


def copy_of(chain_map: ChainMap) -> ChainMap:
    return map_from_data(map_to_data(chain_map))


@pytest.mark.parametrize("source", COPIES, ids=lambda p: p.stem)
@pytest.mark.parametrize("target", COPIES, ids=lambda p: p.stem)
def test_every_copy_becomes_every_other(source: Path, target: Path) -> None:
    a, b = load_map(source).map, load_map(target).map
    sync_map(a, b)
    assert dumps_map(a) == dumps_map(b)


def test_unchanged_items_are_not_touched() -> None:
    a = load_map(COPIES[0]).map
    b = copy_of(a)
    first = b.nodes[0]
    b.update_node(first.id, name="改名")
    events: list[str] = []
    a.events.node_changed.connect(lambda node, changes: events.append(node.id))
    a.events.node_removed.connect(lambda node, index: events.append("removed"))
    a.events.node_added.connect(lambda node, index: events.append("added"))
    sync_map(a, b)
    assert events == [first.id]
    assert dumps_map(a) == dumps_map(b)


def _map(*nodes: Node) -> ChainMap:
    chain_map = ChainMap("m", "t", "c", regions=[Region("CN-BJ", "北京")], tiers=[Tier("up", "上游")])
    for node in nodes:
        chain_map.add_node(node)
    return chain_map


def test_parents_swapped_never_make_a_loop() -> None:
    a = _map(Node("p", "P", "up"), Node("c", "C", "up", parent="p"))
    b = _map(Node("c", "C", "up"), Node("p", "P", "up", parent="c"))
    sync_map(a, b)
    assert dumps_map(a) == dumps_map(b)


def test_new_regions_tiers_and_order_changes() -> None:
    a = _map(Node("x", "X", "up", x=1, y=2), Node("y", "Y", "up"))
    b = copy_of(a)
    b.add_region(Region("CN-TJ", "天津"), 0)
    b.add_tier(Tier("down", "下游"), 0)
    b.remove_node("x")
    b.add_node(Node("x", "X again", "down"), 1)
    b.update_map(owner="CN-TJ")
    b.set_meta("modified", "2025-01-01T00:00:00+08:00")
    sync_map(a, b)
    assert dumps_map(a) == dumps_map(b)


def test_another_map_is_refused() -> None:
    a = _map()
    b = ChainMap("other", "t", "c", tiers=[Tier("up", "上游")])
    with pytest.raises(ModelError, match="another map"):
        sync_map(a, b)
