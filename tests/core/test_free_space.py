"""The indexes behind placing new segments and the editor's free spot answer exactly what a
plain scan over every box answers (chainmap.core.layout.free_space, layout_new, free_spot)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.core.geometry import COLUMN_GAP, ROW_GAP, Band, Rect, own_box
from chainmap.core.layout.free_space import OverlapTracker, Runs, SlabIndex, nearest_free
from chainmap.core.layout.free_spot import LINE_CLEARANCE, Line, nearest_free_spot
from chainmap.core.layout.place_new import PlacedFrames

coordinate = st.integers(-400, 400).map(float)


@st.composite
def rects(draw: st.DrawFn) -> Rect:
    left, top = draw(coordinate), draw(coordinate)
    return Rect(left, top, left + draw(st.integers(1, 300)), top + draw(st.integers(1, 300)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(coordinate, st.integers(1, 120)), max_size=30), coordinate, st.integers(1, 100))
def test_runs_answer_as_a_scan_of_the_intervals(spans: list[tuple[float, int]], want: float, reach: int) -> None:
    runs = Runs()
    for low, length in spans:
        runs.add(low, low + length)
    scan = nearest_free([(low - reach, low + length) for low, length in spans], want)
    assert runs.nearest_free(want, reach) == scan


@settings(max_examples=200, deadline=None)
@given(st.lists(rects(), max_size=40), coordinate, st.integers(0, 2000))
def test_a_slab_index_finds_every_rect_reaching_into_a_range(boxes: list[Rect], left: float, width: int) -> None:
    index: SlabIndex[Rect] = SlabIndex(slab=64.0)
    for box in boxes:
        index.add(box, box.left, box.right)
    index.add(Rect(-1e300, 0, 1e300, 1), -1e300, 1e300)  # too wide to file: always a candidate
    found = index.near(left, left + width)
    assert len({id(r) for r in found}) == len(found)
    assert {id(r) for r in found} >= {id(r) for r in boxes if r.left <= left + width and left <= r.right}
    assert len(found) >= 1


@settings(max_examples=150, deadline=None)
@given(st.lists(rects(), min_size=1, max_size=25), st.lists(st.tuples(st.integers(0, 24), rects()), max_size=25))
def test_overlaps_are_tracked_as_rects_grow(start: list[Rect], growth: list[tuple[int, Rect]]) -> None:
    current: dict[str, Rect | None] = {f"r{i}": r for i, r in enumerate(start)}
    current["empty"] = None
    tracker = OverlapTracker(current)
    for index, extra in growth:
        key = f"r{index % len(start)}"
        old = current[key]
        assert old is not None
        current[key] = old.united(extra)
        tracker.grow(key, current[key])  # type: ignore[arg-type]
    for key, rect in current.items():
        scan = rect is not None and any(
            other is not None and k != key and rect.intersects(other) for k, other in current.items()
        )
        assert tracker.overlaps(key) == scan, key


def _scan_free_spot(frames: list[Rect], width: float, height: float, want_x: float, want_y: float,
                    xs: list[float]) -> tuple[float, float]:
    """The free spot as a scan over every frame finds it (the layout's rule, written plainly)."""
    want_top = want_y - height / 2
    best: tuple[float, float, float] | None = None
    for x in xs:
        left, right = x - width / 2, x + width / 2
        blocked = [(r.top - ROW_GAP - height, r.bottom + ROW_GAP)
                   for r in frames if r.left < right + COLUMN_GAP and left - COLUMN_GAP < r.right]
        top = nearest_free(blocked, want_top)
        score = (x - want_x) ** 2 + (top - want_top) ** 2
        if best is None or score < best[0]:
            best = (score, x, top)
    assert best is not None
    return round(best[1], 1), round(best[2], 1)


def test_placed_frames_answer_as_a_scan_of_every_frame() -> None:
    rng = random.Random(11)
    band = Band("a", -200.0, 900.0)
    for _ in range(40):
        index = PlacedFrames([band, Band("b", 900.0, 2000.0)])
        frames: list[Rect] = []
        for _ in range(rng.randrange(0, 120)):
            x = rng.choice([100.0, 100.04, 340.0, 580.0, 1200.0]) + rng.choice([0.0, 0.0, 13.3])
            y = rng.uniform(0, 3000)
            rect = own_box(x, y).adjusted(0, 0, 0, rng.choice([0.0, 0.0, 90.0]))
            frames.append(rect)
            index.add(rect)
            want_x, want_y = rng.uniform(-300, 1000), rng.uniform(-200, 3200)
            in_band = [r for r in frames if band.left <= r.center[0] <= band.right]
            columns = sorted({round(r.center[0], 1) for r in in_band if 0 <= r.center[0] <= 700})
            columns.sort(key=lambda x: abs(x - want_x))
            assert index.columns(band, 0, 700, want_x, 6) == columns[:6]
            pool = in_band or frames  # a band without frames: the mean of them all
            assert index.mean_y(band) == sum(r.center[1] for r in pool) / len(pool)
            xs = columns[:6] or [want_x]
            assert index.free_spot(168.0, 64.0, want_x, want_y, xs) == \
                _scan_free_spot(frames, 168.0, 64.0, want_x, want_y, xs)


def _scan_nearest(want: tuple[float, float], boxes: list[Rect], lines: list[Line],
                  x_range: tuple[float, float]) -> tuple[float, float]:
    """The editor's free spot as a search over every box and line finds it (plainly)."""
    width, height, clearance = 168.0, 64.0, 16.0
    low, high = x_range[0] + width / 2, x_range[1] - width / 2
    regions = [(r.left - clearance - width / 2, r.top - clearance - height / 2,
                r.right + clearance + width / 2, r.bottom + clearance + height / 2) for r in boxes]

    def search(avoid: list[Line]) -> tuple[float, float]:
        xs = {min(max(want[0], low), high), low, high}
        xs.update(x for region in regions for x in (region[0], region[2]) if low <= x <= high)
        best: tuple[float, float, float] | None = None
        for x in sorted(xs, key=lambda value: (abs(value - want[0]), value)):
            blocked = [(top, bottom) for left, top, right, bottom in regions if left < x < right]
            for line in avoid:
                a = max(min(line.x1, line.x2), x - width / 2 - LINE_CLEARANCE)
                b = min(max(line.x1, line.x2), x + width / 2 + LINE_CLEARANCE)
                if a < b:
                    ys = [line.y1 + (line.y2 - line.y1) / (line.x2 - line.x1) * (v - line.x1) for v in (a, b)]
                    blocked.append((min(ys) - height / 2 - LINE_CLEARANCE, max(ys) + height / 2 + LINE_CLEARANCE))
            y = nearest_free(blocked, want[1])
            score = (x - want[0]) ** 2 + (y - want[1]) ** 2
            if best is None or score < best[0]:
                best = (score, x, y)
        assert best is not None
        return best[1], best[2]

    def distance(p: tuple[float, float]) -> float:
        return float(((p[0] - want[0]) ** 2 + (p[1] - want[1]) ** 2) ** 0.5)

    clear = search([])
    off = search(lines)
    return off if distance(off) <= distance(clear) + 2 * height else clear


def test_the_free_spot_on_a_crowded_band_is_the_one_a_full_search_finds() -> None:
    rng = random.Random(5)
    for _ in range(60):
        gap = rng.choice([70.0, 90.0, 150.0])
        boxes = [own_box(c * 250.0, r * gap) for c in range(3) for r in range(rng.randrange(5, 80))
                 if rng.random() < 0.95]
        lines = [Line(rng.uniform(-300, 800), rng.uniform(0, 3000), rng.uniform(-300, 800), rng.uniform(0, 3000))
                 for _ in range(rng.randrange(0, 20))]
        lines = [line for line in lines if line.x1 != line.x2]
        want = (rng.uniform(-100, 600), rng.uniform(-100, 3000))
        band = (-130.0, 630.0)
        assert nearest_free_spot(want, boxes, x_range=band, lines=lines) == _scan_nearest(want, boxes, lines, band)
