"""One id naming items of different kinds in different copies (merge.md, "Matching" 5).

Ids are unique across the segments, links, notes and tiers of one map, but two copies edited
apart can each give one id to a different kind of item (a tier in one, a segment in another).
That is never an error: before matching, the item that is not the lead's copy's (else not the
first input's, in the canonical order, so that the order the inputs were given in does not
matter) gets a fresh id in every copy that holds it, and every reference to it (a segment's
``tier`` or ``parent``, a link's ``from``/``to``, a note's ``node``) is rewritten. The fresh
id is derived from the kind and the old id, so any input order gives the same one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from .values import MergeContext, Source

KINDS = ("tiers", "nodes", "edges", "notes")
KIND_NAMES = {"tiers": "tier", "nodes": "segment", "edges": "link", "notes": "note"}
PREFIXES = {"tiers": "t", "nodes": "n", "edges": "e", "notes": "note"}


@dataclass
class RenamedId:
    """An item given a fresh id because its id names another kind of item in another copy."""

    kind: str  # "tier", "segment", "link" or "note": the item renamed
    id: str  # the id it had
    new_id: str  # its id in the result
    name: str  # its name (tiers, segments), else ""
    sources: list[str]  # the labels of the copies holding it under the old id
    kept_by: str  # the kind of item that keeps the id
    kept_sources: list[str]  # the labels of the copies holding that one


def _fresh_id(kind: str, old: str, taken: set[str]) -> str:
    for attempt in range(1000):
        digest = hashlib.sha256(f"{kind}:{old}:{attempt}".encode()).hexdigest()[:16]
        candidate = f"{PREFIXES[kind]}-{digest}"
        if candidate not in taken:
            return candidate
    raise AssertionError("no fresh id found")  # 1000 collisions of 64-bit hashes: impossible


def _keeper(ctx: MergeContext, holders: dict[str, list[Source]]) -> str:
    """The kind that keeps the id: the lead's copy's, else the first input's, else the base's."""
    order = ([ctx.lead] if ctx.lead is not None else []) + list(ctx.inputs) + (
        [ctx.base] if ctx.base is not None else [])
    for source in order:
        for kind, sources in holders.items():
            if any(s is source for s in sources):
                return kind
    return next(iter(holders))


def separate_kinds(ctx: MergeContext) -> list[RenamedId]:
    """Give a fresh id to every item whose id names another kind of item in another copy,
    rewriting the copies' data in ``ctx`` (see the module docstring); what was renamed.

    ``ctx.original_ids`` learns each renamed segment's ``(source key, new id) → old id``.
    """
    sources = ([ctx.base] if ctx.base is not None else []) + list(ctx.inputs)
    holders: dict[str, dict[str, list[Source]]] = {}
    for source in sources:
        for kind in KINDS:
            for item in source.data.get(kind, ()):
                holders.setdefault(item["id"], {}).setdefault(kind, []).append(source)
    clashes = {old: kinds for old, kinds in holders.items() if len(kinds) > 1}
    if not clashes:
        return []
    taken = set(holders) | {i for s in sources for i in s.data.get("deleted", ())}
    renames: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    renamed = []
    for old in sorted(clashes):
        kinds = clashes[old]
        keeper = _keeper(ctx, kinds)
        for kind in KINDS:
            if kind not in kinds or kind == keeper:
                continue
            new = _fresh_id(kind, old, taken)
            taken.add(new)
            renames[kind][old] = new
            holder = kinds[kind][-1]
            name = next((str(i.get("name", "")) for i in holder.data[kind] if i["id"] == old), "")
            renamed.append(RenamedId(
                KIND_NAMES[kind], old, new, name if kind in ("tiers", "nodes") else "",
                [s.label for s in kinds[kind] if s is not ctx.base],
                KIND_NAMES[keeper], [s.label for s in kinds[keeper] if s is not ctx.base]))
    for source in sources:
        source.data = _rewritten(source.data, renames)
        for old, new in renames["nodes"].items():
            if any(s is source for s in clashes[old]["nodes"]):
                ctx.original_ids[(source.key, new)] = old
    return renamed


def _rewritten(data: dict[str, Any], renames: dict[str, dict[str, str]]) -> dict[str, Any]:
    """``data`` with the renamed ids and every reference to them rewritten (a shallow copy)."""
    tiers, nodes, edges, notes = (renames[k] for k in KINDS)

    def node_ref(value: Any) -> Any:
        return nodes.get(value, value) if isinstance(value, str) else value

    out = dict(data)
    out["tiers"] = [{**t, "id": tiers.get(t["id"], t["id"])} for t in data.get("tiers", ())]
    new_nodes = []
    for node in data.get("nodes", ()):
        node = {**node, "id": nodes.get(node["id"], node["id"]), "tier": tiers.get(node["tier"], node["tier"])}
        if "parent" in node:
            node["parent"] = node_ref(node["parent"])
        new_nodes.append(node)
    out["nodes"] = new_nodes
    out["edges"] = [{**e, "id": edges.get(e["id"], e["id"]), "from": node_ref(e["from"]), "to": node_ref(e["to"])}
                    for e in data.get("edges", ())]
    new_notes = []
    for note in data.get("notes", ()):
        note = {**note, "id": notes.get(note["id"], note["id"])}
        if "node" in note:
            note["node"] = node_ref(note["node"])
        new_notes.append(note)
    out["notes"] = new_notes
    return out
