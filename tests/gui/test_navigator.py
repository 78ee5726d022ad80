"""The Navigator: the whole map small, the canvas's visible area as a rectangle that scrolls the
canvas when dragged; a click elsewhere jumps there; it paints the overview, not the items."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chainmap.gui.docks.navigator import FRAME_COLOUR, NavigatorDock

from .standalone_view import show_map  # noqa: F401 - the fixture


def _navigator(shown) -> NavigatorDock:
    dock = NavigatorDock(shown.canvas, shown.window)
    shown.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.set_document(shown.document)
    dock.view.follow_overlay(shown.overlay)
    shown.panels.append(dock)
    QApplication.processEvents()
    dock.view.fit()
    return dock


def _canvas_centre(shown) -> QPointF:
    return shown.canvas.mapToScene(shown.canvas.viewport().rect().center())


def _move(widget, pos: QPoint) -> None:
    QApplication.sendEvent(widget, QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                                               Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                                               Qt.KeyboardModifier.NoModifier))


def test_dragging_the_rectangle_scrolls_the_canvas(show_map) -> None:  # noqa: F811
    shown = show_map()
    shown.canvas.zoom_actual()
    nav = _navigator(shown).view
    before = _canvas_centre(shown)
    frame = nav.mapFromScene(nav.visible_rect()).boundingRect()
    assert nav.viewport().rect().contains(frame.center())
    start = frame.center() + QPoint(3, 2)  # taken off-centre: the rectangle keeps where it was held
    end = start + QPoint(25, 15)
    viewport = nav.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        _move(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    expected = before + (nav.mapToScene(end) - nav.mapToScene(start))
    after = _canvas_centre(shown)
    assert abs(after.x() - expected.x()) < 3 / nav.transform().m11()
    assert abs(after.y() - expected.y()) < 3 / nav.transform().m11()
    assert (after - before).manhattanLength() > 100


def test_a_click_outside_the_rectangle_centres_the_canvas_there(show_map) -> None:  # noqa: F811
    shown = show_map()
    shown.canvas.zoom_actual()
    shown.canvas.zoom_by(2.0)
    first = shown.document.chain_map.nodes[0]
    shown.canvas.centerOn(QPointF(first.x, first.y))
    node = next(n for n in shown.document.chain_map.nodes if n.name == "出行服务")
    nav = _navigator(shown).view
    target = nav.mapFromScene(QPointF(node.x, node.y))
    assert not nav.mapFromScene(nav.visible_rect()).boundingRect().contains(target)
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    centre = _canvas_centre(shown)
    assert abs(centre.x() - node.x) < 60 and abs(centre.y() - node.y) < 40


def test_it_paints_the_map_and_the_visible_area(show_map) -> None:  # noqa: F811
    shown = show_map()
    shown.canvas.zoom_actual()
    nav = _navigator(shown).view
    image = nav.viewport().grab().toImage()
    frame = nav.mapFromScene(nav.visible_rect()).boundingRect()

    def framed(x: int, y: int) -> bool:
        """Whether a pixel at or next to (x, y) has the frame's colour."""
        for dy in (-1, 0, 1):
            if 0 <= x < image.width() and 0 <= y + dy < image.height():
                colour = QColor(image.pixel(x, y + dy))
                if all(abs(a - b) < 40 for a, b in ((colour.red(), FRAME_COLOUR.red()),
                                                    (colour.green(), FRAME_COLOUR.green()),
                                                    (colour.blue(), FRAME_COLOUR.blue()))):
                    return True
        return False

    edge = [x for x in range(frame.left() + 2, frame.right() - 2) if 0 <= frame.top() < image.height()]
    assert edge and sum(framed(x, frame.top()) for x in edge) > 0.8 * len(edge)
    # Boxes are drawn: some pixels are neither white nor band grey.
    node = shown.document.chain_map.nodes[0]
    at = nav.mapFromScene(QPointF(node.x, node.y))
    assert QColor(image.pixel(at.x(), at.y())) != QColor("#FFFFFF")
    # The canvas keeps painting its items one by one: the navigator did not switch the scene's overview on.
    assert not shown.scene.overview
