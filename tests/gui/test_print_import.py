"""File ▸ Print… (preview, fit or poster), File ▸ Export… to slides and a workbook, and
File ▸ Import… as one undo step, or a list of located problems and no change."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from chainmap.core.diff import diff_maps
from chainmap.gui.dialogs.export import ExportDialog
from chainmap.gui.dialogs.print_preview import PrintPreview, print_map
from chainmap.gui.files.import_action import INTO_MAP, NEW_MAP, MapImport
from chainmap.gui.merge.disk_merge import copy_map

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def fonts(qapp):  # type: ignore[no-untyped-def]
    from chainmap.render.fonts import register_bundled_fonts

    register_bundled_fonts()


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_print_is_in_the_file_menu_with_its_shortcut(main_window):
    assert main_window.action_print in main_window.file_menu.actions()
    assert main_window.action_import in main_window.file_menu.actions()
    assert QKeySequence("Ctrl+P") in main_window.action_print.shortcuts()


def test_the_preview_shows_one_page_fitted_and_several_as_a_poster(main_window):
    main_window.action_print.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview) and w.isVisible())
    assert dialog.preview_widget is not None
    QApplication.processEvents()
    assert dialog.preview_widget.pageCount() == 1
    assert dialog.status_label.text().strip() == "Pages: 1"
    assert not dialog.scale_spin.isEnabled()
    dialog.tile_combo.setCurrentIndex(dialog.tile_combo.findData(True))
    dialog.scale_spin.setValue(2.0)
    QApplication.processEvents()
    assert dialog.scale_spin.isEnabled()
    assert dialog.preview_widget.pageCount() > 1
    assert dialog.plan is not None and dialog.preview_widget.pageCount() == dialog.plan.pages
    dialog.close()


def test_printing_fitted_gives_one_page_and_a_poster_several(main_window, tmp_path):
    fitted, poster = tmp_path / "fitted.pdf", tmp_path / "poster.pdf"
    assert print_map(pdf_printer(fitted), main_window.scene, tile=False).pages == 1
    plan = print_map(pdf_printer(poster), main_window.scene, tile=True, scale=2.0)
    assert pdf_pages(fitted) == 1
    assert pdf_pages(poster) == plan.pages > 1


def export_through_dialog(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = window.open_export_dialog()
    assert isinstance(dialog, ExportDialog)
    dialog.set_path(path)
    assert dialog.format == path.suffix.lstrip(".")
    assert dialog.export_button.isEnabled()
    dialog.show_error = lambda message: pytest.fail(message)  # type: ignore[method-assign]
    dialog.export()
    assert path.is_file()


def test_the_export_dialog_writes_slides_and_a_workbook(main_window, tmp_path):
    from openpyxl import load_workbook
    from pptx import Presentation

    deck = tmp_path / "report.pptx"
    export_through_dialog(main_window, deck)
    slides = Presentation(str(deck)).slides
    assert len(slides) >= 3
    assert any(shape.has_table for slide in slides for shape in slide.shapes)
    workbook = tmp_path / "vehicles.xlsx"
    export_through_dialog(main_window, workbook)
    sheets = load_workbook(workbook).worksheets
    assert len(sheets) >= 3
    names = {cell.value for sheet in sheets for row in sheet.iter_rows() for cell in row}
    assert main_window.document.chain_map.nodes[0].name in names


def test_importing_an_edited_workbook_into_the_map_is_one_undo_step(main_window, tmp_path):
    from openpyxl import load_workbook

    from chainmap.core.interchange import export_bytes

    chain_map = main_window.document.chain_map
    original = copy_map(chain_map)
    path = tmp_path / "vehicles.xlsx"
    path.write_bytes(export_bytes(chain_map, "xlsx", lang="en").data)
    stack = main_window.document.undo_stack
    assert MapImport(main_window).run([str(path)], INTO_MAP)
    assert stack.count() == 1
    assert diff_maps(original, chain_map) == []  # its own workbook gives back an equal map

    workbook = load_workbook(path)
    sheet = workbook["Segments"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("Name") + 1).value = "Renamed by Excel"
    first_id = sheet.cell(row=2, column=header.index("ID") + 1).value
    workbook.save(path)
    assert MapImport(main_window).run([str(path)], INTO_MAP)
    assert stack.count() == 2
    assert chain_map.node(first_id).name == "Renamed by Excel"
    stack.undo()
    assert diff_maps(original, chain_map) == []


def test_a_bad_cell_is_listed_where_it_is_and_nothing_changes(main_window, tmp_path):
    path = tmp_path / "segments.csv"
    path.write_text("id,name,tier\n,Lithium mine,nowhere\n", encoding="utf-8")
    chain_map = main_window.document.chain_map
    before = copy_map(chain_map)
    shown: list[list[str]] = []
    importer = MapImport(main_window)
    importer.show_problems = shown.append  # type: ignore[method-assign]
    assert not importer.run([str(path)], INTO_MAP)
    assert len(shown) == 1 and shown[0]
    assert all(line.startswith(str(path)) for line in shown[0]), shown
    assert any("nowhere" in line for line in shown[0]), shown
    assert main_window.document.undo_stack.count() == 0
    assert diff_maps(before, chain_map) == []


def test_importing_as_a_new_map_opens_it_unsaved(main_window, tmp_path):
    from chainmap.core.interchange import export_bytes

    path = tmp_path / "copy.xlsx"
    path.write_bytes(export_bytes(main_window.document.chain_map, "xlsx", lang="zh_CN").data)
    old = main_window.document
    names = {node.name for node in old.chain_map.nodes}
    assert MapImport(main_window).run([str(path)], NEW_MAP)
    assert main_window.document is not old
    assert main_window.document.path is None
    assert {node.name for node in main_window.document.chain_map.nodes} == names
    assert "Imported copy.xlsx" in main_window.statusBar().currentMessage()
