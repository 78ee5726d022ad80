"""The editor's words for the format's vocabulary: labels and colours of statuses, actions,
priorities, marks and segment and link kinds, in the reader's language (``"优势"`` or
``"strong"``, chosen by :func:`chainmap.core.language.current_language`, not by Qt)."""

from __future__ import annotations

from chainmap.core.language import is_chinese
from chainmap.core.vocabulary import ACTION_LABELS, MARK_LABELS, PRIORITY_LABELS, STATUS_LABELS

# Node and link kinds are free strings with usual values; the vocabulary has no labels
# for them, so the UI names them here.
NODE_KIND_LABELS = {
    "material": ("材料", "material"),
    "component": ("部件", "component"),
    "product": ("产品", "product"),
    "service": ("服务", "service"),
}
EDGE_KIND_LABELS = {
    "supply": ("供应", "supply"),
    "technology": ("技术", "technology"),
    "service": ("服务", "service"),
}
STATUS_COLORS = {
    "strong": "#1E8E3E",
    "present": "#5F8FBF",
    "weak": "#D08A00",
    "gap": "#C62828",
    "unknown": "#8A8A8A",
}

def pick(pair: tuple[str, str]) -> str:
    """The word of a ``(zh, en)`` pair in the reader's language."""
    return pair[0] if is_chinese() else pair[1]


def bilingual(labels: dict[str, tuple[str, str]], key: str) -> str:
    """The label of a vocabulary key in the reader's language (``"优势"`` or ``"strong"``); the
    key itself when it has no label. (The name stays for its callers: one language at a time.)"""
    pair = labels.get(key)
    return pick(pair) if pair else key


def status_text(status: str) -> str:
    """A status in the reader's language: ``"优势"`` / ``"strong"``."""
    return bilingual(STATUS_LABELS, status)


def action_text(action: str) -> str:
    """A plan's action in the reader's language: ``"补链"`` / ``"fill"``."""
    return bilingual(ACTION_LABELS, action)


def priority_text(priority: str) -> str:
    """A plan's priority in the reader's language."""
    return bilingual(PRIORITY_LABELS, priority)


def mark_text(mark: str) -> str:
    """An enterprise mark in the reader's language; a custom mark as it is."""
    return bilingual(MARK_LABELS, mark)
