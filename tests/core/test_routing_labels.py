"""Labels on random maps: wherever the boxes stand, every label and flow tag gets a place
that covers no box, no other label and no note, and one that cannot sit on its link stays
close to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.core.format.fileio import load_map
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH
from chainmap.core.layout.engine import apply_positions, compute_layout
from chainmap.core.routing import (
    LabelText,
    LinkSpec,
    NoteSpec,
    Router,
    RoutingInput,
    label_levels,
    label_overlaps,
    route_map,
)
from chainmap.core.routing.labels import distance_to_route
from chainmap.core.routing.result import LinkRoute

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))
NEAR = SEGMENT_WIDTH * 0.6  # units: well short of the next channel, a box's width away
Box = tuple[float, float, float, float]


def box_at(x: float, y: float) -> Box:
    return (x - SEGMENT_WIDTH / 2, y - SEGMENT_HEIGHT / 2, x + SEGMENT_WIDTH / 2, y + SEGMENT_HEIGHT / 2)


def covers(a: Box, b: Box) -> bool:
    """An independent judge of overlap (a shared border is not an overlap)."""
    return a[0] < b[2] - 1e-6 and b[0] < a[2] - 1e-6 and a[1] < b[3] - 1e-6 and b[1] < a[3] - 1e-6


def overlapping(a: Box, b: Box) -> bool:
    return covers(a, b)


positions = st.lists(st.tuples(st.integers(0, 40).map(lambda v: v * 16.0), st.integers(0, 30).map(lambda v: v * 16.0)),
                     min_size=3, max_size=9, unique=True)
texts = st.sampled_from(["锂盐", "动力电池", "换电电池包", "Hello World AV", "高纯石英砂供应", "x"])
flows = st.lists(st.sampled_from([("津", "京"), ("冀", "京"), ("京", "津")]), max_size=2).map(tuple)


@settings(max_examples=80, deadline=None)
@given(positions, st.data())
def test_random_maps_labels_cover_no_box_no_label_and_no_note(points, data) -> None:  # type: ignore[no-untyped-def]
    boxes = {f"s{i}": box_at(x, y) for i, (x, y) in enumerate(points)}
    ids = list(boxes)
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids), texts, flows),
                               min_size=1, max_size=10))
    links = [LinkSpec(f"e{k}", a, b, LabelText(text, flow)) for k, (a, b, text, flow) in enumerate(pairs)
             if a != b and not overlapping(boxes[a], boxes[b])]
    note_at = data.draw(st.sampled_from(ids))
    x0, y0, x1, y1 = boxes[note_at]
    notes = [NoteSpec("n0", ((x0 + x1) / 2, y0 - 40), (120.0, 40.0), note_at)]
    routes = Router(RoutingInput(dict(boxes), links, notes)).route_all()
    assert label_overlaps(routes) == []
    labels = {link_id: route.label for link_id, route in routes.links.items() if route.label is not None}
    assert set(labels) == {link.id for link in links}  # every labelled link shows its label
    others = [*boxes.values(), routes.notes["n0"].rect]
    for link_id, rect in labels.items():
        assert not any(covers(rect, other) for other in others), f"label of {link_id} covers a box or the note"
        assert not any(covers(rect, other) for other_id, other in labels.items() if other_id != link_id)


@pytest.mark.parametrize("laid_out", [False, True], ids=["shipped", "laid-out"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_a_label_that_cannot_sit_on_its_link_stays_near_it(path: Path, laid_out: bool) -> None:
    """In narrow channels (the shipped examples' columns are 12 units apart) a label cannot
    sit on its link; it takes the free place nearest the link, not one in the next channel
    over, where it would read as another link's (a label of the shipped vehicles map once
    went 173 units off, past a column of boxes)."""
    chain_map = load_map(path).map
    if laid_out:
        apply_positions(chain_map, compute_layout(chain_map))
    routes = route_map(chain_map)
    for link_id, route in routes.links.items():
        if route.label is not None:
            assert distance_to_route(route.label, route.corners) < NEAR, link_id


@pytest.mark.parametrize("laid_out", [False, True], ids=["shipped", "laid-out"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_label_levels_put_each_label_over_the_labelled_lines_that_cross_it(path: Path, laid_out: bool) -> None:
    chain_map = load_map(path).map
    if laid_out:
        apply_positions(chain_map, compute_layout(chain_map))
    routes = route_map(chain_map)
    levels = label_levels(routes)
    assert set(levels) == {link_id for link_id, route in routes.links.items() if route.label is not None}
    for label_id, level in levels.items():
        label = routes.links[label_id].label
        assert label is not None
        for line_id in levels:
            if line_id != label_id and _through(routes.links[line_id].corners, label):
                assert levels[line_id] < level, (line_id, label_id)


def test_links_crossing_each_others_labels_share_a_level_above_what_crosses_them() -> None:
    """Three labelled links: a and b each run through the other's label (a ring), c's line
    runs through a's label; c has no label crossed. c lies lowest, a and b together above."""
    boxes = {"s": box_at(0, 0), "t": box_at(600, 0), "u": box_at(0, 300), "v": box_at(600, 300)}
    routes = Router(RoutingInput(boxes, [])).route_all()
    label_a, label_b = (250.0, 90.0, 310.0, 110.0), (250.0, 190.0, 310.0, 210.0)
    routes.links["a"] = LinkRoute("s", "t", (), ((280.0, 40.0), (280.0, 200.0)), label_a, 11, None, True)
    routes.links["b"] = LinkRoute("u", "v", (), ((260.0, 100.0), (260.0, 260.0)), label_b, 11, None, True)
    routes.links["c"] = LinkRoute("s", "v", (), ((200.0, 95.0), (400.0, 95.0)), (0.0, 400.0, 40.0, 420.0),
                                  11, None, True)
    assert label_levels(routes) == {"c": 0, "a": 1, "b": 1}


def _through(corners: tuple[tuple[float, float], ...], rect: Box) -> bool:
    """Whether an orthogonal polyline passes strictly inside ``rect`` (an independent judge)."""
    left, top, right, bottom = rect
    for (x0, y0), (x1, y1) in zip(corners, corners[1:], strict=False):
        if y0 == y1 and top < y0 < bottom and min(x0, x1) < right and max(x0, x1) > left:
            return True
        if x0 == x1 and left < x0 < right and min(y0, y1) < bottom and max(y0, y1) > top:
            return True
    return False
