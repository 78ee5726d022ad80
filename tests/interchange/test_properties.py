"""Properties over random maps and random sheets (hypothesis).

- Any valid map, exported as a workbook or GraphML and imported into itself (or, for GraphML,
  as a new map), comes back equal, whatever its texts hold (formulas, control characters in a
  workbook, list separators, quotes, empty texts) and whatever unknown keys it has.
- Any sheet, however odd its cells, gives either a valid map or errors naming their cells:
  never an exception.
"""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from chainmap.core.diff import diff_maps
from chainmap.core.format import map_from_data, validate_data
from chainmap.core.format.serialize import map_to_data
from chainmap.core.interchange import export_bytes, import_files
from chainmap.core.layout import layout_map

from ..core.mapdata import chain_maps
from .support import example

_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
SETTINGS = settings(max_examples=30, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _xml_text(value: Any) -> Any:
    """``value`` with what XML text cannot hold (control characters, carriage returns) replaced."""
    if isinstance(value, str):
        return _NOT_XML_TEXT.sub("?", value)
    if isinstance(value, dict):
        return {_xml_text(k): _xml_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_xml_text(v) for v in value]
    return value


def _round_trip(data: dict[str, Any], suffix: str, lang: str, *, new: bool = False) -> None:
    chain_map = map_from_data(data)
    layout_map(chain_map, only_new=True)  # segments without a position would be laid out
    data = map_to_data(chain_map)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random.{suffix}"
        path.write_bytes(export_bytes(chain_map, suffix, lang=lang).data)
        result = import_files([str(path)], into=None if new else map_from_data(data))
    assert result.map is not None, [p.describe() for p in result.problems]
    assert [c.describe() for c in diff_maps(chain_map, result.map)] == []
    if not new:
        # Equal values (a float 2.0 may come back as the int 2: a cell has one kind of number).
        assert map_to_data(result.map) == data
    # Only the warnings the map itself has (two links alike, a loop of links).
    own = {p.message for p in validate_data(data)}
    assert all(not p.is_error and p.problem.message in own for p in result.problems), \
        [p.describe() for p in result.problems]


@SETTINGS
@given(chain_maps(), st.sampled_from(["zh_CN", "en"]))
def test_any_map_round_trips_through_a_workbook(data: dict[str, Any], lang: str) -> None:
    _round_trip(data, "xlsx", lang)


@SETTINGS
@given(chain_maps(), st.booleans())
def test_any_map_round_trips_through_graphml(data: dict[str, Any], new: bool) -> None:
    # Control characters and carriage returns cannot be XML text (the export says so, and a
    # test of its own checks that).
    _round_trip(_xml_text(data), "graphml", "en", new=new)


HEADERS = ["编号", "ID", "环节名称", "name", "层级", "tier", "上级环节", "parent", "别名", "标签", "说明", "横坐标", "y",
           "北京 现状", "CN-TJ status", "河北举措", "天津 优先级", "北京 完成时限", "CN-HE targets", "北京 企业数",
           "上游环节", "下游环节", "from name", "to", "类型", "跨区域流向", "企业名称", "地区", "环节", "企业标识",
           "内容", "代码", "颜色", "项目", "值", "", "regions", "extra", "未知列"]
VALUES = st.one_of(
    st.none(), st.sampled_from(["锂矿", "正极材料", "上游", "中游", "up", "优势", "薄弱", "strong", "补链", "高", "天津",
                                "CN-BJ", "2027-06", "2027-13", "n-7fbb412521b39c8e", "天津→北京", "→", "[1, 2]",
                                '["a"]', "[{\"from\": 1}]", "=1+1", "'", "", " ", "a;b", "e-e8c164d517072271"]),
    st.text(max_size=8), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)
XML_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=6)  # what a graph file can hold
SHEET_NAMES = st.sampled_from(["环节", "Links", "企业", "注释", "地区", "层级", "图谱", "Sheet1", "卡点攻关"])


@st.composite
def workbooks(draw: st.DrawFn) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name in draw(st.lists(SHEET_NAMES, min_size=1, max_size=3, unique=True)):
        sheet = workbook.create_sheet(name)
        width = draw(st.integers(1, 6))
        sheet.append(draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width)))
        for row in draw(st.lists(st.lists(VALUES, min_size=0, max_size=width), max_size=5)):
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
        if draw(st.booleans()) and sheet.max_row > 2:
            sheet.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _check(result: Any) -> None:
    if result.map is None:
        assert result.errors, "an import without a map must say why"
    else:
        assert not [p for p in validate_data(map_to_data(result.map)) if p.is_error]
    for problem in result.problems:  # FILE:PLACE: message, or FILE: message about the whole file
        assert problem.describe().startswith(problem.source + ":") and problem.problem.message


@SETTINGS
@given(workbooks(), st.booleans(), st.booleans())
def test_any_workbook_gives_a_map_or_located_errors(raw: bytes, into: bool, delete: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.xlsx"
        path.write_bytes(raw)
        _check(import_files([str(path)], into=example() if into else None, delete_missing=delete and into))


@SETTINGS
@given(st.lists(st.lists(VALUES.map(lambda v: "" if v is None else str(v)), max_size=5), max_size=6),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]), st.sampled_from(["segments.csv", "links.csv", "x.csv"]))
def test_any_csv_gives_a_map_or_located_errors(rows: list[list[str]], encoding: str, name: str) -> None:
    text = "\n".join(",".join(f'"{c}"' for c in row) for row in [["环节名称", "层级", "上游环节", "下游环节"], *rows])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(text.encode(encoding, errors="replace"))
        _check(import_files([str(path)], into=example()))


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "n-7fbb412521b39c8e", "中文"]),
                          st.dictionaries(st.sampled_from(["name", "tier", "label", "x", "CN-TJ.status", "kind",
                                                           "CN-TJ.enterprises", "extra", "parent", "weird"]),
                                          st.one_of(XML_TEXT, st.integers(-5, 5), st.floats(-1e3, 1e3),
                                                    st.sampled_from(["up", "mid", "gap", "[]", "{}", '[{"name": 1}]'])),
                                          max_size=5)), max_size=4),
       st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(["a", "b", "c"])), max_size=3),
       st.sampled_from(["graphml", "gexf"]), st.sampled_from([None, "tier", "weird"]))
def test_any_graph_gives_a_map_or_located_errors(nodes: list[tuple[str, dict[str, Any]]],
                                                 edges: list[tuple[str, str]], suffix: str, tier_by: str | None) -> None:
    graph = nx.DiGraph()
    for key, attrs in nodes:
        graph.add_node(key, **attrs)
    graph.add_edges_from(edges)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random.{suffix}"
        (nx.write_graphml if suffix == "graphml" else nx.write_gexf)(graph, str(path))
        _check(import_files([str(path)], into=example(), tier_by=tier_by))
        _check(import_files([str(path)], tier_by=tier_by))
