"""Which writer an export format goes to: :func:`export_bytes`.

Formats: ``xlsx`` (the workbook), ``csv`` (one sheet, ``table`` says which), ``graphml``
(generic, or yEd's with ``yed``), ``gexf``, ``cyjs``, ``dot`` (also ``.gv``) and ``mmd``.
Segments without a position are exported as they are, except for the formats that draw the
map in another tool (yEd GraphML, GEXF, Cytoscape.js), which :func:`needs_positions`
names: the caller lays those out first (as the picture exports do).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chainmap.core.messages import msg
from chainmap.core.model import ChainMap

from .csv_io import sheet_csv
from .cyjs import cyjs_bytes
from .dot import dot_text
from .formats import CSV_TABLES, EXPORT_FORMATS
from .gexf import gexf_bytes
from .graphml import graphml_bytes
from .mermaid import mermaid_text
from .sheets import sheet_for
from .xlsx_write import workbook_bytes


@dataclass
class Exported:
    """An export's bytes, and warnings about anything the format could not hold."""

    data: bytes
    warnings: list[str] = field(default_factory=list)


def needs_positions(fmt: str, *, yed: bool = False) -> bool:
    """Whether a format draws the map elsewhere, so every segment should have a position."""
    return fmt in ("gexf", "cyjs") or (fmt == "graphml" and yed)


def export_bytes(chain_map: ChainMap, fmt: str, *, lang: str, yed: bool = False,
                 table: str = "segments") -> Exported:
    """``chain_map`` in ``fmt`` (see the module docstring), names in ``lang``."""
    if fmt == "xlsx":
        return Exported(workbook_bytes(chain_map, lang))
    if fmt == "csv":
        if table not in CSV_TABLES:
            raise ValueError(msg("'{table}' is not a table: use one of {tables}", table=table,
                                 tables=", ".join(CSV_TABLES)))
        return Exported(sheet_csv(sheet_for(chain_map, table, lang)))
    if fmt == "graphml":
        data, warnings = graphml_bytes(chain_map, yed=yed)
        return Exported(data, warnings)
    if fmt == "gexf":
        data, warnings = gexf_bytes(chain_map)
        return Exported(data, warnings)
    if fmt == "cyjs":
        return Exported(cyjs_bytes(chain_map))
    if fmt == "dot":
        return Exported(dot_text(chain_map).encode("utf-8"))
    if fmt == "mmd":
        return Exported(mermaid_text(chain_map).encode("utf-8"))
    raise ValueError(msg("'{format}' is not an export format: use one of {formats}", format=fmt,
                         formats=", ".join(EXPORT_FORMATS)))
