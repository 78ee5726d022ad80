"""The analysis dock's snapshots of a map: copied again only where an edit changed them, and
always equal to a full copy of the map as it is."""

from __future__ import annotations

import random

from chainmap.core.model import Edge, Node, Note, Region, RegionEntry
from chainmap.gui.docks.analysis_job import Snapshot, SnapshotKeeper

from ..render.bigmap import make_big_map
from .lazy_window import follow_events


def _keeper_following(chain_map) -> SnapshotKeeper:  # type: ignore[no-untyped-def]
    keeper = SnapshotKeeper()
    follow_events(chain_map, keeper.note)
    return keeper


def test_a_status_change_copies_only_that_segment_and_keeps_the_links() -> None:
    chain_map = make_big_map(200, 300)
    keeper = _keeper_following(chain_map)
    first = keeper.take(chain_map)
    assert first == Snapshot.of(chain_map)
    node = chain_map.nodes[57]
    code = chain_map.region_codes()[0]
    chain_map.update_node(node.id, regions={**node.regions, code: RegionEntry("gap")})
    second = keeper.take(chain_map)
    assert second == Snapshot.of(chain_map)
    assert second.links is first.links  # not copied again
    assert second.segments is not first.segments  # the worker may still read the first
    assert first.segments[57][1] is not second.segments[57][1]
    chain_map.update_node(node.id, name="改名", x=node.x + 10)
    third = keeper.take(chain_map)
    assert third == Snapshot.of(chain_map)
    assert third.links is first.links


def test_random_edits_keep_the_snapshots_equal_to_a_full_copy() -> None:
    chain_map = make_big_map(120, 150)
    keeper = _keeper_following(chain_map)
    rng = random.Random(5)
    codes = chain_map.region_codes()
    statuses = ("gap", "weak", "present", "strong")
    added = 0
    for step in range(120):
        action = rng.random()
        node = rng.choice(chain_map.nodes)
        if action < 0.45:
            chain_map.update_node(node.id, regions={**node.regions, rng.choice(codes): RegionEntry(rng.choice(statuses))})
        elif action < 0.55:
            chain_map.update_node(node.id, name=f"环节{step}")
        elif action < 0.62:
            added += 1
            chain_map.add_node(Node(f"new{added}", f"新环节{added}", node.tier, x=10.0, y=20.0 * added))
        elif action < 0.68 and not chain_map.children(node.id):
            chain_map.remove_node(node.id)
        elif action < 0.76:
            other = rng.choice(chain_map.nodes)
            if other.id != node.id and chain_map.find_edge(node.id, other.id) is None:
                chain_map.add_edge(Edge(f"edge{step}", node.id, other.id))
        elif action < 0.82 and chain_map.edges:
            edge = rng.choice(chain_map.edges)
            chain_map.remove_edge(edge.id)
        elif action < 0.84 and chain_map.edges:
            edge = rng.choice(chain_map.edges)
            other = rng.choice(chain_map.nodes)
            if other.id not in (edge.source, edge.target) and chain_map.find_edge(edge.source, other.id) is None:
                chain_map.update_edge(edge.id, target=other.id)
        elif action < 0.86:
            chain_map.add_note(Note(f"note{step}", "说明", x=0.0, y=0.0))
        elif action < 0.88:
            chain_map.add_region(Region(f"R{step}", f"地区{step}"))
            codes = chain_map.region_codes()
        if step % 2 == 0:
            assert keeper.take(chain_map) == Snapshot.of(chain_map)
    assert keeper.take(chain_map) == Snapshot.of(chain_map)


def test_a_status_change_reuses_what_the_links_told_and_says_what_a_fresh_analysis_says() -> None:
    from chainmap.gui.docks.analysis_job import AnalysisJob, compute

    chain_map = make_big_map(300, 480)
    keeper = _keeper_following(chain_map)
    job = AnalysisJob()
    try:
        job.snapshots = keeper
        results = []
        job.finished.connect(results.append)
        job.request(chain_map)
        job.wait()
        code = chain_map.region_codes()[0]
        rng = random.Random(5)
        for _ in range(4):  # statuses change: the links' analysis is reused
            node = chain_map.nodes[rng.randrange(len(chain_map.nodes))]
            status = rng.choice(["strong", "present", "weak", "gap"])
            chain_map.update_node(node.id, regions={**node.regions, code: RegionEntry(status)})
            job.request(chain_map)
            job.wait()
            assert results[-1].content() == compute(Snapshot.of(chain_map)).content()
        assert job.reused == 4
        assert len({repr(result.content()) for result in results}) > 1  # the statuses told
        edge = chain_map.edges[3]  # a link goes: worked out afresh
        chain_map.remove_edge(edge.id)
        job.request(chain_map)
        job.wait()
        assert job.reused == 4
        assert results[-1].content() == compute(Snapshot.of(chain_map)).content()
    finally:
        job.dispose()
