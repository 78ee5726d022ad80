"""Segments and links of a big map whose graphics items are not made yet.

A :class:`~chainmap.render.scene.MapScene` of more than :data:`LAZY_SEGMENTS` segments makes
its items lazily (:mod:`chainmap.render.scene_sync`): the first frame is the far-zoom overview,
which paints the segments and links without items (:meth:`PendingItems.overview`); items are
made for what a view shows (:meth:`PendingItems.take_in`), in idle batches for the rest on
a map of up to :data:`IDLE_SEGMENTS` segments, and all at once for whoever needs every item
(an export, an edit). :class:`PendingItems` holds the ids still without an item, indexed by
grid cells of :data:`CELL` scene units, so a view takes only the ids near it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from PySide6.QtCore import QLineF, QRectF

from chainmap.core.model import ChainMap, Edge, Node
from chainmap.core.vocabulary import STATUS_RANK

from . import style
from .items_link import Z_LINK
from .items_segment import BOX
from .overview import BUCKET, Buckets
from .scene_topdown import TopDown
from .state import RenderState

__all__ = ["CELL", "IDLE_SEGMENTS", "LAZY_SEGMENTS", "PendingItems"]

LAZY_SEGMENTS = 3000
"""Above this many segments a scene makes its items lazily."""
IDLE_SEGMENTS = 30_000
"""Up to this many segments the items not shown yet are made in idle batches; above, only
when a view shows them (or someone needs them all)."""
CELL = 1000.0
"""The side of a grid cell of the index (scene units)."""
_WIDE = 64  # a link whose box covers more cells than this is taken with any view
_Cell = tuple[int, int]


def _cell(x: float, y: float) -> _Cell:
    return int(x // CELL), int(y // CELL)


class PendingItems:
    """The segment and link ids of ``chain_map`` that have no item yet, by grid cell.

    ``nodes`` and ``edges`` keep the map's order (dicts used as ordered sets); segments
    without a position are not indexed (they are never shown; :meth:`take_batch` makes them).
    """

    def __init__(self, chain_map: ChainMap, state: RenderState, *, cells_when_asked: bool = False) -> None:
        """``cells_when_asked``: file ids into grid cells only when a view first asks (an
        export's own scene, which takes its items from the top down and never asks: a big
        map's cells of links would hold some 30 MB for nothing); the editor files them as
        they become pending, so no view waits for the whole grid."""
        self._map = chain_map
        self._state = state
        self._cells_when_asked = cells_when_asked
        self.nodes: dict[str, None] = {}
        self.edges: dict[str, None] = {}
        self._node_cells: dict[_Cell, list[str]] = {}
        self._edge_cells: dict[_Cell, list[str]] = {}
        self._wide_edges: list[tuple[str, float, float, float, float]] = []  # id, its ends' span
        self._to_index: list[tuple[list[Node], list[Edge]]] = []  # pending, not in the cells yet
        self._overview: dict[str, Any] | None = None
        self._order: dict[str, int] = {}  # links in map order, to stack them as made in that order
        self._extent: QRectF | None = None  # kept by extent(), see there
        self._top_down: TopDown | None = None  # kept by take_above(), see there

    def __bool__(self) -> bool:
        return bool(self.nodes or self.edges)

    def __len__(self) -> int:
        return len(self.nodes) + len(self.edges)

    def fill(self) -> None:
        """Every segment and link of the map is pending (the scene has made none of them)."""
        self.clear()
        edges = self._map.edges
        self._order = {edge.id: index for index, edge in enumerate(edges)}
        self._index(self._map.nodes, edges)

    def give_back(self, node_ids: Iterable[str], edge_ids: Iterable[str]) -> None:
        """These segments and links have no item (any more): pending, indexed where they are."""
        chain_map = self._map
        wanted = set(edge_ids)
        self._index([chain_map.node(node_id) for node_id in node_ids],
                    [edge for edge in chain_map.edges if edge.id in wanted])

    def _index(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> None:
        """Make ``nodes`` and ``edges`` pending, each in the grid cells it reaches (on an
        export's own scene, when a view first asks: :meth:`_index_cells`)."""
        nodes, edges = list(nodes), list(edges)
        self.nodes.update(dict.fromkeys(node.id for node in nodes))
        self.edges.update(dict.fromkeys(edge.id for edge in edges))
        self._to_index.append((nodes, edges))
        if not self._cells_when_asked:
            self._index_cells()
        self._overview = None
        self._extent = None
        self._top_down = None

    def _index_cells(self) -> None:
        """Put the pending segments and links not yet in the grid into the cells they reach
        (those no longer pending are left out)."""
        pending_nodes = self.nodes
        pending_edges = self.edges
        node_cells = self._node_cells
        edge_cells = self._edge_cells
        node_of = self._map.node
        for nodes, edges in self._to_index:
            for node in nodes:
                if node.id in pending_nodes and node.x is not None and node.y is not None:
                    node_cells.setdefault((int(node.x // CELL), int(node.y // CELL)), []).append(node.id)
            for edge in edges:
                edge_id = edge.id
                if edge_id in pending_edges:
                    self._index_edge(edge_id, node_of(edge.source), node_of(edge.target), edge_cells)
        self._to_index.clear()

    def _index_edge(self, edge_id: str, source: Node, target: Node, edge_cells: dict[_Cell, list[str]]) -> None:
        """One pending link into the cells its ends' span covers (a wide one into the list of
        wide links instead)."""
        x1, y1, x2, y2 = source.x, source.y, target.x, target.y
        if x1 is None or y1 is None or x2 is None or y2 is None:
            return  # never drawn: made by a batch or when all are needed
        left, right = (int(x1 // CELL), int(x2 // CELL)) if x1 < x2 else (int(x2 // CELL), int(x1 // CELL))
        top, bottom = (int(y1 // CELL), int(y2 // CELL)) if y1 < y2 else (int(y2 // CELL), int(y1 // CELL))
        if left == right and top == bottom:
            edge_cells.setdefault((left, top), []).append(edge_id)
        elif (right - left + 1) * (bottom - top + 1) > _WIDE:
            self._wide_edges.append((edge_id, min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)))
        else:
            for cx in range(left, right + 1):
                for cy in range(top, bottom + 1):
                    edge_cells.setdefault((cx, cy), []).append(edge_id)

    def link_z(self, edge_id: str) -> float | None:
        """The stacking of a link made lazily: in map order, as if all were made at once (a
        scene stacks items of one z-value in the order they were made); None on a scene that
        made its items at once."""
        order = self._order
        if not order:
            return None
        index = order.get(edge_id)
        if index is None:
            index = order[edge_id] = len(order)
        return Z_LINK + index * 1e-6

    def clear(self, keep_order: bool = False) -> None:
        """Nothing is pending (``keep_order``: links made later still stack in map order)."""
        self.nodes.clear()
        self.edges.clear()
        self._node_cells.clear()
        self._edge_cells.clear()
        self._wide_edges.clear()
        self._to_index.clear()
        self._overview = None
        self._extent = None
        self._top_down = None
        if not keep_order:
            self._order = {}

    def take_in(self, rect: QRectF) -> tuple[list[str], list[str]]:
        """The pending segments whose box and the pending links whose span may meet ``rect``
        (scene coordinates), no longer pending; segments first, each after its parent."""
        if not self:
            return [], []
        if self._to_index:
            self._index_cells()
        grow = CELL / 4  # a box centred just outside a cell still reaches into the rect
        left, top = _cell(rect.left() - grow, rect.top() - grow)
        right, bottom = _cell(rect.right() + grow, rect.bottom() + grow)
        nodes: list[str] = []
        edges = self._take_wide(rect.left() - grow, rect.top() - grow, rect.right() + grow, rect.bottom() + grow)
        for cx in range(left, right + 1):
            for cy in range(top, bottom + 1):
                members = self._node_cells.pop((cx, cy), None)
                if members:
                    nodes.extend(self._take(members, self.nodes))
                links = self._edge_cells.pop((cx, cy), None)
                if links:
                    edges.extend(self._take(links, self.edges))
        return self.with_ancestors(nodes), edges

    def take_above(self, y: float,
                   measure: Callable[[dict[str, None], dict[str, None]], TopDown]) -> tuple[list[str], list[str]]:
        """The pending segments and links whose items begin above ``y`` (scene coordinates),
        no longer pending; segments first, each after its parent. For a PNG painted band by
        band from the top: ``measure`` orders the pending ids by where their items begin
        (:class:`~chainmap.render.scene_topdown.TopDown`), once, kept until more are pending."""
        if not self:
            return [], []
        if self._top_down is None:
            self._top_down = measure(self.nodes, self.edges)
        nodes, edges = self._top_down.take_to(y)
        return self.with_ancestors(list(self._take(nodes, self.nodes))), list(self._take(edges, self.edges))

    def take_batch(self, count: int) -> tuple[list[str], list[str]]:
        """Up to ``count`` pending ids, segments (each after its parent) before links."""
        nodes: list[str] = []
        for node_id in self.nodes:
            if len(nodes) >= count:
                break
            nodes.append(node_id)
        edges: list[str] = []
        if len(nodes) < count:
            for edge_id in self.edges:
                if len(nodes) + len(edges) >= count:
                    break
                edges.append(edge_id)
        for node_id in nodes:
            del self.nodes[node_id]
        for edge_id in edges:
            del self.edges[edge_id]
        return self.with_ancestors(nodes), edges

    def take_all(self) -> tuple[list[str], list[str]]:
        """Every pending id (segments each after its parent), none pending any more."""
        nodes, edges = list(self.nodes), list(self.edges)
        self.clear(keep_order=True)
        return self.with_ancestors(nodes), edges

    def take(self, kind: str, item_id: str) -> bool:
        """Take one segment (``node``) or link (``edge``) out; whether it was pending."""
        table = self.nodes if kind == "node" else self.edges if kind == "edge" else None
        if table is None or item_id not in table:
            return False
        del table[item_id]
        return True

    def with_ancestors(self, node_ids: list[str]) -> list[str]:
        """``node_ids`` with their pending ancestors taken too, parents before children (a
        container's frame holds its sub-segments: it is shown when they are)."""
        if not node_ids:
            return node_ids
        chain_map = self._map
        result: list[str] = []
        seen: set[str] = set()
        for node_id in node_ids:
            lineage = []
            parent = chain_map.node(node_id).parent
            while parent is not None and parent in self.nodes:
                lineage.append(parent)
                del self.nodes[parent]
                parent = chain_map.node(parent).parent
            for member in reversed(lineage):
                if member not in seen:
                    seen.add(member)
                    result.append(member)
            if node_id not in seen:
                seen.add(node_id)
                result.append(node_id)
        # Ancestors taken here may sit earlier in the list than a child already placed.
        depth = {node_id: _depth(chain_map, node_id) for node_id in result}
        result.sort(key=depth.__getitem__)
        return result

    def restyled(self) -> None:
        """The regions, the viewed region, a segment or a link changed: what the overview
        draws for the pending ids is gathered again."""
        self._overview = None

    def overview(self) -> dict[str, Any]:
        """What the far-zoom overview draws for the pending ids: boxes by colour name, and
        link lines (straight, between the boxes' centres), each held by
        :class:`~chainmap.render.overview.Buckets`. Gathered once: ids made since
        stay in it (their items draw the same boxes over them) until :meth:`restyled`."""
        if self._overview is None:
            self._overview = self._gather()
        return self._overview

    def _gather(self) -> dict[str, Any]:
        # Every pending box and line of a big map, once: the squares of BUCKET are worked
        # out here rather than by Buckets.add, a call fewer for each of 100,000 shapes.
        state = self._state
        view = state.view_region
        codes = state.region_codes
        rank = STATUS_RANK.__getitem__
        names = {status: style.name_of(colour) for status, colour in style.STATUS_LOD_FILLS.items()}
        cells: dict[str, dict[tuple[int, int], list[QRectF]]] = {name: {} for name in names.values()}
        width, height = BOX.width(), BOX.height()
        half_w, half_h = width / 2, height / 2
        pending = self.nodes
        centres: dict[str, tuple[float, float]] = {}
        for node in self._map.nodes:
            x, y = node.x, node.y
            if x is None or y is None:
                continue
            centres[node.id] = (x, y)
            if node.id not in pending:
                continue
            regions = node.regions
            if view:
                entry = regions.get(view)
                status = entry.status if entry is not None else "unknown"
            else:
                status = min([entry.status if (entry := regions.get(code)) is not None else "unknown"
                              for code in codes], key=rank, default="unknown")
            left, top = x - half_w, y - half_h
            key = (int(left // BUCKET), int(top // BUCKET))
            group = cells[names[status]].get(key)
            if group is None:
                group = cells[names[status]][key] = []
            group.append(QRectF(left, top, width, height))
        lines = Buckets()
        groups = lines.groups
        edges = self.edges
        for edge in self._map.edges:
            if edge.id in edges:
                source, target = centres.get(edge.source), centres.get(edge.target)
                if source is None or target is None:
                    continue
                x1, y1 = source
                x2, y2 = target
                left, right = (x1, x2) if x1 < x2 else (x2, x1)
                top, bottom = (y1, y2) if y1 < y2 else (y2, y1)
                key = (int(left // BUCKET), int(top // BUCKET))
                line_group = groups.get(key)
                if line_group is None:
                    groups[key] = [left, top, right, bottom, [QLineF(x1, y1, x2, y2)]]
                    continue
                line_group[4].append(QLineF(x1, y1, x2, y2))
                if left < line_group[0]:
                    line_group[0] = left
                if top < line_group[1]:
                    line_group[1] = top
                if right > line_group[2]:
                    line_group[2] = right
                if bottom > line_group[3]:
                    line_group[3] = bottom
        lines.count = sum(len(group[4]) for group in groups.values())
        # A bucket for every colour, empty or not: a recoloured box moves to one the overview holds.
        return {"boxes": {name: Buckets.of_boxes(boxes, width, height) for name, boxes in cells.items()},
                "lines": lines}

    def _colour_name(self, regions: dict[str, Any]) -> str:
        """The overview's colour name of a pending box with ``regions`` (as :meth:`_gather` picks it)."""
        view = self._state.view_region
        if view:
            entry = regions.get(view)
            status = entry.status if entry is not None else "unknown"
        else:
            status = min([entry.status if (entry := regions.get(code)) is not None else "unknown"
                          for code in self._state.region_codes], key=STATUS_RANK.__getitem__, default="unknown")
        return style.name_of(style.STATUS_LOD_FILLS[status])

    def recolour(self, node: Node, old_regions: dict[str, Any]) -> bool:
        """Segment ``node``'s regions changed from ``old_regions``: its box among the gathered
        pending boxes (if it is one: pending, or made since they were gathered) moves to the
        bucket of its new colour, in place, so the overview, which draws these buckets, needs
        no gathering again (0.45 s on a 20,000-segment map). False when a pending segment's
        box was not found where it should be (then :meth:`restyled` is due)."""
        gathered = self._overview
        if gathered is None or node.x is None or node.y is None:
            return True
        old, new = self._colour_name(old_regions), self._colour_name(node.regions)
        if old == new:
            return True
        width, height = BOX.width(), BOX.height()
        rect = QRectF(node.x - width / 2, node.y - height / 2, width, height)
        boxes = gathered["boxes"]
        if old not in boxes or not boxes[old].remove(rect, rect.x(), rect.y()):
            return node.id not in self.nodes  # a box made since and never gathered: nothing to move
        if new not in boxes:
            return False
        boxes[new].add_rect(rect)
        return True

    def extent(self) -> QRectF:
        """The pending segments' boxes together (scene coordinates); null when none is placed.

        Kept between calls (reading 100,000 segments took 40 ms, and the navigator and the
        canvas ask after every edit). Segments made since stay in it: their items draw the same
        boxes, so the scene's content, drawn items and pending boxes together, is the same. A
        segment that moves or goes away from where it was kept drops it (:meth:`left_place`)."""
        if self._extent is None:
            self._extent = self._measure_extent()
        return QRectF(self._extent)

    def left_place(self, x: float | None, y: float | None) -> None:
        """A segment whose box was centred at ``x``, ``y`` moved or was deleted: the kept
        extent is measured again unless that box lay strictly inside it (then the extent holds
        without it)."""
        kept = self._extent
        if kept is None or kept.isNull():
            self._extent = None
            return
        if x is None or y is None:
            return  # a segment without a place was never in it
        half_w, half_h = BOX.width() / 2, BOX.height() / 2
        if not (kept.left() < x - half_w and x + half_w < kept.right()
                and kept.top() < y - half_h and y + half_h < kept.bottom()):
            self._extent = None

    def _measure_extent(self) -> QRectF:
        xs: list[float] = []
        ys: list[float] = []
        chain_map = self._map
        for node_id in self.nodes:
            node = chain_map.node(node_id)
            if node.x is not None and node.y is not None:
                xs.append(node.x)
                ys.append(node.y)
        if not xs:
            return QRectF()
        half_w, half_h = BOX.width() / 2, BOX.height() / 2
        return QRectF(min(xs) - half_w, min(ys) - half_h, max(xs) - min(xs) + 2 * half_w,
                      max(ys) - min(ys) + 2 * half_h)

    def _take_wide(self, left: float, top: float, right: float, bottom: float) -> list[str]:
        """The pending wide links (spanning more than :data:`_WIDE` cells, which a link across
        a page-shaped map would fill by thousands) whose ends' span meets the rectangle, no
        longer pending; the others wait for a view they meet. Taking them all with the first
        view made 5,300 link items at once on a page-shaped 100,000-segment map (0.1 s), where
        seven met a view at 100 %."""
        pending = self.edges
        taken: list[str] = []
        kept = []
        for span in self._wide_edges:
            edge_id, span_left, span_top, span_right, span_bottom = span
            if edge_id not in pending:
                continue  # made meanwhile
            if span_left <= right and span_right >= left and span_top <= bottom and span_bottom >= top:
                del pending[edge_id]
                taken.append(edge_id)
            else:
                kept.append(span)
        self._wide_edges = kept
        return taken

    def _take(self, members: Iterable[str], table: dict[str, None]) -> Iterator[str]:
        for member in members:
            if member in table:
                del table[member]
                yield member


def _depth(chain_map: ChainMap, node_id: str) -> int:
    depth = 0
    parent = chain_map.node(node_id).parent
    while parent is not None:
        depth += 1
        parent = chain_map.node(parent).parent
    return depth
