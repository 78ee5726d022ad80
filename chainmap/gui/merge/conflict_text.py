"""Conflicts in words: what a conflict is about (``自动驾驶系统 · description``), a value in a
line, the value the map holds now, and how typed text becomes a value."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from chainmap.core.diff import show
from chainmap.core.format.serialize import (
    edge_to_data,
    node_to_data,
    note_to_data,
    region_to_data,
    tier_to_data,
)
from chainmap.core.ids import pointer_tokens
from chainmap.core.model import ABSENT, ChainMap, Conflict, ModelError
from chainmap.core.refs import EDGE, NODE, NOTE, REGION, TIER, PathTarget, Ref, parse_path

from ..labels import pick

KIND_LABELS = {
    "edit": ("修改", "edit"),
    "delete": ("删除", "delete"),
    "duplicate": ("重复", "duplicate"),
}
# Fields whose values are text: a typed value is taken as it is, never parsed as JSON.
TEXT_FIELDS = {"name", "description", "label", "note", "text", "title", "chain", "kind", "city"}
# Text fields an item cannot go without: an empty typed value stays "", for the model to refuse.
REQUIRED_TEXT = {"name", "text", "title", "chain"}
_TO_DATA: dict[str, Callable[[Any], Any]] = {
    NODE: node_to_data, EDGE: edge_to_data, NOTE: note_to_data, TIER: tier_to_data, REGION: region_to_data,
}


def kind_text(kind: str) -> str:
    """A conflict's kind in the reader's language (``"修改"`` / ``"edit"``)."""
    pair = KIND_LABELS.get(kind)
    return pick(pair) if pair else kind


def _node_name(chain_map: ChainMap, node_id: str) -> str:
    return chain_map.node(node_id).name if chain_map.has_node(node_id) else node_id


def item_name(chain_map: ChainMap, ref: Ref) -> str:
    """An item named for people: a segment by its name, a link by its ends' names."""
    kind, item_id = ref
    if kind == NODE:
        return _node_name(chain_map, item_id)
    if not chain_map.has(ref):
        return item_id
    if kind == EDGE:
        edge = chain_map.edge(item_id)
        return f"{_node_name(chain_map, edge.source)} → {_node_name(chain_map, edge.target)}"
    if kind == NOTE:
        return QCoreApplication.translate("conflicts", "note {text}").format(text=show(chain_map.note(item_id).text, 30))
    return chain_map.get(ref).name  # a tier or a region


def _target(path: str) -> PathTarget:
    """The item a path is inside and the tokens below it; a path that names no item is the
    map's (as its tokens)."""
    try:
        return parse_path(path)
    except ModelError:
        return PathTarget(None, pointer_tokens(path))


def describe_path(chain_map: ChainMap, path: str) -> str:
    """``/nodes/<id>/description`` → ``自动驾驶系统 · description``; nested fields joined by ›."""
    ref, rest = _target(path)
    if ref is not None:
        name = item_name(chain_map, ref)
        return name if not rest else f"{name} · {' › '.join(rest)}"
    if not rest:
        return path
    return QCoreApplication.translate("conflicts", "map") + " · " + " › ".join(rest)


def value_text(value: Any, limit: int = 200) -> str:
    """A value in a line: text as it is (shortened), absence as ``(none)``."""
    if value is ABSENT or value is None:
        return QCoreApplication.translate("conflicts", "(none)")
    if isinstance(value, str):
        text = value.replace("\n", " ")
        return text if len(text) <= limit else text[: limit - 1] + "…"
    return show(value, limit)


def current_value(chain_map: ChainMap, path: str) -> Any:
    """The value the map holds now at a conflict's path (``ABSENT`` when none)."""
    ref, rest = _target(path)
    if ref is not None:
        if not chain_map.has(ref):
            return ABSENT
        data: Any = _TO_DATA[ref[0]](chain_map.get(ref))
    elif not rest:
        return ABSENT
    elif rest[0] in ("title", "chain", "lead", "owner"):
        value = getattr(chain_map, rest[0])
        return ABSENT if value is None else value
    else:
        data = chain_map.extra
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
