"""Benchmark: the chain analysis of a 5,000-segment, 8,000-link map (run on demand, never asserted).

Run: ``python tests/bench/bench_analysis.py [--segments 5000] [--links 8000] [--repeat 3]``.

The map is the canvas benchmark's synthetic chain (``tests/render/bigmap.py``: six tiers, links
mostly to the next tier, three regions with random statuses, some sub-segments). Printed, best of
``--repeat`` runs, wall-clock and processor time:

- each part of :class:`~chainmap.core.analysis.ChainAnalysis` on its own (graph, chokepoints,
  coverage and fill gains for every region and ``all``, betweenness, every segment's upstream
  and downstream, the three lists);
- the whole of ``analysis_data`` (what ``chainmap analyze --json`` prints), from a loaded map;
- ``chainmap analyze --json FILE`` in a fresh process, start-up and loading included.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from chainmap.core.analysis import ChainAnalysis, analysis_data, three_lists  # noqa: E402
from chainmap.core.format.serialize import dumps_map  # noqa: E402
from tests.render.bigmap import make_big_map  # noqa: E402


def _best(repeat: int, work: Callable[[], Any]) -> str:
    """The best wall-clock and processor times of ``repeat`` runs (processor time, of this process
    and its children, says more on a machine shared with other work)."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _cpu()
        work()
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - start_cpu)
    return f"{min(walls) * 1000:.0f} ms ({min(cpus) * 1000:.0f} ms of processor time)"


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _parts(chain_map: Any) -> dict[str, Callable[[], Any]]:
    def graph() -> Any:
        return ChainAnalysis(chain_map)

    def fresh(action: Callable[[ChainAnalysis], Any]) -> Callable[[], Any]:
        def run() -> Any:
            return action(ChainAnalysis(chain_map))
        return run

    return {
        "graph, sources and sinks": graph,
        "+ chokepoints": fresh(lambda c: c.chokepoints),
        "+ coverage and fill gains, 3 regions and all": fresh(
            lambda c: [(c.coverage(k), c.fill_gains(k)) for k in c.region_keys()]),
        "+ betweenness": fresh(lambda c: c.betweenness),
        "+ upstream and downstream of every segment": fresh(
            lambda c: c.every_upstream_and_downstream()),
        "three lists": lambda: three_lists(chain_map),
        "analysis_data, everything": lambda: analysis_data(ChainAnalysis(chain_map)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=5000)
    parser.add_argument("--links", type=int, default=8000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    chain_map = make_big_map(args.segments, args.links)
    chain = ChainAnalysis(chain_map)
    print(f"map: {len(chain_map.nodes):,} segments, {len(chain_map.edges):,} links; "
          f"{len(chain.sources):,} sources, {len(chain.sinks):,} sinks, {len(chain.chokepoints):,} chokepoints, "
          f"betweenness {'exact' if chain.betweenness.sample is None else f'from {chain.betweenness.sample}'}")
    for name, work in _parts(chain_map).items():
        print(f"  {name}: {_best(args.repeat, work)}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.chainmap.json"
        path.write_bytes(dumps_map(chain_map))
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        command = [sys.executable, "-m", "chainmap.cli", "analyze", "--json", str(path)]

        def cli() -> None:
            subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        print(f"  chainmap analyze --json (a fresh process, loading included): "
              f"{_best(args.repeat, cli)}")


if __name__ == "__main__":
    main()
