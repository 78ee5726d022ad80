"""MapScene: one item per model object, kept in step with the model's events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from chainmap.core import geometry
from chainmap.core.model import Conflict, Edge, Node, Note, Region, Tier
from chainmap.render import style
from chainmap.render.items_segment import SegmentItem

from .maps import small_map


def render(scene, source: QRectF | None = None, factor: float = 1.0) -> tuple[QImage, QRectF]:
    """Paint the scene (as an export does) into an image; returns it and the source rect."""
    source = source or scene.content_rect()
    image = QImage(round(source.width() * factor), round(source.height() * factor),
                   QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    with scene.exporting():
        scene.render(painter, QRectF(0, 0, image.width(), image.height()), source,
                     Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    return image, source


def pixel(image: QImage, source: QRectF, x: float, y: float, factor: float = 1.0) -> QColor:
    return image.pixelColor(round((x - source.left()) * factor), round((y - source.top()) * factor))


def box_fill_point(scene, node_id: str) -> QPointF:
    """A point inside a segment's box where only its fill shows (left of the name, above the chips)."""
    node = scene.chain_map.node(node_id)
    return QPointF(node.x - geometry.SEGMENT_WIDTH / 2 + 4, node.y - 2)


def close(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


# ---------------------------------------------------------------- structure
def test_one_item_per_model_object(make_scene):
    scene = make_scene()
    chain_map = scene.chain_map
    for kind, objects in (("node", chain_map.nodes), ("edge", chain_map.edges),
                          ("note", chain_map.notes), ("tier", chain_map.tiers)):
        items = scene.items_of(kind)
        assert set(items) == {o.id for o in objects}
        assert len({id(i) for i in items.values()}) == len(objects)
        for item_id, item in items.items():
            assert scene.item_for(kind, item_id) is item
            assert scene.ref_for(item) == (kind, item_id)
    assert scene.item_for("node", "nope") is None
    with pytest.raises(ValueError):
        scene.item_for("widget", "ore")


def test_ref_for_child_graphics(make_scene):
    from PySide6.QtWidgets import QGraphicsRectItem

    scene = make_scene()
    parent = scene.item_for("node", "ore")
    child = QGraphicsRectItem(0, 0, 5, 5, parent)
    assert scene.ref_for(child) == ("node", "ore")
    assert scene.ref_for(None) is None


def test_positions_frames_and_bands_follow_geometry(make_scene):
    scene = make_scene()
    chain_map = scene.chain_map
    assert scene.item_for("node", "ore").pos() == QPointF(0, 100)
    frame = geometry.frame(chain_map, "battery")
    assert scene.segment_frame("battery") == QRectF(frame.left, frame.top, frame.width, frame.height)
    assert scene.bands() == geometry.tier_bands(chain_map)
    assert scene.tier_at(0) == "up" and scene.tier_at(640) == "down"
    band = scene.bands()[1]
    tier_rect = scene.item_for("tier", "mid").sceneBoundingRect()
    assert tier_rect.left() == pytest.approx(band.left) and tier_rect.right() == pytest.approx(band.right)


def test_name_wraps_to_two_lines_and_elides(make_scene):
    scene = make_scene()
    lines = scene.item_for("node", "cathode").name_lines()
    assert len(lines) == 2
    assert lines[0].startswith("正极材料") and lines[1].endswith("…")
    assert scene.item_for("node", "ore").name_lines() == ["锂矿"]


# ------------------------------------------------------------------- events
def test_rename_move_remove_and_restore(make_scene):
    scene = make_scene()
    chain_map = scene.chain_map
    item = scene.item_for("node", "ore")
    chain_map.update_node("ore", name="锂资源")
    assert item.name_lines() == ["锂资源"]
    chain_map.update_node("ore", x=40, y=150)
    assert item.pos() == QPointF(40, 150)
    link = scene.item_for("edge", "e1")
    assert link.label_rect().isValid()
    removal = chain_map.remove_node("cathode")
    assert scene.item_for("node", "cathode") is None
    assert scene.item_for("edge", "e1") is None and scene.item_for("edge", "e2") is None
    assert item.scene() is scene
    chain_map.restore(removal)
    assert scene.item_for("node", "cathode") is not None
    assert scene.item_for("edge", "e1") is not None and scene.item_for("edge", "e2").isVisible()
    assert len(scene.items_of("node")) == len(chain_map.nodes)


def test_moving_a_child_grows_the_parent_frame_and_moves_links(make_scene, qtbot):
    scene = make_scene()
    chain_map = scene.chain_map
    before = scene.segment_frame("battery")
    link = scene.item_for("edge", "e4")
    link_before = link.sceneBoundingRect()
    with qtbot.waitSignal(scene.layout_changed, timeout=1000):
        chain_map.update_node("bms", y=chain_map.node("bms").y + 200)
    assert scene.segment_frame("battery").bottom() == pytest.approx(before.bottom() + 200)
    assert link.sceneBoundingRect() != link_before


def test_edges_notes_tiers_regions_and_map_events(make_scene):
    scene = make_scene()
    chain_map = scene.chain_map
    chain_map.add_edge(Edge("e9", "ore", "car", label="直供"))
    assert scene.item_for("edge", "e9").isVisible()
    chain_map.update_edge("e9", target="battery")
    chain_map.remove_edge("e9")
    assert scene.item_for("edge", "e9") is None
    chain_map.add_note(Note("n9", "<b>not bold</b>", x=0, y=-100))
    note = scene.item_for("note", "n9")
    assert note.text() == "<b>not bold</b>"  # plain text, never HTML
    chain_map.update_note("n9", text="新注释", node="ore")
    assert note.text() == "新注释"
    chain_map.add_tier(Tier("after", "后市场"))
    assert scene.item_for("tier", "after") is not None
    assert [b.tier for b in scene.bands()] == ["up", "mid", "down", "after"]
    chain_map.move_tier("after", 0)
    assert [b.tier for b in scene.bands()][0] == "after"
    chain_map.update_tier("after", name="售后")
    chain_map.remove_tier("after")
    assert scene.item_for("tier", "after") is None
    chain_map.add_region(Region("CN-SD", "山东", "#AA5500"))
    chain_map.update_map(title="新标题")
    scene.flush()
    assert scene.content_rect().contains(scene.item_for("node", "car").sceneBoundingRect())


def test_reset_rebuilds(make_scene):
    scene = make_scene()
    scene.chain_map.events.reset.emit()
    assert set(scene.items_of("node")) == {n.id for n in scene.chain_map.nodes}


def test_conflicts_mark_their_items(make_scene):
    scene = make_scene()
    scene.chain_map.add_conflict(Conflict("c1", "edit", "/nodes/ore/name"))
    assert scene.item_for("node", "ore")._marks == ("conflict",)
    scene.chain_map.remove_conflict("c1")
    assert scene.item_for("node", "ore")._marks == ()


def test_dispose_disconnects_everything(app):
    from chainmap.render.scene import MapScene

    chain_map = small_map()
    before = {name: len(signal) for name, signal in vars(chain_map.events).items()}
    scene = MapScene(chain_map)
    assert all(len(signal) == before[name] + 1 for name, signal in vars(chain_map.events).items())
    scene.dispose()
    assert {name: len(signal) for name, signal in vars(chain_map.events).items()} == before
    chain_map.update_node("ore", name="改名")  # no listener left to crash
    scene.dispose()  # twice is harmless


# ------------------------------------------------------------- view state
def test_folding_hides_children_and_redirects_links(make_scene):
    scene = make_scene()
    link = scene.item_for("edge", "e2")  # cathode -> cell (a child of battery)
    open_end = link.sceneBoundingRect()
    scene.set_folded("battery", True)
    assert scene.is_folded("battery") and scene.folded_ids() == {"battery"}
    assert not scene.item_for("node", "cell").isVisible()
    assert not scene.item_for("node", "bms").isVisible()
    assert scene.segment_frame("battery") == QRectF(
        *(lambda r: (r.left, r.top, r.width, r.height))(geometry.own_box(320, 100)))
    assert link.isVisible() and link.sceneBoundingRect() != open_end  # now ends at the parent
    assert scene.bands() == geometry.tier_bands(scene.chain_map, {"battery"})
    scene.set_folded("battery", False)
    assert scene.item_for("node", "cell").isVisible()


def test_view_region_colours_and_dims(make_scene):
    scene = make_scene()
    all_image, source = render(scene)
    # All regions: ore's best status is strong (河北).
    assert close(pixel(all_image, source, *box_fill_point(scene, "ore").toTuple()), style.STATUS_FILLS["strong"])
    scene.set_view_region("CN-BJ")
    assert scene.view_region == "CN-BJ"
    image, source = render(scene)
    # 北京 has a gap at ore: gap fill, highlighted; car is strong there but dimmed.
    assert close(pixel(image, source, *box_fill_point(scene, "ore").toTuple()), style.STATUS_FILLS["gap"])
    assert scene.item_for("node", "ore").highlighted
    car = pixel(image, source, *box_fill_point(scene, "car").toTuple())
    strong = style.STATUS_FILLS["strong"]
    assert not close(car, strong) and car.lightness() > strong.lightness()  # faded toward white
    scene.set_view_region(None)
    with pytest.raises(KeyError):
        scene.set_view_region("CN-XX")


def test_marks_provenance_and_selection(make_scene):
    scene = make_scene()
    scene.set_marked([("node", "ore"), ("edge", "e1")], "added")
    scene.set_marked([("node", "ore")], "conflict")
    assert scene.item_for("node", "ore")._marks == ("conflict", "added")
    scene.set_marked([], "conflict")
    assert scene.item_for("node", "ore")._marks == ("added",)
    image, source = render(scene)
    box = geometry.own_box(0, 100)
    outline = pixel(image, source, box.left - 3.5, 100)
    assert close(outline, style.ROLE_COLOURS["added"], 60)
    scene.set_provenance({"ore": ["CN-BJ", "CN-TJ"]})
    scene.set_provenance(None)
    scene.select_refs([("node", "ore"), ("note", "note1"), ("edge", "e3")])
    assert sorted(scene.selected_refs()) == [("edge", "e3"), ("node", "ore"), ("note", "note1")]
    scene.set_editable(False)
    assert scene.selected_refs() == []
    scene.select_refs([("node", "ore")])
    assert scene.selected_refs() == []


def test_editable_flags(make_scene):
    from PySide6.QtWidgets import QGraphicsItem

    scene = make_scene(editable=False)
    flags = QGraphicsItem.GraphicsItemFlag
    item = scene.item_for("node", "ore")
    assert not item.flags() & flags.ItemIsSelectable
    scene.set_editable(True)
    assert item.flags() & flags.ItemIsMovable and item.flags() & flags.ItemIsSelectable
    assert scene.item_for("note", "note1").flags() & flags.ItemIsMovable
    assert not scene.item_for("edge", "e1").flags() & flags.ItemIsMovable


def test_overview_keeps_items_and_selection(make_scene):
    from PySide6.QtWidgets import QGraphicsItem

    scene = make_scene()
    scene.select_refs([("node", "ore")])
    scene.set_overview(True)
    item = scene.item_for("node", "ore")
    assert item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    assert scene.selected_refs() == [("node", "ore")]
    image, source = render(scene, factor=0.2)  # exporting() paints items themselves again
    assert scene.overview
    scene.set_overview(False)
    assert not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def test_dragging_an_item_drags_its_links(make_scene):
    scene = make_scene()
    item: SegmentItem = scene.item_for("node", "ore")
    link = scene.item_for("edge", "e1")
    before = link.sceneBoundingRect()
    item.setPos(item.pos() + QPointF(0, -60))  # what the canvas does while previewing a drag
    scene.flush()
    assert link.sceneBoundingRect() != before
    scene.sync_positions()
    assert item.pos() == QPointF(0, 100)
    scene.flush()
    assert link.sceneBoundingRect() == before


def test_level_of_detail_far_out_draws_no_text(make_scene):
    scene = make_scene()
    image, source = render(scene, factor=0.2)
    # A simplified box is one flat colour: its centre shows the far-zoom status colour.
    centre = pixel(image, source, 320, 100, 0.2)
    assert close(centre, style.STATUS_LOD_FILLS["strong"], 30)


def test_scene_with_nodes_without_position(make_scene):
    chain_map = small_map()
    chain_map.add_node(Node("floating", "未放置", "mid"))
    scene = make_scene(chain_map)
    assert not scene.item_for("node", "floating").isVisible()
    assert scene.segment_frame("floating").isNull()
    chain_map.update_node("floating", x=320, y=600)
    assert scene.item_for("node", "floating").isVisible()


def test_map_view_switches_the_overview_by_zoom(make_scene, qtbot):
    from chainmap.render.view import MapView

    scene = make_scene()
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.scale(0.1, 0.1)
    view.grab()
    assert scene.overview
    view.resetTransform()
    view.grab()
    assert not scene.overview
    view.setScene(None)


def test_a_folded_box_is_dimmed_the_same_whatever_the_order_of_views(make_scene):
    # Folded "battery" hides a gap of 天津 (cell) but none of 北京's: switching the view from
    # 天津 to another region dims it again, as a scene opened on that region does.
    switched = make_scene()
    switched.set_folded("battery", True)
    for code in ("CN-TJ", "CN-BJ", "CN-HE", None, "CN-TJ", None):
        switched.set_view_region(code)
        fresh = make_scene(switched.chain_map)
        fresh.set_view_region(code)
        fresh.set_folded("battery", True)
        dimmed = switched.item_for("node", "battery").overview()[3]
        assert dimmed == fresh.item_for("node", "battery").overview()[3], code
    switched.set_view_region("CN-BJ")
    switched.set_folded("battery", False)
    fresh = make_scene(switched.chain_map)
    fresh.set_view_region("CN-BJ")
    assert switched.item_for("node", "battery").overview()[3] == fresh.item_for("node", "battery").overview()[3]
