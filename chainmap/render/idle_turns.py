"""Idle work takes turns: one slice of it per pass of the event loop.

An editor on a big map has several pieces of work done "while idle", each in slices of a few
milliseconds on a zero-interval timer: routing the links, making the scene's items, filling
the docks' lists, warming the search, preparing the autosave. Qt fires every timer that is due
in one go, so when four of them are due together their slices run back to back and the window
waits for all four (on a 100,000-segment map that summed to more than 100 ms while panning).

A slice that asks :func:`may_run` first runs only when no other slice ended just before it in
the same pass; otherwise it returns at once and its timer brings it back on the next pass,
after the paint and the input waiting in between. :func:`ran` marks the end of a slice.
Work kept waiting longer than :data:`MAX_WAIT` runs anyway, so none is put off for ever by
the others. Qt-free: only the clock.
"""

from __future__ import annotations

import time

SAME_PASS = 0.001
"""A slice that starts less than this (seconds) after another ended runs in the same pass."""
MAX_WAIT = 0.25
"""Seconds a piece of work may be kept waiting before it runs anyway."""

_last_end = float("-inf")
_waiting_since: dict[int, float] = {}


def may_run(worker: object) -> bool:
    """True when ``worker`` may run a slice now: no other slice ended in this pass of the
    event loop (or ``worker`` has waited :data:`MAX_WAIT` already). Call :func:`ran` after
    the slice."""
    now = time.perf_counter()
    key = id(worker)
    if now - _last_end >= SAME_PASS:
        _waiting_since.pop(key, None)
        return True
    since = _waiting_since.setdefault(key, now)
    if now - since >= MAX_WAIT:
        del _waiting_since[key]
        return True
    return False


def ran() -> None:
    """A slice of idle work ended now."""
    global _last_end
    _last_end = time.perf_counter()


def forget(worker: object) -> None:
    """``worker`` has no more slices to run (it stopped or went away)."""
    _waiting_since.pop(id(worker), None)
