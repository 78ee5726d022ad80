"""Derived facts of a map (never stored): every view, list and report computes them here.

See "Derived facts" in the format spec: regional status, gaps to fill, complements,
regional gaps, not-assessed segments, and the three lists (三张清单).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import ChainMap, Enterprise, Node, Plan
from .vocabulary import STATUS_RANK

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


def gaps_to_fill(chain_map: ChainMap, code: str | None = None) -> list[GapToFill]:
    """Every (segment, region) where the region is weak or missing; ``code`` limits to one
    region. In region order, then file order."""
    codes = [code] if code is not None else chain_map.region_codes()
    result = []
    for region in codes:
        for node in chain_map.nodes:
            entry = node.regions.get(region)
            if entry is not None and entry.status in GAP_STATUSES:
                result.append(GapToFill(node, region, entry.status, entry.plan))
    return result


def complements(chain_map: ChainMap, code: str | None = None) -> list[Complement]:
    """Every gap in a region that another region is strong or present in."""
    result = []
    codes = chain_map.region_codes()
    for gap in gaps_to_fill(chain_map, code):
        for supplier in codes:
            if supplier == gap.region:
                continue
            status = region_status(gap.node, supplier)
            if status in SUPPLYING_STATUSES:
                result.append(Complement(gap.node, gap.region, supplier, status))
    return result


def regional_gaps(chain_map: ChainMap) -> list[Node]:
    """Segments some region is weak or missing in and none is better than weak: joint
    investment-attraction targets."""
    result = []
    for node in chain_map.nodes:
        statuses = [e.status for e in node.regions.values()]
        if any(s in GAP_STATUSES for s in statuses) and not any(
            s in SUPPLYING_STATUSES for s in statuses
        ):
            result.append(node)
    return result


def not_assessed(chain_map: ChainMap) -> list[Node]:
    """Segments no region has assessed (all ``unknown`` or no entry)."""
    return [node for node in chain_map.nodes if not is_assessed(node)]


# ------------------------------------------------------------ the three lists
@dataclass(frozen=True)
class Bottleneck:
    """A segment to tackle (卡点攻关): ``reason`` is ``weak``, ``single-region`` or ``single-firm``."""

    node: Node
    reason: str
    region: str | None = None


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
    investment_gaps: list[GapToFill] = field(default_factory=list)
    enterprises: list[KeyEnterprise] = field(default_factory=list)


def bottlenecks(chain_map: ChainMap) -> list[Bottleneck]:
    """Weak segments, and segments that hang on a single region or a single firm."""
    result: list[Bottleneck] = []
    for node in chain_map.nodes:
        for code, entry in node.regions.items():
            if entry.status == "weak":
                result.append(Bottleneck(node, "weak", code))
        supplying = [c for c, e in node.regions.items() if e.status in SUPPLYING_STATUSES]
        if len(supplying) == 1 and len(chain_map.regions) > 1:
            result.append(Bottleneck(node, "single-region", supplying[0]))
        firms = [(c, e) for c, entry in node.regions.items() for e in entry.enterprises]
        if len(firms) == 1:
            result.append(Bottleneck(node, "single-firm", firms[0][0]))
    return result


def key_enterprises(chain_map: ChainMap) -> list[KeyEnterprise]:
    """Every enterprise on the map with its segment and region, in file and region order."""
    return [
        KeyEnterprise(enterprise, node, code)
        for node in chain_map.nodes
        for code, entry in node.regions.items()
        for enterprise in entry.enterprises
    ]


def three_lists(chain_map: ChainMap) -> ThreeLists:
    """Bottlenecks to tackle, gaps to fill by attracting investment, key enterprises."""
    investment = [g for g in gaps_to_fill(chain_map) if g.status == "gap"]
    return ThreeLists(bottlenecks(chain_map), investment, key_enterprises(chain_map))
