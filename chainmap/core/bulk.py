"""Helpers for work on many objects at once, shared by the core and the painter."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
