"""Bad input gets a clean answer, and deep maps load, lay out and format (issue 8, "Trust").

- A link whose ``from``/``to`` is a list or an object, in a map with a loop of links, is a
  clean error in every command (it used to raise TypeError in the cycle check).
- A key that a JSON object holds twice is a load error naming the key, the object and the
  line and column (it used to keep the last value silently, and ``format`` dropped the rest).
- Sub-segments nested 5,000 deep load, validate, lay out and format (layout used to raise
  RecursionError at about 1,000, and the load was quadratic in the depth).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from chainmap.core import geometry
from chainmap.core.format.fileio import load_map, loads_map, parse_bytes
from chainmap.core.format.json_keys import find_duplicate_key
from chainmap.core.format.problems import MapLoadError
from chainmap.core.format.serialize import dumps_map, map_to_data
from chainmap.core.format.validate import validate_data
from chainmap.core.layout.engine import compute_layout, layout_map
from chainmap.core.model import ModelError
from tests.cli.helpers import run_chainmap

from .deep_maps import chain_data
from .mapdata import sample_map

SEGMENT_ID = "must be a segment id (a string)"


# ------------------------------------------------------------------ ends that are not ids
def looping_map() -> dict[str, Any]:
    """The sample map with a loop of links (battery → vehicle → battery)."""
    data = sample_map()
    data["edges"].append({"id": "e-3", "from": "n-vehicle", "to": "n-battery"})
    return data


BAD_ENDS = [
    ("edges", 0, "from", ["n-lithium"], "a list"),
    ("edges", 0, "to", {"id": "n-battery"}, "an object"),
    ("edges", 2, "from", ["n-vehicle", "n-cell"], "a list"),
    ("nodes", 2, "parent", ["n-battery"], "a list"),
    ("notes", 0, "node", {"id": "n-battery"}, "an object"),
]


@pytest.mark.parametrize(("key", "index", "field", "value", "what"), BAD_ENDS)
def test_an_end_that_is_not_text_is_one_clean_error(key: str, index: int, field: str, value: Any, what: str) -> None:
    data = looping_map()
    data[key][index][field] = value
    errors = [p for p in validate_data(data) if p.is_error]
    assert [p.path for p in errors] == [f"/{key}/{index}/{field}"]
    assert SEGMENT_ID in errors[0].message and what in errors[0].message


def test_loading_such_a_file_says_where_and_what(tmp_path: Path) -> None:
    data = looping_map()
    data["edges"][0]["from"] = ["n-lithium"]
    data["edges"][1]["to"] = {"a": 1}
    path = tmp_path / "bad.chainmap.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(MapLoadError) as caught:
        load_map(path)
    assert [p.path for p in caught.value.problems] == ["/edges/0/from", "/edges/1/to"]
    text = caught.value.describe()
    assert f"{path}:/edges/0/from: 'from' of link 'e-1' {SEGMENT_ID}, not a list." in text


@pytest.fixture
def bad_end_file(tmp_path: Path) -> Path:
    data = looping_map()
    data["edges"][0]["from"] = ["n-lithium"]
    path = tmp_path / "bad-end.chainmap.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [["validate"], ["format", "--check"], ["info"], ["lists"], ["edit", "--screenshot", "shot.png"]],
    ids=lambda c: c[0],
)
def test_every_command_answers_cleanly(command: list[str], bad_end_file: Path) -> None:
    result = run_chainmap(*command, str(bad_end_file), cwd=bad_end_file.parent)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert f"/edges/0/from: 'from' of link 'e-1' {SEGMENT_ID}" in result.stderr
    assert not (bad_end_file.parent / "shot.png").exists()


def test_diff_answers_cleanly(bad_end_file: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.chainmap.json"
    good.write_text(json.dumps(looping_map(), ensure_ascii=False), encoding="utf-8")
    for pair in ((bad_end_file, good), (good, bad_end_file)):
        result = run_chainmap("diff", str(pair[0]), str(pair[1]))
        assert "Traceback" not in result.stderr
        assert result.returncode == 2, result.stderr
        assert f"/edges/0/from: 'from' of link 'e-1' {SEGMENT_ID}" in result.stderr


def test_the_git_merge_driver_answers_cleanly_and_keeps_ours(bad_end_file: Path, tmp_path: Path) -> None:
    good = json.dumps(looping_map(), ensure_ascii=False)
    base, ours = tmp_path / "base.json", tmp_path / "ours.json"
    base.write_text(good, encoding="utf-8")
    ours.write_text(good, encoding="utf-8")
    result = run_chainmap("git-merge", str(base), str(ours), str(bad_end_file), "map.chainmap.json")
    assert "Traceback" not in result.stderr
    assert result.returncode == 2, result.stderr
    assert SEGMENT_ID in result.stderr
    assert ours.read_text(encoding="utf-8") == good


def test_git_textconv_shows_the_bytes_of_such_a_file(bad_end_file: Path) -> None:
    result = run_chainmap("git-textconv", str(bad_end_file))
    assert "Traceback" not in result.stderr
    assert result.returncode == 0
    assert '"n-lithium"' in result.stdout


# ------------------------------------------------------------------ duplicate keys
def refused(raw: bytes) -> Any:
    with pytest.raises(MapLoadError) as caught:
        loads_map(raw, "dup.json")
    (problem,) = caught.value.problems
    return problem


def test_a_key_twice_in_a_segment_is_refused_with_its_place() -> None:
    text = json.dumps(sample_map(), ensure_ascii=False, indent=2)
    marker = '"name": "动力电池",\n'
    assert text.count(marker) == 1
    text = text.replace(marker, marker + '      "name": "电池",\n')
    problem = refused(text.encode())
    assert problem.path == "/nodes/1"
    line = text.splitlines().index('      "name": "电池",') + 1
    assert (problem.line, problem.column) == (line, 7)
    assert "'name'" in problem.message and "twice" in problem.message and "/nodes/1" in problem.message
    assert f"first at line {line - 1}, column 7" in problem.message


@pytest.mark.parametrize(
    ("raw", "key", "path", "place"),
    [
        (b'{"format": "chainmap", "format": "chainmap"}', "format", "", (1, 24)),
        (b'{"a": [1, {"b": {}}, {"c": [], "c": null}]}', "c", "/a/2", (1, 32)),
        (b'{"x/~y": {"k": 1, "\\u006b": 2}}', "k", "/x~1~0y", (1, 19)),
        (b'{"a": {"b": 1, "b": 2}, "a": 3}', "b", "/a", (1, 16)),
    ],
    ids=["top", "in-a-list", "escaped", "inner-first"],
)
def test_the_first_repeated_key_is_found(raw: bytes, key: str, path: str, place: tuple[int, int]) -> None:
    problem = refused(raw)
    assert (problem.path, problem.line, problem.column) == (path, *place)
    assert f"'{key}'" in problem.message


def test_format_writes_nothing_for_a_file_with_a_key_twice(tmp_path: Path) -> None:
    source = tmp_path / "dup.chainmap.json"
    text = json.dumps(sample_map(), ensure_ascii=False, indent=2).replace('"title": ', '"title": "旧标题",\n  "title": ', 1)
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.chainmap.json"
    result = run_chainmap("format", str(source), "-o", str(out))
    assert result.returncode == 1
    assert "'title' appears twice" in result.stderr and "line 5, column 3" in result.stderr
    assert not out.exists()


def test_files_without_repeated_keys_are_untouched() -> None:
    text = json.dumps(sample_map(), ensure_ascii=False, indent=2)
    assert find_duplicate_key(text) is None
    assert find_duplicate_key('{"a": [1, 2') is None  # not JSON: nothing to point at
    # Same value under different keys, and one key in different objects, are fine.
    assert parse_bytes(b'{"a": {"k": 1}, "b": {"k": 1}, "k": [{"k": 2}]}') == {
        "a": {"k": 1}, "b": {"k": 1}, "k": [{"k": 2}],
    }


# ------------------------------------------------------------------ depth
DEPTH = 5000


@pytest.fixture(scope="module")
def deep_raw() -> bytes:
    # These tests mean something only while 5,000 levels are beyond Python's stack.
    assert sys.getrecursionlimit() < DEPTH
    return json.dumps(chain_data(DEPTH), ensure_ascii=False).encode()


def test_a_5000_deep_chain_loads_validates_and_formats(deep_raw: bytes) -> None:
    assert validate_data(json.loads(deep_raw)) == []
    chain_map = loads_map(deep_raw).map
    assert chain_map.node(f"s{DEPTH - 1:05d}").parent == f"s{DEPTH - 2:05d}"
    assert len(chain_map.descendants("s00000")) == DEPTH - 1
    formatted = dumps_map(chain_map)
    assert map_to_data(loads_map(formatted).map) == map_to_data(chain_map)


def test_a_deep_chain_in_reverse_file_order_loads(deep_raw: bytes) -> None:
    data = json.loads(deep_raw)
    data["nodes"].reverse()  # every sub-segment before its parent
    chain_map = loads_map(json.dumps(data).encode()).map
    assert chain_map.nodes[0].id == f"s{DEPTH - 1:05d}"
    assert chain_map.children("s00000") == ["s00001"]


def test_a_5000_deep_chain_lays_out(deep_raw: bytes) -> None:
    chain_map = loads_map(deep_raw).map
    result = layout_map(chain_map)
    assert result.placed == DEPTH
    root, leaf = chain_map.node("s00000"), chain_map.node(f"s{DEPTH - 1:05d}")
    assert root.y is not None and leaf.y is not None and leaf.y > root.y
    frame = geometry.frame(chain_map, "s00000")
    assert frame is not None and frame.height > DEPTH * geometry.SEGMENT_HEIGHT
    assert geometry.tier_bands(chain_map)[0].right > frame.right


@pytest.mark.parametrize("placed", ["every-other", "root", "leaf", "grandchildren"])
def test_placing_only_new_segments_in_a_deep_chain(deep_raw: bytes, placed: str) -> None:
    data = json.loads(deep_raw)
    keep = {
        "every-other": range(0, DEPTH, 2),
        "root": [0],
        "leaf": [DEPTH - 1],
        # Unplaced segments whose children have no position either, but whose grandchildren
        # do: this raised AssertionError before.
        "grandchildren": range(0, DEPTH, 3),
    }[placed]
    for index in keep:
        data["nodes"][index]["x"], data["nodes"][index]["y"] = 300, 100 + 10 * index
    chain_map = loads_map(json.dumps(data).encode()).map
    before = {n.id: (n.x, n.y) for n in chain_map.nodes if n.x is not None}
    positions = compute_layout(chain_map, only_new=True)
    assert set(positions) == {n.id for n in chain_map.nodes} - set(before)
    layout_map(chain_map, only_new=True)
    assert all(n.x is not None for n in chain_map.nodes)
    assert {node_id: (chain_map.node(node_id).x, chain_map.node(node_id).y) for node_id in before} == before


def test_each_new_parent_goes_above_all_it_holds() -> None:
    data = chain_data(7, links=False)
    for index in (3, 6):  # s00000..s00002 and s00004..s00005 have no position
        data["nodes"][index]["x"], data["nodes"][index]["y"] = 300, 400 + 100 * index
    chain_map = loads_map(json.dumps(data).encode()).map
    layout_map(chain_map, only_new=True)
    heights = [chain_map.node(f"s{index:05d}").y for index in range(7)]
    assert heights == sorted(heights)  # every parent above its sub-segments


def test_the_model_refuses_a_parent_loop_made_in_one_step() -> None:
    chain_map = loads_map(json.dumps(chain_data(4, links=False)).encode()).map
    with pytest.raises(ModelError, match="inside one of its own sub-segments"):
        chain_map.attach_parents({"s00000": "s00003"})
    with pytest.raises(ModelError, match="no segment 'nope'"):
        chain_map.attach_parents({"s00001": "nope"})
    assert chain_map.node("s00000").parent is None and chain_map.node("s00001").parent == "s00000"
    chain_map.attach_parents({"s00003": None, "s00000": "s00003"})
    assert chain_map.children("s00003") == ["s00000"] and chain_map.node("s00003").parent is None
