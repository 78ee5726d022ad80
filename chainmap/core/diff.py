"""What changed between two maps, in the map's own terms: :func:`diff_maps`.

Items are matched by id; segments left over are then matched by normalised name (one to one
only), links left over by their ends and kind. Segments are named by name, links by their
ends' names. ``meta`` (times, generator, ``merged_from``) and the ``deleted`` tombstones are
bookkeeping, not content, and are not compared; nor is the ``format`` version.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .format.serialize import map_to_data
from .merge.matching import normalise_name
from .messages import word
from .model import ABSENT, ChainMap

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
_SIGNS = {ADDED: "+", REMOVED: "-", CHANGED: "~"}
_MAP_KEYS = ("id", "title", "chain", "lead", "owner")
_SKIPPED_TOP = {"format", "version", "regions", "tiers", "nodes", "edges", "notes", "conflicts", "deleted", "meta"}


@dataclass
class Change:
    """One difference. ``what`` is ``map``, ``region``, ``tier``, ``segment``, ``link``,
    ``note`` or ``conflict``; ``field`` is empty for a whole item added or removed."""

    action: str
    what: str
    id: str
    name: str
    field: str = ""
    old: Any = ABSENT
    new: Any = ABSENT

    def describe(self) -> str:
        """One line for people, e.g. ``~ segment 电芯: CN-TJ status gap → weak``."""
        sign = _SIGNS[self.action]
        # The kind in the reader's language (a word of format.validate.WORDS); fields stay the file's keys.
        label = f"{word(self.what)} {self.name}".rstrip() if self.what != "map" else word("map")
        if not self.field:
            return f"{sign} {label}"
        if self.action == CHANGED:
            return f"{sign} {label}: {self.field} {show(self.old)} → {show(self.new)}"
        value = self.new if self.action == ADDED else self.old
        return f"{sign} {label}: {self.field} {show(value)}"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.action, "what": self.what, "id": self.id, "name": self.name}
        if self.field:
            out["field"] = self.field
        if self.old is not ABSENT:
            out["old"] = self.old
        if self.new is not ABSENT:
            out["new"] = self.new
        return out


def show(value: Any, limit: int = 80) -> str:
    """A value in a line: text quoted and shortened, lists comma-separated, absence as ``(none)``."""
    if value is ABSENT or value is None:
        return "(none)"
    if isinstance(value, str):
        text = value.replace("\n", " ")
        return f'"{text if len(text) <= limit else text[: limit - 1] + "…"}"'
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "[" + ", ".join(value) + "]"
    if isinstance(value, dict) and "action" in value and "priority" in value:
        return f"{value['action']}/{value['priority']}"
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _by_id(items: list[dict[str, Any]], key: str = "id") -> dict[str, dict[str, Any]]:
    return {str(item[key]): item for item in items}


def _pair(
    old: list[dict[str, Any]], new: list[dict[str, Any]], fallback: Callable[[dict[str, Any]], Any] | None,
    key: str = "id",
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(matched pairs, removed, added): by id, then by ``fallback`` one to one."""
    new_by_id = _by_id(new, key)
    pairs = [(item, new_by_id[item[key]]) for item in old if item[key] in new_by_id]
    removed = [item for item in old if item[key] not in new_by_id]
    old_ids = {item[key] for item in old}
    added = [item for item in new if item[key] not in old_ids]
    if fallback is not None and removed and added:
        def unique(items: list[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
            seen: dict[Any, list[dict[str, Any]]] = {}
            for item in items:
                seen.setdefault(fallback(item), []).append(item)
            return {k: v[0] for k, v in seen.items() if len(v) == 1}

        left, right = unique(removed), unique(added)
        for k in left.keys() & right.keys():
            pairs.append((left[k], right[k]))
        matched_old = {id(left[k]) for k in left.keys() & right.keys()}
        matched_new = {id(right[k]) for k in left.keys() & right.keys()}
        removed = [item for item in removed if id(item) not in matched_old]
        added = [item for item in added if id(item) not in matched_new]
    return pairs, removed, added


def _entry_changes(code: str, old: Any, new: Any) -> list[tuple[str, str, Any, Any]]:
    """(action, field, old, new) for one region's entry of a segment."""
    if old is ABSENT and new is ABSENT:
        return []
    if old is ABSENT:
        return [(ADDED, f"{code} status", ABSENT, new["status"])] + _entry_changes(code, {"status": new["status"]}, new)
    if new is ABSENT:
        return [(REMOVED, f"{code} entry", old.get("status"), ABSENT)]
    out: list[tuple[str, str, Any, Any]] = []
    if old.get("status") != new.get("status"):
        out.append((CHANGED, f"{code} status", old.get("status"), new.get("status")))

    def firm_key(firm: dict[str, Any]) -> str:
        return firm.get("uscc") or "name:" + normalise_name(firm["name"])

    old_firms = {firm_key(f): f for f in old.get("enterprises", ())}
    new_firms = {firm_key(f): f for f in new.get("enterprises", ())}
    for key, firm in new_firms.items():
        if key not in old_firms:
            out.append((ADDED, f"{code} enterprise", ABSENT, firm["name"]))
        elif firm != old_firms[key]:
            out.append((CHANGED, f"{code} enterprise {firm['name']}", old_firms[key], firm))
    for key, firm in old_firms.items():
        if key not in new_firms:
            out.append((REMOVED, f"{code} enterprise", firm["name"], ABSENT))
    old_plan, new_plan = old.get("plan", ABSENT), new.get("plan", ABSENT)
    if old_plan is ABSENT or new_plan is ABSENT:
        if old_plan is not new_plan:
            out.append((ADDED if old_plan is ABSENT else REMOVED, f"{code} plan", old_plan, new_plan))
    else:
        for key in dict.fromkeys([*old_plan, *new_plan]):
            if old_plan.get(key, ABSENT) != new_plan.get(key, ABSENT):
                out.append((CHANGED, f"{code} plan {key}", old_plan.get(key, ABSENT), new_plan.get(key, ABSENT)))
    for key in dict.fromkeys([*old, *new]):
        if key not in ("status", "enterprises", "plan") and old.get(key, ABSENT) != new.get(key, ABSENT):
            out.append((CHANGED, f"{code} {key}", old.get(key, ABSENT), new.get(key, ABSENT)))
    return out


def _field_changes(
    what: str, item_id: str, name: str, old: dict[str, Any], new: dict[str, Any],
    skip: tuple[str, ...], show_ref: Callable[[str, Any], Any],
) -> list[Change]:
    out = []
    placed = "x" in old or "x" in new or "y" in old or "y" in new  # a segment may have one of them only
    if placed and "x" not in skip and (old.get("x"), old.get("y")) != (new.get("x"), new.get("y")):
        out.append(Change(CHANGED, what, item_id, name, "position",
                          _xy(old), _xy(new)))
    for key in dict.fromkeys([*old, *new]):
        if key in skip or key in ("id", "x", "y"):
            continue
        a, b = old.get(key, ABSENT), new.get(key, ABSENT)
        if a != b:
            out.append(Change(CHANGED, what, item_id, name, key, show_ref(key, a), show_ref(key, b)))
    return out


def _xy(data: dict[str, Any]) -> Any:
    if "x" not in data and "y" not in data:
        return ABSENT
    return f"({data.get('x', 'none')}, {data.get('y', 'none')})"


def diff_maps(a: ChainMap, b: ChainMap) -> list[Change]:
    """Every difference from ``a`` to ``b``, one :class:`Change` each, in the map's order:
    the map's fields, regions, tiers, segments, links, notes, conflicts."""
    old, new = map_to_data(a), map_to_data(b)
    changes = _map_changes(old, new) + _region_changes(old, new) + _tier_changes(old, new)
    pairs, removed, added = _pair(old["nodes"], new["nodes"], lambda n: (n["tier"], normalise_name(n["name"])))
    names = _Names(old, new, {x["id"]: y["id"] for x, y in pairs})
    changes += [Change(REMOVED, "segment", n["id"], n["name"]) for n in removed]
    changes += [Change(ADDED, "segment", n["id"], n["name"]) for n in added]
    for x, y in pairs:
        changes += _segment_changes(x, y, names)
    changes += _link_changes(old, new, names) + _note_changes(old, new, names)
    pairs, removed, added = _pair(old.get("conflicts", []), new.get("conflicts", []), None)
    changes += [Change(REMOVED, "conflict", c["id"], f"{c['kind']} {c['path']}") for c in removed]
    changes += [Change(ADDED, "conflict", c["id"], f"{c['kind']} {c['path']}") for c in added]
    return changes


class _Names:
    """What the changes of segments, links and notes name things by: the tiers' and the
    segments' names on both sides, and which old segment id became which new one."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any], node_map: dict[str, str]) -> None:
        self.tiers = {t["id"]: t["name"] for t in old["tiers"]} | {t["id"]: t["name"] for t in new["tiers"]}
        self.old = {n["id"]: n["name"] for n in old["nodes"]}
        self.new = {n["id"]: n["name"] for n in new["nodes"]}
        self.node_map = node_map

    def mapped(self, node_id: Any) -> Any:
        """The new id of an old segment id (unchanged when it was not paired)."""
        return self.node_map.get(node_id, node_id)

    def segment_value(self, key: str, value: Any) -> Any:
        """A segment field's value as a change shows it (tier and parent by name)."""
        if key == "tier":
            return self.tiers.get(value, value)
        if key == "parent" and isinstance(value, str):
            return self.new.get(value, value)
        return value

    def ends(self, edge: dict[str, Any], old: bool = False) -> str:
        """A link named by its ends' names."""
        names = self.old if old else self.new
        return f"{names.get(edge['from'], edge['from'])} → {names.get(edge['to'], edge['to'])}"


def _map_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    keys = [*_MAP_KEYS, *(k for k in dict.fromkeys([*old, *new]) if k not in _SKIPPED_TOP and k not in _MAP_KEYS)]
    return [Change(CHANGED, "map", "", "", key, old.get(key, ABSENT), new.get(key, ABSENT))
            for key in keys if old.get(key, ABSENT) != new.get(key, ABSENT)]


def _region_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    pairs, removed, added = _pair(old["regions"], new["regions"], None, "code")
    changes = [Change(REMOVED, "region", r["code"], f"{r['code']} {r['name']}") for r in removed]
    changes += [Change(ADDED, "region", r["code"], f"{r['code']} {r['name']}") for r in added]
    for x, y in pairs:
        changes += _field_changes("region", x["code"], x["code"], x, y, ("code",), lambda _k, v: v)
    return changes


def _tier_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    pairs, removed, added = _pair(old["tiers"], new["tiers"], lambda t: normalise_name(t["name"]))
    changes = [Change(REMOVED, "tier", t["id"], t["name"]) for t in removed]
    changes += [Change(ADDED, "tier", t["id"], t["name"]) for t in added]
    for x, y in pairs:
        changes += _field_changes("tier", y["id"], x["name"], x, y, (), lambda _k, v: v)
    return changes


def _segment_changes(x: dict[str, Any], y: dict[str, Any], names: _Names) -> list[Change]:
    """The changes of one segment paired on both sides: its fields, then its regions' entries."""
    name = y["name"] if x["name"] == y["name"] else f"{x['name']} ({y['name']})"
    x_ref = {**x, "parent": names.mapped(x["parent"])} if "parent" in x else x
    changes = []
    for change in _field_changes("segment", y["id"], name, x_ref, y, ("regions",), names.segment_value):
        if change.field == "parent":
            change.old = names.old.get(x.get("parent", ""), change.old) if "parent" in x else ABSENT
        changes.append(change)
    old_regions, new_regions = x.get("regions", {}), y.get("regions", {})
    for code in dict.fromkeys([*old_regions, *new_regions]):
        for action, fact, before, after in _entry_changes(code, old_regions.get(code, ABSENT),
                                                          new_regions.get(code, ABSENT)):
            changes.append(Change(action, "segment", y["id"], name, fact, before, after))
    return changes


def _link_changes(old: dict[str, Any], new: dict[str, Any], names: _Names) -> list[Change]:
    pairs, removed, added = _pair(old["edges"], new["edges"],
                                  lambda e: (names.mapped(e["from"]), names.mapped(e["to"]), e.get("kind") or "supply"))
    changes = [Change(REMOVED, "link", e["id"], names.ends(e, old=True)) for e in removed]
    changes += [Change(ADDED, "link", e["id"], names.ends(e)) for e in added]
    for x, y in pairs:
        x_mapped = {**x, "from": names.mapped(x["from"]), "to": names.mapped(x["to"])}
        label = names.ends(y)
        for change in _field_changes("link", y["id"], label, x_mapped, y, (),
                                     lambda k, v: names.new.get(v, v) if k in ("from", "to") else v):
            if change.field != "flows":
                changes.append(change)
                continue
            before = {(f["from"], f["to"]) for f in x.get("flows", ())}
            after = {(f["from"], f["to"]) for f in y.get("flows", ())}
            changes += [Change(ADDED, "link", y["id"], label, "flow", ABSENT, f"{f[0]} → {f[1]}")
                        for f in sorted(after - before)]
            changes += [Change(REMOVED, "link", y["id"], label, "flow", f"{f[0]} → {f[1]}")
                        for f in sorted(before - after)]
            if before == after:
                changes.append(change)
    return changes


def _note_changes(old: dict[str, Any], new: dict[str, Any], names: _Names) -> list[Change]:
    pairs, removed, added = _pair(old.get("notes", []), new.get("notes", []), None)
    changes = [Change(REMOVED, "note", n["id"], show(n["text"], 40)) for n in removed]
    changes += [Change(ADDED, "note", n["id"], show(n["text"], 40)) for n in added]
    for x, y in pairs:
        x_mapped = {**x, "node": names.mapped(x["node"])} if "node" in x else x
        changes += _field_changes("note", y["id"], show(y["text"], 40), x_mapped, y, (),
                                  lambda k, v: names.new.get(v, v) if k == "node" else v)
    return changes
