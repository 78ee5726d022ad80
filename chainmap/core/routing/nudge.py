"""Nudging: spreading the routes' inner segments across the free channels they run in.

The search leaves routes on box borders and on top of each other. Here every segment that
is not a port stub slides sideways inside its *corridor*, the free stretch between the
nearest boxes on either side over the segment's length (so it never enters a box, and the
segments joined to it only grow or shrink within that free stretch). Segments of one
corridor whose lengths overlap are put in an order that crosses the fewest of each other's
arms, given tracks (a segment shares a track with those it does not overlap), and the tracks
are spread evenly across the corridor: parallel links run side by side, evenly spaced,
instead of on one line. Vertical segments go first, then horizontal ones.
"""

from __future__ import annotations

import math
import struct
from array import array
from bisect import bisect_left
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cmp_to_key

from .gridcells import cell_span
from .obstacles import EPS, Box, Obstacles, Point
from .result import pack_points, unpack_points

REACH = 96.0  # how far to look for the boxes bounding a corridor
CLEAR = 16.0  # distance kept from a box on a corridor's open side
SPACING = 8.0  # between tracks in open space
MIN_STUB = 2.0  # shortest first or last segment (from a port)
MIN_RUN = 1.0  # shortest inner segment
BAND = 64.0  # open corridors are grouped in bands of this width


@dataclass(slots=True)
class _Segment:
    """One movable segment: link, index of its first point, position, span, corridor, the
    two arms joined to its ends (where each meets it along the span, and whether it leaves
    towards the low side, -1, or the high side, 1), and where it is to go (once placed).
    Plain numbers, not tuples: a big map's nudging holds every segment of one axis at once."""

    link: str
    index: int
    coord: float
    low: float  # span
    high: float
    lo: float  # the corridor between boxes
    hi: float
    fit_lo: float  # also keeping the joined segments from vanishing
    fit_hi: float
    first_at: float
    first_side: int
    second_at: float
    second_side: int
    key: tuple[float, float]
    target: float | None = None


Corridor = tuple[int, tuple[float, float]]  # axis, and the corridor's (snapped) ends
Track = tuple[float, float, float]  # position across the corridor, span start, span end
# A link's nudged segments, six numbers each: axis, corridor ends, position, span start and end
# (Tracks keeps them as the bytes of C doubles: a big map holds one per link).
Placed = dict[str, array]
SPAN_CELL = 256.0


def placed_tracks(flat: array | bytes) -> Iterator[tuple[Corridor, Track]]:
    """The segments of one link as :func:`nudge` returns them (or their bytes): (corridor,
    track) each."""
    if isinstance(flat, bytes):
        flat = array("d", flat)
    for i in range(0, len(flat), 6):
        yield (int(flat[i]), (flat[i + 1], flat[i + 2])), (flat[i + 3], flat[i + 4], flat[i + 5])


class Tracks:
    """The nudged segments of every link by corridor, found by where their spans lie.

    The segments are kept as :func:`nudge` returns them (a few numbers per link); the index
    by corridor and cell is built by :meth:`index` or when first asked (a drag), so routing a
    whole map for an export never holds it."""

    def __init__(self) -> None:
        self._placed: dict[str, bytes] = {}
        self._cells: dict[tuple[Corridor, int | None], dict[str, list[Track]]] | None = None
        self._of: dict[str, set[tuple[Corridor, int | None]]] = {}

    def add(self, placed: Placed) -> None:
        """File links' segments (as :func:`nudge` returns them), replacing their old ones."""
        for link in placed:
            self.remove(link)
        for link, flat in placed.items():
            self._placed[link] = flat.tobytes()
            if self._cells is not None:
                self._index(self._cells, link, flat)

    def remove(self, link: str) -> None:
        """Forget a link's segments."""
        self._placed.pop(link, None)
        if self._cells is None:
            return
        for key in self._of.pop(link, ()):
            held = self._cells.get(key)
            if held is not None:
                held.pop(link, None)

    def _index(self, cells: dict[tuple[Corridor, int | None], dict[str, list[Track]]], link: str,
               flat: array | bytes) -> None:
        where = self._of.setdefault(link, set())
        for corridor, track in placed_tracks(flat):
            # A span over too many cells is filed under None: a candidate for every query.
            span = cell_span(track[1], track[2], SPAN_CELL)
            for cell in span if span is not None else (None,):
                cells.setdefault((corridor, cell), {}).setdefault(link, []).append(track)
                where.add((corridor, cell))

    def index(self) -> dict[tuple[Corridor, int | None], dict[str, list[Track]]]:
        """The index by corridor and cell, built now if it is not yet."""
        cells = self._cells
        if cells is None:
            cells = self._cells = {}
            for link, flat in self._placed.items():
                self._index(cells, link, flat)
        return cells

    def near(self, corridor: Corridor, low: float, high: float, skip: Container[str]) -> list[Track]:
        """Segments in ``corridor`` whose spans overlap ``low``..``high`` (not of ``skip``)."""
        cells = self.index()
        found: dict[Track, None] = {}
        span = cell_span(low, high, SPAN_CELL)
        if span is None:
            keys: list[tuple[Corridor, int | None]] = [key for key in cells if key[0] == corridor]
        else:
            keys = [(corridor, cell) for cell in span]
            if (corridor, None) in cells:
                keys.append((corridor, None))
        for key in keys:
            for link, tracks in cells.get(key, {}).items():
                if link not in skip:
                    for track in tracks:
                        if track[1] < high - EPS and track[2] > low + EPS:
                            found[track] = None
        return list(found)


class _Store:
    """Every movable segment of one axis in flat arrays (a big map's nudging holds them all
    at once), 32 bytes a segment and 4 more in its run: in ``ids``, its link's number, its
    index, the sides its arms leave towards and whether its first point is its low end, in
    one integer; in ``ends``, its corridor's two ends; in ``targets``, where it is to go (NaN:
    stays). Its position and span are read again from its route (unchanged until the
    segments are applied), its corridor's key worked out again (:func:`_snap`), its fit
    (:func:`_fit`) from the route when it is applied. :meth:`segment` makes the object of
    one when it is placed or applied. The segments are also filed in ``runs``, by the first
    number of their corridor's key, in the order they were found."""

    def __init__(self, routes: dict[str, list[Point] | bytes], axis: int) -> None:
        self.routes = routes
        self.links = list(routes)  # the routes' link ids, in order
        self.axis = axis
        self.ids = array("q")
        self.ends = array("d")
        self.targets = array("d")
        self.runs: dict[float, array] = {}

    def __len__(self) -> int:
        return len(self.targets)

    def add(self, link: int, index: int, first_side: int, second_side: int, first_low: bool, coord: float,
            lo: float, hi: float) -> None:
        number = len(self.targets)
        self.ids.append(link << 32 | index << 3 | (first_side > 0) << 2 | (second_side > 0) << 1 | first_low)
        self.ends.extend((lo, hi))
        self.targets.append(math.nan)
        first = _snap(lo, coord, -1)
        run = self.runs.get(first)
        if run is None:
            run = self.runs[first] = array("i")
        run.append(number)

    def link_of(self, i: int) -> int:
        return self.ids[i] >> 32

    def segment(self, i: int) -> _Segment:
        """Segment ``i`` (its fit not worked out: NaN)."""
        packed = self.ids[i]
        link, index = packed >> 32, (packed & 0xFFFFFFFF) >> 3
        lo, hi = self.ends[2 * i], self.ends[2 * i + 1]
        route = self.routes[self.links[link]]
        if isinstance(route, list):
            (ax, ay), (bx, by) = route[index], route[index + 1]
        else:
            ax, ay, bx, by = _TWO_POINTS.unpack_from(route, 16 * index)
        if self.axis == 0:
            coord, first_at, second_at = ax, ay, by
        else:
            coord, first_at, second_at = ay, ax, bx
        low, high = (first_at, second_at) if packed & 1 else (second_at, first_at)
        target = self.targets[i]
        return _Segment(self.links[link], index, coord, low, high, lo, hi, math.nan, math.nan, first_at,
                        1 if packed & 4 else -1, second_at, 1 if packed & 2 else -1,
                        (_snap(lo, coord, -1), _snap(hi, coord, 1)), None if math.isnan(target) else target)

    def keep(self, segments: Iterable[tuple[int, _Segment]]) -> None:
        """Note where ``segments`` (each after its number here) are to go."""
        for i, seg in segments:
            self.targets[i] = math.nan if seg.target is None else seg.target


_TWO_POINTS = struct.Struct("4d")  # a segment's two points, in a packed route


def nudge(obs: Obstacles, routes: dict[str, list[Point] | bytes], ignores: dict[str, tuple[str, ...]],
          occupied: Tracks | None = None, keep: bool = True) -> Placed:
    """Spread the inner segments of ``routes`` (changed in place) across their corridors.

    A route is a list of points (changed in place) or packed (:func:`~.result.pack_points`:
    replaced by the route packed again, when a segment moved), so that a whole map's routes
    wait packed.

    With ``occupied`` (the segments of the other links, already in place), the segments of
    ``routes`` are only fitted into the widest free gap among them and the others stay put:
    a drag re-routes a few links without moving all their neighbours. Returns the segments
    of ``routes`` as they ended, by link (nothing, not ``keep``: no drag will follow)."""
    placed: Placed = {}
    for axis in (0, 1):
        store = _Store(routes, axis)
        for number, (link, points) in enumerate(routes.items()):
            _segments(store, obs, number, _listed(points), ignores.get(link, ()), axis)
        if occupied is None:
            _place_all(store)
        else:
            segments = [store.segment(i) for i in range(len(store))]
            for seg in segments:
                others = occupied.near((axis, seg.key), seg.low, seg.high, routes)
                others += [(s.target, s.low, s.high) for s in segments
                           if s.target is not None and s.key == seg.key]
                seg.target = _gap(seg, others)
            store.keep(enumerate(segments))
            del segments
        _apply_all(store, routes, axis, placed if keep else None)
        del store  # before the next axis's are made
    return placed


def _place_all(store: _Store) -> None:
    """Place every stored segment among those of its corridor (those of one key), a run of
    one first key number at a time (letting go of each run once placed)."""
    runs = store.runs
    while runs:
        _, run = runs.popitem()
        groups: dict[tuple[float, float], list[tuple[int, _Segment]]] = {}
        for i in run:
            seg = store.segment(i)
            groups.setdefault(seg.key, []).append((i, seg))
        del run
        for members in groups.values():
            numbers = {id(seg): i for i, seg in members}
            for component in _overlapping([seg for _, seg in members]):
                _place(component)
                store.keep((numbers[id(seg)], seg) for seg in component)


def _apply_all(store: _Store, routes: dict[str, list[Point] | bytes], axis: int, placed: Placed | None) -> None:
    """Move each route's stored segments where they are to go (and file them in ``placed``)."""
    count = len(store)
    i = 0
    while i < count:  # each link's segments are stored together
        number = store.link_of(i)
        first = i
        while i < count and store.link_of(i) == number:
            i += 1
        if placed is None and all(math.isnan(store.targets[j]) for j in range(first, i)):
            continue  # nothing of this route moves
        ordered = [store.segment(j) for j in range(first, i)]
        link = store.links[number]
        held = routes[link]
        points = held if isinstance(held, list) else list(unpack_points(held))
        last = len(points) - 2
        for seg in ordered:  # from the route as it was found, before any segment moves
            seg.fit_lo, seg.fit_hi, _, _ = _fit(points, seg.index, last, axis, seg.coord, seg.lo, seg.hi)
        moved = _apply(points, ordered, axis)
        if placed is not None:
            flat = placed.get(link)
            if flat is None:
                flat = placed[link] = array("d")
            for seg in ordered:
                a, b = points[seg.index], points[seg.index + 1]
                low, high = (a[1 - axis], b[1 - axis]) if a[1 - axis] <= b[1 - axis] else (b[1 - axis], a[1 - axis])
                flat.extend((axis, seg.key[0], seg.key[1], a[axis], low, high))
        if moved and not isinstance(held, list):
            routes[link] = pack_points(points)


def _gap(seg: _Segment, others: list[tuple[float, float, float]]) -> float:
    """The middle of the widest free gap across the corridor beside the overlapping others."""
    lo, hi = seg.lo, seg.hi
    if math.isinf(lo) and math.isinf(hi):
        lo, hi = seg.coord - CLEAR, seg.coord + CLEAR
    elif math.isinf(lo):
        lo = hi - 2 * CLEAR
    elif math.isinf(hi):
        hi = lo + 2 * CLEAR
    cuts = sorted(c for c, low, high in others if low < seg.high - EPS and high > seg.low + EPS and lo < c < hi)
    edges = [lo, *cuts, hi]
    best = max(range(len(edges) - 1), key=lambda i: edges[i + 1] - edges[i])
    return (edges[best] + edges[best + 1]) / 2


def _segments(store: _Store, obs: Obstacles, link: int, points: Sequence[Point], ignore: tuple[str, ...],
              axis: int) -> None:
    """Store the movable segments of link number ``link``'s route across ``axis`` (0: vertical
    ones, which move in x)."""
    other = 1 - axis
    last = len(points) - 2  # index of the last segment
    for s in range(1, last):
        a, b = points[s], points[s + 1]
        if abs(a[axis] - b[axis]) > 1e-9:
            continue  # runs along the axis: not this pass
        coord = a[axis]
        low, high = (a[other], b[other]) if a[other] <= b[other] else (b[other], a[other])
        lo, hi, stuck = _corridor(obs, axis, coord, low, high, ignore)
        if stuck:
            continue
        if axis == 1:
            lo = max(lo, obs.y_min)
        fit_lo, fit_hi, first_side, second_side = _fit(points, s, last, axis, coord, lo, hi)
        if fit_lo > fit_hi:
            continue
        store.add(link, s, first_side, second_side, a[other] <= b[other], coord, lo, hi)


def _fit(points: Sequence[Point], s: int, last: int, axis: int, coord: float, lo: float,
         hi: float) -> tuple[float, float, int, int]:
    """Where segment ``s`` of a route (``last``: its last segment's index) may go in its
    corridor ``lo``..``hi`` without the segments joined to it vanishing, and the sides its
    arms leave towards (-1 low, 1 high)."""
    # Nothing beyond REACH was looked at: stay within it.
    fit_lo, fit_hi = max(lo, coord - REACH + 1), min(hi, coord + REACH - 1)
    before, after = points[s - 1][axis], points[s + 2][axis]
    if before < coord - EPS:
        fit_lo, first_side = max(fit_lo, before + (MIN_STUB if s == 1 else MIN_RUN)), -1
    else:
        fit_hi, first_side = min(fit_hi, before - (MIN_STUB if s == 1 else MIN_RUN)), 1
    if after < coord - EPS:
        fit_lo, second_side = max(fit_lo, after + (MIN_STUB if s + 1 == last else MIN_RUN)), -1
    else:
        fit_hi, second_side = min(fit_hi, after - (MIN_STUB if s + 1 == last else MIN_RUN)), 1
    return fit_lo, fit_hi, first_side, second_side


def _corridor(obs: Obstacles, axis: int, coord: float, low: float, high: float,
              ignore: tuple[str, ...]) -> tuple[float, float, bool]:
    """The free stretch across ``axis`` around a segment: (low end, high end, inside a box)."""
    lo, hi = -math.inf, math.inf
    if axis == 0:
        region = (coord - REACH, low, coord + REACH, high)
    else:
        region = (low, coord - REACH, high, coord + REACH)
    for entry in obs.near(*region):
        if entry[4] in ignore:
            continue
        box: Box = entry[:4]
        b_lo, b_hi = box[axis], box[axis + 2]
        s_lo, s_hi = box[1 - axis], box[3 - axis]
        if s_lo >= high - EPS or s_hi <= low + EPS:
            continue
        if b_hi <= coord + EPS:
            lo = max(lo, b_hi)
        elif b_lo >= coord - EPS:
            hi = min(hi, b_lo)
        else:
            return lo, hi, True
    return lo, hi, False


def _snap(edge: float, coord: float, side: int) -> float:
    """A corridor edge for grouping: exact at a box, banded in open space."""
    if math.isinf(edge):
        return side * (math.floor(coord / BAND) * BAND + BAND * 1e6)
    return round(edge, 3)


def _overlapping(members: list[_Segment]) -> Iterable[list[_Segment]]:
    """Members in groups whose spans overlap one another (chained)."""
    members = sorted(members, key=lambda seg: (seg.low, seg.high))
    group: list[_Segment] = []
    reach = -math.inf
    for seg in members:
        if group and seg.low >= reach - EPS:
            yield group
            group = []
            reach = -math.inf
        group.append(seg)
        reach = max(reach, seg.high)
    if group:
        yield group


def _crossings(a: _Segment, b: _Segment) -> int:
    """Arms crossed when ``a`` lies on the low side of ``b``."""
    count = 0
    if a.first_side > 0 and b.low + EPS < a.first_at < b.high - EPS:
        count += 1
    if a.second_side > 0 and b.low + EPS < a.second_at < b.high - EPS:
        count += 1
    if b.first_side < 0 and a.low + EPS < b.first_at < a.high - EPS:
        count += 1
    if b.second_side < 0 and a.low + EPS < b.second_at < a.high - EPS:
        count += 1
    return count


def _compare(a: _Segment, b: _Segment) -> int:
    difference = _crossings(a, b) - _crossings(b, a)
    if difference:
        return difference
    if a.coord != b.coord:
        return -1 if a.coord < b.coord else 1
    return -1 if (a.link, a.index) < (b.link, b.index) else (1 if (a.link, a.index) > (b.link, b.index) else 0)


def _place(component: list[_Segment]) -> None:
    """Where each segment of a component goes (its ``target``)."""
    ordered = sorted(component, key=cmp_to_key(_compare)) if len(component) > 1 else component
    tracks = _tracks(ordered)
    count = max(tracks) + 1
    lo = max(seg.lo for seg in component)
    hi = min(seg.hi for seg in component)
    width = min(max(2 * CLEAR, (count + 1) * SPACING), REACH)
    if math.isinf(lo) and math.isinf(hi):
        middle = sum(seg.coord for seg in component) / len(component)
        lo, hi = middle - width / 2, middle + width / 2
    elif math.isinf(lo):
        lo = hi - width
    elif math.isinf(hi):
        hi = lo + width
    for seg, track in zip(ordered, tracks, strict=True):
        target = lo + (hi - lo) * (track + 1) / (count + 1) if hi > lo else seg.coord
        seg.target = target


def _listed(route: list[Point] | bytes) -> Sequence[Point]:
    return route if isinstance(route, list) else unpack_points(route)


def _apply(points: list[Point], segments: list[_Segment], axis: int) -> bool:
    """Move one route's segments to their targets, in order (as :func:`_segments` gives
    them), so that a segment never passes the segments joined to it (their ends may have
    moved already). Whether any point changed."""
    last = len(points) - 2
    moved = False
    for seg in segments:
        target, lo, hi = seg.target, seg.fit_lo, seg.fit_hi
        if target is None:
            continue
        s = seg.index
        coord = points[s][axis]
        for neighbour, first in ((points[s - 1][axis], s - 1 == 0), (points[s + 2][axis], s + 1 == last)):
            gap = MIN_STUB if first else MIN_RUN
            if neighbour < coord - EPS:
                lo = max(lo, neighbour + gap)
            else:
                hi = min(hi, neighbour - gap)
        if lo > hi:
            continue
        margin = min(1.0, (hi - lo) / 2)
        target = min(max(target, lo + margin), hi - margin)
        a, b = points[s], points[s + 1]
        if axis == 0:
            points[s], points[s + 1] = (target, a[1]), (target, b[1])
        else:
            points[s], points[s + 1] = (a[0], target), (b[0], target)
        if target != coord or math.copysign(1.0, target) != math.copysign(1.0, coord):
            moved = True  # (not to the very bit where it was)
    return moved


def _tracks(ordered: list[_Segment]) -> list[int]:
    """A track per segment, low to high in ``ordered``'s order among overlapping segments;
    segments that do not overlap may share a track."""
    tracks: list[int] = []
    # Per track, its segments' spans: they never overlap, so sorted starts find a neighbour.
    starts: list[list[float]] = []
    ends: list[list[float]] = []
    for seg in ordered:
        track = 0
        for t in range(len(starts) - 1, -1, -1):
            i = bisect_left(starts[t], seg.high - EPS) - 1
            if i >= 0 and ends[t][i] > seg.low + EPS:
                track = t + 1
                break
        if track == len(starts):
            starts.append([])
            ends.append([])
        i = bisect_left(starts[track], seg.low)
        starts[track].insert(i, seg.low)
        ends[track].insert(i, seg.high)
        tracks.append(track)
    return tracks
