"""Layout shaped for a page (issue 14.4) and nesting-aware ordering (issue 13.4)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from chainmap.core.format.fileio import load_map
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH, frame, own_box
from chainmap.core.layout.engine import layout_map
from chainmap.core.layout.wrap import parse_aspect
from chainmap.core.model import ChainMap, Edge, Node, Region, Tier
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
    assert 16 / 9 / 1.5 <= aspect_of(slide) <= 16 / 9 * 1.5


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
    assert 1 <= ratio <= 3
