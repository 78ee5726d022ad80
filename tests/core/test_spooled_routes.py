"""A big map's routes kept on disk while its export paints (issue 14): each route read back
is the very one written, label, anchor, sharp corners and all."""

from __future__ import annotations

import pytest

from chainmap.core.layout.engine import layout_map
from chainmap.core.routing import route_map
from chainmap.core.routing.result import LinkRoute
from chainmap.core.routing.spooled import SpooledRoutes
from tests.render.bigmap import make_big_map


def _fields(route: LinkRoute) -> tuple[object, ...]:
    return (route.source, route.target, route.polyline, route.packed, route.label, route.label_pixel_size,
            route.label_anchor, route.free, route.sharp, route.points)


def test_every_route_of_a_page_shaped_map_comes_back_as_it_went() -> None:
    chain_map = make_big_map(400, 640, columns=2)
    layout_map(chain_map, aspect=4 / 3)
    routes = route_map(chain_map).links
    assert any(r.label is not None for r in routes.values()) and any(r.label is None for r in routes.values())
    assert any(r.sharp for r in routes.values()) or any(len(r.corners) > 4 for r in routes.values())
    spooled = SpooledRoutes(routes)
    assert len(spooled) == len(routes) and list(spooled) == list(routes)
    for link_id, route in routes.items():
        assert link_id in spooled
        back = spooled[link_id]
        assert _fields(back) == _fields(route) and back == route, link_id
    assert spooled.get("no-such-link") is None and "no-such-link" not in spooled


def test_routes_given_as_drawn_and_without_corners_come_back_too() -> None:
    odd = {
        "drawn": LinkRoute("a", "b", ((0.0, 0.0), (1.5, 2.25)), [(0.0, 0.0), (1.5, 2.25)], label=(1.0, 2.0, 3.0, 4.0),
                           label_pixel_size=9, label_anchor=(0.5, -0.25), free=False, sharp=3),
        "empty": LinkRoute("b", "a", None, b""),
    }
    spooled = SpooledRoutes(odd)
    for link_id, route in odd.items():
        assert _fields(spooled[link_id]) == _fields(route)
    with pytest.raises(KeyError):
        spooled["nope"]
