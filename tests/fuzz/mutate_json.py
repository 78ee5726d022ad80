"""Seeded mutations of a map at the JSON level and of its file's bytes.

:func:`mutate_map` applies one to four of the :data:`OPERATIONS` to parsed map data (drop,
repeat or retype a key; wrong types and odd texts in any field; swapped, repeated and dangling
ids; ``parent`` and link cycles; values nested deep under unknown keys; items repeated,
removed, reordered) and encodes the result, sometimes damaging the bytes afterwards
(:func:`mutate_bytes`: truncation, flipped bytes, other encodings, a BOM).
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from typing import Any

from .jsontext import encode
from .mutate_fields import (
    op_drop_key,
    op_drop_positions,
    op_duplicate_key,
    op_free_text,
    op_number_field,
    op_set_field,
    op_text_field,
    op_unknown_key,
)
from .mutate_items import (
    op_conflicts,
    op_dangling,
    op_header,
    op_link_cycle,
    op_parent_cycle,
    op_region_code,
    op_remove_items,
    op_repeat_id,
    op_repeat_item,
    op_retype_list,
    op_root,
    op_swap_ids,
)

OPERATIONS: list[tuple[Callable[[Any, random.Random], str | None], int]] = [
    (op_set_field, 12), (op_text_field, 6), (op_free_text, 6), (op_number_field, 4), (op_drop_key, 5), (op_drop_positions, 4),
    (op_duplicate_key, 2), (op_unknown_key, 6), (op_swap_ids, 3), (op_repeat_id, 3), (op_dangling, 4),
    (op_parent_cycle, 4), (op_link_cycle, 4), (op_repeat_item, 3), (op_remove_items, 4), (op_retype_list, 1),
    (op_header, 2), (op_region_code, 2), (op_conflicts, 3), (op_root, 1),
]


def mutate_map(data: dict[str, Any], rng: random.Random, *, operations: int | None = None,
               among: list[tuple[Callable[[Any, random.Random], str | None], int]] | None = None) -> tuple[Any, list[str]]:
    """A mutated copy of ``data`` (read with :class:`DupDict` objects; it may come to hold
    :class:`Raw` values) and what was done to it: ``operations`` steps (default one to four)
    drawn from ``among`` (default :data:`OPERATIONS`) by weight."""
    out: Any = copy.deepcopy(data)
    done: list[str] = []
    ops, weights = zip(*(among or OPERATIONS), strict=True)
    for _ in range(operations if operations is not None else rng.choice([1, 1, 1, 2, 2, 3, 4])):
        op = rng.choices(ops, weights)[0]
        if op is op_root:
            if op(out, rng) is not None:
                out = rng.choice([[], [out], "map", 0, None, True, {}, {"format": "chainmap"}])
                done.append("root replaced")
            continue
        said = op(out, rng)
        if said is not None:
            done.append(said)
    return out, done


# ------------------------------------------------------------------ bytes
def mutate_bytes(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    """The file's bytes damaged in one way, and how."""
    roll = rng.random()
    if roll < 0.25:
        cut = rng.randrange(len(raw) + 1)
        return raw[:cut], f"truncated at {cut}"
    if roll < 0.5:
        out = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(out)) if out else 0
            if out:
                out[at] ^= 1 << rng.randrange(8)
        return bytes(out), "bytes flipped"
    if roll < 0.6:
        at = rng.randrange(len(raw) + 1)
        junk = rng.choice([b"\x00", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\x1b[2J", b"\xe2\x80\xae", b",", b"}"])
        return raw[:at] + junk + raw[at:], f"inserted {junk!r} at {at}"
    if roll < 0.7:
        start = rng.randrange(len(raw) + 1)
        return raw[:start] + raw[start + rng.randint(1, 64):], "bytes cut out"
    if roll < 0.8:
        return rng.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b" \n"]) + raw, "prefixed"
    if roll < 0.9:
        text = raw.decode("utf-8", "replace")
        encoding = rng.choice(["gbk", "utf-16", "utf-16-le", "utf-32", "latin-1"])
        return text.encode(encoding, "replace"), f"encoded as {encoding}"
    return raw.replace(b"\n", b"\r\n") + rng.choice([b"", b"\x00", b" trailing", b"\n{}"]), "line ends and tail"


# What a copy may well hold and still load: odd texts, unknown keys nested deep, positions
# left out, ids shared across kinds, loops of links, conflicts and tombstones.
GENTLE = [(op_free_text, 8), (op_text_field, 1), (op_unknown_key, 6), (op_drop_positions, 2), (op_swap_ids, 2), (op_link_cycle, 2),
          (op_conflicts, 1), (op_number_field, 1), (op_repeat_id, 1)]


def mutated_file(data: dict[str, Any], rng: random.Random) -> tuple[bytes, list[str]]:
    """A mutated map file: JSON-level mutations, encoded, sometimes with its bytes damaged."""
    value, done = mutate_map(data, rng, among=GENTLE if rng.random() < 0.5 else None)
    raw = encode(value, ascii_only=rng.random() < 0.3, indent=rng.random() < 0.5)
    if rng.random() < 0.15:
        raw, how = mutate_bytes(raw, rng)
        done.append(how)
    return raw, done
