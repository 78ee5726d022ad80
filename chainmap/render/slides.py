"""A map as a 16:9 slide deck (python-pptx): ``chainmap export FILE -o report.pptx``.

The deck: a title slide (title, chain, lead region, date); the whole map as a picture; one
slide per region with that region's gaps view (the view ``--view REGION`` draws); and the three
lists (卡点攻关, 堵点招商, 重点企业) as native tables, split over slides (:mod:`.slide_tables`).
Headings follow the reader's language. Pictures are painted by the PNG export straight at the
size they take on the slide (:data:`PICTURE_DPI`), so they stay sharp when projected.
"""

from __future__ import annotations

import datetime
import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt
from PySide6.QtCore import QRectF

from chainmap.core.messages import msg
from chainmap.core.model import ChainMap

from .decorations import map_date
from .export import ExportError, _write
from .fit import export_fitted_png
from .prepared import prepared_scene
from .slide_tables import fill_table, list_tables, paginate, set_east_asian_font

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
HEADING_TOP, HEADING_H = Inches(0.3), Inches(0.8)
BODY_TOP = Inches(1.2)
BODY_H = SLIDE_H - BODY_TOP - Inches(0.4)
BODY_W = SLIDE_W - 2 * MARGIN
PICTURE_DPI = 200  # sharp on a projected 16:9 slide, a few hundred KB a picture
INK = RGBColor(0x1F, 0x29, 0x33)
MUTED = RGBColor(0x52, 0x60, 0x6D)
BLANK_LAYOUT = 6  # the default template's blank layout

WORDS = {
    "zh_CN": {"chain": "产业链", "lead": "链长地区", "date": "日期", "map": "产业链全景图",
              "gaps": "{name}（{code}）缺口视图", "none": "本图暂无", "part": "（{n}/{of}）",
              "colon": "："},
    "en": {"chain": "Chain", "lead": "Lead region", "date": "Date", "map": "The whole chain",
           "gaps": "Gaps view: {name} ({code})", "none": "None on this map", "part": " ({n}/{of})",
           "colon": ": "},
}


@dataclass
class DeckResult:
    """What :func:`export_slides` wrote: the file, its slide count, pictures and tables."""

    path: str
    slides: int
    pictures: int
    tables: int
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def export_slides(chain_map: ChainMap, path: str | os.PathLike[str], *, lang: str = "en", legend: bool = True,
                  folded: Iterable[str] = ()) -> DeckResult:
    """Write ``chain_map`` as a PPTX deck at ``path``, headings in ``lang`` (``zh_CN`` or
    ``en``); ``legend`` and ``folded`` as for the PNG export. Raises ExportError. The editor's
    File ▸ Export calls this for a .pptx."""
    start = time.perf_counter()
    words = WORDS.get(lang, WORDS["en"])
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_W, SLIDE_H
    _title_slide(deck, chain_map, words)
    pictures = tables = 0
    with prepared_scene(chain_map, legend=legend, folded=folded) as (scene, warnings), \
            tempfile.TemporaryDirectory(prefix="chainmap-slides-") as folder:
        views: list[tuple[str | None, str]] = [(None, words["map"])]
        views += [(r.code, words["gaps"].format(name=r.name, code=r.code)) for r in chain_map.regions]
        for index, (code, heading) in enumerate(views):
            scene.set_view_region(code)
            picture = os.path.join(folder, f"view{index}.png")
            export_fitted_png(scene, picture, _picture_pixels(scene.content_rect()), dpi=PICTURE_DPI)
            slide = _slide(deck, heading)
            _add_picture(slide, picture)
            pictures += 1
    for table in list_tables(chain_map, lang):
        total = sum(table.weights)
        widths = [Emu(BODY_W).pt * weight / total for weight in table.weights]
        pages = paginate(table, widths, Emu(BODY_H).pt * 0.95)  # leave room for a misjudged wrap
        for number, rows in enumerate(pages, start=1):
            part = words["part"].format(n=number, of=len(pages)) if len(pages) > 1 else ""
            slide = _slide(deck, f"{table.title}{part}")
            fill_table(slide.shapes, rows, table, MARGIN, BODY_TOP, widths)
            tables += 1
            if not rows:
                _text(slide, words["none"], MARGIN, BODY_TOP + Inches(0.6), BODY_W, Inches(0.5), 16, MUTED)
    data = _saved(deck)
    _write(os.fspath(path), data)
    return DeckResult(os.fspath(path), len(deck.slides), pictures, tables, warnings, time.perf_counter() - start)


def _picture_pixels(source: QRectF) -> int:
    """The long edge, in pixels, of a picture of ``source`` filling the body at PICTURE_DPI."""
    width, height = source.width(), source.height()
    box_w, box_h = Emu(BODY_W).inches * PICTURE_DPI, Emu(BODY_H).inches * PICTURE_DPI
    factor = min(box_w / width, box_h / height)
    return max(16, int(max(width, height) * factor))


def _saved(deck: object) -> bytes:
    import io

    buffer = io.BytesIO()
    deck.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def _slide(deck: object, heading: str) -> Any:  # python-pptx ships no types
    slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])  # type: ignore[attr-defined]
    _text(slide, heading, MARGIN, HEADING_TOP, BODY_W, HEADING_H, 28, INK, bold=True)
    return slide


def _text(slide: object, text: str, left: int, top: int, width: int, height: int, size: int,
          colour: RGBColor, bold: bool = False) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)  # type: ignore[attr-defined]
    frame = box.text_frame
    frame.word_wrap = True
    for number, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour
        set_east_asian_font(run)


def _title_slide(deck: object, chain_map: ChainMap, words: dict[str, str]) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])  # type: ignore[attr-defined]
    _text(slide, chain_map.title, MARGIN, Inches(2.3), BODY_W, Inches(1.4), 40, INK, bold=True)
    lead = next((r for r in chain_map.regions if r.code == chain_map.lead), None)
    colon = words["colon"]
    lines = [f"{words['chain']}{colon}{chain_map.chain}"]
    if lead is not None:
        lines.append(f"{words['lead']}{colon}{lead.name} ({lead.code})")
    lines.append(f"{words['date']}{colon}{map_date(chain_map) or datetime.date.today().isoformat()}")
    _text(slide, "\n".join(lines), MARGIN, Inches(3.9), BODY_W, Inches(1.8), 20, MUTED)


def _add_picture(slide: object, picture: str) -> None:
    from PySide6.QtGui import QImageReader

    size = QImageReader(picture).size()
    if size.isEmpty():
        raise ExportError(msg("The map picture {picture} could not be read back.", picture=picture))
    scale = min(BODY_W / size.width(), BODY_H / size.height())
    width, height = int(size.width() * scale), int(size.height() * scale)
    left = MARGIN + (BODY_W - width) // 2
    top = BODY_TOP + (BODY_H - height) // 2
    slide.shapes.add_picture(picture, left, top, width, height)  # type: ignore[attr-defined]
