"""Export a map to PNG, SVG or PDF by painting the same MapScene the editor shows.

Like pyqtgraph's ImageExporter: explicit source (the scene's content rectangle) and target
rectangles, and an export mode that hides selection highlights and handles. PNG carries its
resolution (dots per metre) and is painted in bands streamed into the file, so memory stays
bounded (``png_stream``); a PNG beyond :data:`MAX_IMAGE_BYTES` is scaled down with a warning,
and sizes far beyond that are refused with :class:`ExportError`. :func:`planned_size` says
all this before anything is painted (the editor's export dialog previews it). SVG and PDF keep
text as text, with the bundled CJK font embedded.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

from chainmap import __version__
from chainmap.core.format.fileio import write_atomic
from chainmap.core.format.park import SetAsideError, SoleMap
from chainmap.core.format.problems import MapFileError
from chainmap.core.messages import N_, msg, nothing_written
from chainmap.core.model import ChainMap

from .export_parts import paint_band, render, slice_height, svg_passes
from .routes import SYNC_LINKS, route_for_export
from .scene import MapScene
from .stream_file import StreamWriteError, atomic_stream

FORMATS = ("png", "svg", "pdf")
SCENE_DPI = 96.0  # one scene unit is one CSS pixel: 1/96 inch
# A PNG is painted in bands of whole rows of about this many pixels, each band in tiles at
# most this wide (QPainter's raster engine is only safe to 2^15), and streamed into the file:
# memory does not grow with the picture. A band's buffers (the tile, its pixels converted,
# filtered and compressed) weigh some 12 bytes a pixel; a PNG of up to ONE_BAND bands' pixels
# is painted in one go (a map of a few hundred segments: its scene is small).
BAND_PIXELS = 2_000_000
ONE_BAND = 4
DIRECT_MAX_SIDE = 16384
# The largest PNG painted (four times its pixels): not a memory limit any more, but a picture
# beyond it takes minutes and gigabytes of disk; larger requests are scaled down.
MAX_IMAGE_BYTES = int(os.environ.get("CHAINMAP_EXPORT_MAX_MB", "4000")) * 1024 * 1024
# Beyond this linear reduction a request is refused rather than silently shrunk.
MAX_SHRINK = 8.0
PNG_MAX_SIDE = 2**31 - 1
PDF_MAX_POINTS = 14400  # PDF's largest page side: 200 inches
# Qt's PNG "quality" (less zlib effort): 60 writes a 70-MP map about 3× faster than the
# default for files 1 % larger.
PNG_QUALITY = 60


WHITE = QColor("white")


class ExportError(Exception):
    """The map could not be exported; the message says why and what to do."""


@dataclass
class ExportResult:
    """What an export wrote: the file, its format and size in pixels, and warnings."""

    path: str
    format: str
    width: int
    height: int
    dpi: float
    scale: float
    tiles: int = 1
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height


def ensure_application() -> None:
    """Make sure a QApplication exists (offscreen when there is no display)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if not any(os.environ.get(k) for k in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _APP.append(QApplication([]))
    from .fonts import register_bundled_fonts

    register_bundled_fonts()


_APP: list[object] = []  # keeps an application made by ensure_application alive


def format_of(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The export format: ``fmt``, or from the file's suffix."""
    name = (fmt or Path(path).suffix.lstrip(".")).lower()
    if name not in FORMATS:
        given = f"'{fmt}'" if fmt else f"the suffix of '{os.fspath(path)}'"
        raise ExportError(msg("Cannot export to {given}: use a file ending in .png, .svg or .pdf.", given=given))
    return name


def checked_request(path: str | os.PathLike[str], fmt: str | None, dpi: float, scale: float) -> str:
    """The export format of a request whose dpi and scale are sensible; else ExportError."""
    kind = format_of(path, fmt)
    _check_number("dpi", dpi)
    _check_number("scale", scale)
    return kind


def export_map(
    chain_map: ChainMap | SoleMap,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    dpi: float = 150,
    scale: float = 1.0,
    view_region: str | None = None,
    legend: bool = True,
    transparent: bool = False,
    background: str | None = None,
    folded: Iterable[str] = (),
    force: bool = False,
    fit: int | None = None,
) -> ExportResult:
    """Paint ``chain_map`` into a PNG, SVG or PDF file at ``path``.

    ``dpi``: the resolution (a PNG's pixel size is ``scale * dpi / 96`` per scene unit);
    ``view_region``: a region code for its gaps view, None for all regions; ``legend``:
    include the legend; ``transparent`` / ``background``: the page behind the map;
    ``folded``: segments to show folded; ``force``: replace a read-only file; ``fit``: a PNG
    whose long edge is exactly that many pixels (``scale`` is worked out; see
    :func:`~chainmap.render.fit.export_fitted_png`). Raises :class:`ExportError`.

    ``chain_map`` may be a :class:`~chainmap.core.format.park.SoleMap` holding the only
    reference to the map (the command line's): a big map is then set aside on disk while it
    is routed (:func:`route_for_export`), so the map and its routing are never in memory at
    once.
    """
    sole = chain_map if isinstance(chain_map, SoleMap) else SoleMap(chain_map, held_elsewhere=True)
    del chain_map  # from here on the map is the holder's alone (when the caller let go of it)
    kind = checked_request(path, fmt, dpi, scale)
    check_region(sole.map, view_region)
    fill = _background(transparent, background)
    ensure_application()
    folds = list(folded)
    routed = None
    if len(sole.map.edges) > SYNC_LINKS:
        # A big map is routed first and its router let go of before the scene is built: the
        # export holds one or the other, never both (routes.route_for_export).
        shown_folded = {n for n in folds if sole.map.has_node(n) and sole.map.children(n)}
        try:
            routed = route_for_export(sole, shown_folded)
        except SetAsideError as exc:
            raise ExportError(str(exc)) from exc
    chain_map = sole.map
    scene = MapScene(chain_map, editable=False, legend=legend, cached=False, transient=True)
    try:
        warnings: list[str] = []
        if view_region is not None:
            scene.set_view_region(view_region)
        for node_id in folds:
            if not chain_map.has_node(node_id):
                warnings.append(msg("There is no segment '{node_id}' to fold; ignored.", node_id=node_id))
            elif chain_map.children(node_id):
                scene.set_folded(node_id, True)
        if routed is not None:
            scene.sync.geometry.routes.take(routed)
            del routed
        if fit is not None:
            from .fit import export_fitted_png  # it imports this module

            result = export_fitted_png(scene, path, fit, dpi=dpi, background=fill)
        else:
            result = export_scene(scene, path, fmt=kind, dpi=dpi, scale=scale, background=fill, force=force)
        result.warnings[:0] = warnings
        return result
    finally:
        scene.dispose()
        del scene


def check_region(chain_map: ChainMap, view_region: str | None) -> None:
    """Raise :class:`ExportError` unless ``view_region`` is None or one of the map's regions."""
    if view_region is not None and not chain_map.has_region(view_region):
        codes = ", ".join(chain_map.region_codes())
        raise ExportError(msg("The map has no region '{region}'; its regions are {codes}.", region=view_region,
                                 codes=codes))


def export_scene(
    scene: MapScene,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    dpi: float = 150,
    scale: float = 1.0,
    background: QColor | None = WHITE,
    force: bool = False,
) -> ExportResult:
    """Paint an existing scene (e.g. the editor's, as it is folded and viewed) into a file;
    ``background`` None leaves the page transparent; ``force`` replaces a read-only file."""
    kind = checked_request(path, fmt, dpi, scale)
    start = time.perf_counter()
    with scene.exporting(vector=kind != "png", parts=True):
        source = scene.content_rect()
        plan = planned_size(source, kind, dpi, scale)
        if plan.refused:
            raise ExportError(plan.note)
        if kind == "png":
            result = _export_png(scene, source, os.fspath(path), plan, background, force)
        elif kind == "svg":
            result = _export_svg(scene, source, os.fspath(path), plan, background, force)
        else:
            result = _export_pdf(scene, source, os.fspath(path), plan, background, force)
    result.seconds = time.perf_counter() - start
    return result


@dataclass(frozen=True)
class PlannedSize:
    """The size an export will have, known before anything is painted.

    ``width`` × ``height``: a PNG's pixels; an SVG's size in CSS pixels; a PDF page's size in
    CSS pixels (1/96 inch, see :attr:`page_mm`). ``factor``: output pixels per scene unit.
    ``requested``: the size asked for, before a PNG too big for memory was scaled down.
    ``note``: why it was scaled down (a warning) or, when ``refused``, why it cannot be made.
    """

    format: str
    width: int
    height: int
    dpi: float
    factor: float
    requested: tuple[int, int]
    note: str | None = None
    refused: bool = False

    @property
    def scaled_down(self) -> bool:
        return not self.refused and self.requested != (self.width, self.height)

    @property
    def scale(self) -> float:
        """The scale the file gets (a scaled-down PNG's is smaller than asked)."""
        return self.factor * SCENE_DPI / self.dpi if self.format == "png" else self.factor

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1e6

    @property
    def page_inches(self) -> tuple[float, float]:
        return self.width / SCENE_DPI, self.height / SCENE_DPI

    @property
    def page_mm(self) -> tuple[float, float]:
        return self.width * 25.4 / SCENE_DPI, self.height * 25.4 / SCENE_DPI


def planned_size(scene_or_rect: MapScene | QRectF, fmt: str, dpi: float = 150,
                 scale: float = 1.0) -> PlannedSize:
    """The size :func:`export_scene` gives a scene (or its content rectangle) in ``fmt``,
    with the same scaling down and refusals: the editor's export dialog previews this."""
    kind = checked_request("", fmt, dpi, scale)
    # The export mode only changes how items paint, not their bounds: no need to enter it.
    source = scene_or_rect if isinstance(scene_or_rect, QRectF) else scene_or_rect.content_rect()
    beyond = _beyond_any_size(source, kind, dpi, scale)
    if beyond is not None:
        return beyond
    if kind == "png":
        return _plan_png(source, dpi, scale)
    width, height = _png_size(source, scale)  # in CSS pixels
    plan = PlannedSize(kind, width, height, dpi, scale, (width, height))
    points = max(width, height) * 72 / SCENE_DPI
    if kind == "pdf" and points > PDF_MAX_POINTS:
        note = msg("A PDF page of {width:,.0f} × {height:,.0f} inches is larger than PDF allows (200 inches a "
                   "side); use a smaller --scale.", width=width / SCENE_DPI, height=height / SCENE_DPI)
        return replace(plan, note=note, refused=True)
    return plan


def _beyond_any_size(source: QRectF, kind: str, dpi: float, scale: float) -> PlannedSize | None:
    """A refusal when the map reaches so far (a segment at x = 1e300 is a valid number) that
    no scaling down makes a file of it; ``None`` otherwise. Sizes are reckoned in floats here,
    before anything converts them to integers."""
    factor = scale * dpi / SCENE_DPI if kind == "png" else scale
    width, height = source.width() * factor, source.height() * factor
    largest = PNG_MAX_SIDE * MAX_SHRINK if kind == "png" else PNG_MAX_SIDE
    if math.isfinite(width) and math.isfinite(height) and max(width, height) <= largest:
        return None
    note = msg("The map reaches {width:.3g} × {height:.3g} units across: something lies far out (a segment or "
               "note with a position such as 1e+300), and no picture can be that large. Move it back, or lay the "
               "map out again (chainmap layout).", width=source.width(), height=source.height())
    return PlannedSize(kind, 1, 1, dpi, factor, (1, 1), note, refused=True)


# ------------------------------------------------------------------- helpers
def _check_number(name: str, value: float) -> None:
    if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        template = (N_("The dpi must be a positive number, not {value}.") if name == "dpi"
                    else N_("The scale must be a positive number, not {value}."))
        raise ExportError(msg(template, value=repr(value)))


def _background(transparent: bool, background: str | None) -> QColor | None:
    if transparent:
        return None
    if background is None:
        return QColor("white")
    colour = QColor(background)
    if not colour.isValid():
        raise ExportError(msg("'{colour}' is not a colour: use a name such as white or #RRGGBB.", colour=background))
    return colour


def _paint(scene: MapScene, painter: QPainter, target: QRectF, source: QRectF,
           background: QColor | None) -> None:
    scene.complete_items()
    render(scene, painter, target, source, background)


def _write(path: str, data: bytes, force: bool = False) -> None:
    try:
        write_atomic(path, data, force=force)
    except MapFileError as exc:
        message = exc.problems[0].message if exc.problems else str(exc)
        raise ExportError(f"{path}: {nothing_written(message)}") from None


# ----------------------------------------------------------------------- PNG
def _png_size(source: QRectF, factor: float) -> tuple[int, int]:
    return max(1, math.ceil(source.width() * factor)), max(1, math.ceil(source.height() * factor))


def _plan_png(source: QRectF, dpi: float, scale: float) -> PlannedSize:
    factor = scale * dpi / SCENE_DPI
    width, height = _png_size(source, factor)
    requested = (width, height)
    if width > PNG_MAX_SIDE or height > PNG_MAX_SIDE or width * height * 4 > MAX_IMAGE_BYTES:
        shrink = math.sqrt(width * height * 4 / MAX_IMAGE_BYTES)
        shrink = max(shrink, width / PNG_MAX_SIDE, height / PNG_MAX_SIDE)
        if shrink > MAX_SHRINK:
            note = msg("A PNG of {width:,} × {height:,} pixels ({megapixels:,.0f} MP) cannot be made: the most "
                       "chainmap paints is about {most:,.0f} MP. Use a smaller --scale or --dpi, or export to SVG "
                       "or PDF, which have no such limit.", width=width, height=height,
                       megapixels=width * height / 1e6, most=MAX_IMAGE_BYTES // 4 / 1e6)
            return PlannedSize("png", width, height, dpi, factor, requested, note, refused=True)
        factor /= shrink * 1.001
        width, height = _png_size(source, factor)
        note = msg("The PNG would be {asked_width:,} × {asked_height:,} pixels, more than chainmap paints; it was "
                   "scaled down to {width:,} × {height:,} (scale {scale:.3g} at {dpi:g} dpi).",
                   asked_width=requested[0], asked_height=requested[1], width=width, height=height,
                   scale=factor * SCENE_DPI / dpi, dpi=dpi)
        return PlannedSize("png", width, height, dpi, factor, requested, note)
    return PlannedSize("png", width, height, dpi, factor, requested)


def _export_png(scene: MapScene, source: QRectF, path: str, plan: PlannedSize,
                background: QColor | None, force: bool) -> ExportResult:
    from .png_stream import paint_png

    warnings = [plan.note] if plan.note else []
    width, height, factor, dpi = plan.width, plan.height, plan.factor, plan.dpi
    source = _source_of(source, factor, width, height)

    def paint(painter: QPainter, target: QRectF, part: QRectF) -> None:
        paint_band(scene, painter, target, part, background)

    try:
        with atomic_stream(path, force=force) as stream:
            band = width * height if width * height <= ONE_BAND * BAND_PIXELS else BAND_PIXELS
            if scene.transient_items and scene.sync.pending:
                # Items made band by band: a band covers no more of the map than an SVG slice
                # either, so a small picture of a big map (--fit) never holds every item at once.
                band = min(band, width * max(1, int(slice_height(source.width()) * factor)))
            tiles = paint_png(stream, paint, source, factor, (width, height), dpi, background,
                              band_pixels=band, max_side=DIRECT_MAX_SIDE)
    except StreamWriteError as exc:
        raise ExportError(str(exc)) from None
    except MemoryError:
        raise ExportError(msg("{path}: there is not enough memory to paint a {width:,} × {height:,} pixel PNG; "
                              "use a smaller --scale or --dpi.", path=path, width=width, height=height)) from None
    return ExportResult(path, "png", width, height, dpi, plan.scale, tiles, warnings)


def _source_of(source: QRectF, factor: float, width: int, height: int) -> QRectF:
    # The image is rounded up to whole pixels: widen the source to match, so nothing stretches.
    return QRectF(source.left(), source.top(), width / factor, height / factor)


# ----------------------------------------------------------------------- SVG
def _export_svg(scene: MapScene, source: QRectF, path: str, plan: PlannedSize,
                background: QColor | None, force: bool) -> ExportResult:
    from .svg_write import write_svg

    width, height, scale = plan.width, plan.height, plan.factor
    part = _source_of(source, scale, width, height)

    passes = svg_passes(scene, QRectF(0, 0, width, height), part, background)
    try:
        with atomic_stream(path, force=force) as stream:
            warnings = write_svg(stream, passes, (width, height), round(SCENE_DPI), scene.chain_map.title,
                                 f"{scene.chain_map.chain} — chainmap {__version__}")
    except StreamWriteError as exc:
        raise ExportError(str(exc)) from None
    return ExportResult(path, "svg", width, height, plan.dpi, scale, 1, warnings)


# ----------------------------------------------------------------------- PDF
def _export_pdf(scene: MapScene, source: QRectF, path: str, plan: PlannedSize,
                background: QColor | None, force: bool) -> ExportResult:
    width, height, scale, dpi = plan.width, plan.height, plan.factor, plan.dpi  # in CSS pixels
    points = QSizeF(width * 72 / SCENE_DPI, height * 72 / SCENE_DPI)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(max(72, round(dpi)))
    writer.setTitle(scene.chain_map.title)
    writer.setCreator(f"chainmap {__version__}")
    writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(msg("{path}: the PDF could not be started.", path=path))
    target = QRectF(0, 0, writer.width(), writer.height())
    _paint(scene, painter, target, _source_of(source, scale, width, height), background)
    painter.end()
    _write(path, bytes(buffer.data().data()), force)
    return ExportResult(path, "pdf", writer.width(), writer.height(), dpi, scale, 1, [])
