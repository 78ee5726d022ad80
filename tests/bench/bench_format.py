"""Benchmark (not a test): load+validate and save of a 5,000-segment, 10,000-link map.

Run: ``python tests/bench/bench_format.py``. Prints the median of several runs for
``json.load`` of the same file (the floor), ``load_map`` (parse + validate + build the
model), ``save_map`` (canonical serialisation + atomic write), and the peak memory of a
fresh process that loads and saves the map once. Targets: load+validate < 0.5 s,
save < 0.5 s, peak memory < 200 MB.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from chainmap.core.format.fileio import load_map, save_map  # noqa: E402
from chainmap.core.model import (  # noqa: E402
    ChainMap,
    Edge,
    Enterprise,
    Flow,
    Node,
    Plan,
    Region,
    RegionEntry,
    Tier,
)

REGIONS = [("CN-BJ", "北京", "#D9412B"), ("CN-TJ", "天津", "#2B6CD9"), ("CN-HE", "河北", "#2E9E5B")]
STATUSES = ["strong", "present", "weak", "gap", "unknown"]


def build_map(segments: int = 5000, links: int = 10000, seed: int = 7) -> ChainMap:
    """A big, realistic map: six tiers, three regions with entries, enterprises and plans."""
    rng = random.Random(seed)
    chain_map = ChainMap(
        "bench", "基准测试图谱", "基准链", lead="CN-BJ",
        regions=[Region(c, n, col) for c, n, col in REGIONS],
        tiers=[Tier(f"t{i}", f"第{i + 1}层") for i in range(6)],
    )
    per_tier = segments // 6 + 1
    ids = []
    for i in range(segments):
        tier = i // per_tier
        entries = {}
        for code, _, _ in REGIONS:
            status = rng.choice(STATUSES)
            entry = RegionEntry(status)
            if status in ("strong", "present") and rng.random() < 0.5:
                entry.enterprises = [Enterprise(f"示例企业{i}-{code}", marks=["leader"], city="示例市")]
            if status in ("weak", "gap") and rng.random() < 0.3:
                entry.plan = Plan("fill", "high", targets=["示例目标企业"], owner="示例局", due="2027-06")
            entries[code] = entry
        node = Node(f"n{i:05d}", f"环节{i}", f"t{tier}", kind="component", x=tier * 400 + 200,
                    y=(i % per_tier) * 90, regions=entries, description="示例描述" * 3)
        chain_map.add_node(node)
        ids.append((tier, node.id))
    by_tier: dict[int, list[str]] = {}
    for tier, node_id in ids:
        by_tier.setdefault(tier, []).append(node_id)
    seen = set()
    while len(seen) < links:
        tier = rng.randrange(5)
        source = rng.choice(by_tier[tier])
        target = rng.choice(by_tier[tier + 1])
        if (source, target) in seen:
            continue
        seen.add((source, target))
        flows = [Flow("CN-TJ", "CN-BJ")] if rng.random() < 0.1 else []
        chain_map.add_edge(Edge(f"e{len(seen):05d}", source, target, flows=flows))
    return chain_map


def median_time(action, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


PEAK_SCRIPT = """
import sys
def _peak_kb():
    # VmHWM is this process's own peak; ru_maxrss would carry the parent's over exec.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
sys.path.insert(0, {root!r})
from chainmap.core.format.fileio import load_map, save_map
result = load_map({path!r})
save_map(result.map, {out!r})
print(_peak_kb())
"""

BASELINE_SCRIPT = """
import sys
def _peak_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
sys.path.insert(0, {root!r})
import chainmap.core.format.fileio
print(_peak_kb())
"""


def main() -> None:
    chain_map = build_map()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.chainmap.json"
        out = Path(folder) / "out.chainmap.json"
        save_map(chain_map, path)
        size_mb = path.stat().st_size / 1e6

        def read_json() -> None:
            with open(path, "rb") as handle:
                json.load(handle)

        floor = median_time(read_json)
        load = median_time(lambda: load_map(path))
        loaded = load_map(path).map
        save = median_time(lambda: save_map(loaded, out))
        same = out.read_bytes() == path.read_bytes()
        peak_kb = int(subprocess.run(
            [sys.executable, "-c", PEAK_SCRIPT.format(root=str(ROOT), path=str(path), out=str(out))],
            capture_output=True, text=True, check=True).stdout)
        base_kb = int(subprocess.run(
            [sys.executable, "-c", BASELINE_SCRIPT.format(root=str(ROOT))],
            capture_output=True, text=True, check=True).stdout)
    print(f"map: {len(chain_map.nodes)} segments, {len(chain_map.edges)} links, 3 regions, file {size_mb:.1f} MB")
    print(f"json.load (floor)      {floor * 1000:8.1f} ms")
    print(f"load + validate        {load * 1000:8.1f} ms   (target < 500 ms)")
    print(f"save (canonical+fsync) {save * 1000:8.1f} ms   (target < 500 ms)")
    print(f"peak memory, load+save {peak_kb / 1024:8.1f} MB   (target < 200 MB; "
          f"interpreter + core alone {base_kb / 1024:.1f} MB)")
    print(f"round trip same bytes: {same}")


if __name__ == "__main__":
    main()
