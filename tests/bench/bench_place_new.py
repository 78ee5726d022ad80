"""Benchmark (not a test): placing the segments that have no position (``layout --only-new``)
and the editor's nearest free spot, on large maps.

Run: ``python tests/bench/bench_place_new.py [--sizes 1000 5000 20000] [--repeat 1] [--no-flat]``.

Maps: the layered generator of ``bench_layout.py`` with one segment in eight made a
sub-segment of another in its tier, laid out in full, then half the segments (every other one
in file order: top-level segments, sub-segments of placed parents, whole new blocks) lose
their position. Then ``flat-20000``: the case measured in issue 8, a 20,000-segment map laid
out in full whose top-level segments are all leaves, of which 10,000 lose their position.
For each map it prints the time of ``compute_layout(map, only_new=True)``, and the median time
of one :func:`nearest_free_spot` call (the editor's double-click) over 50 wishes aimed at
existing boxes, with every frame of the map as an obstacle and every link as a line.
Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from chainmap.core.format.fileio import loads_map  # noqa: E402
from chainmap.core.geometry import frames, tier_bands  # noqa: E402
from chainmap.core.layout.engine import compute_layout, layout_map  # noqa: E402
from chainmap.core.layout.free_spot import Line, nearest_free_spot  # noqa: E402
from chainmap.core.model import ChainMap  # noqa: E402
from tests.bench.bench_layout import generate  # noqa: E402

SUB_SEGMENT_SHARE = 8  # one segment in this many becomes a sub-segment


def with_sub_segments(data: dict[str, Any], seed: int = 7) -> dict[str, Any]:
    """``data`` with one segment in eight the sub-segment of an earlier top-level one in its tier."""
    rng = random.Random(seed)
    tops: dict[str, list[str]] = {}
    for node in data["nodes"]:
        candidates = tops.get(node["tier"], [])
        if candidates and rng.randrange(SUB_SEGMENT_SHARE) == 0:
            node["parent"] = rng.choice(candidates)
        else:
            candidates.append(node["id"])
            tops[node["tier"]] = candidates
    return data


def half_placed(data: dict[str, Any], keep: Any) -> ChainMap:
    """``data`` laid out in full, then without the positions of the segments ``keep`` rejects."""
    chain_map = loads_map(json.dumps(data).encode()).map
    layout_map(chain_map)
    for index, node in enumerate(chain_map.nodes):
        if not keep(index, node):
            chain_map.update_node(node.id, x=None, y=None)
    return chain_map


def time_place_new(chain_map: ChainMap, repeats: int) -> tuple[float, int]:
    times = []
    placed = 0
    for _ in range(repeats):
        start = time.perf_counter()
        placed = len(compute_layout(chain_map, only_new=True))
        times.append(time.perf_counter() - start)
    return statistics.median(times), placed


def time_free_spot(chain_map: ChainMap) -> float:
    """Median seconds of one nearest-free-spot search aimed at an existing box of the map
    (with the new segments placed), as the editor makes it for a double-click."""
    layout_map(chain_map, only_new=True)
    tops = [n.id for n in chain_map.nodes if n.parent is None]
    rects = [r for r in frames(chain_map, tops).values() if r is not None]
    nodes = {n.id: n for n in chain_map.nodes}
    lines = [
        Line(nodes[e.source].x, nodes[e.source].y, nodes[e.target].x, nodes[e.target].y)  # type: ignore[arg-type]
        for e in chain_map.edges
    ]
    bands = {band.tier: band for band in tier_bands(chain_map)}
    rng = random.Random(3)
    times = []
    for node in rng.sample(chain_map.nodes, 50):
        band = bands[node.tier]
        start = time.perf_counter()
        nearest_free_spot((node.x, node.y), rects, x_range=(band.left, band.right), lines=lines)  # type: ignore[arg-type]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-flat", action="store_true", help="skip the 20,000/10,000 flat map")
    args = parser.parse_args()
    cases: list[tuple[str, ChainMap]] = []
    for size in args.sizes:
        data = with_sub_segments(generate(size))
        cases.append((f"layered-{size}, half unplaced", half_placed(data, lambda index, node: index % 2)))
    if not args.no_flat:
        flat = generate(20000)
        cases.append(("flat-20000, 10000 unplaced", half_placed(flat, lambda index, node: index % 2)))
    for label, chain_map in cases:
        seconds, placed = time_place_new(chain_map, args.repeat)
        print(f"{label}: place {placed} segments {seconds:.2f} s", flush=True)
        print(f"  nearest free spot: {time_free_spot(chain_map) * 1000:.1f} ms per call", flush=True)


if __name__ == "__main__":
    main()
