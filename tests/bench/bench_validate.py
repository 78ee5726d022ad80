"""Benchmark: validate a 5,000-segment, 10,000-link map with three regions (run on demand).

Run: ``python tests/bench/bench_validate.py``. Prints the best of five runs; never asserted.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from chainmap.core.format.fileio import loads_map, parse_bytes  # noqa: E402
from chainmap.core.format.validate import validate_data  # noqa: E402

REGIONS = ("CN-BJ", "CN-TJ", "CN-HE")
STATUSES = ("strong", "present", "weak", "gap", "unknown")


def big_map(nodes: int = 5000, edges: int = 10000, seed: int = 1) -> dict[str, Any]:
    """A valid map of the given size: every segment has three region entries."""
    rng = random.Random(seed)
    tiers = [{"id": t, "name": t} for t in ("up", "mid", "down")]
    node_list = []
    for i in range(nodes):
        node: dict[str, Any] = {
            "id": f"n{i}",
            "name": f"环节{i}",
            "tier": tiers[i % 3]["id"],
            "x": rng.uniform(0, 5000),
            "y": rng.uniform(0, 5000),
            "regions": {},
        }
        if i > 10 and i % 4 == 0:
            node["parent"] = f"n{rng.randrange(i)}"
        for code in REGIONS:
            status = rng.choice(STATUSES)
            entry: dict[str, Any] = {"status": status}
            if status in ("strong", "present"):
                entry["enterprises"] = [
                    {"name": f"企业{i}", "uscc": "91110000100000000X", "marks": ["leader"]}
                ]
            elif status in ("weak", "gap"):
                entry["plan"] = {"action": "fill", "priority": "high", "due": "2027-06-30", "targets": ["A"]}
            node["regions"][code] = entry
        node_list.append(node)
    edge_list = []
    for j in range(edges):
        a = rng.randrange(nodes)
        b = rng.randrange(nodes)
        if a == b:
            b = (b + 1) % nodes
        edge: dict[str, Any] = {"id": f"e{j}", "from": f"n{a}", "to": f"n{b}"}
        if j % 5 == 0:
            edge["flows"] = [{"from": "CN-TJ", "to": "CN-BJ"}]
        edge_list.append(edge)
    return {
        "format": "chainmap",
        "version": 1,
        "id": "bench",
        "title": "bench",
        "chain": "bench",
        "regions": [{"code": c, "name": c} for c in REGIONS],
        "tiers": tiers,
        "nodes": node_list,
        "edges": edge_list,
    }


def main() -> None:
    data = big_map()
    best = min(_timed(lambda: validate_data(data)) for _ in range(5))
    problems = validate_data(data)
    print(f"validate_data 5,000 nodes / 10,000 edges: {best * 1000:.1f} ms, {len(problems)} problems")
    raw = json.dumps(data, ensure_ascii=False).encode()
    print(
        f"parse_bytes ({len(raw) // 1024} KB): {min(_timed(lambda: parse_bytes(raw)) for _ in range(3)) * 1000:.1f} ms"
    )
    print(f"loads_map: {min(_timed(lambda: loads_map(raw)) for _ in range(3)) * 1000:.1f} ms")


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
