"""What a map shows around its content: the title with the map's date, and the legend
(status chips, plan badges, link styles, the region colour key). Exports always include
them; the editor may hide the legend and show it as an overlay instead.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from chainmap.core.language import is_chinese
from chainmap.core.model import ChainMap
from chainmap.core.vocabulary import ACTION_LABELS, STATUS_LABELS, STATUSES

from . import style
from .chokepoints import paint_chokepoint
from .items_segment import CHIP, paint_badge, paint_chip, plan_text
from .state import RenderState

TITLE_SIZE = 26
SUBTITLE_SIZE = 13
LEGEND_SIZE = 12
Z_DECORATION = -50.0


def bilingual(zh: str, en: str) -> str:
    """A title or legend word in the reader's language (:func:`current_language`; an export's
    ``--lang`` sets it): one language at a time, never both."""
    return zh if is_chinese() else en


def action_word(zh: str, en: str) -> str:
    """A plan action for the legend: Chinese alone, or in English the Chinese term users know
    with its English word (``"补链 fill"``)."""
    return zh if is_chinese() else f"{zh} {en}"


def map_date(chain_map: ChainMap) -> str:
    """The map's date for the title: ``meta.modified``, else ``meta.created``, as YYYY-MM-DD."""
    for key in ("modified", "created"):
        value = chain_map.meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:10]
    return ""


class _Painted(QGraphicsItem):
    """An item that replays a list of prepared drawing steps."""

    def __init__(self) -> None:
        super().__init__()
        self._ops: list[tuple] = []
        self._rect = QRectF()
        self.setZValue(Z_DECORATION)

    def boundingRect(self) -> QRectF:
        return self._rect

    def _text(self, x: float, y: float, text: str, size: int, colour: QColor = style.INK,
              bold: bool = False) -> float:
        """Queue a text at (x, y) top-left; returns its width."""
        static = style.static_text(text)
        static.prepare(font=style.map_font(size, bold))
        self._ops.append(("text", QPointF(x, y), static, colour, size, bold))
        return style.metrics(size, bold).horizontalAdvance(text)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        for op in self._ops:
            kind = op[0]
            if kind == "text":
                _, at, static, colour, size, bold = op
                painter.setFont(style.map_font(size, bold))
                painter.setPen(colour)
                painter.drawStaticText(at, static)
            elif kind == "rect":
                _, rect, pen, brush, radius = op
                painter.setPen(pen)
                painter.setBrush(brush)
                painter.drawRoundedRect(rect, radius, radius)
            elif kind == "line":
                _, line, pen = op
                painter.setPen(pen)
                painter.drawLine(line)
            elif kind == "chip":
                _, rect, status, look = op
                paint_chip(painter, rect, status, look)
            elif kind == "badge":
                _, rect, text = op
                painter.setFont(style.map_font(10))
                paint_badge(painter, rect, text)
            elif kind == "chokepoint":
                paint_chokepoint(painter, op[1])


class TitleItem(_Painted):
    """The map's title, and below it the chain, the map's date and the current view."""

    def set_map(self, chain_map: ChainMap, state: RenderState) -> None:
        self.prepareGeometryChange()
        self._ops = []
        width = self._text(0, 0, chain_map.title, TITLE_SIZE, bold=True)
        parts = [chain_map.chain]
        date = map_date(chain_map)
        if date:
            parts.append(f"{bilingual('日期', 'date')} {date}")
        if chain_map.lead:
            look = state.region_look(chain_map.lead)
            parts.append(f"{bilingual('链长', 'lead')} {look.name if look else chain_map.lead}")
        if state.view_region is not None:
            look = state.region_look(state.view_region)
            name = look.name if look else state.view_region
            parts.append(f"{bilingual('视图', 'view')} {name} {bilingual('缺口', 'gaps')}")
        line_y = style.metrics(TITLE_SIZE, True).height() + 2
        width = max(width, self._text(0, line_y, "  ·  ".join(parts), SUBTITLE_SIZE, style.MUTED_INK))
        self._rect = QRectF(-4, -4, width + 8, line_y + style.metrics(SUBTITLE_SIZE).height() + 8)


class LegendItem(_Painted):
    """The legend: statuses, plans, link styles, and the region colour key."""

    PAD = 12.0
    HEADING_WIDTH = 118.0
    ROW_GAP = 8.0

    def set_map(self, chain_map: ChainMap, state: RenderState, max_width: float) -> None:
        self.prepareGeometryChange()
        self._ops = []
        self._state = state
        fm = style.metrics(LEGEND_SIZE)
        self._line = fm.height()
        self._max_right = max(max_width, 700.0)
        self._y = self.PAD
        self._right = 0.0
        view = state.view_region
        neutral = state.regions[0] if state.regions else None
        self._row(bilingual("状态", "status"))
        for status in STATUSES:
            zh, en = STATUS_LABELS[status]
            self._entry(lambda x, y, s=status: self._status_sample(x, y, s, neutral), 44, bilingual(zh, en))
        viewed = state.region_look(view) if view else None
        box_means = bilingual("方框", "box") + " = " + (viewed.name if viewed else bilingual("各地最佳", "best of regions"))
        self._entry(None, 0, box_means, style.MUTED_INK)
        self._row(bilingual("计划", "plans"))
        for action, (zh, en) in ACTION_LABELS.items():
            self._entry(lambda x, y, a=action: self._badge_sample(x, y, a), 16, action_word(zh, en))
        self._entry(lambda x, y: self._text(x, y, "企 N", 10, style.MUTED_INK), 30,
                    bilingual("重点企业数", "key enterprises"))
        self._row(bilingual("链接", "links"))
        for kind, (zh, en) in (("supply", ("供应", "supply")), ("technology", ("技术", "technology")),
                               ("service", ("服务", "service"))):
            self._entry(lambda x, y, k=kind: self._link_sample(x, y, k, False), 44, bilingual(zh, en))
        self._entry(lambda x, y: self._link_sample(x, y, "supply", True), 44,
                    bilingual("跨地区供应", "cross-region supply"))
        if state.regions:
            self._row(bilingual("地区", "regions"))
            for look in state.regions:
                self._entry(lambda x, y, lk=look: self._region_sample(x, y, lk), 30,
                            f"{look.name} {look.code}")
        if view is not None:
            self._row(bilingual("视图", "view"))
            self._entry(lambda x, y: self._box_sample(x, y, style.GAP_RED, 3.0, "gap"), 30,
                        bilingual("缺失待补", "gap to fill"))
            self._entry(lambda x, y: self._box_sample(x, y, style.WEAK_ORANGE, 3.0, "weak"), 30,
                        bilingual("薄弱待强", "weak, to strengthen"))
            self._entry(lambda x, y: self._box_sample(x, y, style.BOX_BORDER, 1.0, None), 30,
                        bilingual("其他（淡化）", "others (dimmed)"))
        if state.chokepoints_marked:
            self._row(bilingual("分析", "analysis"))
            self._entry(lambda x, y: self._ops.append(("chokepoint", QPointF(x + 9, y + self._line / 2))), 18,
                        bilingual("卡点", "chokepoint"))
        height = self._y + self._line + self.PAD
        width = self._right + self.PAD
        self._ops.insert(0, ("rect", QRectF(0, 0, width, height), style.pen(style.name_of(style.BAND_LINE)),
                             style.brush("#F2FFFFFF"), 6))
        self._rect = QRectF(0, 0, width, height).adjusted(-2, -2, 2, 2)

    # ---------------------------------------------------------------- layout
    def _row(self, heading: str) -> None:
        if self._right:
            self._y += self._line + self.ROW_GAP
        self._x = self.PAD + self.HEADING_WIDTH
        self._text(self.PAD, self._y, heading, LEGEND_SIZE, bold=True)
        self._right = max(self._right, self._x)

    def _entry(self, sample, sample_width: float, label: str, colour: QColor = style.INK) -> None:
        width = sample_width + (6 if sample_width else 0) + style.metrics(LEGEND_SIZE).horizontalAdvance(label)
        if self._x + width > self._max_right and self._x > self.PAD + self.HEADING_WIDTH:
            self._y += self._line + 4
            self._x = self.PAD + self.HEADING_WIDTH
        if sample is not None:
            sample(self._x, self._y)
            self._x += sample_width + 6
        self._x += self._text(self._x, self._y, label, LEGEND_SIZE, colour)
        self._right = max(self._right, self._x)
        self._x += 18

    # --------------------------------------------------------------- samples
    def _status_sample(self, x: float, y: float, status: str, look) -> None:
        box = QRectF(x, y + 1, 26, self._line - 2)
        self._ops.append(("rect", box, style.pen(style.name_of(style.BOX_BORDER)),
                          style.brush(style.name_of(style.STATUS_FILLS[status])), 3))
        if look is not None:
            chip = QRectF(x + 30, y + (self._line - CHIP) / 2, CHIP, CHIP)
            self._ops.append(("chip", chip, status, look))

    def _badge_sample(self, x: float, y: float, action: str) -> None:
        self._ops.append(("badge", QRectF(x, y + (self._line - 13) / 2, 13, 13), plan_text(action)))

    def _link_sample(self, x: float, y: float, kind: str, flow: bool) -> None:
        colour = style.LINK_COLOURS[kind]
        width = style.FLOW_LINK_WIDTH if flow else style.LINK_WIDTH
        mid = y + self._line / 2
        pen = QPen(style.pen(style.name_of(colour), width, style.LINK_STYLES[kind]))
        self._ops.append(("line", QLineF(x, mid, x + 44, mid), pen))
        if flow and len(self._state.regions) >= 2:
            a, b = self._state.regions[1], self._state.regions[0]
            top = y - 9
            at = x + 8
            at += self._text(at, top, a.short, 10, a.colour)
            at += self._text(at, top, "→", 10, style.MUTED_INK)
            self._text(at, top, b.short, 10, b.colour)

    def _region_sample(self, x: float, y: float, look) -> None:
        chip = QRectF(x, y + (self._line - CHIP) / 2, CHIP, CHIP)
        self._ops.append(("chip", chip, "strong", look))
        self._text(x + CHIP + 3, y, look.short, LEGEND_SIZE, look.colour, True)

    def _box_sample(self, x: float, y: float, colour: QColor, width: float, status: str | None) -> None:
        fill = style.STATUS_FILLS[status] if status else style.tinted(style.STATUS_FILLS["present"], 0.6)
        self._ops.append(("rect", QRectF(x, y + 1, 28, self._line - 2), style.pen(style.name_of(colour), width),
                          style.brush(style.name_of(fill)), 3))
