"""Driving the editor's canvas like a user: scene points mapped to the viewport, real
mouse events, and model look-ups by name."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chainmap.core.format.serialize import dumps_map
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH
from chainmap.core.model import Node


def map_bytes(window) -> bytes:
    return dumps_map(window.document.chain_map)


def node_named(window, name: str) -> Node:
    return next(n for n in window.document.chain_map.nodes if n.name == name)


def view_point(window, x: float, y: float) -> QPoint:
    """The viewport point showing scene point ``(x, y)``."""
    return window.canvas.mapFromScene(QPointF(x, y))


def centre_of(window, name: str) -> QPoint:
    node = node_named(window, name)
    return view_point(window, node.x, node.y)


def edge_zone_of(window, name: str) -> QPoint:
    """A viewport point 3 px inside the left edge of a segment's box."""
    node = node_named(window, name)
    left = view_point(window, node.x - SEGMENT_WIDTH / 2, node.y)
    return QPoint(left.x() + 3, left.y())


def _move(viewport, pos: QPoint, buttons, modifiers) -> None:
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        buttons,
        modifiers,
    )
    QApplication.sendEvent(viewport, event)


def drag(window, start: QPoint, end: QPoint, *, button=Qt.MouseButton.LeftButton,
         modifiers=Qt.KeyboardModifier.NoModifier, steps: int = 6) -> None:
    """Press at ``start``, move in steps to ``end`` with the button held, release there."""
    viewport = window.canvas.viewport()
    QTest.mousePress(viewport, button, modifiers, start)
    for i in range(1, steps + 1):
        point = QPoint(start.x() + (end.x() - start.x()) * i // steps, start.y() + (end.y() - start.y()) * i // steps)
        _move(viewport, point, button, modifiers)
    QTest.mouseRelease(viewport, button, modifiers, end)
    QApplication.processEvents()


def press(window, pos: QPoint, *, button=Qt.MouseButton.LeftButton, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``button`` at ``pos`` and keep it held (finish with :func:`move_held` and :func:`release`)."""
    QTest.mousePress(window.canvas.viewport(), button, modifiers, pos)


def move_held(window, start: QPoint, end: QPoint, *, button=Qt.MouseButton.LeftButton,
              modifiers=Qt.KeyboardModifier.NoModifier, steps: int = 6) -> None:
    """Move the mouse in steps from ``start`` to ``end`` with ``button`` held."""
    viewport = window.canvas.viewport()
    for i in range(1, steps + 1):
        point = QPoint(start.x() + (end.x() - start.x()) * i // steps, start.y() + (end.y() - start.y()) * i // steps)
        _move(viewport, point, button, modifiers)
    QApplication.processEvents()


def release(window, pos: QPoint, *, button=Qt.MouseButton.LeftButton, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseRelease(window.canvas.viewport(), button, modifiers, pos)
    QApplication.processEvents()


def click(window, pos: QPoint, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, modifiers, pos)
    QApplication.processEvents()


def double_click(window, pos: QPoint) -> None:
    QTest.mouseDClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    QApplication.processEvents()


def empty_spot_in_tier(window, tier_id: str) -> QPointF:
    """A scene point inside ``tier_id``'s band with no item under it, visible in the view,
    where a new box fits inside the band."""
    canvas = window.canvas
    band = next(b for b in canvas.map_scene.bands() if b.tier == tier_id)
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    left = max(band.left + SEGMENT_WIDTH / 2, visible.left()) + 10
    right = min(band.right - SEGMENT_WIDTH / 2, visible.right()) - 10
    top = visible.top() + 10
    step = SEGMENT_HEIGHT / 2
    x = left
    while x < right:
        y = top
        while y < visible.bottom() - 10:
            point = QPointF(x, y)
            clear = all(
                canvas.ref_at(QPointF(x + dx, y + dy)) is None
                for dx in (-SEGMENT_WIDTH / 2, 0, SEGMENT_WIDTH / 2)
                for dy in (-SEGMENT_HEIGHT / 2, 0, SEGMENT_HEIGHT / 2)
            )
            if clear and canvas.map_scene.tier_at(x) == tier_id:
                return point
            y += step
        x += step
    raise AssertionError(f"no empty spot in tier {tier_id}")
