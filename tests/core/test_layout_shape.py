"""Layout shaped for a page (issue 14.4) and nesting-aware ordering (issue 13.4)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from chainmap.core.format.fileio import load_map
from chainmap.core.format.serialize import map_from_data
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH, frame, own_box
from chainmap.core.layout import engine
from chainmap.core.layout.engine import compute_layout, count_crossings, layout_map
from chainmap.core.layout.wrap import MOST_STRETCH, Page, parse_aspect, stretch
from chainmap.core.model import ChainMap, Edge, Node, Region, Tier
from tests.bench.bench_layout import generate
from tests.cli.helpers import run_chainmap

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))


def chain(size: int, *, tiers: int = 6, seed: int = 3) -> ChainMap:
    """A layered map of ``size`` segments, 1.6 links per segment, mostly to the next tier."""
    rng = random.Random(seed)
    chain_map = ChainMap("shape", "Shape", "test", regions=[Region("CN-BJ", "北京")],
                         tiers=[Tier(f"t{i}", f"T{i}") for i in range(tiers)])
    by_tier: list[list[str]] = [[] for _ in range(tiers)]
    for i in range(size):
        tier = i * tiers // size
        chain_map.add_node(Node(f"n{i}", f"Segment {i}", f"t{tier}"))
        by_tier[tier].append(f"n{i}")
    seen: set[tuple[str, str]] = set()
    while len(seen) < size * 1.6:
        tier = rng.randrange(tiers - 1)
        source, target = rng.choice(by_tier[tier]), rng.choice(by_tier[tier + 1])
        if (source, target) not in seen:
            seen.add((source, target))
            chain_map.add_edge(Edge(f"e{len(seen)}", source, target))
    return chain_map


def aspect_of(chain_map: ChainMap) -> float:
    xs = [n.x for n in chain_map.nodes if n.x is not None]
    ys = [n.y for n in chain_map.nodes if n.y is not None]
    return (max(xs) - min(xs) + SEGMENT_WIDTH) / (max(ys) - min(ys) + SEGMENT_HEIGHT)


@pytest.mark.parametrize("size", [200, 2000])
def test_large_maps_keep_a_page_shape(size: int) -> None:
    # 10,000 segments take longer than a test should; tests/bench/bench_layout.py shows them.
    chain_map = chain(size)
    layout_map(chain_map)
    assert 1 / 3 <= aspect_of(chain_map) <= 3


def test_aspect_for_slides_is_wider() -> None:
    square, slide = chain(1200), chain(1200)
    layout_map(square, aspect=1.0)
    layout_map(slide, aspect=16 / 9)
    assert aspect_of(square) < aspect_of(slide)
    assert 16 / 9 / 1.15 <= aspect_of(slide) <= 16 / 9 * 1.15


def one_column_per_tier(chain_map: ChainMap, monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[float, float]]:
    """The layout as it was before pages: one column per tier, placed freely."""
    with monkeypatch.context() as patch:
        patch.setattr(engine, "shape_page", lambda column, spans, *_: Page(list(column), list(spans), 0.001, True))
        return compute_layout(chain_map)


def straight_crossings(chain_map: ChainMap, positions: dict[str, tuple[float, float]]) -> int:
    return count_crossings(positions, ((e.source, e.target) for e in chain_map.edges))


@pytest.mark.parametrize("make", [lambda: chain(800), lambda: chain(1500, seed=5), lambda: map_from_data(generate(2000))],
                         ids=["chain800", "chain1500", "bench2000"])
@pytest.mark.parametrize("aspect", [4 / 3, 16 / 9, 1.0, 3.0, 0.5], ids=["4:3", "16:9", "1:1", "3:1", "1:2"])
def test_laid_out_aspect_is_near_the_asked_one(make: Callable[[], ChainMap], aspect: float) -> None:
    # The columns are planned with room to move and placed within the page's height, so the
    # ordering's spreading does not flatten the map (it used to, by up to a half).
    chain_map = make()
    layout_map(chain_map, aspect=aspect)
    assert aspect / 1.15 <= aspect_of(chain_map) <= aspect * 1.15


@pytest.mark.parametrize("size, seed", [(150, 20240611), (300, 20240611), (1000, 20240611), (1000, 4), (1500, 20240611),
                                        (2000, 20240611)])
def test_default_has_no_more_crossings_than_one_column_per_tier(
    size: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    chain_map = map_from_data(generate(size, seed=seed))
    default = compute_layout(chain_map)
    plain = one_column_per_tier(chain_map, monkeypatch)
    assert straight_crossings(chain_map, default) <= straight_crossings(chain_map, plain)
    xs = [x for x, _ in default.values()]
    ys = [y for _, y in default.values()]
    assert 1 / 3 <= (max(xs) - min(xs) + SEGMENT_WIDTH) / (max(ys) - min(ys) + SEGMENT_HEIGHT) <= 3


@pytest.mark.parametrize("size, seed", [(100, 3), (200, 3), (1000, 20240611)])
def test_default_keeps_one_column_per_tier_while_within_one_to_three(
    size: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not wrapped, and placed exactly as before pages: wrapping would only add crossings.
    # (The benchmark maps link within tiers too, which gives a tier the columns those links
    # need: "one column per tier" is short for those columns, unwrapped.)
    chain_map = chain(size, seed=seed) if size < 1000 else map_from_data(generate(size, seed=seed))
    default = compute_layout(chain_map)
    assert default == one_column_per_tier(chain_map, monkeypatch)
    if size < 1000:
        for tier in chain_map.tiers:
            assert len({default[n.id][0] for n in chain_map.nodes if n.tier == tier.id}) == 1


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_default_one_column_that_comes_out_too_tall_is_spaced_out_to_one_to_three(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Planned at 1:3 or wider, these maps come out narrower when placed (the ordering spreads
    # the columns apart): the columns are spaced out to 1:3, every height and every crossing
    # as placed.
    chain_map = chain(250, seed=seed)
    free = one_column_per_tier(chain_map, monkeypatch)
    xs = [x for x, _ in free.values()]
    ys = [y for _, y in free.values()]
    assert (max(xs) - min(xs) + SEGMENT_WIDTH) / (max(ys) - min(ys) + SEGMENT_HEIGHT) < 1 / 3
    laid_out = compute_layout(chain_map)
    assert {node_id: y for node_id, (_, y) in laid_out.items()} == {node_id: y for node_id, (_, y) in free.items()}
    assert straight_crossings(chain_map, laid_out) == straight_crossings(chain_map, free)
    layout_map(chain_map)
    assert 1 / 3 - 1e-3 <= aspect_of(chain_map) <= 1 / 3 + 1e-2
    for tier in chain_map.tiers:
        assert len({n.x for n in chain_map.nodes if n.tier == tier.id}) == 1


@pytest.mark.parametrize("width, height, page, expected", [
    (100.0, 100.0, Page([], [], 1.2), (1.2, 1.0)),
    (300.0, 100.0, Page([], [], 2.5), (1.0, 1.2)),
    (100.0, 100.0, Page([], [], 4.0), (MOST_STRETCH, 1.0)),
    (300.0, 100.0, Page([], [], 1 / 3, at_least=True), (1.0, 1.0)),
    (25.0, 100.0, Page([], [], 1 / 3, at_least=True), (4 / 3, 1.0)),
    (10.0, 100.0, Page([], [], 1 / 3, at_least=True), (MOST_STRETCH, 1.0)),
])
def test_stretch_brings_the_map_to_the_page_only_outwards(
    width: float, height: float, page: Page, expected: tuple[float, float]
) -> None:
    assert stretch(width, height, page) == pytest.approx(expected)


def test_wrapped_tiers_keep_their_bands_in_order() -> None:
    chain_map = chain(1200)
    layout_map(chain_map)
    spans = {}
    for node in chain_map.nodes:
        assert node.x is not None
        low, high = spans.get(node.tier, (node.x, node.x))
        spans[node.tier] = (min(low, node.x), max(high, node.x))
    ordered = [spans[f"t{i}"] for i in range(6)]
    assert all(a[1] < b[0] for a, b in zip(ordered, ordered[1:], strict=False))
    assert any(high > low for low, high in ordered), "a tall tier wraps into several columns"


def test_small_map_keeps_one_column_per_tier() -> None:
    chain_map = chain(30)
    layout_map(chain_map)
    for tier in chain_map.tiers:
        assert len({n.x for n in chain_map.nodes if n.tier == tier.id}) == 1


def test_examples_cross_little_with_their_sub_segments() -> None:
    crossings = {path.name: layout_map(load_map(path).map).crossings for path in EXAMPLES}
    assert sum(crossings.values()) < 75, crossings


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_blocks_stay_whole(path: Path) -> None:
    # Each block's members stay together inside its parent's frame: no other segment's box
    # falls inside a frame it does not belong to.
    chain_map = load_map(path).map
    layout_map(chain_map)
    for parent in chain_map.nodes:
        if not chain_map.children(parent.id):
            continue
        rect = frame(chain_map, parent.id)
        assert rect is not None
        inside = {parent.id}
        pending = [parent.id]
        while pending:
            for child in chain_map.children(pending.pop()):
                inside.add(child)
                pending.append(child)
        for node in chain_map.nodes:
            if node.id not in inside and node.x is not None and node.y is not None:
                assert not rect.intersects(own_box(node.x, node.y)), (parent.id, node.id)


@pytest.mark.parametrize("text, expected", [("16:9", 16 / 9), ("4/3", 4 / 3), ("1x2", 0.5), ("1.5", 1.5)])
def test_parse_aspect(text: str, expected: float) -> None:
    assert parse_aspect(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["wide", "0:3", "16:", "1:1000", "-4:3"])
def test_cli_layout_bad_aspect(tmp_path: Path, text: str) -> None:
    out = tmp_path / "out.chainmap.json"
    done = run_chainmap("layout", str(EXAMPLES[0]), "-o", str(out), f"--aspect={text}")
    assert done.returncode == 2
    assert not out.exists()
    message = done.stderr.strip()
    assert "--aspect" in message and "Traceback" not in message
    assert message.count("\n") == 0 and message.count(". ") == 0


def test_cli_layout_aspect(tmp_path: Path) -> None:
    source = tmp_path / "big.chainmap.json"
    from chainmap.core.format.fileio import save_map

    save_map(chain(800), source)
    out = tmp_path / "out.chainmap.json"
    done = run_chainmap("layout", str(source), "-o", str(out), "--aspect", "16:9")
    assert done.returncode == 0, done.stderr
    nodes = json.loads(out.read_text(encoding="utf-8"))["nodes"]
    xs, ys = [n["x"] for n in nodes], [n["y"] for n in nodes]
    ratio = (max(xs) - min(xs) + SEGMENT_WIDTH) / (max(ys) - min(ys) + SEGMENT_HEIGHT)
    assert 16 / 9 / 1.15 <= ratio <= 16 / 9 * 1.15
