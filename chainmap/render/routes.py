"""The scene's links and notes drawn along the core router's routes (:mod:`chainmap.core.routing`).

:class:`SceneRoutes` keeps a :class:`~chainmap.core.routing.Router` for a scene and hands
its geometry to the link and note items, so the canvas and every export (they paint the
scene) draw what ``chainmap route --json`` prints:

- after the map's structure changes (links, labels, segments, folds, notes), everything is
  routed again: at once on a map of up to :data:`SYNC_LINKS` links; on a bigger one the
  links are drawn first as straight previews between their boxes and routed in slices of
  :data:`SLICE` seconds while the editor is idle, the finished routes replacing the
  previews in one go;
- a drag step (:meth:`SceneRoutes.moved` with ``live``) re-routes only the moved boxes' links,
  within :data:`~chainmap.core.routing.router.DRAG_BUDGET` (the rest are previews);
- when the drag is over, the routes round the moved boxes settle in idle slices
  (:meth:`Router.settle <chainmap.core.routing.Router.settle>`), then, on a map of up to
  :data:`FRESH_IDLE_LINKS` links, the whole map is routed afresh in idle slices, so the
  routes end up exactly as a fresh :func:`~chainmap.core.routing.route_map` of the new
  positions.

Exports call :meth:`SceneRoutes.finish` first (through ``MapScene.exporting``), which does
whatever is left at once, including the fresh route of a bigger map, so every export draws
what ``chainmap route --json`` prints.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QObject, QTimer

from chainmap.core.model import ChainMap
from chainmap.core.routing import LabelText, Router, RouteSet, RoutingInput, routing_input
from chainmap.core.routing.labels import LABEL_SIZE
from chainmap.core.routing.obstacles import Box, Point

from .items_link import clip_xy

SYNC_LINKS = 300  # up to this many links a map is routed at once; above, in idle slices
# Up to this many links, a settled drag is followed by a fresh route of the whole map in idle
# slices; above, only an export does that (spreading the channels afresh takes seconds at
# 5,000 links, in one piece that cannot be sliced).
FRESH_IDLE_LINKS = 1000
SLICE = 0.012  # seconds of routing per idle slice


def straight_preview(source: Box, target: Box) -> tuple[Point, Point]:
    """A preview of a link before it is routed: the straight piece of the line between the
    two boxes' centres that lies outside both."""
    scx, scy = (source[0] + source[2]) / 2, (source[1] + source[3]) / 2
    tcx, tcy = (target[0] + target[2]) / 2, (target[1] + target[3]) / 2
    start = clip_xy(scx, scy, source[2] - source[0], source[3] - source[1], tcx, tcy)
    end = clip_xy(tcx, tcy, target[2] - target[0], target[3] - target[1], scx, scy)
    return start, end


def centred(point: Point, size: tuple[float, float]) -> Box:
    """The rectangle of ``size`` centred on ``point``."""
    return (point[0] - size[0] / 2, point[1] - size[1] / 2, point[0] + size[0] / 2, point[1] + size[1] / 2)


class SceneRoutes:
    """Routes for one scene's link items (``links``: item by link id) and note items
    (``notes``: item by note id), both dicts the scene keeps up to date; ``folded`` gives the
    segments shown folded. :attr:`redrawn` holds the links whose items the last
    :meth:`apply` or idle slice changed."""

    def __init__(self, chain_map: ChainMap, links: dict[str, Any], notes: dict[str, Any],
                 folded: Callable[[], Collection[str]], parent: QObject | None = None) -> None:
        self._map = chain_map
        self._links = links
        self._notes = notes
        self._folded = folded
        self._router: Router | None = None  # the routes drawn, kept up to date by drags
        self._data: RoutingInput | None = None  # what is drawn: boxes (after moves), links, notes
        self._ends: dict[str, set[str]] = {}  # link ids by box
        self._labels: dict[str, LabelText] = {}  # link labels by link id
        self._sizes: dict[LabelText, tuple[float, float]] = {}  # label sizes, for previews
        self._restructured = True
        self._moves: dict[str, Point] = {}
        self._live = False
        self._settling = False
        self._fresh: tuple[Router, Iterator[None]] | None = None  # a whole-map route under way
        self._exact = False  # the routes drawn are a fresh route of the map as it is
        self.redrawn: set[str] = set()
        self._timer = QTimer(parent)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)

    # ------------------------------------------------------------------ input
    def restructure(self) -> None:
        """Links, labels, segments, folds or notes changed: route everything again."""
        self._restructured = True

    def moved(self, centres: Mapping[str, Point], live: bool = False) -> None:
        """Boxes moved (segment id -> new centre); ``live`` while they are being dragged (the
        model has not moved them yet)."""
        self._moves.update(centres)
        self._live = live

    def dispose(self) -> None:
        """Stop the idle work."""
        self._timer.stop()
        self._fresh = None
        self._router = None

    @property
    def waiting(self) -> bool:
        """True when :meth:`apply` has something to do."""
        return self._restructured or bool(self._moves)

    @property
    def busy(self) -> bool:
        """True while work is left for idle slices (settling or routing afresh)."""
        return self._restructured or bool(self._moves) or self._settling or self._fresh is not None

    # ------------------------------------------------------------------ work
    def apply(self) -> None:
        """Do what must show now: a new structure (routed at once on a small map, else drawn
        as previews), or a drag step; what may wait goes to idle slices."""
        self.redrawn = set()
        if self._restructured:
            self._restructured = False
            self._moves.clear()
            self._settling = False
            self._exact = False
            data = routing_input(self._map, self._folded())
            if len(data.links) <= SYNC_LINKS:
                router = Router(data)
                router.route_all()
                self._adopt(router)
                self._fresh = None
            else:
                self._router = None
                self._previews(data)
                self._start_fresh(data)
            return
        if not self._moves:
            return
        moves, self._moves = self._moves, {}
        self._fresh = None  # the positions changed under it
        self._exact = False
        if self._router is None:
            self._preview_moves(moves)
            if not self._live:
                self._start_fresh(routing_input(self._map, self._folded()))
            return
        changes = self._router.move(moves)
        self._show(changes.links, changes.notes)
        self._settling = True
        if not self._live:
            self._timer.start()

    def finish(self) -> None:
        """Do everything left at once and make the routes exactly a fresh route of the map
        (before an export, or in a test)."""
        self._live = False
        self.apply()
        while self._settling:
            self._slice(None)
        if not self._exact and self._fresh is None:
            self._start_fresh(routing_input(self._map, self._folded()))
        while self._fresh is not None:
            self._slice(None)

    def _slice(self, budget: float | None = SLICE) -> None:
        """One idle slice: settle the routes round what was dragged, else go on routing the
        whole map afresh; stop the timer when nothing is left."""
        if self._live:
            self._timer.stop()
            return
        started = time.perf_counter()
        if self._settling and self._router is not None:
            changes = self._router.settle(budget=budget)
            self._show(changes.links, changes.notes)
            if not changes.pending:
                self._settling = False
                if len(router_links(self._data)) <= FRESH_IDLE_LINKS:
                    self._start_fresh(routing_input(self._map, self._folded()))
                else:
                    self._timer.stop()
            return
        self._settling = False
        if self._fresh is None:
            self._timer.stop()
            return
        router, steps = self._fresh
        for _ in steps:
            if budget is not None and time.perf_counter() - started > budget:
                return
        self._fresh = None
        self._timer.stop()
        self._adopt(router)

    def _start_fresh(self, data: RoutingInput) -> None:
        router = Router(data)
        self._fresh = (router, router.route_steps())
        self._timer.start()

    # ------------------------------------------------------------------ items
    def _adopt(self, router: Router) -> None:
        """Draw every link and note as ``router`` routed them (afresh, the whole map)."""
        self._router = router
        self._exact = True
        self._set_data(router.data)
        result = router.result
        for link_id, item in self._links.items():
            route = result.links.get(link_id)
            if route is None:
                item.set_route(None)
            elif _differs(item, route.points, route.label, route.label_pixel_size):
                item.set_route(route.points, route.label, route.label_pixel_size)
                self.redrawn.add(link_id)
        self._show_notes(result, self._notes)

    def _show(self, links: Collection[str], notes: Collection[str]) -> None:
        router = self._router
        assert router is not None
        result = router.result
        for link_id in links:
            item = self._links.get(link_id)
            route = result.links.get(link_id)
            if item is not None and route is not None:
                item.set_route(route.points, route.label, route.label_pixel_size)
                self.redrawn.add(link_id)
        self._show_notes(result, notes)

    def _show_notes(self, result: RouteSet, notes: Collection[str]) -> None:
        targets = {note.id: note.target for note in self._data.notes} if self._data is not None else {}
        for note_id in notes:
            item = self._notes.get(note_id)
            callout = result.notes.get(note_id)
            if item is None or callout is None:
                continue
            target = targets.get(note_id)
            item.set_target(result.boxes.get(target) if target is not None else None)
            item.set_callout(callout.rect, callout.leader)

    def _set_data(self, data: RoutingInput) -> None:
        self._data = data
        self._labels = {link.id: link.label for link in data.links}
        self._ends = {}
        for link in data.links:
            self._ends.setdefault(link.source, set()).add(link.id)
            self._ends.setdefault(link.target, set()).add(link.id)

    def _previews(self, data: RoutingInput) -> None:
        """Every link a straight preview, its label in the middle; every note's callout where
        the note is, with a straight leader."""
        self._set_data(data)
        boxes = data.boxes
        drawn = set()
        for link in data.links:
            item = self._links.get(link.id)
            if item is not None:
                drawn.add(link.id)
                self._preview_link(item, link.id, boxes[link.source], boxes[link.target])
        for link_id, item in self._links.items():
            if link_id not in drawn:
                item.set_route(None)
        for note in data.notes:
            item = self._notes.get(note.id)
            if item is not None:
                item.set_callout(centred(note.centre, note.size), None)
                item.set_target(boxes.get(note.target) if note.target is not None else None)

    def _preview_link(self, item: Any, link_id: str, source: Box, target: Box) -> None:
        start, end = straight_preview(source, target)
        label = None
        spec = self._labels.get(link_id)
        if spec:
            middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
            size = self._sizes.get(spec)
            if size is None:
                size = self._sizes[spec] = spec.size()
            label = centred(middle, size)
        item.set_route((start, end), label, LABEL_SIZE)
        self.redrawn.add(link_id)

    def _preview_moves(self, moves: Mapping[str, Point]) -> None:
        """Moved boxes' links as previews (no routes to move yet)."""
        data = self._data
        if data is None:
            return
        half = {box_id: ((b[2] - b[0]) / 2, (b[3] - b[1]) / 2) for box_id, b in data.boxes.items() if box_id in moves}
        for box_id, (x, y) in moves.items():
            if box_id in half:
                w, h = half[box_id]
                data.boxes[box_id] = (x - w, y - h, x + w, y + h)
        links = {link for box_id in moves for link in self._ends.get(box_id, ())}
        specs = {link.id: link for link in data.links if link.id in links}
        for link_id, spec in specs.items():
            item = self._links.get(link_id)
            if item is not None:
                self._preview_link(item, link_id, data.boxes[spec.source], data.boxes[spec.target])


def router_links(data: RoutingInput | None) -> list[Any]:
    """The links of ``data`` (none without it)."""
    return data.links if data is not None else []


def _differs(item: Any, points: tuple[Point, ...], label: Box | None, pixel_size: int) -> bool:
    return bool(item.route_points() != points or item.label_box() != label or item.label_pixel_size() != pixel_size)
