"""SceneRoutes (chainmap.render.routes): link and note items drawn along the core router's
routes, exactly as ``chainmap route --json`` prints them; drags re-route only what moves and
settle to a fresh route of the new positions; big maps show previews first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chainmap.core.format.fileio import load_map
from chainmap.core.model import ChainMap
from chainmap.core.routing import box_hits, label_levels, route_map

from .bigmap import make_big_map

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))


class Harness:
    """Link and note items of a map in a plain QGraphicsScene, drawn by SceneRoutes."""

    def __init__(self, chain_map: ChainMap) -> None:
        from PySide6.QtWidgets import QGraphicsScene

        from chainmap.render.items_link import LinkItem
        from chainmap.render.items_note import NoteItem
        from chainmap.render.routes import SceneRoutes
        from chainmap.render.state import RenderState

        self.map = chain_map
        self.scene = QGraphicsScene()
        state = RenderState(editable=False)
        state.refresh_regions(chain_map)
        self.links: dict[str, Any] = {}
        self.notes: dict[str, Any] = {}
        for edge in chain_map.edges:
            item = self.links[edge.id] = LinkItem(edge.id, state)
            item.set_edge(edge)
            self.scene.addItem(item)
        for note in chain_map.notes:
            note_item = self.notes[note.id] = NoteItem(note.id, state)
            note_item.set_note(note)
            self.scene.addItem(note_item)
        self.folded: set[str] = set()
        self.routes = SceneRoutes(chain_map, self.links, self.notes, lambda: self.folded, self.scene)

    def drawn(self) -> dict[str, Any]:
        """What the items draw, in the shape of RouteSet.to_json (rounded the same way)."""
        from chainmap.core.routing.result import _point, _xywh

        links = {}
        for link_id, item in self.links.items():
            if item.isVisible() and item.route_points():
                box = item.label_box()
                links[link_id] = {"points": [_point(p) for p in item.route_points()],
                                  "label": _xywh(box) if box is not None else None}
        notes = {}
        for note_id, item in self.notes.items():
            leader = item.leader_points()
            notes[note_id] = {"box": _xywh(item.callout_box()), "leader": [_point(p) for p in leader] or None}
        return {"links": links, "notes": notes}


@pytest.fixture
def harness(app) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    made: list[Harness] = []

    def make(chain_map: ChainMap) -> Harness:
        made.append(Harness(chain_map))
        return made[-1]

    yield make
    for h in made:
        h.routes.dispose()
        h.scene.clear()


def expected(chain_map: ChainMap, folded: set[str] | None = None) -> dict[str, Any]:
    data = route_map(chain_map, folded or set()).to_json()
    return {"links": data["links"], "notes": data["notes"]}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_items_draw_the_routes_route_json_prints(harness, path: Path) -> None:  # type: ignore[no-untyped-def]
    chain_map = load_map(path).map
    h = harness(chain_map)
    h.routes.apply()
    assert not h.routes.busy  # a small map is routed at once
    assert h.drawn() == expected(chain_map)
    for link_id, item in h.links.items():  # shrunk labels are drawn shrunk
        route = route_map(chain_map).links[link_id]
        assert item.label_pixel_size() == route.label_pixel_size


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_no_drawn_link_enters_a_box_but_its_ends_and_labels_overlap_nothing(harness, path: Path) -> None:  # type: ignore[no-untyped-def]
    chain_map = load_map(path).map
    h = harness(chain_map)
    h.routes.apply()
    boxes = route_map(chain_map).boxes
    drawn = [(link_id, edge.source, edge.target, item.route_points())
             for link_id, item in h.links.items() for edge in [chain_map.edge(link_id)]]
    assert box_hits(drawn, boxes) == []
    labels = [item.label_box() for item in h.links.values() if item.label_box() is not None]
    callouts = [item.callout_box() for item in h.notes.values()]
    assert labels
    for i, rect in enumerate(labels):
        assert not any(_overlap(rect, box) for box in boxes.values()), rect
        assert not any(_overlap(rect, other) for other in labels[i + 1:] + callouts), rect


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] - 1e-6 and b[0] < a[2] - 1e-6 and a[1] < b[3] - 1e-6 and b[1] < a[3] - 1e-6


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_labels_are_drawn_over_the_lines_that_cross_them(harness, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Unlabelled links stack under labelled ones; a labelled link whose label another
    labelled link's line crosses stacks over it: no line is painted across a label, save
    where two labels are each crossed by the other's line."""
    from PySide6.QtCore import Qt

    chain_map = load_map(path).map
    h = harness(chain_map)
    h.routes.apply()
    routes = route_map(chain_map)
    order = {id(item): i for i, item in enumerate(h.scene.items(Qt.SortOrder.AscendingOrder))}
    crossing = {(line_id, label_id) for label_id, labelled in routes.links.items() if labelled.label is not None
                for line_id in routes.links if line_id != label_id and _crosses(routes, line_id, label_id)}
    assert crossing  # the examples have labels that lines cross
    painted_over = {(line_id, label_id) for line_id, label_id in crossing
                    if order[id(h.links[line_id])] > order[id(h.links[label_id])]}
    # Only where labels cross in a ring (each link's line crosses the next one's label) must
    # one line be painted over a label.
    assert all(_reaches(crossing, label_id, line_id) for line_id, label_id in painted_over)


def _reaches(crossing: set[tuple[str, str]], start: str, goal: str) -> bool:
    """Whether a chain of (line, label) pairs leads from link ``start`` to link ``goal``."""
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        for line_id, label_id in crossing:
            if line_id == here and label_id not in seen:
                if label_id == goal:
                    return True
                seen.add(label_id)
                todo.append(label_id)
    return False


def _crosses(routes: Any, line_id: str, label_id: str) -> bool:
    """Whether link ``line_id``'s line passes through link ``label_id``'s label."""
    from chainmap.core.routing.crossindex import CrossingIndex

    index = CrossingIndex()
    index.add(routes.links[line_id].corners, line_id)
    return bool(index.covered(routes.links[label_id].label, label_id))


def test_the_old_curves_went_through_boxes_the_routes_do_not(harness) -> None:  # type: ignore[no-untyped-def]
    """The vehicles map drawn as straight previews (what a link looked like before routing)
    crosses boxes; routed, none."""
    chain_map = load_map(ROOT / "examples" / "vehicles.chainmap.json").map
    h = harness(chain_map)
    h.routes.apply()
    boxes = route_map(chain_map).boxes
    from chainmap.render.routes import straight_preview

    straight = [(e.id, e.source, e.target, straight_preview(boxes[e.source], boxes[e.target]))
                for e in chain_map.edges if e.source in boxes and e.target in boxes]
    assert box_hits(straight, boxes)
    routed = [(e.id, e.source, e.target, h.links[e.id].route_points()) for e in chain_map.edges]
    assert box_hits(routed, boxes) == []


def test_a_big_map_shows_previews_first_then_the_routes(harness) -> None:  # type: ignore[no-untyped-def]
    chain_map = make_big_map(300, 480)
    h = harness(chain_map)
    h.routes.apply()  # costs nothing: all of it waits for idle slices
    assert h.routes.busy
    assert all(not item.route_points() for item in h.links.values())
    while not h.routes.in_process:  # what the idle timer does
        h.routes._slice()
    assert all(len(item.route_points()) == 2 for item in h.links.values() if item.isVisible())
    h.routes.finish()
    assert not h.routes.busy
    assert h.drawn() == expected(chain_map)


def test_a_big_map_is_routed_in_the_routing_process_as_route_map_does(harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    from chainmap.render.items_link import LABEL_LIFT, LABEL_RAISE, Z_LINK

    chain_map = make_big_map(300, 480)
    h = harness(chain_map)
    h.routes.apply()
    qtbot.waitUntil(lambda: h.routes.in_process, timeout=30_000)
    assert all(len(item.route_points()) == 2 for item in h.links.values() if item.isVisible())
    qtbot.waitUntil(lambda: not h.routes.busy, timeout=120_000)
    assert h.drawn() == expected(chain_map)
    # Labelled links stacked as a route here would stack them.
    levels = label_levels(route_map(chain_map))
    assert any(levels.values())
    stacked = {link_id: item.zValue() for link_id, item in h.links.items()}
    for link_id, item in h.links.items():
        lift = LABEL_LIFT + LABEL_RAISE * levels[link_id] if link_id in levels else 0.0
        assert item.zValue() == Z_LINK + lift, link_id
    h.routes.finish()  # nothing left to do: already exact
    assert h.drawn() == expected(chain_map)
    assert {link_id: item.zValue() for link_id, item in h.links.items()} == stacked


def test_routes_of_a_map_changed_meanwhile_are_dropped(harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    from chainmap.render.items_link import LinkItem

    chain_map = make_big_map(300, 480)
    node = next(n for n in chain_map.nodes if n.parent is None and not chain_map.children(n.id)
                and sum(1 for e in chain_map.edges if node_is_end(e, n.id)) >= 2)
    own = {e.id for e in chain_map.edges if node_is_end(e, node.id)}
    before = route_map(chain_map).links
    h = harness(chain_map)
    h.routes.apply()
    drawn: list[tuple[str, tuple[Any, ...]]] = []
    set_route = LinkItem.set_route

    def recording(item: Any, points: Any, *rest: Any) -> None:
        if points is not None and item.edge_id in own:
            drawn.append((item.edge_id, tuple(points)))
        set_route(item, points, *rest)

    qtbot.waitUntil(lambda: h.routes._route_job is not None and h.routes._worker.ready, timeout=30_000)
    assert node.x is not None and node.y is not None
    chain_map.update_node(node.id, x=node.x + 600, y=node.y + 400)  # while the process routes
    h.routes.moved({node.id: (node.x, node.y)})
    LinkItem.set_route = recording  # type: ignore[method-assign]
    try:
        h.routes.apply()
        qtbot.waitUntil(lambda: not h.routes.busy, timeout=120_000)
    finally:
        LinkItem.set_route = set_route  # type: ignore[method-assign]
    assert drawn  # the moved segment's links were drawn again ...
    assert not any(points == before[link_id].points for link_id, points in drawn)  # ... never as before
    assert h.drawn() == expected(chain_map)


def test_without_a_routing_process_the_editor_routes_in_idle_slices(harness, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from chainmap.render.routes_worker import RouteWorker

    def cannot_start(self: Any) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(RouteWorker, "_start", cannot_start)
    chain_map = make_big_map(300, 480)
    h = harness(chain_map)
    h.routes.apply()
    slices = 0
    while h.routes.busy:  # what the idle timer does
        h.routes._slice()
        slices += 1
    assert slices > 1
    assert h.routes._worker is not None and h.routes._worker.broken
    assert h.drawn() == expected(chain_map)


def test_disposing_stops_the_routing_process(harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    h = harness(make_big_map(300, 480))
    h.routes.apply()
    qtbot.waitUntil(lambda: h.routes._worker is not None and h.routes._worker.ready, timeout=30_000)
    process = h.routes._worker._process
    assert process is not None and process.is_alive()
    h.routes.dispose()
    assert h.routes._worker is None
    assert process._closed or not process.is_alive()  # type: ignore[attr-defined]


def test_a_drag_reroutes_only_the_moved_segments_links_and_settles_to_a_fresh_route(harness) -> None:  # type: ignore[no-untyped-def]
    chain_map = make_big_map(300, 480)
    h = harness(chain_map)
    h.routes.finish()
    node = next(n for n in chain_map.nodes if not chain_map.children(n.id) and n.parent is None
                and sum(1 for e in chain_map.edges if node_is_end(e, n.id)) >= 2)
    own = {e.id for e in chain_map.edges if node_is_end(e, node.id)}
    assert node.x is not None and node.y is not None
    for step in range(1, 6):
        h.routes.moved({node.id: (node.x + 9 * step, node.y + 5 * step)}, live=True)
        h.routes.apply()
        assert h.routes.redrawn == own, step  # only the moved segment's links
    chain_map.update_node(node.id, x=node.x + 45, y=node.y + 25)
    h.routes.moved({node.id: (node.x, node.y)})
    h.routes.apply()
    assert h.routes.busy  # settling and routing afresh in idle slices
    h.routes.finish()
    assert h.drawn() == expected(chain_map)


def node_is_end(edge: Any, node_id: str) -> bool:
    return node_id in (edge.source, edge.target)


def test_folded_segments_links_go_to_the_fold(harness) -> None:  # type: ignore[no-untyped-def]
    chain_map = load_map(ROOT / "examples" / "vehicles.chainmap.json").map
    parent = next(n.id for n in chain_map.nodes if chain_map.children(n.id))
    h = harness(chain_map)
    h.folded.add(parent)
    h.routes.restructure()
    h.routes.apply()
    assert h.drawn() == expected(chain_map, {parent})
    hidden = [link_id for link_id, item in h.links.items() if not item.isVisible()]
    assert hidden and all(link_id not in expected(chain_map, {parent})["links"] for link_id in hidden)


def test_on_a_big_map_a_drop_settles_here_then_the_routing_process_routes_afresh(harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    chain_map = make_big_map(300, 480)
    h = harness(chain_map)
    h.routes.finish()  # an export: routed here, the editor holds the router
    node = next(n for n in chain_map.nodes if n.parent is None and not chain_map.children(n.id))
    assert node.x is not None and node.y is not None
    chain_map.update_node(node.id, x=node.x + 200, y=node.y + 90)
    h.routes.moved({node.id: (node.x, node.y)})
    h.routes.apply()
    assert h.routes.settling
    qtbot.waitUntil(lambda: not h.routes.settling, timeout=30_000)
    assert h.routes.busy  # the whole map afresh, in the routing process
    qtbot.waitUntil(lambda: not h.routes.busy, timeout=120_000)
    assert h.drawn() == expected(chain_map)


def _big_map_routed_in_the_process(harness, qtbot):  # type: ignore[no-untyped-def]
    """A map above the in-process threshold, routed by the routing process; a top-level
    segment with at least two links, and those links' ids."""
    chain_map = make_big_map(300, 480)
    h = harness(chain_map)
    h.routes.apply()
    qtbot.waitUntil(lambda: not h.routes.busy, timeout=120_000)
    node = next(n for n in chain_map.nodes if n.parent is None and not chain_map.children(n.id)
                and sum(1 for e in chain_map.edges if node_is_end(e, n.id)) >= 2)
    return chain_map, h, node, {e.id for e in chain_map.edges if node_is_end(e, node.id)}


def test_a_drop_on_a_big_map_routed_in_the_process_is_settled_there(harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    chain_map, h, node, own = _big_map_routed_in_the_process(harness, qtbot)
    assert node.x is not None and node.y is not None
    for step in range(1, 4):  # a drag: only the moved segment's links, as previews
        h.routes.moved({node.id: (node.x + 9 * step, node.y + 5 * step)}, live=True)
        h.routes.apply()
        assert h.routes.redrawn == own
        assert all(len(h.links[link_id].route_points()) == 2 for link_id in own)
    chain_map.update_node(node.id, x=node.x + 27, y=node.y + 15)
    h.routes.moved({node.id: (node.x, node.y)})
    h.routes.apply()
    qtbot.waitUntil(lambda: not h.routes.settling, timeout=60_000)  # the process moved it in its routes
    assert any(len(h.links[link_id].route_points()) > 2 for link_id in own)
    qtbot.waitUntil(lambda: not h.routes.busy, timeout=120_000)
    assert h.drawn() == expected(chain_map)


def test_a_drag_on_a_big_map_is_routed_in_the_process_for_the_newest_position(harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Dragging a segment of a big map: each step draws its links as previews at once, the
    routing process routes them (one step out at a time), and an answer is drawn only while
    the segment stays where the answer has it: the routes Router.move gives there."""
    from chainmap.core.routing import Router, routing_input

    chain_map, h, node, own = _big_map_routed_in_the_process(harness, qtbot)
    assert node.x is not None and node.y is not None
    centres = [(node.x + 9 * step, node.y + 5 * step) for step in range(1, 4)]
    before = {link_id: item.route_points() for link_id, item in h.links.items()}
    for centre in centres:
        h.routes.moved({node.id: centre}, live=True)
        h.routes.apply()
        assert all(len(h.links[link_id].route_points()) == 2 for link_id in own)  # previews first
    # The process had the first step; the next two waited for its answer and went as one.
    router = Router(routing_input(chain_map))
    router.route_all()
    for centre in (centres[0], centres[-1]):
        router.move({node.id: centre}, budget=None)
    qtbot.waitUntil(lambda: all(h.links[link_id].route_points() == router.result.links[link_id].points
                                for link_id in own), timeout=60_000)
    drawn = [(link_id, router.result.links[link_id].source, router.result.links[link_id].target,
              h.links[link_id].route_points()) for link_id in own]
    assert box_hits(drawn, router.result.boxes) == []
    assert h.routes.drag_answers == 1  # the first step's answer came after the segment moved on
    assert {link_id: item.route_points() for link_id, item in h.links.items() if link_id not in own} == {
        link_id: points for link_id, points in before.items() if link_id not in own}
    chain_map.update_node(node.id, x=node.x + 27, y=node.y + 15)
    h.routes.moved({node.id: (node.x, node.y)})
    h.routes.apply()
    qtbot.waitUntil(lambda: not h.routes.busy, timeout=120_000)
    assert h.drawn() == expected(chain_map)


def test_an_exports_own_scene_of_a_big_map_routes_once_and_draws_the_fresh_routes(qapp) -> None:  # type: ignore[no-untyped-def]
    from chainmap.render.scene import MapScene

    chain_map = make_big_map(300, 480)
    scene = MapScene(chain_map, editable=False, legend=False, cached=False, transient=True)
    try:
        with scene.exporting():  # every item made, then routed
            routes = scene.sync.geometry.routes
            # Only the routes are kept, not the router: no drag follows.
            assert routes._router is None and routes._drawn is not None
            fresh = route_map(chain_map)
            assert len(scene.sync.items.edges) == len(chain_map.edges) == 480
            for link_id, item in scene.sync.items.edges.items():
                assert item.route_points() == fresh.links[link_id].points, link_id
    finally:
        scene.dispose()
