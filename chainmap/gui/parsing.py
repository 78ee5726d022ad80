"""Text the user types into a field, read as the format's values (and values shown as such text):
lists, optional text, enterprise marks, credit codes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication

from chainmap.core.value_checks import is_uscc
from chainmap.core.vocabulary import MARK_LABELS, USCC_ALPHABET, USCC_LENGTH

_LIST_SEPARATORS = re.compile(r"[,，、;；\n]")


def parse_list(text: str) -> list[str]:
    """Split ``"a, b、c"`` into ``["a", "b", "c"]`` (commas, 、, semicolons, new lines)."""
    return [part.strip() for part in _LIST_SEPARATORS.split(text) if part.strip()]


def join_list(items: Iterable[str]) -> str:
    """A list as the text a field shows: ``"a, b, c"``."""
    return ", ".join(items)


def optional_text(text: str) -> str | None:
    """An empty field means "no value" (the key is left out of the file)."""
    stripped = text.strip()
    return stripped if stripped else None


def parse_marks(text: str) -> list[str]:
    """Marks from comma text: 链主, ``chain-leader`` and ``chain leader`` all give
    ``chain-leader``; other words are kept as custom marks."""
    lookup: dict[str, str] = {}
    for mark, (zh, en) in MARK_LABELS.items():
        for spelling in (mark, zh, en, zh.replace("“", '"').replace("”", '"'), zh.strip("专精特新“”")):
            lookup[spelling.casefold()] = mark
    marks: list[str] = []
    for word in parse_list(text):
        mark = lookup.get(word.casefold(), word)
        if mark not in marks:
            marks.append(mark)
    return marks


def marks_text(marks: Sequence[str]) -> str:
    """Marks shown in Chinese where they have a label: ``"链主, 上市"``."""
    return join_list(MARK_LABELS[m][0] if m in MARK_LABELS else m for m in marks)


def uscc_problem(code: str | None) -> str | None:
    """Why a credit code looks wrong (the format only warns), or ``None``."""
    if not code or is_uscc(code):
        return None
    if len(code) != USCC_LENGTH:
        return QCoreApplication.translate("inspector", "A unified social credit code has 18 characters; this one has {n}.").format(n=len(code))
    bad = sorted({c for c in code if c not in USCC_ALPHABET})
    return QCoreApplication.translate("inspector", "A unified social credit code uses digits and capitals without I, O, S, V, Z; "
              "not {chars}.").format(chars=" ".join(bad))
