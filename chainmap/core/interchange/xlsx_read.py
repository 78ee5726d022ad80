"""Reading a spreadsheet (``.xlsx``, ``.xlsm``, ``.xlsb``, ``.xls``, ``.ods``) into
:class:`~.tables.Table` objects, with python-calamine.

Why calamine and not openpyxl, which writes the workbooks: openpyxl reads the inline strings
it writes at about 30 µs a cell, some 5 s for a 5,000-segment map's workbook on this
project's machine, over the 5 s the issue allows for the whole import; calamine (Rust) reads
the same workbook in 0.5 s, and also reads the Excel 97-2003 (``.xls``) and OpenDocument
(``.ods``) files that WPS and older Office still save. It decodes OOXML's ``_xHHHH_`` escapes
itself. (openpyxl then serves the tests as the judge of what openpyxl wrote.)

Each sheet is recognised by its name (in either language, :mod:`.names`) or, for a sheet
named otherwise (``Sheet1``), by its header row. Sheets written by hand are taken as people
write them: a title row above the header, blank rows, cells merged over several rows or
columns (every cell of a merged range reads the range's value), formulas (their last
computed value). A date typed into a text column reads as ``YYYY-MM-DD``. The three lists
are derived from the map and are not read.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from chainmap.core.format.problems import Problem, error, warning
from chainmap.core.messages import msg

from .names import COLUMNS, LIST_SHEETS, SHEETS, sheet_kind
from .tables import Row, Table, find_header, trimmed

MAX_EXACT = 2**53


def read_workbook(raw: bytes, source: str) -> tuple[list[Table], list[Problem]]:
    """The editable sheets of a workbook, and what could not be read (errors stop the import)."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        sheets = [(name, workbook.get_sheet_by_name(name)) for name in workbook.sheet_names]
    except (CalamineError, OSError, ValueError, TypeError) as exc:
        return [], [error("", msg("The file cannot be read as a spreadsheet (.xlsx, .xls or .ods): {exc}.", exc=exc))]
    tables: list[Table] = []
    problems: list[Problem] = []
    for name, sheet in sheets:
        kind = sheet_kind(name)
        if kind in LIST_SHEETS:
            continue  # derived from the map: written for reading, never read back
        try:
            rows = _values(sheet)
        except (CalamineError, OSError, ValueError, TypeError) as exc:
            problems.append(error(name, msg("The sheet '{name}' cannot be read: {exc}.", name=name, exc=exc)))
            continue
        found = find_header(rows, kind)
        if found is None:
            if any(any(v is not None for v in row) for row in rows):
                problems.append(warning(name, _why_not(name, kind)))
            continue
        index, kind = found
        headers = [_header_text(v) for v in trimmed(rows[index])]
        table = Table(kind, source, name, headers, header_row=index + 1)
        for number, values in enumerate(rows[index + 1:], start=index + 2):
            kept = trimmed(values)
            if kept:
                table.rows.append(Row(number, kept))
        tables.append(table)
    return tables, problems


def _why_not(name: str, kind: str | None) -> str:
    """Why the sheet ``name`` was not read: a whole sentence, in the reader's language."""
    if kind is None:
        return msg("The sheet '{name}' was not read: its columns are not those of segments, links, "
                   "enterprises, notes, tiers or regions.", name=name)
    examples = " or ".join(chinese for _, _, chinese, _ in COLUMNS[kind][:3])
    return msg("The sheet '{name}' was not read: none of its first rows holds the column names of the "
               "{sheet} sheet (such as {examples}).", name=name, sheet=SHEETS[kind][0].lower(), examples=examples)


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _cell(value: Any) -> Any:
    """A cell's value: None for empty, whole numbers as int, dates as the text typed."""
    if value == "" or value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) <= MAX_EXACT:
        return int(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ") if value.time() != datetime.time(0) else value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value)
    return value


def _values(sheet: Any) -> list[list[Any]]:
    """Every row's values from A1, merged ranges filled with their first cell's value."""
    rows = [[_cell(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
    # A row that holds nothing of its own stays blank, even where a merged range crosses it.
    blank = {r for r, row in enumerate(rows) if all(v is None for v in row)}
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or []:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom + 1, len(rows))):
            row = rows[r]
            if len(row) <= right:
                row.extend([None] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = value
    for r in blank:
        rows[r] = []
    return rows
