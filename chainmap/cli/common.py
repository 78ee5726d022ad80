"""What the sub-commands share: loading with messages, printing problems, writing outputs.

Everything printed goes through :func:`out`, :func:`say` or :func:`print_json`, which show
control and bidi characters of map text as escapes (``\\x1b``) rather than hand them to the
terminal (:mod:`chainmap.core.textsafe`).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from chainmap.core.format.fileio import LoadResult, load_map, write_atomic
from chainmap.core.format.problems import MapFileError, Problem
from chainmap.core.format.savetarget import ReadOnlyTargetError, check_save_target
from chainmap.core.messages import N_, msg, word
from chainmap.core.textsafe import dumps_safe, json_safe, terminal_safe

FORCE_HELP = N_("replace OUT (or FILE with --in-place) even when it is read-only")  # msg() where used
# How a save's refusal starts, and what a command that writes no map says instead (word() where used).
NOT_SAVED = N_("The map was not saved")
NOTHING_WRITTEN = N_("Nothing was written")


def out(line: str = "") -> None:
    """Print one line of text (map text in it escaped) on standard output."""
    print(terminal_safe(line))


def say(message: str) -> None:
    """Print a message (map text in it escaped) on standard error."""
    print(terminal_safe(message, keep_newlines=True), file=sys.stderr)


def print_problems(source: str, problems: list[Problem]) -> None:
    """Each problem on its own line as ``FILE:PATH: message``, on standard error."""
    for problem in problems:
        print(terminal_safe(problem.format(source)), file=sys.stderr)


def load_or_report(path: str, *, quiet_warnings: bool = False) -> LoadResult | None:
    """Load a map, printing its problems; ``None`` when it could not be loaded."""
    try:
        result = load_map(path)
    except MapFileError as exc:
        print_problems(exc.source, exc.problems)
        return None
    if not quiet_warnings:
        print_problems(path, result.warnings)
    return result


def said_instead(text: str, what: str) -> str:
    """``text`` with its "The map was not saved" said as ``what`` (a key marked with ``N_``), in
    the language ``text`` speaks: the reader's, or English where the refusal is not translated."""
    for start, instead in ((word(NOT_SAVED), word(what)), (NOT_SAVED, what)):
        if start in text:
            return text.replace(start, instead, 1)
    return text


def report_save_error(exc: MapFileError, *, what: str = NOT_SAVED) -> None:
    """Print why a write failed (its messages starting ``what``), with the option that
    overrides a read-only refusal."""
    for problem in exc.problems:
        line = said_instead(problem.format(exc.source), what)
        print(terminal_safe(line), file=sys.stderr)
    if isinstance(exc, ReadOnlyTargetError):
        say(msg("{source}: add --force to replace it anyway.", source=exc.source))


def check_output(path: str, *, force: bool = False) -> bool:
    """Before long work: can ``path`` be written? Report why not (``-`` always can)."""
    if path == "-":
        return True
    try:
        check_save_target(path, force=force)
    except MapFileError as exc:
        report_save_error(exc)
        return False
    return True


def write_output(path: str, data: bytes, *, force: bool = False, json_text: bool = True,
                 what: str = NOT_SAVED) -> bool:
    """Write ``data`` atomically to ``path`` (``-`` is standard output); report failures.

    ``force`` replaces a read-only file. JSON bound for a terminal has its bidi and C1
    characters written as ``\\uXXXX`` escapes: the same JSON, safe to look at.
    """
    if path == "-":
        if json_text and sys.stdout.isatty():
            data = json_safe(data.decode("utf-8")).encode("utf-8")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return True
    try:
        write_atomic(path, data, force=force)
    except MapFileError as exc:
        report_save_error(exc, what=what)
        return False
    return True


def same_file(a: str, b: str) -> bool:
    """Whether two paths name one file (``False`` when either cannot be looked at)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def print_json(value: Any) -> None:
    """Print ``value`` as indented JSON, safe on a terminal (see :func:`dumps_safe`)."""
    print(dumps_safe(value))
