"""The Navigator after edits: words draw nothing again, a status change draws again only the
segment's place (and its links' in a region's view), equal to drawing the whole map again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from chainmap.core.model import RegionEntry
from chainmap.gui.docks.navigator import NavigatorDock

from ..render.bigmap import make_big_map
from .standalone_view import show_map  # noqa: F401 - the fixture


def _navigator(shown):  # type: ignore[no-untyped-def]
    dock = NavigatorDock(shown.canvas, shown.window)
    shown.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.set_document(shown.document)
    shown.panels.append(dock)
    QApplication.processEvents()
    dock.view.fit()
    return dock.view


def _drawn(nav) -> QImage:  # type: ignore[no-untyped-def]
    return nav._map_drawing().toImage()


def _whole(nav) -> QImage:  # type: ignore[no-untyped-def]
    nav.schedule_repaint()
    return _drawn(nav)


def _toggle_status(chain_map, node_id: str, code: str) -> None:  # type: ignore[no-untyped-def]
    node = chain_map.node(node_id)
    old = node.regions.get(code)
    status = "strong" if old is not None and old.status == "gap" else "gap"
    chain_map.update_node(node_id, regions={**node.regions, code: RegionEntry(status)})


def test_status_changes_draw_their_places_again_as_the_whole_map_would(show_map) -> None:  # noqa: F811
    chain_map = make_big_map(300, 400, tiers=4, columns=3, parents_every=20)
    shown = show_map(chain_map)
    nav = _navigator(shown)
    before = _whole(nav)
    pixmap = nav._drawing[0]
    code = chain_map.region_codes()[0]

    chain_map.update_node(chain_map.nodes[10].id, name="改名后的环节")  # no text in the overview
    assert nav._drawing is not None and nav._drawing[0] is pixmap and not nav._areas

    for node in (chain_map.nodes[40], chain_map.nodes[41], chain_map.nodes[200]):
        _toggle_status(chain_map, node.id, code)
    assert nav._drawing is not None and nav._areas
    partly = _drawn(nav)
    assert nav._drawing[0] is pixmap  # drawn into, not drawn anew
    assert partly != before
    assert partly == _whole(nav)

    shown.scene.set_view_region(code)  # links now dim or light with their ends' status
    nav.schedule_repaint()
    before = _drawn(nav)
    pixmap = nav._drawing[0]
    linked = next(node for node in chain_map.nodes if chain_map.edges_of(node.id))
    _toggle_status(chain_map, linked.id, code)
    assert len(nav._areas) > 1
    partly = _drawn(nav)
    assert nav._drawing[0] is pixmap
    assert partly != before
    assert partly == _whole(nav)


def test_a_move_draws_again_the_places_the_overview_changed_as_the_whole_map_would(show_map) -> None:  # noqa: F811
    chain_map = make_big_map(300, 400, tiers=4, columns=3, parents_every=20)
    shown = show_map(chain_map)
    scene = shown.scene
    scene.sync.geometry.routes.finish()  # the map routed
    QApplication.processEvents()
    nav = _navigator(shown)
    before = _whole(nav)
    pixmap = nav._drawing[0]
    bands = [band.band_rect() for band in scene.items_of("tier").values()]
    # A segment inside its tier, its links, and a container's frame around it.
    node = next(n for n in chain_map.nodes if n.parent is not None and chain_map.edges_of(n.id))
    for dx, dy in ((30.0, 20.0), (-30.0, -20.0)):
        chain_map.update_node(node.id, x=node.x + dx, y=node.y + dy)
        scene.flush()
        scene.sync.geometry.routes.finish()  # its links routed again
        QApplication.processEvents()
        assert [band.band_rect() for band in scene.items_of("tier").values()] == bands
        nav.fit()
        partly = _drawn(nav)
        assert nav._drawing[0] is pixmap  # drawn into, not drawn anew
        assert partly != before or (dx, dy) == (-30.0, -20.0)
        assert partly == _whole(nav)
        pixmap = nav._drawing[0]


def test_a_move_that_changes_a_band_draws_only_what_the_band_gained_or_lost(show_map) -> None:  # noqa: F811
    chain_map = make_big_map(300, 400, tiers=4, columns=3)
    shown = show_map(chain_map)
    scene = shown.scene
    scene.sync.geometry.routes.finish()
    QApplication.processEvents()
    nav = _navigator(shown)
    _whole(nav)
    bands = [band.band_rect() for band in scene.items_of("tier").values()]
    # The right-most segment of the first tier (a column): moved a little right, its band
    # and the next one's edge move, the map's extent (and the navigator's scale) stays.
    first = chain_map.tiers[0].id
    node = max((n for n in chain_map.nodes if n.tier == first), key=lambda n: n.x)
    pixmap = nav._drawing[0]
    transform = nav.viewportTransform()
    chain_map.update_node(node.id, x=node.x + 40.0)
    scene.flush()
    scene.sync.geometry.routes.finish()
    QApplication.processEvents()
    nav.fit()
    assert [band.band_rect() for band in scene.items_of("tier").values()] != bands
    assert nav.viewportTransform() == transform
    partly = _drawn(nav)
    assert nav._drawing[0] is pixmap  # drawn into, not drawn anew
    assert partly == _whole(nav)


def test_other_edits_draw_the_whole_map_again(show_map) -> None:  # noqa: F811
    shown = show_map()
    nav = _navigator(shown)
    _whole(nav)
    chain_map = shown.document.chain_map
    node = chain_map.nodes[0]
    chain_map.update_node(node.id, tier=chain_map.tiers[-1].id)
    assert nav._drawing is None
    _drawn(nav)
    removal = chain_map.remove_node(chain_map.nodes[1].id)
    assert nav._drawing is None
    _drawn(nav)
    chain_map.restore(removal)
    assert nav._drawing is None
    _drawn(nav)
    # A move that changes the bands (the segment leaves its tier's extent) draws it all again.
    shown.scene.flush()
    pixmap = nav._drawing[0]
    far = max(n.x for n in chain_map.nodes) + 3000.0
    chain_map.update_node(node.id, x=far)
    shown.scene.flush()
    QApplication.processEvents()
    nav.fit()
    _drawn(nav)
    assert nav._drawing[0] is not pixmap


def test_a_big_maps_items_made_in_idle_batches_are_measured_before_the_first_move(show_map, qtbot,  # noqa: F811
                                                                                  monkeypatch) -> None:
    from chainmap.render import scene_lazy

    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 50)
    monkeypatch.setattr(scene_lazy, "IDLE_SEGMENTS", 10_000)
    chain_map = make_big_map(300, 400, tiers=4, columns=3)
    shown = show_map(chain_map)
    scene = shown.scene
    nav = _navigator(shown)
    qtbot.waitUntil(lambda: not scene.items_pending, timeout=20_000)
    qtbot.waitUntil(lambda: scene._drawn is not None and scene._drawn[1] == len(scene.sync.items.refs), timeout=5000)
    measures: list[int] = []
    whole = scene._measure_drawn
    monkeypatch.setattr(scene, "_measure_drawn", lambda: measures.append(1) or whole())
    node = next(node for node in chain_map.nodes if node.parent is None)
    chain_map.update_node(node.id, y=node.y + 30.0)
    nav.fit()
    assert not measures  # looked at near its border only
    assert nav.sceneRect() == scene.content_rect()


def test_areas_far_apart_are_drawn_as_separate_clusters() -> None:
    from PySide6.QtCore import QRectF

    from chainmap.gui.docks.navigator import _clusters

    strip = QRectF(0, 0, 10, 1000)  # a band's edge, the map's height
    box, its_link = QRectF(500, 900, 40, 20), QRectF(530, 910, 100, 5)
    groups = _clusters([strip, box, its_link])
    assert sorted(len(group) for group in groups) == [1, 2]  # not one rectangle over the map
    assert _clusters([]) == []
