"""Selecting on a big map in the editor: the inspector shows the selection at once and lists
the map's segments for a parent only when its chooser is opened (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chainmap.core import analysis
from chainmap.gui.inspector.pages import gap_count
from chainmap.render import scene_lazy

from .lazy_window import open_generated_map, show_at

SEGMENTS, LINKS = 600, 900


@pytest.fixture
def big_window(monkeypatch, make_main_window, tmp_path):
    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 50)  # items made lazily, as on a big map
    monkeypatch.setattr(scene_lazy, "CELL", 500.0)
    return open_generated_map(make_main_window, tmp_path, SEGMENTS, LINKS)


def _click_segment(window, node) -> None:
    canvas = window.canvas
    show_at(window, node)
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     canvas.mapFromScene(QPointF(node.x, node.y)))
    QApplication.processEvents()


def _leaf(chain_map, index: int):
    leaves = [n for n in chain_map.nodes if n.parent is None and not chain_map.children(n.id)]
    return leaves[index]


def test_a_clicked_segment_is_shown_and_any_segment_can_be_picked_as_its_parent(big_window) -> None:
    chain_map = big_window.document.chain_map
    node = _leaf(chain_map, len(chain_map.nodes) // 3)
    _click_segment(big_window, node)
    inspector = big_window.inspector
    page = inspector.segment_page
    assert big_window.document.selection == [("node", node.id)]
    assert inspector.current_page() is page
    assert page.name.text() == node.name
    chooser = page.parent_node
    assert not chooser.filled and chooser.count() <= 2  # the map's names are not listed yet
    assert chooser.value() is None and chooser.currentIndex() == 0

    chooser.showPopup()
    offered = [chooser.value_at(i) for i in range(chooser.count())]
    chooser.hidePopup()
    assert offered[0] is None
    assert sorted(offered[1:]) == sorted(n.id for n in chain_map.nodes if n.id != node.id)
    far = chain_map.nodes[-1]
    index = offered.index(far.id)
    chooser.setCurrentIndex(index)
    chooser.activated.emit(index)
    assert chain_map.node(node.id).parent == far.id
    # Shown again after the edit: the new parent, without the whole list.
    assert chooser.value() == far.id and chooser.currentText() == far.name
    big_window.document.undo_stack.undo()
    assert chain_map.node(node.id).parent is None
    assert chooser.value() is None and chooser.currentIndex() == 0


def test_a_parent_is_not_offered_its_own_sub_segments(big_window) -> None:
    chain_map = big_window.document.chain_map
    parent = next(n for n in chain_map.nodes if chain_map.children(n.id))
    big_window.document.set_selection([("node", parent.id)])
    QApplication.processEvents()
    chooser = big_window.inspector.segment_page.parent_node
    chooser.showPopup()
    offered = {chooser.value_at(i) for i in range(chooser.count())}
    chooser.hidePopup()
    below = {parent.id, *chain_map.descendants(parent.id)}
    assert offered == {None} | {n.id for n in chain_map.nodes if n.id not in below}
    child = chain_map.children(parent.id)[0]
    big_window.document.set_selection([("node", child)])
    QApplication.processEvents()
    assert chooser.value() == parent.id and chooser.currentText() == parent.name


def test_selection_moves_between_a_segment_a_link_and_many_segments(big_window) -> None:
    chain_map = big_window.document.chain_map
    inspector = big_window.inspector
    document = big_window.document
    node = _leaf(chain_map, 10)
    _click_segment(big_window, node)
    assert inspector.current_page() is inspector.segment_page
    edge = chain_map.edges[len(chain_map.edges) // 2]
    document.set_selection([("edge", edge.id)])
    QApplication.processEvents()
    assert inspector.current_page() is inspector.link_page
    assert big_window.canvas.selected_refs() == [("edge", edge.id)]
    hundred = [("node", n.id) for n in chain_map.nodes[:100]]
    big_window.canvas.select_refs(hundred)
    QApplication.processEvents()
    assert inspector.current_page() is inspector.multi_page
    assert sorted(document.selection) == sorted(hundred)
    assert "100" in inspector.multi_page.heading.text()
    document.set_selection([])
    QApplication.processEvents()
    assert inspector.current_page() is inspector.summary_page
    # The summary counts the gaps to fill without listing them: the same number.
    gaps = inspector.summary_page.fields["gaps"].text()
    assert gaps == str(len(analysis.gaps_to_fill(chain_map, document.view_region)))
    for code in chain_map.region_codes():
        assert gap_count(chain_map, code) == len(analysis.gaps_to_fill(chain_map, code))
