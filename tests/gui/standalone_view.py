"""A map shown without the main window: a Document, its MapScene, a MapCanvas and the overlay in
a plain QMainWindow, for testing a panel on its own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from chainmap.core.format.fileio import load_map
from chainmap.core.model import ChainMap
from chainmap.gui.canvas.view import MapCanvas
from chainmap.gui.document import Document
from chainmap.render.overlay import MapOverlay
from chainmap.render.scene import MapScene
from tests.bench.canvas_window import canvas_window

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Shown:
    """What :func:`show_map` built."""

    window: QMainWindow
    document: Document
    scene: MapScene
    canvas: MapCanvas
    overlay: MapOverlay
    panels: list = field(default_factory=list)

    def node_id(self, name: str) -> str:
        return next(n.id for n in self.document.chain_map.nodes if n.name == name)


@pytest.fixture
def show_map(qtbot) -> Iterator:
    """``show_map(chain_map=None)``: a shown window with the vehicles example (or ``chain_map``)."""
    made: list[Shown] = []

    def make(chain_map: ChainMap | None = None) -> Shown:
        if chain_map is None:
            chain_map = load_map(ROOT / "examples" / "vehicles.chainmap.json").map
        built = canvas_window(chain_map, 1200, 800)
        qtbot.waitExposed(built.window)
        built.canvas.fit_to_window()
        QApplication.processEvents()
        shown = Shown(built.window, built.document, built.scene, built.canvas, built.overlay)
        made.append(shown)
        return shown

    yield make
    for shown in made:
        for panel in shown.panels:
            dispose = getattr(panel, "dispose", None)
            if dispose is not None:
                dispose()
            elif hasattr(panel, "set_document"):
                panel.set_document(None)
        shown.overlay.set_scene(None)
        shown.canvas.detach()
        shown.scene.dispose()
        shown.scene.deleteLater()
        shown.window.close()
        shown.window.deleteLater()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
