"""The inspector edits each field of a segment as one undo step, and reverts what the model
refuses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from chainmap.core.model import ChainMap, Edge, Enterprise, Flow, Node, Note, Plan, Region, RegionEntry, Tier
from chainmap.gui.document import Document
from chainmap.gui.inspector.dock import InspectorDock

pytestmark = pytest.mark.gui


def build_map() -> ChainMap:
    """Three regions, three tiers, a battery chain with facts, a link with a flow, a note."""
    chain_map = ChainMap(
        "map-test-1",
        "测试图谱",
        "新能源和智能网联汽车",
        lead="CN-BJ",
        regions=[Region("CN-BJ", "北京", "#D9412B"), Region("CN-TJ", "天津", "#2B6CD9"),
                 Region("CN-HE", "河北", "#2E9E5B")],
        tiers=[Tier("up", "上游"), Tier("mid", "中游"), Tier("down", "下游")],
    )
    chain_map.add_node(Node("n-lithium", "锂矿", "up", x=0, y=0, regions={
        "CN-BJ": RegionEntry("gap"), "CN-TJ": RegionEntry("gap"), "CN-HE": RegionEntry("weak"),
    }))
    chain_map.add_node(Node("n-battery", "动力电池", "mid", kind="product", aliases=["电池"], x=300, y=0, regions={
        "CN-BJ": RegionEntry("weak", plan=Plan("strengthen", "high", ["示例电池企业"], "北京市经信局", "2026-06")),
        "CN-TJ": RegionEntry("strong", [Enterprise("示例天津电池有限公司", marks=["leader"], city="天津")]),
    }))
    chain_map.add_node(Node("n-cell", "电芯", "mid", parent="n-battery", x=300, y=80))
    chain_map.add_node(Node("n-car", "整车制造", "down", x=600, y=0, regions={"CN-BJ": RegionEntry("strong")}))
    chain_map.add_edge(Edge("e-bat-car", "n-battery", "n-car", label="电池包",
                            flows=[Flow("CN-TJ", "CN-BJ", "天津电池配套北京整车")]))
    chain_map.add_edge(Edge("e-li-bat", "n-lithium", "n-battery"))
    chain_map.add_note(Note("note-1", "示例注释", 100, 200, node="n-battery"))
    return chain_map


def release(document: Document) -> None:
    """Clear the undo stack while the document is alive: a stack destroyed unclean emits
    cleanChanged into a document already half gone."""
    document.undo_stack.clear()


@pytest.fixture
def document():
    doc = Document(build_map())
    yield doc
    release(doc)


@pytest.fixture
def dock(qtbot, document: Document) -> InspectorDock:
    widget = InspectorDock(document)
    qtbot.addWidget(widget)
    return widget


def select_battery(document: Document, dock: InspectorDock):
    document.set_selection([("node", "n-battery")])
    assert dock.stack.currentWidget() is dock.segment_page
    return dock.segment_page


def commit_line(edit, text: str) -> None:
    edit.setText(text)
    edit.editingFinished.emit()


def pick(combo, value) -> None:
    value_at = getattr(combo, "value_at", combo.itemData)  # the parent chooser holds its values apart
    index = next(i for i in range(combo.count()) if value_at(i) == value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def check_one_step_and_undo(document: Document, read, new, old, steps_before: int) -> None:
    assert read() == new
    assert document.undo_stack.count() == steps_before + 1
    document.undo_stack.undo()
    assert read() == old
    document.undo_stack.redo()
    assert read() == new


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("name", "动力电池系统", "动力电池系统"),
        ("aliases", "电池包、 电池系统, 储能电池", ["电池包", "电池系统", "储能电池"]),
        ("tags", "核心, 重点", ["核心", "重点"]),
    ],
)
def test_segment_text_fields(document, dock, field, text, expected):
    page = select_battery(document, dock)
    node = document.chain_map.node("n-battery")
    old = getattr(node, field)
    commit_line(getattr(page, field), text)
    check_one_step_and_undo(document, lambda: getattr(node, field), expected, old, 0)
    assert document.undo_stack.undoText().startswith(("Edit", "Rename"))
    assert "动力电池" in document.undo_stack.undoText()


def test_kind_description_tier_parent(document, dock):
    page = select_battery(document, dock)
    node = document.chain_map.node("n-battery")
    # A kind from the list, then a free kind typed in.
    pick(page.kind, "component")
    check_one_step_and_undo(document, lambda: node.kind, "component", "product", 0)
    page.kind.setEditText("储能系统")
    page.kind.lineEdit().editingFinished.emit()
    assert node.kind == "储能系统"
    page.description.setPlainText("电芯、模组与电池包")
    page.description.commit()
    check_one_step_and_undo(document, lambda: node.description, "电芯、模组与电池包", None, 2)
    pick(page.tier, "down")
    assert node.tier == "down"
    # The segment's own sub-segment is not offered as its parent; every other segment is, once
    # the chooser is opened (it lists the map's segments only then).
    page.parent_node.showPopup()
    assert {page.parent_node.value_at(i) for i in range(page.parent_node.count())} == {None, "n-lithium", "n-car"}
    page.parent_node.hidePopup()
    pick(page.parent_node, "n-car")
    assert node.parent == "n-car"
    document.undo_stack.undo()
    assert node.parent is None


def test_typing_commits_on_return_not_per_keystroke(qtbot, document, dock):
    page = select_battery(document, dock)
    page.name.clear()
    # QTest types ASCII only.
    qtbot.keyClicks(page.name, "Battery pack")
    assert document.chain_map.node("n-battery").name == "动力电池"
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert document.chain_map.node("n-battery").name == "Battery pack"
    assert document.undo_stack.count() == 1


def test_status_per_region_and_no_entry(document, dock):
    page = select_battery(document, dock)
    node = document.chain_map.node("n-battery")
    editor = page.region_editors["CN-HE"]
    pick(editor.status, "present")
    assert node.regions["CN-HE"].status == "present"
    assert document.undo_stack.undoText() == "Set 河北 status of 动力电池"
    assert list(node.regions) == ["CN-BJ", "CN-TJ", "CN-HE"]
    pick(page.region_editors["CN-TJ"].status, "-")
    assert "CN-TJ" not in node.regions
    document.undo_stack.undo()
    assert node.regions["CN-TJ"].enterprises[0].name == "示例天津电池有限公司"
    # The inspector shows the model again after undo.
    assert page.region_editors["CN-TJ"].status.currentData() == "strong"
    document.undo_stack.undo()
    assert "CN-HE" not in node.regions
    assert page.region_editors["CN-HE"].status.currentData() == "-"


def test_enterprises_add_edit_remove(document, dock):
    page = select_battery(document, dock)
    node = document.chain_map.node("n-battery")
    table = page.region_editors["CN-TJ"].enterprises
    table.add_enterprise()
    assert [e.name for e in node.regions["CN-TJ"].enterprises] == ["示例天津电池有限公司", "New enterprise"]
    table.table.item(1, 0).setText("示例电池材料公司")
    table.table.item(1, 1).setText("链主, 上市, 本地配套")
    table.table.item(1, 2).setText("滨海新区")
    table.table.item(1, 3).setText("91120116MA05XXXXXZ")
    table.table.item(1, 4).setText("示例")
    firm = node.regions["CN-TJ"].enterprises[1]
    assert firm == Enterprise("示例电池材料公司", "91120116MA05XXXXXZ", ["chain-leader", "listed", "本地配套"],
                              "滨海新区", "示例")
    assert document.undo_stack.count() == 6
    # Marks show in Chinese; the credit code that is not of the USCC alphabet warns.
    assert table.table.item(1, 1).text() == "链主, 上市, 本地配套"
    assert "Z" in table.table.item(1, 3).toolTip()
    table.table.selectRow(0)
    table.remove_selected()
    assert [e.name for e in node.regions["CN-TJ"].enterprises] == ["示例电池材料公司"]
    assert document.undo_stack.undoText() == "Remove 天津 enterprise from 动力电池"
    for _ in range(7):
        document.undo_stack.undo()
    assert [e.name for e in node.regions["CN-TJ"].enterprises] == ["示例天津电池有限公司"]
    assert table.table.rowCount() == 1


def test_enterprise_in_region_without_entry_creates_one(document, dock):
    page = select_battery(document, dock)
    page.region_editors["CN-HE"].enterprises.add_enterprise()
    entry = document.chain_map.node("n-battery").regions["CN-HE"]
    assert entry.status == "unknown" and entry.enterprises[0].name == "New enterprise"


def test_plan_fields(document, dock):
    page = select_battery(document, dock)
    node = document.chain_map.node("n-battery")
    editor = page.region_editors["CN-BJ"]
    pick(editor.action, "fill")
    pick(editor.priority, "low")
    commit_line(editor.targets, "甲公司，乙项目")
    commit_line(editor.owner, "北京市招商局")
    commit_line(editor.due, "2027-03-31")
    commit_line(editor.plan_note, "联合招商")
    assert node.regions["CN-BJ"].plan == Plan("fill", "low", ["甲公司", "乙项目"], "北京市招商局", "2027-03-31",
                                              "联合招商")
    assert document.undo_stack.count() == 6
    editor.remove_plan()
    assert node.regions["CN-BJ"].plan is None
    assert editor.add_plan_button.isVisibleTo(editor) and not editor.plan_form.isVisibleTo(editor)
    document.undo_stack.undo()
    assert node.regions["CN-BJ"].plan.owner == "北京市招商局"
    for _ in range(6):
        document.undo_stack.undo()
    assert node.regions["CN-BJ"].plan == Plan("strengthen", "high", ["示例电池企业"], "北京市经信局", "2026-06")
    # A gap gets a "fill" plan by default.
    page.region_editors["CN-TJ"].add_plan()
    assert node.regions["CN-TJ"].plan == Plan("strengthen", "medium")
    document.set_selection([("node", "n-lithium")])
    dock.segment_page.region_editors["CN-BJ"].add_plan()
    assert document.chain_map.node("n-lithium").regions["CN-BJ"].plan == Plan("fill", "medium")


def test_region_note(document, dock):
    page = select_battery(document, dock)
    node = document.chain_map.node("n-battery")
    note = page.region_editors["CN-TJ"].note
    note.setPlainText("天津基础较好")
    note.commit()
    check_one_step_and_undo(document, lambda: node.regions["CN-TJ"].note, "天津基础较好", None, 0)
    assert document.undo_stack.undoText() == "Edit 天津 note of 动力电池"


def test_refused_values_revert_and_say_why(qtbot, document, dock):
    page = select_battery(document, dock)
    node = document.chain_map.node("n-battery")
    with qtbot.waitSignal(document.status_message) as blocker:
        commit_line(page.name, "   ")
    assert node.name == "动力电池" and page.name.text() == "动力电池"
    assert "name" in blocker.args[0]
    assert dock.error_label.text() == blocker.args[0] and not dock.error_label.isHidden()
    editor = page.region_editors["CN-BJ"]
    commit_line(editor.due, "2026-13")
    assert node.regions["CN-BJ"].plan.due == "2026-06"
    assert editor.due.text() == "2026-06"
    assert "2026-13" in dock.error_label.text()
    table = page.region_editors["CN-TJ"].enterprises.table
    table.item(0, 0).setText("")
    assert node.regions["CN-TJ"].enterprises[0].name == "示例天津电池有限公司"
    assert table.item(0, 0).text() == "示例天津电池有限公司"
    assert document.undo_stack.count() == 0
    # The next accepted edit clears the message.
    commit_line(page.tags, "重点")
    assert dock.error_label.isHidden()


def test_follows_model_changes_from_elsewhere(document, dock):
    page = select_battery(document, dock)
    document.chain_map.update_node("n-battery", name="电池")
    assert page.name.text() == "电池"
    document.chain_map.add_region(Region("CN-SD", "山东", "#7E57C2"))
    assert list(page.region_editors) == ["CN-BJ", "CN-TJ", "CN-HE", "CN-SD"]
    document.chain_map.remove_node("n-battery")
    assert dock.stack.currentWidget() is dock.summary_page


def test_pending_edit_goes_to_the_item_it_was_typed_for(qtbot, document, dock):
    dock.show()
    dock.activateWindow()
    qtbot.waitUntil(dock.isActiveWindow)
    page = select_battery(document, dock)
    page.tags.setFocus()
    page.tags.setText("重点")
    assert QApplication.focusWidget() is page.tags
    document.set_selection([("node", "n-car")])
    assert document.chain_map.node("n-battery").tags == ["重点"]
    assert document.chain_map.node("n-car").tags == []
    assert page.name.text() == "整车制造"


def test_closed_inspector_leaves_no_listener_or_window(qtbot, document):
    before = set(QApplication.topLevelWidgets())
    dock = InspectorDock(document)
    events = document.chain_map.events
    assert len(events.node_changed) == 1
    document.set_selection([("node", "n-battery")])
    dialog = dock.open_map_properties()
    assert dialog is not None and dialog.parent() is dock
    dialog.reject()
    dock.close()
    dock.deleteLater()
    qtbot.waitUntil(lambda: len(events.node_changed) == 0)
    QApplication.sendPostedEvents(None, 0)
    assert set(QApplication.topLevelWidgets()) <= before


def test_edit_in_progress_survives_other_changes(document, dock):
    page = select_battery(document, dock)
    page.tags.setText("进行中")
    document.chain_map.update_node("n-battery", description="别处的修改")
    assert page.tags.text() == "进行中"
    assert page.description.toPlainText() == "别处的修改"
    page.tags.editingFinished.emit()
    assert document.chain_map.node("n-battery").tags == ["进行中"]
    # The same list spelled differently is no edit, and shows as usual.
    commit_line(page.aliases, "电池、")
    assert page.aliases.text() == "电池"
    assert document.undo_stack.count() == 1
