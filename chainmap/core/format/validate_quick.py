"""The validator's quick passes over segments and links, for the common well-formed map.

A real map's thousands of segments and links are nearly always clean, and wording nothing
needs no paths, no labels and no call per object. :func:`quick_nodes` and :func:`quick_edges`
check a whole list in one loop (set operations on the keys, one test per value; the ids of the
whole list at once, with one pattern over them all) and fill the validator's state as its
detailed checks would (the ids' paths are worded only when a message needs one). They never report: at the first
thing that is or might be a problem (an error, a warning, a value of an odd type) they give up
and leave the state as it was, and the detailed check runs over the list from its start, so every
message, and its order, is the detailed check's own. Giving up is always safe; passing what
the detailed check would report is the one thing they must never do (tests/core/test_validate_quick.py
compares both on near misses and on hundreds of fuzzed maps).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ..ids import ID_PATTERN
from ..value_checks import LARGEST_FLOAT, is_uscc
from ..vocabulary import DEFAULT_EDGE_KIND, MAX_NAME_LENGTH, STATUSES
from .keys import EDGE_SHAPE, ENTERPRISE_SHAPE, FLOW_SHAPE, NODE_SHAPE, NUMBER, SEGMENT_ID, STRINGS, Shape

if TYPE_CHECKING:
    from .validate import _Validator


def _known(shape: Shape) -> frozenset[str]:
    return frozenset(shape[1])


def _required(shape: Shape) -> frozenset[str]:
    return frozenset(shape[0])


NODE_KNOWN = _known(NODE_SHAPE)
EDGE_KNOWN = _known(EDGE_SHAPE)
FLOW_KNOWN, FLOW_REQUIRED = _known(FLOW_SHAPE), _required(FLOW_SHAPE)
ENTERPRISE_KNOWN = _known(ENTERPRISE_SHAPE)
# The keys nearly every segment, link and entry has, and nothing more: checked column by column.
_NODE_COMMON = frozenset(("id", "name", "tier", "x", "y", "regions"))
_EDGE_COMMON = frozenset(("id", "from", "to", "kind"))
_ENTRY_PLAIN = frozenset(("status", "enterprises", "note"))
_STATUS_SET = frozenset(STATUSES)
_NODE_TEXTS = ("kind", "description")
_NODE_LISTS = ("aliases", "tags")
_LARGEST = LARGEST_FLOAT
_LOWEST = -LARGEST_FLOAT
_STR = frozenset((str,))
_ID = itemgetter("id")
# Every id at once: the ids joined by newlines (which no id may hold), matched by one pattern.
assert ID_PATTERN.pattern.startswith("^") and ID_PATTERN.pattern.endswith("\\Z")
_ID_LINES = re.compile(f"(?:{ID_PATTERN.pattern[1:-2]}\n)*")
# What the quick passes cannot take (a value of an unexpected type raises one of these): give up.
ODD = (TypeError, KeyError, AttributeError, ValueError)

_ABSENT: Any = object()  # ``get``'s default: a key written as null is there, and wrong
_NO_ENTRIES: dict[str, Any] = {}
_NO_FIRMS: list[Any] = []


def conforms(obj: dict[str, Any], shape: Shape) -> bool:
    """The quick form of the validator's shape check: no key missing, none of a wrong type."""
    required, kinds = shape
    for key in required:
        if key not in obj:
            return False
    for key, value in obj.items():
        kind = kinds.get(key)
        if kind is None:
            if value.__class__ is dict or value.__class__ is list:
                # A value under an unknown key one level deep cannot nest too deep; a deeper
                # one takes the slow path, which checks its nesting.
                inner = value.values() if value.__class__ is dict else value
                if any(v.__class__ is dict or v.__class__ is list for v in inner):
                    return False
            continue
        if value.__class__ is kind:
            continue
        if kind is SEGMENT_ID:
            if value.__class__ is str:
                continue
        elif kind is STRINGS:
            if value.__class__ is list and all(item.__class__ is str for item in value):
                continue
        elif kind is NUMBER:
            if (value.__class__ is float or value.__class__ is int) and -_LARGEST <= value <= _LARGEST:
                continue
        return False
    return True


def pairs_and_colons(value: Any) -> tuple[int, int]:
    """How many key-value pairs the objects in ``value`` hold, and how many ':' its texts (keys
    and values) hold: what the loader compares with the file's colons (see
    :func:`chainmap.core.format.fileio.parse_and_check`)."""
    pairs = colons = 0
    stack = [value]
    pop, push = stack.pop, stack.extend
    while stack:
        item = pop()
        cls = item.__class__
        if cls is dict:
            pairs += len(item)
            for key in item:
                colons += key.count(":")
            push(item.values())
        elif cls is list:
            push(item)
        elif cls is str:
            colons += item.count(":")
    return pairs, colons


def _unknown_pairs(obj: dict[str, Any], known: frozenset[str]) -> int:
    return sum(pairs_and_colons(value)[0] for key, value in obj.items() if key not in known)


def _texts(value: Any) -> bool:
    return value.__class__ is list and all(item.__class__ is str for item in value)


def _types(values: Any) -> set[type]:
    return set(map(type, values))


def good_ids(validator: _Validator, item_ids: list[Any]) -> dict[str, int] | None:
    """The ids → their index, when all are text of the id form, none twice, none taken."""
    if _types(item_ids) - _STR or _ID_LINES.fullmatch("\n".join(item_ids) + "\n" if item_ids else "") is None:
        return None
    index = dict(zip(item_ids, range(len(item_ids)), strict=True))
    if len(index) != len(item_ids) or validator.id_taken(index):
        return None
    return index


def quick_nodes(validator: _Validator, nodes: list[Any]) -> list[tuple[int, str, str]] | None:
    """The segments checked in one pass: the parents for the parent pass (and the validator's
    ``node_index``, ``nodes`` and ids filled), or ``None`` (nothing changed) when the detailed
    check must look."""
    if validator.region_codes is None or validator.tier_ids is None:
        return None
    try:
        result = _nodes(validator, nodes)
    except ODD:
        return None
    if result is None:
        return None
    validator.node_index, validator.nodes = result[0], nodes
    validator.quick_ids.append((result[0], "/nodes/{}"))
    validator.counted.add("nodes")
    return result[1]


def _nodes(validator: _Validator, nodes: list[Any]) -> tuple[dict[str, int], list[tuple[int, str, str]]] | None:
    parents: list[tuple[int, str, str]] = []
    check = node_check(validator, parents)
    pairs = 0  # the key-value pairs of every object in the segments, for the loader's count
    for index, node in enumerate(nodes):
        counted = check(node, index)
        if counted is None:
            return None
        pairs += counted
    node_index = good_ids(validator, list(map(_ID, nodes)))
    if node_index is None:
        return None
    validator.counted_pairs += pairs
    return node_index, parents


def node_check(validator: _Validator, parents: list[tuple[int, str, str]]) -> Callable[[Any, int], int | None]:
    """The quick look at one segment (the ``index``-th), for a validator whose regions and
    tiers are checked: the key-value pairs of its objects when it certainly has no problem of
    its own (its parent, if any, noted in ``parents`` for the parent pass), else ``None``.
    Its id is left to :func:`good_ids`, over all the ids at once. May raise one of ``ODD``."""
    codes = validator.region_codes
    tier_ids = validator.tier_ids
    assert codes is not None and tier_ids is not None
    entry_is_clean = validator.entry_is_clean

    def check(node: Any, index: int) -> int | None:
        if node.__class__ is not dict:
            return None
        keys = node.keys()
        pairs = len(keys)
        if not keys <= _NODE_COMMON:
            if not keys <= NODE_KNOWN:
                if not conforms(node, NODE_SHAPE):  # unknown keys: the shape's own look
                    return None
                pairs += _unknown_pairs(node, NODE_KNOWN)
            if not _node_rest_clean(node, index, parents):
                return None
        name = node["name"]
        if name.__class__ is not str or not name or name.isspace() or len(name) > MAX_NAME_LENGTH:
            return None
        if node["tier"] not in tier_ids:
            return None
        get = node.get
        x = get("x", 0)
        if (x.__class__ is not int and x.__class__ is not float) or not _LOWEST <= x <= _LARGEST:
            return None
        y = get("y", 0)
        if (y.__class__ is not int and y.__class__ is not float) or not _LOWEST <= y <= _LARGEST:
            return None
        entries = get("regions", _NO_ENTRIES)
        if entries.__class__ is not dict:
            return None
        pairs += len(entries)
        for code, entry in entries.items():
            if code not in codes or entry.__class__ is not dict:
                return None
            if not entry.keys() <= _ENTRY_PLAIN:
                if not entry_is_clean(entry):  # a plan or an unknown key: the validator's own look
                    return None
                pairs += pairs_and_colons(entry)[0]
                continue
            pairs += len(entry)
            if entry["status"] not in _STATUS_SET:
                return None
            note = entry.get("note", "")
            if note.__class__ is not str:
                return None
            firms = entry.get("enterprises", _NO_FIRMS)
            if firms.__class__ is not list:
                return None
            for firm in firms:
                if firm.__class__ is not dict:
                    return None
                pairs += len(firm)
                if len(firm) != 1 or not firm.keys() <= ENTERPRISE_KNOWN:
                    # More than a name: the shape's own look, then the code.
                    if not conforms(firm, ENTERPRISE_SHAPE):
                        return None
                    pairs += _unknown_pairs(firm, ENTERPRISE_KNOWN)
                    uscc = firm.get("uscc", _ABSENT)
                    if uscc is not _ABSENT and not is_uscc(uscc):
                        return None
                firm_name = firm["name"]
                if firm_name.__class__ is not str or not firm_name or firm_name.isspace():
                    return None
        return pairs

    return check


def _node_rest_clean(node: dict[str, Any], index: int, parents: list[tuple[int, str, str]]) -> bool:
    """A segment's rarer keys (parent, kind, aliases, description, tags) have no problem; its
    parent is noted for the parent pass."""
    parent = node.get("parent", _ABSENT)
    if parent is not _ABSENT:
        if parent.__class__ is not str:
            return False
        parents.append((index, f"/nodes/{index}", parent))
    for key in _NODE_TEXTS:
        value = node.get(key, _ABSENT)
        if value is not _ABSENT and value.__class__ is not str:
            return False
    for key in _NODE_LISTS:
        value = node.get(key, _ABSENT)
        if value is not _ABSENT and not _texts(value):
            return False
    return True


def quick_edges(validator: _Validator, edges: list[Any]) -> list[list[int]] | None:
    """The links checked in one pass: each segment's successors for the cycle pass (and the
    links' ids registered), or ``None`` (nothing changed) when the detailed check must look."""
    if validator.node_index is None or validator.region_codes is None:
        return None
    try:
        return _edges(validator, edges)
    except ODD:
        return None


def _edges(validator: _Validator, edges: list[Any]) -> list[list[int]] | None:
    check = edge_check(validator)
    pairs = 0
    for edge in edges:
        counted = check(edge)
        if counted is None:
            return None
        pairs += counted
    assert validator.node_index is not None
    ends = ((edge["from"], edge["to"], edge.get("kind", DEFAULT_EDGE_KIND)) for edge in edges)
    successors = link_successors(validator.node_index, len(validator.nodes), ends)
    if successors is None:
        return None
    edge_index = good_ids(validator, list(map(_ID, edges)))
    if edge_index is None:
        return None
    validator.quick_ids.append((edge_index, "/edges/{}"))
    validator.counted_pairs += pairs
    validator.counted.add("edges")
    return successors


def edge_check(validator: _Validator) -> Callable[[Any], int | None]:
    """The quick look at one link, for a validator whose segments are checked: the key-value
    pairs of its objects when it certainly has no problem of its own, else ``None``. Its id is
    left to :func:`good_ids`, a link repeating another to :func:`link_successors`. May raise
    one of ``ODD`` (a link to no segment raises ``KeyError``)."""
    codes = validator.region_codes
    node_index = validator.node_index
    assert codes is not None and node_index is not None

    def check(edge: Any) -> int | None:
        if edge.__class__ is not dict:
            return None
        keys = edge.keys()
        pairs = len(keys)
        if not keys <= _EDGE_COMMON:
            if not keys <= EDGE_KNOWN:
                if not conforms(edge, EDGE_SHAPE):
                    return None
                pairs += _unknown_pairs(edge, EDGE_KNOWN)
            if not _edge_rest_clean(edge, codes):
                return None
            if "flows" in edge:
                pairs += pairs_and_colons(edge["flows"])[0]
        if node_index[edge["from"]] == node_index[edge["to"]]:  # a KeyError: a link to no segment
            return None
        kind = edge.get("kind", DEFAULT_EDGE_KIND)
        if kind.__class__ is not str:
            return None
        return pairs

    return check


def link_successors(
    node_index: dict[str, int], count: int, ends: Iterable[tuple[str, str, str]]
) -> list[list[int]] | None:
    """Each of the ``count`` segments' successors by the links' ``(start, end, kind)``, which
    :func:`edge_check` passed; ``None`` when a link repeats another (the detailed check warns).
    One pass after the links are read: what it makes is let go together."""
    successors: list[list[int]] = [[] for _ in range(count)]
    seen: set[tuple[str, str, str]] = set()
    add = seen.add
    for key in ends:
        if key in seen:
            return None
        add(key)
        successors[node_index[key[0]]].append(node_index[key[1]])
    return successors


def _edge_rest_clean(edge: dict[str, Any], codes: dict[str, int]) -> bool:
    """A link's rarer keys (label, note, flows) have no problem."""
    for text_key in ("label", "note"):
        value = edge.get(text_key, _ABSENT)
        if value is not _ABSENT and value.__class__ is not str:
            return False
    flows = edge.get("flows", _ABSENT)
    if flows is _ABSENT:
        return True
    if flows.__class__ is not list:
        return False
    for flow in flows:
        if flow.__class__ is not dict:
            return False
        flow_keys = flow.keys()
        if not flow_keys <= FLOW_KNOWN:
            if not conforms(flow, FLOW_SHAPE):
                return False
        elif not FLOW_REQUIRED <= flow_keys:
            return False
        if flow["from"] not in codes or flow["to"] not in codes:
            return False
        note = flow.get("note", _ABSENT)
        if note is not _ABSENT and note.__class__ is not str:
            return False
    return True
