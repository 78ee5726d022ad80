"""The Navigator: the whole map small, with the canvas's visible area as a rectangle; drag the
rectangle (or click elsewhere) to move the canvas there.

It is a second ``QGraphicsView`` on the canvas's scene, but it does not paint the scene's
items one by one: it paints the tier bands and the scene's batched far-zoom overview
(:class:`chainmap.render.overview.OverviewItem`, a few ``drawRects``/``drawLines`` calls for the
whole map), so on a 5,000-segment map a repaint costs a few milliseconds. It repaints at most
every :data:`REPAINT_MS` while the map, the selection, the overlays or the canvas's view change,
and only while the dock is on screen. The map's drawing is kept in a pixmap until the map or the
overlays change: when the canvas only pans or zooms, or the selection changes, the navigator
draws that pixmap, the selected items over it and the rectangle (on a 100,000-segment map,
drawing every box again took 0.2 s; at 20,000, a selection that drew the map again stalled
the editor 0.25 s). An edit of words changes nothing it draws (the overview shows no text); a
status change draws again only the segment's place in the pixmap (and its links' in a region's
view): drawing the whole map after each status change took 0.13 s at 100,000 segments.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QDockWidget, QFrame, QGraphicsView, QWidget

from chainmap.core.geometry import own_box
from chainmap.core.model import Node
from chainmap.render import style
from chainmap.render.items_tier import TierItem
from chainmap.render.overlay import MapOverlay
from chainmap.render.scene import MapScene

from ..canvas.view import MapCanvas
from ..document import Document
from ..widgets import MapListener, single_shot_timer

REPAINT_MS = 120
NAVIGATOR_HEIGHT = 170
FRAME_COLOUR = style.SELECTION
FRAME_FILL = QColor(30, 136, 229, 40)
WORDS = frozenset({"name", "aliases", "description", "tags", "extra"})
"""Segment fields the overview does not draw (it shows no text)."""
STATUS = WORDS | {"regions"}
POSITION = frozenset({"x", "y"})
"""A move: the overview tells where its shapes changed (MapScene.overview_areas)."""
PEN_REACH = 4.0  # pixels a shape's pen may reach past it
MADE_CHECK_MS = 500  # how often to look whether a big map's items are all made
AREAS_AT_MOST = 64  # more areas to draw again than this: the whole map


def _clusters(areas: list[QRectF]) -> list[list[QRectF]]:
    """``areas`` in groups whose bounding rectangles do not meet: each group drawn on its own
    paints only what lies within its bounds."""
    groups: list[tuple[QRectF, list[QRectF]]] = []
    for area in areas:
        bounds, members = QRectF(area), [area]
        kept = []
        for group_bounds, group in groups:
            if group_bounds.intersects(bounds):
                bounds = bounds.united(group_bounds)
                members += group
            else:
                kept.append((group_bounds, group))
        groups = [*kept, (bounds, members)]
    return [members for _bounds, members in groups]


def _outside_both(old: QRectF, new: QRectF) -> list[QRectF]:
    """The strips one of ``old`` and ``new`` covers and the other does not (what a band that
    grew or shrank changes): the parts of their union above, below, left and right of their
    overlap; the union itself when they do not overlap."""
    union, both = old.united(new), old.intersected(new)
    if both.isEmpty():
        return [union]
    strips = [
        QRectF(union.left(), union.top(), union.width(), both.top() - union.top()),
        QRectF(union.left(), both.bottom(), union.width(), union.bottom() - both.bottom()),
        QRectF(union.left(), both.top(), both.left() - union.left(), both.height()),
        QRectF(both.right(), both.top(), union.right() - both.right(), both.height()),
    ]
    return [strip for strip in strips if strip.width() > 0 and strip.height() > 0]


class NavigatorView(QGraphicsView):
    """The overview of ``canvas``'s scene; dragging its rectangle scrolls the canvas."""

    def __init__(self, canvas: MapCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator_view")
        self.canvas = canvas
        self.map_scene: MapScene | None = None
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setInteractive(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Repaints are this view's own (throttled), never one per scene change.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.NoViewportUpdate)
        self.setMinimumSize(160, 110)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._grab: QPointF | None = None  # scene offset from the press to the visible centre
        self._repaint = single_shot_timer(self, self._repaint_now, REPAINT_MS)
        # A big map's items are made in idle batches after it opens: once they all are, the
        # map is measured on an idle turn (see _measure_when_made), not at the first edit.
        self._made_check = QTimer(self)
        self._made_check.setInterval(MADE_CHECK_MS)
        self._made_check.timeout.connect(self._measure_when_made)
        # The map drawn, at which transform, from which overview batches, with which bands.
        self._drawing: tuple[QPixmap, QTransform] | None = None
        self._drawn_from: tuple[object, list[QRectF]] | None = None
        self._fit_due = False  # the layout changed: fit again with the next repaint
        self._stale: tuple[QPixmap, QTransform] | None = None  # the last drawing, shown during a drag
        self._areas: list[QRectF] = []  # scene areas of the drawing to draw again (status changes)
        self._listener = MapListener()
        self.destroyed.connect(self._listener.disconnect_all)
        for bar in (canvas.horizontalScrollBar(), canvas.verticalScrollBar()):
            bar.valueChanged.connect(self._view_moved)
        canvas.zoom_changed.connect(self._view_moved)
        canvas.viewport().installEventFilter(self)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(280, NAVIGATOR_HEIGHT)

    def follow_overlay(self, overlay: MapOverlay) -> None:
        """Repaint when ``overlay`` fades or hides segments."""
        overlay.changed.connect(self.schedule_repaint)

    def set_scene(self, scene: MapScene | None) -> None:
        """Show ``scene`` (the canvas's), fitted (``None``: nothing)."""
        self._listener.disconnect_all()
        if self.map_scene is not None:
            try:
                self.map_scene.selectionChanged.disconnect(self._view_moved)
                self.map_scene.layout_changed.disconnect(self._layout_changed)
                self.map_scene.overview_areas.disconnect(self._overview_areas)
            except (RuntimeError, TypeError):
                pass
        self._made_check.stop()
        self.map_scene = scene
        self.setScene(scene)
        if scene is not None:
            # Not the scene's ``changed``: connecting to it would route every repaint of the
            # canvas through the scene. The map's edits, the selection and the layout say enough.
            self._listener.connect(scene.chain_map, self._map_changed)
            scene.selectionChanged.connect(self._view_moved)  # the selection is drawn over the map
            scene.layout_changed.connect(self._layout_changed)
            scene.overview_areas.connect(self._overview_areas)
            self.fit()
            if scene.items_pending:
                self._made_check.start()

    def _measure_when_made(self) -> None:
        """Once the scene has made every item, measure what it draws (the first measure after
        the items were made looks at each of them: 35-70 ms at 20,000 segments, which the first
        move after opening the map paid). Then only its border is looked at."""
        scene = self.map_scene
        if scene is None:
            self._made_check.stop()
        elif not scene.items_pending:
            self._made_check.stop()
            scene.content_rect()

    def _layout_changed(self) -> None:
        # Measuring the whole map is not free (0.1 s at 20,000 segments): once per repaint,
        # not once per step of a drag. The drawing is made again if the fit changes the
        # transform, or the bands or the overview's batches are not those it was drawn from
        # (see _map_drawing); else only the areas the overview told are drawn again: after a
        # move on a 100,000-segment map, drawing the whole map again took about 0.1 s.
        self._fit_due = True
        self._view_moved()

    def _overview_areas(self, areas: list[QRectF]) -> None:
        """The overview's shapes changed in place within ``areas``: those parts of the
        drawing are drawn again (the whole drawing when they are many)."""
        if self._drawing is None:
            return
        if len(self._areas) + len(areas) > AREAS_AT_MOST:
            self.schedule_repaint()
            return
        self._areas.extend(areas)
        self._view_moved()

    def fit(self) -> None:
        """Fit the whole map into the view."""
        self._fit_due = False
        if self.map_scene is None:
            return
        rect = self.map_scene.content_rect()
        before = self.viewportTransform()
        if not rect.isEmpty():
            self.setSceneRect(rect)
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.viewportTransform() != before or self._drawing is None:
            self.schedule_repaint()
        else:
            self._view_moved()  # the drawing holds: its changed areas are drawn on the next turn

    def schedule_repaint(self, *_args: Any) -> None:
        """The map, the selection or the overlays changed: draw the map again soon (once
        however many changes come meanwhile)."""
        if self._drawing is not None:
            self._stale = self._drawing
        self._drawing = None
        self._areas.clear()
        self._view_moved()

    def _map_changed(self, *args: Any) -> None:
        """An event of the map: nothing to draw for words, the segment's place for a status
        change, else the whole map."""
        if len(args) == 2 and isinstance(args[0], Node) and isinstance(args[1], dict):
            changed = args[1].keys()
            if changed <= WORDS:
                return
            if changed <= STATUS and self._drawing is not None and len(self._areas) < AREAS_AT_MOST:
                self._areas.extend(self._status_areas(args[0]))
                self._view_moved()
                return
            if changed <= POSITION and self._drawing is not None:
                self._view_moved()  # the overview tells where it changed, the layout whether to fit
                return
        self.schedule_repaint()

    def _status_areas(self, node: Node) -> list[QRectF]:
        """Where the overview draws what a status change of ``node`` changes: its box (and
        frame, and the outline a region's view puts on its gaps), and in a region's view its
        links (dimmed unless one end is a gap there)."""
        scene = self.map_scene
        if scene is None or node.x is None or node.y is None:
            return []
        box = own_box(node.x, node.y)
        areas = [QRectF(box.left, box.top, box.width, box.height)]
        # Its frame as last laid out: a status change moves nothing, and asking the scene would
        # flush it in the middle of the edit (and apply any routes waiting).
        frame = scene.sync.geometry.frames.get(node.id)
        if frame is not None:
            areas[0] = areas[0].united(frame if isinstance(frame, QRectF)
                                       else QRectF(frame.left, frame.top, frame.width, frame.height))
        if scene.view_region is not None:
            chain_map = scene.chain_map
            made = scene.sync.items.edges
            for edge in chain_map.edges_of(node.id):
                ends = [chain_map.node(end) for end in (edge.source, edge.target)]
                if all(end.x is not None and end.y is not None for end in ends):
                    source, target = ends
                    area = QRectF(QPointF(source.x, source.y), QPointF(target.x, target.y)).normalized()  # type: ignore[arg-type]
                    item = made.get(edge.id)
                    areas.append(area if item is None else area.united(item.sceneBoundingRect()))
        return areas

    def _view_moved(self, *_args: Any) -> None:
        """The canvas panned or zoomed: only the rectangle moves (drawn soon)."""
        if self.isVisible() and not self._repaint.isActive():
            self._repaint.start()

    def _repaint_now(self) -> None:
        interaction = self.canvas.interaction
        if self._drawing is None and interaction is not None and interaction.previewing:
            # Segments are being dragged: the map is drawn again once they are dropped (on
            # a big map, drawing every box takes longer than a step of the drag).
            self._repaint.start()
            self.viewport().update()
            return
        if self._fit_due:
            self.fit()  # drawn on a later turn (fit schedules it): measuring and drawing are two stalls, not one
            return
        self.viewport().update()

    def visible_rect(self) -> QRectF:
        """The canvas's visible area, in scene coordinates."""
        return self.canvas.mapToScene(self.canvas.viewport().rect()).boundingRect()

    # ---------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self.viewport())
        scene = self.map_scene
        if scene is None:
            painter.fillRect(self.viewport().rect(), QColor("#FFFFFF"))
            return
        painter.drawPixmap(0, 0, self._map_drawing())
        painter.setTransform(self.viewportTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        scene.sync.overview.paint_selection(painter)
        painter.setPen(style.pen(style.name_of(FRAME_COLOUR), 2.0, cosmetic=True))
        painter.setBrush(FRAME_FILL)
        painter.drawRect(self.visible_rect())
        painter.end()

    def _map_drawing(self) -> QPixmap:
        """The bands and the scene's overview (not the selection) at this view's size and
        transform (drawn again when either changed, or the map after :meth:`schedule_repaint`)."""
        transform = self.viewportTransform()
        ratio = self.viewport().devicePixelRatioF()
        size = self.viewport().size() * ratio
        scene = self.map_scene
        if scene is not None:
            scene.sync.overview.catch_up()  # routes drawn since: told as areas now, drawn below
        if self._drawing is not None:
            pixmap, drawn_at = self._drawing
            if drawn_at == transform and pixmap.size() == size and self._drawing_holds(scene):
                if self._areas:
                    self._draw_areas(pixmap, transform)
                return pixmap
        elif self._stale is not None and self._stale[1] == transform and self._stale[0].size() == size:
            interaction = self.canvas.interaction
            if interaction is not None and interaction.previewing:
                return self._stale[0]  # the drawing before the drag, until the drop
        pixmap = QPixmap(size)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor("#FFFFFF"))
        self._areas.clear()
        if scene is not None:
            painter = QPainter(pixmap)
            self._paint_map(painter, scene, transform, None)
            painter.end()
        self._drawing = (pixmap, transform)
        self._drawn_from = self._sources(scene)
        return pixmap

    def _drawing_holds(self, scene: MapScene | None) -> bool:
        """Whether the drawing can be kept and only its noted areas drawn again: it was made
        from the overview's batches as they are (the same object: every change since was told
        as areas) and from the same bands. A band that grew or shrank (a segment moved past its
        edge) does not throw it away: what the band gained or lost is noted as areas, so a move
        does not draw the whole map again (0.3 s at 100,000 segments)."""
        areas = self._areas
        now, then = self._sources(scene), self._drawn_from
        if now is None or then is None:
            return now is then
        if now[0] is not then[0] or len(now[1]) != len(then[1]):
            return False
        changed = [_outside_both(old, new) for old, new in zip(then[1], now[1], strict=True) if old != new]
        if changed:
            gained = [strip for strips in changed for strip in strips]
            if len(areas) + len(gained) > AREAS_AT_MOST:
                return False
            areas.extend(gained)
            self._drawn_from = now
        return True

    @staticmethod
    def _sources(scene: MapScene | None) -> tuple[object, list[QRectF]] | None:
        """What a drawing is made from besides the transform: the overview's batches (by
        identity: gathered anew, they are another object) and the tier bands."""
        if scene is None:
            return None
        bands = [band.band_rect() for band in scene.items_of("tier").values() if isinstance(band, TierItem)]
        return scene.sync.overview.batches, bands

    @staticmethod
    def _paint_map(painter: QPainter, scene: MapScene, transform: QTransform, exposed: QRectF | None) -> None:
        """The bands and the overview's shapes (those meeting ``exposed``; None: all)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setTransform(transform)
        for index, band in enumerate(scene.items_of("tier").values()):
            if isinstance(band, TierItem):
                painter.fillRect(band.band_rect(), style.BAND_FILLS[index % len(style.BAND_FILLS)])
        scene.sync.overview.paint_shapes(painter, exposed)

    def _draw_areas(self, pixmap: QPixmap, transform: QTransform) -> None:
        """Draw again the parts of ``pixmap`` over the areas noted (:meth:`_status_areas`),
        as a whole drawing would: white, the bands, and the shapes there, clipped to them."""
        areas, self._areas = self._areas, []
        scene = self.map_scene
        if scene is None:
            return
        reach = PEN_REACH / max(abs(transform.m11()), abs(transform.m22()), 1e-9)
        painter = QPainter(pixmap)
        inverse = transform.inverted()[0]
        # Each cluster of touching areas on its own: a band's strip and a moved segment far
        # apart painted as one would cover everything between them (the whole map).
        for cluster in _clusters([area.adjusted(-reach, -reach, reach, reach) for area in areas]):
            clip = QRegion()
            for area in cluster:
                clip = clip.united(QRegion(transform.mapRect(area).toAlignedRect()))
            painter.setClipRegion(clip)
            painter.fillRect(clip.boundingRect(), QColor("#FFFFFF"))
            self._paint_map(painter, scene, transform, inverse.mapRect(QRectF(clip.boundingRect())))
        painter.end()

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton or self.map_scene is None:
            return
        point = self.mapToScene(event.position().toPoint())
        visible = self.visible_rect()
        # Inside the rectangle: drag it by where it was taken; elsewhere: jump there.
        self._grab = visible.center() - point if visible.contains(point) else QPointF(0, 0)
        self._centre(point)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._grab is not None:
            self._centre(self.mapToScene(event.position().toPoint()))
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._grab = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        event.ignore()  # the navigator shows the whole map: nothing to zoom

    def _centre(self, point: QPointF) -> None:
        grab = self._grab if self._grab is not None else QPointF(0, 0)
        self.canvas.centerOn(point + grab)
        self._repaint_now()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
        if event.type() == event.Type.Resize:
            self._view_moved()
        return super().eventFilter(watched, event)


class NavigatorDock(QDockWidget):
    """The navigator (objectName ``navigator``): ``NavigatorDock(canvas, parent)``;
    :meth:`set_document` shows the canvas's current scene."""

    def __init__(self, canvas: MapCanvas, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("NavigatorDock", "Navigator"), parent)
        self.setObjectName("navigator")
        self.view = NavigatorView(canvas, self)
        self.setWidget(self.view)
        self.visibilityChanged.connect(self._visibility_changed)

    def set_document(self, document: Document | None) -> None:
        """Show the canvas's scene of ``document`` (``None``: nothing)."""
        self.view.set_scene(self.view.canvas.map_scene if document is not None else None)

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.view.fit()
