"""The scene's links and notes drawn along the core router's routes (:mod:`chainmap.core.routing`).

:class:`SceneRoutes` hands the core router's geometry to the link and note items, so the
canvas and every export (they paint the scene) draw what ``chainmap route --json`` prints:

- after the map's structure changes (links, labels, segments, folds, notes), everything is
  routed again: at once on a map of up to :data:`SYNC_LINKS` links; a bigger one costs
  nothing when it changes: while the editor is idle, in slices of :data:`SLICE` seconds, its
  routing input is gathered, links whose ends moved are drawn as straight previews, and the
  input goes in pieces to a routing process (:class:`~.routes_worker.RouteWorker`); the
  routes come back in pieces and replace the previews a few hundred at a time. A result
  the map has changed under is dropped (and the process stops that route);
- links with a label stack above those without, and among them each is stacked above the
  labelled links whose lines cross its label (:func:`~chainmap.core.routing.label_levels`,
  worked out with each whole-map route, here or in the routing process), so no line is
  drawn across a label's text but where labels cross each other's lines in a ring;
- a drag step (:meth:`SceneRoutes.moved` with ``live``) re-routes only the moved boxes' links:
  within :data:`~chainmap.core.routing.router.DRAG_BUDGET` when the editor holds the router
  (a small map), else as straight previews at once, then as the routing process routes them
  (one step out at a time, the newest position next; an answer is drawn only while the boxes
  are still where it has them; previews until the drop while the process has no routes of
  the map yet, as right after it opens); when the drag is over, the routes round the moved
  boxes settle (in idle slices, or in the routing process), then the whole map is
  routed afresh (in idle slices on a small map, in the routing process on a big one), so the
  routes end up exactly as a fresh :func:`~chainmap.core.routing.route_map` of the new
  positions.

Exports call :meth:`SceneRoutes.finish` first (through ``MapScene.exporting``), which does
whatever is left at once, so every export draws what ``chainmap route --json`` prints.
"""

from __future__ import annotations

import gc
import pickle
import time
from collections.abc import Callable, Collection, Generator, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer

from chainmap.core.bulk import give_back_freed_memory, give_back_to_collector
from chainmap.core.format.park import SoleMap
from chainmap.core.model import ChainMap
from chainmap.core.routing import Router, RouteSet, RoutingInput, label_levels, routing_input
from chainmap.core.routing.labels import LABEL_SIZE
from chainmap.core.routing.obstacles import Box, Point
from chainmap.core.routing.result import LinkRoute
from chainmap.core.routing.spooled import SpooledRoutes

from . import idle_turns
from .items_link import clip_xy
from .routes_big import INDEX_STEP, BigMapRouting, differs
from .routes_worker import RouteWorker

SYNC_LINKS = 300  # up to this many links a map is routed at once; above, in the routing process
# Above this many links, an export given the only reference to its map sets the map aside on
# disk while it routes (route_for_export): a map this big and its routing would not fit 500 MB.
SET_ASIDE_LINKS = 40_000
SLICE = 0.008  # seconds of work per idle slice


def straight_preview(source: Box, target: Box) -> tuple[Point, Point]:
    """A preview of a link before it is routed: the straight piece of the line between the
    two boxes' centres that lies outside both."""
    scx, scy = (source[0] + source[2]) / 2, (source[1] + source[3]) / 2
    tcx, tcy = (target[0] + target[2]) / 2, (target[1] + target[3]) / 2
    start = clip_xy(scx, scy, source[2] - source[0], source[3] - source[1], tcx, tcy)
    end = clip_xy(tcx, tcy, target[2] - target[0], target[3] - target[1], scx, scy)
    return start, end


@dataclass
class Routed:
    """A whole map routed for an export before its scene is built (:func:`route_for_export`):
    the folds it was routed with, the notes' callouts (``result``, with the boxes only of the
    notes' segments), the links' routes (on a map set aside, kept on disk:
    :class:`~chainmap.core.routing.spooled.SpooledRoutes`), the notes' segments, and the
    labelled links' levels that are not 0."""

    folded: frozenset[str]
    result: RouteSet
    links: Mapping[str, LinkRoute]
    targets: dict[str, str | None]
    levels: dict[str, int]


def route_for_export(chain_map: ChainMap | SoleMap, folded: Collection[str] = ()) -> Routed:
    """Route ``chain_map`` (``folded`` segments folded) for an export's own scene, which
    takes the routes with :meth:`SceneRoutes.take`: routed before the scene is built and
    with the router gone before it is, a 100,000-segment map's export holds either the
    router or the scene, never both. Given the only reference to a map of more than
    :data:`SET_ASIDE_LINKS` links (a :class:`~chainmap.core.format.park.SoleMap`), the map
    is set aside on disk while the router works from the routing input alone, and read back
    after (:class:`~chainmap.core.format.park.SetAsideError` when it cannot be)."""
    sole = chain_map if isinstance(chain_map, SoleMap) else None
    data = routing_input(chain_map.map if isinstance(chain_map, SoleMap) else chain_map, folded)
    del chain_map
    if sole is not None and len(data.links) > SET_ASIDE_LINKS:
        # The input's own copy first: the one made shares the map's ids and label texts,
        # which, scattered through the map's pages, would keep them from going with it.
        data = pickle.loads(pickle.dumps(data, pickle.HIGHEST_PROTOCOL))
        sole.set_aside()
    try:
        router = Router(data)
        del data
        result = router.route_all(drags=False)
        targets = {note.id: note.target for note in router.data.notes}
        del router
        boxes = result.boxes
        levels = {link_id: level for link_id, level in label_levels(result).items() if level}
        kept = RouteSet({box_id: boxes[box_id] for box_id in targets.values() if box_id is not None and box_id in boxes},
                        {}, result.notes)
        links: Mapping[str, LinkRoute] = result.links
        del result, boxes
        if sole is not None and sole.aside:
            links = _spooled(links)
        gc.collect()  # the router's cycles (a big map's routing leaves some 60 MB in them)
        give_back_freed_memory()  # the router's pages, before the scene and the painting take theirs
    finally:
        if sole is not None:
            sole.take_back()  # the map read back (also when the routing failed: the caller keeps it)
    return Routed(frozenset(folded), kept, links, targets, levels)


def _spooled(links: Mapping[str, LinkRoute]) -> Mapping[str, LinkRoute]:
    """``links`` with their corners moved to a temporary file, or as they are when no file
    can be written (a full disk: the export then only takes more memory)."""
    try:
        return SpooledRoutes(links)
    except OSError:
        return links


class SceneRoutes(BigMapRouting):
    """Routes for one scene's link items (``links``: item by link id) and note items
    (``notes``: item by note id), both dicts the scene keeps up to date; ``folded`` gives the
    segments shown folded. :attr:`redrawn` holds the links whose items the last
    :meth:`apply` or idle slice changed (:attr:`redraw_log`: each time, in order)."""

    def __init__(self, chain_map: ChainMap, links: dict[str, Any], notes: dict[str, Any],
                 folded: Callable[[], Collection[str]], parent: QObject | None = None) -> None:
        self._map = chain_map
        self._links = links
        self._notes = notes
        self._folded = folded
        self._router: Router | None = None  # the routes drawn, when the editor holds them
        # The routes drawn when no drag will follow (an export's own scene): only these are
        # kept of the router (see finish).
        self._drawn: Mapping[str, LinkRoute] | None = None
        self._data: RoutingInput | None = None  # what is drawn: boxes (after moves), links, notes
        self._ends: dict[str, set[str]] = {}  # link ids by box
        self._specs: dict[str, Any] = {}  # link specs by link id
        self._restructured = True
        self._moves: dict[str, Point] = {}
        self._live = False
        self._settling = False
        self._fresh: tuple[Router, Iterator[None]] | None = None  # a whole-map route under way here
        self._exact = False  # the routes drawn are a fresh route of the map as it is
        # Big maps: the steps under way (gather, preview, send, draw the answers), the routing
        # process, the jobs whose answers are drawn, the whole-map job, and the job whose
        # routes the process holds (a dropped drag moves boxes in those).
        self._steps: Generator[str | None, None, None] | None = None
        self._previewed = True
        self._worker: RouteWorker | None = None
        self._job = 0
        self._move_jobs: set[int] = set()  # dropped drags whose answers are still to draw
        self._route_job: int | None = None
        self._base_job: int | None = None
        # What the routing process sent for each link (points, label, pixel size), for link
        # items made after the answer came (a big scene makes its items lazily).
        self._answers: dict[str, tuple[tuple[Point, ...], Box | None, int]] = {}
        self._levels: dict[str, int] = {}  # labelled links stacked higher (label_levels), when not 0
        self._frozen = False  # its objects kept out of the collector (core.bulk.keep_out_of_collector)
        self._discarded: list[Any] = []  # steps dropped, to free while idle
        self.redrawn: set[str] = set()
        # Every redrawing of the round, in order, repeats too: the overview follows a link
        # drawn again after it last looked (a preview, then its route), which the set hides.
        self.redraw_log: list[str] = []
        self._timer = QTimer(parent)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._idle_slice)
        # A big map's drag steps, re-routed in the routing process (routes_big).
        self._drag_timer = QTimer(parent)
        self._drag_timer.timeout.connect(self._poll_drag)
        self._drag_job: int | None = None
        self._drag_waiting: dict[str, Point] = {}
        self._drag_sent: dict[str, Point] = {}
        self._drag_answer: list[tuple[str, tuple[Point, ...], Box | None, int]] = []
        self._drag_notes: list[tuple[str, Box, tuple[Point, ...] | None]] = []
        self.drag_answers = 0

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
        """Stop the idle work and the routing process."""
        self._timer.stop()
        idle_turns.forget(self)
        self._end_drag()
        self._fresh = None
        self._steps = None
        self._discarded.clear()
        self._router = None
        self._drawn = None
        if self._frozen:
            give_back_to_collector(self)  # the scene's objects may be collected again (unless a map is kept)
            self._frozen = False
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    @property
    def waiting(self) -> bool:
        """True when :meth:`apply` has something to do."""
        return self._restructured or bool(self._moves)

    @property
    def busy(self) -> bool:
        """True while work is left for idle slices (settling, routing afresh, or drawing
        what the routing process sends)."""
        return (self._restructured or bool(self._moves) or self._settling or self._fresh is not None
                or self._steps is not None)

    @property
    def settling(self) -> bool:
        """True until the links round the boxes last dropped are routed (the whole map may
        still be routed afresh after that)."""
        return self._settling or bool(self._move_jobs)

    @property
    def drag_pending(self) -> bool:
        """True while the routing process has a drag step of a big map to answer: the moved
        boxes' links are previews until an answer for where they are is drawn (False too
        while the process holds no routes of the map yet: then previews until the drop)."""
        return self._live and self._drag_job is not None

    @property
    def in_process(self) -> bool:
        """True while the routing process works on this map (or is about to)."""
        return self._steps is not None and self._route_job is not None

    def drawn_route(self, link_id: str) -> LinkRoute | None:
        """The route :meth:`dress_link` draws a link item made now along, when it has one
        from a whole-map route (None: a preview, an answer of the routing process, or none)."""
        router = self._router
        drawn = router.result.links if router is not None else self._drawn
        return drawn.get(link_id) if drawn is not None else None

    def dress_link(self, link_id: str, item: Any) -> None:
        """Draw a link item made after the routes (a lazily made item): as last routed, else
        as a straight preview, else hidden when the link is not drawn."""
        router = self._router
        item.raise_label(self._levels.get(link_id, 0))
        drawn = router.result.links if router is not None else self._drawn
        if drawn is not None:
            route = drawn.get(link_id)
            if route is not None:
                item.set_route(route.points, route.label, route.label_pixel_size)
                return
        answer = self._answers.get(link_id)
        if answer is not None:
            item.set_route(*answer)
            return
        spec = self._specs.get(link_id)
        data = self._data
        if spec is None or data is None:
            item.set_route(None)
            return
        item.set_route(straight_preview(data.boxes[spec.source], data.boxes[spec.target]), None, LABEL_SIZE)

    def _big(self) -> bool:
        return len(self._map.edges) > SYNC_LINKS

    # ------------------------------------------------------------------ work
    def apply(self) -> None:
        """Do what must show now: a new structure (routed at once on a small map, else left
        to idle slices and the routing process), or a drag step; what may wait goes to idle
        slices."""
        self.redrawn = set()
        self.redraw_log = []
        if self._restructured:
            self._drawn = None
            self._restructured = False
            self._moves.clear()
            self._settling = False
            self._exact = False
            self._fresh = None
            if self._big():
                self._router = None
                self._begin(previews=True)
                return
            self._cancel()
            data = routing_input(self._map, self._folded())
            router = Router(data)
            router.route_all()
            self._adopt(router)
            return
        if not self._moves:
            return
        moves, self._moves = self._moves, {}
        self._fresh = None  # the positions changed under it
        self._exact = False
        if self._router is None:
            self._cancel()
            self._preview_moves(moves)
            if self._live:
                self._drag_step(moves)
            else:
                self._drop(moves)
            return
        self._cancel()
        changes = self._router.move(moves)
        self._show(changes.links, changes.notes)
        self._settling = True
        if not self._live:
            self._timer.start()

    def finish(self, drags: bool = True) -> None:
        """Do everything left at once and make the routes exactly a fresh route of the map
        (before an export, or in a test). ``drags`` False: no drag will follow (an export's
        own scene), so a big map's router keeps only what drawing needs."""
        self._live = False
        self.apply()
        while self._settling:
            self._slice(None)
        if self._exact:
            return
        self._cancel()
        self._move_jobs.clear()
        if self._big():
            router = Router(routing_input(self._map, self._folded()))
            router.route_all(drags)
            self._fresh = None
            self._adopt(router, keep=drags)
            return
        if self._fresh is None:
            self._start_fresh(routing_input(self._map, self._folded()))
        while self._fresh is not None:
            self._slice(None)

    def _idle_slice(self) -> None:
        """The timer's slice, when it is this work's turn (:mod:`.idle_turns`: not right after
        another piece of idle work in the same pass of the event loop); else the timer brings
        it back on the next pass."""
        if not idle_turns.may_run(self):
            return
        try:
            self._slice()
        finally:
            idle_turns.ran()

    def _slice(self, budget: float | None = SLICE) -> None:
        """One idle slice: settle the routes round what was dragged, else go on with the
        big map's steps or with routing the whole map afresh; stop the timer when nothing is
        left."""
        if self._live:
            self._timer.stop()
            return
        started = time.perf_counter()
        self._discarded.clear()
        if self._settling and self._router is not None:
            changes = self._router.settle(budget=budget)
            self._show(changes.links, changes.notes)
            if not changes.pending:
                self._settling = False
                if self._big():
                    self._begin(previews=False)
                else:
                    self._start_fresh(routing_input(self._map, self._folded()))
            return
        self._settling = False
        if self._steps is not None:
            self._run_steps(started, budget)
            return
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
        self._timer.setInterval(0)
        self._timer.start()

    # ------------------------------------------------------------------ items
    def take(self, routed: Routed) -> bool:
        """Draw the routes of :func:`route_for_export`, made before the scene was built (an
        export's own scene of a big map: the scene then does not add to the routing's peak
        of memory, nor the router to the painting's). Nothing is done, and False returned,
        when the scene's folds are not those routed."""
        if set(self._folded()) != routed.folded:
            return False
        self._timer.stop()
        self._cancel()
        self._move_jobs.clear()
        self._restructured = self._live = self._settling = False
        self._moves.clear()
        self._fresh = None
        self._router = None
        self._drawn = routed.links
        self._data, self._specs, self._ends = None, {}, {}
        self._exact = self._previewed = True
        self._draw_all(routed.result, routed.levels, routed.targets, routed.links)
        return True

    def _adopt(self, router: Router, keep: bool = True) -> None:
        """Draw every link and note as ``router`` routed them (afresh, the whole map). Not
        ``keep``: no drag or change will follow (an export's own scene of a big map), so only
        the routes are kept, not the router (its boxes' index, its label space, the routing
        input), and the links are not indexed for previews: a big map's painting then holds
        some 100 MB less."""
        self._exact = True
        self._previewed = True
        result = router.result
        targets = {note.id: note.target for note in router.data.notes}
        if keep:
            self._router = router
            self._drawn = None
            self._set_data(router.data)
        else:
            self._router = None
            self._drawn = result.links
            self._data, self._specs, self._ends = None, {}, {}
        del router
        self._draw_all(result, {link_id: level for link_id, level in label_levels(result).items() if level}, targets)

    def _draw_all(self, result: RouteSet, levels: dict[str, int], targets: Mapping[str, str | None],
                  links: Mapping[str, LinkRoute] | None = None) -> None:
        """Every link item made so far and every note item as in ``result`` (the links as in
        ``links`` when given); the labelled links stacked by ``levels`` (those not 0)."""
        self._levels = levels
        routes = result.links if links is None else links
        for link_id, item in self._links.items():
            route = routes.get(link_id)
            if route is None:
                item.set_route(None)
            elif differs(item, route.points, route.label, route.label_pixel_size):
                item.set_route(route.points, route.label, route.label_pixel_size)
                self._redrew(link_id)
            item.raise_label(levels.get(link_id, 0))
        self._show_notes(result, self._notes, targets)

    def _show(self, links: Collection[str], notes: Collection[str]) -> None:
        router = self._router
        assert router is not None
        result = router.result
        for link_id in links:
            item = self._links.get(link_id)
            route = result.links.get(link_id)
            if item is not None and route is not None:
                item.set_route(route.points, route.label, route.label_pixel_size)
                self._redrew(link_id)
        self._show_notes(result, notes)

    def _show_notes(self, result: RouteSet, notes: Collection[str],
                    targets: Mapping[str, str | None] | None = None) -> None:
        if targets is None:
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
        for _ in self._set_data_steps(data):
            pass

    def _set_data_steps(self, data: RoutingInput) -> Iterator[None]:
        """Take ``data`` as what is drawn, and index its links by id and by box."""
        specs: dict[str, Any] = {}
        ends: dict[str, set[str]] = {}
        for i, link in enumerate(data.links):
            if i % INDEX_STEP == INDEX_STEP - 1:
                yield
            specs[link.id] = link
            ends.setdefault(link.source, set()).add(link.id)
            ends.setdefault(link.target, set()).add(link.id)
        self._data, self._specs, self._ends = data, specs, ends

    def _redrew(self, link_id: str) -> None:
        """Link ``link_id``'s item was drawn again (in :attr:`redrawn` and :attr:`redraw_log`)."""
        self.redrawn.add(link_id)
        self.redraw_log.append(link_id)

    def _preview_link(self, item: Any, link_id: str, source: Box, target: Box) -> None:
        """The link as a straight piece between its boxes; its label waits for the route."""
        item.set_route(straight_preview(source, target), None, LABEL_SIZE)
        self._redrew(link_id)

    def _preview_moves(self, moves: Mapping[str, Point]) -> None:
        """Moved boxes' links as previews (the editor holds no routes to move)."""
        data = self._data
        if data is None:
            return
        boxes = data.boxes
        for box_id, (x, y) in moves.items():
            box = boxes.get(box_id)
            if box is not None:
                w, h = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
                boxes[box_id] = (x - w, y - h, x + w, y + h)
        for link_id in {link for box_id in moves for link in self._ends.get(box_id, ())}:
            self._answers.pop(link_id, None)
            item = self._links.get(link_id)
            spec = self._specs.get(link_id)
            if item is not None and spec is not None:
                self._preview_link(item, link_id, boxes[spec.source], boxes[spec.target])
