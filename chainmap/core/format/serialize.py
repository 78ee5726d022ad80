"""Plain data (what ``json`` reads and writes) ↔ model, in the format's canonical key order.

:func:`map_from_data` expects data that :func:`chainmap.core.format.validate.validate_data` passed
without errors; :func:`map_to_data` writes keys in the order of the spec's tables, omits
absent optional keys and empty optional arrays, rounds coordinates to 0.1, and appends the
keys this version does not know, in the order they were read.
"""

from __future__ import annotations

from collections.abc import Callable
from sys import intern
from typing import Any, TypeVar

from ..bulk import gc_paused
from ..empties import NO_KEYS, items_or_shared
from ..model import (
    ABSENT,
    ChainMap,
    Conflict,
    ConflictValue,
    Edge,
    Enterprise,
    Flow,
    Node,
    Note,
    Plan,
    Region,
    RegionEntry,
    Tier,
)
from ..vocabulary import FORMAT_NAME, FORMAT_VERSION
from .jsontext import dumps_indented
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

_CONFLICT_KNOWN = frozenset(CONFLICT_KEYS)
_CONFLICT_VALUE_KNOWN = frozenset(CONFLICT_VALUE_KEYS)
_EDGE_KNOWN = frozenset(EDGE_KEYS)
_ENTERPRISE_KNOWN = frozenset(ENTERPRISE_KEYS)
_ENTRY_KNOWN = frozenset(ENTRY_KEYS)
_FLOW_KNOWN = frozenset(FLOW_KEYS)
_NODE_KNOWN = frozenset(NODE_KEYS)
_NOTE_KNOWN = frozenset(NOTE_KEYS)
_PLAN_KNOWN = frozenset(PLAN_KEYS)
_REGION_KNOWN = frozenset(REGION_KEYS)
_TIER_KNOWN = frozenset(TIER_KEYS)
_TOP_KNOWN = frozenset(TOP_KEYS)

T = TypeVar("T")


def _extra(data: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """The keys of ``data`` this version does not know (most objects have none: one set test)."""
    if data.keys() <= known:
        return NO_KEYS
    return {key: value for key, value in data.items() if key not in known}


def _interned(value: str | None) -> str | None:
    """The one copy of a text many items repeat (an id a link or a sub-segment names, a kind)."""
    return None if value is None else intern(value)


def _coordinate(value: Any) -> float | None:
    return None if value is None else float(value)


# ------------------------------------------------------------------ reading
def region_from_data(data: dict[str, Any]) -> Region:
    return Region(data["code"], data["name"], data.get("color"), _extra(data, _REGION_KNOWN))


def tier_from_data(data: dict[str, Any]) -> Tier:
    return Tier(data["id"], data["name"], _extra(data, _TIER_KNOWN))


def enterprise_from_data(data: dict[str, Any]) -> Enterprise:
    # One copy of a name many segments and regions list (the same firm in many places).
    return Enterprise(
        name=intern(data["name"]),
        uscc=data.get("uscc"),
        marks=items_or_shared(data.get("marks")),
        city=data.get("city"),
        note=data.get("note"),
        extra=_extra(data, _ENTERPRISE_KNOWN),
    )


def plan_from_data(data: dict[str, Any]) -> Plan:
    return Plan(
        action=data["action"],
        priority=data["priority"],
        targets=items_or_shared(data.get("targets")),
        owner=data.get("owner"),
        due=data.get("due"),
        note=data.get("note"),
        extra=_extra(data, _PLAN_KNOWN),
    )


def entry_from_data(data: dict[str, Any]) -> RegionEntry:
    plan = data.get("plan")
    return RegionEntry(
        status=intern(data["status"]),
        enterprises=items_or_shared([enterprise_from_data(e) for e in data.get("enterprises", ())]),
        plan=plan_from_data(plan) if plan is not None else None,
        note=data.get("note"),
        extra=_extra(data, _ENTRY_KNOWN),
    )


def node_from_data(data: dict[str, Any]) -> Node:
    return Node(
        id=intern(data["id"]),
        name=data["name"],
        tier=intern(data["tier"]),
        parent=_interned(data.get("parent")),
        kind=_interned(data.get("kind")),
        aliases=items_or_shared(data.get("aliases")),
        description=data.get("description"),
        tags=items_or_shared(data.get("tags")),
        x=_coordinate(data.get("x")),
        y=_coordinate(data.get("y")),
        regions={intern(code): entry_from_data(e) for code, e in data.get("regions", {}).items()},
        extra=_extra(data, _NODE_KNOWN),
    )


def flow_from_data(data: dict[str, Any]) -> Flow:
    return Flow(data["from"], data["to"], data.get("note"), _extra(data, _FLOW_KNOWN))


def edge_from_data(data: dict[str, Any]) -> Edge:
    return Edge(
        id=data["id"],
        source=intern(data["from"]),
        target=intern(data["to"]),
        kind=_interned(data.get("kind")),
        label=data.get("label"),
        flows=items_or_shared([flow_from_data(f) for f in data.get("flows", ())]),
        note=data.get("note"),
        extra=_extra(data, _EDGE_KNOWN),
    )


def note_from_data(data: dict[str, Any]) -> Note:
    return Note(
        id=data["id"],
        text=data["text"],
        x=float(data["x"]),
        y=float(data["y"]),
        node=data.get("node"),
        extra=_extra(data, _NOTE_KNOWN),
    )


def conflict_from_data(data: dict[str, Any]) -> Conflict:
    values = [
        ConflictValue(v["source"], v.get("value", ABSENT), _extra(v, _CONFLICT_VALUE_KNOWN))
        for v in data.get("values", ())
    ]
    return Conflict(
        id=data["id"],
        kind=data["kind"],
        path=data["path"],
        values=values,
        base=data.get("base", ABSENT),
        extra=_extra(data, _CONFLICT_KNOWN),
    )


def _building(items: list[dict[str, Any]], build: Callable[[dict[str, Any]], T]) -> list[T]:
    return [build(item) for item in items]


def _taking(items: list[Any], build: Callable[[dict[str, Any]], T]) -> list[T]:
    built = []
    for index, item in enumerate(items):
        built.append(build(item))
        items[index] = None
    return built


def map_from_data(data: dict[str, Any], *, consume: bool = False) -> ChainMap:
    """Build a :class:`ChainMap` from validated plain data. Emits no events worth hearing:
    nobody listens to a map that is being built. ``consume``: the data is the caller's no
    more; each segment's, link's and note's dict is let go as soon as it is built, so the
    memory it held serves the model (the loader's peak is the larger of the two, not both)."""
    each = _taking if consume else _building
    return map_from_parts(data, each(data["nodes"], node_from_data), each(data["edges"], edge_from_data),
                          each(data.get("notes", []), note_from_data))


def map_from_parts(data: dict[str, Any], nodes: list[Node], edges: list[Edge], notes: list[Note]) -> ChainMap:
    """Build a :class:`ChainMap` from validated plain data whose segments, links and notes
    are built already (the streaming loader builds them as it reads); ``data``'s own lists of
    them are not looked at."""
    chain_map = ChainMap(
        data["id"],
        data["title"],
        data["chain"],
        regions=[region_from_data(r) for r in data["regions"]],
        tiers=[tier_from_data(t) for t in data["tiers"]],
        meta=data.get("meta"),
        extra=_extra(data, _TOP_KNOWN),
    )
    chain_map.update_map(lead=data.get("lead"), owner=data.get("owner"))
    # All at once, in file order (a sub-segment may come before its parent): the validator
    # has checked every item, so the model checks only the whole map's references, once.
    chain_map.load_items(nodes, edges, notes, [conflict_from_data(c) for c in data.get("conflicts", ())])
    chain_map.set_deleted(data.get("deleted", ()))
    return chain_map


# ------------------------------------------------------------------ writing
def canonical_coordinate(value: float) -> int | float:
    """Round to 0.1, and write a whole number without ``.0`` (``120``, ``120.5``)."""
    rounded = round(float(value), 1)
    if rounded == 0:
        return 0  # no "-0"
    return int(rounded) if rounded.is_integer() else rounded


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    """Set an optional key: absent values and empty lists are left out."""
    if value is None or value is ABSENT:
        return
    if isinstance(value, list) and not value:
        return
    out[key] = value


def _with_extra(out: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        if key not in out:
            out[key] = value
    return out


def region_to_data(region: Region) -> dict[str, Any]:
    out: dict[str, Any] = {"code": region.code, "name": region.name}
    _put(out, "color", region.color)
    return _with_extra(out, region.extra)


def tier_to_data(tier: Tier) -> dict[str, Any]:
    return _with_extra({"id": tier.id, "name": tier.name}, tier.extra)


def enterprise_to_data(enterprise: Enterprise) -> dict[str, Any]:
    out: dict[str, Any] = {"name": enterprise.name}
    _put(out, "uscc", enterprise.uscc)
    _put(out, "marks", list(enterprise.marks))
    _put(out, "city", enterprise.city)
    _put(out, "note", enterprise.note)
    return _with_extra(out, enterprise.extra)


def plan_to_data(plan: Plan) -> dict[str, Any]:
    out: dict[str, Any] = {"action": plan.action, "priority": plan.priority}
    _put(out, "targets", list(plan.targets))
    _put(out, "owner", plan.owner)
    _put(out, "due", plan.due)
    _put(out, "note", plan.note)
    return _with_extra(out, plan.extra)


def entry_to_data(entry: RegionEntry) -> dict[str, Any]:
    out: dict[str, Any] = {"status": entry.status}
    _put(out, "enterprises", [enterprise_to_data(e) for e in entry.enterprises])
    _put(out, "plan", plan_to_data(entry.plan) if entry.plan is not None else None)
    _put(out, "note", entry.note)
    return _with_extra(out, entry.extra)


def node_to_data(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {"id": node.id, "name": node.name, "tier": node.tier}
    _put(out, "parent", node.parent)
    _put(out, "kind", node.kind)
    _put(out, "aliases", list(node.aliases))
    _put(out, "description", node.description)
    _put(out, "tags", list(node.tags))
    if node.x is not None:
        out["x"] = canonical_coordinate(node.x)
    if node.y is not None:
        out["y"] = canonical_coordinate(node.y)
    if node.regions:
        out["regions"] = {code: entry_to_data(e) for code, e in node.regions.items()}
    return _with_extra(out, node.extra)


def flow_to_data(flow: Flow) -> dict[str, Any]:
    out: dict[str, Any] = {"from": flow.source, "to": flow.target}
    _put(out, "note", flow.note)
    return _with_extra(out, flow.extra)


def edge_to_data(edge: Edge) -> dict[str, Any]:
    out: dict[str, Any] = {"id": edge.id, "from": edge.source, "to": edge.target}
    _put(out, "kind", edge.kind)
    _put(out, "label", edge.label)
    _put(out, "flows", [flow_to_data(f) for f in edge.flows])
    _put(out, "note", edge.note)
    return _with_extra(out, edge.extra)


def note_to_data(note: Note) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": note.id,
        "text": note.text,
        "x": canonical_coordinate(note.x),
        "y": canonical_coordinate(note.y),
    }
    _put(out, "node", note.node)
    return _with_extra(out, note.extra)


def conflict_to_data(conflict: Conflict) -> dict[str, Any]:
    values = []
    for value in conflict.values:
        item: dict[str, Any] = {"source": value.source}
        if value.value is not ABSENT:
            item["value"] = value.value
        values.append(_with_extra(item, value.extra))
    out: dict[str, Any] = {
        "id": conflict.id,
        "kind": conflict.kind,
        "path": conflict.path,
        "values": values,
    }
    if conflict.base is not ABSENT:
        out["base"] = conflict.base
    return _with_extra(out, conflict.extra)


def map_to_data(chain_map: ChainMap) -> dict[str, Any]:
    """The map as plain data in canonical key order."""
    return map_to_data_with(
        chain_map,
        [node_to_data(n) for n in chain_map.nodes],
        [edge_to_data(e) for e in chain_map.edges],
        [note_to_data(n) for n in chain_map.notes],
    )


def map_to_data_with(chain_map: ChainMap, nodes: Any, edges: Any, notes: Any) -> dict[str, Any]:
    """:func:`map_to_data` with the values of ``nodes``, ``edges`` and ``notes`` given (an
    empty list of notes is left out): :mod:`chainmap.core.format.dump_cache` passes stand-ins
    for the item lists whose text it keeps, so the map's own keys are written in one place."""
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "id": chain_map.id,
        "title": chain_map.title,
        "chain": chain_map.chain,
    }
    _put(out, "lead", chain_map.lead)
    _put(out, "owner", chain_map.owner)
    out["regions"] = [region_to_data(r) for r in chain_map.regions]
    out["tiers"] = [tier_to_data(t) for t in chain_map.tiers]
    out["nodes"] = nodes
    out["edges"] = edges
    _put(out, "notes", notes)
    _put(out, "conflicts", [conflict_to_data(c) for c in chain_map.conflicts])
    _put(out, "deleted", list(chain_map.deleted))
    if chain_map.meta:
        out["meta"] = dict(chain_map.meta)
    return _with_extra(out, chain_map.extra)


def dumps_data(data: dict[str, Any]) -> bytes:
    """Canonical bytes of plain map data: 2-space indent, UTF-8 as is, final newline."""
    return (dumps_indented(data) + "\n").encode("utf-8")


def dumps_map(chain_map: ChainMap) -> bytes:
    """The canonical bytes of a map, as :func:`chainmap.core.format.fileio.save_map` writes them."""
    with gc_paused():
        return dumps_data(map_to_data(chain_map))
