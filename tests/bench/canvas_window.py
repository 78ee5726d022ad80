"""A plain window with a map on the canvas and the editor's overlay, for the benchmarks that
measure one dock or tool at a time without the whole main window (not a benchmark itself);
the GUI tests' ``show_map`` fixture builds its window here too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class CanvasWindow:
    window: Any
    document: Any
    scene: Any
    canvas: Any
    overlay: Any


def canvas_window(chain_map: Any, width: int = 1400, height: int = 900) -> CanvasWindow:
    """A shown ``QMainWindow`` whose central widget is a canvas on ``chain_map``'s scene, with
    a :class:`~chainmap.render.overlay.MapOverlay` on it (a ``QApplication`` must exist)."""
    from PySide6.QtWidgets import QMainWindow

    from chainmap.gui.canvas.view import MapCanvas
    from chainmap.gui.document import Document
    from chainmap.render.overlay import MapOverlay
    from chainmap.render.scene import MapScene

    window = QMainWindow()
    document = Document(chain_map, None, window)
    scene = MapScene(chain_map)
    canvas = MapCanvas(window)
    window.setCentralWidget(canvas)
    canvas.set_document(document, scene)
    overlay = MapOverlay(window)
    overlay.set_scene(scene)
    window.statusBar()  # as the main window: there before the window shows
    window.resize(width, height)
    window.show()
    return CanvasWindow(window, document, scene, canvas, overlay)
