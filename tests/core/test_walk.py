"""Walking a map with the keyboard: along links, within a column, in reading order."""

from __future__ import annotations

import pytest

from chainmap.core.model import ChainMap, Edge, Node, Tier
from chainmap.core.walk import reading_order, step


def _map() -> ChainMap:
    """Two tiers: up has a column of a (top), b, c and a second column d; mid has e (level with
    b) and f (level with a). Links a→f, b→e, b→f, d→e."""
    m = ChainMap("m", "t", "c", tiers=[Tier("up", "上游"), Tier("mid", "中游")])
    for node_id, tier, x, y in (("a", "up", 0, 0), ("b", "up", 0, 100), ("c", "up", 10, 200), ("d", "up", 240, 0),
                                ("e", "mid", 600, 100), ("f", "mid", 600, 0)):
        m.add_node(Node(node_id, node_id.upper(), tier, x=x, y=y))
    for i, (a, b) in enumerate((("a", "f"), ("b", "e"), ("b", "f"), ("d", "e"))):
        m.add_edge(Edge(f"l{i}", a, b))
    return m


ALL = {"a", "b", "c", "d", "e", "f"}


def test_downstream_and_upstream_follow_links_to_the_nearest_in_height() -> None:
    m = _map()
    assert step(m, "b", "downstream", ALL) == "e"  # e is level with b, f is above
    assert step(m, "a", "downstream", ALL) == "f"
    assert step(m, "e", "upstream", ALL) == "b"
    assert step(m, "f", "upstream", ALL) == "a"
    assert step(m, "e", "downstream", ALL) is None  # a sink: the walk stays
    assert step(m, "c", "upstream", ALL) is None


def test_up_and_down_stay_in_the_column() -> None:
    m = _map()
    assert step(m, "a", "down", ALL) == "b"
    assert step(m, "b", "down", ALL) == "c"  # 10 units to the side: still the same column
    assert step(m, "c", "down", ALL) is None
    assert step(m, "c", "up", ALL) == "b"
    assert step(m, "d", "down", ALL) is None  # d's column holds only d
    assert step(m, "f", "down", ALL) == "e"


def test_tab_order_reads_tier_by_tier_column_by_column_and_wraps() -> None:
    m = _map()
    assert reading_order(m, ALL) == ["a", "b", "c", "d", "f", "e"]
    assert step(m, "c", "next", ALL) == "d"
    assert step(m, "e", "next", ALL) == "a"
    assert step(m, "a", "previous", ALL) == "e"
    assert step(m, None, "next", ALL) == "a"
    assert step(m, None, "previous", ALL) == "e"


def test_only_shown_segments_are_walked_to() -> None:
    m = _map()
    shown = ALL - {"e", "b"}
    assert step(m, "d", "downstream", shown) is None
    assert step(m, "a", "down", shown) == "c"
    assert reading_order(m, shown) == ["a", "c", "d", "f"]


def test_without_a_current_segment_a_step_starts_nearest_the_view_centre() -> None:
    m = _map()
    assert step(m, None, "downstream", ALL, near=(590, 90)) == "e"
    assert step(m, "gone", "up", ALL, near=(230, 10)) == "d"
    with pytest.raises(ValueError):
        step(m, "a", "sideways", ALL)
