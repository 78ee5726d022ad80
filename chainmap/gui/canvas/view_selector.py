"""The toolbar's region chooser for the gaps view: all regions, or one of the map's regions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from ..document import Document
from ..widgets import MapListener, color_icon

_REGION_EVENTS = ("region_added", "region_changed", "region_removed", "reset")


class ViewSelector(QComboBox):
    """"All regions" and each region; choosing one calls
    ``document.set_view_region(code or None)``, and the combo follows
    ``document.view_region_changed`` and the map's regions.

    ``ViewSelector(document, parent=None)``; :meth:`set_document` switches maps."""

    def __init__(self, document: Document | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("view_selector")
        self.setToolTip(QCoreApplication.translate("view", "Region whose gaps the map and the gaps list show"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.document: Document | None = None
        self._listener = MapListener()
        self.destroyed.connect(self._listener.disconnect_all)
        self.activated.connect(self._picked)
        self.set_document(document)

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self._listener.disconnect_all()
            self.document.view_region_changed.disconnect(self._follow)
        self.document = document
        if document is not None:
            self._listener.connect(document.chain_map, self._rebuild, _REGION_EVENTS)
            document.view_region_changed.connect(self._follow)
        self.setEnabled(document is not None)
        self._rebuild()

    def _rebuild(self, *_args: Any) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(QCoreApplication.translate("view", "All regions"), None)
        if self.document is not None:
            for region in self.document.chain_map.regions:
                self.addItem(color_icon(region.color), region.name, region.code)
        self.blockSignals(False)
        self._follow(self.document.view_region if self.document is not None else None)

    def _follow(self, code: str | None) -> None:
        index = next((i for i in range(self.count()) if self.itemData(i) == code), 0)
        self.blockSignals(True)
        self.setCurrentIndex(index)
        self.blockSignals(False)
        if self.document is not None and code is not None and self.itemData(index) is None:
            # The region shown went away: back to all regions.
            self.document.set_view_region(None)

    def _picked(self, index: int) -> None:
        if self.document is not None:
            self.document.set_view_region(self.itemData(index))

    def current_region(self) -> str | None:
        return self.currentData()
