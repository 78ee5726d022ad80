"""What the router needs from a map, as plain data: the boxes drawn, the links between them,
their labels, and the notes.

A segment folded away (below a folded parent) has no box; its links are drawn to the box of
its topmost folded ancestor, as the canvas draws them, and a link whose two ends are then the
same box is not drawn. A segment without a position has no box and its links are not drawn.
Boxes are the segments' own boxes (:func:`chainmap.core.geometry.own_box`): a parent's frame
is no obstacle, a link may cross it to reach a sub-segment, but not the parent's own box.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from chainmap.core.geometry import frame, own_box
from chainmap.core.model import ChainMap

from .labels import LabelText, region_short
from .notes import callout_size
from .obstacles import Box

HEADER_GAP = 16.0  # between the header and the topmost frame (the scene's band extent)
NOTE_MARGIN = 8.0
# A position may be any finite number, up to 1.8e308; the routing adds and halves
# coordinates, which past this would overflow to infinity (and NaN). A box further out is
# routed as if it stood here: out of any view either way.
FAR = 1e300


def _within(value: float) -> float:
    return min(max(value, -FAR), FAR)


@dataclass(frozen=True)
class LinkSpec:
    """A link to draw: its id, the boxes (segment ids) it joins, and its label."""

    id: str
    source: str
    target: str
    label: LabelText = LabelText("")


@dataclass(frozen=True)
class NoteSpec:
    """A note to draw: id, text, centre, callout size, and the box it points at (or None)."""

    id: str
    centre: tuple[float, float]
    size: tuple[float, float]
    target: str | None


@dataclass
class RoutingInput:
    """Boxes by segment id, links and notes in file order, and the tier header's bottom
    edge (routes stay below it; None for no header)."""

    boxes: dict[str, Box]
    links: list[LinkSpec] = field(default_factory=list)
    notes: list[NoteSpec] = field(default_factory=list)
    header_bottom: float | None = None


def shown_as(chain_map: ChainMap, node_id: str, folded: Collection[str]) -> str:
    """The segment whose box stands for ``node_id``: its topmost folded ancestor, or itself."""
    shown = node_id
    parent = chain_map.node(node_id).parent
    while parent is not None:
        if parent in folded:
            shown = parent
        parent = chain_map.node(parent).parent
    return shown


def routing_input(chain_map: ChainMap, folded: Collection[str] = ()) -> RoutingInput:
    """The boxes, links and notes of ``chain_map`` drawn with ``folded`` segments folded."""
    folded = set(folded)
    boxes: dict[str, Box] = {}
    for node in chain_map.nodes:
        if node.x is None or node.y is None:
            continue
        if folded and shown_as(chain_map, node.id, folded) != node.id:
            continue
        rect = own_box(_within(node.x), _within(node.y))
        boxes[node.id] = (rect.left, rect.top, rect.right, rect.bottom)
    names = {region.code: region.name for region in chain_map.regions}
    links = []
    for edge in chain_map.edges:
        source = shown_as(chain_map, edge.source, folded) if folded else edge.source
        target = shown_as(chain_map, edge.target, folded) if folded else edge.target
        if source == target or source not in boxes or target not in boxes:
            continue
        text = " ".join(edge.label.split()) if edge.label else ""
        flows = tuple((region_short(f.source, names.get(f.source)), region_short(f.target, names.get(f.target)))
                      for f in edge.flows)
        links.append(LinkSpec(edge.id, source, target, LabelText(text, flows)))
    notes = []
    for note in chain_map.notes:
        pointed = None
        if note.node is not None and chain_map.has_node(note.node):
            pointed = shown_as(chain_map, note.node, folded)
        notes.append(NoteSpec(note.id, (_within(note.x), _within(note.y)), callout_size(note.text),
                              pointed if pointed in boxes else None))
    return RoutingInput(boxes, links, notes, _header_bottom(chain_map, folded, notes))


def _header_bottom(chain_map: ChainMap, folded: Collection[str], notes: list[NoteSpec]) -> float | None:
    """Where the tier bands' header ends: as the scene places the bands, above the topmost
    frame and note."""
    tops = []
    for node in chain_map.nodes:
        if node.parent is None:
            rect = frame(chain_map, node.id, folded)
            if rect is not None:
                tops.append(rect.top)
    tops.extend(n.centre[1] - n.size[1] / 2 - NOTE_MARGIN for n in notes)
    if not tops:
        return None
    return _within(min(tops) - HEADER_GAP)
