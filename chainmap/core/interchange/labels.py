"""The words of the closed sets in a sheet: statuses, actions, priorities, marks, link kinds.

A workbook shows them in the user's language (``优势``; ``strong``) and the importer takes
either language, the format's own word, and a few common variants. An unknown word is
refused with a message listing both languages, as the issue words it:
``unknown status '强' (expected 优势/有基础/薄弱/缺失/未评估 or strong/present/weak/gap/unknown)``.

The status colours are the map's own box fills (``chainmap.render.style.STATUS_FILLS``; the
core cannot import the painter, so a test keeps the two equal).
"""

from __future__ import annotations

from chainmap.core.messages import N_, msg
from chainmap.core.vocabulary import (
    ACTION_LABELS,
    ACTIONS,
    EDGE_KINDS,
    MARK_LABELS,
    MARKS,
    PRIORITIES,
    PRIORITY_LABELS,
    STATUS_LABELS,
    STATUSES,
)

from .names import is_chinese, loose

STATUS_FILLS = {
    "strong": "BFE3B4",
    "present": "E2F0D0",
    "weak": "FFE2A8",
    "gap": "F8C0B8",
    "unknown": "E4E7EB",
}

EDGE_KIND_LABELS = {"supply": ("供应", "supply"), "technology": ("技术", "technology"),
                    "service": ("服务", "service")}

# set name -> (the format's words in order, {word: (Chinese, English)}, extra spellings)
_SETS: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, str]], dict[str, str]]] = {
    "status": (STATUSES, STATUS_LABELS, {"not assessed": "unknown", "未知": "unknown", "missing": "gap"}),
    "action": (ACTIONS, ACTION_LABELS, {"optimize": "optimise"}),
    "priority": (PRIORITIES, PRIORITY_LABELS, {"h": "high", "m": "medium", "l": "low"}),
    "mark": (MARKS, MARK_LABELS, {"专精特新小巨人": "little-giant", "小巨人": "little-giant"}),
    "kind": (EDGE_KINDS, EDGE_KIND_LABELS, {}),
}


def _index(name: str) -> dict[str, str]:
    words, labels, variants = _SETS[name]
    found = {loose(v): w for v, w in variants.items()}
    for word in words:
        chinese, english = labels[word]
        for spelling in (word, chinese, english):
            found[loose(spelling)] = word
    return found


_INDEXES = {name: _index(name) for name in _SETS}


def label(set_name: str, word: str, lang: str) -> str:
    """How a sheet in ``lang`` shows ``word``: the Chinese label, or the format's own word in
    English (what the importer's message lists). A word outside the set is shown as it is."""
    words, labels, _ = _SETS[set_name]
    if word not in labels:
        return word
    return labels[word][0] if is_chinese(lang) else word


def choices(set_name: str, lang: str) -> list[str]:
    """The words a drop-down in ``lang`` offers for ``set_name``."""
    return [label(set_name, word, lang) for word in _SETS[set_name][0]]


def parse(set_name: str, text: str) -> str | None:
    """The format's word for ``text`` (either language, or the word itself), or None."""
    return _INDEXES[set_name].get(loose(text))


def expected(set_name: str) -> str:
    """``优势/有基础/薄弱/缺失/未评估 or strong/present/weak/gap/unknown``."""
    words, labels, _ = _SETS[set_name]
    return "/".join(labels[w][0] for w in words) + " or " + "/".join(words)


# One whole sentence per set; the expected words are listed in both languages, as a cell may use either.
_UNKNOWN = {
    "status": N_("unknown status '{text}' (expected {chinese} or {english})"),
    "action": N_("unknown action '{text}' (expected {chinese} or {english})"),
    "priority": N_("unknown priority '{text}' (expected {chinese} or {english})"),
    "mark": N_("unknown mark '{text}' (expected {chinese} or {english})"),
    "kind": N_("unknown kind '{text}' (expected {chinese} or {english})"),
}


def unknown_message(set_name: str, text: str) -> str:
    """``unknown status '强' (expected …)``: the message for a word outside the set, in the
    reader's language."""
    words, labels, _ = _SETS[set_name]
    return msg(_UNKNOWN[set_name], text=text, chinese="/".join(labels[w][0] for w in words), english="/".join(words))
