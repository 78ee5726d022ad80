"""File ▸ Export…: the map as a PNG picture, or an SVG or PDF with text kept as text.

The dialog offers what ``chainmap export`` offers (format, dpi, scale, view, legend,
background) and previews the size of the result. It paints a scene of its own, built from
the editor's map with the editor's folds: changing the view or the legend here leaves the
canvas alone, and the preview asks :func:`chainmap.render.export.planned_size` about the very
scene that :func:`~chainmap.render.export.export_scene` then paints, so the two cannot
disagree. The questions and messages are methods (:meth:`ExportDialog.ask_path`,
:meth:`~ExportDialog.ask_colour`, :meth:`~ExportDialog.ask_overwrite`,
:meth:`~ExportDialog.show_error`) that tests replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chainmap.render import export
from chainmap.render.export import ExportError, ExportResult, PlannedSize, export_scene, planned_size
from chainmap.render.scene import MapScene

from .. import settings
from ..document import Document
from ..widgets import ERROR_COLOR, color_icon
from .export_documents import document_filters, document_formats, export_document, refresh_for_document

FOLDER_KEY = "export/folder"
FORMAT_KEY = "export/format"
DPI_KEY = "export/dpi"
DEFAULT_DPI = 150
FILTERS = {"png": "PNG (*.png)", "svg": "SVG (*.svg)", "pdf": "PDF (*.pdf)"}
PICTURES = tuple(FILTERS)
FILTERS.update(document_filters())  # slides, workbook, graphs (:mod:`.export_documents`)
WARNING_COLOR = "#A15C00"



def _format_labels() -> dict[str, str]:
    return {"png": QCoreApplication.translate("export", "PNG picture"), "svg": QCoreApplication.translate("export", "SVG vector drawing"),
            "pdf": QCoreApplication.translate("export", "PDF document"),
            **{fmt: about.label for fmt, about in document_formats().items()}}


def _swatch(colour: QColor, size: int = 14) -> QIcon:
    """A square of ``colour`` with a grey border, so white shows on a white button."""
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#8A8A8A"))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class _SceneRelease:
    """Disposes a scene when called (a plain callable, so a ``destroyed`` signal can call it)."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene

    def __call__(self, *_args: Any) -> None:
        self.scene.dispose()


class ExportDialog(QDialog):
    """Export the map of ``window_or_document`` (a main window or a
    :class:`~chainmap.gui.document.Document`) as the editor shows ``scene`` (its folds and,
    by default, its view). ``ExportDialog(window_or_document, scene=None, parent=None)``.

    :meth:`export` writes the file: on success the status bar says what was written and the
    dialog closes; on a failure :meth:`show_error` says why and the dialog stays open.
    """

    def __init__(self, window_or_document: Any, scene: MapScene | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(QCoreApplication.translate("export", "Export"))
        document = getattr(window_or_document, "document", window_or_document)
        if not isinstance(document, Document):
            raise TypeError("ExportDialog needs a main window or a Document")
        self.document = document
        self._confirmed_path: str | None = None  # chosen in the file dialog, which asked already
        self._background = QColor("white")
        self._syncing = False
        self.export_scene = self._make_scene(scene)
        self._build()
        self._restore_choices(scene)
        self.refresh()

    # --------------------------------------------------------------- building
    def _make_scene(self, shown: MapScene | None) -> MapScene:
        # No Qt parent: the scene outlives the dialog's C++ side until it has stopped
        # listening to the model, even when the dialog goes down with its window.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a big map takes a moment
        try:
            scene = MapScene(self.document.chain_map, None, editable=False, cached=False)
            for node_id in shown.folded_ids() if shown is not None else ():
                scene.set_folded(node_id, True)
        finally:
            QApplication.restoreOverrideCursor()
        self.destroyed.connect(_SceneRelease(scene))
        return scene

    def _build(self) -> None:
        self.path_edit = QLineEdit(self)
        self.path_edit.setMinimumWidth(360)
        self.browse_button = QPushButton(QCoreApplication.translate("export", "Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.format_combo = QComboBox(self)
        for fmt, label in _format_labels().items():
            self.format_combo.addItem(label, fmt)
        self.dpi_spin = QSpinBox(self)
        self.dpi_spin.setRange(10, 2400)
        self.dpi_spin.setSingleStep(25)
        self.dpi_spin.setSuffix(QCoreApplication.translate("export", " dpi"))
        self.scale_spin = QDoubleSpinBox(self)
        self.scale_spin.setRange(0.05, 50.0)
        self.scale_spin.setDecimals(2)
        self.scale_spin.setSingleStep(0.25)
        self.scale_spin.setValue(1.0)
        self.scale_spin.setSuffix(" ×")
        self.view_combo = QComboBox(self)
        self.view_combo.addItem(QCoreApplication.translate("export", "All regions"), None)
        for region in self.document.chain_map.regions:
            self.view_combo.addItem(color_icon(region.color), f"{region.name} ({region.code})", region.code)
        self.legend_check = QCheckBox(QCoreApplication.translate("export", "Include the legend"), self)
        self.legend_check.setChecked(True)
        self.background_button = QPushButton(self)
        self.background_button.clicked.connect(self.choose_background)
        self.transparent_check = QCheckBox(QCoreApplication.translate("export", "Transparent (PNG)"), self)
        background_row = QHBoxLayout()
        background_row.addWidget(self.background_button)
        background_row.addWidget(self.transparent_check)
        background_row.addStretch(1)
        self.size_label = QLabel(self)
        self.size_label.setObjectName("size_preview")
        self.size_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.size_label.font()
        font.setBold(True)
        self.size_label.setFont(font)
        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        # Room for two lines from the start: a wrapped warning appearing later would be cut
        # off (the form does not grow for it), and the dialog does not jump.
        self.warning_label.setMinimumHeight(2 * self.warning_label.fontMetrics().lineSpacing() + 4)
        self.warning_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("export", "File"), file_row)
        form.addRow(QCoreApplication.translate("export", "Format"), self.format_combo)
        form.addRow(QCoreApplication.translate("export", "Resolution"), self.dpi_spin)
        form.addRow(QCoreApplication.translate("export", "Scale"), self.scale_spin)
        form.addRow(QCoreApplication.translate("export", "View"), self.view_combo)
        form.addRow(QCoreApplication.translate("export", "Legend"), self.legend_check)
        form.addRow(QCoreApplication.translate("export", "Background"), background_row)
        form.addRow(QCoreApplication.translate("export", "Size"), self.size_label)
        form.addRow("", self.warning_label)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(QCoreApplication.translate("export", "Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("export", "Cancel"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.path_edit.textChanged.connect(self._path_edited)
        self.format_combo.currentIndexChanged.connect(self._format_picked)
        for signal in (self.dpi_spin.valueChanged, self.scale_spin.valueChanged,
                       self.view_combo.currentIndexChanged, self.legend_check.toggled,
                       self.transparent_check.toggled):
            signal.connect(self.refresh)

    def _restore_choices(self, shown: MapScene | None) -> None:
        store = settings.open_settings()
        fmt = str(store.value(FORMAT_KEY, "png")).lower()
        fmt = fmt if fmt in FILTERS else "png"
        try:
            dpi = int(float(store.value(DPI_KEY, DEFAULT_DPI)))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            dpi = DEFAULT_DPI
        self.dpi_spin.setValue(dpi)
        view = shown.view_region if shown is not None else self.document.view_region
        self.view_combo.setCurrentIndex(max(0, self.view_combo.findData(view)))
        self.set_background(self._background)
        self.path_edit.setText(str(self._default_folder(store.value(FOLDER_KEY)) / f"{self._stem()}.{fmt}"))

    def _default_folder(self, remembered: object) -> Path:
        if isinstance(remembered, str) and Path(remembered).is_dir():
            return Path(remembered)
        if self.document.path is not None:
            return self.document.path.absolute().parent
        return Path.home()

    def _stem(self) -> str:
        if self.document.path is None:
            return self.document.chain_map.chain or "map"
        name = self.document.path.name
        for suffix in (".chainmap.json", ".json"):
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return self.document.path.stem

    # ---------------------------------------------------------------- choices
    @property
    def format(self) -> str:
        return str(self.format_combo.currentData())

    @property
    def view_region(self) -> str | None:
        return self.view_combo.currentData()

    @property
    def transparent(self) -> bool:
        return self.transparent_check.isChecked() and self.format == "png"

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def output_path(self) -> Path | None:
        """The file to write: the path typed, with the format's suffix when it has none of
        the three, relative to the suggested folder; ``None`` when nothing is typed."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self._default_folder(settings.open_settings().value(FOLDER_KEY)) / path
        if path.suffix.lower().lstrip(".") not in FILTERS:
            path = path.with_name(f"{path.name}.{self.format}")
        return path

    def set_background(self, colour: QColor) -> None:
        self._background = QColor(colour)
        self.background_button.setIcon(_swatch(self._background))
        self.background_button.setText(self._background.name())

    def _path_edited(self, text: str) -> None:
        fmt = Path(text.strip()).suffix.lower().lstrip(".")
        if fmt in FILTERS and fmt != self.format and not self._syncing:
            self._syncing = True
            self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))
            self._syncing = False
        self.refresh()

    def _format_picked(self, _index: int) -> None:
        if not self._syncing:
            text = self.path_edit.text().strip()
            if text:
                path = Path(text)
                stem = path.stem if path.suffix.lower().lstrip(".") in FILTERS else path.name
                self._syncing = True
                self.path_edit.setText(str(path.with_name(f"{stem}.{self.format}")))
                self._syncing = False
        self.refresh()

    # ---------------------------------------------------------------- preview
    def plan(self) -> PlannedSize:
        """What :meth:`export` would write now (the scene set to the current choices)."""
        scene = self.export_scene
        scene.set_legend_visible(self.legend_check.isChecked())
        scene.set_view_region(self.view_region)
        return planned_size(scene, self.format, self.dpi_spin.value(), self.scale_spin.value())

    def refresh(self, *_args: Any) -> None:
        """Bring the enabled options and the size preview up to date with the choices."""
        fmt = self.format
        if fmt not in PICTURES:
            refresh_for_document(self)
            return
        for widget in (self.scale_spin, self.view_combo, self.legend_check):
            widget.setEnabled(True)
        self.dpi_spin.setEnabled(fmt != "svg")
        self.dpi_spin.setToolTip("" if fmt != "svg" else QCoreApplication.translate("export", "An SVG has no resolution: its size follows the scale."))
        self.transparent_check.setEnabled(fmt == "png")
        self.background_button.setEnabled(not self.transparent)
        plan = self.plan()
        self.size_label.setText(self.size_text(plan))
        warning = self.warning_text(plan)
        self.warning_label.setText(warning or "")
        self.warning_label.setStyleSheet(f"color: {ERROR_COLOR if plan.refused else WARNING_COLOR};")
        self.export_button.setEnabled(not plan.refused and bool(self.path_edit.text().strip()))

    @staticmethod
    def size_text(plan: PlannedSize) -> str:
        """The preview's size line: pixels for PNG and SVG, the page for PDF."""
        if plan.format == "pdf":
            (mm_w, mm_h), (in_w, in_h) = plan.page_mm, plan.page_inches
            return QCoreApplication.translate("export", "Page {w:.0f} × {h:.0f} mm ({wi:.1f} × {hi:.1f} in)").format(
                w=mm_w, h=mm_h, wi=in_w, hi=in_h)
        width, height = plan.requested if plan.refused else (plan.width, plan.height)
        if plan.format == "svg":
            return QCoreApplication.translate("export", "{w} × {h} px (text kept as text)").format(w=width, h=height)
        return QCoreApplication.translate("export", "{w} × {h} px, {mp:.1f} MP").format(w=width, h=height, mp=width * height / 1e6)

    @staticmethod
    def warning_text(plan: PlannedSize) -> str | None:
        """Why a PNG will be scaled down, or why the file cannot be made; None when neither."""
        if plan.refused and plan.format == "png":
            width, height = plan.requested
            return QCoreApplication.translate("export", "Too big: {w} × {h} px is beyond the about {limit:.0f} MP chainmap can paint. "
                      "Use a smaller scale or resolution, or SVG or PDF.").format(
                w=width, h=height, limit=export.MAX_IMAGE_BYTES / 4 / 1e6)
        if plan.refused:
            page_width, page_height = plan.page_inches
            return QCoreApplication.translate("export", "Too big: a page of {w:.0f} × {h:.0f} in is larger than PDF allows "
                      "(200 in a side). Use a smaller scale.").format(w=page_width, h=page_height)
        if plan.scaled_down:
            width, height = plan.requested
            return QCoreApplication.translate("export", "{w} × {h} px would not fit in memory: the PNG will be scaled down to "
                      "scale {scale:.3g}.").format(w=width, h=height, scale=plan.scale)
        return None

    # ------------------------------------------------------------- questions
    def ask_path(self) -> str | None:
        """The file dialog: a path, or None when cancelled."""
        filters = [FILTERS[self.format]] + [f for fmt, f in FILTERS.items() if fmt != self.format]
        path, chosen = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("export", "Export to"), self.path_edit.text(), ";;".join(filters), filters[0])
        if not path:
            return None
        fmt = next((fmt for fmt, f in FILTERS.items() if f == chosen), self.format)
        if Path(path).suffix.lower().lstrip(".") in FILTERS:
            self._confirmed_path = str(Path(path))  # the file dialog asked before replacing it
        else:
            path = f"{path}.{fmt}"  # a file the file dialog did not check
        return path

    def ask_colour(self, current: QColor) -> QColor | None:
        colour = QColorDialog.getColor(current, self, QCoreApplication.translate("export", "Background colour"))
        return colour if colour.isValid() else None

    def ask_overwrite(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self, QCoreApplication.translate("export", "Export"), QCoreApplication.translate("export", "{name} exists already. Replace it?").format(name=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, message: str) -> None:
        """Say why the export failed (the dialog stays open for another try)."""
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("export", "Cannot export"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.exec()
        box.deleteLater()

    def browse(self) -> None:
        path = self.ask_path()
        if path is not None:
            self.set_path(path)

    def choose_background(self) -> None:
        colour = self.ask_colour(self._background)
        if colour is not None:
            self.set_background(colour)

    # ----------------------------------------------------------------- export
    def export(self) -> ExportResult | None:
        """Write the file; returns what was written, or None (after saying why)."""
        path = self.output_path()
        if path is None:
            self.show_error(QCoreApplication.translate("export", "Give the file to export to."))
            return None
        if not path.parent.is_dir():
            self.show_error(QCoreApplication.translate("export", "{path}: the folder {folder} does not exist; nothing was written.").format(
                path=path, folder=path.parent))
            return None
        if path.exists() and str(path) != self._confirmed_path and not self.ask_overwrite(path):
            return None
        if self.format not in PICTURES:
            export_document(self, path)
            return None
        plan = self.plan()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_scene(self.export_scene, path, fmt=self.format, dpi=plan.dpi,
                                  scale=self.scale_spin.value(),
                                  background=None if self.transparent else self._background)
        except (ExportError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            self.show_error(str(exc))
            return None
        QApplication.restoreOverrideCursor()
        self._remember(path)
        self.document.status_message.emit(self.done_text(path, result, plan))
        self.accept()
        return result

    @staticmethod
    def done_text(path: Path, result: ExportResult, plan: PlannedSize) -> str:
        """The status bar's line after an export: the file and its size."""
        if result.format == "pdf":
            width, height = plan.page_mm
            text = QCoreApplication.translate("export", "Exported {name}, {w:.0f} × {h:.0f} mm").format(name=path.name, w=width, h=height)
        else:
            text = QCoreApplication.translate("export", "Exported {name}, {w} × {h} px").format(name=path.name, w=result.width, h=result.height)
        if result.warnings and plan.scaled_down:
            text += QCoreApplication.translate("export", " (scaled down to fit in memory)")
        return text

    def _remember(self, path: Path) -> None:
        store = settings.open_settings()
        store.setValue(FOLDER_KEY, str(path.parent))
        store.setValue(FORMAT_KEY, self.format)
        store.setValue(DPI_KEY, self.dpi_spin.value())
        store.sync()

    def done(self, code: int) -> None:  # Qt override: every way of closing comes here
        self.export_scene.dispose()
        super().done(code)
