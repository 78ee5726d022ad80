"""Painting a big map's export part by part, so its items never all exist at once.

A :class:`~chainmap.render.scene.MapScene` of a big map makes its segment and link items
lazily (:mod:`chainmap.render.scene_lazy`). An export paints it in parts:

- a PNG band by band from the top (:func:`paint_band`): an export's own scene
  (``transient``) makes each item just before the first band it reaches (by where it
  begins, :mod:`chainmap.render.scene_topdown`), keeps it for the bands below while they
  meet it, and drops it once they lie below it;
- an SVG in horizontal slices (:func:`svg_passes`), one QSvgGenerator document each, joined
  into one file by :func:`chainmap.render.svg_write.write_svg`: every pass paints the whole
  page, but only the items made for its slice that no earlier pass painted, so each item is
  in the file once, at its place; the tier bands, notes, title and legend are painted by the
  first pass.

A scene that keeps its items (the editor's) makes those a part needs and keeps them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from .scene import MapScene

__all__ = ["SLICE_AREA", "SLICE_UNITS", "paint_band", "render", "svg_passes"]

SLICE_UNITS = 6000.0
"""The height of an SVG slice at most, in scene units."""
SLICE_AREA = 6000.0 * 8000.0
"""The scene area an SVG slice covers at most (square units): a slice is as tall as
:data:`SLICE_UNITS` on a map up to 8,000 units wide and lower on a wider one. QSvgGenerator
holds a slice's whole document in memory until it ends: 6,000-unit slices of a 92,000-unit-wide
map laid out for a page (100,000 segments) took it to 1.2 GB."""
SLICE_LOWEST = 200.0  # units: however wide the map, a slice is not lower than this
_REACH = 400.0  # how far past a part an item made for it may start (boxes, frames, labels)


def render(scene: MapScene, painter: QPainter, target: QRectF, source: QRectF,
           background: QColor | None) -> None:
    """Paint ``source`` (scene) into ``target`` with the export's hints and page colour."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    if background is not None:
        painter.fillRect(target, background)
    scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)


def paint_band(scene: MapScene, painter: QPainter, target: QRectF, part: QRectF,
               background: QColor | None) -> None:
    """Paint ``part`` of the scene into ``target`` (a band or tile of a PNG; they come from
    the top down), its items made first. An export's own scene makes each item just before
    the first band it reaches and drops it once the bands are below it: only the items a
    band meets are alive (:mod:`chainmap.render.scene_topdown`)."""
    if not scene.transient_items:
        scene.ensure_items(part.adjusted(-_REACH, -_REACH, _REACH, _REACH))
        render(scene, painter, target, part, background)
        return
    # Bands and tiles come left to right, then down: what lies wholly above this part's top
    # meets neither it nor any part after it.
    scene.sync.release_above(part.top())
    scene.sync.ensure_above(part.bottom())
    render(scene, painter, target, part, background)


def slice_height(width: float) -> float:
    """How tall an SVG slice of a map ``width`` units wide is (see :data:`SLICE_AREA`)."""
    return max(SLICE_LOWEST, min(SLICE_UNITS, SLICE_AREA / max(width, 1.0)))


def svg_passes(scene: MapScene, target: QRectF, source: QRectF,
               background: QColor | None) -> list[Callable[[QPainter], None]]:
    """The passes that paint ``source`` of the scene into ``target``, one document each: one
    pass for a scene that keeps its items (all made first), a slice each for an export's own
    scene of a big map."""
    if not (scene.transient_items and scene.items_pending):
        scene.complete_items()
        return [lambda painter: render(scene, painter, target, source, background)]
    count = max(1, int(source.height() // slice_height(source.width())) + 1)
    height = source.height() / count
    passes: list[Callable[[QPainter], None]] = []
    for index in range(count):
        top = source.top() + index * height
        # The last slice takes whatever is left, wherever it is (e.g. far outside the source).
        band = QRectF(source.left(), top, source.width(), height)

        def paint(painter: QPainter, index: int = index, band: QRectF = band) -> None:
            with _only_first(scene, index == 0):
                scene.ensure_items(band.adjusted(-_REACH, -_REACH, _REACH, _REACH))
                if index == count - 1:
                    scene.complete_items()
                render(scene, painter, target, source, background if index == 0 else None)
                scene.sync.release(give_back=False)

        passes.append(paint)
    return passes


@contextmanager
def _only_first(scene: MapScene, first: bool) -> Iterator[None]:
    """Hide what the first pass painted (tier bands, notes, title, legend) in later passes."""
    if first:
        yield
        return
    sync = scene.sync
    shown = [item for item in (*sync.items.tiers.values(), *sync.items.notes.values(), sync.title, sync.legend)
             if item.isVisible()]
    for item in shown:
        item.setVisible(False)
    try:
        yield
    finally:
        for item in shown:
            item.setVisible(True)
