"""The router keeps little per route: drawn points are made from the corners when asked, and
``route_all`` leaves the indexes a drag needs to the first drag."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainmap.core.format.fileio import load_map
from chainmap.core.routing import LinkRoute, Router, routing_input
from chainmap.core.routing.shape import rounded

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
