"""A PNG of a map laid out for a page keeps alive only the items of the band it paints (issue 14).

Such a map wraps its tiers into columns side by side, so its links climb across columns and
many bands. The export's own scene makes each segment and link item just before the first
band it reaches and drops it once the bands are below it: the items alive while a band is
painted are the ones that band meets, however wide or tall the map, and the picture is the
one a scene with every item made at once paints.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from chainmap.core.layout.engine import layout_map
from chainmap.core.model import ChainMap
from chainmap.render import export as export_module
from chainmap.render import export_parts, scene_lazy
from chainmap.render.items_link import LinkItem
from chainmap.render.scene import MapScene
from chainmap.render.scene_topdown import EARLY, link_top, segment_tops
from chainmap.render.state import RenderState

from .bigmap import make_big_map
from .imagecompare import pixels

# An item made for a band may begin this far below it: EARLY, and a link's arrowhead, which
# the top worked out from its corners leaves room for (items_link.ARROW_LENGTH + ARROW_HALF).
SLACK = EARLY + 15.0


@pytest.fixture(scope="module")
def page_map() -> ChainMap:
    chain_map = make_big_map(400, 640, columns=2)
    layout_map(chain_map, aspect=4 / 3)  # the tiers wrapped into columns side by side
    return chain_map


def _lazy_bands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 100)  # items made band by band
    monkeypatch.setattr(export_module, "BAND_PIXELS", 60_000)  # bands of some 20 rows


def test_a_band_keeps_alive_only_the_items_it_meets(app, page_map: ChainMap, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _lazy_bands(monkeypatch)
    cells: list[int] = []
    alive: list[int] = []
    elsewhere: list[tuple[str, QRectF, QRectF]] = []
    made: dict[str, int] = {}
    real = export_parts.paint_band

    def watched(scene: MapScene, painter, target, part: QRectF, background) -> None:  # type: ignore[no-untyped-def]
        real(scene, painter, target, part, background)
        items = scene.sync.items
        for node_id in items.nodes:
            made[node_id] = made.get(node_id, 0)
        alive.append(len(items.nodes) + len(items.edges))
        pending = scene.sync.pending
        cells.append(len(pending._node_cells) + len(pending._edge_cells) + len(pending._wide_edges))
        for item in (*items.nodes.values(), *items.edges.values()):
            bounds = item.sceneBoundingRect()
            if bounds.bottom() < part.top() or bounds.top() > part.bottom() + SLACK:
                elsewhere.append((str(item.ref), bounds, QRectF(part)))

    monkeypatch.setattr(export_module, "paint_band", watched)
    result = export_module.export_map(page_map, tmp_path / "banded.png", dpi=40)
    assert result.tiles > 20
    assert not any(cells)  # taken from the top down, never by grid cells (30 MB of lists at 100,000)
    assert elsewhere == []  # nothing made ahead of its band, nothing kept after it
    assert len(made) == len(page_map.nodes)  # every segment painted
    assert max(alive) < (len(page_map.nodes) + len(page_map.edges)) / 3


def test_bands_paint_what_a_scene_with_every_item_paints(app, page_map: ChainMap, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _lazy_bands(monkeypatch)
    with monkeypatch.context() as eager:
        eager.setattr(scene_lazy, "LAZY_SEGMENTS", 1_000_000)
        scene = MapScene(page_map, editable=False, cached=False)
        try:
            export_module.export_scene(scene, tmp_path / "whole.png", dpi=40)
        finally:
            scene.dispose()
    export_module.export_map(page_map, tmp_path / "banded.png", dpi=40)
    whole, banded = QImage(str(tmp_path / "whole.png")), QImage(str(tmp_path / "banded.png"))
    assert whole.size() == banded.size()
    differ = (pixels(whole) != pixels(banded)).any(axis=2)
    assert differ.sum() == 0, (differ.sum(), differ.shape, differ.nonzero()[0][:10], differ.nonzero()[1][:10])


def test_every_item_begins_below_the_top_worked_out_for_it(app, page_map: ChainMap,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 1_000_000)
    scene = MapScene(page_map, editable=False, cached=False)
    try:
        with scene.exporting():
            items = scene.sync.items
            tops = segment_tops(page_map, set(items.nodes))
            assert tops.keys() == items.nodes.keys()
            framed = [node_id for node_id in tops if page_map.children(node_id)]
            assert framed  # frames round sub-segments begin higher than their boxes
            low = [node_id for node_id, top in tops.items() if items.nodes[node_id].sceneBoundingRect().top() < top]
            drawn = scene.sync.geometry.routes.drawn_route
            low += [edge_id for edge_id, item in items.edges.items()
                    if item.sceneBoundingRect().top() < (link_top(page_map, edge_id, drawn(edge_id)) or 0.0)]
            assert low == []
    finally:
        scene.dispose()


def test_a_link_keeps_its_route_packed_and_gives_it_back_exactly(app) -> None:  # type: ignore[no-untyped-def]
    item = LinkItem("e1", RenderState(editable=False))
    route = ((0.1, 0.2), (10.0 / 3, 0.2), (10.0 / 3, 7.7), (42.5, 7.7))
    assert not item.has_route() and item.draws_route(())
    item.set_route(route)
    assert item.route_points() == route
    assert item.has_route() and item.draws_route(list(route)) and not item.draws_route(route[:-1])
    assert item.rect().contains(QRectF(0.1, 0.2, 42.4, 7.5))
    item.set_route(None)
    assert item.route_points() == () and not item.has_route()
