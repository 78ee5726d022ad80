"""Facts read off the segments' regional statuses (never stored): every view and report uses these.

See "Derived facts" in the format spec: regional status, gaps to fill, complements,
regional gaps and not-assessed segments. The three lists (三张清单) are in
:mod:`chainmap.core.analysis.lists`, the link graph's facts in :mod:`chainmap.core.analysis.graph`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import ChainMap, Node, Plan
from ..vocabulary import STATUS_RANK

GAP_STATUSES = ("weak", "gap")
SUPPLYING_STATUSES = ("strong", "present")


def region_status(node: Node, code: str) -> str:
    """``node``'s status in region ``code`` (``unknown`` when it has no entry)."""
    entry = node.regions.get(code)
    return entry.status if entry is not None else "unknown"


def regional_status(node: Node, codes: list[str] | None = None) -> str:
    """The best of the regions' statuses (strong > present > weak > gap > unknown)."""
    statuses = [region_status(node, c) for c in codes] if codes is not None else [
        e.status for e in node.regions.values()
    ]
    return min(statuses, key=STATUS_RANK.__getitem__, default="unknown")


def is_assessed(node: Node) -> bool:
    """True when at least one region has a status other than ``unknown``."""
    return any(entry.status != "unknown" for entry in node.regions.values())


@dataclass(frozen=True)
class GapToFill:
    """Region ``region`` is weak or missing in segment ``node``, with its plan if any."""

    node: Node
    region: str
    status: str
    plan: Plan | None


@dataclass(frozen=True)
class Complement:
    """Region ``supplier`` (strong or present) can supply region ``region``'s gap in ``node``."""

    node: Node
    region: str
    supplier: str
    supplier_status: str


def gaps_to_fill(chain_map: ChainMap, code: str | None = None,
                 nodes: Sequence[Node] | None = None) -> list[GapToFill]:
    """Every (segment, region) where the region is weak or missing; ``code`` limits to one
    region, ``nodes`` to those segments (a part of the map, in file order: a big map's list
    is made part by part). In region order, then file order."""
    codes = [code] if code is not None else chain_map.region_codes()
    segments = chain_map.nodes if nodes is None else nodes
    result = []
    for region in codes:
        for node in segments:
            entry = node.regions.get(region)
            if entry is not None and entry.status in GAP_STATUSES:
                result.append(GapToFill(node, region, entry.status, entry.plan))
    return result


def complements(chain_map: ChainMap, code: str | None = None,
                nodes: Sequence[Node] | None = None) -> list[Complement]:
    """Every gap in a region that another region is strong or present in (``code`` and
    ``nodes`` as for :func:`gaps_to_fill`)."""
    result = []
    codes = chain_map.region_codes()
    for gap in gaps_to_fill(chain_map, code, nodes):
        for supplier in codes:
            if supplier == gap.region:
                continue
            status = region_status(gap.node, supplier)
            if status in SUPPLYING_STATUSES:
                result.append(Complement(gap.node, gap.region, supplier, status))
    return result


def regional_gaps(chain_map: ChainMap, nodes: Sequence[Node] | None = None) -> list[Node]:
    """Segments (of ``nodes``, default all) some region is weak or missing in and none is
    better than weak: joint investment-attraction targets."""
    result = []
    for node in chain_map.nodes if nodes is None else nodes:
        statuses = [e.status for e in node.regions.values()]
        if any(s in GAP_STATUSES for s in statuses) and not any(
            s in SUPPLYING_STATUSES for s in statuses
        ):
            result.append(node)
    return result


def not_assessed(chain_map: ChainMap, nodes: Sequence[Node] | None = None) -> list[Node]:
    """Segments (of ``nodes``, default all) no region has assessed (all ``unknown`` or no entry)."""
    return [node for node in (chain_map.nodes if nodes is None else nodes) if not is_assessed(node)]
