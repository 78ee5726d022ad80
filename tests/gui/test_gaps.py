"""The gaps dock lists exactly the core's derived facts; the view selector sets the view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from chainmap.core import analysis
from chainmap.core.format.fileio import load_map
from chainmap.core.model import ChainMap, RegionEntry
from chainmap.examples_path import example_path
from chainmap.gui.canvas.view_selector import ViewSelector
from chainmap.gui.docks.gaps import COLUMNS, GapsDock
from chainmap.gui.document import Document

from .test_inspector import release

pytestmark = pytest.mark.gui


def expected_keys(chain_map: ChainMap, view: str | None) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    for code in [view] if view else chain_map.region_codes():
        keys += [("gap", code, g.node.id) for g in analysis.gaps_to_fill(chain_map, code)]
        keys += [("complement", code, c.supplier, c.node.id) for c in analysis.complements(chain_map, code)]
    keys += [("regional-gap", n.id) for n in analysis.regional_gaps(chain_map)]
    keys += [("not-assessed", n.id) for n in analysis.not_assessed(chain_map)]
    return keys


@pytest.fixture
def document():
    doc = Document(load_map(example_path("vehicles")).map)
    yield doc
    release(doc)


@pytest.fixture
def dock(qtbot, document) -> GapsDock:
    widget = GapsDock(document)
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("view", [None, "CN-BJ", "CN-TJ", "CN-HE"])
def test_rows_are_the_cores_derived_facts(document, dock, view):
    document.set_view_region(view)
    dock.refresh()
    chain_map = document.chain_map
    keys = dock.row_keys()
    assert keys == expected_keys(chain_map, view)
    assert any(k[0] == "gap" for k in keys) and any(k[0] == "complement" for k in keys)
    assert any(k[0] == "regional-gap" for k in keys)
    # A gap row shows the plan's fields; a complement row reads "S (status) → R: segment".
    for gap in analysis.gaps_to_fill(chain_map, view):
        row = dock.row_texts(dock.find_row(("gap", gap.region, gap.node.id)))
        assert row[0] == gap.node.name
        assert gap.status in row[1]
        if gap.plan is not None:
            assert gap.plan.action in row[COLUMNS.index("Action")]
            assert row[COLUMNS.index("Due")] == (gap.plan.due or "")
            assert row[COLUMNS.index("Owner")] == (gap.plan.owner or "")
            assert row[COLUMNS.index("Target firms")] == ", ".join(gap.plan.targets)
    complement = analysis.complements(chain_map, view)[0]
    row = dock.row_texts(dock.find_row(("complement", complement.region, complement.supplier, complement.node.id)))
    supplier, region = chain_map.region(complement.supplier).name, chain_map.region(complement.region).name
    assert row[0].startswith(f"{supplier} (")
    assert f"{complement.supplier_status}) → {region}: {complement.node.name}" in row[0]
    assert row[1:] == [""] * (len(COLUMNS) - 1)  # the sentence is drawn across the row


def test_updates_after_model_changes_once_per_burst(qtbot, document, dock):
    chain_map = document.chain_map
    node = next(n for n in chain_map.nodes if not analysis.is_assessed(n))
    assert ("not-assessed", node.id) in dock.row_keys()
    chain_map.update_node(node.id, regions={"CN-TJ": RegionEntry("gap")})
    chain_map.update_node(node.id, regions={"CN-TJ": RegionEntry("gap"), "CN-BJ": RegionEntry("strong")})
    assert ("not-assessed", node.id) in dock.row_keys()  # not yet: debounced
    qtbot.waitUntil(lambda: ("not-assessed", node.id) not in dock.row_keys())
    assert dock.row_keys() == expected_keys(chain_map, None)
    assert ("complement", "CN-TJ", "CN-BJ", node.id) in dock.row_keys()


def test_clicking_a_row_selects_and_focuses_its_segment(qtbot, document, dock):
    dock.resize(700, 500)
    dock.show()
    qtbot.waitExposed(dock)
    row = dock.find_row(dock.row_keys()[0])
    node_id = dock.row_keys()[0][2]
    rect = dock.view.visualRect(dock.model.index(row, 0))
    with qtbot.waitSignal(document.focus_requested) as blocker:
        qtbot.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [[("node", node_id)]]
    assert document.selection == [("node", node_id)]


def test_view_selector_sets_and_follows_the_view_region(qtbot, document):
    selector = ViewSelector(document)
    qtbot.addWidget(selector)
    assert selector.itemText(0) == "All regions"
    assert [selector.itemData(i) for i in range(selector.count())] == [None, "CN-BJ", "CN-TJ", "CN-HE"]
    with qtbot.waitSignal(document.view_region_changed):
        selector.setCurrentIndex(2)
        selector.activated.emit(2)
    assert document.view_region == "CN-TJ"
    document.set_view_region("CN-HE")
    assert selector.currentData() == "CN-HE"
    selector.activated.emit(0)
    assert document.view_region is None


def test_gaps_dock_follows_view_selector(qtbot, document, dock):
    dock.view_selector.activated.emit(dock.view_selector.findData("CN-HE"))
    assert document.view_region == "CN-HE"
    qtbot.waitUntil(lambda: dock.row_keys() == expected_keys(document.chain_map, "CN-HE"))
    assert dock.objectName() == "gaps"
