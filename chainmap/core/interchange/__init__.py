"""Spreadsheets and other tools' formats, in and out.

- Export (:func:`export_bytes`): an Excel workbook (:mod:`.xlsx_write`, the sheets of
  :mod:`.sheets`), CSV (:mod:`.csv_io`), GraphML, generic or for yEd (:mod:`.graphml`), GEXF
  for Gephi (:mod:`.gexf`), Cytoscape.js JSON (:mod:`.cyjs`), Graphviz DOT (:mod:`.dot`) and
  Mermaid (:mod:`.mermaid`). The graph formats go through networkx (:mod:`.graph_data`).
- Import (:func:`import_files`): workbooks, CSV, GraphML, GEXF and Cytoscape.js files, read
  into tables (:mod:`.xlsx_read`, :mod:`.readers`) and applied keyed by id
  (:mod:`.importer`, :mod:`.import_frame`, :mod:`.import_segments`, :mod:`.import_links`),
  every bad cell reported where it is (:mod:`.values`).
- :mod:`.names` and :mod:`.labels`: the sheet and column names and the closed sets' words, in
  English and Chinese; :mod:`.cells`: one cell's text both ways.

For the editor: ``import_files(paths, into=document.chain_map)`` returns an
:class:`ImportResult` whose ``map`` is a new map (the open one is untouched) to apply as one
undo step, and whose ``problems`` list every bad cell; ``export_bytes(map, fmt, lang=…)``
returns the bytes to write with :func:`chainmap.core.format.write_atomic`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .formats import CSV_TABLES, EXPORT_FORMATS, IMPORT_SUFFIXES, SUFFIX_FORMATS

if TYPE_CHECKING:
    from .exporters import Exported, export_bytes, needs_positions
    from .importer import ImportResult, import_files, import_tables
    from .values import ImportProblem

# Imported on first use: openpyxl, networkx and calamine take a while to import, and the
# command line needs only the format names to parse its options.
_LAZY = {"Exported": "exporters", "export_bytes": "exporters", "needs_positions": "exporters",
         "ImportResult": "importer", "import_files": "importer", "import_tables": "importer",
         "ImportProblem": "values"}


def __getattr__(name: str) -> Any:
    """The readers' and writers' names, imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CSV_TABLES",
    "EXPORT_FORMATS",
    "IMPORT_SUFFIXES",
    "SUFFIX_FORMATS",
    "Exported",
    "ImportProblem",
    "ImportResult",
    "export_bytes",
    "import_files",
    "import_tables",
    "needs_positions",
]
