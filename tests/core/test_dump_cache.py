"""The item-by-item kept text of a map (DumpCache) is dumps_map's, byte for byte, after any edit."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest

from chainmap.core.format.dump_cache import DumpCache, cached_dumps
from chainmap.core.format.fileio import loads_map
from chainmap.core.format.serialize import dumps_map
from chainmap.core.model import ChainMap, Edge, ModelError, Node, Note, RegionEntry, Removal
from chainmap.core.refs import EDGE, NODE, NOTE
from chainmap.core.vocabulary import STATUSES

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.chainmap.json"))


def _load(path: Path) -> ChainMap:
    return loads_map(path.read_bytes(), str(path)).map


class _Editor:
    """Random edits through the model's mutators, with undo-like reversals of earlier ones."""

    def __init__(self, chain_map: ChainMap, rng: random.Random) -> None:
        self.map = chain_map
        self.rng = rng
        self.count = 0
        self.removals: list[Removal] = []

    def _new_id(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}-t{self.count}"

    def _node(self) -> Node:
        return self.rng.choice(list(self.map.nodes))

    def step(self) -> str:
        rng, m = self.rng, self.map
        action = rng.choice(
            ["add_node", "remove", "rename", "move", "status", "add_edge", "edge_label",
             "add_note", "note_text", "map_field", "restore", "clear_status", "meta"]
        )
        if action == "add_node":
            tier = rng.choice(list(m.tiers)).id
            parent = self._node().id if m.nodes and rng.random() < 0.3 else None
            if parent is not None:
                tier = m.node(parent).tier
            m.add_node(Node(self._new_id("n"), f"新环节 {self.count}", tier, parent=parent,
                            x=rng.uniform(-500, 500), y=rng.uniform(-500, 500)),
                       index=rng.randint(0, len(m.nodes)))
        elif action == "remove" and m.nodes:
            kind = rng.choice([NODE, EDGE, NOTE])
            items = {NODE: m.nodes, EDGE: m.edges, NOTE: m.notes}[kind]
            if items:
                self.removals.append(m.remove((kind, rng.choice(list(items)).id)))
        elif action == "restore" and self.removals:
            m.restore(self.removals.pop())
        elif action == "rename" and m.nodes:
            m.update_node(self._node().id, name=f"改名 \"{self.count}\"\n{rng.random()}")
        elif action == "move" and m.nodes:
            m.update_node(self._node().id, x=rng.uniform(-1e4, 1e4), y=round(rng.uniform(-9, 9), 2))
        elif action in ("status", "clear_status") and m.nodes and m.regions:
            node = self._node()
            regions = copy.deepcopy(node.regions)
            code = rng.choice(list(m.regions)).code
            if action == "status":
                entry = regions.get(code) or RegionEntry()
                entry.status = rng.choice(STATUSES)
                regions[code] = entry
            else:
                regions.pop(code, None)
            m.update_node(node.id, regions=regions)
        elif action == "add_edge" and len(m.nodes) > 1:
            source, target = rng.sample(list(m.nodes), 2)
            try:
                m.add_edge(Edge(self._new_id("e"), source.id, target.id, label=rng.choice([None, "料"])))
            except ModelError:
                pass  # a refused link (duplicate, cycle rule): the map is unchanged
        elif action == "edge_label" and m.edges:
            m.update_edge(rng.choice(list(m.edges)).id, label=rng.choice([None, "", "电池 → 整车"]) or None)
        elif action == "add_note":
            node = self._node().id if m.nodes and rng.random() < 0.5 else None
            m.add_note(Note(self._new_id("note"), f"批注 {self.count}", rng.uniform(0, 99), 0.05, node=node))
        elif action == "note_text" and m.notes:
            m.update_note(rng.choice(list(m.notes)).id, text=f"改 {self.count}", x=rng.uniform(-3, 3))
        elif action == "map_field":
            m.update_map(title=f"图 {self.count}")
        elif action == "meta":
            m.set_meta("edited", self.count)
        return action


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_cache_text_equals_dumps_map_after_each_random_edit(path: Path) -> None:
    chain_map = _load(path)
    cache = DumpCache(chain_map)
    assert cache.dumps(chain_map) == dumps_map(chain_map)
    editor = _Editor(chain_map, random.Random(path.name))
    for _ in range(150):
        action = editor.step()
        assert cache.dumps(chain_map) == dumps_map(chain_map), action


def test_only_changed_items_are_made_again() -> None:
    chain_map = _load(EXAMPLES[0])
    cache = DumpCache(chain_map)
    cache.dumps(chain_map)
    first = cache.built
    assert first == len(chain_map.nodes) + len(chain_map.edges) + len(chain_map.notes)
    node = chain_map.nodes[0]
    chain_map.update_node(node.id, name="另一个名字")
    assert cache.dumps(chain_map) == dumps_map(chain_map)
    assert cache.built == first + 1


def test_reset_forgets_every_text() -> None:
    chain_map = _load(EXAMPLES[0])
    cache = DumpCache(chain_map)
    cache.dumps(chain_map)
    built = cache.built
    chain_map.events.reset.emit()
    assert cache.dumps(chain_map) == dumps_map(chain_map)
    assert cache.built == 2 * built


def test_cached_dumps_keeps_one_cache_per_map() -> None:
    chain_map = _load(EXAMPLES[-1])
    assert cached_dumps(chain_map) == dumps_map(chain_map)
    chain_map.update_map(title="新标题")
    assert cached_dumps(chain_map) == dumps_map(chain_map)
    other = _load(EXAMPLES[-1])
    assert cached_dumps(other) == dumps_map(other)


def test_empty_map_and_map_without_notes() -> None:
    source = _load(EXAMPLES[0])
    empty = ChainMap("m", "空", "链", regions=list(source.regions), tiers=list(source.tiers))
    cache = DumpCache(empty)
    assert cache.dumps(empty) == dumps_map(empty)
    tier = empty.tiers[0].id
    empty.add_node(Node("a", "甲", tier))
    empty.add_node(Node("b", "乙", tier))
    assert cache.dumps(empty) == dumps_map(empty)
    empty.add_note(Note("n1", "注", 1.25, -0.04))
    assert cache.dumps(empty) == dumps_map(empty)
    empty.remove_note("n1")
    assert cache.dumps(empty) == dumps_map(empty)


def test_prepare_makes_every_text_in_slices_and_edits_meanwhile_stay_right() -> None:
    chain_map = _load(EXAMPLES[0])
    cache = DumpCache(chain_map)
    total = len(chain_map.nodes) + len(chain_map.edges) + len(chain_map.notes)
    editor = _Editor(chain_map, random.Random(7))
    slices = 0
    while not cache.prepare(chain_map, budget=5):
        slices += 1
        editor.step()
    assert slices >= total // 5 - 1
    built = cache.built
    assert cache.dumps(chain_map) == dumps_map(chain_map)
    assert cache.built - built < built  # most texts were made ahead


def test_the_text_in_chunks_is_the_same_text_and_stays_as_it_was_made(monkeypatch, tmp_path: Path) -> None:
    from chainmap.core.format.dump_cache import MapText
    from chainmap.core.format.fileio import write_atomic

    monkeypatch.setattr(MapText, "CHUNK_ITEMS", 3)  # several chunks for the example's arrays
    chain_map = _load(EXAMPLES[0])
    text = DumpCache(chain_map).text(chain_map)
    expected = dumps_map(chain_map)
    chunks = list(text.chunks())
    assert len(chunks) > 10 and b"".join(chunks) == text.joined() == expected
    target = tmp_path / "copy.chainmap.json"
    write_atomic(target, text.chunks())
    assert target.read_bytes() == expected
    chain_map.update_node(chain_map.nodes[0].id, name="改过的名字")  # the text made before stays
    assert b"".join(text.chunks()) == expected
