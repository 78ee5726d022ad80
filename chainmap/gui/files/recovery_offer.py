"""After a crash: offering the autosaved copies back (:class:`Recovery`, a part of the main window).

At start the editor looks for entries left by editors that are no longer running
(:func:`chainmap.gui.files.recovery.pending_entries`) and, for each, asks whether to restore it,
showing what the recovered copy has over the file on disk, as ``chainmap diff`` lines.
Restoring opens the file (if it still exists) and applies the recovered copy as one undo
step, so the map shows modified and Undo gives the file's version back; a copy whose file is
gone opens as a new, unsaved map. Discarding removes the entry; "Later" keeps it for the next
start.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from chainmap.core.format.fileio import load_map
from chainmap.core.format.problems import MapFileError
from chainmap.core.model import ChainMap

from ..dialogs.choice import ChoiceDialog
from ..merge.disk_merge import ReplaceMapCommand, changed_lines, copy_map
from .lock import same_file
from .recovery import RecoveryEntry, pending_entries, remove_recovery

if TYPE_CHECKING:
    from ..main_window import MainWindow

RESTORE, DISCARD, LATER = "restore", "discard", "later"
# Windows opened for restored copies while this one had unsaved work: kept until closed.
_OPENED: list[QWidget] = []



def _when(written: str) -> str:
    """An ISO time as the user's clock shows it (``2025-03-01 14:05``)."""
    try:
        return datetime.datetime.fromisoformat(written).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return written


class Recovery:
    """Restoring autosaved work into ``window`` (or a new window when it has unsaved work).
    ``ask_restore`` is the question asked for each copy (tests replace it)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def ask_restore(self, entry: RecoveryEntry, lines: list[str]) -> str:
        """Offer one autosaved copy: ``"restore"``, ``"discard"`` or ``"later"``."""
        name = entry.file.name if entry.file is not None else entry.title
        if entry.file is None:
            info = QCoreApplication.translate("Recovery", "It was never saved. Restore it to keep working on it.")
        elif not entry.file.exists():
            info = QCoreApplication.translate("Recovery", "Its file {path} is gone; restoring opens the copy as a new map.").format(path=entry.file)
        else:
            info = QCoreApplication.translate("Recovery", "Autosaved at {written}. What it has over the file on disk ({path}):").format(
                written=_when(entry.written), path=entry.file)
        dialog = ChoiceDialog(
            QCoreApplication.translate("Recovery", "Recover unsaved work"),
            QCoreApplication.translate("Recovery", "chainmap closed unexpectedly while {name} had unsaved changes.").format(name=name),
            info, lines,
            [(RESTORE, QCoreApplication.translate("Recovery", "Restore")), (DISCARD, QCoreApplication.translate("Recovery", "Discard")), (LATER, QCoreApplication.translate("Recovery", "Decide Later"))],
            self.window)
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
                self.window.show_status(QCoreApplication.translate("Recovery", "An autosaved copy could not be read and was left in {folder}: {problem}").format(
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
        target = self.window
        if target.document.is_modified:
            target = type(target)(restore_settings=False)
            target.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            _OPENED.append(target)
            target.destroyed.connect(lambda _obj=None, t=target: _OPENED.remove(t) if t in _OPENED else None)
            target.show()
        return target.recovery.restore_into(entry, recovered, on_disk)

    def restore_into(self, entry: RecoveryEntry, recovered: ChainMap, on_disk: bool) -> bool:
        """Show ``recovered`` in this window: over its file when ``on_disk`` (opened first,
        one undo step), else as a new unsaved map."""
        window = self.window
        if on_disk and entry.file is not None:
            if not same_file(window.document.path, entry.file) or window.document.is_modified:
                if not window.files.open_file(entry.file):
                    return False
            document = window.document
            base = entry.base_bytes()
            if base is not None:
                # The file's version the lost work started from: a save then merges with
                # what was saved on disk meanwhile, instead of overwriting it.
                document.base_bytes = base
            if recovered.id != document.chain_map.id:
                window.show_status(QCoreApplication.translate("Recovery", "The autosaved copy is of another map than {name}; it was not restored.").format(
                    name=entry.file.name), 15000)
                return False
            document.push(ReplaceMapCommand(document.chain_map, recovered, QCoreApplication.translate("Recovery", "Restore unsaved changes")))
            if entry.key != document.recovery_key:
                # Its own autosave holds the work now; the old entry would be offered again.
                if window.autosaver.autosave_now() is not None:
                    remove_recovery(entry.key)
            window.show_status(QCoreApplication.translate("Recovery", "Restored your unsaved changes to {name}; save to keep them.").format(
                name=entry.file.name), 15000)
            return True
        document = window.make_document(copy_map(recovered), None)
        document._untitled_key = entry.key  # its autosaves replace the entry restored
        document.undo_stack.resetClean()
        window.set_document(document)
        if entry.file is not None:
            window.show_status(QCoreApplication.translate("Recovery", "Restored {title}; its file {path} is gone: use Save As to keep it.").format(
                title=recovered.title, path=entry.file), 15000)
        else:
            window.show_status(QCoreApplication.translate("Recovery", "Restored {title}; use Save As to keep it.").format(title=recovered.title), 15000)
        return True
