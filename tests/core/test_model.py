"""The model's mutators: what they change, what they refuse, and the events they announce."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from chainmap.core.events import MapEvents, Signal
from chainmap.core.format.serialize import map_from_data, map_to_data
from chainmap.core.model import (
    ABSENT,
    ChainMap,
    Conflict,
    ConflictValue,
    Edge,
    Enterprise,
    Flow,
    ModelError,
    Node,
    Note,
    Plan,
    Region,
    RegionEntry,
    Tier,
)

from .mapdata import sample_map


class Recorder:
    """Every event of a map, as ``(name, args)`` in the order emitted."""

    def __init__(self, events: MapEvents) -> None:
        self.seen: list[tuple[str, tuple[Any, ...]]] = []
        for name, signal in vars(events).items():
            if isinstance(signal, Signal):
                signal.connect(lambda *args, name=name: self.seen.append((name, args)))

    def names(self) -> list[str]:
        return [name for name, _ in self.seen]

    def clear(self) -> None:
        self.seen.clear()


@pytest.fixture
def chain_map() -> ChainMap:
    return map_from_data(sample_map())


@pytest.fixture
def events(chain_map: ChainMap) -> Recorder:
    return Recorder(chain_map.events)


def blank_map() -> ChainMap:
    return ChainMap(
        "m1",
        "测试图谱",
        "测试链",
        regions=[Region("CN-BJ", "北京"), Region("CN-TJ", "天津")],
        tiers=[Tier("up", "上游"), Tier("down", "下游")],
    )


# ------------------------------------------------------------------ nodes
def test_add_node_emits_and_copies(events: Recorder, chain_map: ChainMap) -> None:
    node = Node("n-new", "新环节", "mid", x=1, y=2, regions={"CN-BJ": RegionEntry("gap")})
    index = chain_map.add_node(node)
    assert index == 4 and chain_map.node_index("n-new") == 4
    ((name, (emitted, at)),) = events.seen
    assert name == "node_added" and at == 4 and emitted is chain_map.node("n-new")
    node.name = "changed afterwards"
    assert chain_map.node("n-new").name == "新环节"


def test_add_node_at_an_index(chain_map: ChainMap) -> None:
    chain_map.add_node(Node("n-first", "首", "up"), 0)
    assert [n.id for n in chain_map.nodes][:2] == ["n-first", "n-lithium"]


def test_update_node_reports_old_and_new(events: Recorder, chain_map: ChainMap) -> None:
    changes = chain_map.update_node("n-lithium", name="锂资源", x=5.0)
    assert changes == {"name": ("锂矿", "锂资源"), "x": (100.0, 5.0)}
    ((name, (node, payload)),) = events.seen
    assert name == "node_changed" and node.id == "n-lithium" and payload == changes
    events.clear()
    assert chain_map.update_node("n-lithium", name="锂资源") == {}
    assert events.seen == []


def test_update_node_parent_keeps_children_in_order(chain_map: ChainMap) -> None:
    chain_map.update_node("n-vehicle", parent="n-battery")
    assert chain_map.children("n-battery") == ["n-cell", "n-vehicle"]
    chain_map.update_node("n-cell", parent=None)
    assert chain_map.children("n-battery") == ["n-vehicle"]
    assert chain_map.descendants("n-battery") == ["n-vehicle"]


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"tier": "nowhere"}, "no tier"),
        ({"parent": "n-lithium"}, "own parent"),
        ({"parent": "n-gone"}, "no segment"),
        ({"name": ""}, "needs a name"),
        ({"name": "x" * 201}, "at most 200"),
        ({"x": float("inf")}, "finite"),
        ({"y": float("nan")}, "finite"),
        ({"x": True}, "finite"),
        ({"regions": {"CN-SH": RegionEntry("strong")}}, "CN-SH"),
        ({"regions": {"CN-BJ": RegionEntry("excellent")}}, "not a status"),
        ({"regions": {"CN-BJ": RegionEntry("gap", plan=Plan("attract", "high"))}}, "not an action"),
        ({"regions": {"CN-BJ": RegionEntry("gap", plan=Plan("fill", "urgent"))}}, "not a priority"),
        ({"regions": {"CN-BJ": RegionEntry("gap", plan=Plan("fill", "high", due="2027-13"))}}, "month 13"),
        (
            {"regions": {"CN-BJ": RegionEntry("gap", plan=Plan("fill", "high", due="2027-02-30"))}},
            "real date",
        ),
        ({"regions": {"CN-BJ": RegionEntry("gap", enterprises=[Enterprise(" ")])}}, "needs a name"),
        ({"colour": "red"}, "no field"),
    ],
)
def test_update_node_refusals(
    events: Recorder, chain_map: ChainMap, changes: dict[str, Any], words: str
) -> None:
    before = map_to_data(chain_map)
    with pytest.raises(ModelError) as caught:
        chain_map.update_node("n-lithium", **changes)
    assert words in str(caught.value)
    assert map_to_data(chain_map) == before
    assert events.seen == []


def test_parent_cycle_is_refused(chain_map: ChainMap) -> None:
    with pytest.raises(ModelError, match="own sub-segments"):
        chain_map.update_node("n-battery", parent="n-cell")


@pytest.mark.parametrize("item_id", ["n-lithium", "e-1", "note-1", "up", "bad id", ""])
def test_duplicate_or_bad_ids_are_refused_across_kinds(chain_map: ChainMap, item_id: str) -> None:
    with pytest.raises(ModelError):
        chain_map.add_node(Node(item_id, "重复", "up"))
    with pytest.raises(ModelError):
        chain_map.add_edge(Edge(item_id, "n-lithium", "n-vehicle"))
    with pytest.raises(ModelError):
        chain_map.add_note(Note(item_id, "t", 0, 0))
    with pytest.raises(ModelError):
        chain_map.add_tier(Tier(item_id, "层"))


def test_remove_node_cascades_and_restore_gives_back_the_same_map(
    events: Recorder, chain_map: ChainMap
) -> None:
    before = copy.deepcopy(map_to_data(chain_map))
    removal = chain_map.remove_node("n-battery")
    # The segment, its sub-segment, their links; the note is detached, not removed.
    assert [n.id for n in chain_map.nodes] == ["n-lithium", "n-vehicle"]
    assert chain_map.edges == []
    assert chain_map.note("note-1").node is None
    assert list(chain_map.deleted) == ["n-old", "n-battery", "n-cell", "e-1", "e-2"]
    names = events.names()
    assert names == ["note_changed", "edge_removed", "edge_removed", "node_removed", "node_removed"]
    # Deepest first: no event shows a child whose parent is gone.
    assert [args[0].id for name, args in events.seen if name == "node_removed"] == ["n-cell", "n-battery"]
    assert [args[1] for name, args in events.seen if name == "node_removed"] == [2, 1]

    events.clear()
    chain_map.restore(removal)
    assert map_to_data(chain_map) == before
    assert events.names().count("node_added") == 2 and events.names().count("edge_added") == 2


def test_remove_a_missing_node_is_refused(chain_map: ChainMap) -> None:
    with pytest.raises(ModelError, match="no segment 'n-gone'"):
        chain_map.remove_node("n-gone")


# ------------------------------------------------------------------ edges
def test_edges(events: Recorder, chain_map: ChainMap) -> None:
    edge = Edge("e-3", "n-lithium", "n-vehicle", kind="technology", flows=[Flow("CN-HE", "CN-BJ")])
    assert chain_map.add_edge(edge) == 2
    assert events.seen[-1][0] == "edge_added"
    assert chain_map.find_edge("n-lithium", "n-vehicle") is None
    assert chain_map.find_edge("n-lithium", "n-vehicle", "technology") is chain_map.edge("e-3")
    assert chain_map.find_edge("n-lithium", "n-battery") is chain_map.edge("e-1")
    assert [e.id for e in chain_map.edges_of("n-vehicle")] == ["e-2", "e-3"]
    changes = chain_map.update_edge("e-3", label="技术")
    assert changes == {"label": (None, "技术")}
    assert events.seen[-1] == ("edge_changed", (chain_map.edge("e-3"), changes))
    index, removed = chain_map.remove_edge("e-3")
    assert (index, removed.id) == (2, "e-3")
    assert events.seen[-1] == ("edge_removed", (removed, 2))
    assert "e-3" in chain_map.deleted


def test_a_segments_links_stay_right_through_adding_re_attaching_removing_and_restoring() -> None:
    """``edges_of`` answers from a kept index: after any mix of edits it names exactly the
    links a reading of every link finds, in file order."""
    import random

    chain_map = blank_map()
    for number in range(12):
        chain_map.add_node(Node(f"n{number}", f"环节{number}", "up" if number % 2 else "down"))
    ids = [node.id for node in chain_map.nodes]
    rng = random.Random(14)

    def check() -> None:
        for node_id in ids:
            expected = [e.id for e in chain_map.edges if node_id in (e.source, e.target)]
            assert [e.id for e in chain_map.edges_of(node_id)] == expected

    for step in range(400):
        source, target = rng.sample(ids, 2)
        choice = rng.random()
        edges = chain_map.edges
        if choice < 0.45 or not edges:
            chain_map.add_edge(Edge(f"e{step}", source, target), rng.randint(0, len(edges)))
        elif choice < 0.7:
            chain_map.update_edge(rng.choice(edges).id, source=source, target=target)
        elif choice < 0.85:
            chain_map.remove_edge(rng.choice(edges).id)
        else:  # a segment deleted with its links, then the deletion undone
            removal = chain_map.remove_node(source)
            check()
            chain_map.restore(removal)
        check()
    copied = map_from_data(map_to_data(chain_map))  # loaded in bulk
    for node_id in ids:
        assert [e.id for e in copied.edges_of(node_id)] == [e.id for e in chain_map.edges_of(node_id)]


@pytest.mark.parametrize(
    ("edge", "words"),
    [
        (Edge("e-9", "n-lithium", "n-lithium"), "to itself"),
        (Edge("e-9", "n-lithium", "n-gone"), "no segment 'n-gone'"),
        (Edge("e-9", "n-lithium", "n-vehicle", flows=[Flow("CN-SH", "CN-BJ")]), "CN-SH"),
    ],
)
def test_edge_refusals(chain_map: ChainMap, edge: Edge, words: str) -> None:
    with pytest.raises(ModelError) as caught:
        chain_map.add_edge(edge)
    assert words in str(caught.value)
    assert not chain_map.has_edge("e-9")


def test_update_edge_into_a_self_loop_is_refused(chain_map: ChainMap) -> None:
    with pytest.raises(ModelError, match="itself"):
        chain_map.update_edge("e-1", target="n-lithium")
    assert chain_map.edge("e-1").target == "n-battery"


def test_remove_edge_without_tombstone(chain_map: ChainMap) -> None:
    chain_map.remove_edge("e-1", tombstone=False)
    assert "e-1" not in chain_map.deleted


# ------------------------------------------------------------------ notes, tiers, regions, map
def test_notes(events: Recorder, chain_map: ChainMap) -> None:
    chain_map.add_note(Note("note-2", "看这里", 10, 20, node="n-vehicle"))
    assert events.seen[-1][0] == "note_added"
    with pytest.raises(ModelError, match="no segment"):
        chain_map.update_note("note-2", node="n-gone")
    with pytest.raises(ModelError, match="finite"):
        chain_map.add_note(Note("note-3", "x", float("inf"), 0))
    index, note = chain_map.remove_note("note-2")
    assert (index, note.id) == (1, "note-2") and "note-2" in chain_map.deleted
    assert events.seen[-1] == ("note_removed", (note, 1))


def test_tiers(events: Recorder, chain_map: ChainMap) -> None:
    chain_map.add_tier(Tier("service", "服务"))
    assert [t.id for t in chain_map.tiers] == ["up", "mid", "down", "service"]
    old = chain_map.move_tier("service", 0)
    assert old == 3 and [t.id for t in chain_map.tiers] == ["service", "up", "mid", "down"]
    assert events.seen[-1] == ("tier_moved", (chain_map.tier("service"), 3, 0))
    assert chain_map.tier_index("down") == 3
    assert chain_map.update_tier("up", name="原材料") == {"name": ("上游", "原材料")}
    assert events.seen[-1][0] == "tier_changed"
    with pytest.raises(ModelError, match="still holds 2"):
        chain_map.remove_tier("mid")
    index, tier = chain_map.remove_tier("service")
    assert index == 0 and events.seen[-1] == ("tier_removed", (tier, 0))
    with pytest.raises(ModelError):
        chain_map.update_tier("up", name=" ")


def test_regions(events: Recorder, chain_map: ChainMap) -> None:
    chain_map.add_region(Region("CN-SD", "山东", "#123456"))
    assert chain_map.region_codes() == ["CN-BJ", "CN-TJ", "CN-HE", "CN-SD"]
    assert events.seen[-1] == ("region_added", (chain_map.region("CN-SD"), 3))
    assert chain_map.update_region("CN-SD", color="#654321") == {"color": ("#123456", "#654321")}
    for bad in (
        Region("CN-BJ", "again"),
        Region("bj", "北京"),
        Region("CN-XX", "x", "red"),
        Region("CN-XX", ""),
    ):
        with pytest.raises(ModelError):
            chain_map.add_region(bad)
    with pytest.raises(ModelError, match="facts on"):
        chain_map.remove_region("CN-HE")
    with pytest.raises(ModelError, match="lead or owner"):
        map_from_data({**sample_map(), "nodes": [], "edges": [], "notes": []}).remove_region("CN-BJ")
    index, region = chain_map.remove_region("CN-SD")
    assert index == 3 and events.seen[-1] == ("region_removed", (region, 3))


def test_map_fields_and_meta(events: Recorder, chain_map: ChainMap) -> None:
    assert chain_map.update_map(title="新标题", lead="CN-HE") == {
        "title": ("京津冀新能源和智能网联汽车产业链图谱", "新标题"),
        "lead": ("CN-BJ", "CN-HE"),
    }
    assert events.seen[-1][0] == "map_changed"
    for bad in ({"title": " "}, {"owner": "CN-SH"}, {"colour": "red"}):
        with pytest.raises(ModelError):
            chain_map.update_map(**bad)
    assert chain_map.set_meta("generator", "chainmap 9") == "chainmap 0.1.0"
    assert events.seen[-1] == ("map_changed", ({"meta.generator": ("chainmap 0.1.0", "chainmap 9")},))
    assert chain_map.set_meta("generator", ABSENT) == "chainmap 9"
    assert "generator" not in chain_map.meta


def test_conflicts(events: Recorder, chain_map: ChainMap) -> None:
    conflict = Conflict(
        "c-2", "delete", "/nodes/n-cell", [ConflictValue("CN-BJ"), ConflictValue("CN-TJ", None)]
    )
    assert chain_map.add_conflict(conflict) == 1
    assert events.seen[-1][0] == "conflict_added"
    with pytest.raises(ModelError):
        chain_map.add_conflict(conflict)
    with pytest.raises(ModelError):
        chain_map.add_conflict(Conflict("bad id", "edit", "/x"))
    data = map_to_data(chain_map)
    assert data["conflicts"][1]["values"] == [{"source": "CN-BJ"}, {"source": "CN-TJ", "value": None}]
    index, removed = chain_map.remove_conflict("c-2")
    assert index == 1 and events.seen[-1] == ("conflict_removed", (removed, 1))


def test_set_deleted_removes_duplicates(chain_map: ChainMap) -> None:
    old = chain_map.set_deleted(["a", "b", "a"])
    assert old == ["n-old"] and list(chain_map.deleted) == ["a", "b"]


def test_blank_map_and_lookups() -> None:
    chain_map = blank_map()
    assert chain_map.has_region("CN-TJ") and not chain_map.has_region("CN-HE")
    assert chain_map.uses_id("up") and not chain_map.uses_id("n1")
    chain_map.add_node(Node("n1", "一", "up"))
    chain_map.add_node(Node("n2", "二", "down", parent="n1"))
    assert chain_map.children("n1") == ["n2"] and chain_map.has_node("n2")
    with pytest.raises(KeyError):
        chain_map.node("n3")


def test_signals_connect_once_and_disconnect() -> None:
    signal = Signal()
    calls: list[int] = []

    def listener(value: int) -> None:
        calls.append(value)

    signal.connect(listener)
    signal.connect(listener)
    signal.emit(1)
    signal.disconnect(listener)
    signal.disconnect(listener)
    signal.emit(2)
    assert calls == [1] and len(signal) == 0


def test_listeners_see_a_consistent_tree_while_a_parent_is_removed() -> None:
    from chainmap.core.model import ChainMap, Node, Tier

    chain_map = ChainMap("m", "t", "c", tiers=[Tier("up", "上游")])
    chain_map.add_node(Node("p", "动力电池", "up"))
    chain_map.add_node(Node("c1", "电芯", "up", parent="p"))
    chain_map.add_node(Node("c2", "电池管理系统", "up", parent="p"))
    seen = []

    def on_removed(node: Node, index: int) -> None:
        # What the inspector does on every change: read the tree.
        if chain_map.has_node("p"):
            seen.append((node.id, chain_map.children("p")))

    chain_map.events.node_removed.connect(on_removed)
    chain_map.remove_node("p")
    assert seen == [("c2", ["c1"]), ("c1", [])]
