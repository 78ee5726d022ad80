"""Editing from the canvas: nudges, new segments, and renaming in place.

Mixed into :class:`~chainmap.gui.canvas.MapCanvas`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt

from chainmap.core.geometry import own_box

from .commands import AddNodeCommand, ChangeItemsCommand, change_node, tr
from .edit_ops import FINE_NUDGE_STEP, NUDGE_STEP, new_segment, nudge_command
from .geometry_qt import to_qrectf
from .inplace_editor import InPlaceEditor
from .placement import free_spot_in_tier

Ref = tuple[str, str]


class CanvasEditingMixin:
    """Keyboard and in-place edits, for :class:`~chainmap.gui.canvas.MapCanvas`."""

    _editor: InPlaceEditor | None
    _editing: Ref | None

    # -------------------------------------------------------------- editing
    def nudge(self, dx: int, dy: int, fine: bool = False) -> bool:
        """Move the selected segments and notes by one step (10 units, 1 with ``fine``)."""
        if self.document is None or self._mode is not None:
            return False
        refs = [r for r in self.selected_refs() if r[0] in ("node", "note")]
        if not refs:
            return False
        step = FINE_NUDGE_STEP if fine else NUDGE_STEP
        command = nudge_command(self.chain_map, refs, dx * step, dy * step)
        if command is not None:
            self.document.push(command)
        return True

    def add_segment_at(self, scene_pos: QPointF, rename: bool = True) -> str | None:
        """A new segment at the free spot nearest ``scene_pos`` in the tier band there (never
        on another box or a note); its name is then edited in place."""
        if self.document is None:
            return None
        tier = self.map_scene.tier_at(scene_pos.x())
        node = new_segment(self.chain_map, tier)
        x, y = free_spot_in_tier(self.map_scene, self.chain_map, node.tier, (scene_pos.x(), scene_pos.y()))
        node.x, node.y = x, y
        if not self.document.push(AddNodeCommand(self.chain_map, node)):
            return None
        self.select_refs([("node", node.id)])
        if rename:
            self.start_rename(("node", node.id))
        return node.id

    def view_center(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def start_rename(self, ref: Ref) -> InPlaceEditor | None:
        """Edit a segment's name (or a note's text) in a line edit over its box."""
        if self.document is None or ref[0] not in ("node", "note"):
            return None
        self.close_editor(commit=True)
        chain_map = self.chain_map
        if ref[0] == "node":
            item_obj: Any = chain_map.node(ref[1])
            text = item_obj.name
        else:
            item_obj = chain_map.note(ref[1])
            text = item_obj.text
        if item_obj.x is None or item_obj.y is None:
            return None
        own = to_qrectf(own_box(item_obj.x, item_obj.y))
        self.ensureVisible(own, 20, 20)
        box = self.mapFromScene(own).boundingRect()
        editor = InPlaceEditor(text, self.viewport())
        height = max(editor.sizeHint().height(), 26)
        width = max(box.width(), 140)
        editor.setGeometry(box.center().x() - width // 2, box.center().y() - height // 2, width, height)
        editor.committed.connect(self._commit_rename)
        editor.cancelled.connect(lambda: self.close_editor(commit=False))
        self._editor = editor
        self._editing = ref
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.selectAll()
        return editor

    @property
    def editor(self) -> InPlaceEditor | None:
        return self._editor

    def _commit_rename(self, text: str) -> None:
        editor, ref = self._editor, self._editing
        if editor is None or ref is None or self.document is None:
            return
        chain_map = self.chain_map
        exists = chain_map.has_node(ref[1]) if ref[0] == "node" else chain_map.has_note(ref[1])
        if not exists:
            self.close_editor(commit=False)
            return
        if ref[0] == "node":
            if text == chain_map.node(ref[1]).name:
                self.close_editor(commit=False)
                return
            command: ChangeItemsCommand = change_node(chain_map, ref[1], name=text)
        else:
            if text == chain_map.note(ref[1]).text:
                self.close_editor(commit=False)
                return
            command = ChangeItemsCommand(chain_map, [("note", ref[1], {"text": text})], tr("Edit note"))
        if self.document.push(command) or not editor.hasFocus():
            self.close_editor(commit=False)
        # A refused name (e.g. empty) keeps the editor open; the status bar says why.

    def close_editor(self, commit: bool = False) -> None:
        """Close the in-place editor, committing its text first with ``commit``."""
        editor = self._editor
        if editor is None:
            return
        if commit and not editor.is_finished:
            self._editor = None
            self._editing_commit(editor)
            return
        self._editor = None
        self._editing = None
        editor.finish()
        if self.isVisible():
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _editing_commit(self, editor: InPlaceEditor) -> None:
        self._editor = editor
        text = editor.text()
        editor.blockSignals(True)
        self._commit_rename(text)
        if self._editor is editor:
            self.close_editor(commit=False)
