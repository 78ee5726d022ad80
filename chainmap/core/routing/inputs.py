"""What the router needs from a map, as plain data: the boxes drawn, the links between them,
their labels, and the notes.

A segment folded away (below a folded parent) has no box; its links are drawn to the box of
its topmost folded ancestor, as the canvas draws them, and a link whose two ends are then the
same box is not drawn. A segment without a position has no box and its links are not drawn.
Boxes are the segments' own boxes (:func:`chainmap.core.geometry.own_box`): a parent's frame
is no obstacle, a link may cross it to reach a sub-segment, but not the parent's own box.
"""

from __future__ import annotations

from collections.abc import Collection, Generator
from dataclasses import dataclass, field, replace

from chainmap.core.geometry import PARENT_PADDING, own_box
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
STEP = 500  # objects gathered between two pauses of routing_input_steps


def _within(value: float) -> float:
    return min(max(value, -FAR), FAR)


@dataclass(frozen=True, slots=True)
class LinkSpec:
    """A link to draw: its id, the boxes (segment ids) it joins, and its label."""

    id: str
    source: str
    target: str
    label: LabelText = LabelText("")


@dataclass(frozen=True, slots=True)
class NoteSpec:
    """A note to draw: id, centre, callout size, the box it points at (or None), and its
    text (to measure the callout in another process)."""

    id: str
    centre: tuple[float, float]
    size: tuple[float, float]
    target: str | None
    text: str = ""


@dataclass
class RoutingInput:
    """Boxes by segment id, links and notes in file order, the tier header's bottom edge
    (routes stay below it; None for no header), and the top of the topmost frame."""

    boxes: dict[str, Box]
    links: list[LinkSpec] = field(default_factory=list)
    notes: list[NoteSpec] = field(default_factory=list)
    header_bottom: float | None = None
    frames_top: float | None = None


_NO_LABEL = LabelText("")  # shared by every link without a label or flows (most of a big map's)


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
    steps = routing_input_steps(chain_map, folded)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: RoutingInput = done.value
            return result


def routing_input_steps(chain_map: ChainMap, folded: Collection[str] = (),
                        measure: bool = True) -> Generator[None, None, RoutingInput]:
    """:func:`routing_input` in small steps (it yields every :data:`STEP` objects), so an
    editor can gather it while idle; the input is the generator's return value.

    Without ``measure`` no text is measured (the font is not even loaded): notes keep their
    text with a size of 0 and the header is left for :func:`measured` to place, in another
    process."""
    folded = set(folded)
    boxes: dict[str, Box] = {}
    for i, node in enumerate(chain_map.nodes):
        if i % STEP == STEP - 1:
            yield
        if node.x is None or node.y is None:
            continue
        if folded and shown_as(chain_map, node.id, folded) != node.id:
            continue
        rect = own_box(_within(node.x), _within(node.y))
        boxes[node.id] = (rect.left, rect.top, rect.right, rect.bottom)
    names = {region.code: region.name for region in chain_map.regions}
    links = []
    for i, edge in enumerate(chain_map.edges):
        if i % STEP == STEP - 1:
            yield
        source = shown_as(chain_map, edge.source, folded) if folded else edge.source
        target = shown_as(chain_map, edge.target, folded) if folded else edge.target
        if source == target or source not in boxes or target not in boxes:
            continue
        text = " ".join(edge.label.split()) if edge.label else ""
        flows = tuple((region_short(f.source, names.get(f.source)), region_short(f.target, names.get(f.target)))
                      for f in edge.flows)
        links.append(LinkSpec(edge.id, source, target, LabelText(text, flows) if text or flows else _NO_LABEL))
    notes = []
    for note in chain_map.notes:
        pointed = None
        if note.node is not None and chain_map.has_node(note.node):
            pointed = shown_as(chain_map, note.node, folded)
        notes.append(NoteSpec(note.id, (_within(note.x), _within(note.y)),
                              callout_size(note.text) if measure else (0.0, 0.0),
                              pointed if pointed in boxes else None, note.text))
    frames_top = yield from _frames_top(chain_map, folded)
    data = RoutingInput(boxes, links, notes, None, frames_top)
    return measured(data) if measure else data


def _frames_top(chain_map: ChainMap, folded: Collection[str]) -> Generator[None, None, float | None]:
    """The top of the topmost frame (:func:`chainmap.core.geometry.frames` of the segments
    without a parent), in one pass over the segments, pausing every :data:`STEP`.

    A frame reaches up to each box drawn inside it, :data:`~chainmap.core.geometry.PARENT_PADDING`
    higher per level of nesting; the padding is taken off one level at a time, as the
    frames are measured, so the number is the same to the last bit."""
    level: dict[str, int | None] = {}  # levels of nesting of a box drawn in its top frame; None: not drawn
    top: float | None = None
    for i, node in enumerate(chain_map.nodes):
        if i % STEP == STEP - 1:
            yield
        depth = _level(chain_map, node.id, folded, level)
        if depth is None:
            continue
        assert node.y is not None
        edge = own_box(0.0, node.y).top
        for _ in range(depth):
            edge -= PARENT_PADDING
        if top is None or edge < top:
            top = edge
    return top


def _level(chain_map: ChainMap, node_id: str, folded: Collection[str], level: dict[str, int | None]) -> int | None:
    """How deep ``node_id``'s box is nested in its top frame (None when that frame does not
    draw it: it, or a segment above it, has no position, or one above it is folded)."""
    chain = []
    current: str | None = node_id
    while current is not None and current not in level:
        chain.append(current)
        current = chain_map.node(current).parent
    above = level[current] if current is not None else -1
    for link in reversed(chain):
        node = chain_map.node(link)
        parent = node.parent
        if node.x is None or node.y is None or (above is None) or (parent is not None and parent in folded):
            level[link] = above = None
        else:
            level[link] = above = above + 1
    return level[node_id]


def measured(data: RoutingInput) -> RoutingInput:
    """``data`` with every note's callout measured and the header placed (after
    :func:`routing_input_steps` without measuring)."""
    notes = [replace(note, size=callout_size(note.text)) if note.size == (0.0, 0.0) else note for note in data.notes]
    tops = [] if data.frames_top is None else [data.frames_top]
    tops.extend(n.centre[1] - n.size[1] / 2 - NOTE_MARGIN for n in notes)
    header = _within(min(tops) - HEADER_GAP) if tops else None
    return RoutingInput(data.boxes, data.links, notes, header, data.frames_top)
