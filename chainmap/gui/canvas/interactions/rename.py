"""Renaming in place: a line edit over a segment's box (or a note) edits its name (text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QMouseEvent

from chainmap.core.geometry import own_box
from chainmap.core.refs import NODE, NOTE, Ref

from ...commands import ChangeItemsCommand, change_node
from ..geometry_qt import to_qrectf
from ..inplace_editor import InPlaceEditor
from .base import Interaction

if TYPE_CHECKING:
    from ..view import MapCanvas

MIN_WIDTH = 140
MIN_HEIGHT = 26


class RenameInteraction(Interaction):
    """An :class:`InPlaceEditor` over the item ``ref`` names. Enter (or leaving the editor)
    pushes one rename; a refused name (empty, too long) keeps the editor open while it has
    the focus, the status bar saying why. Esc closes it without an edit; a press elsewhere
    on the canvas, zooming or another rename commit it first.

    Attributes:
        ref: the segment or note being renamed.
        editor: the line edit, a child of the canvas's viewport.
    """

    def __init__(self, canvas: MapCanvas, ref: Ref, text: str) -> None:
        super().__init__(canvas)
        self.ref = ref
        self.editor = InPlaceEditor(text, canvas.viewport())
        self.editor.committed.connect(self._on_committed)
        self.editor.cancelled.connect(self.cancel)

    @classmethod
    def open(cls, canvas: MapCanvas, ref: Ref) -> RenameInteraction | None:
        """A rename of ``ref`` with its editor shown over the item (scrolled into view), or
        ``None`` for an item that is no segment or note, or has no position."""
        chain_map = canvas.chain_map
        if chain_map is None or ref[0] not in (NODE, NOTE) or not chain_map.has(ref):
            return None
        if ref[0] == NODE:
            node = chain_map.node(ref[1])
            text, x, y = node.name, node.x, node.y
        else:
            note = chain_map.note(ref[1])
            text, x, y = note.text, note.x, note.y
        if x is None or y is None:
            return None
        own = to_qrectf(own_box(x, y))
        canvas.ensureVisible(own, 20, 20)
        box = canvas.mapFromScene(own).boundingRect()
        interaction = cls(canvas, ref, text)
        editor = interaction.editor
        height = max(editor.sizeHint().height(), MIN_HEIGHT)
        width = max(box.width(), MIN_WIDTH)
        editor.setGeometry(box.center().x() - width // 2, box.center().y() - height // 2, width, height)
        return interaction

    def show(self) -> None:
        """Show the editor with its text selected and the keyboard focus."""
        self.editor.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.selectAll()

    # The editor has the keyboard; the canvas's mouse moves and releases are not the rename's.
    def mouse_press(self, event: QMouseEvent) -> bool:
        """A press elsewhere on the canvas commits the rename; the press then does what it does."""
        self.finish()
        return False

    def mouse_move(self, event: QMouseEvent) -> bool:
        return False

    def mouse_release(self, event: QMouseEvent) -> bool:
        return False

    def _on_committed(self, text: str) -> None:
        if self.ended:
            return
        if self._push(text) or not self.editor.hasFocus():
            self.end()

    def finish(self) -> None:
        """Commit the editor's text (a refused one is dropped) and close it."""
        if self.ended:
            return
        if not self.editor.is_finished:
            self.editor.blockSignals(True)
            self._push(self.editor.text())
        self.end()

    def _push(self, text: str) -> bool:
        """Push the rename; False when the model refused it."""
        document = self.canvas.document
        if document is None or not document.chain_map.has(self.ref):
            return True
        chain_map = document.chain_map
        kind, item_id = self.ref
        if kind == NODE:
            if text == chain_map.node(item_id).name:
                return True
            command: ChangeItemsCommand = change_node(chain_map, item_id, name=text)
        else:
            if text == chain_map.note(item_id).text:
                return True
            command = ChangeItemsCommand(chain_map, [(NOTE, item_id, {"text": text})], QCoreApplication.translate("commands", "Edit note"))
        return document.push(command)

    def cleanup(self) -> None:
        self.editor.finish()
        if self.canvas.isVisible():
            self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
