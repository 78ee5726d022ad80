"""``--fit PIXELS``: the scale that gives a PNG an exact long edge, painted at that size.

Chat apps recompress pictures above about 2,000 pixels; a map painted straight at the size
they keep stays sharp, where a large PNG scaled down afterwards turns its text to mush. The
picture is painted at the fitted scale by the ordinary PNG export (same antialiasing and text
hinting), so nothing is resampled.
"""

from __future__ import annotations

import math
import os

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from chainmap.core.messages import msg

from .export import SCENE_DPI, WHITE, ExportError, ExportResult, export_scene, planned_size
from .scene import MapScene

MIN_FIT = 16
MAX_FIT = 32768  # QPainter's raster engine paints at most 2^15 pixels a side in one go


class FitError(ExportError):
    """A ``--fit`` request that cannot be met; the message says why."""


def check_fit(pixels: int) -> None:
    """Refuse a long edge outside :data:`MIN_FIT` … :data:`MAX_FIT` pixels."""
    if not isinstance(pixels, int) or not MIN_FIT <= pixels <= MAX_FIT:
        raise FitError(msg("--fit takes a long edge of {low} to {high} pixels, not {pixels!r}.", low=MIN_FIT,
                           high=MAX_FIT, pixels=pixels))


def fitted_scale(source: QRectF, pixels: int, dpi: float) -> float:
    """The export scale at ``dpi`` whose PNG of ``source`` (a scene rectangle) has its long
    edge exactly ``pixels`` long. The export rounds sizes up to whole pixels, so the factor
    is nudged down until the long edge rounds to ``pixels`` and not one more."""
    check_fit(pixels)
    longest = max(source.width(), source.height())
    if not math.isfinite(longest) or longest <= 0:
        raise FitError(msg("The map has no extent to fit."))
    scale = pixels / longest * SCENE_DPI / dpi
    # The export's own arithmetic: factor = scale * dpi / SCENE_DPI, then ceil(length * factor).
    while math.ceil(longest * (scale * dpi / SCENE_DPI)) > pixels:
        scale = math.nextafter(scale, 0.0)
    return scale


def export_fitted_png(scene: MapScene, path: str | os.PathLike[str], pixels: int, *, dpi: float = 150,
                      background: QColor | None = WHITE) -> ExportResult:
    """Paint ``scene`` into a PNG whose long edge is exactly ``pixels`` (``dpi`` is only the
    resolution the file records). The editor's Export dialog can call this with its scene."""
    source = scene.content_rect()  # the export mode changes how items paint, not their bounds
    scale = fitted_scale(source, pixels, dpi)
    plan = planned_size(source, "png", dpi, scale)
    if plan.refused or plan.scaled_down:
        raise FitError(msg("A PNG of {width:,} × {height:,} pixels is more than fits in memory; give --fit a "
                           "smaller long edge.", width=plan.requested[0], height=plan.requested[1]))
    return export_scene(scene, path, fmt="png", dpi=dpi, scale=scale, background=background)
