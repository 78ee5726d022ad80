"""What keeps a big map's export small: the map routed before its scene is built (the router
let go of), routes kept without their router, nudging and label levels without per-piece
objects, and PNG bands that keep the items still needed by the next band."""

from __future__ import annotations

import tempfile
import weakref
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from chainmap.core.format.park import FOLDER_PREFIX, SoleMap
from chainmap.core.routing import Router, route_map, routing_input
from chainmap.core.routing.nudge import nudge
from chainmap.core.routing.obstacles import Obstacles, Point
from chainmap.core.routing.result import pack_points
from chainmap.render import export as export_module
from chainmap.render import export_parts, scene_lazy
from chainmap.render import routes as routes_module
from chainmap.render.export import ExportError, export_map
from chainmap.render.routes import route_for_export
from chainmap.render.scene import MapScene
from chainmap.render.scene_sync import SceneSync

from .bigmap import make_big_map
from .imagecompare import pixels


def test_a_scene_takes_a_map_routed_before_it_and_draws_the_fresh_routes(qapp) -> None:  # type: ignore[no-untyped-def]
    chain_map = make_big_map(300, 480)
    routed = route_for_export(chain_map)
    fresh = route_map(chain_map)
    assert routed.links.keys() == fresh.links.keys()
    assert not routed.result.boxes  # no note points at a box: no box is kept
    scene = MapScene(chain_map, editable=False, legend=False, cached=False, transient=True)
    try:
        routes = scene.sync.geometry.routes
        assert routes.take(routed)
        with scene.exporting():  # every item made: drawn from the routes taken, none routed again
            assert routes._router is None and not routes.busy
            assert len(scene.sync.items.edges) == 480
            for link_id, item in scene.sync.items.edges.items():
                assert item.route_points() == fresh.links[link_id].points, link_id
    finally:
        scene.dispose()


def test_routes_made_with_other_folds_are_refused(qapp) -> None:  # type: ignore[no-untyped-def]
    chain_map = make_big_map(300, 480)
    parent = next(node.id for node in chain_map.nodes if chain_map.children(node.id))
    routed = route_for_export(chain_map, {parent})
    scene = MapScene(chain_map, editable=False, legend=False, cached=False, transient=True)
    try:
        assert not scene.sync.geometry.routes.take(routed)  # the scene is not folded
        scene.set_folded(parent, True)
        assert scene.sync.geometry.routes.take(routed)
    finally:
        scene.dispose()


def test_an_export_of_a_big_map_draws_what_its_own_scene_routed_would(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chain_map = make_big_map(300, 480)
    parent = next(node.id for node in chain_map.nodes if chain_map.children(node.id))
    first = export_map(chain_map, tmp_path / "first.png", dpi=40, folded=[parent])
    scene = MapScene(chain_map, editable=False, legend=True, cached=False, transient=True)
    try:
        scene.set_folded(parent, True)
        second = export_module.export_scene(scene, tmp_path / "second.png", dpi=40)  # routed in finish
    finally:
        scene.dispose()
    assert first.size == second.size
    assert (pixels(QImage(str(tmp_path / "first.png"))) == pixels(QImage(str(tmp_path / "second.png")))).all()


def test_bands_keep_the_items_below_them_and_paint_what_items_made_afresh_paint(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                               monkeypatch) -> None:
    chain_map = make_big_map(300, 480)
    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 100)  # its items made band by band
    monkeypatch.setattr(scene_lazy, "CELL", 400.0)
    monkeypatch.setattr(export_module, "BAND_PIXELS", 3450 * 20)  # bands of 20 rows

    def afresh(scene: MapScene, painter, target, part, background) -> None:  # type: ignore[no-untyped-def]
        """Every band's items made afresh and all dropped after it (as bands were painted)."""
        scene.ensure_items(part.adjusted(-400, -400, 400, 400))
        export_parts.render(scene, painter, target, part, background)
        scene.sync.release()

    with monkeypatch.context() as patched:
        patched.setattr(export_module, "paint_band", afresh)
        reference = export_map(chain_map, tmp_path / "afresh.png", dpi=40)
    made: list[int] = []
    real = SceneSync.ensure_above

    def counting(sync: SceneSync, y: float) -> None:
        before = len(sync.items.nodes)
        real(sync, y)
        made.append(len(sync.items.nodes) - before)

    monkeypatch.setattr(SceneSync, "ensure_above", counting)
    banded = export_map(chain_map, tmp_path / "banded.png", dpi=40)
    assert banded.size == reference.size and banded.tiles == reference.tiles > 10
    assert sum(made) == len(chain_map.nodes)  # each segment's item made once, for the first band it reaches
    assert (pixels(QImage(str(tmp_path / "afresh.png"))) == pixels(QImage(str(tmp_path / "banded.png")))).all()


def test_nudging_without_keeping_the_tracks_moves_the_routes_the_same() -> None:
    chain_map = make_big_map(300, 480)
    router = Router(routing_input(chain_map))
    router.route_all()
    obs = Obstacles(dict(router.data.boxes))
    corners = {link_id: list(route.corners) for link_id, route in router.result.links.items()}
    kept: dict[str, list[Point] | bytes] = {link_id: list(points) for link_id, points in corners.items()}
    packed: dict[str, list[Point] | bytes] = {link_id: pack_points(points) for link_id, points in corners.items()}
    placed = nudge(obs, kept, {})
    assert placed and nudge(obs, packed, {}, keep=False) == {}
    assert {link_id: pack_points(points) for link_id, points in kept.items() if isinstance(points, list)} == packed


def test_an_export_router_lets_go_of_the_sides_and_ports_as_it_routes() -> None:
    chain_map = make_big_map(300, 480)
    router = Router(routing_input(chain_map))
    steps = router.route_steps(for_drags=False)
    router._once = True
    sides_seen = []
    for _ in steps:
        sides_seen.append(len(router._sides))
    assert max(sides_seen) == 480 and sides_seen[-1] == 0 and not router._on_side
    assert router.result.links.keys() == route_map(chain_map).links.keys()



def test_a_wider_map_is_written_in_lower_svg_slices() -> None:
    """QSvgGenerator holds a whole slice in memory: a map laid out for a page (92,000 units
    wide at 100,000 segments) gets slices of a bounded area, not of a fixed height."""
    from chainmap.render.export_parts import SLICE_AREA, SLICE_LOWEST, SLICE_UNITS, slice_height

    assert slice_height(7960.0) == SLICE_UNITS  # the sweep's tall generated map: as before
    wide = slice_height(92400.0)
    assert wide < SLICE_UNITS and wide * 92400.0 <= SLICE_AREA * 1.0001
    assert slice_height(1e9) == SLICE_LOWEST


def test_an_export_given_the_only_reference_sets_a_big_map_aside_while_it_routes(  # type: ignore[no-untyped-def]
        qapp, tmp_path: Path, monkeypatch) -> None:
    """The map leaves memory while the router works and comes back for the painting, and the
    picture is the one an export of the same map kept in memory paints, pixel for pixel."""
    monkeypatch.setattr(routes_module, "SET_ASIDE_LINKS", 100)
    kept = make_big_map(300, 480)
    parent = next(node.id for node in kept.nodes if kept.children(node.id))
    export_map(kept, tmp_path / "kept.png", dpi=40, folded=[parent])  # the caller holds it: never set aside
    sole = SoleMap(make_big_map(300, 480))
    gone = weakref.ref(sole.map)
    alive_while_routing: list[bool] = []
    real_route_all = Router.route_all

    def watched(router: Router, *args, **kwargs):  # type: ignore[no-untyped-def]
        alive_while_routing.append(gone() is not None)
        return real_route_all(router, *args, **kwargs)

    monkeypatch.setattr(Router, "route_all", watched)
    before = set(Path(tempfile.gettempdir()).glob(FOLDER_PREFIX + "*"))
    export_map(sole, tmp_path / "aside.png", dpi=40, folded=[parent])
    assert alive_while_routing == [False]  # routed with the map on disk
    assert not sole.aside and gone() is None  # the map read back is another object, the same map
    assert not set(Path(tempfile.gettempdir()).glob(FOLDER_PREFIX + "*")) - before  # nothing left behind
    assert (pixels(QImage(str(tmp_path / "kept.png"))) == pixels(QImage(str(tmp_path / "aside.png")))).all()


def test_a_map_set_aside_that_cannot_be_read_back_fails_the_export_in_a_sentence(  # type: ignore[no-untyped-def]
        qapp, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(routes_module, "SET_ASIDE_LINKS", 100)
    real_route_all = Router.route_all
    before = set(Path(tempfile.gettempdir()).glob(FOLDER_PREFIX + "*"))

    def disk_trouble(router: Router, *args, **kwargs):  # type: ignore[no-untyped-def]
        (folder,) = set(Path(tempfile.gettempdir()).glob(FOLDER_PREFIX + "*")) - before
        (folder / "map.chainmap.json").unlink()  # another program cleans the temporary folder
        return real_route_all(router, *args, **kwargs)

    monkeypatch.setattr(Router, "route_all", disk_trouble)
    with pytest.raises(ExportError) as caught:
        export_map(SoleMap(make_big_map(300, 480)), tmp_path / "map.png", dpi=40)
    assert "could not be read back" in str(caught.value)
    assert not (tmp_path / "map.png").exists()
