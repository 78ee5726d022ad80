"""The File ▸ Export… formats that are not pictures: the slide deck (.pptx) and, when the
interchange is installed, the Excel workbook and other tools' graph formats.

:func:`document_formats` names them for the dialog (label, file filter, what the file holds);
:func:`write_document` writes one, as ``chainmap export -o OUT.pptx|.xlsx|.graphml…`` does:
the deck through :func:`chainmap.render.slides.export_slides`, the others through
:func:`chainmap.core.interchange.export_bytes` written atomically
(:func:`chainmap.core.format.write_atomic`). Formats that draw the map in another tool (GEXF,
Cytoscape.js) get every segment a position first, on a copy: the open map is left alone.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from chainmap.core.model import ChainMap


@dataclass(frozen=True)
class DocumentFormat:
    """A non-picture export format: its menu label, file filter and a line on what it holds."""

    label: str
    filter: str
    about: str


def interchange_available() -> bool:
    """Whether the workbook and graph formats can be written here."""
    try:
        return importlib.util.find_spec("chainmap.core.interchange") is not None
    except ImportError:
        return False


def document_formats() -> dict[str, DocumentFormat]:
    """The formats by suffix, in the order the dialog lists them."""
    formats = {"pptx": DocumentFormat(
        QCoreApplication.translate("export", "PowerPoint slides"), "PowerPoint (*.pptx)",
        QCoreApplication.translate("export", "Title, the whole map, each region's gaps view, the three lists as tables"))}
    if interchange_available():
        formats.update({
            "xlsx": DocumentFormat(
                QCoreApplication.translate("export", "Excel workbook"), "Excel (*.xlsx)",
                QCoreApplication.translate(
                    "export", "Segments, links, enterprises, notes and the three lists; File ▸ Import reads it back")),
            "graphml": DocumentFormat(
                QCoreApplication.translate("export", "GraphML graph"), "GraphML (*.graphml)",
                QCoreApplication.translate("export", "Every field as typed data, for networkx, yEd and Cytoscape")),
            "gexf": DocumentFormat(
                QCoreApplication.translate("export", "GEXF graph (Gephi)"), "GEXF (*.gexf)",
                QCoreApplication.translate("export", "Positions, colours and sizes for Gephi")),
            "cyjs": DocumentFormat(
                QCoreApplication.translate("export", "Cytoscape.js JSON"), "Cytoscape.js (*.cyjs)",
                QCoreApplication.translate("export", "Nodes and edges with positions, for Cytoscape")),
            "dot": DocumentFormat(
                QCoreApplication.translate("export", "Graphviz DOT"), "Graphviz (*.dot)",
                QCoreApplication.translate("export", "One cluster per tier, for dot")),
            "mmd": DocumentFormat(
                QCoreApplication.translate("export", "Mermaid diagram"), "Mermaid (*.mmd)",
                QCoreApplication.translate("export", "A flowchart for wikis and Markdown")),
        })
    return formats


def write_document(chain_map: ChainMap, path: Path, fmt: str, *, lang: str, legend: bool = True,
                   folded: Iterable[str] = ()) -> list[str]:
    """Write ``chain_map`` to ``path`` as ``fmt`` (a key of :func:`document_formats`), headings
    and names in ``lang``; returns the warnings. Raises ExportError, MapSaveError or OSError."""
    if fmt == "pptx":
        from chainmap.render.slides import export_slides

        return list(export_slides(chain_map, path, lang=lang, legend=legend, folded=folded).warnings)
    from chainmap.core.format import map_from_data, map_to_data, write_atomic
    from chainmap.core.interchange import export_bytes, needs_positions

    if needs_positions(fmt) and any(node.x is None or node.y is None for node in chain_map.nodes):
        from chainmap.core.layout import layout_map

        chain_map = map_from_data(map_to_data(chain_map))
        layout_map(chain_map, only_new=True)
    exported = export_bytes(chain_map, fmt, lang=lang)
    write_atomic(path, exported.data)
    return list(exported.warnings)


def document_filters() -> dict[str, str]:
    """The file filters of :func:`document_formats`, by suffix (not translated: for the file dialog)."""
    filters = {"pptx": "PowerPoint (*.pptx)"}
    if interchange_available():
        filters.update({"xlsx": "Excel (*.xlsx)", "graphml": "GraphML (*.graphml)", "gexf": "GEXF (*.gexf)",
                        "cyjs": "Cytoscape.js (*.cyjs)", "dot": "Graphviz (*.dot)", "mmd": "Mermaid (*.mmd)"})
    return filters


def refresh_for_document(dialog: Any) -> None:
    """Bring the export dialog's options up to date for a non-picture format: only the slides
    have a legend; the size line says what the file holds."""
    fmt = document_formats()[dialog.format]
    for widget in (dialog.dpi_spin, dialog.scale_spin, dialog.view_combo, dialog.transparent_check,
                   dialog.background_button):
        widget.setEnabled(False)
    dialog.dpi_spin.setToolTip("")
    dialog.legend_check.setEnabled(dialog.format == "pptx")
    dialog.size_label.setText(fmt.about)
    dialog.warning_label.setText("")
    dialog.export_button.setEnabled(bool(dialog.path_edit.text().strip()))


def export_document(dialog: Any, path: Path) -> Path | None:
    """The export dialog's Export for a non-picture format: write ``path`` (the dialog has
    checked its folder and asked before replacing it), say so and close; or say why not
    and stay open. Returns the path written, or None."""
    from chainmap.core.format.problems import MapSaveError
    from chainmap.core.language import current_language
    from chainmap.render.export import ExportError

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        warnings = write_document(dialog.document.chain_map, path, dialog.format, lang=current_language(),
                                  legend=dialog.legend_check.isChecked(),
                                  folded=dialog.export_scene.folded_ids())
    except MapSaveError as exc:
        QApplication.restoreOverrideCursor()
        dialog.show_error(exc.describe())
        return None
    except (ExportError, OSError, ValueError) as exc:
        QApplication.restoreOverrideCursor()
        dialog.show_error(QCoreApplication.translate("export", "{path}: {reason}; nothing was written.").format(
            path=path, reason=exc))
        return None
    QApplication.restoreOverrideCursor()
    dialog._remember(path)
    label = document_formats()[dialog.format].label
    if warnings:
        first = warnings[0]
        count = len(warnings)
        text = QCoreApplication.translate(
            "export", "Exported {name} ({label}); %n warning(s), the first: {first}", None, count).format(
            name=path.name, label=label, first=first)
    else:
        text = QCoreApplication.translate("export", "Exported {name} ({label})").format(name=path.name, label=label)
    dialog.document.status_message.emit(text)
    dialog.accept()
    return path
