"""Find on a 5,000-segment map: the first search (the names' pinyin worked out) and the next
ones, for a Chinese query, a pinyin query and a query that matches nothing (not a test).

    python tests/bench/bench_find.py [SEGMENTS]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from chainmap.core.analysis.filters import SegmentFilter, kept_ids  # noqa: E402
from chainmap.core.analysis.find import find  # noqa: E402
from tests.render.bigmap import make_big_map  # noqa: E402


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    chain_map = make_big_map(size, round(size * 1.6))
    print(f"{len(chain_map.nodes):,} segments; a name: {chain_map.nodes[0].name}")
    for label, query in (("pinyin, first search", "dc"), ("pinyin", "dldc"), ("Chinese", "电池"),
                         ("nothing", "zzzzqqq")):
        start = time.perf_counter()
        hits = find(chain_map, query)
        print(f"  find {query!r:12} ({label}): {len(hits):5} hits in {time.perf_counter() - start:.3f} s")
    start = time.perf_counter()
    kept = kept_ids(chain_map, SegmentFilter(region="CN-TJ", statuses=frozenset({"weak", "gap"})))
    print(f"  filter weak or gap in CN-TJ: {len(kept)} kept in {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
