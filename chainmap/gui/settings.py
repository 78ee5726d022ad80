"""The editor's remembered settings: recent files, window geometry, options.

Everything goes through :func:`open_settings`, an INI file in the user's configuration
folder (organisation ``chainmap``). Tests point ``QSettings.setPath`` at a temporary folder,
so they never touch the real home.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "chainmap"
APPLICATION = "chainmap"
MAX_RECENT = 10
RECENT_KEY = "recent_files"


def open_settings() -> QSettings:
    """The editor's settings store (INI format on every platform, so it is one readable file)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def _as_list(value: object) -> list[str]:
    # QSettings gives a str for a one-element list and None for a missing key.
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return []


def recent_files() -> list[str]:
    """The recently opened maps, most recent first (files may have gone since)."""
    return _as_list(open_settings().value(RECENT_KEY))


def add_recent_file(path: str | os.PathLike[str]) -> list[str]:
    """Put ``path`` first in the recent files (at most :data:`MAX_RECENT`); returns the list."""
    absolute = str(Path(path).absolute())
    files = [absolute] + [f for f in recent_files() if f != absolute]
    files = files[:MAX_RECENT]
    settings = open_settings()
    settings.setValue(RECENT_KEY, files)
    settings.sync()
    return files


def prune_recent_files() -> tuple[list[str], list[str]]:
    """Drop recent files that no longer exist; returns ``(kept, dropped)``."""
    kept: list[str] = []
    dropped: list[str] = []
    for path in recent_files():
        (kept if os.path.isfile(path) else dropped).append(path)
    if dropped:
        settings = open_settings()
        settings.setValue(RECENT_KEY, kept)
        settings.sync()
    return kept, dropped


def clear_recent_files() -> None:
    settings = open_settings()
    settings.remove(RECENT_KEY)
    settings.sync()


def bool_setting(key: str, default: bool) -> bool:
    value = open_settings().value(key, default)
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def set_setting(key: str, value: object) -> None:
    settings = open_settings()
    settings.setValue(key, value)
    settings.sync()


# ------------------------------------------------------------------ safety
AUTOSAVE_KEY = "editor/autosave_seconds"
AUTOSAVE_DEFAULT = 30
ALWAYS_RELOAD_KEY = "editor/always_reload"


def int_setting(key: str, default: int) -> int:
    """An integer setting (``default`` when missing or not a number)."""
    value = open_settings().value(key, default)
    if not isinstance(value, int | float | str):
        return default
    try:
        return int(value)
    except ValueError:
        return default


def autosave_seconds() -> int:
    """How often unsaved work is written to the recovery folder (0: never)."""
    return max(0, int_setting(AUTOSAVE_KEY, AUTOSAVE_DEFAULT))
