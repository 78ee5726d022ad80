"""After a crash: offering the autosaved copies back (mixed into the main window).

At start the editor looks for entries left by editors that are no longer running
(:func:`chainmap.gui.recovery.pending_entries`) and, for each, asks whether to restore it,
showing what the recovered copy has over the file on disk, as ``chainmap diff`` lines.
Restoring opens the file (if it still exists) and applies the recovered copy as one undo
step, so the map shows modified and Undo gives the file's version back; a copy whose file is
gone opens as a new, unsaved map. Discarding removes the entry; "Later" keeps it for the next
start.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from chainmap.core.fileio import load_map
from chainmap.core.model import ChainMap
from chainmap.core.problems import MapFileError

from .choice_dialog import ChoiceDialog
from .disk_merge import ReplaceMapCommand, changed_lines, copy_map
from .file_lock import same_file
from .recovery import RecoveryEntry, pending_entries, remove_recovery

if TYPE_CHECKING:
    from .document import Document

RESTORE, DISCARD, LATER = "restore", "discard", "later"
# Windows opened for restored copies while this one had unsaved work: kept until closed.
_OPENED: list[QWidget] = []


def _t(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def _when(written: str) -> str:
    """An ISO time as the user's clock shows it (``2025-03-01 14:05``)."""
    try:
        return datetime.datetime.fromisoformat(written).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return written


class RecoveryMixin:
    """Restoring autosaved work (for the main window)."""

    document: Document

    def show_status(self, message: str, timeout: int = 5000) -> None: ...  # pragma: no cover
    def open_file(self, path: str | Path | None = None) -> bool: ...  # pragma: no cover
    def make_document(self, chain_map: ChainMap, path: Path | None) -> Document: ...  # pragma: no cover
    def set_document(self, document: Document) -> None: ...  # pragma: no cover

    def ask_restore(self, entry: RecoveryEntry, lines: list[str]) -> str:
        """Offer one autosaved copy: ``"restore"``, ``"discard"`` or ``"later"``."""
        name = entry.file.name if entry.file is not None else entry.title
        if entry.file is None:
            info = _t("It was never saved. Restore it to keep working on it.")
        elif not entry.file.exists():
            info = _t("Its file {path} is gone; restoring opens the copy as a new map.").format(path=entry.file)
        else:
            info = _t("Autosaved at {written}. What it has over the file on disk ({path}):").format(
                written=_when(entry.written), path=entry.file)
        dialog = ChoiceDialog(
            _t("Recover unsaved work"),
            _t("chainmap closed unexpectedly while {name} had unsaved changes.").format(name=name),
            info, lines,
            [(RESTORE, _t("Restore")), (DISCARD, _t("Discard")), (LATER, _t("Decide Later"))],
            self if isinstance(self, QWidget) else None)
        answer = dialog.ask()
        dialog.deleteLater()
        return LATER if answer == "cancel" else answer

    def offer_recovery(self) -> int:
        """Offer every abandoned autosaved copy; returns how many were restored."""
        restored = 0
        for entry in pending_entries():
            try:
                recovered = entry.load()
            except (MapFileError, OSError) as exc:
                self.show_status(_t("An autosaved copy could not be read and was left in {folder}: {problem}").format(
                    folder=entry.map_path.parent, problem=exc), 15000)
                continue
            disk: ChainMap | None = None
            if entry.file is not None and entry.file.exists():
                try:
                    disk = load_map(entry.file).map
                except MapFileError:
                    disk = None
            lines = changed_lines(disk, recovered) if disk is not None else []
            answer = self.ask_restore(entry, lines)
            if answer == DISCARD:
                remove_recovery(entry.key)
            elif answer == RESTORE and self.restore_entry(entry, recovered, disk is not None):
                restored += 1
        return restored

    def restore_entry(self, entry: RecoveryEntry, recovered: ChainMap, on_disk: bool) -> bool:
        """Show ``recovered`` in this window (a new one when this has unsaved work)."""
        target: Any = self
        if self.document.is_modified:
            target = type(self)(restore_settings=False)  # type: ignore[call-arg]
            target.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            _OPENED.append(target)
            target.destroyed.connect(lambda _obj=None, t=target: _OPENED.remove(t) if t in _OPENED else None)
            target.show()
        return bool(target._restore_into(entry, recovered, on_disk))

    def _restore_into(self, entry: RecoveryEntry, recovered: ChainMap, on_disk: bool) -> bool:
        if on_disk and entry.file is not None:
            if not same_file(self.document.path, entry.file) or self.document.is_modified:
                if not self.open_file(entry.file):
                    return False
            document = self.document
            base = entry.base_bytes()
            if base is not None:
                # The file's version the lost work started from: a save then merges with
                # what was saved on disk meanwhile, instead of overwriting it.
                document.base_bytes = base
            if recovered.id != document.chain_map.id:
                self.show_status(_t("The autosaved copy is of another map than {name}; it was not restored.").format(
                    name=entry.file.name), 15000)
                return False
            document.push(ReplaceMapCommand(document.chain_map, recovered, _t("Restore unsaved changes")))
            if entry.key != document.recovery_key:
                # Its own autosave holds the work now; the old entry would be offered again.
                autosaver = getattr(self, "autosaver", None)
                if autosaver is not None and autosaver.autosave_now() is not None:
                    remove_recovery(entry.key)
            self.show_status(_t("Restored your unsaved changes to {name}; save to keep them.").format(
                name=entry.file.name), 15000)
            return True
        document = self.make_document(copy_map(recovered), None)
        document._untitled_key = entry.key  # its autosaves replace the entry restored
        document.undo_stack.resetClean()
        self.set_document(document)
        if entry.file is not None:
            self.show_status(_t("Restored {title}; its file {path} is gone: use Save As to keep it.").format(
                title=recovered.title, path=entry.file), 15000)
        else:
            self.show_status(_t("Restored {title}; use Save As to keep it.").format(title=recovered.title), 15000)
        return True
