"""yEd's GraphML carries each link's route: yEd draws the links as ``chainmap route`` routes them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from tests.cli.helpers import ROOT, run_chainmap

VEHICLES = ROOT / "examples" / "vehicles.chainmap.json"
G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{http://www.yworks.com/xml/graphml}"
EPS = 0.011  # both files keep two decimals; an end is an offset from a centre, rounded once more


def _centres(root: ET.Element) -> dict[str, tuple[float, float]]:
    centres = {}
    for node in root.iter(f"{G}node"):
        geometry = node.find(f"{G}data/{Y}ShapeNode/{Y}Geometry")
        if geometry is not None:
            centres[str(node.get("id"))] = (float(geometry.get("x", 0)) + float(geometry.get("width", 0)) / 2,
                                            float(geometry.get("y", 0)) + float(geometry.get("height", 0)) / 2)
    return centres


def test_yed_graphml_links_follow_the_routes_route_json_prints(tmp_path: Path) -> None:
    out = tmp_path / "vehicles.graphml"
    exported = run_chainmap("export", str(VEHICLES), "-o", str(out), "--yed")
    assert exported.returncode == 0, exported.stderr
    routed = run_chainmap("route", str(VEHICLES), "--json")
    assert routed.returncode == 0, routed.stderr
    expected = json.loads(routed.stdout)["links"]

    root = ET.parse(out).getroot()
    centres = _centres(root)
    paths = {}
    for edge in root.iter(f"{G}edge"):
        path = edge.find(f"{G}data/{Y}PolyLineEdge/{Y}Path")
        assert path is not None, edge.get("id")
        sx, sy = centres[str(edge.get("source"))]
        tx, ty = centres[str(edge.get("target"))]
        start = [sx + float(path.get("sx", 0)), sy + float(path.get("sy", 0))]
        end = [tx + float(path.get("tx", 0)), ty + float(path.get("ty", 0))]
        bends = [[float(p.get("x", 0)), float(p.get("y", 0))] for p in path.findall(f"{Y}Point")]
        paths[str(edge.get("id"))] = [start, *bends, end]
    assert set(paths) == set(expected)
    bent = 0
    for link_id, points in paths.items():
        want = expected[link_id]["points"]
        assert len(points) == len(want), link_id
        assert points[1:-1] == want[1:-1], link_id  # the bends exactly
        for got, wanted in ((points[0], want[0]), (points[-1], want[-1])):
            assert abs(got[0] - wanted[0]) < EPS and abs(got[1] - wanted[1]) < EPS, link_id
        bent += len(points) > 2
    assert bent > len(paths) // 2  # most links bend round the boxes
    # networkx still reads the file (yEd's graphics are data it keeps aside).
    graph = nx.read_graphml(out)
    assert graph.number_of_edges() == len(paths)
