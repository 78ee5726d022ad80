"""Dialogs: export, map properties, new-map templates, and a question with its details.

- :mod:`.export`: :class:`ExportDialog` (File ▸ Export…, PNG, SVG or PDF).
- :mod:`.properties`: :class:`MapPropertiesDialog` (title, chain, lead, owner, regions, tiers).
- :mod:`.templates`: new maps, blank or from one of the bundled chains.
- :mod:`.choice`: :class:`ChoiceDialog`, a question with a few answers and the lines it is about.

The public names are exported here and imported on first use (see :mod:`chainmap.gui.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .choice import ChoiceDialog
    from .export import ExportDialog
    from .properties import MapPropertiesDialog, NewRegionDialog
    from .templates import blank_map, new_map_from_template, template_names

_EXPORTS = {
    "ExportDialog": "export",
    "MapPropertiesDialog": "properties",
    "NewRegionDialog": "properties",
    "template_names": "templates",
    "blank_map": "templates",
    "new_map_from_template": "templates",
    "ChoiceDialog": "choice",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "ChoiceDialog",
    "ExportDialog",
    "MapPropertiesDialog",
    "NewRegionDialog",
    "blank_map",
    "new_map_from_template",
    "template_names",
]
