"""The three lists the regions keep (三张清单), read off a map and its link graph.

- **卡点攻关 (bottlenecks)**: the chokepoints (segments on every path from the sources to some
  sink, :class:`~.graph.ChainAnalysis`) that a region has only weakly (``weak``, one entry per such
  region), that only one region has (strong or present; on a map of several regions), or that
  has a single enterprise on the whole map (``single-firm``). File order, a segment's reasons
  together. A map without links has no chokepoints, so no bottlenecks.
- **堵点招商 (investment gaps)**: every (segment, region) whose status is ``gap``, with its plan.
  Per region (in region order), the gaps whose filling alone would raise the region's coverage
  come first, highest coverage after filling first; the rest follow; ties in file order.
- **重点企业 (key enterprises)**: every enterprise with its segment and region, in file and
  region order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ChainMap, Enterprise, Node
from .facts import SUPPLYING_STATUSES, GapToFill, gaps_to_fill
from .graph import ChainAnalysis


@dataclass(frozen=True)
class Bottleneck:
    """A chokepoint to tackle (卡点攻关): ``reason`` is ``weak``, ``single-region`` or ``single-firm``;
    ``sinks`` are the sinks it lies on every path to (sorted)."""

    node: Node
    reason: str
    region: str | None = None
    sinks: tuple[str, ...] = ()


@dataclass(frozen=True)
class InvestmentGap(GapToFill):
    """A gap to fill by attracting investment (堵点招商); ``share_after`` is the region's coverage if
    it alone were filled, or ``None`` when that would cover no more of the chain."""

    share_after: float | None = None


@dataclass(frozen=True)
class KeyEnterprise:
    """An enterprise with its segment and region (重点企业)."""

    enterprise: Enterprise
    node: Node
    region: str


@dataclass
class ThreeLists:
    """The three lists the regions keep (三张清单), read off a map."""

    bottlenecks: list[Bottleneck] = field(default_factory=list)
    investment_gaps: list[InvestmentGap] = field(default_factory=list)
    enterprises: list[KeyEnterprise] = field(default_factory=list)


def bottlenecks(chain_map: ChainMap, chain: ChainAnalysis | None = None) -> list[Bottleneck]:
    """Chokepoints a region has only weakly, that hang on a single region, or on a single firm."""
    chokepoints = (chain or ChainAnalysis(chain_map)).chokepoints
    several_regions = len(chain_map.regions) > 1
    result: list[Bottleneck] = []
    for node in chain_map.nodes:
        sinks = chokepoints.get(node.id)
        if sinks is None:
            continue
        for code, entry in node.regions.items():
            if entry.status == "weak":
                result.append(Bottleneck(node, "weak", code, sinks))
        supplying = [c for c, e in node.regions.items() if e.status in SUPPLYING_STATUSES]
        if len(supplying) == 1 and several_regions:
            result.append(Bottleneck(node, "single-region", supplying[0], sinks))
        firms = [code for code, entry in node.regions.items() for _ in entry.enterprises]
        if len(firms) == 1:
            result.append(Bottleneck(node, "single-firm", firms[0], sinks))
    return result


def investment_gaps(chain_map: ChainMap, chain: ChainAnalysis | None = None) -> list[InvestmentGap]:
    """The gaps (status ``gap``), per region, ordered by fill gain (see the module docstring)."""
    chain = chain or ChainAnalysis(chain_map)
    order = {node.id: i for i, node in enumerate(chain_map.nodes)}
    result: list[InvestmentGap] = []
    for code in chain_map.region_codes():
        gains = {gain.segment: gain.share_after for gain in chain.fill_gains(code)}
        region_gaps = [
            InvestmentGap(g.node, g.region, g.status, g.plan, gains.get(g.node.id))
            for g in gaps_to_fill(chain_map, code) if g.status == "gap"
        ]
        region_gaps.sort(key=lambda g: (g.share_after is None, -(g.share_after or 0.0), order[g.node.id]))
        result += region_gaps
    return result


def key_enterprises(chain_map: ChainMap) -> list[KeyEnterprise]:
    """Every enterprise on the map with its segment and region, in file and region order."""
    return [
        KeyEnterprise(enterprise, node, code)
        for node in chain_map.nodes
        for code, entry in node.regions.items()
        for enterprise in entry.enterprises
    ]


def three_lists(chain_map: ChainMap, chain: ChainAnalysis | None = None) -> ThreeLists:
    """Bottlenecks to tackle, gaps to fill by attracting investment, key enterprises."""
    chain = chain or ChainAnalysis(chain_map)
    return ThreeLists(bottlenecks(chain_map, chain), investment_gaps(chain_map, chain),
                      key_enterprises(chain_map))
