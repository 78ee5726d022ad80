"""The three lists (三张清单) as native slide tables, split over as many slides as they need.

Qt-free: the rows are read off :func:`chainmap.core.analysis.three_lists` in the reader's
language, and paginated by an estimate of how tall each row sets at :data:`TABLE_PT` (wide
CJK characters take an em, others about half), so no table runs off its slide and no text is
shrunk below 12 pt. The cells are real PowerPoint table cells (editable in PowerPoint and WPS);
every run names an East Asian typeface, so WPS shows the Chinese in a Chinese font.
"""

from __future__ import annotations

import copy
import math
import unicodedata
from dataclasses import dataclass

from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from chainmap.core import analysis
from chainmap.core.model import ChainMap
from chainmap.core.vocabulary import ACTION_LABELS, MARK_LABELS, PRIORITY_LABELS, STATUS_LABELS

TABLE_PT = 12
LINE_FACTOR = 1.35  # a line of YaHei sets about 1.3 em tall
CELL_MARGIN_X = 7.2  # python-pptx's (and PowerPoint's) default cell margins, in points
CELL_MARGIN_Y = 3.6
# "Microsoft YaHei", with the GB2312 charset and the panose numbers PowerPoint writes for it:
# where YaHei is missing, PowerPoint and WPS substitute another Chinese (GB2312) sans font.
EA_FONT = {"typeface": "Microsoft YaHei", "panose": "020B0503020204020204", "pitchFamily": "34",
           "charset": "-122"}

TITLES = {
    "bottlenecks": ("卡点攻关", "Bottlenecks to tackle"),
    "investment": ("堵点招商", "Gaps to fill by attracting investment"),
    "enterprises": ("重点企业", "Key enterprises"),
}
# Each list's columns: (Chinese heading, English heading, width weight).
# Per list: (Chinese heading, English heading, relative width).
COLUMNS: dict[str, tuple[tuple[str, str, float], ...]] = {
    "bottlenecks": (("环节", "Segment", 3.0), ("地区", "Region", 1.5), ("原因", "Reason", 4.0)),
    "investment": (("环节", "Segment", 2.4), ("地区", "Region", 1.1), ("状态", "Status", 1.2),
                   ("举措", "Action", 1.1), ("优先级", "Priority", 1.3), ("目标企业", "Targets", 3.0),
                   ("责任单位", "Owner", 1.6), ("时限", "Due", 1.2)),
    "enterprises": (("企业", "Enterprise", 3.5), ("标识", "Marks", 2.2), ("环节", "Segment", 2.2),
                    ("地区", "Region", 1.0), ("城市", "City", 1.0), ("统一社会信用代码", "USCC", 2.5)),
}
REASONS = {
    "weak": ("本地区薄弱", "weak in this region"),
    "single-region": ("仅此一地区具备", "only this region is strong or present"),
    "single-firm": ("全图仅一家企业", "a single firm on the whole map"),
}
NONE_TEXT = ("本图暂无", "None on this map")


@dataclass(frozen=True)
class ListTable:
    """One list ready for slides: its ``key``, title, column headings and widths, and rows."""

    key: str
    title: str
    headings: tuple[str, ...]
    weights: tuple[float, ...]
    rows: list[tuple[str, ...]]


def list_tables(chain_map: ChainMap, lang: str) -> list[ListTable]:
    """The three lists of ``chain_map`` as rows of text in ``lang`` (``zh_CN`` or ``en``)."""
    pick = 0 if lang == "zh_CN" else 1
    names = {r.code: r.name for r in chain_map.regions}
    lists = analysis.three_lists(chain_map)
    rows: dict[str, list[tuple[str, ...]]] = {
        "bottlenecks": [(b.node.name, names.get(b.region or "", b.region or ""), REASONS[b.reason][pick])
                        for b in lists.bottlenecks],
        "investment": [
            (g.node.name, names.get(g.region, g.region), STATUS_LABELS[g.status][pick],
             ACTION_LABELS[g.plan.action][pick] if g.plan else "", PRIORITY_LABELS[g.plan.priority][pick]
             if g.plan else "", "、".join(g.plan.targets) if g.plan else "",
             (g.plan.owner or "") if g.plan else "", (g.plan.due or "") if g.plan else "")
            for g in lists.investment_gaps
        ],
        "enterprises": [
            (k.enterprise.name, "、".join(MARK_LABELS.get(m, (m, m))[pick] for m in k.enterprise.marks),
             k.node.name, names.get(k.region, k.region), k.enterprise.city or "", k.enterprise.uscc or "")
            for k in lists.enterprises
        ],
    }
    return [ListTable(key, TITLES[key][pick], tuple(str(c[pick]) for c in COLUMNS[key]),
                      tuple(c[2] for c in COLUMNS[key]), rows[key]) for key in TITLES]


def text_width(text: str, size: float = TABLE_PT) -> float:
    """About how wide ``text`` sets at ``size`` points: wide (CJK) characters an em, others
    0.62 em (bold lower case in a CJK font's Latin runs that wide)."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else 0.62 * size for ch in text)


def row_height(cells: tuple[str, ...], widths: list[float], size: float = TABLE_PT) -> float:
    """The height in points a row of ``cells`` in columns ``widths`` (points) sets to."""
    lines = 1
    for text, width in zip(cells, widths, strict=True):
        room = max(width - 2 * CELL_MARGIN_X, size)
        count = sum(max(1, math.ceil(text_width(part, size) * 1.08 / room)) for part in text.split("\n"))
        lines = max(lines, count)
    return lines * size * LINE_FACTOR + 2 * CELL_MARGIN_Y


def paginate(table: ListTable, widths: list[float], height: float) -> list[list[tuple[str, ...]]]:
    """``table``'s rows in pages whose rows, under the heading row, fit ``height`` points; the
    rows are spread evenly over the fewest pages (no last page with a single row)."""
    room = height - row_height(table.headings, widths)
    heights = [row_height(row, widths) for row in table.rows]
    pages = _fill(table.rows, heights, room)
    low, high = max(heights, default=0.0), room  # the least room that still needs no more pages
    while high - low > 1.0:
        middle = (low + high) / 2
        if len(_fill(table.rows, heights, middle)) > len(pages):
            low = middle
        else:
            high = middle
    return _fill(table.rows, heights, high)


def _fill(rows: list[tuple[str, ...]], heights: list[float], room: float) -> list[list[tuple[str, ...]]]:
    """Rows in order, as many on a page as fit ``room`` points (at least one a page)."""
    pages: list[list[tuple[str, ...]]] = [[]]
    used = 0.0
    for row, needed in zip(rows, heights, strict=True):
        if pages[-1] and used + needed > room:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += needed
    return pages


def set_east_asian_font(run: object) -> None:
    """Name the East Asian typeface (``a:ea``) of a python-pptx text run."""
    properties = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
    for old in properties.findall(qn("a:ea")):
        properties.remove(old)
    element = properties.makeelement(qn("a:ea"), EA_FONT)
    properties.insert_element_before(element, "a:cs", "a:sym", "a:hlinkClick", "a:hlinkMouseOver",
                                     "a:rtl", "a:extLst")


def fill_table(shapes: object, rows: list[tuple[str, ...]], table: ListTable, left: int, top: int,
               widths: list[float]) -> object:
    """Add a native table of ``rows`` under ``table``'s headings at (``left``, ``top``) EMU, its
    columns ``widths`` points wide; returns the table."""
    heights = [row_height(table.headings, widths)] + [row_height(row, widths) for row in rows]
    shape = shapes.add_table(len(rows) + 1, len(widths), Emu(left), Emu(top),  # type: ignore[attr-defined]
                             Pt(sum(widths)), Pt(sum(heights)))
    grid = shape.table
    for index, width in enumerate(widths):
        grid.columns[index].width = Pt(width)
    # The rows' XML directly: python-pptx's setters re-measure the whole table on every call,
    # which made a 3,600-firm list take 18 s instead of 3.
    east_asian = grid._tbl.makeelement(qn("a:ea"), EA_FONT)
    for r, (tr, cells) in enumerate(zip(grid._tbl.tr_lst, [table.headings, *rows], strict=True)):
        tr.h = Pt(heights[r])
        for tc, text in zip(tr.tc_lst, cells, strict=True):
            body = tc.get_or_add_txBody()
            body.bodyPr.set("wrap", "square")
            for number, line in enumerate(text.split("\n")):
                paragraph = body.p_lst[0] if number == 0 else body.add_p()
                run = paragraph.add_r()
                run.text = line
                properties = run.get_or_add_rPr()
                properties.set("sz", str(TABLE_PT * 100))
                properties.set("b", "1" if r == 0 else "0")
                properties.append(copy.copy(east_asian))
    return grid
