"""What a map tells beyond what it stores (never saved; every view, list and report reads it here).

- :mod:`.facts`: the facts of the segments' regional statuses (regional status, gaps to fill,
  complements, regional gaps, segments not assessed).
- :mod:`.graph` and :mod:`.coverage`: the link graph on networkx (sources, sinks, upstream,
  downstream, chokepoints, coverage per region, fill gains, betweenness, loops).
- :mod:`.lists`: the three lists (三张清单) read off both.
- :mod:`.report`: the chain analysis as the plain data ``chainmap analyze --json`` prints.

The public names are re-exported here: ``from chainmap.core.analysis import gaps_to_fill``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .facts import (
    GAP_STATUSES,
    SUPPLYING_STATUSES,
    Complement,
    GapToFill,
    complements,
    gaps_to_fill,
    is_assessed,
    not_assessed,
    region_status,
    regional_gaps,
    regional_status,
)

if TYPE_CHECKING:
    from .coverage import Coverage, FillGain
    from .graph import ALL_REGIONS, Betweenness, ChainAnalysis, Loop, link_graph
    from .lists import (
        Bottleneck,
        InvestmentGap,
        KeyEnterprise,
        ThreeLists,
        bottlenecks,
        investment_gaps,
        key_enterprises,
        three_lists,
    )
    from .report import analysis_data

# Imported on first use: networkx takes a fifth of a second to import, and the views that
# only read statuses (the canvas, `chainmap info`) should not wait for it.
_LAZY = {
    "Coverage": "coverage", "FillGain": "coverage",
    "ALL_REGIONS": "graph", "Betweenness": "graph", "ChainAnalysis": "graph", "Loop": "graph",
    "link_graph": "graph",
    "Bottleneck": "lists", "InvestmentGap": "lists", "KeyEnterprise": "lists", "ThreeLists": "lists",
    "bottlenecks": "lists", "investment_gaps": "lists", "key_enterprises": "lists", "three_lists": "lists",
    "analysis_data": "report",
}


def __getattr__(name: str) -> Any:
    """The graph, list and report names, imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ALL_REGIONS", "GAP_STATUSES", "SUPPLYING_STATUSES", "Betweenness", "Bottleneck", "ChainAnalysis",
    "Complement", "Coverage", "FillGain", "GapToFill", "InvestmentGap", "KeyEnterprise", "Loop",
    "ThreeLists", "analysis_data", "bottlenecks", "complements", "gaps_to_fill", "investment_gaps",
    "is_assessed", "key_enterprises", "link_graph", "not_assessed", "region_status", "regional_gaps",
    "regional_status", "three_lists",
]
