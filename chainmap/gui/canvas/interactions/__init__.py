"""What the user does on the canvas with the mouse, one object per kind of interaction
(orange-canvas-core's ``UserInteraction`` pattern, ``orangecanvas/document/interactions.py``).

The canvas (:class:`~chainmap.gui.canvas.view.MapCanvas`) decides on a press which one starts,
holds it as :attr:`~chainmap.gui.canvas.view.MapCanvas.interaction` and forwards its mouse and
key events to it until it ends; each owns its state from press to release and ends by pushing
at most one undo command, or, on Esc, by putting back what it changed.

- :mod:`.base`: :class:`Interaction`, the protocol and its defaults.
- :mod:`.pan`: :class:`PanInteraction`, the middle button (or space and the left button).
- :mod:`.rubber_band`: :class:`RubberBandInteraction`, selecting with a rectangle.
- :mod:`.move`: :class:`MoveInteraction`, a click on a segment or note, or a drag moving the
  selection (:mod:`chainmap.gui.canvas.drop` says where the drop puts things).
- :mod:`.link`: :class:`LinkInteraction`, drawing a link from one segment to another.
- :mod:`.rename`: :class:`RenameInteraction`, renaming a segment (or rewriting a note) in place.
"""

from __future__ import annotations

from .base import Interaction
from .link import LinkInteraction
from .move import MoveInteraction
from .pan import PanInteraction
from .rename import RenameInteraction
from .rubber_band import RubberBandInteraction

__all__ = [
    "Interaction",
    "LinkInteraction",
    "MoveInteraction",
    "PanInteraction",
    "RenameInteraction",
    "RubberBandInteraction",
]
