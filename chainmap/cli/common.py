"""What the sub-commands share: loading with messages, printing problems, writing outputs."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from chainmap.core.fileio import LoadResult, load_map, write_atomic
from chainmap.core.problems import MapFileError, Problem


def say(message: str) -> None:
    print(message, file=sys.stderr)


def print_problems(source: str, problems: list[Problem]) -> None:
    """Each problem on its own line as ``FILE:PATH: message``, on standard error."""
    for problem in problems:
        say(problem.format(source))


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


def write_output(path: str, data: bytes) -> bool:
    """Write ``data`` atomically to ``path`` (``-`` is standard output); report failures."""
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return True
    try:
        write_atomic(path, data)
    except MapFileError as exc:
        print_problems(exc.source, exc.problems)
        return False
    return True


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))
