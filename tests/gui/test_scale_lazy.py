"""A big map in the editor: items made lazily (issue 14). Small maps with the thresholds lowered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chainmap.core.refs import NODE
from chainmap.render import scene_lazy, style
from tests.render.bigmap import make_big_map

from .lazy_window import lower_lazy_thresholds, open_generated_map, show_at

SEGMENTS, LINKS = 600, 900


@pytest.fixture
def lazy(monkeypatch):
    """Scenes of more than 50 segments make their items lazily, only when shown."""
    lower_lazy_thresholds(monkeypatch)


@pytest.fixture
def big_window(lazy, make_main_window, tmp_path):
    return open_generated_map(make_main_window, tmp_path, SEGMENTS, LINKS)


def test_the_first_frame_is_the_overview_drawn_without_items(big_window) -> None:
    scene = big_window.scene
    assert big_window.canvas.has_painted
    assert scene.overview  # the whole map fits: far zoom
    chain_map = scene.chain_map
    assert scene.items_pending == SEGMENTS + LINKS  # nothing made: the overview paints the model
    boxes = scene.sync.pending.overview()["boxes"]
    assert sum(len(rects) for rects in boxes.values()) == len(chain_map.nodes)


def test_zooming_in_makes_the_shown_items_and_zooming_out_goes_back_to_the_overview(big_window) -> None:
    scene = big_window.scene
    node = big_window.document.chain_map.nodes[SEGMENTS // 2]
    show_at(big_window, node)
    assert not scene.overview
    made = scene.sync.items.nodes
    assert node.id in made and made[node.id].isVisible()
    assert 0 < len(made) < SEGMENTS  # only what is near the view
    assert scene.items_pending > 0
    big_window.canvas.fit_to_window()
    big_window.canvas.viewport().repaint()
    QApplication.processEvents()
    assert scene.overview
    assert zoom_of(big_window) < style.LOD_DETAIL


def zoom_of(window) -> float:
    from chainmap.render.view import zoom_of as zoom

    return zoom(window.canvas)


def test_an_item_made_when_scrolled_into_view_can_be_selected_and_moved(big_window) -> None:
    chain_map = big_window.document.chain_map
    node = chain_map.nodes[SEGMENTS - 5]
    assert node.id not in big_window.scene.sync.items.nodes
    show_at(big_window, node)
    canvas = big_window.canvas
    spot = canvas.mapFromScene(QPointF(node.x, node.y))
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    QApplication.processEvents()
    assert big_window.document.selection == [(NODE, node.id)]
    x = node.x
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    QApplication.processEvents()
    assert chain_map.node(node.id).x > x
    item = big_window.scene.sync.items.nodes[node.id]
    assert item.pos().x() == chain_map.node(node.id).x
    assert big_window.scene.items_pending > 0  # an edit makes only the items it concerns


def test_finding_a_segment_far_away_makes_and_selects_its_item(big_window) -> None:
    node = big_window.document.chain_map.nodes[3]
    big_window.document.set_selection([(NODE, node.id)])
    QApplication.processEvents()
    item = big_window.scene.sync.items.nodes[node.id]
    assert item.isSelected()


def test_idle_batches_make_every_item(lazy, monkeypatch, make_main_window, qtbot) -> None:
    monkeypatch.setattr(scene_lazy, "IDLE_SEGMENTS", 10_000)
    window = make_main_window(chain_map=make_big_map(SEGMENTS, LINKS, columns=2))
    scene = window.scene
    qtbot.waitUntil(lambda: scene.items_pending == 0, timeout=30_000)
    assert len(scene.sync.items.nodes) == SEGMENTS
    assert len(scene.sync.items.edges) == LINKS


def test_deleting_segments_and_links_not_made_yet_can_be_undone_and_redone(big_window) -> None:
    from chainmap.core.refs import EDGE
    from chainmap.gui.commands import delete_items

    scene = big_window.scene
    sync = scene.sync
    chain_map = big_window.document.chain_map
    stack = big_window.document.undo_stack
    # A segment with sub-segments and links, and a link elsewhere: none of them has an item.
    parent = next(n for n in reversed(chain_map.nodes) if n.parent is None and chain_map.children(n.id)
                  and any(e.source == n.id or e.target == n.id for e in chain_map.edges))
    family = {parent.id, *chain_map.descendants(parent.id)}
    its_links = {e.id for e in chain_map.edges if e.source in family or e.target in family}
    other = next(e for e in chain_map.edges if e.source not in family and e.target not in family)
    assert not family & sync.items.nodes.keys() and not (its_links | {other.id}) & sync.items.edges.keys()
    nodes_before, edges_before = len(chain_map.nodes), len(chain_map.edges)

    def overview_boxes() -> int:
        return sum(len(rects) for rects in sync.pending.overview()["boxes"].values())

    assert big_window.document.push(delete_items(chain_map, [(NODE, parent.id), (EDGE, other.id)]))
    QApplication.processEvents()
    assert len(chain_map.nodes) == nodes_before - len(family)
    assert not family & sync.pending.nodes.keys() and not (its_links | {other.id}) & sync.pending.edges.keys()
    assert overview_boxes() == len(chain_map.nodes)  # the overview no longer draws them
    assert scene.items_pending == len(chain_map.nodes) + len(chain_map.edges)

    stack.undo()
    QApplication.processEvents()
    assert len(chain_map.nodes) == nodes_before and len(chain_map.edges) == edges_before
    for node_id in family:  # back, with items (an edit makes the items it concerns)
        item = scene.item_for("node", node_id)
        node = chain_map.node(node_id)
        assert item is not None and item.pos() == QPointF(node.x, node.y)
    for edge_id in its_links | {other.id}:
        assert scene.item_for("edge", edge_id) is not None
    scene.complete_items()
    assert len(sync.items.nodes) == nodes_before and len(sync.items.edges) == edges_before

    stack.redo()
    QApplication.processEvents()
    assert not family & sync.items.nodes.keys() and not (its_links | {other.id}) & sync.items.edges.keys()
    assert len(sync.items.nodes) == len(chain_map.nodes) and len(sync.items.edges) == len(chain_map.edges)


def test_moving_a_segment_not_made_yet_changes_the_overview_in_place_without_gathering_again(big_window) -> None:
    from chainmap.gui.commands import move_items
    from chainmap.render.items_segment import BOX

    scene = big_window.scene
    sync = scene.sync
    chain_map = big_window.document.chain_map
    big_window.canvas.viewport().repaint()  # the overview has gathered every pending shape
    QApplication.processEvents()
    gathered = sync.pending.overview()
    batches = sync.overview._batches
    node = next(n for n in chain_map.nodes if n.parent is None and chain_map.edges_of(n.id)
                and not sync.items.notes_at.get(n.id))
    assert node.id not in sync.items.nodes
    links = [edge.id for edge in chain_map.edges_of(node.id)]
    old_x, old_y = node.x, node.y
    new_x, new_y = old_x + 5000.0, old_y + 3000.0

    def box_at(x: float, y: float):
        return QRectF(x - BOX.width() / 2, y - BOX.height() / 2, BOX.width(), BOX.height())

    def boxes(own: bool):
        return [rect for groups in batches["boxes"].values() for buckets in groups
                if (id(buckets) in batches["own"]) == own for group in buckets.shown(None) for rect in group]

    def pending_lines():
        return [line for group in gathered["lines"].shown(None) for line in group]

    def line_of(edge_id: str):
        edge = chain_map.edge(edge_id)
        source, target = chain_map.node(edge.source), chain_map.node(edge.target)
        return QLineF(source.x, source.y, target.x, target.y)

    before_lines = [line_of(edge_id) for edge_id in links]
    assert box_at(old_x, old_y) in boxes(own=False) and all(line in pending_lines() for line in before_lines)
    stack = big_window.document.undo_stack
    assert big_window.document.push(move_items(chain_map, {(NODE, node.id): (new_x, new_y)}))
    sync.flush()
    QApplication.processEvents()
    # Changed in place, not gathered again: the box drawn once, where it is, from its item.
    assert sync.pending.overview() is gathered and sync.overview._batches is batches
    assert box_at(old_x, old_y) not in boxes(own=False) + boxes(own=True)
    assert box_at(new_x, new_y) in boxes(own=True) and box_at(new_x, new_y) not in boxes(own=False)
    assert not any(line in pending_lines() for line in before_lines)
    assert sync.items.nodes[node.id].pos() == QPointF(new_x, new_y)
    # Its links are made (a view of where they now run shows them) and drawn from their items.
    assert all(edge_id in sync.items.edges and sync.items.edges[edge_id] in batches["links"] for edge_id in links)
    assert scene.items_pending > 0  # only what the move concerns was made

    stack.undo()
    sync.flush()
    QApplication.processEvents()
    assert sync.overview._batches is batches
    assert box_at(old_x, old_y) in boxes(own=True) and box_at(new_x, new_y) not in boxes(own=False) + boxes(own=True)


def test_a_big_maps_objects_are_kept_out_of_the_collector_while_it_is_open(monkeypatch, make_main_window) -> None:
    import gc

    from chainmap.gui import main_window

    monkeypatch.setattr(main_window, "LARGE_MAP", 50)
    frozen_before = gc.get_freeze_count()
    window = make_main_window(chain_map=make_big_map(SEGMENTS, LINKS, columns=2))
    assert gc.get_freeze_count() > frozen_before  # the map's objects are in the permanent generation
    window.dispose()
    assert gc.get_freeze_count() == 0  # given back when it is closed


def test_links_across_many_cells_are_made_only_for_a_view_they_meet(lazy, monkeypatch, make_main_window,
                                                                     tmp_path) -> None:
    """A link whose ends are far apart is not put in the grid's cells (it would fill
    thousands on a page-shaped map): it is made when a view meets its span, not with the
    first view wherever that is."""
    monkeypatch.setattr(scene_lazy, "_WIDE", 1)  # every link across more than one cell
    window = open_generated_map(make_main_window, tmp_path, SEGMENTS, LINKS)
    scene = window.scene
    chain_map = window.document.chain_map
    node = chain_map.nodes[SEGMENTS // 2]
    show_at(window, node)
    view = window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect()
    made = scene.sync.items.edges

    def meets(edge) -> bool:
        a, b = chain_map.node(edge.source), chain_map.node(edge.target)
        line = QLineF(a.x, a.y, b.x, b.y)
        return view.contains(line.p1()) or view.contains(line.p2()) or any(
            line.intersects(side)[0] == QLineF.IntersectionType.BoundedIntersection
            for side in (QLineF(view.topLeft(), view.topRight()), QLineF(view.topRight(), view.bottomRight()),
                         QLineF(view.bottomRight(), view.bottomLeft()), QLineF(view.bottomLeft(), view.topLeft())))

    shown = [edge for edge in chain_map.edges if meets(edge)]
    assert shown and all(edge.id in made for edge in shown)  # every link crossing the view is there
    far = [edge for edge in chain_map.edges if edge.id not in made]
    assert len(far) > len(chain_map.edges) // 2  # most wait for a view of them
