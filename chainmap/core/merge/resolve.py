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
  (``action == "merge"``: apply each :class:`~chainmap.core.merge.segment_merge.SegmentMerge` of
  ``merges``, one after the other, re-planning each on the changed map if done step by step);
  ``ABSENT``/``None`` keeps them apart (``"keep"``).

:func:`apply_resolution` does all of this directly (no undo), for the command line and tests,
and also drops the conflicts the choice made moot (:func:`stale_conflicts`: conflicts about
an item that is gone); an undo command should drop (and restore) those too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..format.keys import ITEM_KEYS, MODEL_ATTRIBUTES
from ..format.serialize import (
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
from ..model import ABSENT, ChainMap, Conflict, ModelError
from ..refs import EDGE, MAP, NODE, NOTE, REGION, TIER, parse_path
from .segment_merge import SegmentMerge, apply_segment_merge, merge_segments

_CODECS: dict[str, tuple[Any, Any]] = {
    NODE: (node_to_data, node_from_data),
    EDGE: (edge_to_data, edge_from_data),
    NOTE: (note_to_data, note_from_data),
    TIER: (tier_to_data, tier_from_data),
    REGION: (region_to_data, region_from_data),
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


def _attribute(kind: str, key: str) -> str:
    if key not in ITEM_KEYS.get(kind, ()):
        return "extra"
    return MODEL_ATTRIBUTES.get(kind, {}).get(key, key)


def conflict_target(chain_map: ChainMap, conflict: Conflict) -> ConflictTarget:
    """Parse a conflict's path into what it is about; raises :class:`ModelError` if the item
    is not in the map."""
    ref, rest = parse_path(conflict.path)
    if ref is not None:
        kind, item_id = ref
        if not chain_map.has(ref):
            raise ModelError(f"The map has no {kind} '{item_id}' any more.")
        return ConflictTarget(kind, item_id, _attribute(kind, rest[0]) if rest else "")
    if len(rest) == 1 and rest[0] in ("title", "chain", "lead", "owner"):
        return ConflictTarget(MAP, "", rest[0])
    return ConflictTarget(MAP, "", "extra")


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
    below = parse_path(conflict.path).rest
    if target.kind == MAP:
        if target.field == "extra":
            return {"extra": _put(chain_map.extra, below, value)}
        return {target.field: None if value is ABSENT else value}
    to_data, from_data = _CODECS[target.kind]
    data = _put(to_data(chain_map.get((target.kind, target.item_id))), below, value)
    if target.kind == REGION:
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
        if action == "remove" and target.kind == MAP:
            raise ModelError(f"'{conflict.path}' names no item that could be deleted: only keeping is possible.")
        return Resolution(conflict.id, target, action)
    if conflict.kind == "duplicate":
        if value is ABSENT or value is None:
            return Resolution(conflict.id, target, "keep")
        group = [v.value for v in conflict.values if isinstance(v.value, str) and chain_map.has_node(v.value)]
        if value not in group:
            raise ModelError(f"'{value}' is not one of the duplicate segments ({', '.join(group)}).")
        merges = [merge_segments(chain_map, value, other) for other in group if other != value]
        return Resolution(conflict.id, ConflictTarget(NODE, value, ""), "merge", merges=merges)
    return Resolution(conflict.id, target, "update", resolution_changes(chain_map, conflict, value))


def apply_resolution(chain_map: ChainMap, conflict_id: str, value: Any) -> Resolution:
    """Resolve a conflict directly through the mutators (no undo) and drop its record."""
    conflict = chain_map.conflict(conflict_id)
    resolution = plan_resolution(chain_map, conflict, value)
    target = resolution.target
    if resolution.action == "update":
        if target.kind == MAP:
            if target.field == "extra":
                chain_map.extra = resolution.changes["extra"]
            else:
                chain_map.update_map(**resolution.changes)
        else:
            chain_map.update((target.kind, target.item_id), **resolution.changes)
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
