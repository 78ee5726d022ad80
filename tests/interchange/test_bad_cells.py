"""Every bad cell is reported as ``FILE:Sheet!C12: what is wrong``, all of them at once, and
no map comes out (so nothing is written)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from .support import example, imported, messages

SEGMENTS = ["编号", "环节名称", "层级", "北京 现状", "北京 举措", "北京 优先级", "北京 完成时限", "上级环节", "横坐标"]

CASES: list[tuple[str, dict[str, list[list[Any]]], str]] = [
    ("status", {"环节": [["环节名称", "层级", "北京 现状"], ["固态电池", "中游", "强"]]},
     "环节!C2: unknown status '强' (expected 优势/有基础/薄弱/缺失/未评估 or strong/present/weak/gap/unknown)"),
    ("action", {"环节": [SEGMENTS, [None, "固态电池", "中游", "薄弱", "补", "高"]]},
     "环节!E2: unknown action '补' (expected 补链/强链/延链/优链 or fill/strengthen/extend/optimise)"),
    ("priority", {"环节": [SEGMENTS, [None, "固态电池", "中游", "薄弱", "补链", "急"]]},
     "环节!F2: unknown priority '急' (expected 高/中/低 or high/medium/low)"),
    ("tier", {"环节": [SEGMENTS, [None, "固态电池", "中上游"]]},
     "环节!C2: unknown tier '中上游' (expected 上游/中游/下游 or up/mid/down)"),
    ("due", {"环节": [SEGMENTS, [None, "固态电池", "中游", "薄弱", "补链", "高", "明年"]]},
     "环节!G2: due date '明年' is not a date of the form YYYY-MM or YYYY-MM-DD (e.g. 2027-06)"),
    ("due month", {"环节": [SEGMENTS, [None, "固态电池", "中游", "薄弱", "补链", "高", "2027-13"]]},
     "环节!G2: due date '2027-13' has month 13: months run from 01 to 12"),
    ("plan without action", {"环节": [SEGMENTS, [None, "固态电池", "中游", "薄弱", None, "高"]]},
     "环节!E2: a plan needs an action (补链/强链/延链/优链 or fill/strengthen/extend/optimise)"),
    ("number", {"环节": [SEGMENTS, [None, "固态电池", "中游", None, None, None, None, None, "左边"]]},
     "环节!I2: '左边' is not a number"),
    ("id", {"环节": [SEGMENTS, ["固态 电池", "固态电池", "中游"]]},
     "环节!A2: '固态 电池' is not an id: an id is letters, digits and _ . : -, starting with a letter or digit, "
     "at most 64 characters (leave the cell empty for a new item)"),
    ("twice", {"环节": [SEGMENTS, ["n-x1", "甲", "中游"], ["n-x1", "乙", "中游"]]},
     "环节!A3: segment n-x1 is on 环节!A2 already: a segment has one row"),
    ("name", {"环节": [SEGMENTS, [None, None, "中游", "优势"]]}, "环节!B2: a segment needs a name"),
    ("tier missing", {"环节": [SEGMENTS, [None, "固态电池", None]]}, "环节!C2: a segment needs a tier"),
    ("parent", {"环节": [SEGMENTS, [None, "固态电池", "中游", None, None, None, None, "不存在的环节"]]},
     "环节!H2: there is no segment '不存在的环节' (give a segment's id or name)"),
    ("parent loop", {"环节": [SEGMENTS, ["n-a", "甲", "中游", None, None, None, None, "n-b"],
                             ["n-b", "乙", "中游", None, None, None, None, "n-a"]]},
     "环节!H2: Following 'parent' goes round in a cycle: '甲' → '乙' → '甲'. A segment cannot be inside its "
     "own sub-segment."),
    ("link end", {"链接": [["上游环节", "下游环节"], ["锂矿", "飞行汽车"]]},
     "链接!B2: there is no segment '飞行汽车' (give a segment's id or name)"),
    ("self link", {"链接": [["上游环节", "下游环节"], ["锂矿", "锂矿"]]},
     "链接!A2: a link cannot go from a segment to itself"),
    ("flow", {"链接": [["上游环节", "下游环节", "跨区域流向"], ["锂矿", "正极材料", "天津到北京"]]},
     "链接!C2: '天津到北京' is not a flow: write the supplying region, an arrow and the receiving region "
     "(天津→北京 or CN-TJ→CN-BJ), several separated by ';'"),
    ("flow region", {"链接": [["上游环节", "下游环节", "跨区域流向"], ["锂矿", "正极材料", "上海→北京"]]},
     "链接!C2: unknown region '上海' (expected 北京/天津/河北 or CN-BJ/CN-TJ/CN-HE)"),
    ("firm region", {"企业": [["环节", "地区", "企业名称"], ["锂矿", "上海", "甲公司"]]},
     "企业!B2: unknown region '上海' (expected 北京/天津/河北 or CN-BJ/CN-TJ/CN-HE)"),
    ("firm name", {"企业": [["环节", "地区", "企业名称", "城市"], ["锂矿", "天津", None, "天津"]]},
     "企业!C2: an enterprise needs a name"),
    ("firm segment", {"企业": [["环节", "地区", "企业名称"], [None, "天津", "甲公司"]]},
     "企业!A2: an enterprise row needs its segment (环节)"),
    ("note text", {"注释": [["编号", "内容", "所指环节"], [None, None, "锂矿"]]}, "注释!B2: a note needs its text"),
    ("region code", {"地区": [["代码", "名称"], ["Shanghai", "上海"]]},
     "地区!A2: 'Shanghai' is not a region code: capitals, digits and '-', 2 to 16 characters, starting with a "
     "letter (e.g. CN-TJ)"),
    ("column twice", {"环节": [["环节名称", "层级", "名称"], ["甲", "中游", "乙"]]},
     "环节!C1: a second column '名称': each column may appear once on a sheet"),
]


def _workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


@pytest.mark.parametrize(("sheets", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_cell_is_named_with_its_file_sheet_and_cell(tmp_path: Path, sheets: dict[str, Any],
                                                          expected: str) -> None:
    path = _workbook(tmp_path / "sheet.xlsx", sheets)
    result = imported([path], into=example(), into_source="vehicles.chainmap.json")
    assert result.map is None
    assert [m for m in messages(result) if ": warning: " not in m] == [f"{path}:{expected}"]


def test_every_bad_cell_is_reported_at_once_in_reading_order(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "台账.xlsx", {
        "环节": [SEGMENTS, [None, "甲", "中游", "强", "补", "急", "2027-6"], [None, None, "上上游"]],
        "链接": [["上游环节", "下游环节"], ["甲", "飞行汽车"]]})
    result = imported([path], into=example())
    assert result.map is None
    assert messages(result) == [f"{path}:{place}" for place in (
        "环节!D2: unknown status '强' (expected 优势/有基础/薄弱/缺失/未评估 or strong/present/weak/gap/unknown)",
        "环节!E2: unknown action '补' (expected 补链/强链/延链/优链 or fill/strengthen/extend/optimise)",
        "环节!F2: unknown priority '急' (expected 高/中/低 or high/medium/low)",
        "环节!G2: due date '2027-6' is not a date of the form YYYY-MM or YYYY-MM-DD (e.g. 2027-06)",
        "环节!B3: a segment needs a name",
        "环节!C3: unknown tier '上上游' (expected 上游/中游/下游 or up/mid/down)",
        "链接!B2: there is no segment '飞行汽车' (give a segment's id or name)",
    )]


def test_a_file_that_is_no_workbook_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"not a workbook at all")
    result = imported([path])
    assert result.map is None
    assert len(messages(result)) == 1
    assert messages(result)[0].startswith(f"{path}: The file cannot be read as a spreadsheet")
    missing = imported([tmp_path / "absent.xlsx"])
    assert messages(missing) == [f"{tmp_path / 'absent.xlsx'}: There is no such file."]
    other = tmp_path / "map.pdf"
    other.write_bytes(b"%PDF")
    assert messages(imported([other])) == [f"{other}: chainmap cannot tell what '.pdf' files hold: import .xlsx, "
                                           ".csv, .graphml, .gexf or .cyjs files."]
