"""A map on paper: one page fitted, or a poster tiled over pages that overlap, read back with poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter

from .maps import small_map

POPPLER = shutil.which("pdfinfo") is not None and shutil.which("pdftoppm") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdfinfo, pdftoppm) is not installed")


def pdf_pages(path: Path) -> tuple[int, str, tuple[float, float]]:
    """The page count, the paper name poppler sees and the first page's size in points."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?", info, re.M)
    assert size is not None, info
    return pages, size.group(3) or "", (float(size.group(1)), float(size.group(2)))


def page_image(path: Path, page: int, folder: Path) -> QImage:
    """Page ``page`` (from 1) rendered by pdftoppm at 36 dpi."""
    stem = folder / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "36", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(path),
                    str(stem)], check=True)
    return QImage(f"{stem}.png")


def ink(image: QImage) -> float:
    """The share of pixels that are not white."""
    small = image.scaled(120, 120)
    dark = sum(1 for y in range(small.height()) for x in range(small.width())
               if small.pixelColor(x, y).lightness() < 235)
    return dark / (small.width() * small.height())


def test_plan_fits_one_page_or_tiles_with_shared_strips():
    from chainmap.render.paper import MM, OVERLAP_MM, page_size, plan_pages

    source = QRectF(0, 0, 3000, 1000)  # map units: 31 × 10 inches at scale 1
    fitted = plan_pages(source, page_size("A4", True), tile=False)
    assert fitted.pages == 1 and fitted.area.contains(fitted.poster.translated(fitted.area.topLeft()))
    assert fitted.poster.width() == pytest.approx(fitted.area.width())  # the long side fills the page
    poster = plan_pages(source, page_size("A4", True), tile=True)
    assert poster.scale == 1 and (poster.rows, poster.columns) == (2, 3)
    # Neighbours share a strip of exactly OVERLAP_MM, and together the tiles cover the whole map.
    first, second = poster.tile(0, 0), poster.tile(0, 1)
    assert first.right() - second.left() == pytest.approx(OVERLAP_MM * MM)
    covered = poster.tile(0, 0).united(poster.tile(poster.rows - 1, poster.columns - 1))
    assert covered.contains(poster.poster)
    bigger = plan_pages(source, page_size("A4", True), tile=True, scale=2)
    assert bigger.pages > poster.pages
    # 2 % more than two columns of A4 hold: printed 2 % smaller rather than on a third column.
    two = 2 * (poster.area.width() - poster.overlap) + poster.overlap
    sliver = plan_pages(QRectF(0, 0, two * 1.02 / 0.75, 300), page_size("A4", True), tile=True)
    assert sliver.columns == 2 and sliver.scale == pytest.approx(1 / 1.02)


def test_page_codes_name_rows_by_letter_and_columns_by_number():
    from chainmap.render.paper_marks import page_code

    assert [page_code(0, 0), page_code(1, 2), page_code(25, 0), page_code(26, 9)] == ["A1", "B3", "Z1", "AA10"]


def test_far_out_maps_and_huge_posters_are_refused_with_a_reason():
    from chainmap.render.export import ExportError
    from chainmap.render.paper import page_size, plan_pages

    with pytest.raises(ExportError, match="far out"):
        plan_pages(QRectF(0, 0, 1e300, 10), page_size("A4", False), tile=False)
    with pytest.raises(ExportError, match="pages, more than"):
        plan_pages(QRectF(0, 0, 200_000, 200_000), page_size("A4", False), tile=True)


@needs_poppler
@pytest.mark.parametrize(("paper", "landscape", "tile", "pages", "name", "size"), [
    ("A3", True, False, 1, "A3", (1191, 842)),
    ("A4", False, False, 1, "A4", (595, 842)),
    ("A4", False, True, 2, "A4", (595, 842)),
    ("letter", False, True, 2, "letter", (612, 792)),
])
def test_pdf_pages_have_the_paper_and_count(make_scene, tmp_path, paper, landscape, tile, pages, name, size):
    from chainmap.render.paper import export_paper

    path = tmp_path / "map.pdf"
    done = export_paper(make_scene(small_map(), editable=False, cached=False), path, paper=paper,
                        landscape=landscape, tile=tile, scale=1.0)
    assert done.plan.pages == pages
    count, seen, (width, height) = pdf_pages(path)
    assert count == pages and seen == name
    assert (round(width), round(height)) == size


@needs_poppler
def test_every_tiled_page_shows_map_and_marks(make_scene, tmp_path):
    from chainmap.render.paper import export_paper

    path = tmp_path / "poster.pdf"
    done = export_paper(make_scene(small_map(), editable=False, cached=False), path, paper="A4", landscape=False,
                        tile=True, scale=2, lang="zh_CN")
    assert done.plan.pages >= 4
    for page in range(1, done.plan.pages + 1):
        image = page_image(path, page, tmp_path)
        assert ink(image) > 0.02, f"page {page} is blank"
        # The margin holds only marks and labels: its outer edge is white.
        assert image.pixelColor(2, image.height() // 2).lightness() > 240


@needs_poppler
def test_orientation_is_chosen_for_the_map_when_not_given(make_scene, tmp_path):
    from chainmap.render.paper import export_paper

    scene = make_scene(small_map(), editable=False, cached=False)
    done = export_paper(scene, tmp_path / "auto.pdf", paper="A3")
    assert done.landscape  # the small map is wider than tall
    _, _, (width, height) = pdf_pages(tmp_path / "auto.pdf")
    assert width > height


def test_paint_pages_honours_a_device_s_own_page_layout(make_scene, tmp_path):
    """As File ▸ Print does: the printer's paper and margins decide, the pages fit inside them."""
    from chainmap.render.paper import MM, paint_pages

    path = tmp_path / "printer.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A3), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    plan = paint_pages(writer, make_scene(small_map(), editable=False, cached=False), tile=True, scale=2.0)
    del writer
    assert plan.page == QSizeF(QPageSize(QPageSize.PageSizeId.A3).size(QPageSize.Unit.Point))
    assert plan.pages >= 2 and path.stat().st_size > 5000
    # The map and its marks keep 10 mm inside the printer's 15 mm: nothing in the outer 15 mm.
    assert plan.area.left() == pytest.approx(25 * MM, abs=0.01) and plan.area.top() == pytest.approx(25 * MM, abs=0.01)
    if POPPLER:
        image = page_image(path, 1, tmp_path)
        edge = round(15 / 25.4 * 36) - 1
        outer = [image.pixelColor(x, y).lightness() for y in range(image.height()) for x in range(image.width())
                 if min(x, y, image.width() - 1 - x, image.height() - 1 - y) < edge]
        assert min(outer) > 240
        assert ink(image) > 0.02
