"""A scene's tier bands after moves: each tier's extent is kept and changed by the frames that
moved, not measured from every segment again; it must equal the bands measured afresh."""

from __future__ import annotations

import random

from chainmap.core import geometry
from chainmap.render import scene_geometry

from .bigmap import make_big_map

FRESH = geometry.tier_extents  # as imported: the spy below replaces the module's


class Measures:
    """Counts the scene geometry's measures of every segment for the bands."""

    def __init__(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.count = 0
        whole = geometry.tier_extents

        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.count += 1
            return whole(*args, **kwargs)

        monkeypatch.setattr(scene_geometry.geometry, "tier_extents", counted)

    def taken(self) -> int:
        count, self.count = self.count, 0
        return count


def _check(scene) -> list[geometry.Band]:  # type: ignore[no-untyped-def]
    bands = scene.bands()
    chain_map = scene.chain_map
    assert bands == geometry.bands_between([tier.id for tier in chain_map.tiers],
                                           FRESH(chain_map, scene.folded_ids()))
    if geometry.tier_extents is FRESH:  # not spied on: the public function too
        assert bands == geometry.tier_bands(chain_map, scene.folded_ids())
    return bands


def test_moves_inside_keep_the_extents_and_moves_of_an_end_measure_again(make_scene, monkeypatch) -> None:
    chain_map = make_big_map(120, 100, tiers=3, columns=3, parents_every=12)
    scene = make_scene(chain_map)
    measures = Measures(monkeypatch)
    first = _check(scene)
    tier = chain_map.tiers[1].id
    tops = [node for node in chain_map.nodes if node.parent is None and node.tier == tier]
    lefts = {node.id: scene.segment_frame(node.id).left() for node in tops}
    leftmost = min(lefts.values())
    inner = next(node for node in tops if lefts[node.id] > leftmost and scene.segment_frame(node.id).right()
                 < max(scene.segment_frame(n.id).right() for n in tops))
    chain_map.update_node(inner.id, y=inner.y + 500.0)
    assert _check(scene) == first
    assert measures.taken() == 0

    chain_map.update_node(inner.id, x=inner.x + 2000.0)  # out to the right: the band grows
    grown = _check(scene)
    assert grown != first
    assert measures.taken() == 0
    chain_map.update_node(inner.id, x=inner.x - 2000.0)  # it held the right end: measured again
    assert _check(scene) == first
    assert measures.taken() == 1

    column = [node for node in tops if lefts[node.id] < leftmost + 100]  # the left column, sub-segments too
    moved = [sub for node in column for sub in (node.id, *chain_map.descendants(node.id))]
    for node_id in moved:  # it moves in
        chain_map.update_node(node_id, x=chain_map.node(node_id).x + 300.0)
    assert _check(scene) != first
    assert measures.taken() == 1
    for node_id in moved:
        chain_map.update_node(node_id, x=chain_map.node(node_id).x - 300.0)
    assert _check(scene) == first


def test_random_edits_keep_the_bands_equal_to_a_fresh_measure(make_scene) -> None:
    chain_map = make_big_map(90, 80, tiers=4, columns=2, parents_every=9)
    scene = make_scene(chain_map)
    _check(scene)
    rng = random.Random(11)
    tiers = [tier.id for tier in chain_map.tiers]
    for step in range(60):
        node = rng.choice(chain_map.nodes)
        action = rng.random()
        if action < 0.6 and node.x is not None and node.y is not None:
            reach = rng.choice((20.0, 900.0))
            chain_map.update_node(node.id, x=node.x + rng.uniform(-reach, reach), y=node.y + rng.uniform(-reach, reach))
        elif action < 0.7:
            chain_map.update_node(node.id, tier=rng.choice(tiers))
        elif action < 0.8 and chain_map.children(node.id):
            scene.set_folded(node.id, not scene.is_folded(node.id))
        elif action < 0.9 and node.parent is None:
            chain_map.update_node(node.id, x=None, y=None)  # unplaced: it leaves its band
        elif node.parent is None:
            chain_map.update_node(node.id, x=rng.uniform(0, 3000), y=rng.uniform(0, 2000))
        if step % 3 == 0:
            _check(scene)
    _check(scene)
