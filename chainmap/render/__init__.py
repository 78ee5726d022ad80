"""Painting chain maps with QPainter: one code path for the editor's canvas and for PNG, SVG
and PDF files. :class:`MapScene` holds one graphics item per model object; :func:`export_map`
paints that same scene into a file. Names are imported lazily, so ``chainmap.render.fonts``
and friends load without the whole scene."""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "MapScene": "chainmap.render.scene",
    "MapView": "chainmap.render.view",
    "export_map": "chainmap.render.export",
    "export_scene": "chainmap.render.export",
    "ExportError": "chainmap.render.export",
    "ExportResult": "chainmap.render.export",
    "PlannedSize": "chainmap.render.export",
    "planned_size": "chainmap.render.export",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'chainmap.render' has no attribute {name!r}")
