"""Merging the regions' copies of one map (shared/spec/merge.md): :func:`merge_maps`.

The merge works on plain data (:func:`chainmap.core.format.serialize.map_to_data`): it matches items
(:mod:`chainmap.core.merge.items`, :mod:`chainmap.core.merge.matching`), decides each field
(:mod:`chainmap.core.merge.values`), and builds a valid :class:`ChainMap` from the result.
Near-match suggestions come from :mod:`chainmap.core.merge.report`.

Choices the spec leaves open, made here:
- **Canonical source order.** Inputs are ordered by their owner's place in the regions list
  of the base (else of the lead's copy, else of the input with the smallest owner code, else
  of the first input), owners the list lacks after them by code, inputs without owner last in
  the order given. Conflict values, unions and
  ``meta.merged_from`` follow it, so they do not depend on the order the inputs were given in.
- **The lead** is the ``lead`` most inputs name (ties: the base's, then the smallest code);
  the lead's copy is the first input owned by it.
- **Source labels**: an input's owner, or its file name (``MergeInput.label``) when it has no
  owner or shares it with another input; the base is ``base``.
- **Item order** in the result: the base's order (without a base, the lead's copy's), then
  what each input adds, in canonical order.
- **``deleted``**: merged like a set (three-way with a base), minus the ids of items kept by
  a ``delete`` conflict (so that the user's decision stands), plus the ids this merge
  deleted; so a later merge without a base does not bring a deleted item back.
- **``meta``** never conflicts: ``merged_from`` lists this merge's inputs (canonical order,
  each with ``owner`` when it has one, ``title`` and ``file`` when known); ``created`` takes
  the earliest time, ``modified`` the latest; other keys merge like values, a disagreement
  taking the provisional value silently.
- **Conflicts already in the inputs** merge like a set keyed by id (one that a copy resolved,
  i.e. removed, against the base goes); a new conflict of the same id (same kind and path)
  replaces an old one. One about an item that is gone stays until the editor drops it
  (:func:`chainmap.core.merge.resolve.stale_conflicts`).
- **Duplicates**: a ``duplicate`` conflict's path is ``/nodes/<id>`` of the smallest id of the
  group, its values name each segment of the group by id (``{"source", "value": <node id>}``);
  every segment of the group stays in the map. Resolving it with an id merges the others
  into that segment (:mod:`chainmap.core.merge.resolve`).
- **One id, two kinds** (a tier in one copy, a segment in another): the item that is not the
  lead's copy's (else not the first input's, in canonical order) gets a fresh id derived from
  its kind and old id, before matching (:mod:`chainmap.core.merge.ids`); ``report.renamed``.
- **Region authority** (:func:`chainmap.core.merge.values.merge_regions`): an entry for R that
  a copy not owned by R holds where R's copy has none is dropped; ``report.dropped_entries``.
- A parent cycle created by two copies moving segments under each other is broken at one
  segment chosen by content, not input order (:mod:`chainmap.core.merge.parent_cycles`), as an
  ``edit`` conflict; a link whose merged ends became a loop takes the provisional copy's ends.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..bulk import gc_paused
from ..format.problems import MapFileError
from ..format.serialize import TOP_KEYS, map_from_data, map_to_data
from ..format.validate import validate_data
from ..ids import pointer_token, pointer_tokens
from ..messages import msg, word
from ..model import ABSENT, ChainMap, Conflict
from ..vocabulary import FORMAT_NAME, FORMAT_VERSION
from .ids import separate_kinds
from .items import (
    CONFLICT,
    DELETED,
    Item,
    ItemSet,
    match_edges,
    match_nodes,
    match_notes,
    match_regions,
    match_tiers,
    result_order,
    settle_presence,
)
from .parent_cycles import break_parent_cycles
from .report import DroppedEntry, MergeReport, NameMatch, Suggestion, build_report
from .values import (
    MergeContext,
    Source,
    Strategy,
    authority_pending,
    conflict_id,
    merge_fields,
    merge_flows,
    merge_position,
    merge_regions,
    merge_set,
    merge_value,
    same,
)

__all__ = [
    "MergeError",
    "MergeInput",
    "MergeReport",
    "MergeResult",
    "NameMatch",
    "Suggestion",
    "DataInput",
    "merge_data",
    "merge_maps",
]

NODE_FIELDS: dict[str, Strategy] = {"aliases": merge_set, "tags": merge_set, "regions": merge_regions}
EDGE_FIELDS: dict[str, Strategy] = {"flows": merge_flows}
NO_FIELDS: dict[str, Strategy] = {}
MAP_VALUE_KEYS = ("title", "chain", "lead")


class MergeError(ValueError):
    """The maps cannot be merged (e.g. different ``id`` without ``force``); says why."""


@dataclass
class MergeInput:
    """One copy to merge; ``label`` names it where it has no owner (usually its file name)."""

    map: ChainMap
    label: str


@dataclass
class DataInput:
    """One copy to merge as plain data in canonical form (what
    :func:`chainmap.core.format.serialize.map_to_data` or
    :func:`chainmap.core.format.canonical.canonical_data` gives), with its label."""

    data: dict[str, Any]
    label: str


@dataclass
class SourceInfo:
    """An input as the result knows it: ``label`` is what conflicts and provenance call it."""

    label: str
    owner: str | None
    title: str
    file: str


@dataclass
class MergeResult:
    """The merged map with what the merge did.

    ``provenance`` maps each segment id of the result to the labels of the inputs that hold
    it (canonical order); ``id_map`` maps ``(label, original segment id)`` to the segment's
    id in the result (for every input segment, kept or not).
    """

    map: ChainMap
    report: MergeReport
    conflicts: list[Conflict]
    provenance: dict[str, list[str]]
    id_map: dict[tuple[str, str], str]
    sources: list[SourceInfo]

    @property
    def clean(self) -> bool:
        """True when nothing is left to decide."""
        return not self.conflicts


# ------------------------------------------------------------------ set-up
def _choose_lead(datas: list[dict[str, Any]], base: dict[str, Any] | None) -> str | None:
    counts = Counter(d["lead"] for d in datas if d.get("lead"))
    if not counts:
        return base.get("lead") if base else None
    best = max(counts.values())
    tied = sorted(code for code, n in counts.items() if n == best)
    if base and base.get("lead") in tied:
        return str(base["lead"])
    return tied[0]


def _labels(inputs: Sequence[DataInput]) -> list[str]:
    owners = Counter(i.data.get("owner") for i in inputs if i.data.get("owner"))
    labels = [i.data["owner"] if i.data.get("owner") and owners[i.data["owner"]] == 1 else i.label for i in inputs]
    seen: Counter[str] = Counter()
    out = []
    for label in labels:
        seen[label] += 1
        out.append(label if seen[label] == 1 and labels.count(label) == 1 else f"{label} ({seen[label]})")
    return out


def _context(inputs: Sequence[DataInput], base_data: dict[str, Any] | None) -> MergeContext:
    datas = [i.data for i in inputs]
    lead_code = _choose_lead(datas, base_data)
    sources = [
        Source(key, label, data.get("owner"), i.label, data["title"], data,
               deleted=frozenset(data.get("deleted", ())))
        for key, (i, data, label) in enumerate(zip(inputs, datas, _labels(inputs), strict=True))
    ]
    lead = next((s for s in sources if lead_code and s.owner == lead_code), None)
    if lead is not None:
        lead.is_lead = True
    # Whose regions list ranks the inputs: never one chosen by the order the inputs came in,
    # since copies may list the regions in different orders.
    owned = sorted((s for s in sources if s.owner), key=lambda s: (s.owner, s.key))
    reference = base_data or (lead.data if lead else owned[0].data if owned else datas[0])
    rank = {r["code"]: i for i, r in enumerate(reference["regions"])}

    def canonical(source: Source) -> tuple[int, int, str, int]:
        if source.owner is None:
            return (2, 0, "", source.key)
        if source.owner in rank:
            return (0, rank[source.owner], "", source.key)
        return (1, 0, source.owner, source.key)

    base_source = None
    if base_data is not None:
        base_source = Source(-1, "base", None, None, base_data["title"], base_data,
                             deleted=frozenset(base_data.get("deleted", ())))
    return MergeContext(sorted(sources, key=canonical), base_source, lead)


def _check_ids(inputs: Sequence[DataInput], base: dict[str, Any] | None, force: bool) -> str:
    datas = [i.data for i in inputs] + ([base] if base is not None else [])
    ids = list(dict.fromkeys(d["id"] for d in datas))
    if len(ids) > 1 and not force:
        named = [msg("{label} has '{id}'", label=i.label, id=i.data["id"]) for i in inputs]
        if base is not None:
            named.append(msg("the base has '{id}'", id=base["id"]))
        raise MergeError(msg(
            "These maps are not copies of one map: their ids differ ({named}). "
            "Merge them anyway with --force (the result takes the first map's id).", named=word(", ").join(named)
        ))
    return str(inputs[0].data["id"])


# ------------------------------------------------------------------ merging
def _merge_item(ctx: MergeContext, item: Item, fields: dict[str, Strategy], *, positions: bool) -> dict[str, Any]:
    has_base = item.base is not None
    values = item.present
    base: Any = item.base if has_base else ABSENT
    # Most items are alike in every copy: nothing to decide field by field.
    reference = base if has_base else values[0][1]
    if all(copy == reference for _, copy in values) and not ("regions" in fields and authority_pending(ctx, values)):
        shown = repr(reference)  # == takes true for 1; the text tells them apart
        if all(copy is reference or repr(copy) == shown or same(copy, reference) for _, copy in values):
            return dict(reference)
    if not positions:
        return merge_fields(ctx, item.path, base, values, has_base, fields)
    stripped = [(s, {k: v for k, v in d.items() if k not in ("x", "y")}) for s, d in values]
    stripped_base = {k: v for k, v in base.items() if k not in ("x", "y")} if has_base else ABSENT
    out = merge_fields(ctx, item.path, stripped_base, stripped, has_base, fields)
    base_xy = (base.get("x", ABSENT), base.get("y", ABSENT)) if has_base else (ABSENT, ABSENT)
    x, y = merge_position(ctx, base_xy, [(s, (d.get("x", ABSENT), d.get("y", ABSENT))) for s, d in values],
                          has_base)
    if x is not ABSENT and y is not ABSENT:
        out["x"], out["y"] = x, y
    return out


def _record_delete(ctx: MergeContext, item: Item) -> None:
    values = [(s, d) for s, d in item.present] + [(s, ABSENT) for s in item.deleting]
    rank = {s.key: i for i, s in enumerate(ctx.inputs)}
    values.sort(key=lambda sv: rank[sv[0].key])
    ctx.record("delete", item.path, values, item.base if item.base is not None else ABSENT)


def _merge_kind(
    ctx: MergeContext, item_set: ItemSet, fields: dict[str, Strategy], *, positions: bool = False,
    id_key: str = "id",
) -> list[tuple[Item, dict[str, Any], list[dict[str, Any]]]]:
    """Each kept item's merged data, with the conflicts found on it (kept apart until the
    item is sure to stay)."""
    merged = []
    for item in result_order(item_set, ctx, id_key):
        with ctx.collecting() as found:
            if item.state == CONFLICT:
                _record_delete(ctx, item)
            data = _merge_item(ctx, item, fields, positions=positions)
        merged.append((item, data, found))
    return merged


def _fix_edges(
    ctx: MergeContext, edges: list[tuple[Item, dict[str, Any], list[dict[str, Any]]]], node_ids: set[str]
) -> tuple[list[tuple[Item, dict[str, Any], list[dict[str, Any]]]], list[str]]:
    """Drop links whose segment is gone; give a link whose ends became a loop the provisional
    copy's ends."""
    kept, dropped = [], []
    for item, data, found in edges:
        if data["from"] == data["to"]:
            chosen = ctx.provisional(item.present)
            data["from"], data["to"] = chosen["from"], chosen["to"]
        if data["from"] in node_ids and data["to"] in node_ids and data["from"] != data["to"]:
            kept.append((item, data, found))
        else:
            dropped.append(item.id)
    return kept, dropped


def _merge_meta(ctx: MergeContext) -> dict[str, Any]:
    base = ctx.base.data.get("meta", ABSENT) if ctx.base is not None else ABSENT
    values = [(s, s.data.get("meta", ABSENT)) for s in ctx.inputs]
    with ctx.silenced():
        meta = merge_fields(ctx, "/meta", base if isinstance(base, dict) else {},
                            [(s, v) for s, v in values if isinstance(v, dict)], ctx.base is not None, {})
    for key, pick in (("created", min), ("modified", max)):
        times = [v[key] for _, v in values if isinstance(v, dict) and isinstance(v.get(key), str)]
        parsed = []
        for text in times:
            try:
                parsed.append((datetime.fromisoformat(text), text))
            except ValueError:
                continue
        if parsed:
            try:
                meta[key] = pick(parsed)[1]
            except TypeError:  # naive and aware times cannot be compared
                pass
    merged_from = []
    for source in ctx.inputs:
        entry: dict[str, Any] = {}
        if source.owner:
            entry["owner"] = source.owner
        entry["title"] = source.title
        if source.file:
            entry["file"] = source.file
        merged_from.append(entry)
    meta.pop("merged_from", None)
    meta["merged_from"] = merged_from
    return meta


def _carried_conflicts(ctx: MergeContext, new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Conflicts the inputs already held, merged as a set by id, then this merge's."""
    base_ids = {c["id"] for c in ctx.base.data.get("conflicts", ())} if ctx.base is not None else set()
    resolved = {cid for cid in base_ids
                if any(cid not in {c["id"] for c in s.data.get("conflicts", ())} for s in ctx.inputs)}
    carried: dict[str, dict[str, Any]] = {}
    sources = ([ctx.base] if ctx.base is not None else []) + list(ctx.inputs)
    for source in sources:
        for conflict in source.data.get("conflicts", ()):
            if conflict["id"] not in resolved and conflict["id"] not in carried:
                carried[conflict["id"]] = conflict
    new_ids = {c["id"] for c in new}
    return [c for cid, c in carried.items() if cid not in new_ids] + new


def _duplicate_conflicts(ctx: MergeContext, nodes: ItemSet) -> list[dict[str, Any]]:
    out = []
    seen: set[tuple[str, ...]] = set()
    for group in nodes.ambiguous:
        kept = [item for item in group if item.state != DELETED]
        if len(kept) < 2:
            continue
        kept.sort(key=lambda item: item.id)
        members = tuple(item.id for item in kept)
        if members in seen:
            continue  # the same group found from another of its members
        seen.add(members)
        values = []
        for item in kept:
            holder = item.present[0][0] if item.present else ctx.base
            values.append((holder, item.id))
        path = f"/nodes/{pointer_token(kept[0].id)}"
        with ctx.collecting() as found:
            ctx.record("duplicate", path, values)  # type: ignore[arg-type]
        # Groups may share their first segment (and so the path): the id names the group.
        for conflict in found:
            conflict["id"] = conflict_id("duplicate", path + "#" + ",".join(members))
        out.extend(found)
    return out


def merge_maps(inputs: Sequence[MergeInput], base: ChainMap | None = None, *, force: bool = False) -> MergeResult:
    """Merge copies of one map (with ``base``, three-way; without, a union) per merge.md.

    Raises :class:`MergeError` when the maps' ids differ and ``force`` is false, or when
    there is no input. The result validates; conflicts left are in ``result.map.conflicts``.
    """
    if not inputs:
        raise MergeError(msg("Nothing to merge: give at least one map."))
    with gc_paused():
        datas = [DataInput(map_to_data(i.map), i.label) for i in inputs]
        return _merge(datas, map_to_data(base) if base is not None else None, force)


def merge_data(inputs: Sequence[DataInput], base: dict[str, Any] | None = None, *, force: bool = False) -> MergeResult:
    """:func:`merge_maps` on copies given as canonical plain data: for ``chainmap merge``,
    which checks the files and puts them in canonical form without building their models.
    The data is the merge's to change."""
    if not inputs:
        raise MergeError(msg("Nothing to merge: give at least one map."))
    with gc_paused():
        return _merge(inputs, base, force)


def _merge(inputs: Sequence[DataInput], base: dict[str, Any] | None, force: bool) -> MergeResult:
    map_id = _check_ids(inputs, base, force)
    ctx = _context(inputs, base)
    renamed = separate_kinds(ctx)

    tiers = match_tiers(ctx)
    nodes = match_nodes(ctx, tiers)
    edges = match_edges(ctx, nodes)
    notes = match_notes(ctx, nodes)
    regions = match_regions(ctx)
    leads = {s.data["lead"] for s in ctx.inputs if s.data.get("lead")}
    settle_presence(tiers, nodes, edges, notes, regions, leads)

    merged_regions = _merge_kind(ctx, regions, NO_FIELDS, id_key="code")
    merged_tiers = _merge_kind(ctx, tiers, NO_FIELDS)
    merged_nodes = _merge_kind(ctx, nodes, NODE_FIELDS, positions=True)
    break_parent_cycles(ctx, merged_nodes)
    node_ids = {item.id for item, _, _ in merged_nodes}
    merged_edges, dropped_edges = _fix_edges(ctx, _merge_kind(ctx, edges, EDGE_FIELDS), node_ids)
    merged_notes = _merge_kind(ctx, notes, NO_FIELDS, positions=True)
    for _, data, _ in merged_notes:
        if data.get("node") not in node_ids:
            data.pop("node", None)

    has_base = ctx.base is not None
    base_data = ctx.base.data if ctx.base is not None else {}
    out: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "id": map_id}
    for key in MAP_VALUE_KEYS:
        value = merge_value(ctx, f"/{key}", base_data.get(key, ABSENT),
                            [(s, s.data.get(key, ABSENT)) for s in ctx.inputs], has_base)
        if value is not ABSENT:
            out[key] = value
    top_conflicts = ctx.conflicts
    ctx.conflicts = []
    out["regions"] = [data for _, data, _ in merged_regions]
    out["tiers"] = [data for _, data, _ in merged_tiers]
    out["nodes"] = [data for _, data, _ in merged_nodes]
    out["edges"] = [data for _, data, _ in merged_edges]
    out["notes"] = [data for _, data, _ in merged_notes]

    new_conflicts = list(top_conflicts)
    for group in (merged_regions, merged_tiers, merged_nodes, merged_edges, merged_notes):
        for _, _, found in group:
            new_conflicts.extend(found)
    new_conflicts.extend(_duplicate_conflicts(ctx, nodes))
    out["conflicts"] = _carried_conflicts(ctx, new_conflicts)

    in_doubt = {i for item_set in (tiers, nodes, edges, notes) for item in item_set.items
                if item.state == CONFLICT for i in item.original_ids()}
    removed_now = [item.id for item_set in (tiers, nodes, edges, notes) for item in item_set.items
                   if item.state == DELETED] + dropped_edges
    tombstones = merge_set(ctx, "/deleted", base_data.get("deleted", ABSENT),
                           [(s, s.data.get("deleted", ABSENT)) for s in ctx.inputs], has_base)
    deleted = [i for i in (tombstones if tombstones is not ABSENT else []) if i not in in_doubt]
    deleted += [i for i in dict.fromkeys(removed_now) if i not in deleted]
    out["deleted"] = deleted
    out["meta"] = _merge_meta(ctx)
    for source in [*([ctx.base] if ctx.base else []), *ctx.inputs]:
        for key in source.data:
            if key not in TOP_KEYS and key not in out:
                extra = merge_value(ctx, f"/{pointer_token(key)}", base_data.get(key, ABSENT),
                                    [(s, s.data.get(key, ABSENT)) for s in ctx.inputs], has_base)
                if extra is not ABSENT:
                    out[key] = extra
    out["conflicts"] += [c for c in ctx.conflicts if c["id"] not in {x["id"] for x in out["conflicts"]}]

    chain_map = _build_map(out)
    sources = [SourceInfo(s.label, s.owner, s.title, s.file or "") for s in ctx.inputs]
    provenance = {item.id: [s.label for s, _ in item.present] for item, _, _ in merged_nodes}
    id_map = {(s.label, ctx.original_ids.get((s.key, seen), seen)): item.id for item in nodes.items
              for s, _ in item.present for seen in [item.cluster.members[s.key]["id"]]}
    report = build_report(ctx, chain_map, tiers, nodes, edges, dropped_edges)
    report.renamed = renamed
    report.dropped_entries = _dropped_entries(ctx, chain_map)
    return MergeResult(chain_map, report, list(chain_map.conflicts), provenance, id_map, sources)


def _dropped_entries(ctx: MergeContext, chain_map: ChainMap) -> list[DroppedEntry]:
    """The region entries the merge dropped (their region's own copy has none), once each."""
    names = {node.id: node.name for node in chain_map.nodes}
    out: dict[tuple[str, str], DroppedEntry] = {}
    for entry in ctx.dropped_entries:
        tokens = pointer_tokens(entry["path"])
        node_id = tokens[1] if len(tokens) > 1 else ""
        key = (entry["path"], entry["source"])
        out.setdefault(key, DroppedEntry(entry["path"], node_id, names.get(node_id, ""), entry["region"],
                                         entry["source"]))
    return list(out.values())


def _build_map(data: dict[str, Any]) -> ChainMap:
    errors = [p for p in validate_data(data) if p.is_error]
    if errors:
        problems = "; ".join(f"{p.path}: {p.message}" for p in errors[:5])
        raise MergeError(msg("The merge produced an invalid map (a bug in chainmap): {problems}", problems=problems))
    try:
        # No copy needed: the model copies every item it is given.
        return map_from_data(data)
    except (MapFileError, ValueError, KeyError, TypeError) as exc:
        raise MergeError(msg("The merge produced a map that cannot be built (a bug in chainmap): {problem}",
                             problem=exc)) from exc


# Re-exported for the editor and tests: the helpers that work on one conflict id or value.
__all__ += ["conflict_id", "same"]
