"""GraphML both ways, through networkx: generic, and flavoured for yEd.

**Generic** (:func:`graphml_bytes`): networkx's own writer (``write_graphml_xml``, the
ElementTree one, so the output does not depend on lxml) writes the graph of
:func:`.graph_data.map_graph`, every field a typed data key; reading it back
(:func:`read_graphml`, networkx's reader) gives the same map.

**yEd** (``yed=True``): networkx has no writer for yEd's graphics, so its generic output is
post-processed with ElementTree (no lxml): each segment gets a ``y:ShapeNode`` (its box where
the canvas has it, filled with its status colour, its name as the label), each link a
``y:PolyLineEdge`` with an arrow and its label, along its route (a ``y:Path``: the port
offsets ``sx``/``sy``/``tx``/``ty`` from the two boxes' centres and a ``y:Point`` per bend, the
points :func:`chainmap.core.routing.route_map` gives, as ``chainmap route --json`` prints
them, so yEd draws the routes the canvas draws), and each tier becomes a group node
(``yfiles.foldertype="group"``) holding its segments, drawn as the tier's band. The generic
data keys stay, after the graphics, so the file still imports into chainmap exactly (yEd keeps
data it does not understand when it saves).
"""

from __future__ import annotations

import io
import warnings
import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx

from chainmap.core.analysis import regional_status
from chainmap.core.format.problems import Problem, error, warning
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH, tier_bands
from chainmap.core.messages import msg
from chainmap.core.model import ChainMap
from chainmap.core.routing import route_map
from chainmap.core.routing.result import LinkRoute

from . import labels
from .graph_data import graph_tables, map_graph, scrub_for_xml
from .tables import Table

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
Y_NS = "http://www.yworks.com/xml/graphml"
LINE_COLOUR = "#56657A"
BAND_FILL, BAND_LINE, BAND_HEADER = "#F5F7FA", "#C3CEDB", "#DDE4EE"
BAND_PADDING = 60.0
LINE_TYPES = {"supply": "line", "technology": "dashed", "service": "dotted"}


def graphml_bytes(chain_map: ChainMap, *, yed: bool = False) -> tuple[bytes, list[str]]:
    """The map as GraphML (generic, or yEd's flavour), and warnings about text GraphML cannot
    hold (control characters, replaced by U+FFFD)."""
    graph = map_graph(chain_map)
    notes = scrub_for_xml(graph)
    buffer = io.BytesIO()
    nx.write_graphml_xml(graph, buffer, encoding="utf-8", prettyprint=True, edge_id_from_attribute="id")
    if not yed:
        return buffer.getvalue(), notes
    return _yed(buffer.getvalue(), chain_map), notes


def _q(tag: str, namespace: str = GRAPHML_NS) -> str:
    return f"{{{namespace}}}{tag}"


def _y(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, _q(tag, Y_NS), attrs)
    if text is not None:
        element.text = text
    return element


def _yed(generic: bytes, chain_map: ChainMap) -> bytes:
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("y", Y_NS)
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
    root = ET.fromstring(generic)
    graph = root.find(_q("graph"))
    assert graph is not None  # networkx always writes one
    position = list(root).index(graph)
    keys = [ET.Element(_q("key"), {"for": "node", "id": "y_node", "yfiles.type": "nodegraphics"}),
            ET.Element(_q("key"), {"for": "edge", "id": "y_edge", "yfiles.type": "edgegraphics"}),
            ET.Element(_q("key"), {"for": "node", "id": "y_tier", "attr.name": "tier_group", "attr.type": "string"})]
    for offset, key in enumerate(keys):
        root.insert(position + offset, key)
    nodes = {element.get("id"): element for element in graph.findall(_q("node"))}
    groups = _tier_groups(graph, chain_map)
    for node in chain_map.nodes:
        element = nodes[node.id]
        data = ET.Element(_q("data"), {"key": "y_node"})
        shape = _y(data, "ShapeNode")
        x = (node.x or 0.0) - SEGMENT_WIDTH / 2
        y = (node.y or 0.0) - SEGMENT_HEIGHT / 2
        _y(shape, "Geometry", height=f"{SEGMENT_HEIGHT}", width=f"{SEGMENT_WIDTH}", x=f"{x:.1f}", y=f"{y:.1f}")
        _y(shape, "Fill", color="#" + labels.STATUS_FILLS[regional_status(node)], transparent="false")
        _y(shape, "BorderStyle", color=LINE_COLOUR, type="line", width="1.0")
        _y(shape, "NodeLabel", node.name, alignment="center", autoSizePolicy="content",
           fontSize="12", modelName="internal", modelPosition="c")
        _y(shape, "Shape", type="roundrectangle")
        element.insert(0, data)
        graph.remove(element)
        groups[node.tier].append(element)
    routes = route_map(chain_map).links
    for edge_element in graph.findall(_q("edge")):
        edge = chain_map.edge(str(edge_element.get("id")))
        data = ET.Element(_q("data"), {"key": "y_edge"})
        line = _y(data, "PolyLineEdge")
        route = routes.get(edge.id)
        if route is not None:
            _path(line, route, chain_map)
        _y(line, "LineStyle", color=LINE_COLOUR, type=LINE_TYPES.get(edge.effective_kind, "line"),
           width="2.6" if edge.flows else "1.2")
        _y(line, "Arrows", source="none", target="standard")
        if edge.label:
            _y(line, "EdgeLabel", edge.label)
        _y(line, "BendStyle", smoothed="false")
        edge_element.insert(0, data)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _coordinate(value: float) -> str:
    """A coordinate as ``chainmap route --json`` prints it (two decimals at most)."""
    rounded = round(value, 2)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


def _path(line: ET.Element, route: LinkRoute, chain_map: ChainMap) -> None:
    """The link's route as yEd's ``y:Path``: where it leaves the source's box and enters the
    target's, from their centres, and every point between."""
    source, target = chain_map.node(route.source), chain_map.node(route.target)
    (sx, sy), (tx, ty) = route.points[0], route.points[-1]
    path = _y(line, "Path", sx=_coordinate(sx - (source.x or 0.0)), sy=_coordinate(sy - (source.y or 0.0)),
              tx=_coordinate(tx - (target.x or 0.0)), ty=_coordinate(ty - (target.y or 0.0)))
    for x, y in route.points[1:-1]:
        _y(path, "Point", x=_coordinate(x), y=_coordinate(y))


def _tier_groups(graph: ET.Element, chain_map: ChainMap) -> dict[str, ET.Element]:
    """A group node per tier, drawn as the tier's band; returns each tier's inner graph."""
    bands = {band.tier: band for band in tier_bands(chain_map)}
    ys = [n.y for n in chain_map.nodes if n.y is not None] or [0.0]
    top, bottom = min(ys) - SEGMENT_HEIGHT / 2 - BAND_PADDING, max(ys) + SEGMENT_HEIGHT / 2 + BAND_PADDING / 2
    inner: dict[str, ET.Element] = {}
    for index, tier in enumerate(chain_map.tiers):
        band = bands[tier.id]
        group = ET.Element(_q("node"), {"id": f"tier:{tier.id}", "yfiles.foldertype": "group"})
        data = ET.SubElement(group, _q("data"), {"key": "y_node"})
        realizers = _y(_y(data, "ProxyAutoBoundsNode"), "Realizers", active="0")
        shape = _y(realizers, "GroupNode")
        _y(shape, "Geometry", height=f"{bottom - top:.1f}", width=f"{band.right - band.left:.1f}",
           x=f"{band.left:.1f}", y=f"{top:.1f}")
        _y(shape, "Fill", color=BAND_FILL, transparent="false")
        _y(shape, "BorderStyle", color=BAND_LINE, type="line", width="1.0")
        _y(shape, "NodeLabel", tier.name, alignment="center", autoSizePolicy="node_width", backgroundColor=BAND_HEADER,
           fontSize="14", modelName="internal", modelPosition="t")
        _y(shape, "Shape", type="rectangle")
        _y(shape, "State", closed="false", innerGraphDisplayEnabled="false")
        ET.SubElement(group, _q("data"), {"key": "y_tier"}).text = tier.id
        inner[tier.id] = ET.SubElement(group, _q("graph"), {"edgedefault": "directed", "id": f"tier:{tier.id}:"})
        graph.insert(index, group)
    return inner


def parse_graphml(raw: bytes) -> tuple[Any, list[Problem]]:
    """networkx's reading of a GraphML file, or why it cannot be read (its warnings kept)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            graph = nx.read_graphml(io.BytesIO(raw))
        except (nx.NetworkXError, ET.ParseError, ValueError, KeyError, TypeError, IndexError) as exc:
            return None, [error("", msg("The file cannot be read as GraphML: {exc}.", exc=exc))]
    return graph, [warning("", msg("GraphML: {message}", message=w.message)) for w in caught]


def read_graphml(raw: bytes, source: str, tier_by: str | None = None) -> tuple[list[Table], list[Problem]]:
    """The tables of a GraphML file (ours, yEd's or another tool's)."""
    graph, problems = parse_graphml(raw)
    if graph is None:
        return [], problems
    return graph_tables(graph, source, tier_by), problems
