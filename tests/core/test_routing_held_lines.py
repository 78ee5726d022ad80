"""The obstacles hold only a bounded number of their lines' stretches (``held_lines``), and a
big map's links are routed down the map so that the few lines held are those the next links
ask about: a laid-out map of 100,000 segments held some 300 MB of lines while routing."""

from __future__ import annotations

from array import array
from collections.abc import Iterator

import pytest

from chainmap.core.layout.engine import apply_positions, compute_layout
from chainmap.core.routing import Router, RoutingInput, box_hits, held_lines, routing_input
from chainmap.core.routing.held_lines import HeldLines
from chainmap.core.routing.inputs import LinkSpec
from tests.render.bigmap import make_big_map


@pytest.fixture(scope="module")
def page_map() -> RoutingInput:
    """A map laid out for a page: its tiers wrap into columns side by side, so each line
    across it meets a box in most columns (a long line's worth of stretches)."""
    chain_map = make_big_map(1500, 2400)
    apply_positions(chain_map, compute_layout(chain_map))
    return routing_input(chain_map)


class _Watch:
    """What the routing's held lines did: lines worked out (held new), lines asked about,
    the most doubles held at once and the longest line."""

    def __init__(self) -> None:
        self.worked_out = 0
        self.asked: dict[tuple[int, float], int] = {}  # each line's length
        self.most_held = 0
        self.longest = 0


@pytest.fixture
def watch(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Watch]:
    seen = _Watch()
    real_hold, real_revive = HeldLines.hold, HeldLines.revive
    reviving = [False]

    def hold(self: HeldLines, axis: int, at: float, stretches: array) -> None:
        if not reviving[0]:
            seen.worked_out += 1
        seen.asked[(axis, at)] = len(stretches)
        seen.longest = max(seen.longest, len(stretches))
        real_hold(self, axis, at, stretches)
        seen.most_held = max(seen.most_held, self.held)

    def revive(self: HeldLines, axis: int, at: float) -> array | None:
        reviving[0] = True
        try:
            return real_revive(self, axis, at)
        finally:
            reviving[0] = False

    monkeypatch.setattr(HeldLines, "hold", hold)
    monkeypatch.setattr(HeldLines, "revive", revive)
    yield seen


def _in_map_order(router: Router, link: LinkSpec) -> float:
    return 0.0  # every link alike: the sort keeps the map's order


def test_a_wide_map_routes_alike_with_few_lines_held_and_links_taken_down_the_map(
        page_map: RoutingInput, watch: _Watch, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(held_lines, "LINES_HELD", 1 << 40)  # every line kept
    monkeypatch.setattr(Router, "_height", _in_map_order)
    every_line = Router(page_map).route_all(drags=False)
    assert len(page_map.links) > 1000  # no link weighs the others' routes: the order is free
    monkeypatch.undo()

    squeezed = Router(page_map).route_all(drags=False)
    # Every route as before, to the bit, and none through a box.
    assert squeezed.links == every_line.links
    assert all(repr(route.corners) == repr(every_line.links[i].corners) for i, route in squeezed.links.items())
    assert box_hits([(i, r.source, r.target, r.points) for i, r in squeezed.links.items()], squeezed.boxes) == []
    assert all(route.free for route in squeezed.links.values())


def test_the_lines_held_stay_within_the_bound_and_few_are_worked_out_twice(
        page_map: RoutingInput, watch: _Watch, monkeypatch: pytest.MonkeyPatch) -> None:
    budget = 1 << 16  # doubles
    monkeypatch.setattr(held_lines, "LINES_HELD", budget)
    Router(page_map).route_all(drags=False)
    assert watch.longest > 100  # lines across many columns
    assert sum(watch.asked.values()) > 3 * budget  # the lines asked about: several times the budget
    assert watch.most_held <= budget + 2 * watch.longest  # a line past half the budget, per generation
    down_the_map = watch.worked_out
    assert down_the_map < 1.1 * len(watch.asked)  # hardly a line worked out again (7,276 of 7,113)

    watch.worked_out = 0
    monkeypatch.setattr(Router, "_height", _in_map_order)
    Router(page_map).route_all(drags=False)
    assert down_the_map * 3 < watch.worked_out  # in the map's order, the lines come and go (42,161)


def test_a_line_in_use_stays_while_the_others_are_let_go_of(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(held_lines, "LINES_HELD", 40)  # a generation: 20 doubles, two lines of 10
    lines = HeldLines()
    stretch = array("d", range(10))
    lines.hold(0, 1.0, stretch)
    lines.hold(0, 2.0, stretch)
    lines.hold(0, 3.0, stretch)  # the young generation is full: 1, 2, 3 now old
    assert lines.by_axis[0] == {}
    assert lines.revive(0, 1.0) is stretch  # asked again: young again
    assert lines.by_axis[0] == {1.0: stretch}
    lines.hold(1, 5.0, stretch)
    lines.hold(1, 6.0, stretch)  # full again: 2 and 3 let go of, 1, 5 and 6 old
    assert lines.revive(0, 2.0) is None and lines.revive(0, 3.0) is None
    assert lines.revive(0, 1.0) is stretch and lines.held == 30
    lines.let_go_between(1, 4.0, 5.5)  # a box came across x = 5
    assert lines.revive(1, 5.0) is None and lines.revive(1, 6.0) is stretch
    assert len(lines) == 2 and lines.held == 20
    lines.clear()
    assert len(lines) == 0 and lines.held == 0
