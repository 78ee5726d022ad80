"""The big map's side of :class:`~chainmap.render.routes.SceneRoutes`: routing in the routing
process (:class:`~.routes_worker.RouteWorker`, :mod:`chainmap.core.routing.background`).

Nothing happens on the first-frame path: :meth:`BigMapRouting._begin` only sets up the steps
of :meth:`BigMapRouting._pipeline`, which the scene's idle slices run a few milliseconds at a
time: gather the routing input (no text measured), draw straight previews of the links whose
ends changed, send the input in pieces to the routing process, then draw its answers a few
links at a time. A change of the map drops the steps and the answers still to come
(:meth:`BigMapRouting._cancel`). A drag step draws the moved boxes' links as straight
previews at once and asks the process to move the boxes in its routes and route those links
(:meth:`BigMapRouting._drag_step`: one step out at a time, the newest position next; an
answer is drawn only while the boxes are still where it has them). A dropped drag moves the
boxes there too and settles the routes round them (:meth:`BigMapRouting._drop`) before the
process routes the whole map afresh.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Generator, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QTimer

from chainmap.core.bulk import keep_out_of_collector
from chainmap.core.model import ChainMap
from chainmap.core.routing import Router, RoutingInput
from chainmap.core.routing.background import input_messages, pack
from chainmap.core.routing.inputs import measured, routing_input_steps
from chainmap.core.routing.obstacles import Box, Point

from .routes_worker import RouteWorker

WAIT_MS = 15  # how often to look for the routing process's answers while it works
DRAG_POLL_MS = 3  # how often to look for the answer to a drag step (a look costs microseconds)
PREVIEW_STEP = 25  # links previewed (or drawn from an answer) between two looks at the clock
INDEX_STEP = 500  # links indexed between two looks at the clock (2000 took up to 9 ms at 100,000 segments)
_WAIT = "wait"  # what a step of the pipeline yields while the process works


class BigMapRouting:
    """The routing-process half of :class:`~chainmap.render.routes.SceneRoutes`, which sets
    these attributes up and has the three methods declared last."""

    _map: ChainMap
    _links: dict[str, Any]
    _notes: dict[str, Any]
    _folded: Callable[[], Collection[str]]
    _data: RoutingInput | None
    _specs: dict[str, Any]
    _exact: bool
    _fresh: tuple[Router, Iterator[None]] | None
    _steps: Generator[str | None, None, None] | None
    _previewed: bool
    _worker: RouteWorker | None
    _job: int
    _move_jobs: set[int]
    _route_job: int | None
    _base_job: int | None
    _answers: dict[str, tuple[tuple[Point, ...], Box | None, int]]
    _levels: dict[str, int]
    _drag_timer: QTimer
    _drag_job: int | None  # the drag step the routing process is answering
    _drag_waiting: dict[str, Point]  # where boxes were dragged since that step was sent
    _drag_sent: dict[str, Point]  # the positions that step has the boxes at
    _drag_answer: list[tuple[str, tuple[Point, ...], Box | None, int]]
    _drag_notes: list[tuple[str, Box, tuple[Point, ...] | None]]
    drag_answers: int  # drag steps whose routes were drawn (for benchmarks and tests)
    _live: bool
    _frozen: bool
    _discarded: list[Any]
    _timer: QTimer
    redrawn: set[str]
    _redrew: Callable[[str], None]
    _set_data_steps: Callable[[RoutingInput], Iterator[None]]
    _preview_link: Callable[[Any, str, Box, Box], None]
    _start_fresh: Callable[[RoutingInput], None]

    def _begin(self, previews: bool) -> None:
        """Start the big map's steps: gather the input, preview what changed (when
        ``previews``), send it to the routing process and draw the answers."""
        self._end_drag()
        self._cancel()
        if previews:
            self._base_job = None  # the links changed: drags keep previews until routed afresh
            self._previewed = False
            self._move_jobs.clear()  # the links themselves may have changed
            self._answers = {}
        self._steps = self._pipeline()
        self._timer.setInterval(0)
        self._timer.start()

    def _cancel(self) -> None:
        """Drop the steps under way and the whole-map route's answers still to come."""
        if self._steps is not None:
            # Freed in the next idle slice: what the steps gathered takes ~10 ms to free,
            # too long for a drag step.
            self._discarded.append(self._steps)
        if self._route_job is not None and self._worker is not None and self._worker.ready:
            self._worker.send(pack(("cancel", self._route_job)))  # any message stops its route
        self._steps = None
        self._route_job = None

    def _drag_step(self, moves: Mapping[str, Point]) -> None:
        """A drag step (the editor does not hold the routes; the moved boxes' links were just
        drawn as previews): the routing process moves the boxes in its routes and routes
        their links (only those). One step is out at a time: the newest position waits for
        its answer, and an answer is drawn only if the boxes are still where it has them."""
        self._drag_waiting.update(moves)
        if self._drag_job is None:
            self._send_drag()
        if self._drag_job is not None and not self._drag_timer.isActive():
            self._drag_timer.start(DRAG_POLL_MS)

    def _send_drag(self) -> None:
        worker = self._worker
        if worker is None or not worker.ready or self._base_job is None or not self._drag_waiting:
            return  # no routes in the process yet (a map just opened or changed): previews
        job = self._new_job()
        if worker.send(pack(("drag", job, self._base_job, dict(self._drag_waiting)))):
            self._base_job = job
            self._drag_job = job
            self._drag_sent, self._drag_waiting = self._drag_waiting, {}
            self._drag_answer = []
            self._drag_notes = []

    def _poll_drag(self) -> None:
        """While a drag goes on: read the routing process's answer to the step sent, draw it
        if the boxes have not moved since, and send the newest position."""
        worker = self._worker
        while self._live and worker is not None and self._drag_job is not None:
            message = worker.receive()
            if message is None:
                break
            kind, answered = message[0], message[1]
            if kind == "error":
                self._drag_job = None  # the drop routes the map afresh (or here, if the process is gone)
                self._drag_waiting = {}
                break
            if answered != self._drag_job:
                continue  # the rest of an answer the drag made stale
            if kind == "links":
                self._drag_answer.extend(message[2])
            elif kind == "notes":
                self._drag_notes.extend(message[2])
            elif kind == "done":
                self._drag_done()
        if not self._live or self._drag_job is None:
            self._drag_timer.stop()

    def _drag_done(self) -> None:
        sent, self._drag_sent = self._drag_sent, {}
        waiting = self._drag_waiting
        self._drag_job = None
        if waiting.keys() <= sent.keys() and all(sent[box_id] == centre for box_id, centre in waiting.items()):
            self._drag_waiting = {}  # the boxes are where this answer has them
            for _ in self._draw_answer(self._drag_answer):
                pass
            self._draw_notes(self._drag_notes)
            self.drag_answers += 1
        self._drag_answer = []
        self._drag_notes = []
        self._send_drag()

    def _end_drag(self) -> None:
        """No more drag steps: what the process still sends for them is left unread here
        (the big map's steps skip it)."""
        self._drag_timer.stop()
        self._drag_job = None
        self._drag_sent = {}
        self._drag_waiting = {}
        self._drag_answer = []
        self._drag_notes = []

    def _drop(self, moves: Mapping[str, Point]) -> None:
        """A drag over (the editor does not hold the routes): the process moves the boxes in
        its routes and sends what changed, then routes the whole map afresh."""
        self._end_drag()
        if self._worker is not None and self._worker.ready and self._base_job is not None:
            job = self._new_job()
            if self._worker.send(pack(("move", job, self._base_job, dict(moves)))):
                self._base_job = job
                self._move_jobs.add(job)
        self._begin(previews=False)

    def _new_job(self) -> int:
        self._job += 1
        return self._job

    def _run_steps(self, started: float, budget: float | None) -> None:
        """Run the pipeline's steps until ``budget`` is spent or it waits for the process."""
        steps = self._steps
        assert steps is not None
        try:
            self._run(steps, started, budget)
        finally:
            self._freeze()

    def _run(self, steps: Generator[str | None, None, None], started: float, budget: float | None) -> None:
        while True:
            try:
                signal = next(steps)
            except StopIteration:
                if self._steps is steps:
                    self._steps = None
                    if self._fresh is None:
                        self._timer.stop()
                return
            if self._steps is not steps:
                return  # replaced (the routing process failed)
            if signal == _WAIT:
                self._timer.setInterval(WAIT_MS)
                return
            if budget is not None and time.perf_counter() - started > budget:
                self._timer.setInterval(0)
                return

    def _pipeline(self) -> Generator[str | None, None, None]:
        """The big map's steps; each yield is a pause between two short pieces of work."""
        data = yield from routing_input_steps(self._map, self._folded(), measure=False)
        old = self._data
        yield from self._set_data_steps(data)
        if not self._previewed:
            yield from self._preview_all(data, old)
            self._previewed = True
        if self._worker is None:
            self._worker = RouteWorker()
        job = self._route_job = self._new_job()
        worker = self._worker
        if not worker.start():
            self._fall_back(data)
            return
        while not worker.ready:
            if worker.receive() is not None or worker.broken:  # only an error comes before ready
                self._fall_back(data)
                return
            yield _WAIT
        for raw in input_messages(job, data):
            if not self._worker.send(raw):
                self._fall_back(data)
                return
            yield None
        while True:
            message = self._worker.receive()
            if message is None:
                yield _WAIT
                continue
            kind, answered = message[0], message[1]
            if kind == "error":
                self._fall_back(data)
                return
            if answered != job and answered not in self._move_jobs:
                continue  # stale: the map changed since
            if kind == "links":
                yield from self._draw_answer(message[2])
            elif kind == "levels":
                yield from self._stack_labels(dict(message[2]))
            elif kind == "notes":
                self._draw_notes(message[2])
            elif kind == "done" and answered == job:
                self._move_jobs.clear()
                self._base_job = job
                self._route_job = None
                self._exact = True
                return
            elif kind == "done":
                self._move_jobs.discard(answered)
            yield None

    def _freeze(self) -> None:
        """After each slice: the map, its items, the routing input and the routes live as
        long as the scene, so keep the cyclic garbage collector from walking them again and
        again (each full walk of a big map's objects stalls the editor for a few hundred ms,
        however the work is sliced); what is freed meanwhile is freed all the same (none of
        it is cyclic). ``SceneRoutes.dispose`` gives them back."""
        keep_out_of_collector(self)
        self._frozen = True

    def _fall_back(self, data: RoutingInput) -> None:
        """No routing process: route the map here, in idle slices."""
        self._steps = None
        self._route_job = None
        self._move_jobs.clear()
        self._start_fresh(measured(data))

    def _draw_answer(self, routes: list[tuple[str, tuple[Point, ...], Box | None, int]]) -> Iterator[None]:
        answers = self._answers
        for i, (link_id, points, label, pixel_size) in enumerate(routes):
            answers[link_id] = (points, label, pixel_size)
            item = self._links.get(link_id)
            if item is not None and differs(item, points, label, pixel_size):
                item.set_route(points, label, pixel_size)
                self._redrew(link_id)
            if i % PREVIEW_STEP == PREVIEW_STEP - 1:
                yield

    def _stack_labels(self, levels: dict[str, int]) -> Iterator[None]:
        """Stack the labelled links as a whole map's route says (links not listed: level 0)."""
        old, self._levels = self._levels, levels
        for i, link_id in enumerate(old.keys() | levels.keys()):
            item = self._links.get(link_id)
            if item is not None:
                item.raise_label(levels.get(link_id, 0))
            if i % PREVIEW_STEP == PREVIEW_STEP - 1:
                yield

    def _draw_notes(self, callouts: list[tuple[str, Box, tuple[Point, ...] | None]]) -> None:
        data = self._data
        targets = {note.id: note.target for note in data.notes} if data is not None else {}
        for note_id, rect, line in callouts:
            item = self._notes.get(note_id)
            if item is None:
                continue
            target = targets.get(note_id)
            item.set_target(data.boxes.get(target) if data is not None and target is not None else None)
            item.set_callout(rect, line)

    def _preview_all(self, data: RoutingInput, old: RoutingInput | None) -> Iterator[None]:
        """Straight previews for the links not drawn yet, changed, or whose boxes moved;
        links no longer drawn hidden; notes aimed at their boxes."""
        before: dict[str, Any] = {}
        for i, link in enumerate(old.links if old is not None else ()):
            if i % INDEX_STEP == INDEX_STEP - 1:
                yield
            before[link.id] = link
        old_boxes = old.boxes if old is not None else {}
        boxes = data.boxes
        yield
        for i, link in enumerate(data.links):
            if i % PREVIEW_STEP == PREVIEW_STEP - 1:
                yield
            item = self._links.get(link.id)
            if item is None:
                continue
            source, target = boxes[link.source], boxes[link.target]
            if (before.get(link.id) == link and item.has_route() and old_boxes.get(link.source) == source
                    and old_boxes.get(link.target) == target):
                continue  # drawn right already
            self._preview_link(item, link.id, source, target)
        for i, (link_id, item) in enumerate(self._links.items()):
            if i % INDEX_STEP == 0:
                yield
            if link_id not in self._specs:
                item.set_route(None)
        for note in data.notes:
            item = self._notes.get(note.id)
            if item is not None:
                item.set_target(boxes.get(note.target) if note.target is not None else None)


def differs(item: Any, points: tuple[Point, ...], label: Box | None, pixel_size: int) -> bool:
    """Whether a link item draws something else than these."""
    return bool(not item.draws_route(points) or item.label_box() != label or item.label_pixel_size() != pixel_size)
