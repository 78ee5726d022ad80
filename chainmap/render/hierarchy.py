"""Walks up the ``parent`` chains of many segments at once, for the scene.

A scene asks, for a whole batch of segments, how deep each is (its stacking order) and
which box stands for it when ancestors are folded. Asked one by one, each question walks up
to the top: for sub-segments nested thousands deep that is quadratic. Here each ancestor is
walked once per batch, and nothing recurses.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from chainmap.core.model import ChainMap


def depths(chain_map: ChainMap, node_ids: Iterable[str]) -> dict[str, int]:
    """How many ancestors each of ``node_ids`` has (their ancestors' counts come too)."""
    known: dict[str, int] = {}
    for node_id in node_ids:
        trail: list[str] = []
        current: str | None = node_id
        while current is not None and current not in known:
            trail.append(current)
            current = chain_map.node(current).parent
        count = -1 if current is None else known[current]
        for member in reversed(trail):
            count += 1
            known[member] = count
    return known


def shown_as(chain_map: ChainMap, folded: Collection[str], node_ids: Iterable[str]) -> dict[str, str]:
    """For each of ``node_ids``, the segment whose box stands for it: its topmost folded
    ancestor, or itself."""
    wanted = list(node_ids)
    if not folded:
        return {node_id: node_id for node_id in wanted}
    above: dict[str, str | None] = {}  # the topmost folded ancestor (not itself), if any
    for node_id in wanted:
        trail: list[str] = []
        current = node_id
        while current not in above:
            parent = chain_map.node(current).parent
            if parent is None:
                above[current] = None
                break
            trail.append(current)
            current = parent
        for member in reversed(trail):
            parent = chain_map.node(member).parent
            assert parent is not None
            top = above[parent]
            above[member] = top if top is not None else (parent if parent in folded else None)
    return {node_id: above[node_id] or node_id for node_id in wanted}
