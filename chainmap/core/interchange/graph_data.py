"""A map as a networkx graph with flat, typed attributes, and a graph back as tables.

The graph formats (GraphML, GEXF, Cytoscape.js) hold attributes that are single values, so a
segment's fields are spelled out: ``name``, ``tier``, ``parent``, ``kind``, ``description``,
``x``, ``y`` (numbers), one attribute per region fact (``CN-TJ.status``, ``CN-TJ.plan.action``,
``CN-TJ.plan.targets``...), and lists and records (aliases, tags, targets, enterprises,
flows, unknown keys) as JSON text. ``label`` (the name), ``status`` (the best of the
regions') and ``tier_name`` are there for the other tools and are not read back; a link's
``order`` keeps the links in the map's order (networkx lists each node's links together). The map's
own fields, regions, tiers and notes are graph attributes (GraphML and Cytoscape.js keep
them; GEXF has no graph attributes).

:func:`graph_tables` turns any such graph (ours, or one from yEd, Gephi or Cytoscape) into
the tables the spreadsheet importer reads, so one importer applies both: a node whose id is
a segment's updates it, attributes chainmap does not know are kept under the segment's
unknown keys, ``--tier-by ATTRIBUTE`` says which attribute names the tier.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import networkx as nx

from chainmap.core.analysis import regional_status
from chainmap.core.format.serialize import (
    enterprise_to_data,
    flow_to_data,
    map_to_data,
    note_to_data,
    region_to_data,
    tier_to_data,
)
from chainmap.core.ids import is_valid_id, is_valid_region_code, new_id
from chainmap.core.messages import N_, msg
from chainmap.core.model import ChainMap, Node
from chainmap.core.vocabulary import DEFAULT_REGIONS

from .cells import quote_text
from .tables import Row, Table

DERIVED = ("label", "status", "tier_name", "shape_type")  # for other tools; yEd's box shape
NODE_FIELDS = ("name", "tier", "parent", "kind", "aliases", "description", "tags", "x", "y")
PLAN_FIELDS = ("action", "priority", "targets", "owner", "due", "note")
LIST_FIELDS = ("aliases", "tags", "targets")
# The map's fields as graph attributes ("id" would become GraphML's own graph id, not data).
GRAPH_FIELDS = {"map_id": "id", "title": "title", "chain": "chain", "lead": "lead", "owner": "owner"}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def node_attributes(node: Node, chain_map: ChainMap) -> dict[str, Any]:
    """A segment's attributes (see the module docstring); absent fields are left out."""
    attrs: dict[str, Any] = {"label": node.name, "name": node.name, "tier": node.tier,
                             "tier_name": chain_map.tier(node.tier).name if chain_map.has_tier(node.tier) else node.tier}
    for key in ("parent", "kind", "description"):
        if getattr(node, key) is not None:
            attrs[key] = getattr(node, key)
    for key in ("aliases", "tags"):
        if getattr(node, key):
            attrs[key] = _json(getattr(node, key))
    if node.x is not None:
        attrs["x"] = float(node.x)
    if node.y is not None:
        attrs["y"] = float(node.y)
    attrs["status"] = regional_status(node)
    for code, entry in node.regions.items():
        attrs[f"{code}.status"] = entry.status
        if entry.note is not None:
            attrs[f"{code}.note"] = entry.note
        if entry.enterprises:
            attrs[f"{code}.enterprises"] = _json([enterprise_to_data(f) for f in entry.enterprises])
        if entry.extra:
            attrs[f"{code}.extra"] = _json(entry.extra)
        plan = entry.plan
        if plan is not None:
            for key in PLAN_FIELDS:
                value = getattr(plan, key)
                if value is not None and value != []:
                    attrs[f"{code}.plan.{key}"] = _json(value) if key == "targets" else value
            if plan.extra:
                attrs[f"{code}.plan.extra"] = _json(plan.extra)
    if node.extra:
        attrs["extra"] = _json(node.extra)
    return attrs


def map_graph(chain_map: ChainMap) -> nx.MultiDiGraph:
    """The map as a directed multigraph (two links may join the same segments with different
    kinds), every edge keyed by its link id."""
    graph = nx.MultiDiGraph()
    graph.graph.update({"format": "chainmap", "version": 1})
    for attribute, key in GRAPH_FIELDS.items():
        if getattr(chain_map, key) is not None:
            graph.graph[attribute] = getattr(chain_map, key)
    graph.graph["regions"] = _json([region_to_data(r) for r in chain_map.regions])
    graph.graph["tiers"] = _json([tier_to_data(t) for t in chain_map.tiers])
    if chain_map.notes:
        graph.graph["notes"] = _json([note_to_data(n) for n in chain_map.notes])
    if chain_map.extra:
        graph.graph["extra"] = _json(chain_map.extra)
    # What only a whole map has: left to a new map made from the file (an update keeps its own).
    for key in ("conflicts", "deleted", "meta"):
        value = map_to_data(chain_map).get(key) if key != "meta" else chain_map.meta
        if value:
            graph.graph[key] = _json(value)
    for node in chain_map.nodes:
        graph.add_node(node.id, **node_attributes(node, chain_map))
    for order, edge in enumerate(chain_map.edges):
        # "order": the links' order in the map (networkx lists a node's links together).
        attrs: dict[str, Any] = {"id": edge.id, "order": order}
        for key in ("kind", "label", "note"):
            if getattr(edge, key) is not None:
                attrs[key] = getattr(edge, key)
        if edge.flows:
            attrs["flows"] = _json([flow_to_data(f) for f in edge.flows])
        if edge.extra:
            attrs["extra"] = _json(edge.extra)
        graph.add_edge(edge.source, edge.target, key=edge.id, **attrs)
    return graph


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def scrub_for_xml(graph: nx.MultiDiGraph) -> list[str]:
    """Replace what XML 1.0 text cannot hold in the graph's text attributes: control
    characters by U+FFFD, carriage returns (which a reader turns into line feeds) by line feeds;
    one warning per attribute changed, naming the item."""
    said: list[str] = []

    def clean(kind: str, item: Any, attrs: dict[str, Any]) -> None:
        for key, value in attrs.items():
            if not isinstance(value, str):
                continue
            if _XML_ILLEGAL.search(value):
                value = _XML_ILLEGAL.sub("\ufffd", value)
                said.append(msg(_CONTROL[kind], item=item, key=key))
            if "\r" in value:
                value = value.replace("\r\n", "\n").replace("\r", "\n")
                said.append(msg(_RETURNS[kind], item=item, key=key))
            attrs[key] = value

    clean("map", None, graph.graph)
    for node, attrs in graph.nodes(data=True):
        clean("segment", node, attrs)
    for _, _, key, attrs in graph.edges(keys=True, data=True):
        clean("link", key, attrs)
    return said


_CONTROL = {
    "map": N_("the map: the {key} holds control characters, which XML cannot hold; they were written as U+FFFD"),
    "segment": N_("segment {item}: the {key} holds control characters, which XML cannot hold; "
                  "they were written as U+FFFD"),
    "link": N_("link {item}: the {key} holds control characters, which XML cannot hold; "
               "they were written as U+FFFD"),
}
_RETURNS = {
    "map": N_("the map: the {key} holds carriage returns, which XML reads as line feeds; "
              "they were written as line feeds"),
    "segment": N_("segment {item}: the {key} holds carriage returns, which XML reads as line feeds; "
                  "they were written as line feeds"),
    "link": N_("link {item}: the {key} holds carriage returns, which XML reads as line feeds; "
               "they were written as line feeds"),
}
"""What :func:`scrub_for_xml` says of an attribute it changed, by the item holding it."""


def _loads(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _header(attribute: str) -> str | None:
    """The table header an attribute stands for: ``CN-TJ.plan.action`` → ``CN-TJ action``."""
    if attribute in NODE_FIELDS or attribute == "id":
        return attribute
    parts = attribute.split(".")
    if len(parts) == 2 and parts[1] in ("status", "note"):
        return f"{parts[0]} {parts[1]}"
    if len(parts) == 3 and parts[1] == "plan" and parts[2] in PLAN_FIELDS:
        return f"{parts[0]} {'plan note' if parts[2] == 'note' else parts[2]}"
    return None


def graph_tables(graph: Any, source: str, tier_by: str | None = None) -> list[Table]:
    """The tables of a graph read by networkx: nodes, links, enterprises, and for our own
    files the map, regions, tiers and notes."""
    keys: dict[Any, str] = {}
    for key in graph.nodes:
        text = str(key)
        keys[key] = text if is_valid_id(text) else new_id("n")
    tables = _frame_tables(graph.graph, source)
    nodes, firms = _node_tables(graph, keys, source, tier_by)
    kinds = {table.kind for table in tables}
    if "tiers" not in kinds and not tier_by:
        derived = _derived_tiers(graph, source)
        if derived.rows:
            tables.append(derived)
    if "regions" not in kinds:
        tables.append(_derived_regions(graph, source))
    tables += [nodes, firms, _edge_table(graph, keys, source)]
    return tables


def _item_place(kind: str) -> Callable[[int, int, str], str]:
    """How a message names an item of a graph attribute holding a list (``regions``)."""
    return lambda row, column, header: msg("graph attribute '{kind}', item {number}", kind=kind, number=row + 1)


def _derived_tiers(graph: Any, source: str) -> Table:
    """For a new map from a graph without its tiers (GEXF): the tiers its nodes name, with
    their ``tier_name``, left to right by their segments' positions."""
    found: dict[str, tuple[float, int, str]] = {}
    for order, (_, data) in enumerate(graph.nodes(data=True)):
        tier = data.get("tier")
        if not isinstance(tier, str) or not is_valid_id(tier) or not isinstance(data.get("tier_name"), str):
            continue  # a tier chainmap did not write: the importer makes tiers of the names it meets
        x = data.get("x")
        x = float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else float("inf")
        name = data["tier_name"]
        left, first, _ = found.get(tier, (x, order, name))
        found[tier] = (min(left, x), first, name)
    table = Table("tiers", source, None, ["id", "name"], only_new=True,
                  locate=lambda r, c, h: msg("tier {number}", number=r + 1))
    ordered = sorted(found.items(), key=lambda item: item[1][:2])
    table.rows = [Row(i, [tier, name]) for i, (tier, (_, _, name)) in enumerate(ordered)]
    return table


def _derived_regions(graph: Any, source: str) -> Table:
    """For a new map from a graph without its regions: the regions its attributes name
    (``CN-TJ.status``), with the default names of the three regions."""
    codes: dict[str, None] = {}
    for _, data in graph.nodes(data=True):
        codes.update(dict.fromkeys(a[: -len(".status")] for a in data if a.endswith(".status")
                                   and is_valid_region_code(a[: -len(".status")])))
    names = {code: name for code, name, _ in DEFAULT_REGIONS}
    colours = {code: colour for code, _, colour in DEFAULT_REGIONS}
    table = Table("regions", source, None, ["code", "name", "color"],
                  locate=lambda r, c, h: msg("region {number}", number=r + 1),
                  only_new=True)
    table.rows = [Row(i, [code, names.get(code, code), colours.get(code)]) for i, code in enumerate(codes)]
    return table


def _frame_tables(attrs: dict[str, Any], source: str) -> list[Table]:
    tables = []
    about = Table("map", source, None, ["field", "value"], locate=lambda r, c, h: msg("graph attributes"))
    whole = {key: _loads(attrs.get(key)) for key in ("extra", "conflicts", "deleted", "meta")}
    about.side = {-1: {"map": {k: v for k, v in whole.items() if v}}}
    about.rows = [Row(i, [key, _cell(attrs[attribute])]) for i, (attribute, key) in enumerate(GRAPH_FIELDS.items())
                  if attrs.get(attribute) is not None]
    tables.append(about)
    for kind, headers in (("regions", ["code", "name", "color"]), ("tiers", ["id", "name"]),
                          ("notes", ["id", "text", "x", "y", "node"])):
        items = _loads(attrs.get(kind))
        if isinstance(items, list) and items and all(isinstance(i, dict) for i in items):
            table = Table(kind, source, None, headers, locate=_item_place(kind))
            table.rows = [Row(i, [_cell(item.get(h)) for h in headers]) for i, item in enumerate(items)]
            # Their unknown keys as they are (a column would make text of a list).
            table.side = {i: {"extra": {k: v for k, v in item.items() if k not in headers}}
                          for i, item in enumerate(items)}
            tables.append(table)
    return tables


def _node_tables(graph: Any, keys: dict[Any, str], source: str, tier_by: str | None) -> tuple[Table, Table]:
    found: dict[str, None] = {}
    for _, data in graph.nodes(data=True):
        found.update(dict.fromkeys(data))
    skipped = {*DERIVED, "id", "value", "viz", "tier_group", "extra", tier_by}
    attributes = [a for a in found if a not in skipped and not a.endswith((".enterprises", ".extra"))]
    has_name = "name" in attributes
    headers = ["id", *([] if has_name else ["name"]), *(["tier"] if tier_by else []),
               *(_header(a) or a for a in attributes)]
    renamed = any(keys[key] != str(key) for key in graph.nodes)
    if renamed:
        headers.append("graph id")
    rows_keys: dict[int, Any] = {}
    nodes = Table("segments", source, None, headers, header_row=-1, column_word="attribute",
                  locate=lambda r, c, h: msg("attribute '{header}'", header=h) if r < 0 else
                  msg("node '{node}', {header}", node=rows_keys.get(r, r), header=h))
    firms = Table("enterprises", source, None, ["segment", "region", "name", "uscc", "marks", "city", "note"],
                  locate=lambda r, c, h: msg("node '{node}', enterprise {number}", node=rows_keys.get(r // 10_000, r),
                                               number=r % 10_000 + 1))
    for number, (key, data) in enumerate(graph.nodes(data=True)):
        if data.get("tier_group") is not None:
            continue  # a yEd group node standing for a tier, not a segment
        rows_keys[number] = key
        values = [keys[key], *([] if has_name else [_cell(data.get("label", key))]),
                  *([_cell(data.get(tier_by))] if tier_by else []), *(_cell(data.get(a)) for a in attributes)]
        if renamed:
            values.append(None if keys[key] == str(key) else str(key))
        nodes.rows.append(Row(number, values))
        side: dict[str, Any] = {"extra": _loads(data.get("extra")), "entries": {}, "plans": {}, "firms": {}}
        for attribute, value in data.items():
            code = attribute.split(".")[0]
            if attribute == f"{code}.extra":
                side["entries"][code] = _loads(value)
            elif attribute == f"{code}.plan.extra":
                side["plans"][code] = _loads(value)
            elif attribute == f"{code}.enterprises":
                listed = _loads(value)
                for index, firm in enumerate(listed if isinstance(listed, list) else []):
                    if not isinstance(firm, dict):
                        continue
                    firms.rows.append(Row(number * 10_000 + index, [
                        keys[key], code, *(_cell(firm.get(k)) for k in ("name", "uscc", "marks", "city", "note"))]))
                    side["firms"].setdefault(code, []).append(
                        {k: v for k, v in firm.items() if k not in ("name", "uscc", "marks", "city", "note")})
        nodes.side[number] = side
    return nodes, firms


def _cell(value: Any) -> Any:
    """An attribute's value as a table cell: lists and records as JSON, texts quoted as a
    sheet's cells are (so that an empty text stays a text, see :func:`.cells.quote_text`)."""
    if isinstance(value, (list, dict)):
        return _json(value)
    return quote_text(value) if isinstance(value, str) else value


def _edge_table(graph: Any, keys: dict[Any, str], source: str) -> Table:
    attributes: dict[str, None] = {}
    for *_, data in graph.edges(data=True):
        attributes.update(dict.fromkeys(a for a in data if a not in ("id", "key", "source", "target", "extra", "order")))
    columns = list(attributes)
    edges = list(graph.edges(data=True))
    if all(isinstance(d.get("order"), int) and not isinstance(d.get("order"), bool) for *_, d in edges):
        edges.sort(key=lambda edge: edge[2]["order"])
    labels: dict[int, str] = {}
    table = Table("links", source, None, ["id", "from", "to", *columns], header_row=-1, column_word="attribute",
                  locate=lambda r, c, h: msg("link attribute '{header}'", header=h) if r < 0 else
                  msg("link '{link}', {header}", link=labels.get(r, r), header=h))
    side: dict[int, dict[str, Any]] = {}
    for number, (u, v, data) in enumerate(edges):
        edge_id = data.get("id")
        edge_id = str(edge_id) if edge_id is not None and is_valid_id(str(edge_id)) else None
        labels[number] = edge_id or f"{u} → {v}"
        table.rows.append(Row(number, [edge_id, keys[u], keys[v], *(_cell(data.get(c)) for c in columns)]))
        if data.get("extra") is not None:
            side[number] = {"extra": _loads(data.get("extra"))}
    table.side = side
    return table
