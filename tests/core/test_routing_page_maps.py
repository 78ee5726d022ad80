"""Routing a map laid out for a page: its tiers wrap into columns side by side whose gaps do
not line up, so most links cross several columns of boxes by a staircase of runs. The router
finds those with a few look-ups per column (``search._quick_stairs``) where its search over
the grid visited every row of every column between a link's ends: a laid-out map of 5,000
segments took minutes to route, and one of 100,000 never finished."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chainmap.core.layout.engine import apply_positions, compute_layout
from chainmap.core.model import ChainMap
from chainmap.core.routing import Router, box_hits, held_lines, routing_input
from chainmap.core.routing.obstacles import Box, Obstacles
from chainmap.core.routing.search import BEND, Port, quick_path, search_path
from tests.render.bigmap import make_big_map

COLUMN_WIDTH = 120.0
COLUMN_GAP = 80.0
ROW_HEIGHT = 40.0


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A count of the router's look-ups into its box index (every test of a piece of path,
    by the usual shapes, the staircases or the search over the grid): the work of routing,
    without timing it."""
    count = [0]
    for name in ("blocked", "reach", "box_ends"):
        real = getattr(Obstacles, name)

        def counted(self, *args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            count[0] += 1
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(Obstacles, name, counted)
    yield count


def _route(chain_map: ChainMap, lookups: list[int]) -> tuple[float, list[tuple[str, str]], int]:
    """Look-ups per link, the (link, box) pairs where a route enters a box, and the links
    marked not free."""
    data = routing_input(chain_map)
    lookups[0] = 0
    routes = Router(data).route_all(drags=False)
    hits = box_hits([(i, r.source, r.target, r.points) for i, r in routes.links.items()], routes.boxes)
    unfree = sum(1 for route in routes.links.values() if not route.free)
    return lookups[0] / len(data.links), hits, unfree


def _aspect(chain_map: ChainMap) -> float:
    boxes = routing_input(chain_map).boxes.values()
    width = max(b[2] for b in boxes) - min(b[0] for b in boxes)
    height = max(b[3] for b in boxes) - min(b[1] for b in boxes)
    return width / height


def test_a_page_shaped_map_routes_round_every_box_with_work_near_the_generated_maps(lookups: list[int]) -> None:
    chain_map = make_big_map(2000, 3200)
    generated, generated_hits, _ = _route(chain_map, lookups)
    apply_positions(chain_map, compute_layout(chain_map))
    assert 1.1 < _aspect(chain_map) < 1.6  # wrapped for a 4:3 page
    laid, laid_hits, unfree = _route(chain_map, lookups)
    assert generated_hits == [] and laid_hits == [] and unfree == 0
    # Before the staircases: 330 times the generated map's look-ups per link at this size,
    # and the ratio grew with the map. Now the few more columns a link crosses.
    assert laid < 20 * generated


def _staggered_columns(columns: int, rows: int) -> dict[str, Box]:
    """Columns of boxes with a gap under each box, each column's rows shifted by half a row
    from its neighbours', so that no one row runs clear across two columns."""
    boxes = {}
    for c in range(columns):
        left = c * (COLUMN_WIDTH + COLUMN_GAP)
        shift = (c % 2) * ROW_HEIGHT
        for r in range(rows):
            top = r * 2 * ROW_HEIGHT + shift
            boxes[f"c{c}r{r}"] = (left, top, left + COLUMN_WIDTH, top + ROW_HEIGHT + ROW_HEIGHT / 2)
    return boxes


def _pieces(path: list[tuple[float, float]]) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    return zip(path, path[1:], strict=False)


def _cost(path: list[tuple[float, float]]) -> float:
    """What the search weighs: length, and :data:`BEND` for each bend."""
    return sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in _pieces(path)) + BEND * (len(path) - 2)


@pytest.mark.parametrize("vertical", [False, True], ids=["across", "down"])
@pytest.mark.parametrize(("source_y", "target_y"), [(50, 10), (10, 55), (30, 30)])
def test_a_link_across_staggered_columns_takes_a_staircase_nearly_as_short_as_the_best(
        vertical: bool, source_y: float, target_y: float) -> None:
    boxes = _staggered_columns(6, 12)
    source, target = boxes["c0r2"], boxes["c5r8"]
    start: Port = (source[2], source[1] + source_y, 0)
    goal: Port = (target[0], target[1] + target_y, 0)
    if vertical:  # the same columns turned into rows: the link goes down across them
        boxes = {box_id: (top, left, bottom, right) for box_id, (left, top, right, bottom) in boxes.items()}
        start, goal = (start[1], start[0], 1), (goal[1], goal[0], 1)
    obs = Obstacles(boxes)
    path = quick_path(obs, start, goal, ())
    assert path is not None
    assert path[0] == start[:2] and path[-1] == goal[:2]
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in _pieces(path))  # orthogonal
    assert not any(obs.blocked(a[0], a[1], b[0], b[1]) for a, b in _pieces(path))
    best = search_path(obs, [start], [goal], (), window=None)
    assert best is not None and _cost(path) <= 1.15 * _cost(best)


def test_reach_stops_at_the_first_box_either_way() -> None:
    obs = Obstacles({"a": (100.0, 0.0, 200.0, 50.0), "b": (300.0, 0.0, 400.0, 50.0)})
    assert obs.reach(0, 25.0, 0.0, 1000.0) == pytest.approx(100.0, abs=0.01)
    assert obs.reach(0, 25.0, 250.0, 1000.0) == pytest.approx(300.0, abs=0.01)
    assert obs.reach(0, 25.0, 250.0, -1000.0) == pytest.approx(200.0, abs=0.01)
    assert obs.reach(0, 25.0, 150.0, 1000.0) == 150.0  # inside a box: nowhere
    assert obs.reach(0, 80.0, 0.0, 1000.0) == 1000.0  # below the boxes: clear
    assert obs.reach(1, 150.0, -100.0, 1000.0) == pytest.approx(0.0, abs=0.01)


def test_box_ends_lists_the_borders_met_along_a_line_nearest_first() -> None:
    obs = Obstacles({"a": (0.0, 100.0, 50.0, 200.0), "b": (0.0, 260.0, 50.0, 300.0)})
    assert obs.box_ends(1, 25.0, 0.0, 1000.0) == pytest.approx([100.0, 200.0, 260.0, 300.0], abs=0.01)
    assert obs.box_ends(1, 25.0, 1000.0, 150.0) == pytest.approx([300.0, 260.0, 200.0], abs=0.01)


def test_letting_go_of_lines_changes_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    boxes = _staggered_columns(5, 10)
    kept = Obstacles(boxes)
    monkeypatch.setattr(held_lines, "LINES_HELD", 16)  # a few lines' worth: let go again and again
    squeezed = Obstacles(boxes)
    for k in range(400):
        at = 7.0 * k % 900 + (0.5 if k % 3 else 0.0)  # on and off the grid of box edges
        start, limit = (k * 37) % 1000 - 50.0, (k * 91) % 1100 - 50.0
        for axis in (0, 1):
            assert squeezed.reach(axis, at, start, limit) == kept.reach(axis, at, start, limit)
            assert squeezed.box_ends(axis, at, start, limit) == kept.box_ends(axis, at, start, limit)
        assert squeezed.blocked(start, at, limit, at) == kept.blocked(start, at, limit, at)
        assert squeezed.blocked(at, start, at, limit) == kept.blocked(at, start, at, limit)
    assert squeezed._lines.held <= 16 + 4 * len(boxes)  # never more than a line past the budget per generation
