"""CSV files both ways: one sheet per file.

Writing: UTF-8 with a byte-order mark, CRLF rows, every text cell quoted against formulas
(:mod:`chainmap.core.csvsafe`, with :func:`.cells.quote_text`'s rule so that a round trip is
exact). Reading: UTF-8 with or without a BOM, else GB18030 (what Excel on a Chinese Windows
saves, a superset of GBK and GB2312); commas, or tabs when the header holds tabs and no
commas. Which sheet a file is comes from its name (``links.csv``, ``环节.csv``) or else its
header row (``id,name,tier`` / ``编号,环节名称,层级``; ``from,to`` / ``上游环节,下游环节``).
"""

from __future__ import annotations

import csv
import io
import os

from chainmap.core.csvsafe import BOM, csv_bytes
from chainmap.core.format.problems import Problem, error
from chainmap.core.messages import msg

from .cells import quote_text
from .names import LIST_SHEETS, sheet_kind
from .sheets import Sheet
from .tables import Row, Table, find_header, trimmed

UTF8_BOM = BOM.encode("utf-8")


def sheet_csv(sheet: Sheet) -> bytes:
    """One sheet as CSV bytes (UTF-8 with BOM, CRLF, formulas neutralised)."""
    def cell(value: object) -> object:
        return quote_text(value) if isinstance(value, str) else value

    return csv_bytes([cell(h) for h in sheet.headers], ([cell(v) for v in row] for row in sheet.rows))


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding name): UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030."""
    if raw.startswith(UTF8_BOM):
        return raw[len(UTF8_BOM):].decode("utf-8", errors="replace"), "UTF-8 with BOM"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace"), "GB18030"


def read_csv(raw: bytes, source: str) -> tuple[list[Table], list[Problem]]:
    """The table in a CSV file, or why it cannot be read."""
    text, _ = decode(raw)
    if "\x00" in text:
        return [], [error("", msg("The file is not a CSV text file (it holds NUL characters)."))]
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        return [], [error("", msg("The file is not valid CSV: {exc}.", exc=exc))]
    stem = os.path.basename(source).split(".")[0]
    named = sheet_kind(stem)
    if named in LIST_SHEETS:
        return [], [error("", msg("'{stem}' is one of the three lists, which chainmap reads off the map; "
                                  "a list cannot be imported (import the segments sheet instead).", stem=stem))]
    found = find_header([[v if v != "" else None for v in row] for row in rows], named)
    if found is None:
        return [], [error("1", msg("The first rows name no columns chainmap knows: a segments file starts "
                                   "with id,name,tier (编号,环节名称,层级), a links file with from,to "
                                   "(上游环节,下游环节)."))]
    index, kind = found
    headers = [str(h).strip() for h in trimmed([v if v != "" else None for v in rows[index]])]
    table = Table(kind, source, None, headers, header_row=index + 1)
    for number, values in enumerate(rows[index + 1:], start=index + 2):
        kept = trimmed([v if v != "" else None for v in values])
        if kept:
            table.rows.append(Row(number, kept))
    return [table], []
