"""Helpers for work on many objects at once, shared by the core and the painter."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold Python's cyclic garbage collector for the block, then restore it as it was.

    For bulk work that makes many objects which form no cycles and live until it ends (a merge
    makes hundreds of thousands of small dicts and lists; a big map's scene, thousands of
    items): the collector would walk them again and again for no cycle to find (a third of a
    5,000-segment merge, a quarter of a big scene's build)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Who keeps objects out of the collector (see keep_out_of_collector): ids of the holders.
_keepers: set[int] = set()
_thawed = False  # everything was given back since the last collection: its cycles wait in the heap


def keep_out_of_collector(holder: object) -> None:
    """Move every object alive now into the collector's permanent generation (``gc.freeze``)
    on behalf of ``holder`` (an open big map, a scene whose routes live as long as it): objects
    that live for hours and form no garbage are not walked again and again, which stalls the
    editor for hundreds of milliseconds at a time on a big map. Called again, it adds what was
    made since. The first call after everything was given back collects first, so no garbage
    is frozen."""
    global _thawed
    if _thawed and not _keepers:
        gc.collect()
        _thawed = False
    gc.freeze()
    _keepers.add(id(holder))


def give_back_to_collector(holder: object) -> None:
    """``holder`` no longer keeps its objects: when no holder is left, the collector walks
    every object again (``gc.unfreeze``), so the cycles of what was closed are collected."""
    global _thawed
    if id(holder) not in _keepers:
        return
    _keepers.discard(id(holder))
    if not _keepers:
        gc.unfreeze()
        _thawed = True


def _c_library() -> Any:
    """The C library, when it is glibc (which has ``malloc_trim``); else None."""
    try:
        library = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return library if hasattr(library, "malloc_trim") else None
    except OSError:
        return None


_LIBC = _c_library() if sys.platform.startswith("linux") else None


def give_back_freed_memory() -> bool:
    """Hand the memory freed inside the process back to the system (glibc's
    ``malloc_trim``), after big work let go of many blocks: otherwise the freed blocks stay
    the process's, and the next work (the routing's nudging, an export's painting) takes
    fresh pages beside them. True when it could be asked (Linux with glibc)."""
    if _LIBC is None:
        return False
    _LIBC.malloc_trim(0)
    return True
