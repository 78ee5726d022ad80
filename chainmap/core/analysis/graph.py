"""The link graph of a map and what it tells: sources, sinks, upstream, downstream, chokepoints,
coverage per region, fill gains, betweenness and loops.

The **link graph** has one node per segment and one directed edge per link (every kind),
``from`` → ``to``; several links between the same two segments make one edge (no definition
below depends on how many). **Sub-segments** are segments like any other: a sub-segment and its
parent are two nodes, each taking part through its own links only, and the parent relation adds
no edge (a link drawn to a parent says nothing about its sub-segments, nor the other way round).
A segment with no link at all is in the graph, but neither a source nor a sink.

- **Sources**: segments with no incoming link (and at least one outgoing); **sinks**: segments
  with no outgoing link (and at least one incoming).
- **Upstream** of a segment: ``nx.ancestors``; **downstream**: ``nx.descendants``.
- A **chokepoint** of a sink t is a segment d ≠ t on every path from every source to t: the
  dominators of t with a virtual root linked to all sources (``nx.immediate_dominators``, walked
  up to the root). A sink no source reaches (behind a loop) has none.
- A region **has** a segment when its status there is ``strong`` or ``present``; ``"all"`` (京津冀
  as a whole) has it when any region does. Coverage and fill gains: :mod:`.coverage`.
- **Betweenness**: ``nx.betweenness_centrality``, normalised (summed source by source,
  :mod:`.centrality`); above :data:`EXACT_BETWEENNESS_LIMIT` segments it is estimated from
  :data:`BETWEENNESS_SAMPLE` sources drawn with a fixed seed, and from fewer when their searches
  would reach more than :data:`BETWEENNESS_BUDGET` segments in all (large loops of links).
- **Loops**: the strongly connected parts of more than one segment, each with a shortest cycle
  through its smallest id.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx

from ..model import ChainMap
from .centrality import betweenness
from .coverage import Coverage, FillGain, coverage, fill_gains

ALL_REGIONS = "all"
HAVING_STATUSES = frozenset({"strong", "present"})
EXACT_BETWEENNESS_LIMIT = 2000
BETWEENNESS_SAMPLE = 1000
BETWEENNESS_SEED = 12
# Segments the sources' searches may reach in all (a 2,000-segment chain: some 30,000); beyond,
# betweenness is estimated from the sources searched so far (only large loops of links get there).
BETWEENNESS_BUDGET = 100_000


class _VirtualRoot:
    """The node linked to every source for the dominator computation (never a segment id)."""

    def __repr__(self) -> str:
        return "<virtual root>"


@dataclass(frozen=True)
class Betweenness:
    """Normalised betweenness per segment; ``sample`` is how many segments it was estimated
    from, or ``None`` when it is exact."""

    values: dict[str, float]
    sample: int | None


@dataclass(frozen=True)
class Loop:
    """Segments linked in a loop (a strongly connected part): all ``members`` (sorted) and one
    shortest ``cycle`` through the smallest of them, in link order."""

    members: tuple[str, ...]
    cycle: tuple[str, ...]


def link_graph(chain_map: ChainMap) -> Any:
    """The link graph: one node per segment (file order), one edge per linked pair."""
    graph = nx.DiGraph()
    graph.add_nodes_from(node.id for node in chain_map.nodes)
    graph.add_edges_from((edge.source, edge.target) for edge in chain_map.edges)
    return graph


class ChainAnalysis:
    """The link-graph facts of one map, each computed on first use and kept.

    A snapshot: build a new one after the map changes.

    Attributes:
        graph: the link graph (``nx.DiGraph`` of segment ids).
        sources: the sources, sorted.
        sinks: the sinks, sorted.
        region_codes: the map's region codes in display order.
    """

    def __init__(self, chain_map: ChainMap) -> None:
        self.graph = link_graph(chain_map)
        degree_in, degree_out = self.graph.in_degree, self.graph.out_degree
        self.sources = tuple(sorted(n for n in self.graph if degree_in(n) == 0 and degree_out(n) > 0))
        self.sinks = tuple(sorted(n for n in self.graph if degree_out(n) == 0 and degree_in(n) > 0))
        self.region_codes = tuple(chain_map.region_codes())
        self._read_statuses(chain_map)

    def _read_statuses(self, chain_map: ChainMap) -> None:
        having: dict[str, set[str]] = {code: set() for code in self.region_codes}
        for node in chain_map.nodes:
            for code, entry in node.regions.items():
                if entry.status in HAVING_STATUSES and code in having:
                    having[code].add(node.id)
        self._has = {code: frozenset(ids) for code, ids in having.items()}
        self._has[ALL_REGIONS] = frozenset().union(*having.values())
        self._coverages: dict[str, Coverage] = {}
        self._gains: dict[str, list[FillGain]] = {}

    def restated(self, chain_map: ChainMap) -> ChainAnalysis:
        """The analysis of ``chain_map``, which has this one's segments, links and region
        codes and maybe other statuses: what the links alone tell (the graph, sources, sinks,
        order, chokepoints, betweenness, loops) is shared, not worked out again; coverage and
        fill gains are worked out anew from the statuses."""
        other = copy.copy(self)  # the values worked out so far come along (cached_property)
        other._read_statuses(chain_map)
        return other

    # ------------------------------------------------------------ per segment
    def upstream(self, segment: str) -> list[str]:
        """Every segment with a path of links to ``segment`` (sorted)."""
        return sorted(nx.ancestors(self.graph, segment))

    def downstream(self, segment: str) -> list[str]:
        """Every segment a path of links from ``segment`` reaches (sorted)."""
        return sorted(nx.descendants(self.graph, segment))

    def every_upstream_and_downstream(self) -> dict[str, tuple[list[str], list[str]]]:
        """Segment → (upstream, downstream), both sorted, for every segment at once.

        The same sets as :meth:`upstream` and :meth:`downstream`, gathered in one pass over the
        graph (over its condensation when links form loops) instead of one search per segment.
        """
        order = self.topological_order
        if order is not None:
            parts, part_of = self.graph, {segment: segment for segment in self.graph}
            members: Any = {segment: (segment,) for segment in self.graph}
        else:
            parts = nx.condensation(self.graph)
            order = list(nx.topological_sort(parts))
            part_of = parts.graph["mapping"]
            members = {part: parts.nodes[part]["members"] for part in parts}
        downstream = _gathered(reversed(order), members, parts.succ)
        upstream = _gathered(order, members, parts.pred)
        result = {}
        for segment in self.graph:
            part = part_of[segment]
            result[segment] = (sorted(upstream[part] - {segment}), sorted(downstream[part] - {segment}))
        return result

    @cached_property
    def topological_order(self) -> list[str] | None:
        """The segments, each before every segment it links to; ``None`` when links form a loop."""
        try:
            return list(nx.topological_sort(self.graph))
        except nx.NetworkXUnfeasible:
            return None

    @cached_property
    def chokepoints(self) -> dict[str, tuple[str, ...]]:
        """Chokepoint → the sinks it lies on every path to (both sorted)."""
        if not self.sources:
            return {}
        root = _VirtualRoot()
        rooted = self.graph.copy()
        rooted.add_edges_from((root, source) for source in self.sources)
        dominator = nx.immediate_dominators(rooted, root)
        found: dict[str, list[str]] = {}
        for sink in self.sinks:
            above = dominator.get(sink)
            while above is not None and above is not root:
                found.setdefault(above, []).append(sink)
                above = dominator.get(above)
        return {segment: tuple(found[segment]) for segment in sorted(found)}

    @cached_property
    def betweenness(self) -> Betweenness:
        """Normalised betweenness centrality, sampled above the exact limit (a fixed seed)."""
        values, sample = betweenness(self.graph, exact_limit=EXACT_BETWEENNESS_LIMIT, sample=BETWEENNESS_SAMPLE,
                                     seed=BETWEENNESS_SEED, budget=BETWEENNESS_BUDGET)
        return Betweenness(values, sample)

    @cached_property
    def loops(self) -> list[Loop]:
        """The loops of links, sorted by their smallest segment id."""
        loops = []
        for component in nx.strongly_connected_components(self.graph):
            if len(component) > 1:
                members = tuple(sorted(component))
                loops.append(Loop(members, _shortest_cycle(self.graph, members[0], component)))
        return sorted(loops, key=lambda loop: loop.members[0])

    # ------------------------------------------------------------ per region
    def region_keys(self) -> list[str]:
        """The keys coverage and fill gains are given for: each region code, then ``"all"``."""
        return [*self.region_codes, ALL_REGIONS]

    def has(self, region: str) -> frozenset[str]:
        """The segments ``region`` (a code or ``"all"``) has: strong or present there."""
        return self._has[region]

    def coverage(self, region: str) -> Coverage:
        """``region``'s share of the sinks covered, and the covered sinks."""
        if region not in self._coverages:
            self._coverages[region] = coverage(self.graph, self.sources, self.sinks, self._has[region])
        return self._coverages[region]

    def fill_gains(self, region: str) -> list[FillGain]:
        """The segments ``region`` lacks whose filling alone would raise its coverage, best first."""
        if region not in self._gains:
            self._gains[region] = fill_gains(self.graph, self.sources, self.sinks, self._has[region],
                                             self.topological_order)
        return self._gains[region]


def _gathered(order: Iterable[Any], members: Any, following: Any) -> dict[Any, frozenset[str]]:
    """Per part (a segment, or a loop's segments): its ``members`` and those of every part
    ``following`` reaches, taking the parts in an ``order`` that visits those first."""
    gathered: dict[Any, frozenset[str]] = {}
    for part in order:
        gathered[part] = frozenset(members[part]).union(*(gathered[other] for other in following[part]))
    return gathered


def _shortest_cycle(graph: Any, start: str, members: Sequence[str] | set[str]) -> tuple[str, ...]:
    """A shortest cycle from ``start`` back to it inside one strongly connected part."""
    inside = set(members)
    came_from: dict[str, str | None] = {start: None}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph.succ[node]):
                if nxt == start:
                    path = [node]
                    while (previous := came_from[path[-1]]) is not None:
                        path.append(previous)
                    return tuple(reversed(path))
                if nxt in inside and nxt not in came_from:
                    came_from[nxt] = node
                    following.append(nxt)
        frontier = following
    return (start,)  # pragma: no cover - a strongly connected part has a cycle through each member
