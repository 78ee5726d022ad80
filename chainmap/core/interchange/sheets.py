"""A map as tables: the sheets of a workbook (and the CSV files), row by row.

:func:`map_sheets` gives every sheet of :mod:`.names` for a map, in the user's language:
segments (one row each, with every region's status, enterprise count and plan), links (with
the ends' names beside their ids), enterprises (one row each), notes, the three lists
(derived, for reading), and the tiers, the regions and the map's own fields. The writers
(:mod:`.xlsx_write`, :mod:`.csv_io`) only lay these out; the importer reads them back.

Cells hold the values as they are (text, numbers, ``None`` for empty); the writers quote and
escape text (:mod:`.cells`). Unknown keys of segments, links, enterprises and notes whose
values are plain (text, numbers, true/false) get a column of their own, headed by the key.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from chainmap.core.analysis import three_lists
from chainmap.core.model import ChainMap, Edge, Flow, Node

from . import labels
from .cells import join_list
from .names import (
    COLUMNS,
    MAP_FIELDS,
    REGION_FIELDS,
    column_field,
    header,
    is_chinese,
    loose,
    region_field,
    region_header,
    sheet_name,
    split_region_header,
)

MAX_EXACT_INT = 2**53
REASONS = {"weak": ("薄弱", "weak"), "single-region": ("仅一地有基础", "single-region"),
           "single-firm": ("仅一家企业", "single-firm")}


@dataclass
class Sheet:
    """One table: its kind and name, the header row, the rows, and how cells are checked.

    ``fields`` names each column (``name``, ``region:CN-TJ:status``, ``extra:KEY``);
    ``choices`` maps a column's index to the words its drop-down offers; ``status_columns``
    are the columns coloured by status; ``frozen`` is the first cell not frozen (``C2``).
    """

    kind: str
    name: str
    headers: list[str]
    fields: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    choices: dict[int, list[str]] = field(default_factory=dict)
    status_columns: list[int] = field(default_factory=list)
    frozen: str = "A2"


class _Names:
    """How a map's regions and tiers appear in cells: names where they are unambiguous."""

    def __init__(self, chain_map: ChainMap, lang: str) -> None:
        self.chinese = is_chinese(lang)
        # A name stands for its region where no other region has it as name or code.
        # (As the importer compares names: loosely, see names.loose.)
        spellings = [loose(r.name) for r in chain_map.regions] + [loose(r.code) for r in chain_map.regions]
        self.region = {
            r.code: r.name if self.chinese and loose(r.name) and spellings.count(loose(r.name)) == 1
            and not any(ch in r.name for ch in "→>;；、'\n") else r.code
            for r in chain_map.regions
        }
        tier_names = [t.name for t in chain_map.tiers]
        ids = {t.id for t in chain_map.tiers}
        self.tiers_by_name = all(tier_names.count(t.name) == 1 and (t.name not in ids or t.name == t.id)
                                 for t in chain_map.tiers)
        self.tier = {t.id: t.name if self.tiers_by_name else t.id for t in chain_map.tiers}

    def flows(self, flows: list[Flow]) -> str | None:
        if not flows:
            return None
        if any(f.note is not None or f.extra for f in flows):
            return json.dumps([{"from": f.source, "to": f.target, **({"note": f.note} if f.note is not None else {}),
                                **f.extra} for f in flows], ensure_ascii=False)
        return "; ".join(f"{self.region.get(f.source, f.source)}→{self.region.get(f.target, f.target)}"
                         for f in flows)


def is_plain(value: Any) -> bool:
    """Whether an unknown key's value fits in a cell (text, a number, true/false)."""
    if isinstance(value, bool) or isinstance(value, str):
        return True
    if isinstance(value, int):
        return abs(value) <= MAX_EXACT_INT
    # A workbook keeps 16 significant digits (openpyxl writes "%.16g").
    return isinstance(value, float) and float(f"{value:.16g}") == value


def _extra_keys(kind: str, extras: Iterable[dict[str, Any]], regions: list[tuple[str, str]]) -> list[str]:
    """Unknown keys that get a column: plain values, and a name no known column has."""
    keys: dict[str, None] = {}
    for extra in extras:
        for key, value in extra.items():
            if key not in keys and is_plain(value) and key.strip() and column_field(kind, key) is None \
                    and region_field(key) is None and split_region_header(key, regions) is None:
                keys[key] = None
    return list(keys)


def _table(kind: str, lang: str, extra_keys: list[str]) -> Sheet:
    fields = [f for f, *_ in COLUMNS[kind]]
    headers = [header(kind, f, lang) for f in fields]
    return Sheet(kind, sheet_name(kind, lang), headers + extra_keys, fields + [f"extra:{k}" for k in extra_keys])


def _extra_cells(extra: dict[str, Any], keys: list[str]) -> list[Any]:
    return [extra.get(key) if is_plain(extra.get(key)) else None for key in keys]


def segments_sheet(chain_map: ChainMap, lang: str, names: _Names) -> Sheet:
    """One row per segment: its fields, then each region's facts, then its position."""
    regions = [(r.code, r.name) for r in chain_map.regions]
    extra_keys = _extra_keys("segments", (n.extra for n in chain_map.nodes), regions)
    base = [f for f, *_ in COLUMNS["segments"] if f not in ("x", "y")]
    sheet = Sheet("segments", sheet_name("segments", lang), [header("segments", f, lang) for f in base], list(base))
    for code, _ in regions:
        for fact in REGION_FIELDS:
            column = len(sheet.fields)
            sheet.fields.append(f"region:{code}:{fact}")
            sheet.headers.append(region_header(code, names.region[code], fact, lang))
            if fact in ("status", "action", "priority"):
                sheet.choices[column] = labels.choices(fact, lang)
            if fact == "status":
                sheet.status_columns.append(column)
    for coordinate in ("x", "y"):
        sheet.fields.append(coordinate)
        sheet.headers.append(header("segments", coordinate, lang))
    sheet.fields += [f"extra:{k}" for k in extra_keys]
    sheet.headers += extra_keys
    if names.tiers_by_name:
        sheet.choices[2] = [t.name for t in chain_map.tiers]
    sheet.frozen = "C2"
    for node in chain_map.nodes:
        sheet.rows.append(_segment_row(node, regions, lang, names) + _extra_cells(node.extra, extra_keys))
    return sheet


def _segment_row(node: Node, regions: list[tuple[str, str]], lang: str, names: _Names) -> list[Any]:
    row: list[Any] = [node.id, node.name, names.tier.get(node.tier, node.tier), node.parent, node.kind,
                      join_list(node.aliases), node.description, join_list(node.tags)]
    for code, _ in regions:
        entry = node.regions.get(code)
        if entry is None:
            row += [None] * len(REGION_FIELDS)
            continue
        plan = entry.plan
        row += [labels.label("status", entry.status, lang), len(entry.enterprises) or None]
        if plan is None:
            row += [None] * 6
        else:
            row += [labels.label("action", plan.action, lang), labels.label("priority", plan.priority, lang),
                    join_list(plan.targets), plan.owner, plan.due, plan.note]
        row.append(entry.note)
    row += [node.x, node.y]
    return row


def links_sheet(chain_map: ChainMap, lang: str, names: _Names) -> Sheet:
    """One row per link, the ends' names beside their ids."""
    regions = [(r.code, r.name) for r in chain_map.regions]
    extra_keys = _extra_keys("links", (e.extra for e in chain_map.edges), regions)
    sheet = _table("links", lang, extra_keys)
    sheet.frozen = "B2"

    def row(edge: Edge) -> list[Any]:
        source, target = chain_map.node(edge.source), chain_map.node(edge.target)
        kind = labels.label("kind", edge.kind, lang) if edge.kind is not None else None
        return [edge.id, edge.source, source.name, edge.target, target.name, kind, edge.label,
                names.flows(edge.flows), edge.note, *_extra_cells(edge.extra, extra_keys)]

    sheet.rows = [row(edge) for edge in chain_map.edges]
    return sheet


def enterprises_sheet(chain_map: ChainMap, lang: str, names: _Names) -> Sheet:
    """One row per enterprise, in segment and region order."""
    regions = [(r.code, r.name) for r in chain_map.regions]
    firms = [(node, code, firm) for node in chain_map.nodes for code, entry in node.regions.items()
             for firm in entry.enterprises]
    extra_keys = _extra_keys("enterprises", (f.extra for _, _, f in firms), regions)
    sheet = _table("enterprises", lang, extra_keys)
    sheet.frozen = "C2"
    sheet.rows = [[node.id, node.name, names.region.get(code, code), firm.name, firm.uscc,
                   join_list([labels.label("mark", m, lang) for m in firm.marks]), firm.city, firm.note,
                   *_extra_cells(firm.extra, extra_keys)] for node, code, firm in firms]
    return sheet


def notes_sheet(chain_map: ChainMap, lang: str) -> Sheet:
    """One row per note, with the name of the segment it points at."""
    regions = [(r.code, r.name) for r in chain_map.regions]
    extra_keys = _extra_keys("notes", (n.extra for n in chain_map.notes), regions)
    sheet = _table("notes", lang, extra_keys)
    sheet.rows = [[note.id, note.text, note.x, note.y, note.node,
                   chain_map.node(note.node).name if note.node else None, *_extra_cells(note.extra, extra_keys)]
                  for note in chain_map.notes]
    return sheet


def list_sheets(chain_map: ChainMap, lang: str, names: _Names) -> list[Sheet]:
    """The three lists (卡点攻关, 堵点招商, 重点企业), read off the map."""
    lists = three_lists(chain_map)
    zh = 0 if names.chinese else 1
    bottlenecks, investment, firms = (_table(kind, lang, []) for kind in ("bottlenecks", "investment",
                                                                          "key_enterprises"))
    bottlenecks.rows = [[b.node.name, names.region.get(b.region or "", b.region), REASONS[b.reason][zh]]
                        for b in lists.bottlenecks]
    for gap in lists.investment_gaps:
        plan = gap.plan
        investment.rows.append([
            gap.node.name, names.region.get(gap.region, gap.region), labels.label("status", gap.status, lang),
            labels.label("action", plan.action, lang) if plan else None,
            labels.label("priority", plan.priority, lang) if plan else None,
            join_list(plan.targets) if plan else None, plan.owner if plan else None, plan.due if plan else None,
        ])
    investment.status_columns = [2]
    firms.rows = [[k.enterprise.name, join_list([labels.label("mark", m, lang) for m in k.enterprise.marks]),
                   k.node.name, names.region.get(k.region, k.region), k.enterprise.city, k.enterprise.uscc]
                  for k in lists.enterprises]
    return [bottlenecks, investment, firms]


def map_sheets(chain_map: ChainMap, lang: str) -> list[Sheet]:
    """Every sheet of the workbook for ``chain_map``, in ``lang`` (``zh_CN`` or ``en``)."""
    names = _Names(chain_map, lang)
    tiers = _table("tiers", lang, [])
    tiers.rows = [[t.id, t.name] for t in chain_map.tiers]
    regions = _table("regions", lang, [])
    regions.rows = [[r.code, r.name, r.color] for r in chain_map.regions]
    about = _table("map", lang, [])
    chinese = 1 if names.chinese else 0
    values = {"id": chain_map.id, "title": chain_map.title, "chain": chain_map.chain,
              "lead": chain_map.lead, "owner": chain_map.owner}
    about.rows = [[MAP_FIELDS[key][chinese], value] for key, value in values.items()]
    return [segments_sheet(chain_map, lang, names), links_sheet(chain_map, lang, names),
            enterprises_sheet(chain_map, lang, names), notes_sheet(chain_map, lang),
            *list_sheets(chain_map, lang, names), tiers, regions, about]


def sheet_for(chain_map: ChainMap, kind: str, lang: str) -> Sheet:
    """One sheet of :func:`map_sheets` by kind (for a CSV file)."""
    builders: dict[str, Callable[[], Sheet]] = {
        "segments": lambda: segments_sheet(chain_map, lang, _Names(chain_map, lang)),
        "links": lambda: links_sheet(chain_map, lang, _Names(chain_map, lang)),
        "enterprises": lambda: enterprises_sheet(chain_map, lang, _Names(chain_map, lang)),
        "notes": lambda: notes_sheet(chain_map, lang),
    }
    if kind in builders:
        return builders[kind]()
    return next(sheet for sheet in map_sheets(chain_map, lang) if sheet.kind == kind)
