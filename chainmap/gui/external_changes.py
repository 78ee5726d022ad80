"""The open map changed on disk (another editor, a colleague's sync, ``git pull``): what the
editor does about it, mixed into the main window as :class:`ExternalChangesMixin`.

The window knows the file's bytes as it last loaded or saved them (``document.base_bytes``).
When the watch (:mod:`chainmap.gui.file_watch`) reports a change, and before every save, the
bytes on disk are compared with them:

- no local edits: the map is reloaded, after asking (or at once, when the user chose
  "always reload");
- local edits: **Merge their changes** (three-way, :mod:`chainmap.gui.disk_merge`, one undo
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
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from chainmap.core.fileio import loads_map
from chainmap.core.problems import MapLoadError
from chainmap.core.serialize import dumps_map

from . import settings
from .choice_dialog import ChoiceDialog
from .disk_merge import ReplaceMapCommand, changed_lines, load_disk_copy, merge_with_disk, merged_text
from .file_watch import FileWatch, read_disk

if TYPE_CHECKING:
    from .document import Document

RELOAD, KEEP = "reload", "keep"
MERGE, OVERWRITE, SAVE_AS, CANCEL = "merge", "overwrite", "save_as", "cancel"
SAVE_AGAIN = "save"
# What a save should do after the disk was checked.
WRITE, DONE, STOP = "write", "done", "stop"
RETRY_MS = 500


def _t(text: str) -> str:
    return QCoreApplication.translate("ExternalChanges", text)


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class ExternalChangesMixin:
    """Watching the open file and answering its changes on disk (for the main window)."""

    document: Document
    file_watch: FileWatch

    # The window provides these.
    def show_status(self, message: str, timeout: int = 5000) -> None: ...  # pragma: no cover
    def save_as(self) -> bool: ...  # pragma: no cover
    def save_to(self, path: str | Path, *, force: bool = False) -> bool: ...  # pragma: no cover
    def set_loaded(self, result: Any, path: Path, raw: bytes | None = None) -> bool: ...  # pragma: no cover

    def install_file_watch(self) -> None:
        """Create the watch (once, in the window's constructor)."""
        self.file_watch = FileWatch(self)  # type: ignore[arg-type]
        self.file_watch.touched.connect(self.check_disk)
        self._declined_hash: str | None = None
        self._missing_said = False
        self._asking = False

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
        return ChoiceDialog(title, text, info, lines, answers, self if isinstance(self, QWidget) else None, checkbox)

    def ask_reload(self, name: str, lines: list[str]) -> str:
        """The file changed on disk and there are no local edits: ``"reload"`` or ``"keep"``.
        Ticking "always reload" remembers the choice (:data:`settings.ALWAYS_RELOAD_KEY`)."""
        dialog = self._dialog(
            _t("Map changed on disk"),
            _t("{name} was changed on disk by another program.").format(name=name),
            _t("You have no unsaved changes. Reload it to see the new version:"),
            lines, [(RELOAD, _t("Reload")), (KEEP, _t("Keep This Version"))],
            _t("Always reload maps changed on disk when I have no unsaved changes"))
        answer = dialog.ask()
        if answer == RELOAD and dialog.checked:
            settings.set_setting(settings.ALWAYS_RELOAD_KEY, True)
            action = getattr(self, "action_always_reload", None)
            if action is not None:
                action.setChecked(True)
        dialog.deleteLater()
        return RELOAD if answer == RELOAD else KEEP

    def ask_external_change(self, name: str, lines: list[str], problem: str | None, saving: bool) -> str:
        """The file changed on disk and the map has unsaved edits (``saving``: the user is
        saving now): ``"merge"``, ``"overwrite"``, ``"save_as"`` or ``"cancel"``. ``problem``
        says why the disk's version cannot be merged (then there is no Merge button)."""
        if problem is not None:
            info = _t("The file on disk cannot be read as a map, so it cannot be merged: {problem}").format(
                problem=problem)
        else:
            info = _t("You have unsaved changes. Merge their changes into yours (what both changed "
                      "becomes a conflict to resolve), overwrite their version with yours, or save "
                      "yours under another name. They changed:")
        answers = [(MERGE, _t("Merge Their Changes"))] if problem is None else []
        answers += [(OVERWRITE, _t("Overwrite")), (SAVE_AS, _t("Save As…")),
                    (CANCEL, _t("Cancel") if saving else _t("Decide Later"))]
        dialog = self._dialog(_t("Map changed on disk"),
                              _t("{name} was changed on disk since you opened or saved it.").format(name=name),
                              info, lines, answers)
        answer = dialog.ask()
        dialog.deleteLater()
        return answer

    def ask_missing_on_save(self, path: Path) -> str:
        """The file was deleted or renamed: ``"save"`` (write it there again), ``"save_as"``
        or ``"cancel"``."""
        dialog = self._dialog(
            _t("Map file missing"),
            _t("{name} is no longer in {folder}: it was deleted or renamed.").format(
                name=path.name, folder=path.parent),
            _t("Save it there again, or save it under another name?"), [],
            [(SAVE_AGAIN, _t("Save Again There")), (SAVE_AS, _t("Save As…")), (CANCEL, _t("Cancel"))])
        answer = dialog.ask()
        dialog.deleteLater()
        return answer

    def notify_missing(self, path: Path) -> None:
        """Say (without blocking) that the open file was deleted or renamed."""
        if not isinstance(self, QWidget):
            return
        box = QMessageBox(QMessageBox.Icon.Warning, _t("Map file missing"),
                          _t("{name} was deleted or renamed on disk.").format(name=path.name),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("missing_notice")
        box.setInformativeText(_t("Your map is still open here; Save writes it there again, "
                                  "Save As writes it under another name."))
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    # ---------------------------------------------------------------- checking
    def _busy(self) -> bool:
        canvas = getattr(self, "canvas", None)
        return (self._asking or QApplication.activeModalWidget() is not None
                or (canvas is not None and getattr(canvas, "_mode", None) is not None))

    def check_disk(self) -> str:
        """Compare the file on disk with the bytes last loaded or saved, and act on a
        difference; returns what happened (``"same"``, ``"missing"``, ``"reloaded"``,
        ``"merged"``, ``"kept"``, ``"later"``, ...), for tests and logs."""
        document = self.document
        if getattr(self, "_disposed", False) or document is None or document.path is None \
                or document.base_bytes is None:
            return "none"
        if self._busy():
            QTimer.singleShot(RETRY_MS, self, self.check_disk)  # type: ignore[call-overload]
            return "later"
        path = document.path
        raw = read_disk(path)
        if raw is None:
            if not self._missing_said:
                self._missing_said = True
                self.show_status(_t("{path} was deleted or renamed on disk; Save writes it there again.").format(
                    path=path), 0)
                self.notify_missing(path)
            return "missing"
        if self._missing_said:
            self._missing_said = False
            self.show_status(_t("{name} is back on disk.").format(name=path.name))
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
            self.show_status(_t("Kept your version of {name}; saving will ask before overwriting theirs.").format(
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
            return "overwritten" if self.save_to(path, force=True) else "not saved"
        if answer == SAVE_AS:
            return "saved as" if self.save_as() else "not saved"
        self._declined_hash = sha256(raw)
        return "declined"

    def reload_from(self, raw: bytes) -> bool:
        """Show the disk's version (the map has no unsaved edits)."""
        path = self.document.path
        assert path is not None
        try:
            result = loads_map(raw, str(path))
        except MapLoadError as exc:
            self.show_status(exc.describe(), 10000)
            return False
        if not self.set_loaded(result, path, raw):
            return False
        self.show_status(_t("Reloaded {name}: it was changed on disk.").format(name=path.name), 10000)
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
            self.show_status(_t("{name}: their changes could not be merged: {problem}").format(
                name=path.name, problem=merge.problem), 15000)
            return None
        before = {c.id for c in document.chain_map.conflicts}
        command = ReplaceMapCommand(document.chain_map, merge.result.map, _t("Merge changes made on disk"))
        if not document.push(command):
            return None
        document.base_bytes = raw
        self.file_watch.remember()
        if dumps_map(document.chain_map) == raw:
            document.undo_stack.setClean()  # nothing of yours was left over theirs
        new = [c for c in document.chain_map.conflicts if c.id not in before]
        dock = getattr(self, "conflicts_dock", None)
        if dock is not None and new:
            dock.set_suggestions(merge.result.report.suggestions, merge.result.provenance, 2)
            dock.show()
            dock.raise_()
        self.show_status(merged_text(path.name, len(new)), 15000)
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
                return DONE if self.save_as() else STOP
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
            return DONE if self.save_as() else STOP
        if answer == MERGE:
            # A clean merge is saved at once; conflicts are the user's to settle first.
            return WRITE if self.merge_from_disk(raw) == 0 else STOP
        return STOP
