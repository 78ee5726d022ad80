"""Noticing that the open map's file changed on disk: :class:`FileWatch`.

``QFileSystemWatcher`` stops watching a file that is deleted or replaced by a rename (how
editors, ``git checkout`` and ``chainmap format --in-place`` write), so the watch re-adds the
path whenever it exists again, and watches the folder as well, to see the file come back.
Events come in bursts (a save is several); they are settled for a moment and then reported
only when the file's size, time or inode really changed: the window then compares the
bytes themselves (:func:`read_disk`).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from ..widgets import single_shot_timer

SETTLE_MS = 200
Stamp = tuple[int, int, int] | None


def read_disk(path: Path) -> bytes | None:
    """The file's bytes now, or ``None`` when it is not there (or cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def stamp_of(path: Path | None) -> Stamp:
    """Size, modification time and inode of ``path`` (``None``: no such file)."""
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


class FileWatch(QObject):
    """Watches one file; emits ``touched()`` (settled) when it may have changed on disk.

    Attributes:
        path: the file watched (``None``: nothing is).
    """

    touched = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._stamp: Stamp = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_event)
        self._watcher.directoryChanged.connect(self._on_event)
        self._timer = single_shot_timer(self, self._settle, SETTLE_MS)

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (and its folder) instead of what was watched."""
        self._timer.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self.path = Path(path) if path is not None else None
        self._stamp = stamp_of(self.path)
        if self.path is not None:
            folder = str(self.path.parent.absolute())
            if os.path.isdir(folder):
                self._watcher.addPath(folder)
            self._readd()

    def remember(self) -> None:
        """Take the file as it is now as seen (after this editor loaded or wrote it)."""
        self._stamp = stamp_of(self.path)

    def stop(self) -> None:
        """Stop watching."""
        self.watch(None)

    def _readd(self) -> None:
        if self.path is not None and self.path.exists() and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))

    def _on_event(self, _changed: str) -> None:
        self._readd()
        self._timer.start()

    def _settle(self) -> None:
        self._readd()
        stamp = stamp_of(self.path)
        if stamp != self._stamp:
            self._stamp = stamp
            self.touched.emit()
