"""One editor per file: a lock beside the map, ``.NAME.lock`` (hidden), held while it is open.

:class:`MapLock` wraps ``QLockFile``: the lock file holds the process id, the host and the
program's name; a lock left by an editor that crashed (its process is gone from this host)
is stale and taken over silently. Stale detection by age is off: an editor may keep a map
open for days. A second editor opening a held file is told who holds it and offered to open
it read-only, to open it anyway, or not to open it (:class:`FileLocks`, a part of the main window).
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile

from ..dialogs.choice import ChoiceDialog
from .recovery import remove_recovery

if TYPE_CHECKING:
    from ..main_window import MainWindow

LOCKED, HELD, UNAVAILABLE = "locked", "held", "unavailable"
READ_ONLY, ANYWAY, CANCEL = "read_only", "anyway", "cancel"



def lock_path(map_path: str | os.PathLike[str]) -> Path:
    """The lock file of a map: ``.NAME.lock`` in the map's folder."""
    path = Path(map_path)
    return path.parent / f".{path.name}.lock"


@dataclass(frozen=True)
class LockHolder:
    """Who holds a map: the process, its host and program, and the lock file's owner."""

    pid: int
    host: str
    app: str
    user: str

    def describe(self) -> str:
        """E.g. "wang on host office-3 (process 4711, python3.11)"."""
        who = self.user or QCoreApplication.translate("FileLock", "someone")
        return QCoreApplication.translate("FileLock", "{user} on host {host} (process {pid}, {app})").format(
            user=who, host=self.host or "?", pid=self.pid, app=self.app or "?")


class MapLock:
    """The lock of one map file. ``try_acquire()`` returns ``"locked"`` (ours now),
    ``"held"`` (another editor has it: see :meth:`holder`) or ``"unavailable"`` (the folder
    does not let us write a lock file)."""

    def __init__(self, map_path: str | os.PathLike[str]) -> None:
        self.map_path = Path(map_path)
        self.path = lock_path(map_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone

    def try_acquire(self) -> str:
        """Take the lock if it is free or stale."""
        if self._lock.tryLock(0):
            return LOCKED
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return HELD
        return UNAVAILABLE

    def holder(self) -> LockHolder | None:
        """Who holds the lock (when :meth:`try_acquire` said ``"held"``)."""
        info = self._lock.getLockInfo()
        if not info or len(info) < 3:
            return None
        pid, host, app = info[0], info[1], info[2]
        try:
            import pwd

            user = pwd.getpwuid(os.stat(self.path).st_uid).pw_name
        except (ImportError, KeyError, OSError):
            user = ""
        return LockHolder(int(pid), str(host), str(app), user)

    def release(self) -> None:
        """Remove the lock file (when we hold it)."""
        if self._lock.isLocked():
            self._lock.unlock()


def same_file(a: Path | None, b: Path | None) -> bool:
    """Whether two paths name the same file (it may not exist)."""
    if a is None or b is None:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).absolute() == Path(b).absolute()


class FileLocks:
    """Taking a file's lock when ``window`` opens it. ``ask_locked`` is the question asked
    when another editor holds the file (tests replace it)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def ask_locked(self, path: Path, holder: LockHolder | None) -> str:
        """Another editor holds ``path``: ``"read_only"``, ``"anyway"`` or ``"cancel"``."""
        who = holder.describe() if holder is not None else QCoreApplication.translate("FileLock", "another editor")
        dialog = ChoiceDialog(
            QCoreApplication.translate("FileLock", "Map already open"),
            QCoreApplication.translate("FileLock", "{name} is open in another editor: {who}.").format(name=path.name, who=who),
            QCoreApplication.translate("FileLock", "Two editors saving one file undo each other's work. Open it read-only to look "
               "(Save As keeps a copy), or open it anyway if that editor is no longer in use."),
            [],
            [(READ_ONLY, QCoreApplication.translate("FileLock", "Open Read-Only")), (ANYWAY, QCoreApplication.translate("FileLock", "Open Anyway")), (CANCEL, QCoreApplication.translate("FileLock", "Cancel"))],
            self.window,
        )
        answer = dialog.ask()
        dialog.deleteLater()
        return answer

    def claim_file(self, path: Path) -> tuple[MapLock | None, bool] | None:
        """Lock ``path`` for a document about to show it: ``(lock, read_only)``, or ``None``
        when the user chose not to open it. Reopening the file this window shows keeps its
        lock (and its read-only state when the other editor still holds the file)."""
        current = self.window.document
        if current is not None and same_file(current.path, path) and current.lock is not None:
            # Reverting or reloading: the version shown is given up, and its autosaved copy
            # (named while it held the lock) with it.
            remove_recovery(current.recovery_key)
            lock, current.lock = current.lock, None
            return lock, False
        lock = MapLock(path)
        state = lock.try_acquire()
        if state == LOCKED:
            return lock, False
        if state == UNAVAILABLE:
            self.window.show_status(QCoreApplication.translate("FileLock", "{name}: no lock could be written beside it (is the folder read-only?); "
                                "another editor opening it will not be warned.").format(name=path.name), 10000)
            return None, False
        if current is not None and current.read_only and same_file(current.path, path):
            return None, True
        holder = lock.holder()
        if holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname():
            # Another window of this editor has it: that window keeps the lock, and saves
            # from either are still checked against the disk.
            self.window.show_status(QCoreApplication.translate("FileLock", "{name} is also open in another window of this editor.").format(name=path.name), 10000)
            return None, False
        answer = self.ask_locked(path, holder)
        if answer == READ_ONLY:
            return None, True
        if answer == ANYWAY:
            return None, False
        return None
