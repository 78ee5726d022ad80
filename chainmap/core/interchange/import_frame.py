"""Importing what the other sheets refer to: the map's own fields, its regions and tiers; and
reading a sheet's header into columns.

Regions are keyed by code and tiers by id: a row with a known key updates that item, a row
without one (a tier without an id) creates one. The sheets' order is the map's order, items
missing from a sheet are kept (after those listed) unless ``--delete-missing`` removes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chainmap.core.ids import COLOR_PATTERN, is_valid_region_code, new_id
from chainmap.core.messages import msg

from .cells import unquote_text
from .context import Context, Origin
from .names import column_field, map_field, split_region_header
from .tables import Table
from .values import BAD, RowCells


@dataclass
class Columns:
    """A sheet's columns: known fields, a segment's region facts (``region:CODE:fact``) and
    unknown columns (``extra:HEADER``), each to its index."""

    index: dict[str, int] = field(default_factory=dict)
    extras: list[str] = field(default_factory=list)
    region_codes: list[str] = field(default_factory=list)


def read_columns(table: Table, context: Context) -> Columns:
    """Match a table's headers to fields; warn about columns nothing reads, refuse a column
    given twice."""
    columns = Columns()
    regions = context.region_pairs() if table.kind == "segments" else []
    for index, text in enumerate(table.headers):
        text = unquote_text(text)  # a header that would start a formula was written with a '
        if not text:
            if any(index < len(row.values) and row.values[index] is not None for row in table.rows):
                context.problems.warn(table.source, table.header_place(index),
                                      msg("this column has values but no header, so it was not read"))
            continue
        field_name = column_field(table.kind, text)
        key = field_name
        if key is None and regions:
            found = split_region_header(text, regions)
            if found is not None:
                key = f"region:{found[0]}:{found[1]}"
                if found[0] not in columns.region_codes:
                    columns.region_codes.append(found[0])
        if key is None:
            key = f"extra:{text}"
            columns.extras.append(text)
        if key in columns.index:
            context.problems.add(table.source, table.header_place(index),
                                 msg("a second column '{header}': each column may appear once on a sheet", header=text))
            continue
        columns.index[key] = index
    return columns


def import_map_sheet(table: Table, context: Context) -> None:
    """The map's title, chain, lead and owner (and its id, for a new map)."""
    data = context.data
    for row in table.rows:
        cells = RowCells(table, row.number, row.values, {"field": 0, "value": 1}, context.problems)
        name = cells.text("field")
        if name is None:
            continue
        key = map_field(name)
        if key is None:
            context.problems.warn(table.source, cells.place("field"), msg(
                "'{name}' is not a field of a map; the map sheet has ID, Title, Chain, Lead region, Owner region",
                name=name))
            continue
        value = cells.id_value("value") if key == "id" else cells.text("value")
        if value is BAD:
            continue
        if key == "id":
            if context.new_map and value is not None:
                data["id"] = value
            elif value is not None and value != data["id"]:
                context.problems.warn(table.source, cells.place("value"),
                                      msg("the workbook comes from map '{workbook}'; it was imported into map "
                                          "'{map}', whose id stays", workbook=value, map=data["id"]))
        elif key in ("title", "chain"):
            if value is None:
                cells.error("value", msg("a map needs a title") if key == "title" else msg("a map needs a chain"))
            else:
                data[key] = value
        else:
            code = context.region_code(value) if value is not None else None
            if value is not None and code is None:
                cells.error("value", context.unknown_region(str(value)))
                continue
            if code is None:
                data.pop(key, None)
            else:
                context.use_region(code)
                data[key] = code


def import_regions(table: Table, context: Context) -> None:
    """Regions keyed by code, in the sheet's order."""
    columns = read_columns(table, context).index
    old = {r["code"]: r for r in context.data["regions"]}
    listed: list[dict[str, object]] = []
    for row in table.rows:
        cells = RowCells(table, row.number, row.values, columns, context.problems)
        code = (cells.text("code") or "").strip()
        name = cells.text("name")
        if not is_valid_region_code(code):
            cells.error("code", msg("'{code}' is not a region code: capitals, digits and '-', 2 to 16 "
                                    "characters, starting with a letter (e.g. CN-TJ)", code=code) if code else
                        msg("a region needs its code (e.g. CN-TJ)"))
            continue
        if any(r["code"] == code for r in listed):
            cells.error("code", msg("region {code} is listed twice", code=code))
            continue
        region = dict(old.get(code, {"code": code}))
        if cells.has("name"):
            if name is None:
                cells.error("name", msg("region {code} needs a name", code=code))
                continue
            region["name"] = name
        region.setdefault("name", code)
        if cells.has("color"):
            colour = cells.text("color")
            if colour is not None and not COLOR_PATTERN.match(colour.strip()):
                cells.error("color", msg("'{colour}' is not a colour of the form #RRGGBB", colour=colour))
            elif colour is None:
                region.pop("color", None)
            else:
                region["color"] = colour.strip()
        listed.append(region)
        context.origins[("region", code)] = Origin(table, row.number, columns)
    kept = [] if context.delete_missing else [r for c, r in old.items() if all(x["code"] != c for x in listed)]
    context.data["regions"] = listed + kept


def import_tiers(table: Table, context: Context) -> None:
    """Tiers keyed by id, upstream to downstream in the sheet's order."""
    columns = read_columns(table, context).index
    old = {t["id"]: t for t in context.data["tiers"]}
    listed: list[dict[str, object]] = []
    for row in table.rows:
        cells = RowCells(table, row.number, row.values, columns, context.problems)
        tier_id = cells.id_value("id")
        name = cells.text("name")
        if tier_id is BAD:
            continue
        if name is None:
            cells.error("name", msg("a tier needs a name"))
            continue
        if tier_id is None:
            tier_id = new_id("t")
        elif any(t["id"] == tier_id for t in listed):
            cells.error("id", msg("tier {id} is listed twice", id=tier_id))
            continue
        tier = dict(old.get(tier_id, {"id": tier_id}))
        if tier_id not in old:
            context.counts.add(context.counts.created, "tier")
            context.created_ids.add(str(tier_id))
        elif tier.get("name") != name:
            context.counts.add(context.counts.updated, "tier")
        tier["name"] = name
        listed.append(tier)
        context.origins[("tier", str(tier_id))] = Origin(table, row.number, columns)
    kept = [] if context.delete_missing else [t for i, t in old.items() if all(x["id"] != i for x in listed)]
    context.data["tiers"] = listed + kept
    context.tiers_from_cells = False
