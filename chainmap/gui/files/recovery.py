"""Autosave and crash recovery: unsaved work is written, every 30 seconds by default, to the
user's data folder (``QStandardPaths.AppDataLocation``/``recovery``), never over the map.

Each open document with unsaved changes has an entry there, named by its
``recovery_key`` (the file's name and a hash of its path):

- ``KEY.chainmap.json``: the map as it is in the editor (an ordinary map file);
- ``KEY.base.json``: the file's bytes as the editor last loaded or saved them, so a restored
  copy can still be merged with a version saved meanwhile;
- ``KEY.about.json``: which file it belongs to, when it was written, and by which process on
  which host (written last: an entry without it is incomplete and ignored).

All three are written atomically. A clean save, a discard or closing removes the entry; an
entry whose process is gone (the editor crashed or was killed) is offered for restoring at the
next start (:mod:`chainmap.gui.files.recovery_offer`).
"""

from __future__ import annotations

import datetime
import json
import os
import socket
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths

from chainmap.core.format.dump_cache import MapText, dump_cache_for
from chainmap.core.format.fileio import loads_map, write_atomic
from chainmap.core.format.problems import MapFileError
from chainmap.core.model import ChainMap
from chainmap.render import idle_turns

from .. import settings
from ..widgets import single_shot_timer

if TYPE_CHECKING:
    from ..document import Document

RECOVERY_FORMAT = "chainmap-recovery"
MAP_SUFFIX = ".chainmap.json"
BASE_SUFFIX = ".base.json"
ABOUT_SUFFIX = ".about.json"
# An entry from another host is taken as abandoned once this old (a live editor rewrites it).
OTHER_HOST_AGE = datetime.timedelta(minutes=15)

PREPARE_STEP = 25  # items whose autosave texts are made between two looks at the clock
PREPARE_SLICE = 0.006  # seconds of that per idle slice
# {key: the base bytes last written for it}: the same bytes object is not read back and
# compared again on each autosave (16 MB for a map of 20,000 segments).
_BASE_WRITTEN: dict[str, bytes] = {}
# Held while an entry is written (by the autosave's worker thread, or by write_recovery) and
# while one is removed, so that a removal never comes before a write still under way.
_WRITING = threading.Lock()
WRITTEN_POLL_MS = 30  # how often the event loop looks whether the worker wrote the autosave


def recovery_dir() -> Path:
    """``<AppDataLocation>/recovery`` (e.g. ``~/.local/share/chainmap/chainmap/recovery``)."""
    root = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    # AppDataLocation is GenericDataLocation/organisation/application; named explicitly so
    # the folder is the same whatever names the running QApplication was given.
    return Path(root) / settings.ORGANIZATION / settings.APPLICATION / "recovery"


@dataclass
class RecoveryEntry:
    """One autosaved document: ``key``, the map it belongs to (``file``, ``None`` for a map
    never saved), its ``title``, when it was ``written`` and by which ``pid`` on which ``host``."""

    key: str
    file: Path | None
    title: str
    written: str
    pid: int
    host: str

    @property
    def map_path(self) -> Path:
        return recovery_dir() / f"{self.key}{MAP_SUFFIX}"

    @property
    def base_path(self) -> Path:
        return recovery_dir() / f"{self.key}{BASE_SUFFIX}"

    def load(self) -> ChainMap:
        """The recovered map; raises :class:`MapFileError` when it cannot be read."""
        return loads_map(self.map_path.read_bytes(), str(self.map_path)).map

    def base_bytes(self) -> bytes | None:
        """The file's bytes as the crashed editor had last seen them."""
        try:
            return self.base_path.read_bytes()
        except OSError:
            return None

    def is_abandoned(self) -> bool:
        """True when the editor that wrote it is not running any more."""
        if self.host == socket.gethostname():
            if self.pid == os.getpid():
                return False
            return not process_running(self.pid)
        try:
            written = datetime.datetime.fromisoformat(self.written)
        except ValueError:
            return True
        return datetime.datetime.now(datetime.UTC) - written.astimezone(datetime.UTC) > OTHER_HOST_AGE


def process_running(pid: int) -> bool:
    """True when process ``pid`` runs on this host. A zombie (killed, not yet reaped by its
    parent, as after ``kill -9`` in a container whose init reaps late) is not running."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass  # it exists, and is someone else's
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            # "pid (comm) STATE ...": comm may hold spaces or parentheses, so split after the last ")".
            state = stat.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True  # no /proc (macOS, Windows): the signal check is all there is
    return state not in (b"Z", b"X")


def _now() -> str:
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class _RecoveryWrite:
    """What an autosave writes, made on the event loop; written by :func:`_write_entry` in
    any thread (nothing in it changes meanwhile)."""

    folder: Path
    key: str
    text: MapText
    base_bytes: bytes | None
    about: bytes


def _prepared(document: Document) -> _RecoveryWrite:
    """The entry of ``document`` as it is now, to be written (:func:`_write_entry`)."""
    about = {
        "format": RECOVERY_FORMAT,
        "version": 1,
        "file": str(document.path.absolute()) if document.path is not None else None,
        "title": document.chain_map.title,
        "written": _now(),
        "pid": os.getpid(),
        "host": socket.gethostname(),
    }
    return _RecoveryWrite(recovery_dir(), document.recovery_key, dump_cache_for(document.chain_map).text(document.chain_map),
                          document.base_bytes, json.dumps(about, ensure_ascii=False, indent=2).encode("utf-8"))


def _write_entry(entry: _RecoveryWrite) -> Path:
    """Write ``entry`` (the caller holds :data:`_WRITING`); returns the map file written."""
    folder, key = entry.folder, entry.key
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{key}{MAP_SUFFIX}"
    write_atomic(target, entry.text.chunks())
    base = folder / f"{key}{BASE_SUFFIX}"
    base_bytes = entry.base_bytes
    if base_bytes is not None:
        if _BASE_WRITTEN.get(key) is base_bytes and base.exists():
            pass  # written by this editor, and the document still has these very bytes
        elif not base.exists() or base.read_bytes() != base_bytes:
            write_atomic(base, base_bytes)
        _BASE_WRITTEN[key] = base_bytes
    else:
        _BASE_WRITTEN.pop(key, None)
        if base.exists():
            base.unlink()
    write_atomic(folder / f"{key}{ABOUT_SUFFIX}", entry.about)
    return target


def _write_and_release(entry: _RecoveryWrite) -> Path:
    """:func:`_write_entry` in the autosave's worker thread, which was handed
    :data:`_WRITING` already held; let go of it however the writing ends."""
    try:
        return _write_entry(entry)
    finally:
        _WRITING.release()


def write_recovery(document: Document) -> Path:
    """Write the document's autosaved copy (atomically) now; returns the map file written.
    Raises :class:`chainmap.core.format.problems.MapSaveError` when the folder cannot be written.

    The copy is ``dumps_map``'s bytes, made through the map's kept item texts
    (:meth:`~chainmap.core.format.dump_cache.DumpCache.text`): after an edit only the items
    changed are made again. The timed autosave writes the same from a worker thread
    (:meth:`Autosaver._autosave_due`)."""
    entry = _prepared(document)
    with _WRITING:
        return _write_entry(entry)


def remove_recovery(key: str) -> None:
    """Remove the entry ``key`` (nothing happens when there is none), after any autosave
    being written meanwhile (which would otherwise put it back)."""
    folder = recovery_dir()
    with _WRITING:
        _BASE_WRITTEN.pop(key, None)
        # The description first: without it, what is left is ignored.
        for suffix in (ABOUT_SUFFIX, MAP_SUFFIX, BASE_SUFFIX):
            try:
                (folder / f"{key}{suffix}").unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass  # a stray file in the user's data folder is not worth an error


def _entry(path: Path) -> RecoveryEntry | None:
    try:
        data: Any = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != RECOVERY_FORMAT:
        return None
    key = path.name[: -len(ABOUT_SUFFIX)]
    file = data.get("file")
    try:
        return RecoveryEntry(key, Path(file) if isinstance(file, str) else None, str(data.get("title", "")),
                             str(data.get("written", "")), int(data.get("pid", 0)), str(data.get("host", "")))
    except (TypeError, ValueError):
        return None


def pending_entries() -> list[RecoveryEntry]:
    """Autosaved copies left by editors that are no longer running, newest first."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    entries = []
    for about in folder.glob(f"*{ABOUT_SUFFIX}"):
        entry = _entry(about)
        if entry is not None and entry.map_path.exists() and entry.is_abandoned():
            entries.append(entry)
    entries.sort(key=lambda e: e.written, reverse=True)
    return entries


class Autosaver(QObject):
    """Writes the shown document's unsaved work every :func:`settings.autosave_seconds`.

    Attributes:
        document: the document autosaved (``None``: none).
        last_error: why the last autosave failed (``None`` when it worked).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.last_error: str | None = None
        self._dirty = False
        self._timer = single_shot_timer(self, self._autosave_due)
        self._timer.setSingleShot(False)
        self._pool: ThreadPoolExecutor | None = None
        self._writing: Future[Path] | None = None  # the autosave the worker thread is writing
        self._written_timer = single_shot_timer(self, self._check_written, WRITTEN_POLL_MS)
        self.background_writes = 0  # autosaves written by the worker thread (for tests)
        self.set_interval(settings.autosave_seconds())
        # Makes the autosave's item texts in idle slices after a map is shown, so even the
        # first autosave of a big map writes only what changed (:func:`write_recovery`).
        self._prepare_timer = single_shot_timer(self, self._prepare_slice)

    def set_interval(self, seconds: int) -> None:
        """Autosave every ``seconds`` (0: never)."""
        self._timer.stop()
        if seconds > 0:
            self._timer.start(seconds * 1000)

    @property
    def interval(self) -> int:
        """Seconds between autosaves (0: off)."""
        return self._timer.interval() // 1000 if self._timer.isActive() else 0

    def attach(self, document: Document | None) -> None:
        """Autosave ``document`` from now on."""
        if self.document is not None:
            try:
                self.document.undo_stack.indexChanged.disconnect(self._changed)
                self.document.undo_stack.cleanChanged.disconnect(self._clean_changed)
            except (RuntimeError, TypeError):
                pass
        self.document = document
        self._dirty = document is not None and document.is_modified
        self._prepare_timer.stop()
        if document is not None:
            document.undo_stack.indexChanged.connect(self._changed)
            document.undo_stack.cleanChanged.connect(self._clean_changed)
            if self.interval:
                self._prepare_timer.start()

    def _prepare_slice(self) -> None:
        """One idle slice (:data:`PREPARE_SLICE`, when it is this work's turn:
        :mod:`chainmap.render.idle_turns`) of making the shown map's texts; again until done."""
        document = self.document
        if document is None:
            return
        if not idle_turns.may_run(self):
            self._prepare_timer.start()  # another piece of idle work ran in this pass of the event loop
            return
        cache, chain_map = dump_cache_for(document.chain_map), document.chain_map
        started = time.perf_counter()
        try:
            while not cache.prepare(chain_map, PREPARE_STEP):
                if time.perf_counter() - started > PREPARE_SLICE:
                    self._prepare_timer.start()
                    return
        finally:
            idle_turns.ran()

    def _changed(self, _index: int) -> None:
        self._dirty = True

    def _clean_changed(self, clean: bool) -> None:
        if clean and self.document is not None:
            # Undone back to the file (or saved): nothing is left to recover.
            remove_recovery(self.document.recovery_key)
            self._dirty = False

    def _autosave_due(self) -> None:
        """The timer's autosave: the text is made here (only the items changed since are made
        again) and written by a worker thread, so that the event loop does not join and write
        a big map's 80 MB (1.1-1.7 s at 100,000 segments). One at a time: while the last one
        is being written, the next waits for the next tick."""
        document = self.document
        if self._writing is not None or document is None or not document.is_modified or not self._dirty:
            return
        try:
            entry = _prepared(document)
        except (MapFileError, OSError) as exc:
            self.last_error = str(exc)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chainmap-autosave")
        self._dirty = False
        _WRITING.acquire()  # here, not in the thread: a removal asked for from now on waits for it
        try:
            self._writing = self._pool.submit(_write_and_release, entry)
        except RuntimeError:  # the pool is shut down: the application is going
            _WRITING.release()
            self._dirty = True
            return
        self._written_timer.start()

    def _check_written(self) -> None:
        """Take in the worker's autosave once it is written (or failed: then it is due again)."""
        writing = self._writing
        if writing is None:
            return
        if not writing.done():
            self._written_timer.start()
            return
        self._writing = None
        try:
            writing.result()
        except (MapFileError, OSError) as exc:
            self.last_error = str(exc)
            self._dirty = True
            return
        self.last_error = None
        self.background_writes += 1

    def wait(self) -> None:
        """Wait until the autosave being written (if any) is on disk."""
        if self._writing is not None:
            try:
                self._writing.exception()
            finally:
                self._check_written()

    def autosave_now(self) -> Path | None:
        """Write the unsaved work now (when there is any new since the last time), after
        the autosave being written, if any."""
        self.wait()
        document = self.document
        if document is None or not document.is_modified or not self._dirty:
            return None
        try:
            written = write_recovery(document)
        except (MapFileError, OSError) as exc:
            self.last_error = str(exc)
            return None
        self.last_error = None
        self._dirty = False
        return written
