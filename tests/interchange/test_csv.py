"""CSV both ways: exports in UTF-8 with a BOM and formulas neutralised; imports with English or
Chinese headers, in UTF-8 with or without a BOM, or GB18030."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from chainmap.core.diff import diff_maps

from .support import example, exported, imported, messages

ENGLISH = ("id,name,tier,CN-TJ status\r\n,锂矿,upstream,weak\r\n,正极材料,upstream,strong\r\n"
           ",动力电池,midstream,present\r\n")
LINKS = "from,to,kind,label\r\n锂矿,正极材料,supply,锂盐\r\n正极材料,动力电池,,\r\n"
CHINESE = "编号,环节名称,层级,天津现状\n,锂矿,上游,薄弱\n,正极材料,上游,优势\n,动力电池,中游,有基础\n"
CHINESE_LINKS = "上游环节,下游环节,类型,标签\n锂矿,正极材料,供应,锂盐\n正极材料,动力电池,,\n"


def _write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
@pytest.mark.parametrize(("segments", "links"), [(ENGLISH, LINKS), (CHINESE, CHINESE_LINKS)], ids=["en", "zh"])
def test_segments_and_links_files_make_a_map(tmp_path: Path, encoding: str, segments: str, links: str) -> None:
    result = imported([_write(tmp_path / "segments.csv", segments, encoding),
                       _write(tmp_path / "links.csv", links, encoding)])
    assert result.map is not None, messages(result)
    chain_map = result.map
    assert [(n.name, chain_map.tier(n.tier).name) for n in chain_map.nodes][:2] == \
        [("锂矿", "upstream" if segments is ENGLISH else "上游"), ("正极材料", "upstream" if segments is ENGLISH else "上游")]
    assert [n.regions["CN-TJ"].status for n in chain_map.nodes] == ["weak", "strong", "present"]
    assert [(chain_map.node(e.source).name, chain_map.node(e.target).name, e.kind, e.label)
            for e in chain_map.edges] == [("锂矿", "正极材料", "supply", "锂盐"), ("正极材料", "动力电池", None, None)]
    assert chain_map.region_codes() == ["CN-TJ"]


def test_the_file_name_decides_only_when_the_headers_do_not(tmp_path: Path) -> None:
    # A tab-separated file named after no sheet: recognised by its header row.
    path = _write(tmp_path / "台账-导出.txt", "环节名称\t层级\n锂矿\t上游\n", "gb18030")
    result = imported([path])
    assert result.map is not None, messages(result)
    assert [n.name for n in result.map.nodes] == ["锂矿"]


def test_csv_export_has_a_bom_crlf_and_no_formulas(tmp_path: Path) -> None:
    chain_map = example()
    chain_map.update_node(chain_map.nodes[0].id, name="=cmd|' /C calc'!A0", description="+1")
    raw = exported(chain_map, tmp_path, "csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["编号", "环节名称", "层级"]
    assert rows[1][1] == "'=cmd|' /C calc'!A0" and rows[1][6] == "'+1"
    links = list(csv.reader(io.StringIO(exported(chain_map, tmp_path, "csv", table="links").read_text("utf-8-sig"))))
    assert links[0][:5] == ["编号", "上游环节", "上游环节名称", "下游环节", "下游环节名称"]
    assert len(links) == len(chain_map.edges) + 1


def test_csv_files_round_trip_into_the_map(tmp_path: Path) -> None:
    chain_map = example()
    chain_map.update_node(chain_map.nodes[0].id, name="=cmd|' /C calc'!A0")
    files = [exported(chain_map, tmp_path, "csv", table=table, name=table, lang=lang)
             for table, lang in (("segments", "zh_CN"), ("links", "en"), ("enterprises", "zh_CN"), ("notes", "en"))]
    result = imported(files, into=chain_map)
    assert result.map is not None, messages(result)
    assert [c.describe() for c in diff_maps(chain_map, result.map)] == []
    fresh = imported(files[:2])
    assert fresh.map is not None, messages(fresh)
    assert [n.name for n in fresh.map.nodes] == [n.name for n in chain_map.nodes]
    assert len(fresh.map.edges) == len(chain_map.edges)


def test_a_list_is_no_csv_to_import(tmp_path: Path) -> None:
    path = exported(example(), tmp_path, "csv", table="investment", name="堵点招商")
    assert messages(imported([path])) == [
        f"{path}: '堵点招商' is one of the three lists, which chainmap reads off the map; a list cannot be "
        "imported (import the segments sheet instead)."]
