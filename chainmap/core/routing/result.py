"""The geometry every drawing of a map uses: boxes, routed links with their labels, and note
callouts, in map units; and its JSON form (``chainmap route --json``)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from .obstacles import Box, Point
from .shape import rounded_except


def pack_points(points: Iterable[Point]) -> bytes:
    """Points as the bytes of their coordinates (C doubles, x then y): a route's corners
    weigh some 16 bytes a point so, against about 80 as a tuple of tuples of floats."""
    return array("d", chain.from_iterable(points)).tobytes()


def unpack_points(packed: bytes) -> tuple[Point, ...]:
    """The points :func:`pack_points` packed (the very same floats)."""
    values = memoryview(packed).cast("d").tolist()
    return tuple(zip(values[0::2], values[1::2], strict=True))


@dataclass(frozen=True, slots=True, eq=False, init=False)
class LinkRoute:
    """One drawn link.

    Attributes:
        source, target: the segments whose boxes it joins (a folded parent for a folded-away
            segment).
        polyline: the polyline to draw as given, or None for the corners rounded except the
            ``sharp`` ones (see :attr:`points`).
        corners: the orthogonal route before rounding (kept packed, see :attr:`packed`).
        label: the label's rectangle (left, top, right, bottom), or None without a label.
        label_pixel_size: the pixel size of the label's text (11 unless it had to shrink).
        label_anchor: the point of the route the label belongs to.
        free: False when no path avoids every other box and this one crosses some.
        sharp: with no ``polyline``, the inner corners kept sharp (bit ``i``: ``corners[i + 1]``).
        packed: the corners as :func:`pack_points` packs them (a big map holds a route per link;
            the constructor takes ``corners`` as points, or packed already).
    """

    source: str
    target: str
    polyline: tuple[Point, ...] | None
    packed: bytes
    label: Box | None
    label_pixel_size: int
    label_anchor: Point | None
    free: bool
    sharp: int

    def __init__(self, source: str, target: str, polyline: tuple[Point, ...] | None, corners: Iterable[Point] | bytes,
                 label: Box | None = None, label_pixel_size: int = 11, label_anchor: Point | None = None,
                 free: bool = True, sharp: int = 0) -> None:
        put = object.__setattr__  # frozen: set once, here
        put(self, "source", source)
        put(self, "target", target)
        put(self, "polyline", polyline)
        put(self, "packed", corners if isinstance(corners, bytes) else pack_points(corners))  # bytes: packed
        put(self, "label", label)
        put(self, "label_pixel_size", label_pixel_size)
        put(self, "label_anchor", label_anchor)
        put(self, "free", free)
        put(self, "sharp", sharp)

    @property
    def corners(self) -> tuple[Point, ...]:
        """The orthogonal route before rounding (made from :attr:`packed` on each call)."""
        return unpack_points(self.packed)

    @property
    def points(self) -> tuple[Point, ...]:
        """The polyline to draw, from the source box's border to the target box's border
        (corners rounded and flattened); the arrow points along its last piece. Made afresh
        from the corners on each call when no ``polyline`` was given: read it once per use."""
        if self.polyline is not None:
            return self.polyline
        return rounded_except(self.corners, self.sharp)

    def _key(self) -> tuple[object, ...]:
        return (self.source, self.target, self.points, self.corners, self.label, self.label_pixel_size,
                self.label_anchor, self.free)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LinkRoute):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


@dataclass(frozen=True)
class NoteCallout:
    """One note's callout: rectangle (left, top, right, bottom), leader polyline (from the
    callout to its segment's box; None without one), and whether it moved off a box."""

    rect: Box
    leader: tuple[Point, ...] | None
    moved: bool = False


@dataclass
class RouteSet:
    """Boxes by segment id, links by link id, notes by note id (only what is drawn)."""

    boxes: dict[str, Box] = field(default_factory=dict)
    links: dict[str, LinkRoute] = field(default_factory=dict)
    notes: dict[str, NoteCallout] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The plain form: rectangles as [x, y, w, h], points as [x, y], 2 decimals."""
        return {
            "boxes": {box_id: _xywh(box) for box_id, box in self.boxes.items()},
            "links": {
                link_id: {"points": [_point(p) for p in route.points],
                          "label": _xywh(route.label) if route.label is not None else None}
                for link_id, route in self.links.items()
            },
            "notes": {
                note_id: {"box": _xywh(note.rect),
                          "leader": [_point(p) for p in note.leader] if note.leader is not None else None}
                for note_id, note in self.notes.items()
            },
        }


def _num(value: float) -> float | int:
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def _xywh(box: Box) -> list[float | int]:
    return [_num(box[0]), _num(box[1]), _num(box[2] - box[0]), _num(box[3] - box[1])]


def _point(point: Point) -> list[float | int]:
    return [_num(point[0]), _num(point[1])]
