"""The PPTX deck, re-opened with python-pptx as PowerPoint or WPS would read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu
from PySide6.QtGui import QImage

from chainmap.core.model import ChainMap, Node, Region, Tier

from .maps import TITLE, entry, small_map


def export(chain_map: ChainMap, path: Path, lang: str):  # type: ignore[no-untyped-def]
    from chainmap.render.slides import export_slides

    return export_slides(chain_map, path, lang=lang)


def slide_texts(slide) -> list[str]:  # type: ignore[no-untyped-def]
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def table_rows(slide) -> list[list[str]]:  # type: ignore[no-untyped-def]
    rows = []
    for shape in slide.shapes:
        if shape.has_table:
            rows += [[cell.text for cell in row.cells] for row in shape.table.rows]
    return rows


def pictures(slide) -> list[QImage]:  # type: ignore[no-untyped-def]
    return [QImage.fromData(shape.image.blob) for shape in slide.shapes
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_deck_has_title_map_gaps_views_and_lists_as_tables(app, tmp_path):
    path = tmp_path / "report.pptx"
    done = export(small_map(), path, "zh_CN")
    deck = Presentation(str(path))
    slides = list(deck.slides)
    assert done.slides == len(slides) and done.pictures == 4
    assert deck.slide_width / deck.slide_height == pytest.approx(16 / 9, rel=0.01)
    title = "\n".join(slide_texts(slides[0]))
    assert TITLE in title and "测试链" in title and "北京" in title and "2025-03-17" in title
    headings = [slide_texts(s)[0] for s in slides[1:]]
    assert headings[0] == "产业链全景图"
    assert headings[1:4] == ["北京（CN-BJ）缺口视图", "天津（CN-TJ）缺口视图", "河北（CN-HE）缺口视图"]
    assert headings[4:6] == ["卡点攻关", "堵点招商"]
    assert headings[6:] == ["重点企业（1/2）", "重点企业（2/2）"]  # the wrapped long segment name takes room
    images = [pictures(s) for s in slides[1:5]]
    assert all(len(found) == 1 for found in images)
    whole, *views = [found[0] for found in images]
    # Sharp on a 16:9 slide: about 200 pixels an inch of the picture's place on the slide.
    assert max(whole.width(), whole.height()) >= 1100
    # Each region's slide shows that region's gaps view, not the whole map again.
    assert whole != views[0] and views[0] != views[1] and views[1] != views[2]
    investment = table_rows(slides[6])
    assert investment[0][:3] == ["环节", "地区", "状态"]
    assert ["锂矿", "北京", "缺失", "补链", "高"] == investment[1][:5]
    firms = table_rows(slides[7])
    assert firms[0] == ["企业", "标识", "环节", "地区", "城市", "统一社会信用代码"]
    assert ["示例企业0", "", "锂矿", "河北"] == firms[1][:4]
    assert len(firms) + len(table_rows(slides[8])) == 2 + 15  # every firm of the map, under a heading row


def test_headings_follow_the_language_and_runs_name_an_east_asian_font(app, tmp_path):
    path = tmp_path / "report.pptx"
    export(small_map(), path, "en")
    slides = list(Presentation(str(path)).slides)
    assert slide_texts(slides[1])[0] == "The whole chain"
    assert slide_texts(slides[2])[0] == "Gaps view: 北京 (CN-BJ)"
    assert slide_texts(slides[5])[0] == "Bottlenecks to tackle"
    investment = table_rows(slides[6])
    assert investment[0][:3] == ["Segment", "Region", "Status"] and investment[1][2:5] == ["gap", "fill", "high"]
    for slide in slides:
        for shape in slide.shapes:
            if not shape.has_table:
                continue
            for row in shape.table.rows:
                for cell in row.cells:
                    for run in (r for p in cell.text_frame.paragraphs for r in p.runs):
                        east_asian = run._r.find(qn("a:rPr")).find(qn("a:ea"))
                        assert east_asian is not None and east_asian.get("typeface") == "Microsoft YaHei"
                        assert east_asian.get("charset") == "-122"  # GB2312: WPS substitutes a Chinese font
                        assert run.font.size.pt >= 12


def long_list_map() -> ChainMap:
    """One segment with 70 firms, some with long names and marks: the key-enterprise list is long."""
    chain_map = ChainMap("long", "很长的清单", "测试链", regions=[Region("CN-BJ", "北京", "#D9412B")],
                         tiers=[Tier("up", "上游")])
    region = entry("strong", 70)
    for index, firm in enumerate(region.enterprises):
        if index % 3 == 0:
            firm.name = f"示例{index}号新能源汽车动力电池系统集成与回收利用股份有限公司（北京经济技术开发区分公司）"
            firm.marks = ["chain-leader", "little-giant", "listed"]
            firm.uscc = "91110000MA01ABCD2X"
    chain_map.add_node(Node("ore", "锂矿", "up", x=0, y=100, regions={"CN-BJ": region}))
    return chain_map


def test_a_long_list_is_split_over_slides_that_it_does_not_overflow(app, tmp_path):
    path = tmp_path / "long.pptx"
    export(long_list_map(), path, "zh_CN")
    deck = Presentation(str(path))
    parts = [s for s in deck.slides if slide_texts(s)[0].startswith("重点企业")]
    assert len(parts) >= 4
    assert [slide_texts(s)[0] for s in parts][:2] == [f"重点企业（1/{len(parts)}）", f"重点企业（2/{len(parts)}）"]
    names = [row[0] for s in parts for row in table_rows(s)[1:]]
    assert len(names) == 70 and len(set(names)) == 70  # every firm once, in order
    sizes = [len(table_rows(s)) - 1 for s in parts]
    assert max(sizes) - min(sizes) <= max(sizes) // 2  # spread evenly, no page of one row
    for slide in parts:
        table = next(shape for shape in slide.shapes if shape.has_table)
        bottom = table.top + sum(row.height for row in table.table.rows)
        assert Emu(bottom).inches <= Emu(deck.slide_height).inches - 0.3
        assert table_rows(slide)[0][0] == "企业"  # the heading row on every part


def test_row_estimate_is_not_shorter_than_the_text_sets(app):
    """The pagination's estimate of text width, against the bundled CJK font's real metrics."""
    from PySide6.QtGui import QFontMetricsF

    from chainmap.render import style
    from chainmap.render.slide_tables import TABLE_PT, text_width

    for text in ("示例多关节机器人（天津）股份有限公司", "medium", "single-product champion", "91110000MA01ABCD2X"):
        real = QFontMetricsF(style.map_font(TABLE_PT, True)).horizontalAdvance(text)
        assert text_width(text) * 1.08 >= real * 0.98, text
