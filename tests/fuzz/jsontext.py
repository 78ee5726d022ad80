"""JSON text that ``json.dumps`` cannot write: a key twice in one object, raw fragments
(``1e999``, ``NaN``, a value nested thousands deep, ``"\\ud800"``) and lone surrogates."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Raw:
    """JSON text written as it is (it may not be JSON at all)."""

    text: str


class DupDict(dict):  # type: ignore[type-arg]
    """An object that may be written with a key twice: ``repeats`` holds ``(position, key,
    value)`` pairs written again before the pair at ``position``. Use it as the
    ``object_pairs_hook`` when reading the maps to mutate, so that every object can be."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.repeats: list[tuple[int, str, Any]] = []


def nested(depth: int, kind: str = "list") -> Raw:
    """A value ``depth`` arrays (or objects, or both by turns) inside each other."""
    if kind == "list":
        return Raw("[" * depth + "]" * depth)
    if kind == "object":
        return Raw('{"k":' * depth + "0" + "}" * depth)
    half = depth // 2
    return Raw('[{"k":' * half + "[]" + "}]" * half)


def encode(value: Any, *, ascii_only: bool = False, indent: bool = False) -> bytes:
    """The JSON text of ``value`` (with :class:`Raw` values and :class:`DupDict` repeats in it)
    as bytes; a lone surrogate is written as its escape with ``ascii_only``, else as raw
    (invalid) UTF-8."""
    parts: list[str] = []
    _write(value, parts, ascii_only, "\n" if indent else "")
    return "".join(parts).encode("utf-8", "surrogatepass")


def _write(value: Any, parts: list[str], ascii_only: bool, newline: str) -> None:
    # The mutators' own values nest a few levels at most; deep ones are Raw text.
    if isinstance(value, Raw):
        parts.append(value.text)
    elif isinstance(value, dict):
        pairs = list(value.items())
        for position, key, item in sorted(getattr(value, "repeats", ()), key=lambda r: -r[0]):
            pairs.insert(min(position, len(pairs)), (key, item))
        _write_pairs(pairs, parts, ascii_only, newline)
    elif isinstance(value, (list, tuple)):
        parts.append("[")
        for index, item in enumerate(value):
            if index:
                parts.append(",")
            parts.append(newline)
            _write(item, parts, ascii_only, newline)
        parts.append("]")
    elif isinstance(value, str):
        parts.append(json.dumps(value, ensure_ascii=ascii_only))
    elif isinstance(value, float) and value != value:
        parts.append("NaN")
    else:
        parts.append(json.dumps(value))


def _write_pairs(pairs: list[tuple[str, Any]], parts: list[str], ascii_only: bool, newline: str) -> None:
    parts.append("{")
    for index, (key, item) in enumerate(pairs):
        if index:
            parts.append(",")
        parts.append(newline)
        parts.append(json.dumps(key, ensure_ascii=ascii_only))
        parts.append(":")
        _write(item, parts, ascii_only, newline)
    parts.append("}")
