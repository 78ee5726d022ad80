"""Copy and paste of map fragments, within one map and between maps.

The clipboard holds a fragment as JSON under :data:`FRAGMENT_MIME` (segments with their region
entries and sub-segments, the links among them, the notes attached to them) and the segments'
names as plain text for other programs. Pasting gives every item a fresh id, maps tiers by id
or name (else the first tier), drops region entries and flows of regions the target map lacks,
and offsets positions, all as one undo step.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from chainmap.core.format.serialize import (
    edge_from_data,
    edge_to_data,
    node_from_data,
    node_to_data,
    note_from_data,
    note_to_data,
)
from chainmap.core.ids import new_id
from chainmap.core.model import ChainMap, Node, Note
from chainmap.core.refs import Ref

from ..commands import AddEdgeCommand, AddNodeCommand, AddNoteCommand, MacroCommand

FRAGMENT_MIME = "application/x-chainmap-fragment+json"
FRAGMENT_FORMAT = "chainmap-fragment"
PASTE_OFFSET = 24.0



@dataclass
class Fragment:
    """Plain data of copied items, in the file format's shape."""

    source_map: str
    tiers: list[dict[str, Any]] = field(default_factory=list)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.nodes or self.notes)

    def names(self) -> list[str]:
        return [node["name"] for node in self.nodes]

    def to_json(self) -> bytes:
        data = {
            "format": FRAGMENT_FORMAT,
            "version": 1,
            "source_map": self.source_map,
            "tiers": self.tiers,
            "nodes": self.nodes,
            "edges": self.edges,
            "notes": self.notes,
        }
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Fragment | None:
        """The fragment in ``raw``, or ``None`` when it is not one."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != FRAGMENT_FORMAT:
            return None
        lists = [data.get(key, []) for key in ("tiers", "nodes", "edges", "notes")]
        if not all(isinstance(value, list) for value in lists):
            return None
        return cls(str(data.get("source_map", "")), *lists)


def copy_fragment(chain_map: ChainMap, refs: list[Ref]) -> Fragment:
    """The fragment for ``refs``: selected segments with their sub-segments, the links among
    them, selected notes and notes attached to copied segments."""
    wanted: set[str] = set()
    for kind, item_id in refs:
        if kind == "node" and chain_map.has_node(item_id):
            wanted.add(item_id)
            wanted.update(chain_map.descendants(item_id))
    note_ids = {item_id for kind, item_id in refs if kind == "note" and chain_map.has_note(item_id)}
    nodes = [node for node in chain_map.nodes if node.id in wanted]
    edges = [e for e in chain_map.edges if e.source in wanted and e.target in wanted]
    notes = [n for n in chain_map.notes if n.id in note_ids or (n.node is not None and n.node in wanted)]
    tier_ids = {node.tier for node in nodes}
    tiers = [{"id": t.id, "name": t.name} for t in chain_map.tiers if t.id in tier_ids]
    return Fragment(
        chain_map.id,
        tiers,
        [node_to_data(n) for n in nodes],
        [edge_to_data(e) for e in edges],
        [note_to_data(n) for n in notes],
    )


def _parents_first(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # The model needs a parent before its child; the file order may differ.
    ids = {node["id"] for node in nodes}
    placed: set[str] = set()
    ordered: list[dict[str, Any]] = []
    pending = list(nodes)
    while pending:
        rest = []
        for node in pending:
            parent = node.get("parent")
            if parent is None or parent not in ids or parent in placed:
                ordered.append(node)
                placed.add(node["id"])
            else:
                rest.append(node)
        if len(rest) == len(pending):  # a cycle: cannot happen in a valid map
            ordered.extend(rest)
            break
        pending = rest
    return ordered


def _target_tier(chain_map: ChainMap, fragment: Fragment, tier_id: str) -> str:
    if chain_map.has_tier(tier_id):
        return tier_id
    name = next((t.get("name") for t in fragment.tiers if t.get("id") == tier_id), None)
    for tier in chain_map.tiers:
        if name is not None and tier.name == name:
            return tier.id
    return chain_map.tiers[0].id


def paste_command(chain_map: ChainMap, fragment: Fragment, offset: float,
                  placer: Callable[[list[Node], list[Note]], None] | None = None) -> tuple[MacroCommand, list[Ref]]:
    """One command adding a copy of ``fragment`` with fresh ids, positions moved by
    ``(offset, offset)`` and then by ``placer`` (which may move the new segments and notes
    off the boxes already there); returns it with the refs of the new items."""
    id_map = {node["id"]: new_id("n") for node in fragment.nodes}
    codes = set(chain_map.region_codes())
    count = len(fragment.nodes) + len(fragment.notes)
    macro = MacroCommand(chain_map, QCoreApplication.translate("commands", "Paste {count} items").format(count=count))
    nodes: list[Node] = []
    for data in _parents_first(fragment.nodes):
        node = node_from_data(data)
        node.id = id_map[data["id"]]
        node.parent = id_map.get(node.parent) if node.parent is not None else None
        node.tier = _target_tier(chain_map, fragment, node.tier)
        node.regions = {code: entry for code, entry in node.regions.items() if code in codes}
        if node.x is not None and node.y is not None:
            node.x += offset
            node.y += offset
        nodes.append(node)
    notes: list[Note] = []
    for data in fragment.notes:
        note = note_from_data(data)
        note.id = new_id("t")
        if note.node is not None:
            if note.node in id_map:
                note.node = id_map[note.node]
            elif not chain_map.has_node(note.node):
                note.node = None
        note.x += offset
        note.y += offset
        notes.append(note)
    if placer is not None:
        placer(nodes, notes)
    refs: list[Ref] = []
    for node in nodes:
        AddNodeCommand(chain_map, node, parent=macro)
        refs.append(("node", node.id))
    for data in fragment.edges:
        edge = edge_from_data(data)
        if edge.source not in id_map or edge.target not in id_map:
            continue
        edge.id = new_id("e")
        edge.source = id_map[edge.source]
        edge.target = id_map[edge.target]
        edge.flows = [f for f in edge.flows if f.source in codes and f.target in codes]
        AddEdgeCommand(chain_map, edge, parent=macro)
    for note in notes:
        AddNoteCommand(chain_map, note, parent=macro)
        refs.append(("note", note.id))
    return macro, refs


# ------------------------------------------------------------- the system clipboard
def fragment_mime_data(fragment: Fragment) -> QMimeData:
    mime = QMimeData()
    mime.setData(FRAGMENT_MIME, fragment.to_json())
    mime.setText("\n".join(fragment.names()))
    return mime


def put_on_clipboard(fragment: Fragment) -> None:
    """Place ``fragment`` on the system clipboard (custom type and plain names)."""
    QGuiApplication.clipboard().setMimeData(fragment_mime_data(fragment))


def fragment_from_mime(mime: QMimeData | None) -> Fragment | None:
    if mime is None or not mime.hasFormat(FRAGMENT_MIME):
        return None
    return Fragment.from_json(bytes(mime.data(FRAGMENT_MIME).data()))


def clipboard_fragment() -> Fragment | None:
    """The fragment on the clipboard, if there is one."""
    return fragment_from_mime(QGuiApplication.clipboard().mimeData())


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


class PasteCounter:
    """Counts pastes of the same clipboard content, so each paste lands 24 units further."""

    def __init__(self) -> None:
        self._key: bytes | None = None
        self._count = 0

    def next_offset(self, fragment: Fragment) -> float:
        key = fragment.to_json()
        if key != self._key:
            self._key = key
            self._count = 0
        self._count += 1
        return PASTE_OFFSET * self._count


# Shared by all windows, so pasting into a second window continues the staircase.
paste_counter = PasteCounter()
