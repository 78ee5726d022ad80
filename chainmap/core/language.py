"""Which language the user reads: Simplified Chinese (``zh_CN``) or English (``en``).

The system locale decides by default (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` on
Linux, in the order gettext reads them); the command line's ``--lang`` and the editor's
View ▸ Language override it with :func:`set_language`. Qt-free: the command line, the exports
and the editor all ask :func:`current_language`.
"""

from __future__ import annotations

import locale
import os
import sys

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)

_chosen: str | None = None


def normalise(text: str) -> str | None:
    """The language a locale name or a ``--lang`` value means (``zh``, ``zh_CN.UTF-8``, ``zh-Hans``
    and ``zh_TW`` all mean Chinese; ``en``, ``en_US``, ``C`` and ``POSIX`` mean English), or None
    when it names neither."""
    name = text.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if not name:
        return None
    if name.startswith("zh"):
        return CHINESE
    if name.startswith("en") or name in ("c", "posix"):
        return ENGLISH
    return None


def system_language() -> str:
    """The language the system asks for; English when it asks for neither of ours."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        # LANGUAGE may list several, in order of preference ("zh_CN:en").
        for part in value.split(":"):
            found = normalise(part)
            if found is not None:
                return found
        if value and variable != "LANGUAGE":
            return ENGLISH  # the first locale variable set decides, even when it is neither
    if sys.platform in ("win32", "darwin"):
        found = normalise(locale.getlocale()[0] or "")
        if found is not None:
            return found
    return ENGLISH


def set_language(language: str | None) -> None:
    """Override the system's choice (None goes back to it); refuses a language we do not ship."""
    global _chosen
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"'{language}' is not a language chainmap speaks; use zh_CN or en.")
    _chosen = language


def current_language() -> str:
    """``zh_CN`` or ``en``: the override if one was set, else the system's language."""
    return _chosen if _chosen is not None else system_language()


def is_chinese() -> bool:
    """True when the user reads Chinese."""
    return current_language() == CHINESE


def override() -> str | None:
    """The language :func:`set_language` chose (``--lang``), or None when the system decides."""
    return _chosen
