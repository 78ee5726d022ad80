"""Exports of a big map paint every segment although its items are made part by part (issue 14).

Small maps with the thresholds lowered; each export is compared with the same map exported
from a scene that made all its items at once.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from chainmap.render import export_parts, scene_lazy
from chainmap.render.export import export_map, export_scene
from chainmap.render.scene import MapScene
from tests.render.bigmap import make_big_map
from tests.render.imagecompare import PIXEL_TOLERANCE, pixels

RSVG = "/usr/bin/rsvg-convert"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def chain_map():
    return make_big_map(240, 300, columns=1)


def _eager(monkeypatch) -> None:
    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 1_000_000)


def _lazy(monkeypatch) -> None:
    monkeypatch.setattr(scene_lazy, "LAZY_SEGMENTS", 50)
    monkeypatch.setattr(scene_lazy, "IDLE_SEGMENTS", 0)
    monkeypatch.setattr(scene_lazy, "CELL", 400.0)
    monkeypatch.setattr(export_parts, "SLICE_UNITS", 700.0)


def _differing(a: Path, b: Path) -> float:
    got, want = QImage(str(a)), QImage(str(b))
    assert not got.isNull() and got.size() == want.size()
    diff = np.abs(pixels(got) - pixels(want)).max(axis=2)
    return float((diff > PIXEL_TOLERANCE).mean())


def _ink(path: Path) -> int:
    """How many pixels are not (nearly) white."""
    image = pixels(QImage(str(path)))
    return int((image[:, :, :3].min(axis=2) < 200).sum())


def _rsvg(svg: Path) -> Path:
    png = svg.with_suffix(".rsvg.png")
    subprocess.run([RSVG, "-o", str(png), str(svg)], check=True, timeout=120)
    return png


def test_a_png_painted_band_by_band_from_lazy_items_equals_one_of_a_full_scene(qapp, chain_map, monkeypatch,
                                                                             tmp_path) -> None:
    monkeypatch.setattr("chainmap.render.export.BAND_PIXELS", 40_000)  # many bands, in both
    _eager(monkeypatch)
    full = tmp_path / "full.png"
    export_map(chain_map, full, dpi=48)
    _lazy(monkeypatch)
    parts = tmp_path / "parts.png"
    export_map(chain_map, parts, dpi=48)
    assert _ink(parts) > 0.05 * QImage(str(parts)).width() * QImage(str(parts)).height()
    assert _differing(parts, full) < 0.002


def test_the_editor_exports_every_segment_although_few_items_are_made(qapp, chain_map, monkeypatch,
                                                                      tmp_path) -> None:
    _eager(monkeypatch)
    full = tmp_path / "full.png"
    export_map(chain_map, full, dpi=48)
    _lazy(monkeypatch)
    scene = MapScene(chain_map)  # the editor's kind of scene: it keeps what it makes
    try:
        assert scene.items_pending == len(chain_map.nodes) + len(chain_map.edges)
        editor = tmp_path / "editor.png"
        export_scene(scene, editor, dpi=48)
        assert _differing(editor, full) < 0.002
        assert len(scene.sync.items.nodes) == len(chain_map.nodes)
    finally:
        scene.dispose()


def test_an_svg_joined_from_slices_is_valid_and_looks_like_the_unsliced_one(qapp, chain_map, monkeypatch,
                                                                           tmp_path) -> None:
    _eager(monkeypatch)
    whole = tmp_path / "whole.svg"
    export_map(chain_map, whole)
    _lazy(monkeypatch)
    scene = MapScene(chain_map, editable=False, cached=False, transient=True)
    try:
        with scene.exporting(vector=True, parts=True):
            source = scene.content_rect()
            passes = export_parts.svg_passes(scene, QRectF(0, 0, 100, 100), source, None)
        assert len(passes) > 3
    finally:
        scene.dispose()
    sliced = tmp_path / "sliced.svg"
    export_map(chain_map, sliced)
    root = ET.parse(sliced).getroot()  # well-formed XML
    assert root.tag == f"{SVG}svg"
    assert len(root.findall(f"{SVG}defs/{SVG}style")) == 1  # one shared style sheet
    texts = [el.text for el in root.iter(f"{SVG}text")]
    names = {node.name for node in chain_map.nodes}
    assert names <= {"".join(t.split()) for t in texts if t} | _wrapped(texts, names)
    assert _differing(_rsvg(sliced), _rsvg(whole)) < 0.002
    assert sliced.stat().st_size < 1.1 * whole.stat().st_size  # each item once


def _wrapped(texts: list[str | None], names: set[str]) -> set[str]:
    """Names drawn on two lines: any name whose every character is somewhere in the texts."""
    chars = set("".join(t for t in texts if t))
    return {name for name in names if set(name) <= chars}
