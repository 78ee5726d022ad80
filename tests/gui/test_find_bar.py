"""Find (Ctrl+F): pinyin and Chinese queries, every hit outlined, Enter/F3 stepping with the
canvas centred on each hit, Esc closing, and the hits following edits."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chainmap.gui.find_bar import FindBar
from chainmap.render.overlay import FOUND_ROLE

from .standalone_view import show_map  # noqa: F401 - the fixture


def _bar(shown) -> FindBar:
    bar = FindBar(shown.canvas, shown.overlay)
    bar.set_document(shown.document)
    shown.panels.append(bar)
    return bar


def _type(qtbot, bar: FindBar, text: str) -> None:
    """Type ``text`` in the field: keys for ASCII, an input method's commit for Chinese."""
    bar.open()
    if text.isascii():
        QTest.keyClicks(bar.field, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(bar.field, event)
    assert bar.field.text() == text
    qtbot.waitUntil(lambda: not bar._timer.isActive(), timeout=3000)


def _centred_on(shown, node_id: str) -> bool:
    """Whether the canvas's centre lies inside the segment's box."""
    canvas = shown.canvas
    centre = canvas.mapToScene(canvas.viewport().rect().center())
    node = shown.document.chain_map.node(node_id)
    return abs(centre.x() - node.x) < 90 and abs(centre.y() - node.y) < 30


def test_pinyin_initials_find_the_chinese_name_and_outline_every_hit(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    bar = _bar(shown)
    _type(qtbot, bar, "dldc")
    names = [shown.document.chain_map.node(hit.node_id).name for hit in bar.hits]
    assert names[0] == "动力电池"
    assert set(names) == {"动力电池", "动力电池回收利用"}
    assert shown.scene.marked(FOUND_ROLE) == {("node", hit.node_id) for hit in bar.hits}
    assert bar.results.count() == 2 and bar.results.isVisible()
    assert bar.count.text() == "2"


def test_enter_and_f3_step_through_the_hits_centring_the_canvas_on_each(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    shown.canvas.zoom_actual()
    shown.canvas.centerOn(QPointF(-5000, -5000))
    bar = _bar(shown)
    _type(qtbot, bar, "电池")
    hits = [hit.node_id for hit in bar.hits]
    assert len(hits) >= 5
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert shown.document.selection == [("node", hits[0])]
    assert _centred_on(shown, hits[0])
    assert bar.count.text() == f"1 / {len(hits)}"
    QTest.keyClick(bar.field, Qt.Key.Key_F3)
    assert shown.document.selection == [("node", hits[1])]
    assert _centred_on(shown, hits[1])
    QTest.keyClick(bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert shown.document.selection == [("node", hits[0])]
    assert _centred_on(shown, hits[0])
    # Before the first, the last.
    QTest.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert shown.document.selection == [("node", hits[-1])]
    # Every hit stays outlined while stepping.
    assert shown.scene.marked(FOUND_ROLE) == {("node", node_id) for node_id in hits}


def test_clicking_a_listed_hit_shows_it(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    bar = _bar(shown)
    _type(qtbot, bar, "电池")
    item = bar.results.item(2)
    rect = bar.results.visualItemRect(item)
    QTest.mouseClick(bar.results.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center())
    assert shown.document.selection == [("node", bar.hits[2].node_id)]


def test_escape_closes_the_bar_and_drops_the_outlines(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    bar = _bar(shown)
    _type(qtbot, bar, "dldc")
    assert shown.scene.marked(FOUND_ROLE)
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert shown.scene.marked(FOUND_ROLE) == set()


def test_a_query_that_matches_nothing_says_so(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    bar = _bar(shown)
    _type(qtbot, bar, "zzqqxx")
    assert bar.hits == [] and not bar.results.isVisible()
    assert bar.count.text() != ""
    QTest.keyClick(bar.field, Qt.Key.Key_Return)  # nothing to step to: nothing happens
    assert shown.document.selection == []


def test_the_hits_follow_an_edit_of_the_map(show_map, qtbot) -> None:  # noqa: F811
    shown = show_map()
    bar = _bar(shown)
    _type(qtbot, bar, "氢燃料")
    assert bar.hits == []
    node_id = shown.node_id("钠离子电池")
    shown.document.chain_map.update_node(node_id, name="氢燃料电池")
    qtbot.waitUntil(lambda: [hit.node_id for hit in bar.hits] == [node_id], timeout=3000)


def test_the_names_are_turned_into_pinyin_ahead_of_the_first_search(show_map, qtbot) -> None:  # noqa: F811
    from chainmap.core.analysis.find import pinyin_keys

    shown = show_map()
    pinyin_keys.cache_clear()
    bar = _bar(shown)
    # Not at once: the warm-up waits until the map has been on screen a moment.
    assert bar._warm_later.isActive() and pinyin_keys.cache_info().currsize == 0
    texts = {text for node in shown.document.chain_map.nodes for text in (node.name, *node.aliases)
             if not text.isascii()}
    qtbot.waitUntil(lambda: pinyin_keys.cache_info().currsize >= len(texts), timeout=10000)
    assert bar.warmer.done
