"""The map-properties dialog: live changes, one undo step on OK, nothing on Cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from chainmap.core.format.serialize import map_to_data
from chainmap.gui.dialogs.properties import MapPropertiesDialog
from chainmap.gui.document import Document

from .test_inspector import build_map, commit_line, pick, release

pytestmark = pytest.mark.gui


@pytest.fixture
def document():
    doc = Document(build_map())
    yield doc
    release(doc)


@pytest.fixture
def dialog(qtbot, document) -> MapPropertiesDialog:
    widget = MapPropertiesDialog(document, None)
    qtbot.addWidget(widget)
    return widget


def make_changes(dialog: MapPropertiesDialog) -> str:
    commit_line(dialog.title_edit, "京津冀测试图谱")
    commit_line(dialog.chain_edit, "动力电池")
    assert dialog.add_region("CN-SD", "山东", "#7E57C2")
    pick(dialog.lead_combo, "CN-TJ")
    pick(dialog.owner_combo, "CN-SD")
    assert dialog.rename_region("CN-HE", "河北省")
    assert dialog.recolor_region("CN-BJ", "#112233")
    tier_id = dialog.add_tier("后市场")
    assert tier_id is not None
    assert dialog.rename_tier("down", "下游应用")
    assert dialog.move_tier(tier_id, -1)
    assert dialog.move_tier("up", 1)
    return tier_id


def test_ok_applies_every_change_as_one_undo_step(document, dialog):
    chain_map = document.chain_map
    before = map_to_data(chain_map)
    tier_id = make_changes(dialog)
    dialog.accept()
    assert chain_map.title == "京津冀测试图谱" and chain_map.chain == "动力电池"
    assert (chain_map.lead, chain_map.owner) == ("CN-TJ", "CN-SD")
    assert [(r.code, r.name, r.color) for r in chain_map.regions][-2:] == [
        ("CN-HE", "河北省", "#2E9E5B"), ("CN-SD", "山东", "#7E57C2")]
    assert chain_map.region("CN-BJ").color == "#112233"
    assert [t.id for t in chain_map.tiers] == ["mid", "up", tier_id, "down"]
    assert chain_map.tier("down").name == "下游应用"
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit map properties"
    document.undo_stack.undo()
    assert map_to_data(chain_map) == before
    document.undo_stack.redo()
    assert chain_map.owner == "CN-SD"


def test_cancel_leaves_the_model_untouched(document, dialog):
    before = map_to_data(document.chain_map)
    make_changes(dialog)
    assert document.chain_map.title == "京津冀测试图谱"  # previewed live
    dialog.reject()
    assert map_to_data(document.chain_map) == before
    assert document.undo_stack.count() == 0


def test_refusals_show_the_models_reason(document, dialog):
    before = map_to_data(document.chain_map)
    # CN-BJ has facts on segments; the lead may not name a region that is not there.
    assert not dialog.remove_region("CN-BJ")
    assert "北京" in dialog.error_label.text() and not dialog.error_label.isHidden()
    assert not dialog.remove_tier("mid")
    assert "segment" in dialog.error_label.text()
    assert not dialog.add_region("cn-x", "无效")
    assert not dialog.rename_tier("up", "  ")
    commit_line(dialog.title_edit, "")
    assert dialog.title_edit.text() == "测试图谱"
    assert dialog.changes() == 0
    assert map_to_data(document.chain_map) == before
    # A region nothing uses can go, and an empty tier too.
    assert dialog.add_region("CN-SD", "山东")
    assert dialog.remove_region("CN-SD")
    tier_id = dialog.add_tier("空层级")
    assert dialog.remove_tier(tier_id)
    dialog.accept()
    assert map_to_data(document.chain_map) == before
    assert document.undo_stack.count() == 1


def test_lists_show_regions_and_tiers(document, dialog):
    table = dialog.regions_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["CN-BJ", "CN-TJ", "CN-HE"]
    assert table.item(0, 2).text() == "#D9412B"
    table.item(1, 1).setText("天津市")
    assert document.chain_map.region("CN-TJ").name == "天津市"
    tiers = dialog.tiers_list
    assert [tiers.item(i).text() for i in range(tiers.count())] == ["上游", "中游", "下游"]
    tiers.item(0).setText("上游原材料")
    assert document.chain_map.tier("up").name == "上游原材料"
    assert tiers.item(0).data(Qt.ItemDataRole.UserRole) == "up"
    dialog.reject()
    assert document.chain_map.region("CN-TJ").name == "天津"
    assert document.chain_map.tier("up").name == "上游"
