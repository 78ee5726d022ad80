"""The map's canonical JSON text, written faster than ``json.dumps(indent=2)``.

``json.dumps`` with an indent runs its pure-Python encoder, a chain of nested generators that
hands every piece of text up through each level; for a big map that is most of a save.
:func:`dumps_indented` writes the very same text (``ensure_ascii=False``, ``indent=2``,
``allow_nan=False``: byte for byte, tested against ``json.dumps``) with plain recursion into
one list, encoding each string with ``json``'s own C function. Anything it does not expect (a
key that is not text, a tuple, a subclass, a cycle) is left to ``json.dumps`` itself, so the
result, and any error, stay exactly ``json``'s.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_INDENT = "  "
_INFINITY = float("inf")


class _Unusual(Exception):
    """A value the quick writer leaves to ``json.dumps``."""


def dumps_indented(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)``, faster."""
    out: list[str] = []
    try:
        _value(data, out, "\n")
    except (_Unusual, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return "".join(out)


def _scalar(value: Any) -> str | None:
    """The text of a string, number, boolean or null; ``None`` for a container."""
    cls = value.__class__
    if cls is str:
        return encode_basestring(value)
    if cls is int:
        return int.__repr__(value)
    if cls is float:
        if value != value or value == _INFINITY or value == -_INFINITY:
            raise _Unusual  # json.dumps raises its own ValueError for it
        return float.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if cls is dict or cls is list:
        return None
    raise _Unusual


def _value(value: Any, out: list[str], newline: str) -> None:
    """Append ``value``'s text; ``newline`` is a line break with the current indent."""
    text = _scalar(value)
    if text is not None:
        out.append(text)
    elif value.__class__ is dict:
        _object(value, out, newline)
    else:
        _array(value, out, newline)


def _object(obj: dict[str, Any], out: list[str], newline: str) -> None:
    if not obj:
        out.append("{}")
        return
    inner = newline + _INDENT
    separator = "{" + inner
    for key, value in obj.items():
        if key.__class__ is not str:
            raise _Unusual  # json converts numbers and booleans as keys: let it
        text = _scalar(value)
        if text is not None:
            out.append(separator + encode_basestring(key) + ": " + text)
        else:
            out.append(separator + encode_basestring(key) + ": ")
            if value.__class__ is dict:
                _object(value, out, inner)
            else:
                _array(value, out, inner)
        separator = "," + inner
    out.append(newline + "}")


def _array(items: list[Any], out: list[str], newline: str) -> None:
    if not items:
        out.append("[]")
        return
    inner = newline + _INDENT
    separator = "[" + inner
    for value in items:
        text = _scalar(value)
        if text is not None:
            out.append(separator + text)
        else:
            out.append(separator)
            if value.__class__ is dict:
                _object(value, out, inner)
            else:
                _array(value, out, inner)
        separator = "," + inner
    out.append(newline + "]")
