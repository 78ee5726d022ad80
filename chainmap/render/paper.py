"""A map on paper: fitted to one page, or tiled as a poster over several pages.

:func:`paint_pages` paints onto any paged device (a ``QPdfWriter``, or the editor's
``QPrinter`` in File ▸ Print and its preview) using the device's own page layout, so a print
dialog's paper and orientation are honoured; :func:`export_paper` writes a PDF headless
(``chainmap export -o map.pdf --paper A3 --tile``). A poster is printed at a readable scale
(scale 1: one map unit is 1/96 inch, the segment names 10 pt); neighbouring pages overlap by
a strip, crop marks show where to cut, a dashed line where the next page's cut edge goes, and
each page is labelled with its row and column (see :mod:`.paper_marks`).
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from chainmap import __version__
from chainmap.core.messages import msg

from .export import SCENE_DPI, WHITE, ExportError, _write
from .export_parts import render
from .paper_marks import draw_tile_marks
from .scene import MapScene

PAPERS = {
    "A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3, "A2": QPageSize.PageSizeId.A2,
    "A1": QPageSize.PageSizeId.A1, "A0": QPageSize.PageSizeId.A0, "letter": QPageSize.PageSizeId.Letter,
}
MM = 72 / 25.4  # points per millimetre
MARGIN_MM = 10.0  # printers cannot print to the edge; marks and labels live here
OVERLAP_MM = 10.0  # the strip neighbouring poster pages share
MAX_PAGES = 400
MAX_SHRINK = 0.05  # a poster prints up to 5 % smaller than asked when that saves a row or column of pages
PDF_RESOLUTION = 1200


def paper_name(text: str) -> str:
    """The paper a user typed (``a3``, ``Letter``) as :data:`PAPERS` names it; ValueError else."""
    for name in PAPERS:
        if text.strip().lower() == name.lower():
            return name
    raise ValueError(msg("'{text}' is not a paper size: use A4, A3, A2, A1, A0 or letter.", text=text))


@dataclass(frozen=True)
class PagePlan:
    """How a map lies on pages, in points (1/72 inch).

    ``area``: the part of every page the map may cover (the page less its margins);
    ``factor``: points per map unit; ``rows`` × ``columns`` pages, neighbours sharing
    ``overlap`` points; ``poster``: where the map lies on the whole poster, whose page (r, c)
    shows :meth:`tile` (a page fitted to one sheet is a one-page poster).
    """

    page: QSizeF
    area: QRectF
    source: QRectF
    factor: float
    rows: int
    columns: int
    overlap: float
    poster: QRectF
    tiled: bool

    @property
    def pages(self) -> int:
        return self.rows * self.columns

    @property
    def scale(self) -> float:
        """The map's scale on paper (1: one map unit is 1/96 inch)."""
        return self.factor * SCENE_DPI / 72

    def tile(self, row: int, column: int) -> QRectF:
        """The part of the poster page (``row``, ``column``) shows, in poster points."""
        return QRectF(column * (self.area.width() - self.overlap), row * (self.area.height() - self.overlap),
                      self.area.width(), self.area.height())


def plan_pages(source: QRectF, page: QSizeF, tile: bool, scale: float = 1.0,
               printer_margins: QMarginsF | None = None) -> PagePlan:
    """The pages a map of scene rectangle ``source`` takes on paper of ``page`` points: fitted
    to one page, or (``tile``) at ``scale`` over as many pages as it needs. The map keeps
    :data:`MARGIN_MM` inside ``printer_margins`` (points; a PDF has none), room for the marks."""
    margin = MARGIN_MM * MM
    edges = printer_margins or QMarginsF(0, 0, 0, 0)
    area = QRectF(margin + edges.left(), margin + edges.top(),
                  page.width() - 2 * margin - edges.left() - edges.right(),
                  page.height() - 2 * margin - edges.top() - edges.bottom())
    if area.width() < 4 * OVERLAP_MM * MM or area.height() < 4 * OVERLAP_MM * MM:
        raise ExportError(msg("The paper's printable part ({width:.0f} × {height:.0f} mm inside the margins) is too "
                              "small for a map; use larger paper or smaller margins.",
                              width=area.width() / MM, height=area.height() / MM))
    width, height = source.width(), source.height()
    if not (math.isfinite(width) and math.isfinite(height)) or max(width, height) > 1e7:
        raise ExportError(msg("The map reaches {width:.3g} × {height:.3g} units across: something lies far out "
                              "(a segment or note with a position such as 1e+300); move it back, or lay the map "
                              "out again (chainmap layout).", width=width, height=height))
    if not tile:
        factor = min(area.width() / width, area.height() / height)
        poster = QRectF((area.width() - width * factor) / 2, (area.height() - height * factor) / 2,
                        width * factor, height * factor)
        return PagePlan(page, area, source, factor, 1, 1, 0.0, poster, False)
    overlap = OVERLAP_MM * MM
    factor, rows, columns = _poster_grid(width, height, area, overlap, scale * 72 / SCENE_DPI)
    w, h = width * factor, height * factor
    if rows * columns > MAX_PAGES:
        raise ExportError(msg("At scale {scale:g} the poster would take {rows} × {columns} = {pages} pages, "
                              "more than {most}; use larger paper or a smaller --scale.", scale=scale, rows=rows,
                              columns=columns, pages=rows * columns, most=MAX_PAGES))
    total_w = columns * (area.width() - overlap) + overlap
    total_h = rows * (area.height() - overlap) + overlap
    poster = QRectF((total_w - w) / 2, (total_h - h) / 2, w, h)
    return PagePlan(page, area, source, factor, rows, columns, overlap, poster, True)


def _poster_grid(width: float, height: float, area: QRectF, overlap: float,
                 factor: float) -> tuple[float, int, int]:
    """(factor, rows, columns) of a poster at ``factor`` points a unit, the factor shrunk by up to
    :data:`MAX_SHRINK` when that saves a row or a column only a sliver of the map needs."""

    def count(length: float, room: float) -> int:
        return 1 if length <= room else math.ceil((length - overlap) / (room - overlap))

    def room(pages: int, side: float) -> float:
        return pages * (side - overlap) + overlap

    rows, columns = count(height * factor, area.height()), count(width * factor, area.width())
    best = (rows * columns, factor, rows, columns)
    for fewer_rows, fewer_columns in ((rows - 1, columns), (rows, columns - 1), (rows - 1, columns - 1)):
        if min(fewer_rows, fewer_columns) < 1:
            continue
        fitted = min(factor, room(fewer_rows, area.height()) / height, room(fewer_columns, area.width()) / width)
        if fitted >= factor * (1 - MAX_SHRINK) and fewer_rows * fewer_columns < best[0]:
            best = (fewer_rows * fewer_columns, fitted, fewer_rows, fewer_columns)
    return best[1], best[2], best[3]


def page_size(paper: str, landscape: bool) -> QSizeF:
    """A paper's size in points, turned for ``landscape``."""
    size = QPageSize(PAPERS[paper_name(paper)]).size(QPageSize.Unit.Point)
    return size.transposed() if landscape else size


def choose_landscape(source: QRectF, paper: str, tile: bool, scale: float = 1.0) -> bool:
    """The orientation a map suits: fitted, the one that prints it larger; tiled, the one
    needing fewer pages (then the one the map's shape suits)."""
    wide = source.width() >= source.height()
    portrait, landscape = (plan_pages(source, page_size(paper, turn), tile, scale) for turn in (False, True))
    if not tile:
        return landscape.factor > portrait.factor or (landscape.factor == portrait.factor and wide)
    return landscape.pages < portrait.pages or (landscape.pages == portrait.pages and wide)


def set_paper(device: QPagedPaintDevice, paper: str, landscape: bool) -> None:
    """Give ``device`` the paper, turned for ``landscape``, with no margins of its own (the
    pages keep :data:`MARGIN_MM` themselves)."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    device.setPageLayout(QPageLayout(QPageSize(PAPERS[paper_name(paper)]), orientation, QMarginsF(0, 0, 0, 0)))


def paint_pages(device: QPagedPaintDevice, scene: MapScene, *, tile: bool = False, scale: float = 1.0,
                lang: str = "en", background: QColor | None = WHITE) -> PagePlan:
    """Paint ``scene`` onto ``device``'s pages as its page layout (paper, orientation, the
    printer's margins) says: fitted to one page, or (``tile``) a poster at ``scale`` with
    overlap strips, crop marks and labels in ``lang`` (``zh_CN`` or ``en``). The editor's
    File ▸ Print calls this with its ``QPrinter`` (e.g. from ``QPrintPreviewDialog.paintRequested``);
    returns the plan (the page count for the dialog)."""
    layout = device.pageLayout()
    full = layout.fullRectPoints()
    painted = layout.paintRectPoints()
    with scene.exporting(vector=True):
        source = scene.content_rect()
        plan = plan_pages(source, QSizeF(full.width(), full.height()), tile, scale,
                          layout.margins(QPageLayout.Unit.Point))
        painter = QPainter()
        if not painter.begin(device):
            raise ExportError(msg("The pages could not be started: the printer or PDF refused to open."))
        try:
            per_point = device.width() / painted.width() if painted.width() > 0 else 1.0
            for row in range(plan.rows):
                for column in range(plan.columns):
                    if row or column:
                        device.newPage()
                    painter.save()
                    painter.scale(per_point, per_point)
                    painter.translate(-painted.left(), -painted.top())
                    _paint_tile(painter, scene, plan, row, column, background)
                    if plan.pages > 1:
                        draw_tile_marks(painter, plan, row, column, scene.chain_map.title, lang)
                    painter.restore()
        finally:
            painter.end()
    return plan


def _paint_tile(painter: QPainter, scene: MapScene, plan: PagePlan, row: int, column: int,
                background: QColor | None) -> None:
    tile = plan.tile(row, column)
    visible = tile.intersected(plan.poster)
    if visible.isEmpty():
        return
    target = visible.translated(plan.area.left() - tile.left(), plan.area.top() - tile.top())
    source = QRectF(plan.source.left() + (visible.left() - plan.poster.left()) / plan.factor,
                    plan.source.top() + (visible.top() - plan.poster.top()) / plan.factor,
                    visible.width() / plan.factor, visible.height() / plan.factor)
    render(scene, painter, target, source, background)


@dataclass
class PaperResult:
    """What :func:`export_paper` wrote."""

    path: str
    paper: str
    landscape: bool
    plan: PagePlan
    seconds: float = 0.0


def export_paper(scene: MapScene, path: str | os.PathLike[str], *, paper: str = "A4",
                 landscape: bool | None = None, tile: bool = False, scale: float = 1.0, lang: str = "en",
                 background: QColor | None = WHITE) -> PaperResult:
    """Write ``scene`` as a PDF on ``paper`` (A4 … A0, letter), ``landscape`` or portrait (None:
    whichever suits the map, see :func:`choose_landscape`), fitted to one page or ``tile``-d as a
    poster at ``scale``. Raises ExportError."""
    start = time.perf_counter()
    name = paper_name(paper)
    if not math.isfinite(scale) or scale <= 0:
        raise ExportError(msg("The scale must be a positive number, not {scale!r}.", scale=scale))
    if landscape is None:
        with scene.exporting(vector=True):
            landscape = choose_landscape(scene.content_rect(), name, tile, scale)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(scene.chain_map.title)
    writer.setCreator(f"chainmap {__version__}")
    set_paper(writer, name, landscape)
    plan = paint_pages(writer, scene, tile=tile, scale=scale, lang=lang, background=background)
    del writer
    _write(os.fspath(path), bytes(buffer.data().data()))
    return PaperResult(os.fspath(path), name, landscape, plan, time.perf_counter() - start)
