"""Editing on the canvas through the window's own actions, keys and mouse events; every edit
is one undo step and undoing them all gives back the file's original bytes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH

from .editor_helpers import (
    centre_of,
    click,
    double_click,
    drag,
    edge_zone_of,
    empty_spot_in_tier,
    map_bytes,
    node_named,
    view_point,
)

pytestmark = pytest.mark.gui


def undo_all(window) -> None:
    stack = window.document.undo_stack
    while stack.canUndo():
        window.action_undo.trigger()


def assert_back_to_start(window, original: bytes) -> None:
    undo_all(window)
    assert map_bytes(window) == original
    assert not window.document.is_modified
    assert not window.isWindowModified()


def test_opens_the_map_clean(main_window) -> None:
    assert main_window.windowTitle() == "vehicles.chainmap.json[*] — chainmap"
    assert not main_window.isWindowModified()
    assert main_window.document.path.read_bytes() == map_bytes(main_window)
    battery = node_named(main_window, "动力电池")
    assert main_window.scene.item_for("node", battery.id) is not None
    assert main_window.canvas.has_painted


def test_add_segment_action_starts_rename(main_window) -> None:
    original = map_bytes(main_window)
    main_window.action_add_segment.trigger()
    editor = main_window.canvas.editor
    assert editor is not None and editor.text() == "新环节"
    (ref,) = main_window.document.selection
    editor.setText("固态电池")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    node = main_window.document.chain_map.node(ref[1])
    assert node.name == "固态电池" and node.x is not None
    assert main_window.action_undo.text() == "&Undo Rename 新环节"
    assert main_window.isWindowModified()
    assert "*" not in main_window.windowTitle().replace("[*]", "")
    assert_back_to_start(main_window, original)


def test_double_click_empty_canvas_adds_segment_in_that_band(main_window) -> None:
    original = map_bytes(main_window)
    spot = empty_spot_in_tier(main_window, "mid")
    double_click(main_window, main_window.canvas.mapFromScene(spot))
    (ref,) = main_window.document.selection
    node = main_window.document.chain_map.node(ref[1])
    assert node.tier == "mid" and node.name == "新环节"
    assert abs(node.x - spot.x()) < 2 and abs(node.y - spot.y()) < 2
    editor = main_window.canvas.editor
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert main_window.canvas.editor is None
    assert main_window.document.chain_map.node(ref[1]).name == "新环节"
    assert_back_to_start(main_window, original)


def test_f2_renames_and_empty_name_is_refused(main_window) -> None:
    original = map_bytes(main_window)
    battery = node_named(main_window, "动力电池")
    click(main_window, centre_of(main_window, "动力电池"))
    assert main_window.document.selection == [("node", battery.id)]
    QTest.keyClick(main_window.canvas, Qt.Key.Key_F2)
    editor = main_window.canvas.editor
    assert editor is not None and editor.text() == "动力电池"
    editor.setText("")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert battery.name == "动力电池"
    assert "needs a name" in main_window.statusBar().currentMessage()
    assert main_window.canvas.editor is editor  # still open to fix the name
    editor.setText("动力电池系统")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert main_window.document.chain_map.node(battery.id).name == "动力电池系统"
    assert main_window.document.undo_stack.count() == 1
    assert_back_to_start(main_window, original)


def test_double_click_segment_renames_it(main_window) -> None:
    double_click(main_window, centre_of(main_window, "锂矿"))
    editor = main_window.canvas.editor
    assert editor is not None and editor.text() == "锂矿"
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert main_window.document.undo_stack.count() == 0


def test_drag_moves_selection_in_one_step(main_window) -> None:
    original = map_bytes(main_window)
    chain_map = main_window.document.chain_map
    lithium, cathode = node_named(main_window, "锂矿"), node_named(main_window, "正极材料")
    click(main_window, centre_of(main_window, "锂矿"))
    click(main_window, centre_of(main_window, "正极材料"), Qt.KeyboardModifier.ControlModifier)
    assert set(main_window.document.selection) == {("node", lithium.id), ("node", cathode.id)}
    start = centre_of(main_window, "锂矿")
    scale = main_window.canvas.zoom_factor()
    drag(main_window, start, start + QPoint(0, round(30 * scale)))
    assert main_window.document.undo_stack.count() == 1
    assert abs(chain_map.node(lithium.id).y - 30) < 2
    assert abs(chain_map.node(cathode.id).y - 120) < 2
    assert chain_map.node(lithium.id).tier == "up"
    assert_back_to_start(main_window, original)


def test_drag_into_another_band_changes_tier(main_window) -> None:
    original = map_bytes(main_window)
    lithium = node_named(main_window, "锂矿")
    spot = empty_spot_in_tier(main_window, "down")
    drag(main_window, centre_of(main_window, "锂矿"), main_window.canvas.mapFromScene(spot))
    assert main_window.document.chain_map.node(lithium.id).tier == "down"
    assert main_window.document.undo_stack.count() == 1
    assert_back_to_start(main_window, original)


def test_drop_onto_segment_sets_parent_and_out_clears_it(main_window) -> None:
    original = map_bytes(main_window)
    chain_map = main_window.document.chain_map
    battery, lithium = node_named(main_window, "动力电池"), node_named(main_window, "锂矿")
    drag(main_window, centre_of(main_window, "锂矿"), centre_of(main_window, "动力电池"))
    assert chain_map.node(lithium.id).parent == battery.id
    assert chain_map.node(lithium.id).tier == battery.tier
    # It goes below the parent's other sub-segments, in the parent's column.
    lowest = max(chain_map.node(c).y for c in chain_map.children(battery.id) if c != lithium.id)
    assert chain_map.node(lithium.id).x == battery.x and chain_map.node(lithium.id).y > lowest
    assert main_window.document.undo_stack.count() == 1
    main_window.action_undo.trigger()
    assert chain_map.node(lithium.id).parent is None
    # A sub-segment dragged to empty canvas outside its parent leaves it.
    cell = node_named(main_window, "电芯")
    spot = empty_spot_in_tier(main_window, "down")
    drag(main_window, centre_of(main_window, "电芯"), main_window.canvas.mapFromScene(spot))
    assert chain_map.node(cell.id).parent is None
    assert_back_to_start(main_window, original)


def test_drag_from_edge_zone_draws_a_link(main_window) -> None:
    original = map_bytes(main_window)
    chain_map = main_window.document.chain_map
    lithium, car = node_named(main_window, "锂矿"), node_named(main_window, "整车制造")
    assert chain_map.find_edge(lithium.id, car.id) is None
    edges = len(chain_map.edges)
    drag(main_window, edge_zone_of(main_window, "锂矿"), centre_of(main_window, "整车制造"))
    assert chain_map.find_edge(lithium.id, car.id) is not None
    assert len(chain_map.edges) == edges + 1
    assert (lithium.x, lithium.y) == (chain_map.node(lithium.id).x, chain_map.node(lithium.id).y)
    # The same link again is refused, with a message, and nothing is pushed.
    count = main_window.document.undo_stack.count()
    drag(main_window, edge_zone_of(main_window, "锂矿"), centre_of(main_window, "整车制造"))
    assert main_window.document.undo_stack.count() == count
    assert "already a link" in main_window.statusBar().currentMessage()
    assert_back_to_start(main_window, original)


def test_alt_drag_links_and_release_on_empty_does_nothing(main_window) -> None:
    original = map_bytes(main_window)
    chain_map = main_window.document.chain_map
    chip, car = node_named(main_window, "车规级芯片"), node_named(main_window, "整车制造")
    drag(main_window, centre_of(main_window, "车规级芯片"), centre_of(main_window, "整车制造"),
         modifiers=Qt.KeyboardModifier.AltModifier)
    assert chain_map.find_edge(chip.id, car.id) is not None
    main_window.action_undo.trigger()
    spot = main_window.canvas.mapFromScene(empty_spot_in_tier(main_window, "down"))
    drag(main_window, centre_of(main_window, "车规级芯片"), spot, modifiers=Qt.KeyboardModifier.AltModifier)
    assert main_window.document.undo_stack.index() == 0
    # A self-link is refused with a message.
    drag(main_window, edge_zone_of(main_window, "车规级芯片"), centre_of(main_window, "车规级芯片"))
    assert "itself" in main_window.statusBar().currentMessage()
    assert (chip.x, chip.y) == (chain_map.node(chip.id).x, chain_map.node(chip.id).y)
    assert_back_to_start(main_window, original)


def test_delete_key_and_undo(main_window) -> None:
    original = map_bytes(main_window)
    battery = node_named(main_window, "动力电池")
    click(main_window, centre_of(main_window, "动力电池"))
    QTest.keyClick(main_window.canvas, Qt.Key.Key_Delete)
    chain_map = main_window.document.chain_map
    assert not chain_map.has_node(battery.id)
    assert not any(n.parent == battery.id for n in chain_map.nodes)
    assert main_window.action_undo.text() == "&Undo Delete 动力电池"
    assert_back_to_start(main_window, original)


def test_rubber_band_and_select_all(main_window) -> None:
    lithium, cathode = node_named(main_window, "锂矿"), node_named(main_window, "正极材料")
    top_left = view_point(main_window, lithium.x - SEGMENT_WIDTH, lithium.y - SEGMENT_HEIGHT)
    bottom_right = view_point(main_window, cathode.x, cathode.y)
    drag(main_window, top_left, bottom_right)
    selection = set(main_window.document.selection)
    assert {("node", lithium.id), ("node", cathode.id)} <= selection
    assert all(kind != "node" or item_id in (lithium.id, cathode.id) for kind, item_id in selection)
    main_window.action_select_all.trigger()
    chain_map = main_window.document.chain_map
    nodes = {("node", n.id) for n in chain_map.nodes}
    assert nodes <= set(main_window.document.selection)
    # Ctrl-click takes one out again.
    click(main_window, centre_of(main_window, "锂矿"), Qt.KeyboardModifier.ControlModifier)
    assert ("node", lithium.id) not in main_window.document.selection
    assert main_window.document.undo_stack.count() == 0


def test_arrow_keys_nudge_in_one_merged_step(main_window) -> None:
    original = map_bytes(main_window)
    lithium = node_named(main_window, "锂矿")
    x0, y0 = lithium.x, lithium.y
    click(main_window, centre_of(main_window, "锂矿"))
    for _ in range(3):
        QTest.keyClick(main_window.canvas, Qt.Key.Key_Right)
    QTest.keyClick(main_window.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    node = main_window.document.chain_map.node(lithium.id)
    assert (node.x, node.y) == (x0 + 30, y0 + 1)
    assert main_window.document.undo_stack.count() == 1
    assert_back_to_start(main_window, original)


def test_add_note_next_to_selected_segment(main_window) -> None:
    original = map_bytes(main_window)
    battery = node_named(main_window, "动力电池")
    click(main_window, centre_of(main_window, "动力电池"))
    main_window.action_add_note.trigger()
    editor = main_window.canvas.editor
    assert editor is not None
    editor.setText("重点补链")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    (kind, note_id), = main_window.document.selection
    note = main_window.document.chain_map.note(note_id)
    assert kind == "note" and note.node == battery.id and note.text == "重点补链"
    assert abs(note.x - battery.x) < 300 and abs(note.y - battery.y) < 200
    # With nothing selected the note goes to the view's centre, unattached.
    QTest.keyClick(main_window.canvas, Qt.Key.Key_Escape)
    main_window.action_add_note.trigger()
    QTest.keyClick(main_window.canvas.editor, Qt.Key.Key_Escape)
    (_, other_id), = main_window.document.selection
    assert main_window.document.chain_map.note(other_id).node is None
    assert_back_to_start(main_window, original)


def test_link_selected_action(main_window) -> None:
    chain_map = main_window.document.chain_map
    chip, car = node_named(main_window, "车规级芯片"), node_named(main_window, "整车制造")
    main_window.canvas.select_refs([("node", chip.id), ("node", car.id)])
    main_window.action_link.trigger()
    assert chain_map.find_edge(chip.id, car.id) is not None
    main_window.canvas.select_refs([("node", chip.id), ("node", car.id)])
    main_window.action_link.trigger()
    assert "already a link" in main_window.statusBar().currentMessage()
    assert main_window.document.undo_stack.count() == 1


def test_zoom_wheel_keeps_point_under_cursor(main_window) -> None:
    canvas = main_window.canvas
    battery = node_named(main_window, "动力电池")
    anchor = centre_of(main_window, "动力电池")
    before = canvas.zoom_factor()
    from PySide6.QtCore import QPoint as _QPoint
    from PySide6.QtGui import QWheelEvent

    event = QWheelEvent(QPointF(anchor), QPointF(canvas.viewport().mapToGlobal(anchor)), _QPoint(0, 0),
                        _QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.zoom_factor() > before * 1.3
    under = canvas.mapToScene(anchor)
    assert abs(under.x() - battery.x) < 3 and abs(under.y() - battery.y) < 3
    main_window.action_zoom_actual.trigger()
    assert abs(canvas.zoom_factor() - 1.0) < 1e-6
    main_window.action_zoom_in.trigger()
    assert canvas.zoom_factor() == pytest.approx(1.25)
    main_window.action_zoom_out.trigger()
    assert canvas.zoom_factor() == pytest.approx(1.0)
    main_window.action_fit.trigger()
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    for node in main_window.document.chain_map.nodes:
        assert visible.contains(QPointF(node.x, node.y))
    click(main_window, centre_of(main_window, "锂矿"))
    main_window.action_zoom_selection.trigger()
    assert canvas.zoom_factor() > 1.0


def test_pan_with_middle_button_and_space(main_window) -> None:
    canvas = main_window.canvas
    main_window.action_zoom_actual.trigger()
    start = QPoint(400, 300)
    before = canvas.mapToScene(start)
    drag(main_window, start, start + QPoint(100, 50), button=Qt.MouseButton.MiddleButton)
    after = canvas.mapToScene(start)
    assert after.x() == pytest.approx(before.x() - 100, abs=2)
    assert after.y() == pytest.approx(before.y() - 50, abs=2)
    QTest.keyPress(canvas, Qt.Key.Key_Space)
    drag(main_window, start, start + QPoint(-40, 0))
    QTest.keyRelease(canvas, Qt.Key.Key_Space)
    assert canvas.mapToScene(start).x() == pytest.approx(after.x() + 40, abs=2)
    assert main_window.document.undo_stack.count() == 0


def test_focus_request_centres_the_item(main_window) -> None:
    canvas = main_window.canvas
    main_window.action_zoom_actual.trigger()
    canvas.centerOn(QPointF(-3000, -3000))
    service = node_named(main_window, "汽车金融与保险")
    main_window.document.request_focus([("node", service.id)])
    centre = canvas.mapToScene(canvas.viewport().rect().center())
    assert abs(centre.x() - service.x) < 5 and abs(centre.y() - service.y) < 5
    assert main_window.document.selection == [("node", service.id)]


def test_fold_toggle_click_folds(main_window) -> None:
    battery = node_named(main_window, "动力电池")
    item = main_window.scene.item_for("node", battery.id)
    toggle = item.mapToScene(item.toggle_rect().center())
    click(main_window, main_window.canvas.mapFromScene(toggle))
    assert main_window.scene.is_folded(battery.id)
    main_window.canvas.select_refs([("node", battery.id)])
    main_window.action_toggle_fold.trigger()
    assert not main_window.scene.is_folded(battery.id)
    assert main_window.document.undo_stack.count() == 0


def test_refused_drag_puts_items_back(main_window, monkeypatch) -> None:
    from chainmap.core.model import ModelError

    chain_map = main_window.document.chain_map
    lithium = node_named(main_window, "锂矿")
    item = main_window.scene.item_for("node", lithium.id)

    def refuse(*_args, **_kwargs):
        raise ModelError("Not now.")

    monkeypatch.setattr(chain_map, "update_node", refuse)
    start = centre_of(main_window, "锂矿")
    drag(main_window, start, start + QPoint(40, 40))
    assert main_window.statusBar().currentMessage() == "Not now."
    assert main_window.document.undo_stack.count() == 0
    assert (item.pos().x(), item.pos().y()) == (lithium.x, lithium.y)


def test_dragging_a_parent_takes_its_sub_segments_and_notes(main_window) -> None:
    original = map_bytes(main_window)
    chain_map = main_window.document.chain_map
    battery = node_named(main_window, "动力电池")
    y0 = battery.y
    children = {c: (chain_map.node(c).x, chain_map.node(c).y) for c in chain_map.descendants(battery.id)}
    notes = {n.id: (n.x, n.y) for n in chain_map.notes if n.node == battery.id}
    assert children and notes
    start = centre_of(main_window, "动力电池")
    scale = main_window.canvas.zoom_factor()
    drag(main_window, start, start + QPoint(0, round(-100 * scale)))
    dy = chain_map.node(battery.id).y - y0
    assert dy < -90
    for child, (x, y) in children.items():
        assert (chain_map.node(child).x, chain_map.node(child).y) == (x, round(y + dy, 1))
    for note_id, (x, y) in notes.items():
        assert (chain_map.note(note_id).x, chain_map.note(note_id).y) == (x, round(y + dy, 1))
    assert main_window.document.undo_stack.count() == 1
    assert_back_to_start(main_window, original)


def test_dragging_a_note_moves_it(main_window) -> None:
    original = map_bytes(main_window)
    canvas = main_window.canvas
    note = next(n for n in main_window.document.chain_map.notes
                if canvas.ref_at(QPointF(n.x, n.y)) == ("note", n.id))
    x0, y0 = note.x, note.y
    start = canvas.mapFromScene(QPointF(note.x, note.y))
    scale = main_window.canvas.zoom_factor()
    drag(main_window, start, start + QPoint(round(50 * scale), round(20 * scale)))
    assert abs(note.x - (x0 + 50)) < 2 and abs(note.y - (y0 + 20)) < 2
    assert main_window.document.undo_stack.count() == 1
    assert_back_to_start(main_window, original)
