"""export_map: every example to PNG, SVG and PDF; sizes, alpha, approved images, big maps."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from chainmap.core.format.fileio import load_map
from chainmap.render import export as export_module
from chainmap.render.export import ExportError, export_map

from .imagecompare import assert_matches_approved, pixels
from .maps import TITLE, small_map

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))


def svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    return "".join(element.text or "" for element in root.iter() if element.tag.endswith("text"))


@pytest.fixture(scope="module")
def pdftotext() -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed, so PDF text cannot be checked")
    return tool


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_every_example_exports_to_png_svg_pdf(app, example, tmp_path, pdftotext):
    chain_map = load_map(example).map
    png = export_map(chain_map, tmp_path / "map.png", dpi=72)
    image = QImage(str(tmp_path / "map.png"))
    assert (image.width(), image.height()) == png.size and not png.warnings
    svg = export_map(chain_map, tmp_path / "map.svg")
    assert chain_map.title in svg_text(tmp_path / "map.svg")
    assert svg.size == (png.width * 96 // 72, png.height * 96 // 72) or abs(svg.width - png.width * 96 / 72) < 3
    export_map(chain_map, tmp_path / "map.pdf")
    text = subprocess.run([pdftotext, str(tmp_path / "map.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert chain_map.title in text.replace(" ", "")


def test_pdf_embeds_the_cjk_font(app, tmp_path):
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    export_map(small_map(), tmp_path / "map.pdf")
    listing = subprocess.run([pdffonts, str(tmp_path / "map.pdf")], capture_output=True, text=True,
                             check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert any("NotoSansSCChainmap" in row[0] for row in rows)
    assert all(row[-5] == "yes" for row in rows)  # the "emb" column


def test_svg_embeds_the_cjk_font_and_keeps_text(app, tmp_path):
    export_map(small_map(), tmp_path / "map.svg")
    data = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "@font-face" in data and "font/otf;base64," in data
    assert TITLE in svg_text(tmp_path / "map.svg")
    assert "锂矿" in svg_text(tmp_path / "map.svg")
    # Only the glyphs the map uses travel with it, not the 1.6 MB face.
    assert len(data.encode("utf-8")) < 300_000


def test_dpi_and_scale_set_the_pixel_size_and_metadata(app, tmp_path):
    chain_map = small_map()
    low = export_map(chain_map, tmp_path / "low.png", dpi=96)
    high = export_map(chain_map, tmp_path / "high.png", dpi=192)
    double = export_map(chain_map, tmp_path / "double.png", dpi=96, scale=2)
    assert abs(high.width - 2 * low.width) <= 2 and abs(high.height - 2 * low.height) <= 2
    assert double.size == high.size
    image = QImage(str(tmp_path / "high.png"))
    assert image.dotsPerMeterX() == round(192 / 0.0254)


def test_transparent_and_background(app, tmp_path):
    export_map(small_map(), tmp_path / "clear.png", transparent=True, dpi=48)
    image = QImage(str(tmp_path / "clear.png"))
    assert image.hasAlphaChannel() and image.pixelColor(1, 1).alpha() == 0
    assert pixels(image)[..., 3].max() == 255  # the map itself is opaque
    export_map(small_map(), tmp_path / "tinted.png", background="#102030", dpi=48)
    corner = QImage(str(tmp_path / "tinted.png")).pixelColor(1, 1)
    assert corner.name() == "#102030" and corner.alpha() == 255
    with pytest.raises(ExportError, match="not a colour"):
        export_map(small_map(), tmp_path / "x.png", background="notacolour")


def test_options_are_checked(app, tmp_path):
    chain_map = small_map()
    with pytest.raises(ExportError, match="no region 'CN-XX'"):
        export_map(chain_map, tmp_path / "x.png", view_region="CN-XX")
    with pytest.raises(ExportError, match=r"\.png, \.svg or \.pdf"):
        export_map(chain_map, tmp_path / "x.gif")
    with pytest.raises(ExportError, match="positive"):
        export_map(chain_map, tmp_path / "x.png", dpi=0)
    with pytest.raises(ExportError, match="Nothing was written"):
        export_map(chain_map, tmp_path / "missing-folder" / "x.png")
    result = export_map(chain_map, tmp_path / "x.png", folded=["battery", "nope"], dpi=48)
    assert result.warnings == ["There is no segment 'nope' to fold; ignored."]


def test_an_empty_map_exports(app, tmp_path, pdftotext):
    from chainmap.core.model import ChainMap, Region, Tier

    empty = ChainMap("empty", "空白图谱", "空白", regions=[Region("CN-BJ", "北京")], tiers=[Tier("up", "上游")])
    for name in ("empty.png", "empty.svg", "empty.pdf"):
        assert export_map(empty, tmp_path / name).width > 100
    text = subprocess.run([pdftotext, str(tmp_path / "empty.pdf"), "-"], capture_output=True, text=True).stdout
    assert "空白图谱" in text


def test_matches_approved_images(app, tmp_path):
    export_map(small_map(), tmp_path / "small-all.png", dpi=72)
    assert_matches_approved(tmp_path / "small-all.png", "small-all")
    export_map(small_map(), tmp_path / "small-tianjin.png", dpi=72, view_region="CN-TJ",
               folded=["battery"], legend=False)
    assert_matches_approved(tmp_path / "small-tianjin.png", "small-tianjin-folded")


def test_too_big_is_scaled_down_with_a_warning_or_refused(app, tmp_path, monkeypatch):
    chain_map = small_map()
    monkeypatch.setattr(export_module, "MAX_IMAGE_BYTES", 4 * 2_000_000)  # 2 MP
    shrunk = export_map(chain_map, tmp_path / "shrunk.png", dpi=96, scale=3)
    assert shrunk.width * shrunk.height <= 2_000_000 and shrunk.scale < 3
    assert "scaled down" in shrunk.warnings[0]
    assert QImage(str(tmp_path / "shrunk.png")).size().toTuple() == shrunk.size
    with pytest.raises(ExportError, match="cannot be made"):
        export_map(chain_map, tmp_path / "huge.png", dpi=96, scale=100)
    assert not (tmp_path / "huge.png").exists()


@pytest.mark.slow
def test_big_map_at_a_huge_scale_gives_a_clear_answer(app, tmp_path):
    from .bigmap import make_big_map

    chain_map = make_big_map(5000, 8000)
    with pytest.raises(ExportError, match="cannot be made"):
        export_map(chain_map, tmp_path / "big.png", scale=50)
    pdf = export_map(chain_map, tmp_path / "big.pdf", scale=0.25)
    assert pdf.width > 0 and (tmp_path / "big.pdf").stat().st_size > 0
