"""Reading and writing map files.

Loading goes in two steps (orange-canvas-core's readwrite does the same): bytes → checked
plain data (:func:`parse_bytes`, :func:`chainmap.core.format.validate.validate_data`) → model
(:func:`chainmap.core.format.serialize.map_from_data`). Invalid files and newer versions raise
distinct errors, carrying every problem found.

Saving is atomic: the whole file is serialised in memory, written to a temporary file beside
the target, flushed, fsynced and renamed over it, so a failed save leaves the old file intact.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..bulk import gc_paused
from ..messages import N_, msg, word
from ..model import ChainMap, ModelError
from ..vocabulary import FORMAT_NAME, FORMAT_VERSION
from .json_keys import DuplicateKey, duplicate_key_problem, object_without_duplicates
from .json_reasons import json_reason
from .problems import (
    MapLoadError,
    MapSaveError,
    NewerVersionError,
    Problem,
    error,
)
from .savetarget import (
    TEMPORARY_SUFFIX,
    check_save_target,
    keep_owner,
    remove_stale_temporaries,
    save_reason,
    temporary_prefix,
)
from .serialize import dumps_map, map_from_data
from .stream_load import stream_map
from .validate import validate_counting, validate_data
from .validate_quick import pairs_and_colons

BOM = b"\xef\xbb\xbf"
MAX_FILE_BYTES = 512 * 1024 * 1024
_TOO_DEEP = N_("The file is nested too deeply to be a map (arrays or objects inside each other).")


@dataclass
class LoadResult:
    """A loaded map with the warnings found in its file."""

    map: ChainMap
    warnings: list[Problem]
    source: str


class _NotAllowedNumber(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _NotAllowedNumber(msg("{name} is not a number JSON allows", name=name))


def _parse_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _NotAllowedNumber(msg("the number {text} is too large", text=text))
    return value


def _parse_int(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # Python refuses to convert more than 4,300 digits
        raise _NotAllowedNumber(msg("a number of {digits} digits is too long", digits=len(text.lstrip("-")))) from None


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column


def parse_bytes(raw: bytes, source: str = "<data>") -> Any:
    """Decode and parse a file's bytes as JSON, or raise :class:`MapLoadError` saying why."""
    if raw.startswith(BOM):
        raw = raw[len(BOM) :]
    if not raw or raw.isspace():
        raise MapLoadError(source, [error("", msg("The file is empty: a map file holds a JSON object."))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = _line_column(head, len(head))
        problem = Problem(
            "error",
            "",
            msg("The file is not UTF-8 text: byte {byte} cannot be decoded "
                "(is it a binary file, or saved in another encoding such as GBK?).", byte=exc.start + 1),
            line,
            column,
        )
        raise MapLoadError(source, [problem]) from None
    try:
        data = _decode(text)
    except DuplicateKey as exc:
        raise MapLoadError(source, [duplicate_key_problem(text, exc.key)]) from None
    except json.JSONDecodeError as exc:
        problem = Problem("error", "", msg("The file is not valid JSON: {reason}.", reason=json_reason(exc.msg)), exc.lineno, exc.colno)
        raise MapLoadError(source, [problem]) from None
    except _NotAllowedNumber as exc:
        raise MapLoadError(source, [error("", msg("The file is not valid JSON: {exc}.", exc=exc))]) from None
    except RecursionError:
        raise MapLoadError(source, [error("", word(_TOO_DEEP))]) from None
    # JSON may escape half of a UTF-16 pair (\\ud800) on its own: that is no character, and
    # the map could never be written back as UTF-8. The quick text search keeps this check
    # free for files that escape no surrogate at all.
    if "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None and _holds_lone_surrogate(data):
        match = _LONE_SURROGATE_ESCAPE.search(text)
        escape = match.group(0) if match else "\\uD800"
        place = _line_column(text, match.start()) if match else (None, None)
        problem = Problem(
            "error",
            "",
            msg("The file holds '{escape}', half of a UTF-16 pair on its own, which is not a "
                "character: remove it or write the whole character.", escape=escape),
            *place,
        )
        raise MapLoadError(source, [problem])
    return data


def _decode(text: str) -> Any:
    """``json.loads`` with the loader's checks: no key twice, no NaN or infinity, no number
    too long. Whole numbers are read by ``json`` itself (a hook per number costs ~10 % of the
    parse); the rare one of more than 4,300 digits, which Python refuses, is read again with
    the hook that words it."""
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_float=_parse_float,
                          object_pairs_hook=object_without_duplicates)
    except ValueError as exc:
        if isinstance(exc, (DuplicateKey, json.JSONDecodeError, _NotAllowedNumber)):
            raise
    return json.loads(text, parse_constant=_reject_constant, parse_float=_parse_float, parse_int=_parse_int,
                      object_pairs_hook=object_without_duplicates)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # a literal start: fast to search for
_LONE_SURROGATE_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<![0-9a-fA-F]{4})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _holds_lone_surrogate(data: Any) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def check_data(data: Any, source: str = "<data>") -> list[Problem]:
    """Validate parsed data; raise :class:`NewerVersionError` or :class:`MapLoadError` on
    errors, return the warnings otherwise."""
    if isinstance(data, dict):
        version = data.get("version")
        if (
            data.get("format") == FORMAT_NAME
            and isinstance(version, int)
            and not isinstance(version, bool)
            and version > FORMAT_VERSION
        ):
            raise NewerVersionError(source, version)
    problems = validate_data(data)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise MapLoadError(source, errors)
    return problems


def parse_and_check(raw: bytes, source: str = "<data>") -> tuple[Any, list[Problem]]:
    """:func:`parse_bytes` then :func:`check_data`: the data and its warnings, or the error.

    A clean map is parsed first without the hook that refuses a key written twice in one
    object (a Python call per object: ~40 % of the parse): the validator's quick passes count
    the key-value pairs of every object while they check them, and the file's colons are an
    upper bound on the pairs written (each pair has one; texts may hold more), so when the
    colons outside the texts counted equal the pairs read, no pair was lost to a repeated key.
    Anything else (a problem, an escape, colons in a segment's texts) takes the checked way:
    the same result, the same messages, in the same order."""
    quick = _parse_and_check_quickly(raw)
    if quick is not None:
        return quick
    data = parse_bytes(raw, source)
    return data, check_data(data, source)


def _parse_and_check_quickly(raw: bytes) -> tuple[Any, list[Problem]] | None:
    if b"\\u" in raw:  # an escaped colon would not be counted, and surrogates need their check
        return None
    try:
        text = raw[len(BOM) :].decode("utf-8") if raw.startswith(BOM) else raw.decode("utf-8")
        data = json.loads(text, parse_constant=_reject_constant, parse_float=_parse_float)
        del text  # as large as the file, or twice: not kept while the data is checked
        if data.__class__ is not dict or not isinstance(data.get("nodes"), list):
            return None
        problems, pairs = validate_counting(data)
    except (ValueError, RecursionError):
        return None
    if pairs is None or any(problem.is_error for problem in problems):
        return None
    rest = {key: value for key, value in data.items() if key not in ("nodes", "edges")}
    rest_pairs, rest_colons = pairs_and_colons(rest)
    # The segments' and links' own lists are pairs of the top object too.
    if raw.count(b":") - rest_colons != pairs + rest_pairs + 2:
        return None
    return data, problems


def loads_map(raw: bytes, source: str = "<data>") -> LoadResult:
    """Load a map from a file's bytes; ``source`` names the file in messages."""
    # Parsing and building make a million small objects and no cycle: hold the collector.
    with gc_paused():
        return _loads_map(raw, source)


def _loads_map(raw: bytes, source: str) -> LoadResult:
    streamed = stream_map(raw)
    if streamed is not None:
        return LoadResult(*streamed, source)
    data, warnings = parse_and_check(raw, source)
    return _built(data, warnings, source)


def _built(data: Any, warnings: list[Problem], source: str) -> LoadResult:
    """The model of checked data, which it takes apart as it goes (see ``map_from_data``)."""
    try:
        chain_map = map_from_data(data, consume=True)
    except (ModelError, KeyError, TypeError, ValueError) as exc:
        # The validator should have caught this; say so plainly rather than crash.
        raise MapLoadError(source, [error("", msg("The map could not be built: {exc}", exc=exc))]) from None
    except RecursionError:
        # Unknown keys are kept as they are, and copying a value nested hundreds deep
        # exhausts Python's stack.
        raise MapLoadError(source, [error("", word(_TOO_DEEP))]) from None
    return LoadResult(chain_map, warnings, source)


@dataclass
class CheckResult:
    """A map file that passed the checks, without its model: its size and its warnings."""

    segments: int
    links: int
    warnings: list[Problem]
    source: str


def check_map_file(path: str | os.PathLike[str]) -> CheckResult:
    """Check a map file as :func:`load_map` does, without building the model (which the checks
    make sure can be built); raises :class:`MapLoadError` or :class:`NewerVersionError`."""
    source = os.fspath(path)
    raw = read_file_bytes(path)
    with gc_paused():
        data, warnings = parse_and_check(raw, source)
    return CheckResult(len(data["nodes"]), len(data["edges"]), warnings, source)


def read_file_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a file, turning OS failures into a :class:`MapLoadError` that says why."""
    source = os.fspath(path)
    with _reading(source):
        with open(source, "rb") as handle:
            return handle.read()


@contextmanager
def _reading(source: str) -> Iterator[None]:
    """Refuse a file too large to be a map, and turn OS failures while it is read into a
    :class:`MapLoadError` that says why."""
    try:
        size = os.path.getsize(source)
        if size > MAX_FILE_BYTES:
            raise MapLoadError(source, [error("", msg("The file is {value} MB: too large to be a map.", value=size // (1024 * 1024)))])
        yield
    except IsADirectoryError:
        raise MapLoadError(source, [error("", msg("This is a folder, not a map file."))]) from None
    except FileNotFoundError:
        raise MapLoadError(source, [error("", msg("There is no such file."))]) from None
    except PermissionError:
        raise MapLoadError(source, [error("", msg("You have no permission to read this file."))]) from None
    except OSError as exc:
        raise MapLoadError(source, [error("", msg("The file cannot be read: {value}.", value=exc.strerror or exc))]) from None


def load_map(path: str | os.PathLike[str]) -> LoadResult:
    """Load a map file; raises :class:`MapLoadError` (or :class:`NewerVersionError`).

    A clean map is built while its text is read (:mod:`.stream_load`): the file is never
    in memory whole. Any other file is read again whole, parsed, checked, and its bytes let go
    before the model is built."""
    source = os.fspath(path)
    with gc_paused():
        with _reading(source), open(source, "rb") as handle:
            streamed = stream_map(handle)
        if streamed is not None:
            return LoadResult(*streamed, source)
        data, warnings = _read_and_check(path, source)
        return _built(data, warnings, source)


def _read_and_check(path: str | os.PathLike[str], source: str) -> tuple[Any, list[Problem]]:
    return parse_and_check(read_file_bytes(path), source)


# ------------------------------------------------------------------ saving
def _save_reason(exc: OSError) -> str:
    return save_reason(exc)


def write_atomic(path: str | os.PathLike[str], data: bytes | Iterable[bytes], *, force: bool = False) -> None:
    """Write ``data`` (bytes, or bytes in chunks written one after the other) to ``path``
    atomically, keeping the existing file's permissions and owner.

    Named pipes, devices, sockets and folders are refused, and read-only files unless
    ``force``; a link is followed and survives (:func:`chainmap.core.format.savetarget.check_save_target`).
    Temporary files that interrupted saves left in the folder are removed first. On any
    failure the temporary file is removed, the target is untouched, and :class:`MapSaveError`
    says why.
    """
    source = os.fspath(path)
    target = check_save_target(source, force=force)
    directory = target.path.parent
    remove_stale_temporaries(directory)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=temporary_prefix(target.path), suffix=TEMPORARY_SUFFIX,
                                             dir=directory)
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes | bytearray | memoryview):
                stream.write(data)
            else:
                for chunk in data:
                    stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
            keep_owner(stream.fileno(), target)
            os.fchmod(stream.fileno(), target.mode)  # after chown, which may clear set-id bits
        os.replace(temporary, target.path)
        temporary = None
        _fsync_directory(directory)
    except OSError as exc:
        raise MapSaveError(source, msg("The map was not saved: {exc}; the file on disk is unchanged.", exc=_save_reason(exc))) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _fsync_directory(directory: Path) -> None:
    # The rename is durable only once the folder's entry is on disk too.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_map(chain_map: ChainMap, path: str | os.PathLike[str], *, force: bool = False) -> None:
    """Write ``chain_map`` to ``path`` in canonical form, atomically (see :func:`write_atomic`)."""
    write_atomic(path, dumps_map(chain_map), force=force)
