"""The far-zoom overview after a status change: the views paint again where the changed box is,
not the whole map."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from chainmap.core.model import RegionEntry

from .bigmap import make_big_map


def test_a_status_change_repaints_the_box_not_the_map(make_scene) -> None:
    chain_map = make_big_map(200, 300, tiers=4, columns=3)
    scene = make_scene(chain_map)
    scene.set_overview(True)
    overview = scene.sync.overview
    overview.paint_shapes(_NullPainter(), None)  # gathered, as a first paint does
    asked: list[QRectF | None] = []
    overview.update = lambda rect=None: asked.append(rect)  # type: ignore[method-assign]
    node = chain_map.nodes[77]
    code = chain_map.region_codes()[0]
    scene.item_for("node", node.id)  # made, so its box is among the gathered shapes
    old = node.regions.get(code)
    chain_map.update_node(node.id, regions={**node.regions, code: RegionEntry(
        "strong" if old is not None and old.status == "gap" else "gap")})
    assert asked and None not in asked
    box = scene.item_for("node", node.id).sceneBoundingRect()
    assert any(rect.contains(box.center()) for rect in asked)
    whole = scene.content_rect()
    assert all(rect.width() < whole.width() / 4 and rect.height() < whole.height() / 4 for rect in asked)


class _NullPainter:
    """Takes the overview's drawing calls and draws nothing."""

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: None
