"""Exports that any reader opens, and deep maps drawn (issue 8, "Trust").

- An SVG of a map whose text holds control characters (U+000B from a pasted cell, NUL, ESC)
  is well-formed XML, with the rest of the text kept (it used to be no XML at all).
- Sub-segments nested 5,000 deep are drawn, folded and exported to PNG and SVG (this used to
  raise RecursionError at about 1,000 levels).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from chainmap.core.format.fileio import loads_map
from chainmap.core.layout.engine import layout_map
from chainmap.core.model import ChainMap, Note
from chainmap.render.export import export_map
from chainmap.render.svg_fonts import xml_safe
from tests.core.deep_maps import chain_data

from .maps import small_map

SVG = "{http://www.w3.org/2000/svg}"
DEPTH = 5000


def svg_texts(path: Path) -> list[str]:
    """The text of every ``<text>`` of an SVG; fails when it is not well-formed XML."""
    root = ET.parse(path).getroot()
    return [element.text or "" for element in root.iter(f"{SVG}text")]


# ------------------------------------------------------------------ control characters
def test_svg_of_text_with_control_characters_is_xml(app, tmp_path: Path) -> None:
    chain_map = small_map()
    first = chain_map.nodes[0]
    chain_map.update_node(first.id, name="锂\x0b矿\x01石")
    chain_map.update_map(title="图谱\x0c标题")
    chain_map.add_note(Note("note-ctl", "备注\x00一\x1b[31m二\x08三\ufffe", 40, 40))
    path = tmp_path / "map.svg"
    export_map(chain_map, path)
    texts = svg_texts(path)  # raises ParseError when the file is not XML
    joined = "".join(texts)
    assert "矿" in joined and "石" in joined
    assert "备注一[31m二三" in joined
    root = ET.parse(path).getroot()
    assert root.findtext(f"{SVG}title") == "图谱标题"
    for text in texts:
        assert not any(ord(char) < 0x20 and char not in "\t\n\r" for char in text), text


def test_xml_safe_keeps_everything_xml_allows() -> None:
    allowed = "tab\there\nline\r 中文 é \x7f \x85 \ue000 \ufffd \U0001f600 &amp; &#x20; &#65533;".encode()
    assert xml_safe(allowed) == allowed
    forbidden = b"a\x00b\x0bc\x1fd\xef\xbf\xbee&#11;f&#x1B;g&#xFFFF;h&#0008;i"
    assert xml_safe(forbidden) == b"abcdefghi"


# ------------------------------------------------------------------ depth
@pytest.fixture(scope="module")
def deep_map() -> ChainMap:
    assert sys.getrecursionlimit() < DEPTH
    chain_map = loads_map(json.dumps(chain_data(DEPTH)).encode()).map
    layout_map(chain_map)
    return chain_map


def test_a_5000_deep_chain_is_drawn_and_folded(make_scene, deep_map: ChainMap) -> None:
    scene = make_scene(deep_map, editable=False)
    root, leaf = "s00000", f"s{DEPTH - 1:05d}"
    outer, inner = scene.segment_frame(root), scene.segment_frame(leaf)
    assert outer.contains(inner) and outer.height() > inner.height() * DEPTH / 2
    assert scene.item_for("node", leaf).zValue() > scene.item_for("node", root).zValue()
    scene.set_folded("s00001", True)
    scene.flush()
    assert scene.item_for("node", "s00001").isVisible()
    assert not scene.item_for("node", leaf).isVisible()
    assert scene.segment_frame(root).height() < outer.height() / 100


def test_a_5000_deep_chain_exports_to_png_and_svg(app, deep_map: ChainMap, tmp_path: Path) -> None:
    png = export_map(deep_map, tmp_path / "deep.png", dpi=96, scale=0.002)
    image = QImage(str(tmp_path / "deep.png"))
    assert not image.isNull() and (image.width(), image.height()) == png.size
    svg = export_map(deep_map, tmp_path / "deep.svg", dpi=96, scale=0.02)
    root = ET.parse(tmp_path / "deep.svg").getroot()
    assert svg.size[1] > svg.size[0] > 0
    # Each segment's frame and box is drawn (at this scale the names are too small to write).
    assert sum(1 for element in root.iter(f"{SVG}rect")) >= 2 * DEPTH
