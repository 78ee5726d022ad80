"""The canvas: the map view the user works on, and everything done with the mouse and keyboard there.

- :mod:`.view`: :class:`MapCanvas`, a view of the :class:`~chainmap.render.scene.MapScene` with
  zoom, selection, nudges and new segments; what the mouse does there is one of its
  :mod:`.interactions` (pan, rubber band, move, link, rename in place), with :mod:`.drop`
  saying where a dragged selection lands and :mod:`.inplace_editor` the line edit of a rename.
- :mod:`.edit_actions`: the main window's editing commands (:class:`EditController`);
  :mod:`.edit_ops` the edits they and the canvas share; :mod:`.clipboard` copy and paste of map
  fragments.
- :mod:`.placement`: where boxes go (segments without a position, new segments, pasted ones).
- :mod:`.view_selector`: the toolbar's region chooser; :mod:`.geometry_qt` core geometry in Qt types.

The public names are exported here and imported on first use (see :mod:`chainmap.gui.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .clipboard import Fragment, copy_fragment, paste_command
    from .edit_actions import EditController
    from .edit_ops import NudgeCommand, layout_command, new_segment
    from .geometry_qt import to_qrectf
    from .inplace_editor import InPlaceEditor
    from .placement import free_spot_in_tier, place_unpositioned
    from .view import MapCanvas
    from .view_selector import ViewSelector

_EXPORTS = {
    "MapCanvas": "view",
    "InPlaceEditor": "inplace_editor",
    "EditController": "edit_actions",
    "Fragment": "clipboard",
    "copy_fragment": "clipboard",
    "paste_command": "clipboard",
    "NudgeCommand": "edit_ops",
    "new_segment": "edit_ops",
    "layout_command": "edit_ops",
    "place_unpositioned": "placement",
    "free_spot_in_tier": "placement",
    "ViewSelector": "view_selector",
    "to_qrectf": "geometry_qt",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "EditController",
    "Fragment",
    "InPlaceEditor",
    "MapCanvas",
    "NudgeCommand",
    "ViewSelector",
    "copy_fragment",
    "free_spot_in_tier",
    "layout_command",
    "new_segment",
    "paste_command",
    "place_unpositioned",
    "to_qrectf",
]
