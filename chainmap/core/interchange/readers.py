"""Which reader a file goes to, by its suffix: workbooks, CSV, GraphML, GEXF, Cytoscape.js."""

from __future__ import annotations

import os

from chainmap.core.format.problems import Problem, error
from chainmap.core.messages import msg

from .csv_io import read_csv
from .cyjs import read_cyjs
from .formats import IMPORT_SUFFIXES
from .gexf import read_gexf
from .graphml import read_graphml
from .tables import Table
from .xlsx_read import read_workbook


def read_tables(raw: bytes, source: str, *, tier_by: str | None = None) -> tuple[list[Table], list[Problem]]:
    """The tables in one file's bytes, and what could not be read (errors and warnings)."""
    name = os.path.basename(source).lower()
    suffix = os.path.splitext(name)[1]
    kind = IMPORT_SUFFIXES.get(suffix)
    if name.endswith(".chainmap.json"):
        return [], [error("", msg("This is a chainmap map, not a file to import: open it, or combine maps "
                                  "with chainmap merge."))]
    if kind is None:
        return [], [error("", msg("chainmap cannot tell what '{kind}' files hold: import .xlsx, .csv, "
                                  ".graphml, .gexf or .cyjs files.", kind=suffix or name))]
    if kind == "workbook":
        return read_workbook(raw, source)
    if kind == "csv":
        return read_csv(raw, source)
    if kind == "graphml":
        return read_graphml(raw, source, tier_by)
    if kind == "gexf":
        return read_gexf(raw, source, tier_by)
    return read_cyjs(raw, source, tier_by)
