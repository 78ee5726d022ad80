"""Walking the map from the keyboard: Alt+Right follows a link downstream, Alt+Left upstream,
Alt+Up and Alt+Down move within the segment's column, Tab and Shift+Tab go through the segments
in reading order (:mod:`chainmap.core.walk` picks the segment). The step selects the segment
and scrolls the canvas just enough to show it; where there is nowhere to go, the status bar
says so and the selection stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent

from chainmap.core.refs import NODE
from chainmap.core.walk import step

if TYPE_CHECKING:
    from .view import MapCanvas

ALT_MOVES = {
    Qt.Key.Key_Right: "downstream",
    Qt.Key.Key_Left: "upstream",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
}
MARGIN = 60  # scene units kept between the segment and the view's edge


def shown_segments(canvas: MapCanvas) -> set[str]:
    """The segments with a box on screen: not folded away, not hidden by a filter."""
    if canvas.map_scene is None:
        return set()
    return {node_id for node_id, item in canvas.map_scene.items_of(NODE).items()
            if item.isVisible() and item.isEnabled()}


def walk(canvas: MapCanvas, move: str) -> bool:
    """Take one step (``"downstream"``, ``"upstream"``, ``"up"``, ``"down"``, ``"next"``,
    ``"previous"``) from the selected segment; False when there is no map."""
    document = canvas.document
    if document is None or canvas.map_scene is None:
        return False
    current = next((item_id for kind, item_id in document.selection if kind == NODE), None)
    centre = canvas.view_center()
    target = step(document.chain_map, current, move, shown_segments(canvas), (centre.x(), centre.y()))
    if target is None:
        if current is not None:
            name = document.chain_map.node(current).name
            document.status_message.emit(_nowhere(move).format(name=name))
        return True
    canvas.select_refs([(NODE, target)])
    rect = canvas.item_rect((NODE, target))
    if rect is not None:
        canvas.ensureVisible(rect, MARGIN, MARGIN)
    return True


def walk_key(canvas: MapCanvas, event: QKeyEvent) -> bool:
    """Walk for an Alt+arrow key press; False for any other key."""
    move = ALT_MOVES.get(Qt.Key(event.key()))
    if move is None or not event.modifiers() & Qt.KeyboardModifier.AltModifier:
        return False
    return walk(canvas, move)


def _nowhere(move: str) -> str:
    if move == "downstream":
        return QCoreApplication.translate("MapCanvas", "No link leads downstream from {name}.")
    if move == "upstream":
        return QCoreApplication.translate("MapCanvas", "No link leads upstream to {name}.")
    if move == "up":
        return QCoreApplication.translate("MapCanvas", "Nothing above {name} in its column.")
    if move == "down":
        return QCoreApplication.translate("MapCanvas", "Nothing below {name} in its column.")
    return QCoreApplication.translate("MapCanvas", "No other segment to go to from {name}.")
