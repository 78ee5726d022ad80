"""The format's keys, one home: the key lists in canonical order, the shapes the validator checks,
and which plain-data keys are an item's fields.

:mod:`.serialize` writes keys in the order of the ``*_KEYS`` lists (the spec's tables) and keeps
the others as ``extra``; :mod:`.validate` checks each object against its ``*_SHAPE`` (required
keys, and the kind of value each known key holds); :mod:`chainmap.core.merge.resolve` puts a
conflict's value into an item's field through :data:`ITEM_KEYS` and :data:`MODEL_ATTRIBUTES`.
"""

from __future__ import annotations

from typing import Any

from ..messages import N_

# ------------------------------------------------------------------ canonical order
TOP_KEYS = (
    "format", "version", "id", "title", "chain", "lead", "owner", "regions", "tiers",
    "nodes", "edges", "notes", "conflicts", "deleted", "meta",
)  # fmt: skip
REGION_KEYS = ("code", "name", "color")
TIER_KEYS = ("id", "name")
NODE_KEYS = (
    "id", "name", "tier", "parent", "kind", "aliases", "description", "tags", "x", "y", "regions",
)  # fmt: skip
ENTRY_KEYS = ("status", "enterprises", "plan", "note")
ENTERPRISE_KEYS = ("name", "uscc", "marks", "city", "note")
PLAN_KEYS = ("action", "priority", "targets", "owner", "due", "note")
EDGE_KEYS = ("id", "from", "to", "kind", "label", "flows", "note")
FLOW_KEYS = ("from", "to", "note")
NOTE_KEYS = ("id", "text", "x", "y", "node")
CONFLICT_KEYS = ("id", "kind", "path", "values", "base")
CONFLICT_VALUE_KEYS = ("source", "value")

# The keys of each item kind that are the item's own fields (not its id), and the model attribute
# a plain-data key is stored in where the two names differ.
ITEM_KEYS = {
    "node": frozenset(NODE_KEYS) - {"id"},
    "edge": frozenset(EDGE_KEYS) - {"id"},
    "note": frozenset(NOTE_KEYS) - {"id"},
    "tier": frozenset(TIER_KEYS) - {"id"},
    "region": frozenset(REGION_KEYS) - {"code"},
}
MODEL_ATTRIBUTES = {"edge": {"from": "source", "to": "target"}}

# ------------------------------------------------------------------ shapes
# Value kinds of the shape tables: a Python type, or one of these markers.
NUMBER = "number"  # a finite int or float, not a boolean
STRINGS = "strings"  # a list of strings
SEGMENT_ID = "segment id"  # a reference to a segment: text, checked against the segments later
EXPECTED = {
    str: N_("text"), list: N_("a list"), dict: N_("an object"), NUMBER: N_("a number"),
    STRINGS: N_("a list of text"), SEGMENT_ID: N_("a segment id (a string)"),
}  # fmt: skip

# (required keys, {key: kind}) of each object of the format; other keys are left alone.
Shape = tuple[tuple[str, ...], dict[str, Any]]
REGION_SHAPE: Shape = (("code", "name"), {"code": str, "name": str, "color": str})
TIER_SHAPE: Shape = (("id", "name"), {"id": str, "name": str})
NODE_SHAPE: Shape = (
    ("id", "name", "tier"),
    {
        "id": str, "name": str, "tier": str, "parent": SEGMENT_ID, "kind": str, "aliases": STRINGS,
        "description": str, "tags": STRINGS, "x": NUMBER, "y": NUMBER, "regions": dict,
    },
)  # fmt: skip
ENTRY_SHAPE: Shape = (("status",), {"status": str, "enterprises": list, "plan": dict, "note": str})
ENTERPRISE_SHAPE: Shape = (
    ("name",),
    {"name": str, "uscc": str, "marks": STRINGS, "city": str, "note": str},
)
PLAN_SHAPE: Shape = (
    ("action", "priority"),
    {"action": str, "priority": str, "targets": STRINGS, "owner": str, "due": str, "note": str},
)
EDGE_SHAPE: Shape = (
    ("id", "from", "to"),
    {"id": str, "from": SEGMENT_ID, "to": SEGMENT_ID, "kind": str, "label": str, "flows": list, "note": str},
)
FLOW_SHAPE: Shape = (("from", "to"), {"from": str, "to": str, "note": str})
NOTE_SHAPE: Shape = (
    ("id", "text", "x", "y"),
    {"id": str, "text": str, "x": NUMBER, "y": NUMBER, "node": SEGMENT_ID},
)
CONFLICT_SHAPE: Shape = (
    ("id", "kind", "path", "values"),
    {"id": str, "kind": str, "path": str, "values": list},
)
CONFLICT_VALUE_SHAPE: Shape = (("source",), {"source": str})
META_SHAPE: Shape = ((), {"created": str, "modified": str, "generator": str, "merged_from": list})
TOP_SHAPE: Shape = (
    ("id", "title", "chain", "regions", "tiers", "nodes", "edges"),
    {
        "id": str, "title": str, "chain": str, "lead": str, "owner": str, "regions": list,
        "tiers": list, "nodes": list, "edges": list, "notes": list, "conflicts": list,
        "deleted": list, "meta": dict,
    },
)  # fmt: skip

