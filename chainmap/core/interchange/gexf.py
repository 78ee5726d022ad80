"""GEXF 1.3 both ways, for Gephi, through networkx's own writer and reader.

Each segment carries its fields as typed attributes (:mod:`.graph_data`) and Gephi's
``viz:position`` (the canvas position; GEXF's y axis points up, the canvas's down, so y is
negated both ways), ``viz:color`` (its status colour) and ``viz:size`` (larger with more
enterprises). GEXF has no graph attributes: the map's title, regions, tiers and notes are not
carried, so a GEXF file updates a map (``--into``) exactly but a new map from it has default
regions, tiers named by the segments' ``tier_name`` and no notes.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx

from chainmap.core.analysis import regional_status
from chainmap.core.format.problems import Problem, error
from chainmap.core.messages import msg
from chainmap.core.model import ChainMap

from . import labels
from .graph_data import graph_tables, map_graph, scrub_for_xml
from .tables import Table

BASE_SIZE, SIZE_PER_FIRM, MAX_SIZE = 10.0, 2.0, 40.0


def gexf_bytes(chain_map: ChainMap) -> tuple[bytes, list[str]]:
    """The map as GEXF 1.3 with positions, colours and sizes; warnings as for GraphML."""
    graph = map_graph(chain_map)
    graph.graph = {"name": chain_map.title}
    for node in chain_map.nodes:
        colour = labels.STATUS_FILLS[regional_status(node)]
        firms = sum(len(entry.enterprises) for entry in node.regions.values())
        viz: dict[str, Any] = {
            "color": {"r": int(colour[0:2], 16), "g": int(colour[2:4], 16), "b": int(colour[4:6], 16), "a": 1.0},
            "size": min(MAX_SIZE, BASE_SIZE + SIZE_PER_FIRM * firms),
        }
        if node.x is not None and node.y is not None:
            viz["position"] = {"x": float(node.x), "y": -float(node.y), "z": 0.0}
        graph.nodes[node.id]["viz"] = viz
    warnings = scrub_for_xml(graph)
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer, encoding="utf-8", prettyprint=True, version="1.3")
    return buffer.getvalue(), warnings


def read_gexf(raw: bytes, source: str, tier_by: str | None = None) -> tuple[list[Table], list[Problem]]:
    """The tables of a GEXF file (1.1, 1.2 or 1.3): positions from ``viz:position``."""
    version = _version(raw)
    try:
        graph = nx.read_gexf(io.BytesIO(raw), version=version)
    except (nx.NetworkXError, ET.ParseError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        return [], [error("", msg("The file cannot be read as GEXF: {exc}.", exc=exc))]
    for _, attrs in graph.nodes(data=True):
        position = (attrs.get("viz") or {}).get("position")
        if isinstance(position, dict) and "x" not in attrs and "y" not in attrs:
            attrs["x"], attrs["y"] = position.get("x"), _negated(position.get("y"))
    return graph_tables(graph, source, tier_by), []


def _negated(value: Any) -> Any:
    return -value if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _version(raw: bytes) -> str:
    """The GEXF version a file declares (networkx needs to be told)."""
    head = raw[:2000]
    for version, marker in (("1.3", b"gexf.net/1.3"), ("1.1draft", b"1.1draft")):
        if marker in head:
            return version
    return "1.2draft"
