"""Which segments a filter keeps: by tier, by status in a region, by plan action or priority,
by enterprise mark and by tag. Empty criteria keep everything; the criteria combine with "and",
the choices within one criterion with "or" (tier 上游 or 中游, and weak or gap in 天津)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ChainMap, Node
from .facts import region_status


@dataclass(frozen=True)
class SegmentFilter:
    """What to keep. ``region`` is a region code or None for "any region" (statuses, actions,
    priorities and marks are then looked for in every region's entry)."""

    tiers: frozenset[str] = field(default_factory=frozenset)
    region: str | None = None
    statuses: frozenset[str] = field(default_factory=frozenset)
    actions: frozenset[str] = field(default_factory=frozenset)
    priorities: frozenset[str] = field(default_factory=frozenset)
    marks: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        """True when the filter keeps every segment."""
        return not (self.tiers or self.statuses or self.actions or self.priorities or self.marks or self.tags)

    def keeps(self, node: Node) -> bool:
        """True when ``node`` passes every criterion."""
        if self.tiers and node.tier not in self.tiers:
            return False
        if self.tags and not self.tags.intersection(node.tags):
            return False
        codes = [self.region] if self.region is not None else list(node.regions)
        if self.statuses:
            if self.region is not None:
                if region_status(node, self.region) not in self.statuses:
                    return False
            elif not any(region_status(node, code) in self.statuses for code in codes):
                return False
        entries = [node.regions[code] for code in codes if code in node.regions]
        plans = [entry.plan for entry in entries if entry.plan is not None]
        if self.actions and not any(plan.action in self.actions for plan in plans):
            return False
        if self.priorities and not any(plan.priority in self.priorities for plan in plans):
            return False
        if self.marks and not any(
            self.marks.intersection(enterprise.marks) for entry in entries for enterprise in entry.enterprises
        ):
            return False
        return True


def kept_ids(chain_map: ChainMap, segment_filter: SegmentFilter) -> set[str]:
    """The ids of the segments ``segment_filter`` keeps."""
    return {node.id for node in chain_map.nodes if segment_filter.keeps(node)}


def tags_in_use(chain_map: ChainMap) -> list[str]:
    """Every tag some segment carries, sorted (the filter offers these)."""
    return sorted({tag for node in chain_map.nodes for tag in node.tags})
