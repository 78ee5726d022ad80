"""The command line's help in the reader's language: argparse's own words (``usage:``,
``options``, its usage errors) from the message table while chainmap's parser is built and run
(:func:`argparse_in_language`), and Chinese help wrapped by the columns a terminal gives its
characters (:class:`WideHelpFormatter`; argparse counts a Chinese character as one column, so
its lines would run past the terminal's edge)."""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from chainmap.core.language import is_chinese
from chainmap.core.messages import N_, word

# argparse's own words (its headings and usage errors), which it looks up through gettext's ``_``
# and ``ngettext``: :func:`argparse_in_language` has it look them up in the message table instead.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"), N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"), N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"), N_("one of the arguments %s is required"),
    N_("expected one argument"), N_("expected at most one argument"), N_("expected at least one argument"),
    N_("expected %s argument"), N_("expected %s arguments"), N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"), N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def _argparse_ngettext(singular: str, plural: str, count: int) -> str:
    return word(singular if count == 1 else plural)


@contextmanager
def argparse_in_language() -> Iterator[None]:
    """While building and running the parser, argparse's own words (``usage:``, ``options``,
    its usage errors) follow the reader's language; argparse is left as it was afterwards."""
    kept = argparse.__dict__.get("_"), argparse.__dict__.get("ngettext")
    argparse._ = word  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = kept  # type: ignore[attr-defined]


# A line may not start with closing punctuation: it stays at the end of the line before.
_CLOSING = set("，。、；：！？）》」』】”’,.;:!?)")
_TOKENS = re.compile(r"\s+|[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` (spaces collapsed) in lines of at most ``width`` columns, broken at spaces or
    between Chinese characters; a word longer than a line gets a line of its own."""
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(" ".join(text.split())):
        if token.isspace():
            line += " " if line else ""
        elif line and columns(line + token) > width and token[0] not in _CLOSING:
            lines.append(line.rstrip())
            line = token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class WideHelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, wrapping Chinese help by columns; English help is left to argparse."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if not is_chinese():
            return super()._split_lines(text, width)
        return wrap_columns(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if not is_chinese():
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap_columns(text, width - len(indent)))
