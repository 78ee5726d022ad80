"""Importing the links sheet and the notes sheet.

A link names its ends by id or by name (``上游环节`` / ``from``; the name columns beside the
ids are read when the id column is empty). A row with a known id updates that link; a row
without one updates the link with the same ends and kind, if there is one, else creates a
link. Flows are written ``天津→北京; 河北→北京`` (codes or names), or as the JSON the
exporter writes when a flow has a note. A note without a position is placed beside the
segment it points at once the segments are laid out.
"""

from __future__ import annotations

import json
import re
from typing import Any

from chainmap.core.format.keys import EDGE_KEYS, NOTE_KEYS
from chainmap.core.ids import new_id
from chainmap.core.messages import msg

from . import labels
from .context import Context, Origin, SegmentIndex
from .import_frame import Columns, read_columns
from .import_segments import _put, apply_extras, warn_extras
from .tables import Table
from .values import BAD, RowCells, json_copy

_ARROW = re.compile(r"\s*(?:→|->|=>|＞|>)\s*")


def import_links(tables: list[Table], context: Context) -> None:
    """Apply every links table to the map's data."""
    edges: list[dict[str, Any]] = context.data["edges"]
    by_id = {edge["id"]: edge for edge in edges}
    index = SegmentIndex(context.data["nodes"])
    result: dict[str, dict[str, Any]] = {}
    for table in tables:
        columns = read_columns(table, context)
        warn_extras(table, columns, context, "link", EDGE_KEYS, edges)
        for row in table.rows:
            cells = RowCells(table, row.number, row.values, columns.index, context.problems)
            edge = _link(cells, columns, by_id, result, index, context)
            if edge is not None:
                result[edge["id"]] = edge
                context.origins[("edge", edge["id"])] = Origin(table, row.number, columns.index)
    node_ids = {node["id"] for node in context.data["nodes"]}
    kept = []
    for edge in edges:
        if edge["id"] in result:
            kept.append(result.pop(edge["id"]))
        elif context.delete_missing and tables or edge["from"] not in node_ids or edge["to"] not in node_ids:
            context.data.setdefault("deleted", []).append(edge["id"])
            context.counts.add(context.counts.deleted, "link")
        else:
            kept.append(edge)
    context.data["edges"] = kept + list(result.values())


def _end(cells: RowCells, key: str, index: SegmentIndex) -> Any:
    """The segment a link end's cells name (id column first, then the name column)."""
    name_key = f"{key}_name"
    for column in (key, name_key):
        text = cells.ref(column)
        if text is not None:
            node_id, why = index.resolve(text)
            if why is not None:
                cells.error(column, why)
                return BAD
            return node_id
    return None


def _link(cells: RowCells, columns: Columns, by_id: dict[str, dict[str, Any]], listed: dict[str, Any],
          index: SegmentIndex, context: Context) -> dict[str, Any] | None:
    edge_id = cells.id_value("id")
    source, target = _end(cells, "from", index), _end(cells, "to", index)
    kind = cells.text("kind")
    kind = (labels.parse("kind", kind) or kind.strip()) if kind is not None else None
    if BAD in (edge_id, source, target):
        return None
    if edge_id in listed:
        cells.error("id", msg("link {id} has a row already: a link has one row", id=edge_id))
        return None
    old = by_id.get(edge_id) if edge_id is not None else None
    source = source or (old or {}).get("from")
    target = target or (old or {}).get("to")
    for end, key in ((source, "from"), (target, "to")):
        if end is None:
            cells.error(key if cells.has(key) else f"{key}_name" if cells.has(f"{key}_name") else "id",
                        msg("a link needs its upstream segment (上游环节 or from)") if key == "from" else
                        msg("a link needs its downstream segment (下游环节 or to)"))
            return None
    if source == target:
        cells.error("from" if cells.has("from") else "from_name", msg("a link cannot go from a segment to itself"))
        return None
    if edge_id is None:
        wanted = (kind if cells.has("kind") else None) or "supply"
        old = next((e for e in by_id.values() if e["id"] not in listed and e["from"] == source
                    and e["to"] == target and (e.get("kind") or "supply") == wanted), None)
        edge_id = old["id"] if old is not None else new_id("e")
    edge = json_copy(old) if old is not None else {"id": edge_id}
    edge["from"], edge["to"] = source, target
    if cells.has("kind"):
        _put(edge, "kind", kind)
    for key in ("label", "note"):
        if cells.has(key):
            _put(edge, key, cells.text(key))
    if cells.has("flows"):
        flows = _flows(cells, context)
        if flows is BAD:
            return None
        _put(edge, "flows", flows or None)
    apply_extras(edge, cells, columns, EDGE_KEYS)
    if old is None:
        context.counts.add(context.counts.created, "link")
        context.created_ids.add(edge_id)
    elif edge != old:
        context.counts.add(context.counts.updated, "link")
    return edge


def _flows(cells: RowCells, context: Context) -> Any:
    text = cells.text("flows")
    if text is None:
        return []
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            value = json.loads(stripped)
        except ValueError:
            value = None
        if isinstance(value, list) and all(isinstance(f, dict) and isinstance(f.get("from"), str)
                                           and isinstance(f.get("to"), str) for f in value):
            flows = []
            for flow in value:
                source, target = context.region_code(flow["from"]), context.region_code(flow["to"])
                if source is None or target is None:
                    cells.error("flows", context.unknown_region(flow["from"] if source is None else flow["to"]))
                    return BAD
                flows.append({**flow, "from": source, "to": target})
                context.use_region(source)
                context.use_region(target)
            return flows
    flows = []
    for part in re.split(r"[;；、\n]", text):
        if not part.strip():
            continue
        ends = _ARROW.split(part.strip())
        if len(ends) != 2:
            cells.error("flows", msg("'{flow}' is not a flow: write the supplying region, an arrow and the "
                                     "receiving region (天津→北京 or CN-TJ→CN-BJ), several separated by ';'",
                                     flow=part.strip()))
            return BAD
        codes = [context.region_code(end) for end in ends]
        for end, code in zip(ends, codes, strict=True):
            if code is None:
                cells.error("flows", context.unknown_region(end))
                return BAD
        for code in codes:
            context.use_region(str(code))
        flows.append({"from": codes[0], "to": codes[1]})
    return flows


def import_notes(tables: list[Table], context: Context) -> list[str]:
    """Apply every notes table; returns the ids of notes still to be placed (no position)."""
    notes: list[dict[str, Any]] = context.data.setdefault("notes", [])
    by_id = {note["id"]: note for note in notes}
    index = SegmentIndex(context.data["nodes"])
    result: dict[str, dict[str, Any]] = {}
    unplaced: list[str] = []
    for table in tables:
        columns = read_columns(table, context)
        warn_extras(table, columns, context, "note", NOTE_KEYS, notes)
        for row in table.rows:
            cells = RowCells(table, row.number, row.values, columns.index, context.problems)
            note_id = cells.id_value("id")
            if note_id is BAD:
                continue
            if note_id in result:
                cells.error("id", msg("note {id} has a row already: a note has one row", id=note_id))
                continue
            old = by_id.get(note_id) if note_id is not None else None
            note = json_copy(old) if old is not None else {"id": note_id or new_id("note")}
            if cells.has("text") or old is None:
                text = cells.text("text")
                if text is None and note_id is None:  # a row that makes an empty note is a slip
                    cells.error("text" if cells.has("text") else "id", msg("a note needs its text"))
                    continue
                note["text"] = text or ""
            for key in ("x", "y"):
                if cells.has(key):
                    value = cells.number_value(key)
                    if value is not BAD:
                        _put(note, key, value)
            if cells.has("node") or cells.has("node_name"):
                target = _end(cells, "node", index)
                if target is not BAD:
                    _put(note, "node", target)
            apply_extras(note, cells, columns, NOTE_KEYS)
            if "x" not in note or "y" not in note:
                note["x"], note["y"] = 0, 0
                unplaced.append(note["id"])
            result[note["id"]] = note
            context.origins[("note", note["id"])] = Origin(table, row.number, columns.index)
            if old is None:
                context.counts.add(context.counts.created, "note")
                context.created_ids.add(note["id"])
            elif note != old:
                context.counts.add(context.counts.updated, "note")
    kept = []
    for note in notes:
        if note["id"] in result:
            kept.append(result.pop(note["id"]))
        elif context.delete_missing:
            context.data.setdefault("deleted", []).append(note["id"])
            context.counts.add(context.counts.deleted, "note")
        else:
            kept.append(note)
    context.data["notes"] = kept + list(result.values())
    return unplaced
