"""Deciding one value from several copies (merge.md, "Deciding values"), on plain data.

Every strategy has the signature ``strategy(ctx, path, base, values, has_base) -> value``:
``values`` holds ``(source, value)`` for each input that has the item, in the canonical
source order; :data:`ABSENT` stands for a key that is not there. ``has_base`` says whether the
base has the item (then ``base`` is the base's value, possibly ``ABSENT``); without it the
merge is a union.

Choices the spec leaves open, made here:
- Without a base, a value that is absent from one copy and present in another is taken (a
  union deletes nothing); only two different present values are an ``edit`` conflict.
- With a base, a set (``aliases``, ``tags``, the ``deleted`` list) is merged three-way: what an
  input removed from the base's set is removed, what any input added is appended. A keyed set
  (``enterprises``, ``flows``) keeps an element that one input removed but another changed.
- A nested object (a ``plan``, a region entry) is merged per field when every copy that
  changed it still has it; one copy removing it while another changes it is an ``edit``
  conflict on the whole object.
- Conflict paths point at the merged map: items by id (``/nodes/<id>/...``), region entries by
  code (``/nodes/<id>/regions/CN-TJ/status``), elements of ``enterprises`` and ``flows`` by their
  index in the merged list (``.../enterprises/2/city``). Keys are escaped as in JSON Pointer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..ids import pointer_token
from ..model import ABSENT
from .matching import normalise_name

Values = list[tuple["Source", Any]]
Strategy = Callable[["MergeContext", str, Any, Values, bool], Any]


@dataclass(eq=False)
class Source:
    """One map taking part in a merge: an input, or the base (``key`` -1)."""

    key: int  # -1 for the base, else the input's position in the given order
    label: str  # what conflicts, provenance and reports call it: the owner, else the file name
    owner: str | None
    file: str | None
    title: str
    data: dict[str, Any]
    is_lead: bool = False
    deleted: frozenset[str] = frozenset()


def same(a: Any, b: Any) -> bool:
    """JSON equality that tells ``true`` from ``1`` (Python's ``==`` does not)."""
    if a is b:
        return True
    try:
        if a == b and repr(a) == repr(b):
            return True  # the common case, decided at C speed
    except RecursionError:
        pass  # nested deeper than C's comparison goes: the walk below has no depth limit
    return _same_strict(a, b)


def _same_strict(a: Any, b: Any) -> bool:
    # Without recursion: a value under an unknown key may nest as deep as the loader allows.
    pending = [(a, b)]
    while pending:
        a, b = pending.pop()
        if type(a) is not type(b):
            # 1 and 1.0 are one JSON number; a bool is not a number.
            if not (
                isinstance(a, (int, float)) and isinstance(b, (int, float))
                and not isinstance(a, bool) and not isinstance(b, bool) and a == b
            ):
                return False
        elif isinstance(a, dict):
            if a.keys() != b.keys():
                return False
            pending.extend((value, b[key]) for key, value in a.items())
        elif isinstance(a, list):
            if len(a) != len(b):
                return False
            pending.extend(zip(a, b, strict=True))
        elif a != b:
            return False
    return True


def conflict_id(kind: str, path: str) -> str:
    """A conflict's id, derived from what it is about so that any input order gives it."""
    return "c-" + hashlib.sha256(f"{kind}:{path}".encode()).hexdigest()[:16]


@dataclass
class MergeContext:
    """The inputs in canonical order, the lead's copy, and the conflicts found so far."""

    inputs: list[Source]
    base: Source | None
    lead: Source | None
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    quiet: int = 0  # > 0: decide without recording conflicts (``meta``)
    # Entries for region R that a copy not owned by R holds and the merge dropped, because R's
    # own copy has none (merge.md, "Region authority"): {"path", "region", "source"}.
    dropped_entries: list[dict[str, str]] = field(default_factory=list)
    # (source key, id in the merge) → the segment's id in that source, where the merge gave a
    # segment a fresh id (:mod:`chainmap.core.merge.ids`).
    original_ids: dict[tuple[int, str], str] = field(default_factory=dict)

    @property
    def owned_codes(self) -> frozenset[str]:
        """The region codes some input is owned by: their entries follow the owner's copy."""
        return frozenset(s.owner for s in self.inputs if s.owner)

    def provisional(self, values: Values, *, present_only: bool = False) -> Any:
        """The value a conflicted field holds until someone decides: the lead's copy's,
        else the first input's (in the order given)."""
        pool = [(s, v) for s, v in values if v is not ABSENT] if present_only else values
        if not pool:
            return ABSENT
        for source, value in pool:
            if source is self.lead:
                return value
        return min(pool, key=lambda sv: sv[0].key)[1]

    def record(self, kind: str, path: str, values: Values, base: Any = ABSENT) -> None:
        """Note a conflict; its values list each source, without ``value`` where it has none."""
        if self.quiet:
            return
        listed = []
        for source, value in values:
            entry: dict[str, Any] = {"source": source.label}
            if value is not ABSENT:
                entry["value"] = value
            listed.append(entry)
        conflict: dict[str, Any] = {"id": conflict_id(kind, path), "kind": kind, "path": path, "values": listed}
        if base is not ABSENT:
            conflict["base"] = base
        self.conflicts.append(conflict)

    @contextmanager
    def collecting(self) -> Iterator[list[dict[str, Any]]]:
        """Collect the conflicts found inside the block apart, for the caller to keep or drop."""
        saved = self.conflicts
        self.conflicts = []
        try:
            yield self.conflicts
        finally:
            self.conflicts = saved

    @contextmanager
    def silenced(self) -> Iterator[None]:
        self.quiet += 1
        try:
            yield
        finally:
            self.quiet -= 1

    def union_order(self, values: Values, has_base: bool) -> Values:
        """``values`` in the order a union appends them: the canonical order, but the lead's
        copy first when there is no base to take the order from."""
        if not has_base and self.lead is not None:
            return sorted(values, key=lambda sv: sv[0] is not self.lead)
        return values


# ------------------------------------------------------------------ scalars
def merge_value(ctx: MergeContext, path: str, base: Any, values: Values, has_base: bool) -> Any:
    """Three-way with a base, union without; an ``edit`` conflict when copies disagree."""
    if has_base:
        changed = [(s, v) for s, v in values if not same(v, base)]
        if not changed:
            return base
        first = changed[0][1]
        if all(same(v, first) for _, v in changed[1:]):
            return first
        ctx.record("edit", path, changed, base)
        return ctx.provisional(values)
    present = [(s, v) for s, v in values if v is not ABSENT]
    if not present:
        return ABSENT
    first = present[0][1]
    if all(same(v, first) for _, v in present[1:]):
        return first
    ctx.record("edit", path, present)
    return ctx.provisional(present)


def merge_position(
    ctx: MergeContext, base: tuple[Any, Any], values: list[tuple[Source, tuple[Any, Any]]], has_base: bool
) -> tuple[Any, Any]:
    """``(x, y)`` never conflicts: a one-sided move is taken, else the lead's copy's, else the
    first input's (in the order given, as merge.md says)."""
    if has_base:
        changed = [(s, p) for s, p in values if not same(p, base)]
        if not changed:
            return base
    else:
        changed = [(s, p) for s, p in values if p != (ABSENT, ABSENT)]
        if not changed:
            return (ABSENT, ABSENT)
    first = changed[0][1]
    if all(same(p, first) for _, p in changed[1:]):
        return first
    return ctx.provisional(values if has_base else changed)


# --------------------------------------------------------------------- sets
def _one_sided(base: Any, values: Values, has_base: bool) -> tuple[bool, Any]:
    """``(True, value)`` when the copies leave nothing to combine: none changed the base's
    value, or all that did made the same change (without a base: all present values agree)."""
    if has_base:
        changed = [v for _, v in values if not same(v, base)]
        if not changed:
            return True, base
    else:
        changed = [v for _, v in values if v is not ABSENT]
        if not changed:
            return True, ABSENT
    if all(same(v, changed[0]) for v in changed[1:]):
        return True, changed[0]
    return False, None


def merge_set(ctx: MergeContext, path: str, base: Any, values: Values, has_base: bool) -> Any:
    """A list of strings as a set: base's order (else the lead's copy's), then additions."""
    decided, value = _one_sided(base, values, has_base)
    if decided:
        return value
    lists = [(s, v if isinstance(v, list) else []) for s, v in values]
    base_list = base if has_base and isinstance(base, list) else []
    result: list[Any] = []
    seen: set[Any] = set()
    if base_list:
        removed = {x for _, items in lists for x in base_list if x not in items}
        for x in base_list:
            if x not in removed and x not in seen:
                result.append(x)
                seen.add(x)
    base_set = set(base_list)
    for _, items in ctx.union_order(lists, has_base):
        for x in items:
            if x not in seen and x not in base_set:
                result.append(x)
                seen.add(x)
    return result if result else ABSENT


def merge_keyed_list(
    ctx: MergeContext,
    path: str,
    base: Any,
    values: Values,
    has_base: bool,
    *,
    cluster: Callable[[list[tuple[int, list[dict[str, Any]]]]], list[dict[int, dict[str, Any]]]],
    fields: dict[str, Strategy],
) -> Any:
    """A list of objects as a set of elements matched by ``cluster``; matched elements' fields
    merge with ``fields``. Order: the base's, then additions in the union order."""
    decided, value = _one_sided(base, values, has_base)
    if decided:
        return value
    base_list = base if has_base and isinstance(base, list) else []
    lists = [(s, v if isinstance(v, list) else []) for s, v in values]
    ordered = [(-1, base_list)] + [(s.key, items) for s, items in ctx.union_order(lists, has_base)]
    groups = cluster(ordered)
    by_key = {s.key: s for s, _ in lists}
    rank = {s.key: i for i, (s, _) in enumerate(lists)}
    result: list[dict[str, Any]] = []
    for members in groups:
        base_member = members.get(-1, ABSENT)
        present = sorted(((by_key[k], m) for k, m in members.items() if k != -1), key=lambda sm: rank[sm[0].key])
        if base_member is not ABSENT:
            missing = len(present) < len(lists)
            if missing and all(same(m, base_member) for _, m in present):
                continue  # removed by one input, unchanged in the others
        elif not present:
            continue
        element = merge_fields(ctx, f"{path}/{len(result)}", base_member, present,
                               base_member is not ABSENT, fields)
        result.append(element)
    return result if result else ABSENT


# ------------------------------------------------------------------ objects
def merge_fields(
    ctx: MergeContext, path: str, base: Any, values: Values, has_base: bool, fields: dict[str, Strategy]
) -> dict[str, Any]:
    """Merge dicts key by key; ``fields`` names the strategy per key (default: a value)."""
    keys: dict[str, None] = {}
    if has_base and isinstance(base, dict):
        keys.update(dict.fromkeys(base))
    for _, value in values:
        keys.update(dict.fromkeys(value))
    out: dict[str, Any] = {}
    for key in keys:
        strategy = fields.get(key, merge_value)
        key_base = base.get(key, ABSENT) if has_base and isinstance(base, dict) else ABSENT
        merged = strategy(ctx, f"{path}/{pointer_token(key)}", key_base,
                          [(s, v.get(key, ABSENT)) for s, v in values], has_base)
        if merged is not ABSENT:
            out[key] = merged
    return out


def object_strategy(fields: dict[str, Strategy]) -> Strategy:
    """A strategy for an optional nested object (e.g. a ``plan``): presence first, then per field."""

    def merge_object(ctx: MergeContext, path: str, base: Any, values: Values, has_base: bool) -> Any:
        if has_base:
            changed = [(s, v) for s, v in values if not same(v, base)]
            if not changed:
                return base
            if base is ABSENT:
                return merge_fields(ctx, path, ABSENT, changed, False, fields)
            modified = [(s, v) for s, v in changed if v is not ABSENT]
            if not modified:
                return ABSENT
            if len(modified) < len(changed):  # removed by one, changed by another
                ctx.record("edit", path, changed, base)
                return ctx.provisional(values)
            return merge_fields(ctx, path, base, values, True, fields)
        present = [(s, v) for s, v in values if v is not ABSENT]
        if not present:
            return ABSENT
        return merge_fields(ctx, path, ABSENT, present, False, fields)

    return merge_object


# ------------------------------------------------------- keyed-set matchers
def cluster_enterprises(ordered: list[tuple[int, list[dict[str, Any]]]]) -> list[dict[int, dict[str, Any]]]:
    """Enterprises are one firm when their ``uscc`` is equal, else their normalised names."""
    groups: list[dict[int, dict[str, Any]]] = []
    usccs: dict[str, int] = {}
    names: dict[str, list[int]] = {}
    group_uscc: list[str | None] = []
    for source, items in ordered:
        for item in items:
            uscc = item.get("uscc")
            name = normalise_name(item.get("name", ""))
            found = None
            if uscc and uscc in usccs and source not in groups[usccs[uscc]]:
                found = usccs[uscc]
            else:
                for index in names.get(name, ()):
                    if source in groups[index]:
                        continue
                    if uscc and group_uscc[index] and group_uscc[index] != uscc:
                        continue  # two firms of one name, told apart by their codes
                    found = index
                    break
            if found is None:
                found = len(groups)
                groups.append({})
                group_uscc.append(None)
            groups[found][source] = item
            if uscc and group_uscc[found] is None:
                group_uscc[found] = uscc
                usccs.setdefault(uscc, found)
            if found not in names.setdefault(name, []):
                names[name].append(found)
    return groups


def cluster_by(key: Callable[[dict[str, Any]], Hashable]) -> Callable[
    [list[tuple[int, list[dict[str, Any]]]]], list[dict[int, dict[str, Any]]]
]:
    """A matcher pairing the elements of equal ``key`` (one per source; repeats stay apart)."""

    def cluster(ordered: list[tuple[int, list[dict[str, Any]]]]) -> list[dict[int, dict[str, Any]]]:
        groups: list[dict[int, dict[str, Any]]] = []
        index: dict[Hashable, list[int]] = {}
        for source, items in ordered:
            for item in items:
                slots = index.setdefault(key(item), [])
                for slot in slots:
                    if source not in groups[slot]:
                        groups[slot][source] = item
                        break
                else:
                    slots.append(len(groups))
                    groups.append({source: item})
        return groups

    return cluster


def keyed_list_strategy(
    cluster: Callable[[list[tuple[int, list[dict[str, Any]]]]], list[dict[int, dict[str, Any]]]],
    fields: dict[str, Strategy],
) -> Strategy:
    def strategy(ctx: MergeContext, path: str, base: Any, values: Values, has_base: bool) -> Any:
        return merge_keyed_list(ctx, path, base, values, has_base, cluster=cluster, fields=fields)

    return strategy


# The strategies of a region entry (RegionEntry and what it holds).
PLAN_FIELDS: dict[str, Strategy] = {}
ENTERPRISE_FIELDS: dict[str, Strategy] = {}
FLOW_FIELDS: dict[str, Strategy] = {}
ENTRY_FIELDS: dict[str, Strategy] = {
    "enterprises": keyed_list_strategy(cluster_enterprises, ENTERPRISE_FIELDS),
    "plan": object_strategy(PLAN_FIELDS),
}
merge_entry = object_strategy(ENTRY_FIELDS)
merge_flows = keyed_list_strategy(cluster_by(lambda f: (f.get("from"), f.get("to"))), FLOW_FIELDS)


def merge_regions(ctx: MergeContext, path: str, base: Any, values: Values, has_base: bool) -> Any:
    """A segment's ``regions``: the copy owned by R decides ``regions[R]`` with no conflict,
    by its entry and by its lack of one (merge.md, "Region authority").

    Where R's copy holds the segment, its entry wins (several copies owned by R merge theirs
    among themselves); an entry for R that another copy has where R's copy has none is dropped
    and noted in ``ctx.dropped_entries``. Where no copy owned by R holds the segment (R
    deleted it, but another copy's change keeps it), the base's entry stays, else none. Only
    entries of a region no input is owned by merge as ordinary values.
    """
    base_dict = base if has_base and isinstance(base, dict) else {}
    dicts = [(s, v if isinstance(v, dict) else {}) for s, v in values]
    codes: dict[str, None] = dict.fromkeys(base_dict)
    for _, entries in dicts:
        codes.update(dict.fromkeys(entries))
    owned = ctx.owned_codes
    out: dict[str, Any] = {}
    for code in codes:
        entry_base = base_dict.get(code, ABSENT)
        entry_values = [(s, entries.get(code, ABSENT)) for s, entries in dicts]
        entry_path = f"{path}/{pointer_token(code)}"
        if code not in owned:
            merged = merge_entry(ctx, entry_path, entry_base, entry_values, has_base)
        else:
            authority = [(s, v) for s, v in entry_values if s.owner == code]
            if len(authority) == 1:
                merged = authority[0][1]
            elif authority:
                merged = merge_entry(ctx, entry_path, entry_base, authority, has_base)
            else:
                merged = entry_base
            if merged is ABSENT and not ctx.quiet:
                for source, value in entry_values:
                    if source.owner != code and value is not ABSENT and not same(value, entry_base):
                        ctx.dropped_entries.append({"path": entry_path, "region": code, "source": source.label})
        if merged is not ABSENT:
            out[code] = merged
    return out if out else ABSENT


def authority_pending(ctx: MergeContext, values: Values) -> bool:
    """True when a copy holds a ``regions[R]`` entry for a region R owned by an input that does
    not hold the segment: :func:`merge_regions` must decide, even if every copy is alike."""
    owned = ctx.owned_codes
    if not owned:
        return False
    holders = {s.owner for s, _ in values}
    return any(code in owned and code not in holders
               for _, data in values for code in (data.get("regions") or ()))
