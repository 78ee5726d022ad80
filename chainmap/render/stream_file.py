"""Write an export file piece by piece, atomically: the pieces go to a temporary file beside
the target, which replaces the target only when everything was written (as
:func:`chainmap.core.format.fileio.write_atomic` does for a whole ``bytes``), so a big PNG or
SVG never has to be held in memory to be saved safely."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from chainmap.core.format.problems import MapFileError
from chainmap.core.format.savetarget import (
    TEMPORARY_SUFFIX,
    check_save_target,
    keep_owner,
    remove_stale_temporaries,
    save_reason,
    temporary_prefix,
)
from chainmap.core.messages import msg, nothing_written


class StreamWriteError(Exception):
    """The file could not be written; the message names it and says why."""


@contextmanager
def atomic_stream(path: str, *, force: bool = False) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``path`` when the ``with`` block ends without an
    error; on any error the target is untouched and the temporary file removed. Raises
    :class:`StreamWriteError` (with the path and the reason) when the file cannot be written;
    ``force`` replaces a read-only file."""
    try:
        target = check_save_target(path, force=force)
    except MapFileError as exc:
        message = exc.problems[0].message if exc.problems else str(exc)
        raise StreamWriteError(f"{path}: {nothing_written(message)}") from None
    directory = target.path.parent
    remove_stale_temporaries(directory)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=temporary_prefix(target.path), suffix=TEMPORARY_SUFFIX,
                                             dir=directory)
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
            keep_owner(stream.fileno(), target)
            os.fchmod(stream.fileno(), target.mode)
        os.replace(temporary, target.path)
        temporary = None
    except OSError as exc:
        raise StreamWriteError(msg("{path}: Nothing was written: {reason}.", path=path,
                                   reason=save_reason(exc))) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
