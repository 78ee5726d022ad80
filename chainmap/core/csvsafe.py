"""CSV that a spreadsheet opens as the data it is: UTF-8 with a BOM, no formulas.

Excel on a Chinese Windows reads a CSV without a byte-order mark as GBK, turning every
Chinese name into mojibake; so every CSV chainmap writes starts with the UTF-8 BOM.

A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken by
spreadsheets for a formula (``=HYPERLINK(…)``, ``@SUM(…)``, DDE ``=cmd|…``): "formula
injection" from whoever wrote the map. Such a text cell gets a leading ``'``, which the
spreadsheet shows as text and hides (the OWASP advice). Numbers are numbers and stay as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> str:
    """The text of one cell: ``None`` empty, a list joined by ``; ``, a formula-looking text
    prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join("" if v is None else str(v) for v in value)
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> str:
    """A whole CSV as text: the BOM, the header row, then the rows, every cell neutralised.

    Rows end in CRLF, as RFC 4180 and spreadsheets expect.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise_cell(cell) for cell in row])
    return BOM + buffer.getvalue()


def csv_bytes(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """:func:`csv_text` encoded as UTF-8 (the BOM included), ready to write to a file."""
    return csv_text(header, rows).encode("utf-8")
