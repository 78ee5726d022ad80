"""Reading one row's cells as the format's values, each bad cell reported where it is.

:class:`RowCells` reads a row of a :class:`~.tables.Table` through the columns it has:
texts (quoting undone), numbers, ids, lists, the closed sets (either language), due dates,
region codes and tiers. A bad cell becomes an error in the :class:`Problems` list, naming the
file and the cell (``vehicles.xlsx:环节!C12: unknown status '强' (expected …)``), and reads as
missing so that every other cell is still checked: one import reports every bad cell.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from chainmap.core.format.problems import ERROR, WARNING, Problem
from chainmap.core.ids import is_valid_id
from chainmap.core.messages import msg
from chainmap.core.value_checks import due_problem

from . import labels
from .cells import split_list, unquote_text
from .tables import Table

BAD = object()  # a cell that held something unusable (already reported)


@dataclass
class ImportProblem:
    """A problem in one input file: ``describe()`` gives ``FILE:Sheet!C12: message``."""

    source: str
    problem: Problem
    order: tuple[int, int] | None = None  # (row, column) of a cell, to list a sheet's problems in order

    @property
    def is_error(self) -> bool:
        return self.problem.is_error

    def describe(self) -> str:
        """The line a user reads."""
        return self.problem.format(self.source)


@dataclass
class Problems:
    """Every problem an import found, in the order found."""

    items: list[ImportProblem] = field(default_factory=list)

    def add(self, source: str, place: str, message: str, severity: str = ERROR,
            order: tuple[int, int] | None = None) -> None:
        self.items.append(ImportProblem(source, Problem(severity, place, message), order))

    def in_order(self) -> list[ImportProblem]:
        """The problems, each sheet's cells in reading order (row by row, left to right); the
        sheets, and problems not about a cell, in the order found."""
        first: dict[tuple[str, str], int] = {}
        for index, item in enumerate(self.items):
            first.setdefault((item.source, item.problem.path.split("!")[0]), index)

        def key(pair: tuple[int, ImportProblem]) -> tuple[int, int, int, int]:
            index, item = pair
            group = first[(item.source, item.problem.path.split("!")[0])]
            row, column = item.order if item.order is not None else (1 << 30, index)
            return group, row, column, index

        return [item for _, item in sorted(enumerate(self.items), key=key)]

    def warn(self, source: str, place: str, message: str) -> None:
        self.add(source, place, message, WARNING)

    @property
    def has_errors(self) -> bool:
        return any(item.is_error for item in self.items)


def json_copy(value: Any) -> Any:
    """A copy of plain data (dicts, lists, scalars): ``copy.deepcopy`` without its bookkeeping,
    several times faster on a 5,000-segment map."""
    if isinstance(value, dict):
        return {k: json_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_copy(v) for v in value]
    return value


def name_key(name: str) -> str:
    """How a segment's name is matched when a cell names it: NFKC, case-folded, trimmed."""
    return unicodedata.normalize("NFKC", name).casefold().strip()


def plain_text(value: Any) -> str | None:
    """A cell's text as the map stores it: None for an empty cell, numbers written plainly."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if not isinstance(value, str):
        return str(value)
    if not value:
        return None
    return unquote_text(value)  # spaces are text too: a round trip keeps them


class RowCells:
    """One row's cells by field, with typed readers that report bad cells."""

    def __init__(self, table: Table, row_number: int, values: list[Any], columns: dict[str, int],
                 problems: Problems) -> None:
        self.table = table
        self.number = row_number
        self.values = values
        self.columns = columns
        self.problems = problems

    def has(self, key: str) -> bool:
        """Whether the sheet has this column at all (an empty cell then means "none")."""
        return key in self.columns

    def raw(self, key: str) -> Any:
        column = self.columns.get(key)
        if column is None or column >= len(self.values):
            return None
        return self.values[column]

    def place(self, key: str) -> str:
        column = self.columns.get(key)
        return self.table.place(self.number, column if column is not None else 0)

    def error(self, key: str, message: str) -> None:
        column = self.columns.get(key, 0)
        self.problems.add(self.table.source, self.place(key), message, order=(self.number, column))

    def text(self, key: str) -> str | None:
        """Text, or None for an empty cell."""
        return plain_text(self.raw(key))

    def ref(self, key: str) -> str | None:
        """A cell that names something (a tier, a segment, a region): trimmed, None when blank."""
        text = self.text(key)
        return text.strip() or None if text is not None else None

    def number_value(self, key: str) -> Any:
        """A finite number, None for an empty cell, :data:`BAD` after reporting."""
        value = self.raw(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            number = math.nan
        elif isinstance(value, (int, float)):
            number = float(value)
        else:
            try:
                number = float(str(value).strip().replace(",", ""))
            except ValueError:
                number = math.nan
        if not math.isfinite(number):
            self.error(key, msg("'{text}' is not a number", text=plain_text(value)))
            return BAD
        return number

    def id_value(self, key: str) -> Any:
        """An id of the format's form, None for an empty cell, :data:`BAD` after reporting."""
        text = self.text(key)
        if text is None or not text.strip():
            return None
        text = text.strip()
        if not is_valid_id(text):
            self.error(key, msg("'{text}' is not an id: an id is letters, digits and _ . : -, starting with a "
                                "letter or digit, at most 64 characters (leave the cell empty for a new item)", text=text))
            return BAD
        return text

    def word(self, key: str, set_name: str) -> Any:
        """A word of a closed set (status, action, priority), either language."""
        text = self.text(key)
        if text is None or not text.strip():
            return None
        found = labels.parse(set_name, text)
        if found is None:
            self.error(key, labels.unknown_message(set_name, text.strip()))
            return BAD
        return found

    def text_list(self, key: str) -> list[str]:
        """A list of texts (``A; B``, one per line, or a JSON array)."""
        value = self.raw(key)
        if value is None:
            return []
        text = plain_text(value) if not isinstance(value, str) else unquote_text(value)
        return split_list(text) if text else []

    def due(self, key: str) -> Any:
        """A due date, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        text = self.text(key)
        if text is None or not text.strip():
            return None
        text = text.strip()
        problem = due_problem(text)
        if problem is not None:
            self.error(key, problem[0].lower() + problem[1:].rstrip("."))
            return BAD
        return text
