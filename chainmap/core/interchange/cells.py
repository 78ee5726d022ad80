"""One cell's text, both ways: formulas neutralised, lists joined, characters a workbook
cannot hold escaped, and the same undone on import so that a round trip is exact.

- **Formulas.** A text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  begins with ``'`` (the rule of :mod:`chainmap.core.csvsafe`, for workbooks as for CSV).
  A text that already starts with ``'`` followed by such a start gets one more ``'``, so the
  importer can always take exactly one off; an empty text (not the same as none) is a lone
  ``'``.
- **Lists** (aliases, tags, targets, marks) are joined with ``; ``. A list whose items hold a
  separator (``;``, ``；``, ``、``, a line break), are blank or padded, is written as a JSON
  array instead (``["A;B", "C"]``). On import a cell is split on those separators.
- **Control characters** that XML 1.0 cannot hold are written as OOXML's ``_xHHHH_`` escapes,
  which Excel, WPS and calamine decode; a literal ``_xHHHH_`` in the text is protected as
  ``_x005F_xHHHH_``, as Excel does.
"""

from __future__ import annotations

import json
import re
from typing import Any

from chainmap.core.csvsafe import FORMULA_STARTS

LIST_SEPARATORS = re.compile(r"[;；、\n]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")
_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def _needs_quote(text: str) -> bool:
    # Empty text is written as a lone "'" (an empty cell means "none"), so "'" itself as "''".
    while text.startswith("'"):
        text = text[1:]
        if text and not text.startswith(("'", *FORMULA_STARTS)):
            return False
    return not text or text.startswith(FORMULA_STARTS)


def quote_text(text: str) -> str:
    """``text`` as written into a cell: a leading ``'`` when a spreadsheet would take it for a
    formula (or when it would otherwise lose one on import)."""
    return "'" + text if _needs_quote(text) else text


def unquote_text(text: str) -> str:
    """The inverse of :func:`quote_text`: one ``'`` off a text that needed it."""
    if text.startswith("'") and _needs_quote(text[1:]):
        return text[1:]
    return text


def needs_escape(text: str) -> bool:
    """Whether :func:`escape_xml` would change ``text`` (most texts it would not)."""
    return "_x" in text or _ILLEGAL.search(text) is not None


def escape_xml(text: str) -> str:
    """``text`` with the characters XML cannot hold written as ``_xHHHH_`` (see the module)."""
    if "_x" in text:
        text = _ESCAPE_LIKE.sub(r"_x005F_\1", text)
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def join_list(items: list[str]) -> str | None:
    """A list as one cell's text, or None for an empty list (see the module)."""
    if not items:
        return None
    plain = all(
        item and item == item.strip() and not LIST_SEPARATORS.search(item) for item in items
    ) and not items[0].startswith("[")
    return "; ".join(items) if plain else json.dumps(items, ensure_ascii=False)


def split_list(text: str) -> list[str]:
    """A cell's list: a JSON array of texts as it is, else the parts between separators."""
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            value = json.loads(stripped)
        except ValueError:
            value = None
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return value
    return [part.strip() for part in LIST_SEPARATORS.split(text) if part.strip()]


def text_width(value: Any) -> int:
    """How many columns of a sheet a value needs: a Chinese character counts two."""
    if value is None:
        return 0
    text = str(value)
    line = max(text.split("\n"), key=len) if "\n" in text else text
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in line)
