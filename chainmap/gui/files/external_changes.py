"""The open map changed on disk (another editor, a colleague's sync, ``git pull``): what the
editor does about it, :class:`ExternalChanges` (a part of the main window).

The window knows the file's bytes as it last loaded or saved them (``document.base_bytes``).
When the watch (:mod:`chainmap.gui.files.watch`) reports a change, and before every save, the
bytes on disk are compared with them:

- no local edits: the map is reloaded, after asking (or at once, when the user chose
  "always reload");
- local edits: **Merge their changes** (three-way, :mod:`chainmap.gui.merge.disk_merge`, one undo
  step, conflicts to the Conflicts dock), **Overwrite** (write this version over theirs) or
  **Save As**;
- the file is gone (deleted or renamed): the status bar and a notice say so, and the next
  save asks whether to write it again there.

A save never writes over bytes this editor has not seen. The questions are methods
(``ask_reload``, ``ask_external_change``, ``ask_missing_on_save``, ``notify_missing``) that
tests replace.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from chainmap.core.format.fileio import loads_map
from chainmap.core.format.problems import MapLoadError
from chainmap.core.format.serialize import dumps_map

from .. import settings
from ..dialogs.choice import ChoiceDialog
from ..merge.disk_merge import ReplaceMapCommand, changed_lines, load_disk_copy, merge_with_disk, merged_text
from .watch import FileWatch, read_disk

if TYPE_CHECKING:
    from ..document import Document
    from ..main_window import MainWindow

RELOAD, KEEP = "reload", "keep"
MERGE, OVERWRITE, SAVE_AS, CANCEL = "merge", "overwrite", "save_as", "cancel"
SAVE_AGAIN = "save"
# What a save should do after the disk was checked.
WRITE, DONE, STOP = "write", "done", "stop"
RETRY_MS = 500



def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class ExternalChanges:
    """Watching the file ``window`` shows (``file_watch``) and answering its changes on disk.
    The questions (``ask_reload``, ``ask_external_change``, ``ask_missing_on_save``,
    ``notify_missing``) are methods tests replace."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.file_watch = FileWatch(window)
        self.file_watch.touched.connect(self.check_disk)
        self._declined_hash: str | None = None
        self._missing_said = False
        self._asking = False

    @property
    def document(self) -> Document:
        """The document the window shows."""
        return self.window.document

    def watch_document(self, *_args: Any) -> None:
        """Follow the shown document's file (called on a new document or a new path)."""
        self._declined_hash = None
        self._missing_said = False
        document = self.document
        known = document is not None and document.path is not None and document.base_bytes is not None
        self.file_watch.watch(document.path if known else None)

    # ------------------------------------------------------------ questions
    def _dialog(self, title: str, text: str, info: str, lines: list[str], answers: list[tuple[str, str]],
                checkbox: str | None = None) -> ChoiceDialog:
        return ChoiceDialog(title, text, info, lines, answers, self.window, checkbox)

    def ask_reload(self, name: str, lines: list[str]) -> str:
        """The file changed on disk and there are no local edits: ``"reload"`` or ``"keep"``.
        Ticking "always reload" remembers the choice (:data:`settings.ALWAYS_RELOAD_KEY`)."""
        dialog = self._dialog(
            QCoreApplication.translate("ExternalChanges", "Map changed on disk"),
            QCoreApplication.translate("ExternalChanges", "{name} was changed on disk by another program.").format(name=name),
            QCoreApplication.translate("ExternalChanges", "You have no unsaved changes. Reload it to see the new version:"),
            lines, [(RELOAD, QCoreApplication.translate("ExternalChanges", "Reload")), (KEEP, QCoreApplication.translate("ExternalChanges", "Keep This Version"))],
            QCoreApplication.translate("ExternalChanges", "Always reload maps changed on disk when I have no unsaved changes"))
        answer = dialog.ask()
        if answer == RELOAD and dialog.checked:
            settings.set_setting(settings.ALWAYS_RELOAD_KEY, True)
            self.window.action_always_reload.setChecked(True)
        dialog.deleteLater()
        return RELOAD if answer == RELOAD else KEEP

    def ask_external_change(self, name: str, lines: list[str], problem: str | None, saving: bool) -> str:
        """The file changed on disk and the map has unsaved edits (``saving``: the user is
        saving now): ``"merge"``, ``"overwrite"``, ``"save_as"`` or ``"cancel"``. ``problem``
        says why the disk's version cannot be merged (then there is no Merge button)."""
        if problem is not None:
            info = QCoreApplication.translate("ExternalChanges", "The file on disk cannot be read as a map, so it cannot be merged: {problem}").format(
                problem=problem)
        else:
            info = QCoreApplication.translate("ExternalChanges", "You have unsaved changes. Merge their changes into yours (what both changed "
                      "becomes a conflict to resolve), overwrite their version with yours, or save "
                      "yours under another name. They changed:")
        answers = [(MERGE, QCoreApplication.translate("ExternalChanges", "Merge Their Changes"))] if problem is None else []
        answers += [(OVERWRITE, QCoreApplication.translate("ExternalChanges", "Overwrite")), (SAVE_AS, QCoreApplication.translate("ExternalChanges", "Save As…")),
                    (CANCEL, QCoreApplication.translate("ExternalChanges", "Cancel") if saving else QCoreApplication.translate("ExternalChanges", "Decide Later"))]
        dialog = self._dialog(QCoreApplication.translate("ExternalChanges", "Map changed on disk"),
                              QCoreApplication.translate("ExternalChanges", "{name} was changed on disk since you opened or saved it.").format(name=name),
                              info, lines, answers)
        answer = dialog.ask()
        dialog.deleteLater()
        return answer

    def ask_missing_on_save(self, path: Path) -> str:
        """The file was deleted or renamed: ``"save"`` (write it there again), ``"save_as"``
        or ``"cancel"``."""
        dialog = self._dialog(
            QCoreApplication.translate("ExternalChanges", "Map file missing"),
            QCoreApplication.translate("ExternalChanges", "{name} is no longer in {folder}: it was deleted or renamed.").format(
                name=path.name, folder=path.parent),
            QCoreApplication.translate("ExternalChanges", "Save it there again, or save it under another name?"), [],
            [(SAVE_AGAIN, QCoreApplication.translate("ExternalChanges", "Save Again There")), (SAVE_AS, QCoreApplication.translate("ExternalChanges", "Save As…")), (CANCEL, QCoreApplication.translate("ExternalChanges", "Cancel"))])
        answer = dialog.ask()
        dialog.deleteLater()
        return answer

    def notify_missing(self, path: Path) -> None:
        """Say (without blocking) that the open file was deleted or renamed."""
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("ExternalChanges", "Map file missing"),
                          QCoreApplication.translate("ExternalChanges", "{name} was deleted or renamed on disk.").format(name=path.name),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("missing_notice")
        box.setInformativeText(QCoreApplication.translate("ExternalChanges", "Your map is still open here; Save writes it there again, "
                                  "Save As writes it under another name."))
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    # ---------------------------------------------------------------- checking
    def _busy(self) -> bool:
        """A question is open, or the user is in the middle of something on the canvas (a
        drag, a rubber band, a rename): the disk is checked again a moment later."""
        return (self._asking or QApplication.activeModalWidget() is not None
                or self.window.canvas.interaction is not None)

    def check_disk(self) -> str:
        """Compare the file on disk with the bytes last loaded or saved, and act on a
        difference; returns what happened (``"same"``, ``"missing"``, ``"reloaded"``,
        ``"merged"``, ``"kept"``, ``"later"``, ...), for tests and logs."""
        document = self.document
        if self.window.disposed or document is None or document.path is None or document.base_bytes is None:
            return "none"
        if self._busy():
            QTimer.singleShot(RETRY_MS, self.window, self.check_disk)
            return "later"
        path = document.path
        raw = read_disk(path)
        if raw is None:
            if not self._missing_said:
                self._missing_said = True
                self.window.show_status(QCoreApplication.translate("ExternalChanges", "{path} was deleted or renamed on disk; Save writes it there again.").format(
                    path=path), 0)
                self.notify_missing(path)
            return "missing"
        if self._missing_said:
            self._missing_said = False
            self.window.show_status(QCoreApplication.translate("ExternalChanges", "{name} is back on disk.").format(name=path.name))
        digest = sha256(raw)
        if digest == document.base_hash:
            return "same"
        if digest == self._declined_hash:
            return "declined"
        self._asking = True
        try:
            return self._answer_change(raw)
        finally:
            self._asking = False

    def _answer_change(self, raw: bytes) -> str:
        document = self.document
        path = document.path
        assert path is not None
        theirs, problem = load_disk_copy(raw, str(path))
        base = load_disk_copy(document.base_bytes, str(path))[0] if document.base_bytes is not None else None
        lines = changed_lines(base, theirs) if theirs is not None else []
        if not document.is_modified and theirs is not None:
            if settings.bool_setting(settings.ALWAYS_RELOAD_KEY, False) or self.ask_reload(path.name, lines) == RELOAD:
                self.reload_from(raw)
                return "reloaded"
            self._declined_hash = sha256(raw)
            self.window.show_status(QCoreApplication.translate("ExternalChanges", "Kept your version of {name}; saving will ask before overwriting theirs.").format(
                name=path.name), 10000)
            return "kept"
        answer = self.ask_external_change(path.name, lines, problem, False)
        return self._act(answer, raw, saving=False)

    def _act(self, answer: str, raw: bytes, saving: bool) -> str:
        document = self.document
        path = document.path
        assert path is not None
        if answer == MERGE:
            return "merged" if self.merge_from_disk(raw) is not None else "not merged"
        if answer == OVERWRITE:
            if saving:
                return WRITE
            return "overwritten" if self.window.files.save_to(path, force=True) else "not saved"
        if answer == SAVE_AS:
            return "saved as" if self.window.files.save_as() else "not saved"
        self._declined_hash = sha256(raw)
        return "declined"

    def reload_from(self, raw: bytes) -> bool:
        """Show the disk's version (the map has no unsaved edits)."""
        path = self.document.path
        assert path is not None
        try:
            result = loads_map(raw, str(path))
        except MapLoadError as exc:
            self.window.show_status(exc.describe(), 10000)
            return False
        if not self.window.files.set_loaded(result, path, raw):
            return False
        self.window.show_status(QCoreApplication.translate("ExternalChanges", "Reloaded {name}: it was changed on disk.").format(name=path.name), 10000)
        return True

    def merge_from_disk(self, raw: bytes) -> int | None:
        """Merge the disk's version into the map (one undo step); returns how many new
        conflicts it left (they go to the Conflicts dock), ``None`` when it could not merge.
        After it the disk's bytes count as seen."""
        document = self.document
        path = document.path
        assert path is not None
        merge = merge_with_disk(document.chain_map, document.base_bytes, raw, str(path))
        if merge.result is None:
            self.window.show_status(QCoreApplication.translate("ExternalChanges", "{name}: their changes could not be merged: {problem}").format(
                name=path.name, problem=merge.problem), 15000)
            return None
        before = {c.id for c in document.chain_map.conflicts}
        command = ReplaceMapCommand(document.chain_map, merge.result.map, QCoreApplication.translate("ExternalChanges", "Merge changes made on disk"))
        if not document.push(command):
            return None
        document.base_bytes = raw
        self.file_watch.remember()
        if dumps_map(document.chain_map) == raw:
            document.undo_stack.setClean()  # nothing of yours was left over theirs
        new = [c for c in document.chain_map.conflicts if c.id not in before]
        if new:
            dock = self.window.conflicts_dock
            dock.set_suggestions(merge.result.report.suggestions, merge.result.provenance, 2)
            dock.show()
            dock.raise_()
        self.window.show_status(merged_text(path.name, len(new)), 15000)
        return len(new)

    # ------------------------------------------------------------------ saving
    def check_before_save(self) -> str:
        """Before writing over the document's own file: ``"write"``, ``"done"`` (the user
        chose Save As, which saved) or ``"stop"``."""
        document = self.document
        path = document.path
        if path is None or document.base_bytes is None:
            return WRITE
        raw = read_disk(path)
        if raw is None:
            answer = self.ask_missing_on_save(path)
            if answer == SAVE_AGAIN:
                return WRITE
            if answer == SAVE_AS:
                return DONE if self.window.files.save_as() else STOP
            return STOP
        if sha256(raw) == document.base_hash:
            return WRITE
        theirs, problem = load_disk_copy(raw, str(path))
        base = load_disk_copy(document.base_bytes, str(path))[0]
        self._asking = True
        try:
            answer = self.ask_external_change(path.name, changed_lines(base, theirs), problem, True)
        finally:
            self._asking = False
        if answer == OVERWRITE:
            return WRITE
        if answer == SAVE_AS:
            return DONE if self.window.files.save_as() else STOP
        if answer == MERGE:
            # A clean merge is saved at once; conflicts are the user's to settle first.
            return WRITE if self.merge_from_disk(raw) == 0 else STOP
        return STOP
