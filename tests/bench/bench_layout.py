"""Benchmark: ``chainmap layout`` against Graphviz ``dot`` on large generated chain maps.

Run on demand (not a test): ``python tests/bench/bench_layout.py [--sizes 1000 3000] [--repeat 5]
[--locality 0.75] [--keep DIR]``.

For each size it generates a layered chain map (six tiers; about 1.6 links per segment, mostly
between adjacent tiers, some within a tier, some spanning two tiers; segments belong to
sub-chains and most links stay inside one, as in real chains; fixed seed), writes it as a
``.chainmap.json`` without positions and as DOT (each tier a ``{rank=same; ...}`` subgraph in
tier order, rankdir=LR, boxes of our size, invisible edges chaining the tiers), then times
``python -m chainmap.cli layout`` (a fresh process: start-up, load, layout and save included)
and ``dot -Tplain`` (wall time), and counts the crossings of straight links between segment
centres in both results with the same :func:`chainmap.core.layout.engine.count_crossings`.
Beside them: our layout algorithm alone (:func:`compute_layout` in this process, no start-up,
load or save), python-igraph's ``layout_sugiyama`` with the tiers as layers (where installed;
its algorithm alone, and the crossings of its positions drawn straight), and the aspect ratio
(width over height) of our layout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from chainmap.core.format.fileio import load_map  # noqa: E402
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH  # noqa: E402
from chainmap.core.layout.engine import compute_layout, count_crossings  # noqa: E402

TIERS = 6
LINKS_PER_SEGMENT = 1.6
# Shares of links: adjacent tiers, within a tier, spanning two tiers.
ADJACENT, WITHIN = 0.75, 0.12
# Segments per sub-chain, and the share of links that stay inside their sub-chain.
SUBCHAIN_SIZE = 40
LOCALITY = 0.75


def generate(size: int, seed: int = 20240611, locality: float = LOCALITY) -> dict[str, Any]:
    """A layered chain map of ``size`` segments as plain data, without positions."""
    rng = random.Random(seed)
    subchains = max(1, size // SUBCHAIN_SIZE)
    tiers = [{"id": f"t{i}", "name": f"Tier {i + 1}"} for i in range(TIERS)]
    by_tier: list[list[str]] = [[] for _ in range(TIERS)]
    by_tier_chain: dict[tuple[int, int], list[str]] = {}
    subchain: dict[str, int] = {}
    nodes = []
    for i in range(size):
        node_id = f"s{i:05d}"
        tier = i * TIERS // size
        chain = rng.randrange(subchains)
        subchain[node_id] = chain
        by_tier[tier].append(node_id)
        by_tier_chain.setdefault((tier, chain), []).append(node_id)
        nodes.append({"id": node_id, "name": f"Segment {i}", "tier": f"t{tier}"})
    # The file lists segments in no useful order, so neither tool gets a head start.
    rng.shuffle(nodes)
    tier_of = {n["id"]: int(str(n["tier"])[1:]) for n in nodes}

    def pick(tier: int, chain: int) -> str:
        members = by_tier_chain.get((tier, chain))
        if members and rng.random() < locality:
            return rng.choice(members)
        return rng.choice(by_tier[tier])

    wanted = round(size * LINKS_PER_SEGMENT)
    seen: set[tuple[str, str]] = set()
    edges: list[dict[str, str]] = []
    while len(edges) < wanted:
        source = rng.choice(nodes)["id"]
        tier = tier_of[source]
        roll = rng.random()
        if roll < ADJACENT:
            step = 1
        elif roll < ADJACENT + WITHIN:
            step = 0
        else:
            step = 2
        if tier + step >= TIERS:
            continue
        target = pick(tier + step, subchain[source])
        if target == source or (source, target) in seen or (target, source) in seen:
            continue
        seen.add((source, target))
        edges.append({"id": f"e{len(edges):05d}", "from": source, "to": target})
    return {
        "format": "chainmap",
        "version": 1,
        "id": f"bench-{size}",
        "title": f"Benchmark chain of {size} segments",
        "chain": "benchmark",
        "regions": [{"code": "CN-BJ", "name": "北京"}],
        "tiers": tiers,
        "nodes": nodes,
        "edges": edges,
    }


def to_dot(data: dict[str, Any]) -> str:
    """The same graph in DOT: tiers as ranks in order, our box size, straight edges."""
    nodes, edges = data["nodes"], data["edges"]
    lines = [
        "digraph chain {",
        "  rankdir=LR;",
        f"  node [shape=box, fixedsize=true, width={SEGMENT_WIDTH / 72:.4f}, "
        f'height={SEGMENT_HEIGHT / 72:.4f}, label=""];',
    ]
    members: list[list[str]] = [[] for _ in range(TIERS)]
    for node in nodes:
        members[int(node["tier"][1:])].append(node["id"])
    for tier, ids in enumerate(members):
        lines.append(f"  subgraph tier{tier} {{ rank=same; " + " ".join(f'"{i}";' for i in ids) + " }")
    chained = [ids for ids in members if ids]
    for earlier, later in zip(chained, chained[1:], strict=False):
        lines.append(f'  "{earlier[0]}" -> "{later[0]}" [style=invis];')
    for edge in edges:
        lines.append(f'  "{edge["from"]}" -> "{edge["to"]}";')
    lines.append("}")
    return "\n".join(lines) + "\n"


def parse_plain(text: str) -> dict[str, tuple[float, float]]:
    """Node centres from ``dot -Tplain`` output (inches; the scale does not change crossings)."""
    positions: dict[str, tuple[float, float]] = {}
    for line in text.splitlines():
        if line.startswith("node "):
            parts = line.split()
            positions[parts[1].strip('"')] = (float(parts[2]), float(parts[3]))
    return positions


# An installed chainmap runs from bytecode (pip compiles it); a source tree only does once
# Python may write its .pyc files, which PYTHONDONTWRITEBYTECODE forbids. Let it, and warm
# up once, so that start-up is timed as users meet it.
RUN_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=RUN_ENV)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, done


def aspect(positions: dict[str, tuple[float, float]]) -> float:
    """Width over height of the boxes' bounding box."""
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    return (max(xs) - min(xs) + SEGMENT_WIDTH) / (max(ys) - min(ys) + SEGMENT_HEIGHT)


def algorithm(map_path: Path, repeat: int) -> float:
    """Median seconds of :func:`compute_layout` alone on the loaded map."""
    chain_map = load_map(map_path).map
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        compute_layout(chain_map)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def igraph_layout(data: dict[str, Any], repeat: int) -> tuple[float, int] | None:
    """Median seconds of igraph's ``layout_sugiyama`` (tiers as layers) and the crossings of
    its positions with straight links; ``None`` when python-igraph is not installed."""
    try:
        import igraph  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        return None
    index = {node["id"]: i for i, node in enumerate(data["nodes"])}
    tiers = {tier["id"]: i for i, tier in enumerate(data["tiers"])}
    links = [(index[e["from"]], index[e["to"]]) for e in data["edges"]]
    graph = igraph.Graph(n=len(index), edges=links, directed=True)
    layers = [tiers[node["tier"]] for node in data["nodes"]]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        layout = graph.layout_sugiyama(layers=layers)
        times.append(time.perf_counter() - start)
    # Layers go down in igraph; across here. Crossings do not change with that.
    positions = {i: (float(layout[i][1]), float(layout[i][0])) for i in range(len(index))}
    return statistics.median(times), count_crossings(positions, links)


def bench(size: int, folder: Path, repeat: int, locality: float) -> dict[str, float]:
    data = generate(size, locality=locality)
    map_path = folder / f"bench-{size}.chainmap.json"
    out_path = folder / f"bench-{size}.laid-out.chainmap.json"
    dot_path = folder / f"bench-{size}.dot"
    map_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    dot_path.write_text(to_dot(data), encoding="utf-8")
    links = [(e["from"], e["to"]) for e in data["edges"]]

    # Alternate the two, so that both meet the same load on the machine; report medians.
    ours_times, dot_times = [], []
    timed([sys.executable, "-m", "chainmap.cli", "layout", str(map_path), "-o", str(out_path)])  # warm-up
    for _ in range(repeat):
        elapsed, _ = timed(
            [sys.executable, "-m", "chainmap.cli", "layout", str(map_path), "-o", str(out_path)]
        )
        ours_times.append(elapsed)
        elapsed, done = timed(["dot", "-Tplain", str(dot_path)])
        dot_times.append(elapsed)
    laid_out = load_map(out_path).map
    ours = {n.id: (float(n.x), float(n.y)) for n in laid_out.nodes if n.x is not None and n.y is not None}
    assert len(ours) == size, "every segment must have a position"
    theirs = parse_plain(done.stdout)
    assert len(theirs) == size, "dot must place every segment"
    igraph_result = igraph_layout(data, repeat)
    return {
        "segments": size,
        "links": len(links),
        "ours_time": statistics.median(ours_times),
        "dot_time": statistics.median(dot_times),
        "ours_crossings": count_crossings(ours, links),
        "dot_crossings": count_crossings(theirs, links),
        "algo_time": algorithm(map_path, repeat),
        "igraph_time": igraph_result[0] if igraph_result else float("nan"),
        "igraph_crossings": igraph_result[1] if igraph_result else -1,
        "aspect": aspect(ours),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each tool per size (median reported)")
    parser.add_argument(
        "--locality",
        type=float,
        default=LOCALITY,
        help=f"share of links inside a sub-chain (default {LOCALITY}; 0 for random links)",
    )
    parser.add_argument("--keep", metavar="DIR", help="keep the generated files in DIR")
    args = parser.parse_args()
    if shutil.which("dot") is None:
        print("Graphviz 'dot' is not installed; nothing to compare with.", file=sys.stderr)
        return 1
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-layout-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for size in args.sizes:
            rows.append(bench(size, folder, args.repeat, args.locality))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"median wall time of {args.repeat} runs; crossings of straight links between segment centres")
    print("chainmap s: the command (start-up, load, layout, save); algo s: compute_layout alone")
    print(
        f"{'segments':>8} {'links':>6} | {'chainmap s':>10} {'dot s':>8} | {'algo s':>7} {'igraph s':>8} | "
        f"{'chainmap crossings':>18} {'dot crossings':>13} {'igraph crossings':>16} | {'aspect':>6}"
    )
    print("-" * 124)
    for row in rows:
        igraph_crossings = f"{row['igraph_crossings']:,}" if row["igraph_crossings"] >= 0 else "–"
        print(
            f"{row['segments']:>8} {row['links']:>6} | {row['ours_time']:>10.2f} {row['dot_time']:>8.2f} | "
            f"{row['algo_time']:>7.2f} {row['igraph_time']:>8.2f} | {row['ours_crossings']:>18,} "
            f"{row['dot_crossings']:>13,} {igraph_crossings:>16} | {row['aspect']:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
