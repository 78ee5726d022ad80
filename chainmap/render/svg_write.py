"""Paint a scene into a compact SVG file through temporary files, not memory.

QSvgGenerator writes its whole document to a temporary file; :mod:`svg_compact` rewrites its
body into a second one while collecting the style classes and the text; then the target gets
the header, one ``<style>`` with the classes and the embedded font subset, and the body.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from typing import BinaryIO

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter

from .svg_compact import Compactor, root_style, split_header
from .svg_fonts import FAMILY, font_face_rules


def write_svg(stream: BinaryIO, paint: Callable[[QPainter], None], size: tuple[int, int], resolution: int,
              title: str, description: str) -> list[str]:
    """Write to ``stream`` the SVG of ``size`` CSS pixels that ``paint(painter)`` draws; return
    warnings (a font that could not be embedded)."""
    from PySide6.QtSvg import QSvgGenerator

    width, height = size
    with tempfile.TemporaryDirectory(prefix="chainmap-svg-") as folder:
        raw = f"{folder}/raw.svg"
        generator = QSvgGenerator()
        generator.setFileName(raw)
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRectF(0, 0, width, height))
        generator.setResolution(resolution)
        generator.setTitle(title)
        generator.setDescription(description)
        painter = QPainter(generator)
        paint(painter)
        painter.end()
        del painter, generator
        with open(raw, "rb") as source, open(f"{folder}/body.svg", "w", encoding="utf-8") as body:
            head, defs, root_tag, pieces = split_header(source)
            compactor = Compactor(body, root_style(root_tag))
            compactor.feed(pieces)
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
