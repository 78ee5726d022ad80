"""Cytoscape.js JSON (``.cyjs``) both ways, through networkx's ``cytoscape_data`` and
``cytoscape_graph``.

networkx writes the elements; the result is then given the shape Cytoscape desktop and
Cytoscape.js read: the graph's data as an object (networkx writes a list of pairs), each
node's ``position`` (the canvas position) beside its ``data``, and the ``format_version`` and
``generated_by`` fields Cytoscape writes. Reading takes files from Cytoscape as well (whose
nodes have no ``value``: the id stands for it). Like GraphML, a ``.cyjs`` carries the whole
map (graph data: title, regions, tiers, notes).
"""

from __future__ import annotations

import json

import networkx as nx

from chainmap import __version__
from chainmap.core.format.problems import Problem, error
from chainmap.core.messages import msg
from chainmap.core.model import ChainMap

from .graph_data import graph_tables, map_graph
from .tables import Table


def cyjs_bytes(chain_map: ChainMap) -> bytes:
    """The map as Cytoscape.js JSON (UTF-8, Chinese as is)."""
    graph = map_graph(chain_map)
    data = nx.cytoscape_data(graph)
    positions = {node.id: (node.x, node.y) for node in chain_map.nodes}
    for element in data["elements"]["nodes"]:
        x, y = positions[element["data"]["value"]]
        if x is not None and y is not None:
            element["position"] = {"x": x, "y": y}
    document = {"format_version": "1.0", "generated_by": f"chainmap-{__version__}",
                "target_cytoscapejs_version": "~2.1", "data": dict(data["data"]),
                "directed": data["directed"], "multigraph": data["multigraph"], "elements": data["elements"]}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_cyjs(raw: bytes, source: str, tier_by: str | None = None) -> tuple[list[Table], list[Problem]]:
    """The tables of a Cytoscape.js JSON file."""
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        return [], [error("", msg("The file is not Cytoscape.js JSON: {exc}.", exc=exc))]
    elements = document.get("elements") if isinstance(document, dict) else None
    if isinstance(elements, list):  # Cytoscape.js also allows one list of nodes and edges
        elements = {"nodes": [e for e in elements if isinstance(e, dict) and "source" not in e.get("data", {})],
                    "edges": [e for e in elements if isinstance(e, dict) and "source" in e.get("data", {})]}
    if not isinstance(elements, dict):
        return [], [error("", msg("The file is not Cytoscape.js JSON: it has no 'elements'."))]
    nodes, edges = elements.get("nodes", []), elements.get("edges", [])
    if not isinstance(nodes, list) or not isinstance(edges, list) or not all(
            isinstance(e, dict) and isinstance(e.get("data"), dict) for e in [*nodes, *edges]):
        return [], [error("", msg("The file is not Cytoscape.js JSON: every node and edge needs its 'data'."))]
    for element in nodes:
        element["data"].setdefault("value", element["data"].get("id"))
        position = element.get("position")
        if isinstance(position, dict):
            element["data"].setdefault("x", position.get("x"))
            element["data"].setdefault("y", position.get("y"))
    for index, element in enumerate(edges):
        element["data"].setdefault("key", element["data"].get("id", index))
    graph_data = document.get("data", {})
    prepared = {"data": graph_data if isinstance(graph_data, (dict, list)) else {},
                "directed": True, "multigraph": True, "elements": {"nodes": nodes, "edges": edges}}
    try:
        graph = nx.cytoscape_graph(prepared)
    except (nx.NetworkXError, KeyError, TypeError, ValueError) as exc:
        return [], [error("", msg("The file cannot be read as Cytoscape.js JSON: {exc}.", exc=exc))]
    return graph_tables(graph, source, tier_by), []
