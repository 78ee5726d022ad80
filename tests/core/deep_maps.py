"""Maps of sub-segments nested thousands deep (each segment the ``parent`` of the next), and
flat maps of the same size, as plain data: for the depth tests and ``bench_depth.py``."""

from __future__ import annotations

from typing import Any


def chain_data(size: int, *, deep: bool = True, links: bool = True, positions: bool = False) -> dict[str, Any]:
    """A map of ``size`` segments: with ``deep`` each one the ``parent`` of the next (a chain
    ``size`` levels deep), else all top-level in three tiers; ``links`` joins each segment to
    the next; ``positions`` gives every segment a position."""
    nodes: list[dict[str, Any]] = []
    for index in range(size):
        node: dict[str, Any] = {
            "id": f"s{index:05d}",
            "name": f"环节{index}",
            "tier": "t0" if deep else f"t{index % 3}",
        }
        if deep and index:
            node["parent"] = f"s{index - 1:05d}"
        if positions:
            node["x"] = 200 + 10 * index
            node["y"] = 100 + 60 * index
        nodes.append(node)
    edges = (
        [{"id": f"e{index:05d}", "from": f"s{index:05d}", "to": f"s{index + 1:05d}"} for index in range(size - 1)]
        if links
        else []
    )
    return {
        "format": "chainmap",
        "version": 1,
        "id": "deep-chain",
        "title": "深层环节",
        "chain": "测试链",
        "regions": [{"code": "CN-BJ", "name": "北京"}],
        "tiers": [{"id": f"t{index}", "name": f"第{index + 1}层"} for index in range(3)],
        "nodes": nodes,
        "edges": edges,
    }
