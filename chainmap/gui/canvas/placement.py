"""Where boxes go in the editor: segments that came without a position, and new segments.

A map written by another tool or by hand may leave out ``x``/``y``; :func:`place_unpositioned`
gives those segments the same places ``chainmap layout --only-new`` (and ``chainmap export``)
would, as one undo step, so nothing in the file is hidden. A segment added by double-click, the
toolbar or a paste goes to the free spot nearest to where it was asked for
(:func:`free_spot_in_tier`, the geometry being :mod:`chainmap.core.layout.free_spot`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH, Rect
from chainmap.core.layout.free_spot import Line, Point, block_rect, nearest_free_spot
from chainmap.core.model import ChainMap, Node, Note

from .edit_ops import layout_command

if TYPE_CHECKING:
    from chainmap.render.scene import MapScene

    from ..document import Document


def unplaced_ids(chain_map: ChainMap) -> list[str]:
    """The segments that have no position."""
    return [n.id for n in chain_map.nodes if n.x is None or n.y is None]


def place_unpositioned(document: Document) -> int:
    """Place every segment without a position as the command line's ``--only-new`` does, as
    one undo step (so the document shows modified); returns how many were placed."""
    if not unplaced_ids(document.chain_map):
        return 0
    command = layout_command(document.chain_map, only_new=True)
    if command is None:
        return 0
    count = len(command.changes)
    command.setText(placed_text(count, undo=True))
    return count if document.push(command) else 0


def placed_text(count: int, undo: bool = False) -> str:
    """"Placed 8 segments that had no position" (or the undo step's name with ``undo``)."""
    if undo:
        return QCoreApplication.translate("Placement", "Place %n segment(s) that had no position", None, count)
    return QCoreApplication.translate(
        "Placement", "Placed %n segment(s) that had no position; the file changes only when you save.", None, count)


# ------------------------------------------------------------------ free spots
def obstacles(scene: MapScene, chain_map: ChainMap, skip: Iterable[str] = ()) -> list[Rect]:
    """What a new box must not touch: every top-level segment's frame and every note."""
    skipped = set(skip)
    rects = []
    for node in chain_map.nodes:
        if node.parent is None and node.id not in skipped and node.x is not None and node.y is not None:
            frame = scene.segment_frame(node.id)
            if not frame.isEmpty():
                rects.append(Rect(frame.left(), frame.top(), frame.right(), frame.bottom()))
    for item in scene.items_of("note").values():
        if item.isVisible():
            box = item.overview()  # type: ignore[attr-defined]
            rects.append(Rect(box.left(), box.top(), box.right(), box.bottom()))
    return rects


def link_lines(chain_map: ChainMap) -> list[Line]:
    """The links as straight lines between their segments' centres."""
    lines = []
    for edge in chain_map.edges:
        a, b = chain_map.node(edge.source), chain_map.node(edge.target)
        if a.x is not None and a.y is not None and b.x is not None and b.y is not None:
            lines.append(Line(a.x, a.y, b.x, b.y))
    return lines


def band_range(scene: MapScene, tier: str) -> tuple[float, float] | None:
    """The x extent of ``tier``'s band on the canvas."""
    for band in scene.bands():
        if band.tier == tier:
            return band.left, band.right
    return None


def free_spot_in_tier(scene: MapScene, chain_map: ChainMap, tier: str, want: Point,
                      size: Point = (SEGMENT_WIDTH, SEGMENT_HEIGHT), extra: Iterable[Rect] = ()) -> Point:
    """The centre, rounded to 0.1, nearest ``want`` where a ``size`` box sits in ``tier``'s
    band on no other box and no note (nor, where that is cheap, on a link)."""
    found = nearest_free_spot(want, [*obstacles(scene, chain_map), *extra], size=size,
                              x_range=band_range(scene, tier), lines=link_lines(chain_map))
    return round(found[0], 1), round(found[1], 1)


def spread_pasted(scene: MapScene, chain_map: ChainMap, nodes: list[Node], notes: list[Note]) -> None:
    """Move each pasted block (a top-level pasted segment with its pasted sub-segments and
    the notes pointing at them) to the free spot nearest to where it would land, clear of the
    map and of the blocks placed before it. Changes the objects' positions in place."""
    by_id = {node.id: node for node in nodes}
    children: dict[str, list[str]] = {}
    for node in nodes:
        if node.parent in by_id:
            children.setdefault(node.parent, []).append(node.id)
    positions = {n.id: (n.x, n.y) for n in nodes if n.x is not None and n.y is not None}
    placed: list[Rect] = []
    for root in [n for n in nodes if n.parent not in by_id]:
        rect = block_rect(positions, children, root.id)
        if rect is None:
            continue
        centre = rect.center
        spot = free_spot_in_tier(scene, chain_map, root.tier, centre, (rect.width, rect.height), placed)
        dx, dy = spot[0] - centre[0], spot[1] - centre[1]
        members = {root.id}
        stack = [root.id]
        while stack:
            for child in children.get(stack.pop(), ()):
                members.add(child)
                stack.append(child)
        for member in members:
            node = by_id[member]
            if node.x is not None and node.y is not None:
                node.x, node.y = round(node.x + dx, 1), round(node.y + dy, 1)
        for note in notes:
            if note.node in members:
                note.x, note.y = round(note.x + dx, 1), round(note.y + dy, 1)
        placed.append(rect.adjusted(dx, dy, dx, dy))
