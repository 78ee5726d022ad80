"""Which item: the one :data:`Ref` type, the item kinds, and the one reading of a conflict path.

A reference names an item of a map as ``(kind, id)``: ``("node", "n-1")`` is a segment,
``("edge", ...)`` a link, ``("note", ...)``, ``("tier", ...)`` and ``("region", "CN-TJ")`` (a
region by its code). ``ChainMap.get/has/update(ref)`` reach the item a reference names.

A conflict's path is a JSON pointer into the file (``/nodes/<id>/regions/CN-TJ/status``):
:func:`parse_path` splits it into the item it is inside and the field below it;
:func:`conflict_refs` gives every item a conflict concerns, so the canvas, the conflicts dock
and resolving all read a conflict the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .ids import pointer_tokens
from .parts import Conflict, ModelError

if TYPE_CHECKING:
    from .model import ChainMap

Ref = tuple[str, str]
"""An item of a map as ``(kind, id)``; kind is one of :data:`ITEM_KINDS`."""

NODE = "node"  # a segment (环节)
EDGE = "edge"  # a link (链接)
NOTE = "note"
TIER = "tier"
REGION = "region"
MAP = "map"  # the map itself, in a conflict's target: not an item, never in a Ref
ITEM_KINDS = (NODE, EDGE, NOTE, TIER, REGION)
CANVAS_KINDS = (NODE, EDGE, NOTE, TIER)
"""The kinds the canvas draws and selects (regions are not items on the canvas)."""

COLLECTIONS = {"nodes": NODE, "edges": EDGE, "notes": NOTE, "tiers": TIER, "regions": REGION}
"""The format's top-level lists, and the kind of item each holds."""


class PathTarget(NamedTuple):
    """What a conflict path points into: ``ref`` is the item (``None`` for the map itself) and
    ``rest`` the tokens below it (all the tokens, for the map)."""

    ref: Ref | None
    rest: list[str]


def parse_path(path: str) -> PathTarget:
    """Split a conflict path into the item it is inside and the tokens below it; raises
    :class:`ModelError` when it is no JSON pointer or names a list without an item."""
    if not path.startswith("/"):
        raise ModelError(f"'{path}' is not a conflict path.")
    tokens = pointer_tokens(path)
    if tokens and tokens[0] in COLLECTIONS:
        if len(tokens) < 2:
            raise ModelError(f"'{path}' names no item.")
        return PathTarget((COLLECTIONS[tokens[0]], tokens[1]), tokens[2:])
    return PathTarget(None, tokens)


def conflict_refs(chain_map: ChainMap, conflict: Conflict, kinds: tuple[str, ...] = CANVAS_KINDS) -> list[Ref]:
    """The items of ``kinds`` a conflict concerns, in order: the item its path is inside and,
    for a ``duplicate``, every segment of the group the map still has."""
    refs: list[Ref] = []
    try:
        ref = parse_path(conflict.path).ref
    except ModelError:
        ref = None
    if ref is not None and ref[0] in kinds:
        refs.append(ref)
    if conflict.kind == "duplicate" and NODE in kinds:
        for value in conflict.values:
            if isinstance(value.value, str) and chain_map.has_node(value.value):
                member = (NODE, value.value)
                if member not in refs:
                    refs.append(member)
    return refs
