"""Importing the segments sheet (with each region's facts) and the enterprises sheet.

A row with a known id updates that segment, a row without an id creates one with a new id.
Only the columns a sheet has are applied: a missing column leaves that field as it was, an
empty cell in a present column clears it. A region's entry exists while it has a status,
a plan, a note or enterprises. Enterprises are rows of their own: the rows of a segment and
region replace that entry's enterprises, each matched to the one it was (by credit code,
else by name) so that what the sheet does not show (unknown keys) is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from chainmap.core.format.keys import ENTERPRISE_KEYS, ENTRY_KEYS, NODE_KEYS
from chainmap.core.ids import new_id
from chainmap.core.messages import N_, msg

from . import labels
from .context import Context, Origin, SegmentIndex
from .import_frame import Columns, read_columns
from .sheets import is_plain
from .tables import Table
from .values import BAD, RowCells, json_copy, name_key, plain_text

PLAN_FACTS = {"action": "action", "priority": "priority", "targets": "targets", "owner": "owner",
              "due": "due", "plan_note": "note"}


_NOT_READ = {
    "column": N_("the column '{header}' names a field that is not read from here, so it was not read"),
    "attribute": N_("the attribute '{header}' names a field that is not read from here, so it was not read"),
}
_KEPT = {
    ("column", "segment"): N_("the column '{header}' is not one chainmap knows: its values are kept under each "
                              "segment's unknown key '{header}'"),
    ("column", "link"): N_("the column '{header}' is not one chainmap knows: its values are kept under each "
                           "link's unknown key '{header}'"),
    ("column", "enterprise"): N_("the column '{header}' is not one chainmap knows: its values are kept under each "
                                 "enterprise's unknown key '{header}'"),
    ("column", "note"): N_("the column '{header}' is not one chainmap knows: its values are kept under each "
                           "note's unknown key '{header}'"),
    ("attribute", "segment"): N_("the attribute '{header}' is not one chainmap knows: its values are kept under "
                                 "each segment's unknown key '{header}'"),
    ("attribute", "link"): N_("the attribute '{header}' is not one chainmap knows: its values are kept under "
                              "each link's unknown key '{header}'"),
}
"""What :func:`warn_extras` says of a column (a graph file's attribute) chainmap does not read,
one whole sentence per kind of header and of item."""


def warn_extras(table: Table, columns: Columns, context: Context, what: str, reserved: tuple[str, ...],
                items: Iterable[dict[str, Any]] = ()) -> None:
    """Say once per column that an unknown column is kept (or, for a reserved key, not read);
    not for a key the map's ``items`` have already (a column chainmap wrote itself)."""
    known: set[str] = set()
    for item in items:
        known.update(item)
    for header in columns.extras:
        key = (table.source + "\0" + (table.sheet or ""), header)
        if key in context.extras_warned or (header in known and header not in reserved):
            continue
        context.extras_warned.add(key)
        place = table.header_place(columns.index[f"extra:{header}"])
        kind = "attribute" if table.column_word == "attribute" else "column"
        template = _NOT_READ[kind] if header in reserved else _KEPT[(kind, what)]
        context.problems.warn(table.source, place, msg(template, header=header))


def apply_extras(item: dict[str, Any], cells: RowCells, columns: Columns, reserved: tuple[str, ...]) -> None:
    """Unknown columns onto the item's unknown keys (an empty cell removes the key)."""
    for header in columns.extras:
        if header in reserved:
            continue
        value = cells.raw(f"extra:{header}")
        if isinstance(value, str):
            value = plain_text(value)
        if value is None:
            if is_plain(item.get(header)):  # what no cell can show (null, a list) stays
                item.pop(header, None)
        else:
            item[header] = value


def import_segments(tables: list[Table], context: Context) -> None:
    """Apply every segments table to the map's data."""
    nodes: list[dict[str, Any]] = context.data["nodes"]
    by_id = {node["id"]: node for node in nodes}
    rows: list[tuple[RowCells, Columns, str]] = []
    listed: dict[str, str] = {}
    for table in tables:
        columns = read_columns(table, context)
        warn_extras(table, columns, context, "segment", NODE_KEYS, nodes)
        for row in table.rows:
            cells = RowCells(table, row.number, row.values, columns.index, context.problems)
            node_id = cells.id_value("id")
            if node_id is BAD:
                continue
            if node_id in listed:
                cells.error("id", msg("segment {id} is on {place} already: a segment has one row", id=node_id,
                                       place=listed[node_id]))
                continue
            if node_id is None:
                node_id = new_id("n")
            listed[node_id] = cells.place("id")
            rows.append((cells, columns, node_id))
    names = [node for node in nodes if node["id"] not in listed]
    for cells, _, node_id in rows:
        name = cells.text("name") if cells.has("name") else by_id.get(node_id, {}).get("name")
        names.append({"id": node_id, "name": name or ""})
    index = SegmentIndex(names)
    result: dict[str, dict[str, Any]] = {}
    for cells, columns, node_id in rows:
        old = by_id.get(node_id)
        node = _segment(cells, columns, node_id, json_copy(old) if old else {"id": node_id}, index, context)
        result[node_id] = node
        context.origins[("node", node_id)] = Origin(cells.table, cells.number, columns.index)
        if old is None:
            context.counts.add(context.counts.created, "segment")
            context.created_ids.add(node_id)
        elif node != old:
            context.counts.add(context.counts.updated, "segment")
    kept = []
    for node in nodes:
        if node["id"] in result:
            kept.append(result.pop(node["id"]))
        elif not context.delete_missing:
            kept.append(node)
        else:
            context.data.setdefault("deleted", []).append(node["id"])
            context.counts.add(context.counts.deleted, "segment")
    context.data["nodes"] = kept + list(result.values())


def _segment(cells: RowCells, columns: Columns, node_id: str, node: dict[str, Any], index: SegmentIndex,
             context: Context) -> dict[str, Any]:
    if cells.has("name") or "name" not in node:
        name = cells.text("name")
        if name is None:
            cells.error("name" if cells.has("name") else "id", msg("a segment needs a name"))
        else:
            node["name"] = name
    if cells.has("tier"):
        text = cells.ref("tier")
        if text is None:
            cells.error("tier", msg("a segment needs a tier"))
        else:
            tier = context.tier_id(text)
            if tier is None:
                cells.error("tier", context.unknown_tier(text.strip()))
            else:
                node["tier"] = tier
    elif "tier" not in node:
        cells.error("name" if cells.has("name") else "id",
                    msg("a new segment needs a tier, and the sheet has no tier column (层级 or tier; for a graph "
                        "file, give --tier-by ATTRIBUTE)"))
    if cells.has("parent"):
        text = cells.ref("parent")
        if text is None:
            node.pop("parent", None)
        else:
            parent, why = index.resolve(text)
            if why is not None:
                cells.error("parent", why)
            elif parent == node_id:
                cells.error("parent", msg("a segment cannot be its own parent"))
            else:
                node["parent"] = parent
    for key in ("kind", "description"):
        if cells.has(key):
            _put(node, key, cells.text(key))
    for key in ("aliases", "tags"):
        if cells.has(key):
            _put(node, key, cells.text_list(key) or None)
    for key in ("x", "y"):
        if cells.has(key):
            value = cells.number_value(key)
            if value is not BAD:
                _put(node, key, value)
    for code in columns.region_codes:
        context.use_region(code)
        _entry(node, code, cells, context)
    apply_extras(node, cells, columns, NODE_KEYS)
    return node


def _put(item: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        item.pop(key, None)
    else:
        item[key] = value


def _entry(node: dict[str, Any], code: str, cells: RowCells, context: Context) -> None:
    """One region's facts from the row's columns for that region."""
    keys = _region_keys(code)
    key = keys.__getitem__

    entries = node.setdefault("regions", {})
    old = entries.get(code)
    entry = old if old is not None else {}  # the node is the import's own copy already
    status = cells.word(key("status"), "status") if cells.has(key("status")) else entry.get("status")
    plan = _plan(cells, key, entry.get("plan"))  # every cell is checked, even after a bad status
    if status is BAD or plan is BAD:
        return
    _put(entry, "status", status)
    if cells.has(key("note")):
        _put(entry, "note", cells.text(key("note")))
    _put(entry, "plan", plan)
    facts = [k for k in ENTRY_KEYS if k in entry and k != "status"] + [k for k in entry if k not in ENTRY_KEYS]
    if "status" not in entry and not facts:
        entries.pop(code, None)
    else:
        entry.setdefault("status", "unknown")
        entries[code] = entry
    if not entries:
        node.pop("regions", None)


_REGION_KEYS: dict[str, dict[str, str]] = {}


def _region_keys(code: str) -> dict[str, str]:
    """``{fact: "region:CODE:fact"}``, made once per region."""
    keys = _REGION_KEYS.get(code)
    if keys is None:
        keys = _REGION_KEYS[code] = {fact: f"region:{code}:{fact}" for fact in (*PLAN_FACTS, "status", "note")}
    return keys


def _plan(cells: RowCells, key: Any, old: dict[str, Any] | None) -> Any:
    plan = dict(old) if old is not None else {}
    present = [fact for fact in PLAN_FACTS if cells.has(key(fact))]
    if not present:
        return old
    bad = False
    for fact in present:
        name = PLAN_FACTS[fact]
        if fact in ("action", "priority"):
            value = cells.word(key(fact), fact)
        elif fact == "due":
            value = cells.due(key(fact))
        elif fact == "targets":
            value = cells.text_list(key(fact)) or None
        else:
            value = cells.text(key(fact))
        if value is BAD:
            bad = True
            continue
        _put(plan, name, value)
    if bad:
        return BAD
    if not plan:
        return None
    for fact in ("action", "priority"):
        if fact not in plan:
            place = key(fact) if cells.has(key(fact)) else key(present[0])
            cells.error(place, msg("a plan needs an action ({expected})", expected=labels.expected(fact))
                        if fact == "action" else
                        msg("a plan needs a priority ({expected})", expected=labels.expected(fact)))
            bad = True
    return BAD if bad else plan


def import_enterprises(tables: list[Table], context: Context) -> None:
    """Each (segment, region)'s enterprises from the rows that name them, in row order."""
    nodes = {node["id"]: node for node in context.data["nodes"]}
    index = SegmentIndex(context.data["nodes"])
    groups: dict[tuple[str, str], list[tuple[RowCells, Columns]]] = {}
    for table in tables:
        columns = read_columns(table, context)
        warn_extras(table, columns, context, "enterprise", ENTERPRISE_KEYS,
                    (f for n in nodes.values() for e in n.get("regions", {}).values() for f in e.get("enterprises", ())))
        for row in table.rows:
            cells = RowCells(table, row.number, row.values, columns.index, context.problems)
            segment = cells.ref("segment") or cells.ref("segment_name")
            where = "segment" if cells.ref("segment") else "segment_name"
            if segment is None:
                cells.error("segment" if cells.has("segment") else "segment_name",
                            msg("an enterprise row needs its segment (环节)"))
                continue
            node_id, why = index.resolve(segment)
            if why is not None or node_id is None:
                cells.error(where, why or msg("no segment"))
                continue
            code = _firm_region(cells, context)
            if code is None:
                continue
            if cells.text("name") is None:
                cells.error("name", msg("an enterprise needs a name"))
                continue
            groups.setdefault((node_id, code), []).append((cells, columns))
    for (node_id, code), rows in groups.items():
        context.use_region(code)
        entries = nodes[node_id].setdefault("regions", {})
        entry = entries.setdefault(code, {"status": "unknown"})
        old = list(entry.get("enterprises", []))
        firms = []
        for number, (cells, columns) in enumerate(rows):
            firm = _firm(cells, columns, old, context)
            firms.append(firm)
            context.origins[("firm", f"{node_id}/{code}/{number}")] = Origin(cells.table, cells.number, columns.index)
        entry["enterprises"] = firms
        if old:
            context.counts.add(context.counts.deleted, "enterprise", len(old))
    if context.delete_missing:
        for node in context.data["nodes"]:
            for code, entry in node.get("regions", {}).items():
                if (node["id"], code) not in groups and entry.get("enterprises"):
                    context.counts.add(context.counts.deleted, "enterprise", len(entry.pop("enterprises")))


def _firm_region(cells: RowCells, context: Context) -> str | None:
    text = cells.ref("region")
    if text is None:
        regions = context.data["regions"]
        if len(regions) == 1:
            return str(regions[0]["code"])
        cells.error("region" if cells.has("region") else "name", msg("an enterprise row needs its region (地区)"))
        return None
    code = context.region_code(text)
    if code is None:
        cells.error("region", context.unknown_region(text.strip()))
    return code


def _firm(cells: RowCells, columns: Columns, old: list[dict[str, Any]], context: Context) -> dict[str, Any]:
    """One enterprise from its row, matched to the one it was (credit code, else name); the
    match is taken off ``old``, which is left with the enterprises no row names."""
    name = cells.text("name") or ""
    uscc = cells.text("uscc")
    match = next((f for f in old if uscc and f.get("uscc") == uscc.strip()), None) or next(
        (f for f in old if name_key(f.get("name", "")) == name_key(name)), None)
    if match is not None:
        old.remove(match)
    firm = dict(match) if match is not None else {}
    firm["name"] = name
    if cells.has("uscc"):
        _put(firm, "uscc", uscc)
    if cells.has("marks"):
        _put(firm, "marks", [labels.parse("mark", m) or m for m in cells.text_list("marks")] or None)
    for key in ("city", "note"):
        if cells.has(key):
            _put(firm, key, cells.text(key))
    apply_extras(firm, cells, columns, ENTERPRISE_KEYS)
    if match is None:
        context.counts.add(context.counts.created, "enterprise")
    elif firm != match:
        context.counts.add(context.counts.updated, "enterprise")
    return firm

