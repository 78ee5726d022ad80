"""On a big map, the items round the shown area are made a strip per turn of idle work after
the paint, so a pan finds its neighbours made and no turn of the event loop makes them all
(issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from chainmap.gui.canvas.view import MARGIN, margin_strips
from chainmap.render import scene_lazy
from tests.render.bigmap import make_big_map

SEGMENTS, LINKS = 600, 900


@pytest.fixture
def big_window(monkeypatch, make_main_window):
    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 50)
    monkeypatch.setattr(scene_lazy, "IDLE_SEGMENTS", 0)  # only what is shown (and round it) is made
    monkeypatch.setattr(scene_lazy, "CELL", 500.0)
    return make_main_window(chain_map=make_big_map(SEGMENTS, LINKS, columns=2))


def test_the_strips_round_the_shown_area_cover_its_margin_once() -> None:
    from PySide6.QtCore import QRectF

    shown = QRectF(100, 200, 800, 400)
    strips = margin_strips(shown)
    assert sum(s.width() * s.height() for s in strips) == pytest.approx(
        (800 * (1 + 2 * MARGIN)) * (400 * (1 + 2 * MARGIN)) - 800 * 400)
    assert not any(s.intersects(shown) for s in strips)
    assert not any(a.intersects(b) for i, a in enumerate(strips) for b in strips[i + 1:])


def test_the_margin_is_made_after_the_paint(big_window, qtbot) -> None:
    canvas, scene = big_window.canvas, big_window.scene
    chain_map = scene.chain_map
    middle = chain_map.nodes[len(chain_map.nodes) // 2]
    canvas.zoom_actual()
    canvas.centerOn(QPointF(middle.x, middle.y))
    canvas.viewport().repaint()
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    made = scene.sync.items.nodes
    assert middle.id in made  # what the paint showed was made before it
    assert scene.items_pending
    qtbot.waitUntil(lambda: not canvas._margin_left, timeout=10_000)
    QApplication.processEvents()
    mx, my = shown.width() * MARGIN, shown.height() * MARGIN
    around = shown.adjusted(-mx, -my, mx, my)
    inside = [n for n in chain_map.nodes if around.contains(QPointF(n.x, n.y))]
    assert inside and all(n.id in made for n in inside)
    far = around.adjusted(-3 * scene_lazy.CELL, -3 * scene_lazy.CELL, 3 * scene_lazy.CELL, 3 * scene_lazy.CELL)
    outside = [n for n in chain_map.nodes if not far.contains(QPointF(n.x, n.y))]
    assert outside and not any(n.id in made for n in outside)  # the rest of the map stays pending
