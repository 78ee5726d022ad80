"""Labels, flow tags and note callouts: measured without Qt, placed where they cover no box,
no other label and no note; moved or shrunk, never dropped on a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainmap.core.format.fileio import load_map
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH
from chainmap.core.layout.engine import apply_positions, compute_layout
from chainmap.core.model import ChainMap, Edge, Flow, Node, Note, Region, Tier
from chainmap.core.routing import (
    LabelText,
    LinkSpec,
    NoteSpec,
    Router,
    RoutingInput,
    label_overlaps,
    route_map,
)
from chainmap.core.routing.labels import region_short
from chainmap.core.routing.notes import callout_size
from chainmap.core.routing.obstacles import segment_enters
from chainmap.core.routing.textsize import line_height, text_width

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))


def box_at(x: float, y: float) -> tuple[float, float, float, float]:
    return (x - SEGMENT_WIDTH / 2, y - SEGMENT_HEIGHT / 2, x + SEGMENT_WIDTH / 2, y + SEGMENT_HEIGHT / 2)


def covers(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] - 1e-6 and b[0] < a[2] - 1e-6 and a[1] < b[3] - 1e-6 and b[1] < a[3] - 1e-6


# ----------------------------------------------------------------- sizes
def test_text_is_measured_as_qt_measures_the_bundled_font() -> None:
    # The figures QFontMetricsF gives for the map font (tests/render/test_text_metrics.py
    # compares many more texts against Qt itself).
    assert text_width("锂盐", 11) == 21.96875
    assert text_width("Hello World AV", 11) == 75.203125  # kerned
    assert text_width("ff", 11) == 7.0625  # one ligature glyph
    assert line_height(11) == 15.90625


def test_a_label_with_a_flow_tag_is_two_lines_as_wide_as_the_wider() -> None:
    label = LabelText("动力电池", (("津", "京"), ("冀", "京")))
    width, height = label.size()
    assert width == max(text_width("动力电池", 11), 2 * (text_width("津", 11) + text_width("→", 11)
                                                      + text_width("京", 11)) + text_width(" ", 11)) + 6
    assert height == 2 * line_height(11) + 2
    assert LabelText("锂盐").size(9)[0] < LabelText("锂盐").size(11)[0]


def test_flow_tags_use_the_regions_short_names() -> None:
    assert region_short("CN-TJ", "天津") == "津"
    assert region_short("CN-SD", "山东") == "山"
    assert region_short("CN-XX", None) == "CN-XX"


def test_a_long_note_wraps_at_200_units() -> None:
    width, height = callout_size("很长的说明" * 20)
    assert width == 200 + 14
    assert height > 3 * line_height(12)
    short_width, _ = callout_size("短")
    assert short_width == text_width("短", 12) + 14


# ----------------------------------------------------------------- the examples
@pytest.mark.parametrize("laid_out", [False, True], ids=["shipped", "laid-out"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_examples_labels_and_notes_overlap_nothing(path: Path, laid_out: bool) -> None:
    chain_map = load_map(path).map
    if laid_out:
        apply_positions(chain_map, compute_layout(chain_map))
    routes = route_map(chain_map)
    assert label_overlaps(routes) == []
    labelled = {e.id for e in chain_map.edges if e.label or e.flows}
    assert {i for i, r in routes.links.items() if r.label is not None} == labelled
    assert set(routes.notes) == {n.id for n in chain_map.notes}


# ----------------------------------------------------------------- crowding
def test_crowded_labels_move_or_shrink_but_never_cover_a_box() -> None:
    # Two columns 12 units apart, each link labelled: no label fits between the boxes.
    boxes = {f"a{i}": box_at(0, 90 * i) for i in range(6)} | {f"b{i}": box_at(180, 90 * i) for i in range(6)}
    links = [LinkSpec(f"e{i}{j}", f"a{i}", f"b{j}", LabelText("上游供应原料", (("津", "京"),)))
             for i in range(6) for j in range(6) if abs(i - j) <= 1]
    routes = Router(RoutingInput(boxes, links)).route_all()
    labels = [r.label for r in routes.links.values()]
    assert all(label is not None for label in labels)
    assert label_overlaps(routes) == []
    for label in labels:
        assert not any(covers(label, box) for box in boxes.values())  # type: ignore[arg-type]


def test_a_label_shrinks_before_it_leaves_its_link() -> None:
    # A long straight link in a 16-unit gap, fenced above and below by boxes: the label only
    # fits on the link at a smaller size (9 pixels: 15.0 units high with its padding).
    boxes = {"s": box_at(0, 0), "t": box_at(800, 0)}
    boxes |= {f"u{i}": (90.0 + 100 * i, -60.0, 186.0 + 100 * i, -8.0) for i in range(7)}
    boxes |= {f"d{i}": (90.0 + 100 * i, 8.0, 186.0 + 100 * i, 60.0) for i in range(7)}
    links = [LinkSpec("e", "s", "t", LabelText("供应"))]
    route = Router(RoutingInput(boxes, links)).route_all().links["e"]
    assert route.label is not None and route.label_anchor is not None
    assert route.label_pixel_size == 9
    assert route.label[1] <= 0 <= route.label[3]  # still on the link
    assert label_overlaps(Router(RoutingInput(boxes, links)).route_all()) == []


# ----------------------------------------------------------------- notes
def note_map(notes: list[Note]) -> ChainMap:
    chain_map = ChainMap("m", "Map", "chain", regions=[Region("CN-BJ", "北京"), Region("CN-TJ", "天津")],
                         tiers=[Tier("t", "Tier")])
    chain_map.add_node(Node("a", "甲", "t", x=0, y=0))
    chain_map.add_node(Node("b", "乙", "t", x=300, y=0))
    chain_map.add_node(Node("c", "丙", "t", x=600, y=0))
    chain_map.add_edge(Edge("e", "a", "b", label="零部件", flows=[Flow("CN-TJ", "CN-BJ")]))
    for note in notes:
        chain_map.add_note(note)
    return chain_map


def test_a_note_on_a_box_moves_to_the_nearest_free_place() -> None:
    routes = route_map(note_map([Note("n", "说明文字", 300, 0, "a")]))
    note = routes.notes["n"]
    assert note.moved
    assert not any(covers(note.rect, box) for box in routes.boxes.values())
    assert label_overlaps(routes) == []


def test_two_notes_at_one_place_are_pulled_apart() -> None:
    routes = route_map(note_map([Note("n1", "第一条", 300, 200), Note("n2", "第二条", 300, 200)]))
    assert not routes.notes["n1"].moved and routes.notes["n2"].moved
    assert not covers(routes.notes["n1"].rect, routes.notes["n2"].rect)


def test_a_leader_goes_round_the_boxes_between_a_note_and_its_segment() -> None:
    # The note is right of c and points at a: the straight line would cross b and c.
    routes = route_map(note_map([Note("n", "说明", 900, 0, "a")]))
    leader = routes.notes["n"].leader
    assert leader is not None
    for a, b in zip(leader, leader[1:], strict=False):
        assert not segment_enters(a, b, routes.boxes["b"]) and not segment_enters(a, b, routes.boxes["c"])
    target = routes.boxes["a"]
    end = leader[-1]
    assert target[0] <= end[0] <= target[2] and target[1] <= end[1] <= target[3]


def test_a_note_touching_its_segment_has_no_leader_and_one_without_a_segment_neither() -> None:
    routes = route_map(note_map([Note("n", "说明", 0, -48, "a"), Note("m", "独立说明", 300, 200)]))
    assert routes.notes["n"].leader is None
    assert routes.notes["m"].leader is None


def test_notes_keep_out_of_the_way_of_labels() -> None:
    boxes = {"a": box_at(0, 0), "b": box_at(400, 0)}
    notes = [NoteSpec("n", (200, 0), (120, 40), None)]
    links = [LinkSpec("e", "a", "b", LabelText("标签"))]
    routes = Router(RoutingInput(boxes, links, notes)).route_all()
    label = routes.links["e"].label
    assert label is not None and not covers(label, routes.notes["n"].rect)
