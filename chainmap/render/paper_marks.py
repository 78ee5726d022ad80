"""The marks on a poster page: crop marks, overlap lines, the page's label and its place.

Pages are assembled left to right and top to bottom: cut a page along its crop marks on the
left and top, and lay the cut edge on the dashed line of the page before it, so the shared
strip (:data:`.paper.OVERLAP_MM`) of the two pages lies on top of each other. Each page names
itself by row letter and column number (``B3``: second row, third column), shows where it sits
in a small grid, and names its neighbours in the margins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from . import style

if TYPE_CHECKING:
    from .paper import PagePlan

MM = 72 / 25.4
MARK_GAP = 2 * MM  # crop marks start this far from the corner, so they never touch the map
MARK_LENGTH = 6 * MM
LABEL_SIZE = 7  # points
MARK_INK = QColor("black")
OVERLAP_INK = QColor("#7B8794")

TEXTS = {
    "en": {
        "label": "{title} · page {code}: row {row} of {rows}, column {column} of {columns} ({page} of {pages})",
        "how": "Cut along the corner marks on the left and top; lay the cut edge on the dashed line of the "
               "page before ({overlap:g} mm overlap).",
    },
    "zh_CN": {
        "label": "{title} · 第 {code} 页：第 {row}/{rows} 行，第 {column}/{columns} 列（第 {page} 页，共 {pages} 页）",
        "how": "沿左侧和上方的角线裁切，将裁边对齐前一页的虚线拼贴（重叠 {overlap:g} 毫米）。",
    },
}


def page_code(row: int, column: int) -> str:
    """A page's name: its row as letters (A … Z, AA …) and its column from 1 (``B3``)."""
    letters = ""
    number = row + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{column + 1}"


def draw_tile_marks(painter: QPainter, plan: PagePlan, row: int, column: int, title: str, lang: str) -> None:
    """Draw page (``row``, ``column``)'s marks and labels; the painter works in page points."""
    area = plan.area
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _crop_marks(painter, area)
    dashed = QPen(OVERLAP_INK, 0.6, Qt.PenStyle.DashLine)
    painter.setPen(dashed)
    reach = MARK_GAP  # the dashed lines run a little into the margins, to be seen when assembling
    if column < plan.columns - 1:
        x = area.right() - plan.overlap
        painter.drawLine(QLineF(x, area.top() - reach, x, area.bottom() + reach))
    if row < plan.rows - 1:
        y = area.bottom() - plan.overlap
        painter.drawLine(QLineF(area.left() - reach, y, area.right() + reach, y))
    texts = TEXTS.get(lang, TEXTS["en"])
    font = style.map_font(LABEL_SIZE)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    painter.setPen(style.MUTED_INK)
    grid = _grid(painter, plan, row, column)
    room = area.width() - grid.width() - 4 * MM
    label = texts["label"].format(title=title, code=page_code(row, column), row=row + 1, rows=plan.rows,
                                  column=column + 1, columns=plan.columns, page=row * plan.columns + column + 1,
                                  pages=plan.pages)
    how = texts["how"].format(overlap=plan.overlap / MM)
    line = metrics.height()
    top = area.top() - MARK_GAP - 2 * line
    for index, text in enumerate((label, how)):
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QPointF(area.left() + MARK_GAP, top + index * line + metrics.ascent()), elided)
    _neighbours(painter, plan, row, column, metrics)
    painter.restore()


def _crop_marks(painter: QPainter, area: QRectF) -> None:
    painter.setPen(QPen(MARK_INK, 0.3))
    for corner, dx, dy in ((area.topLeft(), -1, -1), (area.topRight(), 1, -1),
                           (area.bottomLeft(), -1, 1), (area.bottomRight(), 1, 1)):
        x, y = corner.x(), corner.y()
        painter.drawLine(QLineF(x + dx * MARK_GAP, y, x + dx * (MARK_GAP + MARK_LENGTH), y))
        painter.drawLine(QLineF(x, y + dy * MARK_GAP, x, y + dy * (MARK_GAP + MARK_LENGTH)))


def _grid(painter: QPainter, plan: PagePlan, row: int, column: int) -> QRectF:
    """A small map of the pages at the top right, this page filled; returns where it is."""
    height = 3 * LABEL_SIZE
    cell = min(height / plan.rows, 60 / plan.columns, 6.0)
    box = QRectF(0, 0, cell * plan.columns, cell * plan.rows)
    box.moveBottomRight(QPointF(plan.area.right() - MARK_GAP, plan.area.top() - MARK_GAP))
    painter.save()
    painter.setPen(QPen(style.MUTED_INK, 0.3))
    for r in range(plan.rows):
        for c in range(plan.columns):
            rect = QRectF(box.left() + c * cell, box.top() + r * cell, cell, cell)
            painter.setBrush(style.INK if (r, c) == (row, column) else Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
    painter.restore()
    return box


def _neighbours(painter: QPainter, plan: PagePlan, row: int, column: int, metrics: QFontMetricsF) -> None:
    """The neighbouring pages' names, at the middle of the margins they join on."""
    area = plan.area
    below = area.bottom() + MARK_GAP + metrics.ascent()
    if row < plan.rows - 1:
        text = f"↓ {page_code(row + 1, column)}"
        painter.drawText(QPointF(area.center().x() - metrics.horizontalAdvance(text) / 2, below), text)
    for side, neighbour in ((-1, column - 1), (1, column + 1)):
        if not 0 <= neighbour < plan.columns:
            continue
        text = f"{'←' if side < 0 else '→'} {page_code(row, neighbour)}"
        width = metrics.horizontalAdvance(text)
        painter.save()
        x = area.left() - MARK_GAP if side < 0 else area.right() + MARK_GAP
        painter.translate(x, area.center().y())
        painter.rotate(-90 if side < 0 else 90)
        painter.drawText(QPointF(-width / 2, -metrics.descent()), text)
        painter.restore()
