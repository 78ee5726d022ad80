"""The items of one :class:`~chainmap.render.scene.MapScene`, by model object and back.

:class:`SceneItems` is the table the scene's sync (:mod:`chainmap.render.scene_sync`) and
its geometry (:mod:`chainmap.render.scene_geometry`) share: one typed dict per kind, the
reverse look-up from an item to its ``(kind, id)``, and which links and notes touch each
segment. It only stores; the sync decides what goes in and out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtWidgets import QGraphicsItem

from chainmap.core.refs import CANVAS_KINDS, Ref

from .items_link import LinkItem
from .items_note import NoteItem
from .items_segment import SegmentItem
from .items_tier import TierItem

__all__ = ["MarkableItem", "SceneItems"]

MarkableItem = SegmentItem | LinkItem | NoteItem
"""The items that draw marks (every kind but the tier bands)."""
_Item = TypeVar("_Item", bound=QGraphicsItem)


class SceneItems:
    """One scene's items: ``nodes``, ``edges``, ``notes`` and ``tiers`` by model id, the
    ``(kind, id)`` of each item (``refs``), and the links (``edges_at``) and notes
    (``notes_at``) at each segment id."""

    def __init__(self) -> None:
        self.nodes: dict[str, SegmentItem] = {}
        self.edges: dict[str, LinkItem] = {}
        self.notes: dict[str, NoteItem] = {}
        self.tiers: dict[str, TierItem] = {}
        self.refs: dict[QGraphicsItem, Ref] = {}
        self.edges_at: dict[str, set[str]] = {}
        self.notes_at: dict[str, set[str]] = {}
        self._by_kind: dict[str, Mapping[str, QGraphicsItem]] = {
            "node": self.nodes, "edge": self.edges, "note": self.notes, "tier": self.tiers}

    def of_kind(self, kind: str) -> Mapping[str, QGraphicsItem]:
        """The items of ``kind`` (node, edge, note, tier) by model id; ``ValueError`` for
        another kind."""
        table = self._by_kind.get(kind)
        if table is None:
            raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(CANVAS_KINDS)}")
        return table

    def get(self, kind: str, item_id: str) -> QGraphicsItem | None:
        """The item of ``(kind, item_id)``, or None (also for an unknown kind)."""
        table = self._by_kind.get(kind)
        return table.get(item_id) if table is not None else None

    def markable(self, ref: Ref) -> MarkableItem | None:
        """The item of ``ref`` when it is one that draws marks."""
        kind, item_id = ref
        if kind == "node":
            return self.nodes.get(item_id)
        if kind == "edge":
            return self.edges.get(item_id)
        if kind == "note":
            return self.notes.get(item_id)
        return None

    def put(self, table: dict[str, _Item], kind: str, item_id: str, item: _Item) -> None:
        """Enter ``item`` as the one drawing ``(kind, item_id)``; ``table`` is that kind's dict."""
        table[item_id] = item
        self.refs[item] = (kind, item_id)

    def pop(self, kind: str, item_id: str) -> QGraphicsItem | None:
        """Take ``(kind, item_id)`` out of the table; returns its item (None: there was none)."""
        item: QGraphicsItem | None
        if kind == "node":
            item = self.nodes.pop(item_id, None)
        elif kind == "edge":
            item = self.edges.pop(item_id, None)
        elif kind == "note":
            item = self.notes.pop(item_id, None)
        else:
            item = self.tiers.pop(item_id, None)
        if item is not None:
            self.refs.pop(item, None)
        return item

    def clear(self) -> None:
        """Forget every item (the scene removes them)."""
        for table in (self.nodes, self.edges, self.notes, self.tiers):
            table.clear()
        self.refs.clear()
        self.edges_at.clear()
        self.notes_at.clear()
