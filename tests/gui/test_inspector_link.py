"""The inspector's link, note, tier, multi-selection and summary pages."""

from __future__ import annotations

import pytest

from chainmap.core.model import Flow
from chainmap.gui.document import Document
from chainmap.gui.inspector.dock import InspectorDock

from .test_inspector import build_map, commit_line, pick, release

pytestmark = pytest.mark.gui


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


def test_link_kind_label_note(document, dock):
    document.set_selection([("edge", "e-bat-car")])
    page = dock.link_page
    assert dock.stack.currentWidget() is page
    edge = document.chain_map.edge("e-bat-car")
    assert page.ends.text() == "动力电池 → 整车制造"
    pick(page.kind, "technology")
    assert edge.kind == "technology"
    assert document.undo_stack.undoText() == "Edit link 动力电池 → 整车制造"
    page.kind.setEditText("资本")
    page.kind.lineEdit().editingFinished.emit()
    assert edge.kind == "资本"
    # Back to supply: the format's default, so the key is left out again.
    pick(page.kind, "supply")
    assert edge.kind is None
    commit_line(page.label, "电池系统")
    assert edge.label == "电池系统"
    page.note.setPlainText("示例说明")
    page.note.commit()
    assert edge.note == "示例说明"
    assert document.undo_stack.count() == 5
    for _ in range(5):
        document.undo_stack.undo()
    assert (edge.kind, edge.label, edge.note) == (None, "电池包", None)
    assert page.label.text() == "电池包"


def test_link_flows_add_edit_remove(document, dock):
    document.set_selection([("edge", "e-bat-car")])
    page = dock.link_page
    edge = document.chain_map.edge("e-bat-car")
    page.add_flow_button.click()
    assert edge.flows[1] == Flow("CN-BJ", "CN-TJ")
    pick(page.flows.cellWidget(1, 0), "CN-HE")
    assert edge.flows[1].source == "CN-HE"
    pick(page.flows.cellWidget(1, 1), "CN-BJ")
    page.flows.item(1, 2).setText("河北配套")
    assert edge.flows[1] == Flow("CN-HE", "CN-BJ", "河北配套")
    page.flows.selectRow(0)
    page.remove_flow_button.click()
    assert edge.flows == [Flow("CN-HE", "CN-BJ", "河北配套")]
    assert page.flows.rowCount() == 1
    assert document.undo_stack.count() == 5
    for _ in range(5):
        document.undo_stack.undo()
    assert edge.flows == [Flow("CN-TJ", "CN-BJ", "天津电池配套北京整车")]
    assert page.flows.rowCount() == 1 and page.flows.cellWidget(0, 0).currentData() == "CN-TJ"


def test_note_text_and_tier_name(document, dock):
    document.set_selection([("note", "note-1")])
    page = dock.note_page
    assert page.target.text() == "动力电池"
    page.text.setPlainText("<b>不是 HTML</b>\n第二行")
    page.text.commit()
    note = document.chain_map.note("note-1")
    assert note.text == "<b>不是 HTML</b>\n第二行"
    document.undo_stack.undo()
    assert note.text == "示例注释" and page.text.toPlainText() == "示例注释"
    document.set_selection([("tier", "mid")])
    commit_line(dock.tier_page.name, "中游制造")
    assert document.chain_map.tier("mid").name == "中游制造"
    commit_line(dock.tier_page.name, "")
    assert document.chain_map.tier("mid").name == "中游制造"
    assert dock.tier_page.name.text() == "中游制造" and not dock.error_label.isHidden()


def test_multi_selection_sets_common_status_in_one_step(document, dock):
    document.set_selection([("node", "n-lithium"), ("node", "n-car"), ("edge", "e-li-bat")])
    page = dock.multi_page
    assert dock.stack.currentWidget() is page
    assert page.heading.text().startswith("3 items selected")
    assert page.status_combos["CN-BJ"].currentData() is None  # gap and strong: mixed
    assert page.status_combos["CN-TJ"].currentData() is None  # gap and no entry: mixed
    pick(page.status_combos["CN-TJ"], "present")
    chain_map = document.chain_map
    assert chain_map.node("n-lithium").regions["CN-TJ"].status == "present"
    assert chain_map.node("n-car").regions["CN-TJ"].status == "present"
    assert document.undo_stack.count() == 1
    assert page.status_combos["CN-TJ"].currentData() == "present"
    document.undo_stack.undo()
    assert "CN-TJ" not in chain_map.node("n-car").regions
    assert chain_map.node("n-lithium").regions["CN-TJ"].status == "gap"


def test_summary_shows_the_map_and_follows_it(document, dock):
    page = dock.summary_page
    assert dock.stack.currentWidget() is page
    assert page.title.text() == "测试图谱"
    assert page.fields["nodes"].text() == "4"
    assert page.fields["lead"].text() == "北京 CN-BJ"
    assert page.fields["gaps"].text() == "4"
    document.chain_map.update_map(title="新标题")
    assert page.title.text() == "新标题"
    dialog = dock.open_map_properties()
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
