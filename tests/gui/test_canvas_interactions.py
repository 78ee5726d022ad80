"""The canvas's interactions, driven by real mouse and key events on the main window: each is
one object from press to release, ends in at most one undo step, and Esc mid-way puts back
what it changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QRubberBand

from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH
from chainmap.gui.canvas.interactions import (
    LinkInteraction,
    MoveInteraction,
    PanInteraction,
    RenameInteraction,
    RubberBandInteraction,
)

from .editor_helpers import (
    centre_of,
    click,
    double_click,
    edge_zone_of,
    empty_spot_in_tier,
    map_bytes,
    move_held,
    node_named,
    press,
    release,
    view_point,
)

pytestmark = pytest.mark.gui


def escape(window) -> None:
    QTest.keyClick(window.canvas, Qt.Key.Key_Escape)


def scene_positions(window, refs) -> dict:
    scene = window.scene
    return {ref: scene.item_for(*ref).scenePos() for ref in refs}


# ------------------------------------------------------------------------ move
def test_drag_previews_then_pushes_one_move_on_release(main_window) -> None:
    original = map_bytes(main_window)
    canvas, stack = main_window.canvas, main_window.document.undo_stack
    lithium = node_named(main_window, "锂矿")
    x0, y0 = lithium.x, lithium.y
    start = centre_of(main_window, "锂矿")
    end = start + QPoint(round(40 * canvas.zoom_factor()), round(25 * canvas.zoom_factor()))
    press(main_window, start)
    assert isinstance(canvas.interaction, MoveInteraction) and not canvas.interaction.previewing
    move_held(main_window, start, end)
    assert canvas.interaction.previewing
    # Only the item moved so far: the model and the undo stack wait for the release.
    assert (lithium.x, lithium.y) == (x0, y0) and stack.count() == 0
    item = main_window.scene.item_for("node", lithium.id)
    assert abs(item.pos().x() - (x0 + 40)) < 2 and abs(item.pos().y() - (y0 + 25)) < 2
    release(main_window, end)
    assert canvas.interaction is None
    assert stack.count() == 1 and stack.undoText() == "Move 锂矿"
    assert abs(lithium.x - (x0 + 40)) < 2 and abs(lithium.y - (y0 + 25)) < 2
    main_window.action_undo.trigger()
    assert map_bytes(main_window) == original


def test_escape_mid_drag_puts_a_parent_and_its_sub_segments_back(main_window) -> None:
    original = map_bytes(main_window)
    canvas, chain_map = main_window.canvas, main_window.document.chain_map
    battery = node_named(main_window, "动力电池")
    refs = [("node", battery.id)] + [("node", c) for c in chain_map.descendants(battery.id)]
    refs += [("note", n.id) for n in chain_map.notes if n.node == battery.id]
    before = scene_positions(main_window, refs)
    start = centre_of(main_window, "动力电池")
    end = main_window.canvas.mapFromScene(empty_spot_in_tier(main_window, "down"))
    press(main_window, start)
    move_held(main_window, start, end)
    assert scene_positions(main_window, refs)[("node", battery.id)] != before[("node", battery.id)]
    escape(main_window)
    assert canvas.interaction is None
    assert scene_positions(main_window, refs) == before
    # The rest of the drag does nothing: no move, no rubber band, no undo step.
    move_held(main_window, end, start)
    release(main_window, start)
    assert scene_positions(main_window, refs) == before
    assert main_window.document.undo_stack.count() == 0
    assert map_bytes(main_window) == original
    assert main_window.document.selection == [("node", battery.id)]


def test_one_interaction_at_a_time(main_window) -> None:
    canvas = main_window.canvas
    start = centre_of(main_window, "锂矿")
    end = start + QPoint(30, 30)
    press(main_window, start)
    move_held(main_window, start, end)
    moving = canvas.interaction
    assert isinstance(moving, MoveInteraction)
    # A middle-button press meanwhile does not start a pan.
    press(main_window, end, button=Qt.MouseButton.MiddleButton)
    assert canvas.interaction is moving
    release(main_window, end)
    assert canvas.interaction is None and main_window.document.undo_stack.count() == 1


# ------------------------------------------------------------------------ link
def test_link_drag_onto_a_segment_makes_one_link(main_window) -> None:
    original = map_bytes(main_window)
    canvas, chain_map = main_window.canvas, main_window.document.chain_map
    lithium, car = node_named(main_window, "锂矿"), node_named(main_window, "整车制造")
    edges = len(chain_map.edges)
    start, end = edge_zone_of(main_window, "锂矿"), centre_of(main_window, "整车制造")
    press(main_window, start)
    assert isinstance(canvas.interaction, LinkInteraction)
    move_held(main_window, start, end)
    assert main_window.scene.marked("link-target") == {("node", car.id)}
    release(main_window, end)
    assert canvas.interaction is None
    assert main_window.scene.marked("link-target") == set()
    assert len(chain_map.edges) == edges + 1 and chain_map.find_edge(lithium.id, car.id) is not None
    assert main_window.document.undo_stack.count() == 1
    assert main_window.document.undo_stack.undoText() == "Link 锂矿 → 整车制造"
    main_window.action_undo.trigger()
    assert map_bytes(main_window) == original
    assert not chain_map.deleted  # taking the link back leaves no tombstone


def test_escape_mid_link_drag_makes_nothing(main_window) -> None:
    canvas, chain_map = main_window.canvas, main_window.document.chain_map
    start, end = edge_zone_of(main_window, "锂矿"), centre_of(main_window, "整车制造")
    press(main_window, start)
    move_held(main_window, start, end)
    escape(main_window)
    assert canvas.interaction is None and main_window.scene.marked("link-target") == set()
    release(main_window, end)
    lithium, car = node_named(main_window, "锂矿"), node_named(main_window, "整车制造")
    assert chain_map.find_edge(lithium.id, car.id) is None
    assert main_window.document.undo_stack.count() == 0


# ----------------------------------------------------------------- rubber band
def band_around(window, name: str) -> tuple[QPoint, QPoint]:
    node = node_named(window, name)
    top_left = view_point(window, node.x - SEGMENT_WIDTH / 2 - 6, node.y - SEGMENT_HEIGHT / 2 - 6)
    bottom_right = view_point(window, node.x + SEGMENT_WIDTH / 2 + 6, node.y + SEGMENT_HEIGHT / 2 + 6)
    return top_left, bottom_right


def selected_nodes(window) -> set[str]:
    return {item_id for kind, item_id in window.document.selection if kind == "node"}


def test_rubber_band_selects_what_it_covers(main_window) -> None:
    canvas, chain_map = main_window.canvas, main_window.document.chain_map
    lithium, cathode = node_named(main_window, "锂矿"), node_named(main_window, "正极材料")
    click(main_window, centre_of(main_window, "整车制造"))
    top_left, bottom_right = band_around(main_window, "锂矿")
    press(main_window, top_left)
    assert isinstance(canvas.interaction, RubberBandInteraction)
    move_held(main_window, top_left, bottom_right)
    release(main_window, bottom_right)
    assert canvas.interaction is None
    # The segment it covers, and links touching it; nothing selected before stays.
    assert selected_nodes(main_window) == {lithium.id}
    for kind, item_id in main_window.document.selection:
        assert kind == "node" or (kind == "edge" and lithium.id in (chain_map.edge(item_id).source,
                                                                      chain_map.edge(item_id).target))
    # With Ctrl, the band adds to the selection.
    top_left, bottom_right = band_around(main_window, "正极材料")
    press(main_window, top_left, modifiers=Qt.KeyboardModifier.ControlModifier)
    move_held(main_window, top_left, bottom_right, modifiers=Qt.KeyboardModifier.ControlModifier)
    release(main_window, bottom_right, modifiers=Qt.KeyboardModifier.ControlModifier)
    assert selected_nodes(main_window) == {lithium.id, cathode.id}
    # A click on empty canvas selects nothing.
    click(main_window, top_left)
    assert main_window.document.selection == []
    assert main_window.document.undo_stack.count() == 0


def test_escape_mid_rubber_band_gives_back_the_selection(main_window) -> None:
    car = node_named(main_window, "整车制造")
    click(main_window, centre_of(main_window, "整车制造"))
    top_left, bottom_right = band_around(main_window, "锂矿")
    press(main_window, top_left)
    move_held(main_window, top_left, bottom_right)
    assert car.id not in {item_id for _, item_id in main_window.scene.selected_refs()}
    escape(main_window)
    assert main_window.canvas.interaction is None
    release(main_window, bottom_right)
    assert main_window.document.selection == [("node", car.id)]
    bands = main_window.canvas.viewport().findChildren(QRubberBand)
    assert not [band for band in bands if band.isVisible()]


# ------------------------------------------------------------------------- pan
def test_escape_mid_pan_scrolls_back(main_window) -> None:
    canvas = main_window.canvas
    main_window.action_zoom_actual.trigger()
    start = QPoint(400, 300)
    before = canvas.mapToScene(start)
    press(main_window, start, button=Qt.MouseButton.MiddleButton)
    assert isinstance(canvas.interaction, PanInteraction)
    move_held(main_window, start, start + QPoint(120, 60), button=Qt.MouseButton.MiddleButton)
    assert canvas.mapToScene(start).x() == pytest.approx(before.x() - 120, abs=2)
    escape(main_window)
    assert canvas.interaction is None
    assert canvas.mapToScene(start) == before
    release(main_window, start + QPoint(120, 60), button=Qt.MouseButton.MiddleButton)
    assert canvas.mapToScene(start) == before


# ---------------------------------------------------------------------- rename
def test_rename_is_an_interaction_committed_by_a_press_elsewhere(main_window) -> None:
    canvas, stack = main_window.canvas, main_window.document.undo_stack
    lithium = node_named(main_window, "锂矿")
    double_click(main_window, centre_of(main_window, "锂矿"))
    assert isinstance(canvas.interaction, RenameInteraction) and canvas.editor is canvas.interaction.editor
    canvas.editor.setText("锂资源")
    # A press elsewhere commits it as one step, then does what it does (here: a rubber band).
    spot = canvas.mapFromScene(empty_spot_in_tier(main_window, "down"))
    press(main_window, spot)
    assert isinstance(canvas.interaction, RubberBandInteraction)
    release(main_window, spot)
    assert lithium.name == "锂资源" and stack.count() == 1 and stack.undoText() == "Rename 锂矿"
    assert canvas.editor is None and canvas.interaction is None


def test_escape_in_the_rename_editor_changes_nothing(main_window) -> None:
    canvas = main_window.canvas
    double_click(main_window, centre_of(main_window, "锂矿"))
    canvas.editor.setText("锂资源")
    QTest.keyClick(canvas.editor, Qt.Key.Key_Escape)
    assert canvas.interaction is None and canvas.editor is None
    assert node_named(main_window, "锂矿") is not None
    assert main_window.document.undo_stack.count() == 0
    # The next rename starts from the name, not from the abandoned text.
    double_click(main_window, centre_of(main_window, "锂矿"))
    assert canvas.editor.text() == "锂矿"
    canvas.close_editor(commit=False)


def test_new_segment_by_double_click_then_rename_is_two_steps(main_window) -> None:
    canvas, stack = main_window.canvas, main_window.document.undo_stack
    spot = canvas.mapFromScene(empty_spot_in_tier(main_window, "mid"))
    double_click(main_window, spot)
    assert isinstance(canvas.interaction, RenameInteraction)
    canvas.editor.setText("固态电池")
    QTest.keyClick(canvas.editor, Qt.Key.Key_Return)
    assert canvas.interaction is None and stack.count() == 2
    ((kind, node_id),) = main_window.document.selection
    assert kind == "node" and main_window.document.chain_map.node(node_id).name == "固态电池"
    main_window.action_undo.trigger()
    main_window.action_undo.trigger()
    assert not main_window.document.chain_map.has_node(node_id)
    assert node_id not in main_window.document.chain_map.deleted
