"""The Conflicts dock: listing, resolving as one undo step (pick, type, keep, delete, merge),
canvas marks, focus, and near-match suggestions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from chainmap.core.format.serialize import dumps_map
from chainmap.core.model import ABSENT, Conflict, ConflictValue, Node
from chainmap.gui.document import Document
from chainmap.gui.merge.conflicts_dock import ConflictsDock
from chainmap.render.scene import MapScene

from .merge_helpers import (
    AUTOPILOT,
    POWER_CHIPS_BJ,
    POWER_CHIPS_TJ,
    ROADSIDE,
    SOLID_STATE,
    TELEMATICS,
    TELEMATICS_LINK,
    conflict_on,
    merged_window,
    vehicles_merge,
)
from .test_inspector import release

pytestmark = pytest.mark.gui

BJ_TEXT = "L2+至L4级自动驾驶软硬件解决方案，含感知、决策与控制"
TJ_TEXT = "自动驾驶感知、决策、控制系统及域控制器"


@pytest.fixture
def window(make_main_window):
    return merged_window(make_main_window)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def button_for(dock: ConflictsDock, caption_start: str):
    return next(button for caption, button in dock.choice_buttons() if caption.startswith(caption_start))


def test_lists_each_conflict_by_place_with_each_sources_value(window):
    dock = window.conflicts_dock
    rows = [dock.list.item(i).text() for i in range(dock.list.count())]
    assert rows == [
        "[edit] 自动驾驶系统 · description",
        "[delete] 车联网服务",
        "[edit] 固态电池 · name",
        "[edit] 车路协同路侧设备 · name",
        "[delete] 智能座舱 → 车联网服务",
    ]
    conflict = conflict_on(window, f"/nodes/{AUTOPILOT}/description")
    dock.select_conflict(conflict.id)
    choices = dock.choices(conflict)
    assert [(c, v) for c, v, _ in choices] == [
        ("CN-BJ (now)", BJ_TEXT), ("CN-TJ", TJ_TEXT), ("base", "感知、决策、控制软硬件一体的自动驾驶解决方案"),
    ]
    assert dock.typed.text() == BJ_TEXT  # the provisional value, to edit


def test_picking_a_value_is_one_undo_step(qtbot, window):
    dock, document = window.conflicts_dock, window.document
    chain_map = document.chain_map
    conflict = conflict_on(window, f"/nodes/{AUTOPILOT}/description")
    index = list(chain_map.conflicts).index(conflict)
    dock.select_conflict(conflict.id)
    steps = document.undo_stack.count()
    click(qtbot, button_for(dock, "CN-TJ"))
    assert chain_map.node(AUTOPILOT).description == TJ_TEXT
    assert conflict.id not in [c.id for c in chain_map.conflicts]
    assert conflict.id not in dock.conflict_ids()
    assert document.undo_stack.count() == steps + 1
    window.action_undo.trigger()
    assert chain_map.node(AUTOPILOT).description == BJ_TEXT
    assert chain_map.conflicts[index].id == conflict.id
    dock.refresh()
    assert conflict.id in dock.conflict_ids()
    window.action_redo.trigger()
    assert chain_map.node(AUTOPILOT).description == TJ_TEXT


def test_typing_a_value_for_a_text_field(qtbot, window):
    dock, chain_map = window.conflicts_dock, window.document.chain_map
    conflict = conflict_on(window, f"/nodes/{SOLID_STATE}/name")
    dock.select_conflict(conflict.id)
    # keyClicks cannot type hanzi (QTest asserts on non-ASCII): set the text, press Return.
    dock.typed.setText("全固态电池")
    qtbot.keyClick(dock.typed, Qt.Key.Key_Return)
    assert chain_map.node(SOLID_STATE).name == "全固态电池"
    assert conflict.id not in [c.id for c in chain_map.conflicts]
    window.action_undo.trigger()
    assert chain_map.node(SOLID_STATE).name == "固态电池"


def test_a_typed_value_is_json_where_it_parses_and_the_model_may_refuse(qtbot):
    from chainmap.core.model import ChainMap, Region, Tier

    chain_map = ChainMap("m", "图", "链", regions=[Region("CN-BJ", "北京")], tiers=[Tier("up", "上游")])
    chain_map.add_node(Node("n-a", "甲", "up", tags=["x"], x=0, y=0))
    chain_map.add_conflict(Conflict("c-tags", "edit", "/nodes/n-a/tags",
                                    [ConflictValue("CN-BJ", ["x"]), ConflictValue("CN-TJ", ["y"])]))
    chain_map.add_conflict(Conflict("c-name", "edit", "/nodes/n-a/name",
                                    [ConflictValue("CN-BJ", "甲"), ConflictValue("CN-TJ", "乙")]))
    document = Document(chain_map)
    dock = ConflictsDock(document)
    qtbot.addWidget(dock)
    try:
        dock.select_conflict("c-tags")
        dock.typed.setText('["x", "z"]')
        assert dock.apply_typed()
        assert chain_map.node("n-a").tags == ["x", "z"]
        dock.select_conflict("c-name")
        dock.typed.setText("  ")  # no name: the model refuses, the dock says why
        assert not dock.apply_typed()
        assert "name" in dock.error.text() and not dock.error.isHidden()
        assert [c.id for c in chain_map.conflicts] == ["c-name"]
        assert document.undo_stack.count() == 1
    finally:
        dock.set_document(None)
        release(document)


def test_delete_conflict_keep(qtbot, window):
    dock, document = window.conflicts_dock, window.document
    conflict = conflict_on(window, f"/nodes/{TELEMATICS}")
    dock.select_conflict(conflict.id)
    captions = [caption for caption, _ in dock.choice_buttons()]
    assert captions == ["kept by CN-BJ (unchanged), CN-TJ (changed it)", "deleted by CN-HE"]
    before = dumps_map(document.chain_map)
    click(qtbot, button_for(dock, "kept by"))
    assert document.chain_map.has_node(TELEMATICS)
    assert len(document.chain_map.conflicts) == 4
    window.action_undo.trigger()
    assert dumps_map(document.chain_map) == before


def test_delete_conflict_delete_takes_the_moot_link_conflict_along(qtbot, window):
    dock, document = window.conflicts_dock, window.document
    chain_map = document.chain_map
    conflict = conflict_on(window, f"/nodes/{TELEMATICS}")
    dock.select_conflict(conflict.id)
    before, steps = dumps_map(chain_map), document.undo_stack.count()
    click(qtbot, button_for(dock, "deleted by"))
    assert not chain_map.has_node(TELEMATICS) and not chain_map.has_edge(TELEMATICS_LINK)
    # The link's own delete conflict had nothing left to decide: gone in the same step.
    assert [c.path for c in chain_map.conflicts] == [
        f"/nodes/{AUTOPILOT}/description", f"/nodes/{SOLID_STATE}/name", f"/nodes/{ROADSIDE}/name"]
    assert document.undo_stack.count() == steps + 1
    window.action_undo.trigger()
    assert dumps_map(chain_map) == before


def test_canvas_marks_conflicted_items_and_follows_resolution(qtbot, window):
    scene, dock = window.scene, window.conflicts_dock
    expected = {("node", AUTOPILOT), ("node", TELEMATICS), ("node", SOLID_STATE), ("node", ROADSIDE),
                ("edge", TELEMATICS_LINK)}
    assert scene.marked("conflict") == expected
    assert "conflict" in scene.item_for("node", AUTOPILOT)._marks
    assert "conflict" in scene.item_for("edge", TELEMATICS_LINK)._marks
    dock.resolve(conflict_on(window, f"/nodes/{AUTOPILOT}/description").id, TJ_TEXT)
    assert ("node", AUTOPILOT) not in scene.marked("conflict")
    assert "conflict" not in scene.item_for("node", AUTOPILOT)._marks
    window.action_undo.trigger()
    assert ("node", AUTOPILOT) in scene.marked("conflict")
    assert "conflict" in scene.item_for("node", AUTOPILOT)._marks


def test_selecting_a_conflict_centres_on_its_item(qtbot, window):
    dock, document = window.conflicts_dock, window.document
    conflict = conflict_on(window, f"/nodes/{ROADSIDE}/name")
    with qtbot.waitSignal(document.focus_requested) as blocker:
        dock.select_conflict(conflict.id)
    assert blocker.args == [[("node", ROADSIDE)]]
    assert document.selection == [("node", ROADSIDE)]
    item = window.scene.item_for("node", ROADSIDE)
    visible = window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect()
    assert visible.contains(item.sceneBoundingRect().center())


def test_merging_suggested_segments_is_one_undo_step(qtbot, window):
    dock, document = window.conflicts_dock, window.document
    chain_map = document.chain_map
    [suggestion] = dock.suggestions()
    assert {suggestion.a, suggestion.b} == {POWER_CHIPS_BJ, POWER_CHIPS_TJ} and suggestion.score > 0.8
    before, steps = dumps_map(chain_map), document.undo_stack.count()
    dock.suggestion_list.setCurrentRow(0)
    keep_first = suggestion.a == POWER_CHIPS_BJ
    click(qtbot, dock.merge_a if keep_first else dock.merge_b)  # keep 车用功率半导体
    assert chain_map.has_node(POWER_CHIPS_BJ) and not chain_map.has_node(POWER_CHIPS_TJ)
    assert "功率半导体" in chain_map.node(POWER_CHIPS_BJ).aliases
    targets = {chain_map.node(e.target).name for e in chain_map.edges_of(POWER_CHIPS_BJ)}
    assert {"电控系统", "驱动电机"} <= targets  # the merged-away segment's link moved over
    assert document.undo_stack.count() == steps + 1
    assert dock.suggestions() == []
    window.action_undo.trigger()
    assert dumps_map(chain_map) == before
    assert len(dock.suggestions()) == 1
    window.action_redo.trigger()
    assert not chain_map.has_node(POWER_CHIPS_TJ)


def test_find_similar_segments_on_the_map_as_it_is(qtbot, window):
    dock = window.conflicts_dock
    dock.set_suggestions([])
    assert dock.suggestion_list.count() == 0
    click(qtbot, dock.find_button)
    pairs = {frozenset((s.a, s.b)) for s in dock.suggestions()}
    assert frozenset((POWER_CHIPS_BJ, POWER_CHIPS_TJ)) in pairs
    assert dock.suggestion_list.count() == len(pairs)


def test_duplicate_conflict_merge_or_keep_both(qtbot):
    result = vehicles_merge()
    chain_map = result.map
    chain_map.add_conflict(Conflict("c-dup", "duplicate", f"/nodes/{POWER_CHIPS_BJ}", [
        ConflictValue("CN-BJ", POWER_CHIPS_BJ), ConflictValue("CN-TJ", POWER_CHIPS_TJ)]))
    document = Document(chain_map)
    dock = ConflictsDock(document)
    qtbot.addWidget(dock)
    try:
        dock.select_conflict("c-dup")
        captions = [caption for caption, _ in dock.choice_buttons()]
        assert captions == ["CN-BJ: 车用功率半导体", "CN-TJ: 功率半导体", "They are different segments"]
        before = dumps_map(chain_map)
        click(qtbot, button_for(dock, "CN-TJ"))  # merge into 功率半导体
        assert chain_map.has_node(POWER_CHIPS_TJ) and not chain_map.has_node(POWER_CHIPS_BJ)
        assert "c-dup" not in [c.id for c in chain_map.conflicts]
        assert document.undo_stack.count() == 1
        document.undo_stack.undo()
        assert dumps_map(chain_map) == before
        dock.refresh()
        dock.select_conflict("c-dup")
        click(qtbot, button_for(dock, "They are"))
        assert chain_map.has_node(POWER_CHIPS_TJ) and chain_map.has_node(POWER_CHIPS_BJ)
        assert "c-dup" not in [c.id for c in chain_map.conflicts]
    finally:
        dock.set_document(None)
        release(document)


def test_a_conflict_about_a_gone_item_is_dropped(qtbot):
    result = vehicles_merge()
    chain_map = result.map
    chain_map.add_conflict(Conflict("c-gone", "edit", "/nodes/n-nowhere/name",
                                    [ConflictValue("CN-BJ", "甲"), ConflictValue("CN-TJ", ABSENT)]))
    document = Document(chain_map)
    dock = ConflictsDock(document)
    qtbot.addWidget(dock)
    try:
        assert dock.resolve("c-gone", "甲")
        assert "c-gone" not in [c.id for c in chain_map.conflicts]
    finally:
        dock.set_document(None)
        release(document)


def test_canvas_marks_every_segment_of_a_duplicate_group_the_dock_lists(qtbot):
    # The scene on its own (an export, or the canvas before the dock has run) reads the
    # conflicts itself: it must mark the same items the dock lists and focuses.
    chain_map = vehicles_merge().map
    chain_map.add_conflict(Conflict("c-dup", "duplicate", f"/nodes/{POWER_CHIPS_BJ}", [
        ConflictValue("CN-BJ", POWER_CHIPS_BJ), ConflictValue("CN-TJ", POWER_CHIPS_TJ)]))
    document = Document(chain_map)
    dock = ConflictsDock(document)
    qtbot.addWidget(dock)
    scene = MapScene(chain_map)
    try:
        with qtbot.waitSignal(document.focus_requested) as blocker:
            dock.select_conflict("c-dup")
        listed = set(blocker.args[0])
        assert listed == {("node", POWER_CHIPS_BJ), ("node", POWER_CHIPS_TJ)}
        for kind, item_id in listed:
            assert "conflict" in scene.item_for(kind, item_id)._marks
    finally:
        scene.dispose()
        dock.set_document(None)
        release(document)
