"""The parts of parsed map data the mutators pick from: every object with its kind, the
items' ids, and the keys each kind knows (from the validator's shapes)."""

from __future__ import annotations

from typing import Any

from chainmap.core.format import validate

from .jsontext import Raw

ITEM_LISTS = ("regions", "tiers", "nodes", "edges", "notes", "conflicts")
KNOWN_KEYS = {
    "top": validate.TOP_SHAPE[1], "region": validate.REGION_SHAPE[1], "tier": validate.TIER_SHAPE[1],
    "node": validate.NODE_SHAPE[1], "entry": validate.ENTRY_SHAPE[1], "enterprise": validate.ENTERPRISE_SHAPE[1],
    "plan": validate.PLAN_SHAPE[1], "edge": validate.EDGE_SHAPE[1], "flow": validate.FLOW_SHAPE[1],
    "note": validate.NOTE_SHAPE[1], "conflict": validate.CONFLICT_SHAPE[1],
    "conflict value": {"source": str, "value": object}, "meta": validate.META_SHAPE[1],
}
UNKNOWN_KEYS = ["x-extra", "x-deep", "未知", "", " ", "\x1b", "id ", "Name", "__proto__", "constructor", "x" * 300]


def dicts(value: Any) -> list[dict[str, Any]]:
    """The objects of ``value`` when it is a list (none otherwise)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def objects(data: Any) -> list[tuple[str, dict[str, Any]]]:
    """Every object of the map with its kind (``node``, ``entry``, ``flow``…), top first."""
    if not isinstance(data, dict):
        return []
    found: list[tuple[str, dict[str, Any]]] = [("top", data)]
    for key in ITEM_LISTS:
        found += [(key[:-1], item) for item in dicts(data.get(key))]
    if isinstance(data.get("meta"), dict):
        found.append(("meta", data["meta"]))
    for node in dicts(data.get("nodes")):
        regions = node.get("regions")
        for entry in regions.values() if isinstance(regions, dict) else ():
            if isinstance(entry, dict):
                found.append(("entry", entry))
                found += [("enterprise", firm) for firm in dicts(entry.get("enterprises"))]
                if isinstance(entry.get("plan"), dict):
                    found.append(("plan", entry["plan"]))
    for edge in dicts(data.get("edges")):
        found += [("flow", flow) for flow in dicts(edge.get("flows"))]
    for conflict in dicts(data.get("conflicts")):
        found += [("conflict value", value) for value in dicts(conflict.get("values"))]
    return found


def item_ids(data: Any) -> list[str]:
    """The ids of the map's items and its region codes."""
    ids = [item.get("id") for key in ITEM_LISTS for item in dicts(data.get(key))] if isinstance(data, dict) else []
    ids += [r.get("code") for r in dicts(data.get("regions"))] if isinstance(data, dict) else []
    return [i for i in ids if isinstance(i, str)]


def items_of(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The objects of the list ``data[kind]``."""
    return dicts(data.get(kind))



def short(value: Any) -> str:
    """A value as a finding shows it: its repr, cut to about 40 characters."""
    text = value.text if isinstance(value, Raw) else repr(value)
    return text if len(text) <= 40 else f"{text[:30]}…({len(text)} chars)"
