"""A QGraphicsView for :class:`~chainmap.render.scene.MapScene`: fast settings, and the
switch to the scene's batched overview when zoomed far out."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QGraphicsView

from . import style


def configure_view(view: QGraphicsView) -> None:
    """Antialiased drawing, and the optimisation flags the map's items allow (their bounding
    rectangles already leave room for antialiasing)."""
    view.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    view.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    view.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
    view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)


def zoom_of(view: QGraphicsView) -> float:
    """The view's scale (scene units to pixels)."""
    transform = view.transform()
    return abs(transform.m11() * transform.m22() - transform.m12() * transform.m21()) ** 0.5


def sync_overview(view: QGraphicsView) -> None:
    """Put the view's MapScene in overview mode when the view is zoomed out below the level
    of detail where boxes show text (a no-op for other scenes). Views that do not derive
    from :class:`MapView` may call this from their ``paintEvent``."""
    scene = view.scene()
    setter = getattr(scene, "set_overview", None)
    if setter is not None:
        setter(zoom_of(view) < style.LOD_DETAIL)


class MapView(QGraphicsView):
    """A view of a map scene: antialiased, switching the scene's overview by its zoom."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        configure_view(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Before any painting starts: switching changes item flags.
        sync_overview(self)
        super().paintEvent(event)

    def render(self, *args: Any, **kwargs: Any) -> None:
        sync_overview(self)
        super().render(*args, **kwargs)
