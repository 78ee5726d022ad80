"""The formats the interchange reads and writes, by file suffix: light to import (the command
line's option parsing needs them before any reader or writer is loaded)."""

from __future__ import annotations

from .names import EDITABLE_SHEETS, LIST_SHEETS

EXPORT_FORMATS = ("xlsx", "csv", "graphml", "gexf", "cyjs", "dot", "mmd")
SUFFIX_FORMATS = {"xlsx": "xlsx", "csv": "csv", "graphml": "graphml", "gexf": "gexf", "cyjs": "cyjs",
                  "dot": "dot", "gv": "dot", "mmd": "mmd"}
CSV_TABLES = tuple(k for k in (*EDITABLE_SHEETS, *LIST_SHEETS) if k != "map")
IMPORT_SUFFIXES = {
    ".xlsx": "workbook", ".xlsm": "workbook", ".xlsb": "workbook", ".xls": "workbook", ".ods": "workbook",
    ".csv": "csv", ".tsv": "csv", ".txt": "csv",
    ".graphml": "graphml", ".gexf": "gexf", ".cyjs": "cyjs", ".json": "cyjs",
}
