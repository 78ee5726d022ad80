"""The router keeps little per route: drawn points are made from the corners when asked, the
corners are kept packed, ``route_all`` leaves the indexes a drag needs to the first drag, and
``route_all(drags=False)`` (``route_map``) lets go of what only a drag needs."""

from __future__ import annotations

import dataclasses
import math
import pickle
from pathlib import Path

import pytest

from chainmap.core.format.fileio import load_map
from chainmap.core.routing import LinkRoute, Router, route_map, routing_input
from chainmap.core.routing.obstacles import Obstacles
from chainmap.core.routing.result import pack_points, unpack_points
from chainmap.core.routing.shape import rounded
from tests.render.bigmap import make_big_map

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))


def _dragged(router: Router, boxes: list[str]) -> list[object]:
    """Three drag steps of ``boxes`` and the settle: what each changed and the routes after."""
    seen: list[object] = []
    for step in range(1, 4):
        positions = {}
        for box_id in boxes:
            left, top, right, bottom = router.result.boxes[box_id]
            positions[box_id] = ((left + right) / 2 + 37 * step, (top + bottom) / 2 + 23 * step)
        changes = router.move(positions, budget=None)
        seen.append((sorted(changes.links), sorted(changes.notes), dict(router.result.links)))
    changes = router.settle()
    seen.append((sorted(changes.links), sorted(changes.notes), dict(router.result.links)))
    return seen


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_route_all_router_drags_as_one_routed_in_steps(path: Path) -> None:
    chain_map = load_map(path).map
    whole = Router(routing_input(chain_map))
    whole.route_all()
    stepped = Router(routing_input(chain_map))
    for _ in stepped.route_steps():
        pass
    assert whole.result.links == stepped.result.links
    boxes = list(dict.fromkeys(link.source for link in whole.data.links))[:3]
    assert boxes
    assert _dragged(whole, boxes) == _dragged(stepped, boxes)


def test_points_are_the_corners_rounded_but_the_sharp_ones() -> None:
    corners = ((0.0, 0.0), (40.0, 0.0), (40.0, 40.0), (80.0, 40.0))
    route = LinkRoute("a", "b", None, corners, sharp=0b10)
    assert route.points == tuple(rounded(corners, [6.0, 0.0]))
    assert (80.0, 40.0) in route.points and (40.0, 40.0) in route.points  # the second corner stays sharp
    assert (40.0, 0.0) not in route.points  # the first is rounded
    assert route == LinkRoute("a", "b", route.points, corners)  # equal when drawn the same
    assert LinkRoute("a", "b", corners, corners).points == corners  # given points are kept


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_route_for_no_drag_gives_the_same_routes(path: Path) -> None:
    chain_map = load_map(path).map
    once = Router(routing_input(chain_map))
    routes = once.route_all(drags=False)
    stepped = Router(routing_input(chain_map))
    for _ in stepped.route_steps():
        pass
    assert routes.links == stepped.result.links
    assert routes.notes == stepped.result.notes
    assert routes.boxes == stepped.result.boxes
    assert route_map(chain_map).links == routes.links
    for link_id, route in routes.links.items():  # the corners to the bit, not only equal
        assert repr(route.corners) == repr(stepped.result.links[link_id].corners), link_id
    with pytest.raises(RuntimeError):
        once.move({routes.links[next(iter(routes.links))].source: (0.0, 0.0)})
    with pytest.raises(RuntimeError):
        once.settle()


def test_a_bigger_map_routes_and_drags_alike_however_routed() -> None:
    chain_map = make_big_map(300, 480)
    once = Router(routing_input(chain_map)).route_all(drags=False)
    whole = Router(routing_input(chain_map))
    whole.route_all()
    stepped = Router(routing_input(chain_map))
    for _ in stepped.route_steps():
        pass
    assert once.links == whole.result.links == stepped.result.links
    boxes = list(dict.fromkeys(link.source for link in whole.data.links))[::40][:3]
    assert _dragged(whole, boxes) == _dragged(stepped, boxes)


def test_corners_are_packed_to_the_bit() -> None:
    points = ((0.0, -0.0), (1e300, -1e-300), (0.1 + 0.2, math.pi), (-12.5, 7.0))
    packed = pack_points(points)
    assert len(packed) == 8 * 2 * len(points)
    assert repr(unpack_points(packed)) == repr(points)
    route = LinkRoute("a", "b", None, list(points), (1.0, 2.0, 3.0, 4.0), 10, (0.5, 0.5), False, 0b1)
    assert route.corners == points and isinstance(route.corners[0], tuple)
    assert route == LinkRoute("a", "b", None, points, (1.0, 2.0, 3.0, 4.0), 10, (0.5, 0.5), False, 0b1)
    assert hash(route) == hash(pickle.loads(pickle.dumps(route)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        route.free = True  # type: ignore[misc]


def test_obstacles_answer_alike_after_forgetting_their_lines() -> None:
    obs = Obstacles({"a": (0.0, 0.0, 100.0, 50.0), "b": (150.0, 0.0, 250.0, 50.0), "c": (60.0, 80.0, 160.0, 130.0)})
    probes = [(-10.0, 25.0, 300.0, 25.0), (120.0, -10.0, 120.0, 200.0), (110.0, 25.0, 140.0, 25.0),
              (50.0, 60.0, 50.0, 75.0), (70.0, 100.0, 300.0, 100.0), (100.0, 10.0, 150.0, 10.0)]
    before = [obs.blocked(*probe) for probe in probes]
    assert before == [True, True, False, False, True, False]
    obs.forget_lines()
    assert [obs.blocked(*probe) for probe in probes] == before
    obs.add("d", (105.0, 0.0, 145.0, 50.0))  # lines asked again after a change see the new box
    assert obs.blocked(110.0, 25.0, 140.0, 25.0)
