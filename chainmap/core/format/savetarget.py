"""What a save may replace, and what it leaves behind.

:func:`chainmap.core.format.fileio.write_atomic` writes a temporary file beside the target and
renames it over the target. A rename replaces whatever has that name, so before writing this
module looks at the target: a named pipe, a device, a socket or a folder is never replaced;
a read-only file is replaced only when asked to (``force``); a link is followed to the file it
names, and a loop of links is said in a sentence. The replacement keeps the old file's
permissions and, where the system lets us, its owner and group.

A save killed half-way (``kill -9``, a power cut) leaves its temporary file behind; the next
save into that folder removes such files once they are a minute old. Only names of our own
pattern (``.NAME.chainmap-XXXXXXXX.tmp``) are touched.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from ..messages import N_, msg, word
from .problems import MapSaveError

TEMPORARY_MARK = ".chainmap-"
TEMPORARY_SUFFIX = ".tmp"
STALE_AFTER_SECONDS = 60.0
# tempfile.mkstemp draws 8 characters from this alphabet.
_TEMPORARY_NAME = re.compile(r"\..+\.chainmap-[a-z0-9_]{8}\.tmp")

# Each said in the reader's language (word()) where a sentence takes it.
_SAVE_REASONS = {
    errno.EACCES: N_("you have no permission to write there"),
    errno.EPERM: N_("you have no permission to write there"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is exceeded"),
    errno.ENOENT: N_("the folder does not exist"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EISDIR: N_("the path is a folder"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
    errno.ELOOP: N_("the path is a loop of symbolic links that never reaches a file"),
}


def save_reason(exc: OSError) -> str:
    """Why a save failed, as the end of a sentence (in the reader's language)."""
    reason = _SAVE_REASONS.get(exc.errno or 0)
    return word(reason) if reason is not None else exc.strerror or str(exc)


class ReadOnlyTargetError(MapSaveError):
    """The target is read-only; it was left as it is (``force`` replaces it anyway)."""


@dataclass(frozen=True)
class SaveTarget:
    """The file a save replaces (links followed) and what the replacement must keep."""

    path: Path
    exists: bool
    mode: int
    uid: int = -1
    gid: int = -1


def _special_kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return N_("a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("a device")
    if stat.S_ISSOCK(mode):
        return N_("a socket")
    return N_("not a regular file")


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _read_only_reason(path: Path, info: os.stat_result) -> str | None:
    if info.st_mode & 0o222 == 0:
        return msg("the file is read-only (permissions {permissions})", permissions=stat.filemode(info.st_mode)[1:])
    if not os.access(path, os.W_OK):
        try:
            on_read_only_disk = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
        except OSError:
            on_read_only_disk = False
        if on_read_only_disk:
            return msg("the file is on a read-only disk")
        return msg("the file is read-only for you (you have no permission to write it)")
    return None


def check_save_target(path: str | os.PathLike[str], *, force: bool = False) -> SaveTarget:
    """Look at ``path`` before a save: the real file to replace, or :class:`MapSaveError`.

    Refuses folders, named pipes, devices and sockets always, read-only files unless ``force``
    (:class:`ReadOnlyTargetError`), and loops of links. Changes nothing on disk.
    """
    source = os.fspath(path)
    try:
        info: os.stat_result | None = os.stat(source)  # follows links
    except FileNotFoundError:
        info = None  # a new file (or a link to one still to be made)
    except OSError as exc:
        raise MapSaveError(source, msg("The map was not saved: {reason}.", reason=save_reason(exc))) from None
    # Write the file a link names, so the link itself survives.
    target = Path(os.path.realpath(source)) if os.path.islink(source) else Path(source)
    if info is None:
        return SaveTarget(target, False, _default_mode())
    kind = _special_kind(info.st_mode)
    if kind == "a folder":
        raise MapSaveError(source, msg("The map was not saved: the path is a folder."))
    if kind is not None:
        raise MapSaveError(
            source,
            msg("The map was not saved: the path is {kind}, not a regular file, and chainmap never replaces one; "
                "it was left as it is.", kind=word(kind)),
        )
    if not force:
        reason = _read_only_reason(target, info)
        if reason is not None:
            raise ReadOnlyTargetError(source, msg("The map was not saved: {reason}, so it was left as it is.", reason=reason))
    return SaveTarget(target, True, stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid)


def temporary_prefix(target: Path) -> str:
    """The start of the temporary file's name beside ``target`` (``.NAME.chainmap-``)."""
    return f".{target.name}{TEMPORARY_MARK}"


def keep_owner(fd: int, target: SaveTarget) -> None:
    """Give the open temporary file the target's owner and group, as far as we may.

    Only root may give a file away; anyone may set a group they belong to. Where neither is
    allowed the replacement is ours, as any editor's would be.
    """
    if not target.exists or (target.uid, target.gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.fchown(fd, target.uid, target.gid)
        return
    except OSError:
        pass
    try:
        os.fchown(fd, -1, target.gid)
    except OSError:
        pass


def remove_stale_temporaries(directory: Path, *, older_than: float = STALE_AFTER_SECONDS) -> list[str]:
    """Remove temporary files that interrupted saves left in ``directory``; return their names.

    Only regular files named as our saves name them and not modified for ``older_than``
    seconds: a save still running elsewhere is younger than that, and anything else is not
    ours. Failures are ignored: cleaning up never stops a save.
    """
    removed: list[str] = []
    cutoff = time.time() - older_than
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMPORARY_NAME.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed
