"""Mutations of the items of parsed map data and what ties them together: swapped, repeated
and dangling ids, ``parent`` and link loops, items repeated, removed and reordered, lists of
the wrong kind, the header, region codes, conflicts and tombstones."""

from __future__ import annotations

import copy
import random
from typing import Any

from .jsonmap import ITEM_LISTS, item_ids, items_of, objects, short
from .jsontext import nested
from .values import weird_text, weird_value


def op_swap_ids(data: Any, rng: random.Random) -> str | None:
    """Two items (of one kind or of two) swap their ids."""
    items = [i for key in ITEM_LISTS for i in items_of(data, key) if "id" in i] if isinstance(data, dict) else []
    if len(items) < 2:
        return None
    a, b = rng.sample(items, 2)
    a["id"], b["id"] = b["id"], a["id"]
    return f"swap ids {short(a['id'])} and {short(b['id'])}"


def op_repeat_id(data: Any, rng: random.Random) -> str | None:
    """An item takes another item's id (of its kind or another)."""
    items = [i for key in ITEM_LISTS for i in items_of(data, key) if "id" in i] if isinstance(data, dict) else []
    if len(items) < 2:
        return None
    a, b = rng.sample(items, 2)
    a["id"] = b["id"]
    return f"repeat id {short(b['id'])}"


def op_dangling(data: Any, rng: random.Random) -> str | None:
    """A reference (link end, parent, tier, note target, lead, owner, flow region) to nothing."""
    refs = [(o, key) for k, o in objects(data) for key in o
            if (k, key) in {("edge", "from"), ("edge", "to"), ("node", "parent"), ("node", "tier"),
                            ("note", "node"), ("top", "lead"), ("top", "owner"), ("flow", "from"), ("flow", "to")}]
    refs += [(n, "parent") for n in items_of(data, "nodes")] if isinstance(data, dict) else []
    if not refs:
        return None
    obj, key = rng.choice(refs)
    obj[key] = rng.choice(["missing", "n-missing", "CN-XX", "", " ", weird_text(rng)])
    return f"dangling {key} = {short(obj[key])}"


def op_parent_cycle(data: Any, rng: random.Random) -> str | None:
    """Segments made each other's parents (a loop of one to five)."""
    nodes = [n for n in items_of(data, "nodes") if "id" in n] if isinstance(data, dict) else []
    if not nodes:
        return None
    ring = rng.sample(nodes, min(len(nodes), rng.randint(1, 5)))
    for child, parent in zip(ring, ring[1:] + ring[:1], strict=True):
        child["parent"] = parent["id"]
    return f"parent loop of {len(ring)}"


def op_link_cycle(data: Any, rng: random.Random) -> str | None:
    """Links added in a loop, some with an end that is a list or an object."""
    nodes = [n["id"] for n in items_of(data, "nodes") if isinstance(n.get("id"), str)] if isinstance(data, dict) else []
    edges = data.get("edges") if isinstance(data, dict) else None
    if len(nodes) < 2 or not isinstance(edges, list):
        return None
    ring = rng.sample(nodes, min(len(nodes), rng.randint(2, 6)))
    for index, (start, end) in enumerate(zip(ring, ring[1:] + ring[:1], strict=True)):
        edge: dict[str, Any] = {"id": f"e-loop-{index}", "from": start, "to": end}
        if rng.random() < 0.15:
            edge[rng.choice(["from", "to"])] = rng.choice([[start], {"id": end}, [start, end], None, 7])
        edges.append(edge)
    return f"link loop of {len(ring)}"


def op_repeat_item(data: Any, rng: random.Random) -> str | None:
    """An item repeated in its list (same id), or copied into another list."""
    kinds = [k for k in ITEM_LISTS if items_of(data, k)] if isinstance(data, dict) else []
    if not kinds:
        return None
    kind = rng.choice(kinds)
    item = copy.deepcopy(rng.choice(items_of(data, kind)))
    target = kind if rng.random() < 0.8 else rng.choice(ITEM_LISTS)
    if not isinstance(data.get(target), list):
        data[target] = []
    data[target].insert(rng.randrange(len(data[target]) + 1), item)
    return f"{kind} item repeated into {target}"


def op_remove_items(data: Any, rng: random.Random) -> str | None:
    """Items removed (one, or every one), or a list reordered."""
    kinds = [k for k in (*ITEM_LISTS, "deleted") if isinstance(data, dict) and isinstance(data.get(k), list)]
    if not kinds:
        return None
    kind = rng.choice(kinds)
    items = data[kind]
    roll = rng.random()
    if roll < 0.5 and items:
        items.pop(rng.randrange(len(items)))
        return f"one {kind} item removed"
    if roll < 0.7:
        items.clear()
        return f"{kind} emptied"
    rng.shuffle(items)
    return f"{kind} shuffled"


def op_retype_list(data: Any, rng: random.Random) -> str | None:
    """A list or object of the map replaced by a value of another kind."""
    if not isinstance(data, dict):
        return None
    key = rng.choice([*ITEM_LISTS, "deleted", "meta"])
    data[key] = rng.choice([{}, "", None, 0, [None], ["x"], [[]], {"nodes": []}, weird_text(rng)])
    return f"{key} = {short(data[key])}"


def op_header(data: Any, rng: random.Random) -> str | None:
    """The format name or version changed (a newer version, a string, zero…)."""
    if not isinstance(data, dict):
        return None
    key = rng.choice(["format", "version", "version", "id"])
    data[key] = rng.choice([2, 99, 10**30, 0, -1, "1", 1.0, True, None, "chainmap", "Chainmap", weird_text(rng)])
    return f"{key} = {short(data[key])}"


def op_region_code(data: Any, rng: random.Random) -> str | None:
    """A region's code changed or the region removed while segments still hold its entries."""
    regions = items_of(data, "regions") if isinstance(data, dict) else []
    if not regions:
        return None
    region = rng.choice(regions)
    if rng.random() < 0.5:
        data["regions"].remove(region)
        return f"region {short(region.get('code'))} removed"
    region["code"] = rng.choice(["CN-SD", "cn-bj", "CN-BJ", "X", "CN-" + "A" * 20, weird_text(rng)])
    return f"region code = {short(region['code'])}"


def op_conflicts(data: Any, rng: random.Random) -> str | None:
    """Conflicts and tombstones of odd shapes: paths to nothing, deep values, repeated ids."""
    if not isinstance(data, dict):
        return None
    ids = item_ids(data) or ["n-1"]
    conflicts = data.setdefault("conflicts", [])
    if not isinstance(conflicts, list):
        return None
    target = rng.choice(ids)
    path = rng.choice([f"/nodes/{target}/name", f"/nodes/{target}", f"/edges/{target}/to", "/title", "",
                       "/", "nodes", f"/nodes/{target}/regions/CN-BJ/status", "/x-extra/" + "a/" * 50,
                       f"/nodes/{target}/" + "/".join(["0"] * 200), weird_text(rng)])
    value = rng.choice([weird_value(rng, ids), nested(rng.choice([50, 97, 99, 100, 200])), None])
    conflict = {"id": rng.choice(["c-1", "c-2", weird_text(rng)]), "kind": rng.choice(["edit", "delete", "duplicate", "x"]),
                "path": path, "values": [{"source": "CN-BJ", "value": value}, {"source": "CN-TJ"}]}
    if rng.random() < 0.3:
        conflict["base"] = weird_value(rng, ids)
    conflicts.append(conflict)
    if rng.random() < 0.3:
        data["deleted"] = rng.choice([ids[:5], [weird_text(rng)], [1, None], "n-1"])
    return f"conflict at {short(path)}"


def op_root(data: Any, rng: random.Random) -> str | None:
    """The whole file is some other JSON value (rarely chosen)."""
    if rng.random() < 0.7:
        return None
    return "root replaced"
