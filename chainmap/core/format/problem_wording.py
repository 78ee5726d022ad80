"""How the validator words what it finds: values, names and places as a user reads them."""

from __future__ import annotations

from typing import Any

from ..messages import msg, word


def short(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, so a message stays one line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: Any) -> str:
    """A value as a user reads it in a message: ``the text 'abc'``, ``the number 12``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and value.bit_length() > 100:
        # repr() of a huge int is slow, and refused beyond 4,300 digits.
        return msg("a number of about {digits} digits", digits=int(value.bit_length() * 0.30103) + 1)
    if isinstance(value, (int, float)):
        return msg("the number {number}", number=short(repr(value), 24))
    if isinstance(value, str):
        return msg("the text '{text}'", text=short(value)) if value else word("empty text")
    if isinstance(value, list):
        return word("a list")
    if isinstance(value, dict):
        return word("an object")
    return type(value).__name__


def listing(values: list[str], limit: int = 8) -> str:
    """``up, mid, down`` (or ``none``), at most ``limit`` of them and a count of the rest."""
    if not values:
        return word("none")
    shown = ", ".join(values[:limit])
    return shown if len(values) <= limit else msg("{shown} and {more} more", shown=shown, more=len(values) - limit)


def item_label(kind: str, item: dict[str, Any]) -> str:
    """``segment '动力电池'`` from the item's name, else its id, else ``this segment``."""
    for key in ("name", "text", "id"):
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return msg("{kind} '{name}'", kind=word(kind), name=short(value.strip(), 30))
    return msg("this {kind}", kind=word(kind))


def bad_id(value: str, what: str) -> str:
    """The sentence for an id that does not match the id pattern, saying what an id is."""
    return msg("{what} '{value}' is not a valid id: use letters, digits and _ . : -, "
               "starting with a letter or digit, at most 64 characters.", what=what, value=short(value))


def node_name(node: Any) -> str:
    """A segment's name for a message (its id when it has no name; ``?`` when neither)."""
    if isinstance(node, dict):
        for key in ("name", "id"):
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                return short(value.strip(), 30)
    return "?"


def chain_names(names: list[str], limit: int = 5) -> str:
    """``'A' → 'B' → 'C' → 'A'``, shortened to ``limit`` names."""
    shown = [f"'{name}'" for name in names[:limit]]
    if len(names) > limit:
        shown.append(msg("… ({more} more)", more=len(names) - limit))
    return " → ".join([*shown, f"'{names[0]}'"])
