"""File ▸ Export…: the dialog's size preview, the files it writes, its view choice, its
errors, its remembered choices, and the action that opens it."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QKeySequence

from chainmap.gui.dialogs.export import ExportDialog
from chainmap.render import export as export_module
from chainmap.render.export import export_map

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def fonts(qapp):  # type: ignore[no-untyped-def]
    from chainmap.render.fonts import register_bundled_fonts

    register_bundled_fonts()


def open_dialog(window) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = window.open_export_dialog()
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    return dialog


def pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return data[:, : image.width() * 4].reshape(image.height(), image.width(), 4).astype(np.int16)


def differing(a: Path, b: Path) -> float:
    """The fraction of pixels that differ clearly between two PNGs of the same size."""
    return float((np.abs(pixels(a) - pixels(b)).max(axis=2) > 40).mean())


def svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    return "".join(element.text or "" for element in root.iter() if element.tag.endswith("text"))


@pytest.mark.parametrize("dpi", [60, 110])
def test_the_size_preview_is_the_size_of_the_png(main_window, tmp_path, dpi):
    dialog = open_dialog(main_window)
    dialog.set_path(tmp_path / "vehicles.png")
    dialog.dpi_spin.setValue(dpi)
    plan = dialog.plan()
    assert dialog.size_label.text().startswith(f"{plan.width} × {plan.height} px")
    assert not dialog.warning_label.text()
    result = dialog.export()
    assert result is not None and result.size == (plan.width, plan.height)
    assert QImage(str(tmp_path / "vehicles.png")).size().toTuple() == (plan.width, plan.height)
    assert main_window.statusBar().currentMessage() == f"Exported vehicles.png, {plan.width} × {plan.height} px"
    assert not dialog.isVisible()


def test_png_svg_and_pdf_from_the_dialog_are_valid_files(main_window, tmp_path):
    title = main_window.document.chain_map.title
    for fmt in ("png", "svg", "pdf"):
        dialog = open_dialog(main_window)
        dialog.set_path(tmp_path / "vehicles.png")
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
        assert dialog.path_edit.text() == str(tmp_path / f"vehicles.{fmt}")  # the suffix follows
        assert dialog.dpi_spin.isEnabled() == (fmt != "svg")
        assert dialog.transparent_check.isEnabled() == (fmt == "png")
        plan = dialog.plan()
        assert dialog.export() is not None
    assert not QImage(str(tmp_path / "vehicles.png")).isNull()
    assert title in svg_text(tmp_path / "vehicles.svg")
    pdf = tmp_path / "vehicles.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    mm = plan.page_mm
    assert main_window.statusBar().currentMessage() == f"Exported vehicles.pdf, {mm[0]:.0f} × {mm[1]:.0f} mm"
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert title in text.replace(" ", "")


def test_the_view_choice_exports_that_regions_gaps_view_with_the_editors_folds(main_window, tmp_path):
    document, scene = main_window.document, main_window.scene
    chain_map = document.chain_map
    parent = next(node.id for node in chain_map.nodes if chain_map.children(node.id))
    scene.set_folded(parent, True)
    document.set_view_region("CN-HE")
    dialog = open_dialog(main_window)
    assert dialog.view_region == "CN-HE"  # the editor's view by default
    dialog.view_combo.setCurrentIndex(dialog.view_combo.findData("CN-TJ"))
    dialog.set_path(tmp_path / "dialog.png")
    dialog.dpi_spin.setValue(72)
    result = dialog.export()
    assert result is not None and dialog.export_scene.view_region == "CN-TJ"
    assert document.view_region == "CN-HE" and scene.view_region == "CN-HE"  # the editor is left alone
    tianjin = export_map(chain_map, tmp_path / "tianjin.png", dpi=72, view_region="CN-TJ", folded=[parent])
    everything = export_map(chain_map, tmp_path / "all.png", dpi=72, folded=[parent])
    assert result.size == tianjin.size
    assert differing(tmp_path / "dialog.png", tmp_path / "tianjin.png") < 0.002
    # All regions: another title line, other colours.
    assert everything.size != tianjin.size


def test_an_unwritable_path_shows_why_and_writes_nothing(main_window, tmp_path, monkeypatch):
    dialog = open_dialog(main_window)
    errors: list[str] = []
    monkeypatch.setattr(dialog, "show_error", errors.append)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, not a folder")
    before = sorted(tmp_path.rglob("*"))
    dialog.set_path(blocker / "vehicles.png")
    assert dialog.export() is None
    assert len(errors) == 1 and "does not exist" in errors[0] and "Traceback" not in errors[0]
    # A folder where the file should be: the exporter itself refuses (ExportError).
    (tmp_path / "taken.png").mkdir()
    before = sorted(tmp_path.rglob("*"))
    monkeypatch.setattr(dialog, "ask_overwrite", lambda _path: True)
    dialog.set_path(tmp_path / "taken.png")
    assert dialog.export() is None
    assert len(errors) == 2 and "Nothing was written" in errors[1]
    assert sorted(tmp_path.rglob("*")) == before and blocker.read_text() == "a file, not a folder"
    assert dialog.isVisible()  # open for another try
    dialog.reject()


def test_the_export_action_opens_the_dialog_without_blocking(main_window, qtbot):
    window = main_window
    assert window.action_export.shortcut() == QKeySequence("Ctrl+E")
    file_actions = window.menuBar().actions()[0].menu().actions()
    assert file_actions.index(window.action_export) == file_actions.index(window.action_save_as) + 1
    window.action_export.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.path_edit.text() == str(window.document.path.parent / "vehicles.png")
    assert dialog.dpi_spin.value() == 150 and dialog.view_region is None and dialog.legend_check.isChecked()
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None)  # deleted on close


def test_the_last_folder_format_and_dpi_are_remembered(main_window, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = open_dialog(main_window)
    dialog.set_path(folder / "chain.pdf")
    assert dialog.format == "pdf"  # the format follows the suffix typed
    dialog.dpi_spin.setValue(200)
    assert dialog.export() is not None
    again = open_dialog(main_window)
    assert again.path_edit.text() == str(folder / "vehicles.pdf")
    assert again.format == "pdf" and again.dpi_spin.value() == 200
    again.reject()


def test_legend_transparency_and_background_reach_the_file(main_window, tmp_path):
    dialog = open_dialog(main_window)
    dialog.dpi_spin.setValue(48)
    with_legend = dialog.plan()
    dialog.legend_check.setChecked(False)
    assert dialog.plan().height < with_legend.height
    dialog.transparent_check.setChecked(True)
    assert not dialog.background_button.isEnabled()
    dialog.set_path(tmp_path / "clear.png")
    assert dialog.export() is not None
    assert QImage(str(tmp_path / "clear.png")).pixelColor(0, 0).alpha() == 0
    dialog = open_dialog(main_window)
    dialog.dpi_spin.setValue(48)
    dialog.ask_colour = lambda _current: QColor("#ffeecc")  # type: ignore[method-assign]
    dialog.background_button.click()
    assert dialog.background_button.text() == "#ffeecc"
    dialog.set_path(tmp_path / "tinted.png")
    assert dialog.export() is not None
    assert QImage(str(tmp_path / "tinted.png")).pixelColor(0, 0).name() == "#ffeecc"


def test_a_png_too_big_is_previewed_as_scaled_down_or_refused(main_window, tmp_path, monkeypatch):
    monkeypatch.setattr(export_module, "MAX_IMAGE_BYTES", 4 * 1_000_000)  # 1 MP
    dialog = open_dialog(main_window)
    dialog.set_path(tmp_path / "shrunk.png")
    dialog.dpi_spin.setValue(150)
    plan = dialog.plan()
    assert plan.scaled_down and plan.width * plan.height <= 1_000_000
    assert "scaled down" in dialog.warning_label.text()
    dialog.scale_spin.setValue(20)
    assert dialog.plan().refused and not dialog.export_button.isEnabled()
    assert "Too big" in dialog.warning_label.text()
    dialog.scale_spin.setValue(1)
    result = dialog.export()
    assert result is not None and result.warnings
    assert QImage(str(tmp_path / "shrunk.png")).size().toTuple() == (plan.width, plan.height)
    assert main_window.statusBar().currentMessage().endswith("(scaled down to fit in memory)")


def test_browse_picks_the_file_and_its_format(main_window, tmp_path, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    dialog = open_dialog(main_window)
    existing = tmp_path / "picked.svg"
    existing.write_text("old")
    chosen: list[str] = []

    def answer() -> None:
        files = QApplication.activeModalWidget()
        assert isinstance(files, QFileDialog)
        chosen.append(files.selectedNameFilter())
        files.selectNameFilter("SVG (*.svg)")
        files.selectFile(str(tmp_path / "picked"))
        files.accept()

    QTimer.singleShot(0, answer)
    dialog.browse_button.click()
    assert chosen == ["PNG (*.png)"]  # the current format's filter first
    assert dialog.path_edit.text() == str(existing) and dialog.format == "svg"
    # The file dialog checked "picked", not "picked.svg": replacing that is asked here.
    asked: list[Path] = []

    def refuse(path: Path) -> bool:
        asked.append(path)
        return False

    dialog.ask_overwrite = refuse  # type: ignore[method-assign]
    assert dialog.export() is None and asked == [existing] and existing.read_text() == "old"
    dialog.ask_overwrite = lambda _path: True  # type: ignore[method-assign]
    assert dialog.export() is not None and existing.read_text().startswith("<?xml")
