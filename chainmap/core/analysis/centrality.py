"""Betweenness centrality of the link graph: ``nx.betweenness_centrality`` (normalised), by source.

``nx.betweenness_centrality`` starts every source's search by setting up a record for every
segment of the map, so a 2,000-segment map takes seconds although a source of a chain reaches
a few dozen segments. The same numbers are summed here source by source, each with
``nx.betweenness_centrality_subset`` on the part of the graph that source reaches (no shortest
path from it leaves that part), and scaled exactly as networkx scales them: the same values as
``nx.betweenness_centrality(graph)``, and with sampling the same as
``nx.betweenness_centrality(graph, k=sample, seed=seed)`` (the same sources are drawn).

The work is bounded: once the sources taken have reached ``budget`` segments in all (which a
chain never comes near, but a large loop of links can, every source in it reaching all of it),
no further source is taken, and the estimate rests on the sources taken so far, a prefix of the
seeded random draw (so itself a random sample, scaled as one).
"""

from __future__ import annotations

import random
from typing import Any

import networkx as nx


def betweenness(graph: Any, *, exact_limit: int, sample: int, seed: int,
                budget: int) -> tuple[dict[str, float], int | None]:
    """Normalised betweenness of every node, and the number of sources it was estimated from
    (``None``: exact).

    Exact up to ``exact_limit`` nodes; above, estimated from ``sample`` (at least 2) sources drawn
    with ``seed``; in both cases from fewer sources when they would reach more than ``budget``
    segments in all.
    """
    count = graph.number_of_nodes()
    sample = max(sample, 2)
    nodes = list(graph.nodes())
    if count <= exact_limit or sample >= count:
        totals, taken = _summed(graph, nodes, budget)
        if taken == count:
            return _normalised(totals, count, None), None
        sample = count  # too much work: a random order of all, as far as the budget goes
    sources = random.Random(seed).sample(nodes, sample)
    totals, taken = _summed(graph, sources, budget)
    if taken == count:
        return _normalised(totals, count, None), None
    return _normalised(totals, count, set(sources[:taken])), taken


def _summed(graph: Any, sources: list[str], budget: int) -> tuple[dict[str, float], int]:
    """The unscaled betweenness over the first sources (the share of each one's shortest paths
    through a node), and how many sources were taken before ``budget`` ran out (at least two,
    the fewest an estimate can be scaled from)."""
    totals = dict.fromkeys(graph, 0.0)
    spent = 0
    for taken, source in enumerate(sources):
        if spent >= budget and taken >= 2:
            return totals, taken
        if not graph.succ[source]:
            continue  # a source of no path adds nothing
        reach = nx.descendants(graph, source)
        reach.add(source)
        spent += len(reach)
        part = nx.betweenness_centrality_subset(graph.subgraph(reach), [source], reach, normalized=False)
        for node, value in part.items():
            if value:
                totals[node] += value
    return totals, len(sources)


def _normalised(totals: dict[str, float], count: int, sampled: set[str] | None) -> dict[str, float]:
    """``totals`` scaled as networkx scales a directed graph's betweenness (endpoints left out)."""
    pairs = count - 1  # the targets a path through a node can have: any but the node itself
    if pairs < 2:
        return totals
    if sampled is None:
        scale = 1 / (pairs * (pairs - 1))
        return {node: value * scale for node, value in totals.items()}
    k = len(sampled)
    # A sampled source is never a path's inner node for itself: one source fewer counts for it.
    as_source, as_other = 1 / ((k - 1) * (pairs - 1)), 1 / (k * (pairs - 1))
    return {node: value * (as_source if node in sampled else as_other) for node, value in totals.items()}
