"""Merging two segments of one map into one (a near-match suggestion, a ``duplicate``
conflict, or the user's choice): :func:`merge_segments` computes the changes as data, so that
the editor can push them as one undo macro; :func:`apply_segment_merge` applies them directly
(command line, tests).

The kept segment gets: the dropped one's name and aliases as aliases (without repeats, by
normalised name), the union of tags, the dropped one's description, kind and unknown keys
where it has none, and per region the union of entries: where both have an entry, its status
unless that is ``unknown``, enterprises matched by ``uscc`` else normalised name (the kept
one's first, fields it lacks filled from the other), its plan and note else the other's.
The dropped segment's sub-segments move under the kept one, its notes point at the kept one,
its links are relinked to the kept one; a link that would then repeat one of the kept
segment's links (same ends and kind) is removed and its flows join the survivor, and a link
between the two segments is removed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from ..model import ChainMap, Edge, Enterprise, ModelError, Node, RegionEntry
from .matching import normalise_name


@dataclass
class SegmentMerge:
    """The model changes that merge ``drop_id`` into ``keep_id``, in the order to apply them."""

    keep_id: str
    drop_id: str
    keep_changes: dict[str, Any]  # update_node(keep_id, **keep_changes)
    child_changes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # update_node
    note_changes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # update_note
    edges_removed: list[str] = field(default_factory=list)  # remove_edge, before the changes
    edge_changes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # update_edge


def _merge_enterprises(keep: list[Enterprise], drop: list[Enterprise]) -> list[Enterprise]:
    out = copy.deepcopy(keep)
    for other in drop:
        match = next(
            (e for e in out if (e.uscc and e.uscc == other.uscc)
             or (normalise_name(e.name) == normalise_name(other.name)
                 and not (e.uscc and other.uscc and e.uscc != other.uscc))),
            None,
        )
        if match is None:
            out.append(copy.deepcopy(other))
            continue
        match.uscc = match.uscc or other.uscc
        match.city = match.city or other.city
        match.note = match.note or other.note
        match.marks = list(dict.fromkeys([*match.marks, *other.marks]))
        for key, value in other.extra.items():
            match.extra.setdefault(key, copy.deepcopy(value))
    return out


def _merge_entry(keep: RegionEntry, drop: RegionEntry) -> RegionEntry:
    entry = copy.deepcopy(keep)
    if entry.status == "unknown":
        entry.status = drop.status
    entry.enterprises = _merge_enterprises(keep.enterprises, drop.enterprises)
    if entry.plan is None and drop.plan is not None:
        entry.plan = copy.deepcopy(drop.plan)
    entry.note = entry.note or drop.note
    for key, value in drop.extra.items():
        entry.extra.setdefault(key, copy.deepcopy(value))
    return entry


def _merged_fields(keep: Node, drop: Node) -> dict[str, Any]:
    names = {normalise_name(keep.name)}
    aliases = []
    for alias in [*keep.aliases, drop.name, *drop.aliases]:
        key = normalise_name(alias)
        if key not in names:
            names.add(key)
            aliases.append(alias)
    regions = {code: copy.deepcopy(entry) for code, entry in keep.regions.items()}
    for code, entry in drop.regions.items():
        regions[code] = _merge_entry(regions[code], entry) if code in regions else copy.deepcopy(entry)
    extra = dict(keep.extra)
    for key, value in drop.extra.items():
        extra.setdefault(key, copy.deepcopy(value))
    wanted = {
        "aliases": aliases,
        "tags": list(dict.fromkeys([*keep.tags, *drop.tags])),
        "description": keep.description or drop.description,
        "kind": keep.kind or drop.kind,
        "regions": regions,
        "extra": extra,
    }
    return {key: value for key, value in wanted.items() if value != getattr(keep, key)}


def merge_segments(chain_map: ChainMap, keep_id: str, drop_id: str) -> SegmentMerge:
    """The changes that merge segment ``drop_id`` into ``keep_id`` (see the module docstring).

    Pure: the map is not changed. Raises :class:`ModelError` when either is missing or they
    are the same segment.
    """
    if keep_id == drop_id:
        raise ModelError("A segment cannot be merged with itself.")
    for node_id in (keep_id, drop_id):
        if not chain_map.has_node(node_id):
            raise ModelError(f"There is no segment '{node_id}'.")
    keep, drop = chain_map.node(keep_id), chain_map.node(drop_id)
    changes = _merged_fields(keep, drop)
    if keep_id in chain_map.descendants(drop_id):
        # The kept segment leaves the dropped one's subtree, taking the dropped one's place.
        changes["parent"] = drop.parent
    plan = SegmentMerge(keep_id, drop_id, changes)
    plan.child_changes = [(child, {"parent": keep_id}) for child in chain_map.children(drop_id) if child != keep_id]
    plan.note_changes = [(note.id, {"node": keep_id}) for note in chain_map.notes if note.node == drop_id]

    def relinked(edge: Edge) -> tuple[str, str]:
        return (keep_id if edge.source == drop_id else edge.source, keep_id if edge.target == drop_id else edge.target)

    survivors: dict[tuple[str, str, str], Edge] = {
        (e.source, e.target, e.effective_kind): e for e in chain_map.edges_of(keep_id)
        if drop_id not in (e.source, e.target)
    }
    extra_flows: dict[str, list[Any]] = {}
    for edge in chain_map.edges_of(drop_id):
        source, target = relinked(edge)
        key = (source, target, edge.effective_kind)
        if source == target:
            plan.edges_removed.append(edge.id)
        elif key in survivors:
            plan.edges_removed.append(edge.id)
            survivor = survivors[key]
            have = {(f.source, f.target) for f in survivor.flows} | {
                (f.source, f.target) for f in extra_flows.get(survivor.id, [])}
            extra_flows.setdefault(survivor.id, []).extend(
                copy.deepcopy(f) for f in edge.flows if (f.source, f.target) not in have)
        else:
            survivors[key] = edge
            plan.edge_changes.append((edge.id, {"source": source, "target": target}))
    for edge_id, flows in extra_flows.items():
        if flows:
            edge = chain_map.edge(edge_id)
            merged = [*edge.flows, *flows]
            for existing_id, existing in plan.edge_changes:
                if existing_id == edge_id:
                    existing["flows"] = merged
                    break
            else:
                plan.edge_changes.append((edge_id, {"flows": merged}))
    return plan


def apply_segment_merge(chain_map: ChainMap, plan: SegmentMerge) -> None:
    """Apply :func:`merge_segments`' changes through the model's mutators (no undo)."""
    chain_map.update_node(plan.keep_id, **plan.keep_changes)
    for node_id, changes in plan.child_changes:
        chain_map.update_node(node_id, **changes)
    for note_id, changes in plan.note_changes:
        chain_map.update_note(note_id, **changes)
    for edge_id in plan.edges_removed:
        chain_map.remove_edge(edge_id)
    for edge_id, changes in plan.edge_changes:
        chain_map.update_edge(edge_id, **changes)
    chain_map.remove_node(plan.drop_id)
