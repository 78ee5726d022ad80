"""Paint a scene into a compact SVG file through temporary files, not memory.

QSvgGenerator writes its whole document to a temporary file; :mod:`svg_compact` rewrites its
body into a second one while collecting the style classes and the text; then the target gets
the header, one ``<style>`` with the classes and the embedded font subset, and the body.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from typing import BinaryIO

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter

from .svg_compact import Compactor, root_style, split_header
from .svg_fonts import FAMILY, font_face_rules


def write_svg(stream: BinaryIO, paint: Callable[[QPainter], None] | Sequence[Callable[[QPainter], None]],
              size: tuple[int, int], resolution: int, title: str, description: str) -> list[str]:
    """Write to ``stream`` the SVG of ``size`` CSS pixels that ``paint(painter)`` draws; return
    warnings (a font that could not be embedded). ``paint`` may be several passes (a big map
    sliced: :func:`chainmap.render.export_parts.svg_passes`): each paints into a document of
    its own, so QSvgGenerator never holds more than one slice; their bodies are joined, in
    order, under one header and one ``<style>``."""
    passes = [paint] if callable(paint) else list(paint)
    with tempfile.TemporaryDirectory(prefix="chainmap-svg-") as folder:
        header: tuple[str, str, str] | None = None
        compactor: Compactor | None = None
        with open(f"{folder}/body.svg", "w", encoding="utf-8") as body:
            for index, paint_pass in enumerate(passes):
                raw = f"{folder}/raw{index}.svg"
                _paint_document(raw, paint_pass, size, resolution, title, description)
                with open(raw, "rb") as source:
                    head, defs, root_tag, pieces = split_header(source)
                    if header is None or compactor is None:
                        header = (head, defs, root_tag)
                        compactor = Compactor(body, root_style(root_tag))
                    compactor.feed(pieces)
                os.remove(raw)
        assert header is not None and compactor is not None
        head, defs, root_tag = header
        found = compactor.found
        warnings: list[str] = []
        rules: list[str] = []
        if any(name == "font-family" and FAMILY in value for style in found.classes for name, value in style):
            rules, warnings = font_face_rules("".join(sorted(found.text)), found.weights)
        head = head.replace("<svg ", '<svg xml:space="preserve" ', 1)
        style = "\n".join([found.css(), *rules])
        stream.write(f'{head}<defs>{defs}<style type="text/css"><![CDATA[\n{style}\n]]></style>\n</defs>\n'
                     f"{root_tag}\n".encode())
        with open(f"{folder}/body.svg", "rb") as body_bytes:
            shutil.copyfileobj(body_bytes, stream, 1 << 20)
        stream.write(b"</g>\n</svg>\n")
    return warnings


def _paint_document(path: str, paint: Callable[[QPainter], None], size: tuple[int, int], resolution: int,
                    title: str, description: str) -> None:
    from PySide6.QtSvg import QSvgGenerator

    width, height = size
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(resolution)
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter(generator)
    paint(painter)
    painter.end()
    del painter, generator
