"""GraphML, GEXF, Cytoscape.js, DOT and Mermaid, each judged by a reader that is not ours:
networkx reads back every graph export; Graphviz's ``dot`` lays out the DOT."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from chainmap.core.analysis import regional_status
from chainmap.core.interchange.labels import STATUS_FILLS

from .support import EXAMPLE_IDS, EXAMPLES, example, exported, imported, messages

Y = "{http://www.yworks.com/xml/graphml}"
G = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.mark.parametrize("suffix", ["graphml", "gexf", "cyjs"])
def test_networkx_reads_back_nodes_edges_and_attributes(tmp_path: Path, suffix: str) -> None:
    chain_map = example()
    path = exported(chain_map, tmp_path, suffix)
    if suffix == "graphml":
        graph = nx.read_graphml(path)
    elif suffix == "gexf":
        graph = nx.read_gexf(path, version="1.3")
    else:
        graph = nx.cytoscape_graph(json.loads(path.read_text("utf-8")))
    assert set(graph.nodes) == {n.id for n in chain_map.nodes}
    assert sorted(str(data["id"]) for *_, data in graph.edges(data=True)) == sorted(e.id for e in chain_map.edges)
    assert sorted((u, v) for u, v, _ in graph.edges(data=True)) == sorted((e.source, e.target) for e in chain_map.edges)
    for node in chain_map.nodes:
        data = graph.nodes[node.id]
        assert (data["name"], data["tier"], data["label"]) == (node.name, node.tier, node.name)
        assert data["x"] == node.x and data["y"] == node.y and isinstance(data["x"], float)
        for code, entry in node.regions.items():
            assert data[f"{code}.status"] == entry.status
            if entry.plan is not None:
                assert data[f"{code}.plan.action"] == entry.plan.action
            if entry.enterprises:
                assert [f["name"] for f in json.loads(data[f"{code}.enterprises"])] == [f.name for f in entry.enterprises]
    by_id = {str(d["id"]): d for *_, d in graph.edges(data=True)}
    for edge in chain_map.edges:
        assert by_id[edge.id].get("kind") == edge.kind and by_id[edge.id].get("label") == edge.label
    if suffix != "gexf":  # GEXF has no graph attributes
        assert graph.graph["title"] == chain_map.title and graph.graph["map_id"] == chain_map.id
        assert [t["name"] for t in json.loads(graph.graph["tiers"])] == [t.name for t in chain_map.tiers]


def test_gexf_carries_gephis_position_colour_and_size(tmp_path: Path) -> None:
    chain_map = example()
    text = exported(chain_map, tmp_path, "gexf").read_text("utf-8")
    assert 'version="1.3"' in text and "http://gexf.net/1.3" in text
    graph = nx.read_gexf(tmp_path / "map.gexf", version="1.3")
    node = chain_map.nodes[0]
    viz = graph.nodes[node.id]["viz"]
    assert viz["position"]["x"] == node.x and viz["position"]["y"] == -node.y  # GEXF's y points up
    colour = STATUS_FILLS[regional_status(node)]
    assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == tuple(int(colour[i:i + 2], 16)
                                                                              for i in (0, 2, 4))
    assert viz["size"] >= 10


def test_yed_graphml_has_boxes_where_the_canvas_has_them_and_tiers_as_groups(tmp_path: Path) -> None:
    chain_map = example()
    root = ET.parse(exported(chain_map, tmp_path, "graphml", yed=True)).getroot()
    assert {k.get("yfiles.type") for k in root.iter(f"{G}key")} >= {"nodegraphics", "edgegraphics"}
    groups = [n for n in root.find(f"{G}graph") if n.tag == f"{G}node"]
    assert [g.get("yfiles.foldertype") for g in groups] == ["group"] * len(chain_map.tiers)
    assert [g.find(f".//{Y}NodeLabel").text for g in groups] == [t.name for t in chain_map.tiers]
    node = chain_map.nodes[0]
    element = next(e for e in root.iter(f"{G}node") if e.get("id") == node.id)
    assert element in list(groups[0].find(f"{G}graph"))  # inside its tier's group
    shape = element.find(f".//{Y}ShapeNode")
    geometry = shape.find(f"{Y}Geometry")
    assert float(geometry.get("x")) + float(geometry.get("width")) / 2 == node.x
    assert float(geometry.get("y")) + float(geometry.get("height")) / 2 == node.y
    assert shape.find(f"{Y}Fill").get("color") == "#" + STATUS_FILLS[regional_status(node)]
    assert shape.find(f"{Y}NodeLabel").text == node.name
    edges = list(root.iter(f"{Y}PolyLineEdge"))
    assert len(edges) == len(chain_map.edges)
    assert all(e.find(f"{Y}Arrows").get("target") == "standard" for e in edges)
    # networkx reads it (the groups as nodes of their own, marked), yEd's labels included.
    graph = nx.read_graphml(tmp_path / "map.graphml")
    assert set(graph.nodes) == {n.id for n in chain_map.nodes} | {f"tier:{t.id}" for t in chain_map.tiers}
    assert graph.nodes["tier:up"]["tier_group"] == "up"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@pytest.mark.parametrize("path", EXAMPLES, ids=EXAMPLE_IDS)
def test_graphviz_lays_out_the_dot(tmp_path: Path, path: Path) -> None:
    from chainmap.core.format import load_map

    chain_map = load_map(path).map
    chain_map.update_node(chain_map.nodes[0].id, name='引号"与\\反斜杠\n换行')
    dot = exported(chain_map, tmp_path, "gv")
    text = dot.read_text("utf-8")
    assert text.count("subgraph \"cluster_") == len(chain_map.tiers) and "rank=same" in text
    done = subprocess.run(["dot", "-Tplain", str(dot)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    nodes = [line.split() for line in done.stdout.splitlines() if line.startswith("node ")]
    assert len(nodes) == len(chain_map.nodes)
    assert len([line for line in done.stdout.splitlines() if line.startswith("edge ")]) == len(chain_map.edges)
    # One rank per canvas column: the segments of a column share their x in dot's layout... (rankdir=LR)
    xs = {n[1].strip('"'): float(n[2]) for n in nodes}
    first_column = [n.id for n in chain_map.nodes if n.tier == chain_map.tiers[0].id and n.x == chain_map.nodes[0].x]
    assert len({xs[i] for i in first_column}) == 1


def test_mermaid_has_tiers_boxes_links_and_status_classes(tmp_path: Path) -> None:
    chain_map = example()
    chain_map.update_node(chain_map.nodes[0].id, name='带"引号"|竖线')
    text = exported(chain_map, tmp_path, "mmd").read_text("utf-8")
    lines = text.splitlines()
    assert "flowchart LR" in lines
    assert [line.strip() for line in lines if line.strip().startswith("subgraph")] == \
        [f'subgraph t{i}["{t.name}"]' for i, t in enumerate(chain_map.tiers)]
    assert '    s0["带#quot;引号#quot;#124;竖线"]' in lines
    assert sum(1 for line in lines if "-->" in line or "-.->" in line or "==>" in line) == len(chain_map.edges)
    status = regional_status(chain_map.nodes[1])
    assert f"  classDef {status} fill:#{STATUS_FILLS[status]},stroke:#56657A" in lines
    members = {line.split()[2]: line.split()[1].split(",") for line in lines if line.startswith("  class ")}
    assert "s1" in members[status]


def test_a_foreign_graph_imports_with_tier_by_and_keeps_unknown_attributes(tmp_path: Path) -> None:
    graph = nx.DiGraph()
    graph.add_node("a", label="锂矿", layer="上游", degree=3, modularity_class=1)
    graph.add_node("b", label="电池", layer="中游", degree=2, modularity_class=1)
    graph.add_node("中文 id", label="整车", layer="下游")
    graph.add_edge("a", "b", weight=2.5)
    graph.add_edge("b", "中文 id")
    path = tmp_path / "from-gephi.gexf"
    nx.write_gexf(graph, path)
    refused = imported([path])
    assert refused.map is None
    assert [m for m in messages(refused) if ": warning: " not in m][0].endswith("a new segment needs a tier, and the sheet has no tier column "
                                         "(层级 or tier; for a graph file, give --tier-by ATTRIBUTE)")
    result = imported([path], tier_by="layer")
    assert result.map is not None, messages(result)
    chain_map = result.map
    assert [t.name for t in chain_map.tiers] == ["上游", "中游", "下游"]
    assert [(n.id, n.name, chain_map.tier(n.tier).name) for n in chain_map.nodes][:2] == \
        [("a", "锂矿", "上游"), ("b", "电池", "中游")]
    assert chain_map.node("a").extra == {"degree": 3, "modularity_class": 1}
    third = chain_map.nodes[2]
    assert third.id != "中文 id" and third.extra == {"graph id": "中文 id"}  # not an id: kept, not lost
    assert chain_map.edges[0].extra == {"weight": 2.5}
    assert any("'degree' is not one chainmap knows" in m for m in messages(result))


def test_a_yed_drawing_imports_by_its_labels(tmp_path: Path) -> None:
    path = tmp_path / "drawn-in-yed.graphml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">'
        '<key for="node" id="d0" yfiles.type="nodegraphics"/><key for="node" id="d1" attr.name="tier" '
        'attr.type="string"/><graph id="G" edgedefault="directed">'
        '<node id="n0"><data key="d0"><y:ShapeNode><y:Geometry height="30" width="80" x="10" y="20"/>'
        '<y:NodeLabel>氢气制备</y:NodeLabel><y:Shape type="rectangle"/></y:ShapeNode></data>'
        '<data key="d1">上游</data></node>'
        '<node id="n1"><data key="d0"><y:ShapeNode><y:Geometry height="30" width="80" x="300" y="20"/>'
        '<y:NodeLabel>燃料电池</y:NodeLabel></y:ShapeNode></data><data key="d1">中游</data></node>'
        '<edge id="e0" source="n0" target="n1"/></graph></graphml>', encoding="utf-8")
    result = imported([path])
    assert result.map is not None, messages(result)
    assert [(n.name, n.x, n.y) for n in result.map.nodes] == [("氢气制备", 10, 20), ("燃料电池", 300, 20)]
    assert [(e.source, e.target) for e in result.map.edges] == [("n0", "n1")]


def test_graph_files_that_are_not_are_refused_in_a_sentence(tmp_path: Path) -> None:
    for suffix, start in (("graphml", "The file cannot be read as GraphML"),
                          ("gexf", "The file cannot be read as GEXF"),
                          ("cyjs", "The file is not Cytoscape.js JSON")):
        path = tmp_path / f"broken.{suffix}"
        path.write_text("<graphml><graph><node", encoding="utf-8")
        found = messages(imported([path]))
        assert len(found) == 1 and found[0].startswith(f"{path}: {start}"), found


def test_text_xml_cannot_hold_is_replaced_and_said(tmp_path: Path) -> None:
    from chainmap.core.interchange import export_bytes

    chain_map = example()
    node = chain_map.nodes[0]
    chain_map.update_node(node.id, name="铃\x07声", description="一行\r\n两行")
    exported = export_bytes(chain_map, "graphml", lang="en")
    assert exported.warnings == [
        f"segment {node.id}: the label holds control characters, which XML cannot hold; they were written as U+FFFD",
        f"segment {node.id}: the name holds control characters, which XML cannot hold; they were written as U+FFFD",
        f"segment {node.id}: the description holds carriage returns, which XML reads as line feeds; they were "
        "written as line feeds"]
    graph = nx.read_graphml(io.BytesIO(exported.data))
    assert graph.nodes[node.id]["name"] == "铃\ufffd声" and graph.nodes[node.id]["description"] == "一行\n两行"
