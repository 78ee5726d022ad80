"""The router: routes for every link, then callouts and labels; and again for what moved.

:meth:`Router.route_all` does the whole map: each link's sides and ports (:mod:`.ports`),
its path (:mod:`.search`: a usual shape, else A* near its ends for at most
:data:`CLOSE_SEARCH` grid states, else a staircase across the columns in the way, else A*
near its ends in full, then wider, then over the whole map, else from any side of either
box; only when the boxes leave no way at all does it cross one, and says so with
``free=False``), the nudging into channels (:mod:`.nudge`), rounded corners
(:mod:`.shape`), the notes' callouts and leaders (:mod:`.notes`) and the labels
(:mod:`.labels`), shortest links first since they have the fewest places. On maps of up to
:data:`WEIGH_CROSSINGS_UP_TO` links, each link takes the free shape that crosses the fewest
links routed before it, and labels prefer places that hide the fewest lines.

How the awkward cases are drawn:

- a link backward (target left of source) leaves the source's left side and enters the
  target's right side; a link down a column goes bottom to top, or, with boxes in between,
  out of the right side of one and into the right side of the other;
- a parent's own box is a box like any other, its frame is not: a link between a parent
  and its own sub-segment runs from box to box inside the frame (straight down when
  nothing is between them);
- two boxes that overlap are joined by the straight piece of the line between their
  centres (as the canvas drew every link before), unless it would cross a third box;
  other overlapping boxes are simply obstacles, and a port never sits where another box
  covers its side.

:meth:`Router.move` is a drag step: it moves boxes and re-routes only their links, within a
time budget (links beyond it get a plain preview path), fitting their segments between the
others in their channels, and re-places their labels and the moved boxes' notes.
:meth:`Router.settle` ends the drag: it routes those links thoroughly, with the links that
share a box side with them and those a moved box now lies on. :meth:`Router.route_all`
again gives the tidiest result (every channel spread afresh).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH

from ..bulk import give_back_freed_memory
from .crossindex import CrossingIndex
from .inputs import LinkSpec, RoutingInput
from .labels import LABEL_SIZE, place_label, preview_label
from .notes import leader, place_note
from .nudge import Tracks, nudge
from .obstacles import Box, Obstacles, Point
from .ports import all_ports, assign, between_centres, choose_sides, port_point, side_span
from .result import LinkRoute, NoteCallout, RouteSet, pack_points, unpack_points
from .routecells import RouteCells
from .search import Port, plain_path, quick_path, search_path, simplify, stairs_path
from .shape import enters_any, sharp_corners
from .space import LabelSpace

# Up to this many links, each link takes the free shape that crosses the fewest links routed
# before it; beyond, the first free shape (weighing costs about as much as routing).
WEIGH_CROSSINGS_UP_TO = 1000
DRAG_BUDGET = 0.004  # seconds of routing per drag step; the rest are previews
WIDE_WINDOW = 1200.0  # the second search's margin round a link's ends, before the whole map
DRAG_SEARCH = 600  # grid states a drag step's search may expand for one link
# Grid states the first search near a link's ends may expand before a staircase path is
# tried: a detour round a box or two takes well under a hundred; a search that needs more is
# crossing columns of boxes on a page-shaped map, where it would go on to visit every row of
# every column between the ends (hundreds of thousands of states at 20,000 segments).
CLOSE_SEARCH = 5000
SideKey = tuple[str, int]
_SIDE_PAIRS: dict[tuple[int, int], tuple[int, int]] = {}


@dataclass
class Changes:
    """What a :meth:`Router.move` or :meth:`Router.settle` changed: link ids and note ids to
    redraw, and the links a drag step had no time to route (drawn as previews)."""

    links: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)
    pending: set[str] = field(default_factory=set)  # drawn as previews until settle


class Router:
    """Routes of one map's links, kept up to date as boxes move.

    Attributes:
        data: the boxes, links and notes (boxes follow :meth:`move`).
        result: the geometry after the last :meth:`route_all`, :meth:`move` or :meth:`settle`.
    """

    def __init__(self, data: RoutingInput) -> None:
        self.data = data
        self.result = RouteSet()
        self._obs = Obstacles({})
        self._links: dict[str, LinkSpec] = {link.id: link for link in data.links}
        # Small collections per box, box side and link are tuples: a map holds one per link or
        # box side, and a set or a list weighs several times a tuple of one to three ids.
        self._links_at: dict[str, tuple[str, ...]] | None = None  # by box, made by the first drag
        self._sides: dict[str, tuple[int, int]] = {}
        self._on_side: dict[SideKey, tuple[str, ...]] = {}
        # Where along its source's and its target's side each link's ports are (the side is
        # the link's in _sides: a link whose side changes gets its port again there).
        self._along: tuple[dict[str, float], dict[str, float]] = ({}, {})
        # The routes found and not drawn yet (a whole map's wait packed, see pack_points); a
        # drawn route is its LinkRoute's (see _route_of).
        self._corners: dict[str, list[Point] | bytes] = {}
        # The links whose route crosses a box (not free), and the boxes each link may cross
        # (its two ends, when they overlap): only these few, not an entry for every link.
        self._unfree: set[str] = set()
        self._ignore: dict[str, tuple[str, ...]] = {}
        self._tracks = Tracks()
        self._filed = RouteCells()  # where the routes run, for settle to find those a box lies on
        self._space = LabelSpace(self._obs)
        self._lines: CrossingIndex | None = None  # the routes, for labels to keep off them
        self._unsettled: set[str] = set()  # boxes moved since the last settle
        self._unindexed: set[str] = set()  # links whose routes changed since filed
        self._all_unindexed = False  # every link's (after route_steps without for_drags)
        self._to_settle: set[str] = set()  # links settle has still to route
        self._notes_to_settle: set[str] = set()  # boxes whose notes settle has to place again
        self._once = False  # routed by route_all(drags=False): no drag may follow

    # ----------------------------------------------------------------- whole map
    def route_all(self, drags: bool = True) -> RouteSet:
        """Route every link and place every callout and label. The indexes a drag needs (the
        nudged segments by channel, the routes by grid cell) are left to the first
        :meth:`move` or :meth:`settle`: a whole map routed for an export or ``chainmap route``
        never holds them.

        Without ``drags`` no :meth:`move` or :meth:`settle` may follow (an export, ``chainmap
        route``: only :attr:`result` is wanted): the router then lets go of what only they
        need as soon as the routing is done with it (the nudged segments, the ports of each
        box side), so that routing a big map holds less at its peak."""
        self._once = not drags
        for _ in self.route_steps(for_drags=False):
            pass
        return self.result

    def route_steps(self, for_drags: bool = True) -> Iterator[None]:
        """:meth:`route_all` in small steps: it pauses (yields) after each link routed and
        each label placed, so an editor can do the work in slices while idle. :attr:`result`
        is complete once the iterator is exhausted. ``for_drags``: also build, in two last
        steps, the indexes :meth:`move` and :meth:`settle` need (else the first of them
        builds them)."""
        data = self.data
        y_min = data.header_bottom if data.header_bottom is not None else -float("inf")
        self._obs = Obstacles(dict(data.boxes), y_min)
        self._space = LabelSpace(self._obs)
        self._on_side, self._along, self._corners = {}, ({}, {}), {}
        self._filed = RouteCells()
        self._tracks = Tracks()
        self._unsettled, self._unindexed, self._to_settle, self._notes_to_settle = set(), set(), set(), set()
        for i, link in enumerate(data.links):
            self._choose_sides(link)
            if i % 100 == 99:
                yield
        for i, key in enumerate(self._on_side):
            self._assign_ports(key)
            if i % 100 == 99:
                yield
        once = self._once
        if once:
            self._on_side = {}  # the ports are placed; only a drag asks who shares a side
        yield
        crossings = CrossingIndex() if len(data.links) <= WEIGH_CROSSINGS_UP_TO else None
        sides, (sources, targets) = self._sides, self._along
        in_turn: Iterable[LinkSpec] = data.links
        if crossings is None:
            # No link weighs the others' routes, so the order changes no route: down the map,
            # so that the lines a link asks about were mostly asked about by the links just
            # before it, and the obstacles' few held lines serve (held_lines). The routes
            # still wait in the map's order, which the nudging goes by.
            self._corners = dict.fromkeys([link.id for link in data.links], b"")
            in_turn = sorted(data.links, key=self._height)
        for link in in_turn:
            route = self._route(link, crossings)
            if crossings is not None:
                crossings.add(route)
            self._corners[link.id] = pack_points(route)
            if once:  # its sides and ports are only asked again by a drag
                del sides[link.id], sources[link.id], targets[link.id]
            yield
        # Only the routes' search asks the lines' stretches (a drag step finds them again):
        # let go of them before the nudging, the peak of a big map's routing; and of the
        # tables emptied above (a dict keeps its size when emptied).
        self._obs.forget_lines()
        if once:
            self._on_side, self._along, self._sides = {}, ({}, {}), {}
            give_back_freed_memory()  # the lines' pages, before the nudging takes fresh ones
        placed = nudge(self._obs, self._corners, self._ignore, keep=not once)
        if not once:
            self._tracks.add(placed)
        del placed
        yield
        self.result = RouteSet(boxes=dict(self._obs.boxes))
        self._unindexed = set()
        self._all_unindexed = True  # filed at the end (for_drags) or by the first settle
        yield
        for note in data.notes:
            self._place_note(note.id)
            yield
        for link in data.links:
            if not link.label:
                self._draw(link.id)
                yield
        self._lines = None
        if len(data.links) <= WEIGH_CROSSINGS_UP_TO:
            self._lines = CrossingIndex()
            for link in data.links:
                self._lines.add(self._route_of(link.id), link.id)
            yield
        labelled = [link.id for link in data.links if link.label]
        for link_id in sorted(labelled, key=lambda i: (_length(self._route_of(i)), i)):
            self._draw(link_id)
            yield
        # Emptied as the routes were drawn: let go of their tables too.
        self._corners, self._unfree = {}, set()
        if for_drags:
            self._tracks.index()
            yield
            self._file_routes()
            yield

    # ----------------------------------------------------------------- dragging
    def move(self, positions: Mapping[str, tuple[float, float]], budget: float | None = DRAG_BUDGET) -> Changes:
        """A drag step: move boxes (segment id -> new centre) and re-route their links.

        Only the moved boxes' links are routed, in turn until ``budget`` seconds have gone
        (None: no limit); the rest get a plain preview path, not checked against the boxes,
        and are listed in :attr:`Changes.pending`. Links of other boxes keep their routes and
        ports, even where a moved box now lies on them: :meth:`settle` at the drag's end
        sees to those."""
        started = time.perf_counter()
        self._check_drags()
        moved = [box_id for box_id in positions if box_id in self._obs.boxes]
        if not moved:
            return Changes()
        self._lines = None  # the routes change: labels stop weighing the lines they cover
        links: set[str] = set()
        for box_id in moved:
            x, y = positions[box_id]
            box = (x - SEGMENT_WIDTH / 2, y - SEGMENT_HEIGHT / 2, x + SEGMENT_WIDTH / 2, y + SEGMENT_HEIGHT / 2)
            self.data.boxes[box_id] = box
            self._obs.add(box_id, box)
            self.result.boxes[box_id] = box
            links.update(self._at_box().get(box_id, ()))
        self._unsettled.update(moved)
        keep = set(moved)
        for link_id in links:
            old = self._side_keys(link_id)
            self._choose_sides(self._links[link_id])
            for end, (before, after) in enumerate(zip(old, self._side_keys(link_id), strict=True)):
                if before != after and after[0] not in keep:
                    # Another box's side: take the middle, and leave its other ports be.
                    _, low, high = side_span(self._obs.boxes[after[0]], after[1])
                    self._along[end][link_id] = (low + high) / 2
        for box_id in moved:
            for side in range(4):
                if self._on_side.get((box_id, side)):
                    self._assign_ports((box_id, side))
        return self._reroute(links, started, budget, thorough=False, notes_of=set(moved))

    def settle(self, budget: float | None = None) -> Changes:
        """The end of a drag: route thoroughly the links of the boxes moved since the last
        settle, those that share a box side with them, and those the boxes now lie on.

        With ``budget`` (seconds), stop routing when it is spent: the links left keep their
        drag-time routes and are listed in :attr:`Changes.pending`, and the next call goes
        on with them (an editor calls it again while idle until nothing is pending)."""
        started = time.perf_counter()
        self._check_drags()
        moved = {box_id for box_id in self._unsettled if box_id in self._obs.boxes}
        self._unsettled = set()
        if moved:
            self._file_routes()
            affected: set[str] = set()
            for box_id in moved:
                affected.update(self._at_box().get(box_id, ()))
                affected |= self._filed.running_through(self._obs.boxes[box_id], self._route_of)
            sides: set[SideKey] = set()
            for link_id in affected:
                sides.update(self._side_keys(link_id))
                self._choose_sides(self._links[link_id])
                sides.update(self._side_keys(link_id))
            for key in sides:
                self._assign_ports(key)
                affected.update(self._on_side.get(key, ()))
            self._to_settle |= affected
            self._notes_to_settle |= moved
        if not self._to_settle:
            return Changes()
        changes = self._reroute(self._to_settle, started, budget, thorough=True, notes_of=self._notes_to_settle,
                                keep_rest=True)
        self._to_settle, self._notes_to_settle = set(changes.pending), set()
        self._file_routes()
        return changes

    def _check_drags(self) -> None:
        if self._once:
            raise RuntimeError("routed with route_all(drags=False): route the map again before dragging")

    def _at_box(self) -> dict[str, tuple[str, ...]]:
        """The links at each box (by box id), made when first asked."""
        if self._links_at is None:
            at_box: dict[str, list[str]] = {}
            for link in self.data.links:
                at_box.setdefault(link.source, []).append(link.id)
                at_box.setdefault(link.target, []).append(link.id)
            self._links_at = {box_id: tuple(ids) for box_id, ids in at_box.items()}
        return self._links_at

    def _file_routes(self) -> None:
        for link_id in self._links if self._all_unindexed else self._unindexed:
            self._filed.file(link_id, self._route_of(link_id))
        self._unindexed, self._all_unindexed = set(), False

    def _route_of(self, link_id: str) -> Sequence[Point]:
        """The link's route: as found, or as drawn."""
        found = self._corners.get(link_id)
        if found is None:
            return self.result.links[link_id].corners
        return unpack_points(found) if isinstance(found, bytes) else found

    def _reroute(self, links: set[str], started: float, budget: float | None, thorough: bool,
                 notes_of: set[str], keep_rest: bool = False) -> Changes:
        """Route ``links`` again, fit them into their channels, and place their labels and the
        notes of ``notes_of`` boxes again. Once ``budget`` is spent, the rest are drawn as
        previews or (``keep_rest``) left as they are; either way they are pending."""
        changes = Changes()
        routed: dict[str, list[Point] | bytes] = {}
        for link_id in sorted(links, key=lambda i: (self._reach(i), i)):  # short ones first
            if budget is not None and time.perf_counter() - started > budget:
                changes.pending.add(link_id)
                if not keep_rest:
                    self._preview(self._links[link_id])
            else:
                routed[link_id] = self._route(self._links[link_id], thorough=thorough)
        self._tracks.add(nudge(self._obs, routed, self._ignore, self._tracks))
        redrawn = set(routed) if keep_rest else set(links)
        changes.links = redrawn
        self._unindexed |= redrawn  # filed by settle, which needs them
        for link_id in redrawn:
            self._space.remove(link_id)
        for note in self.data.notes:
            held = self._space.placed.get(note.id)
            if note.target in notes_of or (held is not None and not self._obs.rect_free(held)):
                self._place_note(note.id)
                changes.notes.add(note.id)
        for link_id in sorted(routed, key=lambda i: (_length(self._route_of(i)), i)):
            self._draw(link_id)
        if not keep_rest:
            for link_id in changes.pending:
                self._draw(link_id, preview=True)
        return changes

    # ----------------------------------------------------------------- steps
    def _side_keys(self, link_id: str) -> list[SideKey]:
        link = self._links[link_id]
        source_side, target_side = self._sides[link_id]
        return [(link.source, source_side), (link.target, target_side)]

    def _choose_sides(self, link: LinkSpec) -> None:
        old = self._sides.get(link.id)
        if old is not None:
            for key in self._side_keys(link.id):
                members = self._on_side.get(key, ())
                if link.id in members:
                    self._on_side[key] = tuple(member for member in members if member != link.id)
        source, target = self._obs.boxes[link.source], self._obs.boxes[link.target]
        ignore = (link.source, link.target) if _overlap(source, target) else ()
        if ignore:
            self._ignore[link.id] = ignore
        else:
            self._ignore.pop(link.id, None)
        sides = choose_sides(self._obs, source, target, ignore)
        self._sides[link.id] = _SIDE_PAIRS.setdefault(sides, sides)  # one tuple for each of the 16 pairs
        for key in self._side_keys(link.id):
            members = self._on_side.get(key, ())
            if link.id not in members:
                self._on_side[key] = (*members, link.id)

    def _assign_ports(self, key: SideKey) -> set[str]:
        """Spread the ports on one box side; returns the links whose port moved."""
        box_id, side = key
        members = self._on_side.get(key, ())
        entries = []
        for link_id in members:
            link = self._links[link_id]
            other = link.target if link.source == box_id else link.source
            entries.append((link_id, self._obs.boxes[other]))
        changed = set()
        for link_id, along in assign(self._obs, box_id, side, entries).items():
            at = self._along[0 if self._links[link_id].source == box_id else 1]
            if at.get(link_id) != along:
                at[link_id] = along
                changed.add(link_id)
        return changed

    def _route(self, link: LinkSpec, crossings: CrossingIndex | None = None, thorough: bool = True) -> list[Point]:
        """Find the link's path (kept in ``_corners`` and returned). Not ``thorough`` (while
        dragging): only the usual shapes and a search near the ends, else a plain path marked
        not free until the drag ends."""
        obs = self._obs
        source_side, target_side = self._sides[link.id]
        ignore = self._ignore.get(link.id, ())
        source, target = obs.boxes[link.source], obs.boxes[link.target]
        if ignore:
            # The two boxes overlap: as the canvas always drew it, a straight piece along the
            # line between their centres, from where it leaves one box to where it leaves
            # the other, unless that crosses a third box.
            straight = between_centres(source, target)
            if straight is not None and not enters_any(obs, straight, ignore):
                self._corners[link.id] = straight
                self._unfree.discard(link.id)
                return straight
        start = port_point(source, source_side, self._along[0][link.id])
        end = port_point(target, target_side, self._along[1][link.id])
        goal: Port = (end[0], end[1], (target_side + 2) % 4)
        path = (quick_path(obs, start, goal, ignore, crossings.score if crossings is not None else None)
                or search_path(obs, [start], [goal], ignore, limit=CLOSE_SEARCH if thorough else DRAG_SEARCH))
        if path is None and not thorough:
            plain = self._corners[link.id] = plain_path(start, goal)
            self._unfree.add(link.id)
            return plain
        path = (path or stairs_path(obs, start, goal, ignore)
                or search_path(obs, [start], [goal], ignore)
                or search_path(obs, [start], [goal], ignore, window=WIDE_WINDOW)
                or search_path(obs, [start], [goal], ignore, window=None))
        free = True
        if path is None:
            starts = all_ports(obs, link.source, outward=True)
            goals = all_ports(obs, link.target, outward=False)
            path = search_path(obs, starts, goals, ignore, window=None) if starts and goals else None
        if path is None:
            free = False
            path = search_path(obs, [start], [goal], ignore, allow_hits=True) or [start[:2], (end[0], start[1]),
                                                                                  end[:2]]
        corners = self._corners[link.id] = simplify(path)
        if free:
            self._unfree.discard(link.id)
        else:
            self._unfree.add(link.id)
        return corners

    def _preview(self, link: LinkSpec) -> None:
        """A plain path between the link's ports, not checked against the boxes."""
        source_side, target_side = self._sides[link.id]
        source, target = self._obs.boxes[link.source], self._obs.boxes[link.target]
        start = port_point(source, source_side, self._along[0][link.id])
        end = port_point(target, target_side, self._along[1][link.id])
        self._corners[link.id] = plain_path(start, (end[0], end[1], (target_side + 2) % 4))
        self._unfree.add(link.id)

    def _height(self, link: LinkSpec) -> float:
        """How far down the map a link lies (four times the mean y of its boxes' centres)."""
        a, b = self._obs.boxes[link.source], self._obs.boxes[link.target]
        return a[1] + a[3] + b[1] + b[3]

    def _reach(self, link_id: str) -> float:
        link = self._links[link_id]
        a, b = self._obs.boxes[link.source], self._obs.boxes[link.target]
        return abs(a[0] + a[2] - b[0] - b[2]) + abs(a[1] + a[3] - b[1] - b[3])

    def _place_note(self, note_id: str) -> None:
        note = next(n for n in self.data.notes if n.id == note_id)
        self._space.remove(note_id)
        rect, moved = place_note(note_id, note.centre, note.size, self._space)
        line = leader(self._obs, rect, note.target) if note.target is not None else None
        self.result.notes[note_id] = NoteCallout(rect, line, moved)

    def _draw(self, link_id: str, preview: bool = False) -> None:
        link = self._links[link_id]
        held = self._corners.pop(link_id)  # from now on, the LinkRoute's
        corners = held if isinstance(held, list) else unpack_points(held)
        # A preview is drawn as its corners; a route keeps which corners stay sharp, and its
        # rounded points are made when a drawing asks (LinkRoute.points).
        ignore = self._ignore.pop(link_id, ()) if self._once else self._ignore.get(link_id, ())
        sharp = 0 if preview else sharp_corners(self._obs, corners, ignore or (link.source, link.target))
        free = link_id not in self._unfree
        self._unfree.discard(link_id)
        label = None
        if link.label and preview:
            label = preview_label(link_id, link.label, corners, self._space)
        elif link.label:
            lines = self._lines
            hidden = None if lines is None else (lambda rect: lines.covered(rect, link_id))
            label = place_label(link_id, link.label, corners, self._space, hidden)
        self.result.links[link_id] = LinkRoute(
            link.source, link.target, tuple(corners) if preview else None, held,
            label.rect if label is not None else None,
            label.pixel_size if label is not None else LABEL_SIZE,
            label.anchor if label is not None else None,
            free, sharp,
        )


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _length(points: Iterable[Point]) -> float:
    pts = list(points)
    return sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in zip(pts, pts[1:], strict=False))
