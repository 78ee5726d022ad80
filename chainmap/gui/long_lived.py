"""A big map's objects kept out of Python's cyclic garbage collector while it is open.

Loading a 20,000-segment map makes millions of small objects (segments, their regions'
entries, enterprises, lists) that live as long as the map is open and form no garbage.
Python's collector would walk every one of them again as it moves them to older generations
and then, now and again, in a full collection: 0.2–0.4 s each time at 20,000 segments and
seconds at 100,000, at moments nobody chose (while the user pans, or right after the map is
shown). :func:`keep` moves every object alive into the collector's permanent generation
(CPython's ``gc.freeze``, which costs nothing); :func:`let_go` gives them back when such a
map is closed or replaced, so the cycles it leaves behind are collected. The next
:func:`keep` collects those first, so no garbage is frozen with the new map.
"""

from __future__ import annotations

import gc

__all__ = ["keep", "let_go"]

_thawed = False  # a map was let go since the last collection: its cycles wait in the heap


def keep() -> None:
    """A big map was just loaded (and is about to be drawn): keep what is alive out of
    the collector's walks."""
    global _thawed
    if _thawed:
        gc.collect()
        _thawed = False
    gc.freeze()


def let_go() -> None:
    """A map passed to :func:`keep` is closed or replaced: the collector sees every object
    again (those of maps still open too, until the next :func:`keep`)."""
    global _thawed
    gc.unfreeze()
    _thawed = True
