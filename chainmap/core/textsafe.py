"""Map text made safe to show on a terminal.

A map is data from anyone: a segment named ``"\\x1b[2J"`` would clear the screen of whoever
runs ``chainmap info`` on it, ``"\\x07"`` rings the bell, and U+202E (RIGHT-TO-LEFT OVERRIDE)
makes a line read backwards. Every command that prints map text passes it through here, so
such characters are shown as escapes (``\\x1b``, ``\\u202e``) and never acted upon.

What is escaped: the C0 controls (U+0000–U+001F) except tab (and, where asked, newline), DEL,
the C1 controls (U+0080–U+009F, which some terminals read as ESC sequences), the bidi
embeddings, overrides, isolates and marks, and the line and paragraph separators.
"""

from __future__ import annotations

import json
import re
from typing import Any

_BIDI_AND_SEPARATORS = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}]")
_UNSAFE_KEEPING_NEWLINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}]")
# What JSON leaves raw inside strings (it escapes C0 itself) but a terminal would act on.
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI_AND_SEPARATORS}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_safe(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control and bidi character shown as an escape (``\\x1b``).

    Tabs are kept; newlines too with ``keep_newlines`` (for a message of several lines we
    wrote ourselves). A line of map text keeps them escaped, so that a name can never begin
    a line of its own and pass for another fact.
    """
    pattern = _UNSAFE_KEEPING_NEWLINES if keep_newlines else _UNSAFE
    return pattern.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def json_safe(text: str) -> str:
    """JSON text with DEL, C1 and bidi characters written as ``\\uXXXX``: the same JSON value.

    ``json.dumps`` escapes the C0 controls but leaves these raw; they can only occur inside
    strings, where ``\\uXXXX`` means the very same character.
    """
    return _UNSAFE_IN_JSON.sub(_json_escape, text)


def dumps_safe(value: Any, *, indent: int | None = 2) -> str:
    """``json.dumps`` (UTF-8 text, not ASCII) that is safe to print on a terminal."""
    return json_safe(json.dumps(value, ensure_ascii=False, indent=indent))


def xml_safe(text: str) -> str:
    """XML text with DEL, C1 and bidi characters written as character references (``&#x202e;``).

    For SVG shown on a terminal; XML 1.0 allows none of the C0 controls but tab, newline and
    carriage return, so a valid document holds no other.
    """
    return _UNSAFE_IN_JSON.sub(lambda m: f"&#x{ord(m.group(0)):x};", text)
