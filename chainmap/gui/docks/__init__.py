"""Docks that read the map: the gaps to fill, the statistics, the analysis, the filter and the
navigator.

- :mod:`.gaps`: :class:`GapsDock`, what each region has to fill, who can supply it, joint targets.
- :mod:`.statistics`: :class:`ChartsDock`, segments per status and gaps per tier (pyqtgraph,
  imported only when the dock is first shown).
- :mod:`.analysis`: :class:`AnalysisDock`, chokepoints, coverage per region (:mod:`.analysis_chart`,
  pyqtgraph) and fill gains, worked out in a worker thread (:mod:`.analysis_job`).
- :mod:`.filter`: :class:`FilterDock`, which segments show (the rest fade or hide).
- :mod:`.navigator`: :class:`NavigatorDock`, the whole map small with the visible area to drag.

The history (the undo view) is a plain ``QUndoView`` the main window docks itself.

The public names are exported here and imported on first use (see :mod:`chainmap.gui.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .analysis import AnalysisDock
    from .filter import FilterDock
    from .gaps import GapsDock
    from .navigator import NavigatorDock
    from .statistics import ChartsDock, install_charts

_EXPORTS = {
    "AnalysisDock": "analysis",
    "FilterDock": "filter",
    "NavigatorDock": "navigator",
    "GapsDock": "gaps",
    "ChartsDock": "statistics",
    "install_charts": "statistics",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "AnalysisDock",
    "ChartsDock",
    "FilterDock",
    "GapsDock",
    "NavigatorDock",
    "install_charts",
]
