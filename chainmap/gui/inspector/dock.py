"""The inspector dock: edits every field of what is selected on the map.

It follows ``document.selection_changed`` and shows one page: the map summary (nothing
selected), a segment, a link, a note, a tier, or "N items selected". Each committed field
is one undo command pushed through ``document.push``; a value the model refuses reverts
and its reason shows in red above the page (and on ``document.status_message``). The
pages show the model again after every model event, so undo and redo show too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.refs import Ref

from ..document import Document
from ..widgets import ErrorLabel, MapListener, is_position_only_change
from .base import InspectorPage
from .link import LinkPage
from .pages import MultiPage, NotePage, SummaryPage, TierPage
from .segment import SegmentPage


class InspectorDock(QDockWidget):
    """The inspector (objectName ``inspector``).

    ``InspectorDock(document, parent=None)``; :meth:`set_document` switches to another open
    map (or ``None``). :meth:`open_map_properties` opens the map-properties dialog (the
    summary page's button does the same). Pages are reachable as :attr:`summary_page`,
    :attr:`segment_page`, :attr:`link_page`, :attr:`note_page`, :attr:`tier_page`,
    :attr:`multi_page`; :attr:`error_label` shows the last refusal.
    """

    def __init__(self, document: Document | None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("inspector", "Inspector"), parent)
        self.setObjectName("inspector")
        self.document: Document | None = None
        self._listener = MapListener()
        # The model outlives this widget: drop its callbacks when the widget goes.
        self.destroyed.connect(self._listener.disconnect_all)

        body = QWidget()
        self.error_label = ErrorLabel(body)
        self.stack = QStackedWidget(body)
        report = self.error_label.show_error
        self.summary_page = SummaryPage(report, self.stack)
        self.segment_page = SegmentPage(report, self.stack)
        self.link_page = LinkPage(report, self.stack)
        self.note_page = NotePage(report, self.stack)
        self.tier_page = TierPage(report, self.stack)
        self.multi_page = MultiPage(report, self.stack)
        for page in (self.summary_page, self.segment_page, self.link_page, self.note_page,
                     self.tier_page, self.multi_page):
            self.stack.addWidget(page)
        self.summary_page.properties_requested.connect(self.open_map_properties)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.setMinimumWidth(340)
        self.set_document(document)

    # -------------------------------------------------------------- document
    def set_document(self, document: Document | None) -> None:
        """Follow ``document`` (its selection and its model) instead of the current one."""
        if self.document is not None:
            self._commit_pending()
            self._listener.disconnect_all()
            self.document.selection_changed.disconnect(self._selection_changed)
            self.document.view_region_changed.disconnect(self._model_changed)
        self.document = document
        self.summary_page.gaps.forget()
        self.error_label.show_error(None)
        if document is None:
            self.stack.setEnabled(False)
            return
        self.stack.setEnabled(True)
        self._listener.connect(document.chain_map, self._model_changed)
        document.selection_changed.connect(self._selection_changed)
        document.view_region_changed.connect(self._model_changed)
        self._show(document.selection)

    def current_page(self) -> InspectorPage:
        page = self.stack.currentWidget()
        assert isinstance(page, InspectorPage)
        return page

    # -------------------------------------------------------------- following
    def _selection_changed(self, refs: list[Ref]) -> None:
        self._commit_pending()
        self.error_label.show_error(None)
        self._show(refs)

    def _commit_pending(self) -> None:
        # A field the user is still in belongs to the item shown so far: commit it there
        # before the page shows another item.
        widget = QApplication.focusWidget()
        while widget is not None and widget is not self:
            if hasattr(widget, "commit") and self.isAncestorOf(widget):
                widget.commit()
                return
            widget = widget.parentWidget()

    def _show(self, refs: list[Ref]) -> None:
        assert self.document is not None
        refs = [ref for ref in refs if self.document.has_item(ref)]
        if not refs:
            page: InspectorPage = self.summary_page
        elif len(refs) > 1:
            page = self.multi_page
        else:
            page = {
                "node": self.segment_page,
                "edge": self.link_page,
                "note": self.note_page,
                "tier": self.tier_page,
            }.get(refs[0][0], self.summary_page)
        page.show_refs(self.document, refs)
        self.stack.setCurrentWidget(page)

    def _model_changed(self, *args: Any) -> None:
        if self.document is None:
            return
        self.summary_page.gaps.note(args)
        # The inspector shows no positions: a drag (even of the items shown) changes nothing
        # here, and reloading once per dragged item made large drags slow.
        if is_position_only_change(args):
            return
        page = self.current_page()
        if all(self.document.has_item(ref) for ref in page.refs):
            page.load()
        else:
            self._show(page.refs)

    # ------------------------------------------------------------ properties
    def open_map_properties(self) -> QWidget | None:
        """Open the map-properties dialog (window-modal); returns it."""
        if self.document is None:
            return None
        from ..dialogs.properties import MapPropertiesDialog

        dialog = MapPropertiesDialog(self.document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
