"""The main window's editing commands: add segment or note, link, rename, delete, select
all, cut, copy, paste, duplicate, and the automatic layout. Each is one undo step.

:class:`EditController` is the window's part that does them (``window.edits``); the window's
Edit, Insert and Map actions call it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from chainmap.core.format.serialize import node_to_data
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH
from chainmap.core.ids import new_id
from chainmap.core.model import Note
from chainmap.core.refs import Ref
from chainmap.core.vocabulary import MAX_NAME_LENGTH

from ..commands import AddNoteCommand, MacroCommand, delete_items
from . import clipboard
from .edit_ops import NEW_NOTE_TEXT, layout_command, new_segment
from .placement import spread_pasted

if TYPE_CHECKING:
    from ..document import Document
    from ..main_window import MainWindow
    from .view import MapCanvas

MAX_TEXT_SEGMENTS = 200


class EditController:
    """The editing commands of ``window``, on its document and its canvas."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def document(self) -> Document:
        """The document the window shows."""
        return self.window.document

    @property
    def canvas(self) -> MapCanvas:
        """The window's canvas."""
        return self.window.canvas

    @property
    def auto_place(self) -> bool:
        """Map ▸ Place New Segments Automatically is on."""
        return bool(self.window.action_auto_place.isChecked())

    def show_status(self, message: str, timeout: int = 5000) -> None:
        """Say ``message`` in the window's status bar."""
        self.window.show_status(message, timeout)

    def selected_refs(self) -> list[Ref]:
        """The selected model objects."""
        return self.canvas.selected_refs()

    # ----------------------------------------------------------------- adding
    def add_segment(self) -> str | None:
        """A new segment "新环节" at the free spot nearest the view's centre, in the tier
        there, selected, with its name edited in place."""
        return self.canvas.add_segment_at(self.canvas.view_center())

    def add_note(self) -> str | None:
        """A note at the view's centre, or next to the selected segment and pointing at it."""
        chain_map = self.document.chain_map
        nodes = [r[1] for r in self.selected_refs() if r[0] == "node"]
        target = nodes[0] if nodes else None
        node = chain_map.node(target) if target is not None else None
        if node is not None and node.x is not None and node.y is not None:
            x, y = node.x + SEGMENT_WIDTH * 0.75, node.y - SEGMENT_HEIGHT
        else:
            center = self.canvas.view_center()
            x, y = center.x(), center.y()
            target = None
        note = Note(id=new_id("t"), text=NEW_NOTE_TEXT, x=round(x, 1), y=round(y, 1), node=target)
        if not self.document.push(AddNoteCommand(chain_map, note)):
            return None
        self.canvas.select_refs([("note", note.id)])
        self.canvas.start_rename(("note", note.id))
        return note.id

    def link_selected(self) -> bool:
        """Link the two selected segments, upstream → downstream (by tier, then left to right)."""
        chain_map = self.document.chain_map
        nodes = [chain_map.node(r[1]) for r in self.selected_refs() if r[0] == "node"]
        if len(nodes) != 2:
            self.show_status(QCoreApplication.translate("commands", "Select two segments to link them."))
            return False
        nodes.sort(key=lambda n: (chain_map.tier_index(n.tier), n.x if n.x is not None else 0.0))
        return self.canvas.add_link(nodes[0].id, nodes[1].id)

    # ------------------------------------------------------- changing, deleting
    def rename_selection(self) -> None:
        """Edit ▸ Rename: rename the first selected segment or note in place."""
        refs = [r for r in self.selected_refs() if r[0] in ("node", "note")]
        if refs:
            self.canvas.start_rename(refs[0])

    def delete_selection(self) -> bool:
        """Edit ▸ Delete: delete the selection (one undo step)."""
        refs = self.selected_refs()
        if not refs:
            return False
        return self._push_deletion(delete_items(self.document.chain_map, refs), refs)

    def _push_deletion(self, command: MacroCommand, refs: list[Ref]) -> bool:
        # Deselect first: nothing should show an item while it is being removed.
        self.canvas.select_refs([])
        ok = self.document.push(command)
        if not ok:
            self.canvas.select_refs(refs)
        return ok

    def select_all(self) -> None:
        """Edit ▸ Select All: every segment, note and link."""
        chain_map = self.document.chain_map
        refs: list[Ref] = [("node", n.id) for n in chain_map.nodes]
        refs += [("note", n.id) for n in chain_map.notes]
        refs += [("edge", e.id) for e in chain_map.edges]
        self.canvas.select_refs(refs)

    def toggle_fold(self) -> None:
        """Fold (or unfold) the sub-segments of the selected segments."""
        scene = self.canvas.map_scene
        chain_map = self.document.chain_map
        for kind, node_id in self.selected_refs():
            if kind == "node" and chain_map.children(node_id):
                scene.set_folded(node_id, not scene.is_folded(node_id))

    def layout_map(self) -> bool:
        """Lay the whole map out, as one undo step."""
        command = layout_command(self.document.chain_map)
        if command is None:
            self.show_status(QCoreApplication.translate("commands", "The layout would not move anything."))
            return False
        ok = self.document.push(command)
        if ok:
            self.canvas.fit_to_window()
        return ok

    # -------------------------------------------------------------- clipboard
    def copy_selection(self) -> clipboard.Fragment | None:
        """Edit ▸ Copy: the selected segments and notes to the clipboard; returns the fragment."""
        fragment = clipboard.copy_fragment(self.document.chain_map, self.selected_refs())
        if fragment.is_empty:
            self.show_status(QCoreApplication.translate("commands", "Select segments or notes to copy."))
            return None
        clipboard.put_on_clipboard(fragment)
        self.show_status(QCoreApplication.translate("commands", "Copied {count} item(s).").format(count=len(fragment.nodes) + len(fragment.notes)))
        return fragment

    def cut_selection(self) -> bool:
        """Edit ▸ Cut: copy, then delete (one undo step)."""
        fragment = self.copy_selection()
        if fragment is None:
            return False
        refs = [r for r in self.selected_refs() if r[0] != "edge"]
        command = delete_items(self.document.chain_map, refs)
        command.setText(QCoreApplication.translate("commands", "Cut {count} item(s)").format(count=len(fragment.nodes) + len(fragment.notes)))
        return self._push_deletion(command, refs)

    def paste(self) -> bool:
        """Paste the clipboard's fragment (or, for plain text, one new segment per line)."""
        fragment = clipboard.clipboard_fragment()
        if fragment is not None:
            return self._paste_fragment(fragment, clipboard.paste_counter.next_offset(fragment))
        text = clipboard.clipboard_text().strip()
        if text:
            return self._paste_names(text)
        self.show_status(QCoreApplication.translate("commands", "Nothing to paste."))
        return False

    def duplicate_selection(self) -> bool:
        """Edit ▸ Duplicate: a copy of the selection beside it (one undo step)."""
        fragment = clipboard.copy_fragment(self.document.chain_map, self.selected_refs())
        if fragment.is_empty:
            self.show_status(QCoreApplication.translate("commands", "Select segments or notes to duplicate."))
            return False
        return self._paste_fragment(fragment, clipboard.PASTE_OFFSET, QCoreApplication.translate("commands", "Duplicate {count} item(s)"))

    def _paste_fragment(self, fragment: clipboard.Fragment, offset: float, text: str | None = None) -> bool:
        if fragment.is_empty:
            return False
        chain_map = self.document.chain_map
        scene = self.canvas.map_scene
        if scene is None:
            return False
        command, refs = clipboard.paste_command(
            chain_map, fragment, offset, lambda nodes, notes: spread_pasted(scene, chain_map, nodes, notes))
        if text is not None:
            command.setText(text.format(count=len(refs)))
        needs_place = self.auto_place and any(n.get("x") is None for n in fragment.nodes)
        stack = self.document.undo_stack
        if needs_place:
            stack.beginMacro(command.text())
        ok = self.document.push(command)
        if ok and needs_place:
            placing = layout_command(chain_map, only_new=True)
            if placing is not None:
                self.document.push(placing)
        if needs_place:
            stack.endMacro()
        if ok:
            self.canvas.select_refs(refs)
        return ok

    def _paste_names(self, text: str) -> bool:
        names = [line.strip() for line in text.splitlines() if line.strip()][:MAX_TEXT_SEGMENTS]
        names = [name[:MAX_NAME_LENGTH] for name in names]
        center = self.canvas.view_center()
        chain_map = self.document.chain_map
        tier = self.canvas.map_scene.tier_at(center.x())
        nodes: list[dict[str, Any]] = []
        for index, name in enumerate(names):
            node = new_segment(chain_map, tier, name=name)
            if not self.auto_place:
                node.x, node.y = round(center.x(), 1), round(center.y() + index * (SEGMENT_HEIGHT + 20), 1)
            nodes.append(node_to_data(node))
        fragment = clipboard.Fragment(chain_map.id, [], nodes, [], [])
        return self._paste_fragment(fragment, 0.0, QCoreApplication.translate("commands", "Paste {count} segment(s)"))
