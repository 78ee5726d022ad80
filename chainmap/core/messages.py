"""The command line's and the core's sentences in the reader's language: a keyed message table.

The key is the English sentence itself, a ``str.format`` template (``"Tier '{tier}' is not
declared in /tiers (declared: {declared})."``; literal braces doubled, ``{{…}}``), so English output is the template filled in
and needs no table. :data:`chainmap.core.messages_zh.ZH` holds the Chinese template of each key
with the same placeholders, which the translator may move. :func:`msg` picks the template by
:func:`chainmap.core.language.current_language` and fills it. Qt-free, like the whole core;
the editor shows these sentences (validation problems, merge reports) in the same language
because it sets the same language at start.

Words chosen from a table at run time are marked with :func:`N_` where they are written, so
``tests/test_translations.py`` finds every key in the code and checks the table has it.
"""

from __future__ import annotations

from typing import Any

from .language import is_chinese


def msg(template: str, /, **values: Any) -> str:
    """``template`` in the reader's language, its ``{placeholders}`` filled from ``values``."""
    if is_chinese():
        from .messages_zh import ZH

        template = ZH.get(template, template)
    return template.format(**values)


def word(text: str) -> str:
    """A fixed word or phrase (``"segment"``, ``"the map"``) in the reader's language, not
    formatted: for pieces a sentence is filled with (their keys are marked with :func:`N_`)."""
    if is_chinese():
        from .messages_zh import ZH

        return ZH.get(text, text)
    return text


def N_(template: str) -> str:  # noqa: N802 - the customary name of a no-op marker
    """Mark ``template`` as a message key without translating it (it is said later)."""
    return template


_NOT_SAVED = N_("The map was not saved")
_NOTHING_WRITTEN = N_("Nothing was written")


def nothing_written(text: str) -> str:
    """A refusal to save a map (``"The map was not saved: …"``) said of another file an export
    writes (``"Nothing was written: …"``), in the language ``text`` speaks."""
    for start, instead in ((word(_NOT_SAVED), word(_NOTHING_WRITTEN)), (_NOT_SAVED, _NOTHING_WRITTEN)):
        if start in text:
            return text.replace(start, instead, 1)
    return text
