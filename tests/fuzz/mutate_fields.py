"""Mutations of single fields of parsed map data: odd values of any kind, odd texts, odd
numbers, keys dropped, repeated or unknown (and nested deep), positions left out."""

from __future__ import annotations

import random
from typing import Any

from .jsonmap import KNOWN_KEYS, UNKNOWN_KEYS, item_ids, items_of, objects, short
from .jsontext import DupDict, nested
from .values import weird_number, weird_text, weird_value


def op_set_field(data: Any, rng: random.Random) -> str | None:
    """A known or existing field of any object gets an odd value of any kind."""
    found = objects(data)
    if not found:
        return None
    kind, obj = rng.choice(found)
    key = rng.choice(list(KNOWN_KEYS[kind]) + list(obj))
    obj[key] = weird_value(rng, item_ids(data))
    return f"{kind}.{key} = {short(obj[key])}"


def op_text_field(data: Any, rng: random.Random) -> str | None:
    """A text field of any object gets an odd text (controls, bidi, surrogates, formulas, huge)."""
    found = [(k, o, key) for k, o in objects(data) for key, v in o.items() if isinstance(v, str)]
    if not found:
        return None
    kind, obj, key = rng.choice(found)
    obj[key] = weird_text(rng)
    return f"{kind}.{key} text = {short(obj[key])}"


FREE_TEXT = ("name", "description", "note", "text", "label", "title", "chain", "city", "generator")


def op_free_text(data: Any, rng: random.Random) -> str | None:
    """A free-text field (a name, a description, a note…) gets an odd text: most such maps load."""
    found = [(k, o, key) for k, o in objects(data) for key, v in o.items() if isinstance(v, str) and key in FREE_TEXT]
    if not found:
        return None
    kind, obj, key = rng.choice(found)
    obj[key] = weird_text(rng)
    return f"{kind}.{key} text = {short(obj[key])}"


def op_number_field(data: Any, rng: random.Random) -> str | None:
    """A position (or any number) gets a huge, tiny, non-finite or boolean value."""
    found = [(k, o, key) for k, o in objects(data) for key in o if key in ("x", "y", "version")]
    if not found:
        return None
    kind, obj, key = rng.choice(found)
    obj[key] = weird_number(rng)
    return f"{kind}.{key} = {short(obj[key])}"


def op_drop_key(data: Any, rng: random.Random) -> str | None:
    found = [(k, o) for k, o in objects(data) if o]
    if not found:
        return None
    kind, obj = rng.choice(found)
    key = rng.choice(list(obj))
    del obj[key]
    return f"drop {kind}.{key}"


def op_drop_positions(data: Any, rng: random.Random) -> str | None:
    """Segments lose their positions (written by another tool)."""
    nodes = items_of(data, "nodes") if isinstance(data, dict) else []
    chosen = [n for n in nodes if rng.random() < rng.choice([0.2, 0.6, 1.0])]
    for node in chosen:
        node.pop("x", None)
        if rng.random() < 0.9:
            node.pop("y", None)
    return f"drop the positions of {len(chosen)} segments" if chosen else None


def op_duplicate_key(data: Any, rng: random.Random) -> str | None:
    """An object holds one key twice (the same or another value)."""
    found = [(k, o) for k, o in objects(data) if o and isinstance(o, DupDict)]
    if not found:
        return None
    kind, obj = rng.choice(found)
    key = rng.choice(list(obj))
    value = obj[key] if rng.random() < 0.5 else weird_value(rng, [])
    obj.repeats.append((rng.randrange(len(obj) + 1), key, value))
    return f"{kind}.{key} twice"


def op_unknown_key(data: Any, rng: random.Random) -> str | None:
    """An unknown key, often nested deep, on any object."""
    found = objects(data)
    if not found:
        return None
    kind, obj = rng.choice(found)
    key = rng.choice(UNKNOWN_KEYS)
    if rng.random() < 0.5:
        obj[key] = nested(rng.choice([3, 10, 40, 60, 80, 90, 93, 94, 95, 96, 97, 98, 99, 100, 101, 150, 480, 995, 3000]),
                          rng.choice(["list", "object", "mixed"]))
    else:
        obj[key] = weird_value(rng, item_ids(data))
    return f"{kind}[{short(key)}] = {short(obj[key])}"
