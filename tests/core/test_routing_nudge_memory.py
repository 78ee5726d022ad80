"""The nudging holds each movable segment of one axis as a few flat numbers (a big map's
nudging held them all at once, as objects and then as seven doubles each, and was the
peak of its routing) and places them a corridor at a time; the routes come out as the
plain way, every segment an object, found them."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from chainmap.core.layout.engine import apply_positions, compute_layout
from chainmap.core.routing import Router, nudge, router, routing_input
from chainmap.core.routing.nudge import _apply, _corridor, _fit, _overlapping, _place, _Segment, _snap
from chainmap.core.routing.obstacles import Obstacles
from chainmap.core.routing.result import pack_points, unpack_points
from tests.render.bigmap import make_big_map


@dataclass
class _Before:
    """What the routing handed the nudging."""

    obs: Obstacles
    routes: dict[str, bytes]
    ignores: dict[str, tuple[str, ...]]


@pytest.fixture(scope="module")
def before_nudging() -> _Before:
    """A laid-out map's routes just before the nudging (its routes packed, as a whole map's
    routing gives them)."""
    chain_map = make_big_map(2500, 4000)
    apply_positions(chain_map, compute_layout(chain_map))
    seen: list[_Before] = []
    real = router.nudge

    def watch(obs, routes, ignores, occupied=None, keep=True):  # type: ignore[no-untyped-def]
        seen.append(_Before(obs, dict(routes), dict(ignores)))
        return real(obs, routes, ignores, occupied, keep)

    mp = pytest.MonkeyPatch()
    mp.setattr(router, "nudge", watch)
    try:
        Router(routing_input(chain_map)).route_all(drags=False)
    finally:
        mp.undo()
    assert len(seen) == 1 and all(isinstance(r, bytes) for r in seen[0].routes.values())
    return seen[0]


def _plainly(obs: Obstacles, routes: dict[str, bytes], ignores: dict[str, tuple[str, ...]]) -> int:
    """The nudging done plainly: every segment of an axis an object, grouped by corridor in
    the order found. Changes ``routes``; returns how many segments were placed."""
    placed = 0
    for axis in (0, 1):
        other = 1 - axis
        found: list[tuple[str, list, list[_Segment]]] = []
        for link, held in routes.items():
            points = list(unpack_points(held))
            last = len(points) - 2
            segments = []
            for s in range(1, last):
                a, b = points[s], points[s + 1]
                if abs(a[axis] - b[axis]) > 1e-9:
                    continue
                coord = a[axis]
                low, high = sorted((a[other], b[other]))
                lo, hi, stuck = _corridor(obs, axis, coord, low, high, ignores.get(link, ()))
                if stuck:
                    continue
                if axis == 1:
                    lo = max(lo, obs.y_min)
                fit_lo, fit_hi, first_side, second_side = _fit(points, s, last, axis, coord, lo, hi)
                if fit_lo <= fit_hi:
                    segments.append(_Segment(link, s, coord, low, high, lo, hi, fit_lo, fit_hi, a[other], first_side,
                                             b[other], second_side, (_snap(lo, coord, -1), _snap(hi, coord, 1))))
            found.append((link, points, segments))
        groups: dict[tuple[float, float], list[_Segment]] = {}
        for _, _, segments in found:
            for seg in segments:
                groups.setdefault(seg.key, []).append(seg)
                placed += 1
        for members in groups.values():
            for component in _overlapping(members):
                _place(component)
        for link, points, segments in found:
            _apply(points, segments, axis)
            routes[link] = pack_points(points)
    return placed


@pytest.mark.parametrize("keep", [False, True])
def test_the_nudged_routes_are_those_of_the_plain_nudging(before_nudging: _Before, keep: bool) -> None:
    b = before_nudging
    plain = dict(b.routes)
    count = _plainly(b.obs, plain, b.ignores)
    nudged = dict(b.routes)
    placed = nudge.nudge(b.obs, nudged, b.ignores, keep=keep)
    assert count > 8_000
    changed = [link for link in plain if plain[link] != b.routes[link]]
    assert len(changed) > len(plain) // 3  # the nudging did move many routes
    assert nudged == plain  # to the bit
    if keep:  # a drag's: every placed segment filed, six numbers each
        assert sum(len(flat) for flat in placed.values()) == 6 * count
    else:
        assert placed == {}
    # A route none of whose points moved is not packed again.
    same = [link for link in plain if plain[link] == b.routes[link]]
    assert same and all(nudged[link] is b.routes[link] for link in same)


def test_the_nudging_holds_a_few_numbers_a_segment(before_nudging: _Before, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each axis's segments wait to be placed in flat arrays: 32 bytes a segment (ids,
    corridor ends, target) and its 4-byte number in its run, not the 64 of seven doubles and
    a target (or the hundreds of an object); objects are made for one run at a time."""
    b = before_nudging
    stores: list[tuple[int, int, int, int]] = []  # segments, bytes in flat arrays, filed in runs, largest run
    real = nudge._place_all

    def place_all(store: nudge._Store) -> None:
        flat = sum(sys.getsizeof(numbers) for numbers in (store.ids, store.ends, store.targets))
        assert all(run.itemsize == 4 for run in store.runs.values())
        filed = sum(len(run) for run in store.runs.values())
        stores.append((len(store), flat, filed, max(len(run) for run in store.runs.values())))
        real(store)
        assert not store.runs  # each run let go of once placed

    monkeypatch.setattr(nudge, "_place_all", place_all)
    nudge.nudge(b.obs, dict(b.routes), b.ignores, keep=False)
    assert len(stores) == 2
    for count, flat, filed, largest in stores:
        assert count > 4000
        assert flat < 36 * count + 1024, (count, flat)
        assert filed == count
        assert largest < count / 4  # the segments made objects at once: those of one run
