"""Benchmark (not a test): a 5,000-segment map to an Excel workbook and back.

Run: ``python tests/bench/bench_interchange.py``. Builds the 5,000-segment, 10,000-link map of
``bench_format.py`` (three regions with statuses, enterprises and plans), writes it as a
workbook (``chainmap export -o map.xlsx``'s work, in Chinese) and imports the workbook back
into the same map (``chainmap import map.xlsx --into map``'s work, layout included), and prints
the median of three runs each way, the workbook's size and cell count, and whether the round
trip gives back an equal map (``chainmap diff``). Target: each direction under 5 s.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_format import build_map  # noqa: E402

from chainmap.core.diff import diff_maps  # noqa: E402
from chainmap.core.interchange import export_bytes, import_files  # noqa: E402

RUNS = 3


def main() -> None:
    chain_map = build_map(5000, 10000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.xlsx"
        write_times, read_times = [], []
        result = None
        for _ in range(RUNS):
            start = time.perf_counter()
            data = export_bytes(chain_map, "xlsx", lang="zh_CN").data
            path.write_bytes(data)
            write_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = import_files([str(path)], into=chain_map)
            read_times.append(time.perf_counter() - start)
        assert result is not None
        if result.map is None:
            for problem in result.problems[:10]:
                print(problem.describe())
            raise SystemExit("the workbook did not import")
        changes = diff_maps(chain_map, result.map)
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True)
        cells = sum(1 for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
                    for value in row if value is not None)
        workbook.close()
        print(f"map: {len(chain_map.nodes)} segments, {len(chain_map.edges)} links")
        print(f"workbook: {path.stat().st_size / 1e6:.1f} MB, {cells:,} cells filled")
        print(f"export to xlsx: {statistics.median(write_times):.2f} s (runs: "
              + ", ".join(f"{t:.2f}" for t in write_times) + ")")
        print(f"import --into:  {statistics.median(read_times):.2f} s (runs: "
              + ", ".join(f"{t:.2f}" for t in read_times) + ")")
        print(f"round trip: {'equal' if not changes else f'{len(changes)} differences'}")


if __name__ == "__main__":
    main()
