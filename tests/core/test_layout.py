"""The automatic layout: band order, no overlaps, frames, only-new, determinism, crossings."""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.core.format.fileio import load_map, save_map
from chainmap.core.geometry import (
    PARENT_PADDING,
    ROW_GAP,
    SEGMENT_HEIGHT,
    frame,
    own_box,
    tier_bands,
)
from chainmap.core.layout.columns import tier_columns
from chainmap.core.layout.crossings import count_crossings
from chainmap.core.layout.engine import compute_layout, layout_map, map_crossings
from chainmap.core.model import ChainMap, Edge, Node, Region, Tier
from tests.cli.helpers import run_chainmap

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))


# ------------------------------------------------------------------ maps built in code
def build_map(
    tiers: list[str],
    nodes: list[tuple[str, str] | tuple[str, str, str]],
    edges: list[tuple[str, str]],
) -> ChainMap:
    """A map from ``(id, tier[, parent])`` nodes (parents before children) and links."""
    chain_map = ChainMap(
        "map-test",
        "Test map",
        "test",
        regions=[Region("CN-BJ", "北京")],
        tiers=[Tier(t, t.upper()) for t in tiers],
    )
    for spec in nodes:
        node_id, tier = spec[0], spec[1]
        parent = spec[2] if len(spec) > 2 else None
        chain_map.add_node(Node(node_id, f"Segment {node_id}", tier, parent=parent))
    for i, (source, target) in enumerate(edges):
        chain_map.add_edge(Edge(f"e{i}", source, target))
    return chain_map


def random_map(seed: int, size: int, *, tiers: int = 4, children: bool = True) -> ChainMap:
    """A layered map: links mostly to the next tier, some within a tier (cycles included),
    some two tiers on; with ``children``, some segments hold sub-segments (two levels)."""
    rng = random.Random(seed)
    tier_ids = [f"t{i}" for i in range(tiers)]
    nodes: list[tuple[str, str] | tuple[str, str, str]] = []
    by_tier: dict[str, list[str]] = {t: [] for t in tier_ids}
    for i in range(size):
        node_id = f"n{i}"
        existing = [n for n in nodes if len(n) == 2 or rng.random() < 0.5]
        if children and existing and rng.random() < 0.25:
            parent = rng.choice(existing)
            nodes.append((node_id, parent[1], parent[0]))
        else:
            tier = rng.choice(tier_ids)
            nodes.append((node_id, tier))
            by_tier[tier].append(node_id)
    tier_of = {n[0]: n[1] for n in nodes}
    edges: set[tuple[str, str]] = set()
    ids = [n[0] for n in nodes]
    for _ in range(int(size * 1.5)):
        source = rng.choice(ids)
        index = tier_ids.index(tier_of[source])
        step = rng.choice([0, 1, 1, 1, 2])
        candidates = [n for n in ids if tier_of[n] == tier_ids[min(index + step, tiers - 1)]]
        target = rng.choice(candidates)
        if target != source and (target, source) not in edges:
            edges.add((source, target))
    return build_map(tier_ids, nodes, sorted(edges))


def load_examples() -> list[ChainMap]:
    return [load_map(path).map for path in EXAMPLES]


def all_maps() -> list[tuple[str, ChainMap]]:
    maps = [(path.name, load_map(path).map) for path in EXAMPLES]
    maps += [(f"random-{seed}", random_map(seed, 40 + 30 * seed)) for seed in range(5)]
    maps.append(("flat", random_map(7, 150, children=False)))
    return maps


# ------------------------------------------------------------------ invariants
def top_level(chain_map: ChainMap) -> list[Node]:
    return [n for n in chain_map.nodes if n.parent is None]


def check_layout(chain_map: ChainMap, *, allow_overlap: frozenset[str] = frozenset()) -> None:
    """Everything placed; tiers in band order; frames apart; children inside parents."""
    for node in chain_map.nodes:
        assert node.x is not None and node.y is not None, node.id
        assert round(node.x, 1) == node.x and round(node.y, 1) == node.y
    frames = {n.id: frame(chain_map, n.id) for n in chain_map.nodes}
    tops = top_level(chain_map)
    # Bands in tier order: every frame of a tier lies left of every frame of a later tier,
    # and inside its own band.
    bands = {band.tier: band for band in tier_bands(chain_map)}
    order = [t.id for t in chain_map.tiers]
    assert list(bands) == order
    for node in tops:
        rect = frames[node.id]
        band = bands[node.tier]
        assert band.left <= rect.left and rect.right <= band.right, (node.id, rect, band)
    for earlier, later in itertools.combinations(order, 2):
        left = [frames[n.id].right for n in tops if n.tier == earlier]
        right = [frames[n.id].left for n in tops if n.tier == later]
        if left and right:
            assert max(left) < min(right), (earlier, later)
    # No overlaps between top-level frames, nor between siblings.
    for a, b in itertools.combinations(tops, 2):
        if a.id in allow_overlap or b.id in allow_overlap:
            continue
        assert not frames[a.id].intersects(frames[b.id]), (a.id, b.id)
    for parent in chain_map.nodes:
        children = chain_map.children(parent.id)
        for a, b in itertools.combinations(children, 2):
            assert not frames[a].intersects(frames[b]), (a, b)
        # A parent's frame holds its children's frames, below its own box.
        for child in children:
            padded = frames[child].adjusted(-PARENT_PADDING, -PARENT_PADDING, PARENT_PADDING, PARENT_PADDING)
            assert frames[parent.id].contains(padded)
            assert not own_box(parent.x, parent.y).intersects(frames[child])  # type: ignore[arg-type]


def positions_of(chain_map: ChainMap) -> dict[str, tuple[float | None, float | None]]:
    return {n.id: (n.x, n.y) for n in chain_map.nodes}


# ------------------------------------------------------------------ full layout
@pytest.mark.parametrize("name, chain_map", all_maps(), ids=lambda v: v if isinstance(v, str) else "")
def test_layout_invariants(name: str, chain_map: ChainMap) -> None:
    result = layout_map(chain_map)
    assert result.placed == len(chain_map.nodes)
    assert result.crossings == map_crossings(chain_map)
    check_layout(chain_map)


def test_compute_layout_leaves_the_map_alone() -> None:
    chain_map = random_map(1, 60)
    before = positions_of(chain_map)
    positions = compute_layout(chain_map)
    assert positions_of(chain_map) == before
    assert set(positions) == {n.id for n in chain_map.nodes}


def test_layout_is_deterministic() -> None:
    first = compute_layout(random_map(3, 200))
    second = compute_layout(random_map(3, 200))
    assert first == second


def test_rows_are_packed() -> None:
    # One tier, no links: one column, boxes ROW_GAP apart.
    chain_map = build_map(["a"], [("p", "a"), ("q", "a"), ("r", "a")], [])
    layout_map(chain_map)
    ys = sorted(n.y for n in chain_map.nodes)  # type: ignore[type-var]
    assert {n.x for n in chain_map.nodes} == {chain_map.node("p").x}
    assert [b - a for a, b in itertools.pairwise(ys)] == [SEGMENT_HEIGHT + ROW_GAP] * 2


def test_links_within_a_tier_take_columns() -> None:
    chain_map = build_map(
        ["a", "b"], [("p", "a"), ("q", "a"), ("r", "a"), ("s", "b")], [("p", "q"), ("q", "r"), ("r", "s")]
    )
    layout_map(chain_map)
    xs = [chain_map.node(i).x for i in "pqrs"]
    assert xs == sorted(xs) and len(set(xs)) == 4
    check_layout(chain_map)


def test_cycle_within_a_tier_is_broken() -> None:
    columns = tier_columns([0, 1, 2], [(0, 1), (1, 2), (2, 0)], {}, {})
    assert sorted(columns.values()) == [0, 1, 2]
    forward = sum(columns[a] < columns[b] for a, b in [(0, 1), (1, 2), (2, 0)])
    assert forward == 2


def test_empty_tier_keeps_its_band() -> None:
    chain_map = build_map(["a", "empty", "c"], [("p", "a"), ("q", "c")], [("p", "q")])
    layout_map(chain_map)
    bands = tier_bands(chain_map)
    assert [b.tier for b in bands] == ["a", "empty", "c"]
    assert bands[1].right - bands[1].left >= 200
    check_layout(chain_map)


def test_sub_segment_of_another_tier_stays_in_its_parent() -> None:
    chain_map = build_map(
        ["a", "b"],
        [("p", "a"), ("kid", "b", "p"), ("q", "b"), ("r", "b")],
        [("kid", "q"), ("p", "r")],
    )
    layout_map(chain_map)
    check_layout(chain_map)
    assert frame(chain_map, "p").contains(frame(chain_map, "kid"))  # type: ignore[arg-type]


def test_empty_map() -> None:
    chain_map = build_map(["a"], [], [])
    result = layout_map(chain_map)
    assert result.placed == 0 and result.crossings == 0


# ------------------------------------------------------------------ crossings
def baseline(
    chain_map: ChainMap, positions: dict[str, tuple[float, float]]
) -> dict[str, tuple[float, float]]:
    """Our columns, but each column in file order, packed from the top."""
    columns: dict[float, list[str]] = {}
    for node in chain_map.nodes:
        columns.setdefault(positions[node.id][0], []).append(node.id)
    return {
        node_id: (x, i * (SEGMENT_HEIGHT + ROW_GAP))
        for x, members in columns.items()
        for i, node_id in enumerate(members)
    }


def links(chain_map: ChainMap) -> list[tuple[str, str]]:
    return [(e.source, e.target) for e in chain_map.edges]


@pytest.mark.parametrize("seed", range(6))
def test_no_more_crossings_than_file_order(seed: int) -> None:
    chain_map = random_map(seed, 120, children=False)
    ours = compute_layout(chain_map)
    assert count_crossings(ours, links(chain_map)) <= count_crossings(
        baseline(chain_map, ours), links(chain_map)
    )


def test_fewer_crossings_than_file_order_when_it_crosses() -> None:
    chain_map = build_map(
        ["up", "down"],
        [("a1", "up"), ("a2", "up"), ("a3", "up"), ("b1", "down"), ("b2", "down"), ("b3", "down")],
        [("a1", "b3"), ("a2", "b2"), ("a3", "b1")],
    )
    ours = compute_layout(chain_map)
    assert count_crossings(baseline(chain_map, ours), links(chain_map)) == 3
    assert count_crossings(ours, links(chain_map)) == 0


def brute_force_crossings(positions: dict[str, tuple[float, float]], edges: list[tuple[str, str]]) -> int:
    def orientation(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> int:
        value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (value > 0) - (value < 0)

    total = 0
    for (a, b), (c, d) in itertools.combinations(edges, 2):
        p, q, r, s = positions[a], positions[b], positions[c], positions[d]
        if (
            orientation(p, q, r) * orientation(p, q, s) < 0
            and orientation(r, s, p) * orientation(r, s, q) < 0
        ):
            total += 1
    return total


def test_count_crossings_cases() -> None:
    square = {
        "a": (0.0, 0.0),
        "b": (2.0, 2.0),
        "c": (0.0, 2.0),
        "d": (2.0, 0.0),
        "m": (1.0, 5.0),
        "n": (3.0, 5.0),
    }
    assert count_crossings(square, [("a", "b"), ("c", "d")]) == 1
    # The crossing lies exactly on x = 1, where another link starts: still one crossing.
    assert count_crossings(square, [("a", "b"), ("c", "d"), ("m", "n")]) == 1
    assert count_crossings(square, [("a", "b"), ("a", "d")]) == 0  # shared end
    touching = {"a": (0.0, 0.0), "b": (2.0, 0.0), "c": (1.0, 0.0), "d": (1.0, 3.0)}
    assert count_crossings(touching, [("a", "b"), ("c", "d")]) == 0  # an end on the other link
    vertical = {"a": (1.0, -1.0), "b": (1.0, 1.0), "c": (0.0, 0.0), "d": (2.0, 0.0)}
    assert count_crossings(vertical, [("a", "b"), ("c", "d")]) == 1
    collinear = {"a": (0.0, 0.0), "b": (2.0, 0.0), "c": (1.0, 0.0), "d": (3.0, 0.0)}
    assert count_crossings(collinear, [("a", "b"), ("c", "d")]) == 0
    assert count_crossings(square, [("a", "b"), ("x", "d")]) == 0  # unknown end skipped


@settings(max_examples=150, deadline=None)
@given(
    points=st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=2, max_size=12),
    data=st.data(),
)
def test_count_crossings_matches_brute_force(points: list[tuple[int, int]], data: st.DataObject) -> None:
    positions = {f"p{i}": (float(x), float(y)) for i, (x, y) in enumerate(points)}
    names = list(positions)
    pairs = st.tuples(st.sampled_from(names), st.sampled_from(names)).filter(lambda e: e[0] != e[1])
    edges = data.draw(st.lists(pairs, max_size=20))
    assert count_crossings(positions, edges) == brute_force_crossings(positions, edges)


# ------------------------------------------------------------------ only new
def forget(chain_map: ChainMap, ids: list[str]) -> None:
    for node_id in ids:
        chain_map.update_node(node_id, x=None, y=None)


@pytest.mark.parametrize("seed", range(4))
def test_only_new_keeps_the_others(seed: int) -> None:
    chain_map = random_map(seed, 80)
    layout_map(chain_map)
    rng = random.Random(seed)
    # New top-level segments without sub-segments, and new leaves.
    leaves = [n.id for n in chain_map.nodes if not chain_map.children(n.id)]
    new = rng.sample(leaves, 12)
    forget(chain_map, new)
    kept = {i: p for i, p in positions_of(chain_map).items() if i not in new}
    result = layout_map(chain_map, only_new=True)
    assert set(result.positions) == set(new)
    assert {i: p for i, p in positions_of(chain_map).items() if i not in new} == kept
    crowded_tops = {_top(chain_map, i) for i in result.crowded}
    check_layout(chain_map, allow_overlap=frozenset(crowded_tops))
    for node_id in new:
        node = chain_map.node(node_id)
        if node.parent is not None:
            assert frame(chain_map, node.parent).contains(frame(chain_map, node_id))  # type: ignore[arg-type]


def _top(chain_map: ChainMap, node_id: str) -> str:
    while (parent := chain_map.node(node_id).parent) is not None:
        node_id = parent
    return node_id


def test_only_new_places_a_new_block_near_its_neighbours() -> None:
    chain_map = random_map(5, 60)
    layout_map(chain_map)
    chain_map.add_node(Node("fresh", "Fresh", "t1"))
    chain_map.add_node(Node("fresh-child", "Fresh child", "t1", parent="fresh"))
    target = next(n for n in top_level(chain_map) if n.tier == "t2" and n.id != "fresh")
    chain_map.add_edge(Edge("e-fresh", "fresh-child", target.id))
    kept = positions_of(chain_map)
    result = layout_map(chain_map, only_new=True)
    assert set(result.positions) == {"fresh", "fresh-child"}
    assert result.crowded == []
    assert {i: p for i, p in positions_of(chain_map).items() if i in kept and kept[i][0] is not None} == {
        i: p for i, p in kept.items() if p[0] is not None
    }
    check_layout(chain_map)


def test_only_new_child_at_the_bottom_of_a_column() -> None:
    chain_map = build_map(["a"], [("p", "a"), ("q", "a")], [])
    layout_map(chain_map)
    bottom = max(chain_map.nodes, key=lambda n: n.y or 0)
    chain_map.add_node(Node("kid", "Kid", "a", parent=bottom.id))
    result = layout_map(chain_map, only_new=True)
    assert result.positions.keys() == {"kid"} and result.crowded == []
    check_layout(chain_map)


def test_only_new_child_that_crowds_is_reported() -> None:
    chain_map = build_map(["a"], [("p", "a"), ("q", "a")], [])
    layout_map(chain_map)
    upper = min(chain_map.nodes, key=lambda n: n.y or 0)
    chain_map.add_node(Node("kid", "Kid", "a", parent=upper.id))
    result = layout_map(chain_map, only_new=True)
    assert result.crowded == ["kid"]
    assert frame(chain_map, upper.id).contains(frame(chain_map, "kid"))  # type: ignore[arg-type]


def test_only_new_nested_children_stack_inside_their_parent() -> None:
    chain_map = build_map(["a", "b"], [("p", "a"), ("q", "b")], [("p", "q")])
    layout_map(chain_map)
    chain_map.add_node(Node("kid", "Kid", "b", parent="q"))
    chain_map.add_node(Node("grandkid", "Grandkid", "b", parent="kid"))
    kept = positions_of(chain_map)
    result = layout_map(chain_map, only_new=True)
    assert result.positions.keys() == {"kid", "grandkid"} and result.crowded == []
    assert (chain_map.node("q").x, chain_map.node("q").y) == kept["q"]
    check_layout(chain_map)


def test_only_new_parent_of_placed_segments_goes_on_top_of_them() -> None:
    chain_map = build_map(["a"], [("p", "a"), ("q", "a")], [])
    layout_map(chain_map)
    lower = max(chain_map.nodes, key=lambda n: n.y or 0)
    chain_map.add_node(Node("box", "Box", "a"))
    chain_map.update_node(lower.id, parent="box")
    kept = (lower.x, lower.y)
    result = layout_map(chain_map, only_new=True)
    assert result.positions.keys() == {"box"}
    assert (lower.x, lower.y) == kept
    box = chain_map.node("box")
    assert box.y is not None and lower.y is not None and box.y < lower.y
    check_layout(chain_map, allow_overlap=frozenset(result.crowded))


def test_only_new_without_any_position_lays_out_everything() -> None:
    first = random_map(2, 50)
    second = random_map(2, 50)
    assert compute_layout(first, only_new=True) == compute_layout(second)


def test_only_new_with_nothing_new_changes_nothing() -> None:
    chain_map = random_map(2, 50)
    layout_map(chain_map)
    before = positions_of(chain_map)
    assert layout_map(chain_map, only_new=True).placed == 0
    assert positions_of(chain_map) == before


def test_only_new_in_an_empty_tier() -> None:
    chain_map = build_map(["a", "b", "c"], [("p", "a"), ("q", "c")], [("p", "q")])
    layout_map(chain_map)
    chain_map.add_node(Node("r", "R", "b"))
    chain_map.add_node(Node("s", "S", "b"))
    chain_map.add_edge(Edge("e-r", "p", "r"))
    layout_map(chain_map, only_new=True)
    check_layout(chain_map)


# ------------------------------------------------------------------ command line
def write_map(path: Path, chain_map: ChainMap) -> None:
    save_map(chain_map, path)


def test_cli_layout(tmp_path: Path) -> None:
    source = tmp_path / "in.chainmap.json"
    write_map(source, random_map(4, 60))
    out = tmp_path / "out.chainmap.json"
    done = run_chainmap("layout", str(source), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "placed 60 of 60 segments" in done.stderr and "crossings" in done.stderr
    laid_out = load_map(out).map
    check_layout(laid_out)
    # --only-new on a finished map places nothing and keeps every byte.
    again = tmp_path / "again.chainmap.json"
    done = run_chainmap("layout", str(out), "-o", str(again), "--only-new")
    assert done.returncode == 0, done.stderr
    assert "placed 0 of 60" in done.stderr
    assert again.read_bytes() == out.read_bytes()


def test_cli_layout_in_place_and_only_new(tmp_path: Path) -> None:
    chain_map = random_map(6, 40)
    layout_map(chain_map)
    chain_map.add_node(Node("late", "Late", "t0"))
    path = tmp_path / "map.chainmap.json"
    write_map(path, chain_map)
    before = {n["id"]: (n.get("x"), n.get("y")) for n in json.loads(path.read_text("utf-8"))["nodes"]}
    done = run_chainmap("layout", str(path), "--in-place", "--only-new")
    assert done.returncode == 0, done.stderr
    assert "placed 1 of 41" in done.stderr
    after = load_map(path).map
    for node in after.nodes:
        if node.id != "late":
            assert (node.x, node.y) == before[node.id]
    check_layout(after)


def test_cli_layout_is_deterministic_across_processes(tmp_path: Path) -> None:
    source = tmp_path / "in.chainmap.json"
    write_map(source, random_map(8, 90))
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}.chainmap.json"
        os.environ["PYTHONHASHSEED"] = seed
        try:
            done = run_chainmap("layout", str(source), "-o", str(out))
        finally:
            del os.environ["PYTHONHASHSEED"]
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_cli_layout_bad_input_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "bad.chainmap.json"
    source.write_text("{not json", encoding="utf-8")
    out = tmp_path / "out.chainmap.json"
    done = run_chainmap("layout", str(source), "-o", str(out))
    assert done.returncode == 1
    assert "not valid JSON" in done.stderr
    assert not out.exists()
    done = run_chainmap("layout", str(tmp_path / "missing.chainmap.json"), "-o", str(out))
    assert done.returncode == 1 and not out.exists()


def test_cli_layout_needs_a_target(tmp_path: Path) -> None:
    source = tmp_path / "in.chainmap.json"
    write_map(source, random_map(4, 10))
    done = run_chainmap("layout", str(source))
    assert done.returncode == 2
    assert "-o" in done.stderr
