"""Autosave of a big map: a full ``dumps_map`` against the kept item texts (``DumpCache``).

Run under the benchmark lock, e.g.::

    flock /work/notes/s4/bench.lock .venv/bin/python tests/bench/bench_autosave.py MAP.chainmap.json

Prints wall and CPU milliseconds of: a full dumps_map; making the texts in idle slices (the
editor's priming after a map is shown) and the first text after it; the cache's first text
unprimed (all items made);
its text after 1 edit and after 100 edits (each checked equal to dumps_map); writing the
bytes atomically to a temporary folder; and the editor's timed autosave's two parts: the text
in pieces (made on the event loop) and its writing in chunks (by a worker thread).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chainmap.core.format.dump_cache import DumpCache
from chainmap.core.format.fileio import loads_map, write_atomic
from chainmap.core.format.serialize import dumps_map


def _timed(label: str, work: Callable[[], Any]) -> Any:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    print(f"{label:<38} wall {1000 * (time.perf_counter() - wall):8.1f} ms   "
          f"cpu {1000 * (time.process_time() - cpu):8.1f} ms", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", type=Path)
    args = parser.parse_args()
    chain_map = loads_map(args.map.read_bytes(), str(args.map)).map
    print(f"{len(chain_map.nodes)} segments, {len(chain_map.edges)} links, {len(chain_map.notes)} notes")
    full = _timed("full dumps_map", lambda: dumps_map(chain_map))
    primed = DumpCache(chain_map)
    slices, longest, wall = 0, 0.0, time.perf_counter()
    while True:
        start = time.perf_counter()
        done = primed.prepare(chain_map)
        longest = max(longest, time.perf_counter() - start)
        slices += 1
        if done:
            break
    print(f"idle priming: {slices} slices of 2000 items, longest {1000 * longest:.1f} ms wall, "
          f"all {1000 * (time.perf_counter() - wall):.0f} ms", flush=True)
    assert _timed("cache: first autosave after priming", lambda: primed.dumps(chain_map)) == full
    cache = DumpCache(chain_map)
    first = _timed("cache: first text (every item made)", lambda: cache.dumps(chain_map))
    assert first == full
    _timed("cache: no edit", lambda: cache.dumps(chain_map))
    nodes = list(chain_map.nodes)
    chain_map.update_node(nodes[0].id, name="bench 1")
    after_one = _timed("cache: after 1 edit", lambda: cache.dumps(chain_map))
    assert after_one == dumps_map(chain_map)
    for number, node in enumerate(nodes[1:101]):
        chain_map.update_node(node.id, name=f"bench {number}", x=(node.x or 0) + 10)
    after_many = _timed("cache: after 100 edits", lambda: cache.dumps(chain_map))
    assert after_many == dumps_map(chain_map)
    chain_map.update_node(nodes[0].id, name="bench 2")
    # The editor's timed autosave: the text in pieces on the event loop, then joined chunk by
    # chunk and written by a worker thread.
    pieces = _timed("editor's autosave: text in pieces (loop)", lambda: cache.text(chain_map))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "autosave.chainmap.json"
        _timed(f"write_atomic {len(after_many) / 1e6:.1f} MB", lambda: write_atomic(target, after_many))
        _timed(f"write_atomic {len(after_many) / 1e6:.1f} MB again", lambda: write_atomic(target, after_many))
        _timed("editor's autosave: written in chunks (worker)", lambda: write_atomic(target, pieces.chunks()))
        assert target.read_bytes() == dumps_map(chain_map)


if __name__ == "__main__":
    main()
