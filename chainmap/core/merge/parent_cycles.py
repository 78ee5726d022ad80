"""Breaking the ``parent`` loops a merge can make (merge.md: the result always validates).

Two copies can each move a segment under the other (A makes X a sub-segment of Y, B makes Y
one of X): every copy is valid, the union is a loop. The merge breaks each loop at one
segment, decided by what the copies hold, not by the order they were given in:

- a segment whose ``parent`` is in conflict breaks the loop if there is one: its value is
  only provisional (the lead's or the first input's), so whether the loop forms at all may
  depend on the input order, and breaking it there changes nothing but that provisional
  value (its conflict already lists each copy's value);
- else only a segment whose merged ``parent`` changed against the base (without a base: any)
  can break the loop, since the base itself had none;
- among those, one whose ``parent`` is not the lead's copy's choice, so that the lead's
  provisional value stands where it can;
- among those, the smallest id.

That segment takes the base's parent when that makes no loop again, else none, and an
``edit`` conflict on its ``parent`` lists each copy's value.
"""

from __future__ import annotations

from typing import Any

from ..model import ABSENT
from .items import Item
from .values import MergeContext

Merged = list[tuple[Item, dict[str, Any], list[dict[str, Any]]]]


def find_parent_cycles(parent_of: dict[str, str | None]) -> list[list[str]]:
    """Every loop of ``parent`` links (each segment has at most one parent), each as its
    members from the smallest id on; the loops ordered by that id. Iterative: any depth."""
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    cycles = []
    for start in sorted(parent_of):
        walk: list[str] = []
        where: dict[str, int] = {}
        node: str | None = start
        while node is not None and node in parent_of and node not in state:
            state[node] = 1
            where[node] = len(walk)
            walk.append(node)
            node = parent_of[node]
        if node is not None and node in where:
            loop = walk[where[node]:]
            first = loop.index(min(loop))
            cycles.append(loop[first:] + loop[:first])
        for member in walk:
            state[member] = 2
    cycles.sort(key=lambda loop: loop[0])
    return cycles


def _reaches(parent_of: dict[str, str | None], start: str | None, target: str) -> bool:
    """True when walking up from ``start`` meets ``target`` (stops at any loop)."""
    seen: set[str] = set()
    node = start
    while node is not None and node not in seen:
        if node == target:
            return True
        seen.add(node)
        node = parent_of.get(node)
    return False


def _breaking_point(ctx: MergeContext, loop: list[str], items: dict[str, Item],
                    parent_of: dict[str, str | None], conflicted: set[str]) -> str:
    def base_parent(node_id: str) -> Any:
        base = items[node_id].base
        return base.get("parent") if base is not None else None

    changed = ([n for n in loop if n in conflicted]
               or [n for n in loop if ctx.base is None or parent_of[n] != base_parent(n)] or loop)

    def leads_choice(node_id: str) -> bool:
        lead = ctx.lead
        held = next((d for s, d in items[node_id].present if s is lead), None) if lead else None
        return held is not None and held.get("parent") == parent_of[node_id]

    return min([n for n in changed if not leads_choice(n)] or changed)


def break_parent_cycles(ctx: MergeContext, nodes: Merged) -> None:
    """Break every ``parent`` loop of the merged segments (see the module docstring), in place:
    the segment's data loses or changes its ``parent`` and its conflicts gain the ``edit``."""
    by_id = {item.id: (item, data, found) for item, data, found in nodes}
    parent_of: dict[str, str | None] = {node_id: data.get("parent") for node_id, (_, data, _) in by_id.items()}
    items = {node_id: item for node_id, (item, _, _) in by_id.items()}
    conflicted = {node_id for node_id, (item, _, found) in by_id.items()
                  if any(c["path"] == f"{item.path}/parent" for c in found)}
    for loop in find_parent_cycles(parent_of):
        node_id = _breaking_point(ctx, loop, items, parent_of, conflicted)
        item, data, found = by_id[node_id]
        base_parent = item.base.get("parent") if item.base is not None else None
        parent_of[node_id] = None
        if base_parent in by_id and not _reaches(parent_of, base_parent, node_id):
            data["parent"] = parent_of[node_id] = base_parent
        else:
            data.pop("parent", None)
        if node_id in conflicted:
            continue  # its conflict stands as it is: only the provisional value changed
        conflicted.add(node_id)
        path = f"{item.path}/parent"
        with ctx.collecting() as extra:
            ctx.record("edit", path, [(s, d.get("parent", ABSENT)) for s, d in item.present],
                       item.base.get("parent", ABSENT) if item.base is not None else ABSENT)
        found[:] = [c for c in found if c["path"] != path] + extra
