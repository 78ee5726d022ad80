"""Large crossing counts with numpy (chainmap.core.layout.slab_arrays) agree with the pure count."""

from __future__ import annotations

import random
from bisect import bisect_right, insort

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.core.layout.crossings import ARRAY_PIECES, CrossingCounter
from chainmap.core.layout.slab_arrays import SlabArrays, inversions


def pure_inversions(values: list[int]) -> int:
    seen: list[int] = []
    count = 0
    for value in values:
        count += len(seen) - bisect_right(seen, value)
        insort(seen, value)
    return count


@settings(max_examples=120, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=300))
def test_inversions_match_a_plain_count(values: list[int]) -> None:
    assert inversions(np.array(values, dtype=np.int64)) == pure_inversions(values)


def test_inversions_of_long_sequences() -> None:
    rng = random.Random(7)
    for size in (17, 1000, 5000):
        values = [rng.randrange(size // 3 + 1) for _ in range(size)]
        assert inversions(np.array(values, dtype=np.int64)) == pure_inversions(values)
        values.sort()
        assert inversions(np.array(values, dtype=np.int64)) == 0


def _small_grid(data: st.DataObject, ends: int, columns: int,
                most_links: int) -> tuple[dict[int, float], list[float], list[tuple[int, int]]]:
    """Up to ``ends`` link ends on a grid of ``columns`` + 1 columns and 5 heights, and links between them."""
    count = data.draw(st.integers(2, ends))
    xs = {i: float(data.draw(st.integers(0, columns))) for i in range(count)}
    heights = [float(data.draw(st.integers(0, 4))) for _ in range(count)]
    pairs = data.draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=most_links))
    return xs, heights, [(a, b) for a, b in pairs if a != b]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_array_count_matches_the_pure_count(data: st.DataObject) -> None:
    # Small integer grids: many links level on a column, sharing ends, vertical or collinear.
    xs, heights, links = _small_grid(data, ends=30, columns=5, most_links=60)
    expected = CrossingCounter(xs, links).count(heights)
    assert CrossingCounter(xs, links, array_pieces=0).count(heights) == expected
    assert CrossingCounter(xs, links, array_pieces=0).count(dict(enumerate(heights))) == expected


def test_a_large_count_uses_arrays_and_agrees() -> None:
    # Enough pieces for the array count by default; the pure count must say the same.
    rng = random.Random(3)
    columns = 40
    xs = {i: float(i % columns) * 10 for i in range(4000)}
    heights = [float(rng.randrange(300)) for _ in range(4000)]
    links = [(a, b) for a, b in ((rng.randrange(4000), rng.randrange(4000)) for _ in range(3000)) if a != b]
    counter = CrossingCounter(xs, links)
    pieces = sum(abs(xs[a] - xs[b]) / 10 for a, b in links)
    assert pieces >= ARRAY_PIECES
    assert counter.count(heights) == CrossingCounter(xs, links, array_pieces=10**9).count(heights)


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_a_count_in_runs_of_slabs_matches_the_pure_count(data: st.DataObject) -> None:
    # A huge map's count goes through its slabs a run at a time (slab_arrays.RUN_PIECES);
    # runs of a few pieces must give the same total, whatever the vertical and level links.
    xs, heights, links = _small_grid(data, ends=40, columns=8, most_links=80)
    counter = CrossingCounter(xs, links)
    expected = counter.count(heights)
    columns = sorted({xs[k] for pair in links for k in pair})
    slanted = [(a, b, columns.index(xs[a]), columns.index(xs[b]), [], xs[b] - xs[a])
               for a, b in ((a, b) if xs[a] <= xs[b] else (b, a) for a, b in links) if xs[a] != xs[b]]
    vertical = [(a, b, columns.index(xs[a])) for a, b in links if xs[a] == xs[b]]
    run = data.draw(st.integers(1, 6))
    arrays = SlabArrays(columns, slanted, vertical, run_pieces=run)
    assert arrays.count(heights) == arrays.count(dict(enumerate(heights))) == expected
