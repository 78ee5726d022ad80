"""No hidden segments, and new boxes never on another: segments without a position are placed
when a map is opened (one undo step, said in the status bar, the file untouched until saved),
GUI and command-line exports draw the same boxes, and a segment added by double-click, the
toolbar or a paste goes to the nearest free spot in its tier."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from chainmap.core.format.fileio import load_map, save_map
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH, own_box
from chainmap.core.model import ChainMap, Edge, Node, Note, Region, Tier
from chainmap.gui import settings
from chainmap.gui.dialogs.export import ExportDialog
from tests.cli.helpers import run_chainmap

from .editor_helpers import double_click, map_bytes, node_named

pytestmark = pytest.mark.gui

NAMES = ["锂矿", "正极材料", "负极材料", "电解液", "隔膜", "电芯", "电池包", "电机", "整车"]


def unplaced_map(count: int = 9, positioned: int = 1) -> ChainMap:
    """A valid map of ``count`` segments over three tiers, only the first ``positioned`` with x/y."""
    chain_map = ChainMap("m-unplaced", "无位置图谱", "新能源汽车", regions=[Region("CN-BJ", "北京")],
                         tiers=[Tier("up", "上游"), Tier("mid", "中游"), Tier("down", "下游")])
    tiers = ["up", "mid", "down"]
    for i in range(count):
        name = NAMES[i] if i < len(NAMES) else f"环节{i}"
        where = {"x": 120.0, "y": 140.0} if i < positioned else {}
        chain_map.add_node(Node(f"n{i}", name, tiers[min(i * 3 // count, 2)], **where))
    for i in range(count - 1):
        if chain_map.node(f"n{i}").tier != chain_map.node(f"n{i + 1}").tier or i % 4 == 0:
            chain_map.add_edge(Edge(f"e{i}", f"n{i}", f"n{i + 1}"))
    return chain_map


@pytest.fixture
def unplaced_file(tmp_path: Path) -> Path:
    path = tmp_path / "unplaced.chainmap.json"
    save_map(unplaced_map(), path)
    assert sum("x" in n for n in json.loads(path.read_text("utf-8"))["nodes"]) == 1
    return path


def visible_nodes(window) -> set[str]:
    return {node_id for node_id, item in window.scene.items_of("node").items() if item.isVisible()}


def assert_all_placed(window, path: Path, before: bytes) -> None:
    chain_map = window.document.chain_map
    assert window.document.path == path and len(chain_map.nodes) == 9
    assert all(n.x is not None and n.y is not None for n in chain_map.nodes)
    assert visible_nodes(window) == {n.id for n in chain_map.nodes}
    assert "Placed 8 segments that had no position" in window.statusBar().currentMessage()
    assert window.isWindowModified()
    assert path.read_bytes() == before  # not rewritten until the user saves


def test_opening_places_every_segment_as_one_undo_step(make_main_window, unplaced_file) -> None:
    before = unplaced_file.read_bytes()
    window = make_main_window()
    assert window.files.open_file(unplaced_file)
    assert_all_placed(window, unplaced_file, before)
    # The same places as the command line's --only-new.
    done = run_chainmap("layout", str(unplaced_file), "--only-new", "-o", str(unplaced_file.with_name("cli.json")))
    assert done.returncode == 0, done.stderr
    cli = load_map(unplaced_file.with_name("cli.json")).map
    assert {n.id: (n.x, n.y) for n in cli.nodes} == {n.id: (n.x, n.y) for n in window.document.chain_map.nodes}
    assert window.document.undo_stack.count() == 1
    window.action_undo.trigger()
    assert visible_nodes(window) == {"n0"} and not window.isWindowModified()
    window.action_redo.trigger()
    assert len(visible_nodes(window)) == 9
    # Select all takes every box; the gaps list's "show me" centres on one that had no place.
    window.action_select_all.trigger()
    assert {r[1] for r in window.document.selection if r[0] == "node"} == {f"n{i}" for i in range(9)}
    window.document.request_focus([("node", "n8")])
    visible = window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect()
    node = window.document.chain_map.node("n8")
    assert visible.contains(QRectF(node.x - 20, node.y - 20, 40, 40))
    # Saving writes the places.
    window.action_save.trigger()
    assert all("x" in n for n in json.loads(unplaced_file.read_text("utf-8"))["nodes"])


def test_every_way_of_opening_places_them(make_main_window, unplaced_file, qtbot) -> None:
    before = unplaced_file.read_bytes()
    window = make_main_window()
    settings.add_recent_file(unplaced_file)
    assert window.files.open_recent(str(unplaced_file))
    assert_all_placed(window, unplaced_file, before)
    # Revert goes back to the file, and places again.
    window.files.ask_revert = lambda: True
    assert window.files.revert()
    assert_all_placed(window, unplaced_file, before)
    # A dropped file.
    window.files.ask_save_changes = lambda: "discard"
    window.set_document(window.make_document(ChainMap("x", "x", "x", tiers=[Tier("t", "t")]), None))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(unplaced_file))])
    viewport = window.canvas.viewport()
    QApplication.sendEvent(viewport, QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                                                     Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert_all_placed(window, unplaced_file, before)
    # A merge result and a map handed to a new window.
    from chainmap.core.merge.engine import MergeInput, merge_maps

    result = merge_maps([MergeInput(load_map(unplaced_file).map, "a.json"),
                         MergeInput(load_map(unplaced_file).map, "b.json")])
    window.files.ask_save_changes = lambda: "discard"
    window.document.undo_stack.setClean()
    merged = window.merge_ui.open_merge_result(result)
    assert merged is window
    assert len(visible_nodes(window)) == 9
    other = make_main_window(chain_map=unplaced_map())
    assert len(visible_nodes(other)) == 9 and other.isWindowModified()


def test_a_file_opened_on_the_command_line_shows_every_box(tmp_path, unplaced_file) -> None:
    placed = tmp_path / "placed.chainmap.json"
    assert run_chainmap("layout", str(unplaced_file), "--only-new", "-o", str(placed)).returncode == 0
    shots = []
    for source in (unplaced_file, placed):
        shot = tmp_path / f"{source.stem}.png"
        done = run_chainmap("edit", str(source), "--screenshot", str(shot), "--size", "1200x800", timeout=180)
        assert done.returncode == 0, done.stderr
        shots.append(QImage(str(shot)))
    # The canvases match: the unpositioned file opens showing what the positioned one shows.
    a, b = shots
    canvas_rows = range(80, 560)  # below the toolbar, above the docks and the status bar
    differing = sum(a.pixel(x, y) != b.pixel(x, y) for y in canvas_rows[::4] for x in range(0, 900, 4))
    assert differing / (len(canvas_rows[::4]) * 225) < 0.01


def test_gui_and_command_line_exports_draw_the_same_boxes(make_main_window, unplaced_file, tmp_path) -> None:
    from tests.gui.test_export_dialog import differing, svg_text

    window = make_main_window(unplaced_file)
    for fmt in ("png", "svg"):
        dialog = window.open_export_dialog()
        assert isinstance(dialog, ExportDialog)
        dialog.set_path(tmp_path / f"gui.{fmt}")
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
        dialog.dpi_spin.setValue(150)
        assert dialog.export() is not None
        done = run_chainmap("export", str(unplaced_file), "-o", str(tmp_path / f"cli.{fmt}"), "--dpi", "150")
        assert done.returncode == 0, done.stderr
    gui_text, cli_text = svg_text(tmp_path / "gui.svg"), svg_text(tmp_path / "cli.svg")
    for name in NAMES:
        assert name in gui_text and name in cli_text
    assert QImage(str(tmp_path / "gui.png")).size() == QImage(str(tmp_path / "cli.png")).size()
    assert differing(tmp_path / "gui.png", tmp_path / "cli.png") < 0.002


def test_a_3000_segment_map_without_positions_opens_with_every_box(make_main_window, tmp_path) -> None:
    path = tmp_path / "big.chainmap.json"
    save_map(unplaced_map(3000, positioned=0), path)
    window = make_main_window(path)
    assert len(visible_nodes(window)) == 3000
    boxes = [own_box(n.x, n.y) for n in window.document.chain_map.nodes]
    rows: dict[float, list] = {}
    for box in boxes:
        rows.setdefault(box.left, []).append(box)
    for column in rows.values():  # no two boxes of a column on each other
        column.sort(key=lambda b: b.top)
        assert all(a.bottom <= b.top for a, b in zip(column, column[1:], strict=False))
    assert "Placed 3000 segments" in window.statusBar().currentMessage()


# ----------------------------------------------------------------- new boxes
def frames_clear(window, node_id: str) -> bool:
    scene = window.scene
    mine = scene.segment_frame(node_id)
    others = [scene.segment_frame(n.id) for n in window.document.chain_map.nodes
              if n.parent is None and n.id != node_id]
    notes = [item.overview() for item in scene.items_of("note").values()]
    return not any(mine.intersects(r) for r in others + notes)


def test_a_double_click_beside_a_box_adds_one_clear_of_it(main_window) -> None:
    window = main_window
    target = node_named(window, "动力电池")
    frame = window.scene.segment_frame(target.id)
    # Just beside its frame, on empty canvas: a box centred there would cover part of it.
    window.canvas.centerOn(frame.center())
    candidates = [QPointF(frame.center().x() + dx, y) for y in (frame.bottom() + 12, frame.top() - 12)
                  for dx in (0, -40, 40)]
    candidates += [QPointF(x, frame.center().y()) for x in (frame.right() + 20, frame.left() - 20)]
    spot = next(p for p in candidates if window.canvas.ref_at(p) is None)
    assert own_box(spot.x(), spot.y()).intersects(own_box(target.x, target.y)) or \
        QRectF(spot.x() - 84, spot.y() - 32, 168, 64).intersects(frame)
    tier = window.scene.tier_at(spot.x())
    double_click(window, window.canvas.mapFromScene(spot))
    (ref,) = window.document.selection
    node = window.document.chain_map.node(ref[1])
    assert frames_clear(window, node.id)
    assert node.tier == tier and window.scene.tier_at(node.x) == tier
    # Near where it was asked for (the tier is crowded there, and links are kept clear).
    assert abs(node.x - spot.x()) + abs(node.y - spot.y()) < 2 * (SEGMENT_WIDTH + SEGMENT_HEIGHT)


def test_a_double_click_beside_a_note_keeps_off_it(make_main_window) -> None:
    chain_map = unplaced_map(3, positioned=0)
    for i, node in enumerate(chain_map.nodes):
        chain_map.update_node(node.id, x=200.0 + 400 * i, y=200.0)
    chain_map.add_note(Note("t1", "一条注释\n第二行", 200.0, 420.0))
    window = make_main_window(chain_map=chain_map)
    note_rect = window.scene.items_of("note")["t1"].overview()
    spot = QPointF(note_rect.center().x() + 10, note_rect.bottom() + 10)
    window.canvas.centerOn(spot)
    double_click(window, window.canvas.mapFromScene(spot))
    (ref,) = window.document.selection
    assert frames_clear(window, ref[1])


def test_the_toolbar_adds_at_the_nearest_free_spot_to_the_view_centre(main_window) -> None:
    window = main_window
    target = node_named(window, "动力电池")
    window.canvas.centerOn(QPointF(target.x, target.y))
    for auto_place in (False, True, False):  # whether or not the layout places new segments
        window.action_auto_place.setChecked(auto_place)
        window.action_add_segment.trigger()
        window.canvas.close_editor(commit=False)
        (ref,) = window.document.selection
        node = window.document.chain_map.node(ref[1])
        assert frames_clear(window, node.id)
        assert node.tier == target.tier


def test_paste_and_duplicate_never_land_on_a_box(main_window) -> None:
    window = main_window
    original = map_bytes(window)
    target = node_named(window, "电芯")
    window.canvas.select_refs([("node", target.id)])
    window.action_copy.trigger()
    for action in (window.action_paste, window.action_paste, window.action_duplicate):
        window.canvas.select_refs([("node", target.id)])
        action.trigger()
        pasted = [r[1] for r in window.document.selection if r[0] == "node"]
        assert pasted and all(frames_clear(window, n) for n in pasted
                              if window.document.chain_map.node(n).parent is None)
        assert window.document.chain_map.node(pasted[0]).tier == target.tier
    for _ in range(3):
        window.action_undo.trigger()
    assert map_bytes(window) == original
