"""Spreadsheets written by people, not by chainmap: Chinese headers in their own words, a
title row, merged cells, blank rows, no ids; sheets named as they like."""

from __future__ import annotations

import datetime
from pathlib import Path

from openpyxl import Workbook

from chainmap.core.diff import diff_maps

from .support import example, imported, messages


def _ledger(path: Path) -> Path:
    """A team's ledger, typed as people type one."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "汽车产业链"
    sheet["A1"] = "京津冀汽车产业链环节台账（2026年）"
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(["环节名称", "层级（上/中/下游）", "北京现状", "天津 现状", "河北·现状", "河北举措", "河北优先级",
                  "河北完成时限", "说明", "联系人"])
    sheet.append(["锂矿", "上游", "缺失", "缺失", "薄弱", "延链", "高", None, "锂资源", "王工"])
    sheet.append([])
    sheet.append(["正极材料", None, "有基础", "优势", "未评估"])
    sheet.merge_cells("B4:B6")  # 上游 for 锂矿 and 正极材料 (and the blank row between)
    sheet.append(["动力电池", "中游", "优势", "有基础", "薄弱", "补链", "中", datetime.date(2027, 6, 30)])
    sheet.append(["整车制造", "下游", "优势", "优势", "有基础"])
    sheet.append([None, None, None])
    links = workbook.create_sheet("上下游关系")
    links.append(["上游环节", "下游环节", "类型", "标签"])
    links.append(["锂矿", "正极材料", "供应", "锂盐"])
    links.append(["正极材料", "动力电池"])
    links.append(["动力电池", "整车制造", "技术", "电芯"])
    firms = workbook.create_sheet("企业名录")
    firms.append(["环节", "地区", "企业名称", "企业标识", "城市"])
    firms.append(["动力电池", "天津", "示例电池甲", "龙头、上市", "天津"])
    firms.append([None, "天津", "示例电池乙", "专精特新小巨人", "天津"])
    firms.append([None, "河北", "示例电池丙", None, "保定"])
    firms.merge_cells("A2:A4")
    workbook.save(path)
    return path


def test_a_hand_written_ledger_becomes_a_map(tmp_path: Path) -> None:
    result = imported([_ledger(tmp_path / "汽车台账.xlsx")])
    assert result.map is not None, messages(result)
    chain_map = result.map
    assert chain_map.title == "汽车台账"
    assert [(t.id, t.name) for t in chain_map.tiers] == [("up", "上游"), ("mid", "中游"), ("down", "下游")]
    names = {n.name: n for n in chain_map.nodes}
    assert list(names) == ["锂矿", "正极材料", "动力电池", "整车制造"]
    assert names["正极材料"].tier == "up"  # from the merged cell
    assert {code: e.status for code, e in names["锂矿"].regions.items()} == \
        {"CN-BJ": "gap", "CN-TJ": "gap", "CN-HE": "weak"}
    plan = names["锂矿"].regions["CN-HE"].plan
    assert plan is not None and (plan.action, plan.priority, plan.due) == ("extend", "high", None)
    assert names["锂矿"].description == "锂资源"
    battery = names["动力电池"].regions
    assert battery["CN-HE"].plan is not None and battery["CN-HE"].plan.due == "2027-06-30"
    assert [(f.name, f.marks) for f in battery["CN-TJ"].enterprises] == \
        [("示例电池甲", ["leader", "listed"]), ("示例电池乙", ["little-giant"])]
    assert [f.city for f in battery["CN-HE"].enterprises] == ["保定"]
    ends = [(chain_map.node(e.source).name, chain_map.node(e.target).name, e.kind) for e in chain_map.edges]
    assert ends == [("锂矿", "正极材料", "supply"), ("正极材料", "动力电池", None), ("动力电池", "整车制造", "technology")]
    assert names["锂矿"].extra == {"联系人": "王工"}
    assert all(n.x is not None and n.y is not None for n in chain_map.nodes)  # laid out
    assert result.counts.placed == 4


def test_the_ledger_says_which_column_it_kept_as_it_is(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "ledger.xlsx")
    result = imported([path])
    assert messages(result) == [f"{path}:汽车产业链!J3: warning: the column '联系人' is not one chainmap knows: "
                                "its values are kept under each segment's unknown key '联系人'"]


def test_importing_the_ledger_into_a_map_updates_by_id_and_creates_without(tmp_path: Path) -> None:
    chain_map = example()
    lithium = chain_map.nodes[0]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "环节"
    sheet.append(["编号", "环节名称", "层级", "天津 现状"])
    sheet.append([lithium.id, "锂资源", "上游", "优势"])
    sheet.append([None, "钠离子电池", "中游", "薄弱"])
    path = tmp_path / "update.xlsx"
    workbook.save(path)
    result = imported([path], into=chain_map)
    assert result.map is not None, messages(result)
    changes = [c.describe() for c in diff_maps(chain_map, result.map)]
    assert sorted(changes) == sorted(["+ segment 钠离子电池", '~ segment 锂矿 (锂资源): name "锂矿" → "锂资源"',
                                      '~ segment 锂矿 (锂资源): CN-TJ status "gap" → "strong"'])
    assert len(result.map.nodes) == len(chain_map.nodes) + 1
    new = result.map.nodes[-1]
    assert new.name == "钠离子电池" and new.x is not None  # placed by the layout
    assert result.summary() == "created 1 segment; updated 1 segment; placed 1 segment"
    # Rows missing from the sheet are kept, unless --delete-missing.
    pruned = imported([path], into=chain_map, delete_missing=True)
    assert pruned.map is not None, messages(pruned)
    assert [n.name for n in pruned.map.nodes] == ["锂资源", "钠离子电池"]
    assert pruned.map.edges == [] and set(pruned.map.deleted) >= {n.id for n in chain_map.nodes[1:]}


def test_links_name_their_ends_by_id_or_by_name_and_update_the_same_link(tmp_path: Path) -> None:
    chain_map = example()
    edge = chain_map.edges[0]
    source, target = chain_map.node(edge.source), chain_map.node(edge.target)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "链接"
    sheet.append(["上游环节", "下游环节", "标签", "跨区域流向"])
    sheet.append([source.name, target.id, "新标签", "天津→北京; CN-HE -> CN-BJ"])
    path = tmp_path / "links.xlsx"
    workbook.save(path)
    result = imported([path], into=chain_map)
    assert result.map is not None, messages(result)
    assert len(result.map.edges) == len(chain_map.edges)  # the same link, updated, not a second one
    updated = result.map.edge(edge.id)
    assert updated.label == "新标签"
    assert [(f.source, f.target) for f in updated.flows] == [("CN-TJ", "CN-BJ"), ("CN-HE", "CN-BJ")]
