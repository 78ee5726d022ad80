"""The inspector dock: edits every field of what is selected on the map.

- :mod:`.dock`: :class:`InspectorDock`, which shows the page for the selection.
- :mod:`.base`: what every page shares (binding to a selection, pushing one undo step an edit).
- :mod:`.segment` (a segment, with a tab per region: :mod:`.region`, whose enterprises are an
  :mod:`.enterprise_table`; its parent is picked in a :mod:`.parent_chooser` that lists the
  map's segments only when opened), :mod:`.link` (a link and its cross-region flows), and
  :mod:`.pages` (the map summary, a note, a tier, several items).

The public names are exported here and imported on first use (see :mod:`chainmap.gui.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .base import InspectorPage
    from .dock import InspectorDock
    from .enterprise_table import EnterpriseTable
    from .link import LinkPage
    from .pages import MultiPage, NotePage, SummaryPage, TierPage
    from .region import RegionEntryEditor
    from .segment import SegmentPage

_EXPORTS = {
    "InspectorDock": "dock",
    "InspectorPage": "base",
    "SegmentPage": "segment",
    "LinkPage": "link",
    "SummaryPage": "pages",
    "NotePage": "pages",
    "TierPage": "pages",
    "MultiPage": "pages",
    "RegionEntryEditor": "region",
    "EnterpriseTable": "enterprise_table",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "EnterpriseTable",
    "InspectorDock",
    "InspectorPage",
    "LinkPage",
    "MultiPage",
    "NotePage",
    "RegionEntryEditor",
    "SegmentPage",
    "SummaryPage",
    "TierPage",
]
