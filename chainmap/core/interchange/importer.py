"""Importing workbooks, CSV files and graph files into a map: :func:`import_files`.

The import reads every file into tables (:mod:`.xlsx_read`, :mod:`.csv_io`, :mod:`.graphml`,
:mod:`.gexf`, :mod:`.cyjs`), applies them to the plain data of the map imported into (or of a
new map) keyed by id, has the format's validator check the result, builds the new map and
lays out the segments that have no position. The map imported into is never changed: the
result is a new map, which the command line saves and the editor applies as one undo step
(``ReplaceMapCommand(document.chain_map, result.map, …)``). Any bad cell fails the whole
import, every problem named with its file and cell, and nothing is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from chainmap.core.format import map_from_data, map_to_data, validate_data
from chainmap.core.format.fileio import read_file_bytes
from chainmap.core.format.keys import EDGE_KEYS, NODE_KEYS, NOTE_KEYS, REGION_KEYS, TIER_KEYS
from chainmap.core.format.problems import MapLoadError
from chainmap.core.ids import new_id, pointer_tokens
from chainmap.core.layout import apply_positions, compute_layout
from chainmap.core.messages import N_, msg, word
from chainmap.core.model import ChainMap, ModelError
from chainmap.core.vocabulary import DEFAULT_REGIONS, FORMAT_NAME, FORMAT_VERSION

from .context import Context, Counts
from .import_frame import import_map_sheet, import_regions, import_tiers
from .import_links import import_links, import_notes
from .import_segments import import_enterprises, import_segments
from .readers import read_tables
from .tables import Table
from .values import ImportProblem

NOTE_OFFSET = (130.0, -70.0)
RESERVED = {"node": NODE_KEYS, "edge": EDGE_KEYS, "note": NOTE_KEYS, "tier": TIER_KEYS, "region": REGION_KEYS}  # where a note without a position goes, from its segment's centre


@dataclass
class ImportResult:
    """What an import gives: the new map (None when any error was found), every problem
    (errors and warnings, each naming its file and cell) and what was created, updated,
    deleted and placed."""

    map: ChainMap | None
    problems: list[ImportProblem] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[ImportProblem]:
        return [p for p in self.problems if not p.is_error]

    def summary(self) -> str:
        """``created 3 segments, 2 links; updated 5 segments; placed 3 segments``, in the
        reader's language."""
        parts = []
        for counter, template in ((self.counts.created, N_("created {items}")),
                                  (self.counts.updated, N_("updated {items}")),
                                  (self.counts.deleted, N_("deleted {items}"))):
            if counter:
                parts.append(msg(template, items=word(", ").join(_how_many(k, n) for k, n in counter.items())))
        if self.counts.placed:
            parts.append(msg("placed 1 segment") if self.counts.placed == 1
                         else msg("placed {count} segments", count=self.counts.placed))
        return word("; ").join(parts) or msg("no change")


# How many items of a kind: one whole phrase per kind and count (plurals chosen, never glued).
_HOW_MANY = {
    "segment": (N_("1 segment"), N_("{count} segments")),
    "link": (N_("1 link"), N_("{count} links")),
    "note": (N_("1 note"), N_("{count} notes")),
    "tier": (N_("1 tier"), N_("{count} tiers")),
    "enterprise": (N_("1 enterprise"), N_("{count} enterprises")),
}


def _how_many(kind: str, count: int) -> str:
    if kind in _HOW_MANY:
        one, many = _HOW_MANY[kind]
        return msg(one) if count == 1 else msg(many, count=count)
    return f"{count} {kind}{'s' if count != 1 else ''}"  # a kind this table does not know yet


def import_files(paths: list[str], *, into: ChainMap | None = None, into_source: str = "<map>",
                 delete_missing: bool = False, tier_by: str | None = None) -> ImportResult:
    """Import ``paths`` (.xlsx, .csv, .graphml, .gexf, .cyjs) into a copy of ``into``, or into
    a new map; see the module docstring. Never raises for bad input: problems are returned."""
    problems: list[ImportProblem] = []
    tables: list[Table] = []
    for path in paths:
        source = os.fspath(path)
        try:
            raw = read_file_bytes(source)
        except MapLoadError as exc:
            problems += [ImportProblem(exc.source, p) for p in exc.problems]
            continue
        read, found = read_tables(raw, source, tier_by=tier_by)
        tables += read
        problems += [ImportProblem(source, p) for p in found]
    if any(p.is_error for p in problems):
        return ImportResult(None, problems)
    stem = os.path.basename(paths[0]).split(".")[0] if paths else "map"
    result = import_tables(tables, into=into, into_source=into_source, delete_missing=delete_missing,
                           title=stem)
    result.problems[:0] = problems
    return result


def _new_map_data(title: str) -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "id": new_id("map"), "title": title or "map",
            "chain": title or "map", "regions": [], "tiers": [], "nodes": [], "edges": []}


def import_tables(tables: list[Table], *, into: ChainMap | None = None, into_source: str = "<map>",
                  delete_missing: bool = False, title: str = "map") -> ImportResult:
    """Apply tables already read (see :func:`import_files`); ``title`` names a new map."""
    data = map_to_data(into) if into is not None else _new_map_data(title)
    context = Context(data, new_map=into is None, delete_missing=delete_missing)
    kinds: dict[str, list[Table]] = {}
    for table in tables:
        if into is None or not table.only_new:
            kinds.setdefault(table.kind, []).append(table)
    for table in kinds.get("regions", []):  # first: the map's lead and owner name a region
        import_regions(table, context)
    for table in kinds.get("map", []):
        import_map_sheet(table, context)
        whole = table.side.get(-1, {}).get("map", {})
        if into is None and whole:  # a graph of a whole map: what only a whole map has
            _whole_map(data, whole)
    for table in kinds.get("tiers", []):
        import_tiers(table, context)
    if kinds.get("segments"):
        import_segments(kinds["segments"], context)
    if kinds.get("enterprises"):
        import_enterprises(kinds["enterprises"], context)
    import_links(kinds.get("links", []), context)
    unplaced_notes = import_notes(kinds["notes"], context) if kinds.get("notes") else []
    if not data["regions"]:
        data["regions"] = [{"code": c, "name": n, "color": col} for c, n, col in DEFAULT_REGIONS]
    _finish(context)
    if context.problems.has_errors:
        return ImportResult(None, context.problems.in_order(), context.counts)
    for problem in validate_data(data):
        source, place = _locate(problem.path, context, into_source)
        context.problems.add(source, place, problem.message, problem.severity)
    if context.problems.has_errors:
        return ImportResult(None, context.problems.in_order(), context.counts)
    try:
        chain_map = map_from_data(data)
    except (ModelError, KeyError, TypeError, ValueError) as exc:  # the validator should have said
        context.problems.add(into_source, "", msg("The imported map could not be built: {exc}", exc=exc))
        return ImportResult(None, context.problems.in_order(), context.counts)
    _place(chain_map, context, unplaced_notes)
    return ImportResult(chain_map, context.problems.in_order(), context.counts)


def _whole_map(data: dict[str, Any], whole: dict[str, Any]) -> None:
    """A new map's unknown keys, conflicts, tombstones and meta, from a graph of a whole map
    (the validator checks them as it checks any file)."""
    if isinstance(whole.get("extra"), dict):
        data.update({k: v for k, v in whole["extra"].items() if k not in data})
    for key, kind in (("conflicts", list), ("deleted", list), ("meta", dict)):
        if isinstance(whole.get(key), kind):
            data[key] = whole[key]


def _finish(context: Context) -> None:
    """What a graph carries beyond the columns; notes whose segment went; tombstones."""
    data = context.data
    nodes = {node["id"]: node for node in data["nodes"]}
    edges = {edge["id"]: edge for edge in data["edges"]}
    items = {"node": nodes, "edge": edges, "note": {n["id"]: n for n in data.get("notes", [])},
             "tier": {t["id"]: t for t in data["tiers"]}, "region": {r["code"]: r for r in data["regions"]}}
    for (kind, item_id), origin in context.origins.items():
        side = origin.table.side.get(origin.row)
        item = items.get(kind, {}).get(item_id)
        if not side or item is None:
            continue
        reserved = RESERVED.get(kind, ())
        if isinstance(side.get("extra"), dict):
            item.update({k: v for k, v in side["extra"].items() if k not in reserved and k not in item})
        for code, entry in item.get("regions", {}).items():
            for key, target in (("entries", entry), ("plans", entry.get("plan"))):
                extra = side.get(key, {}).get(code)
                if isinstance(extra, dict) and isinstance(target, dict):
                    target.update({k: v for k, v in extra.items() if k not in target})
            for firm, extra in zip(entry.get("enterprises", []), side.get("firms", {}).get(code, []), strict=False):
                firm.update({k: v for k, v in extra.items() if k not in firm})
    for note in data.get("notes", []):
        if note.get("node") is not None and note["node"] not in nodes:
            del note["node"]
    deleted = [i for i in dict.fromkeys(data.get("deleted", [])) if i not in context.created_ids]
    if deleted:
        data["deleted"] = deleted
    else:
        data.pop("deleted", None)


def _locate(path: str, context: Context, into_source: str) -> tuple[str, str]:
    """The file and cell a validator's problem (``/nodes/3/tier``) is about, when the item
    came from a table; else the map imported into and the path."""
    tokens = pointer_tokens(path)
    kinds = {"nodes": "node", "edges": "edge", "notes": "note", "tiers": "tier"}
    if len(tokens) < 2 or tokens[0] not in kinds or not tokens[1].isdigit():
        return into_source, path
    items = context.data.get(tokens[0], [])
    index = int(tokens[1])
    if index >= len(items) or not isinstance(items[index], dict):
        return into_source, path
    item_id = items[index].get("id")
    origin = context.origins.get((kinds[tokens[0]], str(item_id)))
    if origin is None:
        return into_source, path
    rest = tokens[2:]
    key = rest[0] if rest else "id"
    if rest[:1] == ["regions"] and len(rest) >= 2:
        code = rest[1]
        if len(rest) >= 5 and rest[2] == "enterprises":
            firm = context.origins.get(("firm", f"{item_id}/{code}/{rest[3]}"))
            if firm is not None:
                return firm.table.source, firm.table.place(firm.row, firm.columns.get(rest[4], 0))
        fact = rest[-1] if rest[-1] in ("status", "note") and len(rest) == 3 else (
            "plan_note" if rest[-1] == "note" else rest[-1])
        key = f"region:{code}:{fact}"
    column = origin.columns.get(key, origin.columns.get("id", origin.columns.get("name", 0)))
    return origin.table.source, origin.table.place(origin.row, column)


def _place(chain_map: ChainMap, context: Context, unplaced_notes: list[str]) -> None:
    """Lay out the segments without a position; put new notes beside their segments."""
    if any(node.x is None or node.y is None for node in chain_map.nodes):
        positions = compute_layout(chain_map, only_new=True)
        apply_positions(chain_map, positions)
        context.counts.placed = len(positions)
    for note_id in unplaced_notes:
        note = chain_map.note(note_id)
        if note.node is not None:
            node = chain_map.node(note.node)
            if node.x is not None and node.y is not None:
                chain_map.update_note(note_id, x=node.x + NOTE_OFFSET[0], y=node.y + NOTE_OFFSET[1])
