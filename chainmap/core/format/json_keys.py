"""Keys that one JSON object holds twice: refused by the loader, and found for its message.

JSON allows a key twice in one object, and Python's ``json`` keeps the last value without a
word, so a map edited by hand or merged by a text tool could silently lose one of them (and
``chainmap format`` would drop it for good). :func:`object_without_duplicates` is the
``object_pairs_hook`` that notices; it costs one ``len`` per object, so loading stays fast.
When it fires, :func:`find_duplicate_key` walks the text once more, without recursion, to
say where: the object's JSON pointer and the line and column of both occurrences.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..ids import pointer_token
from ..messages import msg, word
from .problem_wording import short
from .problems import Problem

_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
# Numbers and literals: anything up to the next separator (the text is JSON up to here).
_SCALAR = re.compile(r"[^\s,:\[\]{}\"]+")


class DuplicateKey(ValueError):
    """Raised by :func:`object_without_duplicates`: an object holds ``key`` twice."""

    def __init__(self, key: str) -> None:
        super().__init__(f"the key {key!r} appears twice in one object")
        self.key = key


def object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``json``'s ``object_pairs_hook``: the object as a dict, or :class:`DuplicateKey`."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return obj


@dataclass(frozen=True)
class DuplicatePlace:
    """Where a key occurs a second time: the object's JSON pointer (``/nodes/3``, ``""``
    for the whole file), and 1-based line and column of the first and second occurrence."""

    key: str
    path: str
    line: int
    column: int
    first_line: int
    first_column: int


def _string(text: str, at: int) -> tuple[str, int]:
    """The JSON string starting at ``at`` (its opening quote), decoded, and the offset after it."""
    match = _STRING.match(text, at)
    if match is None:
        raise ValueError("a string was expected")
    return json.loads(match.group(0)), match.end()


def _skip(text: str, at: int) -> int:
    """The offset of the first character after the white space at ``at``."""
    match = _SPACE.match(text, at)
    return match.end() if match is not None else at


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


class _Object:
    __slots__ = ("token", "keys")

    def __init__(self, token: str) -> None:
        self.token = token
        self.keys: dict[str, int] = {}  # key -> offset of its opening quote


class _Array:
    __slots__ = ("token", "count")

    def __init__(self, token: str) -> None:
        self.token = token
        self.count = 0


def find_duplicate_key(text: str) -> DuplicatePlace | None:
    """The first key (in reading order) that an object of ``text`` holds twice, or ``None``
    when there is none or the text stops being JSON before one is found."""
    try:
        return _scan(text)
    except (IndexError, ValueError):
        return None


def _scan(text: str) -> DuplicatePlace | None:
    stack: list[_Object | _Array] = []
    token = ""  # the pointer token of the value about to be read
    at = _skip(text, 0)
    while True:
        # A value starts at ``at``.
        char = text[at]
        if char == "{" or char == "[":
            container: _Object | _Array = _Object(token) if char == "{" else _Array(token)
            stack.append(container)
            at = _skip(text, at + 1)
            if text[at] in "}]":
                stack.pop()
                at += 1
            elif isinstance(container, _Array):
                token = "0"
                continue
            else:
                found, at, token = _key(text, at, container, stack)
                if found is not None:
                    return found
                continue
        elif char == '"':
            match = _STRING.match(text, at)
            if match is None:
                return None
            at = match.end()
        else:
            match = _SCALAR.match(text, at)
            if match is None:
                return None
            at = match.end()
        # After a value: a comma, the end of containers, or the end of the text.
        while True:
            at = _skip(text, at)
            if not stack:
                return None
            char = text[at]
            if char == ",":
                at = _skip(text, at + 1)
                top = stack[-1]
                if isinstance(top, _Array):
                    top.count += 1
                    token = str(top.count)
                else:
                    found, at, token = _key(text, at, top, stack)
                    if found is not None:
                        return found
                break
            if char in "}]":
                stack.pop()
                at += 1
                continue
            return None


def _key(text: str, at: int, obj: _Object, stack: list[_Object | _Array]) -> tuple[DuplicatePlace | None, int, str]:
    """Read ``"key":`` at ``at``; a :class:`DuplicatePlace` when ``obj`` already has it."""
    if text[at] != '"':
        raise ValueError("a key was expected")
    key, end = _string(text, at)
    first = obj.keys.get(key)
    if first is not None:
        path = "".join("/" + pointer_token(c.token) for c in stack[1:])
        line, column = _line_column(text, at)
        first_line, first_column = _line_column(text, first)
        return DuplicatePlace(key, path, line, column, first_line, first_column), end, key
    obj.keys[key] = at
    end = _skip(text, end)
    if text[end] != ":":
        raise ValueError("a colon was expected")
    return None, _skip(text, end + 1), key


def duplicate_key_problem(text: str, key: str) -> Problem:
    """The load error for a key held twice (``key`` is what the hook saw, for when the
    place cannot be found)."""
    place = find_duplicate_key(text)
    if place is None:
        return Problem(
            "error",
            "",
            msg("The key '{key}' appears twice in one object: JSON keys must be unique, and "
                "chainmap will not guess which value is meant. Remove one of them.", key=short(key)),
        )
    where = msg("the object at {path}", path=place.path) if place.path else word("the map's top-level object")
    return Problem(
        "error",
        place.path,
        msg("The key '{key}' appears twice in {where} (first at line {line}, "
            "column {column}): JSON keys must be unique, and chainmap will not guess "
            "which value is meant. Remove one of them.",
            key=short(place.key), where=where, line=place.first_line, column=place.first_column),
        place.line,
        place.column,
    )
