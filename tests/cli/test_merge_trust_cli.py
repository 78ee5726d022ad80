"""``chainmap merge`` on the four merges of issue 8 that refused, let one region write
another's facts, depended on the input order, or brought back a link deleted on purpose."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chainmap.core.format.fileio import load_map
from chainmap.core.format.serialize import dumps_data, map_to_data
from chainmap.core.format.validate import validate_data

from ..core.merge_support import base_data, copy_of, node_of
from .helpers import run_chainmap


def write(folder: Path, name: str, data: dict[str, Any]) -> str:
    path = folder / f"{name}.chainmap.json"
    path.write_bytes(dumps_data(data))
    return str(path)


def merge(*args: str) -> tuple[int, str]:
    done = run_chainmap("merge", *args)
    text = done.stdout + done.stderr
    assert "bug" not in text.lower() and "Traceback" not in text, text
    return done.returncode, text


def valid_output(path: Path) -> dict[str, Any]:
    data = map_to_data(load_map(path).map)
    assert not [p for p in validate_data(data) if p.is_error]
    return data


def test_one_id_for_a_tier_and_a_segment_merges_and_says_so(tmp_path: Path) -> None:
    base = base_data()
    bj, tj = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ")
    bj["tiers"].append({"id": "x-1", "name": "后市场"})
    tj["nodes"].append({"id": "x-1", "name": "回收", "tier": "down"})
    tj["edges"].append({"id": "e-car-recycle", "from": "n-car", "to": "x-1"})
    paths = [write(tmp_path, name, d) for name, d in (("base", base), ("bj", bj), ("tj", tj))]
    out = tmp_path / "merged.chainmap.json"
    code, text = merge("--base", paths[0], paths[1], paths[2], "-o", str(out))
    assert code == 0, text
    assert "ids renamed: 1" in text and "segment 回收 (CN-TJ) x-1 -> n-" in text
    data = valid_output(out)
    recycle = next(n for n in data["nodes"] if n["name"] == "回收")
    assert recycle["id"] != "x-1" and data["edges"][-1]["to"] == recycle["id"]
    code, text = merge(paths[2], paths[1], "-o", str(out), "--json")
    assert code == 0
    assert json.loads(text)["renamed"][0]["id"] == "x-1"


def test_an_entry_tianjin_writes_for_hebei_is_dropped_and_said(tmp_path: Path) -> None:
    base = base_data()
    tj, he = copy_of(base, "CN-TJ"), copy_of(base, "CN-HE")
    node_of(tj, "n-ore")["regions"] = {"CN-HE": {"status": "strong"}}
    paths = [write(tmp_path, name, d) for name, d in (("base", base), ("tj", tj), ("he", he))]
    out = tmp_path / "merged.chainmap.json"
    for base_args in (["--base", paths[0]], []):
        code, text = merge(*base_args, paths[1], paths[2], "-o", str(out))
        assert code == 0, text
        assert "region entries dropped: 1" in text and "CN-HE entry of 锂矿 (n-ore) from CN-TJ" in text
        assert "regions" not in node_of(valid_output(out), "n-ore")
    code, text = merge(paths[1], paths[2], "-o", str(out), "--json")
    assert json.loads(text)["dropped_entries"][0]["path"] == "/nodes/n-ore/regions/CN-HE"


def test_a_parent_loop_gives_the_same_file_in_either_order(tmp_path: Path) -> None:
    base = base_data()
    a, b = copy_of(base, None), copy_of(base, None)
    node_of(a, "n-ore")["parent"] = "n-car"
    node_of(b, "n-car")["parent"] = "n-ore"
    b["nodes"].reverse()
    pa, pb = write(tmp_path, "a", a), write(tmp_path, "b", b)
    outputs = []
    for i, order in enumerate(((pa, pb), (pb, pa))):
        out = tmp_path / f"merged-{i}.chainmap.json"
        code, text = merge(*order, "-o", str(out))
        assert code == 1 and "edit /nodes/n-car/parent" in text, text
        data = valid_output(out)
        outputs.append({n["id"]: n.get("parent") for n in data["nodes"]})
    assert outputs[0] == outputs[1] == {"n-ore": "n-car", "n-cell": None, "n-car": None}


def test_a_link_deleted_on_purpose_is_not_brought_back(tmp_path: Path) -> None:
    base = base_data()
    bj, tj, he = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ"), copy_of(base, "CN-HE")
    bj["edges"] = [e for e in bj["edges"] if e["id"] != "e-ore-cell"]
    he["nodes"] = [n for n in he["nodes"] if n["id"] != "n-ore"]
    he["edges"] = [e for e in he["edges"] if e["from"] != "n-ore"]
    node_of(tj, "n-ore")["description"] = "天津改了"
    paths = [write(tmp_path, name, d) for name, d in (("base", base), ("bj", bj), ("tj", tj), ("he", he))]
    out = tmp_path / "merged.chainmap.json"
    code, text = merge("--base", *paths, "-o", str(out))
    assert code == 1
    assert "conflicts: 1 (0 edit, 1 delete, 0 duplicate)" in text
    assert "delete /nodes/n-ore (锂矿): CN-BJ, CN-TJ, CN-HE (deleted)" in text
    assert [e["id"] for e in valid_output(out)["edges"]] == ["e-cell-car"]
