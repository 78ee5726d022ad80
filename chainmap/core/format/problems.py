"""Problems found in a map file, and the errors that carry them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..messages import msg, word

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One error or warning, with its place in the file and a sentence a user understands.

    ``path`` is a JSON-pointer-like place (``/nodes/3/tier``; ``""`` for the whole file);
    ``line``/``column`` are set instead for text that is not JSON.
    """

    severity: str
    path: str
    message: str
    line: int | None = None
    column: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def place(self) -> str:
        """Where it is, for people: ``/nodes/3/tier``, ``line 3, column 5`` or ``""``."""
        if self.line is not None:
            return msg("line {line}, column {column}", line=self.line, column=self.column or 1)
        return self.path

    def format(self, source: str) -> str:
        """``FILE:PLACE: message`` (``FILE: message`` when it concerns the whole file)."""
        label = word("warning: ") if self.severity == WARNING else ""
        where = f"{source}:{self.place}" if self.place else source
        return f"{where}: {label}{self.message}"

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"severity": self.severity, "path": self.path, "message": self.message}
        if self.line is not None:
            out["line"] = self.line
            out["column"] = self.column
        return out


def error(path: str, message: str) -> Problem:
    return Problem(ERROR, path, message)


def warning(path: str, message: str) -> Problem:
    return Problem(WARNING, path, message)


class MapFileError(Exception):
    """A map file could not be read or written; ``problems`` says every reason found."""

    def __init__(self, source: str | Path, problems: list[Problem]) -> None:
        self.source = str(source)
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        """All problems, one per line, each naming the file and the place."""
        return "\n".join(p.format(self.source) for p in self.problems)


class MapLoadError(MapFileError):
    """The file is not a valid map; nothing was loaded."""


class NewerVersionError(MapLoadError):
    """The file is of a newer format version than this chainmap reads."""

    def __init__(self, source: str | Path, version: int) -> None:
        self.version = version
        from ..vocabulary import FORMAT_VERSION

        super().__init__(
            source,
            [
                error(
                    "/version",
                    msg("This map is format version {version}, but this chainmap reads version "
                        "{FORMAT_VERSION} and older: a newer chainmap is needed to open it.",
                        version=version, FORMAT_VERSION=FORMAT_VERSION),
                )
            ],
        )


class MapSaveError(MapFileError):
    """The map could not be written; the file on disk is as it was."""

    def __init__(self, source: str | Path, message: str) -> None:
        super().__init__(source, [error("", message)])
