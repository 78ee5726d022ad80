"""Benchmark: the memory and time of routing a whole map (:func:`chainmap.core.routing.route_map`,
what ``chainmap route`` and the exports do).

Run on demand (not a test), one map per run so that the figures are the process's own:
``python tests/bench/bench_routing_memory.py MAP.chainmap.json [--drags] [--trace] [--top 12]``.

It loads the map and gathers the routing input (:func:`routing_input`), then routes it with
:meth:`Router.route_all` as :func:`route_map` does (``drags=False``: no drag will follow), or
with ``--drags`` as the editor's router (``route_all()``: it keeps what a drag needs), and prints

* the resident set size (VmRSS) after the input, at the end of the routing with the router still
  held, and after letting the router go with only the :class:`RouteSet` kept; and the highest
  resident size (VmHWM) up to the end of the routing: routing's added memory is the peak and
  the end minus the RSS after the input;
* the CPU time (process time) and wall time of ``route_all``;
* with ``--trace``: the memory the routing allocated (tracemalloc) still held at its end, its
  peak, and the source lines holding the most at the end (tracemalloc slows the routing about
  threefold: the times of a traced run are not comparable with an untraced one).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from chainmap.core.format.fileio import load_map  # noqa: E402
from chainmap.core.routing import Router, routing_input  # noqa: E402


def _status() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", type=Path)
    parser.add_argument("--drags", action="store_true", help="route as a router a drag may follow")
    parser.add_argument("--trace", action="store_true", help="also trace the routing's allocations")
    parser.add_argument("--top", type=int, default=12, help="source lines listed with --trace")
    args = parser.parse_args()

    chain_map = load_map(args.map).map
    data = routing_input(chain_map)
    gc.collect()
    before, _ = _status()
    print(f"{args.map.name}: {len(data.boxes)} boxes, {len(data.links)} links, {len(data.notes)} notes", flush=True)
    print(f"after the input: RSS {before} MB", flush=True)
    if args.trace:
        tracemalloc.start(1)
    router = Router(data)
    cpu, wall = time.process_time(), time.perf_counter()
    result = router.route_all(drags=args.drags)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if args.trace:
        held, peak = tracemalloc.get_traced_memory()
        snapshot = tracemalloc.take_snapshot()
    gc.collect()
    end, high = _status()
    print(f"route_all(drags={args.drags}): CPU {cpu:.2f} s, wall {wall:.2f} s", flush=True)
    print(f"end of routing (router held): RSS {end} MB (+{end - before}), peak RSS {high} MB (+{high - before})",
          flush=True)
    del router
    gc.collect()
    kept, _ = _status()
    print(f"only the RouteSet kept: RSS {kept} MB (+{kept - before}); {len(result.links)} links", flush=True)
    if args.trace:
        print(f"traced: {held / 1e6:.1f} MB held at the end of route_all, peak {peak / 1e6:.1f} MB")
        for stat in snapshot.statistics("lineno")[:args.top]:
            frame = stat.traceback[0]
            where = frame.filename.split("chainmap/")[-1]
            print(f"{stat.size / 1e6:8.1f} MB {stat.count:9d} blocks  {where}:{frame.lineno}")


if __name__ == "__main__":
    main()
