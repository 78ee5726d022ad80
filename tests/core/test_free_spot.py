"""The free spot nearest to where a new box was asked for: never on a box, in the band,
around links when cheap, and in a crowded tier."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.core.geometry import PARENT_PADDING, SEGMENT_HEIGHT, SEGMENT_WIDTH, Rect, own_box
from chainmap.core.layout.free_spot import CLEARANCE, Line, block_rect, nearest_free_spot


def touches(spot: tuple[float, float], rects: list[Rect]) -> bool:
    box = own_box(*spot)
    return any(box.intersects(r) for r in rects)


def test_an_empty_spot_is_kept() -> None:
    assert nearest_free_spot((120.0, 300.0), [own_box(1000, 1000)]) == (120.0, 300.0)


def test_a_click_on_a_box_moves_just_clear_of_it() -> None:
    box = own_box(0, 0)
    spot = nearest_free_spot((10.0, 5.0), [box])
    assert not touches(spot, [box])
    # Above or below is nearer than beside: the box is wider than tall.
    assert spot[0] == 10.0
    assert abs(spot[1]) == SEGMENT_HEIGHT + CLEARANCE


def test_the_spot_stays_in_the_band() -> None:
    # A column of boxes filling the band's width: the spot goes above or below, not outside.
    column = [own_box(200, y * 80) for y in range(-5, 6)]
    spot = nearest_free_spot((200.0, 0.0), column, x_range=(80.0, 320.0))
    assert 80 + SEGMENT_WIDTH / 2 <= spot[0] <= 320 - SEGMENT_WIDTH / 2
    assert not touches(spot, column)
    assert abs(spot[1]) > 5 * 80


def test_a_band_narrower_than_a_box_centres_it() -> None:
    spot = nearest_free_spot((0.0, 0.0), [], x_range=(0.0, 100.0))
    assert spot[0] == 50.0


def test_a_link_line_is_avoided_when_that_is_cheap() -> None:
    line = Line(-1000, 0, 1000, 0)
    spot = nearest_free_spot((0.0, 0.0), [], lines=[line])
    assert abs(spot[1]) >= SEGMENT_HEIGHT / 2
    # Boxes all along above and below the line's neighbourhood: the line is the only room near.
    wall = [own_box(x, y) for x in range(-2000, 2001, 100) for y in (-300, -220, -140, 140, 220, 300)]
    spot = nearest_free_spot((0.0, 0.0), wall, lines=[line], x_range=(-2000, 2000))
    assert not touches(spot, wall)
    assert abs(spot[1]) < 140  # on the line rather than far away


def test_a_crowded_tier_finds_the_nearest_gap() -> None:
    # A band 3 columns wide, 30 rows packed, one box missing in the middle.
    xs = (0.0, 250.0, 500.0)
    boxes = [own_box(x, y * 100.0) for x in xs for y in range(30) if (x, y) != (250.0, 15)]
    # Asked for on the box just above the hole: the rows are too close for a box between
    # them, the columns too, so the hole is the nearest room, as high in it as it allows.
    spot = nearest_free_spot((260.0, 1400.0), boxes, x_range=(-120.0, 620.0))
    assert not touches(spot, boxes)
    above = own_box(250, 1400)
    assert spot == (260.0, above.bottom + CLEARANCE + SEGMENT_HEIGHT / 2)


def test_a_full_band_sends_the_box_past_the_crowd() -> None:
    boxes = [own_box(x, y * 90.0) for x in (0.0, 200.0) for y in range(40)]
    spot = nearest_free_spot((100.0, 1800.0), boxes, x_range=(-100.0, 300.0))
    assert not touches(spot, boxes)
    assert spot[1] < -SEGMENT_HEIGHT / 2 or spot[1] > 39 * 90


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 60))
def test_never_on_another_box(seed: int, count: int) -> None:
    rng = random.Random(seed)
    boxes = [own_box(rng.uniform(-800, 800), rng.uniform(-800, 800)) for _ in range(count)]
    want = (rng.uniform(-900, 900), rng.uniform(-900, 900))
    band = (-600.0, 600.0)
    spot = nearest_free_spot(want, boxes, x_range=band)
    assert not touches(spot, boxes)
    assert band[0] + SEGMENT_WIDTH / 2 - 1e-6 <= spot[0] <= band[1] - SEGMENT_WIDTH / 2 + 1e-6


def test_a_block_rect_holds_its_sub_segments() -> None:
    positions = {"p": (0.0, 0.0), "c": (0.0, 100.0), "g": (0.0, 200.0)}
    children = {"p": ["c"], "c": ["g"]}
    rect = block_rect(positions, children, "p")
    assert rect is not None
    assert rect.bottom == own_box(0, 200).bottom + 2 * PARENT_PADDING
    assert block_rect({}, {}, "p") is None
