"""The canonical form of validated map data, straight from the data (no model built).

:func:`canonical_data` gives what ``map_to_data(map_from_data(data))`` gives (the spec's
canonical writing: keys in the order of its tables, then the unknown keys in the order they
were read; absent optional keys and empty optional arrays left out; coordinates rounded to
0.1; tombstones once each), without the dataclass of every segment, entry and enterprise in
between: ``chainmap format`` and ``chainmap merge`` do not need the model. It expects data that
:func:`chainmap.core.format.validate.validate_data` passed without errors, and uses it up. The two ways give
the same bytes on every map (tests/core/test_canonical.py compares them on the examples,
near misses and fuzzed maps); an object already in canonical form is taken as it is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ..bulk import gc_paused
from ..vocabulary import FORMAT_NAME, FORMAT_VERSION
from .fileio import parse_and_check, read_file_bytes
from .keys import (
    CONFLICT_KEYS,
    CONFLICT_VALUE_KEYS,
    EDGE_KEYS,
    ENTERPRISE_KEYS,
    ENTRY_KEYS,
    FLOW_KEYS,
    NODE_KEYS,
    NOTE_KEYS,
    PLAN_KEYS,
    REGION_KEYS,
    TIER_KEYS,
    TOP_KEYS,
)
from .problems import Problem
from .serialize import canonical_coordinate, dumps_data


def _orders(keys: tuple[str, ...], required: int) -> frozenset[tuple[str, ...]]:
    """Every key order that is canonical for these keys: the first ``required`` ones, then any
    of the others, in table order."""
    optional = keys[required:]
    orders = []
    for mask in range(1 << len(optional)):
        orders.append(keys[:required] + tuple(key for bit, key in enumerate(optional) if mask >> bit & 1))
    return frozenset(orders)


# Objects whose keys are in one of these orders, and which hold no empty list, are canonical.
_ENTERPRISE_ORDERS = _orders(ENTERPRISE_KEYS, 1)
_FLOW_ORDERS = _orders(FLOW_KEYS, 2)
_NODE_ORDERS = _orders(NODE_KEYS, 3)
_ENTRY_ORDERS = _orders(ENTRY_KEYS, 1)
_PLAN_ORDERS = _orders(PLAN_KEYS, 2)
_EDGE_ORDERS = _orders(EDGE_KEYS, 3)
_EXACT = 2**53  # whole numbers up to here are exact as floats: canonical as they are
_TIER_ORDER = TIER_KEYS


def _known(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(keys)


_TOP_KNOWN = _known(TOP_KEYS)
_REGION_KNOWN = _known(REGION_KEYS)
_TIER_KNOWN = _known(TIER_KEYS)
_NODE_KNOWN = _known(NODE_KEYS)
_ENTRY_KNOWN = _known(ENTRY_KEYS)
_ENTERPRISE_KNOWN = _known(ENTERPRISE_KEYS)
_PLAN_KNOWN = _known(PLAN_KEYS)
_EDGE_KNOWN = _known(EDGE_KEYS)
_FLOW_KNOWN = _known(FLOW_KEYS)
_NOTE_KNOWN = _known(NOTE_KEYS)
_CONFLICT_KNOWN = _known(CONFLICT_KEYS)
_CONFLICT_VALUE_KNOWN = _known(CONFLICT_VALUE_KEYS)


def _ordered(data: dict[str, Any], keys: tuple[str, ...], known: frozenset[str], lists: tuple[str, ...] = ()) -> dict[str, Any]:
    """``data``'s known keys in table order (leaving out the ``lists`` that are empty), then
    its unknown keys as they were read."""
    out: dict[str, Any] = {}
    for key in keys:
        if key in data:
            value = data[key]
            if key in lists and not value:
                continue
            out[key] = value
    if not data.keys() <= known:
        for key, value in data.items():
            if key not in known:
                out[key] = value
    return out


def _enterprise(data: dict[str, Any]) -> dict[str, Any]:
    if tuple(data) in _ENTERPRISE_ORDERS and data.get("marks", True):
        return data
    return _ordered(data, ENTERPRISE_KEYS, _ENTERPRISE_KNOWN, ("marks",))


def _entry(data: dict[str, Any]) -> dict[str, Any]:
    if tuple(data) in _ENTRY_ORDERS and data.get("enterprises", True):
        firms = data.get("enterprises")
        if firms:
            for index, firm in enumerate(firms):
                if tuple(firm) not in _ENTERPRISE_ORDERS or not firm.get("marks", True):
                    firms[index] = _enterprise(firm)
        plan = data.get("plan")
        if plan is not None and (tuple(plan) not in _PLAN_ORDERS or not plan.get("targets", True)):
            data["plan"] = _ordered(plan, PLAN_KEYS, _PLAN_KNOWN, ("targets",))  # the same place
        return data
    out = _ordered(data, ENTRY_KEYS, _ENTRY_KNOWN, ("enterprises",))
    firms = out.get("enterprises")
    if firms:
        out["enterprises"] = [_enterprise(firm) for firm in firms]
    plan = out.get("plan")
    if plan is not None:
        out["plan"] = _ordered(plan, PLAN_KEYS, _PLAN_KNOWN, ("targets",))
    return out


def _canonical_number(value: Any) -> bool:
    """Whether :func:`canonical_coordinate` would write ``value`` as it is."""
    if value.__class__ is int:
        return -_EXACT <= value <= _EXACT
    return value.__class__ is float and not value.is_integer() and round(value, 1) == value


def _node(data: dict[str, Any]) -> dict[str, Any]:
    if (tuple(data) in _NODE_ORDERS and data.get("aliases", True) and data.get("tags", True)
            and data.get("regions", True)):
        out = data  # in canonical order already: its values are made canonical in place
        for key in ("x", "y"):
            value = out.get(key)
            if value is not None and not _canonical_number(value):
                out[key] = canonical_coordinate(value)
    else:
        out = _ordered(data, NODE_KEYS, _NODE_KNOWN, ("aliases", "tags", "regions"))
        if "x" in out:
            out["x"] = canonical_coordinate(out["x"])
        if "y" in out:
            out["y"] = canonical_coordinate(out["y"])
        if "regions" in out:
            out["regions"] = dict(out["regions"])
    entries = out.get("regions")
    if entries:
        for code, entry in entries.items():
            entries[code] = _entry(entry)  # a value replaced: the keys keep their order
    return out


def _flow(data: dict[str, Any]) -> dict[str, Any]:
    if tuple(data) in _FLOW_ORDERS:
        return data
    return _ordered(data, FLOW_KEYS, _FLOW_KNOWN)


def _edge(data: dict[str, Any]) -> dict[str, Any]:
    if tuple(data) in _EDGE_ORDERS and data.get("flows", True):
        out = data
    else:
        out = _ordered(data, EDGE_KEYS, _EDGE_KNOWN, ("flows",))
    flows = out.get("flows")
    if flows:
        out["flows"] = [_flow(flow) for flow in flows]
    return out


def _note(data: dict[str, Any]) -> dict[str, Any]:
    out = _ordered(data, NOTE_KEYS, _NOTE_KNOWN)
    out["x"] = canonical_coordinate(out["x"])
    out["y"] = canonical_coordinate(out["y"])
    return out


def _conflict(data: dict[str, Any]) -> dict[str, Any]:
    out = _ordered(data, CONFLICT_KEYS, _CONFLICT_KNOWN)
    out["values"] = [_ordered(value, CONFLICT_VALUE_KEYS, _CONFLICT_VALUE_KNOWN) for value in out["values"]]
    return out


def canonical_data(data: dict[str, Any]) -> dict[str, Any]:
    """Validated map data in canonical form, as :func:`chainmap.core.format.serialize.map_to_data`
    writes the map built from it. ``data`` is used up: objects already in canonical order are
    taken as they are (their values made canonical in place), not copied."""
    out: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    for key in ("id", "title", "chain", "lead", "owner"):
        if key in data:
            out[key] = data[key]
    out["regions"] = [_ordered(region, REGION_KEYS, _REGION_KNOWN) for region in data["regions"]]
    out["tiers"] = [tier if tuple(tier) == _TIER_ORDER else _ordered(tier, TIER_KEYS, _TIER_KNOWN)
                    for tier in data["tiers"]]
    out["nodes"] = [_node(node) for node in data["nodes"]]
    out["edges"] = [_edge(edge) for edge in data["edges"]]
    notes = data.get("notes")
    if notes:
        out["notes"] = [_note(note) for note in notes]
    conflicts = data.get("conflicts")
    if conflicts:
        out["conflicts"] = [_conflict(conflict) for conflict in conflicts]
    deleted = data.get("deleted")
    if deleted:
        out["deleted"] = list(dict.fromkeys(deleted))
    meta = data.get("meta")
    if meta:
        out["meta"] = meta
    if not data.keys() <= _TOP_KNOWN:
        for key, value in data.items():
            if key not in _TOP_KNOWN:
                out[key] = value
    return out


@dataclass
class FormatResult:
    """A map file in canonical form (plain ``data``, or the ``bytes`` saving would write), and
    the warnings found in the file."""

    data: Any
    warnings: list[Problem]
    source: str


def read_canonical(path: str | os.PathLike[str]) -> FormatResult:
    """The map in this file as canonical plain data (``map_to_data`` of the map ``load_map``
    would build), without building the model; raises what ``load_map`` raises."""
    source = os.fspath(path)
    raw = read_file_bytes(path)
    with gc_paused():
        data, warnings = parse_and_check(raw, source)
        return FormatResult(canonical_data(data), warnings, source)


def format_map_file(path: str | os.PathLike[str]) -> FormatResult:
    """The bytes :func:`chainmap.core.format.fileio.save_map` would write for the map in this
    file once loaded (as ``data``), without building the model; raises what ``load_map`` raises."""
    result = read_canonical(path)
    with gc_paused():
        result.data = dumps_data(result.data)
    return result
