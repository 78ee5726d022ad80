"""Turning one map into another through the model's mutators: :func:`sync_map`.

The editor applies a whole new version of the open map as one undo step: the result of
merging a change made on disk, or a recovered copy after a crash. Going through the
mutators (rather than swapping the object) keeps every listener right, and changing only
what differs keeps the canvas's items, the selection and the view: an item equal in both
versions is not touched at all.

The steps are ordered so that every intermediate state is valid: what items refer to
(regions, tiers) is added first and removed last; a segment whose parent changes is first
taken out of its old parent, so re-parenting never closes a loop. When the two versions
order their items differently (the model has no mutator to reorder segments or regions),
everything is removed and added again in the new order.
"""

from __future__ import annotations

import copy
from dataclasses import fields, replace
from typing import Any

from .model import ABSENT, ChainMap, ModelError


def sync_map(chain_map: ChainMap, target: ChainMap) -> None:
    """Change ``chain_map`` until it serialises exactly as ``target`` (same id required).
    Raises :class:`ModelError` for maps with different ids."""
    if chain_map.id != target.id:
        raise ModelError(f"The map '{target.id}' is another map than '{chain_map.id}'.")
    _sync_content(chain_map, target)
    if not _same_order(chain_map, target):
        _clear(chain_map)
        _sync_content(chain_map, target)
    chain_map.set_deleted(target.deleted)
    for key in list(chain_map.meta):
        if key not in target.meta:
            chain_map.set_meta(key, ABSENT)
    for key, value in target.meta.items():
        if chain_map.meta.get(key, ABSENT) != value:
            chain_map.set_meta(key, value)
    # The map's unknown keys have no mutator and no listener: they are only written back.
    chain_map.extra = copy.deepcopy(target.extra)


def _same_order(a: ChainMap, b: ChainMap) -> bool:
    return all(
        [x.id for x in getattr(a, kind)] == [x.id for x in getattr(b, kind)]
        for kind in ("tiers", "nodes", "edges", "notes", "conflicts")
    ) and a.region_codes() == b.region_codes()


def _sync_content(chain_map: ChainMap, target: ChainMap) -> None:
    # What the items refer to comes first.
    for index, region in enumerate(target.regions):
        if not chain_map.has_region(region.code):
            chain_map.add_region(region, index)
        elif chain_map.region(region.code) != region:
            chain_map.update_region(region.code, name=region.name, color=region.color, extra=region.extra)
    for tier in target.tiers:
        if not chain_map.has_tier(tier.id):
            chain_map.add_tier(tier)
        elif chain_map.tier(tier.id) != tier:
            chain_map.update_tier(tier.id, name=tier.name, extra=tier.extra)
    chain_map.update_map(title=target.title, chain=target.chain, lead=target.lead, owner=target.owner)

    wanted_conflicts = {c.id: c for c in target.conflicts}
    for conflict in list(chain_map.conflicts):
        if wanted_conflicts.get(conflict.id) != conflict:
            chain_map.remove_conflict(conflict.id)
    # A link whose ends change is taken away and added back once its new ends exist.
    for edge in list(chain_map.edges):
        new = target.edge(edge.id) if target.has_edge(edge.id) else None
        if new is None or (new.source, new.target) != (edge.source, edge.target):
            chain_map.remove_edge(edge.id)
    for note in list(chain_map.notes):
        if not target.has_note(note.id):
            chain_map.remove_note(note.id)

    _sync_nodes(chain_map, target)

    for tier in list(chain_map.tiers):
        if not target.has_tier(tier.id):
            chain_map.remove_tier(tier.id)
    for index, tier in enumerate(target.tiers):
        if chain_map.tier_index(tier.id) != index:
            chain_map.move_tier(tier.id, index)
    for index, edge in enumerate(target.edges):
        if not chain_map.has_edge(edge.id):
            chain_map.add_edge(edge, index)
        elif chain_map.edge(edge.id) != edge:
            chain_map.update_edge(edge.id, **_values(edge, ("id",)))
    for index, note in enumerate(target.notes):
        if not chain_map.has_note(note.id):
            chain_map.add_note(note, index)
        elif chain_map.note(note.id) != note:
            chain_map.update_note(note.id, **_values(note, ("id",)))
    for code in chain_map.region_codes():
        if not target.has_region(code):
            chain_map.remove_region(code)
    for index, conflict in enumerate(target.conflicts):
        if not any(c.id == conflict.id for c in chain_map.conflicts):
            chain_map.add_conflict(conflict, index)


def _sync_nodes(chain_map: ChainMap, target: ChainMap) -> None:
    # Out of a parent that changes first: then setting the new parents never makes a loop,
    # since every parent link is then either unchanged or the target's.
    for node in list(chain_map.nodes):
        if target.has_node(node.id) and node.parent is not None and target.node(node.id).parent != node.parent:
            chain_map.update_node(node.id, parent=None)
    for node in list(chain_map.nodes):
        if not target.has_node(node.id) and chain_map.has_node(node.id):
            chain_map.remove_node(node.id)
    for index, node in enumerate(target.nodes):
        if not chain_map.has_node(node.id):
            chain_map.add_node(replace(node, parent=None), index)
    for node in target.nodes:
        if chain_map.node(node.id) != node:
            chain_map.update_node(node.id, **_values(node, ("id",)))


def _values(item: Any, skip: tuple[str, ...]) -> dict[str, Any]:
    return {f.name: getattr(item, f.name) for f in fields(item) if f.name not in skip}


def _clear(chain_map: ChainMap) -> None:
    """Remove every item (the content is then added back in the target's order)."""
    for conflict in list(chain_map.conflicts):
        chain_map.remove_conflict(conflict.id)
    for note in list(chain_map.notes):
        chain_map.remove_note(note.id)
    for edge in list(chain_map.edges):
        chain_map.remove_edge(edge.id)
    for node in list(chain_map.nodes):
        if node.parent is None:
            chain_map.remove_node(node.id)
    chain_map.update_map(lead=None, owner=None)
    for tier in list(chain_map.tiers):
        chain_map.remove_tier(tier.id)
    for code in chain_map.region_codes():
        chain_map.remove_region(code)
