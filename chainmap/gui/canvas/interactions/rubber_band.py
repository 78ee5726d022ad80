"""The rubber band: a left drag on empty canvas selects what the rectangle touches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QMouseEvent, QPainterPath
from PySide6.QtWidgets import QApplication, QGraphicsItem, QRubberBand

from chainmap.core.refs import Ref

from .base import Interaction

if TYPE_CHECKING:
    from ..view import MapCanvas

_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable


class RubberBandInteraction(Interaction):
    """Selects the items the band touches, added to the selection the press found with Ctrl
    (else instead of it: a plain click on empty canvas selects nothing); Esc gives back the
    selection the press found.

    Attributes:
        origin: the viewport point pressed.
        before: the selection when pressed (what Esc restores).
        kept: what stays selected whatever the band touches (``before`` with Ctrl, else nothing).
        band: the rectangle shown on the viewport, once the mouse moved far enough.
    """

    def __init__(self, canvas: MapCanvas, view_pos: QPoint, extend: bool) -> None:
        super().__init__(canvas)
        self.origin = view_pos
        self.before = canvas.selected_refs()
        self.kept = list(self.before) if extend else []
        self.band: QRubberBand | None = None
        self._shown: list[Ref] = list(self.before)
        self._select(self.kept)

    def mouse_move(self, event: QMouseEvent) -> bool:
        view_pos = event.position().toPoint()
        if self.band is None:
            if (view_pos - self.origin).manhattanLength() < QApplication.startDragDistance():
                return True
            self.band = QRubberBand(QRubberBand.Shape.Rectangle, self.canvas.viewport())
            self.band.show()
        rect = QRect(self.origin, view_pos).normalized()
        self.band.setGeometry(rect)
        self._select(self.kept + [ref for ref in self._covered(rect) if ref not in self.kept])
        return True

    def _covered(self, rect: QRect) -> list[Ref]:
        """The selectable items the viewport rectangle ``rect`` touches, in the scene's order."""
        scene = self.canvas.map_scene
        if scene is None:
            return []
        area = QPainterPath()
        area.addPolygon(self.canvas.mapToScene(rect))
        area.closeSubpath()
        refs: dict[Ref, None] = {}
        items = scene.items(area, self.canvas.rubberBandSelectionMode(), Qt.SortOrder.AscendingOrder,
                            self.canvas.viewportTransform())
        for item in items:
            if item.flags() & _SELECTABLE and item.isVisible():
                ref = scene.ref_for(item)
                if ref is not None:
                    refs[ref] = None
        return list(refs)

    def _select(self, refs: list[Ref]) -> None:
        # The scene tells the canvas, which hands the selection to the document once.
        if refs != self._shown and self.canvas.map_scene is not None:
            self._shown = list(refs)
            self.canvas.map_scene.select_refs(refs)

    def cancel(self) -> None:
        self._select(self.before)
        self.end()

    def cleanup(self) -> None:
        if self.band is not None:
            self.band.hide()
            self.band.deleteLater()
            self.band = None
        self.canvas.flush_selection()
        super().cleanup()
