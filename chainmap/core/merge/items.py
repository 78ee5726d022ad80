"""The items of a merge: which copies hold each one, and whether it survives (merge.md,
"Matching" and "Deletions").

An :class:`Item` is one merged tier, segment, link, note or region: its base copy (if any) and
each input's copy, all with their references already rewritten to merged ids, so that copies
compare field by field.

Choices the spec leaves open, made here:
- "Unchanged" (for a clean deletion) compares the whole item, positions aside: moving a
  segment or note does not keep it alive.
- A link that is kept, or added, keeps its segments alive: a segment deleted by one copy but
  linked anew (or a link changed) in another is a ``delete`` conflict, as is a segment whose
  sub-segment or tier members survive. A link deleted only because its segment was deleted,
  where that segment's deletion is a conflict, is a ``delete`` conflict too (the two are
  decided together in the editor), unless another copy deleted the link while keeping both
  its segments: that deletion was on purpose, and stands.
- Matching by name (segments, tiers) or by ends (links) only joins items the base does not
  have: an item of the base that an input lacks was deleted there on purpose, so that
  input's new item of the same name is a new item, not the old one back.
- Tombstones (``deleted``) count for items the base does not have, too: an item a copy added,
  another copy merged in and then deleted, comes back only as a ``delete`` conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..ids import pointer_token
from .matching import Cluster, cluster_by_id, match_by_keys, node_names, normalise_name
from .values import MergeContext, Source, same

KEEP, DELETED, CONFLICT = "keep", "deleted", "conflict"
POSITION_KEYS = ("x", "y")


@dataclass(eq=False)
class Item:
    """One merged item. ``present`` lists the inputs holding it, in canonical order."""

    kind: str  # "tiers", "nodes", "edges", "notes", "regions": the top-level key
    id: str  # the merged id (a code for regions)
    cluster: Cluster
    base: dict[str, Any] | None
    present: list[tuple[Source, dict[str, Any]]]
    missing: list[Source]
    state: str = KEEP
    deleting: list[Source] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/{self.kind}/{pointer_token(self.id)}"

    @property
    def by_name(self) -> bool:
        return self.cluster.by_name

    def original_ids(self) -> list[str]:
        return self.cluster.ids

    def unchanged_everywhere(self) -> bool:
        """True when every input holding the item left it as the base has it (positions aside)."""
        assert self.base is not None
        base = _without_position(self.base)
        return all(same(_without_position(copy), base) for _, copy in self.present)


def _without_position(data: dict[str, Any]) -> dict[str, Any]:
    if "x" not in data and "y" not in data:
        return data
    return {k: v for k, v in data.items() if k not in POSITION_KEYS}


@dataclass
class ItemSet:
    """The merged items of one kind, and where each source's ids went."""

    kind: str
    items: list[Item]
    lookup: dict[tuple[int, str], Item]  # (source key, original id) → item
    ambiguous: list[list[Item]] = field(default_factory=list)

    def merged_id(self, source: int, original: str) -> str:
        return self.lookup[(source, original)].id

    def kept(self) -> list[Item]:
        return [item for item in self.items if item.state != DELETED]


def merged_id(cluster: Cluster, lead: Source | None, id_key: str = "id") -> str:
    """The lead's copy's id, else the smallest of the ids (merge.md, matching 2)."""
    if lead is not None and lead.key in cluster.members:
        return str(cluster.members[lead.key][id_key])
    return min(str(item[id_key]) for item in cluster.members.values())


def build_items(
    kind: str,
    clusters: list[Cluster],
    ctx: MergeContext,
    remap: Callable[[int, dict[str, Any], str], dict[str, Any]],
    id_key: str = "id",
) -> ItemSet:
    """Items from clusters, each copy rewritten by ``remap(source key, data, merged id)``."""
    items: list[Item] = []
    lookup: dict[tuple[int, str], Item] = {}
    for cluster in clusters:
        new_id = merged_id(cluster, ctx.lead, id_key)
        base_data = cluster.members.get(-1)
        present = [(s, remap(s.key, cluster.members[s.key], new_id)) for s in ctx.inputs if s.key in cluster.members]
        missing = [s for s in ctx.inputs if s.key not in cluster.members]
        item = Item(kind, new_id, cluster, remap(-1, base_data, new_id) if base_data is not None else None,
                    present, missing)
        items.append(item)
        for source, data in cluster.members.items():
            lookup[(source, str(data[id_key]))] = item
    return ItemSet(kind, items, lookup)


def _not_in_base(cluster: Cluster) -> bool:
    return -1 not in cluster.members


def source_lists(ctx: MergeContext, kind: str) -> list[tuple[int, list[dict[str, Any]]]]:
    """Each source's list of ``kind``, the base first, then the inputs in canonical order."""
    lists = [(s.key, list(s.data.get(kind, ()))) for s in ctx.inputs]
    if ctx.base is not None:
        lists.insert(0, (-1, list(ctx.base.data.get(kind, ()))))
    return lists


# ------------------------------------------------------------------ matching
def match_tiers(ctx: MergeContext) -> ItemSet:
    """Tiers by id, else by normalised name."""
    clusters = cluster_by_id(source_lists(ctx, "tiers"))
    outcome = match_by_keys(clusters, lambda _s, tier: [k for k in [normalise_name(tier["name"])] if k], _not_in_base)
    return build_items("tiers", outcome.clusters, ctx, lambda _s, data, new_id: {**data, "id": new_id})


def match_nodes(ctx: MergeContext, tiers: ItemSet) -> ItemSet:
    """Segments by id, else by normalised name or alias within the same tier."""
    clusters = cluster_by_id(source_lists(ctx, "nodes"))

    def keys(source: int, node: dict[str, Any]) -> list[tuple[str, str]]:
        tier = tiers.merged_id(source, node["tier"])
        return [(tier, name) for name in node_names(node)]

    outcome = match_by_keys(clusters, keys, _not_in_base)
    id_of: dict[tuple[int, str], str] = {}
    for cluster in outcome.clusters:
        new_id = merged_id(cluster, ctx.lead)
        for source, data in cluster.members.items():
            id_of[(source, data["id"])] = new_id

    def remap(source: int, data: dict[str, Any], new_id: str) -> dict[str, Any]:
        tier = tiers.merged_id(source, data["tier"])
        parent = id_of[(source, data["parent"])] if "parent" in data else None
        if new_id == data["id"] and tier == data["tier"] and parent == data.get("parent"):
            return data  # nothing to rewrite (the usual case): no copy
        out = {**data, "id": new_id, "tier": tier}
        if parent is not None:
            out["parent"] = parent
        return out

    items = build_items("nodes", outcome.clusters, ctx, remap)
    by_cluster = {id(item.cluster): item for item in items.items}
    items.ambiguous = [[by_cluster[id(c)] for c in group] for group in outcome.ambiguous]
    return items


def match_edges(ctx: MergeContext, nodes: ItemSet) -> ItemSet:
    """Links by id, else by (``from``, ``to``, ``kind``) once segments are matched."""
    clusters = cluster_by_id(source_lists(ctx, "edges"))

    def ends(source: int, edge: dict[str, Any]) -> tuple[str, str]:
        return nodes.merged_id(source, edge["from"]), nodes.merged_id(source, edge["to"])

    outcome = match_by_keys(clusters, lambda s, e: [(*ends(s, e), e.get("kind") or "supply")], _not_in_base)

    def remap(source: int, data: dict[str, Any], new_id: str) -> dict[str, Any]:
        start, end = ends(source, data)
        if new_id == data["id"] and start == data["from"] and end == data["to"]:
            return data
        return {**data, "id": new_id, "from": start, "to": end}

    return build_items("edges", outcome.clusters, ctx, remap)


def match_notes(ctx: MergeContext, nodes: ItemSet) -> ItemSet:
    """Notes by id only (a note has no name to match by)."""
    clusters = cluster_by_id(source_lists(ctx, "notes"))

    def remap(source: int, data: dict[str, Any], new_id: str) -> dict[str, Any]:
        if "node" not in data or nodes.merged_id(source, data["node"]) == data["node"]:
            return data
        return {**data, "node": nodes.merged_id(source, data["node"])}

    return build_items("notes", clusters, ctx, remap)


def match_regions(ctx: MergeContext) -> ItemSet:
    """Regions by code."""
    lists = [(key, [{**r, "id": r["code"]} for r in regions]) for key, regions in source_lists(ctx, "regions")]
    clusters = cluster_by_id(lists)

    def remap(_source: int, data: dict[str, Any], _new_id: str) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k != "id"}

    return build_items("regions", clusters, ctx, remap)


# ------------------------------------------------------------------ presence
def decide_presence(item: Item) -> None:
    """Kept, deleted, or a ``delete`` conflict (merge.md, "Deletions")."""
    if item.base is not None and item.missing:
        item.deleting = list(item.missing)
        item.state = DELETED if item.unchanged_everywhere() else CONFLICT
        return
    tombstoned = [s for s in item.missing if not s.deleted.isdisjoint(item.original_ids())]
    if tombstoned and item.present:
        item.deleting = tombstoned
        item.state = CONFLICT


def promote(item: Item) -> bool:
    """A deleted item something else still needs becomes a ``delete`` conflict."""
    if item.state == DELETED and item.present:
        item.state = CONFLICT
        return True
    return False


def _deleted_on_purpose(edge: Item, node_by_id: dict[str, Item]) -> bool:
    """True when a copy that deleted the link still holds both its segments (merge.md, "Deletions")."""
    if edge.base is None:
        return False
    ends = [node_by_id.get(end) for end in (edge.base["from"], edge.base["to"])]
    return any(
        all(end is not None and any(s is source for s, _ in end.present) for end in ends)
        for source in edge.deleting
    )


def settle_presence(
    tiers: ItemSet, nodes: ItemSet, edges: ItemSet, notes: ItemSet, regions: ItemSet, leads: set[str]
) -> None:
    """Decide every item's presence, then keep alive what surviving items (and the ``lead``
    any copy names) refer to."""
    for item_set in (tiers, nodes, edges, notes, regions):
        for item in item_set.items:
            decide_presence(item)
    node_by_id = {item.id: item for item in nodes.items}
    # A link a copy deleted while keeping both its ends was deleted on purpose: it stays deleted.
    cascaded = [e for e in edges.items if e.state == DELETED and not _deleted_on_purpose(e, node_by_id)]
    changed = True
    while changed:
        changed = False
        deleted = {item.id for item in nodes.items if item.state == DELETED}
        for edge in cascaded:
            # Deleted only because a deleting copy removed its segment, whose deletion is in doubt.
            if edge.state == DELETED and edge.base is not None and any(
                node_by_id[end].state == CONFLICT and source in node_by_id[end].deleting
                for source in edge.deleting
                for end in (edge.base["from"], edge.base["to"])
            ):
                changed |= promote(edge)
        if not deleted:
            continue
        for edge in edges.items:
            if edge.state != DELETED:
                for _, data in edge.present:
                    for end in (data["from"], data["to"]):
                        if end in deleted:
                            changed |= promote(node_by_id[end])
        for node in nodes.items:
            if node.state != DELETED:
                for _, data in node.present:
                    if data.get("parent") in deleted:
                        changed |= promote(node_by_id[data["parent"]])
    tier_by_id = {item.id: item for item in tiers.items}
    region_by_code = {item.id: item for item in regions.items}
    for node in nodes.kept():
        for _, data in node.present:
            promote(tier_by_id[data["tier"]])
            for code in data.get("regions", {}):
                promote(region_by_code[code])
    for edge in edges.kept():
        for _, data in edge.present:
            for flow in data.get("flows", ()):
                for code in (flow["from"], flow["to"]):
                    promote(region_by_code[code])
    for code in leads:
        if code in region_by_code:
            promote(region_by_code[code])


def result_order(item_set: ItemSet, ctx: MergeContext, id_key: str = "id") -> list[Item]:
    """Kept items in the base's order (else the lead's copy's), then each input's additions."""
    order: list[Item] = []
    seen: set[int] = set()
    sources: Iterable[Source] = ctx.inputs
    if ctx.base is not None:
        sources = [ctx.base, *ctx.inputs]
    elif ctx.lead is not None:
        sources = [ctx.lead, *(s for s in ctx.inputs if s is not ctx.lead)]
    for source in sources:
        for data in source.data.get(item_set.kind, ()):
            item = item_set.lookup[(source.key, str(data[id_key]))]
            if id(item) not in seen and item.state != DELETED:
                seen.add(id(item))
                order.append(item)
    return order
