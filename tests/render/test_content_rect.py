"""MapScene.content_rect: everything drawn, kept between calls and checked against the scene's
index instead of measured item by item; it must equal a measure of every item after any edit."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QRectF

from chainmap.core.model import Note
from chainmap.render import scene_lazy
from chainmap.render.items_segment import BOX
from chainmap.render.scene import CONTENT_MARGIN

from .bigmap import make_big_map


def measured(scene) -> QRectF:  # type: ignore[no-untyped-def]
    """The content rectangle measured from every item, as the scene drew it now."""
    sync = scene.sync
    rect = QRectF()
    for tier in sync.items.tiers.values():
        rect = rect.united(tier.sceneBoundingRect())
    for table in (sync.items.nodes, sync.items.edges, sync.items.notes):
        for item in table.values():
            if item.isVisible() and item.opacity() > 0.0:
                rect = rect.united(item.sceneBoundingRect())
    for decoration in (sync.title, sync.legend):
        if decoration.isVisible():
            rect = rect.united(decoration.sceneBoundingRect())
    if sync.pending:
        rect = rect.united(scene_lazy.PendingItems._measure_extent(sync.pending))  # now, not as kept
    return rect.adjusted(-CONTENT_MARGIN, -CONTENT_MARGIN, CONTENT_MARGIN, CONTENT_MARGIN)


class Measures:
    """Counts the scene's item-by-item measures of its drawn items."""

    def __init__(self, scene, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.count = 0
        whole = scene._measure_drawn

        def counted() -> QRectF:
            self.count += 1
            return whole()

        monkeypatch.setattr(scene, "_measure_drawn", counted)

    def taken(self) -> int:
        count, self.count = self.count, 0
        return count


def _check(scene) -> QRectF:  # type: ignore[no-untyped-def]
    rect = scene.content_rect()
    assert rect == measured(scene)
    return rect


def _outermost(scene, side: str) -> str:  # type: ignore[no-untyped-def]
    """The id of a segment whose box reaches furthest to ``side`` (left or right)."""
    nodes = scene.items_of("node")
    pick = min if side == "left" else max
    return pick(nodes, key=lambda i: nodes[i].sceneBoundingRect().left() if side == "left"
                else nodes[i].sceneBoundingRect().right())


def test_moves_out_and_back_in_deletes_and_adds_keep_it_equal_to_a_measure(make_scene, monkeypatch) -> None:
    chain_map = make_big_map(120, 160, tiers=3, columns=2, parents_every=15)
    scene = make_scene(chain_map)
    measures = Measures(scene, monkeypatch)
    first = _check(scene)
    assert measures.taken() == 1
    assert _check(scene) == first
    assert measures.taken() == 0  # nothing changed: checked near its border only

    inner = chain_map.nodes[len(chain_map.nodes) // 2]
    if inner.parent is not None:
        inner = chain_map.node(inner.parent)
    chain_map.update_node(inner.id, x=inner.x + 7.0, y=inner.y + 5.0)
    assert _check(scene) == first
    assert measures.taken() == 0  # a move inside: kept

    right = _outermost(scene, "right")
    far_x = chain_map.node(right).x
    chain_map.update_node(right, x=far_x + 4000.0)
    grown = _check(scene)
    assert grown.right() > first.right() + 3000
    assert measures.taken() == 0  # grown by what the index found outside

    chain_map.update_node(right, x=far_x)  # back in: the side it held touches nothing now
    assert _check(scene) == first
    assert measures.taken() == 1

    left = _outermost(scene, "left")
    removed = chain_map.node(left)
    chain_map.remove_node(left)
    _check(scene)
    chain_map.add_node(removed)
    assert _check(scene) == first

    chain_map.add_note(Note("far-note", "远处的说明", x=first.center().x(), y=first.bottom() + 2000))
    assert _check(scene).bottom() > first.bottom() + 1500
    chain_map.remove_note("far-note")
    assert _check(scene) == first


def test_hidden_faded_and_folded_items_and_random_moves(make_scene) -> None:
    chain_map = make_big_map(90, 120, tiers=3, columns=2, parents_every=10)
    scene = make_scene(chain_map)
    first = _check(scene)
    right = _outermost(scene, "right")
    item = scene.item_for("node", right)
    item.setOpacity(0.0)  # an overlay hides it: not drawn
    _check(scene)
    item.setOpacity(0.35)  # faded: drawn
    assert _check(scene) == first
    parent = next(node for node in chain_map.nodes if chain_map.children(node.id))
    scene.set_folded(parent.id, True)
    _check(scene)
    scene.set_folded(parent.id, False)
    assert _check(scene) == first

    rng = random.Random(3)
    tops = [node.id for node in chain_map.nodes if node.parent is None]
    for _step in range(40):
        node = chain_map.node(rng.choice(tops))
        reach = rng.choice((30.0, 3000.0))
        chain_map.update_node(node.id, x=node.x + rng.uniform(-reach, reach), y=node.y + rng.uniform(-reach, reach))
        _check(scene)


@pytest.fixture
def lazy(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 50)
    monkeypatch.setattr(scene_lazy, "IDLE_SEGMENTS", 0)
    monkeypatch.setattr(scene_lazy, "CELL", 500.0)


def test_a_big_maps_items_made_lazily_count_where_they_will_be(lazy, make_scene) -> None:
    chain_map = make_big_map(150, 200, tiers=3, columns=2)
    scene = make_scene(chain_map)
    assert scene.items_pending
    first = _check(scene)
    corner = QRectF(first.topLeft(), first.center())
    scene.ensure_items(corner)  # some made, the rest pending
    assert scene.items_pending
    assert _check(scene) == first
    made = next(iter(scene.sync.items.nodes))
    x = chain_map.node(made).x
    chain_map.update_node(made, x=x - 5000.0)
    assert _check(scene).left() < first.left() - 4000
    chain_map.update_node(made, x=x)
    assert _check(scene) == first
    scene.complete_items()
    assert not scene.items_pending
    assert _check(scene) == first


def test_the_pending_boxes_extent_is_kept_until_a_box_on_its_border_moves_or_goes(lazy, make_scene,
                                                                               monkeypatch) -> None:
    chain_map = make_big_map(150, 200, tiers=3, columns=2, parents_every=12)
    scene = make_scene(chain_map)
    pending = scene.sync.pending
    counted = {"measures": 0}
    measure = pending._measure_extent

    def measure_counted() -> QRectF:
        counted["measures"] += 1
        return measure()

    monkeypatch.setattr(pending, "_measure_extent", measure_counted)
    first = _check(scene)
    assert counted["measures"] == 1
    kept = pending.extent()
    inner = next(node for node in chain_map.nodes if node.parent is None and node.id in pending.nodes
                 and kept.adjusted(300, 300, -300, -300).contains(node.x, node.y))
    chain_map.update_node(inner.id, x=inner.x + 20.0)  # a box inside moved (and is made now)
    assert _check(scene) == first
    assert counted["measures"] == 1  # kept: a box strictly inside left no side
    # The bottom row moved up: the kept extent shrinks with it.
    bottom = max(node.y for node in chain_map.nodes)
    for node in [node for node in chain_map.nodes if node.y == bottom]:
        chain_map.update_node(node.id, y=node.y - 150.0)
    _check(scene)
    assert pending.extent().bottom() < bottom + BOX.height() / 2  # no longer as low
    # Random moves, near and far, and deletions of segments made or not: always as measured.
    rng = random.Random(8)
    for _step in range(60):
        tops = [node for node in chain_map.nodes if node.parent is None]
        node = rng.choice(tops)
        if rng.random() < 0.1:
            chain_map.remove_node(node.id)
        else:
            reach = rng.choice((10.0, 2500.0))
            chain_map.update_node(node.id, x=node.x + rng.uniform(-reach, reach), y=node.y + rng.uniform(-reach, reach))
        _check(scene)
        # The kept extent holds every pending box, and no more than those with the boxes of
        # the segments made since, where they are now.
        kept, fresh = pending.extent(), scene_lazy.PendingItems._measure_extent(pending)
        assert kept.united(fresh) == kept
        boxes = QRectF(fresh)
        for node_id in scene.sync.items.nodes:
            made = chain_map.node(node_id)
            boxes = boxes.united(QRectF(made.x - BOX.width() / 2, made.y - BOX.height() / 2, BOX.width(), BOX.height()))
        assert boxes.united(kept) == boxes
    assert counted["measures"] < 60  # not measured again at every edit
