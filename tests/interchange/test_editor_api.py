"""What the editor's File ▸ Import will call: the open map is never touched by the import, and
the result applies to it in one step (``sync_map``, which ``ReplaceMapCommand`` runs)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from chainmap.core.diff import diff_maps
from chainmap.core.format import dumps_map
from chainmap.core.map_sync import sync_map

from .support import example, imported


def test_an_import_leaves_the_open_map_alone_and_applies_in_one_step(tmp_path: Path) -> None:
    open_map = example()
    before = dumps_map(open_map)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "环节"
    sheet.append(["编号", "环节名称", "层级", "河北 现状"])
    sheet.append([open_map.nodes[0].id, "锂资源", "上游", "有基础"])
    sheet.append([None, "钠电池", "中游", None])
    workbook.save(tmp_path / "ledger.xlsx")
    result = imported([tmp_path / "ledger.xlsx"], into=open_map)
    assert result.map is not None and result.map is not open_map
    assert dumps_map(open_map) == before  # untouched until the editor applies the result
    events: list[str] = []
    open_map.events.node_added.connect(lambda *_: events.append("added"))
    open_map.events.node_changed.connect(lambda *_: events.append("changed"))
    sync_map(open_map, result.map)
    assert diff_maps(open_map, result.map) == []
    assert sorted(set(events)) == ["added", "changed"]  # the canvas hears of every change


def test_problems_come_as_lines_not_exceptions(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "环节"
    sheet.append(["环节名称", "层级"])
    sheet.append(["锂资源", "地下"])
    workbook.save(tmp_path / "bad.xlsx")
    result = imported([tmp_path / "bad.xlsx"], into=example())
    assert result.map is None
    assert [(p.source, p.problem.path, p.is_error) for p in result.problems] == \
        [(str(tmp_path / "bad.xlsx"), "环节!B2", True)]
