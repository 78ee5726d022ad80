"""Tables as read from a workbook, a CSV file or a graph, before they mean anything.

A :class:`Table` is a sheet's header and its rows, each value with the place a message
names (``环节!C12`` in a workbook, ``C12`` in a CSV file, ``node 'n3'`` in a graph).
:func:`find_header` finds the header row of a sheet written by hand: the first of its first
rows that names known columns (a title row or blank rows above it are skipped).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from .names import EDITABLE_SHEETS, column_field, detect_kind, region_field

HEADER_SEARCH_ROWS = 10


@dataclass
class Row:
    """One row: its number in the sheet (1-based) and its values, one per header."""

    number: int
    values: list[Any]


@dataclass
class Table:
    """One sheet (or CSV file, or a graph's nodes or links) as read.

    ``kind`` is the sheet it is (:data:`chainmap.core.interchange.names.EDITABLE_SHEETS`);
    ``source`` the file, ``sheet`` the sheet's name (None for CSV); ``headers`` the header
    texts; ``place`` says where a row's value is, for messages; ``side`` holds, per row, what
    a graph carries beyond the columns (unknown keys of entries, plans and enterprises);
    ``only_new`` marks a table guessed from a graph, used only for a new map.
    """

    kind: str
    source: str
    sheet: str | None
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    header_row: int = 1
    locate: Callable[[int, int, str], str] | None = None
    side: dict[int, dict[str, Any]] = field(default_factory=dict)
    only_new: bool = False
    column_word: str = "column"  # what a header is called in messages ("attribute" for a graph)

    def place(self, row: int, column: int) -> str:
        """Where a value is: ``Sheet!C12``, ``C12``, or what :attr:`locate` says."""
        if self.locate is not None:
            return self.locate(row, column, self.headers[column] if column < len(self.headers) else "")
        cell = f"{get_column_letter(column + 1)}{row}"
        return f"{self.sheet}!{cell}" if self.sheet is not None else cell

    def header_place(self, column: int) -> str:
        """Where a header is."""
        return self.place(self.header_row, column)


def cell_text(value: Any) -> str:
    """A header cell's text (empty for None)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _recognised(kind: str, headers: list[str]) -> int:
    count = sum(1 for h in headers if h and column_field(kind, h) is not None)
    if kind == "segments":
        count += sum(1 for h in headers if h and column_field(kind, h) is None and _region_like(h))
    return count


def _region_like(text: str) -> bool:
    """A header ending in a region fact (``北京现状``): a segments sheet's region column."""
    squeezed = "".join(text.split())
    return any(region_field(squeezed[i:]) is not None for i in range(1, len(squeezed)))


def find_header(rows: list[list[Any]], kind: str | None) -> tuple[int, str] | None:
    """(index of the header row among ``rows``, the sheet's kind), looking at the first
    non-empty rows; None when no row names the columns of an editable sheet."""
    looked = 0
    for index, values in enumerate(rows):
        headers = [cell_text(v) for v in values]
        if not any(headers):
            continue
        looked += 1
        if looked > HEADER_SEARCH_ROWS:
            break
        if kind is not None:
            needed = 2 if kind == "map" else 1
            if _recognised(kind, headers) >= needed:
                return index, kind
            continue
        detected = detect_kind(headers)
        if detected is not None and detected in EDITABLE_SHEETS:
            return index, detected
    return None


def trimmed(values: list[Any]) -> list[Any]:
    """A row without its trailing empty cells."""
    end = len(values)
    while end and (values[end - 1] is None or values[end - 1] == ""):
        end -= 1
    return values[:end]
