"""The chain analysis: the issue's definitions on hand-made graphs, and against brute force.

Hand-made: a diamond, a chain with a single source, loops, isolated segments, sub-segments.
Brute force on small random maps (hypothesis): coverage by enumerating every simple path,
chokepoints by removing the segment and looking for a path, fill gains by recomputing the
coverage with each lacking segment present, closures and betweenness against networkx.
"""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.core.analysis import (
    ALL_REGIONS,
    ChainAnalysis,
    Coverage,
    FillGain,
    analysis_data,
    investment_gaps,
    link_graph,
)
from chainmap.core.analysis.centrality import betweenness
from chainmap.core.model import ChainMap, Edge, Node, Region, RegionEntry, Tier
from chainmap.core.vocabulary import STATUSES

REGIONS = ("CN-BJ", "CN-TJ")


def chain_map(links: Iterable[tuple[str, str]], statuses: dict[str, dict[str, str]] | None = None,
              alone: Iterable[str] = (), parents: dict[str, str] | None = None) -> ChainMap:
    """A map of the segments named in ``links`` (and ``alone``), with ``{id: {region: status}}``."""
    links = list(links)
    statuses = statuses or {}
    parents = parents or {}
    ids = list(dict.fromkeys([*(end for link in links for end in link), *alone, *statuses, *parents]))
    result = ChainMap("m", "测试", "测试链", regions=[Region(code, code) for code in REGIONS],
                      tiers=[Tier("tier", "环节")])
    for segment in ids:
        regions = {code: RegionEntry(status) for code, status in statuses.get(segment, {}).items()}
        result.add_node(Node(segment, segment.upper(), "tier", regions=regions))
    for segment, parent in parents.items():
        result.update_node(segment, parent=parent)
    for i, (source, target) in enumerate(links):
        result.add_edge(Edge(f"e{i}", source, target))
    return result


def has(*ids: str, code: str = "CN-BJ") -> dict[str, dict[str, str]]:
    return {segment: {code: "present"} for segment in ids}


DIAMOND = (("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"))


def test_diamond_sources_sinks_closures_and_chokepoints() -> None:
    chain = ChainAnalysis(chain_map(DIAMOND))
    assert (chain.sources, chain.sinks) == (("a",), ("d",))
    assert chain.upstream("d") == ["a", "b", "c"] and chain.downstream("a") == ["b", "c", "d"]
    assert chain.upstream("b") == ["a"] and chain.downstream("b") == ["d"]
    # Either branch can be taken: only the source lies on every path to the sink.
    assert chain.chokepoints == {"a": ("d",)}
    assert chain.loops == []


def test_diamond_coverage_needs_one_whole_path_and_fill_gain_completes_it() -> None:
    statuses = {"a": {"CN-BJ": "strong", "CN-TJ": "present"}, "b": {"CN-BJ": "present"},
                "c": {"CN-TJ": "weak"}, "d": {"CN-TJ": "strong"}}
    chain = ChainAnalysis(chain_map(DIAMOND, statuses))
    # Beijing has a and b but not the sink itself; Tianjin has a and d, but not b or c (weak).
    assert chain.coverage("CN-BJ").share == 0.0 and chain.coverage("CN-TJ").share == 0.0
    assert chain.fill_gains("CN-BJ") == [FillGain("d", 1.0)]
    assert chain.fill_gains("CN-TJ") == [FillGain("b", 1.0), FillGain("c", 1.0)]
    # Together the regions have a, b and d: a whole path.
    assert chain.has(ALL_REGIONS) == {"a", "b", "d"}
    assert chain.coverage(ALL_REGIONS).share == 1.0 and chain.coverage(ALL_REGIONS).covered_sinks == ("d",)
    assert chain.fill_gains(ALL_REGIONS) == []


def test_a_chain_with_a_single_source_hangs_on_every_segment() -> None:
    links = (("a", "b"), ("b", "c"), ("c", "d"), ("c", "e"))
    chain = ChainAnalysis(chain_map(links, has("a", "b", "d", "e")))
    assert chain.chokepoints == {"a": ("d", "e"), "b": ("d", "e"), "c": ("d", "e")}
    assert chain.coverage("CN-BJ").share == 0.0
    # Filling c alone closes both sinks; nothing else is missing.
    assert chain.fill_gains("CN-BJ") == [FillGain("c", 1.0)]


def test_fill_gains_are_ranked_and_only_gains_listed() -> None:
    # Two sources; s1 feeds three sinks through m, s2 one sink; Beijing lacks m and s2.
    links = (("s1", "m"), ("m", "t1"), ("m", "t2"), ("m", "t3"), ("s2", "t4"), ("s1", "x"), ("x", "t1"))
    chain = ChainAnalysis(chain_map(links, has("s1", "x", "t1", "t2", "t3", "t4")))
    assert chain.coverage("CN-BJ") == Coverage(0.25, ("t1",))
    # m adds t2 and t3; s2 adds t4; the lacking sinks are had already.
    assert chain.fill_gains("CN-BJ") == [FillGain("m", 0.75), FillGain("s2", 0.5)]


def test_loops_are_found_and_a_sink_behind_a_sourceless_loop_has_no_chokepoint() -> None:
    links = (("s", "a"), ("a", "b"), ("b", "c"), ("c", "a"), ("c", "t"), ("x", "y"), ("y", "x"), ("y", "z"))
    chain = ChainAnalysis(chain_map(links, has("s", "a", "b", "c", "t", "x", "y", "z")))
    assert (chain.sources, chain.sinks) == (("s",), ("t", "z"))
    assert [(loop.members, loop.cycle) for loop in chain.loops] == [(("a", "b", "c"), ("a", "b", "c")),
                                                                    (("x", "y"), ("x", "y"))]
    assert chain.upstream("a") == ["b", "c", "s"] and chain.downstream("a") == ["b", "c", "t"]
    assert chain.chokepoints == {"a": ("t",), "b": ("t",), "c": ("t",), "s": ("t",)}
    # No source reaches z: it can never be covered, whatever a region has.
    assert chain.coverage("CN-BJ").covered_sinks == ("t",) and chain.coverage("CN-BJ").share == 0.5
    assert chain.fill_gains("CN-BJ") == []


def test_isolated_segments_take_no_part() -> None:
    chain = ChainAnalysis(chain_map((("a", "b"),), {"lonely": {"CN-BJ": "gap"}, "b": {"CN-BJ": "strong"}},
                                    alone=("lonely",)))
    assert "lonely" in chain.graph and (chain.sources, chain.sinks) == (("a",), ("b",))
    assert chain.upstream("lonely") == [] and chain.downstream("lonely") == []
    assert chain.betweenness.values["lonely"] == 0.0
    assert "lonely" not in chain.chokepoints
    # Filling the lonely gap would cover nothing: only the source is worth filling.
    assert chain.fill_gains("CN-BJ") == [FillGain("a", 1.0)]


def test_a_map_without_links_has_no_sinks_and_no_coverage() -> None:
    chain = ChainAnalysis(chain_map((), has("a"), alone=("a", "b")))
    assert (chain.sources, chain.sinks, chain.chokepoints) == ((), (), {})
    assert chain.coverage("CN-BJ").share == 0.0 and chain.fill_gains("CN-BJ") == []


def test_sub_segments_are_segments_of_their_own_and_the_parent_relation_is_no_link() -> None:
    # battery has sub-segments cell and pack; links reach the parent and one child separately.
    links = (("lithium", "battery"), ("battery", "car"), ("lithium", "cell"), ("cell", "pack"))
    chain = ChainAnalysis(chain_map(links, parents={"cell": "battery", "pack": "battery", "bms": "battery"}))
    assert chain.downstream("battery") == ["car"] and chain.upstream("battery") == ["lithium"]
    assert chain.upstream("pack") == ["cell", "lithium"]
    assert chain.sinks == ("car", "pack")
    # bms, a sub-segment with no link of its own, is isolated: not reached through its parent.
    assert chain.upstream("bms") == [] and "bms" not in chain.sinks
    assert chain.chokepoints == {"battery": ("car",), "cell": ("pack",), "lithium": ("car", "pack")}


def test_json_shape() -> None:
    statuses = {"a": {"CN-BJ": "strong", "CN-TJ": "present"}, "b": {"CN-BJ": "present"},
                "c": {"CN-TJ": "weak"}, "d": {"CN-TJ": "strong"}}
    data = analysis_data(ChainAnalysis(chain_map(DIAMOND, statuses, alone=("e",))))
    assert list(data) == ["sources", "sinks", "segments", "chokepoints", "coverage", "fill_gain"]
    assert data["sources"] == ["a"] and data["sinks"] == ["d"]
    assert list(data["segments"]) == ["a", "b", "c", "d", "e"]
    assert data["segments"]["d"] == {"upstream": ["a", "b", "c"], "downstream": [], "betweenness": 0.0}
    assert data["segments"]["b"]["betweenness"] == round(0.5 / 12, 6)  # one of a→d's two paths, of 4·3 pairs
    assert data["chokepoints"] == [{"segment": "a", "sinks": ["d"]}]
    assert data["coverage"] == {"CN-BJ": {"share": 0.0, "covered_sinks": []},
                                "CN-TJ": {"share": 0.0, "covered_sinks": []},
                                "all": {"share": 1.0, "covered_sinks": ["d"]}}
    assert data["fill_gain"] == {"CN-BJ": [{"segment": "d", "share_after": 1.0}],
                                 "CN-TJ": [{"segment": "b", "share_after": 1.0}, {"segment": "c", "share_after": 1.0}],
                                 "all": []}
    limited = analysis_data(ChainAnalysis(chain_map(DIAMOND, statuses)), regions=["all"], segments=["c"])
    assert list(limited["segments"]) == ["c"] and list(limited["coverage"]) == list(limited["fill_gain"]) == ["all"]


def test_investment_list_is_ordered_by_fill_gain() -> None:
    # Beijing lacks (gap) first p, then q, then r, and isolated t9; filling r alone covers two
    # sinks, q one, p none (w, not assessed, would still stand between p and t1).
    links = (("s", "p"), ("p", "w"), ("w", "t1"), ("s", "q"), ("q", "t1"), ("s", "r"), ("r", "t2"), ("r", "t3"))
    statuses = {**has("s", "t1", "t2", "t3"), "p": {"CN-BJ": "gap"}, "q": {"CN-BJ": "gap"},
                "r": {"CN-BJ": "gap"}, "t9": {"CN-BJ": "gap"}}
    gaps = investment_gaps(chain_map(links, statuses, alone=("t9",)))
    assert [(g.node.id, g.share_after) for g in gaps] == [("r", 2 / 3), ("q", 1 / 3), ("p", None), ("t9", None)]


def test_importing_the_status_facts_does_not_load_networkx() -> None:
    code = "import sys, chainmap.core.analysis as a; a.gaps_to_fill; print('networkx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


# ------------------------------------------------------------------ against brute force
@st.composite
def random_maps(draw: st.DrawFn) -> ChainMap:
    count = draw(st.integers(1, 7))
    ids = [f"s{i}" for i in range(count)]
    pairs = [(a, b) for a in ids for b in ids if a != b]
    links = draw(st.lists(st.sampled_from(pairs), max_size=12, unique=True)) if pairs else []
    statuses = {i: {code: draw(st.sampled_from(STATUSES)) for code in REGIONS} for i in ids}
    return chain_map(links, statuses, alone=ids)


def _covered(graph: nx.DiGraph, sources: Iterable[str], sinks: Iterable[str], had: set[str]) -> set[str]:
    return {t for t in sinks for s in sources
            if any(set(path) <= had for path in nx.all_simple_paths(graph, s, t))}


@settings(max_examples=150, deadline=None)
@given(random_maps())
def test_everything_matches_brute_force(the_map: ChainMap) -> None:
    chain = ChainAnalysis(the_map)
    graph = link_graph(the_map)
    sources = [n for n in graph if graph.in_degree(n) == 0 and graph.out_degree(n) > 0]
    sinks = [n for n in graph if graph.out_degree(n) == 0 and graph.in_degree(n) > 0]
    assert chain.sources == tuple(sorted(sources)) and chain.sinks == tuple(sorted(sinks))
    closures = chain.every_upstream_and_downstream()
    for n in graph:
        assert closures[n] == (sorted(nx.ancestors(graph, n)), sorted(nx.descendants(graph, n)))
        assert closures[n] == (chain.upstream(n), chain.downstream(n))
    # A chokepoint of t: t is reachable, and without d no source reaches it.
    expected: dict[str, list[str]] = {}
    for t in sorted(sinks):
        if not any(nx.has_path(graph, s, t) for s in sources):
            continue
        for d in graph:
            rest = graph.subgraph(set(graph) - {d})
            if d != t and not any(s in rest and nx.has_path(rest, s, t) for s in sources):
                expected.setdefault(d, []).append(t)
    assert chain.chokepoints == {d: tuple(ts) for d, ts in sorted(expected.items())}
    for region in chain.region_keys():
        had = set(chain.has(region))
        covered = _covered(graph, sources, sinks, had)
        cover = chain.coverage(region)
        assert cover.covered_sinks == tuple(sorted(covered))
        assert cover.share == (len(covered) / len(sinks) if sinks else 0.0)
        gains = [FillGain(x, len(_covered(graph, sources, sinks, had | {x})) / len(sinks))
                 for x in graph if x not in had] if sinks else []
        wanted = sorted((g for g in gains if g.share_after > cover.share), key=lambda g: (-g.share_after, g.segment))
        assert chain.fill_gains(region) == wanted
    reference = nx.betweenness_centrality(graph, normalized=True)
    assert chain.betweenness.values == pytest.approx(reference, abs=1e-12)
    members = {frozenset(c) for c in nx.strongly_connected_components(graph) if len(c) > 1}
    assert {frozenset(loop.members) for loop in chain.loops} == members
    for loop in chain.loops:
        cycle = loop.cycle
        assert cycle[0] == loop.members[0]
        assert all(graph.has_edge(a, b) for a, b in zip(cycle, (*cycle[1:], cycle[0]), strict=True))
        assert len(cycle) == min(len(c) for c in nx.simple_cycles(graph) if cycle[0] in c)


@settings(max_examples=60, deadline=None)
@given(random_maps(), st.integers(2, 6), st.integers(0, 1000))
def test_sampled_betweenness_is_what_networkx_samples(the_map: ChainMap, sample: int, seed: int) -> None:
    graph = link_graph(the_map)
    values, used = betweenness(graph, exact_limit=1, sample=sample, seed=seed, budget=10**9)
    if sample >= graph.number_of_nodes():
        assert used is None and values == pytest.approx(nx.betweenness_centrality(graph), abs=1e-12)
    else:
        assert used == sample
        reference = nx.betweenness_centrality(graph, k=sample, seed=seed)
        assert values == pytest.approx(reference, abs=1e-12)


class _Drawn(random.Random):
    """A random source whose draw of sources is set beforehand (to hand networkx a sample)."""

    def __init__(self, drawn: list[str]) -> None:
        super().__init__(0)
        self.drawn = drawn

    def sample(self, population: Any, k: int, *, counts: Any = None) -> list[Any]:
        assert k == len(self.drawn)
        return list(self.drawn)


def test_betweenness_over_large_loops_stops_at_the_budget_and_says_from_how_many() -> None:
    # 40 segments in one loop with chords: every source reaches all 40.
    links = [(f"s{i}", f"s{(i + 1) % 40}") for i in range(40)] + [(f"s{i}", f"s{(i + 7) % 40}") for i in range(0, 40, 5)]
    graph = link_graph(chain_map(links))
    values, used = betweenness(graph, exact_limit=2000, sample=1000, seed=5, budget=200)
    assert used == 5  # 5 sources reach 200 segments
    drawn = random.Random(5).sample(list(graph), 40)[:5]
    assert values == pytest.approx(nx.betweenness_centrality(graph, k=5, seed=_Drawn(drawn)), abs=1e-12)


def test_a_big_map_says_its_betweenness_is_sampled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("chainmap.core.analysis.graph.EXACT_BETWEENNESS_LIMIT", 3)
    monkeypatch.setattr("chainmap.core.analysis.graph.BETWEENNESS_SAMPLE", 2)
    assert ChainAnalysis(chain_map(DIAMOND)).betweenness.sample == 2
    monkeypatch.setattr("chainmap.core.analysis.graph.EXACT_BETWEENNESS_LIMIT", 4)
    assert ChainAnalysis(chain_map(DIAMOND)).betweenness.sample is None
