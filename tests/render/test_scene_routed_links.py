"""The map scene (canvas and every export) draws the core router's routes: link items follow
``chainmap route --json`` exactly, no link crosses a box, labels overlap nothing, a drag
re-routes only the dragged segment's links and settles to a fresh route."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chainmap.core.format.fileio import load_map
from chainmap.core.model import ChainMap
from chainmap.core.routing import box_hits, route_map
from chainmap.core.routing.result import _point, _xywh

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))


def drawn(scene: Any) -> dict[str, Any]:
    """The scene's link and note items in the shape of ``chainmap route --json``."""
    links = {}
    for link_id, item in scene.items_of("edge").items():
        if item.isVisible() and item.route_points():
            box = item.label_box()
            links[link_id] = {"points": [_point(p) for p in item.route_points()],
                              "label": _xywh(box) if box is not None else None}
    notes = {}
    for note_id, item in scene.items_of("note").items():
        leader = item.leader_points()
        notes[note_id] = {"box": _xywh(item.callout_box()), "leader": [_point(p) for p in leader] or None}
    return {"links": links, "notes": notes}


def expected(chain_map: ChainMap, folded: set[str] | None = None) -> dict[str, Any]:
    data = route_map(chain_map, folded or set()).to_json()
    return {"links": data["links"], "notes": data["notes"]}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_the_scene_draws_what_route_json_prints(make_scene, path: Path) -> None:  # type: ignore[no-untyped-def]
    chain_map = load_map(path).map
    scene = make_scene(chain_map)
    assert drawn(scene) == expected(chain_map)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_no_link_in_the_scene_enters_a_box_but_its_ends(make_scene, path: Path) -> None:  # type: ignore[no-untyped-def]
    chain_map = load_map(path).map
    scene = make_scene(chain_map)
    boxes = {}
    for node_id, item in scene.items_of("node").items():
        if item.isVisible():
            pos = item.scenePos()
            boxes[node_id] = (pos.x() - 84, pos.y() - 32, pos.x() + 84, pos.y() + 32)
    links = [(link_id, chain_map.edge(link_id).source, chain_map.edge(link_id).target, item.route_points())
             for link_id, item in scene.items_of("edge").items() if item.isVisible()]
    assert links
    assert box_hits(links, boxes) == []
    labels = [item.label_box() for item in scene.items_of("edge").values() if item.label_box() is not None]
    for i, rect in enumerate(labels):
        assert not any(_overlap(rect, box) for box in boxes.values()), rect
        assert not any(_overlap(rect, other) for other in labels[i + 1:]), rect


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] - 1e-6 and b[0] < a[2] - 1e-6 and a[1] < b[3] - 1e-6 and b[1] < a[3] - 1e-6


def test_folding_routes_the_links_to_the_fold(make_scene) -> None:  # type: ignore[no-untyped-def]
    chain_map = load_map(ROOT / "examples" / "vehicles.chainmap.json").map
    parent = next(n.id for n in chain_map.nodes if chain_map.children(n.id))
    scene = make_scene(chain_map)
    scene.set_folded(parent, True)
    assert drawn(scene) == expected(chain_map, {parent})


def test_dragging_a_segment_reroutes_only_its_links_then_settles_to_a_fresh_route(make_scene, qapp) -> None:  # type: ignore[no-untyped-def]
    chain_map = load_map(ROOT / "examples" / "vehicles.chainmap.json").map
    scene = make_scene(chain_map)
    routes = scene.sync.geometry.routes
    node = next(n for n in chain_map.nodes if n.parent is None and not chain_map.children(n.id)
                and sum(1 for e in chain_map.edges if n.id in (e.source, e.target)) >= 2)
    own = {e.id for e in chain_map.edges if node.id in (e.source, e.target)}
    item = scene.item_for("node", node.id)
    origin = item.pos()
    for step in range(1, 6):
        item.setPos(origin.x() + 6 * step, origin.y() + 14 * step)
        scene.flush()
        assert routes.redrawn == own, step
    link = scene.item_for("edge", next(iter(own)))
    end = link.route_points()
    assert end  # drawn while dragged, to the box where it is now
    chain_map.update_node(node.id, x=origin.x() + 30, y=origin.y() + 70)
    scene.flush()
    while routes.busy:
        qapp.processEvents()
    assert drawn(scene) == expected(chain_map)


def test_an_export_of_a_big_map_draws_the_finished_routes_not_the_previews(make_scene) -> None:  # type: ignore[no-untyped-def]
    from .bigmap import make_big_map

    chain_map = make_big_map(300, 480)
    scene = make_scene(chain_map)
    routes = scene.sync.geometry.routes
    assert routes.busy  # routed after the first frame: previews first, in idle slices
    while not routes.in_process:
        routes._slice()
    assert all(len(item.route_points()) == 2 for item in scene.items_of("edge").values() if item.isVisible())
    with scene.exporting():
        assert not routes.busy
        assert drawn(scene) == expected(chain_map)
