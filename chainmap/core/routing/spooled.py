"""A big map's routes kept on disk while its export paints, read back one link at a time.

A 100,000-segment map laid out for a page has 160,000 routes of some twenty corners each:
about 110 MB as :class:`~.result.LinkRoute` objects, scattered through the pages the routing
used, so that those pages stay the process's after the router is gone. An export paints its
bands from the top and needs each link's route once or twice, when its item is made; so
:class:`SpooledRoutes` writes the corners to an unnamed temporary file (gone with the
process, even one killed) and keeps in memory only flat arrays of the rest (where each
link's corners are, its label's rectangle, its anchor, which corners stay sharp). A route
read back is the very one written: the same floats, the same :class:`~.result.LinkRoute`.
"""

from __future__ import annotations

import math
import os
import tempfile
import weakref
from array import array
from collections.abc import Iterator, Mapping

from .result import LinkRoute

_NONE = math.nan  # a label or anchor there is not (no route's coordinate is NaN)
_WRITE_AT_ONCE = 1 << 20  # bytes of corners gathered before one write


class SpooledRoutes(Mapping[str, LinkRoute]):
    """Routes by link id, their corners in a temporary file. Raises :class:`OSError` when
    the file cannot be made or written (keep the routes in memory then)."""

    def __init__(self, links: Mapping[str, LinkRoute]) -> None:
        handle = tempfile.TemporaryFile(prefix="chainmap-routes-")
        self._fd = handle.fileno()
        self._handle = handle
        weakref.finalize(self, handle.close)
        self._index: dict[str, int] = {}
        self._ends: list[str] = []  # source and target of each link, in turn
        self._starts = array("q", [0])  # where each link's corners begin in the file; then the end
        self._labels = array("d")  # left, top, right, bottom (NaN: no label)
        self._anchors = array("d")  # x, y (NaN: none)
        self._sizes = array("H")  # label pixel size
        self._sharp = array("q")
        self._free = bytearray()
        self._polylines: dict[int, tuple[tuple[float, float], ...]] = {}  # the few given as drawn
        pending: list[bytes] = []
        waiting = 0
        end = 0
        for number, (link_id, route) in enumerate(links.items()):
            self._index[link_id] = number
            self._ends += (route.source, route.target)
            packed = route.packed
            pending.append(packed)
            waiting += len(packed)
            end += len(packed)
            self._starts.append(end)
            self._labels.extend(route.label if route.label is not None else (_NONE,) * 4)
            self._anchors.extend(route.label_anchor if route.label_anchor is not None else (_NONE,) * 2)
            self._sizes.append(route.label_pixel_size)
            self._sharp.append(route.sharp)
            self._free.append(route.free)
            if route.polyline is not None:
                self._polylines[number] = route.polyline
            if waiting >= _WRITE_AT_ONCE:
                handle.write(b"".join(pending))
                pending, waiting = [], 0
        handle.write(b"".join(pending))
        handle.flush()

    def __getitem__(self, link_id: str) -> LinkRoute:
        number = self._index[link_id]
        start, end = self._starts[number], self._starts[number + 1]
        packed = os.pread(self._fd, end - start, start) if end > start else b""
        if len(packed) != end - start:
            raise OSError(f"the routes' temporary file lost the corners of link {link_id}")
        left, top, right, bottom = self._labels[4 * number : 4 * number + 4]
        x, y = self._anchors[2 * number : 2 * number + 2]
        return LinkRoute(
            self._ends[2 * number], self._ends[2 * number + 1], self._polylines.get(number), packed,
            label=None if math.isnan(left) else (left, top, right, bottom),
            label_pixel_size=self._sizes[number],
            label_anchor=None if math.isnan(x) else (x, y),
            free=bool(self._free[number]), sharp=self._sharp[number],
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, link_id: object) -> bool:
        return link_id in self._index
