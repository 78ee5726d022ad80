"""Python's JSON parser's reasons, in the reader's language.

``json.JSONDecodeError.msg`` is one of a few fixed English phrases; a Chinese reader gets the
Chinese phrase from the message table (its keys are marked here with :func:`N_`), anyone else
the phrase as the parser wrote it.
"""

from __future__ import annotations

from ..messages import N_, word

REASONS = frozenset({
    N_("Expecting value"),
    N_("Expecting ',' delimiter"),
    N_("Expecting ':' delimiter"),
    N_("Expecting property name enclosed in double quotes"),
    N_("Unterminated string starting at"),
    N_("Invalid control character at"),
    N_("Invalid \\escape"),
    N_("Invalid \\uXXXX escape"),
    N_("Extra data"),
})


def json_reason(reason: str) -> str:
    """``reason`` (a ``JSONDecodeError.msg``) in the reader's language."""
    return word(reason) if reason in REASONS else reason
