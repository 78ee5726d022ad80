"""PNG painted in bands and streamed into the file; SVG made compact. Both must show the same
picture as before, and be read by decoders other than Qt's (ImageMagick, librsvg)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter

from chainmap.render import export as export_module
from chainmap.render.export import export_map, export_scene
from chainmap.render.items_link import LinkItem

from .imagecompare import pixels
from .maps import TITLE, small_map


def identify(path) -> str:  # type: ignore[no-untyped-def]
    tool = shutil.which("identify")
    if tool is None:
        pytest.skip("ImageMagick's identify is not installed")
    done = subprocess.run([tool, "-verbose", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stderr.lower(), done.stderr
    return done.stdout


@pytest.mark.parametrize("transparent", [False, True])
def test_bands_and_tiles_paint_the_same_picture(app, tmp_path, monkeypatch, transparent):
    chain_map = small_map()
    whole = export_map(chain_map, tmp_path / "whole.png", dpi=96, transparent=transparent)
    monkeypatch.setattr(export_module, "DIRECT_MAX_SIDE", 300)
    monkeypatch.setattr(export_module, "BAND_PIXELS", 300 * 97, raising=False)
    banded = export_map(chain_map, tmp_path / "banded.png", dpi=96, transparent=transparent)
    assert banded.tiles > 8 and banded.size == whole.size
    a, b = pixels(QImage(str(tmp_path / "whole.png"))), pixels(QImage(str(tmp_path / "banded.png")))
    assert float((abs(a - b).max(axis=2) > 40).mean()) < 0.002
    report = identify(tmp_path / "banded.png")
    assert f"Geometry: {whole.width}x{whole.height}" in report
    assert ("TrueColorAlpha" in report) == transparent
    assert "Resolution: 37.8x37.8" in report  # 96 dpi in dots per centimetre


@pytest.mark.parametrize("channels", [3, 4])
def test_the_png_writer_keeps_at_most_its_workers_bands_and_writes_every_row(tmp_path, channels):
    from chainmap.render import png_stream

    width, height = 301, 97  # 301 × 3 bytes is no whole number of 4-byte words: rows are padded
    rng = np.random.default_rng(5)
    picture = rng.integers(0, 256, size=(height, width, channels), dtype=np.uint8)
    padded = np.zeros((height, width * channels + 5), dtype=np.uint8)  # as a QImage's rows, strided
    padded[:, : width * channels] = picture.reshape(height, -1)
    held = []  # the filtered bands alive as each new one is handed to the threads, itself included
    with open(tmp_path / "rows.png", "wb") as stream:
        writer = png_stream.PngWriter(stream, width, height, channels, 3780, workers=2)
        submit = writer._pool.submit

        def counting(*args):  # type: ignore[no-untyped-def]
            held.append(len(writer._pending) + 1)
            return submit(*args)

        writer._pool.submit = counting  # type: ignore[method-assign]
        for top in range(0, height, 10):
            writer.add_rows(padded[top:top + 10, : width * channels])
        writer.close()
    assert len(held) == 10 and max(held) == 2
    image = QImage(str(tmp_path / "rows.png"))
    image.convertTo(QImage.Format.Format_RGBA8888 if channels == 4 else QImage.Format.Format_RGB888)
    decoded = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, image.bytesPerLine())
    assert np.array_equal(decoded[:, : width * channels], picture.reshape(height, -1))


def test_bands_one_tile_wide_paint_the_same_picture_as_one_band(app, tmp_path, monkeypatch):
    chain_map = small_map()
    whole = export_map(chain_map, tmp_path / "whole.png", dpi=96)
    monkeypatch.setattr(export_module, "BAND_PIXELS", whole.width * 37, raising=False)
    banded = export_map(chain_map, tmp_path / "banded.png", dpi=96)
    assert banded.tiles > 8 and banded.size == whole.size
    a, b = pixels(QImage(str(tmp_path / "whole.png"))), pixels(QImage(str(tmp_path / "banded.png")))
    assert float((abs(a - b).max(axis=2) > 40).mean()) < 0.002


def test_each_link_is_painted_only_in_the_bands_it_crosses(app, make_scene, tmp_path, monkeypatch):
    scene = make_scene(small_map(), editable=False, legend=True, cached=False)
    paints: list[LinkItem] = []
    original = LinkItem.paint

    def counting(self, painter, option, widget=None):  # type: ignore[no-untyped-def]
        paints.append(self)
        return original(self, painter, option, widget)

    monkeypatch.setattr(LinkItem, "paint", counting)
    monkeypatch.setattr(export_module, "DIRECT_MAX_SIDE", 4000)
    monkeypatch.setattr(export_module, "TILE", 256, raising=False)  # the old tiles
    monkeypatch.setattr(export_module, "BAND_PIXELS", 120_000, raising=False)
    result = export_scene(scene, tmp_path / "map.png", dpi=96)
    rows = max(1, 120_000 // result.width)
    with scene.exporting(vector=False):
        top = scene.content_rect().top()
    links = [item for item in scene.items() if isinstance(item, LinkItem) and item.isVisible()]
    bound = 0
    for link in links:
        rect = link.sceneBoundingRect()
        first, last = int((rect.top() - top - 1) // rows), int((rect.bottom() - top + 1) // rows)
        bound += last - first + 1
    assert links and set(paints) == set(links)
    assert len(paints) <= bound < 3 * len(links)


def _raw_svg(scene, path, width, height) -> None:  # type: ignore[no-untyped-def]
    """The SVG as QSvgGenerator writes it, with the font embedded: the picture before compaction."""
    from PySide6.QtSvg import QSvgGenerator

    from chainmap.render.svg_fonts import embed_fonts

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(96)
    painter = QPainter(generator)
    with scene.exporting(vector=True):
        source = export_module._source_of(scene.content_rect(), 1.0, width, height)
        export_module._paint(scene, painter, QRectF(0, 0, width, height), source, None)
    painter.end()
    data, _ = embed_fonts(path.read_bytes())
    path.write_bytes(data)


def test_svg_is_compact_keeps_text_and_draws_the_same(app, make_scene, tmp_path):
    scene = make_scene(small_map(), editable=False, legend=True, cached=False)
    result = export_scene(scene, tmp_path / "map.svg", background=None)
    text = (tmp_path / "map.svg").read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert TITLE in "".join(element.text or "" for element in root.iter() if element.tag.endswith("text"))
    assert "@font-face" in text and "font/otf;base64," in text
    declared = set(re.findall(r"^\.(c[0-9a-f]+)\{", text, re.M))
    used = set(re.findall(r'class="(c[0-9a-f]+)"', text))
    assert used and used == declared
    body = text.split("</defs>")[1].split("\n", 2)[2]  # after the root group
    assert 'fill-opacity="' not in body and "matrix(" not in body and 'font-family="' not in body
    _raw_svg(scene, tmp_path / "raw.svg", result.width, result.height)
    assert (tmp_path / "map.svg").stat().st_size < 0.8 * (tmp_path / "raw.svg").stat().st_size
    rsvg = shutil.which("rsvg-convert")
    if rsvg is None:
        pytest.skip("rsvg-convert (librsvg) is not installed, so the SVG's picture cannot be compared")
    for name in ("map", "raw"):
        subprocess.run([rsvg, str(tmp_path / f"{name}.svg"), "-o", str(tmp_path / f"{name}-svg.png")], check=True)
    a, b = pixels(QImage(str(tmp_path / "map-svg.png"))), pixels(QImage(str(tmp_path / "raw-svg.png")))
    assert a.shape == b.shape
    assert float((np.abs(a - b).max(axis=2) > 40).mean()) < 0.001
