"""Routing in another process: the worker's side, and the messages both sides exchange.

An editor routes a big map without stalling its window: it gathers the map's
:class:`~.inputs.RoutingInput` while idle, sends it in pieces to a worker process
(:func:`serve`, started with the ``spawn`` method, never forked from a Qt process) and draws
the routes as they come back in pieces. Every message is a pickled tuple whose first item
says what it is and whose second is the job it belongs to (a number the editor chooses):

to the worker:
    ``("boxes", job, [(id, box), ...])``, ``("links", job, [(id, source, target, label text,
    flows), ...])``, ``("notes", job, [NoteSpec, ...])`` -- pieces of the input (a new job's
    first piece drops whatever came before); ``("route", job, frames_top)`` -- route it
    (:func:`~.router.Router.route_all`, exactly what ``chainmap route --json`` does);
    ``("move", job, base, {segment id: centre})`` -- a dropped drag: move the boxes in the
    routes of job ``base`` and re-route what they touch (:meth:`~.router.Router.move`, then
    :meth:`~.router.Router.settle`); ``("drag", job, base, {segment id: centre})`` -- a drag
    step: move the boxes in the routes of job ``base`` and route their links only (no
    budget, no settling: other links keep their routes until the drop's ``move``);
    ``("cancel", job)`` -- nobody waits for that route any more; ``("quit",)``.
from the worker:
    ``("ready", -1)`` once it reads the pipe (the editor sends nothing before: a pipe
    nobody reads would hold the editor up); for a job, ``("notes", job, [(id, rect, leader),
    ...])``, ``("links", job, [(id, points, label, pixel size), ...])`` in pieces of
    :data:`PIECE` (the outermost links first), after a whole map's route
    ``("levels", job, [(id, level), ...])`` (the labelled links to stack higher,
    :func:`~.measure.label_levels`), then ``("done", job)``; or ``("error", job, text)``.

Any message that arrives while a route is under way stops it (the editor only sends one
when the map changed, which makes the route stale, or when it closes). A thread of the
worker reads the pipe all the time, so the editor never waits to send.
"""

from __future__ import annotations

import pickle
import queue
import signal
import threading
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from typing import Any

from .inputs import LinkSpec, RoutingInput, measured
from .labels import LabelText
from .measure import label_levels
from .result import RouteSet
from .router import Router

PIECE = 150  # links per message of routes (the editor draws one message in a few ms)
INPUT_PIECE = 500  # boxes or links per message of input
CHECK_EVERY = 25  # routing steps between two looks for a message that stops the route


def pack(message: tuple[Any, ...]) -> bytes:
    """A message as the bytes sent over the pipe."""
    return pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)


def input_messages(job: int, data: RoutingInput) -> Iterator[bytes]:
    """``data`` as messages of job ``job``, ending with the order to route it."""
    boxes = list(data.boxes.items())
    yield pack(("boxes", job, boxes[:INPUT_PIECE]))  # the first piece opens the job, even when empty
    for start in range(INPUT_PIECE, len(boxes), INPUT_PIECE):
        yield pack(("boxes", job, boxes[start:start + INPUT_PIECE]))
    for start in range(0, len(data.links), INPUT_PIECE):
        piece = [(link.id, link.source, link.target, link.label.text, link.label.flows)
                 for link in data.links[start:start + INPUT_PIECE]]  # plain tuples pickle fastest
        yield pack(("links", job, piece))
    yield pack(("notes", job, data.notes))
    yield pack(("route", job, data.frames_top))


def route_messages(job: int, result: RouteSet, links: Iterable[str] | None = None,
                   notes: Iterable[str] | None = None) -> Iterator[bytes]:
    """The routes of ``result`` (only ``links`` and ``notes`` when given) as messages of
    job ``job``, ending with ``done``."""
    note_ids = list(result.notes) if notes is None else [i for i in notes if i in result.notes]
    yield pack(("notes", job, [(i, result.notes[i].rect, result.notes[i].leader) for i in note_ids]))
    wanted = list(result.links) if links is None else [i for i in links if i in result.links]
    wanted = outermost_first(result, wanted)
    for start in range(0, len(wanted), PIECE):
        piece = []
        for link_id in wanted[start:start + PIECE]:
            route = result.links[link_id]
            piece.append((link_id, route.points, route.label, route.label_pixel_size))
        yield pack(("links", job, piece))
    if links is None:
        levels = label_levels(result)
        yield pack(("levels", job, [(link_id, level) for link_id, level in levels.items() if level]))
    yield pack(("done", job))


def outermost_first(result: RouteSet, link_ids: list[str]) -> list[str]:
    """``link_ids`` with the links that reach furthest left, up, right and down first: a
    scene grows its bounds (and indexes all its items again) once, not every time a link
    drawn later reaches further out."""
    best: dict[int, tuple[float, str]] = {}
    for link_id in link_ids:
        route = result.links[link_id]
        xs = [p[0] for p in route.points]
        ys = [p[1] for p in route.points]
        if route.label is not None:
            xs.extend((route.label[0], route.label[2]))
            ys.extend((route.label[1], route.label[3]))
        if not xs:
            continue
        for side, reach in enumerate((-min(xs), -min(ys), max(xs), max(ys))):
            if side not in best or reach > best[side][0]:
                best[side] = (reach, link_id)
    first = list(dict.fromkeys(link_id for _, link_id in best.values()))
    chosen = set(first)
    return first + [link_id for link_id in link_ids if link_id not in chosen]


class _Worker:
    """The worker's state: the input being received and the last finished router."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.job = -1
        self.data = RoutingInput({})
        self.router: Router | None = None
        self.router_job = -1
        self.inbox: queue.Queue[bytes | None] = queue.Queue()
        threading.Thread(target=self._read, name="chainmap-routing-reader", daemon=True).start()

    def _read(self) -> None:
        try:
            while True:
                self.inbox.put(self.conn.recv_bytes())
        except (EOFError, OSError):
            self.inbox.put(None)  # the editor closed the pipe or exited

    def next_message(self) -> tuple[Any, ...] | None:
        """The next message (waiting for it); None once the editor is gone."""
        raw = self.inbox.get()
        if raw is None:
            return None
        message: tuple[Any, ...] = pickle.loads(raw)
        return message

    def handle(self, message: tuple[Any, ...]) -> bool:
        """Do what ``message`` asks; False to stop serving."""
        kind = message[0]
        if kind == "quit":
            return False
        job = message[1]
        if kind in ("boxes", "links", "notes"):
            if job != self.job:
                self.job, self.data = job, RoutingInput({})
            if kind == "boxes":
                self.data.boxes.update(message[2])
            elif kind == "links":
                self.data.links.extend(LinkSpec(link_id, source, target, LabelText(text, flows))
                                       for link_id, source, target, text, flows in message[2])
            else:
                self.data.notes = list(message[2])
        elif kind == "route" and job == self.job:
            self.data.frames_top = message[2]
            self._route(job)
        elif kind == "move":
            self._move(job, message[2], message[3])
        elif kind == "drag":
            self._move(job, message[2], message[3], settle=False)
        return True

    def _route(self, job: int) -> None:
        router = Router(measured(self.data))
        for i, _ in enumerate(router.route_steps()):
            if i % CHECK_EVERY == 0 and not self.inbox.empty():
                return  # the map changed (or the editor closes): this route is stale
        self.router, self.router_job = router, job
        self._send(route_messages(job, router.result))

    def _move(self, job: int, base: int, centres: dict[str, tuple[float, float]], settle: bool = True) -> None:
        """Move boxes in the routes of job ``base``: their links routed (a drag step), and
        with ``settle`` the routes round them settled too (a drop)."""
        router = self.router
        if router is None or base != self.router_job:
            self._send([pack(("done", job))])  # nothing to move: the fresh route follows
            return
        changes = router.move(centres, budget=None)
        if settle:
            settled = router.settle()
            changes.links |= settled.links
            changes.notes |= settled.notes
        self.router_job = job
        self._send(route_messages(job, router.result, changes.links, changes.notes))

    def _send(self, messages: Iterable[bytes]) -> None:
        for raw in messages:
            self.conn.send_bytes(raw)


def serve(conn: Connection) -> None:
    """The worker process's body: answer messages on ``conn`` until told to quit or the
    editor is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the editor's to handle
    worker = _Worker(conn)
    try:
        conn.send_bytes(pack(("ready", -1)))
        while True:
            message = worker.next_message()
            if message is None:
                return
            try:
                if not worker.handle(message):
                    return
            except Exception as exc:  # noqa: BLE001 - reported to the editor, which routes in-process
                worker.conn.send_bytes(pack(("error", message[1], f"{type(exc).__name__}: {exc}")))
    except (EOFError, OSError):
        return  # the editor is gone while an answer was being sent
