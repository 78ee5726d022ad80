"""Resolving a merge conflict through the model (merge.md, "Resolving").

For the editor: :func:`plan_resolution` says, as data, what choosing ``value`` for a conflict
does, so that an undo command can apply it with the model's mutators and undo it:

- ``edit``: ``action == "update"``: call the item's update mutator (``update_node``,
  ``update_edge``, ``update_note``, ``update_tier``, ``update_region`` or ``update_map``, per
  ``target.kind``) with ``changes`` (:func:`resolution_changes`), then ``remove_conflict``.
  ``value`` is plain data, as in the conflict's values (``ABSENT`` removes the field); a nested
  path (``/nodes/<id>/regions/CN-TJ/status``) changes the whole top-level field (``regions``)
  with only that part replaced.
- ``delete``: ``ABSENT`` (or ``None``) deletes the item (``action == "remove"``: call
  ``remove_node``/``remove_edge``/``remove_note``/``remove_tier``/``remove_region``); any other
  value keeps it as it is (``action == "keep"``); then ``remove_conflict``.
- ``duplicate``: a segment id of the group keeps that segment and merges the others into it
  (``action == "merge"``: apply each :class:`~chainmap.core.segment_merge.SegmentMerge` of
  ``merges``, one after the other, re-planning each on the changed map if done step by step);
  ``ABSENT``/``None`` keeps them apart (``"keep"``).

:func:`apply_resolution` does all of this directly (no undo), for the command line and tests,
and also drops the conflicts the choice made moot (:func:`stale_conflicts`: conflicts about
an item that is gone); an undo command should drop (and restore) those too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .ids import pointer_tokens
from .model import ABSENT, ChainMap, Conflict, ModelError
from .segment_merge import SegmentMerge, apply_segment_merge, merge_segments
from .serialize import (
    edge_from_data,
    edge_to_data,
    node_from_data,
    node_to_data,
    note_from_data,
    note_to_data,
    region_from_data,
    region_to_data,
    tier_from_data,
    tier_to_data,
)

_COLLECTIONS = {"nodes": "node", "edges": "edge", "notes": "note", "tiers": "tier", "regions": "region"}
# Plain-data key → model attribute, where they differ.
_ATTRIBUTES = {"edge": {"from": "source", "to": "target"}}
_CODECS: dict[str, tuple[Any, Any]] = {
    "node": (node_to_data, node_from_data),
    "edge": (edge_to_data, edge_from_data),
    "note": (note_to_data, note_from_data),
    "tier": (tier_to_data, tier_from_data),
    "region": (region_to_data, region_from_data),
}
_MODEL_KEYS = {
    "node": {"name", "tier", "parent", "kind", "aliases", "description", "tags", "x", "y", "regions"},
    "edge": {"from", "to", "kind", "label", "flows", "note"},
    "note": {"text", "x", "y", "node"},
    "tier": {"name"},
    "region": {"name", "color"},
}


class ConflictTarget(NamedTuple):
    """What a conflict is about: ``kind`` is ``node``, ``edge``, ``note``, ``tier``,
    ``region`` or ``map``; ``item_id`` the item's id (a region's code; ``""`` for the map);
    ``field`` the item's field as the model names it (``""`` for the whole item)."""

    kind: str
    item_id: str
    field: str


@dataclass
class Resolution:
    """What choosing a value for a conflict does (see the module docstring)."""

    conflict_id: str
    target: ConflictTarget
    action: str  # "update", "remove", "keep" or "merge"
    changes: dict[str, Any] = field(default_factory=dict)
    merges: list[SegmentMerge] = field(default_factory=list)


def _tokens(path: str) -> list[str]:
    if not path.startswith("/"):
        raise ModelError(f"'{path}' is not a conflict path.")
    return pointer_tokens(path)


def _attribute(kind: str, key: str) -> str:
    if key not in _MODEL_KEYS.get(kind, ()):
        return "extra"
    return _ATTRIBUTES.get(kind, {}).get(key, key)


def conflict_target(chain_map: ChainMap, conflict: Conflict) -> ConflictTarget:
    """Parse a conflict's path into what it is about; raises :class:`ModelError` if the item
    is not in the map."""
    tokens = _tokens(conflict.path)
    if tokens and tokens[0] in _COLLECTIONS:
        kind = _COLLECTIONS[tokens[0]]
        if len(tokens) < 2:
            raise ModelError(f"'{conflict.path}' names no item.")
        item_id = tokens[1]
        exists = chain_map.has_region(item_id) if kind == "region" else getattr(chain_map, f"has_{kind}")(item_id)
        if not exists:
            raise ModelError(f"The map has no {kind} '{item_id}' any more.")
        return ConflictTarget(kind, item_id, _attribute(kind, tokens[2]) if len(tokens) > 2 else "")
    if len(tokens) == 1 and tokens[0] in ("title", "chain", "lead", "owner"):
        return ConflictTarget("map", "", tokens[0])
    return ConflictTarget("map", "", "extra")


def _item(chain_map: ChainMap, kind: str, item_id: str) -> Any:
    return chain_map.region(item_id) if kind == "region" else getattr(chain_map, kind)(item_id)


def _put(data: Any, tokens: list[str], value: Any) -> Any:
    """``data`` with ``value`` at ``tokens`` (``ABSENT`` removes); missing objects are made."""
    if not tokens:
        return value
    head, rest = tokens[0], tokens[1:]
    if isinstance(data, list):
        index = int(head)
        out = list(data)
        if value is ABSENT and not rest:
            del out[index]
        else:
            out[index] = _put(out[index], rest, value)
        return out
    out_dict = dict(data) if isinstance(data, dict) else {}
    if value is ABSENT and not rest:
        out_dict.pop(head, None)
    else:
        out_dict[head] = _put(out_dict.get(head), rest, value)
    return out_dict


def resolution_changes(chain_map: ChainMap, conflict: Conflict, value: Any) -> dict[str, Any]:
    """For an ``edit`` conflict: the keyword arguments of the target's update mutator that put
    ``value`` (plain data; ``ABSENT`` removes) at the conflict's path."""
    target = conflict_target(chain_map, conflict)
    tokens = _tokens(conflict.path)
    if target.kind == "map":
        if target.field == "extra":
            return {"extra": _put(chain_map.extra, tokens, value)}
        return {target.field: None if value is ABSENT else value}
    to_data, from_data = _CODECS[target.kind]
    item = _item(chain_map, target.kind, target.item_id)
    data = _put(to_data(item), tokens[2:], value)
    if target.kind == "region":
        data["code"] = target.item_id
    try:
        rebuilt = from_data(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        # Removing a required value, or a value of the wrong shape: refuse like the model.
        missing = f" ('{exc.args[0]}' is required)" if isinstance(exc, KeyError) and exc.args else ""
        raise ModelError(f"That value cannot be used for {conflict.path}{missing}.") from None
    return {target.field: getattr(rebuilt, target.field)}


def plan_resolution(chain_map: ChainMap, conflict: Conflict, value: Any) -> Resolution:
    """What choosing ``value`` for ``conflict`` does, as data (see the module docstring)."""
    target = conflict_target(chain_map, conflict)
    if conflict.kind == "delete":
        action = "remove" if value is ABSENT or value is None else "keep"
        if action == "remove" and target.kind == "map":
            raise ModelError(f"'{conflict.path}' names no item that could be deleted: only keeping is possible.")
        return Resolution(conflict.id, target, action)
    if conflict.kind == "duplicate":
        if value is ABSENT or value is None:
            return Resolution(conflict.id, target, "keep")
        group = [v.value for v in conflict.values if isinstance(v.value, str) and chain_map.has_node(v.value)]
        if value not in group:
            raise ModelError(f"'{value}' is not one of the duplicate segments ({', '.join(group)}).")
        merges = [merge_segments(chain_map, value, other) for other in group if other != value]
        return Resolution(conflict.id, ConflictTarget("node", value, ""), "merge", merges=merges)
    return Resolution(conflict.id, target, "update", resolution_changes(chain_map, conflict, value))


def apply_resolution(chain_map: ChainMap, conflict_id: str, value: Any) -> Resolution:
    """Resolve a conflict directly through the mutators (no undo) and drop its record."""
    conflict = chain_map.conflict(conflict_id)
    resolution = plan_resolution(chain_map, conflict, value)
    target = resolution.target
    if resolution.action == "update":
        if target.kind == "map":
            if target.field == "extra":
                chain_map.extra = resolution.changes["extra"]
            else:
                chain_map.update_map(**resolution.changes)
        else:
            getattr(chain_map, f"update_{target.kind}")(target.item_id, **resolution.changes)
    elif resolution.action == "remove":
        getattr(chain_map, f"remove_{target.kind}")(target.item_id)
    elif resolution.action == "merge":
        for index, merge in enumerate(resolution.merges):
            # Re-plan on the changed map: an earlier merge may have moved links or notes.
            plan = merge if index == 0 else merge_segments(chain_map, merge.keep_id, merge.drop_id)
            apply_segment_merge(chain_map, plan)
    chain_map.remove_conflict(conflict_id)
    for stale in stale_conflicts(chain_map):
        chain_map.remove_conflict(stale)
    return resolution


def stale_conflicts(chain_map: ChainMap) -> list[str]:
    """Ids of conflicts about items the map no longer has (e.g. an edit inside a segment
    whose deletion was just chosen): nothing is left to decide for them."""
    stale = []
    for conflict in chain_map.conflicts:
        try:
            conflict_target(chain_map, conflict)
        except ModelError:
            stale.append(conflict.id)
    return stale
