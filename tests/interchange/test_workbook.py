"""The workbook as other programs read it: calamine (Rust, no code shared with openpyxl)
reads its values, openpyxl its frozen panes, column widths, drop-downs and colours."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from chainmap.core.diff import diff_maps
from chainmap.core.interchange.labels import STATUS_FILLS
from chainmap.core.model import Edge, Enterprise, Node, RegionEntry

from .support import example, exported, imported, messages

LIST_SHEETS = ["卡点攻关", "堵点招商", "重点企业"]


def test_calamine_reads_every_sheet_in_chinese(tmp_path: Path) -> None:
    chain_map = example()
    book = CalamineWorkbook.from_path(str(exported(chain_map, tmp_path, "xlsx")))
    assert book.sheet_names == ["环节", "链接", "企业", "注释", *LIST_SHEETS, "层级", "地区", "图谱"]
    segments = book.get_sheet_by_name("环节").to_python()
    assert segments[0][:9] == ["编号", "环节名称", "层级", "上级环节", "类别", "别名", "说明", "标签", "北京 现状"]
    assert "河北 企业数" in segments[0] and "天津 举措" in segments[0]
    first = dict(zip(segments[0], segments[1], strict=True))
    node = chain_map.nodes[0]
    assert (first["编号"], first["环节名称"], first["层级"]) == (node.id, node.name, "上游")
    assert first["河北 现状"] == "薄弱" and first["河北 举措"] == "延链" and first["河北 优先级"] == "高"
    assert first["河北 完成时限"] == "2027-12" and first["河北 企业数"] == 1
    assert len(segments) == len(chain_map.nodes) + 1
    links = book.get_sheet_by_name("链接").to_python()
    assert links[0][:5] == ["编号", "上游环节", "上游环节名称", "下游环节", "下游环节名称"]
    edge = chain_map.edges[0]
    assert links[1][:5] == [edge.id, edge.source, chain_map.node(edge.source).name, edge.target,
                            chain_map.node(edge.target).name]
    firms = book.get_sheet_by_name("企业").to_python()
    assert len(firms) - 1 == sum(len(e.enterprises) for n in chain_map.nodes for e in n.regions.values())
    key_firms = book.get_sheet_by_name("重点企业").to_python()
    assert key_firms[0] == ["企业名称", "企业标识", "环节", "地区", "城市", "统一社会信用代码"]
    assert len(key_firms) == len(firms)
    about = dict(book.get_sheet_by_name("图谱").to_python())
    assert about["标题"] == chain_map.title and about["牵头地区"] == "CN-BJ"


def test_english_names_follow_the_language(tmp_path: Path) -> None:
    book = CalamineWorkbook.from_path(str(exported(example(), tmp_path, "xlsx", lang="en")))
    assert book.sheet_names[:4] == ["Segments", "Links", "Enterprises", "Notes"]
    header = book.get_sheet_by_name("Segments").to_python()[0]
    assert header[:3] == ["ID", "Name", "Tier"] and "CN-TJ status" in header
    assert book.get_sheet_by_name("Segments").to_python()[1][header.index("CN-HE status")] == "weak"


def test_header_frozen_columns_sized_drop_downs_and_status_colours(tmp_path: Path) -> None:
    workbook = load_workbook(exported(example(), tmp_path, "xlsx"))
    sheet = workbook["环节"]
    assert sheet.freeze_panes == "C2"
    assert workbook["链接"].freeze_panes == "B2"
    header = [cell.value for cell in sheet[1]]
    assert all(cell.font.b for cell in sheet[1])
    # Chinese text counts double: the description column is wider than the id column's header.
    assert sheet.column_dimensions["G"].width > sheet.column_dimensions["A"].width
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    status = header.index("北京 现状")
    letter = sheet.cell(1, status + 1).column_letter
    assert validations[f"{letter}2"].formula1 == '"优势,有基础,薄弱,缺失,未评估"'
    action = sheet.cell(1, header.index("北京 举措") + 1).column_letter
    assert validations[f"{action}2"].formula1 == '"补链,强链,延链,优链"'
    priority = sheet.cell(1, header.index("北京 优先级") + 1).column_letter
    assert validations[f"{priority}2"].formula1 == '"高,中,低"'
    assert validations["C2"].formula1 == "'层级'!$B$2:$B$4"  # the tier, from the tiers sheet
    assert all(v.showErrorMessage for v in validations.values())
    # Each status cell is filled with its status colour, as on the map.
    fills = {sheet.cell(row, status + 1).value: sheet.cell(row, status + 1).fill.start_color.rgb[-6:]
             for row in range(2, sheet.max_row + 1)}
    assert fills == {"优势": STATUS_FILLS["strong"], "有基础": STATUS_FILLS["present"], "薄弱": STATUS_FILLS["weak"],
                     "缺失": STATUS_FILLS["gap"]} | ({"未评估": STATUS_FILLS["unknown"]} if "未评估" in fills else {})
    # ... and by conditional formatting, so that a status typed in Excel changes colour too.
    rules = [rule for rules in sheet.conditional_formatting for rule in rules.rules]
    assert any(rule.formula == ['"缺失"'] and rule.dxf.fill.start_color.rgb[-6:] == STATUS_FILLS["gap"]
               for rule in rules)


def test_status_colours_are_the_maps_own() -> None:
    from chainmap.render.style import STATUS_FILLS as PAINTED

    assert {status: colour.name().upper()[1:] for status, colour in PAINTED.items()} == STATUS_FILLS


def test_formulas_are_neutralised_and_control_characters_survive(tmp_path: Path) -> None:
    chain_map = example()
    node = chain_map.nodes[0]
    chain_map.update_node(node.id, name='=HYPERLINK("http://x","点我")', description="'=1+1",
                          aliases=["-负极", "甲;乙"], tags=["@SUM(A1)"])
    chain_map.update_node(chain_map.nodes[1].id, name="铃\x07声 _x0041_ 回车\r换行")
    path = exported(chain_map, tmp_path, "xlsx")
    sheet = load_workbook(path)["环节"]
    assert sheet["B2"].value == "'=HYPERLINK(\"http://x\",\"点我\")" and sheet["B2"].data_type == "s"
    assert sheet["G2"].value == "''=1+1"
    assert sheet["F2"].value == '["-负极", "甲;乙"]'  # a list whose items hold a separator: JSON
    assert sheet["H2"].value == "'@SUM(A1)"
    # Excel's own escapes for characters XML cannot hold; calamine decodes them.
    assert CalamineWorkbook.from_path(str(path)).get_sheet_by_name("环节").to_python()[2][1] == \
        "铃\x07声 _x0041_ 回车\r换行"
    result = imported([path], into=chain_map)
    assert result.map is not None, messages(result)
    assert result.map.node(node.id).name == '=HYPERLINK("http://x","点我")'
    assert result.map.node(node.id).description == "'=1+1"
    assert result.map.node(node.id).aliases == ["-负极", "甲;乙"]
    assert result.map.nodes[1].name == "铃\x07声 _x0041_ 回车\r换行"


def test_unknown_keys_get_columns_and_come_back(tmp_path: Path) -> None:
    chain_map = example()
    node = chain_map.nodes[0]
    chain_map.update_node(node.id, extra={"负责人电话": "010-1234", "score": 7, "nested": {"a": 1}})
    path = exported(chain_map, tmp_path, "xlsx")
    header = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("环节").to_python()[0]
    assert "负责人电话" in header and "score" in header and "nested" not in header
    result = imported([path])
    assert result.map is not None, messages(result)
    assert result.map.node(node.id).extra == {"负责人电话": "010-1234", "score": 7}
    into = imported([path], into=chain_map)
    assert into.map is not None and into.map.node(node.id).extra == node.extra


def test_sub_segments_flows_and_unknown_entry_keys_survive(tmp_path: Path) -> None:
    chain_map = example()
    a, b = chain_map.nodes[0], chain_map.nodes[5]
    chain_map.update_node(b.id, parent=a.id, regions={
        "CN-TJ": RegionEntry("present", [Enterprise("甲公司", "91120000MA05KXXX1A", ["champion", "自定义"],
                                                    extra={"rank": 3})], extra={"source": "ledger"})})
    chain_map.add_edge(Edge("e-new", b.id, chain_map.nodes[6].id, kind="合作", label="带;分号",
                            flows=[]))
    chain_map.add_node(Node("n-lonely", "孤立环节", chain_map.tiers[1].id))
    result = imported([exported(chain_map, tmp_path, "xlsx")], into=chain_map)
    assert result.map is not None, messages(result)
    # The one change: the segment that had no position was laid out.
    assert [(c.name, c.field) for c in diff_maps(chain_map, result.map)] == [("孤立环节", "position")]
    assert result.counts.placed == 1
    assert result.map.node(b.id).parent == a.id
    firm = result.map.node(b.id).regions["CN-TJ"].enterprises[0]
    assert firm.marks == ["champion", "自定义"] and firm.extra == {"rank": 3}
    assert result.map.node(b.id).regions["CN-TJ"].extra == {"source": "ledger"}
    assert result.map.edge("e-new").kind == "合作"
