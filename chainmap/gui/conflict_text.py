"""Conflicts in words: what a conflict is about (``自动驾驶系统 · description``), a value in a
line, the value the map holds now, and how typed text becomes a value."""

from __future__ import annotations

import json
from typing import Any

from chainmap.core.diff import show
from chainmap.core.ids import pointer_tokens
from chainmap.core.model import ABSENT, ChainMap, Conflict
from chainmap.core.serialize import edge_to_data, node_to_data, note_to_data, region_to_data, tier_to_data

from .widgets import tr

Ref = tuple[str, str]
KIND_LABELS = {
    "edit": ("修改", "edit"),
    "delete": ("删除", "delete"),
    "duplicate": ("重复", "duplicate"),
}
# Fields whose values are text: a typed value is taken as it is, never parsed as JSON.
TEXT_FIELDS = {"name", "description", "label", "note", "text", "title", "chain", "kind", "city"}
# Text fields an item cannot go without: an empty typed value stays "", for the model to refuse.
REQUIRED_TEXT = {"name", "text", "title", "chain"}
_REFS = {"nodes": "node", "edges": "edge", "notes": "note", "tiers": "tier"}


def kind_text(kind: str) -> str:
    pair = KIND_LABELS.get(kind)
    return f"{pair[0]} {pair[1]}" if pair else kind


def _node_name(chain_map: ChainMap, node_id: str) -> str:
    return chain_map.node(node_id).name if chain_map.has_node(node_id) else node_id


def item_name(chain_map: ChainMap, collection: str, item_id: str) -> str:
    """An item named for people: a segment by its name, a link by its ends' names."""
    if collection == "nodes":
        return _node_name(chain_map, item_id)
    if collection == "edges" and chain_map.has_edge(item_id):
        edge = chain_map.edge(item_id)
        return f"{_node_name(chain_map, edge.source)} → {_node_name(chain_map, edge.target)}"
    if collection == "notes" and chain_map.has_note(item_id):
        return tr("note {text}", "conflicts").format(text=show(chain_map.note(item_id).text, 30))
    if collection == "tiers" and chain_map.has_tier(item_id):
        return chain_map.tier(item_id).name
    if collection == "regions" and chain_map.has_region(item_id):
        return chain_map.region(item_id).name
    return item_id


def describe_path(chain_map: ChainMap, path: str) -> str:
    """``/nodes/<id>/description`` → ``自动驾驶系统 · description``; nested fields joined by ›."""
    parts = pointer_tokens(path)
    if not parts:
        return path
    if parts[0] in ("nodes", "edges", "notes", "tiers", "regions") and len(parts) >= 2:
        name = item_name(chain_map, parts[0], parts[1])
        return name if len(parts) == 2 else f"{name} · {' › '.join(parts[2:])}"
    return tr("map", "conflicts") + " · " + " › ".join(parts)


def conflict_refs(chain_map: ChainMap, conflict: Conflict) -> list[Ref]:
    """The canvas items a conflict is about (every segment of a duplicate group)."""
    parts = pointer_tokens(conflict.path)
    refs: list[Ref] = []
    if len(parts) >= 2 and parts[0] in _REFS:
        refs.append((_REFS[parts[0]], parts[1]))
    if conflict.kind == "duplicate":
        for value in conflict.values:
            if isinstance(value.value, str) and chain_map.has_node(value.value):
                ref = ("node", value.value)
                if ref not in refs:
                    refs.append(ref)
    return refs


def value_text(value: Any, limit: int = 200) -> str:
    """A value in a line: text as it is (shortened), absence as ``(none)``."""
    if value is ABSENT or value is None:
        return tr("(none)", "conflicts")
    if isinstance(value, str):
        text = value.replace("\n", " ")
        return text if len(text) <= limit else text[: limit - 1] + "…"
    return show(value, limit)


def current_value(chain_map: ChainMap, path: str) -> Any:
    """The value the map holds now at a conflict's path (``ABSENT`` when none)."""
    parts = pointer_tokens(path)
    if not parts:
        return ABSENT
    codecs = {
        "nodes": (chain_map.has_node, chain_map.node, node_to_data),
        "edges": (chain_map.has_edge, chain_map.edge, edge_to_data),
        "notes": (chain_map.has_note, chain_map.note, note_to_data),
        "tiers": (chain_map.has_tier, chain_map.tier, tier_to_data),
        "regions": (chain_map.has_region, chain_map.region, region_to_data),
    }
    if parts[0] in codecs:
        if len(parts) < 2:
            return ABSENT
        has, get, to_data = codecs[parts[0]]
        if not has(parts[1]):
            return ABSENT
        data: Any = to_data(get(parts[1]))
        rest = parts[2:]
    elif parts[0] in ("title", "chain", "lead", "owner"):
        value = getattr(chain_map, parts[0])
        return ABSENT if value is None else value
    else:
        data, rest = chain_map.extra, parts
    for part in rest:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return ABSENT
    return data


def is_text_field(conflict: Conflict) -> bool:
    """Whether a typed value is plain text: a text field, or values that are all text."""
    parts = pointer_tokens(conflict.path)
    if parts and parts[-1] in TEXT_FIELDS:
        return True
    present = [v.value for v in conflict.values if v.value is not ABSENT]
    return bool(present) and all(isinstance(v, str) for v in present)


def parse_typed(conflict: Conflict, text: str) -> Any:
    """A typed value: for a text field the text itself (empty: no value); otherwise JSON
    when it parses, else the text."""
    if is_text_field(conflict):
        parts = pointer_tokens(conflict.path)
        return text if text.strip() or (parts and parts[-1] in REQUIRED_TEXT) else ABSENT
    if not text.strip():
        return ABSENT
    try:
        return json.loads(text)
    except ValueError:
        return text
