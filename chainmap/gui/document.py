"""One open map in the editor: the model, its undo stack, its file, and the shared view state.

The canvas, the inspector and the docks all talk to a :class:`Document` rather than to each
other: the selection, the gaps view's region and "show me this item" requests go through
its signals, and every edit goes through :meth:`Document.push`.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from chainmap.core.format.fileio import write_atomic
from chainmap.core.format.serialize import dumps_map
from chainmap.core.model import ChainMap
from chainmap.core.refs import CANVAS_KINDS, Ref

from .commands import ModelCommand, push

if TYPE_CHECKING:
    from .files.lock import MapLock



class Document(QObject):
    """A map being edited.

    Signals: ``selection_changed(list[Ref])``, ``view_region_changed(object)`` (a region
    code or ``None`` for all regions), ``focus_requested(list[Ref])`` (centre the canvas on
    these), ``status_message(str)`` (a refused edit's reason, or other news for the status
    bar), ``path_changed(object)``, ``modified_changed(bool)``.

    Attributes:
        base_bytes: the file's bytes as this editor last loaded or saved them (``None`` for
            a map never saved): what a change on disk is checked against, and the base of the
            three-way merge when there is one.
        lock: the :class:`~chainmap.gui.files.lock.MapLock` this editor holds on the file.
        read_only: opened read-only (another editor holds the file): Save is off.
        recovery_key: names this document's autosaved copy (see :mod:`chainmap.gui.files.recovery`).
    """

    selection_changed = Signal(list)
    view_region_changed = Signal(object)
    focus_requested = Signal(list)
    status_message = Signal(str)
    path_changed = Signal(object)
    modified_changed = Signal(bool)

    def __init__(self, chain_map: ChainMap, path: str | Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.chain_map = chain_map
        self.path: Path | None = Path(path) if path is not None else None
        self.undo_stack = QUndoStack(self)
        # A bound slot, not a lambda: Qt drops it with the document, so a stack emitting
        # while both are being destroyed never reaches a deleted signal source.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._selection: list[Ref] = []
        self._view_region: str | None = None
        self.base_bytes: bytes | None = None
        self.lock: MapLock | None = None
        self.read_only = False
        self._untitled_key = f"untitled-{uuid.uuid4().hex[:12]}"
        chain_map.index_links()  # each segment's links, looked up on every move

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # ------------------------------------------------------------------ edits
    def push(self, command: ModelCommand) -> bool:
        """Do ``command`` as one undo step; a refused edit is reported on
        :attr:`status_message` and returns ``False``."""
        error = push(self.undo_stack, command)
        if error is not None:
            self.status_message.emit(error)
            return False
        return True

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # -------------------------------------------------------------- selection
    @property
    def selection(self) -> list[Ref]:
        return list(self._selection)

    def set_selection(self, refs: list[Ref]) -> None:
        """Select ``refs`` (items that no longer exist are dropped)."""
        refs = [ref for ref in refs if self.has_item(ref)]
        if refs != self._selection:
            self._selection = refs
            self.selection_changed.emit(list(refs))

    def has_item(self, ref: Ref) -> bool:
        """True when the map has the segment, link, note or tier ``ref`` names."""
        return ref[0] in CANVAS_KINDS and self.chain_map.has(ref)

    # -------------------------------------------------------------- gaps view
    @property
    def view_region(self) -> str | None:
        return self._view_region

    def set_view_region(self, code: str | None) -> None:
        """Show the gaps view of region ``code`` (``None``: all regions)."""
        if code != self._view_region:
            self._view_region = code
            self.view_region_changed.emit(code)

    def request_focus(self, refs: list[Ref]) -> None:
        """Select ``refs`` and ask the canvas to centre on them."""
        self.set_selection(refs)
        self.focus_requested.emit(list(refs))

    # ------------------------------------------------------------------ files
    def save(self, path: str | Path | None = None) -> None:
        """Write the map (atomically) to ``path`` or its own file; on success the document
        is clean and :attr:`base_bytes` holds what was written. Raises
        :class:`chainmap.core.format.problems.MapSaveError`, leaving the document modified and the
        old file intact."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("The document has no file yet: give a path.")
        data = dumps_map(self.chain_map)
        write_atomic(target, data)
        self.base_bytes = data
        if target != self.path:
            self.path = target
            self.path_changed.emit(target)
        self.undo_stack.setClean()

    @property
    def base_hash(self) -> str | None:
        """SHA-256 of :attr:`base_bytes`."""
        return None if self.base_bytes is None else hashlib.sha256(self.base_bytes).hexdigest()

    @property
    def recovery_key(self) -> str:
        """A file-name-safe key of this document: from its file's absolute path (and this
        process, when it does not hold the file's lock), or random for a map never saved."""
        if self.path is None:
            return self._untitled_key
        digest = hashlib.sha1(str(self.path.absolute()).encode("utf-8")).hexdigest()[:12]
        stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.path.name.split(".")[0])[:40]
        if self.lock is None:
            # Not the file's lock holder (read-only, "open anyway"): another editor may be
            # autosaving the same file, so this one's copy is kept apart.
            return f"{stem or 'map'}-{digest}-{os.getpid()}"
        return f"{stem or 'map'}-{digest}"

    def release_lock(self) -> None:
        """Let go of the file's lock (closing, or opening another file)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def display_name(self) -> str:
        """The file name, or the map's title for a map never saved."""
        return self.path.name if self.path is not None else self.chain_map.title


class DocumentPanel(Protocol):
    """Anything in a window that shows the window's document and is told when it changes
    (``None``: the window is letting its document go)."""

    def set_document(self, document: Document | None) -> None:
        """Show ``document`` (``None``: nothing)."""
