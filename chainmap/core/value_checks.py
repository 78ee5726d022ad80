"""Checks of single values of the format: finite numbers, due dates, timestamps, nesting, credit codes.

Shared by the validator (which words the problems) and the model (which refuses an edit that
would write a value the validator rejects, so the editor never saves a file it cannot open).
"""

from __future__ import annotations

import calendar
import re
import sys
from datetime import datetime
from typing import Any

from .language import is_chinese
from .messages import msg
from .vocabulary import USCC_ALPHABET, USCC_LENGTH

# ASCII: no full-width ２０２７; \Z, not $, which also matches before a final newline.
_DUE_PATTERN = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?\Z", re.ASCII)
_TIMESTAMP_PATTERN = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)\Z",
    re.ASCII,
)
LARGEST_FLOAT = sys.float_info.max  # NaN compares false with it, so this also rules NaN out
# How many arrays or objects a map may nest inside each other, counted from the top of the
# file (the map's own object is the first). The format itself needs about ten; the rest is
# for values under keys a newer version may add. Every walk over a loaded value (copying,
# comparing, writing) may then recurse, far from Python's limit of 1,000 frames.
MAX_NESTING = 100


def is_finite_number(value: Any) -> bool:
    """A finite int or float (not a boolean, NaN, an infinity or an int too large for a float)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return -LARGEST_FLOAT <= value <= LARGEST_FLOAT


def due_problem(due: str) -> str | None:
    """Why ``due`` is not a YYYY-MM or YYYY-MM-DD calendar date, or ``None`` when it is."""
    match = _DUE_PATTERN.match(due)
    if match is None:
        return msg("Due date '{due}' is not a date of the form YYYY-MM or YYYY-MM-DD (e.g. 2027-06).", due=due[:40])
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return msg("Due date '{due}' has month {month}: months run from 01 to 12.", due=due, month=match.group(2))
    if match.group(3) is not None:
        day = int(match.group(3))
        days = calendar.monthrange(year, month)[1] if year >= 1 else 31
        if year < 1 or not 1 <= day <= days:
            return msg("Due date '{due}' is not a real date: {year}-{month:02d} has days 01 to {days}.",
                       due=due, year=year, month=month, days=days) if is_chinese() else (
                f"Due date '{due}' is not a real date: {calendar.month_name[month]} {year} "
                f"has days 01 to {days}."
            )
    elif year < 1:
        return msg("Due date '{due}' has year 0000, which does not exist.", due=due)
    return None


def is_timestamp(value: str) -> bool:
    """True when ``value`` is an ISO 8601 date and time with an offset (``…T09:30:00+08:00``)."""
    if _TIMESTAMP_PATTERN.match(value) is None:
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def nesting_depth(value: Any, limit: int = MAX_NESTING) -> int:
    """How many arrays or objects ``value`` nests inside each other (0 for a number or a text,
    1 for ``[1, 2]``), without recursion; the count stops once it is past ``limit``."""
    if not isinstance(value, (dict, list)):
        return 0
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        container, level = stack.pop()
        if level > deepest:
            deepest = level
            if deepest > limit:
                break
        for item in container.values() if isinstance(container, dict) else container:
            if isinstance(item, (dict, list)):
                stack.append((item, level + 1))
    return deepest


def nesting_problem(value: Any, pointer: str, what: str, for_path: bool = False) -> str | None:
    """Why ``value``, at (or, ``for_path``, to be put at) the JSON pointer ``pointer``, would
    nest past :data:`MAX_NESTING` levels from the top of the file; ``None`` when it does not.
    ``what`` names the value, capitalised (``"'x-data' of segment '电芯'"``)."""
    above = pointer.count("/")
    shown = pointer if len(pointer) <= 40 else pointer[:39] + "…"
    where = msg(" for its path '{pointer}'", pointer=shown) if for_path else ""
    if not isinstance(value, (dict, list)):
        if above <= MAX_NESTING:
            return None
        return msg("{what} is nested too deeply{where}: that path goes more than {levels} levels down, "
                   "the most a map may hold.", what=what, where=where, levels=MAX_NESTING)
    if above + nesting_depth(value, MAX_NESTING - above) <= MAX_NESTING:
        return None
    return msg("{what} is nested too deeply{where}: its arrays or objects would go more than {levels} "
               "levels down from the top of the file, the most a map may hold.", what=what, where=where, levels=MAX_NESTING)


def is_uscc(code: str) -> bool:
    """Whether ``code`` has the form of a unified social credit code: 18 characters of digits
    and the capitals without I, O, S, V, Z (the format only warns about one that has not)."""
    return len(code) == USCC_LENGTH and USCC_ALPHABET.issuperset(code)
