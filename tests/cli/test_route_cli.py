"""``chainmap route``: the geometry every drawing uses, as JSON or as a summary."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import ROOT, run_chainmap

VEHICLES = ROOT / "examples" / "vehicles.chainmap.json"


def on_border(point: list[float], box: list[float]) -> bool:
    x, y = point
    left, top, width, height = box
    right, bottom = left + width, top + height
    eps = 0.011  # the JSON keeps two decimals
    return ((abs(x - left) < eps or abs(x - right) < eps) and top - eps <= y <= bottom + eps) or (
        (abs(y - top) < eps or abs(y - bottom) < eps) and left - eps <= x <= right + eps)


def test_json_holds_boxes_routed_links_labels_and_notes() -> None:
    done = run_chainmap("route", str(VEHICLES), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    source = json.loads(VEHICLES.read_text(encoding="utf-8"))
    assert list(data) == ["boxes", "links", "notes"]
    assert set(data["boxes"]) == {node["id"] for node in source["nodes"]}
    assert all(box[2:] == [168, 64] for box in data["boxes"].values())
    assert set(data["links"]) == {edge["id"] for edge in source["edges"]}
    ends = {edge["id"]: (edge["from"], edge["to"]) for edge in source["edges"]}
    for link_id, link in data["links"].items():
        assert list(link) == ["points", "label"]
        first, last = link["points"][0], link["points"][-1]
        assert on_border(first, data["boxes"][ends[link_id][0]])
        assert on_border(last, data["boxes"][ends[link_id][1]])
        labelled = any(e["id"] == link_id and (e.get("label") or e.get("flows")) for e in source["edges"])
        assert (link["label"] is not None) == labelled
    assert set(data["notes"]) == {note["id"] for note in source["notes"]}
    for note in data["notes"].values():
        assert len(note["box"]) == 4
        assert note["leader"] is None or len(note["leader"]) >= 2


def test_summary_counts_and_reports_no_box_hits_and_no_overlaps() -> None:
    done = run_chainmap("route", str(VEHICLES))
    assert done.returncode == 0, done.stderr
    assert "35 boxes, 37 links routed" in done.stdout
    assert "0 links through boxes, 0 overlapping labels or notes" in done.stdout


def test_folding_hides_the_sub_segments_boxes(tmp_path: Path) -> None:
    source = json.loads(VEHICLES.read_text(encoding="utf-8"))
    parent = next(node["parent"] for node in source["nodes"] if node.get("parent"))
    children = {node["id"] for node in source["nodes"] if node.get("parent") == parent}
    done = run_chainmap("route", str(VEHICLES), "--json", "--fold", parent)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert parent in data["boxes"] and not children & set(data["boxes"])


def test_segments_without_a_position_are_placed_first(tmp_path: Path) -> None:
    source = json.loads(VEHICLES.read_text(encoding="utf-8"))
    del source["nodes"][0]["x"], source["nodes"][0]["y"]
    path = tmp_path / "unplaced.chainmap.json"
    path.write_text(json.dumps(source, ensure_ascii=False), encoding="utf-8")
    done = run_chainmap("route", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert "placed 1 segment(s) that had no position" in done.stderr
    assert source["nodes"][0]["id"] in json.loads(done.stdout)["boxes"]


def test_a_bad_file_and_a_bad_fold_are_said_plainly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.chainmap.json"
    bad.write_text("{not json", encoding="utf-8")
    done = run_chainmap("route", str(bad))
    assert done.returncode == 1
    assert str(bad) in done.stderr and "Traceback" not in done.stderr
    done = run_chainmap("route", str(VEHICLES), "--fold", "no-such-segment")
    assert done.returncode == 1
    assert f"{VEHICLES}: --fold no-such-segment: the map has no segment 'no-such-segment'" in done.stderr
    assert "Traceback" not in done.stderr


def test_route_is_listed_in_the_help() -> None:
    done = run_chainmap("--help")
    assert "route" in done.stdout
