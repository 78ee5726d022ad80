"""Selecting on a big map draws the selection over the far-zoom overview and the navigator's
drawing, without gathering or drawing the whole map again (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from chainmap.render import scene_lazy, style
from tests.render.bigmap import make_big_map

SEGMENTS, LINKS = 600, 900


@pytest.fixture
def big_window(monkeypatch, make_main_window):
    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 50)
    monkeypatch.setattr(scene_lazy, "IDLE_SEGMENTS", 0)  # every item made now
    window = make_main_window(chain_map=make_big_map(SEGMENTS, LINKS, columns=2))
    window.navigation.navigator_dock.show()
    QApplication.processEvents()
    return window


def _selection_pixels(image: QImage, centre, radius: int = 14) -> int:
    """Pixels of the selection's colour within ``radius`` of ``centre``."""
    found = 0
    for x in range(max(0, centre.x() - radius), min(image.width(), centre.x() + radius)):
        for y in range(max(0, centre.y() - radius), min(image.height(), centre.y() + radius)):
            colour = QColor(image.pixel(x, y))
            if all(abs(a - b) < 30 for a, b in ((colour.red(), style.SELECTION.red()),
                                                (colour.green(), style.SELECTION.green()),
                                                (colour.blue(), style.SELECTION.blue()))):
                found += 1
    return found


def test_the_far_zoom_overview_draws_the_selection_without_gathering_again(big_window) -> None:
    canvas, scene = big_window.canvas, big_window.scene
    canvas.fit_to_window()
    QApplication.processEvents()
    assert scene.overview
    canvas.viewport().repaint()
    overview = scene.sync.overview
    batches = overview._batches
    assert batches is not None
    node = scene.chain_map.nodes[len(scene.chain_map.nodes) // 2]
    at = canvas.mapFromScene(QPointF(node.x, node.y))
    assert _selection_pixels(canvas.viewport().grab().toImage(), at) == 0

    big_window.document.set_selection([("node", node.id)])
    QApplication.processEvents()
    assert scene.selected_refs() == [("node", node.id)]
    assert _selection_pixels(canvas.viewport().grab().toImage(), at) > 0
    assert overview._batches is batches  # the map was not gathered again

    big_window.document.set_selection([])
    QApplication.processEvents()
    assert _selection_pixels(canvas.viewport().grab().toImage(), at) == 0  # the segment's outline is gone
    edge = scene.chain_map.edges[0]
    big_window.document.set_selection([("edge", edge.id)])
    QApplication.processEvents()
    source = scene.chain_map.node(edge.source)
    target = scene.chain_map.node(edge.target)
    middle = canvas.mapFromScene(QPointF((source.x + target.x) / 2, (source.y + target.y) / 2))
    assert _selection_pixels(canvas.viewport().grab().toImage(), middle, radius=30) > 0
    assert overview._batches is batches


def test_the_navigator_draws_the_selection_over_its_kept_drawing(big_window) -> None:
    view = big_window.navigation.navigator_dock.view
    view.fit()
    view.viewport().repaint()
    drawing = view._drawing
    assert drawing is not None
    scene = big_window.scene
    node = scene.chain_map.nodes[len(scene.chain_map.nodes) // 3]
    at = view.mapFromScene(QPointF(node.x, node.y))
    assert _selection_pixels(view.viewport().grab().toImage(), at, radius=6) == 0

    big_window.document.set_selection([("node", node.id)])
    QApplication.processEvents()
    assert _selection_pixels(view.viewport().grab().toImage(), at, radius=6) > 0
    assert view._drawing is drawing  # the map was not drawn again

    big_window.document.set_selection([])
    QApplication.processEvents()
    assert _selection_pixels(view.viewport().grab().toImage(), at, radius=6) == 0
    assert view._drawing is drawing
