"""Find, filter, trace, the navigator and the analysis in the real main window: the menus and
shortcuts reach them, the context menu traces, and a new map starts clean."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chainmap.core.analysis.filters import SegmentFilter
from chainmap.render.chokepoints import ChokepointBadge
from chainmap.render.overlay import FOUND_ROLE
from chainmap.render.style import DIM_OPACITY

from .editor_helpers import centre_of, node_named


def _menu_texts(menu) -> list[str]:
    return [action.text() for action in menu.actions()]


def _faded(window) -> set[str]:
    return {node_id for node_id, item in window.scene.items_of("node").items()
            if abs(item.opacity() - DIM_OPACITY) < 1e-6}


def test_the_menus_hold_find_trace_and_the_new_panels(main_window) -> None:
    w = main_window
    edit = _menu_texts(w.edit_menu)
    assert w.action_find.text() in edit and w.action_find_next.text() in edit
    assert w.action_find.shortcut().toString() == "Ctrl+F"
    assert w.action_find_next.shortcut().toString() == "F3"
    assert w.action_find_previous.shortcut().toString() == "Shift+F3"
    assert w.action_trace_upstream.text() in _menu_texts(w.map_menu)
    assert w.action_analysis_overlay in w.view_menu.actions()
    panels = _menu_texts(w.panels_menu)
    assert w.navigation.navigator_dock.toggleViewAction().text() in panels
    assert w.navigation.filter_dock.toggleViewAction().text() in panels
    assert w.navigation.navigator_dock.isVisible()
    # The analysis dock joins after the first paint, as a tab beside the gaps.
    QTest.qWait(50)
    QApplication.processEvents()
    assert w.navigation.analysis_dock is not None
    assert w.navigation.analysis_dock.toggleViewAction().text() in _menu_texts(w.panels_menu)


def test_ctrl_f_then_f3_steps_through_the_hits(main_window, qtbot) -> None:
    w = main_window
    w.canvas.setFocus()
    QTest.keyClick(w.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = w.navigation.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    event = QInputMethodEvent()
    event.setCommitString("电池")
    QApplication.sendEvent(bar.field, event)
    qtbot.waitUntil(lambda: len(bar.hits) >= 3, timeout=3000)
    assert w.scene.marked(FOUND_ROLE) == {("node", hit.node_id) for hit in bar.hits}
    QTest.keyClick(bar.field, Qt.Key.Key_F3)
    assert w.document.selection == [("node", bar.hits[0].node_id)]
    QTest.keyClick(bar.field, Qt.Key.Key_F3)
    assert w.document.selection == [("node", bar.hits[1].node_id)]
    node = w.document.chain_map.node(bar.hits[1].node_id)
    centre = w.canvas.mapToScene(w.canvas.viewport().rect().center())
    visible = w.canvas.mapToScene(w.canvas.viewport().rect()).boundingRect()
    assert visible.contains(node.x, node.y)
    assert abs(centre.x() - node.x) < visible.width() / 2 and abs(centre.y() - node.y) < visible.height() / 2
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and w.scene.marked(FOUND_ROLE) == set()


def test_the_context_menu_traces_and_esc_clears(main_window, qtbot) -> None:
    w = main_window
    car = node_named(w, "整车制造")
    pos = centre_of(w, "整车制造")
    w.navigation._context_menu(pos)
    menu = w.navigation.context_menu
    assert menu is not None and menu.isVisible()
    assert w.document.selection == [("node", car.id)]  # the right-clicked segment is selected
    entry = next(a for a in menu.actions() if a.text() == w.action_trace_upstream.text())
    assert entry.isEnabled()
    entry.trigger()
    menu.close()
    assert w.navigation.trace.active and car.id not in _faded(w) and _faded(w)
    assert w.action_clear_trace.isEnabled()
    assert "整车制造" in w.statusBar().currentMessage()
    w.canvas.setFocus()
    QTest.keyClick(w.canvas, Qt.Key.Key_Escape)
    assert not w.navigation.trace.active and _faded(w) == set()
    assert not w.action_clear_trace.isEnabled()
    # On empty canvas the trace entries are off.
    w.navigation._context_menu(QPoint(3, 3))
    menu = w.navigation.context_menu
    entries = {a.text(): a.isEnabled() for a in menu.actions()}
    assert entries[w.action_trace_downstream.text()] is False
    menu.close()


def test_the_filter_sits_in_the_status_bar_and_a_new_map_starts_clean(main_window, example_copy) -> None:
    w = main_window
    dock = w.navigation.filter_dock
    dock.set_filter(SegmentFilter(tiers=frozenset({"up"})))
    assert dock.status_button.isVisible()
    assert dock.status_button.parent() is w.statusBar()
    assert _faded(w)
    w.files.open_file(str(example_copy("robots")))
    QApplication.processEvents()
    assert w.document.chain_map.title != "vehicles"
    assert _faded(w) == set() and not dock.status_button.isVisible()


def test_the_analysis_overlay_marks_chokepoints_and_the_legend_explains(main_window, qtbot) -> None:
    w = main_window
    legend = w.scene.sync.legend
    height = legend.boundingRect().height()
    w.action_analysis_overlay.setChecked(True)
    dock = w.navigation.analysis_dock
    assert dock is not None
    qtbot.waitUntil(lambda: bool(w.navigation.overlay.chokepoint_ids()), timeout=10000)
    assert {w.scene.ref_for(item)[1] for item in w.scene.items() if isinstance(item, ChokepointBadge)} == \
        set(dock.rows("chokepoints"))
    w.scene.flush()
    assert legend.boundingRect().height() > height
    w.action_analysis_overlay.setChecked(False)
    w.scene.flush()
    assert not any(isinstance(item, ChokepointBadge) for item in w.scene.items())
    assert legend.boundingRect().height() == height
