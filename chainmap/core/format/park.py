"""A big map set aside on disk while an export routes it, then read back.

A 100,000-segment map holds some 250 MB in memory and its routing some 270 MB more, so an
export that held both would pass 500 MB. The routing needs only its input (the boxes, the
links and the notes, :func:`chainmap.core.routing.routing_input`), not the map; so an
export given the only reference to a big map (a :class:`SoleMap`) writes the map into a
private temporary folder, lets it go while the router works, and reads it back to paint.

The file is the map's own canonical text (:func:`~.dump_cache.streamed_text`), read back by
:func:`~.fileio.load_map`, so it holds everything a save holds. A save rounds positions to
0.1; the exact positions of the segments and notes that are not on that grid (a map laid out
in memory, ``chainmap export --layout``) are kept beside the file and put back, so the map
read back is the one let go of, to the last bit of every coordinate.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import weakref
from pathlib import Path

from ..bulk import gc_paused, give_back_freed_memory
from ..messages import msg
from ..model import ChainMap
from .dump_cache import streamed_text
from .fileio import load_map
from .problems import MapFileError
from .serialize import canonical_coordinate

FOLDER_PREFIX = "chainmap-set-aside-"


class SetAsideError(Exception):
    """The map set aside could not be read back (its file went, or the disk failed)."""


class SoleMap:
    """A map handed over with no other reference to it, which may be set aside on disk
    while memory is needed for something else (:meth:`set_aside`, :meth:`take_back`).

    The caller lets go of its own references once it made the holder: the map is set aside
    only when, once the holder lets go too, nothing else keeps it alive; otherwise it stays
    in memory and nothing is left on disk. ``held_elsewhere``: the caller keeps the map (the
    editor's, a test's), so it is never set aside.
    """

    def __init__(self, chain_map: ChainMap, *, held_elsewhere: bool = False) -> None:
        self._map: ChainMap | None = chain_map
        self._held_elsewhere = held_elsewhere  # the caller keeps the map: never set it aside
        self._folder: Path | None = None
        self._exact: tuple[dict[str, tuple[float | None, float | None]], dict[str, tuple[float, float]]] = ({}, {})

    @property
    def map(self) -> ChainMap:
        """The map (an error while it is set aside: take it back first)."""
        if self._map is None:
            raise SetAsideError(msg("The map is set aside on disk; it must be read back first."))
        return self._map

    @property
    def aside(self) -> bool:
        """Whether the map is on disk now, not in memory."""
        return self._map is None

    def set_aside(self) -> bool:
        """Write the map to a private temporary folder and let go of it; True when it went
        from memory. False when it stays: something else still holds it, or it could not be
        written (a full disk); then nothing is left on disk."""
        if self._held_elsewhere or self._map is None:
            return False
        chain_map = self._map
        remove_stale_folders()
        folder: Path | None = None
        try:
            folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
            with open(folder / "map.chainmap.json", "wb") as handle, gc_paused():
                for chunk in streamed_text(chain_map):
                    handle.write(chunk)
        except OSError:  # no temporary folder, or a full disk: the map stays in memory
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
            return False
        self._exact = _off_grid_positions(chain_map)
        alive = weakref.ref(chain_map)
        self._map = None
        del chain_map
        gc.collect()  # the map's own cycles (its events' connections)
        held = alive()
        if held is not None:  # someone else keeps it: it stays in memory, the file goes
            self._map = held
            self._exact = ({}, {})
            shutil.rmtree(folder, ignore_errors=True)
            return False
        self._folder = folder
        give_back_freed_memory()
        return True

    def take_back(self) -> ChainMap:
        """Read the map set aside back into memory (exactly as it was) and delete its
        file; the map itself when it was not set aside. Raises :class:`SetAsideError`
        when the file cannot be read back."""
        if self._map is not None:
            return self._map
        folder = self._folder
        assert folder is not None
        try:
            chain_map = load_map(folder / "map.chainmap.json").map
        except (MapFileError, OSError) as exc:  # the file went or the disk failed: say so, never a traceback
            raise SetAsideError(msg("The map set aside in {folder} while it was routed could not be read back: "
                                    "{reason}", folder=folder, reason=exc)) from exc
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            self._folder = None
        nodes, notes = self._exact
        for node_id, (x, y) in nodes.items():
            chain_map.update_node(node_id, x=x, y=y)
        for note_id, (x, y) in notes.items():
            chain_map.update_note(note_id, x=x, y=y)
        self._exact = ({}, {})
        self._map = chain_map
        return chain_map

    def discard(self) -> None:
        """Delete the file of a map set aside and never taken back (an export that failed)."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def remove_stale_folders() -> int:
    """Delete the folders of maps set aside by exports that never finished (a process killed
    halfway: its folder's name holds its process id, and no such process runs any more);
    returns how many went."""
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob(FOLDER_PREFIX + "*"):
        pid = folder.name[len(FOLDER_PREFIX):].partition("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # no signal: only asks whether the process is there
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's, or cannot tell: leave it
    return True


def _off_grid_positions(
    chain_map: ChainMap,
) -> tuple[dict[str, tuple[float | None, float | None]], dict[str, tuple[float, float]]]:
    """The positions a save would round ({segment id: (x, y)}, {note id: (x, y)})."""
    nodes = {node.id: (node.x, node.y) for node in chain_map.nodes if _off_grid(node.x) or _off_grid(node.y)}
    notes = {note.id: (note.x, note.y) for note in chain_map.notes if _off_grid(note.x) or _off_grid(note.y)}
    return nodes, notes


def _off_grid(value: float | None) -> bool:
    return value is not None and float(canonical_coordinate(value)) != value

