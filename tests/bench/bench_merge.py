"""Benchmark (not a test): a three-way merge of three regions' copies of a 5,000-segment map.

Run: ``python tests/bench/bench_merge.py``. The base is bench_format's 5,000-segment,
10,000-link map; each region's copy edits, adds or deletes about 5% of the segments (its own
region's facts, descriptions, aliases, positions; new segments, some of them added by two
regions under one name; deletions with their links). Prints the median time of
``merge_maps`` over several runs (loading excluded), and the peak memory of a fresh process
that loads the four files and merges them once. Targets: merge < 1 s, peak memory < 500 MB.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_format import build_map  # noqa: E402

from chainmap.core.format.fileio import load_map, save_map  # noqa: E402
from chainmap.core.format.serialize import map_from_data, map_to_data  # noqa: E402
from chainmap.core.merge.engine import MergeInput, merge_maps  # noqa: E402
from chainmap.core.model import ChainMap, Edge, Node, RegionEntry  # noqa: E402

OWNERS = ["CN-BJ", "CN-TJ", "CN-HE"]
SYLLABLES = "锂钠钴镍铜铝硅碳氢电池芯片材料模组系统整车部件传感雷达控制驱动电机底盘座舱软件服务回收检测装备"


def segment_name(rng: random.Random) -> str:
    """A made-up segment name of two to four pairs of characters, e.g. 锂钠芯片模组."""
    return "".join(rng.choice(SYLLABLES) + rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 5)))


SHARED_NEW = [segment_name(random.Random(i)) for i in range(40)]  # names two regions both add


def region_copy(base: ChainMap, owner: str, seed: int, share: float = 0.05) -> ChainMap:
    """``owner``'s copy: about ``share`` of the segments edited, added or deleted."""
    rng = random.Random(seed)
    chain_map = map_from_data(map_to_data(base))
    chain_map.update_map(owner=owner)
    nodes = list(chain_map.nodes)
    touched = rng.sample(nodes, int(len(nodes) * share))
    third = len(touched) // 3
    for node in touched[:third]:  # edits
        regions = dict(node.regions)
        regions[owner] = RegionEntry(rng.choice(["strong", "present", "weak", "gap"]))
        changes = {"regions": regions, "aliases": [*node.aliases, f"{node.name}别名{owner}"]}
        if rng.random() < 0.3:
            changes["description"] = f"{owner}改写的描述{rng.randrange(1000)}"
        if rng.random() < 0.3:
            changes["x"] = (node.x or 0) + rng.randrange(-50, 50)
        chain_map.update_node(node.id, **changes)
    tiers = [t.id for t in chain_map.tiers]
    added = []
    for i in range(third):  # additions, some under names another region adds too
        name = rng.choice(SHARED_NEW) if rng.random() < 0.3 else segment_name(rng)
        if any(chain_map.node(a).name == name for a in added):
            name = segment_name(rng)
        node_id = f"n-{owner}-{seed}-{i}"
        tier = tiers[sum(map(ord, name)) % len(tiers)] if name in SHARED_NEW else rng.choice(tiers)
        chain_map.add_node(Node(node_id, name, tier, x=rng.randrange(2000), y=rng.randrange(9000),
                                regions={owner: RegionEntry("present")}))
        added.append(node_id)
        target = rng.choice(nodes)
        if target.tier != tier and chain_map.has_node(target.id):
            chain_map.add_edge(Edge(f"e-{owner}-{seed}-{i}", node_id, target.id))
    for node in touched[2 * third:]:  # deletions, with their links
        if chain_map.has_node(node.id):
            chain_map.remove_node(node.id)
    return chain_map


def measure_memory(folder: Path) -> float:
    """Peak resident memory (MB) of a fresh process that loads the files and merges them."""
    script = f"""
import resource, sys
sys.path.insert(0, {str(ROOT)!r})
from chainmap.core.format.fileio import load_map
from chainmap.core.merge.engine import MergeInput, merge_maps
folder = {str(folder)!r}
base = load_map(folder + '/base.chainmap.json').map
copies = [MergeInput(load_map(f'{{folder}}/{{o}}.chainmap.json').map, o) for o in {OWNERS!r}]
merge_maps(copies, base)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def main() -> None:
    base = build_map()
    copies = [region_copy(base, owner, seed) for seed, owner in enumerate(OWNERS, 1)]
    inputs = [MergeInput(c, f"{c.owner}.chainmap.json") for c in copies]
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = merge_maps(inputs, base)
        times.append(time.perf_counter() - start)
    report = result.report
    print(f"base: {len(base.nodes)} segments, {len(base.edges)} links; "
          f"copies: {', '.join(f'{len(c.nodes)} segments' for c in copies)}")
    print(f"result: {len(result.map.nodes)} segments, {len(result.map.edges)} links; "
          f"matched by name {len(report.matched_by_name)}, added {len(report.added)}, "
          f"deleted {len(report.deleted)}, conflicts {report.conflicts}, suggestions {len(report.suggestions)}")
    print(f"merge_maps: median {statistics.median(times):.3f} s (min {min(times):.3f} s) [target < 1 s]")
    with tempfile.TemporaryDirectory() as folder:
        save_map(base, Path(folder) / "base.chainmap.json")
        for c in copies:
            save_map(c, Path(folder) / f"{c.owner}.chainmap.json")
        start = time.perf_counter()
        for name in ["base", *OWNERS]:
            load_map(Path(folder) / f"{name}.chainmap.json")
        print(f"loading the four files: {time.perf_counter() - start:.3f} s")
        print(f"peak memory, load four files and merge: {measure_memory(Path(folder)):.0f} MB [target < 500 MB]")


if __name__ == "__main__":
    main()
