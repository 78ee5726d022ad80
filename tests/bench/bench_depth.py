"""Benchmark (not a test): a chain of sub-segments 20,000 deep against a flat map of the same size.

Run: ``python tests/bench/bench_depth.py [--size 20000] [--repeat 3]``. Both maps have the same
segments and links (each segment linked to the next); in the deep one each segment is the
``parent`` of the next, in the flat one all are top-level. Prints, for each, the median time
of ``load_map`` (parse, validate and build the model), ``validate_data`` alone, a full
``layout_map``, the canonical serialisation (``format``), and exports to SVG and PNG at a small
scale (the deep map's frames are ~20 units wider and taller per level); for the deep map also
a ``layout --only-new`` with every other segment placed. (On the flat map that step places
10,000 new top-level segments, each searching every frame for a free spot: minutes, and
nothing to do with depth.) Target: the deep load within 3x the flat load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from chainmap.core.format.fileio import load_map, loads_map  # noqa: E402
from chainmap.core.format.serialize import dumps_map  # noqa: E402
from chainmap.core.format.validate import validate_data  # noqa: E402
from chainmap.core.layout.engine import layout_map  # noqa: E402
from tests.core.deep_maps import chain_data  # noqa: E402

EXPORT_SCALE = 0.005


def median_time(action: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(data: dict[str, Any], folder: Path, name: str, repeats: int, only_new: bool) -> dict[str, float]:
    """Seconds for each step on the map ``data``."""
    from chainmap.render.export import export_map

    path = folder / f"{name}.chainmap.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    times = {
        "load": median_time(lambda: load_map(path), repeats),
        "validate": median_time(lambda: validate_data(data), repeats),
    }
    chain_map = load_map(path).map
    times["layout"] = median_time(lambda: layout_map(chain_map), 1)
    if only_new:
        half = json.loads(json.dumps(data))
        for index, node in enumerate(half["nodes"]):
            if index % 2 == 0:
                node["x"], node["y"] = 300, 100 + 10 * index
        half_map = loads_map(json.dumps(half).encode()).map
        times["layout --only-new"] = median_time(lambda: layout_map(half_map, only_new=True), 1)
    times["format"] = median_time(lambda: dumps_map(chain_map), repeats)
    for kind in ("svg", "png"):
        target = folder / f"{name}.{kind}"
        times[f"export {kind}"] = median_time(
            lambda target=target: export_map(chain_map, target, dpi=96, scale=EXPORT_SCALE), 1
        )
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{args.size:,} segments, {args.size - 1:,} links; Python recursion limit {sys.getrecursionlimit()}")
    with tempfile.TemporaryDirectory() as folder:
        flat = measure(chain_data(args.size, deep=False), Path(folder), "flat", args.repeat, False)
        deep = measure(chain_data(args.size, deep=True), Path(folder), "deep", args.repeat, True)
    print(f"{'step':<20}{'flat':>10}{'deep':>10}{'deep/flat':>11}")
    for step, deep_time in deep.items():
        if step not in flat:
            print(f"{step:<20}{'-':>10}{deep_time:>9.2f}s")
            continue
        ratio = deep_time / flat[step] if flat[step] else float("inf")
        print(f"{step:<20}{flat[step]:>9.2f}s{deep_time:>9.2f}s{ratio:>10.1f}x")
    verdict = "within" if deep["load"] <= 3 * flat["load"] else "NOT within"
    print(f"load of the deep chain is {verdict} 3x the flat map's (target)")


if __name__ == "__main__":
    main()
