"""Walking the map without a mouse: Alt+arrows follow links and move within a column, Tab and
Shift+Tab go through the segments; hidden segments are skipped; a dead end says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from chainmap.core.walk import reading_order

from .standalone_view import show_map  # noqa: F401 - the fixture

ALT = Qt.KeyboardModifier.AltModifier


def _selected(shown) -> str | None:
    shown.canvas.flush_selection()
    refs = shown.document.selection
    return refs[0][1] if len(refs) == 1 else None


def _press(shown, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(shown.canvas, key, modifiers)


def test_alt_right_and_left_follow_the_links(show_map) -> None:  # noqa: F811
    shown = show_map()
    chain_map = shown.document.chain_map
    car = shown.node_id("整车制造")
    shown.canvas.setFocus()
    shown.canvas.select_refs([("node", car)])
    before = {node_id: (n.x, n.y) for node_id, n in ((n.id, n) for n in chain_map.nodes)}
    _press(shown, Qt.Key.Key_Right, ALT)
    downstream = _selected(shown)
    assert downstream in {edge.target for edge in chain_map.edges if edge.source == car}
    _press(shown, Qt.Key.Key_Left, ALT)
    assert _selected(shown) in {edge.source for edge in chain_map.edges if edge.target == downstream}
    # Walking moved nothing (plain arrows nudge; Alt+arrows do not).
    assert {n.id: (n.x, n.y) for n in chain_map.nodes} == before
    assert shown.document.undo_stack.count() == 0


def test_alt_up_and_down_move_within_the_column(show_map) -> None:  # noqa: F811
    shown = show_map()
    chain_map = shown.document.chain_map
    top = min((n for n in chain_map.nodes if n.tier == "up"), key=lambda n: (n.x, n.y))
    column = sorted((n for n in chain_map.nodes if n.tier == "up" and abs(n.x - top.x) < 84), key=lambda n: n.y)
    assert len(column) >= 3
    shown.canvas.setFocus()
    shown.canvas.select_refs([("node", column[0].id)])
    for node in column[1:]:
        _press(shown, Qt.Key.Key_Down, ALT)
        assert _selected(shown) == node.id
    messages: list[str] = []
    shown.document.status_message.connect(messages.append)
    _press(shown, Qt.Key.Key_Down, ALT)  # the bottom of the column: nowhere to go
    assert _selected(shown) == column[-1].id
    assert messages and column[-1].name in messages[-1]
    _press(shown, Qt.Key.Key_Up, ALT)
    assert _selected(shown) == column[-2].id


def test_tab_cycles_through_the_segments_in_reading_order(show_map) -> None:  # noqa: F811
    shown = show_map()
    chain_map = shown.document.chain_map
    order = reading_order(chain_map, {n.id for n in chain_map.nodes
                                      if shown.scene.item_for("node", n.id).isVisible()})
    shown.canvas.setFocus()
    _press(shown, Qt.Key.Key_Tab)
    assert _selected(shown) == order[0]
    _press(shown, Qt.Key.Key_Tab)
    assert _selected(shown) == order[1]
    _press(shown, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _selected(shown) == order[0]
    _press(shown, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _selected(shown) == order[-1]
    assert shown.canvas.hasFocus()  # Tab walked the map; the focus stayed on the canvas


def test_segments_a_filter_hides_are_skipped_and_cannot_be_clicked(show_map) -> None:  # noqa: F811
    from .editor_helpers import view_point

    shown = show_map()
    chain_map = shown.document.chain_map
    kept = {n.id for n in chain_map.nodes if n.tier == "down"}
    shown.overlay.set_layer("filter", kept, hide=True)
    shown.canvas.setFocus()
    for _ in range(len(kept) + 2):
        _press(shown, Qt.Key.Key_Tab)
        assert _selected(shown) in kept
    hidden = next(n for n in chain_map.nodes if n.tier == "up")
    shown.canvas.select_refs([])

    class _Window:  # editor_helpers speaks of a window with a canvas
        canvas = shown.canvas

    QTest.mouseClick(shown.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view_point(_Window, hidden.x, hidden.y))
    assert _selected(shown) is None
