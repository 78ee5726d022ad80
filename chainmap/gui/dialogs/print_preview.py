"""File ▸ Print…: the map on paper, with a preview.

:class:`PrintPreview` is Qt's print preview (paper, orientation, page setup and the print
button are Qt's) with two choices of ours in its toolbar: fit the map to one page, or print it
as a poster tiled over several pages at a scale (overlap strips, crop marks and page labels).
Every page it shows or prints is painted by :func:`print_map`, which is
:func:`chainmap.render.paper.paint_pages` (what ``chainmap export -o map.pdf --paper A3 --tile``
paints) in the reader's language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QToolBar, QWidget

from chainmap.core.language import current_language
from chainmap.render.export import ExportError
from chainmap.render.paper import PagePlan, paint_pages
from chainmap.render.scene import MapScene

from ..widgets import ERROR_COLOR


def print_map(printer: QPrinter, scene: MapScene, *, tile: bool, scale: float = 1.0) -> PagePlan:
    """Paint ``scene`` on ``printer``'s pages, fitted to one page or (``tile``) as a poster at
    ``scale``, marks in the reader's language; returns the plan. Raises ExportError."""
    return paint_pages(printer, scene, tile=tile, scale=scale, lang=current_language())


class PrintPreview(QPrintPreviewDialog):
    """The preview of ``scene`` printed on ``printer``: ``PrintPreview(scene, printer, parent)``.
    ``tile_combo`` picks one page or a poster, ``scale_spin`` the poster's scale; ``status_label``
    says how many pages, or why the map cannot be printed so."""

    def __init__(self, scene: MapScene, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.setObjectName("print_preview")
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Print Preview"))
        self.scene = scene
        self.kept_printer = printer  # Qt does not own it: it lives as long as the dialog
        self.plan: PagePlan | None = None
        self.problem: str | None = None
        self.tile_combo = QComboBox(self)
        self.tile_combo.setObjectName("print_tile")
        self.tile_combo.addItem(QCoreApplication.translate("MainWindow", "Fit to one page"), False)
        self.tile_combo.addItem(QCoreApplication.translate("MainWindow", "Poster (tiled over pages)"), True)
        self.scale_spin = QDoubleSpinBox(self)
        self.scale_spin.setObjectName("print_scale")
        self.scale_spin.setRange(0.1, 10.0)
        self.scale_spin.setDecimals(2)
        self.scale_spin.setSingleStep(0.25)
        self.scale_spin.setValue(1.0)
        self.scale_spin.setSuffix(" ×")
        self.scale_spin.setToolTip(QCoreApplication.translate("MainWindow", "Scale 1: segment names print at 10 pt"))
        self.status_label = QLabel(self)
        self.status_label.setObjectName("print_status")
        self._add_choices()
        self.preview_widget = self.findChild(QPrintPreviewWidget)
        self.tile_combo.currentIndexChanged.connect(self._choices_changed)
        self.scale_spin.valueChanged.connect(self._choices_changed)
        self.paintRequested.connect(self.paint)
        self._choices_changed()

    def _add_choices(self) -> None:
        toolbar = self.findChild(QToolBar)
        scale_label = QLabel(QCoreApplication.translate("MainWindow", " Scale: "), self)
        widgets: list[QWidget] = [self.tile_combo, scale_label, self.scale_spin, self.status_label]
        if toolbar is not None:
            toolbar.addSeparator()
            for widget in widgets:
                toolbar.addWidget(widget)
            return
        layout = self.layout()  # Qt always makes the toolbar; this is only a fallback
        if layout is not None:
            for widget in widgets:
                layout.addWidget(widget)

    @property
    def tiled(self) -> bool:
        """Whether the map is printed as a poster over several pages."""
        return bool(self.tile_combo.currentData())

    def _choices_changed(self, *_args: Any) -> None:
        self.scale_spin.setEnabled(self.tiled)
        if self.preview_widget is not None:
            self.preview_widget.updatePreview()

    def paint(self, printer: QPrinter) -> None:
        """Paint the pages (the preview's and the printer's); a map that cannot be printed so
        is said in the toolbar, not raised."""
        try:
            self.plan = print_map(printer, self.scene, tile=self.tiled, scale=self.scale_spin.value())
        except ExportError as exc:
            self.plan, self.problem = None, str(exc)
            self.status_label.setStyleSheet(f"color: {ERROR_COLOR};")
            self.status_label.setText(f"  {exc}")
            return
        self.problem = None
        self.status_label.setStyleSheet("")
        self.status_label.setText("  " + QCoreApplication.translate("MainWindow", "Pages: {count}").format(
            count=self.plan.pages))


def open_print_preview(window: Any) -> PrintPreview:
    """File ▸ Print…: the preview of ``window``'s map as the canvas shows it (view, folds), opened
    without blocking, on paper turned the way the map is; returns it."""
    scene = window.scene
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(window.document.chain_map.title)
    source = scene.content_rect()
    wide = source.width() >= source.height()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait)
    dialog = PrintPreview(scene, printer, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _fit_toolbar(dialog)
    dialog.open()
    return dialog


def _fit_toolbar(dialog: PrintPreview) -> None:
    """Make the preview wide enough for its whole toolbar (Qt's buttons and our choices), so the
    page/poster choice is not hidden behind the toolbar's » (as far as the screen allows)."""
    toolbar = dialog.findChild(QToolBar)
    screen = dialog.screen()
    if toolbar is None or screen is None:
        return
    room = screen.availableGeometry()
    width = min(max(dialog.width(), toolbar.sizeHint().width() + 24), room.width())
    height = min(max(dialog.height(), room.height() * 3 // 4), room.height())
    dialog.resize(width, height)
