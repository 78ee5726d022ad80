"""A main window on a generated map big enough (with the thresholds lowered) that its scene
makes items lazily, as on a map of tens of thousands of segments; shared by the big-map tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from tests.render.bigmap import make_big_map


def lower_lazy_thresholds(monkeypatch: Any, cell: float = 500.0) -> None:
    """Scenes of more than 50 segments make their items lazily, only when shown."""
    from chainmap.render import scene_lazy

    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 50)
    monkeypatch.setattr(scene_lazy, "IDLE_SEGMENTS", 0)
    monkeypatch.setattr(scene_lazy, "CELL", cell)


def follow_events(chain_map: Any, note: Any) -> None:
    """Call ``note(args)`` with the arguments of every event ``chain_map`` emits."""
    events = chain_map.events
    for name in vars(events):
        getattr(events, name).connect(lambda *args: note(args))


def open_generated_map(make_main_window: Any, folder: Path, segments: int, links: int) -> Any:
    """The main window on a saved ``make_big_map(segments, links, columns=2)``."""
    from chainmap.core.format.fileio import save_map

    path = folder / "big.chainmap.json"
    save_map(make_big_map(segments, links, columns=2), path)
    return make_main_window(path)


def show_at(window: Any, node: Any) -> None:
    """Zoom to 100 % centred on ``node`` and paint, so its items are made."""
    canvas = window.canvas
    canvas.zoom_actual()
    canvas.centerOn(QPointF(node.x, node.y))
    canvas.viewport().repaint()
    QApplication.processEvents()


def fresh_gaps_rows(qtbot: Any, document: Any) -> list[Any]:
    """The rows a gaps dock built afresh on ``document`` lists (to compare with one kept up
    to date edit by edit)."""
    from chainmap.gui.docks.gaps import GapsDock

    fresh = GapsDock(document)
    qtbot.addWidget(fresh)
    qtbot.waitUntil(lambda: not fresh.filling)
    rows = fresh.rows()
    fresh.set_document(None)
    return rows
