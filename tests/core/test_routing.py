"""The link router: routes that never run through a box when there is a way round, start and
end on their boxes' borders, spread along box sides, and follow a drag."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.core.format.fileio import load_map
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH
from chainmap.core.layout.engine import apply_positions, compute_layout
from chainmap.core.model import ChainMap, Edge, Node, Region, Tier
from chainmap.core.routing import LinkSpec, Router, RoutingInput, box_hits, route_map, routing_input

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))
Box = tuple[float, float, float, float]


def box_at(x: float, y: float) -> Box:
    return (x - SEGMENT_WIDTH / 2, y - SEGMENT_HEIGHT / 2, x + SEGMENT_WIDTH / 2, y + SEGMENT_HEIGHT / 2)


def on_border(point: tuple[float, float], box: Box) -> bool:
    x, y = point
    left, top, right, bottom = box
    eps = 1e-6
    on_vertical = (abs(x - left) < eps or abs(x - right) < eps) and top - eps <= y <= bottom + eps
    on_horizontal = (abs(y - top) < eps or abs(y - bottom) < eps) and left - eps <= x <= right + eps
    return on_vertical or on_horizontal


def hits_of(routes, link_id: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    route = routes.links[link_id]
    return box_hits([(link_id, route.source, route.target, route.points)], routes.boxes)


def free_path_exists(boxes: dict[str, Box], a: str, b: str) -> bool:
    """An independent judge: is there a path from box ``a``'s border to box ``b``'s border that
    enters no box? Breadth-first search over the cells the boxes' edges cut the plane into
    (each cell lies wholly inside some box or wholly outside all of them)."""
    xs = sorted({v for box in boxes.values() for v in (box[0], box[2])})
    ys = sorted({v for box in boxes.values() for v in (box[1], box[3])})
    xs = [xs[0] - 10, *xs, xs[-1] + 10]
    ys = [ys[0] - 10, *ys, ys[-1] + 10]

    def free(i: int, j: int) -> bool:
        cx, cy = (xs[i] + xs[i + 1]) / 2, (ys[j] + ys[j + 1]) / 2
        return not any(x0 < cx < x1 and y0 < cy < y1 for x0, y0, x1, y1 in boxes.values())

    def touching(i: int, j: int, box: Box) -> bool:
        """The cell shares a stretch of border with ``box`` from outside."""
        x0, x1, y0, y1 = xs[i], xs[i + 1], ys[j], ys[j + 1]
        left, top, right, bottom = box
        beside = (x0 == right or x1 == left) and y0 >= top and y1 <= bottom
        above_below = (y0 == bottom or y1 == top) and x0 >= left and x1 <= right
        return beside or above_below

    cells = [(i, j) for i in range(len(xs) - 1) for j in range(len(ys) - 1) if free(i, j)]
    free_cells = set(cells)
    queue = deque(c for c in cells if touching(*c, boxes[a]))
    seen = set(queue)
    while queue:
        i, j = queue.popleft()
        if touching(i, j, boxes[b]):
            return True
        for n in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
            if n in free_cells and n not in seen:
                seen.add(n)
                queue.append(n)
    return False


def overlapping(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# ----------------------------------------------------------------- properties
positions = st.lists(st.tuples(st.integers(0, 40).map(lambda v: v * 16.0), st.integers(0, 30).map(lambda v: v * 16.0)),
                     min_size=3, max_size=9, unique=True)


@settings(max_examples=80, deadline=None)
@given(positions, st.data())
def test_random_positions_never_route_through_a_box_when_a_way_round_exists(points, data) -> None:  # type: ignore[no-untyped-def]
    boxes = {f"s{i}": box_at(x, y) for i, (x, y) in enumerate(points)}
    ids = list(boxes)
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), min_size=1, max_size=8))
    links = [LinkSpec(f"e{k}", a, b) for k, (a, b) in enumerate(pairs)
             if a != b and not overlapping(boxes[a], boxes[b])]
    routes = Router(RoutingInput(dict(boxes), links)).route_all()
    for link in links:
        route = routes.links[link.id]
        assert on_border(route.points[0], boxes[link.source])
        assert on_border(route.points[-1], boxes[link.target])
        if free_path_exists(boxes, link.source, link.target):
            assert hits_of(routes, link.id) == [], f"{link} enters a box though a way round exists"
            assert route.free
        elif route.free:
            assert hits_of(routes, link.id) == []


@settings(max_examples=40, deadline=None)
@given(positions, st.data())
def test_routes_stay_below_the_tier_header(points, data) -> None:  # type: ignore[no-untyped-def]
    boxes = {f"s{i}": box_at(x, y) for i, (x, y) in enumerate(points)}
    header = min(b[1] for b in boxes.values()) - 16
    ids = list(boxes)
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), min_size=1, max_size=6))
    links = [LinkSpec(f"e{k}", a, b) for k, (a, b) in enumerate(pairs)
             if a != b and not overlapping(boxes[a], boxes[b])]
    routes = Router(RoutingInput(dict(boxes), links, header_bottom=header)).route_all()
    for link in links:
        if routes.links[link.id].free:
            assert min(y for _, y in routes.links[link.id].points) >= header - 1e-6


# ----------------------------------------------------------------- the examples
@pytest.mark.parametrize("laid_out", [False, True], ids=["shipped", "laid-out"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_examples_have_no_link_through_a_box(path: Path, laid_out: bool) -> None:
    chain_map = load_map(path).map
    if laid_out:
        apply_positions(chain_map, compute_layout(chain_map))
    routes = route_map(chain_map)
    assert len(routes.links) == len(chain_map.edges)
    assert box_hits([(i, r.source, r.target, r.points) for i, r in routes.links.items()], routes.boxes) == []
    for route in routes.links.values():
        assert on_border(route.points[0], routes.boxes[route.source])
        assert on_border(route.points[-1], routes.boxes[route.target])


# ----------------------------------------------------------------- cases by hand
def chain(nodes: list[tuple[str, float, float, str | None]], edges: list[tuple[str, str]]) -> ChainMap:
    """A one-tier map of segments (id, x, y, parent) and links."""
    chain_map = ChainMap("m", "Map", "chain", regions=[Region("CN-BJ", "北京")], tiers=[Tier("t", "Tier")])
    for node_id, x, y, parent in nodes:
        chain_map.add_node(Node(node_id, node_id, "t", x=x, y=y, parent=parent))
    for k, (a, b) in enumerate(edges):
        chain_map.add_edge(Edge(f"e{k}", a, b))
    return chain_map


def test_a_backward_link_leaves_the_left_side_and_enters_the_right_side() -> None:
    routes = route_map(chain([("a", 600, 0, None), ("b", 0, 100, None)], [("a", "b")]))
    route = routes.links["e0"]
    assert route.points[0][0] == 600 - SEGMENT_WIDTH / 2
    assert route.points[-1][0] == SEGMENT_WIDTH / 2


def test_a_link_down_a_column_goes_round_the_boxes_between() -> None:
    nodes = [("a", 0, 0, None), ("m1", 0, 100, None), ("m2", 0, 200, None), ("b", 0, 300, None)]
    routes = route_map(chain(nodes, [("a", "b")]))
    assert hits_of(routes, "e0") == []
    assert routes.links["e0"].free
    assert len(routes.links["e0"].corners) <= 4  # out, down beside the column, back in


def test_a_link_between_a_parent_and_its_sub_segment_stays_off_the_other_boxes() -> None:
    # The parent's own box on top, two sub-segments stacked below it inside its frame.
    nodes = [("p", 0, 0, None), ("c1", 0, 102, "p"), ("c2", 0, 194, "p"), ("x", 400, 194, None)]
    routes = route_map(chain(nodes, [("p", "c2"), ("c2", "x"), ("p", "c1")]))
    for link_id in ("e0", "e1", "e2"):
        assert hits_of(routes, link_id) == []
    # Straight down from the parent to its first sub-segment.
    assert len(routes.links["e2"].corners) == 2


def test_links_on_one_side_spread_along_it_in_the_order_of_their_targets() -> None:
    nodes = [("a", 0, 200, None)] + [(f"t{i}", 400, 100 * i, None) for i in range(5)]
    routes = route_map(chain(nodes, [("a", f"t{i}") for i in (3, 0, 4, 1, 2)]))
    starts = {routes.links[f"e{k}"].target: routes.links[f"e{k}"].points[0] for k in range(5)}
    ys = [starts[f"t{i}"][1] for i in range(5)]
    assert ys == sorted(ys)
    gaps = [b - a for a, b in zip(ys, ys[1:], strict=False)]
    assert max(gaps) - min(gaps) < 1e-6  # evenly
    assert all(x == SEGMENT_WIDTH / 2 for x, _ in starts.values())


def test_parallel_links_between_the_same_boxes_run_apart() -> None:
    chain_map = chain([("a", 0, 0, None), ("b", 300, 150, None)], [("a", "b")])
    chain_map.add_edge(Edge("tech", "a", "b", kind="technology"))
    routes = route_map(chain_map)
    first, second = routes.links["e0"].corners, routes.links["tech"].corners
    assert first[0] != second[0] and first[-1] != second[-1]
    shared = set(zip(first, first[1:], strict=False)) & set(zip(second, second[1:], strict=False))
    assert not shared


def test_folded_sub_segments_have_no_box_and_their_links_go_to_the_parent() -> None:
    nodes = [("p", 0, 0, None), ("c", 0, 102, "p"), ("x", 400, 0, None)]
    chain_map = chain(nodes, [("c", "x"), ("p", "c")])
    routes = route_map(chain_map, folded={"p"})
    assert set(routes.boxes) == {"p", "x"}
    assert set(routes.links) == {"e0"}  # p → c is inside the fold: not drawn
    assert routes.links["e0"].source == "p"


def test_a_boxed_in_segment_gets_a_route_marked_not_free() -> None:
    # "in" is walled in by four boxes that touch it and each other: there is no way out.
    w, h = SEGMENT_WIDTH, SEGMENT_HEIGHT
    boxes = {"in": box_at(0, 0), "l": box_at(-w, 0), "r": box_at(w, 0), "u": box_at(0, -h), "d": box_at(0, h),
             "ul": box_at(-w, -h), "ur": box_at(w, -h), "dl": box_at(-w, h), "dr": box_at(w, h),
             "far": box_at(600, 0)}
    assert not free_path_exists(boxes, "in", "far")
    routes = Router(RoutingInput(boxes, [LinkSpec("e", "in", "far")])).route_all()
    assert not routes.links["e"].free
    assert on_border(routes.links["e"].points[-1], boxes["far"])


def test_a_drag_step_reroutes_the_moved_boxes_links_and_settling_the_rest() -> None:
    nodes = [("a", 0, 0, None), ("b", 500, 0, None), ("c", 0, 300, None), ("d", 500, 300, None)]
    data = routing_input(chain(nodes, [("a", "b"), ("c", "d")]))
    router = Router(data)
    before = router.route_all().links["e1"]
    changes = router.move({"b": (250, 0)})
    assert changes.links == {"e0"} and not changes.pending
    assert hits_of(router.result, "e0") == []
    assert router.result.links["e1"] == before
    # Drop b onto the straight route c → d: the drag leaves that route alone, settling
    # routes it round the box.
    changes = router.move({"b": (250, 300)})
    assert "e1" not in changes.links
    assert router.result.boxes["b"] == box_at(250, 300)
    changes = router.settle()
    assert "e1" in changes.links
    assert hits_of(router.result, "e1") == [] and hits_of(router.result, "e0") == []


def test_a_drag_step_out_of_time_draws_previews_that_settling_routes() -> None:
    nodes = [("a", 0, 0, None)] + [(f"t{i}", 600, 100 * i, None) for i in range(8)]
    router = Router(routing_input(chain(nodes, [("a", f"t{i}") for i in range(8)])))
    router.route_all()
    changes = router.move({"a": (20, 30)}, budget=0.0)
    assert changes.pending == changes.links == {f"e{i}" for i in range(8)}
    assert not any(router.result.links[link_id].free for link_id in changes.pending)
    router.settle()
    result = router.result
    assert all(result.links[f"e{i}"].free for i in range(8))
    assert box_hits([(i, r.source, r.target, r.points) for i, r in result.links.items()], result.boxes) == []


def test_routes_follow_a_long_drag_without_entering_boxes() -> None:
    chain_map = load_map(ROOT / "examples" / "vehicles.chainmap.json").map
    data = routing_input(chain_map)
    router = Router(data)
    router.route_all()
    node = chain_map.edges[0].source
    x, y = chain_map.node(node).x, chain_map.node(node).y
    assert x is not None and y is not None
    for step in range(1, 30):
        router.move({node: (x + 13 * step, y + 7 * step)}, budget=None)
        router.settle()
        result = router.result
        hits = box_hits([(i, r.source, r.target, r.points) for i, r in result.links.items()], result.boxes)
        # A box dragged onto another can wall a link in; otherwise nothing runs through a box.
        assert all(not result.links[link_id].free for link_id, _ in hits)


def test_route_set_json_has_the_documented_shape() -> None:
    chain_map = load_map(ROOT / "examples" / "vehicles.chainmap.json").map
    data = route_map(chain_map).to_json()
    assert list(data) == ["boxes", "links", "notes"]
    assert all(len(box) == 4 for box in data["boxes"].values())
    for link in data["links"].values():
        assert list(link) == ["points", "label"]
        assert len(link["points"]) >= 2 and all(len(p) == 2 for p in link["points"])
        assert link["label"] is None or len(link["label"]) == 4
    for note in data["notes"].values():
        assert list(note) == ["box", "leader"]


def test_overlapping_boxes_are_joined_by_a_straight_piece_from_border_to_border() -> None:
    boxes = {"a": (0.0, 0.0, 168.0, 64.0), "b": (100.0, 30.0, 268.0, 94.0), "c": (400.0, 0.0, 568.0, 64.0)}
    routes = Router(RoutingInput(boxes, [LinkSpec("e", "a", "b"), LinkSpec("f", "a", "c")])).route_all()
    route = routes.links["e"]
    assert len(route.points) == 2
    assert on_border(route.points[0], boxes["a"]) and on_border(route.points[1], boxes["b"])
    assert hits_of(routes, "f") == []


def test_settling_in_slices_goes_on_where_it_stopped() -> None:
    nodes = [("a", 0, 0, None)] + [(f"t{i}", 600, 100 * i, None) for i in range(8)]
    router = Router(routing_input(chain(nodes, [("a", f"t{i}") for i in range(8)])))
    router.route_all()
    router.move({"a": (20, 330)}, budget=0.0)
    first = router.settle(budget=0.0)
    assert first.pending == {f"e{i}" for i in range(8)} and not first.links
    rest = router.settle()
    assert rest.links == first.pending and not rest.pending
    assert all(router.result.links[f"e{i}"].free for i in range(8))
    assert router.settle().links == set()
