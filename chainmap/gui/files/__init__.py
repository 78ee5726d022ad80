"""The editor's files: open and save, one editor per file, changes on disk, autosave.

- :mod:`.actions`: the main window's file commands (new, open, save, save as, revert, close),
  :class:`FileController`.
- :mod:`.lock`: one editor per file (a lock beside the map), :class:`FileLocks`.
- :mod:`.watch` (noticing the file changed on disk) and :mod:`.external_changes` (what the user
  can do about it, :class:`ExternalChanges`).
- :mod:`.recovery` (autosave and crash recovery), :mod:`.recovery_offer` (offering the copies
  back after a crash, :class:`Recovery`), :mod:`.safety_menu` (the autosave and reload settings).

The classes named are parts of the main window, each made with a reference to it.

The public names are exported here and imported on first use (see :mod:`chainmap.gui.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .actions import FileController
    from .external_changes import ExternalChanges
    from .lock import FileLocks, MapLock
    from .recovery import Autosaver, pending_entries
    from .recovery_offer import Recovery
    from .safety_menu import autosave_menu, reload_action, set_autosave
    from .watch import FileWatch

_EXPORTS = {
    "FileController": "actions",
    "MapLock": "lock",
    "FileLocks": "lock",
    "FileWatch": "watch",
    "ExternalChanges": "external_changes",
    "Autosaver": "recovery",
    "pending_entries": "recovery",
    "Recovery": "recovery_offer",
    "autosave_menu": "safety_menu",
    "reload_action": "safety_menu",
    "set_autosave": "safety_menu",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "Autosaver",
    "ExternalChanges",
    "FileController",
    "FileLocks",
    "FileWatch",
    "MapLock",
    "Recovery",
    "autosave_menu",
    "pending_entries",
    "reload_action",
    "set_autosave",
]
