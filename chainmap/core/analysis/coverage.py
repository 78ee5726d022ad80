"""Coverage of a chain's sinks by one region, and what filling one gap would add (补链 priorities).

A sink is *covered* for a region when some source → sink path runs only through segments the
region has; the region's coverage is covered sinks / sinks. The *fill gain* of a segment the
region lacks is the coverage the region would have if that segment alone became present.

Coverage is one breadth-first search from the sources the region has, through the segments it
has. Fill gains are not one search per lacking segment (``O(n·(n+m))``): a lacking segment ``x``
adds sinks only if it would itself be reached (it is a source, or a reached segment links to it),
and then it adds exactly the sinks reachable from ``x`` through segments the region has but does
not reach yet (a had segment that a reached one links to is reached already, so those paths
never pass through the reached part). So the sinks reachable inside that unreached-but-had part
are computed once for all, as bit masks over its condensation in reverse topological order, and
each candidate ORs the masks of its successors: ``O((n+m)·sinks/64)`` in all.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence, Set
from dataclasses import dataclass
from typing import Any

import networkx as nx


@dataclass(frozen=True)
class Coverage:
    """A region's coverage: ``share`` of the sinks covered (0 on a map without sinks), and which."""

    share: float
    covered_sinks: tuple[str, ...]


@dataclass(frozen=True)
class FillGain:
    """Making ``segment`` present would raise the region's coverage to ``share_after``."""

    segment: str
    share_after: float


def reached_from_sources(graph: Any, sources: Iterable[str], has: Set[str]) -> set[str]:
    """Every segment some source → segment path reaches through segments in ``has`` only."""
    reached = {s for s in sources if s in has}
    frontier = list(reached)
    successors = graph.succ
    while frontier:
        node = frontier.pop()
        for nxt in successors[node]:
            if nxt in has and nxt not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    return reached


def coverage(graph: Any, sources: Iterable[str], sinks: Collection[str], has: Set[str]) -> Coverage:
    """The share of ``sinks`` covered by the segments in ``has``, and the covered sinks (sorted)."""
    reached = reached_from_sources(graph, sources, has)
    covered = tuple(sorted(t for t in sinks if t in reached))
    return Coverage(len(covered) / len(sinks) if sinks else 0.0, covered)


def fill_gains(graph: Any, sources: Collection[str], sinks: Collection[str], has: Set[str],
               order: Sequence[str] | None = None) -> list[FillGain]:
    """Every lacking segment whose filling alone would raise the coverage, with the share after.

    Sorted by ``share_after`` (highest first), then by id. Segments that would add nothing are
    left out. ``order``, a topological order of ``graph`` when it has no loop, saves working
    one out.
    """
    if not sinks:
        return []
    reached = reached_from_sources(graph, sources, has)
    covered = sum(1 for t in sinks if t in reached)
    bit = {sink: 1 << i for i, sink in enumerate(sorted(sinks))}
    ahead = _sinks_ahead(graph, has - reached, bit, order)
    source_set = set(sources)
    gains = []
    for node in graph:
        if node in has:
            continue
        if node not in source_set and not any(p in reached for p in graph.pred[node]):
            continue  # filling it alone, nothing would reach it
        mask = bit.get(node, 0)
        for nxt in graph.succ[node]:
            mask |= ahead.get(nxt, 0)
        if mask:
            gains.append(FillGain(node, (covered + mask.bit_count()) / len(sinks)))
    gains.sort(key=lambda g: (-g.share_after, g.segment))
    return gains


def _sinks_ahead(graph: Any, part: Set[str], bit: dict[str, int], order: Sequence[str] | None) -> dict[str, int]:
    """For each segment of ``part``, the sinks reachable from it inside ``part`` (a bit mask).

    Successors before predecessors: in reverse topological ``order`` when the graph has no
    loop, else per strongly connected component of ``part`` (a loop's segments reach the same).
    """
    if not part:
        return {}
    if order is not None:
        masks: dict[str, int] = {}
        for node in reversed(order):
            if node in part:
                mask = bit.get(node, 0)
                for nxt in graph.succ[node]:
                    mask |= masks.get(nxt, 0)
                masks[node] = mask
        return masks
    condensed = nx.condensation(graph.subgraph(part))
    component_masks: dict[int, int] = {}
    for component in reversed(list(nx.topological_sort(condensed))):
        mask = 0
        for node in condensed.nodes[component]["members"]:
            mask |= bit.get(node, 0)
        for nxt in condensed.succ[component]:
            mask |= component_masks[nxt]
        component_masks[component] = mask
    return {node: component_masks[component] for node, component in condensed.graph["mapping"].items()}
