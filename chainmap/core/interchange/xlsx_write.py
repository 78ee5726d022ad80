"""Writing a map as an Excel workbook (``.xlsx``) with openpyxl.

Every sheet of :func:`chainmap.core.interchange.sheets.map_sheets`, each with its header row
bold and frozen (on the segments sheet the id and name columns too), columns sized for Chinese
text, drop-down lists on status, action, priority and tier so that what a team types stays
valid, and status cells filled with the map's status colours: each cell as exported, and by
conditional formatting, so that a status changed in Excel changes colour too.

openpyxl's write-only mode streams the rows (a 5,000-segment map is some 200,000 cells); text
cells are quoted against formulas and escaped for XML (:mod:`.cells`).
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from chainmap.core.model import ChainMap

from . import labels
from .cells import escape_xml, needs_escape, quote_text, text_width
from .sheets import Sheet, map_sheets

LAST_ROW = 1_048_576
MIN_WIDTH, MAX_WIDTH = 6, 50
WIDTH_SAMPLE = 300  # rows measured to size a column: enough to see its typical width
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", start_color="DDE4EE", end_color="DDE4EE")
_TOP = Alignment(vertical="top")
_STATUS_FILLS = {s: PatternFill("solid", start_color=c, end_color=c) for s, c in labels.STATUS_FILLS.items()}


_QUOTE_STARTS = frozenset("'=+-@\t\r")


def cell_value(value: Any) -> Any:
    """A value as stored in a cell: text quoted and escaped, numbers and booleans as they are."""
    if value.__class__ is not str:
        return value
    if not value or value[0] in _QUOTE_STARTS:
        value = quote_text(value)
    return escape_xml(value) if needs_escape(value) else value


def workbook_bytes(chain_map: ChainMap, lang: str) -> bytes:
    """The whole workbook for ``chain_map`` with sheet and column names in ``lang``."""
    workbook = Workbook(write_only=True)
    sheets = map_sheets(chain_map, lang)
    tiers_sheet = next(s for s in sheets if s.kind == "tiers")
    for sheet in sheets:
        _write_sheet(workbook, sheet, tiers_sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_sheet(workbook: Workbook, sheet: Sheet, tiers_sheet: Sheet) -> None:
    worksheet = workbook.create_sheet(sheet.name)
    worksheet.freeze_panes = sheet.frozen
    for index, title in enumerate(sheet.headers):
        sample = [row[index] for row in sheet.rows[:WIDTH_SAMPLE]]
        width = max([text_width(title) + 2, *(text_width(v) + 1 for v in sample)])
        worksheet.column_dimensions[get_column_letter(index + 1)].width = max(MIN_WIDTH, min(MAX_WIDTH, width))
    _validations(worksheet, sheet, tiers_sheet)
    _status_colours(worksheet, sheet)
    header = []
    for title in sheet.headers:
        cell = WriteOnlyCell(worksheet, cell_value(title))
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        header.append(cell)
    worksheet.append(header)
    status_columns = sheet.status_columns
    for row in sheet.rows:
        values: list[Any] = [cell_value(v) for v in row]
        for column in status_columns:
            text = row[column]
            status = labels.parse("status", text) if isinstance(text, str) else None
            if status is not None:
                cell = WriteOnlyCell(worksheet, values[column])
                cell.fill = _STATUS_FILLS[status]
                values[column] = cell
        worksheet.append(values)


def _validations(worksheet: Any, sheet: Sheet, tiers_sheet: Sheet) -> None:
    """Drop-down lists: the closed sets inline, the tiers from the tiers sheet."""
    for column, words in sheet.choices.items():
        letter = get_column_letter(column + 1)
        if sheet.fields[column] == "tier":
            last = len(tiers_sheet.rows) + 1
            formula = f"{quote_sheetname(tiers_sheet.name)}!$B$2:$B${last}"
        else:
            formula = '"' + ",".join(words) + '"'
        validation = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False,
                                    showErrorMessage=True, errorTitle=_plain(sheet.headers[column])[:32],
                                    error=_plain(", ".join(words))[:255])
        validation.add(f"{letter}2:{letter}{LAST_ROW}")
        worksheet.data_validations.append(validation)


def _plain(text: str) -> str:
    """Text for a drop-down's message, which holds no escapes: control characters left out."""
    return "".join(ch for ch in text if ch >= " ")


def _status_colours(worksheet: Any, sheet: Sheet) -> None:
    """Conditional fills on the status columns, for every way of writing each status."""
    for column in sheet.status_columns:
        letter = get_column_letter(column + 1)
        cells = f"{letter}2:{letter}{LAST_ROW}"
        for status, colour in labels.STATUS_FILLS.items():
            fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
            for word in dict.fromkeys((labels.label("status", status, "zh_CN"), status)):
                worksheet.conditional_formatting.add(
                    cells, CellIsRule(operator="equal", formula=[f'"{word}"'], fill=fill))
